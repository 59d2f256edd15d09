"""Sample web pages: an article inside the boilerplate of a municipal website.

Around the article: a cookie banner, analytics and consent scripts, the site
navigation, a breadcrumb trail, a "related pages" box and a footer with contact
details, as on real municipal sites, so the extractor has something to remove.
"""

from __future__ import annotations

from html import escape

from samplekit.source import Block, SampleSource, links

SITE = "Fjordby Kommune"
NAVIGATION = (
    ("Borger", "/borger"),
    ("Erhverv", "/erhverv"),
    ("Politik og indflydelse", "/politik"),
    ("Kultur og fritid", "/kultur"),
    ("Job i kommunen", "/job"),
    ("Kontakt", "/kontakt"),
)
RELATED = (
    ("Dagsordener og referater", "/politik/dagsordener"),
    ("Kommunalbestyrelsen", "/politik/kommunalbestyrelsen"),
    ("Høringer og afgørelser", "/politik/hoeringer"),
    ("Budget og regnskab", "/politik/budget"),
)

_PAGE = """<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {site}</title>
<meta name="description" content="{description}">
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/assets/site.css">
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag() {{ dataLayer.push(arguments); }}
  gtag("consent", "default", {{ analytics_storage: "denied" }});
  var cookieText = "Vi bruger cookies til statistik og til at forbedre hjemmesiden";
</script>
<style>.cookie-banner {{ position: fixed; bottom: 0; }} nav ul {{ display: flex; }}</style>
</head>
<body>
<div id="cookie-consent" class="cookie-banner" role="dialog" aria-label="Cookies">
  <h2>Vi bruger cookies</h2>
  <p>Fjordby Kommune bruger cookies til at huske dine valg og til anonym statistik, så vi
  kan forbedre hjemmesiden. Du kan altid ændre dit samtykke.</p>
  <button type="button">Tillad alle</button> <button type="button">Kun nødvendige</button>
</div>
<a class="skip-link" href="#indhold">Gå til indhold</a>
<header class="site-header">
  <a class="logo" href="/"><img src="/assets/logo.svg" alt="{site}"></a>
  <form class="search" action="/soeg"><input name="q" placeholder="Søg på fjordby.dk"></form>
  <nav aria-label="Hovedmenu"><ul>
{navigation}
  </ul></nav>
</header>
<nav class="breadcrumb" aria-label="Brødkrummesti">
  <a href="/">Forside</a> › <a href="/politik">{section}</a> › <span>{title}</span>
</nav>
<main id="indhold">
<article>
<h1>{title}</h1>
{article}
<p class="updated">Senest opdateret: 1. marts 2024</p>
</article>
<aside class="related">
  <h2>Se også</h2>
  <ul>
{related}
  </ul>
</aside>
</main>
<footer class="site-footer">
  <p>{site} · Rådhustorvet 1 · 9999 Fjordby · Telefon 72 10 20 00 · post@fjordby.dk</p>
  <p>Åbningstider: mandag-onsdag 10-15, torsdag 10-17, fredag 10-13</p>
  <ul>
    <li><a href="/tilgaengelighed">Tilgængelighedserklæring</a></li>
    <li><a href="/privatliv">Privatlivspolitik</a></li>
    <li><a href="/cookies">Cookiepolitik</a></li>
  </ul>
</footer>
<script src="/assets/consent.js"></script>
<script>
  document.querySelectorAll("nav a").forEach(function (link) {{
    link.addEventListener("click", function () {{ gtag("event", "menu_click"); }});
  }});
</script>
</body>
</html>
"""


def write_html(source: SampleSource) -> bytes:
    article = "\n".join(_block(block) for block in source.blocks)
    first_paragraph = next((b.text for b in source.blocks if b.kind == "paragraph"), "")
    page = _PAGE.format(
        title=escape(source.title),
        site=SITE,
        description=escape(_plain_text(first_paragraph)[:150]),
        url=escape(source.option("url", "https://www.fjordby.dk/")),
        section=escape(source.option("section", "Politik og indflydelse")),
        navigation=_link_items(NAVIGATION),
        related=_link_items(RELATED),
        article=article,
    )
    return page.encode("utf-8")


def _block(block: Block) -> str:
    if block.kind == "heading":
        return f"<h{block.level}>{escape(block.text)}</h{block.level}>"
    if block.kind == "paragraph":
        return f"<p>{_inline(block.text)}</p>"
    if block.kind in ("bullets", "numbered"):
        tag = "ul" if block.kind == "bullets" else "ol"
        items = "".join(f"<li>{_inline(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if block.kind == "quote":
        return f"<blockquote><p>{_inline(block.text)}</p></blockquote>"
    if block.kind == "table":
        head, *body = block.rows
        header = "".join(f"<th>{escape(cell)}</th>" for cell in head)
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in body
        )
        return f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
    raise ValueError(f"unknown block kind {block.kind}")


def _inline(text: str) -> str:
    parts: list[str] = []
    for before, label, target in links(text):
        parts.append(escape(before))
        if target:
            parts.append(f'<a href="{escape(target)}">{escape(label)}</a>')
    return "".join(parts)


def _plain_text(text: str) -> str:
    return "".join(before + label for before, label, _ in links(text))


def _link_items(entries: tuple[tuple[str, str], ...]) -> str:
    return "\n".join(
        f'    <li><a href="{href}">{escape(label)}</a></li>' for label, href in entries
    )
