"""Relations resolved to records of the same organisation; unresolved ones kept as text."""

from __future__ import annotations

import json
from pathlib import Path

from politikbase.ingest import Ingester
from politikbase.link import RelatingDocument, resolve_relations
from politikbase.service import Service


def _document(
    identifier: str, title: str, municipality: str | None, replaces: list[str] | None = None
) -> RelatingDocument:
    return RelatingDocument(
        identifier, title, municipality, identifier, relations={"replaces": replaces or []},
    )


def test_inflected_name_finds_the_record_in_the_same_organisation() -> None:
    documents = [
        _document("old", "Indkøbspolitik", "Glostrup Kommune"),
        _document("elsewhere", "Indkøbspolitik", "Aarhus Kommune"),
        _document(
            "new", "Regler om indkøb og udbud", "Glostrup Kommune",
            ["indkøbspolitikken", "udbudsstrategien"],
        ),
    ]
    relations = resolve_relations(documents)["new"]
    assert [(r.name, r.target_id) for r in relations] == [
        ("indkøbspolitikken", "old"),
        ("udbudsstrategien", None),  # no such record: kept as text
    ]


def test_a_policy_never_relates_to_its_own_versions() -> None:
    listing_entry = _document("entry", "Handicappolitik 2020-2024", "Fjordby Kommune")
    document = _document(
        "pdf", "Handicappolitik 2020-2024", "Fjordby Kommune", ["Handicappolitik 2015"]
    )
    listing_entry.policy_id = document.policy_id = "policy-1"
    [relation] = resolve_relations([listing_entry, document])["pdf"]
    assert relation.target_id is None  # the 2015 policy is not in the register


def test_ingest_links_relations_and_show_lists_them(tmp_path: Path) -> None:
    records = [
        {"id": "g-1", "title": "Indkøbspolitik", "municipality": "Glostrup",
         "text": "Indkøbspolitikken er vedtaget af Kommunalbestyrelsen den 2. maj 2012."},
        {"id": "g-2", "title": "Regler om indkøb og udbud", "municipality": "Glostrup",
         "text": "Kommunalbestyrelsen har godkendt Regler om indkøb og udbud på deres møde den "
                 "18. august 2021. Reglerne erstatter indkøbspolitikken og udbudsstrategien."},
    ]
    source = tmp_path / "glostrup.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    service = Service(tmp_path / "data")
    Ingester(service.register, service.index).ingest([source])
    record = service.register.document("g-2")
    assert record is not None
    shown = service.show_json(record)
    resolved = {r["name"]: r["target_public_id"] for r in shown["relations"]}
    assert resolved == {"indkøbspolitikken": "g-1", "udbudsstrategien": None}
    evidence = shown["relations"][0]["evidence"]
    assert record.text[evidence["start"] : evidence["end"]] == evidence["text"]
    # The replaced policy is no longer due for revision.
    assert service.register.replaced_ids() == {service.register.document("g-1").id}  # type: ignore[union-attr]
