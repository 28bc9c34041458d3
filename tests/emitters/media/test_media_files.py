"""File facts the HTML emitter reads (``HashedUploads``): redirects, paged documents."""

from __future__ import annotations

from wikiparse.emitters.html.media import HashedUploads, scale

_SIZES: dict[str, tuple[object, ...]] = {
    "A.jpg": (400, 200), "Doc.djvu": (1000, 2000, "image/vnd.djvu", 3),
}
_REPO = HashedUploads(base="/img", sizes=_SIZES, only_known=True,
                      redirects={"Old.jpg": "A.jpg", "Gone.jpg": "Nowhere.jpg"})


def test_redirects_are_followed_once_and_a_dead_one_is_missing() -> None:
    old = _REPO("Old.jpg")
    assert old is not None and old.name == "A.jpg" and not old.missing
    gone = _REPO("Gone.jpg")
    assert gone is not None and gone.missing and gone.name == "Gone.jpg"
    assert _REPO("Nowhere.jpg") is None


def test_paged_documents_render_a_page_as_jpeg_at_any_size() -> None:
    doc = _REPO("Doc.djvu")
    assert doc is not None and doc.paged and doc.must_render and doc.pages == 3
    assert [doc.valid_page(p) for p in ("2", " 3 ", "4", "0", "x", None)] == [
        2, 3, None, None, None, None]
    box = scale(doc, None, None, 2)  # full size still goes through a rendering
    assert box.src.endswith("/page2-1000px-Doc.djvu.jpg")
    assert box.srcset is not None and box.srcset.endswith("/page2-2000px-Doc.djvu.jpg 2x")
    plain = _REPO("A.jpg")
    assert plain is not None and not plain.must_render
    assert scale(plain, None, None).src.endswith("/A.jpg")
