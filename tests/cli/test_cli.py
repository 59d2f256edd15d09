"""The command line, run as a user runs it (in-process through Typer's runner)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from politikbase.cli import app

runner = CliRunner()


def run(*arguments: str, stdin: str | None = None) -> str:
    result = runner.invoke(app, list(arguments), input=stdin, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def data_dir(
    tmp_path_factory: pytest.TempPathFactory, shared: Path, register_backend: str
) -> Path:
    """A register holding the real seeds and a JSONL file with external ids."""
    folder = tmp_path_factory.mktemp("cli")
    records = folder / "records.jsonl"
    records.write_text(
        "\n".join(
            json.dumps(record, ensure_ascii=False)
            for record in (
                {"id": "ext-1", "title": "Røgfri arbejdstid", "municipality": "Aarhus",
                 "text": "Politikken om røgfri arbejdstid gælder alle ansatte i Aarhus Kommune.",
                 "url": "https://example.org/roegfri"},
                {"id": "ext-2", "title": "Idrætspolitik",
                 "text": "Idrætspolitikken styrker foreningslivet og bevægelse for alle."},
            )
        ),
        encoding="utf-8",
    )
    data = folder / "data"
    run("ingest", str(shared / "corpus" / "seeds"), str(records), "--data-dir", str(data))
    return data


def test_ingest_summary_and_idempotence(data_dir: Path, shared: Path) -> None:
    output = run("ingest", str(shared / "corpus" / "seeds"), "--data-dir", str(data_dir))
    assert "0 new" in output and "5 unchanged" in output


def test_search_json_carries_external_ids(data_dir: Path) -> None:
    found = json.loads(run("search", "røgfri", "--json", "--data-dir", str(data_dir)))
    results = found["results"]
    assert found["total"] >= len(results) >= 1
    assert results[0]["id"] == "ext-1"
    assert results[0]["municipality"] == "Aarhus Kommune"
    for key in ("id", "title", "municipality", "score", "snippet"):
        assert key in results[0]
    assert "[[" in results[0]["snippet"]


def test_search_filters(data_dir: Path) -> None:
    results = json.loads(
        run("search", "politik", "--municipality", "glostrup", "--type", "politik", "--json",
            "--limit", "50", "--data-dir", str(data_dir))
    )["results"]
    assert results
    assert {r["municipality"] for r in results} == {"Glostrup Kommune"}
    assert {r["doc_type"] for r in results} == {"politik"}


def test_environment_variable_names_the_data_dir(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLITIKBASE_DATA", str(data_dir))
    listed = json.loads(run("list", "--json"))
    assert len(listed) > 200


def test_show_by_external_id(data_dir: Path) -> None:
    shown = json.loads(run("show", "ext-2", "--json", "--data-dir", str(data_dir)))
    assert shown["title"] == "Idrætspolitik"
    assert shown["text"].startswith("Idrætspolitikken")
    missing = runner.invoke(app, ["show", "no-such-id", "--data-dir", str(data_dir)])
    assert missing.exit_code == 1


def test_export_jsonl_and_csv_hold_every_document(data_dir: Path) -> None:
    listed = json.loads(run("list", "--json", "--data-dir", str(data_dir)))
    lines = run("export", "--format", "jsonl", "--data-dir", str(data_dir)).splitlines()
    assert len(lines) == len(listed)
    assert {json.loads(line)["id"] for line in lines} == {r["id"] for r in listed}
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv",
                                               "--data-dir", str(data_dir)))))
    assert len(rows) == len(listed)


def test_repair_reads_standard_input() -> None:
    assert run("repair", "-", stdin="Det er vig  gt for poli  kken.").strip() == (
        "Det er vigtigt for politikken."
    )


def test_segment_gives_exact_offsets(shared: Path) -> None:
    listing = next((shared / "corpus" / "seeds").glob("000_*.txt"))
    segments = json.loads(run("segment", str(listing), "--json"))
    assert len(segments) == 32
    text = listing.read_text(encoding="utf-8")
    for segment in segments:
        assert text[segment["start"] : segment["end"]] == segment["text"]


def test_failures_lists_reasons(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"\x00\x01 definitely not a pdf" * 10)
    data = tmp_path / "data"
    output = run("ingest", str(junk), "--data-dir", str(data))
    assert "1 failed" in output
    failed = json.loads(run("failures", "--json", "--data-dir", str(data)))
    assert failed[0]["name"] == "junk.pdf" and failed[0]["error"]


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nowhere"), "--data-dir",
                                 str(tmp_path / "d")])
    assert result.exit_code == 2
    assert "No such file" in result.output
