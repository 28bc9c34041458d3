"""wikiparse: MediaWiki markup (and rendered wiki pages) to a typed, lossless syntax tree.

```pycon
>>> import wikiparse
>>> doc = wikiparse.parse("== Hi ==\\n'''Bold''' [[link|label]] {{tpl|a=1}}")
>>> [h.title for h in doc.headings]
['Hi']
>>> str(doc) == doc.source
True
```
"""

from __future__ import annotations

import functools
from typing import Any

from . import ast
from .ast import Diagnostic, Document, Node
from .config import Limits, SiteConfig
from .emitters import emitters, register, render
from .emitters.wikitext import to_wikitext
from .expand import expand, expand_text

__version__ = "0.1.0"

DIALECTS = ("wikitext", "rendered", "auto")


@functools.lru_cache(maxsize=1)
def _default_config() -> SiteConfig:
    """The ``SiteConfig()`` of a ``parse`` without ``config``: one (immutable) instance, so its
    lazy tables (namespace lookup, image options) are built once, not once per call."""
    return SiteConfig()


_DEFAULT_LIMITS = Limits()


def parse(
    text: str,
    *,
    config: SiteConfig | None = None,
    limits: Limits | None = None,
    dialect: str = "wikitext",
) -> Document:
    """Parse ``text`` into a :class:`~wikiparse.ast.Document`.

    Never raises for any string input: problems become ``doc.diagnostics``.  ``dialect`` is
    ``"wikitext"`` (default), ``"rendered"`` (a page as copied from a browser) or ``"auto"``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() needs a str, got {type(text).__name__}")
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; expected one of {', '.join(DIALECTS)}")
    if dialect == "auto":
        from .rendered.detect import detect_dialect

        dialect = detect_dialect(text)
    if dialect == "rendered":
        from .rendered import parse_rendered

        doc = parse_rendered(text, config=config, limits=limits)
        ast.attach_source(doc, doc.source)
    else:
        from .parser.driver import parse_wikitext

        # the wikitext parser gives every node its origin as it builds it
        doc = parse_wikitext(text, config=config or _default_config(), limits=limits or _DEFAULT_LIMITS)
    doc.parse_fragment = functools.partial(parse, config=doc.config or config, limits=limits)
    return doc


def from_json(data: Any) -> Document:
    """Rebuild a Document from ``render(doc, "json")`` output (a str or the decoded dict)."""
    from .emitters.json import from_json as _from_json

    return _from_json(data)


__all__ = [
    "Diagnostic", "Document", "Limits", "Node", "SiteConfig", "ast", "emitters", "expand",
    "expand_text", "from_json", "parse", "register", "render", "to_wikitext", "__version__",
]
