"""The lines of a ``<gallery>`` (read in :mod:`wikiparse.ast.gallery`, which
:attr:`Document.files <wikiparse.ast.Document.files>` uses too)."""

from __future__ import annotations

from ..ast.gallery import GalleryLine, gallery_lines, split_gallery_parts

__all__ = ["GalleryLine", "gallery_lines", "split_gallery_parts"]
