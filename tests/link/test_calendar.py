"""The revision calendar over a register, judged as of a fixed day."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from politikbase.ingest import Ingester
from politikbase.service import Service

RECORDS = [
    {"id": "k-1", "title": "Kulturpolitik", "municipality": "Glostrup",
     "text": "Kulturpolitikken er vedtaget af Byrådet den 10. september 2014 og revideres "
             "hvert fjerde år."},
    {"id": "k-2", "title": "Sundhedspolitik 2020-2023", "municipality": "Glostrup",
     "text": "Sundhedspolitik 2020-2023. Politikken er vedtaget af Kommunalbestyrelsen i maj "
             "2020."},
    {"id": "k-3", "title": "Ældrepolitik", "municipality": "Glostrup",
     "text": "Ældrepolitikken er vedtaget af Byrådet den 1. marts 2020."},
    {"id": "k-4", "title": "Udkast til Idrætspolitik", "municipality": "Glostrup",
     "text": "Udkast til Idrætspolitik. Idrætspolitikken sendes i høring i foråret."},
]


def _service(tmp_path: Path) -> Service:
    source = tmp_path / "politikker.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS), "utf-8")
    service = Service(tmp_path / "data")
    Ingester(service.register, service.index).ingest([source])
    return service


def test_due_dates_and_statuses_as_of_a_fixed_day(tmp_path: Path) -> None:
    entries = {e.id: e for e in _service(tmp_path).due(date(2023, 10, 1))}
    assert entries["k-1"].status == "overdue"
    assert entries["k-1"].due is not None and entries["k-1"].due.due_date == date(2018, 9, 10)
    assert entries["k-2"].status == "due_soon"  # the period ends 31 December 2023
    assert entries["k-3"].status == "current"
    assert entries["k-3"].due is not None and entries["k-3"].due.basis == "default age"
    assert entries["k-4"].status == "draft"


def test_oldest_first_and_the_default_age_is_configurable(tmp_path: Path) -> None:
    service = _service(tmp_path)
    entries = service.due(date(2023, 10, 1), default_max_age_years=2)
    dated = [e.due.due_date for e in entries if e.due is not None]
    assert dated == sorted(dated)
    by_id = {e.id: e for e in entries}
    assert by_id["k-3"].status == "overdue"
    assert "2 år" in by_id["k-3"].as_json()["explanation"]
