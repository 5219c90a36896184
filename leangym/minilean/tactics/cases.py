"""Case analysis and induction: ``obtain``, ``rcases``, ``cases``/``cases'``, ``induction``/``induction'``,
``by_cases`` (group ``cases``). The destructuring, case splits and induction principles themselves are the
rules of :mod:`leangym.minilean.rules`; proof terms are checked by :mod:`leangym.minilean.proofterms`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from leangym.minilean import rules
from leangym.minilean.core.context import Goal, Hyp, fresh_id
from leangym.minilean.core.errors import ElabError, LogicError
from leangym.minilean.core.state import CLASSICAL, State, err, main_goal, on_main
from leangym.minilean.core.terms import (
    NAT,
    PROP,
    Bin,
    Expr,
    FVar,
    Un,
    unfold,
)
from leangym.minilean.elab import Elab
from leangym.minilean.proofterms import ProofElab
from leangym.minilean.registry import tactic
from leangym.minilean.syntax.lexer import KEYWORDS
from leangym.minilean.syntax.tactics import (
    alternatives,
    parse_rcases_pat,
)
from leangym.minilean.syntax.terms import Parser, Syn, Tac

if TYPE_CHECKING:
    from leangym.minilean.interpreter import Interpreter

GROUP = "cases"


# -- argument parsers -------------------------------------------------------------------------
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



# -- executors ----------------------------------------------------------------------------------

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
