"""Charts drawn on the server as SVG, each with a title and a description for people
who cannot see it (the pages also give the numbers as a table)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

# Dark enough for 3:1 against white (WCAG 1.4.11) and told apart by more than hue:
# every segment also carries its number, and the legend names it.
PALETTE = ("#1d5f3a", "#1d4f91", "#8a4b00", "#a4262c", "#5b3f8c")
INK = "#1f1f1f"
GRID = "#767676"
FONT = "font-family=\"system-ui, sans-serif\" font-size=\"13\""


def _svg_open(chart_id: str, width: int, height: int, title: str, description: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{chart_id}-titel {chart_id}-beskrivelse">'
        f'<title id="{chart_id}-titel">{escape(title)}</title>'
        f'<desc id="{chart_id}-beskrivelse">{escape(description)}</desc>'
    )


def column_chart(
    chart_id: str, title: str, description: str, columns: Sequence[tuple[str, int]],
    *, width: int = 640, height: int = 240,
) -> Markup:
    """Upright bars, one a label (years in order, say), with their values above them."""
    left, right, top, bottom = 36, 8, 24, 40
    plot_width, plot_height = width - left - right, height - top - bottom
    highest = max((value for _, value in columns), default=0) or 1
    step = plot_width / max(len(columns), 1)
    bar = max(step * 0.7, 2)
    parts = [_svg_open(chart_id, width, height, title, description)]
    parts.append(
        f'<line x1="{left}" y1="{top + plot_height}" x2="{width - right}" '
        f'y2="{top + plot_height}" stroke="{GRID}" stroke-width="1"/>'
    )
    label_every = max(1, round(len(columns) / 16))
    for number, (label, value) in enumerate(columns):
        x = left + number * step + (step - bar) / 2
        bar_height = plot_height * value / highest
        y = top + plot_height - bar_height
        if value:
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{bar_height:.1f}" '
                f'fill="{PALETTE[1]}"><title>{escape(label)}: {value}</title></rect>'
                f'<text x="{x + bar / 2:.1f}" y="{y - 5:.1f}" text-anchor="middle" '
                f'fill="{INK}" {FONT}>{value}</text>'
            )
        if number % label_every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{top + plot_height + 18}" text-anchor="middle" '
                f'fill="{INK}" {FONT}>{escape(label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_bar_chart(
    chart_id: str, title: str, description: str, rows: Sequence[tuple[str, Sequence[int]]],
    segments: Sequence[str], *, width: int = 640,
) -> Markup:
    """Lying bars, one a row, split into segments (with a legend and every count shown)."""
    left, right, top, row_height, bar_height = 130, 16, 40, 34, 22
    height = top + row_height * max(len(rows), 1) + 8
    plot_width = width - left - right
    widest = max((sum(values) for _, values in rows), default=0) or 1
    parts = [_svg_open(chart_id, width, height, title, description)]
    x = left
    for number, segment in enumerate(segments):
        colour = PALETTE[number % len(PALETTE)]
        parts.append(
            f'<rect x="{x}" y="8" width="14" height="14" fill="{colour}"/>'
            f'<text x="{x + 20}" y="20" fill="{INK}" {FONT}>{escape(segment)}</text>'
        )
        x += 28 + 8 * len(segment)
    for row_number, (label, values) in enumerate(rows):
        y = top + row_number * row_height
        parts.append(
            f'<text x="{left - 8}" y="{y + bar_height / 2 + 5:.1f}" text-anchor="end" '
            f'fill="{INK}" {FONT}>{escape(label)}</text>'
        )
        x_position = float(left)
        for number, value in enumerate(values):
            if not value:
                continue
            segment_width = plot_width * value / widest
            colour = PALETTE[number % len(PALETTE)]
            parts.append(
                f'<rect x="{x_position:.1f}" y="{y}" width="{segment_width:.1f}" '
                f'height="{bar_height}" fill="{colour}" stroke="#fff" stroke-width="1">'
                f"<title>{escape(label)}, {escape(segments[number])}: {value}</title></rect>"
            )
            if segment_width >= 14:
                parts.append(
                    f'<text x="{x_position + segment_width / 2:.1f}" '
                    f'y="{y + bar_height / 2 + 5:.1f}" text-anchor="middle" fill="#fff" '
                    f'{FONT}>{value}</text>'
                )
            x_position += segment_width
    parts.append("</svg>")
    return Markup("".join(parts))
