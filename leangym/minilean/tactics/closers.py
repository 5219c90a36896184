"""Closing tactics: they close the main goal outright or fail (``assumption``, ``rfl``, ``decide``...)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

from leangym.minilean import bridge, evaluate, rules
from leangym.minilean.core.context import Goal
from leangym.minilean.core.errors import TacticError
from leangym.minilean.core.printer import Printer
from leangym.minilean.core.state import State, err, main_goal, on_main
from leangym.minilean.core.terms import FALSE, PROP, TRUE, Bin, Expr, Un, alpha_eq, defeq, fvars, norm
from leangym.minilean.registry import register, tactic
from leangym.minilean.syntax.tactics import no_args
from leangym.minilean.syntax.terms import Tac
from leangym.minilean.tactics.procedures import call, closed

if TYPE_CHECKING:
    from leangym.minilean.interpreter import Interpreter

GROUP = "closers"
MAX_TAUTO_ATOMS = 12

# Lean tactics MiniLean reads but does not run: a proof using one fails with `unknown tactic`
register("apply?", "aesop", "infer_instance", group=GROUP, parse=no_args, run=None)


@tactic("assumption", group=GROUP, parse=no_args)
def t_assumption(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    for h in reversed(g.hyps):
        if h.is_prop and defeq(h.type, g.target):
            return on_main(st, [])
    raise err(f"Tactic `assumption` failed\n\n{g.pretty(interp.run.mathlib)}", t)


@tactic("exact?", group=GROUP, parse=no_args)
def t_exact_search(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    for h in reversed(g.hyps):
        if h.is_prop and defeq(h.type, g.target):
            interp.run.messages.append(("info", t.start, t.end, f"Try this:\n  [apply] exact {h.name}"))
            return on_main(st, [])
    raise err("`exact?` could not close the goal. Try `apply?` to see partial suggestions.", t)


@tactic("contradiction", group=GROUP, parse=no_args)
def t_contradiction(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    if rules.contradiction(g):
        return on_main(st, [])
    raise err(f"tactic 'contradiction' failed\n{g.pretty(interp.run.mathlib)}", t)


@tactic("trivial", group=GROUP, parse=no_args)
def t_trivial(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    if g.target == TRUE or rules.rfl_ok(g.target) or any(
        h.is_prop and defeq(h.type, g.target) for h in g.hyps
    ) or rules.decide_closed(g.target) is True:
        return on_main(st, [])
    tgt = g.target
    if isinstance(tgt, Bin) and tgt.op == "∧":
        try:
            a = t_trivial(interp, t, replace(st, goals=(Goal(g.hyps, tgt.a, g.tag),)))
            t_trivial(interp, t, replace(a, goals=(Goal(g.hyps, tgt.b, g.tag),)))
            return on_main(st, [])
        except TacticError:
            pass
    raise err("tactic 'trivial' failed", t)


@tactic("rfl", group=GROUP, parse=no_args)
def t_rfl(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    if rules.rfl_ok(g.target):
        return on_main(st, [])
    names = g.display_names()
    pr = Printer(names, interp.run.mathlib)
    tgt = g.target
    if isinstance(tgt, Bin) and tgt.op == "=":
        raise err(
            f"The rfl tactic failed. Possible reasons:\n- The goal is not a reflexive relation "
            f"(neither `=` nor a relation with a @[refl] lemma).\n- The arguments of the relation are "
            f"not equal.\nTry using the reflexivity lemma for your relation explicitly, e.g. "
            f"`exact Eq.refl _` or\n`exact HEq.rfl` etc.\n{g.pretty(interp.run.mathlib)}",
            t,
        )
    raise err(f"The rfl tactic failed. Possible reasons:\n- The goal is not a reflexive relation "
              f"(neither `=` nor a relation with a @[refl] lemma).\n{pr.pp(tgt)}", t)


@tactic("decide", group=GROUP, parse=no_args)
def t_decide(interp: Interpreter, t: Tac, st):
    g = main_goal(st, t)
    pr = Printer(g.display_names(), interp.run.mathlib)
    if fvars(g.target):
        raise err(f"failed to synthesize\n  Decidable ({pr.pp(g.target)})", t)
    val = rules.decide_closed(rules.unfold_modeq(evaluate.fold(g.target, "decide")))
    if val is None:
        try:
            val = call("decide", bridge.for_goal(g).prop(g.target))
        except bridge.NotArith:
            val = None
    if val is True:
        return closed(st, t, frozenset())
    if val is False:
        raise err(f"Tactic `decide` proved that the proposition\n  {pr.pp(g.target)}\nis false", t)
    raise err(f"failed to reduce to true/false\n  {pr.pp(g.target)}", t)


@tactic("tauto", group=GROUP, parse=no_args)
def t_tauto(interp: Interpreter, t: Tac, st):
    g = main_goal(st, t)
    # atoms are compared by typed α-equivalence, never by printed text: `(2 : ℕ) - 3 = 0` and
    # `(2 : ℤ) - 3 = 0` print alike but are different propositions
    atoms: list[Expr] = []

    def enc(p: Expr):
        u = p
        if u == TRUE:
            return True
        if u == FALSE:
            return False
        if isinstance(u, Un) and u.op == "¬":
            return ("¬", enc(u.a))
        if isinstance(u, Bin) and u.op in ("∧", "∨", "→", "↔"):
            return (u.op, enc(u.a), enc(u.b))
        if isinstance(u, Bin) and u.op == "≠":
            return ("¬", enc(Bin("=", u.a, u.b, PROP)))
        key = norm(u)
        for i, a in enumerate(atoms):
            if alpha_eq(a, key):
                return ("atom", i)
        atoms.append(key)
        return ("atom", len(atoms) - 1)

    hyps = [enc(h.type) for h in g.hyps if h.is_prop]
    goal = enc(g.target)
    if len(atoms) > MAX_TAUTO_ATOMS:
        raise err("tauto failed to solve some goals.", t)

    def ev(f, val):
        if f is True or f is False:
            return f
        op = f[0]
        if op == "atom":
            return val[f[1]]
        if op == "¬":
            return not ev(f[1], val)
        a, b = ev(f[1], val), ev(f[2], val)
        return {"∧": a and b, "∨": a or b, "→": (not a) or b, "↔": a == b}[op]

    for val in itertools.product((False, True), repeat=len(atoms)):
        interp.run.tick()
        if all(ev(h, val) for h in hyps) and not ev(goal, val):
            raise err("tauto failed to solve some goals.", t)
    return closed(st, t)
