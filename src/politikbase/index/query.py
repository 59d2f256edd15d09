"""From what a person types to a tantivy query.

The query language is forgiving and never fails: words are searched (any of them; the
more a passage holds, the higher it ranks), "quoted words" must occur as a phrase,
-word excludes passages with that word, and every other character is ignored. An
unclosed quote runs to the end of the query. Hyphenated words ("IT-strategi") rank
higher where they occur together, and truncated words ("børne- og ungepolitik") stand
for their compounds, as in indexed text.

Each word is looked up as itself in the title and the text, and on the expansion
fields where compound parts are indexed (so "politik" finds "handicappolitikken"). A
compound word is also looked up by its two halves found apart ("informationssikker-
hedspolitik" finds "politik for informationssikkerhed"), and a participle by its base
("handicappede" finds "handicap"). Weights rank an exact word above a part of one,
and a title above the text.

Danish says the same thing as a compound or as a phrase with a preposition:
"politik for handicappede" is "handicappolitik", "strategi for energi" is
"energistrategi", "unge politik" is "ungepolitik". So the query also looks for the
compounds its words form (modifier, linking letter, head), but only those that occur
in the index, which keeps the guesses to real words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import tantivy

from politikbase.danish.analyzer import WORD, DanishAnalyzer, WordAnalysis, fold_spelling
from politikbase.danish.thesaurus import synonyms
from politikbase.index.schema import (
    BODY,
    BODY_EXPANDED,
    HEADING,
    TITLE,
    TITLE_EXPANDED,
)

TITLE_WEIGHT = 2.0  # a word in the title counts this much more than in the text
HEADING_WEIGHT = 1.0  # a word in the heading a passage opens with, beside the text itself
EXPANDED_WEIGHT = 0.5  # a match on a part of a word, relative to the word itself
COMPOUND_HALVES_WEIGHT = 0.5  # a compound's modifier and head found apart
BASE_FORM_WEIGHT = 0.8  # a participle's base word ("handicap" for "handicappede")
RECOMPOSED_WEIGHT = 1.0  # a compound formed from two query words
FUZZY_WEIGHT = 0.7  # a word found with a typing error forgiven
COMPLETION_WEIGHT = 0.6  # a title word that an unfinished query word begins
MIN_TYPO_LETTERS = 5
TWO_TYPOS_LETTERS = 9
MIN_COMPLETION_LETTERS = 3
SYNONYM_WEIGHT = 0.3  # a synonym of a query word
# A word in more than this share of all passages only adds to the score of passages
# that the query's rarer words find (see `build_query`).
COMMON_TERM_SHARE = 0.10
MIN_ANCHOR_LETTERS = 4
MIN_SYNONYM_LETTERS = 4
SINGLE_HALF_WEIGHT = 0.2  # one half of a compound alone, when nothing better matches

# Prepositions that link a head to its modifier: "politik for handicappede".
LINKING_PREPOSITIONS = frozenset(
    ["for", "af", "med", "til", "om", "på", "i", "mod", "ved", "fra", "over", "under", "efter"]
)
COMPOUND_LINKS = ("", "s", "e")

WORD_FIELDS = ((TITLE, TITLE_WEIGHT), (BODY, 1.0))
FIELD_WEIGHTS = (
    (TITLE, TITLE_WEIGHT),
    (HEADING, HEADING_WEIGHT),
    (BODY, 1.0),
    (TITLE_EXPANDED, TITLE_WEIGHT * EXPANDED_WEIGHT),
    (BODY_EXPANDED, EXPANDED_WEIGHT),
)

PHRASE = re.compile(r'"([^"]*)(?:"|$)')
HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
EXCLUDED_WORD = re.compile(r"(?:^|(?<=\s))-([^\W_]+)")


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query analysed into index terms."""

    words: tuple[WordAnalysis, ...]
    phrases: tuple[tuple[tuple[int, str], ...], ...]  # (position, term) pairs
    excluded: tuple[str, ...]
    compounds: tuple[str, ...] = ()  # terms of compounds that query words form
    # Hyphenated words ("IT-strategi", "0-18 år") rank higher where they occur as written.
    hyphenated: tuple[tuple[tuple[int, str], ...], ...] = ()
    # Words the index does not know, looked up with this many typing errors allowed.
    misspelled: tuple[tuple[str, int], ...] = ()
    # Title terms that the query's last, unfinished word begins.
    completions: tuple[str, ...] = ()
    # Terms of the query words' synonyms ("psykisk" for "mental"), and of compounds
    # with a synonym for their modifier ("madpolitik" for "kostpolitik").
    synonyms: tuple[str, ...] = ()
    # Compounds that occur in the index as such. Only a compound that does not is
    # also looked up by one of its halves alone: a half alone ("politik") matches a
    # large part of any index and would cost most of the search's time.
    known_compounds: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.phrases

    def highlight_terms(self) -> frozenset[str]:
        """The terms whose words a snippet marks."""
        terms: set[str] = set()
        for word in self.words:
            terms.update(t for t in (word.term, word.base, word.modifier, word.head) if t)
        for phrase in self.phrases:
            terms.update(term for _, term in phrase)
        terms.update(self.compounds)
        terms.update(self.completions)
        return frozenset(terms)


def parse_query(
    text: str,
    analyzer: DanishAnalyzer,
    known_term: Callable[[str], bool] | None = None,
    completions: Callable[[str], list[str]] | None = None,
) -> ParsedQuery:
    """The words, phrases and exclusions of a query; any text is accepted.

    `known_term` tells whether a term occurs in the index; without it, no compounds
    are formed from the query's words and no typing errors are forgiven.
    `completions` gives the title terms that begin with a prefix; with it, a last
    word that the index does not know is also read as the start of a title word.
    """
    phrases: list[tuple[tuple[int, str], ...]] = []
    words: dict[str, WordAnalysis] = {}
    compounds: list[str] = []
    for match in PHRASE.finditer(text):
        phrase = _phrase_terms(match.group(1), analyzer)
        if len(phrase) > 1:
            phrases.append(phrase)
        for word in WORD.findall(match.group(1)):
            _add_word(words, analyzer.analyze_word(word.lower()))
    rest = PHRASE.sub(" ", text)
    excluded = []
    for word in EXCLUDED_WORD.findall(rest):
        term = analyzer.stem(word.lower())
        if term:
            excluded.append(term)
    included = EXCLUDED_WORD.sub(" ", rest)
    hyphenated = [_phrase_terms(match.group(), analyzer) for match in HYPHENATED.finditer(included)]
    sequence = [word.lower() for word in WORD.findall(included)]
    for word in sequence:
        _add_word(words, analyzer.analyze_word(word))
    for completed in analyzer.splitter.complete_truncations(included.lower()):
        _add_word(words, analyzer.analyze_word(completed))  # "børne- og ungepolitik"
    misspelled: list[tuple[str, int]] = []
    known_compounds: frozenset[str] = frozenset()
    completed: list[str] = []
    synonym_terms: list[str] = []
    if known_term is not None:
        taken = set(words) | set(compounds)
        synonym_terms = [
            term for term in synonym_query_terms(sequence, analyzer, known_term)
            if term not in taken
        ]
        for term in recomposed_compounds(sequence, analyzer, known_term):
            if term not in words and term not in compounds:
                compounds.append(term)
        misspelled = _misspelled(sequence, analyzer, known_term)
        known_compounds = frozenset(
            word.term for word in words.values()
            if word.term is not None and word.head is not None and known_term(word.term)
        )
        if completions is not None and sequence and not text.endswith((" ", '"')):
            completed = _completions(sequence[-1], analyzer, known_term, completions)
    return ParsedQuery(
        words=tuple(words.values()),
        phrases=tuple(phrases),
        excluded=tuple(excluded),
        compounds=tuple(compounds),
        hyphenated=tuple(phrase for phrase in hyphenated if len(phrase) > 1),
        misspelled=tuple(misspelled),
        completions=tuple(completed),
        synonyms=tuple(synonym_terms),
        known_compounds=known_compounds,
    )


def synonym_query_terms(
    words: Sequence[str], analyzer: DanishAnalyzer, known_term: Callable[[str], bool]
) -> list[str]:
    """Index terms of the words' two-way synonyms that the index knows.

    A synonym counts only when the thesaurus lists it both ways ("mental" and
    "psykisk" name each other), which keeps the rarer senses of a word out.
    """
    found: list[str] = []
    for word in words:
        if len(word) < MIN_SYNONYM_LETTERS or analyzer.stem(word) is None:
            continue
        candidates = [synonym for synonym in synonyms(word) if _mutual(word, synonym)]
        compound = analyzer.splitter.split(word)
        if compound is not None and len(compound.parts) == 2:
            modifier, head = compound.modifier, compound.head
            for synonym in synonyms(modifier):
                if _mutual(modifier, synonym):
                    candidates.extend(synonym + link + head for link in COMPOUND_LINKS)
        for candidate in candidates:
            term = analyzer.stem(candidate)
            if term is not None and term not in found and known_term(term):
                found.append(term)
    return found


def _mutual(word: str, synonym: str) -> bool:
    return word.lower() in synonyms(synonym)


def _misspelled(
    words: Iterable[str], analyzer: DanishAnalyzer, known_term: Callable[[str], bool]
) -> list[tuple[str, int]]:
    """Words of five letters or more that the index knows in no form, with the
    number of typing errors to forgive: one, or two from nine letters on."""
    found: list[tuple[str, int]] = []
    for word in words:
        analysis = analyzer.analyze_word(word)
        if analysis.term is None or len(word) < MIN_TYPO_LETTERS:
            continue
        forms = [analysis.term, analysis.base, analysis.modifier, analysis.head]
        if any(form and known_term(form) for form in forms):
            continue
        entry = (analysis.term, 2 if len(word) >= TWO_TYPOS_LETTERS else 1)
        if entry not in found:
            found.append(entry)
    return found


def _completions(
    last_word: str,
    analyzer: DanishAnalyzer,
    known_term: Callable[[str], bool],
    completions: Callable[[str], list[str]],
) -> list[str]:
    """Title terms the last word begins, when it is no word the index knows."""
    if len(last_word) < MIN_COMPLETION_LETTERS:
        return []
    analysis = analyzer.analyze_word(last_word)
    if analysis.term is not None and known_term(analysis.term):
        return []
    prefix = fold_spelling(last_word.lower())
    return [term for term in completions(prefix) if term != analysis.term]


def recomposed_compounds(
    words: Sequence[str], analyzer: DanishAnalyzer, known_term: Callable[[str], bool]
) -> list[str]:
    """Terms of the known compounds that adjacent query words form.

    "unge politik" → ungepolitik (modifier first); "politik for handicappede" →
    handicappolitik (the word after the preposition is the modifier).
    """
    found: list[str] = []
    for index, first in enumerate(words[:-1]):
        second = words[index + 1]
        pairs = [(first, second)]  # "unge politik": modifier, then head
        if second in LINKING_PREPOSITIONS and index + 2 < len(words):
            pairs.append((words[index + 2], first))  # "politik for handicappede"
        for modifier, head in pairs:
            if analyzer.analyze_word(head).term is None or modifier == head:
                continue
            found.extend(_known_compounds(modifier, head, analyzer, known_term))
    return found


def _known_compounds(
    modifier: str, head: str, analyzer: DanishAnalyzer, known_term: Callable[[str], bool]
) -> list[str]:
    if analyzer.analyze_word(modifier).term is None:
        return []
    forms = [modifier]
    base = analyzer.base_word(modifier)
    if base is not None:
        forms.append(base)
    terms = []
    for form in forms:
        for link in COMPOUND_LINKS:
            term = analyzer.stem(form + link + head)
            if term is not None and term not in terms and known_term(term):
                terms.append(term)
    return terms


def _add_word(words: dict[str, WordAnalysis], analysis: WordAnalysis) -> None:
    if analysis.term is not None and analysis.term not in words:
        words[analysis.term] = analysis


def _phrase_terms(text: str, analyzer: DanishAnalyzer) -> tuple[tuple[int, str], ...]:
    """Terms of a phrase with their positions; stop words leave a gap, as in the index."""
    terms = []
    for position, word in enumerate(WORD.findall(text)):
        term = analyzer.stem(word.lower())
        if term is not None:
            terms.append((position, term))
    if terms and terms[0][0]:
        first = terms[0][0]
        terms = [(position - first, term) for position, term in terms]
    return tuple(terms)


Clause = tuple[tantivy.Occur, tantivy.Query]


def build_query(
    parsed: ParsedQuery,
    schema: tantivy.Schema,
    *,
    filters: Sequence[tantivy.Query] = (),
    boosts: Sequence[tuple[tantivy.Query, float]] = (),
    share: Callable[[str], float] | None = None,
) -> tantivy.Query | None:
    """The tantivy query for a parsed query; None when it asks for nothing.

    Every `filters` query must match (it adds nothing to the score); a `boosts`
    query adds its weight to the score of the passages it matches.

    A word that occurs in a large share of all passages (`share`, the share of
    passages holding a term: "politik" in a register of policies) finds nothing a
    reader wants by itself; when the query has rarer words the index knows, such a
    word only adds to the score of passages the rarer words find. That spares
    reading its long list of passages, the largest cost of a search.

    The query is kept flat: the alternatives of all words are one list of
    optional clauses, with each weight multiplied into its term, and a query
    that is nothing but such a list is not wrapped. Nesting adds nothing to a
    score (a sum stays a sum), but tantivy skips the blocks of passages that
    cannot reach the best ones (block-max WAND) only for a top-level list of
    term clauses; nested, it scores every passage any term matches.
    """
    if parsed.is_empty:
        return None
    should = tantivy.Occur.Should
    must = tantivy.Occur.Must
    shares = {word.term: share(word.term) if share and word.term else 0.0 for word in parsed.words}
    common_words = [
        clause
        for word in parsed.words
        if shares[word.term] > COMMON_TERM_SHARE
        for clause in _word_clauses(schema, word, word.term in parsed.known_compounds)
    ]
    word_clauses = [
        clause
        for word in parsed.words
        if shares[word.term] <= COMMON_TERM_SHARE
        for clause in _word_clauses(schema, word, word.term in parsed.known_compounds)
    ]
    # Short words ("får", "nye") say too little to carry a query alone.
    rare_words = any(
        0 < shares[word.term] <= COMMON_TERM_SHARE and len(word.term) >= MIN_ANCHOR_LETTERS
        for word in parsed.words if word.term
    ) or bool(parsed.compounds) or bool(parsed.hyphenated)
    for term in parsed.compounds:
        word_clauses.extend(_term_clauses(schema, term, RECOMPOSED_WEIGHT))
    for phrase in parsed.hyphenated:
        word_clauses.extend(_phrase_clauses(schema, phrase))
    for term, distance in parsed.misspelled:
        word_clauses.extend(_fuzzy_clauses(schema, term, distance))
    for term in parsed.completions:
        word_clauses.extend(_term_clauses(schema, term, COMPLETION_WEIGHT))
    for term in parsed.synonyms:
        word_clauses.extend(_term_clauses(schema, term, SYNONYM_WEIGHT))
    clauses: list[Clause] = []
    if parsed.phrases:  # the phrases must match, and hold words enough
        clauses.extend(word_clauses + common_words)
    elif rare_words:
        clauses.append((must, _any_of(word_clauses)))
        clauses.extend(common_words)
    else:
        clauses.append((must, _any_of(word_clauses + common_words)))
    clauses.extend((must, _any_of(_phrase_clauses(schema, phrase))) for phrase in parsed.phrases)
    clauses.extend((must, tantivy.Query.const_score_query(query, 0.0)) for query in filters)
    clauses.extend(
        (should, tantivy.Query.const_score_query(query, weight)) for query, weight in boosts
    )
    for term in parsed.excluded:
        for field, _ in FIELD_WEIGHTS:  # "-demens" also excludes "demensstrategi"
            clauses.append(
                (
                    tantivy.Occur.MustNot,
                    tantivy.Query.term_query(schema, field, term, index_option="basic"),
                )
            )
    if len(clauses) == 1 and clauses[0][0] == must:
        return clauses[0][1]  # the words alone: unwrapped, for block-max WAND
    return tantivy.Query.boolean_query(clauses)


def _any_of(clauses: list[Clause]) -> tantivy.Query:
    """The optional clauses as one query: a passage matches any, scores their sum."""
    if len(clauses) == 1:
        return clauses[0][1]
    return tantivy.Query.boolean_query(clauses)


def _word_clauses(
    schema: tantivy.Schema, word: WordAnalysis, known_compound: bool = False
) -> list[Clause]:
    """The alternatives a word is found by, as optional clauses."""
    if word.term is None:  # stop words never reach here; kept total for safety
        return []
    should, must = tantivy.Occur.Should, tantivy.Occur.Must
    alternatives = _term_clauses(schema, word.term, 1.0)
    if word.base is not None:
        alternatives.extend(_term_clauses(schema, word.base, BASE_FORM_WEIGHT))
    if word.modifier is not None and word.head is not None:
        # The halves as words of their own ("politik for informationssikkerhed"):
        # in the expansion fields they would also be parts of other compounds.
        halves = tantivy.Query.boolean_query(
            [
                (must, _any_of(_term_clauses(
                    schema, word.modifier, COMPOUND_HALVES_WEIGHT, WORD_FIELDS
                ))),
                (must, _any_of(_term_clauses(
                    schema, word.head, COMPOUND_HALVES_WEIGHT, WORD_FIELDS
                ))),
            ]
        )
        alternatives.append((should, halves))
        # The modifier names the subject ("handicap"); the head alone ("politik") is
        # used only for a compound the index does not know.
        halves_alone = (word.modifier,) if known_compound else (word.modifier, word.head)
        for half in halves_alone:
            alternatives.extend(_term_clauses(schema, half, SINGLE_HALF_WEIGHT))
    return alternatives


def _phrase_clauses(schema: tantivy.Schema, phrase: tuple[tuple[int, str], ...]) -> list[Clause]:
    return [
        (
            tantivy.Occur.Should,
            tantivy.Query.boost_query(
                tantivy.Query.phrase_query(schema, field, list(phrase)), weight
            ),
        )
        for field, weight in ((TITLE, TITLE_WEIGHT), (BODY, 1.0))
    ]


def _term_clauses(
    schema: tantivy.Schema,
    term: str,
    weight: float,
    fields: tuple[tuple[str, float], ...] | None = None,
) -> list[Clause]:
    return [
        (
            tantivy.Occur.Should,
            tantivy.Query.boost_query(
                tantivy.Query.term_query(schema, field, term, index_option="freq"),
                weight * field_weight,
            ),
        )
        for field, field_weight in fields or FIELD_WEIGHTS
    ]


def _fuzzy_clauses(schema: tantivy.Schema, term: str, distance: int) -> list[Clause]:
    return [
        (
            tantivy.Occur.Should,
            tantivy.Query.boost_query(
                tantivy.Query.fuzzy_term_query(schema, field, term, distance=distance),
                FUZZY_WEIGHT * weight,
            ),
        )
        for field, weight in ((TITLE, TITLE_WEIGHT), (BODY, 1.0))
    ]
