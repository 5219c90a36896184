"""Fixtures shared by the MiniLean tests."""

from __future__ import annotations

import pytest

from leangym.backend import make_backend


@pytest.fixture(scope="module")
def backend():
    """A MiniLean backend for one test module (its verify is the reward path)."""
    b = make_backend("minilean")
    yield b
    b.close()
