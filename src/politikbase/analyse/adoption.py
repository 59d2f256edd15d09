"""Who adopted a document and when, from the sentence that says so.

An adoption statement is a participle or past tense of an adopting verb
("vedtaget", "godkendt", "besluttet", "vedtog", "godkendte", "besluttede") with
the adopting body ("af kommunalbestyrelsen", "i Nyborg Byråd", "Byrådet
besluttede") and/or a date ("den 10. september 2014", "i maj 2014", "19.03.2013")
in the same sentence.

Not adoption statements: decisions to do something ("besluttet at revidere",
"besluttet, hvordan midlerne …", "besluttede den 29. januar 2020 at igangsætte"),
what must or will happen ("skal godkendes", "forventes vedtaget"), adjectives
("de godkendte planer", "politisk besluttede forandringer") and the adoption of
something else, named with an indefinite article ("I år 2008 vedtog
Kommunalbestyrelsen en Handicappolitik" — the earlier policy this one revises;
"har vedtaget en række politikker"; but "vedtog en ny handicappolitik" is this one).

When a text states several adoptions, the one that is most complete (date and
body) and is about the document itself wins; among equals, the latest date (the
version in force).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from politikbase.danish.bodies import BodyMention, find_bodies
from politikbase.danish.dates import DanishDate, find_dates, find_years
from politikbase.danish.sentences import sentence_around

# Without a look-behind in front, so the scan for the verbs' letters is fast;
# `_starts_word` checks the boundary.
_VERB = re.compile(r"(?:vedtaget|vedtog|godkendte|godkendt|besluttede|besluttet)(?![\w-])")
_PAST_TENSE = frozenset({"vedtog", "godkendte", "besluttede"})
# "besluttet at revidere", "besluttet, hvordan midlerne skal bruges"
_COMPLEMENT_AFTER = re.compile(
    r"\s*,?\s*(?:at|om|hvordan|hvilke|hvilken|hvilket|hvad|hvorvidt|hvem|hvornår|hvor)(?![\w])"
)
# "skal godkendes", "skal være vedtaget", "forventes godkendt i byrådet"
_MODAL_BEFORE = re.compile(
    r"(?<![\w])(?:skal|skulle|vil|ville|kan|kunne|bør|burde|forventes|forventer|ønskes|planlægges|"
    r"påtænkes|indstilles|foreslås|mangler)(?:\s+[^\s,.;:]+){0,2}\s+$"
)
# "de godkendte planer", "den vedtagne", "politisk besluttede forandringer"
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w])(?:de|den|det|disse|alle|politisk|allerede)\s+$")
# "vedtog en Handicappolitik", "har vedtaget en række politikker"
# ("vedtog en ny handicappolitik" is this one, new).
_INDEFINITE_OBJECT = re.compile(
    r"\s*(?:en|et|nogle|flere|to|tre|fire|fem)\s+(?!(?:ny|nyt|nye|revideret|opdateret|"
    r"reviderede|opdaterede)(?![\w]))"
)
# What may stand between a verb and a date or body it governs: "den", "af", "på mødet".
_GOVERNED_GAP = re.compile(r"[\s,:]*(?:(?:den|d\.|af|i|på|ved)\s+)?$")
# A year right after the verb or the body: "Godkendt af Byrådet 2016", "Vedtaget 2019".
_ADJACENT_GAP = re.compile(r"[\s,:]*$")
# Year-only dates need a preposition or a colon: "i 2017", "i år 2008", "Vedtaget: 2017".
_YEAR_PREPOSITION = re.compile(r"(?:(?<![\w])(?:i|år|i\s+løbet\s+af|medio|ultimo|primo)|:)\s+$")
# Where a body after the verb is the agent: "vedtaget af", "besluttet i", "godkendt på".
_AGENT_PREPOSITION = re.compile(
    r"(?:af|i|på)\s+(?:(?:det|et|deres|sit|sidste)\s+)?(?:[A-ZÆØÅa-zæøå][\w-]*\s+)?$"
)
# "… og efterfølgende i Byrådet den 22. juni 2016": a later step of the same adoption.
_NEXT_STEP = re.compile(
    r"\s*,?\s*(?:og|samt)\s+(?:(?:efterfølgende|endeligt|senere|derefter|herefter|til\s+sidst)\s+)?"
    r"(?:vedtaget\s+|godkendt\s+)?(?:i|af|på)\s+(?:(?:et\s+enigt|det\s+samlede)\s+)?"
)
_MAX_STEP_GAP = 30
# Evidence longer than this is cut to the verb, date and body.
MAX_EVIDENCE_CHARS = 300
_MAX_LOOKBACK = 60
_MAX_DATE_DISTANCE = 160
_MAX_BODY_DISTANCE = 120


# How surely a statement is about the document itself.
NAMES_OTHER, NAMES_NOTHING, NAMES_DOCUMENT = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Adoption:
    date: DanishDate | None
    body: BodyMention | None
    start: int  # the statement (its sentence, or the words of it), for evidence
    end: int
    confidence: float


def _is_predicate(lowered: str, verb: re.Match[str], sentence_start: int) -> bool:
    before = lowered[max(sentence_start, verb.start() - _MAX_LOOKBACK) : verb.start()]
    if _MODAL_BEFORE.search(before) or _COMPLEMENT_AFTER.match(lowered, verb.end()):
        return False
    return not (verb.group() in _PAST_TENSE and _ADJECTIVE_BEFORE.search(before))


def _agent(
    lowered: str, verb: re.Match[str], bodies: Sequence[BodyMention], sentence_start: int
) -> BodyMention | None:
    """The body that adopted: the agent after the verb, or the subject before it."""
    after = [
        b for b in bodies if b.start >= verb.end() and b.start - verb.end() <= _MAX_BODY_DISTANCE
    ]
    for body in after:
        between = lowered[verb.end() : body.start]
        # "vedtog Kommunalbestyrelsen" (inverted subject) or "vedtaget af kommunalbestyrelsen".
        if not between.strip() or _AGENT_PREPOSITION.search(between):
            return body
    before = [b for b in bodies if b.end <= verb.start() and b.start >= sentence_start]
    if before:
        subject = before[-1]
        if verb.start() - subject.end <= _MAX_BODY_DISTANCE:
            return subject
    return None


def _object_is_indefinite(lowered: str, verb: re.Match[str], body: BodyMention | None) -> bool:
    position = verb.end()
    if body is not None and body.start >= position and not lowered[position : body.start].strip():
        position = body.end
    return _INDEFINITE_OBJECT.match(lowered, position) is not None


def _nearest_date(
    lowered: str, verb: re.Match[str], body: BodyMention | None, start: int, end: int
) -> DanishDate | None:
    dates = find_dates(lowered, start, end)
    covered = [(d.start, d.end) for d in dates]
    anchors = [verb.end()] + ([body.end] if body is not None and body.start > verb.end() else [])
    for year in find_years(lowered, start, end):
        if any(s <= year.start < e for s, e in covered):
            continue
        before = lowered[max(start, year.start - 20) : year.start]
        adjacent = any(
            a <= year.start and _ADJACENT_GAP.fullmatch(lowered, a, year.start) for a in anchors
        )
        if adjacent or _YEAR_PREPOSITION.search(before):
            dates.append(year)
    best: DanishDate | None = None
    best_distance = _MAX_DATE_DISTANCE + 1
    for date in dates:
        distance = date.start - verb.end() if date.start >= verb.end() else verb.start() - date.end
        if distance < best_distance:
            best, best_distance = date, distance
    return best


def _decides_to_act(
    lowered: str, verb: re.Match[str], date: DanishDate | None, body: BodyMention | None
) -> bool:
    """True for a decision to do something: "besluttede den 29. januar 2020 at igangsætte"."""
    position = verb.end()
    for span in sorted((s for s in (date, body) if s is not None), key=lambda s: s.start):
        if span.start >= position and _GOVERNED_GAP.fullmatch(lowered, position, span.start):
            position = span.end
    return _COMPLEMENT_AFTER.match(lowered, position) is not None


def _final_step(
    lowered: str,
    date: DanishDate | None,
    body: BodyMention | None,
    bodies: Sequence[BodyMention],
    end: int,
) -> tuple[DanishDate | None, BodyMention | None]:
    """The last step of a statement that names two: "godkendt i Børne- og Ungeudvalget den
    6. juni 2016 og efterfølgende i Byrådet den 22. juni 2016" was adopted by the council."""
    if date is None or body is None:
        return date, body
    position = max(date.end, body.end)
    step = _NEXT_STEP.match(lowered, position)
    if step is None:
        return date, body
    later_body = next((b for b in bodies if b.start == step.end()), None)
    if later_body is None:
        return date, body
    later_dates = find_dates(lowered, later_body.end, min(end, later_body.end + _MAX_STEP_GAP))
    if not later_dates:
        return date, later_body
    return later_dates[0], later_body


def find_adoptions(text: str, lowered: str) -> list[Adoption]:
    """Every adoption statement in `text` (lower-cased copy `lowered`), in order."""
    found: list[Adoption] = []
    for verb in _VERB.finditer(lowered):
        before = lowered[verb.start() - 1] if verb.start() else " "
        if before.isalnum() or before == "-":
            continue
        start, end = sentence_around(text, verb.start(), verb.end())
        if not _is_predicate(lowered, verb, start):
            continue
        bodies = find_bodies(lowered, start, end)
        body = _agent(lowered, verb, bodies, start)
        if verb.group() in _PAST_TENSE and body is None:
            continue  # "politisk besluttede forandringer": no subject, no statement
        if _object_is_indefinite(lowered, verb, body):
            continue
        date = _nearest_date(lowered, verb, body, start, end)
        if date is None and body is None:
            continue
        if _decides_to_act(lowered, verb, date, body):
            continue
        date, body = _final_step(lowered, date, body, bodies, end)
        confidence = 0.6 + 0.2 * (date is not None) + 0.15 * (body is not None)
        if end - start > MAX_EVIDENCE_CHARS:
            # A run-on "sentence" (a flattened title block): only the statement itself.
            parts = [verb.span()] + [(s.start, s.end) for s in (date, body) if s is not None]
            start, end = min(p[0] for p in parts), max(p[1] for p in parts)
        found.append(Adoption(date, body, start, end, min(confidence, 0.95)))
    return found


def best_adoption(adoptions: Sequence[Adoption], about_document: Sequence[int]) -> Adoption | None:
    """The adoption of the document itself: complete, about it, and the latest.

    `about_document[i]` says how surely statement i is about the document:
    NAMES_DOCUMENT (its title's policy, "politikken" referring back to it, or a
    short title-block line), NAMES_NOTHING, or NAMES_OTHER (other policies only).
    A statement without a date must name the document: "de overordnede
    strategier Byrådet har vedtaget" is about other documents.
    """
    best: Adoption | None = None
    best_key: tuple[int, int, str] | None = None  # (completeness and aboutness, about, date)
    for adoption, about in zip(adoptions, about_document, strict=True):
        if adoption.date is None and about != NAMES_DOCUMENT:
            continue
        score = 2 * (adoption.date is not None) + (adoption.body is not None) + about - 1
        key = (score, about, adoption.date.value if adoption.date else "")
        if best_key is None or key > best_key:
            best, best_key = adoption, key
    return best
