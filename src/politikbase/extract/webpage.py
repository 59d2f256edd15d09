"""Web pages: the article of an HTML page, without the site around it.

trafilatura finds the main content and drops navigation, cookie banners,
footers, scripts and comment sections. Its result is a small XML tree (`head`,
`p`, `list`/`item`, `table`/`row`/`cell`, `quote`), which is turned into blocks
separated by a blank line: headings and paragraphs as they are, list items
prefixed with "• " like the bullets in a PDF, table rows as cells joined by " | ".

The title is the page's own (Open Graph, <title> without the site name, or the
<h1>), the URL its canonical address, and the municipality the site name when
that names a municipality.
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from politikbase.extract.textnorm import (
    clean_text,
    collapse_spaces,
    meaningful_title,
    municipality_from_publisher,
)
from politikbase.models import ExtractedDocument, ExtractionError

# Policy pages are small; a page this large is not one, and parsing it would be slow.
MAX_HTML_BYTES = 20 * 1024 * 1024
BULLET = "• "
CELL_SEPARATOR = " | "

# Consent dialogs sit outside the article, but on a page with little text
# trafilatura may take one for content; no policy text lives in them.
_PRUNE_XPATH = [
    "//*[contains(translate(@id, 'COKIE', 'cokie'), 'cookie')]",
    "//*[contains(translate(@class, 'COKIE', 'cokie'), 'cookie')]",
    "//*[contains(translate(@id, 'CONSET', 'conset'), 'consent')]",
    "//*[contains(translate(@class, 'CONSET', 'conset'), 'consent')]",
]
# A link to a document ("Hent Handicappolitik her") names the document; it is
# content, although trafilatura's link-density test would drop it as navigation.
_DOCUMENT_LINK = re.compile(r"\.(?:pdf|docx?|odt|rtf|txt|md|xlsx?|pptx?)(?:[?#]|$)", re.IGNORECASE)
_BLOCK_TAGS = frozenset({"p", "head", "quote", "code"})
_CONTAINER_TAGS = frozenset({"list", "table", "body", "div", "main", "cell", "doc"})


def extract_html(data: bytes, name: str) -> list[ExtractedDocument]:
    if len(data) > MAX_HTML_BYTES:
        raise ExtractionError(
            f"HTML page too large ({len(data) // (1024 * 1024)} MB; "
            f"the limit is {MAX_HTML_BYTES // (1024 * 1024)} MB)"
        )
    warnings: list[str] = []
    tree = load_html(data)
    if tree is None:
        raise ExtractionError("not a readable HTML page")
    for link in list(tree.iter("a")):
        if _DOCUMENT_LINK.search(link.get("href") or ""):
            link.drop_tag()
    result = trafilatura.bare_extraction(
        tree,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=True,
        # The page's date is not used; the extensive search is slow to start.
        date_extraction_params={"extensive_search": False, "original_date": True},
        prune_xpath=_PRUNE_XPATH,
    )
    blocks: list[str] = []
    headings: list[str] = []
    if result is not None and result.body is not None:
        blocks, headings = _blocks(result.body)
    if not blocks:
        blocks = _whole_page_text(data)
        if blocks:
            warnings.append("no main content found; the whole text of the page was kept")
    if not blocks:
        raise ExtractionError("no text in the HTML page")
    title = None
    if result is not None:
        title = meaningful_title(result.title)
    if title is None and headings:
        title = headings[0]
    return [
        ExtractedDocument(
            source_name=name,
            format="html",
            pages=[clean_text("\n\n".join(blocks))],
            title=title,
            headings=headings,
            url=(result.url or None) if result is not None else None,
            municipality=municipality_from_publisher(result.sitename) if result else None,
            needs_repair=False,
            warnings=warnings,
        )
    ]


def _blocks(body: etree._Element) -> tuple[list[str], list[str]]:
    """Text blocks in order, and the headings among them."""
    for line_break in body.iter("lb"):
        # A <br> between two words must not glue them together.
        line_break.tail = " " + (line_break.tail or "")
    collector = _BlockCollector()
    collector.visit(body)
    return collector.blocks, collector.headings


class _BlockCollector:
    """Walks trafilatura's result tree in document order, collecting blocks."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.headings: list[str] = []

    def visit(self, element: etree._Element) -> None:
        tag = element.tag
        if tag in _BLOCK_TAGS:
            text = _inline_text(element)
            if text:
                self.blocks.append(text)
                if tag == "head":
                    self.headings.append(text)
        elif tag == "item":
            self._visit_item(element)
        elif tag == "row":
            cells = [_inline_text(cell) for cell in element if cell.tag == "cell"]
            if any(cells):
                self.blocks.append(CELL_SEPARATOR.join(cells))
        elif tag in _CONTAINER_TAGS:
            for child in element:
                self.visit(child)
        else:
            text = _inline_text(element)
            if text:
                self.blocks.append(text)

    def _visit_item(self, element: etree._Element) -> None:
        """A list item: its own text with a bullet, then any nested lists."""
        own_parts = [element.text or ""]
        nested: list[etree._Element] = []
        for child in element:
            if child.tag == "list":
                nested.append(child)
            else:
                own_parts.append("".join(child.itertext()))
            own_parts.append(child.tail or "")
        text = collapse_spaces("".join(own_parts))
        if text:
            self.blocks.append(BULLET + text)
        for child in nested:
            self.visit(child)


def _inline_text(element: etree._Element) -> str:
    return collapse_spaces("".join(element.itertext()))


def _whole_page_text(data: bytes) -> list[str]:
    """The visible text of a page without scripts and styles, as one block."""
    text = collapse_spaces(trafilatura.html2txt(data))
    return [text] if text else []
