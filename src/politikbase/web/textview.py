"""A document's repaired text as HTML: escaped, with anchors to link into it.

Anchors (`id="t-OFFSET"`) stand where a section, a piece of evidence or a found
passage begins, and page breaks are marked (`id="side-N"`), so the policy page,
the search results and the facts can link to the exact place. Evidence spans are
underlined, also inside a found passage; spans that cross an earlier one keep only
their anchor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    css_class: str
    element_id: str | None = None


def anchor_id(offset: int) -> str:
    return f"t-{offset}"


def render_text(
    text: str, *, anchors: Iterable[int] = (), highlights: Iterable[Highlight] = (),
    page_starts: Iterable[int] = (),
) -> Markup:
    """`text` as escaped HTML with the anchors, highlights and page marks inserted."""
    size = len(text)
    points: dict[int, list[str]] = {}  # offset -> HTML to insert there, in order
    for page, start in enumerate(page_starts, 1):
        if 0 <= start <= size and page > 1:
            points.setdefault(start, []).append(
                f'<span class="sideskift" id="side-{page}">Side {page}</span>'
            )
    placed: list[tuple[int, int]] = []
    for offset in sorted(set(anchors)):
        if 0 <= offset <= size:
            points.setdefault(offset, []).append(f'<span id="{anchor_id(offset)}"></span>')
    # Outer spans first, so a span inside another (evidence inside the found passage)
    # nests; a span that crosses an earlier one keeps only its anchor.
    for highlight in sorted(highlights, key=lambda h: (h.start, -h.end)):
        start, end = max(0, highlight.start), min(size, highlight.end)
        if start >= end or any(
            start < other_end and other_start < end and not other_start <= start < end <= other_end
            for other_start, other_end in placed
        ):
            continue
        placed.append((start, end))
        element_id = f' id="{escape(highlight.element_id)}"' if highlight.element_id else ""
        tag = "mark" if highlight.css_class == "fundet" else "span"
        points.setdefault(start, []).append(
            f'<{tag} class="{escape(highlight.css_class)}"{element_id}>'
        )
        points.setdefault(end, []).insert(0, f"</{tag}>")
    pieces: list[str] = []
    cursor = 0
    for offset in sorted(points):
        pieces.append(str(escape(text[cursor:offset])))
        pieces.extend(points[offset])
        cursor = offset
    pieces.append(str(escape(text[cursor:])))
    return Markup("".join(pieces))
