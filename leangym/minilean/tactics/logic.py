"""Logic tactics: introduction and elimination rules, ``have``/``show``/``calc``, case analysis.

The goal transformations themselves (destructuring, case splits, induction, ``apply``'s unifier,
``push_neg``) are the rules of :mod:`leangym.minilean.rules`; proof terms are checked by
:mod:`leangym.minilean.proofterms`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from leangym.minilean import rules
from leangym.minilean.core.context import Goal, Hyp, fresh_id
from leangym.minilean.core.errors import ElabError, LogicError, TacticError
from leangym.minilean.core.printer import Printer
from leangym.minilean.core.state import CLASSICAL, State, err, main_goal, on_main
from leangym.minilean.core.terms import (
    FALSE,
    NAT,
    NUM_RANK,
    PROP,
    TRUE,
    Bin,
    Binder,
    Expr,
    FVar,
    Un,
    beta,
    defeq,
    fvars,
    instantiate,
    unfold,
)
from leangym.minilean.elab import Elab, witness
from leangym.minilean.proofterms import ProofElab
from leangym.minilean.registry import register, tactic
from leangym.minilean.syntax.lexer import KEYWORDS
from leangym.minilean.syntax.tactics import (
    alternatives,
    locations,
    no_args,
    parse_rcases_pat,
    rcases_atom,
    term_list,
)
from leangym.minilean.syntax.terms import Parser, Syn, Tac, parse_block

if TYPE_CHECKING:
    from leangym.minilean.interpreter import Interpreter

GROUP = "logic"
CALC_OPS = ("=", "<", "≤", ">", "≥")


# -- argument parsers -------------------------------------------------------------------------
def parse_intro(p: Parser, name: str, col: int) -> dict:
    pats = []
    while not p.at_end() and (p.tok.kind == "id" and p.tok.text not in KEYWORDS or p.tok.text in ("⟨", "(")):
        pats.append(parse_rcases_pat(p) if name == "rintro" else rcases_atom(p))
    return {"pats": pats}


def parse_term(p: Parser, name: str, col: int) -> dict:
    return {"term": p.term(0)}


def parse_terms(p: Parser, name: str, col: int) -> dict:
    return {"terms": term_list(p, "")}


def parse_optional_name(p: Parser, name: str, col: int) -> dict:
    """``by_contra!`` with an optional hypothesis name."""
    a: dict = {}
    if not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
        a["name"] = p.advance().text
    return a


def parse_by_contra(p: Parser, name: str, col: int) -> dict:
    a: dict = {"name": None}
    if not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
        a["name"] = p.advance().text
    return a


def parse_calc(p: Parser, name: str, col: int) -> dict:
    steps = []
    saved = p.limit
    p.limit = col
    p.calc_steps += 1
    try:
        first = p.term(0)
        if p.peek_is(":="):
            p.advance()
            steps.append((first, p.term(0)))
            first = None
        while True:
            t2 = p.tok
            more = t2.kind == "id" and t2.text == "_" and (not t2.bol or t2.col >= col)
            if not more:
                break
            p.exempt = p.i
            rel = p.term(0)
            p.expect(":=")
            steps.append((rel, p.term(0)))
    finally:
        p.calc_steps -= 1
    p.limit = saved
    if not steps:
        p.error_expected("calc step")
    return {"start": first, "steps": steps}


def parse_have(p: Parser, name: str, col: int) -> dict:
    a: dict = {}
    hn = None
    if not p.at_end() and p.tok.kind == "id" and (p.tok.text not in KEYWORDS or p.tok.text == "this"):
        hn = p.advance().text  # `have this : …` names the hypothesis as `have : …` does
    a["name"] = hn
    a["binders"] = []
    if p.peek_is(":"):
        p.advance()
        a["type"] = p.term(0)
    else:
        a["type"] = None
    if p.peek_is(":="):
        p.advance()
        a["value"] = p.term(0)
    elif p.peek_is("from"):
        p.advance()
        a["value"] = p.term(0)
    if a["type"] is None and "value" not in a:
        p.error_expected("':=' or ':'")
    return a


def parse_show(p: Parser, name: str, col: int) -> dict:
    a: dict = {"type": p.term(0)}
    if p.peek_is("from"):
        p.advance()
        a["value"] = p.term(0)
    elif p.peek_is(":="):
        p.advance()
        a["value"] = p.term(0)
    return a


def parse_obtain(p: Parser, name: str, col: int) -> dict:
    a: dict = {"pat": parse_rcases_pat(p), "type": None}
    if p.peek_is(":"):
        p.advance()
        a["type"] = p.term(0)
    if p.peek_is(":="):
        p.advance()
        a["value"] = p.term(0)
    elif a["type"] is None:
        p.error_expected("':='")
    return a


def parse_rcases(p: Parser, name: str, col: int) -> dict:
    a: dict = {"term": p.term(0), "pat": None}
    if p.peek_is("with"):
        p.advance()
        a["pat"] = parse_rcases_pat(p)
    return a


def parse_cases(p: Parser, name: str, col: int) -> dict:
    """``cases``/``induction`` with ``| tag x =>`` alternatives; the primed forms name fields after ``with``."""
    a: dict = {"term": p.term(0), "alts": None, "names": []}
    if p.peek_is("generalizing"):
        p.advance()
        while not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
            p.advance()
    if p.peek_is("with"):
        p.advance()
        if name.endswith("'"):
            while not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
                a["names"].append(p.advance().text)
        else:
            # Lean's `withPosition((colGe inductionAlt)+)`: the first `|` may sit anywhere (also left of
            # a block that began mid-line), the others at its column or right of it
            saved = p.limit
            first = p.tok
            if first.kind == "sym" and first.text == "|":
                p.limit = first.col - 1
            else:
                p.limit = col - 1
            a["alts"] = alternatives(p)
            p.limit = saved
            if not a["alts"]:
                p.error_expected("'|'")
    return a


def parse_by_cases(p: Parser, name: str, col: int) -> dict:
    h = None
    nxt = p.toks[min(p.i + 1, len(p.toks) - 1)]
    if nxt.kind == "sym" and nxt.text == ":" and p.tok.kind == "id" and not p.at_end():
        h = p.advance().text
        p.advance()
    return {"name": h, "term": p.term(0)}


def parse_locations(p: Parser, name: str, col: int) -> dict:
    return {"locs": locations(p)}


def parse_names(p: Parser, name: str, col: int) -> dict:
    names = []
    while not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
        names.append(p.advance().text)
    return {"names": names}


# Lean tactics MiniLean reads but does not run: a proof using one fails with `unknown tactic`
register("exfalso_at", group=GROUP, parse=parse_term, run=None)
register("split_ifs", group=GROUP, parse=no_args, run=None)
register("revert", group=GROUP, parse=parse_names, run=None)


# -- executors ----------------------------------------------------------------------------------


@tactic("intro", "intros", "rintro", group=GROUP, parse=parse_intro)
def t_intro(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    pats = t.args["pats"]
    goals = [g]
    if not pats:
        if t.name == "intro":
            goals = [intro1(g, None, t)]
        else:
            while True:
                try:
                    goals = [intro1(goals[0], None, t)]
                except TacticError:
                    break
        return on_main(st, goals)
    for pat in pats:
        new: list[Goal] = []
        for gg in goals:
            if pat[0] == "name" or pat[0] == "_":
                new.append(intro1(gg, pat[1] if pat[0] == "name" else None, t))
            else:
                ig = intro1(gg, None, t)
                h = ig.hyps[-1]
                new.extend(rules.rcases(ig, h, pat, t, ""))
        goals = new
    return on_main(st, goals)


def intro1(g: Goal, name: str | None, node: Tac) -> Goal:
    tgt = g.target
    if isinstance(tgt, Binder) and tgt.kind == "∀":
        hid = fresh_id()
        hname = name if name is not None else tgt.name
        h = Hyp(hid, hname, tgt.dom, tgt.dom == PROP, name is None)
        return Goal(g.hyps + (h,), instantiate(tgt.body, FVar(hid)), g.tag)
    u = unfold(tgt)
    if isinstance(u, Bin) and u.op == "→":
        h = Hyp(fresh_id(), name if name is not None else "a", u.a, True, name is None)
        return Goal(g.hyps + (h,), u.b, g.tag)
    raise err("tactic 'introN' failed, insufficient number of binders", node)


@tactic("exact", group=GROUP, parse=parse_term)
def t_exact(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    pe = ProofElab(interp, g)
    try:
        pe.check(t.args["term"], g.target)
    except ElabError as e:
        if e.msg.startswith("Unknown identifier") and not interp.run.recover:
            # Lean elaborates `exact`'s term with error recovery: the error is logged and the
            # goal is closed by `sorryAx` (see the `invalid_tactic` transcript).
            interp.run.messages.append(("error", None, None, e.msg))
            return on_main(st, [], sorry=True, axioms=st.axioms | {"sorryAx"})
        raise interp.elab_error(e, t) from None
    return on_main(st, pe.new_goals, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)


@tactic("refine", "refine'", group=GROUP, parse=parse_term)
def t_refine(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    pe = ProofElab(interp, g, allow_holes=True)
    try:
        pe.check(t.args["term"], g.target)
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    return on_main(st, pe.new_goals, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)


REFL_TERMS = ("rfl", "Eq.refl", "le_refl", "le_rfl", "Iff.rfl")


@tactic("apply", group=GROUP, parse=parse_term)
def t_apply(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    pe = ProofElab(interp, g)
    term = t.args["term"]
    try:
        ctor = rules.apply_constructor(term, g)
        if ctor is not None:
            return on_main(st, ctor)
        if term.kind == "ident" and term.args[0] in REFL_TERMS and g.lookup(term.args[0]) is None:
            # `apply rfl`/`apply Eq.refl` unify `a = a` with the goal at default transparency: what
            # `exact rfl` checks (closed ℕ/ℤ arithmetic evaluates)
            pe.check(term, g.target)
            return on_main(st, [])
        # Lean elaborates `apply f a (by tac)` postponing `by` blocks until the conclusion is unified
        # with the goal: the goal fixes the implicit arguments nothing else determines
        prop = pe.infer(term, g.target)
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    new = rules.apply_prop(prop, g, Elab(g))
    if new is None:
        names = g.display_names()
        pr = Printer(names, interp.run.mathlib)
        raise err(
            f"could not unify the conclusion of `{pr.pp(prop)}`\n  {pr.pp(prop)}\n"
            f"with the goal\n  {pr.pp(g.target)}\n\n{g.pretty(interp.run.mathlib)}",
            t,
        )
    return on_main(st, new, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)


@tactic("constructor", group=GROUP, parse=no_args)
def t_constructor(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    new = rules.constructor(g)
    if new is None:
        raise err(f"tactic 'constructor' failed, target is not an inductive datatype\n{g.pretty(interp.run.mathlib)}", t)
    return on_main(st, new)


@tactic("left", "right", group=GROUP, parse=no_args)
def t_left_right(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    tgt = g.target
    if not (isinstance(tgt, Bin) and tgt.op == "∨"):
        raise err(f"tactic '{t.name}' failed, target is not an inductive datatype with two constructors\n"
                  f"{g.pretty(interp.run.mathlib)}", t)
    part = tgt.a if t.name == "left" else tgt.b
    return on_main(st, [Goal(g.hyps, part, "h")])


@tactic("exfalso", group=GROUP, parse=no_args)
def t_exfalso(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    return on_main(st, [Goal(g.hyps, FALSE, g.tag)])


@tactic("symm", group=GROUP, parse=no_args)
def t_symm(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    tgt = g.target
    if isinstance(tgt, Bin) and tgt.op in ("=", "≠", "↔"):
        return on_main(st, [Goal(g.hyps, Bin(tgt.op, tgt.b, tgt.a, tgt.ty), g.tag)])
    raise err("symm: the goal is not a symmetric relation", t)


@tactic("have", "haveI", group=GROUP, parse=parse_have)
def t_have(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    a = t.args
    name = a.get("name") or "this"
    el = Elab(g)
    try:
        prop = el.prop(a["type"]) if a.get("type") is not None else None
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    if "value" not in a:
        return on_main(st, [Goal(g.hyps, prop, g.tag), g.with_hyp(Hyp(fresh_id(), name, prop, True))])
    pe = ProofElab(interp, g, allow_holes=True)
    try:
        if prop is None:
            prop = pe.infer(a["value"])
        else:
            pe.check(a["value"], prop)
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    ng = g.with_hyp(Hyp(fresh_id(), name, prop, True))
    return on_main(st, [ng] + pe.new_goals, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)


def parse_suffices(p: Parser, name: str, col: int) -> dict:
    """``suffices h : t by tac`` / ``suffices t from e`` / ``suffices h : t`` (``h`` defaults to ``this``)."""
    a: dict = {"name": None}
    nxt = p.toks[p.i + 1] if p.i + 1 < len(p.toks) else None
    if (not p.at_end() and p.tok.kind == "id" and (p.tok.text not in KEYWORDS or p.tok.text == "this")
            and nxt is not None and nxt.text == ":"):
        a["name"] = p.advance().text
        p.advance()
    elif p.peek_is(":"):
        p.advance()
    a["type"] = p.term(0)
    if p.peek_is("by"):
        by = p.advance()
        a["by"] = parse_block(p, by.start)
    elif p.peek_is("from"):
        p.advance()
        a["value"] = p.term(0)
    return a


@tactic("suffices", group=GROUP, parse=parse_suffices)
def t_suffices(interp: Interpreter, t: Tac, st: State) -> State:
    """``suffices h : t by tac``: ``tac`` proves the goal from ``h : t`` (and must close it); what is left
    is ``t``. With ``from e``, ``e`` is checked against the goal with ``h`` in scope. Alone: both goals,
    the one with ``h`` first (cut)."""
    g = main_goal(st, t)
    a = t.args
    try:
        prop = Elab(g).prop(a["type"])
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    with_h = Goal(g.hyps + (Hyp(fresh_id(), a["name"] or "this", prop, True),), g.target, g.tag)
    rest = Goal(g.hyps, prop, g.tag)
    if "by" in a:
        r = interp.focus_block(a["by"], st, with_h, t, t.end)
        return replace(r, goals=(rest,) + st.goals[1:])
    if "value" in a:
        pe = ProofElab(interp, with_h)
        try:
            pe.check(a["value"], g.target)
        except ElabError as e:
            raise interp.elab_error(e, t) from None
        return on_main(st, [rest], sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)
    return on_main(st, [with_h, rest])


@tactic("show", group=GROUP, parse=parse_show)
def t_show(interp: Interpreter, t: Tac, st: State) -> State:
    el = Elab(main_goal(st, t))
    for i, g in enumerate(st.goals):
        el = Elab(g)
        try:
            prop = el.prop(t.args["type"])
        except ElabError as e:
            if i == len(st.goals) - 1:
                raise interp.elab_error(e, t) from None
            continue
        if defeq(prop, g.target):
            ng = Goal(g.hyps, prop, g.tag)
            rest = st.goals[:i] + st.goals[i + 1 :]
            st2 = replace(st, goals=(ng,) + rest)
            if "value" in t.args:
                pe = ProofElab(interp, ng)
                try:
                    pe.check(t.args["value"], prop)
                except ElabError as e:
                    raise interp.elab_error(e, t) from None
                return on_main(st2, pe.new_goals, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)
            return st2
    g = st.goals[0]
    raise err(f"type mismatch\n  this\nhas type\n  ...\nbut is expected to have type\n  "
              f"{g.pretty(interp.run.mathlib)}", t)


@tactic("obtain", group=GROUP, parse=parse_obtain)
def t_obtain(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    a = t.args
    if "value" not in a:
        el = Elab(g)
        try:
            prop = el.prop(a["type"])
        except ElabError as e:
            raise interp.elab_error(e, t) from None
        h = Hyp(fresh_id(), "h", prop, True, True)
        return on_main(st, [Goal(g.hyps, prop, g.tag)] + rules.rcases(g.with_hyp(h), h, a["pat"], t, g.tag))
    pe = ProofElab(interp, g)
    try:
        if a["type"] is not None:
            prop = Elab(g).prop(a["type"])
            pe.check(a["value"], prop)
        else:
            prop = pe.infer(a["value"])
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    h, g2 = hyp_for_term(g, a["value"], prop)
    new = rules.rcases(g2, h, a["pat"], t, g.tag)
    return on_main(st, new, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)


@tactic("rcases", group=GROUP, parse=parse_rcases)
def t_rcases(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    pe = ProofElab(interp, g)
    term = t.args["term"]
    try:
        prop, is_var = major(g, term, pe)
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    if is_var is not None:
        pat = t.args["pat"] or ("_",)
        return on_main(st, rules.cases_nat(g, is_var, pat, t))
    h, g2 = hyp_for_term(g, term, prop)
    pat = t.args["pat"] if t.args["pat"] is not None else ("_",)
    return on_main(st, rules.rcases(g2, h, pat, t, g.tag), sorry=st.sorry or pe.sorry)


def major(g: Goal, term: Syn, pe: ProofElab) -> tuple[Expr, Hyp | None]:
    if term.kind == "ident":
        h = g.lookup(term.args[0])
        if h is not None and not h.is_prop and h.type == NAT:
            return NAT, h
    return pe.infer(term), None


@tactic("cases", "cases'", group=GROUP, parse=parse_cases)
def t_cases(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    pe = ProofElab(interp, g)
    term = t.args["term"]
    try:
        prop, var = major(g, term, pe)
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    if var is not None:
        goals = rules.cases_nat(g, var, None, t)
    else:
        h, g2 = hyp_for_term(g, term, prop)
        goals = rules.cases_prop(g2, h, t, g.tag)
    return with_alternatives(interp, t, st, goals)


def with_alternatives(interp: Interpreter, t: Tac, st: State, goals: list[Goal], implicit: frozenset | set = frozenset()) -> State:
    """Name the new fields of each case (``implicit``: the ids of fields only the primed forms name,
    as Lean's ``| step h ih`` names the explicit fields of ``Nat.le.step {m}``) and run the alternatives."""
    alts = t.args.get("alts")
    names = t.args.get("names") or []
    old_ids = {h.id for h in st.goals[0].hyps}
    if alts is None:
        if names:
            # `cases' h with a b`: names go to the new fields, constructor by constructor
            rest = list(names)
            named = []
            for gg in goals:
                k = sum(1 for h in gg.hyps if h.inaccessible and h.id not in old_ids)
                named.append(name_fields(gg, rest[:k], old_ids))
                rest = rest[k:]
            goals = named
        return on_main(st, goals)
    out_state = st
    by_tag = {gg.tag.split(".")[-1]: gg for gg in goals}
    done_tags = set()
    for tag, anames, body, _start in alts:
        gg = by_tag.get(tag)
        if gg is None:
            raise err(f"Invalid alternative name '{tag}': Expected {' or '.join(repr(k) for k in by_tag)}", t)
        done_tags.add(tag)
        gg = name_fields(gg, anames, old_ids | set(implicit))
        r = interp.focus_block(body, out_state, gg, t, t.end)
        out_state = replace(out_state, sorry=r.sorry, axioms=r.axioms)
    missing = [k for k in by_tag if k not in done_tags]
    if missing:
        raise err(f"Alternative '{missing[0]}' has not been provided", t)
    return replace(out_state, goals=st.goals[1:])


def name_fields(g: Goal, names: list[str], old_ids: set[int]) -> Goal:
    """Name a case's new inaccessible fields in order (``| succ k ih =>``, ``cases' h with a b``)."""
    if not names:
        return g
    it = iter(names)
    hyps = []
    for h in g.hyps:
        if h.inaccessible and h.id not in old_ids:
            n = next(it, None)
            if n is not None and n != "_":
                h = Hyp(h.id, n, h.type, h.is_prop, False)
        hyps.append(h)
    return Goal(tuple(hyps), g.target, g.tag)


def hyp_for_term(g: Goal, term: Syn, prop: Expr) -> tuple[Hyp, Goal]:
    """The hypothesis to destruct: the local itself, or a fresh one holding the term's proposition."""
    if term.kind == "ident":
        h = g.lookup(term.args[0])
        if h is not None and h.is_prop:
            return h, g
    h = Hyp(fresh_id(), "h", prop, True, True)
    return h, g.with_hyp(h)


@tactic("induction", "induction'", group=GROUP, parse=parse_cases)
def t_induction(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    term = t.args["term"]
    h = g.lookup(term.args[0]) if term.kind == "ident" else None
    var = _le_index(g, h) if h is not None and h.is_prop else None
    if h is None or (h.is_prop and var is None) or (not h.is_prop and h.type != NAT):
        raise err("induction: MiniLean supports induction on a natural-number variable or on a hypothesis "
                  "`b ≤ n`/`b < n` with `n` a natural-number variable only", t)
    try:
        goals = rules.induction_nat(g, h) if var is None else rules.induction_le(g, h, var)
    except LogicError as e:
        raise err(str(e), t) from None
    # `| step h ih =>` names the explicit fields; `induction'`'s names start with the implicit `m`
    old_ids = {x.id for x in g.hyps}
    implicit = {x.id for x in goals[1].hyps if not x.is_prop and x.id not in old_ids} if var is not None else set()
    return with_alternatives(interp, t, st, goals, implicit)


def _le_index(g: Goal, h: Hyp) -> Hyp | None:
    """The ℕ variable ``n`` of a hypothesis ``Nat.le b n`` (see :func:`rules.le_bound`)."""
    u = unfold(h.type)
    if isinstance(u, Bin) and isinstance(u.b, FVar):
        var = next((x for x in g.hyps if x.id == u.b.id and not x.is_prop and x.type == NAT), None)
        if var is not None and rules.le_bound(h.type, var) is not None:
            return var
    return None


@tactic("by_cases", group=GROUP, parse=parse_by_cases)
def t_by_cases(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    try:
        p = Elab(g).prop(t.args["term"])
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    name = t.args["name"]
    inacc = name is None
    nm = name or "h"
    pos = Goal(g.hyps + (Hyp(fresh_id(), nm, p, True, inacc),), g.target, "pos")
    neg = Goal(g.hyps + (Hyp(fresh_id(), nm, Un("¬", p, PROP), True, inacc),), g.target, "neg")
    return on_main(st, [pos, neg], axioms=st.axioms | CLASSICAL)


@tactic("by_contra", group=GROUP, parse=parse_by_contra)
def t_by_contra(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    name = t.args.get("name")
    tgt = g.target
    neg = tgt.a if isinstance(tgt, Un) and tgt.op == "¬" else Un("¬", tgt, PROP)
    if t.name == "by_contra!":
        neg = rules.push_neg(neg, g)
    h = Hyp(fresh_id(), name or "h" if t.name == "by_contra!" else name or "x", neg, True, name is None and t.name != "by_contra!")
    return on_main(st, [Goal(g.hyps + (h,), FALSE, g.tag)], axioms=st.axioms | CLASSICAL)


register("by_contra!", group=GROUP, parse=parse_optional_name, run=t_by_contra)


@tactic("contrapose", "contrapose!", group=GROUP, parse=parse_optional_name)
def t_contrapose(interp: Interpreter, t: Tac, st: State) -> State:
    """``contrapose h``: from ``h : P ⊢ Q`` to ``h : ¬Q ⊢ ¬P`` (Mathlib's ``not_imp_not``, classical);
    without a name, the goal ``P → Q`` becomes ``¬Q → ¬P``. ``contrapose!`` then pushes negations."""
    g = main_goal(st, t)
    name = t.args.get("name")
    bang = t.name == "contrapose!"

    def neg(e: Expr) -> Expr:
        n = Un("¬", e, PROP)
        return rules.push_neg(n, g) if bang else n

    if name is None:
        tgt = g.target
        if not (isinstance(tgt, Bin) and tgt.op == "→"):
            raise err("contrapose: the goal is not an implication `P → Q`; give a hypothesis: `contrapose h`", t)
        return on_main(st, [Goal(g.hyps, Bin("→", neg(tgt.b), neg(tgt.a), PROP), g.tag)], axioms=st.axioms | CLASSICAL)
    h = g.lookup(name)
    if h is None:
        raise err(f"unknown identifier '{name}'", t)
    if not h.is_prop:
        raise err(f"contrapose: `{name}` is not a proposition", t)
    hyps = tuple(x for x in g.hyps if x is not h) + (Hyp(fresh_id(), name, neg(g.target), True),)
    return on_main(st, [Goal(hyps, neg(h.type), g.tag)], axioms=st.axioms | CLASSICAL)


@tactic("push_neg", group=GROUP, parse=parse_locations)
def t_push_neg(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    locs = t.args.get("locs")
    ng = rules.rewrite_locs(g, locs, lambda e: rules.push_neg(e, g), t, "push_neg made no progress")
    return on_main(st, [ng], axioms=st.axioms | CLASSICAL)


@tactic("calc", group=GROUP, parse=parse_calc)
def t_calc(interp: Interpreter, t: Tac, st: State) -> State:
    """``calc a R₁ b := p₁ _ R₂ c := p₂ …``: each step is checked, then transitivity gives
    ``a R c`` (strict if any step is strict), which must be the goal."""
    g = main_goal(st, t)
    pe = ProofElab(interp, g)
    el = Elab(g)
    try:
        start = prev = None
        if t.args["start"] is not None:
            start = prev = el.leaf(t.args["start"], None) if t.args["start"].kind != "ident" else \
                el.arith_tree(t.args["start"], None)
        ops = []
        for rel_syn, proof in t.args["steps"]:
            if prev is None:
                rel = el.prop(rel_syn)
                if not (isinstance(rel, Bin) and rel.op in CALC_OPS):
                    raise ElabError("invalid 'calc' step, relation expected", rel_syn)
                start = rel.a
            else:
                if not (rel_syn.kind == "bin" and rel_syn.args[0] in CALC_OPS and rel_syn.args[1].kind == "hole"):
                    raise ElabError("invalid 'calc' step, it must have the form `_ R rhs`", rel_syn)
                ty = el.type_of(prev)
                rhs = el.arith_tree(rel_syn.args[2], ty) if ty in NUM_RANK else el.leaf(rel_syn.args[2], ty)
                rel = Bin(rel_syn.args[0], prev, rhs, PROP)
            pe.check(proof, rel)
            ops.append(rel.op)
            prev = rel.b
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    up, down = set(ops) <= {"=", "<", "≤"}, set(ops) <= {"=", ">", "≥"}
    if not (up or down):
        raise err("invalid 'calc' step, failed to synthesize `Trans` instance (mixed < and >)", t)
    strict = "<" if up else ">"
    weak = "≤" if up else "≥"
    op = strict if strict in ops else weak if weak in ops else "="
    result = Bin(op, start, prev, PROP)
    if not defeq(result, g.target):
        pr = Printer(g.display_names(), interp.run.mathlib)
        raise err(f"invalid 'calc' step, the relation\n  {pr.pp(result)}\ndoes not match the goal\n  "
                  f"{pr.pp(g.target)}", t)
    return on_main(st, pe.new_goals, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)


@tactic("specialize", group=GROUP, parse=parse_term)
def t_specialize(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    term = t.args["term"]
    head = term.args[0] if term.kind == "app" else term
    if head.kind != "ident" or (h := g.lookup(head.args[0])) is None or not h.is_prop:
        raise err("'specialize' requires a term of the form `h x_1 .. x_n` where `h` appears in the local context", t)
    pe = ProofElab(interp, g)
    try:
        prop = pe.infer(term)
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    hyps = tuple(Hyp(x.id, x.name, prop, True) if x.id == h.id else x for x in g.hyps)
    return on_main(st, [Goal(hyps, g.target, g.tag)], sorry=st.sorry or pe.sorry)


@tactic("use", "exists", group=GROUP, parse=parse_terms)
def t_use(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    tgt = g.target
    terms = list(t.args["terms"])
    el = Elab(g)
    while terms:
        if not (isinstance(tgt, Binder) and tgt.kind == "∃"):
            if isinstance(tgt, Bin) and tgt.op == "∧" and terms:
                break
            raise err("use: the goal is not an existential statement", t)
        w = terms.pop(0)
        try:
            val = witness(el, w, tgt.dom)
        except ElabError as e:
            raise interp.elab_error(e, t) from None
        tgt = instantiate(tgt.body, val)
        if isinstance(val, Binder):  # a `fun` witness: Lean's goal shows `(fun k => …) 1`, β-equal to this
            tgt = beta(tgt)
    goals = [Goal(g.hyps, tgt, "h")]
    # `use` finishes with `use_discharger` (rfl/trivial/assumption); try the cheap sound ones
    if rules.rfl_ok(tgt) or tgt == TRUE or any(h.is_prop and defeq(h.type, tgt) for h in g.hyps):
        goals = []
    elif rules.decide_closed(tgt) is True:
        goals = []
    return on_main(st, goals)


@tactic("funext", group=GROUP, parse=parse_names)
def t_funext(interp: Interpreter, t: Tac, st: State) -> State:
    """Lean's ``funext x y`` (``apply funext; intro x`` per name; without names, as long as the goal is
    an equation of functions): ``f = g`` at ``A → B`` becomes ``f x = g x`` for a fresh ``x : A``, with
    ``fun`` applications β-reduced as ``apply`` leaves them. Function extensionality (a theorem of Lean,
    from ``Quot.sound``)."""
    g = main_goal(st, t)
    names = list(t.args["names"])
    tgt, hyps = g.target, g.hyps
    steps = 0
    while names or steps == 0 or rules.function_equation(tgt, g) is not None:
        fty = rules.function_equation(tgt, g)
        if fty is None:
            if steps and not names:
                break
            raise err("apply failed: the goal is not an equation of functions\n" + g.pretty(interp.run.mathlib), t)
        name = names.pop(0) if names else None
        x = Hyp(fresh_id(), name or "x", fty.a, False, name is None or name == "_")
        xv = FVar(x.id)
        tgt = beta(Bin("=", rules.apply_arg(tgt.a, xv, fty), rules.apply_arg(tgt.b, xv, fty), PROP))
        hyps = hyps + (x,)
        g = Goal(hyps, tgt, g.tag)
        steps += 1
    return on_main(st, [g], axioms=st.axioms | {"Quot.sound"})


@tactic("clear", group=GROUP, parse=parse_names)
def t_clear(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    hyps = g.hyps
    for n in t.args["names"]:
        h = g.lookup(n)
        if h is None:
            raise err(f"Unknown identifier `{n}`", t)
        if any(h.id in fvars(x.type) for x in hyps if x.id != h.id) or h.id in fvars(g.target):
            raise err(f"cannot clear {n}: it is used", t)
        hyps = tuple(x for x in hyps if x.id != h.id)
    return on_main(st, [Goal(hyps, g.target, g.tag)])


@tactic("subst_vars", group=GROUP, parse=no_args)
def t_subst_vars(interp: Interpreter, t: Tac, st: State) -> State:
    """Lean's ``subst_vars``: ``subst`` every hypothesis ``x = e`` or ``e = x`` (``x`` a local variable
    not occurring in ``e``) until none is left; it succeeds when there is none."""
    g = main_goal(st, t)
    progress = True
    while progress:
        progress = False
        for h in g.hyps:
            if h.is_prop:
                ng = rules.subst_eq(g, h)
                if ng is not None:
                    g, progress = ng, True
                    break
    return on_main(st, [g])


@tactic("subst", group=GROUP, parse=parse_names)
def t_subst(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    for n in t.args["names"]:
        h = g.lookup(n)
        if h is None or not h.is_prop:
            raise err(f"Unknown identifier `{n}`", t)
        ng = rules.subst_eq(g, h)
        if ng is None:
            raise err("subst: the hypothesis must be an equation with a variable on one side", t)
        g = ng
    return on_main(st, [g])
