"""Issue 14: a paragraph that holds only category (or language) links renders nothing, as in
MediaWiki (which removes such lines with their whitespace), not an empty ``<p></p>``."""

from __future__ import annotations

import pytest

import wikiparse
from wikiparse.emitters.html import HtmlEmitter


@pytest.mark.parametrize("text, html", [
    ("[[Category:X]]\n", ""),
    ("a\n\n[[Category:X]]\n\nb", "<p>a</p>\n<p>b</p>\n"),
    ("a\n\n[[Category:X]] [[Category:Y|k]]\n", "<p>a</p>\n"),
    ("a\n\n[[de:Berlin]]\n", "<p>a</p>\n"),
    ("Foo [[Category:Baz]] Bar", "<p>Foo  Bar</p>\n"),  # text beside it stays
])
def test_category_only_paragraph_renders_nothing(text: str, html: str) -> None:
    doc = wikiparse.parse(text)
    page = HtmlEmitter(wrap=False).render_page(doc)
    assert page.html == html
    assert "<p></p>" not in page.html
    assert page.categories or page.language_links
