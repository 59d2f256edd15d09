"""JSON Lines: one document per line, as exported by other systems or by politikbase.

Each line is an object with `text` (required), `id`, `title`, and optionally
`url`, `municipality` and `needs_repair` (default true: text of unknown origin is
often a PDF's damaged text layer, and repair leaves correct text alone).

A bad line never costs the others. Problems that concern the file rather than one
document (a line that is not JSON, a record without text) are reported with their
line number in the `warnings` of the first document of the result, so the batch
that stores the file records them once; problems of one record (a missing id)
stay on that record. When no line holds a document, the file fails as a whole.
"""

from __future__ import annotations

import json
from typing import Any

from politikbase.extract.plaintext import decode_text
from politikbase.extract.textnorm import clean_text, collapse_spaces
from politikbase.models import ExtractedDocument, ExtractionError

# Enough to show a person what is wrong without copying a whole bad file.
MAX_REPORTED_PROBLEMS = 50


class _BadRecord(ValueError):
    """A line that holds no usable document; the message says why."""


def extract_jsonl(data: bytes, name: str) -> list[ExtractedDocument]:
    content, file_warnings = decode_text(data)
    documents: list[ExtractedDocument] = []
    problems: list[str] = []
    bad_lines = 0
    # Split on "\n" only: JSON strings may hold a raw U+2028, which splitlines() breaks on.
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            documents.append(_record_document(line, name, number))
        except _BadRecord as error:
            bad_lines += 1
            if len(problems) < MAX_REPORTED_PROBLEMS:
                problems.append(f"line {number}: {error}")
    if bad_lines > len(problems):
        problems.append(f"{bad_lines - len(problems)} more bad lines not listed")
    if not documents:
        detail = "; ".join(problems[:3]) if problems else "the file has only blank lines"
        raise ExtractionError(f"no valid records in JSONL file ({detail})")
    documents[0].warnings[:0] = file_warnings + problems
    return documents


def _record_document(line: str, name: str, number: int) -> ExtractedDocument:
    try:
        record = json.loads(line)
    except ValueError as error:
        raise _BadRecord(f"not valid JSON ({error})") from None
    if not isinstance(record, dict):
        raise _BadRecord(f"a JSON {type(record).__name__}, not an object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _BadRecord("no 'text' (a non-empty string is required)")
    warnings: list[str] = []
    external_id = _optional_string(record, "id", accept_int=True)
    if external_id is None:
        warnings.append(f"record on line {number} has no 'id'")
    needs_repair = record.get("needs_repair", True)
    if not isinstance(needs_repair, bool):
        raise _BadRecord("'needs_repair' must be true or false")
    title = _optional_string(record, "title")
    return ExtractedDocument(
        source_name=name,
        format="jsonl",
        pages=[clean_text(text)],
        title=collapse_spaces(clean_text(title)) if title else None,
        external_id=external_id,
        url=_optional_string(record, "url"),
        municipality=_optional_string(record, "municipality"),
        needs_repair=needs_repair,
        warnings=warnings,
    )


def _optional_string(record: dict[str, Any], key: str, *, accept_int: bool = False) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if accept_int and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise _BadRecord(f"'{key}' must be a string, not {type(value).__name__}")
    return value.strip() or None
