"""Evaluate the text repair stage on the development set.

Prints a JSON object:

* ``wer_raw`` / ``wer_repaired``: word error rate of the raw ``002`` text and of its
  repair against the gold ``clean_002.txt`` (the shared scorer's ``wer``);
* ``gold_unchanged``: repairing the gold text returns it byte for byte;
* ``seeds_unchanged``: repairing each clean seed (000, 001, 004) returns it unchanged;
* ``throughput_mb_s``: MB of UTF-8 text repaired per second over all seeds, each
  repaired as its own document (the lexicon loaded beforehand, as in a batch);
* ``throughput_damaged_mb_s``: the same over the damaged seeds 002 and 003 only;
* ``single_line_mb`` / ``single_line_seconds`` / ``single_line_mb_s``: one line of
  mixed seed text with no line breaks at all, repaired in one call.

Usage: ``python benchmarks/eval_repair.py [--single-line-mb N]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from politikbase.danish.lexicon import default_lexicon
from politikbase.repair import repair_text
from politikbase.settings import shared_dir

CLEAN_SEEDS = ("000", "001", "004")
DAMAGED_SEEDS = ("002", "003")
ROUNDS = 20
DEFAULT_SINGLE_LINE_MB = 50.0


def _scorer(shared: Path) -> ModuleType:
    """The shared scorer, so the figures match the project's other measurements."""
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "tools" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def main(single_line_mb: float = DEFAULT_SINGLE_LINE_MB) -> dict[str, Any]:
    shared = shared_dir()
    score = _scorer(shared)
    seeds = _seeds(shared)
    gold = (shared / "eval" / "dev" / "clean_002.txt").read_text(encoding="utf-8")
    default_lexicon()  # loaded once per process, as in a batch
    repaired = repair_text(seeds["002"]).text
    result: dict[str, Any] = {
        "wer_raw": round(score.wer(gold, seeds["002"])[0], 5),
        "wer_repaired": round(score.wer(gold, repaired)[0], 5),
        "gold_unchanged": repair_text(gold).text == gold,
        "seeds_unchanged": {key: repair_text(seeds[key]).text == seeds[key] for key in CLEAN_SEEDS},
        "throughput_mb_s": round(_throughput(list(seeds.values())), 2),
        "throughput_damaged_mb_s": round(_throughput([seeds[k] for k in DAMAGED_SEEDS]), 2),
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
