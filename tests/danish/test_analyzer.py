from __future__ import annotations

import pytest

from politikbase.danish.analyzer import DanishAnalyzer, fold_spelling


@pytest.fixture(scope="module")
def analyzer() -> DanishAnalyzer:
    return DanishAnalyzer()


def test_fold_spelling_old_aa_and_foreign_letters() -> None:
    assert fold_spelling("Aabenraa og AALBORG") == "Åbenrå og ÅLBORG"
    assert fold_spelling("Malmö, Bräuer") == "Malmø, Bræuer"
    assert fold_spelling("a\u030ar") == "år"  # decomposed å
    assert fold_spelling("for og før") == "for og før"


def test_old_spelling_and_case_meet(analyzer: DanishAnalyzer) -> None:
    assert analyzer.stem("Aarhus") == analyzer.stem("århus")
    assert analyzer.stem("ÆLDREPOLITIK") == analyzer.stem("ældrepolitik")


def test_danish_letters_are_kept(analyzer: DanishAnalyzer) -> None:
    assert analyzer.stem("sø") == "sø"
    assert analyzer.stem("bøger") != analyzer.stem("boger")


def test_stop_words_and_stemming(analyzer: DanishAnalyzer) -> None:
    assert analyzer.terms("og i for at det") == []
    assert analyzer.stem("strategien") == analyzer.stem("strategier") == "strategi"
    assert analyzer.stem("hvornår") is None


def test_compound_terms_keep_whole_and_parts(analyzer: DanishAnalyzer) -> None:
    terms = analyzer.terms("Handicappolitikken")
    assert terms[0] == "handicappolitik"
    assert {"handicap", "politik"} <= set(terms)


def test_query_words_meet_compounds(analyzer: DanishAnalyzer) -> None:
    document = set(analyzer.terms("Handicappolitik"))
    participle = analyzer.analyze_word("handicappede")
    assert participle.base == "handicap"
    assert participle.base in document
    assert analyzer.stem("politik") in document


def test_word_analysis_of_compound(analyzer: DanishAnalyzer) -> None:
    analysis = analyzer.analyze_word("arbejdsmiljøpolitikken")
    assert analysis.term == "arbejdsmiljøpolitik"
    assert analysis.is_compound
    assert analysis.modifier == analyzer.stem("arbejdsmiljø")
    assert analysis.head == "politik"


def test_truncated_coordination_gives_both_compounds(analyzer: DanishAnalyzer) -> None:
    terms = set(analyzer.terms("Børne- og ungepolitik"))
    assert {"børnepolitik", "ungepolitik", "børn", "ung", "politik"} <= terms


def test_tokens_have_exact_offsets(analyzer: DanishAnalyzer, seeds: dict[str, str]) -> None:
    text = seeds["002"]
    tokens = list(analyzer.tokens(text))
    assert len(tokens) > 1000
    assert all(text[token.start : token.end] == token.word for token in tokens)


def test_real_text_terms(analyzer: DanishAnalyzer, seeds: dict[str, str]) -> None:
    terms = set(analyzer.terms(seeds["003"]))
    assert {"handicappolitik", "handicap", "politik"} <= terms
    assert "og" not in terms
