"""The political bodies that adopt a municipality's or a region's policies.

The councils: kommunalbestyrelsen, byrådet ("Nyborg Byråd"), borgerrepræsentationen
(Copenhagen), regionsrådet, magistraten (Aarhus); their standing committees, named
as a compound in "-udvalget" ("Økonomiudvalget", "Børne- og Skoleudvalget",
"Social-, Sundheds- og Ældreudvalget") or as "Udvalget for Børn og Unge"; the
board of directors (direktionen) for administrative policies; and the councils'
meetings ("på byrådsmødet", "på Kommunalbestyrelsens møde").

A body is named the way the register writes it: lower case, in the definite form
("Nyborg Byråd" → "byrådet", "Økonomiudvalg" → "økonomiudvalget"), coordinated
committees as written ("børne- og skoleudvalget"). A genitive ("Byrådets vision")
names an owner, not an adopting body, and is not a mention.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_LETTERS = r"[^\W\d_]"
# The councils and what their definite form is.
_COUNCILS = {
    "kommunalbestyrelse": "kommunalbestyrelsen",
    "byråd": "byrådet",
    "borgerrepræsentation": "borgerrepræsentationen",
    "regionsråd": "regionsrådet",
    "magistrat": "magistraten",
    "direktion": "direktionen",
}
_COUNCIL_FORMS = {
    "kommunalbestyrelse": r"kommunalbestyrelse(?:n)?",
    "byråd": r"byråd(?:et)?",
    "borgerrepræsentation": r"borgerrepræsentation(?:en)?",
    "regionsråd": r"regionsråd(?:et)?",
    "magistrat": r"magistrat(?:en)?",
    "direktion": r"direktion(?:en)?",
}
# Meetings name their council: "byrådsmødet", "kommunalbestyrelsesmøde".
_MEETING_STEMS = {
    "kommunalbestyrelses": "kommunalbestyrelsen",
    "byråds": "byrådet",
    "borgerrepræsentations": "borgerrepræsentationen",
    "regionsråds": "regionsrådet",
    "magistrats": "magistraten",
}
_COORDINATED = rf"(?:(?:{_LETTERS}+-,?\s+)*{_LETTERS}+-\s+(?:og|&)\s+)"

_BODY = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<meeting>(?:{'|'.join(_MEETING_STEMS)})møde(?:t|r)?)"
    rf"|(?P<owner_meeting>(?P<owner>kommunalbestyrelsen|byrådet|borgerrepræsentationen|"
    rf"regionsrådet|{_COORDINATED}?{_LETTERS}{{2,}}udvalget)s\s+(?:\w+\s+)?møde(?:t)?)"
    rf"|(?P<council>{'|'.join(_COUNCIL_FORMS.values())})"
    rf"|(?P<committee>{_COORDINATED}?{_LETTERS}{{2,}}-?udvalg(?:et)?)"
    rf"|(?P<committee_for>udvalget\s+for\s+{_LETTERS}+(?:\s+(?:og|&)\s+{_LETTERS}+)?)"
    r")(?![\w-])"
)
_SPACES = re.compile(r"\s+")
# "udvalg" that are selections, not committees ("et bredt udvalg af tilbud").
_NOT_COMMITTEES = frozenset({"udvalg", "udvalget", "vareudvalg", "vareudvalget"})


class BodyMention(NamedTuple):
    name: str  # "kommunalbestyrelsen", "børne- og skoleudvalget"
    start: int
    end: int


def _council_name(written: str) -> str:
    for stem, definite in _COUNCILS.items():
        if written.startswith(stem):
            return definite
    return written


def _canonical(match: re.Match[str]) -> str | None:
    written = _SPACES.sub(" ", match.group())
    if match.group("meeting") is not None:
        return next(
            (name for stem, name in _MEETING_STEMS.items() if written.startswith(stem)), None
        )
    if match.group("owner") is not None:
        return _SPACES.sub(" ", match.group("owner"))
    if match.group("council") is not None:
        return _council_name(written)
    if match.group("committee") is not None:
        if written in _NOT_COMMITTEES:
            return None
        return written if written.endswith("udvalget") else written + "et"
    return written


def find_bodies(lowered: str, start: int = 0, end: int | None = None) -> list[BodyMention]:
    """Every adopting body named in `lowered[start:end]` (lower-cased text)."""
    found: list[BodyMention] = []
    for match in _BODY.finditer(lowered, start, len(lowered) if end is None else end):
        name = _canonical(match)
        if name is not None:
            found.append(BodyMention(name, match.start(), match.end()))
    return found


def body_name(written: str) -> str | None:
    """The register's name of a body as written ("Nyborg Byråd" → "byrådet"), or None."""
    lowered = written.lower()
    mentions = find_bodies(lowered)
    return mentions[-1].name if mentions else None
