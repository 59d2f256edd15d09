"""Policies a document replaces, builds on and should be read with; laws and amounts."""

from __future__ import annotations

from politikbase.analyse import analyse_document


def test_a_list_of_replaced_policies_is_split() -> None:
    text = "Regler om indkøb og udbud\nReglerne erstatter indkøbspolitikken og udbudsstrategien."
    facts = analyse_document(text)
    assert facts.replaces == ["indkøbspolitikken", "udbudsstrategien"]
    assert [e.text for e in facts.evidence["replaces"]] == [
        "erstatter indkøbspolitikken", "erstatter indkøbspolitikken og udbudsstrategien",
    ]


def test_one_replaced_thing_keeps_its_phrase() -> None:
    text = (
        "Strategiplan\nStrategiplanen erstatter de hidtidige virksomhedsplaner for både "
        "direktionen og resten af administrationen. Som erstatning udarbejdes arbejdsplaner."
    )
    assert analyse_document(text).replaces == [
        "de hidtidige virksomhedsplaner for både direktionen og resten af administrationen"
    ]


def test_examples_of_a_class_are_the_values() -> None:
    text = (
        "Strategi\nStrategien tager udgangspunkt i forskellige politikker i Glostrup Kommune, "
        "herunder Sundhedspolitikken."
    )
    assert analyse_document(text).based_on == ["Sundhedspolitikken"]


def test_examples_in_the_next_sentence() -> None:
    text = (
        "Handicappolitik\nHandicappolitikken skal derfor ses i sammenhæng med kommunens vision "
        "samt nuværende og kommende politikker og strategier. Eksempelvis værdighedspolitikken, "
        "sundhedspolitikken og digitaliseringsstrategien\n\nI 2009 ratificerede Danmark."
    )
    assert analyse_document(text).related_to == [
        "værdighedspolitikken", "sundhedspolitikken", "digitaliseringsstrategien",
    ]


def test_names_with_owners_and_editions() -> None:
    text = (
        "Erhvervspolitik\nPolitikken bygger på Byrådets Vision, Rudersdal Kommunes "
        "psykiatri- og handicappolitik og Klimaplan 2030. Den afløser Erhvervspolitikken fra 2015."
    )
    facts = analyse_document(text)
    assert facts.based_on == [
        "Byrådets Vision", "Rudersdal Kommunes psykiatri- og handicappolitik", "Klimaplan 2030",
    ]
    assert facts.replaces == ["Erhvervspolitikken fra 2015"]


def test_objects_that_name_no_policy_give_nothing() -> None:
    text = (
        "Mad- og måltidspolitik\nPolitikken tager udgangspunkt i de gældende officielle "
        "anbefalinger for mad. Samarbejdet tager afsæt i den enkeltes ressourcer. Vi tager "
        "udgangspunkt i principper som dansk handicappolitik bygger på."
    )
    facts = analyse_document(text)
    assert (facts.based_on, facts.replaces, facts.related_to) == ([], [], [])


def test_laws_and_amounts_are_collected_once_each() -> None:
    text = (
        "Værdighedspolitik\nDer afsættes på Finansloven en milliard kroner. Kommunen modtog "
        "4.188.000 kr. efter Servicelovens § 83 og § 86. Igen efter servicelovens § 83."
    )
    facts = analyse_document(text)
    assert facts.law_refs == ["Finansloven", "Servicelovens § 83", "Servicelovens § 86"]
    assert facts.amounts == ["en milliard kroner", "4.188.000 kr."]
