"""Danish sentence bounds around a point: dates and abbreviations keep a sentence going."""

from __future__ import annotations

from politikbase.danish.sentences import sentence_around


def _sentence(text: str, word: str) -> str:
    position = text.index(word)
    start, end = sentence_around(text, position)
    return text[start:end]


def test_ordinal_dots_and_abbreviations_do_not_end_a_sentence() -> None:
    text = (
        "Der er ca. 70 foreninger. Sundhedspolitikken er vedtaget af kommunalbestyrelsen "
        "d. 14. august 2013. Hent den her."
    )
    assert _sentence(text, "vedtaget") == (
        "Sundhedspolitikken er vedtaget af kommunalbestyrelsen d. 14. august 2013."
    )


def test_a_year_before_a_full_stop_ends_a_sentence() -> None:
    text = "Politikken blev revideret i 2013. Den gælder for alle."
    assert _sentence(text, "revideret") == "Politikken blev revideret i 2013."


def test_a_wrapped_line_continues_and_a_new_line_with_a_capital_starts_anew() -> None:
    text = "I år 2008 vedtog Kommunalbestyrelsen en politik, som har \ntegnet retningen\nDerfor"
    assert _sentence(text, "vedtog") == (
        "I år 2008 vedtog Kommunalbestyrelsen en politik, som har \ntegnet retningen"
    )
