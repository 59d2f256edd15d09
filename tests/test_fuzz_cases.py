"""Inputs the coverage-guided fuzzer found (tests/fuzz_cases/), replayed for good,
and the faults they showed rebuilt from valid files, so each stays understood."""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from politikbase.extract import extract_bytes
from politikbase.models import ExtractionError

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from fuzz_pipeline import check_file_input, check_text_input

CASES = sorted(
    path for path in (Path(__file__).parent / "fuzz_cases").iterdir() if path.name != "README.md"
)


@pytest.mark.parametrize("case", CASES, ids=[path.name[:24] for path in CASES])
def test_a_found_input_breaks_no_rule(case: Path) -> None:
    check = check_file_input if case.name.startswith("files-") else check_text_input
    check(case.read_bytes())


def _damage_member(data: bytes, member: str) -> bytes:
    """The package with the middle of one member's compressed bytes overwritten."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.getinfo(member)
    header_length = 30 + len(info.filename.encode()) + len(info.extra)
    start = info.header_offset + header_length + info.compress_size // 2
    damaged = bytearray(data)
    damaged[start : start + 16] = bytes(range(200, 216))
    return bytes(damaged)


def test_a_word_file_with_broken_compressed_data_is_refused_clearly(
    make_docx: Callable[..., bytes],
) -> None:
    valid = make_docx([("Heading 1", "Politik for børn"), ("", "Alle børn trives. " * 200)])
    damaged = _damage_member(valid, "word/document.xml")
    with pytest.raises(ExtractionError, match="damaged Word"):
        extract_bytes(damaged, "politik.docx")
