"""Lost ligatures where extraction collapsed each gap into one space (as pypdfium2 does):
"Kra igere regnskyl", "genera oner", "sig l at", "i vores d."."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from repair_support import collapse_text, scorer

from politikbase.extract import extract_file
from politikbase.repair import repair_pages, repair_text

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "samples"
# Word error rate of a repaired sample PDF against its source text. The same
# measure gives 20-28 % for the raw text of these PDFs, and 0.5 % for the sample
# PDF whose ligatures are intact (the rest is layout: a title taken for furniture).
MAX_SAMPLE_WER = 0.015
MIN_RAW_SAMPLE_WER = 0.15
# Word error rate of real seed text, damaged by the tests the same way, repaired.
MAX_SEED_WER = 0.015


@pytest.fixture(scope="module")
def sample_pdfs(
    sample_builder: Callable[..., list], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[str, str, list[str]]]:
    """Per PDF source: its ligature option, its source text, its extracted pages joined."""
    from samplekit.pdf_writer import MUNICIPALITY
    from samplekit.source import load_sources

    sources_dir = tmp_path_factory.mktemp("sources")
    sources = [s for s in load_sources(SAMPLES_DIR / "source") if s.file.endswith(".pdf")]
    for source in sources:
        shutil.copy(SAMPLES_DIR / "source" / f"{source.name}.md", sources_dir)
    out_dir = tmp_path_factory.mktemp("pdfs")
    sample_builder(out_dir, sources_dir)
    result = {}
    for source in sources:
        [document] = extract_file(out_dir / source.file)
        printed = source.printed_text(MUNICIPALITY)
        result[source.name] = (source.option("ligatures"), printed, document.pages)
    return result



def test_sample_pdfs_with_lost_ligatures_come_back_whole(
    sample_pdfs: dict[str, tuple[str, str, list[str]]], shared: Path
) -> None:
    score = scorer(shared)
    lost = {name: value for name, value in sample_pdfs.items() if value[0] == "lost"}
    assert len(lost) >= 4
    for name, (_, source_text, pages) in lost.items():
        raw = "\n".join(pages)
        # The gaps are single spaces: nothing like the double-space form.
        assert "  " not in raw, name
        repaired = repair_pages(pages).text
        assert score.wer(source_text, raw)[0] > MIN_RAW_SAMPLE_WER, name
        assert score.wer(source_text, repaired)[0] < MAX_SAMPLE_WER, name


def test_the_damage_named_in_the_klimaplan_is_repaired(
    sample_pdfs: dict[str, tuple[str, str, list[str]]],
) -> None:
    repaired = " ".join(repair_pages(sample_pdfs["klimaplan"][2]).text.split())
    for phrase in (
        "i vores tid.",
        "Kraftigere regnskyl",
        "flere dage",
        "de næste generationer",
        "forpligter Fjordby Kommune sig til at reducere",
        "i forhold til 1990",
        "geografisk område",
        "Samtidig udvides",
    ):
        assert phrase in repaired, phrase


def test_a_sample_pdf_with_intact_ligatures_gets_no_ligature_repair(
    sample_pdfs: dict[str, tuple[str, str, list[str]]],
) -> None:
    intact = [pages for option, _, pages in sample_pdfs.values() if option == "intact"]
    assert intact
    for pages in intact:
        changes = repair_pages(pages).changes
        assert [change for change in changes if change.kind == "ligature"] == []


COLLAPSED = (
    "Kommunen vil gøre det a rak vt at vælge et ak vt liv, og det er vig gt at\n"
    "poli kken når ud l alle. Borgerne skal have fl ere muligheder for at stø e\n"
    "hinanden, så indsatsen får den størst mulige eff ekt. Vi arbejder med ltag, hvor\n"
    "der er viden om, at det virker. Sam dig skal vi gøre det le ere at få hjælp\n"
    "e er en ulykke, og i vores d. er det vig gt at være l stede.\n"
)


def test_a_paragraph_with_collapsed_gaps_is_restored_word_for_word() -> None:
    result = repair_text(COLLAPSED)
    assert result.text == (
        "Kommunen vil gøre det attraktivt at vælge et aktivt liv, og det er vigtigt at "
        "politikken når ud til alle. Borgerne skal have flere muligheder for at støtte "
        "hinanden, så indsatsen får den størst mulige effekt. Vi arbejder med tiltag, hvor "
        "der er viden om, at det virker. Samtidig skal vi gøre det lettere at få hjælp "
        "efter en ulykke, og i vores tid. er det vigtigt at være til stede.\n"
    )
    for change in result.changes:
        assert COLLAPSED[change.position : change.position + len(change.before)] == change.before
    assert ("sig l", "sig til") not in {(c.before, c.after) for c in result.changes}
    assert ("ud l alle", "ud til alle") in {(c.before, c.after) for c in result.changes}


# Real two-word sequences that a lost glyph could join or extend ("i dag" is not
# "i tidag", "mellem den" is not "mellemtiden"), in a text that is damaged elsewhere.
LOOK_ALIKES = (
    "I dag er der brug for at sikre, at borgerne har et år til at søge, og for at "
    "mellem den ene og den anden dag at finde tid til det. Fra 2019 til 2023 var det "
    "Glostrup Kommune og KL, der i fællesskab holdt møder med Jens Hansen i to år. "
    "Vi vil gerne se, at flere får et godt liv i dag, og at alle kan være med."
)


def test_word_pairs_that_look_like_gaps_stay_in_a_damaged_text() -> None:
    text = COLLAPSED + LOOK_ALIKES + "\n"
    repaired = repair_text(text).text
    assert repaired.endswith(LOOK_ALIKES + "\n")
    assert "vigtigt" in repaired and "til alle" in repaired


@pytest.mark.parametrize(
    "text",
    [
        "Vi har købt 5 l mælk og 2 l saft. KL s møde er i dag, og det varer en time.",
        "Punkterne a, b og c er vedtaget. Se bilag d. 14. august 2013 og s. 12 f.eks.",
        "B e s k æ f t i g e l s e s p o l i t i k og Ældrepolitik l Godkendt af Byrådet",
        LOOK_ALIKES,
    ],
)
def test_clean_text_with_lone_letters_is_left_alone(text: str) -> None:
    assert repair_text(text).text == text


@pytest.mark.parametrize("key", ["000", "004"])
def test_seed_text_with_collapsed_gaps_comes_back(
    seeds: dict[str, str], shared: Path, key: str
) -> None:
    # Clean real Danish text, wrapped and stripped of its ligatures the way a PDF
    # read by a collapsing extractor shows it, then repaired.
    clean = "\n".join(line for line in seeds[key].split("\n") if len(line) > 120)
    damaged = collapse_text(clean)
    score = scorer(shared)
    assert "  " not in damaged
    raw_wer, words = score.wer(clean, damaged)
    repaired_wer, _ = score.wer(clean, repair_text(damaged).text)
    assert words > 1000 and raw_wer > 0.15
    assert repaired_wer < MAX_SEED_WER
