"""Hostile files cost one file each: bombs and hangs fail with a reason, the batch goes on.

The bombs and the self-referring PDF come from `hostile_files`; the file whose parse
never ends is made here, by a parser that sleeps.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import politikbase.pipeline
from hostile_files import MEGABYTE, docx_bomb, pdf_decompression_bomb, pdf_with_cycles
from politikbase.ingest import Ingester
from politikbase.limits import LimitedExecutor, LimitExceeded, ParseLimits
from politikbase.service import Service

# Tight limits, so that the bombs break them quickly.
TEST_LIMITS = ParseLimits(memory_bytes=384 * MEGABYTE, seconds=30)


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
