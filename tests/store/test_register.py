from pathlib import Path

from politikbase.store import NewDocument, Register
from politikbase.store.records import RelationRecord


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


def test_linking_records_carry_corrections_and_text_only_without_signature(
    tmp_path: Path,
) -> None:
    register = Register(tmp_path)
    sha = register.keep_original(b"abc")
    signed = _document(0, "Politikken gælder for alle ansatte.")
    signed.text_signature = b"\x01" * 256
    signed.facts = {"replaces": ["Ældrepolitik 2015"], "evidence": {"replaces": [{"text": "x"}]}}
    unsigned = _document(1, "En tekst uden signatur.")
    filed = register.file_documents(sha, "a.txt", 3, "text", [signed, unsigned])
    register.correct(filed.added[0], "replaces", ["Ældrepolitik 2017"], author="redaktør")
    first, second = register.linking_records()
    assert first.facts["replaces"] == ["Ældrepolitik 2017"]
    assert first.corrected_fields == {"replaces"}
    assert first.extracted_evidence == {"replaces": [{"text": "x"}]}
    assert (first.text, first.text_signature) == ("", b"\x01" * 256)
    assert (second.text, second.text_signature) == ("En tekst uden signatur.", None)


def test_set_links_replaces_the_groups_and_relations(tmp_path: Path) -> None:
    register = Register(tmp_path)
    sha = register.keep_original(b"abc")
    ids = register.file_documents(
        sha, "a.txt", 3, "text", [_document(0, "x"), _document(1, "y"), _document(2, "z")]
    ).added
    register.set_links({ids[0]: ids[0], ids[1]: ids[0], ids[2]: ids[2]}, {})
    register.set_links(
        {ids[0]: ids[0], ids[1]: ids[1]},
        {ids[1]: [RelationRecord("replaces", "Politik 0", ids[0], None, None)]},
    )
    policies = {record.id: record.policy_id for record in register.iter_documents()}
    assert policies == {ids[0]: ids[0], ids[1]: ids[1], ids[2]: None}
    assert register.replaced_ids() == {ids[0]}
    assert [r.target_id for r in register.relations(ids[1])] == [ids[0]]


def test_refiling_a_source_updates_adds_and_removes(tmp_path: Path) -> None:
    register = Register(tmp_path)
    sha = register.keep_original(b"abc")
    first = register.file_documents(sha, "a.txt", 3, "text", [_document(0, "x"), _document(1, "y")])
    again = register.file_documents(sha, "a.txt", 3, "text", [_document(0, "z"), _document(2, "w")])
    assert again.updated == first.added[:1] and again.removed == first.added[1:]
    assert [filed.text for filed in again.filed] == ["z", "w"]
    assert sorted(record.text for record in register.iter_documents()) == ["w", "z"]


def test_records_of_a_new_file_are_what_reading_them_back_gives(tmp_path: Path) -> None:
    register = Register(tmp_path)
    sha = register.keep_original(b"abc")
    document = _document(0, "Politikken gælder alle.")
    document.facts = {"title": "Politik 0", "evidence": {"title": [{"text": "Politik 0"}]}}
    document.page_starts, document.headings = [0, 12], ["Politik 0"]
    filed = register.file_documents(sha, "a.txt", 3, "text", [document, _document(1, "y")])
    assert sorted(filed.records) == sorted(filed.added)
    assert filed.records == register.documents_by_ids(filed.added)


def test_documents_without_an_organisation_are_listed_first(tmp_path: Path) -> None:
    # The same order on SQLite and PostgreSQL, which sort missing values differently.
    register = Register(tmp_path)
    documents = [_document(0, "Kommunens tekst."), _document(1, "Tekst uden afsender.")]
    documents[1].municipality = None
    register.file_documents("c" * 64, "to.txt", 20, "txt", documents)
    assert [record.municipality for record in register.documents()] == [
        None, documents[0].municipality,
    ]
    register.close()
