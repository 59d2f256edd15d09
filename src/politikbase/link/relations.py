"""Relations a document states ("erstatter indkøbspolitikken"), resolved to register records.

A named policy is looked for among the records of the same organisation (and,
when the document's organisation is unknown, among records whose organisation is
unknown too), compound- and inflection-aware through `names.name_keys`:
"indkøbspolitikken" finds the record "Indkøbspolitik". A name that matches no
record, or several different policies, is kept as text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from politikbase.analyse.facts import LIST_FIELDS
from politikbase.link.names import name_keys
from politikbase.store.records import RelationRecord

RELATION_FIELDS = tuple(
    name for name in LIST_FIELDS if name in {"replaces", "based_on", "related_to"}
)


@dataclass(slots=True)
class RelatingDocument:
    """A register document with the relations its facts state."""

    id: str
    title: str
    municipality: str | None
    policy_id: str
    relations: dict[str, list[str]] = field(default_factory=dict)  # kind -> names
    evidence: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


class RecordNames:
    """The register's records by organisation and name key."""

    def __init__(self, documents: list[RelatingDocument]) -> None:
        self._by_key: dict[tuple[str | None, str], list[RelatingDocument]] = defaultdict(list)
        for document in documents:
            for key in name_keys(document.title):
                self._by_key[(document.municipality, key)].append(document)

    def find(
        self, name: str, municipality: str | None, own_policy: str
    ) -> RelatingDocument | None:
        """The record `name` names in `municipality`: one policy, else None.

        A policy's own versions never count: "Handicappolitik 2020-2024 erstatter
        Handicappolitik 2015" names an earlier policy, not another copy of itself.
        """
        found = {
            document.id: document
            for key in name_keys(name)
            for document in self._by_key.get((municipality, key), [])
            if document.policy_id != own_policy
        }
        policies = {document.policy_id for document in found.values()}
        if len(policies) != 1:
            return None
        # The policy's record the reader most likely means: its first document.
        return min(found.values(), key=lambda document: document.id)


def resolve_relations(documents: list[RelatingDocument]) -> dict[str, list[RelationRecord]]:
    """Each document's stated relations, resolved where a record is found."""
    names = RecordNames(documents)
    resolved: dict[str, list[RelationRecord]] = {}
    for document in documents:
        items: list[RelationRecord] = []
        for kind in RELATION_FIELDS:
            evidence = document.evidence.get(kind, [])
            for position, name in enumerate(document.relations.get(kind, [])):
                target = names.find(name, document.municipality, document.policy_id)
                items.append(
                    RelationRecord(
                        kind=kind, name=name,
                        target_id=target.id if target is not None else None,
                        target_title=target.title if target is not None else None,
                        evidence=evidence[position] if position < len(evidence) else None,
                    )
                )
        if items:
            resolved[document.id] = items
    return resolved
