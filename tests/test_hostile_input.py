"""Hostile files cost one file each: bombs and hangs fail with a reason, the batch goes on.

The files are built here: a PDF whose content stream inflates to gigabytes, a PDF whose
objects refer to themselves, a Word file whose document part inflates to hundreds of
megabytes, and a file whose parse never ends.
"""

from __future__ import annotations

import io
import time
import zipfile
import zlib
from pathlib import Path

import pytest

import politikbase.pipeline
from politikbase.ingest import Ingester
from politikbase.limits import LimitedExecutor, LimitExceeded, ParseLimits
from politikbase.service import Service

MEGABYTE = 1024 * 1024
# Tight limits, so that the bombs break them quickly.
TEST_LIMITS = ParseLimits(memory_bytes=384 * MEGABYTE, seconds=30)


def _deflate_of_spaces(megabytes: int) -> bytes:
    """A zlib stream of that many megabytes of spaces, built without compressing them all:
    after a full flush a deflate block does not depend on what came before, so one
    compressed megabyte is repeated."""
    chunk = b" " * MEGABYTE
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(chunk, checksum)
    empty_final_block = b"\x03\x00"
    return b"\x78\xda" + block * megabytes + empty_final_block + checksum.to_bytes(4, "big")


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of numbered objects (1 is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_decompression_bomb(megabytes: int = 2048) -> bytes:
    stream = _deflate_of_spaces(megabytes)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
        + stream + b"\nendstream",
    ])


def pdf_with_cycles() -> bytes:
    """Pages that are their own kids, a page that is its own parent, and an object
    whose value is a reference to itself."""
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Outlines 4 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 3 0 R /Kids [2 0 R] /Contents 4 0 R >>",
        b"4 0 R",
    ])


def docx_bomb(megabytes: int = 480) -> bytes:
    """A Word package whose document part inflates to that many megabytes (under the
    extractor's own declared-size refusal, over the worker's memory)."""
    path_text = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>"
    )
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
        '/package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        '.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr("_rels/.rels", rels)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(path_text)
            word = b"politik " * (MEGABYTE // 8)
            for _ in range(megabytes):
                part.write(word)
            part.write(tail)
    return buffer.getvalue()


@pytest.fixture
def service(tmp_path: Path) -> Service:
    return Service(tmp_path / "data")


def _ingest(service: Service, folder: Path, limits: ParseLimits = TEST_LIMITS) -> dict:
    summary = Ingester(service.register, service.index, limits).ingest([folder])
    return {Path(outcome.path).name: outcome for outcome in summary.outcomes}


def _with_good_files(folder: Path, seeds: dict[str, str]) -> list[str]:
    names = []
    for prefix in ("000", "001"):
        name = f"god-{prefix}.txt"
        (folder / name).write_text(seeds[prefix], encoding="utf-8")
        names.append(name)
    return names


def test_bombs_and_cycles_fail_with_a_reason_and_the_batch_goes_on(
    service: Service, seeds: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "fjendtlig"
    folder.mkdir()
    (folder / "bombe.pdf").write_bytes(pdf_decompression_bomb())
    (folder / "cirkel.pdf").write_bytes(pdf_with_cycles())
    (folder / "bombe.docx").write_bytes(docx_bomb())
    good = _with_good_files(folder, seeds)
    assert (folder / "bombe.pdf").stat().st_size < 4 * MEGABYTE
    assert (folder / "bombe.docx").stat().st_size < 8 * MEGABYTE

    outcomes = _ingest(service, folder)

    for name in ("bombe.pdf", "cirkel.pdf", "bombe.docx"):
        assert outcomes[name].status == "failed", (name, outcomes[name])
        assert outcomes[name].error
    assert "384 MB" in (outcomes["bombe.docx"].error or "")
    for name in good:
        assert outcomes[name].status == "new" and outcomes[name].documents >= 1
    failed = {source.name: source.error for source in service.register.sources("failed")}
    assert set(failed) == {"bombe.pdf", "cirkel.pdf", "bombe.docx"}
    assert service.search("politik", limit=3)


def _sleeping_extract(extract):  # type: ignore[no-untyped-def]
    def extract_or_hang(data: bytes, name: str):  # type: ignore[no-untyped-def]
        if name.endswith(".hang"):
            time.sleep(3600)
        return extract(data, name)

    return extract_or_hang


def test_a_parser_that_hangs_is_stopped_and_the_batch_goes_on(
    service: Service, seeds: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The workers are forks of this process, so they parse with the patched extractor.
    monkeypatch.setattr(
        politikbase.pipeline, "extract_bytes", _sleeping_extract(politikbase.pipeline.extract_bytes)
    )
    folder = tmp_path / "haenger"
    folder.mkdir()
    (folder / "evig.hang").write_bytes(b"Politik der aldrig bliver laest")
    good = _with_good_files(folder, seeds)

    started = time.monotonic()
    limits = ParseLimits(memory_bytes=TEST_LIMITS.memory_bytes, seconds=2)
    outcomes = _ingest(service, folder, limits)

    assert time.monotonic() - started < 60
    assert outcomes["evig.hang"].status == "failed"
    assert outcomes["evig.hang"].error.startswith("took longer than 2 s")  # type: ignore[union-attr]
    for name in good:
        assert outcomes[name].status == "new"


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * MEGABYTE))


def _crash() -> None:
    import os

    os._exit(3)


def test_the_executor_replaces_a_worker_that_broke_a_limit_or_died() -> None:
    executor = LimitedExecutor(1, ParseLimits(memory_bytes=128 * MEGABYTE, seconds=20))
    try:
        assert executor.submit(_allocate, 16).result() == 16 * MEGABYTE
        with pytest.raises(LimitExceeded, match="needed more than 128 MB"):
            executor.submit(_allocate, 512).result()
        with pytest.raises(LimitExceeded, match="exit code 3"):
            executor.submit(_crash).result()
        with pytest.raises(ValueError, match="invalid literal"):
            executor.submit(int, "ikke et tal").result()
        assert executor.submit(_allocate, 16).result() == 16 * MEGABYTE
    finally:
        executor.shutdown()
