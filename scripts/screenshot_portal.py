"""Screenshots of every page type of the web portal, for docs/screenshots/.

Builds the sample corpus into a temporary data directory (or uses --data-dir), serves
the portal on loopback and photographs each page with Debian's chromium.

Usage: python scripts/screenshot_portal.py [--data-dir DIR] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from politikbase.jobs import JobRunner
from politikbase.service import Service
from politikbase.web.server import running_portal

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]
VIEWPORT = {"width": 1280, "height": 900}


def sample_data_dir(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "samples"))
    try:
        from build_samples import build_sample_register
    finally:
        sys.path.pop(0)
    return build_sample_register(folder)


def pages(service: Service) -> dict[str, str]:
    """Page name -> path, picked from the register itself."""
    records = service.register.documents()
    with_pages = [r for r in records if r.format == "pdf" and r.policy_id and r.page_starts]
    policy = max(with_pages or records, key=lambda r: len(r.text))
    versions = service.versions(policy)
    shown = {
        "register": "/",
        "politik": f"/politik/{policy.public_id}",
        "sog": "/sog?q=politik+for+handicappede",
        "revision": "/revision",
        "graf": "/graf",
        "sammenlign": "/sammenlign?emne=Handicap",
        "api": "/api/docs",
    }
    shown["indlaesning"] = f"/indlaesninger/{finished_job(service)}"
    if len(versions) > 1:
        shown["forskel"] = (f"/politik/{policy.public_id}/forskel?"
                            f"fra={versions[0].public_id}&til={versions[-1].public_id}")
    return shown


NEW_POLICY = """Frivillighedspolitik 2025-2028

Frivillighedspolitikken er vedtaget af Byrådet den 4. februar 2025.

Kommunen vil styrke samarbejdet med foreninger og frivillige om fællesskaber for alle.
"""


def finished_job(service: Service) -> str:
    """A job the runner has been through: files already filed, a new one and a broken one."""
    register = service.register
    files = [(source.name, source.sha256) for source in register.sources()[:3]]
    for name, data in (("frivillighedspolitik-2025.txt", NEW_POLICY.encode()),
                       ("beskadiget.pdf", b"%PDF-1.7\n1 0 obj\n<<")):
        files.append((name, register.keep_original(data)))
    job = register.jobs.add_uploads(files)
    JobRunner(service).run(threading.Event(), until_idle=True)
    return job.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="politikbase-shots-") as scratch:
        data_dir = arguments.data_dir or sample_data_dir(Path(scratch))
        shown = pages(Service(data_dir))
        with running_portal(data_dir) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport=VIEWPORT, locale="da-DK")
            for name, path in shown.items():
                page.goto(base + path, wait_until="networkidle")
                target = arguments.out / f"{name}.png"
                page.screenshot(path=str(target), full_page=False)
                print(f"wrote {target}")
            browser.close()


if __name__ == "__main__":
    main()
