"""Rewriting tactics: ``rw`` and its spellings, the cast tactics (``push_cast``, ``norm_cast``,
``exact_mod_cast``) and ``ring_nf``; the argument parsers of the rewriting group (:mod:`.simp` holds the
``simp``/``norm_num`` family, :mod:`.simprules` the rewriting with hypotheses and library lemmas both use).

Goals are translated to the arithmetic IR by :mod:`leangym.minilean.bridge` and simplified by the
procedures of :mod:`leangym.minilean.arith` (see :mod:`.procedures`); rewriting with hypotheses and
lemmas is done by capture-free matching (:func:`leangym.minilean.rules.match`).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from leangym.minilean import bridge, lemmas, rules, schematic
from leangym.minilean.core.context import Goal, Hyp
from leangym.minilean.core.errors import ElabError
from leangym.minilean.core.printer import Printer
from leangym.minilean.core.state import CLASSICAL, err, main_goal, on_main
from leangym.minilean.core.terms import (
    NAT,
    NUM_RANK,
    PROP,
    RAT,
    REAL,
    TRUE,
    App,
    Bin,
    Binder,
    Const,
    Expr,
    MVar,
    Num,
    Un,
    alpha_eq,
    beta,
    defeq,
    instantiate,
    is_closed,
    norm,
)
from leangym.minilean.proofterms import ProofElab
from leangym.minilean.registry import register, tactic
from leangym.minilean.syntax.tactics import locations
from leangym.minilean.syntax.terms import Parser, Syn, Tac
from leangym.minilean.tactics.procedures import call, closed
from leangym.minilean.tactics.simpterms import (
    map_args,
)

if TYPE_CHECKING:
    from leangym.minilean.interpreter import Interpreter

from leangym.minilean.tactics.simprules import pattern_vars, replace_alpha, subterms

GROUP = "rewriting"


# -- argument parsers -------------------------------------------------------------------------
def parse_rules(p: Parser, name: str, col: int) -> dict:
    """``rw [h, ← h'] at h''``."""
    a: dict = {}
    p.expect("[")
    saved = p.limit
    p.limit = -1
    rules_ = []
    if not p.peek_is("]"):
        while True:
            rev = False
            if p.peek_is("←"):
                p.advance()
                rev = True
            rules_.append((rev, p.term(0)))
            if p.peek_is(","):
                p.advance()
                continue
            break
    p.expect("]")
    p.limit = saved
    a["rules"] = rules_
    a["locs"] = locations(p)
    return a


def parse_simp_args(p: Parser, name: str, col: int) -> dict:
    """``simp only [h, ← h', -l] at h'' using e`` (also ``linarith [hint, ...]``)."""
    a: dict = {"only": False}
    if p.peek_is("only"):
        p.advance()
        a["only"] = True
    a["lemmas"] = []
    if p.peek_is("["):
        p.advance()
        saved = p.limit
        p.limit = -1
        while not p.peek_is("]"):
            rev = False
            if p.peek_is("←"):
                p.advance()
                rev = True
            if p.peek_is("-"):
                p.advance()
            a["lemmas"].append(p.term(0))
            if rev:  # `simp [← h]`: the hypothesis rewrites right to left
                a.setdefault("reversed", []).append(a["lemmas"][-1])
            if p.peek_is(","):
                p.advance()
                continue
            break
        p.expect("]")
        p.limit = saved
    a["locs"] = locations(p)
    if p.peek_is("using"):
        p.advance()
        a["using"] = p.term(0)
    return a


def parse_locations(p: Parser, name: str, col: int) -> dict:
    return {"locs": locations(p)}


def parse_mod_cast(p: Parser, name: str, col: int) -> dict:
    """``exact_mod_cast e`` (a term); ``assumption_mod_cast`` (nothing)."""
    return {"term": p.term(0)} if name == "exact_mod_cast" else {}


# Lean tactics MiniLean reads but does not run: a proof using one fails with `unknown tactic`
register("nth_rewrite", "simp_rw", group=GROUP, parse=parse_rules, run=None)
register("dsimp", group=GROUP, parse=parse_simp_args, run=None)


# -- casts ----------------------------------------------------------------------------------------


def _cast_step(procedure: str):
    def fn(g: Goal, tr: bridge.Translator, p: Expr) -> Expr:
        try:
            q = call(procedure, tr.prop(p))
            return p if q is None else tr.back_prop(q)
        except bridge.NotArith:
            return p
    return fn


def _cast_at(t: Tac, st, procedure: str):
    """``push_cast``/``norm_cast`` at the given locations: casts moved (see ``arith/casts.py``); like
    Lean's, they do not fail when nothing moves, and close a goal that becomes ``a = a``."""
    g = main_goal(st, t)
    tr = bridge.for_goal(g)
    step = _cast_step(procedure)
    locs = t.args.get("locs")
    hyps = list(g.hyps)
    if locs:
        for n in locs:
            if n not in ("⊢", "*") and g.lookup(n) is None:
                raise err(f"Unknown identifier `{n}`", t)
        for i, h in enumerate(hyps):
            if h.is_prop and ("*" in locs or (h.name in locs and g.lookup(h.name) is h)):
                hyps[i] = Hyp(h.id, h.name, step(g, tr, h.type), True, h.inaccessible)
    target = g.target
    if locs is None or "⊢" in locs or "*" in locs:
        target = step(g, tr, target)
    ng = Goal(tuple(hyps), target, g.tag)
    if isinstance(target, Bin) and target.op in ("=", "↔") and alpha_eq(target.a, target.b):
        return closed(st, t)
    return on_main(st, [ng])


@tactic("push_cast", group=GROUP, parse=parse_simp_args)
def t_push_cast(interp: Interpreter, t: Tac, st):
    if t.args.get("lemmas") or "using" in t.args:
        raise err("MiniLean: push_cast takes no extra simp lemmas here; write `push_cast` and then `simp [...]`", t)
    return _cast_at(t, st, "push_cast")


@tactic("norm_cast", group=GROUP, parse=parse_locations)
def t_norm_cast(interp: Interpreter, t: Tac, st):
    return _cast_at(t, st, "norm_cast")


@tactic("exact_mod_cast", "assumption_mod_cast", group=GROUP, parse=parse_mod_cast)
def t_exact_mod_cast(interp: Interpreter, t: Tac, st):
    """``exact_mod_cast e``: ``e``'s statement and the goal agree once both are put in ``norm_cast``
    form; ``assumption_mod_cast``: some hypothesis does."""
    g = main_goal(st, t)
    tr = bridge.for_goal(g)
    step = _cast_step("norm_cast")
    want = norm(step(g, tr, g.target))
    if t.name == "exact_mod_cast":
        try:
            candidates = [ProofElab(interp, g).infer(t.args["term"])]
        except ElabError as e:
            raise interp.elab_error(e, t) from None
    else:
        candidates = [h.type for h in g.hyps if h.is_prop]
    for p in candidates:
        if alpha_eq(norm(step(g, tr, p)), want) or alpha_eq(norm(p), norm(g.target)):
            return closed(st, t)
    raise err(f"{t.name} failed: the statement does not match the goal up to casts\n" + g.pretty(interp.run.mathlib), t)


# -- ring_nf ------------------------------------------------------------------------------------


def normalize_prop(p: Expr, tr: bridge.Translator) -> Expr:
    if isinstance(p, Bin) and p.op in ("=", "≠", "<", "≤", ">", "≥") and tr.numeric(p.a):
        a = call("ring_normalize", tr.term(p.a))
        b = call("ring_normalize", tr.term(p.b))
        if a is None or b is None:
            return p
        return Bin(p.op, tr.back_term(a), tr.back_term(b), PROP)
    if isinstance(p, Bin) and p.op in ("∧", "∨", "→", "↔"):
        return Bin(p.op, normalize_prop(p.a, tr), normalize_prop(p.b, tr), PROP)
    if isinstance(p, Un) and p.op == "¬":
        return Un("¬", normalize_prop(p.a, tr), PROP)
    return p


def ring_nf_rebuilds(p: Expr) -> bool:
    """Whether Lean's ``ring_nf`` rewrites somewhere in ``p``, if only to a term that prints the same.
    It re-builds every numeral and every ``+ * ^`` (``-`` and negation on ℤ ℚ ℝ, ``/`` and ``⁻¹`` on
    ℚ ℝ) of ℕ ℤ ℚ ℝ with the instances of its commutative-ring normal form, which are not the
    elaborated ones, so its "failed" test (structural equality) passes such a location: proofs that
    Lean accepted run ``ring_nf at h₀ h₁ ⊢`` on the already normal ``x + y = 25``, ``x - y = 11``,
    ``x = 18``. A location of atoms only (``x = y``, ``a - b`` on ℕ, ``Nat.Prime p``) is left as it is,
    and so is ``ring_nf``'s own output (:attr:`Run.ring_nf_outputs`): a second ``ring_nf at h₀ h₁ ⊢``
    fails in Lean."""
    for x in subterms(p):
        ty = getattr(x, "ty", None)
        if ty not in NUM_RANK:
            continue
        if isinstance(x, Num) or (isinstance(x, Un) and x.op == "-"):
            return True
        if isinstance(x, Bin) and (x.op in ("+", "*", "^") or (x.op == "-" and ty != NAT)
                                   or (x.op == "/" and ty in (RAT, REAL))):
            return True
        if isinstance(x, App) and isinstance(x.fn, Const) and x.fn.name == "Inv.inv":
            return True
    return False


@tactic("ring_nf", group=GROUP, parse=parse_locations)
def t_ring_nf(interp: Interpreter, t: Tac, st):
    g = main_goal(st, t)
    tr = bridge.for_goal(g)

    def ring_arg(x: Expr) -> Expr:
        try:
            r = call("ring_normalize", tr.term(x))
            return x if r is None else tr.back_term(r)
        except bridge.NotArith:
            return x

    def fn(p: Expr) -> Expr:
        # Mathlib's ring_nf normalises every maximal ring subterm, the arguments of atoms included
        # (`Real.cos ((x + y) / 2 + (x - y) / 2)` becomes `Real.cos x`); a normal form is equal to its term
        p = map_args(p, ring_arg)
        try:
            return normalize_prop(p, tr)
        except bridge.NotArith:
            return p

    done, locs = interp.run.ring_nf_outputs, t.args.get("locs")
    ng = rules.rewrite_locs(g, locs, fn, t, "ring_nf failed", lambda p: p not in done and ring_nf_rebuilds(p))
    if locs is None or "⊢" in locs or "*" in locs:
        done.add(ng.target)
    done.update(h.type for h in ng.hyps if h.is_prop and locs and ("*" in locs or h.name in locs))
    if rules.rfl_ok(ng.target) or ng.target == TRUE:
        return closed(st, t)
    return on_main(st, [ng])


# -- rw -----------------------------------------------------------------------------------------


def _nat_literal_arith(e: Expr) -> bool:
    """A closed ℕ term of numerals and ``+ - * / %``: what ``Eq.refl`` at reducible transparency folds
    (Lean's kernel-backed ``Nat`` literal operations); ``^`` (Mathlib's ``Monoid.npow``) it does not."""
    if isinstance(e, Num):
        return e.ty == NAT
    return (isinstance(e, Bin) and e.op in ("+", "-", "*", "/", "%") and e.ty == NAT
            and _nat_literal_arith(e.a) and _nat_literal_arith(e.b))


def rw_rfl_ok(target: Expr) -> bool:
    """The ``rfl`` that ``rw`` tries after rewriting: ``Eq.refl`` at reducible transparency. It closes
    syntactically equal sides (and ``≤``/``↔`` reflexivity) and folds ℕ literal arithmetic without
    ``^``, never ℤ arithmetic: provers' proofs that Lean accepted follow ``rw [h]`` leaving
    ``2 ^ 9 + 1 = 513`` (ℕ) or ``4 ^ 2 - 4 * 4 - 1 = -1`` (ℤ) with ``norm_num``, and one Lean rejected
    goes on rewriting after ``rw [Nat.add_mod, …]`` has already closed a goal of ``+`` and ``%``."""
    if isinstance(target, Bin) and target.op == "=" and not alpha_eq(target.a, target.b):
        return _nat_literal_arith(target.a) and _nat_literal_arith(target.b) and rules.rfl_ok(target)
    return rules.rfl_ok(target)




def rule(interp: Interpreter, g: Goal, s: Syn,
         t: Tac) -> tuple[Expr, dict[str, Expr], str | None, tuple[Expr, ...]]:
    """The rewrite rule ``s`` denotes: (statement, its pattern variables with their types, the
    lemma name for lemmas from :mod:`lemmas`, a hypothesis's premises). A lemma's variables are
    typed later, by :func:`lemmas.check_type_allowed` on the instance (the dict maps them to
    ``None``). A hypothesis is opened as Lean's ``rw`` opens it (``forallMetaTelescopeReducing``):
    through its ``∀``s and the premises of its implications, in any order
    (``h : ∀ x, x ≠ 0 → ∀ y, y ≠ 0 → s x y = …``); the premises, instantiated, become goals."""
    pe = ProofElab(interp, g)
    head = s.args[0] if s.kind == "app" else s
    args = s.args[1] if s.kind == "app" else ()
    try:
        if head.kind == "ident" and lemmas.resolve(head.args[0]) is not None \
                and g.lookup(head.args[0]) is None and head.args[0] not in interp.run.lemmas:
            stmt, lemma_vars, name = lemmas.rewrite_rule(pe, head.args[0], args, s)
            return stmt, dict.fromkeys(lemma_vars), name, ()
        prop = pe.infer(s)
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    free: dict[str, Expr] = {}
    premises: list[Expr] = []
    while True:
        if isinstance(prop, Binder) and prop.kind == "∀":
            var = f"{prop.name}.{len(free)}"
            free[var] = prop.dom
            prop = instantiate(prop.body, MVar(var))
        elif isinstance(prop, Bin) and prop.op == "→":
            premises.append(prop.a)
            prop = prop.b
        else:
            return prop, free, None, tuple(premises)


@tactic("rw", "rewrite", "rwa", group=GROUP, parse=parse_rules)
def t_rw(interp: Interpreter, t: Tac, st):
    g = main_goal(st, t)
    locs = t.args.get("locs")
    pr = lambda gg, e: Printer(gg.display_names(), interp.run.mathlib).pp(e)  # noqa: E731
    side: list[Goal] = []  # a lemma's premises not given: new goals after the main one, as in Lean
    for rev, rs in t.args["rules"]:
        interp.run.tick()
        if rs.kind == "ident" and rs.args[0] in schematic.LEMMAS and g.lookup(rs.args[0]) is None \
                and rs.args[0] not in interp.run.lemmas:
            g = _rw_schematic(interp, g, rev, rs, locs, t)
            continue
        prop, free, lemma, premises = rule(interp, g, rs, t)
        if isinstance(prop, Bin) and prop.op in ("=", "↔"):
            lhs, rhs = (prop.b, prop.a) if rev else (prop.a, prop.b)
        elif not free:
            lhs, rhs = (prop, TRUE) if not rev else (TRUE, prop)
        else:
            raise err(f"equality or iff proof expected\n  {pr(g, prop)}", rs)
        hyps = list(g.hyps)
        targets = []
        if locs is None or "⊢" in locs or "*" in locs:
            targets.append(None)
        if locs:
            for n in locs:
                if n in ("⊢", "*"):
                    continue
                h = g.lookup(n)
                if h is None:
                    raise err(f"Unknown identifier `{n}`", t)
                targets.append(h)
        for where in targets:
            expr = g.target if where is None else where.type
            inst = find_instance(lhs, rhs, free, lemma, expr, rs, g)
            if inst is None:
                shown = pr(g, lhs) if not free else pr(g, lhs).replace("?", "?")
                raise err(
                    "tactic 'rewrite' failed, did not find instance of the pattern in the target expression\n"
                    f"  {shown}\n{g.pretty(interp.run.mathlib)}" if where is None else
                    f"tactic 'rewrite' failed, did not find instance of the pattern in the target expression\n"
                    f"  {shown}\n{g.pretty(interp.run.mathlib)}",
                    rs,
                )
            il, irr = inst
            if lemma is not None:
                head, args = (rs.args[0], rs.args[1]) if rs.kind == "app" else (rs, ())
                try:
                    premises = lemmas.side_conditions(ProofElab(interp, g), head.args[0], args, lhs, il,
                                                      lemmas.carrier_of(il) or NAT, rs)
                except ElabError as e:
                    raise interp.elab_error(e, t) from None
                side += [Goal(g.hyps, p, g.tag) for p in premises]
            elif premises:
                m: dict[str, Expr] = {}
                rules.match(lhs, il, set(free), m, offsets=True)
                inst = [lemmas.substitute(p, m) for p in premises]
                if any(pattern_vars(p) & set(free) for p in inst):
                    raise err("rewrite: a premise of the rule mentions a variable its left-hand side does not "
                              "fix (Lean would leave a metavariable goal, which MiniLean does not)\n"
                              f"  {pr(g, prop)}", rs)
                side += [Goal(g.hyps, p, g.tag) for p in inst]
            new, _ = replace_alpha(expr, il, irr)
            if isinstance(irr, Binder):  # `rw [hf]` with `hf : f = fun x => …`: Lean shows `(fun x => …) 5`
                new = beta(new)
            if where is None:
                g = Goal(tuple(hyps), new, g.tag)
            else:
                hyps = [Hyp(h.id, h.name, new, True, h.inaccessible) if h.id == where.id else h for h in hyps]
                g = Goal(tuple(hyps), g.target, g.tag)
    if rw_rfl_ok(g.target) or g.target == TRUE:
        return on_main(st, side, axioms=st.axioms | {"propext"})
    if t.name == "rwa":
        for h in g.hyps:
            if h.is_prop and defeq(h.type, g.target):
                return on_main(st, side, axioms=st.axioms | CLASSICAL)
        raise err(f"Tactic `assumption` failed\n\n{g.pretty(interp.run.mathlib)}", t)
    return on_main(st, [g] + side, axioms=st.axioms | CLASSICAL)


def _rw_schematic(interp: Interpreter, g: Goal, rev: bool, rs: Syn, locs, t: Tac) -> Goal:
    """``rw [Finset.sum_range_succ]``: the first instance of the lemma's left side (:mod:`.schematic`)
    is replaced everywhere it occurs, at each location."""
    if rev:
        raise err(f"MiniLean: `rw [← {rs.args[0]}]` is not supported", rs)
    wheres = [None] if locs is None or "⊢" in locs or "*" in locs else []
    for n in locs or ():
        if n not in ("⊢", "*"):
            h = g.lookup(n)
            if h is None:
                raise err(f"Unknown identifier `{n}`", t)
            wheres.append(h)
    for where in wheres:
        expr = g.target if where is None else where.type
        inst = schematic.first_instance(rs.args[0], expr, subterms, partial(rules.expr_type, g=g))
        if inst is None:
            raise err("tactic 'rewrite' failed, did not find instance of the pattern in the target expression\n"
                      f"  {rs.args[0]}\n{g.pretty(interp.run.mathlib)}", rs)
        new, _ = replace_alpha(expr, *inst)
        if where is None:
            g = Goal(g.hyps, new, g.tag)
        else:
            g = Goal(tuple(Hyp(h.id, h.name, new, True, h.inaccessible) if h.id == where.id else h
                           for h in g.hyps), g.target, g.tag)
    return g


def find_instance(lhs: Expr, rhs: Expr, free: dict[str, Expr], lemma: str | None, expr: Expr, s: Syn,
                g: Goal):
    """The first instance ``(l, r)`` of the rule ``lhs = rhs`` in ``expr``, or None.

    Every pattern variable of a hypothesis ``∀ x : T, …`` must match a term of type ``T``
    exactly (``h : ∀ n : ℕ, n = n + (0 - n)`` must not rewrite an integer, nor a
    proposition), and the instance must be the matched subterm itself, types included.
    """
    if not free and lemma is None:  # a library lemma is typed by the instance it finds (below)
        for sub in subterms(expr):
            if alpha_eq(sub, lhs):
                return lhs, rhs
        return None
    for sub in subterms(expr):
        if not is_closed(sub) or sub.__class__ in (Binder,):
            continue
        m: dict[str, Expr] = {}
        if rules.match(lhs, sub, set(free), m, offsets=lemma is None) and all(v in m for v in set(free) & pattern_vars(lhs)):
            il = lemmas.substitute(lhs, m)
            ir_ = lemmas.substitute(rhs, m)
            if pattern_vars(ir_) & set(free):
                continue
            if lemma is None:
                if any(rules.expr_type(val, g) != free[v] for v, val in m.items()) or not rules.offset_eq(il, sub):
                    continue
            else:
                ty = rules.expr_type(sub, g)
                if ty == PROP:  # an iff lemma rewriting a proposition: the type its terms have
                    ty = lemmas.carrier_of(sub, lambda x: rules.expr_type(x, g))
                if ty not in NUM_RANK:
                    continue
                try:
                    lemmas.check_type_allowed(lemma, ty, s)
                except ElabError as e:
                    raise err(e.msg, s) from None
                il = lemmas.retype(il, ty)
                ir_ = lemmas.retype(ir_, ty)
                if not rules.offset_eq(il, sub):
                    continue
            # the matched subterm itself: under an offset match (`?n + 1` against `k + 3`) the
            # instantiated pattern is another spelling of it, and the goal holds the subterm
            return sub, ir_
    return None
