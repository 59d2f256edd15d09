"""Which municipality or region a document belongs to.

A municipality given with the source wins (normalised to its official name when
it is a known one). Otherwise the title names it ("Slagelse Kommunes
Personalepolitik"), or the opening does, or the organisation the text names most
often; a place named "<Place> Kommune" twice that is not in the gazetteer is
taken as it is written. Failing all those, a municipality named by its place
alone in the title or opening ("her i Køge", "8722 Hedensted").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from politikbase.danish.organisations import (
    OrganisationMention,
    main_organisation,
    organisation_by_name,
    organisation_mentions,
    place_mentions,
)

# How far into a document the organisation is looked for: the opening names the
# owner; a long appendix may name many others.
ORGANISATION_WINDOW = 20_000


@dataclass(frozen=True, slots=True)
class Municipality:
    name: str
    start: int | None
    end: int | None
    confidence: float


def _mention(mention: OrganisationMention, confidence: float) -> Municipality:
    return Municipality(mention.name, mention.start, mention.end, confidence)


def _from_hint(hint: str, mentions: list[OrganisationMention]) -> Municipality:
    known = organisation_by_name(hint)
    name = known.name if known else hint.strip()
    mention = next((m for m in mentions if m.name == name), None)
    if mention is None:
        return Municipality(name, None, None, 0.95)
    return _mention(mention, 0.95)


def _in_title(
    title: str, title_span: tuple[int, int] | None, mentions: list[OrganisationMention]
) -> Municipality | None:
    if title_span is not None:
        inside = [m for m in mentions if title_span[0] <= m.start < title_span[1]]
        return _mention(inside[0], 0.9) if inside else None
    named = organisation_mentions(title) if title else []
    if not named:
        return None
    # The title is not in the text: its evidence is the first mention in the text, if any.
    in_text = next((m for m in mentions if m.name == named[0].name), None)
    if in_text is None:
        return Municipality(named[0].name, None, None, 0.85)
    return _mention(in_text, 0.85)


def _most_named(mentions: list[OrganisationMention]) -> Municipality | None:
    if not mentions:
        return None
    counts = Counter(m.name for m in mentions)
    name, seen = counts.most_common(1)[0]
    first = next(m for m in mentions if m.name == name)
    return _mention(first, 0.8 if seen > 1 else 0.6)


def _by_place(
    text: str, title: str, title_span: tuple[int, int] | None, opening: int
) -> Municipality | None:
    if title_span is None:
        in_title = place_mentions(title)
        if in_title:
            return Municipality(in_title[0].name, None, None, 0.5)
    head_end = max(opening, title_span[1] if title_span else 0)
    in_head = place_mentions(text[:head_end])
    return _mention(in_head[0], 0.5) if in_head else None


def find_municipality(
    text: str, title: str, title_span: tuple[int, int] | None, opening: int, hint: str | None
) -> Municipality | None:
    """The organisation of the document, with a mention of it in the text where there is one."""
    window = text[:ORGANISATION_WINDOW]
    mentions = organisation_mentions(window)
    if hint and hint.strip():
        return _from_hint(hint, mentions)
    found = _in_title(title, title_span, mentions)
    if found is None:
        in_opening = [m for m in mentions if m.start < opening]
        found = _mention(in_opening[0], 0.85) if in_opening else _most_named(mentions)
    if found is None:
        unknown = main_organisation(window)
        found = Municipality(unknown, None, None, 0.5) if unknown else None
    return found or _by_place(text, title, title_span, opening)
