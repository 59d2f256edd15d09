"""Danish-aware repair of extracted text.

PDF extraction damages Danish text in recognisable ways: ligature glyphs are lost
("vig  gt" for "vigtigt", " l" for "til", "fl ere" for "flere"), words are
hyphenated across line breaks, page numbers and running footers sit in the middle
of the text, and every paragraph is cut into printed lines. Repair undoes that,
deciding with the Danish lexicon, and logs every change it makes.

All ingested text passes through repair, so it must leave right text alone: text
that does not show the shape of PDF extraction comes back unchanged.
"""

from __future__ import annotations

from politikbase.danish.lexicon import default_lexicon
from politikbase.models import RepairResult
from politikbase.repair import ligature_gaps
from politikbase.repair.engine import repair


def repair_text(text: str) -> RepairResult:
    """Repair one text whose pages are unknown."""
    return repair([text], paged=False)


def repair_pages(pages: list[str]) -> RepairResult:
    """Repair a paged text; page numbers and running headers/footers are found per page.

    `page_starts` of the result holds where each page's text starts in the result;
    change positions are offsets in the pages joined with "\\n".
    """
    return repair(list(pages), paged=True)


def clear_caches() -> None:
    """Forget what repair remembered of words and chains (its answers are the same
    either way; only the time they take differs): for measuring cold-cache speed."""
    ligature_gaps.clear_caches()
    default_lexicon().clear_caches()


__all__ = ["clear_caches", "repair_pages", "repair_text"]
