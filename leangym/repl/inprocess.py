"""The :class:`~leangym.repl.process.ReplProcess` interface over an in-process handler.

Why: MiniLean answers a tactic in well under a millisecond, less than one pipe round-trip plus JSON
encoding; running it in the caller's process makes single-env experiments several times faster. The
handler must stop cooperatively by raising :class:`~leangym.errors.ReplTimeout` (a Python thread
cannot be killed); after any failure the handler is rebuilt, as a crashed process would be.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Protocol

import psutil

from leangym.errors import ReplCrashed, ReplError, ReplTimeout


class ReplHandler(Protocol):
    """Anything that answers REPL requests in-process (``leangym.minilean.repl.MiniLeanRepl``)."""

    def handle(self, request: dict, timeout: float | None = None) -> dict: ...


class InProcessRepl:
    """A REPL "process" that is a handler object in this Python process.

    ``factory`` builds a fresh handler; it is called at start and after every failure, so REPL-side
    ids (envs, proof states) are lost exactly as with a subprocess restart and ``generation`` counts
    the handlers built.
    """

    def __init__(self, factory: Callable[[], ReplHandler], *, name: str = "in-process REPL") -> None:
        self.factory = factory
        self.name = name
        self.command = [name]
        self.memory_limit_mb = None
        self.generation = 0
        self.requests_served = 0
        self._handler: ReplHandler | None = None
        self._closed = False
        self._lock = threading.RLock()
        self._start()

    def _start(self) -> None:
        self._handler = self.factory()
        self.generation += 1
        self.requests_served = 0

    def restart(self) -> None:
        """Drop the handler and build a fresh one."""
        with self._lock:
            self._check_open()
            self._handler = None
            self._start()

    def close(self) -> None:
        """Drop the handler; safe to call any number of times."""
        with self._lock:
            self._closed = True
            self._handler = None

    def __enter__(self) -> InProcessRepl:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_open(self) -> None:
        if self._closed:
            raise ReplCrashed(f"{self.name} was closed; create a new one")

    @property
    def pid(self) -> int:
        return os.getpid()

    @property
    def alive(self) -> bool:
        return self._handler is not None

    def rss_mb(self) -> float:
        """Resident memory of this whole Python process, in MiB (the handler shares it)."""
        return psutil.Process().memory_info().rss / 2**20

    def request(self, obj: dict, timeout: float | None = None) -> dict:
        """Answer one request; on a timeout or an internal error the handler is rebuilt and the error raised."""
        with self._lock:
            self._check_open()
            if self._handler is None:
                self._start()
            assert self._handler is not None
            try:
                reply = self._handler.handle(obj, timeout=timeout)
            except ReplTimeout as exc:
                self._handler = None
                raise ReplTimeout(f"{self.name} gave no reply within {timeout:.3g} s ({exc}); it was rebuilt") from exc
            except ReplError:
                self._handler = None
                raise
            except Exception as exc:  # a bug in the handler must look like a crashed REPL, not kill the caller
                self._handler = None
                raise ReplCrashed(f"{self.name} failed on {str(obj)[:200]!r}: {type(exc).__name__}: {exc}") from exc
            if not isinstance(reply, dict):
                self._handler = None
                raise ReplCrashed(f"{self.name} returned {type(reply).__name__}, expected a dict reply")
            self.requests_served += 1
            return reply
