"""HTML output: the sanitizer (:mod:`.sanitizer`) that whitelists tags, attributes, CSS and URL
schemes as MediaWiki does, and the HTML emitter built on it."""

from .emitter import HtmlEmitter, HtmlPage, to_html  # noqa: E402  (registers "html")

__all__ = ["HtmlEmitter", "HtmlPage", "to_html"]
