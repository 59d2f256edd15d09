"""Section trees of the real seed documents: headings, enumerations, exact offsets."""

from __future__ import annotations

import pytest

from politikbase.repair import repair_text
from politikbase.segment import segment_text
from politikbase.segment.sections import (
    DocumentOutline,
    Enumeration,
    Section,
    document_outline,
    iter_sections,
    section_tree,
)


@pytest.fixture(scope="module")
def documents(seeds: dict[str, str]) -> dict[str, str]:
    """The main documents as the section finder gets them: repaired, or cut from a transcript."""
    texts = {seed: repair_text(seeds[seed]).text for seed in ("002", "003")}
    for seed in ("001", "004"):
        main = next(s for s in segment_text(seeds[seed]) if s.kind == "main")
        texts[seed] = seeds[seed][main.start : main.end]
    return texts


@pytest.fixture(scope="module")
def outlines(documents: dict[str, str]) -> dict[str, DocumentOutline]:
    return {seed: document_outline(text) for seed, text in documents.items()}


def _printed_headings(text: str, sections: list[Section]) -> list[str]:
    return [
        text[section.start : section.title_end]
        for section in iter_sections(sections)
        if section.form == "heading"
    ]


def _enumeration_with(outline: DocumentOutline, first_title: str, size: int) -> Enumeration:
    return next(
        e for e in outline.enumerations if len(e.items) == size and e.items[0].title == first_title
    )


def _check_nesting(text: str, siblings: list[Section], start: int, end: int) -> None:
    """Siblings in order within [start, end], each exact and holding its children."""
    previous_end = start
    for section in siblings:
        assert previous_end <= section.start < section.end <= end
        assert section.start <= section.title_start < section.title_end <= section.end
        body = text[section.start : section.end]
        assert body == body.strip()
        title_text = " ".join(text[section.title_start : section.title_end].split())
        assert title_text.rstrip(".,;:") == section.title
        _check_nesting(text, section.children, section.start, section.end)
        previous_end = section.end


def test_offsets_are_exact_and_children_lie_within_their_parent(
    documents: dict[str, str], outlines: dict[str, DocumentOutline]
) -> None:
    for seed, text in documents.items():
        assert outlines[seed].sections, seed
        _check_nesting(text, outlines[seed].sections, 0, len(text))


def test_policy_headings_numbered_themes_and_question(
    documents: dict[str, str], outlines: dict[str, DocumentOutline]
) -> None:
    text = documents["002"]
    assert _printed_headings(text, outlines["002"].sections) == [
        "Indledning",
        "Hvad vil Glostrup Kommune, når det drejer sig om sundhed?",
        "Glostrup Kommunes tilgang til sundhed",
        "1. Din sundhed – fælles ansvar",
        "2. Forebyggelse prioriteres højt",
        "3. Fysiske rammer og byrum",
        "4. Støtte fællesskaber og involvering af frivillige",
        "5. Mest mulig sundhed for pengene",
    ]
    themes = _enumeration_with(outlines["002"], "Din sundhed – fælles ansvar", 5)
    assert themes.kind == "theme"
    assert themes.announcement == "Følgende temaer"
    assert [item.number for item in themes.items] == ["1", "2", "3", "4", "5"]


def test_footnote_is_no_heading(
    documents: dict[str, str], outlines: dict[str, DocumentOutline]
) -> None:
    headings = _printed_headings(documents["002"], outlines["002"].sections)
    assert not any(heading.startswith("1 Se") for heading in headings)


def test_nine_principles_are_counted_and_their_sections_nested(
    outlines: dict[str, DocumentOutline],
) -> None:
    outline = outlines["003"]
    principles = _enumeration_with(outline, "Tilgængelighed", 9)
    assert principles.stated_count == 9
    assert principles.count_confirmed
    assert principles.announcement == "ni principper"
    assert principles.items[3].title == "Familie og netværk"
    areas = next(section for section in outline.sections if section.title == "Indsatsområder")
    area_headings = [child for child in areas.children if child.form == "heading"]
    assert [child.title for child in area_headings][:4] == [
        "Tilgængelighed",
        "Bolig",
        "Uddannelse",
        "Familieliv og netværk",
    ]
    assert len(area_headings) == 9


def test_goals_and_actions_under_each_area(outlines: dict[str, DocumentOutline]) -> None:
    areas = next(s for s in outlines["003"].sections if s.title == "Indsatsområder")
    access = next(
        child
        for child in areas.children
        if child.title == "Tilgængelighed" and child.form == "heading"
    )
    kinds = [child.kind for child in access.children]
    assert kinds == ["goal", "goal", "action", "action", "action"]
    assert all(
        child.form == "item" and child.level == access.level + 1 for child in access.children
    )
    assert access.children[0].title.startswith("borgere med et handicap kan færdes sikkert")


def test_principles_under_a_heading_that_names_them(outlines: dict[str, DocumentOutline]) -> None:
    central = _enumeration_with(outlines["003"], "Mestring og udfoldelse", 6)
    assert central.kind == "principle"
    assert central.source == "sub-headings"
    assert central.items[-1].title == "Kompensation"


def test_transcript_run_in_headings_take_up_the_announced_lists(
    documents: dict[str, str], outlines: dict[str, DocumentOutline]
) -> None:
    text = documents["001"]
    outline = outlines["001"]
    focus = _enumeration_with(outline, "Læring og uddannelse", 7)
    assert focus.source == "inline list"
    assert focus.count_confirmed
    assert focus.items[4].title == "Helhed i social-psykiatrien"
    chapter = next(section for section in outline.sections if section.number == "3")
    headings = [child for child in chapter.children if child.form == "heading"]
    assert [child.title for child in headings] == [
        "Læring og uddannelse",
        "Aktiv beskæftigelsesindsats og et rummeligt arbejdsmarked",
        "Et aktivt og sundt ældreliv",
        "Det nære sundhedsvæsen",
        "Helhed i den social-psykiatriske indsats",
        "Effektiv og borgervenlig betjening",
        "Den netværksorienterede og bæredygtige by",
    ]
    assert all(child.kind == "focus_area" for child in headings)
    # A run-in heading stops where the text after it starts.
    learning = headings[0]
    assert text[learning.title_end :].lstrip().startswith("Dagtilbud og folkeskole")


def test_transcript_numbered_outline(outlines: dict[str, DocumentOutline]) -> None:
    numbered = [
        (section.number, section.level)
        for section in iter_sections(outlines["001"].sections)
        if section.number and section.form == "heading"
    ]
    assert numbered == [("1", 1), ("2", 1), ("2.2", 2), ("3", 1), ("3.6", 2), ("4", 1)]


def test_slide_titles_and_labels(
    documents: dict[str, str], outlines: dict[str, DocumentOutline]
) -> None:
    headings = _printed_headings(documents["004"], outlines["004"].sections)
    for title in (
        "Kommunen 3.0 på 2 minutter:",
        "Hvordan hænger Kommunen 3.0 sammen med vores faglighed?",
        "Spor 1: Politisk ledelse af aktive borgere",
        "Spor 2: Den professionelle ledelse",
        "Dilemma 1:",
        "Asker Kommune fra formynderskap til fellesskap",
        "Tak for ordet",
    ):
        assert title in headings
    # The slide repeated on the next page is one section, not three.
    assert headings.count("Spor 1: Politisk ledelse af aktive borgere") == 1


def test_section_tree_is_the_outlines_tree(documents: dict[str, str]) -> None:
    text = documents["002"]
    assert section_tree(text) == document_outline(text).sections
