"""Coverage-guided fuzzing of the pure pipeline with atheris (libFuzzer for Python).

Hypothesis (tests/*/test_fuzz_*.py) draws inputs at random; atheris watches which
branches of politikbase an input reaches and mutates the inputs that reach new ones,
so it gets deep into the PDF, Word and HTML readers, the repair and the segmenter.

Targets:
  files   `process_source(data, name)` (extract, repair, segment, analyse): the
          first byte chooses the format, the rest is the file. The only failure
          allowed is an ExtractionError, with a message.
  text    `repair_text`, `segment_text` and `analyse_document` on arbitrary text: no
          failure allowed, offsets within the text.

The seed corpus is made here: the sample corpus (samples/, files of every format
built by code) and the seed documents' lines. Each target runs in a child process
for the given seconds; an input that breaks a rule is written to tests/fuzz_cases/
(where tests/test_fuzz_cases.py replays it for good) and reported.

Usage: python benchmarks/fuzz_pipeline.py [SECONDS_PER_TARGET]   (prints JSON)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CASES = ROOT / "tests" / "fuzz_cases"
NAMES = ("fil.pdf", "fil.docx", "fil.html", "fil.txt", "fil.jsonl")
TARGETS = ("files", "text")
# A hostile input may make the pdfium reader work hard; libFuzzer reports an input
# that takes longer than this, or needs more memory, as a finding of its own.
INPUT_SECONDS = 20
RSS_LIMIT_MB = 3072
MAX_INPUT_BYTES = 65536


def seed_corpus(folder: Path, target: str) -> None:
    """Valid inputs to start the mutations from: the sample corpus's files (every
    format, with the damage real files have), or the seed documents' lines as text."""
    folder.mkdir(parents=True, exist_ok=True)
    if target == "text":
        from politikbase.settings import shared_dir

        lines = [
            line
            for path in sorted((shared_dir() / "corpus" / "seeds").glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines()
            if len(line.strip()) > 30
        ]
        for number in range(0, min(len(lines), 400), 20):
            text = "\n".join(lines[number : number + 20])
            (folder / f"seed-{number}").write_bytes(text.encode("utf-8")[:MAX_INPUT_BYTES])
        return
    sys.path.insert(0, str(ROOT / "samples"))
    from build_samples import build_samples

    for sample in build_samples(folder.parent / "samples"):
        path = Path(sample.path)
        name = f"fil{'.txt' if path.suffix == '.md' else path.suffix}"
        (folder / f"seed-{path.name}").write_bytes(bytes([NAMES.index(name)]) + path.read_bytes())


def check_file_input(data: bytes) -> None:
    from politikbase.models import ExtractionError
    from politikbase.pipeline import process_source

    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    try:
        processed = process_source(data[1:], name)
    except ExtractionError as error:
        if not str(error):
            raise AssertionError("an ExtractionError without a message") from error
        return
    for document in processed.documents:
        if not 0 <= document.start <= document.end:
            raise AssertionError(f"bad document bounds {document.start}..{document.end}")


def check_text_input(data: bytes) -> None:
    from politikbase.analyse import analyse_document
    from politikbase.repair import repair_text
    from politikbase.segment import segment_text

    text = data.decode("utf-8", errors="replace")
    repaired = repair_text(text).text
    for segment in segment_text(repaired):
        if not 0 <= segment.start <= segment.end <= len(repaired):
            raise AssertionError(f"segment {segment.start}..{segment.end} outside the text")
        body = repaired[segment.start : segment.end]
        facts = analyse_document(body, title=segment.title or None).as_json()
        for items in facts["evidence"].values():
            for item in items:
                if body[item["start"] : item["end"]] != item["text"]:
                    raise AssertionError(f"evidence {item} is not the text at its offsets")


def child(target: str, corpus: Path, seconds: int, artifacts: Path) -> None:
    """Run in the fuzzing child: instrument politikbase and hand control to libFuzzer."""
    import atheris

    with atheris.instrument_imports(include=["politikbase"]):
        import politikbase.analyse
        import politikbase.pipeline
        import politikbase.repair
        import politikbase.segment  # noqa: F401
    check = check_file_input if target == "files" else check_text_input
    atheris.Setup(
        [
            sys.argv[0], str(corpus), f"-max_total_time={seconds}",
            f"-timeout={INPUT_SECONDS}", f"-rss_limit_mb={RSS_LIMIT_MB}",
            f"-max_len={MAX_INPUT_BYTES}", f"-artifact_prefix={artifacts}/", "-print_final_stats=1",
        ],
        check,
    )
    atheris.Fuzz()


def _stat(output: str, name: str) -> int | None:
    for line in output.splitlines():
        if line.startswith(f"stat::{name}:"):
            return int(line.split(":")[-1].strip())
    return None


def fuzz(target: str, seconds: int, work: Path) -> dict[str, Any]:
    corpus, artifacts = work / f"corpus-{target}", work / f"artifacts-{target}"
    seed_corpus(corpus, target)
    artifacts.mkdir(parents=True, exist_ok=True)
    seeds = len(list(corpus.iterdir()))
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, __file__, "--child", target, str(corpus), str(seconds), str(artifacts)],
        capture_output=True, text=True, check=False, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    elapsed = time.perf_counter() - started
    found = sorted(artifacts.iterdir())
    kept = []
    if found:
        CASES.mkdir(parents=True, exist_ok=True)
    for artifact in found:
        destination = CASES / f"{target}-{artifact.name}"
        destination.write_bytes(artifact.read_bytes())
        kept.append(destination.name)
    output = completed.stdout + completed.stderr
    return {
        "seconds": round(elapsed, 1),
        "runs": _stat(output, "number_of_executed_units"),
        "runs_per_second": _stat(output, "average_exec_per_sec"),
        "seed_inputs": seeds,
        "corpus_inputs_after": len(list(corpus.iterdir())),
        "findings": len(found),
        "kept_as": kept,
        "exit_code": completed.returncode,
        "last_output": "" if not found else output[-1500:],
    }


def main(seconds: int = 120) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="politikbase-fuzz-") as scratch:
        return {target: fuzz(target, seconds, Path(scratch)) for target in TARGETS}


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5]))
    else:
        print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 120), indent=2))
