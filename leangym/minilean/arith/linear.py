"""``linarith`` and ``nlinarith``: Mathlib's preprocessing, then an exact linear-arithmetic oracle.

Both reduce "hypotheses ⊢ goal" to the infeasibility of a set of comparisons ``p R 0``
(``R ∈ {<, ≤, =}``, ``p`` a polynomial from :mod:`~leangym.minilean.arith.poly`) and ask z3, over
the *reals*, whether the comparisons are jointly satisfiable when every distinct nonconstant
monomial is an independent real variable. That is Mathlib's oracle problem exactly (Mathlib
finds a Positivstellensatz certificate by simplex; by Farkas' lemma one exists iff the linear
relaxation is infeasible), so the procedures are as strong as Mathlib's and no stronger:
``0 ≤ x ^ 2`` is not provable by linarith because ``x ^ 2`` is just a variable to it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from fractions import Fraction

import z3

from leangym.errors import ReplTimeout
from leangym.minilean.arith import poly as P
from leangym.minilean.arith.ir import Abs, Cast, Cmp, Conn, Not, Num, Op, Prop, Term
from leangym.minilean.arith.semantics import GiveUp, Unsupported, check_deadline, evaluate

Comparison = tuple  # (Poly, rel, type) meaning ``poly rel 0``; rel in "<", "≤", "="


def _split_conjunctions(props) -> list[Prop]:
    out: list[Prop] = []
    todo = list(props)
    while todo:
        p = todo.pop(0)
        if isinstance(p, Conn) and p.op == "∧":
            todo[:0] = list(p.args)
        else:
            out.append(p)
    return out


def _comparison_of(p: Prop) -> Cmp | None:
    """Mathlib's ``filterComparisons`` + ``removeNegations``: keep ``=``, ``<``, ``≤`` and the
    negations of ``<``/``≤`` (flipped); drop ``≠``, ``¬ =`` and everything else."""
    if isinstance(p, Cmp) and p.op in ("=", "<", "≤"):
        return p
    if isinstance(p, Not) and isinstance(p.arg, Cmp):
        c = p.arg
        if c.op == "<":
            return Cmp("≤", c.rhs, c.lhs)
        if c.op == "≤":
            return Cmp("<", c.rhs, c.lhs)
    return None


def _goal_branches(goal: Prop) -> list[list[Prop]]:
    """The hypotheses the goal contributes, one list per linarith run (an equality goal needs two
    runs, ``a < b`` and ``a > b`` refuted separately). Other goals are handled by ``exfalso``."""
    if isinstance(goal, Cmp):
        if goal.op == "<":
            return [[Cmp("≤", goal.rhs, goal.lhs)]]
        if goal.op == "≤":
            return [[Cmp("<", goal.rhs, goal.lhs)]]
        if goal.op == "=":
            return [[Cmp("<", goal.lhs, goal.rhs)], [Cmp("<", goal.rhs, goal.lhs)]]
        if goal.op == "≠":
            return [[Cmp("=", goal.lhs, goal.rhs)]]
    if isinstance(goal, Not):
        return [[goal.arg]]
    return [[]]


def _nat_cast_atoms(p: P.Poly) -> set[Term]:
    return {
        base
        for mono in p
        for base, _ in mono
        if isinstance(base, Cast) and base.arg.ty == "ℕ"
    }


# Lean core's ground simprocs (``Nat.reducePow``) leave powers with a larger exponent alone
# (``exponentiation.threshold``), so such a power blocks evaluating what contains it.
SIMPROC_MAX_EXPONENT = 256


def _linarith_ground(nat: bool) -> Callable[[Term], bool]:
    """Which closed terms Mathlib's linarith reads as numbers.

    Its linear forms (``linearFormOfExpr``) evaluate numerals under ``+ - * ^`` and
    ``cancelDenoms`` clears numeral field denominators; ``%``, ℕ/ℤ ``/``, ℕ ``-`` and ``|·|`` are
    atoms, closed or not (``linarith`` fails on ``(7 : ℤ) % 5 = 2``). A ℕ fact first goes through
    ``zify`` (``simp only`` with the ground simprocs), which does evaluate such literals, unless a
    power above the simprocs' exponent threshold is in the way (``1999 ^ 2000 % 5`` stays).
    """

    def opaque(t: Term) -> bool:
        if isinstance(t, Abs):
            return True
        if isinstance(t, Op):
            return t.op == "%" or t.op == "/" and t.ty in ("ℕ", "ℤ") or t.op == "-" and t.ty == "ℕ"
        return False

    def subterms(t: Term):
        yield t
        for a in getattr(t, "args", ()) if isinstance(t, Op) else ((t.arg,) if hasattr(t, "arg") else ()):
            yield from subterms(a)

    def evaluable(t: Term) -> bool:
        parts = list(subterms(t))
        if not any(opaque(x) for x in parts):
            return True
        if not nat:
            return False
        try:
            return all(not (isinstance(x, Op) and x.op == "^" and evaluate(x.args[1], {}) > SIMPROC_MAX_EXPONENT)
                       for x in parts)
        except Unsupported:
            return False

    return evaluable


def preprocess(props: list[Prop]) -> list[Comparison]:
    """Mathlib's default linarith preprocessing on a list of facts.

    Conjunctions are split (``splitHypotheses`` is on by default in current Mathlib); ℕ facts are
    cast to ℤ with casts pushed through ``+``/``*``/``^`` (``natToInt``/``zify``), ℕ subtraction
    and division staying atoms; every cast of a natural number that appears gets ``0 ≤ ↑n``;
    strict ℤ comparisons ``a < b`` become ``a + 1 ≤ b`` (``strengthenStrictInt``).
    """
    out: list[Comparison] = []
    nonneg: set[Term] = set()
    for p in _split_conjunctions(props):
        c = _comparison_of(p)
        if c is None:
            continue
        ty = c.lhs.ty
        lhs, rhs = c.lhs, c.rhs
        nat = ty == "ℕ"
        ground = _linarith_ground(nat)
        if nat:
            ty, lhs, rhs = "ℤ", Cast(lhs, "ℤ"), Cast(rhs, "ℤ")
        try:
            diff = P.add(
                P.to_poly(lhs, push_casts=nat, field_div="atom", ground=ground),
                P.to_poly(rhs, push_casts=nat, field_div="atom", ground=ground),
                Fraction(-1),
            )
        except Unsupported:
            continue
        rel = c.op
        if rel == "<" and ty == "ℤ":
            diff, rel = P.add(diff, P.const(Fraction(1))), "≤"
        nonneg |= _nat_cast_atoms(diff)
        out.append((diff, rel, ty))
    for a in sorted(nonneg, key=P.atom_key):
        out.append((P.add({}, P.atom(a), Fraction(-1)), "≤", a.ty))
    return out


def _remaining_ms(deadline: float | None) -> int | None:
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise ReplTimeout("arithmetic decision procedure ran past its deadline")
    return max(1, int(left * 1000))


def infeasible(comps: list[Comparison], *, deadline: float | None = None) -> bool:
    """Whether the comparisons of some one type are jointly unsatisfiable over the reals, with
    every nonconstant monomial an independent variable (Mathlib runs each type separately)."""
    by_type: dict[str, list[Comparison]] = {}
    for c in comps:
        by_type.setdefault(c[2], []).append(c)
    for group in by_type.values():
        if _group_infeasible(group, deadline):
            return True
    return False


def _group_infeasible(group: list[Comparison], deadline: float | None) -> bool:
    solver = z3.SolverFor("QF_LRA")
    ms = _remaining_ms(deadline)
    if ms is not None:
        solver.set("timeout", ms)
    variables: dict[P.Monomial, z3.ArithRef] = {}
    for poly, rel, _ in group:
        terms = []
        for mono, coeff in poly.items():
            q = z3.Q(coeff.numerator, coeff.denominator)
            if mono == ():
                terms.append(q)
            else:
                if mono not in variables:
                    variables[mono] = z3.Real(f"m{len(variables)}")
                terms.append(q * variables[mono])
        lhs = z3.Sum(terms) if terms else z3.RealVal(0)
        solver.add({"<": lhs < 0, "≤": lhs <= 0, "=": lhs == 0}[rel])
    result = solver.check()
    if result == z3.unknown:  # z3 hit its timeout (then so did the request) or gave up
        check_deadline(deadline)
        raise GiveUp(f"z3 answered unknown: {solver.reason_unknown()}")
    return result == z3.unsat


def linarith(hyps, goal: Prop, *, deadline: float | None = None) -> bool:
    """Mathlib's ``linarith``: linear arithmetic over ordered fields.

    Decides whether the goal follows linearly from the comparison hypotheses, with nonlinear
    monomials (``x * y``, ``x ^ 2``), non-literal divisions, ``|x|``, ℕ subtraction and function
    applications as opaque atoms. Goals ``a < b``, ``a ≤ b``, ``a = b`` (two runs), ``a ≠ b`` and
    ``¬ P`` are negated into a hypothesis; any other goal is replaced by ``False`` (``exfalso``).
    Hypotheses: comparisons, their negations, conjunctions of them; ``≠`` is ignored.

    Soundness: each preprocessing step derives facts that hold in Lean (for integers
    ``a < b → a + 1 ≤ b``, for naturals ``0 ≤ ↑n`` and the cast identities); if the resulting
    linear system is infeasible even when monomials are unrelated reals, it is infeasible for the
    actual values, so hypotheses ∧ ¬goal is contradictory. z3 decides linear real arithmetic
    exactly (rational coefficients, no floating point).
    """
    check_deadline(deadline)
    base = list(hyps)
    return all(infeasible(preprocess(base + extra), deadline=deadline) for extra in _goal_branches(goal))


def _squares(props: list[Prop]) -> list[Prop]:
    """``0 ≤ a ^ 2`` / ``0 ≤ a * a`` for every ``a ^ 2`` or ``a * a`` occurring in the facts."""
    found: dict[str, Prop] = {}

    def visit(t: Term) -> None:
        if isinstance(t, Op):
            a, b = t.args
            if t.op == "^" and isinstance(b, Num) and b.value == 2 or t.op == "*" and a == b:
                found.setdefault(repr(t), Cmp("≤", Num(Fraction(0), t.ty), t))
            visit(a)
            visit(b)
        elif hasattr(t, "arg"):
            visit(t.arg)
        elif hasattr(t, "args"):
            for x in t.args:
                visit(x)

    def visit_prop(p: Prop) -> None:
        if isinstance(p, Cmp):
            visit(p.lhs)
            visit(p.rhs)
        elif isinstance(p, Not):
            visit_prop(p.arg)
        elif isinstance(p, Conn) and p.op == "∧":
            visit_prop(p.args[0])
            visit_prop(p.args[1])

    for p in props:
        visit_prop(p)
    return list(found.values())


def _product(c1: Comparison, c2: Comparison) -> Comparison | None:
    """Sign rule for ``p₁ R₁ 0`` and ``p₂ R₂ 0``: the product of two negatives is positive, etc."""
    (p1, r1, t1), (p2, r2, t2) = c1, c2
    if t1 != t2:
        return None
    prod = P.mul(p1, p2)
    if "=" in (r1, r2):
        return (prod, "=", t1)
    neg = P.add({}, prod, Fraction(-1))
    return (neg, "<" if r1 == r2 == "<" else "≤", t1)


def nlinarith(hyps, goal: Prop, hints=(), *, deadline: float | None = None) -> bool:
    """Mathlib's ``nlinarith``: linarith after the ``nlinarithExtras`` preprocessing.

    The hint terms' types join the hypotheses; for every ``a ^ 2`` or ``a * a`` in the facts,
    ``0 ≤ a ^ 2`` is added; then the product of every pair of comparisons (each with itself too,
    hypotheses, hints, the negated goal and the squares) is added with the sign rule; then the
    linear oracle runs with monomials as atoms.

    Soundness: squares are nonnegative and the sign rules hold in every ordered ring (ℕ facts are
    in ℤ by then), so the added facts follow from the originals; the rest is linarith's argument.
    """
    check_deadline(deadline)
    base = list(hyps) + list(hints)
    for extra in _goal_branches(goal):
        facts = base + extra
        comps = preprocess(_squares(facts) + facts)
        products = []
        for i, c1 in enumerate(comps):
            for c2 in comps[i:]:
                check_deadline(deadline)
                try:
                    prod = _product(c1, c2)
                except Unsupported:
                    prod = None
                if prod is not None:
                    products.append(prod)
        if not infeasible(comps + products, deadline=deadline):
            return False
    return True
