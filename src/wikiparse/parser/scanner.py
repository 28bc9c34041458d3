"""The scanner: one compiled alternation of the terminals of ``grammar/wikitext.lark``.

Lark loads and checks the grammar; we take its terminal definitions (pattern, priority, order)
and compile them into a single regular expression with named groups.  The tree builder pulls
tokens with ``scanner.match(text, pos)`` so it can restart anywhere (after a raw ``<nowiki>``
body, inside a URL...), which Lark's push lexer cannot do, and it avoids creating a Token object
per match.  The LALR rule ``start: _item*`` accepts every token sequence, which is the grammar's
statement that every string is wikitext.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lark import Lark

from ..grammar_files import grammar_text

GRAMMAR_NAME = "wikitext.lark"


@lru_cache(maxsize=None)
def load_grammar() -> Lark:
    return Lark(grammar_text(GRAMMAR_NAME), parser="lalr", lexer="basic")


@lru_cache(maxsize=None)
def token_names() -> tuple[str, ...]:
    return tuple(t.name for t in _ordered_terminals())


def _ordered_terminals() -> list[Any]:
    lark = load_grammar()
    text = grammar_text(GRAMMAR_NAME)
    order = {t.name: text.find("\n" + t.name + ".") for t in lark.terminals}
    terms = [t for t in lark.terminals if not t.name.startswith("__")]
    terms.sort(key=lambda t: (-t.priority, order.get(t.name, 1 << 30)))
    return terms


@lru_cache(maxsize=None)
def scanner() -> re.Pattern[str]:
    """The compiled alternation; ``m.lastgroup`` names the terminal that matched."""
    parts = []
    for term in _ordered_terminals():
        pattern = term.pattern.to_regexp()
        parts.append(f"(?P<{term.name}>{pattern})")
    return re.compile("|".join(parts))
