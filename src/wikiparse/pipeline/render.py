"""One conversion step shared by every command: text -> ``parse`` -> ``render`` -> output.

A :class:`RenderJob` holds what a worker process needs (format, dialect, site configuration,
limits); it is small and picklable, so it travels with each batch of work.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from ..config import Limits, SiteConfig
from ..emitters import UnknownFormat

# Formats written exactly as rendered: wikitext is the source back, byte for byte.  Every other
# text output ends with a newline when written to a file or stdout, as text files do.
EXACT_FORMATS = frozenset({"wikitext"})

# File-name suffix of each built-in format's output (``convert -o FOLDER``); others get ".<name>".
SUFFIXES = {
    "html": ".html",
    "text": ".txt",
    "json": ".json",
    "pandoc-json": ".pandoc.json",
    "wikitext": ".wiki",
    "markdown": ".md",
}


class BadOptions(ValueError):
    """The emitter refused the render options (an unknown option, or a bad value); ``str()``
    is the emitter's own message."""


class FormatUnavailable(Exception):
    """The format (or the parser behind it) cannot be used here: unknown or not installed."""

    def __init__(self, message: str, *, unknown: bool) -> None:
        super().__init__(message)
        self.unknown = unknown


def is_json_format(fmt: str) -> bool:
    """Formats whose output is a JSON document (embedded as a value, not a string, in records)."""
    return fmt == "json" or fmt.endswith("-json")


def output_suffix(fmt: str) -> str:
    return SUFFIXES.get(fmt, "." + fmt)


@dataclass(frozen=True)
class SiteSpec:
    """A picklable recipe for a :class:`~wikiparse.config.SiteConfig` (whose read-only mappings
    cannot be pickled): the language of the built-in localisation, and namespace names that
    override it (a dump's own ``<namespaces>``).  Built once per process."""

    lang: str = "en"
    namespaces: tuple[tuple[int, str], ...] = ()

    def build(self) -> SiteConfig:
        return _build_site(self)


@lru_cache(maxsize=64)
def _build_site(spec: SiteSpec) -> SiteConfig:
    config = SiteConfig.for_language(spec.lang)
    if spec.namespaces:
        config = config.with_(namespaces={**config.namespaces, **dict(spec.namespaces)})
    return config


@lru_cache(maxsize=8)
def _template_store(path: str, site: SiteSpec | None) -> Any:
    """The template store at ``path``, opened once per process (and per site)."""
    from ..expand import as_store

    return as_store(path, site.build() if site is not None else None)


@dataclass(frozen=True)
class RenderJob:
    """What to do with each text: the output format, the input dialect, the wiki's settings,
    and the emitter's options (``(name, value)`` pairs, as ``render(doc, fmt, **options)``
    takes them).

    With ``templates`` (the path of a template store: a folder with ``index.json``, a SQLite
    file, an XML dump) pages are expanded first (``wikiparse.expand``), as page ``title``, with
    ``clock`` as "now" (fixed for the whole run, so any number of workers agree)."""

    fmt: str
    dialect: str = "wikitext"
    site: SiteSpec | None = None
    limits: Limits | None = None
    options: tuple[tuple[str, Any], ...] = ()
    templates: str | None = None
    clock: datetime | None = None

    def render(self, text: str, title: str | None = None) -> Any:
        """The emitter's result for ``text`` (a str for the built-in formats)."""
        import wikiparse

        config = self.site.build() if self.site is not None else None
        if self.templates is not None and self.dialect == "wikitext":
            doc = wikiparse.expand(text, templates=_template_store(self.templates, self.site),
                                   title=title or "Main Page", clock=self.clock, config=config,
                                   limits=self.limits)
        else:
            doc = wikiparse.parse(text, config=config, limits=self.limits, dialect=self.dialect)
        return wikiparse.render(doc, self.fmt, **dict(self.options))

    def render_text(self, text: str, title: str | None = None) -> str:
        """The rendering as the content of a file or of stdout: a non-empty output ends with a
        newline, except in the :data:`EXACT_FORMATS`."""
        output = as_text(self.render(text, title))
        if output and not output.endswith("\n") and self.fmt not in EXACT_FORMATS:
            output += "\n"
        return output

    def render_value(self, text: str, title: str | None = None) -> Any:
        """The rendering as a JSON value, for a record: JSON formats as objects, others as str."""
        result = self.render(text, title)
        if isinstance(result, str):
            return json.loads(result) if is_json_format(self.fmt) else result
        if isinstance(result, bytes):
            return result.decode("utf-8")
        return result

    def check(self) -> None:
        """Fail early, before any input is read, if this job cannot run here:
        :class:`FormatUnavailable` for an unknown format or a parser/emitter module not
        installed, :class:`BadOptions` for options the emitter refuses (an unknown name raises
        ``TypeError`` in the emitter, a bad value ``ValueError``)."""
        try:
            try:
                self.render("")
            except (TypeError, ValueError) as err:
                if not self.options:
                    raise
                raise BadOptions(str(err)) from None
        except UnknownFormat as err:
            from ..emitters import _BUILTIN

            if self.fmt in _BUILTIN:  # a built-in format whose module is missing or broken
                raise FormatUnavailable(
                    f"format {self.fmt!r} is not available in this installation ({err})",
                    unknown=False,
                ) from None
            raise FormatUnavailable(str(err), unknown=True) from None
        except ImportError as err:
            raise FormatUnavailable(
                f"format {self.fmt!r} cannot run: {err} (a part of wikiparse is not installed)",
                unknown=False,
            ) from None


def as_text(result: Any) -> str:
    if isinstance(result, str):
        return result
    if isinstance(result, bytes):
        return result.decode("utf-8")
    return json.dumps(result, ensure_ascii=False, indent=1)


def describe_error(err: BaseException) -> str:
    """A one-line message for an unexpected error while converting one item."""
    text = str(err).strip() or "(no message)"
    return f"{type(err).__name__}: {text}".replace("\n", " ")
