"""The JSON API: paging, stable ids, ETags, and the OpenAPI description."""

from __future__ import annotations

from fastapi.testclient import TestClient

from politikbase.service import Service


def test_policies_are_paged_with_links(client: TestClient) -> None:
    everything = client.get("/api/v1/policies", params={"per_page": 200}).json()
    total = everything["total"]
    assert total == len(everything["items"]) > 5
    first = client.get("/api/v1/policies", params={"per_page": 5})
    body = first.json()
    assert len(body["items"]) == 5 and body["page"] == 1 and body["pages"] == -(-total // 5)
    assert body["prev"] is None and "page=2" in body["next"]
    assert 'rel="next"' in first.headers["link"]
    second = client.get(body["next"]).json()
    assert second["page"] == 2 and "page=1" in second["prev"]
    ids = [item["id"] for item in body["items"]] + [item["id"] for item in second["items"]]
    assert len(set(ids)) == 10
    assert ids == [item["id"] for item in everything["items"][:10]]  # stable order
    beyond = client.get("/api/v1/policies", params={"per_page": 5, "page": 999}).json()
    assert beyond["items"] == []
    assert client.get("/api/v1/policies", params={"per_page": 0}).status_code == 422


def test_policies_filter_like_the_register(client: TestClient) -> None:
    overdue = client.get("/api/v1/policies", params={"status": "overdue", "per_page": 200}).json()
    assert overdue["items"] and {item["status"] for item in overdue["items"]} == {"overdue"}
    plans = client.get("/api/v1/policies", params={"type": "plan"}).json()["items"]
    assert plans and {item["doc_type"] for item in plans} == {"plan"}


def test_one_policy_with_facts_versions_and_revision(client: TestClient, service: Service) -> None:
    record = next(r for r in service.register.documents() if r.format == "pdf" and r.policy_id
                  and r.title.startswith("Handicappolitik"))
    body = client.get(f"/api/v1/policies/{record.public_id}").json()
    assert body["id"] == record.public_id and body["text"] == record.text
    adopted = next(fact for fact in body["facts"] if fact["field"] == "adopted_date")
    assert adopted["value"] == "2019-12-10" and adopted["evidence"]
    assert body["revision"]["due_date"]
    versions = client.get(f"/api/v1/policies/{record.public_id}/versions").json()
    assert len(versions) == 2 and sum(v["shown"] for v in versions) == 1
    missing = client.get("/api/v1/policies/findes-ikke")
    assert missing.status_code == 404 and missing.json()["detail"]


def test_search_due_organisations_and_suggestions(client: TestClient) -> None:
    results = client.get("/api/v1/search", params={"q": "politik for handicappede"}).json()
    assert results["results"][0]["title"].startswith("Handicappolitik")
    assert "[[" in results["results"][0]["snippet"]
    assert client.get("/api/v1/search").status_code == 422
    due = client.get("/api/v1/due", params={"as_of": "2020-01-01", "per_page": 200}).json()
    statuses = {item["status"] for item in due["items"]}
    later = client.get("/api/v1/due", params={"as_of": "2030-01-01", "per_page": 200}).json()
    assert "overdue" not in statuses or len(statuses) > 1
    assert sum(i["status"] == "overdue" for i in later["items"]) > sum(
        i["status"] == "overdue" for i in due["items"])
    organisations = client.get("/api/v1/organisations").json()
    fjordby = next(o for o in organisations if o["name"] == "Fjordby Kommune")
    assert fjordby["policies"] > 5 and fjordby["feed"].startswith("/feed.atom?")
    assert "Klimaplan 2021-2025" in client.get("/api/v1/suggest", params={"q": "klim"}).json()


def test_api_answers_have_etags(client: TestClient) -> None:
    first = client.get("/api/v1/policies")
    tag = first.headers["etag"]
    assert client.get("/api/v1/policies", headers={"If-None-Match": tag}).status_code == 304
    assert client.get("/api/v1/policies", headers={"If-None-Match": f'W/{tag}'}).status_code == 304
    other = client.get("/api/v1/policies", params={"per_page": 3})
    assert other.headers["etag"] != tag


def test_openapi_description_and_its_page(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/v1/policies", "/api/v1/policies/{identifier}",
            "/api/v1/policies/{identifier}/versions", "/api/v1/search", "/api/v1/due",
            "/api/v1/organisations"} <= paths
    assert not any(path.startswith(("/politik", "/sog")) for path in paths)
    page = client.get("/api/docs").text
    assert "<code>/api/v1/policies</code>" in page and "per_page" in page


def test_search_api_gives_facets_totals_and_paging(client: TestClient) -> None:
    found = client.get("/api/v1/search", params={"q": "politik", "limit": 3}).json()
    assert found["total"] >= len(found["results"]) == 3
    assert {"organisation", "type", "subject", "status", "year"} <= set(found["facets"])
    later = client.get("/api/v1/search", params={"q": "politik", "limit": 3, "offset": 3}).json()
    assert not {r["id"] for r in found["results"]} & {r["id"] for r in later["results"]}
    drafts = client.get("/api/v1/search", params={"q": "politik", "status": "draft"}).json()
    assert drafts["results"] and all(
        facet["value"] == "draft" for facet in drafts["facets"]["status"]
    )
