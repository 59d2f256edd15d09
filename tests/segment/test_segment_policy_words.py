"""The Danish knowledge segmentation relies on: policy names, link lines, adoption phrases."""

from __future__ import annotations

from politikbase.danish.lexicon import default_lexicon
from politikbase.danish.page_phrases import (
    is_adoption_statement,
    is_link_line,
    link_object,
    link_verb_ends,
    strip_file_markers,
)
from politikbase.danish.policy_words import find_policy_names, first_policy_name, indefinite_noun


def test_policy_names_are_found_with_base_forms_and_exact_spans() -> None:
    text = "Børne- og ungepolitikken og IT-strategien bygger på kommuneplanen."
    names = find_policy_names(text)
    assert [(n.name, n.definite, n.compound) for n in names] == [
        ("Børne- og ungepolitik", True, True),
        ("IT-strategi", True, True),
        ("kommuneplan", True, True),
    ]
    assert [text[n.start : n.end] for n in names] == [n.written for n in names]


def test_bare_nouns_and_look_alikes_are_not_names() -> None:
    assert first_policy_name("Politikken beskriver planen og revisionen af den.") is None
    assert [n.noun for n in find_policy_names("Politikken beskriver planen")] == [
        "politik",
        "plan",
    ]
    assert find_policy_names("den årlige revision og trafikplanlægning") == []


def test_upper_case_coordinated_names_keep_their_case() -> None:
    (name,) = find_policy_names("BØRNE- OG UNGEPOLITIK DRAGØR KOMMUNE")
    assert name.name == "BØRNE- OG UNGEPOLITIK"


def test_indefinite_forms_use_the_word_list_for_other_nouns() -> None:
    is_word = default_lexicon().is_word
    assert indefinite_noun("ungesynet", is_word) == "ungesyn"
    assert indefinite_noun("Energistrategien", is_word) == "Energistrategi"
    assert indefinite_noun("reglerne", is_word) == "regler"
    assert indefinite_noun("pjecen", is_word) == "pjece"
    assert indefinite_noun("budget", is_word) == "budget"


def test_link_lines_in_several_wordings() -> None:
    for line in (
        "Hent handicappolitikken her",
        "Download ældrepolitikken",
        "Læs klimaplanen (pdf)",
        "Læs mere",
        "Se strategien her",
    ):
        assert is_link_line(line), line
    for line in (
        "Se også kommunens øvrige politikker på området og i lovgivningen i øvrigt",
        "Læsning er vigtigt for alle børn",
        "Handicappolitik",
    ):
        assert not is_link_line(line), line
    assert link_object("Hent den finansielle politik her") == "finansielle politik"
    assert link_object("Læs mere om klimaplanen") == "klimaplanen"
    assert link_object("Hent her") is None
    assert strip_file_markers("Rygepolitik (PDF, 1,2 MB)") == "Rygepolitik"


def test_adoption_statements_need_a_verb_and_a_year() -> None:
    assert is_adoption_statement("Politikken er vedtaget af byrådet den 3. maj 2019.")
    assert is_adoption_statement("Godkendt i Nyborg Byråd 19.03.2013")
    assert not is_adoption_statement("Politikken vedtages hvert fjerde år.")
    assert not is_adoption_statement("Byrådet har godkendt rammerne.")


def test_link_verbs_are_found_only_where_a_line_starts() -> None:
    lowered = "hent politikken\nvi vil hente data\n  læs mere her\nse\nsene tider\n"
    ends = link_verb_ends(lowered)
    assert [lowered[end - 4 : end] for end in ends] == ["hent", " læs", "r\nse"]


def test_a_name_with_a_long_head_keeps_it_within_the_range_read() -> None:
    text = "Om Sundheds-, Ældre- og omsorgspolitikken og Klima_handleplan-2030"
    names = find_policy_names(text, 3)
    assert [n.written for n in names] == ["Sundheds-, Ældre- og omsorgspolitikken"]
    assert [n.written for n in find_policy_names(text, text.index("omsorgs"))] == [
        "omsorgspolitikken"
    ]
    # A range that starts inside a word reads the word from there.
    assert [n.written for n in find_policy_names(text, text.index("sorgs"))] == [
        "sorgspolitikken"
    ]
