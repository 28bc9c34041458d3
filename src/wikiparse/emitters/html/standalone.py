"""Standalone HTML: a rendered page as a complete document a browser shows as a wiki page.

``render(doc, "html", standalone=True)`` wraps the body the emitter writes in ``<!DOCTYPE html>``,
``<html lang dir>``, a ``<head>`` with the charset, the page title and a stylesheet, and puts the
page's categories in a box at the end, as MediaWiki's skins do.  The stylesheet is our own
(``wikiparse.css`` beside this module, shipped in the wheel): it lays out what the emitter writes
(floated thumbnails with captions, ``wikitable`` borders, infoboxes, the TOC box, references,
galleries, headings with rules) and uses logical properties, so right-to-left pages (the
direction follows the language, :func:`text_direction`) mirror without extra rules.  ``css=URL``
links another stylesheet instead of inlining ours.

The document loads nothing by itself but the image URLs of the page (see the ``files`` option)
and the ``css`` URL when one is given.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Iterable, Protocol, Sequence

from ...ast import Document
from ...config import SiteConfig
from .sanitizer import escape_attr, escape_text


class HtmlPage(Protocol):
    """What a page render gives (:class:`~wikiparse.emitters.html.HtmlPage`)."""

    html: str
    categories: list[tuple[str, str | None]]
    headings: list[tuple[int, str, str]]


class HtmlEmitter(Protocol):
    """The options of :class:`~wikiparse.emitters.html.HtmlEmitter` a standalone page uses."""

    config: SiteConfig | None
    page_title: str | None
    css: str | Sequence[str] | None

    def page_url(self, title: str, fragment: str | None = None) -> str: ...

__all__ = ["RTL_LANGUAGES", "render_standalone", "standalone_document", "stylesheet", "text_direction"]

#: languages written right to left (MediaWiki's RTL content languages), by code or code prefix
RTL_LANGUAGES = frozenset({
    "ar", "arc", "ary", "arz", "azb", "bcc", "bgn", "bqi", "ckb", "dv", "fa", "glk", "he", "khw",
    "kk-arab", "kk-cn", "ks", "ks-arab", "ku-arab", "lki", "lrc", "luz", "mzn", "nqo", "pnb", "ps",
    "sd", "sdh", "skr", "skr-arab", "syc", "ug", "ug-arab", "ur", "ydd", "yi", "aeb-arab", "ajp-arab",
    "iw", "ji",
})


def text_direction(lang: str | None) -> str:
    """``"rtl"`` for a language written right to left (``ar``, ``fa``, ``he``, ``ur``, ``ar-EG``
    ...), else ``"ltr"``."""
    if not lang:
        return "ltr"
    code = lang.strip().lower().replace("_", "-")
    if code in RTL_LANGUAGES:
        return "rtl"
    # a region or variant subtag keeps the script's direction (ar-eg), a script subtag decides
    base, _, rest = code.partition("-")
    if rest.startswith(("arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg")):
        return "rtl"
    if rest.startswith(("latn", "cyrl")):
        return "ltr"
    return "rtl" if base in RTL_LANGUAGES else "ltr"


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The bundled stylesheet (``wikiparse.css``) as text."""
    return resources.files(__package__).joinpath("wikiparse.css").read_text(encoding="utf-8")


def _categories_html(categories: Iterable[tuple[str, str | None]], label: str,
                     category_url: dict[str, str]) -> str:
    items = "".join(
        f'<li><a href="{escape_attr(category_url[name])}">{escape_text(name)}</a></li>'
        for name in dict.fromkeys(name for name, _ in categories)
    )
    if not items:
        return ""
    return (f'<div id="catlinks" class="catlinks" role="navigation">'
            f'{escape_text(label)}: <ul>{items}</ul></div>\n')


def standalone_document(
    page: HtmlPage,
    *,
    title: str,
    lang: str,
    heading: bool = True,
    css: str | Sequence[str] | None = None,
    category_url: dict[str, str] | None = None,
    category_label: str = "Categories",
    generator: str = "wikiparse",
) -> str:
    """A complete HTML document around ``page.html``.

    ``title`` goes into ``<title>`` (and, with ``heading``, into an ``<h1 class="firstHeading">``
    above the body); ``lang`` sets ``lang`` and ``dir``; ``css`` is a stylesheet URL (or several)
    linked instead of the inlined bundled one; ``category_url`` maps each category name of the
    page to its link (the categories box is left out without it).
    """
    direction = text_direction(lang)
    if css is None:
        style = f"<style>\n{stylesheet()}</style>\n"
    else:
        urls = [css] if isinstance(css, str) else list(css)
        style = "".join(f'<link rel="stylesheet" href="{escape_attr(u)}">\n' for u in urls)
    h1 = (f'<h1 id="firstHeading" class="firstHeading">{escape_text(title)}</h1>\n'
          if heading and title else "")
    cats = _categories_html(page.categories, category_label, category_url or {}) \
        if category_url is not None else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape_attr(lang)}" dir="{direction}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{escape_attr(generator)}">\n'
        f"<title>{escape_text(title)}</title>\n"
        f"{style}</head>\n"
        '<body>\n<main id="content" class="wikiparse-page">\n'
        f"{h1}"
        f'<div id="bodyContent">\n{page.html}\n</div>\n'
        f"{cats}"
        "</main>\n</body>\n</html>\n"
    )


def render_standalone(emitter: HtmlEmitter, doc: Document, page: HtmlPage) -> str:
    """The standalone document of ``doc`` rendered by ``emitter`` (its ``page_title``, ``css``
    and ``config`` options): the title is ``page_title``, else the rendered page's own title,
    else the first heading."""
    config = emitter.config
    own_heading = doc.dialect == "rendered" and bool(doc.title)  # the body starts with its <h1>
    title = emitter.page_title or doc.title or (page.headings[0][2] if page.headings else "")
    category_ns = (config.namespace_name(14) if config is not None else "") or "Category"
    return standalone_document(
        page,
        title=title or "Untitled",
        lang=config.lang if config is not None else "en",
        heading=bool(emitter.page_title) and not own_heading,
        css=emitter.css,
        category_url={name: emitter.page_url(f"{category_ns}:{name}") for name, _ in page.categories},
    )
