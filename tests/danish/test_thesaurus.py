from __future__ import annotations

from politikbase.danish.thesaurus import has_thesaurus, synonyms


def test_the_thesaurus_is_installed() -> None:
    assert has_thesaurus()


def test_synonyms_of_everyday_words() -> None:
    assert "psykisk" in synonyms("mental")
    assert "mental" in synonyms("Psykisk")
    assert "mad" in synonyms("kost")


def test_hyponyms_and_phrases_are_left_out() -> None:
    assert all(" " not in word for word in synonyms("uddannelse"))
    assert "blomsterkost" not in synonyms("mad")
    assert synonyms("samskabelse") == ()
    assert synonyms("ikkeetord") == ()
