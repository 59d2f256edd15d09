"""The shared development set: its scorer and its JSONL files."""

from __future__ import annotations

import importlib.util
import json
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
