"""One file through extract → repair → segment → analyse, on the sample corpus."""

from __future__ import annotations

from politikbase.pipeline import process_source


def _process(sample_files: list, name: str):
    [sample] = [s for s in sample_files if s.path.name == name]
    return process_source(sample.path.read_bytes(), sample.path.name)


def test_listing_page_becomes_one_document_per_entry(sample_files: list) -> None:
    processed = _process(sample_files, "politikker-og-strategier.html")
    titles = [document.title for document in processed.documents]
    assert len(titles) >= 10
    assert "Handicappolitik 2020-2024" in titles
    assert {document.kind for document in processed.documents} == {"entry"}
    assert {document.municipality for document in processed.documents} == {"Fjordby Kommune"}
    assert [d.ordinal for d in processed.documents] == list(range(len(titles)))


def test_jsonl_records_keep_their_ids_and_are_not_cut(sample_files: list) -> None:
    processed = _process(sample_files, "korte-politikker.jsonl")
    assert processed.format == "jsonl"
    assert all(document.external_id for document in processed.documents)
    assert len({d.external_id for d in processed.documents}) == len(processed.documents)
    assert all(document.kind == "document" for document in processed.documents)


def test_pdf_keeps_pages_and_facts(sample_files: list) -> None:
    processed = _process(sample_files, "handicappolitik-2020-2024.pdf")
    [document] = processed.documents
    assert document.title.startswith("Handicappolitik")
    assert len(document.page_starts) >= 2 and document.page_starts[0] == 0
    assert document.page_starts == sorted(document.page_starts)
    facts = document.facts
    assert facts["adopted_by"] == "kommunalbestyrelsen"
    assert facts["adopted_date"] == "2019-12-10"
    for field, spans in facts["evidence"].items():
        for span in spans:
            assert document.text[span["start"] : span["end"]] == span["text"], field


def test_word_file_title_and_type(sample_files: list) -> None:
    processed = _process(sample_files, "frivillighedsstrategi-2022-2025.docx")
    [document] = processed.documents
    assert document.doc_type == "strategi"
    assert "Frivillighedsstrategi" in document.title


def test_same_bytes_give_the_same_documents(sample_files: list) -> None:
    first = _process(sample_files, "klimaplan-2021-2025.pdf")
    again = _process(sample_files, "klimaplan-2021-2025.pdf")
    assert first == again
