"""Which of wikiparse's modules run compiled (mypyc) in this installation.

A wheel built from source compiles the parser (``wikiparse.parser``) and the title functions it
calls (``wikiparse.title_text``) when a C compiler is available (``hatch_build.py``;
``WIKIPARSE_COMPILE=0|1`` forces either); editable installs and the pure-Python wheel run every
module as Python.  Output is identical either way (``tests/compiled/``).

    >>> import wikiparse.compiled
    >>> wikiparse.compiled.IS_COMPILED in (True, False)
    True
"""

from __future__ import annotations

import importlib.machinery
from pathlib import Path

#: the packages a compiled wheel may hold extension modules in (``hatch_build.COMPILED_MODULES``;
#: ``""`` is ``wikiparse`` itself, for ``wikiparse.title_text``)
PACKAGES: tuple[str, ...] = ("parser", "emitters/html", "")

_EXTENSION_SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)
_ROOT = Path(__file__).resolve().parent


def compiled_modules() -> tuple[str, ...]:
    """Names of wikiparse's modules that load from a C extension rather than from their ``.py``.

    Python's import system tries extension suffixes before ``.py``, so a module with an extension
    file beside it runs compiled.  Found by looking at the files, without importing anything.
    """
    names = []
    for package in PACKAGES:
        folder = _ROOT / package if package else _ROOT
        if not folder.is_dir():
            continue
        dotted = "wikiparse." + package.replace("/", ".") if package else "wikiparse"
        for source in folder.glob("*.py"):
            if source.stem == "__init__":
                continue
            if any((folder / (source.stem + suffix)).is_file() for suffix in _EXTENSION_SUFFIXES):
                names.append(f"{dotted}.{source.stem}")
    return tuple(sorted(names))


#: modules that run compiled
COMPILED: tuple[str, ...] = compiled_modules()
#: whether the parser runs compiled
IS_COMPILED: bool = any(name.startswith("wikiparse.parser.") for name in COMPILED)

__all__ = ["COMPILED", "IS_COMPILED", "PACKAGES", "compiled_modules"]
