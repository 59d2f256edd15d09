"""`analyse_document`: every fact of one document, each with the words it came from.

The text is lower-cased once (offsets kept) and each fact is read by its own
module: title, kind and status, organisation, adoption (date and body), period,
revision rule, legal references, money amounts and relations. Every module scans
the text once with precompiled patterns and reads only small windows around what
it finds, so the whole analysis is linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from politikbase.analyse.adoption import (
    NAMES_DOCUMENT,
    NAMES_NOTHING,
    NAMES_OTHER,
    Adoption,
    best_adoption,
    find_adoptions,
)
from politikbase.analyse.facts import DocumentFacts, Evidence
from politikbase.analyse.kind import OVERVIEW, PRESENTATION, find_kind, find_status
from politikbase.analyse.opening import opening_end, opening_start
from politikbase.analyse.organisation import find_municipality
from politikbase.analyse.period import find_period
from politikbase.analyse.relations import find_relations
from politikbase.analyse.subjects import assign_subjects
from politikbase.analyse.title import Title, find_title
from politikbase.danish.amounts import find_amounts
from politikbase.danish.laws import find_law_references, law_key
from politikbase.danish.policy_words import find_policy_names, lower_in_place
from politikbase.danish.relations import BASED_ON, RELATED_TO, REPLACES
from politikbase.danish.revision_phrases import (
    find_revision_phrase,
    revision_cues,
    speaks_of_revision,
)
from politikbase.danish.sentences import sentence_around

T = TypeVar("T")
OWN_NAME_WINDOW = 300
# A statement this short ("Godkendt af Byrådet den 27. januar 2016") is a title-block line.
SHORT_STATEMENT_WORDS = 10


def _evidence(text: str, start: int | None, end: int | None, confidence: float) -> list[Evidence]:
    if start is None or end is None or start >= end:
        return []
    return [Evidence(text[start:end], start, end, confidence)]


def _own_keys(text: str, title: Title, opening: int) -> set[str]:
    """Comparison keys of the names the document goes by (its title's policy, its heading's)."""
    keys = {name.key for name in find_policy_names(title.text) if name.compound}
    first = next(
        (n for n in find_policy_names(text, 0, max(opening, min(len(text), OWN_NAME_WINDOW)))
         if n.compound),
        None,
    )
    if first is not None:
        keys.add(first.key)
    return keys


def _about_document(text: str, adoption: Adoption, own_keys: set[str]) -> int:
    """How surely an adoption statement is about the document (see `best_adoption`)."""
    names = find_policy_names(text, adoption.start, adoption.end)
    # Its own name, or a bare "politikken"/"strategien" referring back to it.
    if any(name.key in own_keys or not (name.plural or name.compound) for name in names):
        return NAMES_DOCUMENT
    if names:
        return NAMES_OTHER
    # A short line naming nothing ("Godkendt af Byrådet den 27. januar 2016") is the
    # document's own title block.
    if len(text[adoption.start : adoption.end].split()) <= SHORT_STATEMENT_WORDS:
        return NAMES_DOCUMENT
    return NAMES_NOTHING


def _unique(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    seen: set[str] = set()
    kept: list[T] = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            kept.append(item)
    return kept


def _revision_rule(text: str, lowered: str) -> tuple[str, int, int] | None:
    """The first rule in a sentence about revising the policy, else the first rule."""
    fallback: tuple[str, int, int] | None = None
    for position in revision_cues(lowered):
        start, end = sentence_around(text, position)
        phrase = find_revision_phrase(text, lowered, start, end)
        if phrase is None:
            continue
        found = (phrase.text, phrase.start, phrase.end)
        if speaks_of_revision(lowered, start, end):
            return found
        fallback = fallback or found
    return fallback


def _add_adoption(facts: DocumentFacts, text: str, adoption: Adoption | None) -> None:
    if adoption is None:
        return
    statement = _evidence(text, adoption.start, adoption.end, adoption.confidence)
    if adoption.date is not None:
        facts.adopted_date = adoption.date.value
        facts.evidence["adopted_date"] = statement
    if adoption.body is not None:
        facts.adopted_by = adoption.body.name
        facts.evidence["adopted_by"] = list(statement)


def _add_references(facts: DocumentFacts, text: str, lowered: str) -> None:
    """Legal references, amounts and relations: each value once, with its evidence."""
    laws = _unique(find_law_references(text, lowered), key=lambda ref: law_key(ref.text))
    facts.law_refs = [ref.text for ref in laws]
    facts.evidence["law_refs"] = [
        Evidence(text[r.start : r.end], r.start, r.end, 0.9) for r in laws
    ]
    amounts = _unique(find_amounts(text, lowered), key=lambda amount: amount.text.lower())
    facts.amounts = [amount.text for amount in amounts]
    facts.evidence["amounts"] = [Evidence(a.text, a.start, a.end, 0.9) for a in amounts]
    relations = _unique(find_relations(text, lowered), key=lambda r: r.kind + r.value.lower())
    for relation_kind, values in (
        (REPLACES, facts.replaces),
        (BASED_ON, facts.based_on),
        (RELATED_TO, facts.related_to),
    ):
        chosen = [r for r in relations if r.kind == relation_kind]
        values.extend(r.value for r in chosen)
        facts.evidence[relation_kind] = [
            Evidence(text[r.start : r.end], r.start, r.end, 0.8) for r in chosen
        ]


def analyse_document(
    text: str,
    *,
    title: str | None = None,
    id: str | None = None,
    municipality_hint: str | None = None,
) -> DocumentFacts:
    """The facts of one document; evidence offsets are into `text`."""
    lowered = lower_in_place(text)
    found_title = find_title(text, title)
    title_span = (
        (found_title.start, found_title.end)
        if found_title.start is not None
        and found_title.end is not None
        and text[found_title.start : found_title.end] == found_title.text
        else None
    )
    opening = opening_end(text, lowered, opening_start(text, title_span))
    kind = find_kind(text, lowered, found_title.text, title_span, opening)
    facts = DocumentFacts(
        id=id,
        title=found_title.text if found_title.stated else None,
        doc_type=kind.doc_type,
        kind=kind.kind,
    )
    evidence = facts.evidence
    if found_title.stated:
        evidence["title"] = _evidence(
            text, found_title.start, found_title.end, found_title.confidence
        )
    evidence["doc_type"] = _evidence(text, kind.start, kind.end, kind.confidence)
    municipality = find_municipality(text, found_title.text, title_span, opening, municipality_hint)
    if municipality is not None:
        facts.municipality = municipality.name
        evidence["municipality"] = _evidence(
            text, municipality.start, municipality.end, municipality.confidence
        )

    # The adoptions, periods and relations on a listing page are its entries', not its own.
    if kind.kind != OVERVIEW:
        own_keys = _own_keys(text, found_title, opening)
        adoptions = find_adoptions(text, lowered)
        about = [_about_document(text, adoption, own_keys) for adoption in adoptions]
        adoption = best_adoption(adoptions, about)
        _add_adoption(facts, text, adoption)
        # A slide deck has no period of its own: its years are those of what it presents.
        if kind.kind != PRESENTATION:
            period = find_period(text, lowered, found_title.text, title_span, opening, own_keys)
            if period is not None:
                facts.period = period.value
                evidence["period"] = _evidence(text, period.start, period.end, period.confidence)
        rule = _revision_rule(text, lowered)
        if rule is not None:
            facts.revision_rule = rule[0]
            evidence["revision_rule"] = _evidence(text, rule[1], rule[2], 0.85)
        _add_references(facts, text, lowered)
        facts.status = find_status(found_title.text, lowered, opening, adoption is not None)
        _add_subjects(facts, text, found_title.text or "", title_span)
    facts.evidence = {name: items for name, items in evidence.items() if items}
    return facts


def _add_subjects(
    facts: DocumentFacts, text: str, title: str, title_span: tuple[int, int] | None
) -> None:
    """Subject areas, with the words in the text that decided them as evidence."""
    assignments = assign_subjects(title, text)
    facts.subjects = [assignment.slug for assignment in assignments]
    found: list[Evidence] = []
    for assignment in assignments:
        for item in assignment.evidence:
            start, end = item.start, item.end
            if item.source == "title":
                if title_span is None:
                    continue
                start, end = start + title_span[0], end + title_span[0]
            elif item.source != "text":
                continue
            if text[start:end] == item.word:
                found.append(Evidence(item.word, start, end, round(min(assignment.score, 1.0), 2)))
    if found:
        facts.evidence["subjects"] = found
