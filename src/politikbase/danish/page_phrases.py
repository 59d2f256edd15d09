"""Danish phrases that give a municipality's web pages and documents their structure.

Policy listing pages end an entry with a link line ("Hent handicappolitikken her",
"Læs mere om strategien", "Download politikken (pdf)"), state adoption in a set
phrase ("er vedtaget af kommunalbestyrelsen den 10. september 2014", "godkendt af
Byrådet 19.03.2013") and open documents with generic section headings ("Forord",
"Indledning") that are not the document's title.
"""

from __future__ import annotations

import re

# Verbs that only open a link line; the line needs nothing more to be one.
_DOWNLOAD_VERBS = frozenset({"hent", "download", "downloade", "downloader"})
# Verbs that open a link line only with "her", "mere" or a file marker ("Se mere", "Læs X her").
_READ_VERBS = frozenset({"læs", "se", "åbn", "find", "klik", "gå"})
_MAX_LINK_WORDS = 16
# Any line that can be a link line starts with one of the verbs; checked first, cheaply.
LINK_LINE_START = re.compile(
    r"^[ \t]*(?:" + "|".join(sorted(_DOWNLOAD_VERBS | _READ_VERBS)) + r")\b",
    re.IGNORECASE | re.MULTILINE,
)
# The same, for text already in lower case (fast over whole texts).
LINK_LINE_START_LOWER = re.compile(LINK_LINE_START.pattern, re.MULTILINE)
# After a line break: a pattern that starts with a plain character is searched for
# far faster than one that starts by testing for a line start at every position.
_LINK_LINE_AFTER_BREAK = re.compile("\n" + LINK_LINE_START.pattern.removeprefix("^"))


def link_verb_ends(lowered: str) -> list[int]:
    """Where the verb ends on every line of `lowered` that starts like a link line."""
    ends = [match.end() for match in _LINK_LINE_AFTER_BREAK.finditer(lowered)]
    first = LINK_LINE_START_LOWER.match(lowered)
    return [first.end(), *ends] if first is not None else ends


FILE_MARKER = re.compile(
    r"[(\[]\s*(?:pdf|docx?|word|xlsx?|odt)\b[^)\]]*[)\]]|\.pdf\b|"
    r"\(\s*\d+(?:[.,]\d+)?\s*[kKmM][bB]\s*\)",
    re.IGNORECASE,
)
_TRAILING_FILE_MARKERS = re.compile(r"(?:\s*(?:" + FILE_MARKER.pattern + r"))+\s*$", re.IGNORECASE)

# "Hent [hele] [den] <object> [her] [(pdf)]", "Læs mere om <object>".
_LINK_OBJECT = re.compile(
    r"^(?:hent|download(?:e|er)?|læs|se|åbn|find)\s+"
    r"(?:mere\s+om\s+|mere\s+her\s+om\s+|om\s+)?"
    r"(?:(?:hele|selve)\s+)?(?:(?:den|det|de)\s+)?"
    r"(?P<object>.+?)"
    r"(?:\s+her)?(?:\s+som\s+pdf)?(?:\s*" + FILE_MARKER.pattern + r")*\s*[.!:]?$",
    re.IGNORECASE,
)
_EMPTY_OBJECTS = frozenset({"her", "mere", "den", "det", "dem", "hele", "dokumentet", "filen"})

# Past forms that state an adoption; a line needs a year as well to be a statement.
_ADOPTION_VERB = re.compile(
    r"\b(?:vedtaget|vedtagen|vedtog|godkendt|godkendte|besluttet|besluttede|"
    r"tiltrådt|tiltrådte|stadfæstet)\b",
    re.IGNORECASE,
)
# Case-sensitive matching of lower-cased text is many times faster over whole texts.
# (A leading \\b would stop the regex engine from skipping ahead to the verbs' letters.)
_ADOPTION_VERB_LOWER = re.compile(_ADOPTION_VERB.pattern.removeprefix(r"\b"))
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")

# Words that open a sentence about what the sentence before was about
# ("Den revideres hvert fjerde år", "Desuden gælder …").
_BACK_REFERENCE_OPENERS = frozenset(
    {
        "den",
        "det",
        "de",
        "denne",
        "dette",
        "disse",
        "heri",
        "hertil",
        "herudover",
        "herunder",
        "derudover",
        "desuden",
        "endvidere",
        "samtidig",
        "derfor",
        "dermed",
        "her",
    }
)
_FIRST_WORD = re.compile(r"\w+")

# Headings that open a section of any document and never name the document.
GENERIC_SECTION_HEADINGS = frozenset(
    {
        "forord",
        "indledning",
        "indhold",
        "indholdsfortegnelse",
        "resumé",
        "resume",
        "sammenfatning",
        "baggrund",
        "formål",
        "bilag",
        "bilag 1",
        "introduktion",
        "forside",
        "kolofon",
        "vision",
        "mission",
        "værdier",
        "mål",
        "indsatser",
        "handleplan",
    }
)


def is_link_line(line: str) -> bool:
    """True for a link line of a web page: "Hent X her", "Læs mere", "Download X (pdf)"."""
    if LINK_LINE_START.match(line) is None:
        return False
    words = line.split()
    if len(words) > _MAX_LINK_WORDS:
        return False
    first = words[0].lower().rstrip(":")
    if first in _DOWNLOAD_VERBS:
        return True
    if first not in _READ_VERBS:
        return False
    if len(words) > 1 and words[1].lower().rstrip(".!:") in ("mere", "her"):
        return True
    last = words[-1].lower().rstrip(".!:")
    return last == "her" or FILE_MARKER.search(line) is not None


def link_object(line: str) -> str | None:
    """What a link line offers ("Hent den finansielle politik her" -> "finansielle politik")."""
    match = _LINK_OBJECT.match(line.strip())
    if match is None:
        return None
    found = match.group("object").strip(" .:")
    if not found or found.lower() in _EMPTY_OBJECTS:
        return None
    return found


def strip_file_markers(title: str) -> str:
    """A link title without its file marker ("Handicappolitik (pdf, 2 MB)" -> "Handicappolitik")."""
    return _TRAILING_FILE_MARKERS.sub("", title).strip()


def adoption_verb_offsets(lowered: str) -> list[int]:
    """Where adoption verbs stand in a whole text, given in lower case (one quick pass)."""
    return [
        match.start()
        for match in _ADOPTION_VERB_LOWER.finditer(lowered)
        if match.start() == 0 or not lowered[match.start() - 1].isalnum()
    ]


def opens_with_back_reference(line: str) -> bool:
    """True for a sentence that continues the one before ("Den revideres hvert fjerde år")."""
    first = _FIRST_WORD.match(line)
    return first is not None and first.group().lower() in _BACK_REFERENCE_OPENERS


def is_adoption_statement(line: str) -> bool:
    """True when the line says when something was adopted ("... vedtaget ... 2014")."""
    # The year first: digits are rare, so most lines are settled by the cheaper pattern.
    return _YEAR.search(line) is not None and _ADOPTION_VERB.search(line) is not None
