"""The tactic interpreter: runs surface tactics on proof states, each through its registered executor.

Each tactic maps the main goal to subgoals by a rule whose soundness is argued in
``docs/minilean.md`` (the subgoals, with the context, imply the goal they replace); which module
holds which tactic is in :mod:`leangym.minilean.registry`.
"""

from __future__ import annotations

from dataclasses import replace

from leangym.minilean import registry
from leangym.minilean.core.context import Goal
from leangym.minilean.core.errors import ElabError, TacticError
from leangym.minilean.core.state import Run, State, err, unsolved
from leangym.minilean.syntax.terms import Tac


class Interpreter:
    """Runs surface tactics on states; the executors are the group modules' (:mod:`leangym.minilean.tactics`)."""

    def __init__(self, run: Run):
        self.run = run
        self.elab_sorry = False  # set by ProofElab when a term it checks uses `sorry`

    def exec(self, t: Tac, st: State) -> State:
        self.run.tick()
        entry = registry.lookup(t.name)
        if entry is None or entry.run is None:
            raise err("unknown tactic", t)
        # a `sorry` elaborated anywhere inside this tactic's terms (hint lists, rewrite rules, the
        # major premise of `cases`, ...) marks the resulting state, whether or not the tactic closed
        # the goal; a tactic that fails is rolled back with its flag (as `first`/`try` need)
        saved, self.elab_sorry = self.elab_sorry, False
        try:
            out = entry.run(self, t, st)
            if self.elab_sorry:
                out = replace(out, sorry=True, axioms=out.axioms | {"sorryAx"})
            return out
        finally:
            self.elab_sorry = saved

    def focus_block(self, body: Tac, st: State, g: Goal, node: Tac, span_end: int) -> State:
        """Run ``body`` on ``g`` alone; it must close it (Lean's ``·``/``case`` contract)."""
        try:
            r = self.exec(body, replace(st, goals=(g,)))
            if r.goals:
                raise TacticError(unsolved(r.goals, self.run.mathlib), node.start, span_end)
            return r
        except TacticError as e:
            if not self.run.recover:
                raise
            self.run.error(e.start, e.end, e.msg)
            return replace(st, goals=(), sorry=True)

    def elab_error(self, e: ElabError, t: Tac) -> TacticError:
        s = e.syn
        return TacticError(e.msg, s.start, s.end) if s is not None else err(e.msg, t)
