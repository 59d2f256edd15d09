"""Fuzzing the extractors: whatever the bytes, the only failure is an ExtractionError.

Arbitrary bytes under each format's name, and valid files with bytes overwritten or
cut short (closer to the damaged files a municipality's website really serves).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from politikbase.extract import extract_bytes
from politikbase.models import ExtractionError

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
NAMES = ("fil.pdf", "fil.docx", "fil.html", "fil.txt", "fil.jsonl")

PLAIN = {
    "fil.html": (
        b"<html><head><title>Politik</title></head><body><h1>Klimapolitik</h1>"
        b"<p>Kommunen vil nedbringe udledningen.</p></body></html>"
    ),
    "fil.txt": "Politik for idræt\n\nAlle skal kunne dyrke idræt.".encode(),
    "fil.jsonl": b'{"title": "Politik", "text": "Teksten om politikken."}\n',
}


@pytest.fixture
def valid(make_pdf: Callable[..., bytes], make_docx: Callable[..., bytes]) -> dict[str, bytes]:
    """One small valid file of each format."""
    return {
        **PLAIN,
        "fil.pdf": make_pdf(["Politik for ældre\nDet gode ældreliv i kommunen."], title="Politik"),
        "fil.docx": make_docx([("Heading 1", "Politik for børn"), ("", "Alle børn trives.")]),
    }


def _extract_or_refuse(data: bytes, name: str) -> None:
    try:
        documents = extract_bytes(data, name)
    except ExtractionError as error:
        assert str(error)
        return
    for document in documents:
        assert all(isinstance(page, str) for page in document.pages)


@FUZZ
@given(name=st.sampled_from(NAMES), data=st.binary(max_size=4096))
def test_arbitrary_bytes_fail_only_with_an_extraction_error(name: str, data: bytes) -> None:
    _extract_or_refuse(data, name)


@FUZZ
@given(
    name=st.sampled_from(NAMES),
    damage=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8)), max_size=6),
    keep=st.floats(0.05, 1),
)
def test_damaged_valid_files_fail_only_with_an_extraction_error(
    valid: dict[str, bytes], name: str, damage: list[tuple[float, bytes]], keep: float
) -> None:
    data = bytearray(valid[name])
    for where, replacement in damage:
        start = int(where * (len(data) - 1))
        data[start : start + len(replacement)] = replacement
    _extract_or_refuse(bytes(data[: max(1, int(len(data) * keep))]), name)


@pytest.mark.parametrize("name", NAMES)
def test_the_valid_files_extract(valid: dict[str, bytes], name: str) -> None:
    documents = extract_bytes(valid[name], name)
    text = " ".join(f"{d.title} {' '.join(d.pages)}" for d in documents)
    assert "olitik" in text
