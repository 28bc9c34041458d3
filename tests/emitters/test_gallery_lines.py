"""``<gallery>`` lines read once for every emitter (issue 14): a caption is cut only at ``|``
outside links and templates, and the text emitter shows it parsed, not as raw wikitext.  A line
naming another namespace is kept (MediaWiki shows it as a missing file, with its caption)."""

from __future__ import annotations

import re

import wikiparse
from wikiparse.config import SiteConfig
from wikiparse.emitters.gallery import GalleryLine, gallery_lines, split_gallery_parts

GALLERY = """<gallery>
Image:K.jpg|A [[Klippan (sofa)|Klippan]] sofa.
File:L_l.jpg|alt=Alt [[x|y]]|{{lang|de|Haus}} z|link=Main Page
M.jpg
Category:Not a file.jpg|no file
</gallery>"""


def test_split_at_pipes_outside_links_and_templates() -> None:
    assert split_gallery_parts("a|[[b|c]]|{{d|e}}|[http://x y|z]") == \
        ["a", "[[b|c]]", "{{d|e}}", "[http://x y|z]"]
    assert split_gallery_parts("a]]|b}}|c") == ["a]]", "b}}", "c"]  # stray closers: no depth
    assert split_gallery_parts("") == [""]


def test_gallery_lines() -> None:
    content = GALLERY.split("\n", 1)[1].rsplit("\n", 1)[0]
    assert gallery_lines(content) == [
        GalleryLine("K.jpg", "A [[Klippan (sofa)|Klippan]] sofa."),
        GalleryLine("L l.jpg", "{{lang|de|Haus}} z", alt="Alt [[x|y]]", link="Main Page"),
        GalleryLine("M.jpg"),
        GalleryLine("Not a file.jpg", "no file", other_title="Category:Not a file.jpg"),
    ]
    de = gallery_lines("Datei:D.jpg|d\nFile:E.jpg|e", SiteConfig.for_language("de"))
    assert [line.name for line in de] == ["D.jpg", "E.jpg"]


def test_html_captions_keep_links_and_templates_whole() -> None:
    html = wikiparse.render(wikiparse.parse(GALLERY), "html")
    captions = re.findall(r'<div class="gallerytext">(.*?)</div>', html)
    assert captions[0] == 'A <a href="/wiki/Klippan_(sofa)" title="Klippan (sofa)">Klippan</a> sofa.'
    assert 'typeof="mw:Transclusion"' in captions[1] and captions[1].endswith(" z")
    # the placeholder carries the template as written in the caption (not the page's text)
    assert "&quot;wt&quot;: &quot;lang&quot;" in captions[1]
    assert 'alt="Alt y"' in html
    assert "Klippan]]" not in html and "}} z" not in html


def test_text_shows_parsed_captions() -> None:
    doc = wikiparse.parse(GALLERY)
    text = wikiparse.render(doc, "text", captions=True)
    assert text == "A Klippan sofa.\nHaus z\nno file"


def test_markdown_gallery_captions() -> None:
    md = wikiparse.render(wikiparse.parse(GALLERY), "markdown")
    assert "A [Klippan](</wiki/Klippan_(sofa)>) sofa." in md
    assert "![Alt y](" in md and "Haus z" in md



def test_markdown_line_in_another_namespace_has_no_image() -> None:
    md = wikiparse.render(wikiparse.parse(GALLERY), "markdown")
    assert "no file" in md and "Not_a_file" not in md and "Not%20a%20file" not in md
