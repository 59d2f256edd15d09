"""The sample sources: a small front matter and a Markdown-like body.

Front matter (between "---" lines) holds `key: value` pairs: `file` (the file to
produce, whose extension picks the format), `title`, and per format options
(`metadata_title`, `cover`, `ligatures`, `encoding`, ...). `expect` lists, separated
by " | ", phrases the extracted text must contain.

The body knows: "## " and "### " headings, "- " bullets, "1. " numbered items,
"> " pull quotes, "| a | b |" table rows (the first row is the header) and
paragraphs separated by blank lines. Inline "[text](target)" is a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a sample body."""

    kind: str  # "heading", "paragraph", "bullets", "numbered", "quote", "table"
    text: str = ""
    level: int = 0  # heading level: 2 for "##", 3 for "###"
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class SampleSource:
    """One source document of the sample corpus."""

    name: str
    meta: dict[str, str]
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def file(self) -> str:
        return self.meta["file"]

    @property
    def title(self) -> str:
        return self.meta["title"]

    def option(self, key: str, default: str = "") -> str:
        return self.meta.get(key, default)

    def optional(self, key: str) -> str | None:
        """A front matter value where "none" (or absence) means no value."""
        value = self.meta.get(key)
        return None if value is None or value.lower() == "none" else value

    @property
    def expected_title(self) -> str | None:
        if "expected_title" in self.meta:
            return self.optional("expected_title")
        return self.title

    @property
    def expected_phrases(self) -> list[str]:
        return [phrase.strip() for phrase in self.option("expect").split(" | ") if phrase.strip()]

    def printed_text(self, municipality: str) -> str:
        """The words a printed (PDF) version shows: the cover or the title, then the body.

        The reference that repaired PDF text is measured against.
        """
        if self.option("cover") == "yes":
            lines = [municipality, self.title, self.option("subtitle"), self.option("cover_note")]
        else:
            lines = [self.title]
        for block in self.blocks:
            if block.text:
                lines.append(plain(block.text))
            for number, item in enumerate(block.items, 1):
                marker = f"{number}. " if block.kind == "numbered" else ""
                lines.append(marker + plain(item))
            lines.extend(" ".join(plain(cell) for cell in row) for row in block.rows)
        return "\n".join(line for line in lines if line)


def load_sources(folder: Path) -> list[SampleSource]:
    """All sources in the folder, in file name order (so the build is deterministic)."""
    return [parse_source(path) for path in sorted(folder.glob("*.md"))]


def parse_source(path: Path) -> SampleSource:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise ValueError(f"{path.name}: no front matter")
    header, body = text[4:].split("\n---\n", 1)
    meta: dict[str, str] = {}
    for line in header.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    for required in ("file", "title"):
        if required not in meta:
            raise ValueError(f"{path.name}: front matter lacks '{required}'")
    return SampleSource(name=path.stem, meta=meta, blocks=tuple(parse_body(body)))


def parse_body(body: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        first = lines[0]
        if first.startswith("#"):
            marks, _, heading = first.partition(" ")
            blocks.append(Block("heading", text=heading.strip(), level=len(marks)))
            if lines[1:]:
                blocks.append(Block("paragraph", text=" ".join(lines[1:])))
        elif first.startswith("- "):
            blocks.append(Block("bullets", items=tuple(line[2:].strip() for line in lines)))
        elif _NUMBERED.match(first):
            items = tuple(_NUMBERED.sub(r"\2", line) for line in lines)
            blocks.append(Block("numbered", items=items))
        elif first.startswith("> "):
            blocks.append(Block("quote", text=" ".join(line[2:] for line in lines)))
        elif first.startswith("|"):
            rows = tuple(
                tuple(cell.strip() for cell in line.strip("|").split("|")) for line in lines
            )
            blocks.append(Block("table", rows=rows))
        else:
            blocks.append(Block("paragraph", text=" ".join(lines)))
    return blocks


def plain(text: str) -> str:
    """Inline markup removed: a link becomes its text."""
    return _LINK.sub(r"\1", text)


def links(text: str) -> list[tuple[str, str, str]]:
    """(text before, link text, target) pieces; the last piece has an empty target."""
    pieces: list[tuple[str, str, str]] = []
    position = 0
    for match in _LINK.finditer(text):
        pieces.append((text[position : match.start()], match.group(1), match.group(2)))
        position = match.end()
    pieces.append((text[position:], "", ""))
    return pieces
