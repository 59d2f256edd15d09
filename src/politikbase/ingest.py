"""Ingest files into the register and the index.

For each file: keep the original, skip bytes already filed, run the pure pipeline
(optionally in worker processes), file the documents in one transaction, and
update the index. A file that fails is recorded with its reason; the batch goes on.
When the batch changed the register, its policies and relations are linked anew.

Files are parsed in worker processes bounded in memory and time (`limits`), so a
hostile file fails alone. A batch killed at any point is finished by the next one:
the register's transactions are whole, the index is first brought in line with the
register (what was filed but not indexed is indexed), and a marker beside the index,
written before the first filing and removed once links are synced, makes the next
batch link even when every file it sees is already filed.
"""

from __future__ import annotations

import functools
import gc
import os
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from politikbase.check import compare_index, repair_index
from politikbase.files import write_atomically
from politikbase.index import SearchIndex
from politikbase.index.prepare import PreparedDocument
from politikbase.indexing import index_document, sync_links
from politikbase.limits import LimitedExecutor, ParseLimits, limited_call
from politikbase.link import link_register
from politikbase.models import ExtractionError
from politikbase.pipeline import ProcessedSource, process_source
from politikbase.store import Register
from politikbase.store.blobs import sha256_of

# Files larger than this are refused before reading: they are not policy documents,
# and reading them whole would risk the machine's memory.
MAX_FILE_BYTES = 512 * 1024 * 1024
# Commit the index every so many files, so a long batch shows results early and a
# crash loses little index work (the register is the truth; `reindex` rebuilds).
INDEX_COMMIT_EVERY = 200
# Index analyses kept through a batch, so documents that linking re-indexes are not
# analysed twice (about 100 kB each for a 20-page document).
KEPT_PREPARED_DOCUMENTS = 2000
DEFAULT_LIMITS = ParseLimits()
# Beside the index: present while the register holds filings not yet linked and synced.
LINKING_PENDING_FILE = "linking.pending"


# Files up to this size travel to the executor's workers as bytes, so workers on other
# machines need no shared storage; larger ones are sent as paths the workers must read.
MAX_SENT_BYTES = 64 * 1024 * 1024

# A worker process costs about a second to start (imports, the lexicon), so small
# batches run in the calling process.
FILES_PER_WORKER_START = 20


def default_jobs(file_count: int) -> int:
    """Worker processes for a batch: one per core when the batch is large enough."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, file_count // FILES_PER_WORKER_START))


@dataclass(slots=True)
class FileOutcome:
    path: str
    status: str  # "new" | "updated" | "unchanged" | "failed"
    sha256: str | None = None
    documents: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class IngestSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def failures(self) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and files inside folders named (recursively, hidden ones skipped)."""
    for path in paths:
        if path.is_dir():
            for root, folders, files in os.walk(path):
                folders[:] = sorted(f for f in folders if not f.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def _process_path(path: str) -> ProcessedSource:
    """Worker entry point: read and process one file (raises ExtractionError)."""
    return process_source(Path(path).read_bytes(), Path(path).name)


def _submit(
    executor: Executor, path: Path, size: int, limits: ParseLimits | None
) -> Future[ProcessedSource]:
    """Send a file to another executor's workers (a Dask cluster's), where it is parsed
    under `limits` in a process of its own, as it is here."""
    function, args = (
        (process_source, (path.read_bytes(), path.name)) if size <= MAX_SENT_BYTES
        else (_process_path, (str(path),))
    )
    if limits is None:
        return executor.submit(function, *args)
    return executor.submit(limited_call, limits, function, *args)


@functools.cache
def _warm_pipeline() -> None:
    """Load what the pipeline loads on first use (the lexicon), once in the parent, so
    every forked worker starts with it."""
    process_source(b"Politik for ingenting\n\nDenne tekst varmer op.", "opvarmning.txt")


def _describe(error: BaseException) -> str:
    if isinstance(error, ExtractionError):
        return str(error)
    return f"internal error while processing the file ({type(error).__name__}: {error})"


class Ingester:
    def __init__(
        self, register: Register, index: SearchIndex,
        limits: ParseLimits | None = DEFAULT_LIMITS,
    ) -> None:
        """`limits` bound each file's parse in a worker; None parses a batch run with
        one job in the calling process (for input that is trusted)."""
        self.register = register
        self.index = index
        self.limits = limits
        self._pending_marker = Path(index.path) / LINKING_PENDING_FILE
        self._uncommitted = 0
        self._removed = False
        self._fresh: list[str] = []  # indexed as policies of their own, not yet synced
        # Their index analysis, kept for re-indexing after linking (the newest only).
        self._prepared: OrderedDict[str, PreparedDocument] = OrderedDict()

    def ingest(
        self, paths: Iterable[Path], *, jobs: int = 1, retry_failed: bool = False,
        on_file: Callable[[FileOutcome], None] | None = None,
        executor: Executor | None = None,
    ) -> IngestSummary:
        """Ingest files; `executor` (a Dask client's, say) replaces the local process pool,
        and `jobs` is then the number of tasks it runs at once."""
        # What was alive before the batch (modules, compiled patterns, the repair's
        # memory) is kept out of the collector's full passes while the batch runs:
        # walking it again costs a tenth of a second a time and frees nothing. It is
        # handed back to the collector when the batch ends.
        gc.freeze()
        try:
            return self._ingest(paths, jobs, retry_failed, on_file, executor)
        finally:
            gc.unfreeze()

    def _ingest(
        self, paths: Iterable[Path], jobs: int, retry_failed: bool,
        on_file: Callable[[FileOutcome], None] | None, given: Executor | None,
    ) -> IngestSummary:
        summary = IngestSummary()
        files = list(iter_files(paths))
        relink = self._finish_interrupted_batch()
        executor: Executor | None = given or self._local_executor(jobs)
        jobs = max(jobs, 1)
        pending: list[tuple[Path, str, int, Future[ProcessedSource] | None]] = []
        try:
            for path in files:
                outcome, prepared = self._prepare(path, retry_failed)
                if outcome is not None:
                    self._finish(summary, outcome, on_file)
                    continue
                assert prepared is not None
                sha256, size = prepared
                future = None
                if executor is given and given is not None:
                    future = _submit(given, path, size, self.limits)
                elif executor is not None:
                    future = executor.submit(_process_path, str(path))
                pending.append((path, sha256, size, future))
                # Keep a bounded window of work in flight, in file order.
                while pending and (executor is None or len(pending) > jobs * 2):
                    self._finish(summary, self._file(*pending.pop(0)), on_file)
            while pending:
                self._finish(summary, self._file(*pending.pop(0)), on_file)
        finally:
            if executor is not None and executor is not given:
                executor.shutdown(cancel_futures=True)
            for *_, future in pending:
                if future is not None:
                    future.cancel()
            self.index.commit()
        if relink or summary.count("new") or summary.count("updated") or self._removed:
            self._mark_linking_pending()
            link_register(self.register)
            sync_links(self.register, self.index, self._fresh, self._prepared)
            self._fresh.clear()
            self._prepared.clear()
            self._pending_marker.unlink(missing_ok=True)
        return summary

    def _local_executor(self, jobs: int) -> Executor | None:
        if self.limits is not None:
            _warm_pipeline()
            return LimitedExecutor(jobs, self.limits)
        return ProcessPoolExecutor(jobs) if jobs > 1 else None

    def _finish_interrupted_batch(self) -> bool:
        """Bring the index in line with the register (a batch killed between filing
        and committing the index left documents out of it); True when an earlier
        batch filed documents it did not link."""
        report = compare_index(self.register, self.index)
        if not report.index_agrees:
            repair_index(self.register, self.index, report)
        return self._pending_marker.exists()

    def _mark_linking_pending(self) -> None:
        if self._pending_marker.exists():
            return
        write_atomically(self._pending_marker, b"filed documents are waiting to be linked\n")

    def _finish(
        self, summary: IngestSummary, outcome: FileOutcome,
        on_file: Callable[[FileOutcome], None] | None,
    ) -> None:
        summary.outcomes.append(outcome)
        if on_file:
            on_file(outcome)

    def _prepare(
        self, path: Path, retry_failed: bool
    ) -> tuple[FileOutcome | None, tuple[str, int] | None]:
        """Keep the original; say "unchanged" for bytes already filed."""
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                return FileOutcome(
                    str(path), "failed",
                    error=f"file too large ({size:,} bytes; limit {MAX_FILE_BYTES:,})",
                ), None
            data = path.read_bytes()
        except OSError as error:
            return FileOutcome(str(path), "failed", error=f"cannot read file: {error}"), None
        sha256 = sha256_of(data)
        known = self.register.source(sha256)
        if known is not None and (known.status == "ok" or not retry_failed):
            return FileOutcome(
                str(path), "unchanged", sha256=sha256, documents=known.document_count,
                error=known.error,
            ), None
        self.register.keep_original(data)
        return None, (sha256, size)

    def _file(
        self, path: Path, sha256: str, size: int, future: Future[ProcessedSource] | None
    ) -> FileOutcome:
        try:
            processed = future.result() if future else _process_path(str(path))
        except Exception as error:
            reason = _describe(error)
            self.register.record_failure(sha256, path.name, size, None, reason)
            return FileOutcome(str(path), "failed", sha256=sha256, error=reason)
        self._mark_linking_pending()
        filing = self.register.file_documents(
            sha256, path.name, size, processed.format, processed.documents, processed.warnings
        )
        for removed in filing.removed:
            self.index.delete(removed)
            self._removed = True
        prepared = {
            document.ordinal: analysis
            for document, analysis in zip(processed.documents, processed.prepared, strict=False)
        }
        records = dict(filing.records)
        unknown = [filed.id for filed in filing.filed if filed.id not in records]
        if unknown:
            records.update(self.register.documents_by_ids(unknown))
        for filed in filing.filed:
            record = records.get(filed.id)
            analysis = prepared.get(filed.ordinal)
            self.index.add(index_document(record or filed), analysis)
            self._fresh.append(filed.id)
            if analysis is not None:
                self._prepared[filed.id] = analysis
                if len(self._prepared) > KEPT_PREPARED_DOCUMENTS:
                    self._prepared.popitem(last=False)
        self._uncommitted += 1
        if self._uncommitted >= INDEX_COMMIT_EVERY:
            self.index.commit()
            self._uncommitted = 0
        status = "updated" if filing.updated and not filing.added else "new"
        if not filing.added and not filing.updated:
            status = "unchanged"
        return FileOutcome(
            str(path), status, sha256=sha256, documents=len(processed.documents),
            warnings=processed.warnings,
        )


def reindex(register: Register, index: SearchIndex) -> int:
    """Rebuild the index from the register (the register is the truth)."""
    index.clear()
    count = 0
    fresh: list[str] = []
    for record in register.iter_documents():
        index.add(index_document(record))
        fresh.append(record.id)
        count += 1
    index.commit()
    sync_links(register, index, fresh)
    return count
