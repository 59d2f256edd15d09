"""Adoption date and body, from sentences of many municipalities and wordings."""

from __future__ import annotations

import pytest

from politikbase.analyse import analyse_document

ADOPTED = [
    ("Ældrepolitik\nPolitikken er vedtaget af Byrådet den 27. januar 2016.",
     "2016-01-27", "byrådet"),
    ("Klimastrategi\nVedtaget af Borgerrepræsentationen den 5. marts 2020",
     "2020-03-05", "borgerrepræsentationen"),
    ("Klimastrategi\nRegionsrådet godkendte strategien på mødet den 1. februar 2022.",
     "2022-02-01", "regionsrådet"),
    ("Digitaliseringsstrategi\nStrategien blev endeligt vedtaget i Økonomiudvalget d. 3/5 2016.",
     "2016-05-03", "økonomiudvalget"),
    ("Demenspolitik\nBehandlet og godkendt i Social- og Sundhedsudvalget 12.06.2019",
     "2019-06-12", "social- og sundhedsudvalget"),
    ("Beskæftigelsesplan\nPlanen er godkendt af Kommunalbestyrelsen i Hørsholm Kommune i "
     "juni 2021.",
     "2021-06", "kommunalbestyrelsen"),
    ("Handicappolitik\nByrådet vedtog politikken den 24. april 2018.", "2018-04-24", "byrådet"),
    ("Personalepolitik\nVedtaget: 14.09.2020", "2020-09-14", None),
    ("Indkøbspolitik\nGodkendt på byrådsmødet den 19. december 2017", "2017-12-19", "byrådet"),
    ("Idrætspolitik\nKultur- og Fritidsudvalget har den 4. maj 2015 godkendt Idrætspolitikken.",
     "2015-05-04", "kultur- og fritidsudvalget"),
    ("Naturpolitik\nPolitikken er vedtaget af Aarhus Byråd den 8. november 2017",
     "2017-11-08", "byrådet"),
    ("Fælles strategi\nGodkendt af Magistraten 10.05.2017", "2017-05-10", "magistraten"),
    ("Klimastrategi\nDen 1. juli 2021 vedtog Regionsrådet Region Midtjyllands nye klimastrategi.",
     "2021-07-01", "regionsrådet"),
    ("Handicappolitik\nKommunalbestyrelsen vedtog en ny handicappolitik den 5. maj 2020.",
     "2020-05-05", "kommunalbestyrelsen"),
    ("Kulturpolitik\nKommunalbestyrelsen har på sit møde den 25. august 2015 godkendt "
     "Kulturpolitikken.", "2015-08-25", "kommunalbestyrelsen"),
    ("Kulturpolitik\nGodkendt i byrådet 12. dec. 2018", "2018-12-12", "byrådet"),
    ("Kulturpolitik\nPolitikken er vedtaget den 1. januar 2019 af kommunalbestyrelsen.",
     "2019-01-01", "kommunalbestyrelsen"),
    ("Kulturpolitik\nGodkendt af Byrådet 2016", "2016", "byrådet"),
    ("Kulturpolitik\nRevideret politik godkendt af Kommunalbestyrelsen 12. marts 2024. Første "
     "version blev vedtaget i 2016.", "2024-03-12", "kommunalbestyrelsen"),
    ("Trafikpolitik\nPolitikken er godkendt af Udvalget for Klima og Miljø den 3. oktober 2022.",
     "2022-10-03", "udvalget for klima og miljø"),
    ("Kommunikationspolitik\nKommunikationspolitikken er vedtaget af Kommunalbestyrelsen.",
     None, "kommunalbestyrelsen"),
    ("Skolepolitik\nSkolepolitikken blev behandlet og godkendt i Børne- og Ungeudvalget den "
     "6. juni 2016 og efterfølgende i Byrådet den 22. juni 2016.", "2016-06-22", "byrådet"),
    ("Skolepolitik\nDen blev godkendt af et enigt byråd den 3. marts 2021.", "2021-03-03",
     "byrådet"),
    ("Børne- og Ungepolitik\nByrådet besluttede den xx. juni 2015 Aalborg Kommunes nye Børne- og "
     "Ungepolitik.", "2015-06", "byrådet"),
]

NOT_ADOPTED = [
    "Boligpolitik\nPolitikken skal godkendes af byrådet i foråret 2024.",
    "Boligpolitik\nUdkastet forventes vedtaget af kommunalbestyrelsen den 15. maj 2024.",
    "Boligpolitik\nKommunalbestyrelsen besluttede den 29. januar 2020 at igangsætte arbejdet.",
    "Handicappolitik\nI år 2008 vedtog Kommunalbestyrelsen en Handicappolitik, som nu revideres.",
    "Handicappolitik\nGlostrup Kommune har vedtaget en række politikker.",
    "Handicappolitik\nEfter en årrække har vi besluttet at revidere vores handicappolitik.",
    "Værdighedspolitik\nKommunalbestyrelsen har besluttet, hvordan midlerne skal disponeres.",
    "Udviklingskontrakt\nByrådets visioner, politikker og politisk besluttede forandringer.",
    "Notat\nUdvalget fastholder fokus på de overordnede strategier Byrådet har vedtaget.",
    "Ældrepolitik\nDen netop vedtagne strategi for frivillighed slår nye toner an.",
]


@pytest.mark.parametrize(("text", "date", "body"), ADOPTED)
def test_adoption_statements(text: str, date: str | None, body: str | None) -> None:
    facts = analyse_document(text)
    assert (facts.adopted_date, facts.adopted_by) == (date, body)


@pytest.mark.parametrize("text", NOT_ADOPTED)
def test_sentences_that_state_no_adoption_of_the_document(text: str) -> None:
    facts = analyse_document(text)
    assert (facts.adopted_date, facts.adopted_by) == (None, None)


def test_the_statement_is_the_evidence() -> None:
    text = (
        "Sundhedspolitik\nSundhedspolitikken er vedtaget af kommunalbestyrelsen d. 14. august 2013."
    )
    facts = analyse_document(text)
    (evidence,) = facts.evidence["adopted_date"]
    assert evidence.text == text.splitlines()[1]
    assert text[evidence.start : evidence.end] == evidence.text


def test_the_adoption_of_the_document_wins_over_other_decisions() -> None:
    text = (
        "Ældrepolitik\nByrådet godkendte i 2019 budgettet for ældreområdet. Byrådet vedtog i 2018 "
        "Klimaplanen. Ældrepolitikken er vedtaget af Byrådet den 23. marts 2021."
    )
    facts = analyse_document(text)
    assert facts.adopted_date == "2021-03-23"
