"""Page images of an original PDF, rendered with pypdfium2."""

from __future__ import annotations

import io
import threading

import pypdfium2 as pdfium

PAGE_WIDTH_PIXELS = 900
# PDFium is not safe to call from several threads at once.
_PDFIUM = threading.Lock()


class NotAPdf(ValueError):
    pass


def page_count(data: bytes) -> int:
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise NotAPdf(str(error)) from error
        try:
            return len(document)
        finally:
            document.close()


def page_png(data: bytes, page: int, width: int = PAGE_WIDTH_PIXELS) -> bytes:
    """Page `page` (1-based) as a PNG `width` pixels wide; IndexError past the last page."""
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise NotAPdf(str(error)) from error
        try:
            if not 1 <= page <= len(document):
                raise IndexError(page)
            pdf_page = document[page - 1]
            bitmap = pdf_page.render(scale=width / pdf_page.get_width())
            image = bitmap.to_pil()
            pdf_page.close()
        finally:
            document.close()
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
