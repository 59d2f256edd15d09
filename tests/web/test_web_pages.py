"""Every page of the portal over the sample corpus: what it shows, and what it refuses."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from pathlib import Path
from xml.etree import ElementTree

from fastapi.testclient import TestClient

from politikbase.ingest import Ingester
from politikbase.jobs import JobRunner
from politikbase.service import Service
from politikbase.store.records import DocumentRecord
from politikbase.web import create_app

PDF_POLICY_TITLE = "Handicappolitik 2020-2024"


def _pdf_record(service: Service, title: str = PDF_POLICY_TITLE) -> DocumentRecord:
    return next(r for r in service.register.documents() if r.title == title and r.format == "pdf")


def _badges(html: str) -> list[str]:
    return re.findall(r'class="status status-([a-z_]+)"', html)


def test_register_lists_every_policy_once_with_status_and_due_date(
    client: TestClient, service: Service
) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="da">' in html
    assert 'href="#indhold"' in html and '<main id="indhold"' in html
    table = html.split("<tbody>")[1].split("</tbody>")[0]
    rows = table.count("<tr>")
    policies = {r.policy_id or r.id for r in service.register.documents()}
    assert rows == len(policies)
    assert "Handicappolitik 2020-2024" in table
    assert "2 versioner" in table  # the listing page's entry and the PDF
    assert "10. december 2019" in table


def test_register_filters_by_status_organisation_type_and_subject(client: TestClient) -> None:
    overdue = client.get("/", params={"status": "overdue"}).text
    body = overdue.split("<tbody>")[1]
    assert set(_badges(body)) == {"overdue"}
    planned = client.get("/", params={"type": "plan"}).text.split("<tbody>")[1]
    assert "Klimaplan 2021-2025" in planned and "Handicappolitik" not in planned
    subject = client.get("/", params={"emne": "Handicap"}).text.split("<tbody>")[1]
    assert subject.count("<tr>") == 1 and "Handicappolitik 2020-2024" in subject
    fjordby = client.get("/", params={"organisation": "Fjordby Kommune"}).text
    assert "<h1>Politikker og strategier i Fjordby Kommune</h1>" in fjordby
    assert "Ingen politikker passer" in client.get("/", params={"organisation": "Ingen By"}).text


def test_register_sorts_by_due_date_and_age(client: TestClient) -> None:
    def due_dates(html: str) -> list[str]:
        body = html.split("<tbody>")[1]
        return re.findall(r'aria-sort|<tr>', body)

    by_due = client.get("/", params={"sorter": "revision"}).text
    assert 'aria-sort="ascending"' in by_due
    titles = re.findall(r'<th scope="row"><a href="/politik/[^"]+">([^<]+)</a>', by_due)
    by_name = client.get("/", params={"sorter": "navn"}).text
    named = re.findall(r'<th scope="row"><a href="/politik/[^"]+">([^<]+)</a>', by_name)
    assert named == sorted(named, key=str.casefold)
    assert sorted(titles) == sorted(named) and titles != named
    assert due_dates(by_due)


def test_policy_page_shows_facts_with_their_sentences_and_anchors(
    client: TestClient, service: Service
) -> None:
    record = _pdf_record(service)
    html = client.get(f"/politik/{record.public_id}").text
    assert f"<h1>{PDF_POLICY_TITLE}</h1>" in html
    # adoption: the sentence it came from, marked, and a link to the place in the text
    assert "<mark>Vedtaget af Kommunalbestyrelsen den 10. december 2019</mark>" in html
    anchors = set(re.findall(r'<a href="#(t-\d+)">Vis stedet i teksten</a>', html))
    assert anchors
    for anchor in anchors:
        assert f'<span id="{anchor}"></span>' in html
    assert "Servicelovens § 83" in html
    assert 'id="side-2"' in html  # page marks in the text
    assert "<h2 id=\"indhold-titel\">Indhold</h2>" in html  # sections
    assert f"/politik/{record.public_id}/side/1.png" in html
    assert "Erstatter" in html and "Handicappolitik 2015" in html


def test_policy_page_marks_a_found_passage(client: TestClient, service: Service) -> None:
    record = _pdf_record(service)
    html = client.get(f"/politik/{record.public_id}", params={"fremhaev": "200-260"}).text
    found = re.search(r'<mark class="fundet" id="fundet">(.*?)</mark>', html, re.DOTALL)
    assert found is not None
    assert client.get("/politik/findes-ikke").status_code == 404


def test_downloads_give_the_original_bytes_and_the_repaired_text(
    client: TestClient, service: Service, sample_files: list
) -> None:
    record = _pdf_record(service)
    original = next(s.path for s in sample_files if s.path.name == record.source_name)
    response = client.get(f"/politik/{record.public_id}/original")
    assert response.status_code == 200
    assert response.content == original.read_bytes()
    assert response.headers["content-type"] == "application/pdf"
    assert record.source_name in response.headers["content-disposition"]
    text = client.get(f"/politik/{record.public_id}/tekst.txt")
    assert text.text == record.text


def test_page_images_of_a_pdf(client: TestClient, service: Service) -> None:
    record = _pdf_record(service)
    image = client.get(f"/politik/{record.public_id}/side/1.png")
    assert image.status_code == 200
    assert image.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert client.get(f"/politik/{record.public_id}/side/99.png").status_code == 404
    assert client.get(f"/politik/{record.public_id}/side/2").status_code == 200
    docx = next(r for r in service.register.documents() if r.format == "docx")
    assert client.get(f"/politik/{docx.public_id}/side/1.png").status_code == 404


def test_word_diff_between_two_versions(client: TestClient, service: Service) -> None:
    record = _pdf_record(service)
    versions = service.versions(record)
    assert len(versions) == 2
    other = next(v for v in versions if v.id != record.id)
    response = client.get(
        f"/politik/{record.public_id}/forskel",
        params={"fra": other.public_id, "til": record.public_id},
    )
    assert response.status_code == 200
    assert "<ins>" in response.text and "ord tilføjet" in response.text
    unrelated = next(r for r in service.register.documents() if r.policy_id != record.policy_id)
    assert client.get(
        f"/politik/{record.public_id}/forskel",
        params={"fra": unrelated.public_id, "til": record.public_id},
    ).status_code == 404


def test_search_marks_matches_and_suggests_titles(client: TestClient) -> None:
    html = client.get("/sog", params={"q": "politik for handicappede"}).text
    results = re.findall(r'<li class="resultat">(.*?)</li>', html, re.DOTALL)
    assert results and "Handicappolitik" in results[0]
    assert "<mark>" in results[0]
    assert "fremhaev=" in results[0] and "#fundet" in results[0]
    suggestions = client.get("/sog", params={"q": "klima"}).text
    assert "Titler der passer" in suggestions and "Klimaplan 2021-2025" in suggestions
    empty = client.get("/sog").text
    assert 'id="q"' in empty and '<li class="resultat">' not in empty
    filtered = client.get("/sog", params={"q": "borgere", "type": "plan"}).text
    titles = re.findall(r"<h3><a [^>]+>([^<]+)</a></h3>", filtered)
    assert titles and all("plan" in title.lower() for title in titles)


def test_a_hit_in_a_draft_names_the_policys_current_version(client: TestClient) -> None:
    # Only the hearing draft of the elderly policy speaks of the Handicaprådet: its
    # policy's adopted version does not match, so the draft is the hit shown.
    query = {"q": "politik for handicappede"}
    hits = client.get("/api/v1/search", params=query).json()["results"]
    draft = next(hit for hit in hits if not hit["is_current"])
    assert "Høringsudkast" in draft["title"]
    rows = client.get("/api/v1/policies", params={"per_page": 200}).json()["items"]
    policy = next(row for row in rows if draft["id"] in row["versions"])
    assert policy["id"] != draft["id"]
    items = re.findall(
        r'<li class="resultat">(.*?)</li>', client.get("/sog", params=query).text, re.DOTALL
    )
    shown = {item: "Høringsudkast" in item for item in items}
    note = "anden version end politikkens aktuelle"
    assert all((note in item) == is_draft for item, is_draft in shown.items())
    assert any(f'href="/politik/{policy["id"]}"' in item for item, is_draft in shown.items()
               if is_draft)


def test_revision_dashboard_has_accessible_charts(client: TestClient) -> None:
    html = client.get("/revision").text
    assert html.count('role="img"') == 2
    for chart in ("vedtagelsesaar", "alder"):
        assert f'aria-labelledby="{chart}-titel {chart}-beskrivelse"' in html
        assert f'<title id="{chart}-titel">' in html
    assert "<caption>Vedtagne politikker pr. år</caption>" in html
    assert "over tiden" in html
    assert "2019: " in html  # the description holds the numbers


def test_relation_graph_links_policies(client: TestClient) -> None:
    html = client.get("/graf", params={"organisation": "Fjordby Kommune"}).text
    assert "<svg" in html
    assert re.search(r'xlink:href="/politik/[^"]+"', html)
    assert "erstatter" in html and "Relationerne som liste" in html


def test_exports_hold_every_document(client: TestClient, service: Service) -> None:
    count = service.register.count_documents()
    rows = list(csv.DictReader(io.StringIO(client.get("/eksport.csv").text)))
    assert len(rows) == count
    assert {"id", "title", "status", "due_date"} <= set(rows[0])
    lines = client.get("/eksport.jsonl").text.splitlines()
    assert len(lines) == count
    first = json.loads(lines[0])
    assert "facts" in first and "text" in first
    fjordby = list(csv.DictReader(io.StringIO(
        client.get("/eksport.csv", params={"organisation": "Fjordby Kommune"}).text)))
    assert 0 < len(fjordby) < count
    assert {row["municipality"] for row in fjordby} == {"Fjordby Kommune"}


def test_atom_feed_of_new_and_changed_policies(client: TestClient, service: Service) -> None:
    response = client.get("/feed.atom", params={"organisation": "Fjordby Kommune"})
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    expected = [r for r in service.register.documents() if r.municipality == "Fjordby Kommune"]
    assert len(entries) == len(expected)
    for entry in entries:
        assert entry.find(f"{atom}id").text.startswith("http://testserver/politik/")
        assert entry.find(f"{atom}updated").text.endswith("Z")
        assert entry.find(f"{atom}summary").text.startswith(("Ny:", "Ændret:"))


def test_markup_in_a_document_is_shown_as_text(client: TestClient, service: Service) -> None:
    record = next(r for r in service.register.documents() if r.source_name == "sikker-kode.txt")
    pages = [
        client.get("/").text,
        client.get(f"/politik/{record.public_id}").text,
        client.get("/sog", params={"q": "sikker kode"}).text,
        client.get("/revision").text,
        client.get("/graf").text,
    ]
    for html in pages:
        assert "<script" not in html
        assert "<b>fed</b>" not in html
    policy_page = pages[1]
    assert "&lt;script&gt;alert(&#39;tekst&#39;)&lt;/script&gt;" in policy_page
    assert "&lt;b&gt;fed&lt;/b&gt;" in policy_page
    assert "&lt;script&gt;" in pages[2]  # in the search results


def test_pages_have_etags_and_answer_304(client: TestClient) -> None:
    for path in ("/", "/revision", "/sog?q=klima"):
        first = client.get(path)
        tag = first.headers["etag"]
        again = client.get(path, headers={"If-None-Match": tag})
        assert again.status_code == 304 and again.content == b""
        assert client.get(path, headers={"If-None-Match": '"andet"'}).status_code == 200


def test_compare_lists_each_organisations_policy(client: TestClient) -> None:
    start = client.get("/sammenlign").text
    assert "Handicap" in start and 'id="emne"' in start
    html = client.get("/sammenlign", params={"emne": "Handicap"}).text
    rows = html.split("<tbody>")[1].split("</tbody>")[0]
    assert "Fjordby Kommune" in rows and "Handicappolitik 2020-2024" in rows
    assert "status status-" in rows


def test_policy_page_lists_similar_policies_of_other_organisations(
    client: TestClient, service: Service
) -> None:
    record = _pdf_record(service)
    similar = client.get(f"/api/v1/policies/{record.public_id}/similar").json()
    others = [item for item in similar["similar"] if item["municipality"] != record.municipality]
    assert [v["id"] for v in similar["versions"]]
    assert others  # the sample's documents of unknown organisation count as others
    html = client.get(f"/politik/{record.public_id}").text
    section = html.split('id="lignende-titel"')[1].split("</section>")[0]
    assert others[0]["title"] in section


def test_unknown_pages_are_404_in_danish(client: TestClient) -> None:
    response = client.get("/findes/ikke")
    assert response.status_code == 404
    assert "Siden findes ikke." in response.text


def test_pages_follow_a_change_of_the_register(tmp_path: Path, hostile_text: str) -> None:
    folder = tmp_path / "filer"
    folder.mkdir()
    (folder / "kode.txt").write_text(hostile_text, encoding="utf-8")
    service = Service(tmp_path / "data")
    Ingester(service.register, service.index).ingest([folder], jobs=1)
    record = service.register.documents()[0]
    with TestClient(create_app(tmp_path / "data")) as fresh:
        before = fresh.get("/")
        assert "Kodepolitik for alle" not in before.text
        assert fresh.get("/").headers["etag"] == before.headers["etag"]  # kept
        service.correct(record.public_id, "title", "Kodepolitik for alle", author="test")
        after = fresh.get("/", headers={"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200 and "Kodepolitik for alle" in after.text
        assert "Kodepolitik for alle" in fresh.get(f"/politik/{record.public_id}").text


def test_search_offers_facets_that_filter_without_javascript(client: TestClient) -> None:
    html = client.get("/sog", params={"q": "politik"}).text
    assert 'aria-labelledby="facetter-titel"' in html
    for title in ("Organisation", "Type", "Status", "Vedtaget år"):
        assert f">{title}</h3>" in html
    overdue_link = re.search(r'href="(/sog\?[^"]*status=overdue[^"]*)"', html)
    assert overdue_link is not None
    filtered = client.get(overdue_link.group(1).replace("&amp;", "&")).text
    assert "Fjern »Revision overskredet«" in filtered
    assert "Gældende</a>" not in filtered


def test_search_reads_years_from_the_query_and_can_search_literally(client: TestClient) -> None:
    html = client.get("/sog", params={"q": "strategi vedtaget efter 2021"}).text
    assert "vedtaget fra 2022" in html
    assert "bogstaveligt=1" in html


def test_files_uploaded_through_the_form_become_a_job_with_its_own_page(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    text = "Kulturpolitik for Fjordby Kommune\n\nPolitikken er vedtaget af Byrådet i 2021."
    with TestClient(create_app(data_dir), client=("127.0.0.1", 41000)) as local:
        page = local.get("/indlaesninger")
        assert page.status_code == 200 and "Der er ikke indlæst noget endnu" in page.text
        sent = local.post("/indlaesninger", files=[("filer", ("kultur.txt", text.encode()))],
                          follow_redirects=False)
        assert sent.status_code == 303
        job_url = sent.headers["location"]
        waiting = local.get(job_url)
        assert "Venter: 0 af 1 filer er læst" in waiting.text and "kultur.txt" in waiting.text
        JobRunner(Service(data_dir)).run(threading.Event(), until_idle=True)
        done = local.get(job_url)
        assert "Færdig: 1 af 1 filer er læst" in done.text and ">Ny<" in done.text
        assert "1 indlæsning" in local.get("/indlaesninger").text
        forged = local.post("/indlaesninger", files=[("filer", ("x.txt", b"Politik"))],
                            headers={"Origin": "https://andet.example"})
        assert forged.status_code == 403 and "anden side" in forged.text
        assert local.get("/indlaesninger/findes-ikke").status_code == 404
    with TestClient(create_app(data_dir), client=("198.51.100.3", 41000)) as remote:
        refused = remote.post("/indlaesninger", files=[("filer", ("x.txt", b"Politik"))])
        assert refused.status_code == 403 and "kun åben fra denne maskine" in refused.text


def test_a_job_can_be_stopped_from_its_page(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with TestClient(create_app(data_dir), client=("127.0.0.1", 41000)) as local:
        sent = local.post("/indlaesninger", files=[("filer", ("a.txt", b"Politik for alt"))],
                          follow_redirects=False)
        job_url = sent.headers["location"]
        assert "Stop indlæsningen" in local.get(job_url).text
        forged = local.post(f"{job_url}/stop", headers={"Origin": "https://andet.example"})
        assert forged.status_code == 403 and "Venter" in forged.text
        stopped = local.post(f"{job_url}/stop", follow_redirects=False)
        assert stopped.status_code == 303
        page = local.get(job_url).text
        assert "Stoppet: 0 af 1 filer er læst" in page and "Stop indlæsningen" not in page
