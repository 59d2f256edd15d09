"""Linking the register: versions and near-duplicates grouped into policies, relations resolved.

`link_register(register)` reads every document's name, signature and facts (not
whole documents), groups the versions of each policy (`versions.policy_groups`),
resolves the relations the documents state to records in the same organisation
(`relations.resolve_relations`) and stores both. It reads corrected facts, so a
person's correction of a relation or an organisation counts.
"""

from __future__ import annotations

from politikbase.link.relations import RELATION_FIELDS, RelatingDocument, resolve_relations
from politikbase.link.versions import LinkDocument, policy_groups
from politikbase.store import Register

__all__ = ["LinkDocument", "RelatingDocument", "link_register", "policy_groups",
           "resolve_relations"]


def link_register(register: Register) -> int:
    """Group and resolve the whole register; returns the number of policies."""
    linking: list[LinkDocument] = []
    relating: list[RelatingDocument] = []
    for record in register.linking_records():
        linking.append(
            LinkDocument(
                record.id, record.title, record.municipality, record.text, record.text_signature
            )
        )
        facts = record.facts
        # Evidence belongs to what was extracted; a corrected list has none.
        evidence = {
            kind: items
            for kind, items in record.extracted_evidence.items()
            if kind not in record.corrected_fields
        }
        relating.append(
            RelatingDocument(
                id=record.id, title=record.title, municipality=record.municipality,
                policy_id=record.id,
                relations={kind: list(facts.get(kind) or []) for kind in RELATION_FIELDS},
                evidence=evidence,
            )
        )
    policies = policy_groups(linking)
    for document in relating:
        document.policy_id = policies[document.id]
    register.set_links(policies, resolve_relations(relating))
    return len(set(policies.values()))
