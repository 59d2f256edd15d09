"""What a person may correct, and how a corrected value is checked before it is kept.

Every field of the analyse contract can be corrected, plus `status` (udkast,
høring, vedtaget). Dates keep the analyse contract's precision rules, kinds of
document come from the fixed list, organisations are normalised to their
official name when they are a known municipality or region.
"""

from __future__ import annotations

from politikbase.analyse.facts import LIST_FIELDS, SCALAR_FIELDS
from politikbase.analyse.revision import parse_stated_date
from politikbase.danish.document_kinds import DOC_TYPES
from politikbase.danish.organisations import organisation_by_name
from politikbase.store.records import FactValue

CORRECTABLE_FIELDS = (*SCALAR_FIELDS, *LIST_FIELDS, "status")
# Fields kept in the register's own columns as well, for lists, filters and search.
COLUMN_FIELDS = frozenset({"title", "doc_type", "municipality"})
STATUSES = ("udkast", "høring", "vedtaget")


def parse_correction_value(field_name: str, text: str) -> FactValue:
    """A value as a person types it: lists separated by ";", empty or "-" for none."""
    stripped = text.strip()
    if field_name in LIST_FIELDS:
        return [part.strip() for part in stripped.split(";") if part.strip() not in {"", "-"}]
    return None if stripped in {"", "-"} else " ".join(stripped.split())


def check_correction(field_name: str, value: FactValue) -> FactValue:
    """The value as it is kept; ValueError says, for a person, what is wrong."""
    if field_name not in CORRECTABLE_FIELDS:
        raise ValueError(
            f"unknown field {field_name!r}; correctable: {', '.join(CORRECTABLE_FIELDS)}"
        )
    if field_name in LIST_FIELDS:
        if value is None:
            return []
        items = [value] if isinstance(value, str) else value
        return [" ".join(item.split()) for item in items if item.strip()]
    if isinstance(value, list):
        raise ValueError(f"{field_name} takes one value, not a list")
    if value is None:
        if field_name in ("title", "doc_type"):
            raise ValueError(f"{field_name} cannot be empty")
        return None
    value = " ".join(value.split())
    if field_name == "doc_type" and value not in DOC_TYPES:
        raise ValueError(f"doc_type must be one of: {', '.join(DOC_TYPES)}")
    if field_name == "status" and value not in STATUSES:
        raise ValueError(f"status must be one of: {', '.join(STATUSES)}")
    if field_name == "adopted_date":
        parse_stated_date(value)  # raises ValueError for anything but YYYY[-MM[-DD]]
    if field_name == "adopted_by":
        value = value.lower()
    if field_name == "municipality":
        known = organisation_by_name(value)
        value = known.name if known is not None else value
    return value
