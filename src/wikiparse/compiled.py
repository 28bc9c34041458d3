"""Which of wikiparse's modules run compiled (mypyc) in this installation.

A wheel built from source compiles ``wikiparse.parser`` when a C compiler is available
(``hatch_build.py``; ``WIKIPARSE_COMPILE=0|1`` forces either); editable installs and the
pure-Python wheel run every module as Python.  Output is identical either way (tested).

    >>> import wikiparse.compiled
    >>> wikiparse.compiled.IS_COMPILED in (True, False)
    True
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import pkgutil

from . import parser as _parser

_EXTENSION_SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def compiled_modules() -> tuple[str, ...]:
    """Names of the modules of ``wikiparse.parser`` that would load from a C extension."""
    names = []
    for info in pkgutil.iter_modules(_parser.__path__, _parser.__name__ + "."):
        spec = importlib.util.find_spec(info.name)
        if spec is not None and spec.origin and spec.origin.endswith(_EXTENSION_SUFFIXES):
            names.append(info.name)
    return tuple(sorted(names))


#: modules that run compiled
COMPILED: tuple[str, ...] = compiled_modules()
#: whether the parser runs compiled
IS_COMPILED: bool = bool(COMPILED)

__all__ = ["COMPILED", "IS_COMPILED", "compiled_modules"]
