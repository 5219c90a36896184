"""Backends: the functional Lean API (DESIGN §3) over REPL processes, MiniLean in-process, or Ray.

:func:`make_backend` is the one entry point environments and agents use::

    make_backend("minilean")                 # MiniLean in this process (fastest, one worker)
    make_backend("minilean", workers=4)      # 4 MiniLean subprocesses, run concurrently
    make_backend("lean", workers=8)          # real Lean from the workspace `leangym setup` built
    make_backend("auto")                     # real Lean where `leangym doctor` finds it, else MiniLean
    make_backend(repl_command=["lake", "env", "repl"], cwd="/path/to/workspace")  # any REPL executable
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from leangym.backend.api import Backend
from leangym.backend.lean_setup import MINILEAN_HINT, find_real_lean
from leangym.backend.pool import LeanPool
from leangym.backend.repl_backend import ReplBackend
from leangym.errors import BackendUnavailable, ConfigError

MINILEAN_COMMAND = (sys.executable, "-m", "leangym.minilean")
CHOICES = ("auto", "lean", "minilean")

__all__ = ["CHOICES", "LeanPool", "MINILEAN_COMMAND", "ReplBackend", "make_backend"]


def _minilean_in_process(timeout: float, options: dict) -> ReplBackend:
    from leangym.minilean.repl import MiniLeanRepl
    from leangym.repl.inprocess import InProcessRepl

    options.pop("memory_limit_mb", None)  # shares this process: no separate memory to cap
    options.pop("start_timeout", None)
    return ReplBackend(lambda: InProcessRepl(MiniLeanRepl, name="MiniLean (in-process)"), workers=1, timeout=timeout, engine="minilean", **options)


def make_backend(
    backend: str | Backend = "auto",
    *,
    repl_command: Sequence[str] | None = None,
    workers: int = 1,
    timeout: float = 30.0,
    in_process: bool | None = None,
    **options,
) -> Backend:
    """Build a Backend.

    ``backend``: "minilean" (in-process when ``workers == 1`` unless ``in_process=False``;
    ``python -m leangym.minilean`` subprocesses otherwise), "lean" (the workspace found by
    ``leangym doctor``), "auto" (real Lean if found, else MiniLean), or a Backend instance (returned
    as is). ``repl_command``: run this REPL-speaking executable instead (``engine=`` names it; by
    default "lean"). ``options`` go to :class:`LeanPool` / :class:`ReplBackend`: ``memory_limit_mb``,
    ``max_requests``, ``start_timeout``, ``header_timeout``, ``max_action_chars``,
    ``pickle_headers``, ``cwd``, ``env``.
    """
    if not isinstance(backend, str):
        if isinstance(backend, Backend):
            return backend
        raise ConfigError(f"backend must be one of {CHOICES} or a Backend instance, got {type(backend).__name__}")
    if backend not in CHOICES:
        raise ConfigError(f"backend must be one of {CHOICES} or a Backend instance, got {backend!r}")
    if workers < 1:
        raise ConfigError(f"workers must be >= 1, got {workers}")
    if repl_command is not None:
        if not repl_command:
            raise ConfigError("repl_command is empty; expected an executable and its arguments, e.g. ['lake', 'env', 'repl']")
        options.setdefault("engine", "minilean" if backend == "minilean" else "lean")
        return LeanPool(list(repl_command), workers=workers, timeout=timeout, **options)
    if backend == "auto":
        backend = "lean" if find_real_lean().usable else "minilean"
    if backend == "lean":
        install = find_real_lean()
        if not install.usable:
            raise BackendUnavailable(
                f"backend='lean' needs real Lean, which is not installed here (missing: {', '.join(install.missing)}). "
                f"Run `leangym setup` (needs network) and check `leangym doctor`; or {MINILEAN_HINT}"
            )
        options.setdefault("pickle_headers", True)
        options.setdefault("start_timeout", 300.0)
        return LeanPool(list(install.repl_command or ()), workers=workers, timeout=timeout, cwd=install.cwd, engine="lean", **options)
    if in_process is None:
        in_process = workers == 1
    if in_process:
        if workers != 1:
            raise ConfigError(f"in_process=True runs one MiniLean in this process; got workers={workers} (use in_process=False)")
        return _minilean_in_process(timeout, options)
    options.setdefault("start_timeout", 30.0)
    return LeanPool(list(MINILEAN_COMMAND), workers=workers, timeout=timeout, engine="minilean", **options)
