"""The preprocessor: templates, arguments, parser functions, magic words and Lua, before parsing."""
