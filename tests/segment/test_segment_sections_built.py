"""Section trees of texts the tests build: the shapes Danish policies come in."""

from __future__ import annotations

from politikbase.segment.sections import (
    DocumentOutline,
    Section,
    document_outline,
    iter_sections,
    section_tree,
)

CHILDREN_POLICY = """Børne- og ungepolitik 2020-2024
Forord
Børne- og ungepolitikken er vedtaget af Byrådet den 12. marts 2020.
Politikken har fire temaer:
Trivsel og sundhed
Læring og udvikling
Fællesskaber
Inddragelse
Trivsel og sundhed
Alle børn skal have et godt og sundt liv. Vi vil styrke den tidlige indsats.
Mål 1: Flere børn trives i dagtilbud og skole
Mål 2: Færre unge ryger
Det gør vi ved at
- styrke samarbejdet med forældrene
- tilbyde sundhedsplejerske i alle skoler
Læring og udvikling
Alle børn skal lære så meget, de kan. Politikken bygger på tre principper: 1) tidlig indsats, \
2) inklusion og 3) samarbejde med forældre.
Fællesskaber
Vi ønsker, at alle børn er en del af et fællesskab.
Inddragelse
Børn og unge skal høres, når vi træffer beslutninger, der vedrører dem.
Opfølgning
Politikken revideres hvert fjerde år.
"""

CLIMATE_STRATEGY = """Klimastrategi 2030

Indhold
Forord 3
1. Indledning 4
2. Vores mål 6
3. Indsatser 8

Forord

Klimaet er en af vor tids største udfordringer.

1. Indledning

Strategien omfatter hele kommunen som geografisk område.

1.1 Baggrund

Kommunen har siden 2008 arbejdet med klimaplaner.

2. Vores mål

Vi har sat os fem mål for 2030:

Mål 1: CO2-udledningen reduceres med 70 procent
Mål 2: Al kollektiv trafik er fossilfri
Mål 3: Kommunens bygninger bruger 30 procent mindre energi
Mål 4: Grønne arealer øges med 10 procent
Mål 5: Affald sorteres i ti fraktioner

3. Indsatser

For at nå målene vil vi:

• Etablere flere ladestandere
• Energirenovere skoler og daginstitutioner

Tabel 1. Udledning fordelt på sektorer
Sektor
Transport
Energi
"""


def _headings(text: str, outline: DocumentOutline) -> list[str]:
    return [
        text[section.start : section.title_end]
        for section in iter_sections(outline.sections)
        if section.form == "heading"
    ]


def _find(sections: list[Section], title: str, form: str = "heading") -> Section:
    return next(s for s in iter_sections(sections) if s.title == title and s.form == form)


def test_unbulleted_list_announced_in_the_foreword() -> None:
    outline = document_outline(CHILDREN_POLICY)
    themes = next(e for e in outline.enumerations if e.announcement == "fire temaer")
    assert [item.title for item in themes.items] == [
        "Trivsel og sundhed",
        "Læring og udvikling",
        "Fællesskaber",
        "Inddragelse",
    ]
    assert themes.count_confirmed and themes.kind == "theme"
    # The sections on the themes stand beside the foreword, not inside it.
    foreword = _find(outline.sections, "Forord")
    health = _find(outline.sections, "Trivsel og sundhed")
    assert health.level == foreword.level and health.kind == "theme"
    assert not any(child.form == "heading" for child in foreword.children)


def test_goals_labels_bullet_actions_and_an_inline_list() -> None:
    outline = document_outline(CHILDREN_POLICY)
    health = _find(outline.sections, "Trivsel og sundhed")
    goals = [child for child in health.children if child.kind == "goal"]
    assert [(goal.number, goal.title) for goal in goals] == [
        ("Mål 1", "Flere børn trives i dagtilbud og skole"),
        ("Mål 2", "Færre unge ryger"),
    ]
    actions = [s for s in iter_sections(health.children) if s.kind == "action"]
    assert [action.title for action in actions] == [
        "styrke samarbejdet med forældrene",
        "tilbyde sundhedsplejerske i alle skoler",
    ]
    principles = next(e for e in outline.enumerations if e.announcement == "tre principper")
    assert [item.title for item in principles.items] == [
        "tidlig indsats",
        "inklusion",
        "samarbejde med forældre",
    ]
    assert principles.kind == "principle" and principles.count_confirmed


def test_contents_numbered_outline_and_labelled_goals() -> None:
    outline = document_outline(CLIMATE_STRATEGY)
    headings = _headings(CLIMATE_STRATEGY, outline)
    # The table of contents holds no headings: "Forord" is the one above its text.
    assert headings.count("Forord") == 1
    assert "Forord 3" not in headings
    introduction = _find(outline.sections, "Indledning")
    assert [(child.number, child.level) for child in introduction.children] == [("1.1", 2)]
    goals = next(e for e in outline.enumerations if e.announcement == "fem mål")
    assert goals.count_confirmed
    assert [item.number for item in goals.items] == ["Mål 1", "Mål 2", "Mål 3", "Mål 4", "Mål 5"]
    actions = _find(outline.sections, "Indsatser")
    assert [child.kind for child in actions.children if child.form == "item"] == ["action"] * 2


def test_table_cells_are_not_headings() -> None:
    headings = _headings(CLIMATE_STRATEGY, document_outline(CLIMATE_STRATEGY))
    assert "Transport" not in headings and "Energi" not in headings


def test_a_count_that_does_not_match_is_reported() -> None:
    text = (
        "Politikken har fire indsatsområder:\n"
        "• Bolig\n"
        "• Beskæftigelse\n"
        "• Uddannelse\n"
        "Indsatserne følges op hvert år.\n"
    )
    (areas,) = document_outline(text).enumerations
    assert (areas.stated_count, len(areas.items)) == (4, 3)
    assert not areas.count_confirmed
    assert areas.kind == "focus_area"


def test_inline_list_wrapped_over_two_lines() -> None:
    text = (
        "Formål\n"
        "Indkøbspolitikken bygger på fire principper: 1. Økonomi 2. Kvalitet\n"
        "3. Bæredygtighed 4. Ansvarlighed. Principperne gælder ved alle indkøb.\n"
    )
    (principles,) = document_outline(text).enumerations
    assert [item.title for item in principles.items] == [
        "Økonomi",
        "Kvalitet",
        "Bæredygtighed",
        "Ansvarlighed",
    ]
    assert principles.count_confirmed
    first = principles.items[0]
    assert text[first.start : first.end] == "1. Økonomi"


def test_dates_and_abbreviations_are_no_list() -> None:
    text = "Planen blev vedtaget den 21. januar 2015 og gælder bl.a. for skoler.\n"
    assert document_outline(text).enumerations == []


def test_extractor_headings_are_used_and_found_as_lines() -> None:
    headings = ["Klimastrategi 2030", "Forord", "1. Indledning", "1.1 Baggrund", "Findes ikke"]
    sections = section_tree(CLIMATE_STRATEGY, headings)
    found = [
        (CLIMATE_STRATEGY[s.start : s.title_end], s.number)
        for s in iter_sections(sections)
        if s.form == "heading" and s.kind != "goal"
    ]
    assert found == [
        ("Klimastrategi 2030", None),
        ("Forord", None),
        ("1. Indledning", "1"),
        ("1.1 Baggrund", "1.1"),
    ]
    foreword = sections[1]
    # Found where it stands as a line of its own, not in the table of contents.
    assert CLIMATE_STRATEGY[foreword.start : foreword.end] == (
        "Forord\n\nKlimaet er en af vor tids største udfordringer."
    )


def test_flat_pages_open_with_their_titles() -> None:
    pages = [
        "Strategi for frivillighed",
        "Hvorfor frivillighed? Frivillige gør en stor forskel i kommunen, og de skal have gode "
        "rammer for deres arbejde. Vi vil derfor styrke samarbejdet med foreningerne og gøre det "
        "lettere at være frivillig. Strategien gælder for alle kommunens områder.",
        "Tre indsatser Strategien har tre indsatser: 1. Synlighed 2. Anerkendelse 3. Samarbejde. "
        "Synlighed Vi vil gøre de frivilliges arbejde mere synligt på kommunens hjemmeside. "
        "Anerkendelse Vi vil hvert år uddele en pris til årets frivillige. Samarbejde Vi vil "
        "holde møder med foreningerne to gange om året.",
    ]
    text = "\n\n".join(f"{number} {page}" for number, page in enumerate(pages, start=1))
    outline = document_outline(text)
    headings = _headings(text, outline)
    assert headings[:3] == ["Strategi for frivillighed", "Hvorfor frivillighed?", "Tre indsatser"]
    assert headings[3:6] == ["Synlighed", "Anerkendelse", "Samarbejde"]
    actions = next(e for e in outline.enumerations if e.source == "inline list")
    assert actions.kind == "action" and actions.count_confirmed


def test_empty_text_has_no_sections() -> None:
    assert section_tree("") == []
    assert section_tree("\n  \n") == []


def test_link_lines_are_not_headings_and_a_colon_leads_into_a_list() -> None:
    text = (
        "Regler om indkøb og udbud\n"
        "Reglerne er godkendt af Kommunalbestyrelsen den 18. august 2021.\n"
        "Udover reglerne er der udarbejdet:\n"
        "Standardbetingelser for indkøb af varer og tjenesteydelser\n"
        "Fællesbetingelser\n"
        "Hent Regler om indkøb og udbud her\n"
    )
    sections = section_tree(text)
    assert [s.title for s in sections] == ["Regler om indkøb og udbud"]
    assert [(child.form, child.title) for child in sections[0].children] == [
        ("item", "Standardbetingelser for indkøb af varer og tjenesteydelser"),
        ("item", "Fællesbetingelser"),
    ]


def test_labelled_goals_are_kept_beside_extractor_headings() -> None:
    text = (
        "Sundhedspolitik\n"
        "Vores mål\n"
        "Mål 1: Flere borgere er fysisk aktive\n"
        "Mål 2: Færre borgere ryger\n"
        "Opfølgning\n"
        "Politikken følges op hvert år.\n"
    )
    sections = section_tree(text, ["Sundhedspolitik", "Vores mål", "Opfølgning"])
    goals = [s for s in iter_sections(sections) if s.kind == "goal"]
    assert [(goal.number, goal.title) for goal in goals] == [
        ("Mål 1", "Flere borgere er fysisk aktive"),
        ("Mål 2", "Færre borgere ryger"),
    ]
    ours = next(s for s in iter_sections(sections) if s.title == "Vores mål")
    assert ours.children == goals
