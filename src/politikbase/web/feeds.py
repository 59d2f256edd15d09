"""Atom feeds of new and changed policies (RFC 4287)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree import ElementTree

ATOM = "http://www.w3.org/2005/Atom"
XML = "http://www.w3.org/XML/1998/namespace"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"


@dataclass(frozen=True, slots=True)
class FeedEntry:
    id: str  # a stable URI for the document
    title: str
    link: str
    updated: datetime  # naive datetimes are UTC (the register stores UTC)
    published: datetime
    summary: str
    category: str | None = None


def _when(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def atom_feed(
    *, feed_id: str, title: str, self_link: str, site_link: str, entries: list[FeedEntry]
) -> bytes:
    """The feed document; entries are written newest change first."""
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {f"{{{XML}}}lang": "da"})

    def child(parent: ElementTree.Element, tag: str, text: str | None = None,
              **attributes: str) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    ordered = sorted(entries, key=lambda entry: entry.updated, reverse=True)
    child(feed, "id", feed_id)
    child(feed, "title", title)
    child(feed, "link", rel="self", href=self_link, type="application/atom+xml")
    child(feed, "link", rel="alternate", href=site_link, type="text/html")
    newest = ordered[0].updated if ordered else datetime(2000, 1, 1)
    child(feed, "updated", _when(newest))
    author = child(feed, "author")
    child(author, "name", "politikbase")
    child(feed, "generator", "politikbase")
    for entry in ordered:
        item = child(feed, "entry")
        child(item, "id", entry.id)
        child(item, "title", entry.title)
        child(item, "link", rel="alternate", href=entry.link, type="text/html")
        child(item, "published", _when(entry.published))
        child(item, "updated", _when(entry.updated))
        if entry.category:
            child(item, "category", term=entry.category)
        child(item, "summary", entry.summary)
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True)
