"""Build the sample corpus of the fictional Fjordby Kommune from `samples/source/`.

Usage: python samples/build_samples.py [OUT_DIR]   (default: samples/build/)

Produces PDFs, Word files, web pages, plain text and a JSON Lines file, the
same bytes on every run. `build_samples(out_dir)` returns what each file should
extract to, for the tests and the demo.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent
# The builders live next to this script, which may be run from anywhere.
if str(SAMPLES_DIR) not in sys.path:
    sys.path.insert(0, str(SAMPLES_DIR))

from samplekit.docx_writer import write_docx  # noqa: E402
from samplekit.html_writer import write_html  # noqa: E402
from samplekit.pdf_writer import write_pdf  # noqa: E402
from samplekit.source import SampleSource, load_sources  # noqa: E402
from samplekit.text_writer import write_jsonl, write_text  # noqa: E402
from samplekit.typesetting import has_ligature  # noqa: E402

SOURCE_DIR = SAMPLES_DIR / "source"
DEFAULT_OUT_DIR = SAMPLES_DIR / "build"

WRITERS: dict[str, Callable[[SampleSource], bytes]] = {
    ".pdf": write_pdf,
    ".docx": write_docx,
    ".html": write_html,
    ".txt": write_text,
    ".md": write_text,
}


@dataclass(frozen=True, slots=True)
class ExpectedDocument:
    """What extraction should find for one document of a sample file."""

    title: str | None
    phrases: tuple[str, ...]
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class SampleFile:
    path: Path
    documents: tuple[ExpectedDocument, ...]


def build_samples(
    out_dir: Path = DEFAULT_OUT_DIR, source_dir: Path = SOURCE_DIR
) -> list[SampleFile]:
    """Write every sample file into `out_dir`; what each should extract to."""
    out_dir.mkdir(parents=True, exist_ok=True)
    by_file: dict[str, list[SampleSource]] = {}
    for source in load_sources(source_dir):
        _check_phrases(source)
        by_file.setdefault(source.file, []).append(source)
    built: list[SampleFile] = []
    for file_name, sources in sorted(by_file.items()):
        suffix = Path(file_name).suffix
        if suffix == ".jsonl":
            data = write_jsonl(sources)
        elif len(sources) == 1 and suffix in WRITERS:
            data = WRITERS[suffix](sources[0])
        else:
            raise ValueError(f"{file_name}: cannot build {len(sources)} source(s) into it")
        path = out_dir / file_name
        path.write_bytes(data)
        built.append(SampleFile(path, tuple(_expected(source) for source in sources)))
    return built


def build_sample_register(folder: Path) -> Path:
    """Build the samples into `folder/samples` and ingest them into `folder/data`, the
    data directory returned (for the portal's benchmarks and screenshots)."""
    from politikbase.ingest import Ingester
    from politikbase.service import Service

    build_samples(folder / "samples")
    service = Service(folder / "data")
    Ingester(service.register, service.index).ingest([folder / "samples"], jobs=1)
    service.register.close()
    return folder / "data"


def _expected(source: SampleSource) -> ExpectedDocument:
    return ExpectedDocument(
        title=source.expected_title,
        phrases=tuple(source.expected_phrases),
        external_id=source.optional("id"),
    )


def _check_phrases(source: SampleSource) -> None:
    """A phrase must survive the damage the file is built with, or the check is void."""
    if source.option("ligatures") != "lost":
        return
    for phrase in source.expected_phrases:
        if has_ligature(phrase):
            raise ValueError(f"{source.name}: expected phrase {phrase!r} has a lost ligature")


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT_DIR
    for sample in build_samples(out_dir):
        titles = ", ".join(str(document.title) for document in sample.documents)
        print(f"{sample.path}  ({titles})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
