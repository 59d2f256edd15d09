"""The period a document states for itself."""

from __future__ import annotations

import pytest

from politikbase.analyse import analyse_document
from politikbase.danish.dates import find_year_ranges, find_years


@pytest.mark.parametrize(
    ("title", "text", "period"),
    [
        ("Forvaltningens strategiplan for 2013-14", "Strategiplanen for forvaltningen.",
         "2013-2014"),
        ("Beskæftigelsesplan 2017", "Planen for 2017. Kommunestrategi 2014-2018 ligger bag.",
         "2017"),
        ("DIGITALISERINGSSTRATEGI April 2016", "DIGITALISERINGSSTRATEGI 2016-2020 April 2016",
         "2016-2020"),
        ("Sundheds- og forebyggelsesstrategi",
         "Glostrup Kommunes Sundheds- og Forebyggelsesstrategi 2020-2023 er en handlingsorienteret "
         "strategi, der sætter retningen.", "2020-2023"),
        ("Dagtilbudspolitik",
         "Fra pasningsgaranti til kvalitetsgaranti! Dagtilbudspolitikken for 2013 2017 er den "
         "første politik for børns udvikling.", "2013-2017"),
        ("Sundhedspolitik", "Politikken gælder fra 2022 til 2026 og revideres derefter.",
         "2022-2026"),
    ],
)
def test_stated_periods(title: str, text: str, period: str) -> None:
    assert analyse_document(title + "\n" + text, title=title).period == period


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Roskilde Kommune", "Byrådets vision 2018 November 2014 Indhold"),
        ("Lærings- og trivselspolitik",
         "Lærings- og trivselspolitik i Syddjurs Kommune frem mod 2021"),
        ("Frivillighed i Faxe Kommune", "Udgivet af Faxe Kommune 2013"),
        ("Strategi for fællesskaber", "Strategi for fællesskaber Herlev Kommune, 2016"),
        ("Ledelses- og Styringsgrundlag", "Opdateret via proces i 2012-2013"),
        ("Inklusionspolitik på Nordfyn", "Inklusionspolitik på Nordfyn Evalueret 2015 Oprettet den "
         "6. april 2016"),
        ("Udviklingsstrategi", "Udviklingsstrategien er det øverste styringsdokument. I "
         "Udviklingsstrategi 2012 beskrives de største udfordringer."),
        ("Integrationspolitik", "Politikken afløser Integrationspolitik 2015-2019."),
        ("Klimastrategi", "Strategien bygger videre på Klimaplan 2030 og Kommuneplan 2021."),
        ("Principper", "Principper for samarbejde I aftalen om kommunernes økonomi for 2008 indgik "
         "en række principper."),
    ],
)
def test_years_that_are_no_period(title: str, text: str) -> None:
    assert analyse_document(title + "\n" + text, title=title).period is None


def test_years_glued_to_a_word_or_number_are_not_read() -> None:
    lowered = "2019-2022 nr.2020-2024 x2016 2018 og /2017 samt 2015-19"
    assert [r.value for r in find_year_ranges(lowered)] == ["2019-2022", "2015-2019"]
    assert [y.value for y in find_years(lowered)] == ["2018"]
    # A window is read with the character before it in sight.
    window = lowered.index("020-2024")
    assert find_year_ranges(lowered, window - 1) == find_year_ranges(lowered)[1:]
    assert find_years(lowered, lowered.index("2016")) == find_years(lowered)
