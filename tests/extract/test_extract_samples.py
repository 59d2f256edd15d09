"""The sample corpus: the build script's files all extract with their titles and facts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from politikbase.extract import extract_file

_SPACE = re.compile(r"\s+")


def readable(text: str) -> tuple[str, str]:
    """The text on one line, with line-end hyphens joined two ways (word or real hyphen)."""
    joined_word = _SPACE.sub(" ", text.replace("-\n", ""))
    kept_hyphen = _SPACE.sub(" ", text.replace("-\n", "-"))
    return joined_word, kept_hyphen


def test_corpus_has_every_format(sample_files: list) -> None:
    suffixes = Counter(sample.path.suffix for sample in sample_files)
    assert suffixes.keys() == {".pdf", ".docx", ".html", ".txt", ".md", ".jsonl"}
    assert sum(len(sample.documents) for sample in sample_files) >= 15


def test_every_file_extracts_with_its_title_and_facts(sample_files: list) -> None:
    for sample in sample_files:
        documents = extract_file(sample.path)
        assert len(documents) == len(sample.documents), sample.path.name
        for document, expected in zip(documents, sample.documents, strict=True):
            assert document.warnings == [] or sample.path.suffix == ".txt", sample.path.name
            assert document.title == expected.title, sample.path.name
            assert document.external_id == expected.external_id
            text = "\n".join(document.pages)
            variants = readable(text)
            for phrase in expected.phrases:
                assert any(phrase in variant for variant in variants), (sample.path.name, phrase)


def test_pdfs_are_multi_page_with_running_footer_and_damage(sample_files: list) -> None:
    pdfs = [sample.path for sample in sample_files if sample.path.suffix == ".pdf"]
    damaged = 0
    for path in pdfs:
        [document] = extract_file(path)
        count = len(document.pages)
        assert 2 <= count <= 8, path.name
        assert f"Side {count} af {count}" in document.pages[-1]
        # Line-end hyphenation as in real print PDFs.
        assert re.search(r"\w-\n\w", "\n".join(document.pages)), path.name
        # "til" without its "ti" ligature, as real damaged PDFs show it.
        damaged += " l " in " ".join(document.pages)
    assert damaged >= 3


def test_cp1252_sample_is_flagged(sample_files: list) -> None:
    [sample] = [s for s in sample_files if s.path.name == "boerne-og-ungepolitik.txt"]
    [document] = extract_file(sample.path)
    assert "Børne- og ungepolitik" in document.pages[0]
    assert any("cp1252" in warning for warning in document.warnings)


def test_build_is_deterministic(
    sample_builder: Callable[[Path], list], sample_files: list, tmp_path: Path
) -> None:
    again = sample_builder(tmp_path)
    assert [s.path.name for s in again] == [s.path.name for s in sample_files]
    for first, second in zip(sample_files, again, strict=True):
        assert first.path.read_bytes() == second.path.read_bytes(), first.path.name
