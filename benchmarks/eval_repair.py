"""Evaluate the text repair stage on the development set.

Prints a JSON object:

* ``wer_raw`` / ``wer_repaired``: word error rate of the raw ``002`` text and of its
  repair against the gold ``clean_002.txt`` (the shared scorer's ``wer``);
* ``gold_unchanged``: repairing the gold text returns it byte for byte;
* ``seeds_unchanged``: repairing each clean seed (000, 001, 004) returns it unchanged;
* ``samples_lost_ligatures``: the sample PDFs built with lost ligatures (their text
  read by pypdfium2, which collapses each gap into one space: "genera oner", "sig l
  at"), repaired page-aware as the pipeline does; word error rate of the raw and of
  the repaired text against the document's source text (cover or title, then body),
  per document and pooled over all their words; ``samples_intact_wer_repaired``: the
  same for the sample PDFs with intact ligatures (the part of the error that is
  layout, not ligatures);
* ``collapsed_seeds``: clean seed text (000, 001, 004: the lines longer than 120
  characters) wrapped and damaged the way a collapsing extractor shows lost glyphs,
  raw and repaired word error rate against the clean text;
* ``throughput_mb_s``: MB of UTF-8 text repaired per second over all seeds, each
  repaired as its own document (the lexicon loaded beforehand, as in a batch);
* ``throughput_damaged_mb_s``: the same over the damaged seeds 002 and 003 only;
  since each text is repaired 20 times, every chain decision after the first round
  is remembered;
* ``throughput_damaged_cold_mb_s``: the damaged seeds 002 and 003, each repaired on
  cold caches (the lexicon loaded, nothing remembered of words or chains: the first
  text of a batch), the best of three tries per text;
  ``throughput_collapsed_cold_mb_s``: the same for the ``collapsed_seeds`` texts
  (gaps collapsed into one space, as pypdfium2 gives them);
* ``single_line_mb`` / ``single_line_seconds`` / ``single_line_mb_s``: one line of
  mixed seed text with no line breaks at all, repaired in one call.

Usage: ``python benchmarks/eval_repair.py [--single-line-mb N]``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from devset import load_scorer
from politikbase.danish.lexicon import default_lexicon
from politikbase.extract import extract_file
from politikbase.repair import clear_caches, repair_pages, repair_text
from politikbase.settings import shared_dir

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "samples"

CLEAN_SEEDS = ("000", "001", "004")
DAMAGED_SEEDS = ("002", "003")
ROUNDS = 20
COLD_TRIES = 3
DEFAULT_SINGLE_LINE_MB = 50.0


def _seeds(shared: Path) -> dict[str, str]:
    return {
        path.name[:3]: path.read_text(encoding="utf-8")
        for path in sorted((shared / "corpus" / "seeds").glob("*.txt"))
    }


def _throughput(texts: list[str], rounds: int = ROUNDS) -> float:
    size = sum(len(text.encode("utf-8")) for text in texts) * rounds
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            repair_text(text)
    return size / (time.perf_counter() - started) / 1e6


def _cold_throughput(texts: list[str], tries: int = COLD_TRIES) -> float:
    """MB/s over `texts`, each repaired on cold caches; the best of `tries` per text,
    so that a busy machine disturbs the figure less."""
    size = sum(len(text.encode("utf-8")) for text in texts)
    seconds = 0.0
    for text in texts:
        best = float("inf")
        for _ in range(tries):
            clear_caches()
            started = time.perf_counter()
            repair_text(text)
            best = min(best, time.perf_counter() - started)
        seconds += best
    clear_caches()
    return size / seconds / 1e6


def _single_line(seeds: dict[str, str], megabytes: float) -> dict[str, float]:
    unit = " ".join(" ".join(text.split("\n")) for text in seeds.values()) + " "
    repeats = max(1, round(megabytes * 1e6 / len(unit.encode("utf-8"))))
    text = unit * repeats
    size = len(text.encode("utf-8")) / 1e6
    started = time.perf_counter()
    repair_text(text)
    seconds = time.perf_counter() - started
    return {
        "single_line_mb": round(size, 1),
        "single_line_seconds": round(seconds, 2),
        "single_line_mb_s": round(size / seconds, 2),
    }



def _samples(score: ModuleType) -> dict[str, Any]:
    """Word error rates of the sample PDFs, raw and repaired, against their source."""
    sys.path.insert(0, str(SAMPLES_DIR))
    try:
        from build_samples import build_samples
        from samplekit.pdf_writer import MUNICIPALITY
        from samplekit.source import load_sources
    finally:
        sys.path.remove(str(SAMPLES_DIR))
    per_document: dict[str, dict[str, float]] = {}
    pooled = {"lost": [0.0, 0.0, 0], "intact": [0.0, 0.0, 0]}
    with tempfile.TemporaryDirectory() as folder:
        out_dir = Path(folder)
        build_samples(out_dir)
        for source in load_sources(SAMPLES_DIR / "source"):
            if not source.file.endswith(".pdf"):
                continue
            [document] = extract_file(out_dir / source.file)
            reference = source.printed_text(MUNICIPALITY)
            raw, words = score.wer(reference, "\n".join(document.pages))
            repaired, _ = score.wer(reference, repair_pages(document.pages).text)
            kind = "lost" if source.option("ligatures") == "lost" else "intact"
            pooled[kind][0] += raw * words
            pooled[kind][1] += repaired * words
            pooled[kind][2] += words
            if kind == "lost":
                per_document[source.name] = {
                    "wer_raw": round(raw, 5),
                    "wer_repaired": round(repaired, 5),
                }
    lost_raw, lost_repaired, lost_words = pooled["lost"]
    _, intact_repaired, intact_words = pooled["intact"]
    return {
        "samples_lost_ligatures": {
            "documents": per_document,
            "words": int(lost_words),
            "wer_raw": round(lost_raw / max(1, lost_words), 5),
            "wer_repaired": round(lost_repaired / max(1, lost_words), 5),
        },
        "samples_intact_wer_repaired": round(intact_repaired / max(1, intact_words), 5),
    }


# Glyphs a ligature-losing PDF drops, and f-ligatures it keeps with a stray space.
_LOST_GLYPHS = re.compile(r"tti|ti|tt|ft|fh|tf")
_KEPT_GLYPHS = re.compile(r"ffi|ff|fi|fl")
_SPACE_RUNS = re.compile(r" {2,}")


def _collapse(text: str, width: int = 80) -> str:
    """Clean text (one paragraph a line), wrapped, with each lost glyph's gap collapsed
    into one space as pypdfium2 gives it."""
    lines = []
    for paragraph in (line for line in text.split("\n") if line.strip()):
        for line in textwrap.wrap(paragraph, width, break_on_hyphens=False):
            damaged = _KEPT_GLYPHS.sub(lambda m: m.group() + " ", _LOST_GLYPHS.sub(" ", line))
            lines.append(_SPACE_RUNS.sub(" ", damaged).rstrip(" "))
        lines.append("")
    return "\n".join(lines)


def _collapsed_clean(seeds: dict[str, str]) -> dict[str, str]:
    """The clean seed text the collapsed texts are made of: its long lines."""
    return {
        key: "\n".join(line for line in seeds[key].split("\n") if len(line) > 120)
        for key in CLEAN_SEEDS
    }


def _collapsed_seeds(score: ModuleType, seeds: dict[str, str]) -> dict[str, dict[str, float]]:
    result = {}
    for key, clean in _collapsed_clean(seeds).items():
        damaged = _collapse(clean)
        result[key] = {
            "wer_raw": round(score.wer(clean, damaged)[0], 5),
            "wer_repaired": round(score.wer(clean, repair_text(damaged).text)[0], 5),
        }
    return result


def main(single_line_mb: float = DEFAULT_SINGLE_LINE_MB) -> dict[str, Any]:
    shared = shared_dir()
    score = load_scorer(shared)
    seeds = _seeds(shared)
    gold = (shared / "eval" / "dev" / "clean_002.txt").read_text(encoding="utf-8")
    default_lexicon()  # loaded once per process, as in a batch
    repaired = repair_text(seeds["002"]).text
    result: dict[str, Any] = {
        "wer_raw": round(score.wer(gold, seeds["002"])[0], 5),
        "wer_repaired": round(score.wer(gold, repaired)[0], 5),
        "gold_unchanged": repair_text(gold).text == gold,
        "seeds_unchanged": {key: repair_text(seeds[key]).text == seeds[key] for key in CLEAN_SEEDS},
        **_samples(score),
        "collapsed_seeds": _collapsed_seeds(score, seeds),
        "throughput_mb_s": round(_throughput(list(seeds.values())), 2),
        "throughput_damaged_mb_s": round(_throughput([seeds[k] for k in DAMAGED_SEEDS]), 2),
        "throughput_damaged_cold_mb_s": round(
            _cold_throughput([seeds[k] for k in DAMAGED_SEEDS]), 3
        ),
        "throughput_collapsed_cold_mb_s": round(
            _cold_throughput([_collapse(text) for text in _collapsed_clean(seeds).values()]), 3
        ),
    }
    if single_line_mb > 0:
        result.update(_single_line(seeds, single_line_mb))
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--single-line-mb",
        type=float,
        default=DEFAULT_SINGLE_LINE_MB,
        help="size of the single-line input (0 to skip)",
    )
    arguments = parser.parse_args()
    print(json.dumps(main(arguments.single_line_mb), ensure_ascii=False, indent=1))
