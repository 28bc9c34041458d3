"""``Document.files`` lists the images of ``<gallery>`` tags too (issue 14, a peer-suite miss):
every line naming a file, in document order, as a FileLink whose span is its line."""

from __future__ import annotations

import wikiparse
from wikiparse.config import SiteConfig

PAGE = """[[File:Before.jpg|thumb|x]]
<gallery mode="packed">
 File:One.jpg|A [[b|c]] caption
Two.png
Category:Not a file.jpg
[[bad
Image:Three_3.jpg|alt=x
</gallery>
[[Media:After.ogg]]"""


def test_gallery_images_are_in_files_in_document_order() -> None:
    doc = wikiparse.parse(PAGE)
    files = doc.files
    assert [f.name for f in files] == ["Before.jpg", "One.jpg", "Two.png", "Three 3.jpg",
                                       "After.ogg"]
    assert [f.title for f in files[1:4]] == ["File:One.jpg", "File:Two.png", "File:Three 3.jpg"]


def test_a_gallery_file_spans_its_line() -> None:
    doc = wikiparse.parse(PAGE)
    one, two, three = doc.files[1:4]
    assert PAGE[one.span[0]:one.span[1]] == "File:One.jpg|A [[b|c]] caption"
    assert PAGE[two.span[0]:two.span[1]] == "Two.png"
    assert one.target == "File:One.jpg" and three.target == "Image:Three_3.jpg"
    assert str(doc) == PAGE  # the tree is unchanged: still lossless


def test_gallery_files_use_the_sites_namespaces() -> None:
    doc = wikiparse.parse("<gallery>\nDatei:D.jpg\nFile:E.jpg\n</gallery>",
                          config=SiteConfig.for_language("de"))
    assert [(f.name, f.title) for f in doc.files] == [("D.jpg", "Datei:D.jpg"),
                                                      ("E.jpg", "Datei:E.jpg")]


def test_expanded_page_lists_gallery_files() -> None:
    doc = wikiparse.expand("<gallery>\nFile:{{1x|T}}.jpg\n</gallery>",
                           templates={"Template:1x": "{{{1}}}"})
    assert [f.name for f in doc.files] == ["T.jpg"]
