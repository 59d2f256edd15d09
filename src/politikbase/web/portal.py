"""What every route shares: the service, the current snapshot, the templates, caches."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from politikbase.service import Service
from politikbase.web import labels
from politikbase.web.responses import tagged
from politikbase.web.snapshot import Snapshot, SnapshotCache

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
HTML = "text/html; charset=utf-8"


def query_url(path: str, **params: object) -> str:
    """`path` with the given query parameters, empty ones left out."""
    kept = {name: value for name, value in params.items() if value not in (None, "", [])}
    return f"{path}?{urlencode(kept, doseq=True)}" if kept else path


class LruCache:
    """A small thread-safe cache of computed values, the least recently used dropped."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        self.put(key, value)
        return value

    def peek(self, key: Any) -> Any:
        """The value kept under `key`, or None."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def _combine(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Two mappings as one, the second's values winning (for building query links)."""
    return {**first, **second}


def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
        lstrip_blocks=True, undefined=StrictUndefined,
    )
    environment.globals.update(
        labels=labels, query_url=query_url, status_label=labels.STATUS_LABELS.get,
    )
    environment.filters.update(
        stated_date=labels.stated_date, age=labels.age, timestamp=labels.timestamp,
        fact_value=labels.fact_value, combine=_combine,
    )
    return environment


class Portal:
    def __init__(self, service: Service) -> None:
        self.service = service
        self.snapshots = SnapshotCache(service)
        self.templates = _environment()
        self.pages = LruCache(256)  # rendered parts of pages, keyed with the snapshot stamp
        self.images = LruCache(64)  # PDF page images

    def snapshot(self) -> Snapshot:
        return self.snapshots.get()

    def render_html(self, template: str, **context: Any) -> str:
        return self.templates.get_template(template).render(**context)

    def page(
        self, request: Request, template: str, *, status_code: int = 200, **context: Any
    ) -> Response:
        snapshot = context.pop("snapshot", None) or self.snapshot()
        html = self.render_html(
            template, snapshot=snapshot, path=request.url.path,
            search_titles=snapshot.titles(), **context,
        )
        return tagged(request, html, HTML, status_code=status_code)


def portal_of(request: Request) -> Portal:
    portal: Portal = request.app.state.portal
    return portal


def safe(html: str) -> Markup:
    """HTML the portal built itself from escaped parts."""
    return Markup(html)
