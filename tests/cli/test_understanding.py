"""The commands of the register's understanding: analyse, show, correct, due."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from politikbase.cli import app

runner = CliRunner()
CONTRACT_KEYS = {
    "id", "title", "doc_type", "municipality", "adopted_date", "adopted_by", "period",
    "revision_rule", "law_refs", "replaces", "based_on", "related_to", "amounts", "evidence",
}


def run(*arguments: str, stdin: str | None = None, code: int = 0) -> str:
    result = runner.invoke(app, list(arguments), input=stdin, catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.stdout


@pytest.fixture(scope="module")
def data_dir(
    tmp_path_factory: pytest.TempPathFactory, shared: Path, register_backend: str
) -> Path:
    data = tmp_path_factory.mktemp("understanding") / "data"
    run("ingest", str(shared / "corpus" / "seeds"), "--data-dir", str(data))
    return data


def test_analyse_jsonl_gives_one_line_per_input_with_its_id(
    tmp_path: Path, seeds: dict[str, str]
) -> None:
    lines = [
        {"id": "a", "title": "Handicappolitik", "text": seeds["003"]},
        {"id": "b", "title": "Kulturpolitik",
         "text": "Kulturpolitikken er vedtaget af Byrådet den 10. september 2014."},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), "utf-8")
    output = [json.loads(line) for line in run("analyse", "--jsonl", str(source)).splitlines()]
    assert [row["id"] for row in output] == ["a", "b"]
    assert all(row.keys() >= CONTRACT_KEYS for row in output)
    assert output[1]["adopted_date"] == "2014-09-10"
    assert output[1]["adopted_by"] == "byrådet"
    assert output[1]["evidence"]["adopted_date"][0]["text"].startswith("Kulturpolitikken er")


def test_analyse_reads_standard_input_and_files(shared: Path) -> None:
    facts = json.loads(
        run("analyse", "-", "--json", stdin="Idrætspolitik\nVedtaget af Byrådet i maj 2014.\n")
    )
    assert (facts["adopted_date"], facts["adopted_by"]) == ("2014-05", "byrådet")
    seed = next((shared / "corpus" / "seeds").glob("003_*.txt"))
    assert json.loads(run("analyse", str(seed), "--json"))["doc_type"] == "politik"
    assert "politik" in run("analyse", str(seed))


def test_show_json_has_facts_with_evidence_versions_and_relations(data_dir: Path) -> None:
    listed = json.loads(run("list", "--json", "--data-dir", str(data_dir)))
    entry = next(r for r in listed if r["title"] == "Regler om indkøb og udbud")
    shown = json.loads(run("show", entry["id"], "--json", "--data-dir", str(data_dir)))
    facts = {fact["field"]: fact for fact in shown["facts"]}
    assert facts["adopted_date"]["value"] == "2021-08-18"
    evidence = facts["adopted_date"]["evidence"][0]
    assert shown["text"][evidence["start"] : evidence["end"]] == evidence["text"]
    assert shown["municipality"] == "Glostrup Kommune"  # the policy page's organisation
    assert {r["name"] for r in shown["relations"]} >= {"indkøbspolitikken"}
    assert shown["versions"] and any(v["this"] for v in shown["versions"])


def test_show_lists_draft_and_adopted_versions(data_dir: Path) -> None:
    listed = json.loads(run("list", "--json", "--data-dir", str(data_dir)))
    draft = next(r for r in listed if r["title"].startswith("UDKAST: Frederiksbergs"))
    shown = json.loads(run("show", draft["id"], "--json", "--data-dir", str(data_dir)))
    titles = [version["title"] for version in shown["versions"]]
    assert "Frederiksbergs Frivillighedsstrategi" in titles and len(titles) >= 3
    assert "Versioner" in run("show", draft["id"], "--data-dir", str(data_dir))


def test_show_sections_prints_the_tree(data_dir: Path) -> None:
    listed = json.loads(run("list", "--json", "--data-dir", str(data_dir)))
    handicap = next(r for r in listed if r["source"].startswith("003_"))
    tree = json.loads(
        run("show", handicap["id"], "--sections", "--json", "--data-dir", str(data_dir))
    )
    principles = [e for e in tree["enumerations"] if e["stated_count"] == 9]
    assert principles and len(principles[0]["items"]) == 9
    assert "Indsatsområder" in run("show", handicap["id"], "--sections", "--data-dir",
                                   str(data_dir))


def test_correct_then_show_list_and_due_use_the_correction(
    tmp_path: Path, shared: Path
) -> None:
    data = tmp_path / "data"
    seeds = shared / "corpus" / "seeds"
    run("ingest", str(seeds), "--data-dir", str(data))
    listed = json.loads(run("list", "--json", "--data-dir", str(data)))
    entry = next(r for r in listed if r["title"] == "Regler om indkøb og udbud")
    run("correct", entry["id"], "adopted_date", "2010-01-05", "--note", "se referatet",
        "--by", "redaktør", "--data-dir", str(data))
    run("correct", entry["id"], "doc_type", "roman", "--data-dir", str(data), code=2)
    run("ingest", str(seeds), "--data-dir", str(data))
    shown = json.loads(run("show", entry["id"], "--json", "--data-dir", str(data)))
    fact = next(f for f in shown["facts"] if f["field"] == "adopted_date")
    assert (fact["value"], fact["source"]) == ("2010-01-05", "corrected")
    assert fact["correction"]["author"] == "redaktør"
    due = json.loads(run("due", "--as-of", "2024-01-01", "--json", "--data-dir", str(data)))
    row = next(r for r in due if r["id"] == entry["id"])
    assert (row["adopted_date"], row["status"]) == ("2010-01-05", "overdue")


def test_due_lists_oldest_first_with_statuses(data_dir: Path) -> None:
    due = json.loads(run("due", "--as-of", "2024-01-01", "--json", "--data-dir", str(data_dir)))
    dated = [row["due_date"] for row in due if row["due_date"]]
    assert dated == sorted(dated)
    assert {"overdue", "current", "draft"} <= {row["status"] for row in due}
    assert "Revisionskalender" in run("due", "--as-of", "2024-01-01", "--data-dir",
                                      str(data_dir))
    run("due", "--as-of", "1. maj", "--data-dir", str(data_dir), code=2)
