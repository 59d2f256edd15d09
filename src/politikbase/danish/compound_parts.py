"""What can, and cannot, be the first part of a Danish compound.

Danish writes noun compounds closed ("klimatiltag", "sundhedstilbud"), and their
first part is a noun stem, bare or with a linking letter ("sundhed+s", "børn+e").
It is not a function word, a numeral, an adverb, or an inflected form: "mulige
tilflyttere", "længere tilbage", "borgeren tidligt" stay two words. The lists here
hold the closed classes that the Snowball stop word list leaves out, and the
endings of inflected forms.
"""

from __future__ import annotations

from politikbase.danish.stopwords import DANISH_STOP_WORDS

_CLOSED_CLASS_TEXT = """
    ingen intet ingenting samt vores vort hver hvert hvers enhver ethvert flere mere
    mest mindre mindst både endnu altid aldrig ofte sjældent kun blot bare helt ganske
    lige godt vel dels fx bl hhv ca mv osv etc nogen nogle andre andet anden hinanden
    sammen derfor herved hermed dermed desuden således fortsat stadig allerede snart
    to tre fire fem seks syv otte ni ti elleve tolv tyve hundrede tusind
    første andet tredje fjerde femte sjette syvende ottende niende tiende
    kan kunne skal skulle vil ville må måtte bør burde får fik gør gjorde
    før siden mellem uden gennem omkring blandt ved via per inden udenfor indenfor
"""
# Words that never begin a compound, beyond the Snowball stop words.
NOT_COMPOUND_HEADS: frozenset[str] = DANISH_STOP_WORDS | frozenset(_CLOSED_CLASS_TEXT.split())

# Endings of forms that never begin a compound: participles and adjectives
# ("overordnede", "vigtige", "politiske"), comparatives ("længere"), definite
# plurals ("borgerne", "børnene").
INFLECTED_ENDINGS: tuple[str, ...] = ("ede", "ige", "iske", "ere", "erne", "ene")

# Definite endings ("borgeren", "miljøet", "kommunen", "området"): a word that ends
# so, and is a listed word without the ending, is a definite form.
DEFINITE_ENDINGS: tuple[str, ...] = ("en", "et")
DEFINITE_ENDINGS_AFTER_E: tuple[str, ...] = ("n", "t")

# Endings only a noun takes: the common-gender definite singular ("dagen",
# "kommunen") and the definite plural ("dagene", "borgerne", "tilbuddene"). The
# neuter "-et" is left out: verbs share it ("føret", "lavet").
NOUN_ENDINGS: tuple[str, ...] = ("en", "ene", "erne")
NOUN_ENDINGS_AFTER_E: tuple[str, ...] = ("n", "ne", "rne")

# Suffixes that make nouns ("mestring", "forebyggelse", "sundhed", "organisation"):
# a word so made is a noun even where the word list lacks its definite form.
NOUN_SUFFIXES: tuple[str, ...] = (
    "ing",
    "else",
    "hed",
    "tion",
    "sion",
    "isme",
    "itet",
    "skab",
    "dom",
    "ment",
)
