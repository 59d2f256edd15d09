"""Sample Word files with python-docx: real Title and Heading styles, lists, tables.

A running header and footer are added as Word headers and footers, where they
live in real files. The package is rewritten with fixed member dates so the same
source always gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import docx

from samplekit.source import SampleSource, plain

MUNICIPALITY = "Fjordby Kommune"
CREATED = datetime(2024, 3, 1, 9, 0, 0)
ZIP_DATE = (2024, 3, 1, 9, 0, 0)
LIST_STYLES = {"bullets": "List Bullet", "numbered": "List Number"}


def write_docx(source: SampleSource) -> bytes:
    document = docx.Document()
    properties = document.core_properties
    properties.title = source.optional("metadata_title") or ""
    properties.author = MUNICIPALITY
    properties.last_modified_by = MUNICIPALITY
    properties.created = CREATED
    properties.modified = CREATED
    properties.revision = 1

    section = document.sections[0]
    section.header.paragraphs[0].text = f"{MUNICIPALITY} · {source.title}"
    section.footer.paragraphs[0].text = f"{MUNICIPALITY} · Rådhustorvet 1 · 9999 Fjordby"

    document.add_heading(source.title, level=0)
    for block in source.blocks:
        if block.kind == "heading":
            # "##" is the first level under the title.
            document.add_heading(block.text, level=max(1, block.level - 1))
        elif block.kind == "paragraph":
            document.add_paragraph(plain(block.text))
        elif block.kind in LIST_STYLES:
            for item in block.items:
                document.add_paragraph(plain(item), style=LIST_STYLES[block.kind])
        elif block.kind == "quote":
            document.add_paragraph(plain(block.text), style="Intense Quote")
        elif block.kind == "table":
            columns = max(len(row) for row in block.rows)
            table = document.add_table(rows=len(block.rows), cols=columns)
            table.style = "Table Grid"
            for row, values in zip(table.rows, block.rows, strict=True):
                for cell, value in zip(row.cells, values, strict=False):
                    cell.text = plain(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return _with_fixed_dates(buffer.getvalue())


def _with_fixed_dates(package: bytes) -> bytes:
    """The same zip with every member dated ZIP_DATE (zipfile stamps the current time)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as fixed,
    ):
        for member in original.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            fixed.writestr(info, original.read(member.filename))
    return out.getvalue()
