"""Where the ``.lark`` grammars are read from: the installed package (the wheel maps the
repository's ``grammar/`` folder to ``wikiparse/grammar/``), else the repository itself (source
checkouts and editable installs)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def grammar_text(name: str) -> str:
    """The text of grammar file ``name`` (e.g. ``"wikitext.lark"``)."""
    try:
        packaged = resources.files("wikiparse").joinpath("grammar").joinpath(name)
        if packaged.is_file():
            return packaged.read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        pass
    return (Path(__file__).resolve().parents[2] / "grammar" / name).read_text("utf-8")
