"""Arithmetic tactics: ``linarith``/``nlinarith``, ``positivity``, ``omega``, ``ring``, ``interval_cases``.

Each translates the goal with :mod:`leangym.minilean.bridge` and asks one decision procedure of
:mod:`leangym.minilean.arith` (see :mod:`.procedures` for what a procedure that gives up means).
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from leangym.minilean import bridge, rules
from leangym.minilean.arith import ir
from leangym.minilean.core.context import Goal, Hyp, fresh_id
from leangym.minilean.core.errors import TacticError
from leangym.minilean.core.functions import sign_facts
from leangym.minilean.core.state import err, main_goal, on_main
from leangym.minilean.core.terms import FALSE, INT, NAT, PROP, Bin, Expr, FVar, Num, Un, fvars, replace
from leangym.minilean.registry import register, tactic
from leangym.minilean.syntax.tactics import no_args
from leangym.minilean.syntax.terms import Parser, Tac
from leangym.minilean.tactics.procedures import call, closed, hint_props, hyp_props
from leangym.minilean.tactics.rewriting import parse_simp_args, t_ring_nf

if TYPE_CHECKING:
    from leangym.minilean.interpreter import Interpreter

GROUP = "arithmetic"
MAX_INTERVAL_CASES = 1000


def parse_interval_cases(p: Parser, name: str, col: int) -> dict:
    return {"term": None if p.at_end() or p.peek_is("at") else p.term(0)}


# Lean tactics MiniLean reads but does not run: a proof using one fails with `unknown tactic`
register("abel", "gcongr", "bound", "finiteness", group=GROUP, parse=no_args, run=None)


@tactic("linarith", "nlinarith", group=GROUP, parse=parse_simp_args)
def t_linarith(interp: Interpreter, t: Tac, st):
    g = main_goal(st, t)
    tr = bridge.for_goal(g)
    # `linarith only [h₁, h₂]`: the listed facts and the negated goal, no other hypothesis
    hyps = [] if t.args.get("only") else hyp_props(g, tr)
    hints = hint_props(interp, g, t.args.get("lemmas", []), tr, t)
    tgt = g.target
    goal_ir: ir.Prop = ir.BoolConst(False)
    premise = negated_comparison(tgt)
    if isinstance(tgt, Bin) and tgt.op in ("<", "≤", "=", ">", "≥") and tr.numeric(tgt.a):
        goal_ir = tr.prop(tgt)
    elif premise is not None and tr.numeric(premise.a):
        # Mathlib's `getContrLemma`: `Not.intro` moves the comparison into the context, goal `False`
        hyps = hyps + [tr.prop(premise)]
    nl = t.name.startswith("nlinarith")
    if nl:
        ok = call("nlinarith", hyps, goal_ir, hints=tuple(hints), deadline=interp.run.deadline)
    else:
        ok = call("linarith", hyps + hints, goal_ir, deadline=interp.run.deadline)
    if ok is True:
        return closed(st, t)
    raise err(linarith_message(interp, g), t)


register("linarith!", "nlinarith!", group=GROUP, parse=no_args, run=t_linarith)


def negated_comparison(tgt: Expr) -> Bin | None:
    """The comparison ``c`` of a goal ``a ≠ b`` (``c`` is ``a = b``) or ``¬c``: Mathlib's linarith
    proves such a goal by ``Not.intro``, from ``c`` as a hypothesis and the goal ``False``."""
    if isinstance(tgt, Bin) and tgt.op == "≠":
        return Bin("=", tgt.a, tgt.b, PROP)
    if isinstance(tgt, Un) and tgt.op == "¬" and isinstance(tgt.a, Bin) and tgt.a.op in ("<", "≤", "=", ">", "≥"):
        return tgt.a
    return None


def linarith_message(interp: Interpreter, g: Goal) -> str:
    tgt = g.target
    hyps = g.hyps
    tag = g.tag
    premise = negated_comparison(tgt)
    if isinstance(tgt, Bin) and tgt.op in ("<", "≤", "=", ">", "≥"):
        # Mathlib negates the goal with `not_lt`/`not_le` (and splits `=` into two `<` goals)
        op = {"<": "≥", "≤": ">", ">": "≤", "≥": "<", "=": "<"}[tgt.op]
        neg = Bin(op, tgt.a, tgt.b, PROP)
        hyps, tag = hyps + (Hyp(fresh_id(), "a", neg, True, True),), "a"
    elif premise is not None:
        hyps, tag = hyps + (Hyp(fresh_id(), "a", premise, True, True),), "h"  # `Not.intro`'s premise `h`
    body = Goal(hyps, FALSE, tag).pretty(interp.run.mathlib)
    return "linarith failed to find a contradiction\n" + body


@tactic("positivity", group=GROUP, parse=no_args)
def t_positivity(interp: Interpreter, t: Tac, st):
    g = main_goal(st, t)
    tgt = g.target
    ok = False
    shape = isinstance(tgt, Bin) and (
        (tgt.op in ("<", "≤") and isinstance(tgt.a, Num) and tgt.a.value == 0)
        or (tgt.op in (">", "≥") and isinstance(tgt.b, Num) and tgt.b.value == 0)
        or (tgt.op == "≠" and isinstance(tgt.b, Num) and tgt.b.value == 0)
    )
    if not shape:
        raise err("not a positivity goal", t)
    try:
        tr = bridge.for_goal(g)
        facts = tuple(tr.prop(f) for f in sign_facts(tgt))  # Mathlib's positivity extensions
        ok = call("positivity", tr.prop(tgt), tuple(hyp_props(g, tr)) + facts) is True
    except bridge.NotArith:
        ok = False
    if ok:
        return closed(st, t)
    kind = {"<": "positivity", ">": "positivity", "≤": "nonnegativity", "≥": "nonnegativity"}.get(tgt.op, "nonzeroness")
    raise err(f"failed to prove {kind}", t)


@tactic("omega", group=GROUP, parse=no_args)
def t_omega(interp: Interpreter, t: Tac, st):
    g = main_goal(st, t)
    tr = bridge.for_goal(g)
    hyps = [h for h in hyp_props(g, tr)]
    try:
        goal_ir = tr.prop(g.target)
    except bridge.NotArith:
        goal_ir = ir.BoolConst(False)
    ok = call("omega", hyps, goal_ir, deadline=interp.run.deadline)
    if ok is True:
        return closed(st, t)
    raise err("omega could not prove the goal:\nNo usable constraints found for the hypotheses "
                    "and goal, or a possible counterexample exists.", t)


@tactic("ring", "ring1", group=GROUP, parse=no_args)
def t_ring(interp: Interpreter, t: Tac, st):
    g = main_goal(st, t)
    tgt = g.target
    tr = bridge.for_goal(g)
    if isinstance(tgt, Bin) and tgt.op == "=" and tr.numeric(tgt.a):
        if call("ring_equal", tr.term(tgt.a), tr.term(tgt.b)) is True:
            return closed(st, t)
    if t.name == "ring1":
        raise err("ring failed: not an equality of commutative (semi)ring expressions", t)
    try:
        r = t_ring_nf(interp, Tac("ring_nf", t.start, t.end, {"locs": None}), st)
    except TacticError:
        raise err("ring failed, ring_nf subsidiary goal is not closed", t) from None
    interp.run.messages.append(("info", t.start, t.end, "Try this: ring_nf"))
    return r


@tactic("interval_cases", group=GROUP, parse=parse_interval_cases)
def t_interval_cases(interp: Interpreter, t: Tac, st):
    g = main_goal(st, t)
    term = t.args.get("term")
    if term is None or term.kind != "ident" or (x := g.lookup(term.args[0])) is None \
            or x.is_prop or x.type not in (NAT, INT):
        raise err("interval_cases failed: provide a natural number or integer variable", t)
    lo = 0 if x.type == NAT else None
    hi = None
    xv = FVar(x.id)
    for h in g.hyps:
        if not h.is_prop or not isinstance(h.type, Bin):
            continue
        p = h.type
        op, a, b = p.op, p.a, p.b
        if op in (">", "≥"):
            op, a, b = {">": "<", "≥": "≤"}[op], b, a
        if op not in ("<", "≤"):
            continue
        if a == xv and (c := rules.eval_closed(b)) is not None:
            bound = c - 1 if op == "<" else c
            hi = bound if hi is None else min(hi, bound)
        elif b == xv and (c := rules.eval_closed(a)) is not None:
            bound = c + 1 if op == "<" else c
            lo = bound if lo is None else max(lo, bound)
    if lo is None or hi is None:
        which = "lower" if lo is None else "upper"
        raise err(f"interval_cases failed: could not find {which} bound on {x.name}", t)
    if hi - lo + 1 > MAX_INTERVAL_CASES:
        raise err(f"interval_cases failed: too many cases ({hi - lo + 1})", t)
    goals = []
    for v in range(lo, hi + 1):
        val: Expr = Num(Fraction(abs(v)), x.type)
        if v < 0:
            val = Un("-", val, x.type)
        hyps = []
        for h in g.hyps:
            if h.id == x.id:
                continue
            if h.is_prop and x.id in fvars(h.type):
                h = Hyp(h.id, h.name, replace(h.type, xv, val), True, h.inaccessible)
            hyps.append(h)
        goals.append(Goal(tuple(hyps), replace(g.target, xv, val), g.tag))
    return on_main(st, goals)
