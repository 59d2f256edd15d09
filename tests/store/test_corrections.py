"""Corrections: kept as such, win over extraction everywhere, survive re-ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from politikbase.ingest import Ingester
from politikbase.service import Service
from politikbase.store.corrections import check_correction, parse_correction_value

POLICY = (
    "Kulturpolitik for Fjordby Kommune\n"
    "Politikken er vedtaget af Byrådet den 3. maj 2016.\n"
    "Kulturpolitikken revideres hvert fjerde år.\n"
)


def _ingest(service: Service, *paths: Path) -> None:
    Ingester(service.register, service.index).ingest(list(paths))


def _jsonl(path: Path, text: str) -> Path:
    path.write_text(
        json.dumps({"id": "kultur-1", "title": "Kulturpolitik", "text": text}, ensure_ascii=False),
        encoding="utf-8",
    )
    return path


def test_correction_wins_and_is_kept_as_such(tmp_path: Path) -> None:
    service = Service(tmp_path / "data")
    source = tmp_path / "kultur.txt"
    source.write_text(POLICY, encoding="utf-8")
    _ingest(service, source)
    record = service.register.documents()[0]
    assert record.fact("adopted_date") == "2016-05-03"
    service.correct(record.id, "adopted_date", "2016-05-10", author="redaktør", note="referat")
    service.correct(record.id, "municipality", "aarhus", author="redaktør")
    corrected = service.register.document(record.id)
    assert corrected is not None
    assert corrected.fact("adopted_date") == "2016-05-10"
    assert corrected.extracted_facts["adopted_date"] == "2016-05-03"
    assert corrected.municipality == "Aarhus Kommune"  # normalised, and in the column
    facts = {fact["field"]: fact for fact in Service.facts_json(corrected)}
    assert facts["adopted_date"]["source"] == "corrected"
    assert facts["adopted_date"]["correction"]["note"] == "referat"
    assert facts["adopted_date"]["extracted_value"] == "2016-05-03"
    assert facts["adopted_by"]["source"] == "extracted"
    assert facts["adopted_by"]["evidence"][0]["text"].startswith("Politikken er vedtaget")
    # Filters and search read the corrected organisation.
    assert service.register.documents(municipality="Aarhus Kommune")
    assert service.search("kulturpolitik", municipality="Aarhus")
    assert not service.search("kulturpolitik", municipality="Fjordby")


def test_correction_survives_reingest_of_a_changed_file(tmp_path: Path) -> None:
    service = Service(tmp_path / "data")
    source = tmp_path / "kultur.txt"
    source.write_text(POLICY, encoding="utf-8")
    _ingest(service, source)
    record = service.register.documents()[0]
    service.correct(record.id, "adopted_by", "Kultur- og Fritidsudvalget", author="a")
    _ingest(service, source)  # the same bytes again
    source.write_text(POLICY + "Politikken gælder alle kulturinstitutioner.\n", encoding="utf-8")
    _ingest(service, source)  # a changed file: a new register id
    changed = [r for r in service.register.documents() if "kulturinstitutioner" in r.text]
    assert len(changed) == 1 and changed[0].id != record.id
    assert changed[0].fact("adopted_by") == "kultur- og fritidsudvalget"


def test_correction_follows_the_external_id(tmp_path: Path) -> None:
    service = Service(tmp_path / "data")
    _ingest(service, _jsonl(tmp_path / "v1.jsonl", POLICY))
    service.correct("kultur-1", "title", "Kulturpolitik 2016-2020", author="a")
    service.correct("kultur-1", "law_refs", ["Folkeoplysningsloven"], author="a")
    _ingest(service, _jsonl(tmp_path / "v2.jsonl", POLICY + "Ny sætning.\n"))
    record = service.register.document("kultur-1")
    assert record is not None and "Ny sætning" in record.text
    assert record.title == "Kulturpolitik 2016-2020"
    assert record.fact("law_refs") == ["Folkeoplysningsloven"]
    exported = Service.detail_json(record)
    assert exported["analysis"]["title"] == "Kulturpolitik 2016-2020"


def test_bad_corrections_are_refused() -> None:
    with pytest.raises(ValueError):
        check_correction("adopted_date", "maj 2014")
    with pytest.raises(ValueError):
        check_correction("doc_type", "roman")
    with pytest.raises(ValueError):
        check_correction("colour", "blå")
    assert check_correction("adopted_by", "Byrådet") == "byrådet"
    assert parse_correction_value("replaces", "indkøbspolitikken; udbudsstrategien") == [
        "indkøbspolitikken", "udbudsstrategien",
    ]
    assert parse_correction_value("period", "-") is None
