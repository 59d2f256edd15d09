"""Restore ligatures that PDF extraction dropped ("vig  gt" → "vigtigt").

Each chain of gaps (see `gap_sites`) is read every way it can be: each gap either
hides one ligature (inside a word, at the end of one word, or at the start of the
next) or is a plain word space; a stray space after an f-ligature either splits
two words or not. Readings are scored like a noisy channel: the words a reading
produces by their likelihood in Danish (`word_scores`), each gap by how likely a
gap is to hide a glyph in this document. The original reading is kept unless
another one is convincingly better. A beam search keeps the work small: a reading
whose unfinished word starts no Danish word ("vigtq…") is dropped at once.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from politikbase.danish.lexicon import Lexicon
from politikbase.danish.ligatures import LIGATURE_CHARACTERS, LIGATURE_RARITY, LOST_LIGATURES
from politikbase.models import RepairChange
from politikbase.repair.gap_sites import find_chains, parse_chain, starts_sentence
from politikbase.repair.lines import Edit
from politikbase.repair.word_scores import WordScorer

_GLYPHS = str.maketrans(LIGATURE_CHARACTERS)
# The chain's last word goes on after a hyphen on the next line ("ops  l-" "ler").
_HYPHEN_AT_LINE_END = re.compile(r"- *(?:\n|$)")
# Two one-character tokens in a row, right before or after a chain ("B e s  k æ f").
_LONE_LETTERS_BEFORE = re.compile(r"(?:^|\s)\S [^\W\d_] \Z")
_LONE_LETTERS_AFTER = re.compile(r" [^\W\d_] \S(?:\s|$)")

# A repaired reading must beat the original by this much (log10) to be used.
MIN_GAIN = 0.5
# A repair is "strong" evidence of ligature damage when it wins by this much.
STRONG_GAIN = 2.0
# A text is damaged when this many chains, and this share of them, repair strongly;
# in other texts only strong repairs are made, and stray single spaces are left.
MIN_STRONG_CHAINS = 2
MIN_STRONG_SHARE = 0.25
# The damage is judged on the first chains: a sample is as telling as the lot.
DAMAGE_SAMPLE = 300
# Readings worse than the best by more than this are dropped during the search.
BEAM_MARGIN = 10.0
BEAM_WIDTH = 16
# Longer chains are letter-spaced words or tables, not dropped ligatures.
MAX_CHAIN_FRAGMENTS = 6
MAX_CHAIN_TEXT = 200
# Prior probabilities that a gap hides a glyph, by how damaged the document is.
NEUTRAL_PRIOR = 0.5
MIN_PRIOR = 0.05
MAX_PRIOR = 0.95
PRIOR_STEPS = 20
DECISION_CACHE_LIMIT = 100_000
# A word cut by line-break hyphenation is scored as the start of a word.
WORD_START_LOG_PROB = -6.0
MIN_WORD_START = 3
# A name's genitive has a name of at least this many letters before its "-s".
MIN_GENITIVE = 3


@dataclass(frozen=True, slots=True)
class ChainDecision:
    """The new text of each site of a chain (None = unchanged), and the gain over
    the original reading (log10)."""

    replacements: tuple[str | None, ...]
    gain: float

    @property
    def changes_text(self) -> bool:
        return any(replacement is not None for replacement in self.replacements)


@dataclass(slots=True)
class _Reading:
    """A partial reading of a chain: the word still open, and the choices so far."""

    open_word: str
    score: float
    choices: tuple[str | None, ...]
    original: bool


class GapResolver:
    """Decides chains with one lexicon and one prior; remembers its answers."""

    def __init__(self, scorer: WordScorer, glyph_prior: float = NEUTRAL_PRIOR) -> None:
        self.scorer = scorer
        self.lexicon = scorer.lexicon
        prior = min(MAX_PRIOR, max(MIN_PRIOR, glyph_prior))
        self._glyph_costs = [
            (glyph, math.log10(prior) + LIGATURE_RARITY.get(glyph, 0.0)) for glyph in LOST_LIGATURES
        ]
        self._plain_cost = math.log10(1.0 - prior)
        self._decisions: dict[tuple[str, bool, bool], ChainDecision] = {}
        self._sentence_start = True
        self._fragments: frozenset[str] = frozenset()

    def decide(
        self, chain_text: str, sentence_start: bool = True, hyphenated: bool = False
    ) -> ChainDecision:
        """The decision for a chain, given its exact text (case and spaces included),
        whether it may start a sentence, and whether its last word is hyphenated."""
        if len(chain_text) > MAX_CHAIN_TEXT:
            # Runs of letters longer than any word: no ligature is lost in those.
            return ChainDecision((None,) * len(parse_chain(chain_text)[0]), 0.0)
        key = (chain_text, sentence_start, hyphenated)
        decision = self._decisions.get(key)
        if decision is None:
            decision = self._decide(chain_text, sentence_start, hyphenated)
            if len(self._decisions) >= DECISION_CACHE_LIMIT:
                self._decisions.clear()
            self._decisions[key] = decision
        return decision

    def _decide(self, chain_text: str, sentence_start: bool, hyphenated: bool) -> ChainDecision:
        kinds, fragments = parse_chain(chain_text)
        if len(fragments) > MAX_CHAIN_FRAGMENTS or not fragments:
            return ChainDecision((None,) * len(kinds), 0.0)
        fragments = tuple(fragment.translate(_GLYPHS) for fragment in fragments)
        self._sentence_start = sentence_start
        self._fragments = frozenset(fragments)
        choices, gain = self._search(kinds, fragments, hyphenated and kinds[-1] != "tail")
        replacements = tuple(
            None if choice is None else _cased(choice, kinds, fragments, index)
            for index, choice in enumerate(choices)
        )
        return ChainDecision(replacements, gain)

    def _word(self, word: str) -> float:
        return self.scorer.score(word, word in self._fragments)

    def _may_join(self, word: str) -> bool:
        """Inside a sentence, a capital marks a name, and a name's "-s" is its genitive
        ("Glostrup Kommunes  lgang" is "Kommunes tilgang"), not a linking letter."""
        return not (
            not self._sentence_start
            and word[-1:] == "s"
            and word[:1].isupper()
            and not word.isupper()
            and len(word) > MIN_GENITIVE
            and self.lexicon.is_simple_word(word)
            and self.lexicon.is_simple_word(word[:-1])
        )

    def _last_word(self, word: str, hyphenated: bool) -> float:
        score = self._word(word)
        if hyphenated and len(word) >= MIN_WORD_START and self.lexicon.has_prefix(word):
            score = max(score, WORD_START_LOG_PROB)
        return score

    def _search(
        self, kinds: tuple[str, ...], fragments: tuple[str, ...], hyphenated: bool
    ) -> tuple[tuple[str | None, ...], float]:
        """Best choices for a chain, and how much they beat the original reading."""
        readings = [_Reading("", 0.0, (), True)]
        index = 0
        if kinds[0] != "lead":
            readings = self._extend(readings, fragments[0])
            index = 1
        for kind in kinds:
            # A lost glyph never sits before a capital that starts a word ("tiDen").
            following = fragments[index] if index < len(fragments) else ""
            capital_next = following[:1].isupper() and not following.isupper()
            readings = self._at_site(readings, kind, capital_next)
            if kind != "tail":
                readings = self._extend(readings, following)
                index += 1
            readings = self._prune(readings)
        original_score = 0.0
        best: _Reading | None = None
        best_score = -math.inf
        for reading in readings:
            score = reading.score + self._last_word(reading.open_word, hyphenated)
            if reading.original:
                original_score = score
            elif score > best_score:
                best, best_score = reading, score
        gain = best_score - original_score
        if best is None or gain < MIN_GAIN:
            return (None,) * len(kinds), gain
        return best.choices, gain

    def _extend(self, readings: list[_Reading], fragment: str) -> list[_Reading]:
        extended = []
        has_prefix = self.lexicon.has_prefix
        for reading in readings:
            word = reading.open_word + fragment
            if reading.original or has_prefix(word):
                extended.append(_Reading(word, reading.score, reading.choices, reading.original))
        return extended

    def _at_site(self, readings: list[_Reading], kind: str, capital_next: bool) -> list[_Reading]:
        result: list[_Reading] = []
        add = result.append
        for reading in readings:
            word, score, choices = reading.open_word, reading.score, reading.choices
            if kind == "spaced":
                add(_Reading("", score + self._word(word), (*choices, None), reading.original))
                add(_Reading(word, score, (*choices, ""), False))
                continue
            closed = score + self._word(word)
            add(_Reading("", closed + self._plain_cost, (*choices, None), reading.original))
            may_join = self._may_join(word)
            for glyph, cost in self._glyph_costs:
                with_glyph = score + cost
                if kind == "lead":
                    if not capital_next:
                        add(_Reading(glyph, with_glyph, (*choices, glyph), False))
                    continue
                ended = with_glyph + self._word(word + glyph)
                if kind == "tail":
                    add(_Reading("", ended, (*choices, glyph), False))
                    continue
                if not capital_next:
                    if may_join:
                        add(_Reading(word + glyph, with_glyph, (*choices, glyph), False))
                    add(_Reading(glyph, closed + cost, (*choices, " " + glyph), False))
                add(_Reading("", ended, (*choices, glyph + " "), False))
        return result

    def _prune(self, readings: list[_Reading]) -> list[_Reading]:
        """Keep the best reading per open word, within the beam, plus the original.

        Readings are compared with their open word counted in, at no worse than a
        word start: one that closed a word has paid for it, one that did not yet
        has not, and must not win the beam for that alone.
        """
        best: dict[str, _Reading] = {}
        original = None
        for reading in readings:
            if reading.original:
                original = reading
                continue
            known = best.get(reading.open_word)
            if known is None or reading.score > known.score:
                best[reading.open_word] = reading
        ranked = sorted(
            (
                (reading.score + self._open_estimate(reading.open_word), reading)
                for reading in best.values()
            ),
            key=lambda pair: pair[0],
            reverse=True,
        )
        kept = []
        if ranked:
            floor = ranked[0][0] - BEAM_MARGIN
            kept = [reading for estimate, reading in ranked[:BEAM_WIDTH] if estimate >= floor]
        if original is not None:
            kept.append(original)
        return kept

    def _open_estimate(self, word: str) -> float:
        return max(self._word(word), WORD_START_LOG_PROB) if word else 0.0


def _cased(choice: str, kinds: tuple[str, ...], fragments: tuple[str, ...], index: int) -> str:
    """A restored glyph in capitals when the letters around it are capitals."""
    after_position = index if kinds[0] == "lead" else index + 1
    before = fragments[after_position - 1] if after_position > 0 else ""
    after = fragments[after_position] if after_position < len(fragments) else ""
    if len(before) > 1 and before.isupper() and (not after or after.isupper()):
        return choice.upper()
    return choice


_RESOLVERS: dict[tuple[int, int], GapResolver] = {}
_SCORERS: dict[int, WordScorer] = {}


def resolver_for(lexicon: Lexicon, prior: float) -> GapResolver:
    """A resolver per lexicon and (rounded) prior, kept so texts share its memory."""
    step = round(prior * PRIOR_STEPS)
    key = (id(lexicon), step)
    resolver = _RESOLVERS.get(key)
    if resolver is None or resolver.lexicon is not lexicon:
        scorer = _SCORERS.get(id(lexicon))
        if scorer is None or scorer.lexicon is not lexicon:
            scorer = _SCORERS[id(lexicon)] = WordScorer(lexicon)
        resolver = _RESOLVERS[key] = GapResolver(scorer, step / PRIOR_STEPS)
    return resolver


def repair_ligatures(text: str, lexicon: Lexicon) -> tuple[list[Edit], list[RepairChange]]:
    """Edits that restore lost ligatures in `text`, and their log.

    A first reading, with no opinion on how damaged the text is, counts the gaps
    that only a lost ligature explains well. A damaged text is then read again
    expecting lost glyphs in its gaps (and at the start of words, and after
    f-ligatures); in an undamaged text only the few unmistakable repairs are made.
    """
    if "  " not in text:
        return [], []
    neutral = resolver_for(lexicon, NEUTRAL_PRIOR)
    chains = [
        (start, end, sites, starts_sentence(text, start), _hyphenated(text, end))
        for start, end, sites in find_chains(text, with_spaced=True, with_lead=True)
    ]
    # The damage is judged on chains with a true gap (two spaces after a letter);
    # the first few hundred are as telling as all of them.
    evidence = strong = 0
    for start, end, sites, sentence_start, hyphenated in chains:
        if not any(stop - begin > 1 and begin > start for begin, stop in sites):
            continue
        evidence += 1
        strong += neutral.decide(text[start:end], sentence_start, hyphenated).gain >= STRONG_GAIN
        if evidence == DAMAGE_SAMPLE:
            break
    if strong >= MIN_STRONG_CHAINS and strong >= MIN_STRONG_SHARE * evidence:
        resolver = resolver_for(lexicon, (strong + 1) / (evidence + 2))
        threshold = MIN_GAIN
    else:
        # Not damaged: only unmistakable repairs, of fragments longer than a letter
        # (a lone letter by a double space is an initial or an abbreviation there),
        # and no stray-space or line-start sites.
        chains = [
            (start, end, sites, starts_sentence(text, start), _hyphenated(text, end))
            for start, end, sites in find_chains(text, with_spaced=False, with_lead=False)
            if not _has_lone_letter(text[start:end])
        ]
        resolver, threshold = neutral, STRONG_GAIN
    edits: list[Edit] = []
    changes: list[RepairChange] = []
    for start, end, sites, sentence_start, hyphenated in chains:
        if _letter_spaced(text, start, end):
            continue
        chain_text = text[start:end]
        decision = resolver.decide(chain_text, sentence_start, hyphenated)
        if decision.gain < threshold or not decision.changes_text:
            continue
        pieces: list[str] = []
        cursor = start
        for (site_start, site_end), replacement in zip(sites, decision.replacements, strict=True):
            if replacement is None:
                continue
            edits.append(Edit(site_start, site_end, replacement, "ligature"))
            pieces.append(text[cursor:site_start])
            pieces.append(replacement)
            cursor = site_end
        pieces.append(text[cursor:end])
        changes.append(RepairChange("ligature", chain_text, "".join(pieces), start))
    return edits, changes


def _hyphenated(text: str, end: int) -> bool:
    """The chain ends in a word broken by hyphenation at the end of the line."""
    return text.startswith("-", end) and _HYPHEN_AT_LINE_END.match(text, end) is not None


def _has_lone_letter(chain_text: str) -> bool:
    return any(len(fragment) == 1 for fragment in parse_chain(chain_text)[1])


def _letter_spaced(text: str, start: int, end: int) -> bool:
    """The chain is part of a word written with a space between its letters
    ("B e s k æ f t i g e l s e"), not a word that lost a glyph: one-letter
    tokens between single spaces stand right before or after it."""
    before = text[max(0, start - 5) : start]
    after = text[end : end + 5]
    return (
        _LONE_LETTERS_BEFORE.search(before) is not None
        or _LONE_LETTERS_AFTER.match(after) is not None
    )
