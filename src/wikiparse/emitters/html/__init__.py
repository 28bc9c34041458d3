"""HTML output: the sanitizer (:mod:`.sanitizer`) that whitelists tags, attributes, CSS and URL
schemes as MediaWiki does, and the HTML emitter built on it."""
