"""Web portal under load: latency and throughput of the register, a policy page and a
search, served by uvicorn on loopback and driven by wrk (Debian's `wrk`).

The sample corpus is built and ingested into a temporary data directory; uvicorn
runs in a child process with WORKERS workers; wrk keeps CONNECTIONS connections busy
for SECONDS seconds per page and reports the latency percentiles (through a small
Lua script, since `--latency` alone has no p95) and requests per second.

Pages are answered from the portal's response cache once built (it is emptied when
the data changes); `search_uncached` asks a new URL every time, so it measures the
search itself. The goal (p95 ≤ 100 ms) is judged on the three pages as a reader
repeats them.

Usage: python benchmarks/bench_web.py [SECONDS]   (prints JSON)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from politikbase.service import Service
from politikbase.web.server import DATA_VARIABLE, FACTORY, free_port

ROOT = Path(__file__).resolve().parents[1]
CONNECTIONS = 50
THREADS = 2
GOAL_P95_MS = 100.0
# wrk's summary as one JSON line: latencies are in microseconds.
REPORT_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format(
    '@@WRK@@{"requests":%d,"seconds":%.3f,"p50":%d,"p95":%d,"p99":%d,"max":%d,' ..
    '"errors":%d,"non_2xx":%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50),
    latency:percentile(95), latency:percentile(99), latency.max,
    summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout, summary.errors.status))
end
"""


# Every request a new URL, so the response cache never answers: the cost of a search.
UNCACHED_SCRIPT = """
counter = 0
init = function(args)
  prefix = string.gsub(tostring({}), "table: ", "")
end
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "&u=" .. prefix .. "-" .. counter)
end
""" + REPORT_SCRIPT


def sample_data(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "samples"))
    try:
        from build_samples import build_sample_register
    finally:
        sys.path.pop(0)
    return build_sample_register(folder)


def pages(data_dir: Path) -> dict[str, str]:
    records = Service(data_dir).register.documents()
    policy = max((r for r in records if r.format == "pdf"), key=lambda r: len(r.text))
    return {
        "register": "/",
        "policy": f"/politik/{policy.public_id}",
        "search": "/sog?q=politik+for+handicappede",
        "search_uncached": "/sog?q=politik+for+handicappede",
    }


def start_server(data_dir: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    environment = dict(os.environ, **{DATA_VARIABLE: str(data_dir)})
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", FACTORY, "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(workers), "--log-level", "warning",
         "--no-access-log"],
        env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("uvicorn did not start")


def run_wrk(url: str, seconds: int, script: Path) -> dict[str, Any]:
    completed = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency",
         "-s", str(script), url],
        capture_output=True, text=True, check=True,
    )
    line = next(row for row in completed.stdout.splitlines() if row.startswith("@@WRK@@"))
    raw = json.loads(line.removeprefix("@@WRK@@"))
    return {
        "latency_ms_p50": round(raw["p50"] / 1000, 1),
        "latency_ms_p95": round(raw["p95"] / 1000, 1),
        "latency_ms_p99": round(raw["p99"] / 1000, 1),
        "latency_ms_max": round(raw["max"] / 1000, 1),
        "requests_per_second": round(raw["requests"] / raw["seconds"]),
        "requests": raw["requests"],
        "errors": raw["errors"],
        "non_2xx": raw["non_2xx"],
    }


def measure(data_dir: Path, workers: int, seconds: int, scripts: dict[str, Path]
            ) -> dict[str, Any]:
    port = free_port()
    server = start_server(data_dir, port, workers)
    try:
        base = f"http://127.0.0.1:{port}"
        targets = pages(data_dir)
        for path in targets.values():  # warm-up: every worker builds its view once
            for _ in range(4 * workers):
                with urllib.request.urlopen(base + path, timeout=30) as response:
                    response.read()
        return {
            name: run_wrk(base + path, seconds, scripts["uncached" if "uncached" in name
                                                         else "cached"])
            for name, path in targets.items()
        }
    finally:
        server.terminate()
        server.wait(timeout=20)


def main(seconds: int = 10, workers: tuple[int, ...] = (1, 2)) -> dict[str, Any]:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: install Debian's wrk (make bench does)")
    folder = Path(tempfile.mkdtemp(prefix="politikbase-bench-web-"))
    try:
        data_dir = sample_data(folder)
        scripts = {"cached": folder / "report.lua", "uncached": folder / "uncached.lua"}
        scripts["cached"].write_text(REPORT_SCRIPT, encoding="utf-8")
        scripts["uncached"].write_text(UNCACHED_SCRIPT, encoding="utf-8")
        result: dict[str, Any] = {"connections": CONNECTIONS, "seconds_per_page": seconds,
                                  "goal_p95_ms": GOAL_P95_MS}
        for count in workers:
            result[f"workers_{count}"] = measure(data_dir, count, seconds, scripts)
        best = result[f"workers_{max(workers)}"]
        result["goal_met"] = all(
            page["latency_ms_p95"] <= GOAL_P95_MS and page["errors"] == 0
            and page["non_2xx"] == 0
            for name, page in best.items() if name != "search_uncached"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
