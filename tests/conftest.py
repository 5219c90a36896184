"""Shared fixtures. Benchmark data is read from ``$LEANGYM_DATA`` (the same variable the library reads),
by default ``../shared/data``, never copied.

Every test also runs under a guard that fails it when the engine reports an internal error.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("LEANGYM_DATA") or REPO.parent / "shared" / "data")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared benchmark data folder; tests that need it skip with a reason where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set LEANGYM_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def transcripts_dir(shared_data: Path) -> Path:
    return shared_data / "repl-transcripts"


ENGINE_BUG_LOGGERS = ("leangym.minilean.repl", "leangym.backend.repl_backend")
"""The loggers on which an engine bug is reported (by the MiniLean REPL server, by a backend reading its reply)."""


class _EngineBugs(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Fail any test during which the engine reported an internal error, unless it is marked ``engine_bug``.

    The whole test corpus (every tactic and command the tests send, in-process or through a backend)
    thereby checks that MiniLean has no bug on it; a bug must not pass for a Lean error that a test
    happens to expect."""
    if item.get_closest_marker("engine_bug") is not None:
        return (yield)
    seen = _EngineBugs()
    loggers = [logging.getLogger(name) for name in ENGINE_BUG_LOGGERS]
    for lg in loggers:
        lg.addHandler(seen)
    try:
        result = yield
    finally:
        for lg in loggers:
            lg.removeHandler(seen)
    if seen.records:
        pytest.fail("the engine reported an internal error (a bug, not a Lean error):\n"
                    + "\n".join(r.getMessage()[:2000] for r in seen.records), pytrace=False)
    return result
