"""Choosing the engine for an environment and the problems it can serve (``backend="auto"``).

Real Lean serves every problem. MiniLean serves only statements inside its fragment, so with MiniLean
the problem list is filtered through ``leangym.minilean.fragment.parses`` and the number kept is
reported; an empty result is a clear error rather than an environment that cannot start an episode.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from leangym.backend.api import Backend
from leangym.errors import ConfigError, DataError
from leangym.problems import Problem

log = logging.getLogger(__name__)

BACKEND_CHOICES = ("auto", "lean", "minilean")


@dataclass(frozen=True)
class Resolved:
    """The backend an environment will use, the problems it can serve, and how they were chosen."""

    backend: Backend
    problems: tuple[Problem, ...]
    engine: str  # "lean" | "minilean" | the backend's own name when the caller passed one in
    owned: bool  # True when the environment created the backend and must close it
    note: str  # human-readable: which engine, how many problems were kept


def engine_of(backend: Backend) -> str:
    """"lean" or "minilean" for leangym's own backends; the class name for anything else."""
    engine = getattr(backend, "engine", None)
    if isinstance(engine, str):
        return engine
    name = type(backend).__name__.lower()
    return "minilean" if "mini" in name else name


_FRAGMENT_MEMO: dict[tuple[str, str], bool] = {}
"""(statement, header) -> inside MiniLean's fragment; parsing 10k Lean Workbook statements takes seconds,
and a process often builds several envs (or a CLI listing) over the same dataset."""


def in_fragment(problems: Sequence[Problem]) -> list[Problem]:
    """The problems whose statement MiniLean can parse (its fragment of Lean 4).

    MiniLean's generated problems (``source == "minilean"``) are inside by construction and not re-parsed.
    """
    from leangym.minilean import fragment

    kept = []
    for p in problems:
        key = (p.statement, p.header)
        ok = _FRAGMENT_MEMO.get(key)
        if ok is None:
            try:
                ok = p.source == "minilean" or bool(fragment.parses(p.statement, p.header))
            except Exception:  # a parser crash on foreign syntax means "outside the fragment"
                ok = False
            _FRAGMENT_MEMO[key] = ok
        if ok:
            kept.append(p)
    return kept


def resolve(
    backend: str | Backend,
    problems: Sequence[Problem],
    *,
    dataset: str = "problems",
    repl_command: Sequence[str] | None = None,
    timeout: float = 10.0,
    workers: int = 1,
    backend_options: dict[str, Any] | None = None,
    filter_fragment: bool = True,
) -> Resolved:
    """Create (or adopt) the backend and keep the problems it can serve.

    ``filter_fragment=False`` skips the MiniLean fragment filter, for callers that already filtered.
    """
    if not isinstance(backend, str):
        if not isinstance(backend, Backend):
            raise ConfigError(
                f"backend must be one of {BACKEND_CHOICES} or a leangym Backend instance, got {type(backend).__name__}"
            )
        return Resolved(backend, tuple(problems), engine_of(backend), False, f"{len(problems)} {dataset} problems on the given backend")
    if backend not in BACKEND_CHOICES:
        raise ConfigError(f"backend must be one of {BACKEND_CHOICES} or a Backend instance, got {backend!r}")
    from leangym.backend import make_backend

    instance = make_backend(
        backend, repl_command=list(repl_command) if repl_command else None, workers=workers, timeout=timeout, **(backend_options or {})
    )
    engine = engine_of(instance)
    kept = list(problems)
    if engine == "minilean" and filter_fragment and any(p.source != "minilean" for p in problems):
        kept = in_fragment(problems)
        if not kept:
            instance.close()
            raise DataError(
                f"none of the {len(problems)} {dataset} problems lies inside MiniLean's fragment, and real Lean "
                f"was {'not requested' if backend == 'minilean' else 'not found'}; install real Lean "
                "(`leangym setup`, then check `leangym doctor`) or use MiniLean-v0 / MiniF2F-Lite-v0"
            )
        note = f"MiniLean: kept {len(kept)} of {len(problems)} {dataset} problems (those inside its fragment)"
        if len(kept) < len(problems):
            log.info(note)
    else:
        note = f"{engine}: {len(kept)} {dataset} problems"
    return Resolved(instance, tuple(kept), engine, True, note)
