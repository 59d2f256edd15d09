"""JSON Lines: one document a line; a bad line is reported and costs nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from politikbase.extract import extract_bytes, extract_file
from politikbase.models import ExtractionError


def record(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_records_become_documents() -> None:
    lines = [
        record(
            id="a1",
            title="Alkoholpolitik",
            text="Politikken er vedtaget i 2018.",
            url="https://www.fjordby.dk/alkohol",
            municipality="Fjordby Kommune",
        ),
        "",
        record(id=7, title="Idrætspolitik", text="Tilskud efter folkeoplysningsloven."),
    ]
    documents = extract_bytes("\n".join(lines).encode(), "politikker.jsonl")
    assert [d.external_id for d in documents] == ["a1", "7"]
    first, second = documents
    assert first.format == "jsonl"
    assert first.title == "Alkoholpolitik"
    assert first.pages == ["Politikken er vedtaget i 2018."]
    assert first.url == "https://www.fjordby.dk/alkohol"
    assert first.municipality == "Fjordby Kommune"
    assert first.source_name == "politikker.jsonl"
    assert second.url is None and second.municipality is None
    assert first.warnings == [] and second.warnings == []


def test_bad_lines_are_reported_with_their_numbers() -> None:
    lines = [
        record(id="a", title="A", text="Første politik."),
        '{"id": "b", "title": "B", "text": "afbrudt',
        "[1, 2, 3]",
        record(id="c", title="C"),
        record(id="d", title="D", text="Fjerde politik."),
    ]
    documents = extract_bytes("\n".join(lines).encode(), "blandet.jsonl")
    assert [d.external_id for d in documents] == ["a", "d"]
    warnings = documents[0].warnings
    assert len(warnings) == 3
    assert warnings[0].startswith("line 2: not valid JSON")
    assert warnings[1].startswith("line 3: a JSON list")
    assert warnings[2].startswith("line 4: no 'text'")
    assert documents[1].warnings == []


def test_record_without_id_is_kept_with_a_warning() -> None:
    [document] = extract_bytes(record(title="Uden id", text="Tekst.").encode(), "x.jsonl")
    assert document.external_id is None
    assert document.warnings == ["record on line 1 has no 'id'"]


def test_record_may_say_its_text_is_clean() -> None:
    data = record(id="r", text="Ren tekst.", needs_repair=False).encode()
    [document] = extract_bytes(data, "ren.jsonl")
    assert document.needs_repair is False


def test_file_without_a_valid_record_fails() -> None:
    with pytest.raises(ExtractionError, match=r"no valid records.*line 1"):
        extract_bytes(b'{"id": 1}\nikke json\n', "daarlig.jsonl")


def test_dev_documents_extract_one_per_line(shared: Path) -> None:
    path = shared / "eval" / "dev" / "docs.jsonl"
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    documents = extract_file(path)
    assert len(documents) == len(lines)
    for document, line in zip(documents, lines, strict=True):
        assert document.external_id == line["id"]
        assert document.title == line["title"]
        assert document.pages == [line["text"]]
        assert document.municipality == line["municipality"]
