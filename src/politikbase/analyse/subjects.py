"""The subject areas of a document, with the words that decided them.

Three sources, weighed differently: the title names what a policy is about
("Handicappolitik", "Børne- og ungepolitik") and weighs most; headings next; the body
by how large a share of its words signal an area, so a long text does not win by
length alone. A short text's share is damped (as if it had `BODY_PRIOR_WORDS` more
words without a signal), so a snippet of forty words with one cue in it is not taken
for a document about that cue.

The best area is the primary one. Others join only when clearly supported: named in
the title nearly as strongly as the best, or taking a large share of the body, in
several places, next to the best body area. "Sammenhængende børne- og ungepolitik"
is about children and young people; its body adds schools or health only when it
dwells on them.

The vocabulary and the words that signal each area are in
`politikbase.danish.subjects`; every word is analysed once per process (cached), so
a text costs a count of its words and a look-up per distinct word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from politikbase.danish.subjects import (
    SUBJECT_AREAS,
    PhraseHit,
    SubjectWords,
    default_subject_words,
)

TITLE, HEADING, TEXT = "title", "heading", "text"
TITLE_WEIGHT = 10.0
# A title names two or three areas at most; more cues in it add nothing.
TITLE_CAP = 2.0
HEADING_WEIGHT = 2.0
HEADING_CAP = 3.0
# The body's score is the weighted share of its words that signal an area, in percent.
BODY_PERCENT = 100.0
BODY_PRIOR_WORDS = 200
# Below this no area is assigned at all: one weak word in a snippet is no subject.
MIN_SCORE = 0.25
# An area the title names joins when a word of the title names it outright (a cue of
# at least this weight), or when its title score is this share of the best one's.
TITLE_STRONG_CUE = 0.7
TITLE_SHARE = 0.5
# A body-supported area joins when it has this many signalling words, this share
# (percent) of the body, and this share of the best body area's score.
MIN_BODY_HITS = 4
MIN_BODY_PERCENT = 0.8
BODY_SHARE = 0.45
# An area named in the headings joins with less of the body: this much heading score
# (one heading that names it), the hits above and this share of the best body area.
MIN_HEADING_SCORE = 1.0
HEADING_BODY_SHARE = 0.3
MAX_AREAS = 4
MAX_TEXT_EVIDENCE = 5

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class SubjectEvidence:
    """A word that signalled an area, and where it stands.

    `source` is "title", "heading" or "text"; `start`/`end` are offsets into that
    string: `text[start:end] == word` for the text, `title[start:end]` for the title,
    `headings[heading][start:end]` for a heading. `count` is how often the word
    (in any case) stands in that source; for the text, the offsets are its first place.
    """

    word: str
    source: str
    start: int
    end: int
    count: int = 1
    heading: int | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "word": self.word,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "count": self.count,
        }
        if self.heading is not None:
            data["heading"] = self.heading
        return data


@dataclass(frozen=True, slots=True)
class SubjectAssignment:
    """One subject area of a document: its slug, label, KLE codes, score and evidence."""

    slug: str
    label: str
    kle: tuple[str, ...]
    score: float
    evidence: tuple[SubjectEvidence, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "label": self.label,
            "kle": list(self.kle),
            "score": self.score,
            "evidence": [item.as_json() for item in self.evidence],
        }


@dataclass(slots=True)
class _Tally:
    """What one area gathered while a document was read."""

    title: float = 0.0
    title_best: float = 0.0
    # Where the title first names the area: a title names its subject first
    # ("Frivillighedspolitik for ældreområdet"), so that breaks a tie.
    title_first: int = 1 << 30
    headings: float = 0.0
    body_hits: int = 0
    body_percent: float = 0.0

    def total(self) -> float:
        return (
            TITLE_WEIGHT * min(self.title, TITLE_CAP)
            + HEADING_WEIGHT * min(self.headings, HEADING_CAP)
            + self.body_percent
        )


def assign_subjects(title: str, text: str, headings: Sequence[str] = ()) -> list[SubjectAssignment]:
    """The subject areas of a document, the primary one first (empty when none is clear)."""
    words = default_subject_words()
    tallies: dict[int, _Tally] = {}
    evidence: dict[int, list[SubjectEvidence]] = {}
    for area, weight, item in _short_signals(words, title, TITLE):
        tally = tallies.setdefault(area, _Tally())
        tally.title += weight
        tally.title_best = max(tally.title_best, weight)
        tally.title_first = min(tally.title_first, item.start)
        evidence.setdefault(area, []).append(item)
    for index, heading in enumerate(headings):
        for area, weight, item in _short_signals(words, heading, HEADING, index):
            tallies.setdefault(area, _Tally()).headings += weight
            evidence.setdefault(area, []).append(item)
    body = _body_signals(words, text)
    for area, (weight, hits) in body.totals.items():
        tally = tallies.setdefault(area, _Tally())
        tally.body_hits = hits
        tally.body_percent = BODY_PERCENT * weight / (body.word_count + BODY_PRIOR_WORDS)
    chosen = _choose(tallies)
    assignments: list[SubjectAssignment] = []
    for area in chosen:
        subject = SUBJECT_AREAS[area]
        items = evidence.get(area, []) + body.evidence(area, text)
        assignments.append(
            SubjectAssignment(
                slug=subject.slug,
                label=subject.label,
                kle=subject.kle,
                score=round(tallies[area].total(), 3),
                evidence=tuple(items),
            )
        )
    return assignments


def _choose(tallies: dict[int, _Tally]) -> list[int]:
    """The areas clearly supported, best first."""
    ranked = sorted(
        tallies, key=lambda area: (-tallies[area].total(), tallies[area].title_first, area)
    )
    if not ranked or tallies[ranked[0]].total() < MIN_SCORE:
        return []
    best_title = max(tally.title for tally in tallies.values())
    best_body = max(tally.body_percent for tally in tallies.values())
    chosen = [ranked[0]]
    for area in ranked[1:]:
        tally = tallies[area]
        by_title = tally.title_best >= TITLE_STRONG_CUE or (
            best_title > 0
            and min(tally.title, TITLE_CAP) >= TITLE_SHARE * min(best_title, TITLE_CAP)
        )
        by_body = (
            tally.body_hits >= MIN_BODY_HITS
            and tally.body_percent >= MIN_BODY_PERCENT
            and tally.body_percent >= BODY_SHARE * best_body
        )
        by_headings = (
            tally.headings >= MIN_HEADING_SCORE
            and tally.body_hits >= MIN_BODY_HITS
            and tally.body_percent >= HEADING_BODY_SHARE * best_body
        )
        if by_title or by_body or by_headings:
            chosen.append(area)
        if len(chosen) == MAX_AREAS:
            break
    return chosen


def _short_signals(
    words: SubjectWords, source_text: str, source: str, heading: int | None = None
) -> list[tuple[int, float, SubjectEvidence]]:
    """Every signal of a title or heading, word by word, with its place."""
    found: list[tuple[int, float, SubjectEvidence]] = []
    lowered = _lower(source_text)
    for match in _WORD.finditer(lowered):
        for area, weight in words.signals(match.group()):
            start, end = match.span()
            item = SubjectEvidence(source_text[start:end], source, start, end, heading=heading)
            found.append((area, weight, item))
    for hit in words.phrase_hits(lowered) + words.capital_hits(source_text):
        item = SubjectEvidence(
            source_text[hit.start : hit.end], source, hit.start, hit.end, heading=heading
        )
        found.append((hit.area, hit.weight, item))
    return found


class _BodySignals:
    """The signals of a body text, counted per distinct word."""

    def __init__(self, lowered: str, word_count: int) -> None:
        self._lowered = lowered
        self.word_count = word_count
        # area -> (summed weight, number of signalling words)
        self.totals: dict[int, tuple[float, int]] = {}
        # area -> [(weight the word brought, lowercase word, count)]
        self.words: dict[int, list[tuple[float, str, int]]] = {}
        # area -> phrase and capital hits, in order
        self.hits: dict[int, list[PhraseHit]] = {}

    def add(self, area: int, weight: float, count: int) -> None:
        total, hits = self.totals.get(area, (0.0, 0))
        self.totals[area] = (total + weight * count, hits + count)

    def evidence(self, area: int, text: str) -> list[SubjectEvidence]:
        """The words that weighed most for an area, each at its first place in the text."""
        ranked: list[tuple[float, str, int, PhraseHit | None]] = [
            (weight * count, word, count, None) for weight, word, count in self.words.get(area, [])
        ]
        for hit in self.hits.get(area, []):
            ranked.append((hit.weight, self._lowered[hit.start : hit.end], 1, hit))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        items: list[SubjectEvidence] = []
        seen: set[str] = set()
        for _, word, count, hit in ranked:
            if word in seen:
                continue
            seen.add(word)
            start = hit.start if hit is not None else _first_place(self._lowered, word)
            if start < 0:
                continue
            end = hit.end if hit is not None else start + len(word)
            total = (
                count
                if hit is None
                else sum(
                    1 for other in self.hits[area] if self._lowered[other.start : other.end] == word
                )
            )
            items.append(SubjectEvidence(text[start:end], TEXT, start, end, total))
            if len(items) == MAX_TEXT_EVIDENCE:
                break
        return items


def _body_signals(words: SubjectWords, text: str) -> _BodySignals:
    lowered = _lower(text)
    tokens = _WORD.findall(lowered)
    body = _BodySignals(lowered, len(tokens))
    signals = words.signals
    for word, count in Counter(tokens).items():
        for area, weight in signals(word):
            body.add(area, weight, count)
            body.words.setdefault(area, []).append((weight, word, count))
    for hit in words.phrase_hits(lowered) + words.capital_hits(text):
        body.add(hit.area, hit.weight, 1)
        body.hits.setdefault(hit.area, []).append(hit)
    return body


def _lower(text: str) -> str:
    """Lowercase text with the same offsets as the text (a few letters lengthen when
    lowered, "İ" → "i̇"; those are left as they are)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _first_place(lowered: str, word: str) -> int:
    """Where a word first stands whole in lowercase text, or -1."""
    position = lowered.find(word)
    while position >= 0:
        end = position + len(word)
        if (position == 0 or not lowered[position - 1].isalnum()) and (
            end == len(lowered) or not lowered[end].isalnum()
        ):
            return position
        position = lowered.find(word, position + 1)
    return -1
