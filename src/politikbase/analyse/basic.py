"""The facts every register record needs: a title, a kind and an organisation."""

from __future__ import annotations

from politikbase.analyse.kind import find_kind
from politikbase.analyse.opening import opening_end, opening_start
from politikbase.analyse.organisation import find_municipality
from politikbase.analyse.title import locate
from politikbase.danish.policy_words import lower_in_place
from politikbase.models import BasicFacts

# The kind and the organisation are stated in the title block; reading this much
# of the text is enough and keeps the ingest of long documents cheap.
HEAD_CHARS = 20_000


def basic_facts(title: str, text: str, municipality_hint: str | None = None) -> BasicFacts:
    """Title, kind and organisation of one document.

    A municipality given with the source (JSONL metadata) wins over the text, but is
    normalised to its official name when it is a known one.
    """
    clean_title = " ".join(title.split()) or "(uden titel)"
    head = text[:HEAD_CHARS]
    lowered = lower_in_place(head)
    span = locate(head, clean_title)
    if span is not None and head[span[0] : span[1]] != clean_title:
        span = None
    opening = opening_end(head, lowered, opening_start(head, span))
    kind = find_kind(head, lowered, clean_title, span, opening)
    municipality = find_municipality(head, clean_title, span, opening, municipality_hint)
    return BasicFacts(
        title=clean_title,
        doc_type=kind.doc_type,
        municipality=municipality.name if municipality is not None else None,
    )
