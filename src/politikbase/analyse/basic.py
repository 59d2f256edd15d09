"""The facts every register record needs: a title, a kind and an organisation."""

from __future__ import annotations

from politikbase.danish.doc_types import doc_type_from_title
from politikbase.danish.organisations import main_organisation, organisation_by_name
from politikbase.models import BasicFacts

# How far into a document the organisation is looked for: the opening names the
# owner; a long appendix may name many others.
ORGANISATION_WINDOW = 20_000


def basic_facts(title: str, text: str, municipality_hint: str | None = None) -> BasicFacts:
    """Title, kind and organisation of one document.

    A municipality given with the source (JSONL metadata) wins over the text, but is
    normalised to its official name when it is a known one.
    """
    clean_title = " ".join(title.split()) or "(uden titel)"
    municipality: str | None = None
    if municipality_hint:
        known = organisation_by_name(municipality_hint)
        municipality = known.name if known else municipality_hint.strip()
    else:
        municipality = main_organisation(text[:ORGANISATION_WINDOW])
    return BasicFacts(
        title=clean_title,
        doc_type=doc_type_from_title(clean_title),
        municipality=municipality,
    )
