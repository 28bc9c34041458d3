"""The standalone stylesheet in a real browser: headless Chromium lays the page out and a script
writes the computed styles of chosen elements into the DOM, which ``--dump-dom`` hands back.

One Chromium run renders one page holding every probe, so the test costs a single browser start.
Locally it skips when Chromium is missing; with ``CI=true`` it fails instead (``make test``
installs Chromium through ``make browser-deps``).
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

import wikiparse
from testkit import IN_CI
from wikiparse.config import SiteConfig

pytestmark = pytest.mark.browser

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-default-apps", "--disable-extensions",
         "--disable-sync", "--no-first-run", "--mute-audio", "--hide-scrollbars",
         "--blink-settings=imagesEnabled=false"]

#: (probe name, CSS selector, properties) read after layout
PROBES: list[tuple[str, str, list[str]]] = [
    ("thumb", 'figure[typeof~="mw:File/Thumb"]', ["float", "border-top-style", "display"]),
    ("thumb-caption", "figure figcaption", ["display", "caption-side"]),
    ("left-image", "figure.mw-halign-left", ["float"]),
    ("legacy-thumb", ".thumb.tright", ["float"]),
    ("wikitable-cell", "table.wikitable td", ["border-top-style", "border-top-width",
                                             "border-left-style"]),
    ("wikitable-header", "table.wikitable th", ["background-color", "border-top-style"]),
    ("wikitable", "table.wikitable", ["border-collapse"]),
    ("infobox", "table.infobox", ["float", "border-top-style"]),
    ("toc", "#toc", ["border-top-style", "display"]),
    ("h2", "h2#History", ["border-bottom-style", "border-bottom-width"]),
    ("gallery", "ul.gallery", ["display", "list-style-type"]),
    ("template-placeholder", ".mw-transclusion", ["display"]),
    ("catlinks", ".catlinks", ["border-top-style"]),
    ("body", ".mw-parser-output", ["direction"]),
]

PAGE = """\
{| class="infobox"
! colspan=2 | Box
|-
| a || b
|}
'''Berlin''' is ''big''.<ref>Census.</ref> [[File:Foo.jpg|thumb|A caption]]
[[File:Bar.png|left|100px|alt=Bar]]
<div class="thumb tright"><div class="thumbinner">legacy markup</div></div>
{{Infobox city|name=Berlin}}
== History ==
text
=== Sub ===
{| class="wikitable"
! A !! B
|-
| 1 || 2
|}
<gallery>
File:A.jpg|Cap A
</gallery>
== More ==
== Even ==
<references/>
[[Category:Cities]]
"""

SCRIPT = """
<script>
(function () {
  var probes = %s, out = {};
  var body = document.querySelector(".mw-parser-output");
  probes.forEach(function (p) {
    var el = document.querySelector(p[1]);
    if (!el) { out[p[0]] = null; return; }
    var cs = getComputedStyle(el), got = {};
    p[2].forEach(function (prop) { got[prop] = cs.getPropertyValue(prop); });
    // where it sits: the gaps to the left and right edges of the page body
    var r = el.getBoundingClientRect(), c = body.getBoundingClientRect();
    got["gap-left"] = Math.round(r.left - c.left);
    got["gap-right"] = Math.round(c.right - r.right);
    out[p[0]] = got;
  });
  out["html-dir"] = getComputedStyle(document.documentElement).direction;
  var pre = document.createElement("pre");
  pre.id = "computed-styles";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def _chromium() -> str:
    path = os.environ.get("XSS_CHROMIUM", "/usr/bin/chromium")
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    found = shutil.which("chromium")
    if found:
        return found
    if IN_CI:
        pytest.fail(f"chromium not found at {path}: `make browser-deps` installs it")
    pytest.skip(f"chromium not found at {path} (run `make browser-deps`)")


def computed_styles(document: str) -> dict[str, Any]:
    """Lay ``document`` out in headless Chromium; the probes' computed styles."""
    page = document.replace("</body>", SCRIPT % json.dumps(PROBES) + "</body>", 1)
    with tempfile.TemporaryDirectory(prefix="wikiparse-css-") as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(page, encoding="utf-8")
        proc = subprocess.run(
            [_chromium(), *FLAGS, f"--user-data-dir={tmp}/profile", "--dump-dom",
             "--virtual-time-budget=2000", path.as_uri()],
            capture_output=True, text=True, timeout=120,
        )
    found = re.search(r'<pre id="computed-styles">(.*?)</pre>', proc.stdout, re.S)
    assert found, f"no styles in the dumped DOM (exit {proc.returncode}): {proc.stderr[-2000:]}"
    result: dict[str, Any] = json.loads(html_lib.unescape(found.group(1)))
    return result


@pytest.fixture(scope="module")
def ltr_and_rtl() -> tuple[dict[str, Any], dict[str, Any]]:
    ltr = wikiparse.render(wikiparse.parse(PAGE), "html", standalone=True, toc=True)
    rtl_doc = wikiparse.parse(PAGE, config=SiteConfig.for_language("ar"))
    rtl = wikiparse.render(rtl_doc, "html", standalone=True, toc=True)
    # both pages in one browser run: the RTL one in an iframe would need a server, so two runs
    return computed_styles(ltr), computed_styles(rtl)


def _floats(probe: dict[str, Any], side: str) -> bool:
    """Floated to ``side``: the computed float says so (physically or as the logical side of
    the page's direction) and the box sits at that edge, away from the other."""
    other = "left" if side == "right" else "right"
    return (probe["float"] in (side, "inline-start", "inline-end")
            and probe[f"gap-{side}"] <= 2 and probe[f"gap-{other}"] > 200)


def test_thumbnails_float_to_the_end_side_with_a_frame(ltr_and_rtl: tuple[dict[str, Any], ...]) -> None:
    ltr, rtl = ltr_and_rtl
    assert _floats(ltr["thumb"], "right"), ltr["thumb"]
    assert ltr["thumb"]["border-top-style"] == "solid"
    assert ltr["thumb"]["display"] == "table"
    assert ltr["thumb-caption"]["display"] == "table-caption"
    assert _floats(ltr["left-image"], "left"), ltr["left-image"]
    assert _floats(ltr["legacy-thumb"], "right"), ltr["legacy-thumb"]
    # on a right-to-left page the default side mirrors, an explicit side does not
    assert _floats(rtl["thumb"], "left"), rtl["thumb"]
    assert _floats(rtl["left-image"], "left"), rtl["left-image"]


def test_wikitable_cells_have_visible_borders(ltr_and_rtl: tuple[dict[str, Any], ...]) -> None:
    ltr, _ = ltr_and_rtl
    cell = ltr["wikitable-cell"]
    assert cell["border-top-style"] == "solid" and cell["border-left-style"] == "solid"
    assert float(cell["border-top-width"].removesuffix("px")) >= 1
    assert ltr["wikitable"]["border-collapse"] == "collapse"
    assert ltr["wikitable-header"]["background-color"] not in ("rgba(0, 0, 0, 0)", "transparent")


def test_infobox_toc_headings_gallery_and_furniture(ltr_and_rtl: tuple[dict[str, Any], ...]) -> None:
    ltr, rtl = ltr_and_rtl
    assert _floats(ltr["infobox"], "right") and _floats(rtl["infobox"], "left")
    assert ltr["infobox"]["border-top-style"] == "solid"
    assert ltr["toc"]["border-top-style"] == "solid"
    assert ltr["h2"]["border-bottom-style"] == "solid"
    assert ltr["gallery"]["display"] == "flex" and ltr["gallery"]["list-style-type"] == "none"
    assert ltr["template-placeholder"]["display"] == "none"
    assert ltr["catlinks"]["border-top-style"] == "solid"


def test_rtl_page_has_direction_rtl(ltr_and_rtl: tuple[dict[str, Any], ...]) -> None:
    ltr, rtl = ltr_and_rtl
    assert ltr["html-dir"] == "ltr" and ltr["body"]["direction"] == "ltr"
    assert rtl["html-dir"] == "rtl" and rtl["body"]["direction"] == "rtl"


def test_a_linked_stylesheet_replaces_the_bundled_one() -> None:
    out = wikiparse.render(wikiparse.parse(PAGE), "html", standalone=True,
                           css="file:///nonexistent/site.css")
    styles = computed_styles(out)
    assert styles["thumb"]["float"] == "none"  # no wikiparse rules applied
    assert styles["wikitable-cell"]["border-top-style"] == "none"
