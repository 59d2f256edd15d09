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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from politikbase.danish.lexicon import ONE_LETTER_WORDS, Lexicon
from politikbase.danish.ligatures import LIGATURE_CHARACTERS, LIGATURE_RARITY, LOST_LIGATURES
from politikbase.models import RepairChange
from politikbase.repair.gap_sites import ChainSpan, find_chains, parse_chain, starts_sentence
from politikbase.repair.lines import Edit
from politikbase.repair.single_gaps import SuspectSpaces, may_have_collapsed_gaps
from politikbase.repair.word_scores import WordScorer

_GLYPHS = str.maketrans(LIGATURE_CHARACTERS)
# The chain's last word goes on after a hyphen on the next line ("ops  l-" "ler").
_HYPHEN_AT_LINE_END = re.compile(r"- *(?:\n|$)")
# A line that ends in the first part of a hyphenated word ("Værdighedspo-").
_HYPHENATED_LINE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)- *\Z")
_LETTERS = re.compile(r"[^\W\d_]+")
HEAD_WINDOW = 64
# Two one-character tokens in a row, right before or after a chain ("B e s  k æ f").
_LONE_LETTERS_BEFORE = re.compile(r"(?:^|\s)\S [^\W\d_] \Z")
_LONE_LETTERS_AFTER = re.compile(r" [^\W\d_] \S(?:\s|$)")
_LONE_LETTERS_WITHIN = re.compile(r"(?:^|(?<= ))[^\W\d_] [^\W\d_] [^\W\d_](?= |$)")

# A repaired reading must beat the original by this much (log10) to be used.
MIN_GAIN = 0.5
# A repair is "strong" evidence of ligature damage when it wins by this much.
STRONG_GAIN = 2.0
# A text is damaged when this many chains, and this share of them, repair strongly;
# in other texts only strong repairs are made, and stray single spaces are left.
MIN_STRONG_CHAINS = 2
MIN_STRONG_SHARE = 0.25
# Where gaps collapsed into one space, judged on chains of suspect spaces: more
# of them, and a larger share, since every word space of the text could be one.
MIN_COLLAPSED_CHAINS = 3
MIN_COLLAPSED_SHARE = 0.4
# The damage is judged on the first chains: a sample is as telling as the lot.
DAMAGE_SAMPLE = 300
# Readings worse than the best by more than this are dropped during the search.
BEAM_MARGIN = 10.0
BEAM_WIDTH = 16
CLOSABLE_WIDTH = 4
# Longer chains are letter-spaced words or tables, not dropped ligatures.
MAX_CHAIN_FRAGMENTS = 6
# Where gaps collapsed, every suspect space links pieces, and chains grow longer
# ("hjælpere lbyder gra s hjælp l at").
MAX_COLLAPSED_CHAIN_FRAGMENTS = 10
MAX_CHAIN_TEXT = 200
# Prior probabilities that a gap hides a glyph, by how damaged the document is.
NEUTRAL_PRIOR = 0.5
MIN_PRIOR = 0.05
MAX_PRIOR = 0.95
PRIOR_STEPS = 20
# A suspect space hides a glyph at most as often as not: most word spaces are
# plain, and one lost glyph must never turn a run of pieces into one long non-word.
MAX_SINGLE_PRIOR = 0.5
# A space between two words hides a glyph at most this often, however damaged the
# text: "mellem den" must stay, only a clearly better word ("Samtidig") joins.
MAX_PAIR_PRIOR = 0.2
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


@dataclass(frozen=True, slots=True)
class _WordEnds:
    """What a chain's words continue with across line breaks (see `decide`)."""

    head: str
    hyphenated: bool
    continuation: str


@dataclass(slots=True)
class _Reading:
    """A partial reading of a chain: the word still open, and the choices so far;
    `order` is when the last site made it (see `_Candidates`)."""

    open_word: str
    score: float
    choices: tuple[str | None, ...]
    original: bool
    order: int = 0


class _Candidates:
    """The readings one site makes from the readings before it.

    Of the readings with the same open word only the first best one is kept: the
    beam keeps no other (see `GapResolver._prune`), and the final choice, the
    first best reading as they were made, is among the kept ones too (its `order`
    tells which came first). That spares extending and scoring the others.
    """

    __slots__ = ("best", "made", "original")

    def __init__(self) -> None:
        self.best: dict[str, _Reading] = {}
        self.made = 0
        self.original: _Reading | None = None

    def add(
        self, word: str, score: float, choices: tuple[str | None, ...], choice: str | None
    ) -> None:
        self.made += 1
        known = self.best.get(word)
        if known is None or score > known.score:
            self.best[word] = _Reading(word, score, (*choices, choice), False, self.made)

    def keep_original(self, word: str, score: float, choices: tuple[str | None, ...]) -> None:
        self.made += 1
        self.original = _Reading(word, score, (*choices, None), True, self.made)

    def readings(self) -> list[_Reading]:
        readings = list(self.best.values())
        if self.original is not None:
            readings.append(self.original)
        return readings


class GapResolver:
    """Decides chains with one lexicon and one prior; remembers its answers."""

    def __init__(
        self,
        scorer: WordScorer,
        glyph_prior: float = NEUTRAL_PRIOR,
        single_prior: float = NEUTRAL_PRIOR,
    ) -> None:
        self.scorer = scorer
        self.lexicon = scorer.lexicon
        self._plain_cost, self._glyph_costs = _site_costs(glyph_prior)
        # A suspect word space ("single") hides a glyph as often as the document says.
        self._single_plain_cost, self._single_glyph_costs = _site_costs(single_prior)
        self._pair_plain_cost, self._pair_glyph_costs = _site_costs(
            min(single_prior, MAX_PAIR_PRIOR)
        )
        self._decisions: dict[tuple[str, bool, bool, str, str], ChainDecision] = {}
        self._sentence_start = True
        self._fragments: frozenset[str] = frozenset()

    def decide(
        self,
        chain_text: str,
        sentence_start: bool = True,
        hyphenated: bool = False,
        head: str = "",
        continuation: str = "",
    ) -> ChainDecision:
        """The decision for a chain, given its exact text (case and spaces included),
        whether it may start a sentence, and whether its last word is hyphenated.

        Across a line break a word's other part is known: `head` is the start of
        the chain's first word on the line before ("Værdighedspo-" + "li kken"),
        `continuation` the rest of its hyphenated last word on the next line
        ("genera o-" + "ner"); the words are scored whole.
        """
        if len(chain_text) > MAX_CHAIN_TEXT:
            # Runs of letters longer than any word: no ligature is lost in those.
            return ChainDecision((None,) * len(parse_chain(chain_text)[0]), 0.0)
        key = (chain_text, sentence_start, hyphenated, head, continuation)
        decision = self._decisions.get(key)
        if decision is None:
            decision = self._decide(chain_text, sentence_start, hyphenated, head, continuation)
            if len(self._decisions) >= DECISION_CACHE_LIMIT:
                self._decisions.clear()
            self._decisions[key] = decision
        return decision

    def _decide(
        self, chain_text: str, sentence_start: bool, hyphenated: bool, head: str, continuation: str
    ) -> ChainDecision:
        kinds, fragments = parse_chain(chain_text)
        collapsed = "single" in kinds
        limit = MAX_COLLAPSED_CHAIN_FRAGMENTS if collapsed else MAX_CHAIN_FRAGMENTS
        if len(fragments) > limit or not fragments:
            return ChainDecision((None,) * len(kinds), 0.0)
        fragments = tuple(fragment.translate(_GLYPHS) for fragment in fragments)
        if collapsed:
            kinds = self._word_pairs(kinds, fragments)
        if kinds[0] == "lead":
            head = ""
        if kinds[-1] == "tail":
            hyphenated, continuation = False, ""
        self._sentence_start = sentence_start
        # The original reading's words stand in the text as they are.
        self._fragments = frozenset((*fragments, head + fragments[0], fragments[-1] + continuation))
        ends = _WordEnds(head, hyphenated, continuation)
        choices, gain = self._search(kinds, fragments, ends)
        replacements = tuple(
            None if choice is None else _cased(choice, kinds, fragments, index)
            for index, choice in enumerate(choices)
        )
        return ChainDecision(replacements, gain)

    def _word_pairs(self, kinds: tuple[str, ...], fragments: tuple[str, ...]) -> tuple[str, ...]:
        """Suspect spaces between two words ("mellem den", "Sam dig") become "pair"
        sites: a lost glyph is much rarer there than next to a piece of a word."""
        offset = 1 if kinds[0] == "lead" else 0
        marked = list(kinds)
        for index, kind in enumerate(kinds):
            if kind != "single":
                continue
            left, right = fragments[index - offset], fragments[index + 1 - offset]
            if self._is_whole_word(left) and self._is_whole_word(right):
                marked[index] = "pair"
        return tuple(marked)

    def _is_whole_word(self, fragment: str) -> bool:
        if len(fragment) == 1:
            return fragment in ONE_LETTER_WORDS or fragment.isupper()
        return self.scorer.is_spelled_word(fragment)

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

    def _last_word(self, word: str, ends: _WordEnds) -> float:
        if ends.continuation:
            return self._word(word + ends.continuation)
        score = self._word(word)
        if ends.hyphenated and len(word) >= MIN_WORD_START and self.lexicon.has_prefix(word):
            score = max(score, WORD_START_LOG_PROB)
        return score

    def _search(
        self, kinds: tuple[str, ...], fragments: tuple[str, ...], ends: _WordEnds
    ) -> tuple[tuple[str | None, ...], float]:
        """Best choices for a chain, and how much they beat the original reading."""
        readings = [_Reading(ends.head, 0.0, (), True)]
        index = 0
        if kinds[0] != "lead":
            readings = self._extend(readings, fragments[0])
            index = 1
        last = len(kinds) - 1
        for position, kind in enumerate(kinds):
            # A lost glyph never sits before a capital that starts a word ("tiDen").
            following = fragments[index] if index < len(fragments) else ""
            capital_next = following[:1].isupper() and not following.isupper()
            readings = self._at_site(readings, kind, capital_next)
            if kind != "tail":
                readings = self._extend(readings, following)
                index += 1
            if position < last:
                readings = self._prune(readings)
        # After the last fragment every reading is scored exactly, so none is pruned.
        original_score = 0.0
        best: _Reading | None = None
        best_score = -math.inf
        for reading in readings:
            score = reading.score + self._last_word(reading.open_word, ends)
            if reading.original:
                original_score = score
            elif score > best_score or (
                score == best_score and best is not None and reading.order < best.order
            ):
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
                extended.append(
                    _Reading(word, reading.score, reading.choices, reading.original, reading.order)
                )
        return extended

    def _at_site(self, readings: list[_Reading], kind: str, capital_next: bool) -> list[_Reading]:
        made = _Candidates()
        add = made.add
        if kind == "single":
            # A word space that may hide a glyph reads like a gap, at its own odds.
            plain_cost, glyph_costs = self._single_plain_cost, self._single_glyph_costs
            kind = "gap"
        elif kind == "pair":
            plain_cost, glyph_costs = self._pair_plain_cost, self._pair_glyph_costs
            kind = "gap"
        else:
            plain_cost, glyph_costs = self._plain_cost, self._glyph_costs
        for reading in readings:
            word, score, choices = reading.open_word, reading.score, reading.choices
            if kind == "spaced":
                if reading.original:
                    made.keep_original("", score + self._word(word), choices)
                else:
                    add("", score + self._word(word), choices, None)
                if not capital_next:  # "styringsfilosofi Central" is two words
                    add(word, score, choices, "")
                continue
            closed = score + self._word(word)
            if reading.original:
                made.keep_original("", closed + plain_cost, choices)
            else:
                add("", closed + plain_cost, choices, None)
            if kind == "gap":
                self._gap_glyphs(made, reading, closed, glyph_costs, capital_next)
                continue
            for glyph, cost in glyph_costs:
                with_glyph = score + cost
                if kind == "lead":
                    if not capital_next:
                        add(glyph, with_glyph, choices, glyph)
                    continue
                add("", with_glyph + self._word(word + glyph), choices, glyph)  # a tail
        return made.readings()

    def _gap_glyphs(
        self,
        made: _Candidates,
        reading: _Reading,
        closed: float,
        glyph_costs: list[tuple[str, float]],
        capital_next: bool,
    ) -> None:
        """The readings of a gap with a glyph in it: inside the open word, starting
        the next word, or ending the open word. The hottest loop of the repair, so
        `_Candidates.add` is written out in it."""
        word, score, choices = reading.open_word, reading.score, reading.choices
        best = made.best
        known_for = best.get
        order = made.made
        joins = not capital_next and self._may_join(word)
        starts = not capital_next
        score_word = self._word
        for glyph, cost in glyph_costs:
            with_glyph = score + cost
            if joins:
                order += 1
                joined = word + glyph
                known = known_for(joined)
                if known is None or with_glyph > known.score:
                    best[joined] = _Reading(joined, with_glyph, (*choices, glyph), False, order)
            if starts:
                order += 1
                started = closed + cost
                known = known_for(glyph)
                if known is None or started > known.score:
                    best[glyph] = _Reading(glyph, started, (*choices, " " + glyph), False, order)
            order += 1
            ended = with_glyph + score_word(word + glyph)
            known = known_for("")
            if known is None or ended > known.score:
                best[""] = _Reading("", ended, (*choices, glyph + " "), False, order)
        made.made = order

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
            # Many glyphs make many open words no worse than a word start ("velkommentil");
            # the readings whose open word is a word already ("til") must not drown.
            closable = sorted(
                ranked[BEAM_WIDTH:],
                key=lambda pair: pair[1].score + self._word(pair[1].open_word),
                reverse=True,
            )
            kept += [reading for _, reading in closable[:CLOSABLE_WIDTH]]
        if original is not None:
            kept.append(original)
        return kept

    def _open_estimate(self, word: str) -> float:
        return max(self._word(word), WORD_START_LOG_PROB) if word else 0.0


def _site_costs(prior: float) -> tuple[float, list[tuple[str, float]]]:
    """log10 costs of a site read as a plain space, and as each lost glyph."""
    prior = min(MAX_PRIOR, max(MIN_PRIOR, prior))
    glyph_costs = [
        (glyph, math.log10(prior) + LIGATURE_RARITY.get(glyph, 0.0)) for glyph in LOST_LIGATURES
    ]
    return math.log10(1.0 - prior), glyph_costs


def _cased(choice: str, kinds: tuple[str, ...], fragments: tuple[str, ...], index: int) -> str:
    """A restored glyph in capitals when the letters around it are capitals."""
    after_position = index if kinds[0] == "lead" else index + 1
    before = fragments[after_position - 1] if after_position > 0 else ""
    after = fragments[after_position] if after_position < len(fragments) else ""
    if len(before) > 1 and before.isupper() and (not after or after.isupper()):
        return choice.upper()
    return choice


_RESOLVERS: dict[tuple[int, int, int], GapResolver] = {}
_SCORERS: dict[int, WordScorer] = {}
_SUSPECTS: dict[int, SuspectSpaces] = {}


def clear_caches() -> None:
    """Forget every chain decision and word score remembered so far, and what the
    lexicons remembered: the next text is repaired as the first of a batch is."""
    for scorer in _SCORERS.values():
        scorer.lexicon.clear_caches()
    _RESOLVERS.clear()
    _SCORERS.clear()
    _SUSPECTS.clear()


def resolver_for(
    lexicon: Lexicon, prior: float, single_prior: float = NEUTRAL_PRIOR
) -> GapResolver:
    """A resolver per lexicon and (rounded) priors, kept so texts share its memory."""
    step = round(prior * PRIOR_STEPS)
    single_step = round(single_prior * PRIOR_STEPS)
    key = (id(lexicon), step, single_step)
    resolver = _RESOLVERS.get(key)
    if resolver is None or resolver.lexicon is not lexicon:
        resolver = _RESOLVERS[key] = GapResolver(
            _scorer_for(lexicon), step / PRIOR_STEPS, single_step / PRIOR_STEPS
        )
    return resolver


def _scorer_for(lexicon: Lexicon) -> WordScorer:
    scorer = _SCORERS.get(id(lexicon))
    if scorer is None or scorer.lexicon is not lexicon:
        scorer = _SCORERS[id(lexicon)] = WordScorer(lexicon)
    return scorer


def _suspects_for(lexicon: Lexicon) -> SuspectSpaces:
    suspects = _SUSPECTS.get(id(lexicon))
    if suspects is None or suspects.lexicon is not lexicon:
        suspects = _SUSPECTS[id(lexicon)] = SuspectSpaces(_scorer_for(lexicon))
    return suspects


@dataclass(frozen=True, slots=True)
class _Damage:
    """How many chains were judged, and how many of them a lost glyph explains well."""

    evidence: int = 0
    strong: int = 0

    def shown(self, min_strong: int, min_share: float) -> bool:
        return self.strong >= min_strong and self.strong >= min_share * self.evidence

    def prior(self) -> float:
        return (self.strong + 1) / (self.evidence + 2)


@dataclass(frozen=True, slots=True)
class _Chain:
    """A chain of sites in a text, with what its decision depends on besides its text."""

    start: int
    end: int
    sites: list[tuple[int, int]]
    sentence_start: bool
    hyphenated: bool
    head: str
    continuation: str

    def decide(self, text: str, resolver: GapResolver) -> ChainDecision:
        return resolver.decide(
            text[self.start : self.end],
            self.sentence_start,
            self.hyphenated,
            self.head,
            self.continuation,
        )


def repair_ligatures(text: str, lexicon: Lexicon) -> tuple[list[Edit], list[RepairChange]]:
    """Edits that restore lost ligatures in `text`, and their log.

    A first reading, with no opinion on how damaged the text is, counts the gaps
    that only a lost ligature explains well: double spaces, or, where extraction
    collapsed the gaps into one space, suspect word spaces ("genera oner", "sig l
    at"). A damaged text is then read again expecting lost glyphs in its gaps (and
    at the start of words, and after f-ligatures); in an undamaged text only the
    few unmistakable repairs of double-space gaps are made.
    """
    has_gaps = "  " in text
    collapsed = may_have_collapsed_gaps(text)
    if not (has_gaps or collapsed):
        return [], []
    neutral = resolver_for(lexicon, NEUTRAL_PRIOR)
    chains: list[_Chain] = []
    gaps = _Damage()
    if has_gaps:
        chains = _chains(text, find_chains(text, with_spaced=True, with_lead=True))
        # The damage is judged on chains with a true gap (two spaces after a letter).
        gaps = _judge(
            text,
            neutral,
            (chain for chain in chains if _has_true_gap(chain)),
        )
    spaces = _Damage()
    collapsed_chains: Iterator[_Chain] = iter(())
    read: list[_Chain] = []
    if collapsed and not gaps.shown(MIN_STRONG_CHAINS, MIN_STRONG_SHARE):
        suspects = _suspects_for(lexicon).find(text)
        collapsed_chains = _chain_iter(text, find_chains(text, True, True, suspects))
        # Judged on the chains with a suspect space and no true gap (those were
        # judged above); the chains read for that are kept for the repair.
        spaces = _judge(text, neutral, _with_suspect(collapsed_chains, set(suspects), read))
    if gaps.shown(MIN_STRONG_CHAINS, MIN_STRONG_SHARE):
        resolver = resolver_for(lexicon, gaps.prior())
        threshold = MIN_GAIN
    elif spaces.shown(MIN_COLLAPSED_CHAINS, MIN_COLLAPSED_SHARE):
        # The glyphs of this text left one space: suspect spaces are sites too, read
        # at the odds the judged chains showed (line starts and stray spaces alike).
        both = _Damage(gaps.evidence + spaces.evidence, gaps.strong + spaces.strong)
        resolver = resolver_for(lexicon, both.prior(), min(spaces.prior(), MAX_SINGLE_PRIOR))
        chains = read + list(collapsed_chains)
        threshold = MIN_GAIN
    elif has_gaps:
        # Not damaged: only unmistakable repairs, of fragments longer than a letter
        # (a lone letter by a double space is an initial or an abbreviation there),
        # and no stray-space or line-start sites.
        chains = [
            chain
            for chain in _chains(text, find_chains(text, with_spaced=False, with_lead=False))
            if not _has_lone_letter(text[chain.start : chain.end])
        ]
        resolver, threshold = neutral, STRONG_GAIN
    else:
        return [], []
    return _apply(text, chains, resolver, threshold)


def _chains(text: str, spans: Iterable[ChainSpan]) -> list[_Chain]:
    return list(_chain_iter(text, spans))


def _chain_iter(text: str, spans: Iterable[ChainSpan]) -> Iterator[_Chain]:
    for start, end, sites in spans:
        hyphenated = _hyphenated(text, end)
        yield _Chain(
            start,
            end,
            sites,
            starts_sentence(text, start),
            hyphenated,
            _head(text, start),
            _continuation(text, end) if hyphenated else "",
        )


def _with_suspect(
    chains: Iterator[_Chain], suspects: set[int], read: list[_Chain]
) -> Iterator[_Chain]:
    """The chains with a suspect space and no true gap; every chain read goes to `read`."""
    for chain in chains:
        read.append(chain)
        if not _has_true_gap(chain) and any(start in suspects for start, _ in chain.sites):
            yield chain


def _judge(text: str, neutral: GapResolver, chains: Iterable[_Chain]) -> _Damage:
    """Count the chains a lost glyph explains strongly; the first few hundred are as
    telling as all of them."""
    evidence = strong = 0
    for chain in chains:
        evidence += 1
        strong += chain.decide(text, neutral).gain >= STRONG_GAIN
        if evidence == DAMAGE_SAMPLE:
            break
    return _Damage(evidence, strong)


def _apply(
    text: str, chains: list[_Chain], resolver: GapResolver, threshold: float
) -> tuple[list[Edit], list[RepairChange]]:
    edits: list[Edit] = []
    changes: list[RepairChange] = []
    for chain in chains:
        start, end = chain.start, chain.end
        if _letter_spaced(text, start, end):
            continue
        decision = chain.decide(text, resolver)
        if decision.gain < threshold or not decision.changes_text:
            continue
        chain_text = text[start:end]
        pieces: list[str] = []
        cursor = start
        for (site_start, site_end), replacement in zip(
            chain.sites, decision.replacements, strict=True
        ):
            if replacement is None:
                continue
            if site_end - site_start == 1 and _after_mark(text, site_start):
                # A word space that swallowed the gap of the next word's first glyph.
                replacement = " " + replacement
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


def _after_mark(text: str, position: int) -> bool:
    before = text[position - 1 : position]
    return bool(before) and not before.isalpha() and not before.isspace()


def _has_true_gap(chain: _Chain) -> bool:
    """Two spaces or more after a letter (not a line start or a stray space)."""
    return any(end - start > 1 and start > chain.start for start, end in chain.sites)


def _continuation(text: str, end: int) -> str:
    """The rest of a hyphenated word on the next line ("o-" "ner"); empty when the next
    line does not go on in lower case (a page footer, a name: nothing is known)."""
    line_end = _HYPHEN_AT_LINE_END.match(text, end)
    rest = _LETTERS.match(text, line_end.end()) if line_end is not None else None
    return rest.group() if rest is not None and rest.group()[0].islower() else ""


def _head(text: str, start: int) -> str:
    """The start of the chain's first word, hyphenated at the end of the line before."""
    if start == 0 or text[start - 1] != "\n" or not text[start : start + 1].islower():
        return ""
    line_end = _HYPHENATED_LINE.search(text, max(0, start - 1 - HEAD_WINDOW), start - 1)
    return line_end.group(1) if line_end is not None else ""


def _has_lone_letter(chain_text: str) -> bool:
    return any(len(fragment) == 1 for fragment in parse_chain(chain_text)[1])


def _letter_spaced(text: str, start: int, end: int) -> bool:
    """The chain is part of a word written with a space between its letters
    ("B e s k æ f t i g e l s e"), not a word that lost a glyph: one-letter
    tokens between single spaces stand right before or after it, or in it."""
    before = text[max(0, start - 5) : start]
    after = text[end : end + 5]
    return (
        _LONE_LETTERS_BEFORE.search(before) is not None
        or _LONE_LETTERS_AFTER.match(after) is not None
        or _LONE_LETTERS_WITHIN.search(text, start, end) is not None
    )
