"""The portal in a real browser: axe-core's WCAG 2.1 A/AA checks on every page type and
the key journeys, timed, on the sample corpus.

Debian's chromium is driven by Playwright (never a browser download); axe-core comes
from npm (`make test` installs it into `.cache/npm`). The journeys run with
JavaScript switched off, as the portal must work without it: find a policy by
search and open it, see a fact's evidence and jump to it in the text, download the
original file, filter the register by "overdue".

Usage: python benchmarks/eval_portal.py   (prints JSON)
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

from bench_web import sample_data
from politikbase.service import Service
from politikbase.web.server import running_portal

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
JOURNEY_REPETITIONS = 3


def page_types(service: Service) -> dict[str, str]:
    records = service.register.documents()
    policy = max((r for r in records if r.format == "pdf"), key=lambda r: len(r.text))
    other = next((v for v in service.versions(policy) if v.id != policy.id), policy)
    # A job waiting for the runner (none runs here), so the job page has files to show.
    sources = service.register.sources()[:3]
    job = service.register.jobs.add_uploads([(s.name, s.sha256) for s in sources])
    return {
        "register": "/?status=overdue",
        "policy": f"/politik/{policy.public_id}",
        "page image": f"/politik/{policy.public_id}/side/1",
        "diff": f"/politik/{policy.public_id}/forskel?fra={other.public_id}&til={policy.public_id}",
        "search": "/sog?q=politik+for+handicappede",
        "search, filtered": "/sog?q=politik&status=overdue",
        "empty search": "/sog",
        "revision": "/revision",
        "graph": "/graf",
        "compare": "/sammenlign?emne=Handicap",
        "uploads": "/indlaesninger",
        "upload job": f"/indlaesninger/{job.id}",
        "api docs": "/api/docs",
        "not found": "/politik/findes-ikke",
    }


def axe_checks(browser: Browser, base: str, pages: dict[str, str]) -> dict[str, Any]:
    script = AXE.read_text(encoding="utf-8")
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    results: dict[str, Any] = {}
    for name, path in pages.items():
        page.goto(base + path)
        page.add_script_tag(content=script)
        found = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        results[name] = {
            "violations": sum(len(v["nodes"]) for v in found["violations"]),
            "rules_violated": sorted(v["id"] for v in found["violations"]),
            "rules_passed": len(found["passes"]),
        }
    context.close()
    return results


def find_and_see_evidence(page: Page, base: str) -> None:
    page.goto(base + "/")
    page.get_by_label("Søg i politikkerne").fill("politik for handicappede")
    page.get_by_label("Søg i politikkerne").press("Enter")
    page.locator("li.resultat").first.get_by_role("heading").get_by_role("link").click()
    page.locator("mark#fundet").wait_for()
    adopted = page.locator(".faktum", has=page.locator("dt", has_text="Vedtaget"))
    evidence = adopted.first.locator("details.kilde").first
    evidence.locator("summary").click()
    evidence.get_by_role("link", name="Vis stedet i teksten").click()
    anchor = page.url.split("#", 1)[1]
    page.locator(f"[id='{anchor}']").wait_for(state="attached")


def download_original(page: Page, base: str) -> None:
    page.goto(base + "/sog?q=handicappolitik")
    page.locator("li.resultat").first.get_by_role("heading").get_by_role("link").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Original (").first.click()
    if download.value.path() is None:
        raise RuntimeError("no file downloaded")


def filter_register_by_overdue(page: Page, base: str) -> None:
    page.goto(base + "/")
    page.get_by_label("Status", exact=True).select_option("overdue")
    page.get_by_role("button", name="Vis").click()
    if "status=overdue" not in page.url:
        raise RuntimeError("the filter did not apply")


JOURNEYS: dict[str, Callable[[Page, str], None]] = {
    "find a policy by search, open it, see its evidence": find_and_see_evidence,
    "download the original": download_original,
    "filter the register by overdue": filter_register_by_overdue,
}


def journeys(browser: Browser, base: str) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name, journey in JOURNEYS.items():
        times: list[float] = []
        error = None
        for _ in range(JOURNEY_REPETITIONS):
            context = browser.new_context(java_script_enabled=False, locale="da-DK",
                                          accept_downloads=True)
            page = context.new_page()
            started = time.perf_counter()
            try:
                journey(page, base)
                times.append(time.perf_counter() - started)
            except Exception as failure:  # a failed journey is a figure, not a crash
                error = f"{type(failure).__name__}: {failure}"[:300]
            finally:
                context.close()
        results[name] = {
            "passed": error is None,
            "median_ms": round(1000 * statistics.median(times)) if times else None,
            "error": error,
        }
    return results


def main() -> dict[str, Any]:
    if not CHROMIUM.exists() or not AXE.exists():
        raise SystemExit("needs Debian's chromium and axe-core in .cache/npm (make test)")
    with tempfile.TemporaryDirectory() as folder:
        data_dir = sample_data(Path(folder))
        pages = page_types(Service(data_dir))
        with running_portal(data_dir) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
            )
            checked = axe_checks(browser, base, pages)
            walked = journeys(browser, base)
            browser.close()
    result = {
        "axe_page_types": len(checked),
        "axe_violations": sum(page["violations"] for page in checked.values()),
        "axe_rules_passed_min": min(page["rules_passed"] for page in checked.values()),
        "journeys": len(walked),
        "journeys_passed": sum(1 for journey in walked.values() if journey["passed"]),
        "axe": checked,
        "journey_results": walked,
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return result


if __name__ == "__main__":
    main()
