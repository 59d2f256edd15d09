"""Query understanding: the organisation, years and type a query names become filters
and boosts, so "klimastrategi Aarhus" searches Aarhus Kommune's documents for
"klimastrategi" instead of every document that mentions Aarhus.

An organisation becomes a filter only when the index holds documents of it; else
its name stays a word of the query. A type word ("politik") stays a word and also
lifts documents of that type. Years with a cue ("vedtaget efter 2015", "før 2010")
limit the adoption year; a bare year ("klimaplan 2030") stays a word.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from politikbase.danish.query_words import (
    QuerySpan,
    organisations_in_query,
    type_words_in_query,
    years_in_query,
)
from politikbase.index.models import SearchFilters


@dataclass(frozen=True, slots=True)
class UnderstoodQuery:
    text: str  # what is left to search for
    filters: SearchFilters
    type_boosts: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()  # taken from the query as filters
    adopted_from: int | None = None
    adopted_to: int | None = None
    removed: tuple[str, ...] = field(default=())  # the words turned into filters

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text, "organisations": list(self.organisations),
            "adopted_from": self.adopted_from, "adopted_to": self.adopted_to,
            "type_boosts": list(self.type_boosts),
        }


def understand_query(
    query: str,
    filters: SearchFilters | None = None,
    *,
    organisation_is_indexed: Callable[[str], bool] = lambda _name: True,
) -> UnderstoodQuery:
    filters = filters or SearchFilters()
    spans: list[QuerySpan] = []
    organisations: list[str] = []
    if not filters.municipalities:  # an explicit filter wins over a name in the query
        for mention in organisations_in_query(query):
            if organisation_is_indexed(mention.name) and mention.name not in organisations:
                organisations.append(mention.name)
                spans.append(mention)
    adopted_from, adopted_to = filters.adopted_from, filters.adopted_to
    for years in years_in_query(query):
        spans.append(years)
        if years.first is not None:
            adopted_from = max(adopted_from or years.first, years.first)
        if years.last is not None:
            adopted_to = min(adopted_to or years.last, years.last)
    type_boosts = tuple(dict.fromkeys(kind for _, kind in type_words_in_query(query)))
    text = _without(query, spans)
    understood = replace(
        filters,
        municipalities=filters.municipalities or tuple(organisations),
        unknown_organisation_too=filters.unknown_organisation_too or bool(organisations),
        adopted_from=adopted_from, adopted_to=adopted_to,
    )
    return UnderstoodQuery(
        text=text, filters=understood, type_boosts=type_boosts,
        organisations=tuple(organisations),
        adopted_from=adopted_from if adopted_from != filters.adopted_from else None,
        adopted_to=adopted_to if adopted_to != filters.adopted_to else None,
        removed=tuple(query[span.start : span.end] for span in spans),
    )


def _without(query: str, spans: list[QuerySpan]) -> str:
    kept: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: s.start):
        kept.append(query[cursor : span.start])
        cursor = max(cursor, span.end)
    kept.append(query[cursor:])
    return " ".join("".join(kept).split())
