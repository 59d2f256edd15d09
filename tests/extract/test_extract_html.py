"""Web page extraction: the article without the site around it."""

from __future__ import annotations

import pytest

from politikbase.extract import extract_bytes
from politikbase.models import ExtractionError

ARTICLE = """
<h1>Handicappolitik 2020-2024</h1>
<p>Handicappolitikken er vedtaget af Kommunalbestyrelsen den 10. december 2019 og
revideres hvert fjerde år. Politikken bygger på FN's handicapkonvention.</p>
<h2>Vision</h2>
<p>I Fjordby Kommune skal borgere med handicap kunne leve et selvstændigt liv med de
samme muligheder som alle andre borgere, i skolen, på arbejdet og i fritiden.</p>
<h2>Principper</h2>
<ul><li>Ligeværd og respekt</li><li>Selvbestemmelse<br>i eget liv</li></ul>
<table><tr><th>Indsats</th><th>Beløb</th></tr>
<tr><td>Tilgængelighed</td><td>400.000 kr.</td></tr></table>
<p><a href="/media/handicappolitik-2020-2024.pdf">Hent politikken her</a></p>
"""


def page(
    article: str, *, title: str = "Handicappolitik | Fjordby Kommune", head: str = ""
) -> bytes:
    return f"""<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">
<title>{title}</title>{head}
<script>var tracking = "SCRIPT-I-HOVEDET"; function consent() {{ return 1; }}</script>
<style>.menu {{ color: red }}</style></head><body>
<div id="cookie-banner" class="cookieconsent"><p>Vi bruger cookies for at forbedre din
oplevelse på fjordby.dk. Læs mere om cookies og vælg dine indstillinger.</p></div>
<header><nav><ul><li><a href="/">Forside</a></li><li><a href="/borger">Borger</a></li>
<li><a href="/politik">Politik og indflydelse</a></li></ul></nav></header>
<main><article>{article}</article></main>
<footer><p>Fjordby Kommune · Rådhustorvet 1 · Telefon 72 10 20 00</p></footer>
<script>document.write("SCRIPT-I-KROPPEN");</script>
</body></html>""".encode()


def test_article_text_and_structure_are_kept() -> None:
    [document] = extract_bytes(page(ARTICLE), "hp.html")
    text = document.pages[0]
    assert document.format == "html"
    assert document.needs_repair is False
    assert "vedtaget af Kommunalbestyrelsen den 10. december 2019 og revideres" in text
    assert document.headings == ["Handicappolitik 2020-2024", "Vision", "Principper"]
    assert "\n\nVision\n\n" in text
    assert "• Ligeværd og respekt" in text
    assert "• Selvbestemmelse i eget liv" in text
    assert "Tilgængelighed | 400.000 kr." in text


def test_boilerplate_and_scripts_are_removed() -> None:
    [document] = extract_bytes(page(ARTICLE), "hp.html")
    text = document.pages[0]
    for junk in ("SCRIPT-I", "cookies", "Forside", "Rådhustorvet", "color: red"):
        assert junk not in text


def test_download_links_are_content() -> None:
    [document] = extract_bytes(page(ARTICLE), "hp.html")
    assert "Hent politikken her" in document.pages[0]


def test_title_is_the_pages_main_heading() -> None:
    [document] = extract_bytes(page(ARTICLE), "hp.html")
    assert document.title == "Handicappolitik 2020-2024"


def test_title_element_without_site_name() -> None:
    article = ARTICLE.replace("<h1>Handicappolitik 2020-2024</h1>", "")
    [document] = extract_bytes(page(article), "hp.html")
    assert document.title == "Handicappolitik"


def test_open_graph_title_site_name_and_canonical_address() -> None:
    head = (
        '<meta property="og:title" content="Handicappolitik 2020-2024">'
        '<meta property="og:site_name" content="Fjordby Kommune">'
        '<link rel="canonical" href="https://www.fjordby.dk/politik/handicappolitik">'
    )
    [document] = extract_bytes(page(ARTICLE, head=head), "hp.html")
    assert document.title == "Handicappolitik 2020-2024"
    assert document.municipality == "Fjordby Kommune"
    assert document.url == "https://www.fjordby.dk/politik/handicappolitik"


def test_page_full_of_scripts_gives_text_never_script() -> None:
    scripts = "".join(f"<script>var x{i} = 'SCRIPTINDHOLD {i}';</script>" for i in range(200))
    article = f"{scripts}<h1>Kulturpolitik</h1>{scripts}<p>{'Kultur skaber fællesskab. ' * 20}</p>"
    [document] = extract_bytes(page(article), "kultur.html")
    assert "Kultur skaber fællesskab." in document.pages[0]
    assert "SCRIPTINDHOLD" not in document.pages[0]
    assert "var x" not in document.pages[0]


def test_page_with_only_scripts_has_no_text() -> None:
    html = (
        b"<html><head><script>var a = 'kun kode';</script></head>"
        b"<body><script>b()</script></body></html>"
    )
    with pytest.raises(ExtractionError, match="no text"):
        extract_bytes(html, "tom.html")


def test_declared_legacy_encoding_is_honoured() -> None:
    html = page(ARTICLE).decode().replace('charset="utf-8"', 'charset="windows-1252"')
    [document] = extract_bytes(html.encode("cp1252"), "gammel.html")
    assert "Beløb" in document.pages[0]
    assert "selvstændigt liv" in document.pages[0]


def test_error_page_named_pdf_is_read_as_html() -> None:
    [document] = extract_bytes(page(ARTICLE), "handicappolitik.pdf")
    assert document.format == "html"


def test_oversized_page_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from politikbase.extract import webpage

    monkeypatch.setattr(webpage, "MAX_HTML_BYTES", 1000)
    with pytest.raises(ExtractionError, match="too large"):
        extract_bytes(page(ARTICLE), "stor.html")


def test_tagless_junk_named_html_fails_clearly() -> None:
    with pytest.raises(ExtractionError, match="not a readable HTML page"):
        extract_bytes(b"junk", "side.html")
