import pytest

from politikbase.danish.doc_types import doc_type_from_title


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Handicappolitik", "politik"),
        ("Den sammenhængende børnepolitik", "politik"),
        ("Forvaltningens strategiplan for 2013-14", "strategi"),
        ("Klimahandleplan 2021-2025", "handleplan"),
        ("Høringsudkast: Værdighedspolitik", "høring"),
        ("Retningslinjer for tilskud til foreninger", "retningslinjer"),
        ("Indkøbsregler", "regler"),
        ("Vision 2030", "vision"),
        ("Kommuneplan 2021", "plan"),
        ("Kommunen 3.0", "andet"),
    ],
)
def test_doc_type_from_title(title: str, expected: str) -> None:
    assert doc_type_from_title(title) == expected
