"""Danish hyphens that are not line-break hyphenation.

Danish shares the last part of coordinated compounds and marks the gap with a
hyphen ("Børne- og ungepolitik", "bolig-, trafik- og sundhedssektoren"). When a
line ends in such a hyphen, the next line starts with the coordinating word, and
joining the two would destroy the phrase ("Børneog").
"""

from __future__ import annotations

# Words that follow a suspended compound part ("sundheds- og forebyggelsesindsatsen").
COORDINATING_WORDS: frozenset[str] = frozenset(
    {
        "og",
        "eller",
        "samt",
        "såvel",
        "som",
        "men",
        "end",
        "plus",
        "henholdsvis",
        "hhv",
        "inkl",
        "herunder",
        "til",
        "mod",
        "mv",
        "etc",
    }
)
