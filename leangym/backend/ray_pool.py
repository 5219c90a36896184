"""``RayPool``: the Backend interface over Ray actors, so a cluster's CPUs serve one training run.

Each actor owns a backend built by :func:`leangym.backend.make_backend` from the same arguments
(by default MiniLean in the actor's own process, or ``backend="lean"`` with its own REPL
processes). A state's handle is ``("ray", actor index, the actor's own handle)``: it stays pinned to
its actor, and inside the actor to its REPL process. An actor that dies (node lost, OOM-killed) is
restarted by Ray (``max_restarts=-1``); the call that saw it die is retried once, and the fresh
actor rebuilds the state by replaying its tactic path, exactly as a restarted REPL process does.

Ray is imported only here (``pip install 'leangym[dist]'``); the caller owns ``ray.init``.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from leangym.backend.api import LeanError, Message, ProofState, TacticOutcome, Verdict
from leangym.errors import BackendUnavailable, ConfigError
from leangym.problems import Problem


class _BackendActor:
    """Runs inside a Ray worker process: one backend, called one request at a time per actor."""

    def __init__(self, backend: str, options: dict) -> None:
        from leangym.backend import make_backend

        self.backend = make_backend(backend, **options)

    def start(self, problem: Problem, timeout: float | None) -> ProofState | LeanError:
        return self.backend.start(problem, timeout)

    def run_tactic(self, state: ProofState, tactic: str, timeout: float | None) -> TacticOutcome:
        return self.backend.run_tactic(state, tactic, timeout)

    def run_tactics(self, items: list[tuple[ProofState, str]], timeout: float | None) -> list[TacticOutcome]:
        return self.backend.run_tactics(items, timeout)

    def check(self, source: str, timeout: float | None) -> list[Message]:
        return self.backend.check(source, timeout)

    def verify(self, problem: Problem, tactics: list[str], timeout: float | None) -> Verdict:
        return self.backend.verify(problem, tactics, timeout)

    def pid(self) -> int:
        import os

        return os.getpid()

    def close(self) -> None:
        self.backend.close()


def _wrap(outcome: Any, index: int) -> Any:
    """Give a state from actor ``index`` its pool handle (also the state inside a LeanError)."""
    if isinstance(outcome, ProofState):
        return replace(outcome, handle=("ray", index, outcome.handle))
    if isinstance(outcome, LeanError) and outcome.state is not None:
        return replace(outcome, state=_wrap(outcome.state, index))
    return outcome


def _unwrap(state: ProofState) -> tuple[int | None, ProofState]:
    h = state.handle
    if len(h) == 3 and h[0] == "ray":
        return h[1], replace(state, handle=h[2])
    return None, replace(state, handle=())


class RayPool:
    """A Backend over ``actors`` Ray actors, each running ``make_backend(backend, **options)``.

    ``actor_options`` go to ``ray.remote`` (default ``num_cpus=1``; add ``resources`` or a
    ``scheduling_strategy`` to place actors on particular nodes). ``restart_timeout`` bounds how long
    a call waits for a dead actor to come back. ``run_tactics`` and
    ``start_many`` send a whole batch at once and wait for all of it.
    """

    engine = "ray"

    def __init__(
        self,
        backend: str = "minilean",
        *,
        actors: int = 2,
        actor_options: dict | None = None,
        restart_timeout: float = 120.0,
        **options,
    ) -> None:
        try:
            import ray
        except ImportError as exc:
            raise BackendUnavailable("RayPool needs Ray: pip install 'leangym[dist]'") from exc
        if actors < 1:
            raise ConfigError(f"actors must be >= 1, got {actors}")
        if not ray.is_initialized():
            raise BackendUnavailable("RayPool needs a Ray cluster: call ray.init() (or ray.init(address='auto')) first")
        self._ray = ray
        self.restart_timeout = restart_timeout
        opts = {"num_cpus": 1, "max_restarts": -1, "max_task_retries": 0, **(actor_options or {})}
        cls = ray.remote(**opts)(_BackendActor)
        self.actors = [cls.remote(backend, options) for _ in range(actors)]
        self.engine = options.get("engine", backend)
        self._rr = itertools.count()
        self._lock = threading.Lock()
        self._closed = False
        ray.get([a.pid.remote() for a in self.actors])  # fail here, not on the first request

    def _call(self, index: int, method: str, *args: Any) -> Any:
        """Call ``method`` on actor ``index``; if the actor died, wait for Ray to restart it and call again.

        Every method is safe to repeat (states are immutable handles), so a call that may or may not
        have run on the dead actor is simply sent again, for up to ``restart_timeout`` seconds.
        """
        ray = self._ray
        deadline = time.monotonic() + self.restart_timeout
        pause = 0.05
        while True:
            try:
                return ray.get(getattr(self.actors[index], method).remote(*args))
            except (ray.exceptions.RayActorError, ray.exceptions.ActorUnavailableError):
                if time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 1.0)

    def _next(self) -> int:
        if self._closed:
            raise ConfigError("this RayPool was closed; create a new one")
        with self._lock:
            return next(self._rr) % len(self.actors)

    def start(self, problem: Problem, timeout: float | None = None) -> ProofState | LeanError:
        index = self._next()
        return _wrap(self._call(index, "start", problem, timeout), index)

    def run_tactic(self, state: ProofState, tactic: str, timeout: float | None = None) -> TacticOutcome:
        index, inner = _unwrap(state)
        index = self._next() if index is None else index
        return _wrap(self._call(index, "run_tactic", inner, tactic, timeout), index)

    def run_tactics(self, items: Sequence[tuple[ProofState, str]], timeout: float | None = None) -> list[TacticOutcome]:
        """All (state, tactic) pairs at once: one remote call per actor, run concurrently."""
        groups: dict[int, list[int]] = {}
        inner: list[tuple[ProofState, str]] = []
        for k, (state, tactic) in enumerate(items):
            index, s = _unwrap(state)
            index = self._next() if index is None else index
            groups.setdefault(index, []).append(k)
            inner.append((s, tactic))
        refs = {i: self.actors[i].run_tactics.remote([inner[k] for k in ks], timeout) for i, ks in groups.items()}
        out: list[TacticOutcome | None] = [None] * len(items)
        for i, ks in groups.items():
            try:
                results = self._ray.get(refs[i])
            except (self._ray.exceptions.RayActorError, self._ray.exceptions.ActorUnavailableError):
                results = self._call(i, "run_tactics", [inner[k] for k in ks], timeout)
            for k, r in zip(ks, results):
                out[k] = _wrap(r, i)
        return out  # type: ignore[return-value]

    def start_many(self, problems: Sequence[Problem], timeout: float | None = None) -> list[ProofState | LeanError]:
        indices = [self._next() for _ in problems]
        refs = [self.actors[i].start.remote(p, timeout) for i, p in zip(indices, problems)]
        out = []
        for i, p, ref in zip(indices, problems, refs):
            try:
                result = self._ray.get(ref)
            except (self._ray.exceptions.RayActorError, self._ray.exceptions.ActorUnavailableError):
                result = self._call(i, "start", p, timeout)
            out.append(_wrap(result, i))
        return out

    def check(self, source: str, timeout: float | None = None) -> list[Message]:
        return self._call(self._next(), "check", source, timeout)

    def verify(self, problem: Problem, tactics: list[str] | tuple[str, ...], timeout: float | None = None) -> Verdict:
        return self._call(self._next(), "verify", problem, list(tactics), timeout)

    def actor_pids(self) -> list[int]:
        return self._ray.get([a.pid.remote() for a in self.actors])

    def close(self) -> None:
        """Close every actor's backend and kill the actors; safe to call any number of times."""
        if self._closed:
            return
        self._closed = True
        ray = self._ray
        try:
            ray.get([a.close.remote() for a in self.actors], timeout=30)
        except (ray.exceptions.RayError, TimeoutError):
            pass
        for a in self.actors:
            ray.kill(a, no_restart=True)

    def __enter__(self) -> RayPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
