"""The 98 Danish municipalities and 5 regions, with the spellings they appear under.

Official names follow the municipalities' own usage ("Københavns Kommune",
"Bornholms Regionskommune", "Lyngby-Taarbæk Kommune"). Variants cover the
old "aa"/"å" spellings, missing hyphens and the short place name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from politikbase.danish.cue_search import Cues


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str  # official full name, e.g. "Glostrup Kommune"
    short_name: str  # the place, e.g. "Glostrup"
    kind: str  # "kommune" | "region"
    region: str | None = None


# (short name, region). The official name is "<short> Kommune" unless listed in
# OFFICIAL_NAME_EXCEPTIONS.
_MUNICIPALITIES: dict[str, tuple[str, ...]] = {
    "Region Hovedstaden": (
        "Albertslund", "Allerød", "Ballerup", "Bornholm", "Brøndby", "Dragør", "Egedal",
        "Fredensborg", "Frederiksberg", "Frederikssund", "Furesø", "Gentofte", "Gladsaxe",
        "Glostrup", "Gribskov", "Halsnæs", "Helsingør", "Herlev", "Hillerød", "Hvidovre",
        "Høje-Taastrup", "Hørsholm", "Ishøj", "København", "Lyngby-Taarbæk", "Rudersdal",
        "Rødovre", "Tårnby", "Vallensbæk",
    ),
    "Region Sjælland": (
        "Faxe", "Greve", "Guldborgsund", "Holbæk", "Kalundborg", "Køge", "Lejre", "Lolland",
        "Næstved", "Odsherred", "Ringsted", "Roskilde", "Slagelse", "Solrød", "Sorø", "Stevns",
        "Vordingborg",
    ),
    "Region Syddanmark": (
        "Aabenraa", "Assens", "Billund", "Esbjerg", "Fanø", "Fredericia", "Faaborg-Midtfyn",
        "Haderslev", "Kerteminde", "Kolding", "Langeland", "Middelfart", "Nordfyn", "Nyborg",
        "Odense", "Svendborg", "Sønderborg", "Tønder", "Varde", "Vejen", "Vejle", "Ærø",
    ),
    "Region Midtjylland": (
        "Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande", "Lemvig",
        "Norddjurs", "Odder", "Randers", "Ringkøbing-Skjern", "Samsø", "Silkeborg",
        "Skanderborg", "Skive", "Struer", "Syddjurs", "Viborg", "Aarhus",
    ),
    "Region Nordjylland": (
        "Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord",
        "Morsø", "Rebild", "Thisted", "Vesthimmerland", "Aalborg",
    ),
}

OFFICIAL_NAME_EXCEPTIONS = {
    "Bornholm": "Bornholms Regionskommune",
    "København": "Københavns Kommune",
    "Nordfyn": "Nordfyns Kommune",
    "Vesthimmerland": "Vesthimmerlands Kommune",
}

# Extra spellings of the place name seen in documents.
_PLACE_VARIANTS = {
    "Aarhus": ("Århus",),
    "Aalborg": ("Ålborg",),
    "Aabenraa": ("Åbenrå",),
    "Tårnby": ("Taarnby",),
    "Høje-Taastrup": ("Høje Taastrup", "Høje-Tåstrup"),
    "Lyngby-Taarbæk": ("Lyngby Taarbæk", "Lyngby-Tårbæk"),
    "Faaborg-Midtfyn": ("Faaborg Midtfyn", "Fåborg-Midtfyn"),
    "Ringkøbing-Skjern": ("Ringkøbing Skjern",),
    "Ikast-Brande": ("Ikast Brande",),
    "København": ("Københavns",),
    "Nordfyn": ("Nordfyns",),
    "Vesthimmerland": ("Vesthimmerlands",),
    "Bornholm": ("Bornholms",),
}


def _build() -> tuple[Organisation, ...]:
    organisations: list[Organisation] = []
    for region, places in _MUNICIPALITIES.items():
        for place in places:
            name = OFFICIAL_NAME_EXCEPTIONS.get(place, f"{place} Kommune")
            organisations.append(Organisation(name, place, "kommune", region))
    for region in _MUNICIPALITIES:
        organisations.append(Organisation(region, region.removeprefix("Region "), "region"))
    return tuple(organisations)


ORGANISATIONS: tuple[Organisation, ...] = _build()
MUNICIPALITIES = tuple(o for o in ORGANISATIONS if o.kind == "kommune")
REGIONS = tuple(o for o in ORGANISATIONS if o.kind == "region")


_SPACES_AND_HYPHENS = re.compile(r"[\s\-]+")


def _compact(name: str) -> str:
    return _SPACES_AND_HYPHENS.sub("", name.lower())


@lru_cache(maxsize=1)
def _places() -> dict[str, Organisation]:
    """Every spelling of every place (compacted), and the organisation it names."""
    places: dict[str, Organisation] = {}
    for org in MUNICIPALITIES:
        for place in (org.short_name, *_PLACE_VARIANTS.get(org.short_name, ())):
            places[_compact(place)] = org
    for org in REGIONS:
        places[_compact(org.name)] = org
    return places


# "Glostrup Kommune", "Glostrup Kommunes", "Københavns Kommune",
# "Bornholms Regionskommune", "Høje-Taastrup Kommune", "Region Midtjylland".
# The word boundary before a mention is checked after its first letter: a pattern that
# opens with a capital is tried only where one stands, not at every position.
_MENTION = re.compile(
    r"(?P<place>[A-ZÆØÅ](?<!\w[A-ZÆØÅ])[\wæøå]*(?:[\s\-][A-ZÆØÅ][\wæøå]*)?)"
    r"\s+(?:Regions)?[Kk]ommunes?(?!\w)"
    r"|(?P<region>Region(?<!\wRegion)\s+(?:Hovedstaden|Sjælland|Syddanmark|Midtjylland|Nordjylland))"
    r"(?!\w)"
)


# Documents name their own place again and again: each spelling is looked up once.
@lru_cache(maxsize=4096)
def _place_to_organisation(place: str) -> Organisation | None:
    places = _places()
    compact = _compact(place)
    found = places.get(compact)
    if found is None and compact.endswith("s"):
        found = places.get(compact[:-1])
    if found is None and " " in place.strip():
        # "Tilbud i Glostrup Kommune": only the last word is the place.
        return _place_to_organisation(re.split(r"[\s]+", place.strip())[-1])
    return found


# The same in capitals, as covers and title blocks write it: "BRØNDBY KOMMUNE".
_MENTION_UPPER = re.compile(
    r"(?P<place>[A-ZÆØÅ](?<![^\W\d_][A-ZÆØÅ])[A-ZÆØÅ]+(?:[\s\-][A-ZÆØÅ]+)?)"
    r"\s+(?:REGIONS)?KOMMUNES?(?!\w)"
    r"|(?P<region>REGION(?<!\wREGION)\s+(?:HOVEDSTADEN|SJÆLLAND|SYDDANMARK|MIDTJYLLAND|NORDJYLLAND))"
    r"(?!\w)"
)


@dataclass(frozen=True, slots=True)
class OrganisationMention:
    name: str  # official name of the organisation
    start: int
    end: int


# Where a mention can end or start: "Kommune(s)" or "Region" (found by a plain scan).
_MENTION_CUE = Cues(
    ("ommune", re.compile(r"ommunes?(?!\w)")),
    ("OMMUNE", re.compile(r"OMMUNES?(?!\w)")),
    ("Region", re.compile(r"Region\s")),
    ("REGION", re.compile(r"REGION\s")),
)
_CUE_LOOKBACK = 60
_CUE_LOOKAHEAD = 30


def organisation_mentions(text: str) -> list[OrganisationMention]:
    """Every mention of a known municipality or region, with where it stands, in order.

    The mention patterns start at any capitalised word; they are only run around
    the places where a mention can stand, which keeps long texts fast.
    """
    found: list[OrganisationMention] = []
    last_end = 0
    for cue_start, cue_end in _MENTION_CUE.spans(text):
        if cue_start < last_end:
            continue
        low = max(last_end, cue_start - _CUE_LOOKBACK)
        high = min(len(text), cue_end + _CUE_LOOKAHEAD)
        upper = text[cue_start] in "OR" and text[cue_start + 1].isupper()
        pattern = _MENTION_UPPER if upper else _MENTION
        for match in pattern.finditer(text, low, high):
            if not match.start() <= cue_start < match.end():
                continue
            place = match.group("place") or match.group("region")
            org = _place_to_organisation(place)
            if org is not None:
                found.append(OrganisationMention(org.name, match.start(), match.end()))
            last_end = match.end()
            break
    return found


# Places that are also Danish words ("Vejen til uddannelse", "greve", "varde"): named
# alone they say nothing.
_PLACES_THAT_ARE_WORDS = frozenset({"Vejen", "Odder", "Greve", "Skive", "Varde", "Tønder"})
# A place followed by an institution is part of the institution's name.
_INSTITUTION_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+[\w-]*(?:skole|universitet|gymnasium|sygehus|hospital|akademi|"
    r"seminarium|museum|teater|bibliotek|stift|havn|handelsskole|efterskole|friskole)(?![\w-])",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern[str]:
    """Every place name and spelling, capitalised or in capitals, as a whole word."""
    names: list[str] = []
    for org in MUNICIPALITIES:
        for place in (org.short_name, *_PLACE_VARIANTS.get(org.short_name, ())):
            if place not in _PLACES_THAT_ARE_WORDS:
                names.extend((place, place.upper()))
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?:s)?(?![^\W\d_])")


def place_mentions(text: str) -> list[OrganisationMention]:
    """Municipalities named by their place alone ("her i Køge", "8722 Hedensted",
    "Frederiksbergs Frivillighedsstrategi"), in order.

    A place name is also a town, so a caller reads these only where a document
    names its owner (title, opening) and where no "<Place> Kommune" is named.
    """
    found: list[OrganisationMention] = []
    for match in _place_pattern().finditer(text):
        if _INSTITUTION_AFTER.match(text, match.end()):
            continue  # "Roskilde Universitet", "Randers Social- og Sundhedsskole"
        org = _place_to_organisation(match.group())
        if org is not None:
            found.append(OrganisationMention(org.name, match.start(), match.end()))
    return found


def find_organisations(text: str) -> Counter[str]:
    """How often each municipality or region is named in the text (by official name)."""
    counts: Counter[str] = Counter()
    for match in _MENTION.finditer(text):
        org = _place_to_organisation(match.group("place") or match.group("region"))
        if org is not None:
            counts[org.name] += 1
    return counts


def main_organisation(text: str) -> str | None:
    """The organisation a text names most often, or None when it names none.

    Known municipalities and regions win. Failing those, a single-word place named
    "<Place> Kommune" at least twice is taken as the organisation, so bodies not in the
    gazetteer (a new or a fictional municipality) are still filed under their name.
    """
    counts = find_organisations(text)
    if counts:
        return counts.most_common(1)[0][0]
    unknown: Counter[str] = Counter()
    for match in _MENTION.finditer(text):
        words = (match.group("place") or "").split()
        place = words[-1] if words else ""
        if place and re.fullmatch(r"[A-ZÆØÅ][a-zæøå]+", place):
            unknown[place.removesuffix("s") if place.endswith("s") else place] += 1
    if unknown:
        place, seen = unknown.most_common(1)[0]
        if seen >= 2:
            return f"{place} Kommune"
    return None


def organisation_by_name(name: str) -> Organisation | None:
    """Look up an organisation by official name, a spelling variant or the place name."""
    cleaned = re.sub(r"\s+(?:Regions)?[Kk]ommunes?$", "", name.strip())
    return _place_to_organisation(cleaned) or next(
        (org for org in ORGANISATIONS if _compact(org.name) == _compact(name)), None
    )
