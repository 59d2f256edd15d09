"""The portal in a real browser (Debian's chromium driven by Playwright): the key
journeys with JavaScript switched off, and axe-core's WCAG 2.1 A/AA checks on every
page type."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from politikbase.service import Service
from politikbase.store.records import DocumentRecord

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("chromium is missing: run `make test` (installs Debian's chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page with JavaScript off: everything essential must work without it."""
    context = browser.new_context(java_script_enabled=False, locale="da-DK",
                                  accept_downloads=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def scripted_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="da-DK")
    yield context.new_page()
    context.close()


def _pdf_policy(service: Service) -> DocumentRecord:
    return next(r for r in service.register.documents()
                if r.format == "pdf" and r.title == "Handicappolitik 2020-2024")


def test_find_a_policy_by_search_and_see_its_evidence(page: Page, portal_url: str) -> None:
    page.goto(portal_url + "/")
    page.get_by_label("Søg i politikkerne").fill("politik for handicappede")
    page.get_by_label("Søg i politikkerne").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Søg i politikkerne")
    first = page.locator("li.resultat").first
    expect(first.locator("mark").first).to_be_visible()
    first.get_by_role("heading").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Handicappolitik 2020-2024")
    expect(page.locator("mark#fundet")).to_be_visible()

    adopted = page.locator(".faktum", has=page.locator("dt", has_text="Vedtaget"))
    evidence = adopted.first.locator("details.kilde").first
    quote = evidence.locator("blockquote")
    expect(quote).to_be_hidden()
    evidence.locator("summary").click()
    expect(quote).to_contain_text("Vedtaget af Kommunalbestyrelsen den 10. december 2019")
    evidence.get_by_role("link", name="Vis stedet i teksten").click()
    anchor = page.url.split("#", 1)[1]
    assert anchor.startswith("t-")
    expect(page.locator(f"[id='{anchor}'] + .bevis")).to_be_in_viewport()


def test_download_the_original(
    page: Page, portal_url: str, service: Service, sample_files: list
) -> None:
    record = _pdf_policy(service)
    page.goto(f"{portal_url}/politik/{record.public_id}")
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Original (PDF)").click()
    download = waiting.value
    assert download.suggested_filename == record.source_name
    original = next(s.path for s in sample_files if s.path.name == record.source_name)
    assert Path(download.path()).read_bytes() == original.read_bytes()


def test_filter_the_register_by_overdue(page: Page, portal_url: str) -> None:
    page.goto(portal_url + "/")
    all_rows = page.locator("table.register tbody tr").count()
    page.get_by_label("Status", exact=True).select_option("overdue")
    page.get_by_role("button", name="Vis").click()
    assert "status=overdue" in page.url
    rows = page.locator("table.register tbody tr")
    assert 0 < rows.count() < all_rows
    badges = page.locator("table.register tbody .status")
    assert set(badges.all_inner_texts()) == {"Revision overskredet"}


def _page_types(service: Service) -> dict[str, str]:
    record = _pdf_policy(service)
    other = next(v for v in service.versions(record) if v.id != record.id)
    return {
        "register": "/?status=overdue",
        "policy": f"/politik/{record.public_id}",
        "page image": f"/politik/{record.public_id}/side/1",
        "diff": f"/politik/{record.public_id}/forskel?fra={other.public_id}&til={record.public_id}",
        "search": "/sog?q=politik+for+handicappede",
        "empty search": "/sog",
        "revision": "/revision",
        "graph": "/graf",
        "compare": "/sammenlign?emne=Handicap",
        "api docs": "/api/docs",
        "not found": "/politik/findes-ikke",
    }


def test_every_page_type_passes_axe(scripted_page: Page, portal_url: str,
                                    service: Service) -> None:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make test` (npm install into .cache/npm)")
    script = AXE.read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    for name, path in _page_types(service).items():
        scripted_page.goto(portal_url + path)
        scripted_page.add_script_tag(content=script)
        result = scripted_page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        assert result["passes"], f"axe checked nothing on {name}"
        problems = [
            f"{violation['id']}: {violation['help']} "
            f"{json.dumps([node['target'] for node in violation['nodes']][:3])}"
            for violation in result["violations"]
        ]
        if problems:
            found[name] = problems
    assert found == {}
