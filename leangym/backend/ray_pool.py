"""``RayPool``: the Backend interface over Ray actors, so a cluster's CPUs serve one training run.

Each actor owns a backend built by :func:`leangym.backend.make_backend` from the same arguments
(by default MiniLean in the actor's own process, or ``backend="lean"`` with its own REPL
processes). A state's handle is ``("ray", actor index, the actor's own handle)``: it stays pinned to
its actor, and inside the actor to its REPL process. When an actor dies (its node lost, OOM-killed),
every request that was on it, or that later names one of its states, is re-run on a live actor,
which rebuilds the state by replaying its tactic path, exactly as a restarted REPL process does; the
re-runs are counted (:meth:`RayPool.stats`) and logged. Ray restarts the dead actor
(``max_restarts=-1``) where resources allow, and the pool uses it again once it answers.

Ray is imported only here (``pip install 'leangym[dist]'``); the caller owns ``ray.init``.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from leangym.backend.api import LeanError, Message, ProofState, TacticOutcome, Verdict
from leangym.errors import BackendUnavailable, ConfigError, LeanGymError
from leangym.problems import Problem

_log = logging.getLogger(__name__)


class _BackendActor:
    """Runs inside a Ray worker process: one backend, called one request at a time per actor."""

    def __init__(self, backend: str, options: dict) -> None:
        from leangym.backend import make_backend

        self.backend = make_backend(backend, **options)

    def start_many(self, problems: list[Problem], timeout: float | None) -> list[ProofState | LeanError]:
        batched = getattr(self.backend, "start_many", None)
        if batched is not None:
            return batched(problems, timeout)
        return [self.backend.start(problem, timeout) for problem in problems]

    def run_tactics(self, items: list[tuple[ProofState, str]], timeout: float | None) -> list[TacticOutcome]:
        return self.backend.run_tactics(items, timeout)

    def check_many(self, sources: list[str], timeout: float | None) -> list[list[Message]]:
        return [self.backend.check(source, timeout) for source in sources]

    def verify_many(self, items: list[tuple[Problem, list[str]]], timeout: float | None) -> list[Verdict]:
        return [self.backend.verify(problem, tactics, timeout) for problem, tactics in items]

    def pid(self) -> int:
        import os

        return os.getpid()

    def node_id(self) -> str:
        import ray

        return ray.get_runtime_context().get_node_id()

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


class ActorCallTimeout(LeanGymError):
    """A Ray actor did not answer a call within ``call_timeout`` seconds (it is alive but stuck or overloaded)."""


_NOT_SENT = object()


class RayPool:
    """A Backend over ``actors`` Ray actors, each running ``make_backend(backend, **options)``.

    ``actor_options`` go to ``ray.remote`` (default ``num_cpus=1``; add ``resources`` or a
    ``scheduling_strategy`` to place actors on particular nodes); ``spread=True`` asks Ray to put the
    actors on as many nodes as it can (scheduling strategy ``"SPREAD"``).

    A call whose actor died (its process or its whole node) is re-run at once on a live actor, which
    rebuilds any state by replaying its tactic path; the dead actor is left to Ray to restart
    (``max_restarts=-1``) and is used again once it answers. :meth:`stats` counts the lost actors and
    the re-run requests, and each loss is logged on ``leangym.backend.ray_pool``. Every wait is bounded:
    ``call_timeout`` for one remote call (then :class:`ActorCallTimeout`), ``restart_timeout`` for
    a live actor to exist when all are down (then :class:`~leangym.errors.BackendUnavailable`).
    ``run_tactics`` and ``start_many`` send a whole batch at once (one remote call per actor) and wait
    for all of it.
    """

    engine = "ray"

    def __init__(
        self,
        backend: str = "minilean",
        *,
        actors: int = 2,
        actor_options: dict | None = None,
        spread: bool = False,
        restart_timeout: float = 120.0,
        call_timeout: float = 600.0,
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
        self._lost_errors = (ray.exceptions.RayActorError, ray.exceptions.ActorUnavailableError)
        self.restart_timeout = restart_timeout
        self.call_timeout = call_timeout
        opts = {"num_cpus": 1, "max_restarts": -1, "max_task_retries": 0, **(actor_options or {})}
        if spread:
            opts.setdefault("scheduling_strategy", "SPREAD")
        cls = ray.remote(**opts)(_BackendActor)
        self.actors = [cls.remote(backend, options) for _ in range(actors)]
        self.engine = options.get("engine", backend)
        self._rr = itertools.count()
        self._lock = threading.Lock()
        self._closed = False
        self._down: dict[int, tuple[Any, float]] = {}  # actor index -> (pending probe, when it was sent)
        self._counts = {"actor_losses": 0, "reruns": 0, "moved": 0, "requests": 0}
        try:  # fail here, not on the first request
            ray.get([a.pid.remote() for a in self.actors], timeout=restart_timeout)
        except ray.exceptions.GetTimeoutError:
            for a in self.actors:
                ray.kill(a, no_restart=True)
            raise BackendUnavailable(
                f"Ray could not place {actors} actors with {opts} within {restart_timeout:.0f} s; the cluster "
                f"has {ray.available_resources()} free: add nodes, or ask for fewer actors or CPUs"
            ) from None

    # -- which actors are live ----------------------------------------------------------------------
    def _mark_down(self, index: int, exc: BaseException) -> None:
        with self._lock:
            if index in self._down:
                return
            self._counts["actor_losses"] += 1
            self._down[index] = (self.actors[index].pid.remote(), time.monotonic())
        _log.warning("Ray actor %d lost (%s); its requests are re-run on live actors", index, type(exc).__name__)

    def _live(self) -> list[int]:
        """Indices of actors believed alive; a lost actor rejoins once its probe answers (Ray restarted it)."""
        ray = self._ray
        with self._lock:
            for index, (probe, sent) in list(self._down.items()):
                ready, _ = ray.wait([probe], timeout=0)
                if not ready:
                    continue
                try:
                    ray.get(probe, timeout=0)
                except self._lost_errors:
                    if time.monotonic() - sent > 0.5:  # still restarting: probe again, at most twice a second
                        self._down[index] = (self.actors[index].pid.remote(), time.monotonic())
                    continue
                del self._down[index]
                _log.warning("Ray actor %d is back (restarted by Ray)", index)
            return [i for i in range(len(self.actors)) if i not in self._down]

    def _wait_live(self) -> list[int]:
        """Live actors, waiting up to ``restart_timeout`` for Ray to restart one when all are down."""
        deadline = time.monotonic() + self.restart_timeout
        pause = 0.05
        while True:
            live = self._live()
            if live:
                return live
            if time.monotonic() > deadline:
                raise BackendUnavailable(
                    f"all {len(self.actors)} Ray actors are lost and Ray restarted none within "
                    f"{self.restart_timeout:.0f} s; free resources: {self._ray.available_resources()}"
                )
            time.sleep(pause)
            pause = min(pause * 2, 1.0)

    def _assign(self, n: int) -> list[int]:
        """``n`` live actors, round-robin (waiting for one when all are down)."""
        if self._closed:
            raise ConfigError("this RayPool was closed; create a new one")
        if n == 0:
            return []
        live = self._wait_live()
        with self._lock:
            return [live[next(self._rr) % len(live)] for _ in range(n)]

    # -- dispatch -----------------------------------------------------------------------------------
    def _run(self, method: str, items: list[Any], owners: list[int | None], timeout: float | None) -> list[tuple[int, Any]]:
        """Run ``method`` (a batched actor method) over ``items``; returns (actor that answered, result) per item.

        Items go to their owner (a state's actor) or round-robin; an item whose actor is lost, before or
        during the call, is sent again to a live actor, with its state's handle dropped so the new actor
        replays the path. Every method is safe to repeat (states are immutable), so a call that may or
        may not have run on the dead actor is simply sent again.
        """
        out: list[Any] = [_NOT_SENT] * len(items)
        target: dict[int, int] = {}
        moved: set[int] = set()
        live = set(self._live())
        fresh = iter(self._assign(sum(o is None or o not in live for o in owners)))
        for k, owner in enumerate(owners):
            if owner is not None and owner in live:
                target[k] = owner
            else:
                target[k] = next(fresh)
                if owner is not None:
                    moved.add(k)
        with self._lock:
            self._counts["requests"] += len(items)
            self._counts["moved"] += len(moved)
        while target:
            groups: dict[int, list[int]] = {}
            for k, index in target.items():
                groups.setdefault(index, []).append(k)
            refs = {
                index: getattr(self.actors[index], method).remote([_payload(items[k], k in moved) for k in ks], timeout)
                for index, ks in groups.items()
            }
            target = {}
            deadline = time.monotonic() + self.call_timeout
            for index, ks in groups.items():
                try:
                    results = self._ray.get(refs[index], timeout=max(0.0, deadline - time.monotonic()))
                except self._lost_errors as exc:
                    self._mark_down(index, exc)
                    with self._lock:
                        self._counts["reruns"] += len(ks)
                    for k, index2 in zip(ks, self._assign(len(ks))):
                        target[k] = index2
                        moved.add(k)
                    continue
                except self._ray.exceptions.GetTimeoutError:
                    raise ActorCallTimeout(
                        f"Ray actor {index} did not answer {method} ({len(ks)} requests) within "
                        f"call_timeout={self.call_timeout:.0f} s"
                    ) from None
                for k, r in zip(ks, results):
                    out[k] = (index, r)
        return out

    def _one(self, method: str, item: Any, owner: int | None, timeout: float | None) -> tuple[int, Any]:
        return self._run(method, [item], [owner], timeout)[0]

    def start(self, problem: Problem, timeout: float | None = None) -> ProofState | LeanError:
        index, r = self._one("start_many", problem, None, timeout)
        return _wrap(r, index)

    def run_tactic(self, state: ProofState, tactic: str, timeout: float | None = None) -> TacticOutcome:
        return self.run_tactics([(state, tactic)], timeout)[0]

    def run_tactics(self, items: Sequence[tuple[ProofState, str]], timeout: float | None = None) -> list[TacticOutcome]:
        """All (state, tactic) pairs at once: one remote call per actor, run concurrently."""
        owners, inner = [], []
        for state, tactic in items:
            index, s = _unwrap(state)
            owners.append(index)
            inner.append((s, tactic))
        return [_wrap(r, i) for i, r in self._run("run_tactics", inner, owners, timeout)]

    def start_many(self, problems: Sequence[Problem], timeout: float | None = None) -> list[ProofState | LeanError]:
        return [_wrap(r, i) for i, r in self._run("start_many", list(problems), [None] * len(problems), timeout)]

    def check(self, source: str, timeout: float | None = None) -> list[Message]:
        return self._one("check_many", source, None, timeout)[1]

    def verify(self, problem: Problem, tactics: list[str] | tuple[str, ...], timeout: float | None = None) -> Verdict:
        return self._one("verify_many", (problem, list(tactics)), None, timeout)[1]

    def verify_many(self, jobs: Sequence[tuple[Problem, Sequence[str]]], timeout: float | None = None) -> list[Verdict]:
        """Verify many (problem, tactics) pairs at once, spread over the live actors."""
        items = [(p, list(t)) for p, t in jobs]
        return [r for _, r in self._run("verify_many", items, [None] * len(items), timeout)]

    def stats(self) -> dict:
        """Actors, which are live, and what node loss cost: ``actor_losses`` (times an actor was found
        dead), ``reruns`` (requests lost with an actor and sent again), ``moved`` (requests whose state's
        actor was lost, sent to another one, which replayed the path) and ``requests`` (all, for scale)."""
        live = self._live() if not self._closed else []
        with self._lock:
            return {"actors": len(self.actors), "live": live, **self._counts}

    def actor_pids(self) -> list[int]:
        return self._ray.get([a.pid.remote() for a in self.actors], timeout=self.call_timeout)

    def actor_nodes(self) -> list[str]:
        """The Ray node id of each actor (where it runs now)."""
        return self._ray.get([a.node_id.remote() for a in self.actors], timeout=self.call_timeout)

    def close(self) -> None:
        """Close every live actor's backend and kill all actors; safe to call any number of times."""
        if self._closed:
            return
        try:
            live = self._live()
        except Exception:  # Ray already shut down: nothing left to close politely
            live = []
        self._closed = True
        ray = self._ray
        try:
            ray.get([self.actors[i].close.remote() for i in live], timeout=30)
        except (ray.exceptions.RayError, TimeoutError):
            pass
        for a in self.actors:
            ray.kill(a, no_restart=True)

    def __enter__(self) -> RayPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _payload(item: Any, moved: bool) -> Any:
    """The item to send; a state moving to another actor loses its handle, so that actor replays its path."""
    if moved and isinstance(item, tuple) and item and isinstance(item[0], ProofState):
        return (replace(item[0], handle=()), *item[1:])
    return item
