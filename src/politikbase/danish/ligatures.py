"""Typographic ligatures, and how PDF text extraction loses them.

Fonts common in Danish public documents (Calibri, Cambria, Minion, the Office
themes) draw letter pairs such as "ti", "tt" and "ft" with one ligature glyph. When a
PDF does not map that glyph back to letters, extraction drops it and leaves spaces:
"vigtigt" comes out as "vig  gt", "politikken" as "poli  kken", "til" as " l".
The classic f-ligatures of Unicode (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ) usually survive as letters but
are followed by a stray space: "fl ere", "eff ekt", "velbefi ndende".

This module only holds that knowledge; `politikbase.repair` decides, with the
lexicon, which glyph a gap held.
"""

from __future__ import annotations

# Letter sequences a dropped ligature glyph may have stood for, the most frequent
# in Danish text first. "ti" and "tt" dominate ("til", "politik", "støtte"); "ft",
# "fh", "fk", "fb", "fj", "tf" come from words such as "efter", "uafhængig",
# "afklaring", "afbryde", "fjern" and "testforløb"; "tti" and "ffi" are glyphs of
# three letters ("rettigheder", "officiel").
LOST_LIGATURES: tuple[str, ...] = (
    "ti",
    "tt",
    "ft",
    "tti",
    "fi",
    "fl",
    "ff",
    "ffi",
    "ffl",
    "fh",
    "fk",
    "fb",
    "fj",
    "tf",
)

# How much less likely each lost glyph is than "ti" (log10), roughly as the letter
# sequences are rarer in Danish text: when two glyphs both give words
# ("tematiske", "temafiske"), the common one wins.
LIGATURE_RARITY: dict[str, float] = {
    "ti": 0.0,
    "tt": -0.3,
    "ft": -0.5,
    "tti": -0.7,
    "fi": -0.7,
    "fl": -0.7,
    "ff": -0.7,
    "ffi": -1.2,
    "ffl": -1.5,
    "fh": -1.0,
    "fk": -1.0,
    "fb": -1.2,
    "fj": -1.2,
    "tf": -1.0,
}

# Ligatures that extraction keeps as letters but follows with a stray space. The
# space is found after these letters ("fl ere"); "ffi" and "ffl" end in "fi"/"fl".
# (All of two letters: they are looked behind for, which needs a fixed width.)
SPACED_LIGATURE_ENDINGS: tuple[str, ...] = ("ff", "fi", "fl")

# Unicode presentation forms (U+FB00–U+FB06) and what they stand for.
LIGATURE_CHARACTERS: dict[str, str] = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
