"""The passage index on disk: adding, replacing, deleting and searching documents.

Each document is cut into passages (`politikbase.index.passages`) and each passage is
one tantivy document carrying the document's record id, policy and filters. A search
ranks passages and keeps the best passage of each policy: a policy ranks by its best
passage (the usual "max-passage" rule), is shown by its current version when that
version matched too, and lists the other versions that matched.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np
import numpy.typing as npt
import tantivy

from politikbase.danish.analyzer import TOKENIZER_NAME, DanishAnalyzer
from politikbase.index.facet_codes import FacetCodes
from politikbase.index.facets import (
    FACET_PASSAGES,
    count_facets,
    facet_columns,
    filter_clauses,
    value_names,
)
from politikbase.index.models import IndexDocument, SearchFilters, SearchHit, SearchPage
from politikbase.index.prepare import PreparedDocument, default_analyzer, prepare_document
from politikbase.index.query import ParsedQuery, build_query, parse_query
from politikbase.index.schema import (
    ADOPTED_YEAR,
    BODY,
    BODY_EXPANDED,
    DOC_TYPE,
    DUE_DAY,
    END,
    HEADING,
    IS_CURRENT,
    LIFECYCLE,
    MUNICIPALITY,
    PAGE,
    POLICY_KEY,
    RECORD_ID,
    RECORD_KEY,
    START,
    SUBJECT,
    TEXT_FIELDS,
    TITLE,
    TITLE_EXPANDED,
    build_schema,
    day_number,
    record_key,
)
from politikbase.index.snippets import make_snippet
from politikbase.index.texts import MemoryTexts, TextSource
from politikbase.index.understanding import UnderstoodQuery, understand_query

# Modest on a shared two-core machine: one indexing thread beside the Python thread
# that analyses text, and a memory budget after which tantivy writes a segment.
WRITER_HEAP_BYTES = 64_000_000
WRITER_THREADS = 1
# Passages fetched per requested hit before grouping by policy; more are fetched
# when long documents take up too many of them.
CANDIDATES_PER_HIT = 4
MIN_CANDIDATES = 40
CANDIDATE_GROWTH = 4
TITLE_IN_EVERY_PASSAGE = False
# A document of the type a query names ("politik") gains this much score.
TYPE_BOOST = 1.5
# A document of the organisation a query names ranks above those of unknown ones.
ORGANISATION_BOOST = 3.0
# "More like this": a document is described by its most distinctive terms, weighed
# by tf-idf; its title's terms count as this many occurrences more.
SIMILAR_TERMS = 30
SIMILAR_TEXT_CHARS = 30_000
SIMILAR_TITLE_OCCURRENCES = 5


class IndexSchemaMismatch(RuntimeError):
    """The folder holds an index of another layout; rebuild it."""


class IndexLocked(RuntimeError):
    """Another writer (in this or another process) holds the index folder."""


@dataclass(slots=True)
class _Candidate:
    score: float
    address: tantivy.DocAddress
    record: int
    is_current: bool


@dataclass(slots=True)
class _PolicyGroup:
    candidates: list[_Candidate] = field(default_factory=list)

    def shown(self) -> _Candidate:
        """The current version's best passage when it matched, else the best passage."""
        return next((c for c in self.candidates if c.is_current), self.candidates[0])


@dataclass(slots=True)
class _Ranking:
    """The best passages of a search grouped by policy, best policy first.

    A facet count reads a thousand passages; only a page of them is shown, so
    the groups are kept as positions in the hit list, and objects are made for
    the page alone.
    """

    hits: list[tuple[float, tantivy.DocAddress]]
    records: list[int]
    current: list[int]
    # The positions in `hits` of each policy's versions' best passages, one policy
    # after the other; policy n's positions start at `starts[n]`.
    positions: list[int]
    starts: list[int]
    exhausted: bool  # every matching passage was seen

    def __len__(self) -> int:
        return len(self.starts)

    def _positions_of(self, number: int) -> list[int]:
        following = number + 1
        end = self.starts[following] if following < len(self.starts) else len(self.positions)
        return self.positions[self.starts[number] : end]

    def groups(self, start: int = 0, stop: int | None = None) -> list[_PolicyGroup]:
        return [
            _PolicyGroup([
                _Candidate(
                    self.hits[at][0], self.hits[at][1], self.records[at], bool(self.current[at])
                )
                for at in self._positions_of(number)
            ])
            for number in range(len(self))[start:stop]
        ]

    def versions(self) -> tuple[list[tantivy.DocAddress], npt.NDArray[np.int64]]:
        """The best passage of every matching version, and the number of its policy."""
        hits = self.hits
        addresses = [hits[at][1] for at in self.positions]
        sizes = np.diff(np.append(np.asarray(self.starts, dtype=np.int64), len(self.positions)))
        return addresses, np.repeat(np.arange(len(self.starts), dtype=np.int64), sizes)


def group_by_policy(
    records: list[int], policies: list[int]
) -> tuple[list[int], list[int]]:
    """The position of each record's first (best) passage, grouped by policy in the
    order the policies first appear, positions ascending within a policy; and where
    each policy's positions start."""
    groups: dict[int, list[int]] = {}
    seen: set[int] = set()
    for position, (record, policy) in enumerate(zip(records, policies, strict=True)):
        if record in seen:
            continue
        seen.add(record)
        group = groups.get(policy)
        if group is None:
            groups[policy] = [position]
        else:
            group.append(position)
    positions: list[int] = []
    starts: list[int] = []
    for group in groups.values():
        starts.append(len(positions))
        positions.extend(group)
    return positions, starts


class SearchIndex:
    """A passage-level full-text index in a folder (created if missing).

    Changes (`add`, `delete`) become visible to searches at `commit`. Several readers
    may share one folder; only one writer at a time (tantivy locks the folder while
    this object holds its writer; `close` releases it). The index keeps no text:
    `text_source` gives the documents' text for snippets (the register, for the
    service); without one, the texts of documents added through this object are
    kept in memory.
    """

    def __init__(
        self, path: Path, *, analyzer: DanishAnalyzer | None = None,
        text_source: TextSource | None = None,
    ) -> None:
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
        self._memory = MemoryTexts() if text_source is None else None
        self._texts: TextSource = text_source if text_source is not None else self._memory
        self._names: tuple[tuple[int, int], dict[str, dict[int, str]]] | None = None
        self._codes = FacetCodes(self.path)

    @property
    def schema(self) -> tantivy.Schema:
        return self._schema

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
        key, policy = record_key(doc.record_id), record_key(doc.policy)
        due_day, year = day_number(doc.due_date), doc.adopted_year or 0
        columns = facet_columns(doc, self._codes)
        for number, passage in enumerate(prepared.passages):
            entry = tantivy.Document()
            entry.add_text(RECORD_ID, doc.record_id)
            entry.add_unsigned(RECORD_KEY, key)
            entry.add_unsigned(POLICY_KEY, policy)
            entry.add_unsigned(IS_CURRENT, int(doc.is_current))
            if number == 0 or TITLE_IN_EVERY_PASSAGE:
                entry.add_text(TITLE, prepared.title_prepared)
                entry.add_text(TITLE_EXPANDED, prepared.title_expanded)
            entry.add_text(BODY, passage.body)
            entry.add_text(BODY_EXPANDED, passage.body_expanded)
            if passage.heading:
                entry.add_text(HEADING, passage.heading)
            if doc.municipality is not None:
                entry.add_text(MUNICIPALITY, doc.municipality)
            if doc.doc_type is not None:
                entry.add_text(DOC_TYPE, doc.doc_type)
            for subject in doc.subjects:
                entry.add_text(SUBJECT, subject)
            for column, value in columns:
                entry.add_unsigned(column, value)
            entry.add_text(LIFECYCLE, doc.lifecycle)
            entry.add_unsigned(DUE_DAY, due_day)
            entry.add_unsigned(ADOPTED_YEAR, year)
            entry.add_unsigned(START, passage.start)
            entry.add_unsigned(END, passage.end)
            entry.add_unsigned(PAGE, passage.page or 0)
            writer.add_document(entry)
        if self._memory is not None:
            self._memory.remember(doc)

    def delete(self, record_id: str) -> None:
        """Remove every passage of a record."""
        self._open_writer().delete_documents_by_term(RECORD_ID, record_id)
        if self._memory is not None:
            self._memory.forget(record_id)

    def clear(self) -> None:
        """Remove every passage (before a rebuild from the register)."""
        self._open_writer().delete_all_documents()
        if self._memory is not None:
            self._memory.forget()

    def commit(self) -> None:
        """Make the changes so far durable and visible to searches."""
        if self._writer is not None:
            self._codes.save()  # first: every number the index holds must be named
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

    def searcher(self) -> tantivy.Searcher:
        return self._index.searcher()

    def reload(self) -> None:
        """See the newest commit now. Readers follow commits of other processes by
        themselves, but only after a moment; a caller that knows the index changed
        (its files did) calls this so its next search is not of the old state."""
        self._index.reload()

    def count_passages(self) -> int:
        """Passages visible to searches (as of the last commit)."""
        return self._index.searcher().num_docs

    def has_value(self, field_name: str, value: str) -> bool:
        """True when some passage has this value in a filter field (e.g. municipality)."""
        return self._index.searcher().doc_freq(field_name, value) > 0

    def compile(
        self,
        query: str,
        *,
        filters: SearchFilters | None = None,
        type_boosts: Sequence[str] = (),
        as_of: date | None = None,
        searcher: tantivy.Searcher | None = None,
    ) -> tuple[ParsedQuery, tantivy.Query | None]:
        """The parsed query and the tantivy query a search runs."""
        searcher = searcher or self._index.searcher()

        def known_term(term: str) -> bool:
            return any(searcher.doc_freq(field, term) > 0 for field in TEXT_FIELDS)

        def completions(prefix: str) -> list[str]:
            return [term for term, _ in searcher.terms_with_prefix(TITLE, prefix, limit=8)]

        parsed = parse_query(query, self._analyzer, known_term, completions)
        filter_queries = filter_clauses(
            self._schema, filters or SearchFilters(), as_of or date.today()
        )
        boosts = [
            (
                tantivy.Query.term_query(self._schema, DOC_TYPE, kind, index_option="basic"),
                TYPE_BOOST,
            )
            for kind in type_boosts
        ]
        if filters is not None and filters.unknown_organisation_too:
            boosts.extend(
                (
                    tantivy.Query.term_query(self._schema, MUNICIPALITY, name),
                    ORGANISATION_BOOST,
                )
                for name in filters.municipalities
            )
        passages = max(searcher.num_docs, 1)

        def share(term: str) -> float:
            return max(searcher.doc_freq(field, term) for field in (TITLE, BODY)) / passages

        compiled = build_query(
            parsed, self._schema, filters=filter_queries, boosts=boosts, share=share
        )
        if compiled is None and filter_queries:  # "Aarhus": everything of Aarhus Kommune
            compiled = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, query) for query in filter_queries]
            )
        return parsed, compiled

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        municipality: str | None = None,
        doc_type: str | None = None,
        filters: SearchFilters | None = None,
    ) -> list[SearchHit]:
        """Policies best matching a query, best first, one hit per policy."""
        filters = filters or SearchFilters()
        if municipality is not None:
            filters = replace(filters, municipalities=(municipality,))
        if doc_type is not None:
            filters = replace(filters, doc_types=(doc_type,))
        return self.search_page(query, limit=limit, filters=filters, count=False).hits

    def search_page(
        self,
        query: str,
        *,
        limit: int = 10,
        offset: int = 0,
        filters: SearchFilters | None = None,
        type_boosts: Sequence[str] = (),
        facets: bool = False,
        count: bool = True,
        as_of: date | None = None,
    ) -> SearchPage:
        """A page of policies best matching a query, with the number of policies
        matched and, when asked, the facet counts (status as of `as_of`, default today).
        """
        searcher = self._index.searcher()
        as_of = as_of or date.today()
        parsed, compiled = self.compile(
            query, filters=filters, type_boosts=type_boosts, as_of=as_of, searcher=searcher
        )
        if compiled is None or (limit <= 0 and not (facets or count)):
            return SearchPage(hits=[], total=0)
        depth = FACET_PASSAGES if facets else 0
        ranking = self._best_passage_per_policy(
            searcher, compiled, offset + limit, min_passages=depth
        )
        terms = parsed.highlight_terms()
        hits = self._hits(searcher, ranking.groups(offset, offset + limit), terms)
        exhausted = ranking.exhausted
        page = SearchPage(hits=hits, total=len(ranking), total_exact=exhausted)
        if facets:
            names = self._facet_names(searcher)
            addresses, policies = ranking.versions()
            page.facets = count_facets(searcher, addresses, policies, names, as_of)
            page.facets_exact = exhausted
        if count and not exhausted:
            page.total = max(len(ranking), round(searcher.cardinality(compiled, POLICY_KEY)))
            page.total_exact = True
        return page

    def _facet_names(self, searcher: tantivy.Searcher) -> dict[str, dict[int, str]]:
        """Facet values by key, read once per state of the index."""
        generation = (searcher.num_docs, searcher.num_segments)
        if self._names is None or self._names[0] != generation:
            if self._writer is None:  # a reader: another process may have added values
                self._codes.reload()
            self._names = (generation, value_names(self._codes))
        return self._names[1]

    def understood_search(
        self,
        query: str,
        *,
        limit: int = 10,
        offset: int = 0,
        filters: SearchFilters | None = None,
        facets: bool = False,
        count: bool = True,
        as_of: date | None = None,
    ) -> tuple[UnderstoodQuery, SearchPage]:
        """`search_page` after reading organisations, years and types from the query
        (`politikbase.index.understanding`)."""
        understood = understand_query(
            query, filters,
            organisation_is_indexed=lambda name: self.has_value(MUNICIPALITY, name),
        )
        page = self.search_page(
            understood.text, limit=limit, offset=offset, filters=understood.filters,
            type_boosts=understood.type_boosts, facets=facets, count=count, as_of=as_of,
        )
        return understood, page

    def similar(
        self,
        document: IndexDocument,
        *,
        limit: int = 10,
        other_organisations: bool = True,
        filters: SearchFilters | None = None,
    ) -> list[SearchHit]:
        """Policies whose text resembles the document's, best first, its own policy
        left out, and, when asked, its own organisation too."""
        searcher = self._index.searcher()
        terms = self._distinctive_terms(searcher, document)
        if not terms or limit <= 0:
            return []
        should = [
            (tantivy.Occur.Should, tantivy.Query.boost_query(
                tantivy.Query.term_query(self._schema, BODY, term, index_option="freq"), weight
            ))
            for term, weight in terms
        ]
        clauses: list[tuple[tantivy.Occur, tantivy.Query]] = [
            (tantivy.Occur.Must, tantivy.Query.boolean_query(should)),
            (tantivy.Occur.MustNot, tantivy.Query.term_query(
                self._schema, POLICY_KEY, record_key(document.policy)
            )),
        ]
        if other_organisations and document.municipality:
            clauses.append((tantivy.Occur.MustNot, tantivy.Query.term_query(
                self._schema, MUNICIPALITY, document.municipality, index_option="basic"
            )))
        for query in filter_clauses(self._schema, filters or SearchFilters(), date.today()):
            clauses.append((tantivy.Occur.Must, tantivy.Query.const_score_query(query, 0.0)))
        compiled = tantivy.Query.boolean_query(clauses)
        ranking = self._best_passage_per_policy(searcher, compiled, limit)
        return self._hits(searcher, ranking.groups(0, limit), frozenset(term for term, _ in terms))

    def _distinctive_terms(
        self, searcher: tantivy.Searcher, document: IndexDocument
    ) -> list[tuple[str, float]]:
        counts: dict[str, float] = {}
        for term in self._analyzer.word_terms(document.text[:SIMILAR_TEXT_CHARS]):
            counts[term] = counts.get(term, 0.0) + 1.0
        for term in self._analyzer.word_terms(document.title):
            counts[term] = counts.get(term, 0.0) + SIMILAR_TITLE_OCCURRENCES
        passages = max(searcher.num_docs, 1)
        weighted = []
        for term, count in counts.items():
            frequency = searcher.doc_freq(BODY, term)
            if frequency == 0 or len(term) < 3 or term.isdigit():
                continue
            weighted.append((term, (1 + math.log(count)) * math.log(1 + passages / frequency)))
        weighted.sort(key=lambda item: (-item[1], item[0]))
        return weighted[:SIMILAR_TERMS]

    def _best_passage_per_policy(
        self,
        searcher: tantivy.Searcher,
        query: tantivy.Query,
        wanted_groups: int,
        *,
        min_passages: int = 0,
    ) -> _Ranking:
        """Policies of the best passages, best first, at least `wanted_groups` of them
        when there are, from at least `min_passages` passages."""
        wanted = max(wanted_groups * CANDIDATES_PER_HIT, MIN_CANDIDATES, min_passages)
        while True:
            hits = searcher.search(query, wanted, count=False).hits
            addresses = [address for _, address in hits]
            records = searcher.fast_field_values(RECORD_KEY, addresses)
            current = searcher.fast_field_values(IS_CURRENT, addresses)
            # Hits come best first, so each record's first passage is its best.
            positions, starts = group_by_policy(
                records, searcher.fast_field_values(POLICY_KEY, addresses)
            )
            exhausted = len(hits) < wanted
            if len(starts) >= wanted_groups or exhausted:
                return _Ranking(hits, records, current, positions, starts, exhausted)
            wanted *= CANDIDATE_GROWTH

    def _hits(
        self, searcher: tantivy.Searcher, groups: list[_PolicyGroup], terms: frozenset[str]
    ) -> list[SearchHit]:
        if not groups:
            return []
        shown = [group.shown() for group in groups]
        addresses = [candidate.address for candidate in shown]
        starts = searcher.fast_field_values(START, addresses)
        ends = searcher.fast_field_values(END, addresses)
        pages = searcher.fast_field_values(PAGE, addresses)
        record_ids = [searcher.doc(address).get_first(RECORD_ID) for address in addresses]
        texts = self._texts(record_ids)
        matching_words: dict[str, bool] = {}
        hits: list[SearchHit] = []
        for group, candidate, record_id, start, end, page in zip(
            groups, shown, record_ids, starts, ends, pages, strict=True
        ):
            document = texts.get(record_id)
            passage = document.text[start:end] if document is not None else ""
            others = [
                searcher.doc(other.address).get_first(RECORD_ID)
                for other in group.candidates
                if other is not candidate
            ]
            hits.append(
                SearchHit(
                    record_id=record_id,
                    score=group.candidates[0].score,
                    title=document.title if document is not None else "",
                    snippet=make_snippet(passage, terms, self._analyzer, memo=matching_words),
                    passage_start=start,
                    passage_end=end,
                    page=page or None,
                    is_current=candidate.is_current,
                    other_versions=others,
                )
            )
        return hits

    def indexed_record_ids(self) -> dict[str, int]:
        """Every record id the index holds (as of the last commit), with its passages.

        The term dictionary still names records whose passages are deleted but not yet
        merged away; counting through a query that matches every live passage leaves
        those out.
        """
        searcher = self._index.searcher()
        terms = searcher.terms_with_prefix(
            RECORD_ID, "", filter_query=tantivy.Query.all_query()
        )
        return {term: count for term, count in terms if count > 0}

