"""Proof states and what every tactic needs to work on them.

A proof state is a tuple of goals plus flags (whether ``sorry`` was used, which axioms a checked
proof would depend on). Tactics never mutate: they return new :class:`State` values.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from leangym.errors import ReplTimeout
from leangym.minilean.core.context import Goal, pretty_goals
from leangym.minilean.core.errors import Span, TacticError

CLASSICAL = frozenset({"propext", "Classical.choice", "Quot.sound"})


@dataclass(frozen=True)
class State:
    goals: tuple[Goal, ...]
    sorry: bool = False
    axioms: frozenset = frozenset()


@dataclass
class Run:
    """Per-request execution context: deadline, recorded sorries and messages, error recovery."""

    deadline: float | None = None
    recover: bool = False
    mathlib: bool = True
    lemmas: dict = field(default_factory=dict)  # name -> commands.Decl of the environment
    sorries: list = field(default_factory=list)  # (Goal, start, end)
    messages: list = field(default_factory=list)  # (severity, start, end, text)
    steps: int = 0
    source: str = ""  # the text the tactic offsets refer to (for quoting terms in messages)
    # propositions `ring_nf` wrote: Lean's `ring_nf` finds nothing to rebuild in its own output
    ring_nf_outputs: set = field(default_factory=set)

    def tick(self) -> None:
        self.steps += 1
        if self.deadline is not None and (self.steps & 15) == 0 and time.monotonic() > self.deadline:
            raise ReplTimeout("MiniLean request exceeded its timeout")

    def check_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise ReplTimeout("MiniLean request exceeded its timeout")

    def error(self, start: int, end: int, text: str) -> None:
        self.messages.append(("error", start, end, text))


def unsolved(goals, mathlib: bool) -> str:
    return "unsolved goals\n" + pretty_goals(goals, mathlib)


def err(msg: str, node: Span) -> TacticError:
    return TacticError(msg, node.start, node.end)


def main_goal(st: State, node: Span) -> Goal:
    if not st.goals:
        raise err("No goals to be solved", node)
    return st.goals[0]


def on_main(st: State, new: list[Goal] | tuple[Goal, ...], **kw) -> State:
    return replace(st, goals=tuple(new) + st.goals[1:], **kw)
