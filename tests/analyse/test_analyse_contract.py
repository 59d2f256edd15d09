"""The analyse contract: JSON keys, value formats and evidence for every stated field."""

from __future__ import annotations

import re

from politikbase.analyse import analyse_document

CONTRACT_KEYS = [
    "id", "title", "doc_type", "municipality", "adopted_date", "adopted_by", "period",
    "revision_rule", "law_refs", "replaces", "based_on", "related_to", "amounts", "evidence",
]
DOC_TYPES = {
    "politik", "strategi", "plan", "handleplan", "regler", "retningslinjer", "vision", "oversigt",
    "høring", "andet",
}
TEXT = (
    "ÆLDREPOLITIK 2021-2025\nNæstved Kommune\n\nÆldrepolitikken tager udgangspunkt i "
    "Sundhedspolitikken og afløser Ældrepolitik 2016-2020. Vi arbejder efter servicelovens § 83 "
    "med 12 mio. kr. ekstra.\n\nÆldrepolitikken er vedtaget af Byrådet den 23. marts 2021 og "
    "revideres hvert fjerde år."
)


def test_the_json_has_the_contract_keys_and_formats() -> None:
    data = analyse_document(TEXT, id="doc-1").as_json()
    assert list(data)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert data["id"] == "doc-1"
    assert data["doc_type"] in DOC_TYPES
    assert data["municipality"] == "Næstved Kommune"
    assert re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", data["adopted_date"])
    assert data["adopted_by"] == "byrådet"
    assert data["period"] == "2021-2025"
    assert data["revision_rule"] == "hvert fjerde år"
    assert data["law_refs"] == ["servicelovens § 83"]
    assert data["based_on"] == ["Sundhedspolitikken"]
    assert data["replaces"] == ["Ældrepolitik 2016-2020"]
    assert data["amounts"] == ["12 mio. kr."]


def test_every_stated_field_has_evidence_in_the_text() -> None:
    data = analyse_document(TEXT).as_json()
    for key in CONTRACT_KEYS[1:-1]:
        if data[key] in (None, []):
            continue
        evidence = data["evidence"][key]
        assert evidence, key
        for item in evidence:
            assert set(item) == {"text", "start", "end", "confidence"}
            assert TEXT[item["start"] : item["end"]] == item["text"]
            assert 0 < item["confidence"] <= 1
    for key, value in data.items():
        if value in (None, []) and key in data["evidence"]:
            raise AssertionError(f"evidence for empty field {key}")


def test_a_text_without_facts_states_none() -> None:
    data = analyse_document("Om os\nVi er en forening for borgere.").as_json()
    assert [data[k] for k in ("adopted_date", "adopted_by", "period", "revision_rule")] == [
        None, None, None, None,
    ]
    assert data["doc_type"] == "andet"
