"""Word files (.docx): paragraphs and tables in document order, with the headings.

python-docx opens the package; the body is then read from its XML directly,
because that also reaches text python-docx's paragraph API leaves out (content
controls, tracked insertions, fields) and is faster. Text boxes, headers and
footers are left out: they hold logos, page numbers and pull quotes that repeat
the body.

Blocks are separated by a blank line: headings and paragraphs as written, list
paragraphs prefixed with "• ", table rows as cells joined by " | ".

A heading is a paragraph whose style is (or is based on) a heading style, in
English or Danish Word ("Heading 2", "Overskrift 2", "Title", "Titel"), or that
has an outline level. The title is the core property when a person wrote it,
else the first Title-style paragraph, else the first top-level heading.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from politikbase.extract.textnorm import clean_text, collapse_spaces, meaningful_title
from politikbase.models import ExtractedDocument, ExtractionError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}
_P, _TBL, _TR, _TC = f"{{{W}}}p", f"{{{W}}}tbl", f"{{{W}}}tr", f"{{{W}}}tc"
_SDT, _SDT_CONTENT, _CUSTOM_XML = f"{{{W}}}sdt", f"{{{W}}}sdtContent", f"{{{W}}}customXml"
_T, _TAB, _BR, _CR = f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr"
_NO_BREAK_HYPHEN = f"{{{W}}}noBreakHyphen"
_VAL = f"{{{W}}}val"

# Text-bearing run children, outside text boxes (which repeat or decorate the body).
_RUN_CONTENT = etree.XPath(
    ".//w:r[not(ancestor::w:txbxContent)]/*[self::w:t or self::w:tab or self::w:br "
    "or self::w:cr or self::w:noBreakHyphen]",
    namespaces=_NS,
)
_STYLE_ID = etree.XPath("string(w:pPr/w:pStyle/@w:val)", namespaces=_NS)
_OUTLINE_LEVEL = etree.XPath("string(w:pPr/w:outlineLvl/@w:val)", namespaces=_NS)
_HAS_NUMBERING = etree.XPath("boolean(w:pPr/w:numPr)", namespaces=_NS)

_HEADING_NAME = re.compile(r"^(?:heading|overskrift)\s*(\d)$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "titel"})
_LIST_NAME = re.compile(r"list|liste|opstilling|punkt", re.IGNORECASE)
TITLE_LEVEL = 0
# Outline levels 0-8 are heading levels 1-9; 9 means body text.
_BODY_OUTLINE_LEVEL = 9
_MAX_STYLE_DEPTH = 8

# Uncompressed size above which a .docx is refused (a zip bomb, not a policy).
MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
BULLET = "• "
CELL_SEPARATOR = " | "


@dataclass(frozen=True, slots=True)
class _Style:
    heading_level: int | None  # TITLE_LEVEL for a title style
    is_list: bool


def extract_docx(data: bytes, name: str) -> list[ExtractedDocument]:
    _check_package(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise ExtractionError(f"not a readable Word (.docx) file ({error})") from None
    except etree.XMLSyntaxError as error:
        raise ExtractionError(f"damaged Word (.docx) file: broken XML ({error})") from None
    except (zlib.error, EOFError) as error:
        # A member whose compressed bytes are damaged or cut short.
        raise ExtractionError(
            f"damaged Word (.docx) file: broken compressed data ({error})"
        ) from None
    except (NotImplementedError, RuntimeError) as error:
        # zipfile's words for a compression method it lacks, or an encrypted member.
        raise ExtractionError(f"unreadable Word (.docx) file ({error})") from None
    styles = _paragraph_styles(document)
    reader = _BodyReader(styles)
    reader.read_container(document.element.body)
    if not reader.blocks:
        raise ExtractionError("no text in the Word document")
    title = meaningful_title(document.core_properties.title) or reader.title()
    return [
        ExtractedDocument(
            source_name=name,
            format="docx",
            pages=[clean_text("\n\n".join(reader.blocks))],
            title=title,
            headings=[text for _, text in reader.headings],
            needs_repair=False,
        )
    ]


def _check_package(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            size = sum(member.file_size for member in package.infolist())
    except zipfile.BadZipFile as error:
        raise ExtractionError(f"damaged Word (.docx) file: broken zip archive ({error})") from None
    if size > MAX_UNCOMPRESSED_BYTES:
        raise ExtractionError(
            f"Word file too large when unpacked ({size // (1024 * 1024)} MB; "
            f"the limit is {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB)"
        )


def _paragraph_styles(document: WordDocument) -> dict[str, _Style]:
    """Heading level and list-ness of every paragraph style, by style id."""
    raw: dict[str, tuple[str, str, str]] = {}
    for element in document.styles.element.findall(f"{{{W}}}style"):
        if element.get(f"{{{W}}}type") not in (None, "paragraph"):
            continue
        style_id = element.get(f"{{{W}}}styleId") or ""
        raw[style_id] = (
            _child_val(element, "name"),
            _child_val(element, "basedOn"),
            str(_OUTLINE_LEVEL(element)),
        )
    return {style_id: _resolve_style(style_id, raw) for style_id in raw}


def _child_val(element: etree._Element, child: str) -> str:
    found = element.find(f"{{{W}}}{child}")
    return (found.get(_VAL) or "") if found is not None else ""


def _resolve_style(style_id: str, raw: dict[str, tuple[str, str, str]]) -> _Style:
    level: int | None = None
    is_list = False
    current = style_id
    for _ in range(_MAX_STYLE_DEPTH):
        if current not in raw:
            break
        name, based_on, outline = raw[current]
        is_list = is_list or bool(_LIST_NAME.search(name) or _LIST_NAME.search(current))
        level = _level_from_name(name)
        if level is None:
            level = _level_from_name(current)
        if level is None and outline.isdigit() and int(outline) < _BODY_OUTLINE_LEVEL:
            level = int(outline) + 1
        if level is not None or not based_on:
            break
        current = based_on
    return _Style(heading_level=level, is_list=is_list)


def _level_from_name(name: str) -> int | None:
    if name.lower() in _TITLE_NAMES:
        return TITLE_LEVEL
    match = _HEADING_NAME.match(name)
    return int(match.group(1)) if match else None


class _BodyReader:
    """Collects the blocks of a document body in order."""

    def __init__(self, styles: dict[str, _Style]) -> None:
        self._styles = styles
        self._plain = _Style(heading_level=None, is_list=False)
        self.blocks: list[str] = []
        self.headings: list[tuple[int, str]] = []

    def read_container(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                self._read_paragraph(child)
            elif tag == _TBL:
                self._read_table(child)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self.read_container(content)
            elif tag == _CUSTOM_XML:
                self.read_container(child)

    def title(self) -> str | None:
        for level in (TITLE_LEVEL, 1):
            for heading_level, text in self.headings:
                if heading_level == level:
                    return text
        return self.headings[0][1] if self.headings else None

    def _read_paragraph(self, paragraph: etree._Element) -> None:
        text = collapse_spaces(_paragraph_text(paragraph))
        if not text:
            return
        style = self._styles.get(_STYLE_ID(paragraph), self._plain)
        level = style.heading_level
        outline = _OUTLINE_LEVEL(paragraph)
        if outline.isdigit():
            level = int(outline) + 1 if int(outline) < _BODY_OUTLINE_LEVEL else None
        if level is not None:
            self.headings.append((level, text))
            self.blocks.append(text)
        elif style.is_list or _HAS_NUMBERING(paragraph):
            self.blocks.append(BULLET + text)
        else:
            self.blocks.append(text)

    def _read_table(self, table: etree._Element) -> None:
        for row in table.iter(_TR):
            if _nearest_table(row) is not table:
                continue  # a row of a nested table, read with its cell
            cells = [_cell_text(cell) for cell in row.iterchildren(_TC)]
            cells = [cell for cell in cells if cell]
            if cells:
                self.blocks.append(CELL_SEPARATOR.join(cells))


def _nearest_table(row: etree._Element) -> etree._Element | None:
    parent = row.getparent()
    while parent is not None and parent.tag != _TBL:
        parent = parent.getparent()
    return parent


def _cell_text(cell: etree._Element) -> str:
    """All text of a cell, nested tables included, on one line."""
    parts = [_paragraph_text(paragraph) for paragraph in cell.iter(_P)]
    return collapse_spaces(" ".join(parts))


def _paragraph_text(paragraph: etree._Element) -> str:
    parts: list[str] = []
    for node in _RUN_CONTENT(paragraph):
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        else:
            parts.append(" ")  # a line break inside the paragraph
    return "".join(parts)
