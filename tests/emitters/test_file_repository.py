"""The ``files=`` option: image URLs in MediaWiki's hashed upload layout below a repository."""

from __future__ import annotations

import re
import socket

import pytest

import wikiparse
from wikiparse.emitters.html.file_repository import COMMONS, file_resolver, wikimedia_uploads
from wikiparse.emitters.html.media import FileInfo, HashedUploads


def _srcs(text: str, **options: object) -> list[str]:
    html = wikiparse.render(wikiparse.parse(text), "html", **options)
    return re.findall(r'<img[^>]* src="([^"]*)"', html)


def test_commons_urls_follow_the_md5_layout() -> None:
    # Commons' File:Example.jpg lives at /a/a9/Example.jpg (md5 of the name starts "a9")
    info = file_resolver("commons")("Example.jpg")
    assert info is not None
    assert info.url == f"{COMMONS}/a/a9/Example.jpg"
    assert info.thumb_url(220) == f"{COMMONS}/thumb/a/a9/Example.jpg/220px-Example.jpg"


def test_names_with_spaces_and_non_ascii_characters() -> None:
    info = file_resolver("commons")("Brandenburger Tor abends.jpg")
    assert info is not None
    assert info.url.endswith("/Brandenburger_Tor_abends.jpg")
    de = file_resolver("commons")("Straße in Köln.png")
    assert de is not None
    assert re.search(r"/[0-9a-f]/[0-9a-f]{2}/Stra%C3%9Fe_in_K%C3%B6ln\.png$", de.url)


def test_svg_thumbnails_are_png_and_the_default_is_commons() -> None:
    assert _srcs("[[File:Flag of Berlin.svg|thumb|Flag]]") == [
        f"{COMMONS}/thumb/e/ec/Flag_of_Berlin.svg/220px-Flag_of_Berlin.svg.png"]
    assert _srcs("[[File:Flag of Berlin.svg|thumb|Flag]]", files="commons") == \
        _srcs("[[File:Flag of Berlin.svg|thumb|Flag]]")


def test_a_wikipedias_own_uploads_and_other_wikimedia_wikis() -> None:
    assert _srcs("[[File:Example.jpg|100px]]", files="wikipedia:de") == [
        "https://upload.wikimedia.org/wikipedia/de/thumb/a/a9/Example.jpg/100px-Example.jpg"]
    assert wikimedia_uploads("en", "wiktionary") == "https://upload.wikimedia.org/wiktionary/en"


def test_any_wikis_upload_directory_hashed_or_flat() -> None:
    assert _srcs("[[File:Example.jpg|100px]]", files="https://wiki.example.org/images/") == [
        "https://wiki.example.org/images/thumb/a/a9/Example.jpg/100px-Example.jpg"]
    assert _srcs("[[File:Example.jpg|100px]]", files="local") == [
        "/images/thumb/a/a9/Example.jpg/100px-Example.jpg"]
    assert _srcs("[[File:Example.jpg|100px]]", files="flat:/w/images") == [
        "/w/images/thumb/Example.jpg/100px-Example.jpg"]
    assert HashedUploads("/x", hashed=False)("A b.png") == FileInfo(
        name="A_b.png", url="/x/A_b.png", mime="image/png",
        thumb_pattern="/x/thumb/A_b.png/{width}px-A_b.png")


def test_a_resolver_function_is_used_as_it_is() -> None:
    def mine(name: str) -> FileInfo | None:
        return FileInfo(name=name, url=f"/media/{name}") if name != "Gone.jpg" else None

    assert file_resolver(mine) is mine
    assert _srcs("[[File:A.jpg]]", files=mine) == ["/media/A.jpg"]
    html = wikiparse.render(wikiparse.parse("[[File:Gone.jpg]]"), "html", files=mine)
    assert "mw:Error" in html and "Special:Upload" in html


@pytest.mark.parametrize("bad", ["nowhere", "wikipedia:", "wikipedia:en wiki", "a b/c", ""])
def test_unknown_repository_strings_are_api_misuse(bad: str) -> None:
    with pytest.raises(ValueError):
        file_resolver(bad)
    with pytest.raises(TypeError):
        file_resolver(42)  # type: ignore[arg-type]


def test_rendering_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while rendering")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for files in ("commons", "wikipedia:en", "https://wiki.example.org/images"):
        assert _srcs("[[File:Example.jpg|thumb|x]] <gallery>\nFile:B.png|b\n</gallery>", files=files)
