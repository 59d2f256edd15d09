"""Search as a user meets it on the sample corpus: facets, filters, versions grouped,
query understanding, typing errors, similar policies, comparison and suggestions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from politikbase.cli import app

runner = CliRunner()


def run(*arguments: str, expect: int = 0) -> str:
    result = runner.invoke(app, list(arguments), catch_exceptions=False)
    assert result.exit_code == expect, result.output
    return result.stdout


@pytest.fixture(scope="module")
def data_dir(
    sample_files: list, tmp_path_factory: pytest.TempPathFactory, register_backend: str
) -> Path:
    data = tmp_path_factory.mktemp("search") / "data"
    run("ingest", *(str(sample.path) for sample in sample_files), "--data-dir", str(data))
    return data


def search(data_dir: Path, *arguments: str) -> dict:
    return json.loads(run("search", *arguments, "--json", "--data-dir", str(data_dir)))


def test_facets_count_policies_and_filter(data_dir: Path) -> None:
    found = search(data_dir, "politik", "--limit", "50")
    facets = found["facets"]
    assert set(facets) == {"organisation", "type", "subject", "status", "year"}
    organisations = {facet["value"]: facet["count"] for facet in facets["organisation"]}
    assert organisations["Fjordby Kommune"] >= 10
    # Versions count once: no facet counts more policies than were found.
    for counts in facets.values():
        assert all(0 < facet["count"] <= found["total"] for facet in counts)
    types = {facet["value"]: facet["count"] for facet in facets["type"]}
    only_strategies = search(data_dir, "politik", "--facet-filter", "type=strategi")
    assert only_strategies["total"] == types["strategi"]
    assert {result["doc_type"] for result in only_strategies["results"]} == {"strategi"}


def test_status_and_year_filters(data_dir: Path) -> None:
    overdue = search(data_dir, "politik", "--facet-filter", "status=overdue", "--limit", "50")
    assert overdue["results"]
    assert [facet["value"] for facet in overdue["facets"]["status"]] == ["overdue"]
    drafts = search(data_dir, "ældrepolitik", "--facet-filter", "status=draft")
    assert [result["title"] for result in drafts["results"]] == [
        "Ældrepolitik 2024-2027 - Høringsudkast"
    ]
    recent = search(data_dir, "politik", "--facet-filter", "year=2022..", "--limit", "50")
    assert recent["results"]
    assert all(result["adopted_date"] >= "2022" for result in recent["results"])


def test_versions_are_one_hit_with_the_adopted_version_first(data_dir: Path) -> None:
    results = search(data_dir, "ældrepolitik")["results"]
    elderly = [result for result in results if result["title"].startswith("Ældrepolitik")]
    assert len(elderly) == 1  # the draft and the adopted policy are versions of one
    assert elderly[0]["is_current"]
    assert "Høringsudkast" not in elderly[0]["title"]
    assert elderly[0]["other_versions"]


def test_a_hit_outside_the_current_version_says_so(data_dir: Path) -> None:
    # Only the hearing draft names the Handicaprådet; the adopted version is not hit.
    printed = run("search", "politik for handicappede", "--data-dir", str(data_dir))
    note = "Fundet i en version, der ikke er politikkens aktuelle."
    assert printed.count(note) == 1
    # Said under the draft's hit, before the next hit begins.
    after_draft = printed[printed.index("Høringsudkast") :]
    next_hit = re.search(r"\n\d+\. ", after_draft)
    assert after_draft.index(note) < (next_hit.start() if next_hit else len(after_draft))


def test_years_in_the_query_become_a_filter(data_dir: Path) -> None:
    found = search(data_dir, "strategi vedtaget efter 2021")
    assert found["understood"]["adopted_from"] == 2022
    assert found["understood"]["text"] == "strategi"
    assert found["results"]
    assert all(result["adopted_date"] >= "2022" for result in found["results"])


def test_an_organisation_in_the_query_is_a_filter_only_when_indexed(data_dir: Path) -> None:
    elsewhere = search(data_dir, "handicappolitik Aarhus")
    assert elsewhere["understood"]["organisations"] == []  # no Aarhus documents here
    assert elsewhere["results"][0]["title"].startswith("Handicappolitik")


def test_typing_errors_and_unfinished_words(data_dir: Path) -> None:
    assert search(data_dir, "handicapolitik")["results"][0]["title"].startswith(
        "Handicappolitik"
    )
    assert search(data_dir, "frivilighedsstrategi")["results"][0]["title"].startswith(
        "Frivillighedsstrategi"
    )
    assert search(data_dir, "digitaliserings")["results"][0]["title"].startswith(
        "Digitaliseringsstrategi"
    )


def test_bad_facet_filter_is_refused(data_dir: Path) -> None:
    result = runner.invoke(
        app, ["search", "x", "--facet-filter", "colour=red", "--data-dir", str(data_dir)]
    )
    assert result.exit_code == 2
    assert "FACET=VALUE" in result.output


def test_similar_flags_versions_and_finds_others(data_dir: Path) -> None:
    found = json.loads(run("search", "ældrepolitik", "--json", "--data-dir", str(data_dir)))
    adopted = next(r for r in found["results"] if r["title"].startswith("Ældrepolitik"))
    similar = json.loads(run("similar", adopted["id"], "--json", "--data-dir", str(data_dir)))
    assert similar["id"] == adopted["id"]
    assert {version["id"] for version in similar["versions"]} >= set(adopted["other_versions"])
    listed = [entry["id"] for entry in similar["versions"] + similar["similar"]]
    assert adopted["id"] not in listed
    assert len(listed) == len(set(listed))


def test_similar_of_unknown_id_fails_clearly(data_dir: Path) -> None:
    result = runner.invoke(app, ["similar", "nope", "--data-dir", str(data_dir)])
    assert result.exit_code == 1


def test_compare_by_name_and_type(data_dir: Path) -> None:
    by_name = json.loads(run("compare", "frivillighedsstrategi", "--as-of", "2025-06-01",
                             "--json", "--data-dir", str(data_dir)))
    assert by_name["matched_by"] == "name"
    [row] = by_name["rows"]
    assert row["organisation"] == "Fjordby Kommune"
    assert row["title"].startswith("Frivillighedsstrategi")
    assert row["age_years"] is not None and row["age_years"] > 2
    by_type = json.loads(run("compare", "strategi", "--as-of", "2025-06-01", "--json",
                             "--data-dir", str(data_dir)))
    assert by_type["matched_by"] == "type"
    assert by_type["rows"] and by_type["rows"][0]["doc_type"] == "strategi"
    nothing = json.loads(run("compare", "kystbeskyttelsesstrategi", "--json",
                             "--data-dir", str(data_dir)))
    assert nothing["rows"] == []


def test_suggest_completes_titles(data_dir: Path) -> None:
    titles = [record["title"] for record in json.loads(
        run("suggest", "hand", "--json", "--data-dir", str(data_dir))
    )]
    assert titles and titles[0].startswith("Handicappolitik")
    assert len(titles) == len(set(titles))
