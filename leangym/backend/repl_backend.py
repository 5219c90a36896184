"""The :class:`~leangym.backend.api.Backend` over REPL transports: one worker or a pool of them.

Each worker owns one transport (a :class:`~leangym.repl.process.ReplProcess` or an
:class:`~leangym.repl.inprocess.InProcessRepl`) and a lock; a state's ``handle`` is
``(worker index, worker token, REPL proofState id)`` and pins it to its worker. The token changes
whenever the worker's process restarts (timeout, crash, memory cap, recycling), so a stale handle is
recognised and the state is rebuilt transparently by replaying its tactic path on the fresh process
(the outcome then has ``replayed=True``). Headers (``import Mathlib ...``) are elaborated once per
process and their ``env`` id reused; with ``pickle_headers`` the elaborated header is also pickled
to disk and unpickled by restarted processes.

Reading REPL replies (DESIGN §5): a step closes the proof only on ``proofStatus == "Completed"``
with no error message; ``goals: []`` alone is not closed (it also comes with "contains
metavariable(s)" and with errors). A reply ``{"internalError": ...}`` reports a bug in the engine
(MiniLean's; real Lean never sends it): it is never read as Lean's answer but logged with its
request, counted per worker (``stats()``, :attr:`ReplBackend.engine_errors`) and raised as
:class:`~leangym.errors.EngineError` from whichever call sent the request.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from leangym.backend.api import LeanError, Message, Position, ProofClosed, ProofState, TacticOutcome, Verdict
from leangym.backend.guard import DEFAULT_MAX_CHARS, check_tactic
from leangym.errors import (
    ConfigError,
    EngineError,
    ProtocolError,
    ReplCrashed,
    ReplMemoryExceeded,
    ReplTimeout,
    StateLost,
    own_message,
)
from leangym.problems import Problem

STANDARD_AXIOMS = frozenset({"propext", "Classical.choice", "Quot.sound"})
SORRY_WARNING = "declaration uses `sorry`"
COMPLETED = "Completed"
_AXIOMS = re.compile(r"depends on axioms: \[(.*)\]", re.S)
LOGGED_REQUEST_CHARS = 4000  # of a request that hit an engine bug, quoted in the log

logger = logging.getLogger(__name__)


class Transport(Protocol):
    """What a worker needs from a REPL process (subprocess or in-process)."""

    generation: int
    requests_served: int

    @property
    def alive(self) -> bool: ...

    def request(self, obj: dict, timeout: float | None = None) -> dict: ...

    def restart(self) -> None: ...

    def close(self) -> None: ...

    def rss_mb(self) -> float: ...


class Worker:
    """One transport plus what is known about its current process: header envs, remapped states."""

    def __init__(self, index: int, transport: Transport, max_requests: int | None) -> None:
        self.index = index
        self.transport = transport
        self.max_requests = max_requests
        self.lock = threading.Lock()
        self._uid = uuid.uuid4().hex[:12]
        self._seen_generation = transport.generation
        self.headers: dict[str, int | None] = {}
        self.remap: dict[tuple, int] = {}  # stale handle -> proofState id rebuilt on this process
        self.restarts = 0
        self.replays = 0
        self.engine_errors = 0

    @property
    def token(self) -> str:
        return f"{self._uid}:{self.transport.generation}"

    def _sync(self) -> None:
        """Forget REPL-side ids when the transport has started a new process."""
        if self.transport.generation != self._seen_generation:
            self._seen_generation = self.transport.generation
            self.headers.clear()
            self.remap.clear()
            self.restarts += 1

    def begin(self) -> None:
        """Start of an operation (caller holds ``lock``): recycle a process that served ``max_requests``
        or grew past its memory cap, here and not mid-operation, where its env ids are in use."""
        worn = self.max_requests is not None and self.transport.requests_served >= self.max_requests
        if worn or getattr(self.transport, "over_memory", False):
            self.transport.restart()
        self.ensure_live()

    def ensure_live(self) -> None:
        """Start a process in place of one that died (killed, crashed), so ``token`` names the live one."""
        if not self.transport.alive:
            self.transport.restart()
        self._sync()

    def request(self, obj: dict, timeout: float | None) -> dict:
        """One request on this worker (caller holds ``lock``); raises EngineError on an engine-bug reply."""
        self._sync()
        try:
            reply = self.transport.request(obj, timeout)
        finally:
            self._sync()
        failure = EngineError.from_reply(reply, request=obj)
        if failure is not None:
            self.engine_errors += 1
            shown = str(obj)
            if len(shown) > LOGGED_REQUEST_CHARS:
                shown = shown[:LOGGED_REQUEST_CHARS] + f"... ({len(shown)} chars)"
            logger.error("engine bug on worker %d (%s: %s) for request %s", self.index, failure.error_type, failure, shown)
            raise failure
        return reply


def parse_axioms(messages: Sequence[Message]) -> tuple[str, ...] | None:
    """The axioms listed by ``#print axioms`` (empty when none), or None when no such message came."""
    for m in messages:
        if "does not depend on any axioms" in m.data:
            return ()
        found = _AXIOMS.search(m.data)
        if found:
            return tuple(a.strip() for a in found.group(1).replace("\n", " ").split(",") if a.strip())
    return None


def _messages(reply: dict) -> tuple[Message, ...]:
    return tuple(Message.from_json(m) for m in reply.get("messages") or ())


def _errors(messages: Sequence[Message]) -> list[Message]:
    return [m for m in messages if m.severity == "error"]


def _shift(messages: Sequence[Message], lines: int) -> list[Message]:
    def mv(p: Position | None) -> Position | None:
        return Position(p.line + lines, p.column) if p is not None and p.line > 0 else p

    return [replace(m, pos=mv(m.pos), end_pos=mv(m.end_pos)) for m in messages]


def tactic_outcome(reply: dict, state: ProofState, tactic: str, owner: tuple) -> TacticOutcome:
    """Read a REPL reply to ``tactic`` on ``state``; ``owner`` is ``(worker index, token)`` for new handles."""
    messages = _messages(reply)
    errors = _errors(messages)
    if "proofState" not in reply:
        return LeanError(str(reply.get("message", f"unexpected REPL reply: {str(reply)[:200]}")), state, messages)
    if errors:
        return LeanError("\n".join(m.data for m in errors), state, messages)
    status = reply.get("proofStatus")
    goals = tuple(reply.get("goals") or ())
    tactics = (*state.tactics, tactic)
    if status == COMPLETED:
        return ProofClosed(state.problem, tactics)
    if status is None and not goals and not reply.get("sorries"):
        # REPL versions before proofStatus: an empty goal list without errors; verify() decides.
        return ProofClosed(state.problem, tactics)
    if status is not None and "sorry" in status:
        return LeanError(own_message(f"the tactic uses `sorry` ({status}); a proof with sorry is never accepted"), state, messages)
    if not goals:
        return LeanError(own_message(f"no goals remain but the proof is not complete ({status})"), state, messages)
    return ProofState(state.problem, goals, tactics, (*owner, reply["proofState"]))


class ReplBackend:
    """A Backend over ``workers`` REPL transports built by ``transport_factory``.

    Thread-safe: any number of threads may call any method; calls on states owned by different
    workers run concurrently, calls on one worker queue on its lock. ``run_tactics`` runs a batch in
    parallel. No call waits longer than its timeout (plus process start-up after a restart).

    Arguments: ``timeout`` (seconds per request when a call passes none), ``header_timeout`` (for
    elaborating a header, e.g. ``import Mathlib``), ``max_requests`` (recycle a process after this
    many requests; upstream REPL states are never freed), ``max_action_chars`` (guard limit per
    tactic), ``max_proof_chars`` (limit on a whole proof given to ``verify``),
    ``pickle_headers`` (pickle elaborated headers so restarted processes unpickle them),
    ``engine`` ("lean", "minilean", or a name for other executables).
    """

    def __init__(
        self,
        transport_factory: Callable[[], Transport],
        *,
        workers: int = 1,
        timeout: float = 30.0,
        header_timeout: float | None = None,
        max_requests: int | None = None,
        max_action_chars: int = DEFAULT_MAX_CHARS,
        max_proof_chars: int = 65536,
        pickle_headers: bool = False,
        engine: str = "lean",
    ) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be >= 1, got {workers}")
        if timeout <= 0:
            raise ConfigError(f"timeout must be > 0 seconds, got {timeout}")
        if max_requests is not None and max_requests < 1:
            raise ConfigError(f"max_requests must be >= 1 or None, got {max_requests}")
        self.engine = engine
        self.timeout = timeout
        self.header_timeout = header_timeout if header_timeout is not None else max(timeout, 120.0)
        self.max_action_chars = max_action_chars
        self.max_proof_chars = max_proof_chars
        self.workers: list[Worker] = []
        self._closed = False
        self._rr = itertools.count()
        self._executor: ThreadPoolExecutor | None = None
        self._pickle_dir: Path | None = None
        self._pickle_ok = pickle_headers
        self._pickles: dict[str, Path] = {}
        self._pickle_lock = threading.Lock()
        try:
            for i in range(workers):
                self.workers.append(Worker(i, transport_factory(), max_requests))
        except BaseException:
            self.close()
            raise

    # -- worker choice ---------------------------------------------------------------------------

    def _acquire_any(self) -> Worker:
        """A worker with its lock held: the next free one in round-robin order, else wait for the next one.

        Round-robin rather than "a worker that has the header already": every worker pays for a
        header once, while piling new states on one worker would serialise all later work on them.
        """
        self._check_open()
        n = len(self.workers)
        start = next(self._rr) % n
        order = [self.workers[(start + k) % n] for k in range(n)]
        for w in order:
            if w.lock.acquire(blocking=False):
                return self._begin(w)
        w = order[0]
        w.lock.acquire()
        return self._begin(w)

    def _lock(self, w: Worker) -> Worker:
        w.lock.acquire()
        return self._begin(w)

    def _begin(self, w: Worker) -> Worker:
        try:
            w.begin()
        except BaseException:
            w.lock.release()
            raise
        return w

    def _owner(self, state: ProofState) -> Worker | None:
        h = state.handle
        if len(h) == 3 and isinstance(h[0], int) and 0 <= h[0] < len(self.workers):
            return self.workers[h[0]]
        return None

    @property
    def engine_errors(self) -> int:
        """Requests so far that hit a bug in the engine (each raised as EngineError), all workers together."""
        return sum(w.engine_errors for w in self.workers)

    def stats(self) -> dict:
        """Restarts, replays, engine errors, requests and memory per worker (for logs and benchmarks)."""
        return {
            "workers": [
                {
                    "restarts": w.restarts,
                    "replays": w.replays,
                    "engine_errors": w.engine_errors,
                    "requests_served": w.transport.requests_served,
                    "rss_mb": round(w.transport.rss_mb(), 1),
                }
                for w in self.workers
            ]
        }

    # -- headers ---------------------------------------------------------------------------------

    def _header_env(self, w: Worker, header: str, timeout: float) -> int | None | LeanError:
        """The env id in which ``header`` is elaborated on ``w`` (elaborating it once per process)."""
        if not header.strip():
            return None
        if header in w.headers:
            return w.headers[header]
        htimeout = max(timeout, self.header_timeout)
        env: int | None = None
        path = self._pickles.get(header)
        if path is not None and path.exists():
            reply = w.request({"unpickleEnvFrom": str(path)}, htimeout)
            if "env" in reply and not _errors(_messages(reply)):
                env = reply["env"]
        if env is None:
            reply = w.request({"cmd": header}, htimeout)
            errors = _errors(_messages(reply))
            if "env" not in reply or errors:
                text = reply.get("message") or "; ".join(m.data for m in errors)
                return LeanError(own_message(f"the header failed to elaborate: {text}"), None, _messages(reply))
            env = reply["env"]
            self._maybe_pickle(w, header, env, htimeout)
        w.headers[header] = env
        return env

    def _maybe_pickle(self, w: Worker, header: str, env: int, timeout: float) -> None:
        if not self._pickle_ok:
            return
        with self._pickle_lock:
            if header in self._pickles or not self._pickle_ok:
                return
            if self._pickle_dir is None:
                self._pickle_dir = Path(tempfile.mkdtemp(prefix="leangym-pickles-"))
            path = self._pickle_dir / (hashlib.sha256(header.encode()).hexdigest()[:16] + ".olean")
            reply = w.request({"pickleTo": str(path), "env": env}, timeout)
            if "message" in reply or not path.exists():
                self._pickle_ok = False  # this REPL cannot pickle; stop trying
                return
            self._pickles[header] = path

    # -- start -----------------------------------------------------------------------------------

    def start(self, problem: Problem, timeout: float | None = None) -> ProofState | LeanError:
        """Elaborate ``problem.statement := by sorry`` (in the header's env) and return the root state."""
        return self._start_locked(self._acquire_any(), problem, timeout)

    def _start_on(self, w: Worker, problem: Problem, timeout: float, retry: bool = True) -> ProofState | LeanError:
        try:
            env = self._header_env(w, problem.header, timeout)
            if isinstance(env, LeanError):
                return env
            request: dict = {"cmd": f"{problem.statement} := by sorry"}
            if env is not None:
                request["env"] = env
            reply = w.request(request, timeout)
            token = w.token  # of the process that answered
        except ReplTimeout as exc:
            return LeanError(own_message(f"timeout while starting {problem.id}: {exc}"), None, kind="timeout")
        except ReplMemoryExceeded as exc:
            return LeanError(own_message(f"memory limit while starting {problem.id}: {exc}"), None, kind="memory")
        except (ReplCrashed, ProtocolError):
            if retry:
                return self._start_on(w, problem, timeout, retry=False)
            raise
        messages = _messages(reply)
        errors = _errors(messages)
        sorries = reply.get("sorries") or []
        if "message" in reply and "env" not in reply:
            return LeanError(str(reply["message"]), None, messages)
        if errors or not sorries:
            text = "; ".join(m.data for m in errors) or own_message("the statement produced no proof state (expected one `sorry`)")
            return LeanError(text, None, messages)
        root = sorries[-1]  # `:= by sorry` is the last sorry in the command
        return ProofState(problem, (root["goal"],), (), (w.index, token, root["proofState"]))

    # -- tactics ---------------------------------------------------------------------------------

    def run_tactic(self, state: ProofState, tactic: str, timeout: float | None = None) -> TacticOutcome:
        """Run one tactic on ``state``; a refused action, a Lean error, a timeout or a crash is a LeanError.

        A bug in the engine is not an outcome: it raises :class:`~leangym.errors.EngineError` (the
        state stays usable)."""
        w = self._owner(state)
        return self._run_locked(self._acquire_any() if w is None else self._lock(w), state, tactic, timeout)

    def _run_locked(self, w: Worker, state: ProofState, tactic: str, timeout: float | None) -> TacticOutcome:
        """Run on ``w``, whose lock the caller has acquired; releases it."""
        try:
            reason = check_tactic(tactic, self.max_action_chars)
            if reason is not None:
                return LeanError(reason, state, kind="rejected")
            return self._run_on(w, state, tactic, timeout or self.timeout)
        finally:
            w.lock.release()

    def run_tactics(self, items: Sequence[tuple[ProofState, str]], timeout: float | None = None) -> list[TacticOutcome]:
        """Run a batch of (state, tactic) pairs in parallel across workers; outcomes in input order.

        Items are grouped by owning worker and each group runs in order on its worker, so a busy
        worker never holds up the others' items.
        """
        return self._by_worker(
            [self._owner(s) for s, _ in items],
            lambda w, k: self._run_locked(self._lock(w), items[k][0], items[k][1], timeout),
        )

    def start_many(self, problems: Sequence[Problem], timeout: float | None = None) -> list[ProofState | LeanError]:
        """Start several problems in parallel, spread round-robin over the workers."""
        return self._by_worker([None] * len(problems), lambda w, k: self._start_locked(self._lock(w), problems[k], timeout))

    def _start_locked(self, w: Worker, problem: Problem, timeout: float | None) -> ProofState | LeanError:
        try:
            return self._start_on(w, problem, timeout or self.timeout)
        finally:
            w.lock.release()

    def _by_worker(self, owners: Sequence[Worker | None], job: Callable[[Worker, int], Any]) -> list:
        """``job(worker, k)`` for every item k, one thread per worker; unowned items go round-robin."""
        self._check_open()
        n = len(self.workers)
        groups: dict[int, list[int]] = {}
        for k, w in enumerate(owners):
            index = w.index if w is not None else next(self._rr) % n
            groups.setdefault(index, []).append(k)
        out: list = [None] * len(owners)

        def run_group(index: int, ks: list[int]) -> None:
            for k in ks:
                out[k] = job(self.workers[index], k)

        if len(groups) <= 1:
            for index, ks in groups.items():
                run_group(index, ks)
            return out
        for f in [self._pool().submit(run_group, i, ks) for i, ks in groups.items()]:
            f.result()
        return out

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=len(self.workers), thread_name_prefix="leangym-backend")
        return self._executor

    def _live_id(self, w: Worker, state: ProofState, timeout: float) -> tuple[int, bool]:
        """The REPL id of ``state`` on ``w``'s current process, replaying its path if it was lost."""
        w.ensure_live()
        h = state.handle
        if len(h) == 3 and h[0] == w.index and h[1] == w.token:
            return h[2], False
        if h and h in w.remap:
            return w.remap[h], False
        rebuilt = self._start_on(w, state.problem, timeout)
        for tactic in state.tactics:
            if not isinstance(rebuilt, ProofState):
                break
            rebuilt = self._step(w, rebuilt, tactic, timeout)
        if not isinstance(rebuilt, ProofState):
            detail = rebuilt.message if isinstance(rebuilt, LeanError) else "the path closed the proof early"
            raise StateLost(
                f"the state of {state.problem.id} after {len(state.tactics)} tactics was lost when its REPL "
                f"process restarted, and replaying the path failed: {detail}"
            )
        w.replays += 1
        if h:
            w.remap[h] = rebuilt.handle[2]
        return rebuilt.handle[2], True

    def _step(self, w: Worker, state: ProofState, tactic: str, timeout: float) -> TacticOutcome:
        """Send one tactic for a live state on ``w`` and read the outcome (no replay, no retry)."""
        reply = w.request({"tactic": tactic, "proofState": state.handle[2]}, timeout)
        return tactic_outcome(reply, state, tactic, (w.index, w.token))

    def _run_on(self, w: Worker, state: ProofState, tactic: str, timeout: float) -> TacticOutcome:
        replayed = False
        for attempt in range(2):
            try:
                ps, again = self._live_id(w, state, timeout)
                replayed |= again
                live = replace(state, handle=(w.index, w.token, ps), replayed=replayed)
                outcome = self._step(w, live, tactic, timeout)
            except ReplTimeout as exc:
                return LeanError(own_message(f"timeout: {exc}"), state, kind="timeout")
            except ReplMemoryExceeded as exc:
                return LeanError(own_message(f"memory limit: {exc}"), state, kind="memory")
            except (ReplCrashed, ProtocolError) as exc:
                if attempt:  # crashed twice on this tactic: blame the tactic, keep the state
                    return LeanError(own_message(f"the REPL crashed twice on this tactic: {exc}"), state, kind="crash")
                continue
            if isinstance(outcome, LeanError) and outcome.message.strip() == "Unknown proof state." and not attempt:
                w.remap.pop(state.handle, None)  # the REPL lost it without our noticing: rebuild once
                state = replace(state, handle=())
                continue
            if replayed:
                if isinstance(outcome, ProofState | ProofClosed):
                    outcome = replace(outcome, replayed=True)
            return outcome
        raise StateLost(f"the state of {state.problem.id} could not be rebuilt on worker {w.index}")

    # -- whole-source checks ---------------------------------------------------------------------

    def check(self, source: str, timeout: float | None = None) -> list[Message]:
        """Check ``source`` as one command in a fresh environment; returns all messages.

        Where ``source`` begins with a header this backend has already elaborated, the rest is
        checked in that header's env (positions are shifted back to ``source``'s lines).
        """
        timeout = timeout or self.timeout
        w = self._acquire_any()
        try:
            for attempt in range(2):
                try:
                    for header, env in list(w.headers.items()):
                        if env is not None and header.endswith("\n") and source.startswith(header):
                            reply = w.request({"cmd": source[len(header) :], "env": env}, timeout)
                            return _shift(list(_messages(reply)), header.count("\n")) + self._reply_error(reply)
                    reply = w.request({"cmd": source}, max(timeout, self.header_timeout))
                    return list(_messages(reply)) + self._reply_error(reply)
                except (ReplCrashed, ProtocolError):
                    if attempt:
                        raise
            raise AssertionError("unreachable")
        finally:
            w.lock.release()

    @staticmethod
    def _reply_error(reply: dict) -> list[Message]:
        return [Message("error", str(reply["message"]))] if "message" in reply and "env" not in reply else []

    def verify(self, problem: Problem, tactics: list[str] | tuple[str, ...], timeout: float | None = None) -> Verdict:
        """Re-check the whole proof as one command from the header's env: no error, no sorry, standard axioms only.

        An engine bug raises :class:`~leangym.errors.EngineError`: no verdict, so never an acceptance."""
        timeout = timeout or self.timeout
        total = sum(len(t) for t in tactics)
        if total > self.max_proof_chars:
            return Verdict(False, own_message(f"proof rejected: {total} characters, over the limit of {self.max_proof_chars}"))
        for t in tactics:
            reason = check_tactic(t, self.max_proof_chars)  # a whole proof may come as one "tactic"
            if reason is not None:
                return Verdict(False, reason)
        name = problem.name
        if name is None:
            return Verdict(False, own_message(f"cannot verify: the statement must start with `theorem NAME`, got {problem.statement[:60]!r}"))
        body = problem.proof_command(tactics)
        w = self._acquire_any()
        try:
            for attempt in range(2):
                try:
                    return self._verify_on(w, problem, name, body, timeout)
                except ReplTimeout as exc:
                    return Verdict(False, own_message(f"timeout: {exc}"))
                except ReplMemoryExceeded as exc:
                    return Verdict(False, own_message(f"memory limit: {exc}"))
                except (ReplCrashed, ProtocolError) as exc:
                    if attempt:
                        return Verdict(False, own_message(f"the REPL crashed twice while verifying: {exc}"))
            raise AssertionError("unreachable")
        finally:
            w.lock.release()

    def _verify_on(self, w: Worker, problem: Problem, name: str, body: str, timeout: float) -> Verdict:
        env = self._header_env(w, problem.header, timeout)
        if isinstance(env, LeanError):
            return Verdict(False, own_message(env.message), env.messages)
        request: dict = {"cmd": body}
        if env is not None:
            request["env"] = env
        reply = w.request(request, timeout)
        messages = _messages(reply)
        if "env" not in reply:
            return Verdict(False, own_message(f"the REPL refused the proof: {reply.get('message', reply)}"), messages)
        errors = _errors(messages)
        if errors:
            return Verdict(False, own_message(f"Lean error: {errors[0].data}"), messages)
        if reply.get("sorries") or any(SORRY_WARNING in m.data for m in messages):
            return Verdict(False, own_message("the proof uses `sorry`"), messages)
        ax_reply = w.request({"cmd": f"#print axioms {name}", "env": reply["env"]}, timeout)
        ax_messages = _messages(ax_reply)
        axioms = parse_axioms(ax_messages)
        if axioms is None:
            detail = ax_reply.get("message") or "; ".join(m.data for m in ax_messages) or "no message"
            return Verdict(False, own_message(f"could not read the axioms of {name}: {detail}"), messages + ax_messages)
        extra = [a for a in axioms if a not in STANDARD_AXIOMS]
        if extra:
            return Verdict(False, own_message(f"the proof depends on non-standard axioms: {', '.join(extra)}"), messages, axioms)
        return Verdict(True, "ok", messages, axioms)

    # -- life cycle ------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop every worker's process and the batch threads; safe to call any number of times."""
        if self._closed:
            return
        self._closed = True
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        for w in self.workers:
            w.transport.close()
        if self._pickle_dir is not None:
            shutil.rmtree(self._pickle_dir, ignore_errors=True)

    def _check_open(self) -> None:
        if self._closed:
            raise ConfigError("this backend was closed; create a new one with leangym.backend.make_backend()")

    def __enter__(self) -> ReplBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
