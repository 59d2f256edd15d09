"""The benchmark scripts stay in step with the code they measure (they import cleanly)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
MODULES = sorted(path.stem for path in BENCHMARKS.glob("*.py"))


@pytest.mark.parametrize("module", MODULES)
def test_benchmark_module_imports(module: str) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        loaded = importlib.import_module(module)
    finally:
        sys.path.remove(str(BENCHMARKS))
    if module.startswith(("eval_", "bench_")):
        assert callable(loaded.main)


def test_report_renders_partial_results() -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from report import render
    finally:
        sys.path.remove(str(BENCHMARKS))
    page = render({"eval_search": {"ours": {"ndcg@10": 0.9}}}, "test machine", quick=True)
    assert page.startswith("# Benchmarks")
    assert "Quick run" in page
