"""MiniLean's in-process REPL: the Lean REPL JSON protocol (commands, tactics on proof states,
``#print axioms``), answered exactly in the shapes the real REPL prints.

Environments and proof states are numbered by per-REPL counters, as in Lean's REPL; neither is
ever freed (the process layer recycles REPLs). A request that times out raises
:class:`leangym.errors.ReplTimeout` and records nothing.

Lean errors are the engine's declared exceptions (``TacticError``, ``ElabError``, ``ParseError``,
``LogicError``; the arithmetic procedures' ``GiveUp`` is turned into a failed tactic inside the
tactics), answered as Lean answers them. Any other exception is a MiniLean bug: it is logged with
the request and answered ``{"internalError": {"type", "message", "input"}}``
(:meth:`leangym.errors.EngineError.to_reply`), a reply real Lean never gives, so no client can
mistake it for Lean's verdict; ``MiniLeanRepl(raise_internal=True)`` raises
:class:`leangym.errors.MiniLeanInternalError` instead (tests use it to fail on any engine bug).
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass

from leangym.errors import ConfigError, MiniLeanInternalError, ReplTimeout
from leangym.minilean.commands import LAYOUTS, PINNED_LAYOUT, CommandRunner, Env
from leangym.minilean.core.context import Goal
from leangym.minilean.core.errors import ElabError, LogicError, ParseError, TacticError
from leangym.minilean.core.state import Run, State
from leangym.minilean.elab import definitions
from leangym.minilean.interpreter import Interpreter
from leangym.minilean.syntax.lexer import Source
from leangym.minilean.syntax.terms import Tac, parse_tactic_text

PARSE_CACHE_SIZE = 4096
MAX_REQUEST_CHARS = 1_000_000
LOGGED_REQUEST_CHARS = 4000  # of a request that hit an engine bug, quoted in the log
LAYOUT_ENV_VAR = "LEANGYM_MINILEAN_LAYOUT"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProofStateRec:
    state: State
    env: Env


def _pos(lc: tuple[int, int]) -> dict:
    return {"line": lc[0], "column": lc[1]}


class MiniLeanRepl:
    """A Lean REPL look-alike. ``handle(request)`` returns the response dict the real REPL prints.

    ``raise_internal``: raise :class:`~leangym.errors.MiniLeanInternalError` on an engine bug
    instead of logging it and answering the ``internalError`` reply.

    ``layout``: how a tactic block after ``:= by`` may be laid out (:data:`~leangym.minilean.commands.LAYOUTS`):
    "lean-4.33", the pinned Lean's (indented blocks only; the default), or "column0", the older Lean's
    that also takes a block starting at column 0. None: ``$LEANGYM_MINILEAN_LAYOUT``, else the default.
    """

    def __init__(self, *, raise_internal: bool = False, layout: str | None = None) -> None:
        if layout is None:
            layout = os.environ.get(LAYOUT_ENV_VAR) or PINNED_LAYOUT
        if layout not in LAYOUTS:
            raise ConfigError(f"MiniLean layout must be one of {', '.join(LAYOUTS)}, got {layout!r} "
                              f"(from the layout argument or ${LAYOUT_ENV_VAR}); use {PINNED_LAYOUT!r} for the "
                              "pinned Lean's layout")
        self.layout = layout
        self.raise_internal = raise_internal
        self.envs: list[Env] = []
        self.states: list[ProofStateRec] = []
        self._tactic_cache: dict[str, Tac | ParseError] = {}

    # -- entry point ---------------------------------------------------------------------------
    def handle(self, request: dict, timeout: float | None = None) -> dict:
        """Answer one request. Raises ReplTimeout (recording nothing) when ``timeout`` seconds pass;
        an engine bug is answered ``{"internalError": ...}`` (or raised, with ``raise_internal``)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        if not isinstance(request, dict):
            return {"message": "Could not parse JSON: expected an object"}
        try:
            if "tactic" in request:
                return self._tactic(request, deadline)
            if "cmd" in request:
                return self._cmd(request, deadline)
            if "path" in request:
                return self._path(request, deadline)
            if any(k in request for k in ("pickleTo", "unpickleEnvFrom", "unpickleProofStateFrom")):
                return {"message": "MiniLean does not support pickling; keep the REPL process instead."}
            return {"message": "Could not parse JSON: expected a request with \"cmd\", \"tactic\" or \"path\""}
        except ReplTimeout:
            raise
        except RecursionError:  # input nested past Python's stack: Lean's own resource error
            return {"message": "Lean error:\nmaximum recursion depth has been reached"}
        except Exception as exc:  # noqa: BLE001 - not a Lean error, so a MiniLean bug; the REPL lives on
            err = MiniLeanInternalError(f"{type(exc).__name__}: {exc}", error_type=type(exc).__name__, request=request)
            if self.raise_internal:
                raise err from exc
            shown = str(request)
            if len(shown) > LOGGED_REQUEST_CHARS:
                shown = shown[:LOGGED_REQUEST_CHARS] + f"... ({len(shown)} chars)"
            logger.error("MiniLean internal error (%s) on request %s", err, shown, exc_info=exc)
            return err.to_reply()

    # -- commands ------------------------------------------------------------------------------
    def _cmd(self, req: dict, deadline: float | None) -> dict:
        src = req.get("cmd")
        if not isinstance(src, str):
            return {"message": "Could not parse JSON: \"cmd\" must be a string"}
        env_id = req.get("env")
        if env_id is None:
            base = Env()
        elif isinstance(env_id, int) and 0 <= env_id < len(self.envs):
            base = self.envs[env_id]
        else:
            return {"message": "Unknown environment."}
        if len(src) > MAX_REQUEST_CHARS:
            src_msgs = [{"severity": "error", "pos": _pos((1, 0)), "endPos": _pos((1, 0)),
                         "data": f"input too long ({len(src)} characters; MiniLean accepts {MAX_REQUEST_CHARS})"}]
            return self._new_env(base, src_msgs, [])
        res = CommandRunner(src, base, deadline, self.layout).run()
        sorries = []
        base_id = len(self.states)
        for i, (goal, start, end) in enumerate(res.sorries):
            sorries.append((base_id + i, goal, start, end))
        out_sorries = []
        for sid, goal, start, end in sorries:
            out_sorries.append({"proofState": sid, "pos": _pos(start), "goal": goal.pretty(res.env.mathlib),
                                "endPos": _pos(end)})
        msgs = [{"severity": sev, "pos": _pos(s), "endPos": _pos(e), "data": text}
                for sev, s, e, text in res.messages]
        for _sid, goal, _s, _e in sorries:
            self.states.append(ProofStateRec(State((goal,)), res.env))
        return self._new_env(res.env, msgs, out_sorries)

    def _new_env(self, env: Env, msgs: list, sorries: list) -> dict:
        self.envs.append(env)
        out: dict = {}
        if sorries:
            out["sorries"] = sorries
        if msgs:
            out["messages"] = msgs
        out["env"] = len(self.envs) - 1
        return out

    def _path(self, req: dict, deadline: float | None) -> dict:
        path = req.get("path")
        try:
            with open(path, encoding="utf-8") as f:
                src = f.read()
        except (OSError, TypeError) as e:
            return {"message": f"no such file or directory (error code: 2)\n  file: {path}" if isinstance(e, OSError) else str(e)}
        return self._cmd({"cmd": src, "env": req.get("env")}, deadline)

    # -- tactics -------------------------------------------------------------------------------
    def parse_tactic(self, text: str) -> Tac | ParseError:
        hit = self._tactic_cache.get(text)
        if hit is not None:
            return hit
        try:
            res: Tac | ParseError = parse_tactic_text(text)
        except ParseError as e:
            res = e
        if len(self._tactic_cache) >= PARSE_CACHE_SIZE:
            self._tactic_cache.clear()
        self._tactic_cache[text] = res
        return res

    def _tactic(self, req: dict, deadline: float | None) -> dict:
        sid = req.get("proofState")
        text = req.get("tactic")
        if not isinstance(sid, int) or not 0 <= sid < len(self.states):
            return {"message": "Unknown proof state."}
        if not isinstance(text, str):
            return {"message": "Could not parse JSON: \"tactic\" must be a string"}
        if len(text) > MAX_REQUEST_CHARS:
            return {"message": "Lean error:\n<input>:1:0: input too long"}
        rec = self.states[sid]
        parsed = self.parse_tactic(text)
        if isinstance(parsed, ParseError):
            line, col = Source(text).pos(parsed.start)
            if parsed.msg == "unknown tactic":
                col += 1
            return {"message": f"Lean error:\n<input>:{line}:{col}: {parsed.msg}"}
        run = Run(deadline, False, rec.env.mathlib, rec.env.decls, source=text)
        interp = Interpreter(run)
        try:
            with definitions(rec.env.defs):
                st = interp.exec(parsed, rec.state)
        except (TacticError, ElabError) as e:
            return {"message": "Lean error:\n" + e.msg}
        except LogicError as e:
            return {"message": f"Lean error:\n{e}"}
        run.check_time()
        return self._record(st, rec.env, run.sorries, run.messages)

    def _record(self, st: State, env: Env, sorries: list, messages: list) -> dict:
        out: dict = {}
        if sorries:
            out["sorries"] = []
            for goal, _s, _e in sorries:
                self.states.append(ProofStateRec(State((goal,)), env))
                out["sorries"].append({"proofState": len(self.states) - 1, "goal": goal.pretty(env.mathlib)})
        self.states.append(ProofStateRec(st, env))
        if st.goals:
            status = "Incomplete: open goals remain"
        elif st.sorry:
            status = "Incomplete: contains sorry"
        else:
            status = "Completed"
        out["proofStatus"] = status
        out["proofState"] = len(self.states) - 1
        if messages:
            out["messages"] = [{"severity": sev, "pos": {"line": 0, "column": 0}, "endPos": {"line": 0, "column": 0},
                                "data": text} for sev, _s, _e, text in messages]
        out["goals"] = [g.pretty(env.mathlib) for g in st.goals]
        return out

    # -- helpers for in-process users -----------------------------------------------------------
    def goals_of(self, proof_state: int) -> list[Goal]:
        """The goals of a recorded proof state (for tests and in-process backends)."""
        return list(self.states[proof_state].state.goals)
