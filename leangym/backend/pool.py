"""``LeanPool``: N REPL subprocesses behind one thread-safe Backend.

The pool is :class:`~leangym.backend.repl_backend.ReplBackend` with subprocess workers: requests on
states owned by different processes run concurrently (the Lean work happens in the subprocesses, so
threads suffice), states stay pinned to the process that owns them, and ``run_tactics`` /
``start_many`` dispatch a batch across all workers at once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from functools import partial

from leangym.backend.repl_backend import ReplBackend
from leangym.repl.process import ReplProcess


class LeanPool(ReplBackend):
    """``workers`` processes running ``command`` (each in its own process group, with a memory cap).

    ``start_timeout`` is how long a fresh process may take to answer its first request;
    ``memory_limit_mb`` restarts a process whose resident memory passes it. The remaining keyword
    arguments are :class:`ReplBackend`'s (``timeout``, ``header_timeout``, ``max_requests``,
    ``max_action_chars``, ``pickle_headers``, ``engine``).
    """

    def __init__(
        self,
        command: Sequence[str],
        *,
        workers: int = 2,
        cwd: str | os.PathLike[str] | None = None,
        env: Mapping[str, str] | None = None,
        memory_limit_mb: int | None = None,
        start_timeout: float = 60.0,
        **options,
    ) -> None:
        self.command = list(command)
        factory = partial(ReplProcess, self.command, cwd=cwd, env=env, memory_limit_mb=memory_limit_mb, start_timeout=start_timeout)
        super().__init__(factory, workers=workers, **options)
