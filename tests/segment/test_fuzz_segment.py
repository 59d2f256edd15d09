"""Fuzzing the segmenter: every segment of any text lies inside that text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from politikbase.segment import segment_text

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
LINES = st.sampled_from([
    "Politik for ældre", "1. Indledning", "1.1 Formål", "§ 3. Anvendelse", "Bilag 1",
    "Indhold", "Side 2 af 7", "• Alle skal trives", "- et punkt", "Kapitel 4", "",
    "Godkendt af byrådet den 12. marts 2021.", "Kommunen vil sikre gode rammer for alle.",
    "INDSATSOMRÅDER", "a) første", "Vision", "Mål og indsatser", "2. Baggrund",
])


def _assert_inside(text: str) -> None:
    segments = segment_text(text)
    for segment in segments:
        assert 0 <= segment.start <= segment.end <= len(text), (segment, len(text))


@settings(FUZZ)
@given(text=st.text(max_size=800))
def test_segments_of_any_text_lie_in_the_text(text: str) -> None:
    _assert_inside(text)


@settings(FUZZ)
@given(lines=st.lists(LINES, max_size=60))
def test_segments_of_document_like_text_lie_in_the_text(lines: list[str]) -> None:
    _assert_inside("\n".join(lines))


@settings(FUZZ)
@given(data=st.data())
def test_segments_of_cut_seed_documents_lie_in_the_text(
    seeds: dict[str, str], data: st.DataObject
) -> None:
    text = seeds[data.draw(st.sampled_from(sorted(seeds)))]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 6000)))
    _assert_inside(text[start:end])
