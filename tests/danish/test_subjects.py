"""The subject vocabulary: its areas, their KLE codes, and the words that signal them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from politikbase.danish.subjects import (
    AREA_BY_SLUG,
    SUBJECT_AREAS,
    default_subject_words,
    inflected_forms,
    kle_codes,
    kle_name,
)

SLUG = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def _areas(word: str) -> set[str]:
    words = default_subject_words()
    return {SUBJECT_AREAS[area].slug for area, _ in words.signals(word.lower())}


def test_the_vocabulary_has_about_twenty_areas_with_stable_slugs() -> None:
    assert 18 <= len(SUBJECT_AREAS) <= 25
    assert len(AREA_BY_SLUG) == len(SUBJECT_AREAS)
    for area in SUBJECT_AREAS:
        assert SLUG.match(area.slug), area.slug
        assert area.label[0].isupper()
        assert area.cues


def test_the_shipped_kle_subset_is_the_shared_one(shared: Path) -> None:
    codes = kle_codes()
    assert len(codes) == 2214
    assert sum(len(code) == 2 for code in codes) == 34
    assert kle_name("29") == "Sundhed"
    assert kle_name("17") == "Folkeskoleundervisning"
    shipped = Path(__file__).resolve().parents[2] / "src/politikbase/danish/data/kle_subset.tsv"
    assert shipped.read_bytes() == (shared / "data" / "kle" / "kle_subset.tsv").read_bytes()


def test_every_area_maps_to_real_kle_codes() -> None:
    codes = kle_codes()
    for area in SUBJECT_AREAS:
        assert area.kle, area.slug
        for code in area.kle:
            assert code in codes, (area.slug, code)
    assert ("28", "Dagtilbud") in AREA_BY_SLUG["boern-og-unge"].kle_names()
    assert ("87", "Kommunens arbejdsmiljø") in AREA_BY_SLUG[
        "personale-og-arbejdsmiljoe"
    ].kle_names()


@pytest.mark.parametrize(
    ("word", "slug"),
    [
        ("Handicappolitik", "handicap"),
        ("handicappolitikken", "handicap"),
        ("handicappede", "handicap"),
        ("ældrepolitik", "aeldre"),
        ("værdighedspolitik", "aeldre"),
        ("frivillighedsstrategi", "frivillighed-og-civilsamfund"),
        ("klimaplan", "klima-og-miljoe"),
        ("energistrategien", "klima-og-miljoe"),
        ("børne", "boern-og-unge"),
        ("ungepolitik", "boern-og-unge"),
        ("dagtilbuddene", "boern-og-unge"),
        ("sundheds", "sundhed"),
        ("folkeoplysningspolitik", "kultur-og-fritid"),
        ("flygtningepolitik", "integration"),
        ("tosprogede", "integration"),
        ("beskæftigelsesindsatsen", "beskaeftigelse"),
        ("skolepolitikken", "skole-og-uddannelse"),
        ("arbejdsmiljøpolitik", "personale-og-arbejdsmiljoe"),
        ("kommunikationspolitik", "kommunikation-og-borgerservice"),
        ("indkøbspolitik", "oekonomi"),
    ],
)
def test_words_and_compounds_signal_their_area(word: str, slug: str) -> None:
    assert slug in _areas(word)


def test_the_longest_cue_in_a_compound_wins() -> None:
    # "informationssikkerhed" is a cue of its own: its part "information" adds nothing.
    assert _areas("informationssikkerhedspolitik") == {"digitalisering-og-it"}


def test_ambiguous_heads_do_not_signal() -> None:
    # "miljø" and "kultur" as the last part: the first part says which is meant.
    assert _areas("arbejdsmiljø") == {"personale-og-arbejdsmiljoe"}
    assert "klima-og-miljoe" not in _areas("læringsmiljøet")
    assert "kultur-og-fritid" not in _areas("organisationskultur")
    assert "klima-og-miljoe" in _areas("miljøpolitikken")


@pytest.mark.parametrize(
    "word", ["lede", "lægge", "naturlig", "koster", "gælder", "efteruddannelse"]
)
def test_words_a_stemmer_would_merge_with_a_cue_signal_nothing(word: str) -> None:
    assert _areas(word) == set()


def test_inflected_forms_cover_definite_plural_and_genitive() -> None:
    assert {"skolen", "skolerne", "skolens"} <= inflected_forms("skole")
    assert {"ungdommen", "ungdommens"} <= inflected_forms("ungdom")
    assert "udsatte" in inflected_forms("udsat")
    assert "tosprogede" in inflected_forms("tosproget")
    assert "børnenes" in inflected_forms("børn")


def test_phrases_and_capitals() -> None:
    words = default_subject_words()
    lowered = "arbejdet med mental sundhed og socialt udsatte borgere"
    slugs = {SUBJECT_AREAS[hit.area].slug for hit in words.phrase_hits(lowered)}
    assert slugs == {"psykiatri", "socialomraadet"}
    text = "IT-strategi 0-18 år, it is fine, HR og SSP"
    hits = words.capital_hits(text)
    assert [(SUBJECT_AREAS[hit.area].slug, text[hit.start : hit.end]) for hit in hits] == [
        ("digitalisering-og-it", "IT"),
        ("personale-og-arbejdsmiljoe", "HR"),
        ("tryghed-og-beredskab", "SSP"),
    ]
