"""Run every evaluation and benchmark and write docs/benchmarks.md.

Each benchmark runs in a fresh Python process, so its peak memory is its own.
Usage: python benchmarks/run_all.py [--quick]
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"

# (module, keyword arguments for main)
BENCHMARKS: list[tuple[str, dict[str, object]]] = [
    ("eval_repair", {}),
    ("eval_segment", {}),
    ("eval_search", {}),
    ("eval_analyse", {}),
    ("eval_sections", {}),
    ("eval_subjects", {}),
    ("bench_ingest", {"pages": 1000, "repetitions": 3}),
    ("bench_search", {"passages": 1_000_000}),
    ("bench_web", {"seconds": 10}),
    ("eval_portal", {}),
    ("bench_ocr", {"pages": 20}),
    ("bench_cluster", {"text_pages": 1000, "scanned_pages": 8}),
    ("bench_faults", {"kill_trials": 10, "restart_trials": 3}),
]
QUICK_OVERRIDES = {"bench_ingest": {"pages": 200, "repetitions": 1},
                   "bench_search": {"passages": 10_000}, "bench_web": {"seconds": 3},
                   "bench_faults": {"kill_trials": 2, "restart_trials": 1}}


def run(module: str, arguments: dict[str, object]) -> dict[str, object]:
    code = (
        f"import json, sys; sys.path.insert(0, {str(HERE)!r}); import {module} as m; "
        f"print('@@RESULT@@' + json.dumps(m.main(**{arguments!r})))"
    )
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    if completed.returncode != 0:
        raise SystemExit(f"{module} failed:\n{completed.stderr[-4000:]}")
    marked = [line for line in completed.stdout.splitlines() if line.startswith("@@RESULT@@")]
    line = marked[-1]
    result = json.loads(line.removeprefix("@@RESULT@@"))
    result["_wall_seconds"] = round(time.perf_counter() - started, 1)
    return result


def machine() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )


def main() -> None:
    quick = "--quick" in sys.argv
    OUT.mkdir(exist_ok=True)
    results: dict[str, dict[str, object]] = {}
    for module, arguments in BENCHMARKS:
        if quick:
            arguments = QUICK_OVERRIDES.get(module, arguments)
        print(f"running {module} {arguments} ...", file=sys.stderr, flush=True)
        results[module] = run(module, arguments)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    from report import render

    (ROOT / "docs" / "benchmarks.md").write_text(render(results, machine(), quick))
    print("wrote docs/benchmarks.md", file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
