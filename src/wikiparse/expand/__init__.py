"""The preprocessor: templates, arguments, parser functions, magic words and Lua, before parsing.

    >>> import wikiparse
    >>> wikiparse.expand_text("{{Hi|you}}", templates={"Template:Hi": "Hello, {{{1}}}!"})
    'Hello, you!'

Stages (one module each): :mod:`~wikiparse.expand.tree` reads text into MediaWiki's
preprocessor tree; :mod:`~wikiparse.expand.frames` expands it with the limits, in the frames of
:mod:`~wikiparse.expand.calls`;
:mod:`~wikiparse.expand.functions`, :mod:`~wikiparse.expand.conditionals`,
:mod:`~wikiparse.expand.variables` are the parser functions and magic words (``#expr`` in
:mod:`~wikiparse.expand.expr`, ``#time`` in :mod:`~wikiparse.expand.timefmt`);
:mod:`~wikiparse.expand.stores` are the template stores; :mod:`~wikiparse.expand.invoking`
bridges ``#invoke`` to the Lua engine (:mod:`wikiparse.expand.invoke` is the contract);
:mod:`~wikiparse.expand.api` re-parses the result and records provenance.
"""

from .api import Expansion, expand, expand_page, expand_text
from .calls import Settings
from .stores import DictStore, FolderStore, SqliteStore, TemplateStore, as_store

__all__ = ["DictStore", "Expansion", "FolderStore", "Settings", "SqliteStore", "TemplateStore",
           "as_store", "expand", "expand_page", "expand_text"]
