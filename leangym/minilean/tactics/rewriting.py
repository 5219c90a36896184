"""Rewriting tactics: ``rw`` and its spellings, the ``simp``/``norm_num`` family, ``ring_nf``.

Goals are translated to the arithmetic IR by :mod:`leangym.minilean.bridge` and simplified by the
procedures of :mod:`leangym.minilean.arith` (see :mod:`.procedures`); rewriting with hypotheses and
lemmas is done here, by capture-free matching (:func:`leangym.minilean.rules.match`).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from functools import partial
from typing import TYPE_CHECKING

from leangym.minilean import bridge, evaluate, lemmas, rules, schematic, simplemmas
from leangym.minilean.core.context import Goal, Hyp
from leangym.minilean.core.errors import ElabError
from leangym.minilean.core.printer import Printer
from leangym.minilean.core.state import CLASSICAL, err, main_goal, on_main
from leangym.minilean.core.terms import (
    FALSE,
    INT,
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
    FVar,
    MVar,
    Num,
    Un,
    alpha_eq,
    beta,
    defeq,
    instantiate,
    is_closed,
    mvars,
    norm,
)
from leangym.minilean.proofterms import ProofElab
from leangym.minilean.registry import register, tactic
from leangym.minilean.syntax.tactics import locations, no_args
from leangym.minilean.syntax.terms import Parser, Syn, Tac
from leangym.minilean.tactics.procedures import call, closed, hint_props, hyp_props
from leangym.minilean.tactics.simpterms import (
    LITERAL_FOLDING,
    identities,
    is_one,
    is_zero,
    map_args,
    simp_args,
)

if TYPE_CHECKING:
    from leangym.minilean.interpreter import Interpreter

GROUP = "rewriting"
SIMP_ROUNDS = 4  # alternations of library-lemma and hypothesis rewriting in one simp call


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


# -- helpers --------------------------------------------------------------------------------------


def _subterms(e: Expr):
    """Pre-order, left to right: the order in which rewriting finds the first instance."""
    stack = [e]
    while stack:
        x = stack.pop()
        yield x
        if isinstance(x, Bin):
            stack += (x.b, x.a)
        elif isinstance(x, Un):
            stack.append(x.a)
        elif isinstance(x, App):
            stack.extend(reversed(x.args))
            stack.append(x.fn)  # a function variable is an instance too (`rw [hf]`, `hf : f = fun x => …`)
        elif isinstance(x, Binder):
            stack.append(x.body)


def _replace_alpha(e: Expr, old: Expr, new: Expr) -> tuple[Expr, bool]:
    if alpha_eq(e, old):
        return new, True
    if isinstance(e, Bin):
        a, ca = _replace_alpha(e.a, old, new)
        b, cb = _replace_alpha(e.b, old, new)
        return (Bin(e.op, a, b, e.ty), True) if ca or cb else (e, False)
    if isinstance(e, Un):
        a, ca = _replace_alpha(e.a, old, new)
        return (Un(e.op, a, e.ty), True) if ca else (e, False)
    if isinstance(e, App):
        fn, cf = _replace_alpha(e.fn, old, new)
        parts = [_replace_alpha(x, old, new) for x in e.args]
        if cf or any(c for _, c in parts):
            return App(fn, tuple(x for x, _ in parts), e.ty), True
        return e, False
    if isinstance(e, Binder):
        b, cb = _replace_alpha(e.body, old, new)
        return (Binder(e.kind, e.name, e.dom, b), True) if cb else (e, False)
    return e, False


def _pattern_vars(e: Expr) -> set[str]:
    return mvars(e)


# -- norm_num / simp -------------------------------------------------------------------------


def _dvd_laws(e: Expr) -> Expr:
    """The divisibility simp lemmas of Mathlib's default set, on the atoms of a proposition (not under
    binders): ``dvd_zero`` (``a ∣ 0``), ``one_dvd`` (``1 ∣ a``), ``dvd_refl`` (``a ∣ a``) are true and
    ``zero_dvd_iff`` reads ``0 ∣ a`` as ``a = 0``; all hold in every commutative monoid with zero. Also
    ``0 < a + k`` in ℕ (:func:`_succ_pos`)."""
    if isinstance(e, Un) and e.op == "¬":
        a = _dvd_laws(e.a)
        return e if a is e.a else Un("¬", a, e.ty)
    if not isinstance(e, Bin) or e.ty != PROP:
        return e
    if e.op in ("∧", "∨", "→", "↔"):
        a, b = _dvd_laws(e.a), _dvd_laws(e.b)
        return e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)
    if e.op == "∣":
        if is_zero(e.b) or is_one(e.a) or alpha_eq(e.a, e.b):
            return TRUE
        if is_zero(e.a):
            return Bin("=", e.b, e.a, PROP)  # `e.a` is the zero, of `e.b`'s type
    if _succ_pos(e):
        return TRUE
    return e


def _succ_pos(e: Bin) -> bool:
    """``0 < a + k`` in ℕ for a positive numeral ``k``: simp's ``Nat.lt_add_one_iff`` (``m < n + 1 ↔
    m ≤ n``) and ``zero_le`` make it ``True``, as ``Nat.zero_lt_succ`` does."""
    lhs, rhs = (e.a, e.b) if e.op == "<" else (e.b, e.a) if e.op == ">" else (None, None)
    return (lhs is not None and is_zero(lhs) and lhs.ty == NAT and isinstance(rhs, Bin) and rhs.op == "+"
            and isinstance(rhs.b, Num) and rhs.b.value > 0)


def simplify(interp: Interpreter, p: Expr, extra: list, g: Goal, tr: bridge.Translator,
             simp_set: bool = True, fold: frozenset = LITERAL_FOLDING["norm_num"]) -> Expr:
    """norm_num's result for ``p``: TRUE/FALSE or an equivalent proposition. ``simp_set``: Mathlib's
    default simp lemmas apply (not under ``simp only``). The arguments of function applications are
    simplified first (:func:`simpterms.simp_args`: the ``fold`` types' literal arithmetic, and with the
    simp set its unit and cancellation lemmas), as Mathlib's simp rewrites below them."""
    if simp_set:
        q = _dvd_laws(p)
        if q is not p:
            p = _logic(q)
    val = rules.decide_closed(p)
    if val is not None:
        return TRUE if val else FALSE
    p = simp_args(p, fold, simp_set)
    try:
        q = tr.prop(p)
    except bridge.NotArith:
        return p
    if simp_set:
        q = _push_casts(q)
    res = call("norm_num", q, tuple(extra), deadline=interp.run.deadline)
    if res is None:
        return p
    try:
        return tr.back_prop(res)
    except bridge.NotArith:
        return p


def _push_casts(q):
    """The cast lemmas of simp's default set (``Nat.cast_add``, ``Nat.cast_mul``, ``Nat.cast_pow``,
    ``Nat.cast_ofNat``, ``Nat.cast_succ``, ``Int.cast_sub``, ``Int.cast_natCast``…, all ``@[simp,
    norm_cast]``) are push_cast's rules; none with a premise (``Nat.cast_sub`` needs ``b ≤ a``) is
    among them."""
    pushed = call("push_cast", q)
    return q if pushed is None else pushed


def only_set(t: Tac) -> bool:
    """``simp only [...]``/``simp_all only [...]``: the listed lemmas and Lean's default simprocs only."""
    return t.name in ("simp", "simp_all") and bool(t.args.get("only"))


def _has_field_term(e: Expr) -> bool:
    """Whether a term of ℚ or ℝ (a type with no literal-folding simproc) occurs in ``e``."""
    return any(getattr(x, "ty", None) in (RAT, REAL) for x in _subterms(e))


def simplify_only(interp: Interpreter, p: Expr, extra: list, g: Goal, tr: bridge.Translator) -> Expr:
    """``simp only``'s arithmetic: Lean's default simprocs fold ℕ/ℤ literal arithmetic and comparisons
    (``Nat.reduceAdd``, ``Int.reduceMul``, ``Nat.reduceLTLE`` …) even in ``simp only``, but nothing folds
    ℚ/ℝ numerals there (``(2 : ℝ) * 5 - 3 = 7`` stays for ``norm_num``, as Lean-accepted proofs show); so
    a proposition with ℚ/ℝ terms is left as the listed lemmas and hypotheses made it, and closed only
    when its two sides are the same term."""
    val = rules.decide_closed(p)  # a closed ℕ/ℤ proposition (the quick, common case)
    if val is not None:
        return TRUE if val else FALSE
    if not _has_field_term(p):
        return simplify(interp, p, extra, g, tr, simp_set=False, fold=LITERAL_FOLDING["simp"])
    p = simp_args(p, LITERAL_FOLDING["simp"], laws=False)
    if isinstance(p, Bin) and p.op in ("=", "↔", "≤", "≥") and alpha_eq(p.a, p.b):
        return TRUE
    return p


def _literal(e: Expr) -> bool:
    return isinstance(e, Num) or (isinstance(e, Un) and e.op == "-" and isinstance(e.a, Num))


def _simp_decides(p: Expr) -> bool | None:
    """The truth value Mathlib's simp gives a ℚ/ℝ proposition without folding numeral arithmetic:
    comparisons of two numerals (``OfNat.ofNat_eq_ofNat``, ``Nat.ofNat_pos`` …) and of a term with
    itself, after :func:`simpterms.identities`, combined by the connectives; None when that does not decide it."""
    if p == TRUE:
        return True
    if p == FALSE:
        return False
    if isinstance(p, Un) and p.op == "¬":
        v = _simp_decides(p.a)
        return None if v is None else not v
    if isinstance(p, Bin) and p.op in ("∧", "∨", "→", "↔"):
        a, b = _simp_decides(p.a), _simp_decides(p.b)
        if p.op == "∧" and (a is False or b is False):
            return False
        if p.op == "∨" and (a is True or b is True):
            return True
        if a is None or b is None:
            return None
        return {"∧": a and b, "∨": a or b, "→": (not a) or b, "↔": a == b}[p.op]
    if isinstance(p, Bin) and p.op in COMPARISONS:
        a, b = identities(p.a), identities(p.b)
        if alpha_eq(a, b):
            return p.op in ("=", "≤", "≥")
        if _literal(a) and _literal(b):
            x, y = evaluate.closed_value(a), evaluate.closed_value(b)
            if x is not None and y is not None:
                return {"=": x == y, "≠": x != y, "<": x < y, "≤": x <= y, ">": x > y, "≥": x >= y}[p.op]
    return None


def _cancel(p: Expr) -> Expr:
    """The cancellation simp lemmas at the top of an equation: ``add_left_inj`` (``b + a = c + a ↔
    b = c``) and ``add_right_inj`` (``a + b = a + c ↔ b = c``), which hold in ℕ too, and ``sub_left_inj``
    (``a - b = c - b ↔ a = c``) and ``sub_right_inj`` (``a - b = a - c ↔ b = c``), which need an additive
    group: ℤ ℚ ℝ, never ℕ's truncated subtraction."""
    while isinstance(p, Bin) and p.op == "=":
        a, b = p.a, p.b
        if not (isinstance(a, Bin) and isinstance(b, Bin) and a.op == b.op and a.op in ("+", "-") and a.ty == b.ty):
            break
        if a.op == "-" and a.ty not in (INT, RAT, REAL):
            break
        if alpha_eq(a.b, b.b):
            p = Bin("=", a.a, b.a, PROP)
        elif alpha_eq(a.a, b.a):
            p = Bin("=", a.b, b.b, PROP)
        else:
            break
    return p


def simplify_default(interp: Interpreter, p: Expr, extra: list, g: Goal, tr: bridge.Translator) -> Expr:
    """Plain ``simp``'s arithmetic on a ℚ/ℝ proposition: Mathlib's simp set has the unit/zero laws and
    decides comparisons of two numerals but folds no ℚ/ℝ arithmetic (Lean-accepted proofs follow
    ``simp [h₀, h₁]`` leaving ``2 * 5 - 3 - 1 + 1 = 7`` with ``norm_num``), so it closes or refutes only
    what :func:`_simp_decides` decides; otherwise MiniLean's normal form, undecided."""
    val = rules.decide_closed(p)  # a closed ℕ/ℤ proposition (the quick, common case)
    if val is not None:
        return TRUE if val else FALSE
    p = simp_args(_cancel(p), LITERAL_FOLDING["simp"])
    q = simplify(interp, p, extra, g, tr, fold=LITERAL_FOLDING["simp"])
    if q not in (TRUE, FALSE) or not _has_field_term(p):
        return q
    # the verdict is the arithmetic's (its soundness is arith's); simp's own reading only gates it
    try:
        pushed = tr.back_prop(_push_casts(tr.prop(p)))
    except bridge.NotArith:
        pushed = p
    return q if _simp_decides(pushed) is (q == TRUE) else p


def field_hints(interp: Interpreter, g: Goal, terms: list[Syn], tr: bridge.Translator, t: Tac) -> list:
    """``field_simp [...]``'s arguments as facts: hypotheses and proof terms (``h.ne'``) give their
    statements; a Mathlib lemma named without arguments (``mul_comm``, ``sub_eq_zero``) is a rewrite
    rule MiniLean's field_simp does not use (its normal form subsumes the ring laws), so it is left
    out, which can only make the tactic weaker; an unknown name is still an error."""
    pe = ProofElab(interp, g)
    out = []
    for s in terms:
        try:
            p = pe.infer(s)
        except ElabError as e:
            if s.kind == "ident" and g.lookup(s.args[0]) is None and not e.msg.startswith("Unknown identifier"):
                continue
            raise interp.elab_error(e, t) from None
        try:
            out.append(tr.prop(p))
        except bridge.NotArith:
            continue
    names = {s.args[0] for s in terms if s.kind == "ident" and g.lookup(s.args[0]) is None}
    for p in _ne_zero_facts(g, names, [h.type for h in g.hyps if h.is_prop]):
        try:
            out.append(tr.prop(p))
        except bridge.NotArith:
            continue
    return out


def _ne_zero_facts(g: Goal, names: set[str], props: list[Expr]) -> list[Expr]:
    """Side conditions ``b ≠ 0`` that Mathlib's field_simp discharger reaches by simp with the lemmas
    given: with ``sub_eq_zero`` (``a - b = 0 ↔ a = b``) a hypothesis ``a ≠ b`` gives ``a - b ≠ 0``; with
    ``add_eq_zero_iff_eq_neg`` (``a + b = 0 ↔ a = -b``) a hypothesis ``a ≠ -b`` gives ``a + b ≠ 0``.
    Both lemmas need an additive group: ℤ ℚ ℝ, never ℕ."""
    if not names & {"sub_eq_zero", "add_eq_zero_iff_eq_neg"}:
        return []
    out = []
    for p in props:
        if not (isinstance(p, Bin) and p.op == "≠"):
            continue
        ty = rules.expr_type(p.a, g)
        if ty not in (INT, RAT, REAL) or rules.expr_type(p.b, g) != ty:
            continue
        zero = Num(Fraction(0), ty)
        if "sub_eq_zero" in names:
            out.append(Bin("≠", Bin("-", p.a, p.b, ty), zero, PROP))
        if "add_eq_zero_iff_eq_neg" in names and isinstance(p.b, Un) and p.b.op == "-":
            out.append(Bin("≠", Bin("+", p.a, p.b.a, ty), zero, PROP))
    return out


def clear_fractions(interp: Interpreter, p: Expr, extra: list, g: Goal, tr: bridge.Translator) -> Expr:
    """field_simp on one proposition: norm_num's simplification, then denominators cleared where
    hypotheses and the given facts show them nonzero (positive, under ``<``/``≤``)."""
    q = simplify(interp, p, extra, g, tr)
    if q in (TRUE, FALSE):
        return q
    try:
        r = call("field_simp", tr.prop(q), tuple(hyp_props(g, tr)) + tuple(extra))
        if r is None:
            return q
        return simplify(interp, tr.back_prop(r), extra, g, tr)
    except bridge.NotArith:
        return q


@tactic("norm_num", "simp", "field_simp", group=GROUP, parse=parse_simp_args)
def t_norm_num(interp: Interpreter, t: Tac, st):
    g = main_goal(st, t)
    extra_syn, unfolds = evaluate.split_unfolds(t.args.get("lemmas", []))
    g = simp_with_hyps(g, extra_syn, t)
    if t.args.get("locs") is None and "using" not in t.args and rules.decide_closed(g.target) is True \
            and all(s.kind == "ident" and g.lookup(s.args[0]) is not None for s in t.args.get("lemmas", [])):
        # a closed ℕ/ℤ goal the simprocs decide, whatever else the rules would rewrite (the common last
        # step of a proof: kept quick, simp's latency); only when every argument is a hypothesis, since
        # Lean elaborates the others first (`show 29 % 7 = 5 by norm_num` fails there)
        return closed(st, t)
    tr = bridge.for_goal(g)
    for _ in range(SIMP_ROUNDS):
        # Lean's simp rewrites to a fixpoint with all its rules at once: `Int.mul_emod` exposes
        # `a % 4`, which the hypothesis `h : a % 4 = 1` then rewrites; all the names go to the library
        # step (the unfolding ones include schematic rules), with Mathlib's default simp set unless `only`
        after_library = simp_with_library(interp, g, t.args.get("lemmas", []), t,
                                          default=not only_set(t) and t.name != "norm_num1")
        if after_library is g:
            break
        g = simp_with_hyps(after_library, extra_syn, t)
        if g is after_library:
            break
    g = evaluate.fold_goal(g, "norm_num" if t.name.startswith("norm_num") else "simp", t.args.get("locs"), unfolds)
    hints = field_hints if t.name == "field_simp" else hint_props
    extra = hints(interp, g, [s for s in extra_syn if is_fact(interp, g, s)], tr, t)
    simplify_ = (clear_fractions if t.name == "field_simp" else simplify_only if only_set(t)
                 else simplify_default if t.name == "simp" else simplify)
    locs = t.args.get("locs")
    target = g.target
    hyps = list(g.hyps)
    changed = g is not st.goals[0]
    if locs:
        for i, h in enumerate(hyps):
            if h.is_prop and ("*" in locs or (h.name in locs and g.lookup(h.name) is h)):
                nt = simplify_(interp, h.type, extra, g, tr)
                if nt == FALSE:
                    return closed(st, t)
                if not alpha_eq(nt, h.type):
                    changed = True
                    hyps[i] = Hyp(h.id, h.name, nt, True, h.inaccessible)
        for n in locs:
            if n not in ("⊢", "*") and g.lookup(n) is None:
                raise err(f"Unknown identifier `{n}`", t)
        hyps = [h for h in hyps if not (h.is_prop and h.type == TRUE)]
    if locs is None or "⊢" in locs or "*" in locs:
        nt = simplify_(interp, target, extra, g, tr)
        if nt == TRUE:
            return closed(st, t)
        if not alpha_eq(nt, target):
            changed = True
            target = nt
        elif t.name == "field_simp" and locs and "⊢" in locs and len(locs) > 1:
            # Mathlib's field_simp fails at a named goal it does not simplify: three Lean-rejected proofs
            # of the real-proof sets do `field_simp at h ⊢` where only `h` changes, and no Lean-accepted
            # proof that MiniLean checks relies on the opposite
            raise err("simp made no progress", t)
    if "using" in t.args:
        return t_simpa(interp, t, st, Goal(tuple(hyps), target, g.tag))
    if not changed:
        name = "norm_num" if t.name.startswith("norm_num") else "simp"
        raise err(f"{name} made no progress" if name == "simp" else "norm_num failed to simplify", t)
    ng = Goal(tuple(hyps), target, g.tag)
    if any(h.is_prop and h.type == FALSE for h in ng.hyps):
        return closed(st, t)
    return on_main(st, [ng], axioms=st.axioms | CLASSICAL)


register("norm_num1", "simp_arith", group=GROUP, parse=no_args, run=t_norm_num)


def t_simpa(interp: Interpreter, t: Tac, st, g: Goal, extra: tuple = ()):
    pe = ProofElab(interp, g)
    try:
        p = pe.infer(t.args["using"])
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    tr = bridge.for_goal(g)
    sp = simplify(interp, p, list(extra), g, tr)
    st_ = simplify(interp, g.target, list(extra), g, tr)
    if sp == FALSE or alpha_eq(norm(sp), norm(st_)) or alpha_eq(norm(p), norm(g.target)):
        return closed(st, t)
    raise err("type mismatch: simpa could not close the goal with the given term", t)


@tactic("simpa", group=GROUP, parse=parse_simp_args)
def t_simpa_tactic(interp: Interpreter, t: Tac, st):
    """Mathlib's ``simpa [rules] using e``: simp the goal and ``e``'s type with the same rules and close
    the goal with the result. Without ``using``: simp the goal and a hypothesis named ``this``, then
    close it by ``assumption`` (a hypothesis whose statement is the simplified goal)."""
    g = main_goal(st, t)
    tr = bridge.for_goal(g)
    extra_syn = t.args.get("lemmas", [])
    g = simp_with_hyps(g, extra_syn, t)
    extra = hint_props(interp, g, [s for s in extra_syn if is_fact(interp, g, s)], tr, t)
    if t.args.get("locs"):
        raise err("simpa does not take a location (`at`); use `simp at h` and then `exact`", t)
    if "using" in t.args:
        return t_simpa(interp, t, st, g, tuple(extra))
    target = simplify(interp, g.target, extra, g, tr)
    if target == TRUE:
        return closed(st, t)
    for h in g.hyps:
        if not h.is_prop:
            continue
        ht = simplify(interp, h.type, extra, g, tr) if h.name == "this" and g.lookup("this") is h else h.type
        if ht == FALSE or alpha_eq(norm(ht), norm(target)):
            return closed(st, t)
    raise err("simpa failed to close the goal: no hypothesis matches the simplified goal\n"
              + Goal(g.hyps, target, g.tag).pretty(interp.run.mathlib), t)


@tactic("simp_all", group=GROUP, parse=parse_simp_args)
def t_simp_all(interp: Interpreter, t: Tac, st):
    g0 = main_goal(st, t)
    only = only_set(t)
    g = simp_all_hyps(g0, only)
    g = simp_with_library(interp, g, t.args.get("lemmas", []), t, everywhere=True, default=not only)
    g = simp_all_hyps(g, only)
    simplify_ = simplify_only if only else simplify_default
    tr = bridge.for_goal(g)
    facts = hyp_props(g, tr)
    hyps = []
    changed = g is not g0
    for h in g.hyps:
        if h.is_prop:
            nt = simplify_(interp, h.type, [], g, tr)
            if nt == FALSE:
                return closed(st, t)
            if nt == TRUE:
                changed = True
                continue
            if not alpha_eq(nt, h.type):
                changed = True
                h = Hyp(h.id, h.name, nt, True, h.inaccessible)
        hyps.append(h)
    nt = simplify_(interp, g.target, facts, g, tr)
    if nt == TRUE or any(h.is_prop and alpha_eq(norm(h.type), norm(nt)) for h in hyps):
        return closed(st, t)
    if not changed and alpha_eq(nt, g.target):
        raise err("simp_all made no progress", t)
    return on_main(st, [Goal(tuple(hyps), nt, g.tag)])


def is_fact(interp: Interpreter, g: Goal, s: Syn) -> bool:
    """Whether simp's argument ``s`` also serves the arithmetic as a fact: not a hypothesis equation (a
    rewrite rule only), nor a lemma no type of the fragment instantiates (:func:`_unusable`), nor a cast
    lemma, which states ``((m + n : ℕ) : R) = ↑m + ↑n`` for every ``R`` (Lean elaborates it as a rewrite
    rule with ``R`` left to each instance; as a term its type is stuck)."""
    if is_eq_rule(g, s) or _unusable(interp, g, s):
        return False
    if _library_name(interp, g, s):
        head = s.args[0] if s.kind == "app" else s
        hit = lemmas.resolve(head.args[0])
        return hit is None or hit[0] not in lemmas.CAST
    return True


def is_eq_rule(g: Goal, s: Syn) -> bool:
    if s.kind == "ident":
        h = g.lookup(s.args[0])
        return h is not None and h.is_prop and isinstance(h.type, Bin) and h.type.op in ("=", "↔")
    return False


# -- simp with hypotheses as rewrite rules ----------------------------------------------------------
COMPARISONS = ("=", "≠", "<", "≤", ">", "≥")


_RULES_CACHE: dict[tuple[int, bool], tuple[Expr, list]] = {}  # id(statement) -> (statement, rules); holds the statement


def hyp_rules(p: Expr, rev: bool = False) -> list:
    """The rewrite rules simp makes of a hypothesis: one per conjunct (``h : a = b ∧ 0 ≤ c`` gives
    ``a = b`` and ``0 ≤ c = True``), each as :func:`hyp_rule` reads it (``rev``: equations right to
    left, for ``simp [← h]``). Cached by the statement object (terms are immutable; the cache keeps each
    key's statement alive, so an id is never reused)."""
    key = (id(p), rev)
    hit = _RULES_CACHE.get(key)
    if hit is not None and hit[0] is p:
        return hit[1]
    out = _hyp_rules(p, rev)
    if len(_RULES_CACHE) >= 4096:
        _RULES_CACHE.clear()
    _RULES_CACHE[key] = (p, out)
    return out


def _hyp_rules(p: Expr, rev: bool) -> list:
    if isinstance(p, Bin) and p.op == "∧":
        return _hyp_rules(p.a, rev) + _hyp_rules(p.b, rev)
    r = hyp_rule(p, rev)
    return [] if r is None else [r]


def hyp_rule(p: Expr, rev: bool = False) -> tuple[Expr, Expr, dict[str, Expr], list[Expr]] | None:
    """A hypothesis ``∀ x, P x → lhs = rhs`` (or ``↔``) as Lean's simp uses it: ``(lhs, rhs, pattern
    variables with their types, premises)``; ``a ≠ b`` and ``¬P`` rewrite ``a = b`` and ``P`` to False,
    another proposition ``P`` rewrites itself to True. None when the left side is a bare pattern
    variable, leaves a variable undetermined, or occurs in its right side (no termination)."""
    free: dict[str, Expr] = {}
    premises: list[Expr] = []
    while True:
        if isinstance(p, Binder) and p.kind == "∀":
            var = f"{p.name}.{len(free)}"
            free[var] = p.dom
            p = instantiate(p.body, MVar(var))
        elif isinstance(p, Bin) and p.op == "→" and p.ty == PROP:
            premises.append(p.a)
            p = p.b
        else:
            break
    if isinstance(p, Bin) and p.op in ("=", "↔"):
        lhs, rhs = (p.b, p.a) if rev else (p.a, p.b)
    elif isinstance(p, Bin) and p.op == "≠":  # `a ≠ b` rewrites `a = b` to False
        lhs, rhs = Bin("=", p.a, p.b, PROP), FALSE
    elif isinstance(p, Un) and p.op == "¬":
        lhs, rhs = p.a, FALSE
    elif p.__class__ is FVar or (p.__class__ in (Bin, App) and getattr(p, "ty", None) == PROP):
        lhs, rhs = p, TRUE  # any other proposition `P` (a hypothesis's statement) is used as `P = True`
    else:
        return None
    if lhs in (TRUE, FALSE):
        return None
    if not free:
        if rhs.__class__ in (Num, FVar):  # a value or a variable: it contains no other term
            return None if alpha_eq(rhs, lhs) else (lhs, rhs, free, premises)
        return None if any(alpha_eq(sub, lhs) for sub in _subterms(rhs)) else (lhs, rhs, free, premises)
    if isinstance(lhs, MVar) or not set(free) <= mvars(lhs):
        return None
    for sub in _subterms(rhs):
        if rules.match(lhs, sub, set(free), {}):
            return None
    return lhs, rhs, free, premises


def _discharged(p: Expr, g: Goal, facts: list[Expr], only: bool) -> bool:
    """simp's discharger on a rule's premise, no stronger than Lean's: a hypothesis states it, or it is
    a comparison of ℕ/ℤ literals (the simprocs ``Nat.reduceLTLE`` … that run even in ``simp only``);
    with the default simp set, also a comparison of numerals at any type and ``Even``/``Odd`` of literals."""
    if any(alpha_eq(p, f) for f in facts):
        return True
    if isinstance(p, Bin) and p.op in COMPARISONS and rules.decide_closed(p) is True:
        return True
    if only:
        return False
    if rules.decide_closed(p) is True:
        return True
    if isinstance(p, Bin) and p.op in COMPARISONS:
        a, b = evaluate.closed_value(p.a), evaluate.closed_value(p.b)
        if a is not None and b is not None:
            return {"=": a == b, "≠": a != b, "<": a < b, "≤": a <= b, ">": a > b, "≥": a >= b}[p.op]
    return False


def _rewrite_hyps_once(e: Expr, rules_: list, g: Goal, facts: list[Expr], only: bool) -> Expr:
    """``e`` with instances of the hypothesis rules rewritten, innermost first (one bottom-up pass);
    each instance has its pattern variables at their declared types and its premises discharged."""
    if isinstance(e, Bin):
        a, b = _rewrite_hyps_once(e.a, rules_, g, facts, only), _rewrite_hyps_once(e.b, rules_, g, facts, only)
        e = e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)
    elif isinstance(e, Un):
        a = _rewrite_hyps_once(e.a, rules_, g, facts, only)
        e = e if a is e.a else Un(e.op, a, e.ty)
    elif isinstance(e, App):
        args = tuple(_rewrite_hyps_once(x, rules_, g, facts, only) for x in e.args)
        e = e if all(x is y for x, y in zip(args, e.args)) else App(e.fn, args, e.ty)
    elif isinstance(e, Binder):
        body = _rewrite_hyps_once(e.body, rules_, g, facts, only)
        e = e if body is e.body else Binder(e.kind, e.name, e.dom, body)
    for lhs, rhs, free, premises in rules_:
        if not free:
            if alpha_eq(e, lhs) and all(_discharged(p, g, facts, only) for p in premises):
                return rhs
            continue
        m: dict[str, Expr] = {}
        if not rules.match(lhs, e, set(free), m) or not set(free) <= m.keys():
            continue
        if any(rules.expr_type(val, g) != free[v] for v, val in m.items()):
            continue
        if not alpha_eq(lemmas.substitute(lhs, m), e):
            continue
        new = lemmas.substitute(rhs, m)
        inst = [lemmas.substitute(p, m) for p in premises]
        if mvars(new) or any(mvars(p) for p in inst):
            continue
        if all(_discharged(p, g, facts, only) for p in inst):
            return new
    return e


def _replace_up(e: Expr, old: Expr, new: Expr) -> Expr:
    """``e`` with instances of the closed term ``old`` replaced by ``new``, innermost first."""
    c = e.__class__
    if c is Bin:
        a, b = _replace_up(e.a, old, new), _replace_up(e.b, old, new)
        e = e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)
    elif c is Un:
        a = _replace_up(e.a, old, new)
        e = e if a is e.a else Un(e.op, a, e.ty)
    elif c is App:
        args = tuple(_replace_up(x, old, new) for x in e.args)
        e = e if all(x is y for x, y in zip(args, e.args)) else App(e.fn, args, e.ty)
    elif c is Binder:
        body = _replace_up(e.body, old, new)
        e = e if body is e.body else Binder(e.kind, e.name, e.dom, body)
    return new if c is old.__class__ and e == old else e


def _logic(e: Expr) -> Expr:
    """The logical simp lemmas of Mathlib's default set on a rewritten proposition: ``true_implies``,
    ``implies_true``, ``false_implies``, ``true_and``/``and_true``, ``false_and``/``and_false``,
    ``true_or``/``or_true``, ``false_or``/``or_false``, ``not_true_eq_false``, ``not_false_eq_true``,
    ``true_iff``/``iff_true``, innermost first (not under binders)."""
    if isinstance(e, Un) and e.op == "¬":
        a = _logic(e.a)
        return FALSE if a == TRUE else TRUE if a == FALSE else (e if a is e.a else Un("¬", a, e.ty))
    if not (isinstance(e, Bin) and e.op in ("∧", "∨", "→", "↔") and e.ty == PROP):
        return e
    a, b = _logic(e.a), _logic(e.b)
    if e.op == "∧":
        if a == FALSE or b == FALSE:
            return FALSE
        if a == TRUE:
            return b
        if b == TRUE:
            return a
    elif e.op == "∨":
        if a == TRUE or b == TRUE:
            return TRUE
        if a == FALSE:
            return b
        if b == FALSE:
            return a
    elif e.op == "→":
        if a == TRUE:
            return b
        if b == TRUE or a == FALSE:
            return TRUE
    elif e.op == "↔":
        if a == TRUE:
            return b
        if b == TRUE:
            return a
    return e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)


def rewrite_with_hyps(e: Expr, rules_: list, g: Goal, facts: list[Expr], only: bool) -> Expr:
    """``e`` rewritten with the hypothesis rules to a fixpoint (bounded, as :func:`simplemmas.simp_rewrite`):
    each step replaces a closed subterm by one the hypothesis proves equal (or a proposition by an
    equivalent one), so the result is equivalent to ``e``."""
    if not rules_:
        return e
    if len(rules_) == 1 and not rules_[0][2] and not rules_[0][3]:
        # the common `simp [h]` with `h : x = 3`: one bottom-up pass reaches the fixpoint (the right
        # side contains no instance, and every rebuilt node is checked after its children)
        new = _replace_up(e, rules_[0][0], rules_[0][1])
        return new if new is e or only else _logic(new)
    ground = all(not free and not premises for _, _, free, premises in rules_)
    for _ in range(simplemmas.MAX_SIMP_PASSES):
        if ground:  # the common `simp [h]` with `h : x = 3`: plain replacement, the fast path
            new = e
            for lhs, rhs, _, _ in rules_:
                new, _ = _replace_alpha(new, lhs, rhs)
                new = beta(new) if isinstance(rhs, Binder) else new  # `h : f = fun x => …`, then β
        else:
            new = _rewrite_hyps_once(e, rules_, g, facts, only)
        if new is e or new == e or simplemmas._size(new) > simplemmas.MAX_SIMP_SIZE:
            break
        e = new
    return e if only else _logic(e)


def simp_with_hyps(g: Goal, syns: list[Syn], t: Tac) -> Goal:
    """``simp [h]``/``norm_num [h] at h'`` with ``h : ∀ x, P x → a x = b x``: instances of ``a`` rewritten
    to ``b`` in the goal and the located hypotheses (not in ``h`` itself)."""
    named = []
    for s in syns:
        if s.kind == "ident":
            h = g.lookup(s.args[0])
            if h is not None and h.is_prop:
                rev = any(s is x for x in t.args.get("reversed", ()))
                named += [(h, r) for r in hyp_rules(h.type, rev)]
    if not named:
        return g
    locs = t.args.get("locs")
    if locs is None and len(named) == 1 and not named[0][1][2] and not named[0][1][3]:
        # `simp [h]` with `h : x = 3` on the goal: the quick path (simp's latency)
        target = _replace_up(g.target, named[0][1][0], named[0][1][1])
        return g if target is g.target else Goal(g.hyps, target, g.tag)
    only = bool(t.args.get("only"))
    facts = [h.type for h in g.hyps if h.is_prop] if any(r[3] for _, r in named) else []
    target = g.target
    if locs is None or "⊢" in locs or "*" in locs:
        target = rewrite_with_hyps(target, [r for _, r in named], g, facts, only)
    hyps = list(g.hyps)
    if locs:
        for i, h in enumerate(hyps):
            if h.is_prop and ("*" in locs or (h.name in locs and g.lookup(h.name) is h)):
                nt = rewrite_with_hyps(h.type, [r for src, r in named if src.id != h.id], g, facts, only)
                if nt != h.type:
                    hyps[i] = Hyp(h.id, h.name, nt, True, h.inaccessible)
    if target == g.target and all(a is b for a, b in zip(hyps, g.hyps)):
        return g
    return Goal(tuple(hyps), target, g.tag)


def simp_all_hyps(g: Goal, only: bool) -> Goal:
    """``simp_all``'s use of the hypotheses: each equation/iff hypothesis rewrites the other hypotheses
    (in order, each then rewritten one used in its new form) and finally the goal."""
    hyps = list(g.hyps)
    for i, h in enumerate(hyps):
        if not h.is_prop:
            continue
        cur = Goal(tuple(hyps), g.target, g.tag)
        others = [r for x in hyps if x.is_prop and x.id != h.id for r in hyp_rules(x.type)]
        nt = rewrite_with_hyps(h.type, others, cur, [], only)
        if nt != h.type:
            hyps[i] = Hyp(h.id, h.name, nt, True, h.inaccessible)
    cur = Goal(tuple(hyps), g.target, g.tag)
    every = [r for x in hyps if x.is_prop for r in hyp_rules(x.type)]
    facts = [x.type for x in hyps if x.is_prop]
    target = rewrite_with_hyps(g.target, every, cur, facts, only)
    if target == g.target and all(a is b for a, b in zip(hyps, g.hyps)):
        return g
    return Goal(tuple(hyps), target, g.tag)


def rewrite_with_simp_lemmas(g: Goal, rules: list[Syn], t: Tac) -> Goal:
    """``simp [h]``/``norm_num [h]`` with ``h : a = b``: rewrite ``a`` to ``b`` everywhere it occurs."""
    for s in rules:
        if is_eq_rule(g, s):
            h = g.lookup(s.args[0])
            eq = h.type
            tgt, changed = _replace_alpha(g.target, eq.a, eq.b)
            tgt = beta(tgt) if isinstance(eq.b, Binder) else tgt
            if changed:
                g = Goal(g.hyps, tgt, g.tag)
    return g


def _library_name(interp: Interpreter, g: Goal, s: Syn) -> bool:
    """Whether the simp argument ``s`` (``name`` or ``name args``) names a library lemma, not a local."""
    head = s.args[0] if s.kind == "app" else s
    if head.kind != "ident":
        return False
    name = head.args[0]
    return g.lookup(name) is None and name not in interp.run.lemmas and lemmas.resolve(name) is not None


def _unusable(interp: Interpreter, g: Goal, s: Syn) -> bool:
    """A library lemma that no type of the fragment instantiates (:data:`lemmas.NO_INSTANCE`): Lean's simp
    finds no instance for it and leaves it unused, so it is no fact either."""
    head = s.args[0] if s.kind == "app" else s
    return _library_name(interp, g, s) and not lemmas.allowed_types(head.args[0])


def _discharger(g: Goal, only: bool, rewritten: int | None = None) -> Callable[[Expr], bool]:
    """simp's discharger for the premises of conditional library lemmas (``abs_of_nonneg : 0 ≤ a → |a| =
    a``), as :func:`_discharged`: a hypothesis states the premise (up to notation: ``x ≥ 0`` is ``0 ≤ x``),
    or it is a true literal comparison; the hypothesis being rewritten is not used on itself."""
    facts = [norm(h.type) for h in g.hyps if h.is_prop and h.id != rewritten]
    return lambda p: p == TRUE or _discharged(norm(p), g, facts, only)


def _simp_schematic(g: Goal, names: list[str], locs) -> Goal:
    """``simp [Finset.sum_range_succ, Int.floor_eq_iff]``: the lemmas of :mod:`.schematic`
    rewrite the goal and the located hypotheses to a fixpoint."""
    if not names or locs is None and not schematic.applies_a_function(g.target):  # the common goal: quick
        return g
    type_of = partial(rules.expr_type, g=g)
    tgt = schematic.rewrite_all(names, g.target, type_of) if locs is None or "⊢" in locs or "*" in locs else g.target
    hyps = []
    for h in g.hyps:
        if h.is_prop and locs and ("*" in locs or h.name in locs):
            new = schematic.rewrite_all(names, h.type, type_of)
            h = h if new is h.type else Hyp(h.id, h.name, new, True, h.inaccessible)
        hyps.append(h)
    if tgt is g.target and all(a is b for a, b in zip(hyps, g.hyps)):
        return g
    return Goal(tuple(hyps), tgt, g.tag)


def simp_with_library(interp: Interpreter, g: Goal, rules: list[Syn], t: Tac, everywhere: bool = False,
                      default: bool = False) -> Goal:
    """``simp [mul_add, abs_le]``: the library lemmas among the rules rewrite the goal (and the
    hypotheses named by ``at``; all of them for ``simp_all``) to a fixpoint (:func:`simplemmas.simp_rewrite`)
    before the arithmetic; so do the :mod:`.schematic` ones named, and, with ``default`` (Mathlib's
    default simp set, no ``only``), its :data:`~.schematic.SIMP_SET`."""
    locs = ["*"] if everywhere else t.args.get("locs")
    named = [s.args[0] for s in rules if s.kind == "ident" and s.args[0] in schematic.LEMMAS
             and g.lookup(s.args[0]) is None and s.args[0] not in interp.run.lemmas] if rules else []
    g = _simp_schematic(g, named + schematic.SIMP_SET if default else named, locs)
    rules = [s for s in rules if _library_name(interp, g, s)]
    if not rules:  # nothing to rewrite with: skip building the elaborator (simp's latency, issue 13)
        return g
    pe = ProofElab(interp, g)
    only = bool(t.args.get("only"))
    try:
        tgt = simplemmas.simp_rewrite(pe, rules, g.target, _discharger(g, only)) \
            if locs is None or "⊢" in locs or "*" in locs else g.target
        hyps = []
        for h in g.hyps:
            if h.is_prop and locs and ("*" in locs or h.name in locs):
                new = simplemmas.simp_rewrite(pe, rules, h.type, _discharger(g, only, h.id))
                h = h if new == h.type else Hyp(h.id, h.name, new, True, h.inaccessible)
            hyps.append(h)
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    if tgt == g.target and all(a is b for a, b in zip(hyps, g.hyps)):
        return g
    return Goal(tuple(hyps), tgt, g.tag)


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
    for x in _subterms(p):
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
                rules.match(lhs, il, set(free), m)
                inst = [lemmas.substitute(p, m) for p in premises]
                if any(_pattern_vars(p) & set(free) for p in inst):
                    raise err("rewrite: a premise of the rule mentions a variable its left-hand side does not "
                              "fix (Lean would leave a metavariable goal, which MiniLean does not)\n"
                              f"  {pr(g, prop)}", rs)
                side += [Goal(g.hyps, p, g.tag) for p in inst]
            new, _ = _replace_alpha(expr, il, irr)
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
        inst = schematic.first_instance(rs.args[0], expr, _subterms, partial(rules.expr_type, g=g))
        if inst is None:
            raise err("tactic 'rewrite' failed, did not find instance of the pattern in the target expression\n"
                      f"  {rs.args[0]}\n{g.pretty(interp.run.mathlib)}", rs)
        new, _ = _replace_alpha(expr, *inst)
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
        for sub in _subterms(expr):
            if alpha_eq(sub, lhs):
                return lhs, rhs
        return None
    for sub in _subterms(expr):
        if not is_closed(sub) or sub.__class__ in (Binder,):
            continue
        m: dict[str, Expr] = {}
        if rules.match(lhs, sub, set(free), m) and all(v in m for v in set(free) & _pattern_vars(lhs)):
            il = lemmas.substitute(lhs, m)
            ir_ = lemmas.substitute(rhs, m)
            if _pattern_vars(ir_) & set(free):
                continue
            if lemma is None:
                if any(rules.expr_type(val, g) != free[v] for v, val in m.items()) or not alpha_eq(il, sub):
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
                if not alpha_eq(il, sub):
                    continue
            return il, ir_
    return None
