"""Screenshots of corpus pages rendered as standalone HTML, for docs/html.md.

    .venv/bin/python docs/screenshots.py [--shared ../shared] [--out docs/screenshots]

Each page is rendered with ``render(doc, "html", standalone=True, toc=True)`` in its language's
``SiteConfig`` and photographed by headless Chromium (``/usr/bin/chromium``, ``make
browser-deps``).  The machine that makes them has no network, so a file resolver points every
image at a grey placeholder of the right width (the layout is what the pictures show); with
network access the default resolver's Wikimedia Commons URLs load the real images.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import wikiparse
from wikiparse import ast
from wikiparse.config import SiteConfig
from wikiparse.emitters.html.media import FileInfo

ROOT = Path(__file__).resolve().parent.parent

#: (corpus file, screenshot name, section to scroll to or "", window height)
PAGES = [
    ("en--dbpedia--Berlin.wiki", "en-berlin-geography.png", "Geography", 1000),
    ("en--dbpedia--Berlin.wiki", "en-berlin-economy.png", "Capital city", 1100),
    ("he--dbpedia--ברלין.wiki", "he-berlin-rtl.png", "היסטוריה", 1000),
]

PLACEHOLDER = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">
<rect width="400" height="300" fill="#c8ccd1"/>
<path d="M40 250 L150 120 L230 200 L280 150 L360 250 Z" fill="#a2a9b1"/>
<circle cx="300" cy="80" r="30" fill="#eaecf0"/></svg>
"""

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-default-apps", "--disable-extensions",
         "--disable-sync", "--no-first-run", "--mute-audio", "--hide-scrollbars",
         "--force-device-scale-factor=1"]


def placeholder_files(name: str) -> FileInfo:
    """Every file is the placeholder image (any width): no network needed."""
    return FileInfo(name=name, url="placeholder.svg", thumb_pattern="placeholder.svg#w{width}",
                    mime="image/svg+xml")


def shoot(source: Path, out: Path, section: str, height: int, chromium: str) -> None:
    lang = source.name.split("--", 1)[0]
    doc = wikiparse.parse(source.read_text(encoding="utf-8"), config=SiteConfig.for_language(lang))
    title = source.stem.split("--")[2]
    if section:  # the page from that heading on (a screenshot shows the top of a page only)
        start = next(i for i, n in enumerate(doc.children)
                     if isinstance(n, ast.Heading) and n.title.strip() == section)
        doc = ast.Document(span=doc.span, source=doc.source, children=doc.children[start:],
                           config=doc.config)
    page = wikiparse.render(doc, "html", standalone=True, toc=not section, files=placeholder_files,
                            page_title=title)
    with tempfile.TemporaryDirectory(prefix="wikiparse-shot-") as tmp:
        (Path(tmp) / "placeholder.svg").write_text(PLACEHOLDER, encoding="utf-8")
        html = Path(tmp) / "page.html"
        html.write_text(page, encoding="utf-8")
        subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={tmp}/profile", f"--window-size=1100,{height}",
             f"--screenshot={out}", "--virtual-time-budget=3000",
             html.as_uri()],
            check=True, capture_output=True, timeout=180,
        )
    print(f"{out} ({out.stat().st_size // 1024} KB)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    corpus = args.shared / "corpora" / "articles"
    for name, shot, section, height in PAGES:
        shoot(corpus / name, (args.out / shot).resolve(), section, height, args.chromium)
    return 0


if __name__ == "__main__":
    sys.exit(main())
