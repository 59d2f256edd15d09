"""The subject areas of municipal policy, the words that signal them, and their KLE codes.

A municipality's policies fall into a small number of areas that a reader filters by:
children and young people, schools, the elderly, health, employment, climate and so
on. Each area here has a stable slug, a Danish label, the groups of KL's emnesystematik
(KLE, the classification municipalities file their cases under; `data/kle_subset.tsv`)
that cover it, and the words that signal it.

Cue words are given in their base form; a text word signals an area when it, its
base form ("handicappede" → handicap), or a part of it as a compound (split by the
lexicon's compound splitter: "frivillighedsstrategi" → frivillighed, "børne-" →
børn) is an inflected form of a cue ("skolerne", "ungdommen"). So inflections and
compounds need no listing. Whole forms are matched, not stems, because a stemmer
merges words that have nothing in common ("ledelse" and "lede", "natur" and
"naturlig"). When a compound has a cue of its own ("informationssikkerhed"), its
shorter parts ("information") say nothing more. A cue that is ambiguous
as the last part of a compound is marked `as_head=False`: "miljø" signals climate
and environment in "miljøpolitik", not in "arbejdsmiljø" or "læringsmiljø", whose
first part says what kind of "miljø" is meant.

Some signals need two words ("mental sundhed", "socialt udsatte") or a spelling in
capitals ("IT", "HR", "SSP", where "it" and "hr" in lower case are other words);
they are listed as phrases and capitalised words of their area.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from politikbase.danish.analyzer import DanishAnalyzer
from politikbase.danish.stopwords import DANISH_STOP_WORDS

KLE_RESOURCE = "kle_subset.tsv"
WORD_CACHE_SIZE = 1 << 17
# Shorter text words are never cues (the shortest cues, "job" and "mad", have three letters).
MIN_WORD_LENGTH = 3
_LINKING_ENDINGS = ("s", "e")
# The endings of Danish nouns and adjectives: definite, plural, genitive, neuter
# ("skolen", "skolerne", "børnenes", "socialt"). A cue's forms are the cue with each
# ending, and with its last consonant doubled before one ("ungdommen", "udsatte").
_INFLECTION_ENDINGS = (
    "",
    "e",
    "n",
    "en",
    "ne",
    "ene",
    "t",
    "et",
    "r",
    "er",
    "rne",
    "erne",
    "s",
    "es",
    "ns",
    "ens",
    "nes",
    "enes",
    "ts",
    "ets",
    "rs",
    "ers",
    "rnes",
    "ernes",
)
_VOWELS = frozenset("aeiouyæøå")


@dataclass(frozen=True, slots=True)
class Cue:
    """A word that signals a subject area, in its base form.

    `weight` says how sure a signal it is (1.0 for a word that names the area);
    `as_head` is False for a word that signals the area as a word or as the first part
    of a compound, but not as the last part ("kultur" in "kulturpolitik", not in
    "organisationskultur").
    """

    word: str
    weight: float = 1.0
    as_head: bool = True


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that signal an area together, as written ("mental* sundhed*").

    A word ending in "*" stands for every word it starts (its inflected forms).
    """

    words: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class SubjectArea:
    """One area of the controlled vocabulary."""

    slug: str
    label: str
    kle: tuple[str, ...]
    cues: tuple[Cue, ...]
    phrases: tuple[Phrase, ...] = ()
    # Abbreviations that signal the area only when written in capitals.
    capitals: tuple[str, ...] = ()

    def kle_names(self) -> list[tuple[str, str]]:
        """The area's KLE codes with their names."""
        names = kle_codes()
        return [(code, names[code]) for code in self.kle]


def _cues(words: str, weight: float = 1.0, *, as_head: bool = True) -> tuple[Cue, ...]:
    return tuple(Cue(word, weight, as_head) for word in words.split())


def _phrases(*phrases: str, weight: float = 1.0) -> tuple[Phrase, ...]:
    return tuple(Phrase(words, weight) for words in phrases)


SUBJECT_AREAS: tuple[SubjectArea, ...] = (
    SubjectArea(
        "boern-og-unge",
        "Børn og unge",
        ("28", "34", "29.12"),
        (
            *_cues(
                "børn barn unge ungdom dagtilbud daginstitution børnehave vuggestue dagpleje "
                "småbørn spædbørn børnesyn ungesyn anbringelse plejefamilie sundhedspleje "
                "fritidshjem ungdomsklub"
            ),
            *_cues("familie forældre pædagog", 0.5),
        ),
        _phrases("0-18 år*", "0 til 18 år*", "0-18-årige"),
    ),
    SubjectArea(
        "skole-og-uddannelse",
        "Skole og uddannelse",
        ("17", "18.01", "17.27", "54.18", "54.42"),
        (
            *_cues(
                "skole folkeskole elev undervisning specialundervisning ungdomsuddannelse "
                "erhvervsuddannelse gymnasium skolebestyrelse antimobbestrategi"
            ),
            *_cues("inklusion læring", 0.7),
            *_cues("uddannelse", 0.8, as_head=False),
            *_cues("lærer", 0.3),
        ),
        capitals=("SFO", "UU"),
    ),
    SubjectArea(
        "aeldre",
        "Ældre",
        ("27.36", "27.42", "27.45", "03.22", "03.24", "84.12"),
        (
            *_cues(
                "ældre ældreområde plejehjem plejebolig hjemmepleje hjemmehjælp pensionist "
                "ældreråd demensomsorg"
            ),
            *_cues("demens værdighed", 0.8),
            *_cues("rehabilitering", 0.7),
            *_cues("senior", 0.5),
            *_cues("omsorg", 0.4),
        ),
        _phrases("frit valg", weight=0.5),
    ),
    SubjectArea(
        "sundhed",
        "Sundhed og forebyggelse",
        ("29",),
        (
            *_cues(
                "sundhed sundhedsfremme alkohol rygning tobak nikotin røgfri patient sygdom "
                "sygepleje tandpleje genoptræning sygehus hospital ernæring overvægt "
                "sundhedspleje"
            ),
            *_cues("forebyggelse", 0.8),
            *_cues("motion måltid", 0.6),
            *_cues("ryge", 0.8),
            *_cues("demens rehabilitering", 0.5),
            *_cues("mad", 0.4),
        ),
        _phrases("fysisk* aktivitet*"),
    ),
    SubjectArea(
        "handicap",
        "Handicap",
        ("27.45", "27.57", "27.60", "27.63", "34.45", "15.22"),
        (
            *_cues(
                "handicap funktionsnedsættelse udviklingshæmning udviklingshæmmet autisme "
                "hjerneskade handicapråd"
            ),
            *_cues("tilgængelighed hjælpemiddel døv blind", 0.6),
            *_cues("botilbud", 0.4),
        ),
        _phrases("specialiserede* socialområde*"),
    ),
    SubjectArea(
        "psykiatri",
        "Psykiatri og mental sundhed",
        ("27.51", "27.54", "27.57"),
        (
            *_cues("psykiatri socialpsykiatri sindslidelse selvmord depression angst"),
            *_cues("psykisk", 0.5),
        ),
        (
            *_phrases(
                "mental* sundhed*",
                "mental* helbred*",
                "psykisk* sundhed*",
                "psykisk* helbred*",
                "psykisk* sårbar*",
                weight=1.5,
            ),
            *_phrases("specialiserede* socialområde*"),
        ),
    ),
    SubjectArea(
        "socialomraadet",
        "Socialområdet og udsatte borgere",
        ("27", "27.12", "03.30", "32"),
        (
            *_cues(
                "socialpolitik hjemløs hjemløshed misbrug misbruger herberg forsorgshjem "
                "bosted veteran fattigdom socialområde serviceloven socialrådgiver"
            ),
            *_cues("udsat", 0.5),
            *_cues("social botilbud", 0.4),
        ),
        _phrases("socialt* udsat*", "udsat* borger*", "sociale* forhold", weight=1.0),
    ),
    SubjectArea(
        "beskaeftigelse",
        "Beskæftigelse",
        ("15", "32.27"),
        (
            *_cues(
                "beskæftigelse jobcenter ledighed ledig arbejdsløs arbejdsløshed kontanthjælp "
                "dagpenge sygedagpenge arbejdsmarked fleksjob revalidering førtidspension "
                "virksomhedspraktik jobklar"
            ),
            *_cues("job", 0.8),
        ),
    ),
    SubjectArea(
        "integration",
        "Integration",
        ("15.40", "03.25", "54.15", "54.17", "17.15", "32.36"),
        (
            *_cues(
                "integration flygtning indvandrer nydansker udlænding asyl asylansøger "
                "tosproget flersproget efterkommer danskuddannelse repatriering"
            ),
            *_cues("etnisk", 0.8),
        ),
        _phrases("anden etnisk baggrund", "etnisk* minoritet*"),
    ),
    SubjectArea(
        "kultur-og-fritid",
        "Kultur og fritid",
        ("18", "19", "20", "21", "04.04", "04.08"),
        (
            *_cues(
                "fritid idræt folkeoplysning bibliotek museum musik musikskole kunst teater "
                "aftenskole sport kulturarv kulturliv kulturhus"
            ),
            *_cues("kultur", 0.7, as_head=False),
            *_cues("kulturel", 0.7),
            *_cues("forening festival", 0.5),
        ),
    ),
    SubjectArea(
        "frivillighed-og-civilsamfund",
        "Frivillighed og civilsamfund",
        ("81.50",),
        (
            *_cues("frivillig frivillighed civilsamfund frivilligcenter frivilligråd ildsjæl"),
            *_cues("samskabelse selvhjælp", 0.6),
            *_cues("foreningsliv medborgerskab", 0.4),
        ),
    ),
    SubjectArea(
        "klima-og-miljoe",
        "Klima, natur og miljø",
        ("01.05", "01.30", "06", "07", "09", "13.01", "13.03"),
        (
            *_cues(
                "klima energi natur flora fauna biodiversitet affald genanvendelse co2 "
                "grundvand spildevand vandløb klimatilpasning forurening drivhusgas "
                "solcelle naturbeskyttelse miljøbeskyttelse"
            ),
            *_cues("miljø", 0.6, as_head=False),
            *_cues("bæredygtighed bæredygtig", 0.6),
            *_cues("skov støj", 0.4),
        ),
    ),
    SubjectArea(
        "plan-og-byudvikling",
        "Plan, bolig og byudvikling",
        ("01.02", "01.11", "02", "03", "04.21"),
        (
            *_cues(
                "byudvikling byplanlægning lokalplan kommuneplan planstrategi landdistrikt "
                "landsby bymidte byrum byfornyelse udstykning landzone arkitektur boligområde"
            ),
            *_cues("bolig", 0.8, as_head=False),
            *_cues("byggeri planlægning", 0.5),
        ),
    ),
    SubjectArea(
        "trafik-og-veje",
        "Trafik og veje",
        ("05", "13.05"),
        (
            *_cues(
                "trafik trafiksikkerhed cykel cykling cyklist fortov parkering mobilitet "
                "vejsektor vejnet"
            ),
            *_cues("bus kollektiv infrastruktur", 0.5),
        ),
    ),
    SubjectArea(
        "erhverv",
        "Erhverv og turisme",
        ("24", "22"),
        (
            *_cues("erhverv erhvervsliv turisme turist iværksætteri landbrug detailhandel"),
            *_cues("handel vækst", 0.4),
            *_cues("virksomhed", 0.3, as_head=False),
        ),
    ),
    SubjectArea(
        "digitalisering-og-it",
        "Digitalisering og IT",
        ("85.10", "85.15", "00.75"),
        (
            *_cues(
                "digitalisering informationssikkerhed databeskyttelse persondata "
                "velfærdsteknologi selvbetjening cybersikkerhed internet"
            ),
            *_cues("digital", 0.8),
            *_cues("teknologi data", 0.5),
        ),
        capitals=("IT", "IKT", "GDPR"),
    ),
    SubjectArea(
        "oekonomi",
        "Økonomi, indkøb og udbud",
        ("88", "25", "00.15.15"),
        (
            *_cues("økonomi finansiel budget indkøb låntagning likviditet regnskab økonomistyring"),
            *_cues("udbud", as_head=False),
            *_cues("økonomisk", 0.7),
            *_cues("takst skat investering", 0.4),
        ),
    ),
    SubjectArea(
        "personale-og-arbejdsmiljoe",
        "Personale og arbejdsmiljø",
        ("81", "87"),
        (
            *_cues(
                "personale arbejdsmiljø sygefravær rekruttering tillidsrepræsentant "
                "arbejdstid seniorordning personalepolitik"
            ),
            *_cues("medarbejder arbejdsplads arbejdsgiver løn stress", 0.6),
            *_cues("ansat fravær kompetenceudvikling senior", 0.5),
        ),
        capitals=("HR",),
    ),
    SubjectArea(
        "organisation-og-ledelse",
        "Organisation, ledelse og innovation",
        ("00.01", "00.15"),
        (
            *_cues("ledelse innovation direktion ledelsesgrundlag effektivisering modernisering"),
            *_cues("leder chef", 0.4),
            *_cues("organisation styring", 0.4),
        ),
    ),
    SubjectArea(
        "demokrati-og-borgerinddragelse",
        "Demokrati og borgerinddragelse",
        ("00.22", "84", "27.15"),
        (
            *_cues(
                "demokrati nærdemokrati borgerinddragelse brugerinddragelse borgerpanel "
                "lokalråd ungeråd borgermøde brugerindflydelse borgerindflydelse"
            ),
            *_cues("inddragelse medborgerskab", 0.6),
            *_cues("dialog", 0.3),
            *_cues("politisk", 0.3, as_head=False),
        ),
        _phrases("politisk* struktur*"),
    ),
    SubjectArea(
        "kommunikation-og-borgerservice",
        "Kommunikation og borgerservice",
        ("00.13", "00.07", "23"),
        (
            *_cues("kommunikation borgerservice borgerbetjening presse hjemmeside klarsprog"),
            *_cues("information sagsbehandling", 0.5),
            *_cues("klage", 0.3),
            *_cues("service", 0.4, as_head=False),
        ),
    ),
    SubjectArea(
        "tryghed-og-beredskab",
        "Tryghed og beredskab",
        ("14", "27.25", "27.29", "05.23"),
        (
            *_cues("beredskab kriminalitet radikalisering ekstremisme redningsberedskab"),
            *_cues("tryghed brand politi vold", 0.5),
        ),
        capitals=("SSP",),
    ),
)

AREA_BY_SLUG: dict[str, SubjectArea] = {area.slug: area for area in SUBJECT_AREAS}


@lru_cache(maxsize=1)
def kle_codes() -> dict[str, str]:
    """Every KLE code of the shipped subset with its name, in the file's order."""
    source = resources.files("politikbase.danish").joinpath("data", KLE_RESOURCE)
    with source.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {row["code"]: row["name"] for row in rows}


def kle_name(code: str) -> str | None:
    """The name of a KLE code ("29" → "Sundhed"), or None if the subset lacks it."""
    return kle_codes().get(code)


# Where a cue may stand in a text word.
_WHOLE, _MODIFIER, _HEAD = 0, 1, 2

# One signal of a word: (index of the area in SUBJECT_AREAS, weight).
Signal = tuple[int, float]


@dataclass(frozen=True, slots=True)
class PhraseHit:
    start: int
    end: int
    area: int
    weight: float


class SubjectWords:
    """Which subject areas a word signals; answers are remembered per word."""

    def __init__(self, analyzer: DanishAnalyzer | None = None) -> None:
        self._analyzer = analyzer if analyzer is not None else DanishAnalyzer()
        self._cues: dict[str, list[tuple[int, float, bool]]] = {}
        for index, area in enumerate(SUBJECT_AREAS):
            for cue in area.cues:
                for form in inflected_forms(cue.word):
                    self._cues.setdefault(form, []).append((index, cue.weight, cue.as_head))
        # A word that holds no start of a cue's forms signals nothing: it needs no analysis.
        starts = sorted(
            {_form_start(cue.word) for area in SUBJECT_AREAS for cue in area.cues},
            key=len,
            reverse=True,
        )
        self._holds_cue = re.compile("|".join(map(re.escape, starts))).search
        self._phrases = [
            (_phrase_prefix(phrase.words), _phrase_pattern(phrase.words), index, phrase.weight)
            for index, area in enumerate(SUBJECT_AREAS)
            for phrase in area.phrases
        ]
        self._capitals = [
            (word, index) for index, area in enumerate(SUBJECT_AREAS) for word in area.capitals
        ]
        self.signals = lru_cache(maxsize=WORD_CACHE_SIZE)(self._signals)

    def _signals(self, word: str) -> tuple[Signal, ...]:
        """The areas a lowercase word signals, each once with its strongest weight."""
        if len(word) < MIN_WORD_LENGTH or word in DANISH_STOP_WORDS or not self._holds_cue(word):
            return ()
        best: dict[int, float] = {}
        # The longest reading that names an area wins: "informationssikkerhed" is a cue
        # of its own, so its part "information" says nothing more.
        if self._collect(word, _WHOLE, best):
            return tuple(sorted(best.items()))
        analyzer = self._analyzer
        # "sundheds-" and "børne-" before "og": a compound's first part, standing alone.
        found = word.endswith(_LINKING_ENDINGS) and self._collect(word[:-1], _WHOLE, best)
        base = analyzer.base_word(word)
        if base is not None:
            found = self._collect(base, _WHOLE, best) or found
        compound = None if found else analyzer.splitter.split(word)
        if compound is not None:
            count = len(compound.parts)
            named: list[tuple[int, int]] = []
            for length in range(count - 1, 0, -1):
                for first in range(count - length + 1):
                    stop = first + length
                    if any(start <= first and stop <= end for start, end in named):
                        continue
                    place = _HEAD if stop == count else _MODIFIER
                    if self._collect(compound.span(first, stop), place, best):
                        named.append((first, stop))
        return tuple(sorted(best.items()))

    def _collect(self, form: str, place: int, best: dict[int, float]) -> bool:
        """Record the areas a form names in this place; True if it names any."""
        named = False
        for area, weight, as_head in self._cues.get(form, ()):
            if place == _HEAD and not as_head:
                continue
            named = True
            if weight > best.get(area, 0.0):
                best[area] = weight
        return named

    def phrase_hits(self, lowered: str) -> list[PhraseHit]:
        """The phrases in a lowercase text, in order of the phrase list."""
        hits: list[PhraseHit] = []
        find = lowered.find
        for prefix, pattern, area, weight in self._phrases:
            position = find(prefix)
            while position >= 0:
                match = pattern.match(lowered, position)
                if match is not None and (position == 0 or not lowered[position - 1].isalnum()):
                    hits.append(PhraseHit(position, match.end(), area, weight))
                position = find(prefix, position + 1)
        return hits

    def capital_hits(self, text: str) -> list[PhraseHit]:
        """The abbreviations written in capitals ("IT-strategi", "HR")."""
        hits: list[PhraseHit] = []
        find = text.find
        for word, area in self._capitals:
            position = find(word)
            while position >= 0:
                end = position + len(word)
                if (position == 0 or not text[position - 1].isalpha()) and (
                    end == len(text) or not text[end].isalpha()
                ):
                    hits.append(PhraseHit(position, end, area, 1.0))
                position = find(word, end)
        return hits


def inflected_forms(word: str) -> set[str]:
    """The forms a Danish noun or adjective may take in text, over-generated: a form
    that is no word never turns up, so it does no harm.

    Matching whole forms, not stems, keeps apart words that a stemmer merges
    ("ledelse" and "lede", "læge" and "lægge", "natur" and "naturlig").
    """
    stems = [word]
    if word[-1] not in _VOWELS:
        stems.append(word + word[-1])
    if word.endswith("et"):
        stems.append(word[:-1] + "d")  # "tosproget" → "tosprogede"
    forms = {stem + ending for stem in stems for ending in _INFLECTION_ENDINGS}
    forms.update(word[:-1] + ending for ending in _INFLECTION_ENDINGS if word.endswith("e"))
    return forms


def _form_start(word: str) -> str:
    """What every form of `inflected_forms(word)` starts with."""
    return word[:-1] if word.endswith("e") or word.endswith("et") else word


def _phrase_prefix(words: str) -> str:
    return words.split()[0].rstrip("*")


def _phrase_pattern(words: str) -> re.Pattern[str]:
    parts = [
        re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word) + r"(?!\w)"
        for word in words.split()
    ]
    return re.compile(r"\s+".join(parts))


@lru_cache(maxsize=1)
def default_subject_words() -> SubjectWords:
    """The subject words of this process, built once (on the shared lexicon)."""
    return SubjectWords()
