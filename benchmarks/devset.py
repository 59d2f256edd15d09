"""The shared development set: its scorer and its JSONL files."""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any


def load_scorer(shared: Path) -> ModuleType:
    """The evaluation's own scorer (`eval/tools/score.py`), so figures match it exactly."""
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "tools" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def characters_per_second(
    work: Callable[[str], object], texts: list[str], min_seconds: float = 1.0
) -> tuple[float, int]:
    """How many characters per second `work` gets through, over the texts repeated
    for at least `min_seconds`; and how many rounds that took."""
    characters = rounds = 0
    started = time.perf_counter()
    while True:
        for text in texts:
            work(text)
            characters += len(text)
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            return characters / elapsed, rounds
