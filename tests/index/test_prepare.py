"""The index's analysis done ahead of time gives the same index as doing it on add."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from politikbase.index import IndexDocument, SearchIndex
from politikbase.index.prepare import prepare_document

DOCUMENT = IndexDocument(
    record_id="r1", title="Handicappolitik",
    text="Handicappolitikken gælder for alle borgere med handicap.\n\nDen revideres hvert "
    "fjerde år af kommunalbestyrelsen.", municipality="Glostrup Kommune", doc_type="politik",
)


def test_prepared_and_direct_indexing_agree(tmp_path: Path) -> None:
    direct, ahead = SearchIndex(tmp_path / "direct"), SearchIndex(tmp_path / "ahead")
    direct.add(DOCUMENT)
    ahead.add(DOCUMENT, prepare_document(replace(DOCUMENT, record_id="")))
    for index in (direct, ahead):
        index.commit()
    for query in ("politik for handicappede", "revision", "kommunalbestyrelsen"):
        assert [(h.record_id, h.snippet, h.passage_start) for h in direct.search(query)] == [
            (h.record_id, h.snippet, h.passage_start) for h in ahead.search(query)
        ]


def test_stale_preparation_is_not_used(tmp_path: Path) -> None:
    prepared = prepare_document(DOCUMENT)
    corrected = replace(DOCUMENT, title="Politik for borgere med handicap", doc_type="strategi")
    assert prepared.is_for(DOCUMENT)
    assert not prepared.is_for(corrected)
    index = SearchIndex(tmp_path / "index")
    index.add(corrected, prepared)
    index.commit()
    [hit] = index.search("borgere", doc_type="strategi")
    assert hit.title == "Politik for borgere med handicap"
