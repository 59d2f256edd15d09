"""The passage index on disk: adding, replacing, deleting and searching documents.

Each document is cut into passages (`politikbase.index.passages`) and each passage is
one tantivy document carrying the document's title, record id and filters. A search
ranks passages and keeps the best passage of each document: a document ranks by its
best passage (the usual "max-passage" rule), and that passage is the one shown.
"""

from __future__ import annotations

from pathlib import Path

import tantivy

from politikbase.danish.analyzer import TOKENIZER_NAME, DanishAnalyzer
from politikbase.index.models import IndexDocument, SearchHit
from politikbase.index.prepare import PreparedDocument, default_analyzer, prepare_document
from politikbase.index.query import build_query, parse_query
from politikbase.index.schema import (
    BODY,
    BODY_EXPANDED,
    DOC_TYPE,
    END,
    MUNICIPALITY,
    PAGE,
    RECORD_ID,
    RECORD_KEY,
    START,
    TEXT_STORED,
    TITLE,
    TITLE_EXPANDED,
    TITLE_STORED,
    build_schema,
    record_key,
)
from politikbase.index.snippets import make_snippet

# Modest on a shared two-core machine: one indexing thread beside the Python thread
# that analyses text, and a memory budget after which tantivy writes a segment.
WRITER_HEAP_BYTES = 64_000_000
WRITER_THREADS = 1
# Passages fetched per requested hit before grouping by document; more are fetched
# when long documents take up too many of them.
CANDIDATES_PER_HIT = 4
MIN_CANDIDATES = 40
CANDIDATE_GROWTH = 4


class IndexSchemaMismatch(RuntimeError):
    """The folder holds an index of another layout; rebuild it."""


class IndexLocked(RuntimeError):
    """Another writer (in this or another process) holds the index folder."""


class SearchIndex:
    """A passage-level full-text index in a folder (created if missing).

    Changes (`add`, `delete`) become visible to searches at `commit`. Several readers
    may share one folder; only one writer at a time (tantivy locks the folder while
    this object holds its writer; `close` releases it).
    """

    def __init__(self, path: Path, *, analyzer: DanishAnalyzer | None = None) -> None:
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self._analyzer = analyzer if analyzer is not None else default_analyzer()
        self._schema = build_schema()
        try:
            self._index = tantivy.Index(self._schema, path=str(self.path), reuse=True)
        except ValueError as error:
            raise IndexSchemaMismatch(
                f"the index in {self.path} has another layout; delete the folder and "
                f"re-index ({error})"
            ) from error
        self._index.register_tokenizer(TOKENIZER_NAME, self._analyzer.token_pipeline())
        self._writer: tantivy.IndexWriter | None = None

    # -- writing -----------------------------------------------------------------------

    def _open_writer(self) -> tantivy.IndexWriter:
        if self._writer is None:
            try:
                self._writer = self._index.writer(
                    heap_size=WRITER_HEAP_BYTES, num_threads=WRITER_THREADS
                )
            except ValueError as error:
                raise IndexLocked(
                    f"the index in {self.path} is being written by another process; "
                    f"try again when it has finished ({error})"
                ) from error
        return self._writer

    def add(self, doc: IndexDocument, prepared: PreparedDocument | None = None) -> None:
        """Index a document's passages, replacing any earlier version of the record.

        `prepared` is the document's analysis done beforehand (in a worker process);
        it is used when it still fits the document, else the analysis runs here.
        """
        if prepared is None or not prepared.is_for(doc):
            prepared = prepare_document(doc, self._analyzer)
        writer = self._open_writer()
        writer.delete_documents_by_term(RECORD_ID, doc.record_id)
        key = record_key(doc.record_id)
        title_bytes = doc.title.encode("utf-8")
        for passage in prepared.passages:
            entry = tantivy.Document()
            entry.add_text(RECORD_ID, doc.record_id)
            entry.add_unsigned(RECORD_KEY, key)
            entry.add_text(TITLE, prepared.title_prepared)
            entry.add_text(TITLE_EXPANDED, prepared.title_expanded)
            entry.add_text(BODY, passage.body)
            entry.add_text(BODY_EXPANDED, passage.body_expanded)
            if doc.municipality is not None:
                entry.add_text(MUNICIPALITY, doc.municipality)
            if doc.doc_type is not None:
                entry.add_text(DOC_TYPE, doc.doc_type)
            entry.add_unsigned(START, passage.start)
            entry.add_unsigned(END, passage.end)
            entry.add_unsigned(PAGE, passage.page or 0)
            entry.add_bytes(TITLE_STORED, title_bytes)
            entry.add_bytes(TEXT_STORED, doc.text[passage.start : passage.end].encode("utf-8"))
            writer.add_document(entry)

    def delete(self, record_id: str) -> None:
        """Remove every passage of a record."""
        self._open_writer().delete_documents_by_term(RECORD_ID, record_id)

    def clear(self) -> None:
        """Remove every passage (before a rebuild from the register)."""
        self._open_writer().delete_all_documents()

    def commit(self) -> None:
        """Make the changes so far durable and visible to searches."""
        if self._writer is not None:
            self._writer.commit()
        self._index.reload()

    def close(self) -> None:
        """Wait for background merges and release the writer's lock on the folder."""
        if self._writer is not None:
            self._writer.wait_merging_threads()
            self._writer = None

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- reading -----------------------------------------------------------------------

    def count_passages(self) -> int:
        """Passages visible to searches (as of the last commit)."""
        return self._index.searcher().num_docs

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        municipality: str | None = None,
        doc_type: str | None = None,
    ) -> list[SearchHit]:
        """Documents best matching a query, best first, one hit per document."""
        if limit <= 0:
            return []
        searcher = self._index.searcher()

        def known_term(term: str) -> bool:
            return any(searcher.doc_freq(field, term) > 0 for field in (TITLE, BODY))

        parsed = parse_query(query, self._analyzer, known_term)
        tantivy_query = build_query(
            parsed, self._schema, municipality=municipality, doc_type=doc_type
        )
        if tantivy_query is None:
            return []
        best = self._best_passage_per_document(searcher, tantivy_query, limit)
        terms = parsed.highlight_terms()
        return [self._hit(searcher, score, address, terms) for score, address in best]

    def _best_passage_per_document(
        self, searcher: tantivy.Searcher, query: tantivy.Query, limit: int
    ) -> list[tuple[float, tantivy.DocAddress]]:
        wanted = max(limit * CANDIDATES_PER_HIT, MIN_CANDIDATES)
        while True:
            hits = searcher.search(query, wanted, count=False).hits
            keys = searcher.fast_field_values(RECORD_KEY, [address for _, address in hits])
            best: dict[int, tuple[float, tantivy.DocAddress]] = {}
            for (score, address), key in zip(hits, keys, strict=True):
                if key not in best:  # hits come best first
                    best[key] = (score, address)
            if len(best) >= limit or len(hits) < wanted:
                return list(best.values())[:limit]
            wanted *= CANDIDATE_GROWTH

    def _hit(
        self,
        searcher: tantivy.Searcher,
        score: float,
        address: tantivy.DocAddress,
        terms: frozenset[str],
    ) -> SearchHit:
        stored = searcher.doc(address)
        passage = stored.get_first(TEXT_STORED).decode("utf-8")
        page = stored.get_first(PAGE)
        return SearchHit(
            record_id=stored.get_first(RECORD_ID),
            score=score,
            title=stored.get_first(TITLE_STORED).decode("utf-8"),
            snippet=make_snippet(passage, terms, self._analyzer),
            passage_start=stored.get_first(START),
            passage_end=stored.get_first(END),
            page=page or None,
        )
