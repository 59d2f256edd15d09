"""The portal's Danish words for statuses, fields and relations, and how values are written."""

from __future__ import annotations

from datetime import date, datetime

from politikbase.analyse.revision import danish_date, parse_stated_date

STATUS_LABELS = {
    "current": "Gældende",
    "due_soon": "Snart til revision",
    "overdue": "Revision overskredet",
    "replaced": "Erstattet",
    "draft": "Udkast",
    "unknown": "Udateret",
}
# The order statuses are offered and summed in: the ones that need action first.
STATUS_ORDER = ("overdue", "due_soon", "current", "draft", "replaced", "unknown")

FIELD_LABELS = {
    "title": "Titel",
    "doc_type": "Type",
    "municipality": "Organisation",
    "adopted_date": "Vedtaget",
    "adopted_by": "Vedtaget af",
    "period": "Periode",
    "revision_rule": "Revisionsregel",
    "law_refs": "Lovgrundlag",
    "replaces": "Erstatter",
    "based_on": "Bygger på",
    "related_to": "Ses sammen med",
    "amounts": "Beløb",
    "kind": "Dokumentart",
    "status": "Behandling",
}

RELATION_LABELS = {
    "replaces": "Erstatter",
    "based_on": "Bygger på",
    "related_to": "Skal ses sammen med",
    "implements": "Udmønter",
}
# How a relation reads from its target's side.
RELATION_INVERSE_LABELS = {
    "replaces": "Erstattet af",
    "based_on": "Grundlag for",
    "related_to": "Skal ses sammen med",
    "implements": "Udmøntes af",
}

FORMAT_LABELS = {
    "pdf": "PDF", "docx": "Word", "html": "Webside", "text": "Tekst", "jsonl": "JSONL",
}
SECTION_KIND_LABELS = {
    "principle": "princip", "goal": "mål", "action": "handling", "theme": "tema",
    "focus_area": "fokusområde", "value": "værdi", "vision": "vision", "mission": "mission",
}
VERSION_STATUS_LABELS = {"udkast": "Udkast", "høring": "Høringsudgave", "vedtaget": "Vedtaget"}
BASIS_LABELS = {"rule": "revisionsregel", "period": "gyldighedsperiode",
                "default age": "standardgrænse"}


def stated_date(value: object) -> str:
    """An adoption date at its stated precision, in Danish ("maj 2014", "10. maj 2014")."""
    if isinstance(value, date):
        return danish_date(value)
    if not isinstance(value, str) or not value:
        return "–"
    try:
        return parse_stated_date(value).danish()
    except ValueError:
        return value


def age(months: int | None) -> str:
    """An age for people: "3 år 2 mdr.", "7 mdr."."""
    if months is None:
        return "–"
    years, rest = divmod(months, 12)
    if years == 0:
        return f"{rest} mdr."
    return f"{years} år" if rest == 0 else f"{years} år {rest} mdr."


def timestamp(moment: datetime) -> str:
    return f"{danish_date(moment.date())} kl. {moment:%H:%M}"


def fact_value(value: object, field: str = "") -> str:
    if field == "adopted_date":
        return stated_date(value)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return "" if value is None else str(value)
