"""Wrapped page text becomes one paragraph a line; other text keeps its lines."""

from __future__ import annotations

from pathlib import Path

from repair_support import gold_002

from politikbase.repair import repair_text
from politikbase.repair.profile import profile_lines

WRAPPED = (
    " Formål\n"
    "Kommunen ønsker at skabe gode rammer for alle borgere, og derfor har\n"
    "kommunalbestyrelsen vedtaget denne politik, som gælder for alle områder.\n"
    "\n"
    "Politikken bygger på tre principper:\n"
    "\n"
    "• borgerne inddrages tidligt i de beslutninger, der handler om deres eget\n"
    "liv og hverdag\n"
    "• indsatsen tager udgangspunkt i den enkeltes ressourcer\n"
    "• kommunen samarbejder med foreninger og frivillige\n"
    "\n"
    "Opfølgning\n"
    "Der følges op hvert år, og resultaterne fremlægges for udvalget, så det kan\n"
    "\n"
    "vurdere, om der skal ændres på indsatsen i det kommende år.\n"
    " Samarbejde med\n"
    "frivillige foreninger\n"
    "Kommunen vil styrke samarbejdet.\n"
)


def test_wrapped_text_becomes_paragraphs_headings_and_items() -> None:
    assert repair_text(WRAPPED).text.split("\n\n") == [
        "Formål",
        "Kommunen ønsker at skabe gode rammer for alle borgere, og derfor har "
        "kommunalbestyrelsen vedtaget denne politik, som gælder for alle områder.",
        "Politikken bygger på tre principper:",
        "• borgerne inddrages tidligt i de beslutninger, der handler om deres eget liv og hverdag",
        "• indsatsen tager udgangspunkt i den enkeltes ressourcer",
        "• kommunen samarbejder med foreninger og frivillige",
        "Opfølgning",
        # A blank line inside a sentence (a column or page break) does not end it.
        "Der følges op hvert år, og resultaterne fremlægges for udvalget, så det kan "
        "vurdere, om der skal ændres på indsatsen i det kommende år.",
        # An indented line starts a new block (a heading over two lines here).
        "Samarbejde med frivillige foreninger",
        "Kommunen vil styrke samarbejdet.\n",
    ]


def test_text_with_one_paragraph_a_line_is_not_joined(seeds: dict[str, str]) -> None:
    for key in ("000", "001", "004"):
        assert not profile_lines(seeds[key].split("\n")).wrapped
    paragraph_lines = (
        "Handicappolitik\n"
        "Politikken er vedtaget af kommunalbestyrelsen den 10. september 2014 og\n"
        "gælder for alle.\n"
    )
    assert repair_text(paragraph_lines).text == paragraph_lines


def test_profile_of_wrapped_page_text(seeds: dict[str, str], shared: Path) -> None:
    for key in ("002", "003"):
        profile = profile_lines(seeds[key].split("\n"))
        assert profile.wrapped
        assert 60 <= profile.wrap_width <= 100
    assert not profile_lines(gold_002(shared).split("\n")).wrapped
    assert not profile_lines([]).wrapped
