"""Closed evaluation of Mathlib's functions on numerals, with Mathlib's definitions exactly, for the
tactics that evaluate them in Lean: ``norm_num`` (its extensions: factorials, gcd/lcm, ``Nat.sqrt``,
``√`` of rational squares, ``q.num``/``q.den`` and ``⌊⌋``/``⌈⌉`` of rationals, big operators over
``Finset.range``), ``simp``
(its simprocs and simp lemmas: gcd, ``natAbs``, ``toNat``, ``Finset.sum_range_succ``) and ``decide``
(kernel reduction of the structurally recursive ones). Each tactic folds only what its Lean
counterpart evaluates; every other application stays an opaque atom.

Definitions kept exactly: ``0 ! = 1``; ``Nat.choose n k = 0`` for ``k > n``; ``Nat.gcd 0 0 = 0``,
``Nat.lcm n 0 = 0``; ``Int.gcd``/``Int.lcm`` of absolute values; ``Nat.sqrt`` is the floor square
root; ``Real.sqrt x = 0`` for ``x ≤ 0``; ``Int.floor``/``Int.ceil`` round toward −∞/+∞ (``⌊-7/2⌋ = -4``);
``Int.toNat`` of a negative is 0; an empty range sums to 0 and multiplies to 1.
"""

from __future__ import annotations

import math
from fractions import Fraction

from leangym.minilean import schematic
from leangym.minilean.core.context import Goal, Hyp
from leangym.minilean.core.functions import INTERVALS, LIST_LITERAL
from leangym.minilean.core.terms import (
    INT,
    NAT,
    NUM_RANK,
    App,
    Bin,
    Binder,
    Const,
    Expr,
    Num,
    Un,
    instantiate,
    map_children,
    term_shape,
)

Rational = int | Fraction  # a closed value: an int while it is integral

# what each tactic evaluates (see the module docstring)
EVALUATES = {
    "norm_num": frozenset({"Nat.factorial", "Nat.gcd", "Nat.lcm", "Int.gcd", "Int.lcm", "Nat.sqrt", "Real.sqrt",
                           "Int.floor", "Int.ceil", "Int.natAbs", "Int.toNat", "Finset.sum", "Finset.prod",
                           "Finset.range", "Inv.inv", "List.sum", "Nat.digits", "Nat.fib", "Rat.num", "Rat.den",
                           LIST_LITERAL}),
    "simp": frozenset({"Nat.gcd", "Int.natAbs", "Int.toNat", "Finset.sum", "Finset.prod", "Finset.range",
                       "List.sum", "Nat.digits", "Nat.fib", LIST_LITERAL}),
    "decide": frozenset({"Nat.factorial", "Nat.choose", "Nat.fib", "Int.natAbs", "Int.toNat", "Finset.sum",
                         "Finset.prod", "Finset.range", "Finset.Icc", "Finset.Ico", "Finset.Ioc", "Finset.Ioo"}),
}
# functions a tactic evaluates only at the arguments its simp lemmas name: `Nat.fib_zero`, `Nat.fib_one`,
# `Nat.fib_two` are simp lemmas, the rest of `Nat.fib` is norm_num's extension and decide's
SIMP_ONLY_UP_TO = {("simp", "Nat.fib"): 2}
MAX_FACTORIAL = 2000  # beyond this Lean's evaluation is out of a tactic's budget anyway
MAX_FIB = 10_000
MAX_TERMS = 2000  # elements of a Finset a big operator is evaluated over
MAX_BITS = 1 << 16


class _Stuck(Exception):
    """The term is not a closed value this tactic evaluates."""


def fold(e: Expr, tactic: str, also: frozenset = frozenset()) -> Expr:
    """``e`` with every closed application ``tactic`` evaluates (plus the functions ``also``
    unfolded by its simp arguments) replaced by its value (a numeral)."""
    allowed = EVALUATES.get(tactic, frozenset())
    if also:
        allowed = allowed | also
    if not allowed or allowed.isdisjoint(term_shape(e)[0]):
        return e
    return _fold(e, allowed, tactic)




def _fold(e: Expr, allowed: frozenset, tactic: str) -> Expr:
    if isinstance(e, App) and isinstance(e.fn, Const) and e.fn.name in allowed and e.ty in NUM_RANK \
            and (tactic != "decide" or e.ty in (NAT, INT)) \
            and _within_simp_lemmas(e, tactic):  # decide evaluates no ℚ/ℝ value
        try:
            return _numeral(value(e, allowed), e.ty)
        except _Stuck:
            pass
    return map_children(e, lambda x: _fold(x, allowed, tactic))


def _within_simp_lemmas(e: App, tactic: str) -> bool:
    bound = SIMP_ONLY_UP_TO.get((tactic, e.fn.name))  # type: ignore[union-attr]
    if bound is None:
        return True
    return all(isinstance(a, Num) and a.value <= bound for a in e.args)


def _numeral(v: Rational, ty: Expr) -> Expr:
    if v < 0:
        return Un("-", _numeral(-v, ty), ty)
    if v.denominator != 1:
        return Bin("/", Num(Fraction(v.numerator), ty), Num(Fraction(v.denominator), ty), ty)
    return Num(Fraction(v), ty)


def _int(v: Rational) -> int:
    if v.denominator != 1:
        raise _Stuck
    return v.numerator


def _tdiv(a: int, b: int) -> int:
    """Lean's ``/`` on ℕ and ℤ (``Int.ediv``: the remainder is never negative); ``x / 0 = 0``."""
    if b == 0:
        return 0
    q = a // b if b > 0 else -(a // -b)
    return q


def value(e: Expr, allowed: frozenset) -> Rational:
    """The value of a closed term (raise :class:`_Stuck` when it is not one); an int when integral on the
    way (int arithmetic is several times faster than Fraction's, and ``decide``/``rfl`` are hot paths)."""
    if isinstance(e, Num):
        v = e.value
        return v.numerator if v.denominator == 1 else v
    ty = getattr(e, "ty", None)
    if isinstance(e, Un):
        v = value(e.a, allowed)
        if e.op == "-":
            return -v
        if e.op == "↑":
            return v
        if e.op == "abs":
            return abs(v)
        raise _Stuck
    if isinstance(e, Bin) and e.op in ("+", "-", "*", "/", "%", "^"):
        a, b = value(e.a, allowed), value(e.b, allowed)
        if e.op == "+":
            return a + b
        if e.op == "-":
            return max(a - b, 0) if ty == NAT else a - b
        if e.op == "*":
            return a * b
        if e.op == "^":
            n = _int(b)
            if n < 0 or abs(a.numerator).bit_length() * n > MAX_BITS or abs(a.denominator).bit_length() * n > MAX_BITS:
                raise _Stuck
            return a**n
        if ty in (NAT, INT):
            x, y = _int(a), _int(b)
            q = _tdiv(x, y)
            return q if e.op == "/" else x - y * q if y != 0 else x
        if e.op == "/":
            return 0 if b == 0 else Fraction(a) / b
        raise _Stuck
    if isinstance(e, App) and isinstance(e.fn, Const) and e.fn.name in allowed:
        return _apply(e, allowed)
    raise _Stuck


def closed_value(e: Expr) -> Fraction | None:
    """The value of a closed term of numerals and ``+ - * / % ^`` (Lean's conventions: truncated ℕ
    subtraction, floor division on ℕ/ℤ, ``x / 0 = 0``), or None."""
    try:
        return Fraction(value(e, frozenset()))
    except _Stuck:
        return None


def closed_int(e: Expr) -> int | None:
    """:func:`closed_value` when it is an integer (the ℕ/ℤ evaluator of ``decide`` and ``rfl``)."""
    try:
        v = value(e, frozenset())
    except _Stuck:
        return None
    return v if isinstance(v, int) else v.numerator if v.denominator == 1 else None


def finset_elements(e: Expr, allowed: frozenset) -> list[Fraction]:
    """The elements of a closed Finset term, in order."""
    if isinstance(e, App) and isinstance(e.fn, Const) and e.fn.name in allowed:
        if e.fn.name == "Finset.range":
            n = _int(value(e.args[0], allowed))
            lo, hi = 0, n - 1
        elif e.fn.name in INTERVALS:
            a, b = value(e.args[0], allowed), value(e.args[1], allowed)
            if a.denominator != 1 or b.denominator != 1:
                raise _Stuck  # intervals of ℚ/ℝ are not finite sets of these
            lo, hi = a.numerator, b.numerator
            if e.fn.name in ("Finset.Ioc", "Finset.Ioo"):
                lo += 1
            if e.fn.name in ("Finset.Ico", "Finset.Ioo"):
                hi -= 1
        else:
            raise _Stuck
        if hi - lo + 1 > MAX_TERMS:
            raise _Stuck
        return [Fraction(i) for i in range(lo, hi + 1)]
    raise _Stuck


def digits(b: int, n: int) -> list[int]:
    """Mathlib's ``Nat.digits b n``: little-endian; ``digits b 0 = []``; base 0 gives ``[n]``
    (n ≠ 0) and base 1 gives ``n`` ones."""
    if n == 0:
        return []
    if b == 0:
        return [n]
    if b == 1:
        if n > MAX_TERMS:
            raise _Stuck
        return [1] * n
    out = []
    while n:
        out.append(n % b)
        n //= b
    return out


def list_elements(e: Expr, allowed: frozenset) -> list[Fraction]:
    """The elements of a closed list term (a literal or ``Nat.digits b n``)."""
    if isinstance(e, App) and isinstance(e.fn, Const) and e.fn.name in allowed:
        if e.fn.name == LIST_LITERAL:
            return [value(x, allowed) for x in e.args]
        if e.fn.name == "Nat.digits":
            b, n = (_int(value(x, allowed)) for x in e.args)
            return [Fraction(d) for d in digits(b, n)]
    raise _Stuck


def _apply(e: App, allowed: frozenset) -> Fraction:
    name = e.fn.name  # type: ignore[union-attr]
    if name in ("Finset.sum", "Finset.prod"):
        lam = e.args[1]
        if not isinstance(lam, Binder):
            raise _Stuck
        total = Fraction(0 if name == "Finset.sum" else 1)
        for x in finset_elements(e.args[0], allowed):
            v = value(instantiate(lam.body, _numeral(x, lam.dom)), allowed)
            total = total + v if name == "Finset.sum" else total * v
            if abs(total.numerator).bit_length() > MAX_BITS:
                raise _Stuck
        return total
    if name == "List.sum":
        return sum(list_elements(e.args[0], allowed), Fraction(0))
    args = [value(a, allowed) for a in e.args]
    if name == "Nat.factorial":
        n = _int(args[0])
        if n > MAX_FACTORIAL:
            raise _Stuck
        return Fraction(math.factorial(n))
    if name == "Nat.choose":
        n, k = _int(args[0]), _int(args[1])
        if n > 100 * MAX_FACTORIAL:
            raise _Stuck
        return Fraction(math.comb(n, k) if k <= n else 0)
    if name in ("Nat.gcd", "Int.gcd"):
        return Fraction(math.gcd(_int(args[0]), _int(args[1])))
    if name in ("Nat.lcm", "Int.lcm"):
        return Fraction(math.lcm(_int(args[0]), _int(args[1])))
    if name == "Nat.fib":
        n = _int(args[0])
        if n > MAX_FIB:
            raise _Stuck
        a, b = 0, 1
        for _ in range(n):
            a, b = b, a + b
        return Fraction(a)
    if name == "Nat.sqrt":
        return Fraction(math.isqrt(_int(args[0])))
    if name == "Int.natAbs":
        return Fraction(abs(_int(args[0])))
    if name == "Int.toNat":
        return Fraction(max(_int(args[0]), 0))
    if name == "Int.floor":
        return Fraction(math.floor(args[0]))
    if name == "Int.ceil":
        return Fraction(math.ceil(args[0]))
    if name == "Rat.num":  # of the reduced fraction, the sign on the numerator (Mathlib's `Rat`)
        return Fraction(args[0].numerator)
    if name == "Rat.den":
        return Fraction(args[0].denominator)
    if name == "Inv.inv":
        return Fraction(0) if args[0] == 0 else 1 / Fraction(args[0])
    if name == "Real.sqrt":
        x = args[0]
        if x <= 0:
            return Fraction(0)
        p, q = math.isqrt(x.numerator), math.isqrt(x.denominator)
        if p * p != x.numerator or q * q != x.denominator:
            raise _Stuck  # irrational: stays √x
        return Fraction(p, q)
    raise _Stuck


def fold_goal(g: Goal, tactic: str, locs: list | None, also: frozenset = frozenset()) -> Goal:
    """``g`` with closed applications folded in the places ``tactic`` works on (the target unless
    ``locs`` excludes it; the hypotheses ``locs`` names, all of them for ``*``); ``g`` itself when
    nothing changed."""
    from_ = g.target
    if locs is None:  # the target only (the common case, kept quick: simp's latency)
        target = fold(from_, tactic, also)
        return g if target is from_ else Goal(g.hyps, target, g.tag)
    target = fold(from_, tactic, also) if "⊢" in locs or "*" in locs else from_
    hyps = list(g.hyps)
    for i, h in enumerate(hyps):
        if h.is_prop and locs and ("*" in locs or h.name in locs):
            nt = fold(h.type, tactic, also)
            if nt != h.type:
                hyps[i] = Hyp(h.id, h.name, nt, True, h.inaccessible)
    if target == from_ and all(a is b for a, b in zip(hyps, g.hyps)):
        return g
    return Goal(tuple(hyps), target, g.tag)


# simp-set arguments that make `simp [..]`/`norm_num [..]` evaluate more: a definition to unfold or
# the recursion lemmas of the big operators
UNFOLDS = {
    "Nat.factorial": ("Nat.factorial",), "factorial": ("Nat.factorial",), "Nat.choose": ("Nat.choose",),
    "Nat.factorial_succ": ("Nat.factorial",), "Nat.choose_succ_succ": ("Nat.choose",),
    "Finset.sum_range_succ": ("Finset.sum", "Finset.range"), "Finset.prod_range_succ": ("Finset.prod", "Finset.range"),
}


def split_unfolds(lemmas: list) -> tuple[list, frozenset]:
    """The simp arguments that are facts (not definitions to unfold nor schematic rewrite rules), and the
    functions the unfolding ones make the tactic evaluate."""
    keep, names = [], set()
    for s in lemmas:
        if getattr(s, "kind", None) == "ident" and s.args[0] in UNFOLDS:
            names.update(UNFOLDS[s.args[0]])
        elif getattr(s, "kind", None) == "ident" and s.args[0] in schematic.LEMMAS:
            continue  # a rewrite rule of `leangym.minilean.schematic` (simp_with_library), not a fact
        else:
            keep.append(s)
    return keep, frozenset(names)
