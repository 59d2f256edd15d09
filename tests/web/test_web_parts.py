"""The portal's parts on their own: word diffs, text anchors, subjects, charts, feeds,
snippets and the Graphviz source."""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree

from politikbase.web.charts import column_chart, stacked_bar_chart
from politikbase.web.diff import word_diff
from politikbase.web.feeds import FeedEntry, atom_feed
from politikbase.web.graph import GraphEdge, GraphNode, dot_source, render_svg
from politikbase.web.pages_search import marked_snippet
from politikbase.web.subjects import title_subject
from politikbase.web.textview import Highlight, render_text


def test_word_diff_finds_changed_words_and_keeps_the_new_text() -> None:
    old = "Politikken gælder for alle ældre borgere i kommunen."
    new = "Politikken gælder for alle borgere over 65 år i kommunen."
    diff = word_diff(old, new)
    assert diff.words_removed == 1 and diff.words_added == 3
    assert "".join(p.text for p in diff.parts if p.kind != "removed") == new
    assert "".join(p.text for p in diff.parts if p.kind != "added") == old
    assert [p.text for p in diff.parts if p.kind == "removed"] == ["ældre "]
    assert word_diff(old, old).identical
    assert word_diff("a  b\nc", "a b c").identical  # re-wrapping is no change


def test_text_is_escaped_with_anchors_highlights_and_page_marks() -> None:
    text = "Første <side>.\nAnden side & mere."
    html = render_text(
        text, anchors=[0, 15], page_starts=[0, 15],
        highlights=[Highlight(0, 6, "bevis"), Highlight(3, 10, "bevis"),
                    Highlight(15, 20, "fundet", "fundet")],
    )
    assert "&lt;side&gt;" in html and "&amp;" in html
    assert '<span id="t-0"></span><span class="bevis">Første</span>' in html
    assert html.count('class="bevis"') == 1  # the overlapping one keeps only its anchor
    assert '<span class="sideskift" id="side-2">Side 2</span>' in html
    assert '<mark class="fundet" id="fundet">Anden</mark>' in html


def test_subjects_come_from_the_title() -> None:
    assert title_subject("Handicappolitik 2020-2024") == "Handicap"
    assert title_subject("Digitaliseringsstrategi 2022-2026") == "Digitalisering"
    assert title_subject("Børne- og ungepolitik") == "Børne- og unge"
    assert title_subject("Politik for røgfri arbejdstid") == "Røgfri arbejdstid"
    assert title_subject("Referat af mødet") is None


def test_snippets_are_escaped_before_matches_are_marked() -> None:
    html = marked_snippet("<b>Politik</b> for [[handicappede]] & [[<i>]]")
    assert html == ("&lt;b&gt;Politik&lt;/b&gt; for <mark>handicappede</mark> &amp; "
                    "<mark>&lt;i&gt;</mark>")


def test_charts_are_labelled_svg() -> None:
    columns = column_chart("aar", "Vedtaget pr. år", "2019: 2, 2020: 0, 2021: 1",
                           [("2019", 2), ("2020", 0), ("2021", 1)])
    svg = ElementTree.fromstring(str(columns))
    namespace = "{http://www.w3.org/2000/svg}"
    assert svg.get("role") == "img"
    assert svg.find(f"{namespace}title").text == "Vedtaget pr. år"
    assert len(svg.findall(f"{namespace}rect")) == 2  # no bar for a zero
    bars = stacked_bar_chart("alder", "Alder <pr. type>", "…", [("politik", [1, 0, 2, 3])],
                             ["a", "b", "c", "d"])
    parsed = ElementTree.fromstring(str(bars))
    assert parsed.find(f"{namespace}title").text == "Alder <pr. type>"
    assert len(parsed.findall(f"{namespace}rect")) == 4 + 3  # legend + non-zero segments


def test_atom_feed_is_valid_and_newest_first() -> None:
    entries = [
        FeedEntry("urn:a", "Gammel & god", "http://x/a", datetime(2024, 1, 1),
                  datetime(2024, 1, 1), "Ny: a"),
        FeedEntry("urn:b", "Nyere", "http://x/b", datetime(2024, 5, 1, 12),
                  datetime(2024, 1, 1), "Ændret: b"),
    ]
    feed = ElementTree.fromstring(atom_feed(feed_id="urn:f", title="T", self_link="http://x/f",
                                            site_link="http://x/", entries=entries))
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.find(f"{atom}updated").text == "2024-05-01T12:00:00Z"
    assert [e.find(f"{atom}title").text for e in feed.findall(f"{atom}entry")] == [
        "Nyere", "Gammel & god"]


def test_graphviz_draws_linked_nodes_from_quoted_names() -> None:
    nodes = [GraphNode("a", 'Politik "A"', "/politik/a", "current"),
             GraphNode("b", "Plan B", None)]
    source = dot_source("Relationer", nodes, [GraphEdge("a", "b", "erstatter", "replaces")])
    assert 'label="Politik \\"A\\""' in source
    svg = render_svg(source)
    assert svg.startswith("<svg")
    assert 'xlink:href="/politik/a"' in svg and "Plan B" in svg
