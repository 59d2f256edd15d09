"""Run every evaluation and benchmark and write docs/benchmarks.md.

Each benchmark runs in a fresh Python process, so its peak memory is its own.
`--only NAME,NAME` runs just those benchmarks again and keeps the other results of
the last run (each section of the report says when it ran).
Usage: python benchmarks/run_all.py [--quick] [--only NAME[,NAME...]]
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
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
    ("fuzz_pipeline", {"seconds": 300}),
]
QUICK_OVERRIDES = {"bench_ingest": {"pages": 200, "repetitions": 1},
                   "bench_search": {"passages": 10_000}, "bench_web": {"seconds": 3},
                   "bench_faults": {"kill_trials": 2, "restart_trials": 1},
                   "fuzz_pipeline": {"seconds": 30}}


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
    result["_ran_at"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return result


def machine() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )


def _only(argv: list[str]) -> set[str] | None:
    if "--only" not in argv:
        return None
    position = argv.index("--only")
    names = set(argv[position + 1].split(",")) if position + 1 < len(argv) else set()
    unknown = names - {module for module, _ in BENCHMARKS}
    if not names or unknown:
        raise SystemExit(f"--only takes benchmark names: {sorted(unknown) or 'none given'}")
    return names


def main() -> None:
    quick = "--quick" in sys.argv
    only = _only(sys.argv)
    OUT.mkdir(exist_ok=True)
    saved = OUT / "results.json"
    results: dict[str, dict[str, object]] = {}
    if only is not None:
        if not saved.exists():
            raise SystemExit("--only needs the results of an earlier full run")
        results = json.loads(saved.read_text())
    for module, arguments in BENCHMARKS:
        if only is not None and module not in only:
            continue
        if quick:
            arguments = QUICK_OVERRIDES.get(module, arguments)
        print(f"running {module} {arguments} ...", file=sys.stderr, flush=True)
        results[module] = run(module, arguments)
    results = {module: results[module] for module, _ in BENCHMARKS if module in results}
    saved.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    from report import render

    (ROOT / "docs" / "benchmarks.md").write_text(render(results, machine(), quick))
    print("wrote docs/benchmarks.md", file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
