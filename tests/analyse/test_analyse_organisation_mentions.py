"""Mentions of an organisation stand as words of their own, however they are cased."""

from __future__ import annotations

from politikbase.danish.organisations import organisation_mentions


def test_mentions_start_at_a_word_boundary() -> None:
    text = (
        "Glostrup Kommunes politik. xGlostrup Kommune. _Region Sjælland. "
        "BRØNDBY KOMMUNE. aBRØNDBY KOMMUNE. Region Hovedstaden."
    )
    found = [(m.name, text[m.start : m.end]) for m in organisation_mentions(text)]
    assert found == [
        ("Glostrup Kommune", "Glostrup Kommunes"),
        ("Brøndby Kommune", "BRØNDBY KOMMUNE"),
        ("Region Hovedstaden", "Region Hovedstaden"),
    ]
