from pathlib import Path

from politikbase.store import NewDocument, Register


def _document(ordinal: int, text: str, external_id: str | None = None) -> NewDocument:
    return NewDocument(
        ordinal=ordinal, kind="document", title=f"Politik {ordinal}", doc_type="politik",
        municipality="Glostrup Kommune", text=text, format="text", end=len(text),
        external_id=external_id,
    )


def test_originals_are_content_addressed(tmp_path: Path) -> None:
    register = Register(tmp_path)
    sha = register.keep_original(b"%PDF-1.7 whatever")
    assert register.keep_original(b"%PDF-1.7 whatever") == sha
    assert register.original(sha) == b"%PDF-1.7 whatever"
    assert len(list((tmp_path / "originals").rglob("*"))) == 2  # one folder, one file


def test_filing_twice_changes_nothing(tmp_path: Path) -> None:
    register = Register(tmp_path)
    sha = register.keep_original(b"abc")
    first = register.file_documents(sha, "a.txt", 3, "text", [_document(0, "Tekst")])
    again = register.file_documents(sha, "a.txt", 3, "text", [_document(0, "Tekst")])
    assert len(first.added) == 1
    assert again.added == [] and again.unchanged == first.added
    assert register.count_documents() == 1


def test_external_id_is_updated_in_place_across_sources(tmp_path: Path) -> None:
    register = Register(tmp_path)
    old = register.keep_original(b"v1")
    new = register.keep_original(b"v2")
    first = register.file_documents(old, "d.jsonl", 2, "jsonl", [_document(0, "A", "x-1")])
    second = register.file_documents(new, "d.jsonl", 2, "jsonl", [_document(0, "B", "x-1")])
    assert second.updated == first.added
    record = register.document("x-1")
    assert record is not None and record.text == "B" and record.source_sha256 == new
    assert register.count_documents() == 1


def test_failure_is_recorded_with_reason(tmp_path: Path) -> None:
    register = Register(tmp_path)
    sha = register.keep_original(b"junk")
    register.record_failure(sha, "junk.pdf", 4, "pdf", "not a PDF file")
    source = register.source(sha)
    assert source is not None
    assert (source.status, source.error) == ("failed", "not a PDF file")
    assert register.original(sha) == b"junk"


def test_lookup_by_unambiguous_prefix(tmp_path: Path) -> None:
    register = Register(tmp_path)
    sha = register.keep_original(b"abc")
    filed = register.file_documents(sha, "a.txt", 3, "text", [_document(0, "x"), _document(1, "y")])
    assert register.document(filed.added[0]) is not None
    assert register.document(filed.added[0][:14]) is not None  # unique prefix
    assert register.document(sha[:12]) is None  # prefix shared by two documents
