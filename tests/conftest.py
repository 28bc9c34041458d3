"""Shared pytest fixtures.  Helpers that test modules import live in ``testkit.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit import shared_path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return shared_path()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return shared_path("corpora", "articles")
