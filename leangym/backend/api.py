"""The functional backend API every layer above the REPL speaks (DESIGN §3).

Outcomes of Lean work are frozen dataclasses; infrastructure failures are exceptions from
:mod:`leangym.errors`. A bug in the engine itself is never an outcome (never a :class:`LeanError`,
never a failed :class:`Verdict`): every method raises :class:`~leangym.errors.EngineError`. A
:class:`ProofState` is an immutable handle: search may branch from any state it holds, any number
of times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from leangym.problems import Problem


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass(frozen=True)
class Message:
    """One Lean message, as in the REPL's ``messages`` list."""

    severity: str  # "error" | "warning" | "info"
    data: str
    pos: Position | None = None
    end_pos: Position | None = None

    @classmethod
    def from_json(cls, obj: dict) -> Message:
        def p(key: str) -> Position | None:
            v = obj.get(key)
            return Position(v["line"], v["column"]) if v else None

        return cls(obj.get("severity", "info"), obj.get("data", ""), p("pos"), p("endPos"))


@dataclass(frozen=True)
class ProofState:
    """An open proof state: the goals as Lean prints them plus where it came from.

    ``handle`` is the backend's opaque id (REPL ``proofState`` number plus the owning worker);
    ``tactics`` is the path of tactics from the problem's root state, which lets a backend rebuild
    the state after a process restart. ``replayed`` is True when producing this state required
    rebuilding its parent by replaying that path (its worker had restarted).
    """

    problem: Problem
    goals: tuple[str, ...]
    tactics: tuple[str, ...] = ()
    handle: tuple = field(default=(), compare=False)
    replayed: bool = field(default=False, compare=False)

    @property
    def text(self) -> str:
        """All goals, separated by blank lines: the environment's observation."""
        return "\n\n".join(self.goals) if self.goals else "no goals"


@dataclass(frozen=True)
class ProofClosed:
    """The last tactic closed every goal (proofStatus "Completed", no error)."""

    problem: Problem
    tactics: tuple[str, ...]
    replayed: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class LeanError:
    """The tactic (or statement) failed; ``state`` is unchanged (None when starting failed).

    ``kind`` says who failed: ``"lean"`` (Lean rejected it), ``"rejected"`` (the action guard refused
    it before sending), ``"timeout"``, ``"memory"`` or ``"crash"`` (the REPL process was killed and
    restarted; ``state`` stays usable and is rebuilt on its next use).
    """

    message: str
    state: ProofState | None = None
    messages: tuple[Message, ...] = ()
    kind: str = "lean"


@dataclass(frozen=True)
class Verdict:
    """Result of re-checking a whole proof from source in a fresh environment."""

    ok: bool
    reason: str
    messages: tuple[Message, ...] = ()
    axioms: tuple[str, ...] = ()


TacticOutcome = ProofState | ProofClosed | LeanError


@runtime_checkable
class Backend(Protocol):
    """Anything that can start problems, run tactics on states, check and verify source."""

    def start(self, problem: Problem, timeout: float | None = None) -> ProofState | LeanError: ...

    def run_tactic(self, state: ProofState, tactic: str, timeout: float | None = None) -> TacticOutcome: ...

    def check(self, source: str, timeout: float | None = None) -> list[Message]: ...

    def verify(self, problem: Problem, tactics: list[str] | tuple[str, ...], timeout: float | None = None) -> Verdict: ...

    def close(self) -> None: ...
