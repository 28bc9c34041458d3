"""Entities in raw content (``<nowiki>``, ``<pre>``) decode by MediaWiki's rules in every emitter."""

from __future__ import annotations

import wikiparse


def test_nowiki_entities_decode_alike_in_every_emitter() -> None:
    """Issue 14: ``&amp`` without its semicolon is no entity (MediaWiki's decoder, used by the
    HTML emitter); the text, Markdown and pandoc emitters used Python's, which decodes it."""
    doc = wikiparse.parse("<nowiki>a &amp b &amp; c &lt;d&gt; &#65;</nowiki>")
    assert "a &amp;amp b &amp; c &lt;d&gt; A" in wikiparse.render(doc, "html")
    assert wikiparse.render(doc, "text") == "a &amp b & c <d> A"
    assert wikiparse.render(doc, "markdown") == "a \\&amp b \\& c \\<d\\> A\n"
    assert '"a"' in wikiparse.render(doc, "pandoc-json") and '"&amp"' in wikiparse.render(doc, "pandoc-json")
    pre = wikiparse.parse("<pre>x &amp y &amp; z</pre>")
    assert wikiparse.render(pre, "text") == "x &amp y & z"
