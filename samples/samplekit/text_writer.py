"""Sample plain text, Markdown and JSON Lines files.

Plain text is written the way such files arrive: the title on the first line,
blocks separated by blank lines, in the encoding and line ends the source asks
for (`encoding: cp1252` for an old Windows file, `newline: crlf`).
"""

from __future__ import annotations

import json

from samplekit.source import Block, SampleSource, plain

MUNICIPALITY = "Fjordby Kommune"


def write_text(source: SampleSource) -> bytes:
    markdown = source.file.endswith(".md")
    parts = [f"# {source.title}" if markdown else source.title]
    parts.extend(_block(block, markdown) for block in source.blocks)
    text = "\n\n".join(parts) + "\n"
    if source.option("newline") == "crlf":
        text = text.replace("\n", "\r\n")
    return text.encode(source.option("encoding", "utf-8"))


def _block(block: Block, markdown: bool) -> str:
    if block.kind == "heading":
        return f"{'#' * block.level} {block.text}" if markdown else block.text
    if block.kind == "bullets":
        return "\n".join(f"- {plain(item)}" for item in block.items)
    if block.kind == "numbered":
        return "\n".join(f"{n}. {plain(item)}" for n, item in enumerate(block.items, 1))
    if block.kind == "table":
        return "\n".join(" | ".join(row) for row in block.rows)
    return plain(block.text)


def write_jsonl(sources: list[SampleSource]) -> bytes:
    """One record a line, in source order."""
    lines = []
    for source in sources:
        record = {
            "id": source.option("id"),
            "title": source.title,
            "text": "\n\n".join(_block(block, markdown=False) for block in source.blocks),
            "url": source.option("url") or None,
            "municipality": MUNICIPALITY,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")
