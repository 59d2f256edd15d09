from __future__ import annotations

import re
from pathlib import Path

import pytest

from politikbase.danish.analyzer import DanishAnalyzer
from politikbase.index import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    IndexDocument,
    IndexLocked,
    SearchIndex,
)
from politikbase.index.snippets import strip_markup

HIGHLIGHTED = re.compile(re.escape(HIGHLIGHT_START) + r"(.+?)" + re.escape(HIGHLIGHT_END))


@pytest.fixture(scope="module")
def analyzer() -> DanishAnalyzer:
    return DanishAnalyzer()


def is_title_line(line: str) -> bool:
    line = line.strip()
    return (
        0 < len(line) < 50
        and not line.endswith((".", ":"))
        and not line.startswith(("Hent ", "- "))
    )


def listing_entries(listing: str) -> list[IndexDocument]:
    """The entries of the policy listing page, each from a short title line on.

    Lines before the first title (entries whose titles the page lost) form one
    document titled like the page.
    """
    blocks: list[list[str]] = [["Politikker og strategier"]]
    for line in listing.splitlines():
        if is_title_line(line):
            blocks.append([])
        blocks[-1].append(line)
    return [
        IndexDocument(
            record_id=f"glostrup-{number:02d}",
            title=block[0].strip(),
            text="\n".join(block[1:]),
            municipality="Glostrup Kommune",
            doc_type="politik" if "politik" in block[0].lower() else "strategi",
        )
        for number, block in enumerate(blocks, start=1)
    ]


@pytest.fixture(scope="module")
def corpus(seeds: dict[str, str]) -> dict[str, IndexDocument]:
    documents = listing_entries(seeds["000"])
    documents += [
        IndexDocument(
            "lyngby-strategiplan",
            "Forvaltningens strategiplan",
            seeds["001"],
            "Lyngby-Taarbæk Kommune",
            "plan",
        ),
        IndexDocument(
            "glostrup-sundhedspolitik",
            "Sundhedspolitik",
            seeds["002"],
            "Glostrup Kommune",
            "politik",
            page_starts=[0, 3000, 6000],
        ),
        IndexDocument(
            "glostrup-handicappolitik",
            "Glostrup Kommunes Handicappolitik",
            seeds["003"],
            "Glostrup Kommune",
            "politik",
        ),
        IndexDocument(
            "skanderborg-konference", "Kommunen 3.0", seeds["004"], "Skanderborg Kommune", "andet"
        ),
    ]
    return {document.record_id: document for document in documents}


@pytest.fixture(scope="module")
def index(
    tmp_path_factory: pytest.TempPathFactory,
    corpus: dict[str, IndexDocument],
    analyzer: DanishAnalyzer,
) -> SearchIndex:
    search_index = SearchIndex(tmp_path_factory.mktemp("index"), analyzer=analyzer)
    for document in corpus.values():
        search_index.add(document)
    search_index.commit()
    return search_index


def titles(hits: list) -> list[str]:
    return [hit.title for hit in hits]


def test_listing_entries_are_built(corpus: dict[str, IndexDocument]) -> None:
    entries = [doc for doc in corpus.values() if re.fullmatch(r"glostrup-\d+", doc.record_id)]
    assert len(entries) >= 25
    assert entries[0].title == "Politikker og strategier"
    assert any(doc.title == "Handicappolitik" for doc in entries)


def test_one_hit_per_document(index: SearchIndex) -> None:
    hits = index.search("sundhed", limit=10)
    assert len(hits) == 10
    assert len({hit.record_id for hit in hits}) == 10
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_politik_for_handicappede_finds_handicappolitik(index: SearchIndex) -> None:
    top = titles(index.search("politik for handicappede", limit=3))
    assert "Handicappolitik" in top
    assert "Glostrup Kommunes Handicappolitik" in top


def test_compound_parts_find_compounds(index: SearchIndex) -> None:
    assert "Politikker og strategier" in titles(index.search("arbejdsmiljø", limit=3))
    assert "Energistrategi" in titles(index.search("strategi for energi", limit=3))
    assert "Informationssikkerhedspolitik" in titles(index.search("sikkerhedspolitik", limit=3))


def test_truncated_coordination_is_searchable(index: SearchIndex) -> None:
    # The listing's first entry says "Børne- og ungepolitikken": it holds both compounds.
    assert "Politikker og strategier" in titles(index.search("børnepolitikken", limit=5))
    assert "Politikker og strategier" in titles(index.search("ungepolitik", limit=5))
    assert "Kultur- og fritidspolitik" in titles(index.search("kulturpolitik", limit=3))


def test_exact_compound_outranks_parts(tmp_path: Path, analyzer: DanishAnalyzer) -> None:
    index = SearchIndex(tmp_path, analyzer=analyzer)
    index.add(IndexDocument("parts", "Politik", "Vores politik for borgere med handicap."))
    index.add(IndexDocument("exact", "Politik", "Vores handicappolitik for borgerne."))
    # Other policies, so that "politik" is as common as in any register.
    for number, topic in enumerate(("sundhed", "kultur", "klima", "ældre", "idræt")):
        index.add(IndexDocument(f"other-{number}", "Politik", f"Vores politik for {topic}."))
    index.commit()
    hits = index.search("handicappolitik")
    assert [hit.record_id for hit in hits][:2] == ["exact", "parts"]


def test_title_weighs_more_than_text(tmp_path: Path, analyzer: DanishAnalyzer) -> None:
    index = SearchIndex(tmp_path, analyzer=analyzer)
    index.add(IndexDocument("in-text", "Plan", "En plan for demens og pårørende i kommunen."))
    index.add(IndexDocument("in-title", "Demens", "En plan for pårørende og borgere i kommunen."))
    index.commit()
    assert index.search("demens")[0].record_id == "in-title"


def test_filters(index: SearchIndex) -> None:
    lyngby = index.search("strategi", municipality="Lyngby-Taarbæk Kommune")
    assert [hit.record_id for hit in lyngby] == ["lyngby-strategiplan"]
    glostrup = index.search("strategi", municipality="Glostrup Kommune", limit=50)
    assert glostrup and all(hit.record_id.startswith("glostrup") for hit in glostrup)
    plans = index.search("sundhed", doc_type="plan")
    assert [hit.record_id for hit in plans] == ["lyngby-strategiplan"]
    assert index.search("sundhed", municipality="Ingen Kommune") == []
    assert index.search("sundhed", municipality="glostrup kommune") == []  # exact values


def test_snippets_point_at_the_text(index: SearchIndex, corpus: dict[str, IndexDocument]) -> None:
    for query in ("politik for handicappede", "børn og unge", '"sund by"', "sundhedspolitikken"):
        for hit in index.search(query):
            text = corpus[hit.record_id].text
            passage = text[hit.passage_start : hit.passage_end]
            assert passage and passage == passage.strip()
            assert strip_markup(hit.snippet) in passage
            marked = HIGHLIGHTED.findall(hit.snippet)
            assert marked, (query, hit.snippet)
            assert all(word in passage for word in marked)


def test_snippet_marks_compound_matches(index: SearchIndex) -> None:
    hit = index.search("politik for handicappede", limit=1)[0]
    assert re.search(r"\[\[Handicappolitik\w*\]\]", hit.snippet, re.IGNORECASE)


def test_pages_of_passages(index: SearchIndex, corpus: dict[str, IndexDocument]) -> None:
    hits = index.search("sundhed", municipality="Glostrup Kommune", doc_type="politik", limit=20)
    paged = [hit for hit in hits if hit.record_id == "glostrup-sundhedspolitik"]
    assert paged
    starts = corpus["glostrup-sundhedspolitik"].page_starts
    for hit in paged:
        expected = sum(1 for start in starts if start <= hit.passage_start)
        assert hit.page == expected
    assert all(hit.page is None for hit in hits if hit.record_id != "glostrup-sundhedspolitik")


def test_phrase_requires_adjacent_words(index: SearchIndex) -> None:
    hits = index.search('"sund by"')
    assert hits
    for hit in hits:
        assert re.search(r"sund\]\]\s+\[\[by", hit.snippet, re.IGNORECASE)


def test_excluded_word(index: SearchIndex) -> None:
    with_demens = {hit.record_id for hit in index.search("borgere", limit=50)}
    without = {hit.record_id for hit in index.search("borgere -demens", limit=50)}
    assert without < with_demens
    assert all("demens" not in hit.snippet.lower() for hit in index.search("borgere -demens"))
    assert "Demens" not in titles(index.search("demensstrategien -demens"))


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "AND OR NOT",
        "(((",
        "title:",
        "-",
        "--",
        ":",
        "*?",
        "[]{}^~",
        "\\",
        "",
        "   ",
        "og i for",
        '"unclosed phrase',
        "a" * 500,
        "sundhed)) OR (",
        "\x00",
        "😀",
    ],
)
def test_bad_query_syntax_never_raises(index: SearchIndex, query: str) -> None:
    assert isinstance(index.search(query), list)


def test_stop_words_only_find_nothing(index: SearchIndex) -> None:
    assert index.search("og i for") == []
    assert index.search("sundhed", limit=0) == []


def test_delete_and_replace(
    tmp_path: Path, analyzer: DanishAnalyzer, seeds: dict[str, str]
) -> None:
    index = SearchIndex(tmp_path, analyzer=analyzer)
    index.add(IndexDocument("a", "Sundhedspolitik", seeds["002"]))
    index.add(IndexDocument("b", "Handicappolitik", seeds["003"]))
    index.commit()
    both = index.count_passages()
    assert {hit.record_id for hit in index.search("politik")} == {"a", "b"}

    index.delete("a")
    index.commit()
    assert {hit.record_id for hit in index.search("politik")} == {"b"}
    only_b = index.count_passages()
    assert 0 < only_b < both

    index.add(IndexDocument("b", "Veteranpolitik", "Politik for veteraner og deres familier."))
    index.add(IndexDocument("b", "Veteranpolitik", "Politik for veteraner og deres pårørende."))
    index.commit()
    assert index.count_passages() == 1
    assert index.search("handicap") == []
    hits = index.search("veteraner")
    assert [(hit.record_id, hit.title) for hit in hits] == [("b", "Veteranpolitik")]


def test_index_persists_in_its_folder(tmp_path: Path, analyzer: DanishAnalyzer) -> None:
    with SearchIndex(tmp_path, analyzer=analyzer) as index:
        index.add(IndexDocument("x", "Åbenrå", "Aabenraa Kommunes ældrepolitik."))
        index.commit()
    reopened = SearchIndex(tmp_path, analyzer=analyzer)
    assert reopened.count_passages() == 1
    assert [hit.record_id for hit in reopened.search("Åbenrå ældrepolitik")] == ["x"]
    assert [hit.record_id for hit in reopened.search("aabenraa")] == ["x"]


def test_second_writer_is_refused_clearly(tmp_path: Path, analyzer: DanishAnalyzer) -> None:
    first = SearchIndex(tmp_path, analyzer=analyzer)
    first.add(IndexDocument("a", "Politik", "Tekst."))
    second = SearchIndex(tmp_path, analyzer=analyzer)
    with pytest.raises(IndexLocked):
        second.add(IndexDocument("b", "Politik", "Tekst."))
    first.commit()
    first.close()
    second.add(IndexDocument("b", "Politik", "Tekst."))
    second.commit()
    assert second.count_passages() == 2


def test_query_with_truncated_coordination(index: SearchIndex) -> None:
    top = titles(index.search("børne- og ungepolitik", limit=3))
    assert "Den sammenhængende børnepolitik" in top


def test_hyphenated_query_words_rank_together(index: SearchIndex) -> None:
    assert index.search("IT-strategi", limit=1)[0].title == "IT-strategi 0-18 år"


def test_title_only_document_is_found(tmp_path: Path, analyzer: DanishAnalyzer) -> None:
    index = SearchIndex(tmp_path, analyzer=analyzer)
    index.add(IndexDocument("t", "Veteranpolitik", ""))
    index.commit()
    hits = index.search("veteraner")
    assert [(hit.record_id, hit.passage_start, hit.passage_end) for hit in hits] == [("t", 0, 0)]
