"""The relation graph (`/graf`): an organisation's policies and what they say of each other."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request, Response
from markupsafe import Markup

from politikbase.web.graph import GraphEdge, GraphNode, GraphUnavailable, dot_source, render_svg
from politikbase.web.labels import RELATION_LABELS
from politikbase.web.pages_register import filter_rows
from politikbase.web.portal import portal_of
from politikbase.web.snapshot import Snapshot

router = APIRouter(include_in_schema=False)


def relation_graph(
    snapshot: Snapshot, organisation: str
) -> tuple[list[GraphNode], list[GraphEdge]]:
    """One node per policy of the organisation (and per name no record answers to),
    one edge per stated relation between policies."""
    rows = filter_rows(snapshot.rows, organisation=organisation)
    nodes = {row.id: GraphNode(row.id, row.title, f"/politik/{row.id}", row.status) for row in rows}
    edges: dict[tuple[str, str, str], GraphEdge] = {}
    for row in rows:
        for version_id in row.version_ids:
            version = snapshot.by_id[version_id]
            for relation in snapshot.relations.get(version.id, []):
                target_row = snapshot.row_of.get(relation.target_id or "")
                if target_row is not None:
                    if target_row.id == row.id:
                        continue
                    target = target_row.id
                    if target not in nodes:
                        nodes[target] = GraphNode(target, target_row.title,
                                                  f"/politik/{target}", target_row.status)
                else:
                    target = f"navn:{relation.name.casefold()}"
                    nodes.setdefault(target, GraphNode(target, relation.name, None))
                label = RELATION_LABELS.get(relation.kind, relation.kind).lower()
                edges[(row.id, target, relation.kind)] = GraphEdge(row.id, target, label,
                                                                   relation.kind)
    return list(nodes.values()), list(edges.values())


def _default_organisation(snapshot: Snapshot) -> str:
    counts = Counter(row.municipality for row in snapshot.rows if row.municipality)
    return counts.most_common(1)[0][0] if counts else ""


@router.get("/graf")
def graph_page(request: Request, organisation: str = "") -> Response:
    portal = portal_of(request)
    snapshot = portal.snapshot()
    organisation = organisation or _default_organisation(snapshot)
    nodes, edges = relation_graph(snapshot, organisation)
    titles = {node.key: node for node in nodes}
    svg: Markup | None = None
    problem: str | None = None
    if edges:
        title = f"Relationer mellem politikker i {organisation or 'registeret'}"
        try:
            svg = Markup(portal.pages.get(
                ("graf", snapshot.stamp, organisation),
                lambda: render_svg(dot_source(title, nodes, edges)),
            ))
        except GraphUnavailable as error:
            problem = str(error)
    return portal.page(
        request, "graph.html", snapshot=snapshot, organisation=organisation,
        organisations=[(name, name) for name in snapshot.organisations()],
        nodes=nodes, edges=edges, titles=titles, svg=svg, problem=problem,
    )
