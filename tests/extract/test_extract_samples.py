"""The sample corpus: the build script's files all extract with their titles and facts."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from politikbase.extract import extract_file

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "samples"
_SPACE = re.compile(r"\s+")


@pytest.fixture(scope="module")
def build_samples_module() -> ModuleType:
    sys.path.insert(0, str(SAMPLES_DIR))
    try:
        import build_samples
    finally:
        sys.path.remove(str(SAMPLES_DIR))
    return build_samples


@pytest.fixture(scope="module")
def built(build_samples_module: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> list:
    return build_samples_module.build_samples(tmp_path_factory.mktemp("samples"))


def readable(text: str) -> tuple[str, str]:
    """The text on one line, with line-end hyphens joined two ways (word or real hyphen)."""
    joined_word = _SPACE.sub(" ", text.replace("-\n", ""))
    kept_hyphen = _SPACE.sub(" ", text.replace("-\n", "-"))
    return joined_word, kept_hyphen


def test_corpus_has_every_format(built: list) -> None:
    suffixes = Counter(sample.path.suffix for sample in built)
    assert suffixes.keys() == {".pdf", ".docx", ".html", ".txt", ".md", ".jsonl"}
    assert sum(len(sample.documents) for sample in built) >= 15


def test_every_file_extracts_with_its_title_and_facts(built: list) -> None:
    for sample in built:
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


def test_pdfs_are_multi_page_with_running_footer_and_damage(built: list) -> None:
    pdfs = [sample.path for sample in built if sample.path.suffix == ".pdf"]
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


def test_cp1252_sample_is_flagged(built: list) -> None:
    [sample] = [s for s in built if s.path.name == "boerne-og-ungepolitik.txt"]
    [document] = extract_file(sample.path)
    assert "Børne- og ungepolitik" in document.pages[0]
    assert any("cp1252" in warning for warning in document.warnings)


def test_build_is_deterministic(
    build_samples_module: ModuleType, built: list, tmp_path: Path
) -> None:
    again = build_samples_module.build_samples(tmp_path)
    assert [s.path.name for s in again] == [s.path.name for s in built]
    for first, second in zip(built, again, strict=True):
        assert first.path.read_bytes() == second.path.read_bytes(), first.path.name
