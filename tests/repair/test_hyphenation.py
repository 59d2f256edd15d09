"""Line-break hyphenation joined; hyphens that belong to the text kept."""

from __future__ import annotations

import pytest

from politikbase.danish.lexicon import default_lexicon
from politikbase.repair import repair_text
from politikbase.repair.hyphenation import JOIN, KEEP, SUSPENDED, decide, hyphenated_head

# A wrapped paragraph around the line ending under test, so the text reads as
# page text (narrow lines running on into lower-case lines).
BEFORE = (
    "Kommunen arbejder hele tiden på at gøre tingene bedre for de borgere, som\n"
    "bor og arbejder i byen, og den vil derfor gerne høre fra alle, som har en\n"
    "mening om, hvordan indsatsen skal se ud i de kommende år, og hvad der skal\n"
)
AFTER = (
    " handler om, og den vil samle alle gode idéer i en fælles plan,\n"
    "som skal vedtages i løbet af året af kommunalbestyrelsen.\n"
)


def _repaired_middle(end_of_line: str, start_of_next: str) -> str:
    text = BEFORE + f"prioriteres i {end_of_line}\n{start_of_next} videre" + AFTER
    repaired = repair_text(text).text
    assert "\n" not in repaired.strip(), "one paragraph"
    return repaired[len(BEFORE) - 1 :].split(" videre")[0].split("prioriteres i ")[1]


@pytest.mark.parametrize(
    ("end_of_line", "start_of_next", "expected"),
    [
        ("sundhedsom-", "rådet", "sundhedsområdet"),
        ("sund-", "hedsfremme", "sundhedsfremme"),
        ("sundheds-", "fremme", "sundhedsfremme"),
        ("Børne-", "og ungepolitikken", "Børne- og ungepolitikken"),
        ("sundheds-", "eller ældreområdet", "sundheds- eller ældreområdet"),
        ("Lyngby-", "Taarbæk", "Lyngby-Taarbæk"),
        ("CO2-", "udledningen", "CO2-udledningen"),
        ("EU-", "borgere", "EU-borgere"),
        ("perioden 2015-", "2018", "perioden 2015-2018"),
        ("støttefunktioner og", "-processer", "støttefunktioner og -processer"),
    ],
)
def test_line_end_hyphens(end_of_line: str, start_of_next: str, expected: str) -> None:
    assert _repaired_middle(end_of_line, start_of_next) == expected


def test_hyphens_inside_lines_are_never_touched(seeds: dict[str, str]) -> None:
    # Seed 001 has them all: "Lyngby- Taarbæks", "-tilpasning", "social-psykiatrien".
    assert repair_text(seeds["001"]).text == seeds["001"]
    assert "Lyngby- Taarbæks" in seeds["001"] and "social-psykiatrien" in seeds["001"]


def test_decisions() -> None:
    lexicon = default_lexicon()
    assert decide("sundhedsom", "rådet.", lexicon) == JOIN
    assert decide("Børne", "og unge", lexicon) == SUSPENDED
    assert decide("sam", "men med", lexicon) == JOIN  # "sammen", though "men" coordinates
    assert decide("it", "systemer", lexicon) == KEEP  # parts that do not close into a word
    assert decide("Lyngby", "Taarbæk", lexicon) == KEEP
    assert decide("2015", "2018", lexicon) == KEEP
    assert decide("ord", "– og", lexicon) is None


def test_hyphenated_head() -> None:
    assert hyphenated_head("på sundhedsom-") == "sundhedsom"
    assert hyphenated_head("bolig-, trafik-") == "trafik"
    assert hyphenated_head("fælles ansvar -") is None
    assert hyphenated_head("ingen bindestreg") is None


def test_hyphenation_is_logged_against_the_original(seeds: dict[str, str]) -> None:
    original = seeds["002"]
    joins = [c for c in repair_text(original).changes if c.kind == "hyphenation"]
    assert ("sundhedsom-\nrådet", "sundhedsområdet") in {(c.before, c.after) for c in joins}
    for change in joins:
        assert original[change.position : change.position + len(change.before)] == change.before
