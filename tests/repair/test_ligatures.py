"""Lost ligatures, on texts the tests damage the way a ligature-losing PDF does."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from repair_support import damage_text, scorer

from politikbase.danish.lexicon import default_lexicon
from politikbase.repair import repair_text
from politikbase.repair.gap_sites import find_chains, parse_chain
from politikbase.repair.ligature_gaps import repair_ligatures

# A paragraph in the voice of a Danish policy, damaged by hand as seed 002 is.
DAMAGED = (
    "Kommunen vil gøre det a  rak  vt at vælge et ak  vt liv, og det er vig  gt at "
    "poli  kken når ud  l alle. Borgerne skal have fl ere muligheder for at stø  e "
    "hinanden, så indsatsen får den størst mulige eff ekt. Vi arbejder med  ltag, "
    "hvor der er viden om, at det virker, og med innova  on og uafhængighed.\n"
)


def test_a_damaged_paragraph_is_restored_word_for_word() -> None:
    repaired = repair_text(DAMAGED).text
    assert repaired == (
        "Kommunen vil gøre det attraktivt at vælge et aktivt liv, og det er vigtigt at "
        "politikken når ud til alle. Borgerne skal have flere muligheder for at støtte "
        "hinanden, så indsatsen får den størst mulige effekt. Vi arbejder med tiltag, "
        "hvor der er viden om, at det virker, og med innovation og uafhængighed.\n"
    )


def test_every_ligature_repair_is_logged() -> None:
    changes = repair_text(DAMAGED).changes
    pairs = {(change.before, change.after) for change in changes}
    assert ("vig  gt", "vigtigt") in pairs
    assert ("a  rak  vt", "attraktivt") in pairs
    assert ("fl ere", "flere") in pairs
    assert ("ud  l", "ud til") in pairs
    assert all(change.kind == "ligature" for change in changes)
    for change in changes:
        assert DAMAGED[change.position : change.position + len(change.before)] == change.before


@pytest.mark.parametrize("key", ["000", "004"])
def test_text_damaged_by_the_tests_comes_back(
    seeds: dict[str, str], shared: Path, key: str
) -> None:
    # Clean real Danish text (other than the text the repair was studied on),
    # wrapped and stripped of its ligatures like seed 002, then repaired.
    clean = "\n".join(line for line in seeds[key].split("\n") if len(line) > 120)
    damaged = damage_text(clean)
    score = scorer(shared)
    raw_wer, words = score.wer(clean, damaged)
    repaired_wer, _ = score.wer(clean, repair_text(damaged).text)
    assert words > 1000 and raw_wer > 0.15
    assert repaired_wer < 0.01


@pytest.mark.parametrize("key", ["000", "001"])
def test_justified_text_with_double_spaces_keeps_its_words(
    seeds: dict[str, str], shared: Path, key: str
) -> None:
    # Undamaged text from a justified layout: wrapped, with a double space between
    # every fourth pair of words, letter-spaced titles and initials included.
    clean = "\n".join(line for line in seeds[key].split("\n") if len(line) > 120)
    lines = []
    for paragraph in clean.split("\n"):
        for line in textwrap.wrap(paragraph, 80):
            words = line.split(" ")
            spaced = "".join(
                word + ("  " if number % 4 == 3 else " ") for number, word in enumerate(words)
            )
            lines.append(spaced.rstrip() + " ")
        lines.append("")
    result = repair_text("\n".join(lines))
    assert [change for change in result.changes if change.kind == "ligature"] == []
    assert scorer(shared).wer(clean, result.text)[0] == 0.0


def test_compounds_and_word_pairs_are_told_apart() -> None:
    text = (
        "Sundhedspoli  kken beskriver de nye sundheds  lbud og forebyggelses  ltag.\n"
        "Glostrup Kommunes  lgang  l borgerne er, at alles  lfredshed tæller, og der\n"
        "er brug for klima  ltag, en  dlig indsats og en god  lgang  l opgaven.\n"
    )
    repaired = repair_text(text).text
    assert repaired == (
        "Sundhedspolitikken beskriver de nye sundhedstilbud og forebyggelsestiltag.\n"
        "Glostrup Kommunes tilgang til borgerne er, at alles tilfredshed tæller, og der\n"
        "er brug for klimatiltag, en tidlig indsats og en god tilgang til opgaven.\n"
    )


def test_capitals_and_word_ends_are_kept() -> None:
    text = "SUNDHEDSPOLI  KKEN gælder. Sam  dig er det e  er planen, at demokra  , og\n"
    repaired = repair_text(text).text
    assert repaired.startswith("SUNDHEDSPOLITIKKEN gælder. Samtidig er det efter planen")
    assert "demokrati, og" in repaired


def test_an_isolated_unmistakable_gap_is_repaired_in_clean_text() -> None:
    text = "Kommunens sundhedspoli  kken blev vedtaget i 2013 og gælder alle områder."
    assert repair_text(text).text == (
        "Kommunens sundhedspolitikken blev vedtaget i 2013 og gælder alle områder."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Vi mødes i  den store sal, og  så går vi hjem.",  # double spaces, not glyphs
        "Tabel:  Navn  Adresse  Telefon",
        "B e s k æ f t i g e l s e s p o l i t i k",
        "Ældrepolitik l Godkendt af Byrådet",
        "Vi har fl ere gange sagt det.",  # a stray space, but no damage elsewhere
    ],
)
def test_clean_text_with_odd_spacing_is_left_alone(text: str) -> None:
    assert repair_text(text).text == text


def test_ligature_characters_are_spelled_out() -> None:
    result = repair_text("Den ﬁnansielle politik og ﬂere ﬀ-regler.")
    assert result.text == "Den finansielle politik og flere ff-regler."
    assert {change.kind for change in result.changes} == {"ligature-character"}


def test_soft_hyphens_are_dropped() -> None:
    assert repair_text("sundheds\u00adpolitik").text == "sundhedspolitik"


def test_chains_are_found_and_read_from_their_text() -> None:
    text = "et a  rak  vt tilbud,  l alle\n lgang og fl ere"
    chains = [text[start:end] for start, end, _ in find_chains(text, True, True)]
    # After a comma one space is the word space; the rest was the lost "ti".
    assert chains == ["a  rak  vt", " l", " lgang", "fl ere"]
    assert parse_chain("a  rak  vt") == (("gap", "gap"), ("a", "rak", "vt"))
    assert parse_chain(" lgang") == (("lead",), ("lgang",))
    assert parse_chain("demokra  ") == (("tail",), ("demokra",))
    assert parse_chain("fl ere") == (("spaced",), ("fl", "ere"))


def test_undamaged_text_only_gets_unmistakable_repairs() -> None:
    lexicon = default_lexicon()
    text = "Vi  ser på det. Politikken er vig  gt for os."
    edits, changes = repair_ligatures(text, lexicon)
    assert [(change.before, change.after) for change in changes] == [("vig  gt", "vigtigt")]
    assert len(edits) == 1
