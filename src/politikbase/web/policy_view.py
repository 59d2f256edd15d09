"""What the policy page shows: facts with the sentences they came from, sections,
versions, relations both ways, and the text with anchors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from politikbase.danish.sentences import sentence_around
from politikbase.segment.sections import Section, document_outline
from politikbase.service import Service
from politikbase.store.records import DocumentRecord
from politikbase.web.labels import (
    FIELD_LABELS,
    RELATION_INVERSE_LABELS,
    RELATION_LABELS,
    fact_value,
)
from politikbase.web.snapshot import Snapshot
from politikbase.web.textview import Highlight, anchor_id, render_text

# Facts the page header already shows, or that say nothing a reader needs.
HIDDEN_FACTS = frozenset({"title", "kind"})
MAX_SENTENCE_CHARS = 400


@dataclass(slots=True)
class Evidence:
    text: str
    start: int | None  # where it stands in the text, when found there
    sentence: Markup  # the sentence it came from, the evidence marked
    confidence: float | None

    @property
    def anchor(self) -> str | None:
        return anchor_id(self.start) if self.start is not None else None


@dataclass(slots=True)
class FactView:
    field: str
    label: str
    value: str
    corrected: bool
    correction: dict[str, Any] | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class RelationView:
    label: str
    name: str
    target_id: str | None  # public id of the policy it points to, when in the register
    target_title: str | None
    evidence: Evidence | None


def _locate(text: str, item: dict[str, Any]) -> int | None:
    start, end, quoted = item.get("start"), item.get("end"), str(item.get("text") or "")
    if isinstance(start, int) and isinstance(end, int) and text[start:end] == quoted:
        return start
    found = text.find(quoted) if quoted else -1
    return found if found >= 0 else None


def evidence_view(text: str, item: dict[str, Any]) -> Evidence:
    quoted = str(item.get("text") or "")
    start = _locate(text, item)
    if start is None:
        sentence = Markup("<mark>") + escape(quoted) + Markup("</mark>")
    else:
        end = start + len(quoted)
        low, high = sentence_around(text, start, end)
        reach = MAX_SENTENCE_CHARS // 2
        low, high = max(low, start - reach), min(high, end + reach)
        sentence = (
            ("…" if low > 0 and text[low - 1] not in "\n.!?" else "")
            + escape(text[low:start].lstrip())
            + Markup("<mark>") + escape(quoted) + Markup("</mark>")
            + escape(text[end:high].rstrip())
        )
    confidence = item.get("confidence")
    return Evidence(quoted, start, Markup(sentence),
                    float(confidence) if isinstance(confidence, int | float) else None)


def fact_views(record: DocumentRecord) -> list[FactView]:
    views: list[FactView] = []
    for fact in Service.facts_json(record):
        if fact["field"] in HIDDEN_FACTS or fact["value"] in (None, "", []):
            continue
        views.append(FactView(
            field=fact["field"], label=FIELD_LABELS.get(fact["field"], fact["field"]),
            value=fact_value(fact["value"], fact["field"]), corrected=fact["source"] == "corrected",
            correction=fact["correction"],
            evidence=[evidence_view(record.text, item) for item in fact["evidence"]],
        ))
    return views


def relation_views(record: DocumentRecord, snapshot: Snapshot) -> list[RelationView]:
    """What this document says it relates to, and what other policies say of it."""
    views: list[RelationView] = []
    for relation in snapshot.relations.get(record.id, []):
        target = snapshot.record(relation.target_id) if relation.target_id else None
        views.append(RelationView(
            label=RELATION_LABELS.get(relation.kind, relation.kind), name=relation.name,
            target_id=target.public_id if target else None,
            target_title=target.title if target else None,
            evidence=evidence_view(record.text, relation.evidence) if relation.evidence else None,
        ))
    row = snapshot.row_of.get(record.id)
    own = {record.id} | ({snapshot.by_id[v].id for v in row.version_ids} if row else set())
    for source_id, relations in snapshot.relations.items():
        if source_id in own:
            continue
        source = snapshot.record(source_id)
        for relation in relations:
            if relation.target_id in own and source is not None:
                views.append(RelationView(
                    label=RELATION_INVERSE_LABELS.get(relation.kind, relation.kind),
                    name=source.title, target_id=source.public_id, target_title=source.title,
                    evidence=None,
                ))
    return views


def _section_starts(sections: list[Section]) -> list[int]:
    starts: list[int] = []
    for section in sections:
        starts.append(section.start)
        starts.extend(_section_starts(section.children))
    return starts


def text_html(
    record: DocumentRecord, facts: list[FactView], sections: list[Section],
    found: tuple[int, int] | None,
) -> Markup:
    evidence = [item for fact in facts for item in fact.evidence if item.start is not None]
    highlights: list[Highlight] = []
    if found is not None:
        highlights.append(Highlight(found[0], found[1], "fundet", "fundet"))
    highlights.extend(
        Highlight(item.start, item.start + len(item.text), "bevis")
        for item in evidence if item.start is not None
    )
    anchors = _section_starts(sections)
    anchors += [item.start for item in evidence if item.start is not None]
    return render_text(
        record.text, anchors=anchors, highlights=highlights, page_starts=record.page_starts
    )


def outline(record: DocumentRecord) -> list[Section]:
    return document_outline(record.text, record.headings or None).sections
