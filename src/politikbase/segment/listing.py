"""Split a municipality's policy listing page into one segment per entry.

A listing page is a run of entries, each a heading (the policy's name), a
description, perhaps an adoption statement, and often a link line that closes it
("Hent handicappolitikken her"). Pages differ: some entries lack a heading (the
extracted text kept only the description), some headings are topics rather than
names ("Demens"), and descriptions hold sub-headings and lists of their own.

The rules, in order of strength:

* a link line closes an entry when the page uses link lines that way (most of
  them are followed by a heading or the end of the page), and opens one when
  the page heads its entries with them ("Download Handicappolitik (pdf)"
  followed by a description);
* a heading that names a policy opens an entry, unless it is an item of a list
  introduced by a colon;
* any other heading opens an entry only right after a closed one, or on pages
  whose headings are mostly topics rather than names;
* where entries have no heading, a paragraph whose subject is another policy
  than the one before ("Arbejdsmiljøpolitikken ...", then "Formålet med
  beskæftigelsespolitikken ...") opens a new entry, and so does any paragraph after
  an adoption statement unless it refers back to the same policy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from politikbase.danish.page_phrases import (
    is_adoption_statement,
    is_link_line,
    opens_with_back_reference,
    strip_file_markers,
)
from politikbase.danish.policy_words import PolicyName, capitalised
from politikbase.models import Segment
from politikbase.segment.lines import Line, is_bullet, is_heading_like, split_lines
from politikbase.segment.names import (
    enriched_heading,
    guessed_title,
    heading_policy_name,
    line_policy_names,
    name_from_link,
    starts_with_bare_reference,
    subject_policy_name,
)

# Share of link lines that must be followed by a heading (or the end) for the page
# to use them as the end of an entry.
CLOSING_LINK_SHARE = 0.6
# Share of headings that must name a policy for the other headings to count as
# sub-headings inside entries.
NAMING_HEADING_SHARE = 0.5
MIN_CLOSING_LINKS = 2


@dataclass(slots=True)
class _Entry:
    lines: list[Line] = field(default_factory=list)
    title_line: Line | None = None
    subject: PolicyName | None = None  # what an entry without a heading is about
    closed: bool = False
    adopted: bool = False
    links: list[Line] = field(default_factory=list)
    opened_by_link: bool = False  # "Download Handicappolitik (pdf)" heads the entry


@dataclass(frozen=True, slots=True)
class LineKind:
    """What one line of a listing page is, worked out once."""

    link: bool
    heading: bool  # a heading that may open an entry
    names_policy: bool  # a heading naming a policy ("Energistrategi")
    list_item: bool  # heading-like or a bullet: may continue a list after a colon


@dataclass(frozen=True, slots=True)
class PageStyle:
    """How a listing page marks its entries."""

    links_close: bool  # link lines end entries
    links_open: bool  # link lines head entries: a description follows, no heading precedes
    headings_name: bool  # most headings name a policy; the others are sub-headings
    links: int
    closing_links: int
    headings: int
    naming_headings: int


def is_entry_heading(line: Line) -> bool:
    """True for a line that may head an entry: heading-like and not a link line."""
    return not is_link_line(line.text) and is_heading_like(line.text)


def classify(lines: list[Line]) -> list[LineKind]:
    """What each line is, for the rules that follow."""
    kinds: list[LineKind] = []
    for line in lines:
        text = line.text
        link = is_link_line(text)
        heading_like = is_heading_like(text)
        heading = heading_like and not link
        names_policy = heading and heading_policy_name(text) is not None
        kinds.append(LineKind(link, heading, names_policy, heading_like or is_bullet(text)))
    return kinds


def page_style(kinds: list[LineKind]) -> PageStyle:
    """How the page uses link lines and headings, from how they stand to each other."""
    closing = headed = total = 0
    for index, kind in enumerate(kinds):
        if not kind.link:
            continue
        total += 1
        headed += index > 0 and kinds[index - 1].heading
        following = index + 1
        while following < len(kinds) and kinds[following].link:
            following += 1
        if following == len(kinds) or kinds[following].heading:
            closing += 1
    links_close = total >= MIN_CLOSING_LINKS and closing >= CLOSING_LINK_SHARE * total
    links_open = (
        total >= MIN_CLOSING_LINKS
        and not links_close
        and closing + headed < (1 - CLOSING_LINK_SHARE) * total
    )
    headings = sum(1 for kind in kinds if kind.heading)
    naming = sum(1 for kind in kinds if kind.names_policy)
    headings_name = headings > 0 and naming >= NAMING_HEADING_SHARE * headings
    return PageStyle(links_close, links_open, headings_name, total, closing, headings, naming)


def _opens_entry(
    line: Line, kind: LineKind, current: _Entry | None, style: PageStyle, in_list: bool
) -> bool:
    if current is None or current.closed:
        return True
    if kind.link:
        # Several link lines in a row offer the files of one entry.
        follows_link = bool(current.links) and current.links[-1] is current.lines[-1]
        return style.links_open and not follows_link
    if kind.heading:
        if in_list:
            return False
        if kind.names_policy:
            return True
        return not style.links_close and not style.headings_name
    if current.title_line is not None or current.opened_by_link:
        return False
    text = line.text
    subject = subject_policy_name(text)
    if current.adopted:
        # After its adoption statement an entry continues only with its own policy
        # ("Politikken revideres …", "Den revideres …"); anything else is the next entry.
        if subject is not None:
            return current.subject is None or subject.key != current.subject.key
        return not (starts_with_bare_reference(text) or opens_with_back_reference(text))
    return (
        subject is not None and current.subject is not None and (subject.key != current.subject.key)
    )


def _entries(lines: list[Line], kinds: list[LineKind]) -> list[_Entry]:
    style = page_style(kinds)
    entries: list[_Entry] = []
    current: _Entry | None = None
    in_list = False
    for line, kind in zip(lines, kinds, strict=True):
        text = line.text
        if _opens_entry(line, kind, current, style, in_list):
            current = _Entry()
            entries.append(current)
            if kind.heading:
                current.title_line = line
            current.opened_by_link = kind.link and style.links_open
        assert current is not None
        current.lines.append(line)
        if kind.link:
            current.links.append(line)
            current.closed = current.closed or style.links_close
        elif current.title_line is None:
            if current.subject is None:
                current.subject = subject_policy_name(text)
            current.adopted = current.adopted or is_adoption_statement(text)
        # Headings after "Udover reglerne er der udarbejdet:" are items, not entries.
        if text.endswith(":"):
            in_list = True
        elif in_list and not kind.list_item:
            in_list = False
    return entries


def _has_substance(entry: _Entry) -> bool:
    """False for page headings, intros and topic groupings that are no entry."""
    if entry.links:
        return True
    if entry.title_line is not None:
        if heading_policy_name(entry.title_line.text):
            return True
        heading_names = line_policy_names(entry.title_line.text)
        if heading_names and all(name.plural for name in heading_names):
            return False  # "Politikker og strategier" heads the page, not an entry
    body = [line for line in entry.lines if line is not entry.title_line]
    if any(is_adoption_statement(line.text) for line in body):
        return True
    return any(
        name.compound and not name.plural for line in body for name in line_policy_names(line.text)
    )


def _title(entry: _Entry) -> tuple[str, int | None, int | None]:
    """The entry's title, and where its title line stands (None when inferred)."""
    names = [name for line in entry.lines for name in line_policy_names(line.text) if name.compound]
    if entry.title_line is not None:
        line = entry.title_line
        title = strip_file_markers(line.text)
        if not line_policy_names(title):
            title = enriched_heading(title, names)
        return title, line.start, line.start + len(strip_file_markers(line.text))
    offered = [found for link in entry.links if (found := name_from_link(link.text))]
    named_links = [name for name, is_policy in offered if is_policy]
    if named_links:
        return capitalised(named_links[0]), None, None
    if entry.opened_by_link and offered:
        return capitalised(offered[0][0]), None, None
    if entry.subject is not None:
        return capitalised(entry.subject.name), None, None
    if offered:
        return capitalised(offered[0][0]), None, None
    if names:
        return capitalised(names[0].name), None, None
    return guessed_title(entry.lines[0].text), None, None


def segment_listing(
    text: str, lines: list[Line] | None = None, kinds: list[LineKind] | None = None
) -> list[Segment]:
    """One segment (kind "entry") per entry of a policy listing page."""
    lines = split_lines(text) if lines is None else lines
    kinds = classify(lines) if kinds is None else kinds
    entries = _entries(lines, kinds)
    # Page headings and introductions come before the first entry; groupings
    # ("Børn og unge") are headings with nothing of their own.
    first = next((i for i, entry in enumerate(entries) if _has_substance(entry)), None)
    if first is None:
        return []
    kept = [
        entry
        for entry in entries[first:]
        if _has_substance(entry) or len(entry.lines) > 1 or entry.title_line is None
    ]
    segments: list[Segment] = []
    for entry in kept:
        title, title_start, title_end = _title(entry)
        segments.append(
            Segment(
                title=title,
                start=entry.lines[0].start,
                end=entry.lines[-1].end,
                kind="entry",
                title_start=title_start,
                title_end=title_end,
            )
        )
    return segments
