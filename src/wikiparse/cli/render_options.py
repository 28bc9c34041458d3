"""The emitter's options on the command line: ``-O key=value`` and the named shortcuts.

``-O key=value`` (repeatable) passes any render option to the emitter, as
``render(doc, fmt, key=value)``; the value is read as ``true``/``false`` (a bool), an integer,
a decimal number, or else a string.  The shortcuts are checked against the format they belong
to: ``--toc`` (html), ``--pandoc-api auto|1.22|1.23`` (pandoc-json; ``auto`` asks the installed
``pandoc``) and ``--text-profile clean|visible`` (text).  The emitter itself checks the names and
values when the job is checked (:meth:`~wikiparse.pipeline.render.RenderJob.check`), before any
input is read: an option it refuses is a usage error (exit status 2).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from typing import Any

from .exits import EXIT_MISSING, EXIT_USAGE

PANDOC_APIS = ("1.22", "1.23")
TEXT_PROFILES = ("clean", "visible")

_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_INT = re.compile(r"[+-]?[0-9]+\Z")
_FLOAT = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")


class OptionError(Exception):
    """Render options that cannot be used; ``status`` is the exit status."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


def parse_value(text: str) -> Any:
    """``-O`` value types: true/false, integers, decimal numbers, otherwise the string."""
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if _INT.match(text) and len(text.lstrip("+-")) <= 18:
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


def option_pair(text: str) -> tuple[str, Any]:
    """argparse type of ``-O``: ``key=value`` -> ``(key, value)``."""
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or not _KEY.match(key):
        raise argparse.ArgumentTypeError(
            f"expected key=value with a Python-style option name (e.g. toc=true): {text!r}"
        )
    return key, parse_value(value)


def add_render_options(p: argparse.ArgumentParser) -> None:
    """The renderer options of the converting commands, as one group of ``--help``."""
    group = p.add_argument_group(
        "renderer options",
        "passed to the emitter of the output format (see docs/cli.md for each format's options)",
    )
    group.add_argument("-O", "--option", dest="option_pairs", action="append", type=option_pair,
                       default=[], metavar="KEY=VALUE",
                       help="a render option (repeatable): -O toc=true -O thumb_size=300; "
                       "values true/false, integers and numbers are typed, others are strings; "
                       "'wikiparse formats --options' lists each format's options")
    group.add_argument("--toc", action="store_true", default=None,
                       help="html: a table of contents where MediaWiki puts one (= -O toc=true)")
    group.add_argument("--pandoc-api", choices=("auto", *PANDOC_APIS), metavar="auto|1.22|1.23",
                       help="pandoc-json: the pandoc API version to write; auto asks the "
                       "installed pandoc (pandoc 2.x wants 1.22, pandoc 3 1.23; default 1.23)")
    group.add_argument("--text-profile", choices=TEXT_PROFILES,
                       help="text: clean (default; for NLP and search) or visible (what a "
                       "reader sees: reference markers, captions, navigation); see docs/text.md")


def pandoc_api_of(version_output: str) -> str | None:
    """The pandoc JSON API version that ``pandoc --version`` output stands for, or None when
    that pandoc is older than the oldest API written (1.22, pandoc 2.11)."""
    types = re.search(r"pandoc-types\s+(\d+)\.(\d+)", version_output)
    if types:
        api = (int(types.group(1)), int(types.group(2)))
    else:  # pandoc 3 no longer names pandoc-types: go by pandoc's own version
        version = re.search(r"pandoc(?:\.exe)?\s+(\d+)\.(\d+)", version_output)
        if not version:
            return None
        major, minor = int(version.group(1)), int(version.group(2))
        api = (1, 23) if major >= 3 else (1, 22) if (major, minor) >= (2, 11) else (1, 21)
    if api < (1, 22):
        return None
    return "1.22" if api == (1, 22) else "1.23"


def detect_pandoc_api() -> str:
    """``--pandoc-api auto``: the API of the ``pandoc`` on PATH."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise OptionError("--pandoc-api auto: no pandoc on PATH; give --pandoc-api 1.22 "
                          "(pandoc 2.x) or 1.23 (pandoc 3)", EXIT_MISSING)
    try:
        result = subprocess.run([pandoc, "--version"], capture_output=True, text=True,
                                timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise OptionError(f"--pandoc-api auto: cannot run {pandoc} --version: {error}",
                          EXIT_MISSING) from None
    api = pandoc_api_of(result.stdout)
    if api is None:
        first = (result.stdout.splitlines() or ["(no output)"])[0]
        raise OptionError(f"--pandoc-api auto: {first} is too old (pandoc-json needs pandoc "
                          "2.11 or later)", EXIT_MISSING)
    return api


# shortcut -> the formats it belongs to
_SHORTCUTS = {"toc": ("html",), "pandoc_api": ("pandoc-json",), "text_profile": ("text",),
              "standalone": ("html",), "css": ("html",)}
_FLAG = {"toc": "--toc", "pandoc_api": "--pandoc-api", "text_profile": "--text-profile",
         "standalone": "--standalone", "css": "--css"}


def add_page_options(p: argparse.ArgumentParser) -> None:
    """``convert``'s options for whole pages: ``-s``/``--standalone`` and ``--css URL``."""
    group = p.add_argument_group("page options (html)")
    group.add_argument("-s", "--standalone", action="store_true", default=None,
                       help="html: a complete HTML document (doctype, charset, title, language "
                       "and direction) styled like a wiki page by the bundled stylesheet "
                       "(= -O standalone=true); see docs/html.md")
    group.add_argument("--css", action="append", metavar="URL",
                       help="with -s: link the stylesheet at URL instead of inlining the bundled "
                       "one (repeatable)")


def render_options(args: argparse.Namespace) -> tuple[tuple[str, Any], ...]:
    """The options the command line gives the emitter: the ``-O`` pairs, then the shortcuts
    (which win over an ``-O`` of the same name).  :class:`OptionError` for a shortcut given with
    a format it does not belong to, or a pandoc that cannot be asked."""
    options: dict[str, Any] = dict(args.option_pairs)
    for attr, formats in _SHORTCUTS.items():
        value = getattr(args, attr, None)  # page options exist on convert only
        if value is None:
            continue
        if args.fmt not in formats:
            raise OptionError(f"{_FLAG[attr]} goes with -t {' or -t '.join(formats)}, "
                              f"not -t {args.fmt}")
        if attr == "toc":
            options["toc"] = True
        elif attr == "standalone":
            options["standalone"] = True
        elif attr == "css":
            if not (options.get("standalone") or getattr(args, "standalone", None)):
                raise OptionError("--css goes with -s/--standalone (a fragment has no <head>)")
            options["css"] = value[0] if len(value) == 1 else tuple(value)
        elif attr == "pandoc_api":
            options["api_version"] = detect_pandoc_api() if value == "auto" else value
        else:
            options["profile"] = value
    return tuple(options.items())
