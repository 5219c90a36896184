"""Shared fixtures. Benchmark data is read from ``../shared/data`` (or ``$LEANGYM_SHARED_DATA``), never copied."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("LEANGYM_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared benchmark data folder; tests that need it skip with a reason where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set LEANGYM_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def transcripts_dir(shared_data: Path) -> Path:
    return shared_data / "repl-transcripts"
