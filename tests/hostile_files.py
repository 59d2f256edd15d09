"""Hostile files, built in code: a PDF whose content stream inflates to gigabytes, a PDF
whose objects refer to themselves, and a Word file whose document part inflates to
hundreds of megabytes. Used by the tests and by the fault benchmark."""

from __future__ import annotations

import io
import zipfile
import zlib

MEGABYTE = 1024 * 1024


def _deflate_of_spaces(megabytes: int) -> bytes:
    """A zlib stream of that many megabytes of spaces, built without compressing them all:
    after a full flush a deflate block does not depend on what came before, so one
    compressed megabyte is repeated."""
    chunk = b" " * MEGABYTE
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(chunk, checksum)
    empty_final_block = b"\x03\x00"
    return b"\x78\xda" + block * megabytes + empty_final_block + checksum.to_bytes(4, "big")


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of numbered objects (1 is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_decompression_bomb(megabytes: int = 2048) -> bytes:
    stream = _deflate_of_spaces(megabytes)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
        + stream + b"\nendstream",
    ])


def pdf_with_cycles() -> bytes:
    """Pages that are their own kids, a page that is its own parent, and an object
    whose value is a reference to itself."""
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Outlines 4 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 3 0 R /Kids [2 0 R] /Contents 4 0 R >>",
        b"4 0 R",
    ])


def docx_bomb(megabytes: int = 480) -> bytes:
    """A Word package whose document part inflates to that many megabytes (under the
    extractor's own declared-size refusal, over the worker's memory)."""
    path_text = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>"
    )
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
        '/package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        '.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr("_rels/.rels", rels)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(path_text)
            word = b"politik " * (MEGABYTE // 8)
            for _ in range(megabytes):
                part.write(word)
            part.write(tail)
    return buffer.getvalue()
