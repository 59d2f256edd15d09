"""Repair is linear in the text: huge inputs of any shape finish.

No timing is asserted (speed is measured by benchmarks/eval_repair.py); a
quadratic step would make these tests hang instead of taking a moment.
"""

from __future__ import annotations

from politikbase.repair import repair_pages, repair_text

SIZE = 2_000_000
FOOTER = "Glostrup Kommunes Handicappolitik\n"


def _repeat(unit: str, size: int = SIZE) -> str:
    return unit * (size // len(unit) + 1)


def test_a_long_single_line_of_clean_text(seeds: dict[str, str]) -> None:
    text = _repeat(seeds["000"].replace("\n", " ") + " ")
    assert repair_text(text).text == text


def test_a_long_single_line_of_damaged_text(seeds: dict[str, str]) -> None:
    unit = seeds["002"].replace("\n", " ") + " "
    text = _repeat(unit)
    result = repair_text(text)
    assert "vigtigt og nødvendigt" in result.text
    assert len(result.changes) >= 80 * (len(text) // len(unit))


def test_a_word_without_end_and_a_gap_without_end() -> None:
    letters = "a" * SIZE
    assert repair_text(letters).text == letters
    spaced = "ord  " * (SIZE // 5)
    assert repair_text(spaced).text == spaced
    broken = f"{letters}  gt og vig  gt"
    assert repair_text(broken).text == f"{letters}  gt og vigtigt"
    assert repair_text(" " * SIZE).text == " " * SIZE


def test_many_short_wrapped_lines_on_many_pages(seeds: dict[str, str]) -> None:
    # Seed 003 cut into its pages after each running footer, the document repeated.
    parts = seeds["003"].split(FOOTER)
    pages = [part + FOOTER for part in parts[:-1]] * 20
    result = repair_pages(pages)
    assert len(result.page_starts) == len(pages)
    assert "Glostrup Kommunes Handicappolitik" not in result.text
