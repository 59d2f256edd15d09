"""The relations between an organisation's policies, laid out by Graphviz as SVG.

`dot` (Debian's graphviz) runs as a subprocess with a time limit; its SVG is
inlined in the page, every policy a link to its page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

DOT_TIMEOUT_SECONDS = 10
_XML_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


class GraphUnavailable(RuntimeError):
    """Graphviz is missing, failed or took too long."""


@dataclass(frozen=True, slots=True)
class GraphNode:
    key: str
    label: str
    link: str | None  # None: named in a text, not found in the register
    status: str = "unknown"


@dataclass(frozen=True, slots=True)
class GraphEdge:
    source: str
    target: str
    label: str
    kind: str


STATUS_COLOURS = {
    "current": "#d9f2e0", "due_soon": "#fff1c2", "overdue": "#fbd9d9", "replaced": "#e6e6e6",
    "draft": "#e3ecfa", "unknown": "#ffffff",
}
EDGE_STYLES = {"replaces": "bold", "based_on": "solid", "related_to": "dashed",
               "implements": "solid"}


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def dot_source(title: str, nodes: list[GraphNode], edges: list[GraphEdge]) -> str:
    lines = [
        "digraph relationer {",
        f"  label={_quoted(title)}; labelloc=t; rankdir=LR; bgcolor=transparent;",
        '  fontname="DejaVu Sans"; fontsize=14;',
        '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=11,'
        ' color="#4d4d4d", fontcolor="#1f1f1f", margin="0.15,0.08"];',
        '  edge [fontname="DejaVu Sans", fontsize=10, color="#4d4d4d", fontcolor="#1f1f1f"];',
    ]
    for node in nodes:
        attributes = {
            "label": node.label, "tooltip": node.label,
            "fillcolor": STATUS_COLOURS.get(node.status, "#ffffff"),
        }
        if node.link is None:
            attributes |= {"style": "dashed", "fillcolor": "#ffffff"}
        else:
            attributes["URL"] = node.link
        rendered = ", ".join(f"{name}={_quoted(value)}" for name, value in attributes.items())
        lines.append(f"  {_quoted(node.key)} [{rendered}];")
    for edge in edges:
        style = EDGE_STYLES.get(edge.kind, "solid")
        lines.append(
            f"  {_quoted(edge.source)} -> {_quoted(edge.target)} "
            f"[label={_quoted(edge.label)}, style={style}];"
        )
    lines.append("}")
    return "\n".join(lines)


def render_svg(source: str) -> str:
    """The SVG element Graphviz draws for `source` (prologue and comments removed)."""
    dot = shutil.which("dot")
    if dot is None:
        raise GraphUnavailable("Graphviz (dot) er ikke installeret")
    try:
        completed = subprocess.run(
            [dot, "-Tsvg"], input=source.encode("utf-8"), capture_output=True,
            timeout=DOT_TIMEOUT_SECONDS, check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise GraphUnavailable("Graphviz brugte for lang tid") from error
    if completed.returncode != 0:
        raise GraphUnavailable(completed.stderr.decode("utf-8", "replace").strip()[:300])
    svg = completed.stdout.decode("utf-8")
    return _COMMENT.sub("", _XML_PROLOGUE.sub("", svg, count=1))
