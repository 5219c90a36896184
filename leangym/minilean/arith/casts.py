"""``push_cast`` and ``norm_cast``: moving the coercions ℕ → ℤ → ℚ → ℝ through arithmetic.

``push_cast`` moves casts toward the leaves: ``↑(a + b) = ↑a + ↑b``, ``↑(a * b) = ↑a * ↑b``,
``↑(a ^ n) = ↑a ^ n``, ``↑(-a) = -↑a`` and ``↑(a - b) = ↑a - ↑b`` from ℤ or ℚ, ``↑(a / b) = ↑a / ↑b`` from
ℚ, ``↑↑a = ↑a``, and a cast numeral is the numeral (Mathlib's ``Nat.cast_add``, ``Nat.cast_mul``,
``Nat.cast_pow``, ``Int.cast_sub``, ``Rat.cast_div``, ``Nat.cast_ofNat``, ``Int.cast_natCast``...). It
leaves ℕ subtraction and ℕ/ℤ division and remainder under their cast: ``↑(a - b) = ↑a - ↑b`` needs
``b ≤ a`` (``Nat.cast_sub``), and truncated division does not commute with the cast.

``norm_cast`` on a comparison over ℤ, ℚ or ℝ whose two sides are built only of casts from one smaller
type, numerals, and the operations the cast commutes with, states the comparison in that smaller type
(``(↑a : ℝ) + 1 < ↑b ↔ a + 1 < b``): the casts ℕ → ℤ → ℚ → ℝ are injective, order-preserving ring
homomorphisms (``Nat.cast_inj``, ``Nat.cast_lt``, ``Nat.cast_le``), field homomorphisms from ℚ.
Everything else is left as it is. Both directions give an equivalent proposition, never a stronger one.
"""

from __future__ import annotations

from fractions import Fraction

from leangym.minilean.arith.ir import Cast, Cmp, Conn, Neg, Not, Num, Op, Prop, Term

RANK = {"ℕ": 0, "ℤ": 1, "ℚ": 2, "ℝ": 3}


def _commutes(op: str, src: str) -> bool:
    """Whether the cast out of ``src`` commutes with ``op``."""
    if op in ("+", "*", "^"):
        return True
    if op == "-":
        return src != "ℕ"
    if op == "/":
        return src == "ℚ"
    return False


def push_term(t: Term) -> Term:
    if isinstance(t, Op):
        a, b = t.args
        return Op(t.op, (push_term(a), b if t.op == "^" else push_term(b)), t.ty)
    if isinstance(t, Neg):
        return Neg(push_term(t.arg), t.ty)
    if not isinstance(t, Cast):
        return t
    inner = t.arg
    src = inner.ty
    if isinstance(inner, Num):
        return Num(inner.value, t.ty)
    if isinstance(inner, Cast):
        return push_term(Cast(inner.arg, t.ty))
    if isinstance(inner, Neg) and src != "ℕ":
        return Neg(push_term(Cast(inner.arg, t.ty)), t.ty)
    if isinstance(inner, Op) and _commutes(inner.op, src):
        a, b = inner.args
        if inner.op == "^":
            return Op("^", (push_term(Cast(a, t.ty)), b), t.ty)
        return Op(inner.op, (push_term(Cast(a, t.ty)), push_term(Cast(b, t.ty))), t.ty)
    return Cast(push_term(inner), t.ty)


def push_cast(p: Prop) -> Prop:
    """``p`` with every cast pushed toward the leaves (see the module docstring)."""
    if isinstance(p, Cmp):
        return Cmp(p.op, push_term(p.lhs), push_term(p.rhs))
    if isinstance(p, Not):
        return Not(push_cast(p.arg))
    if isinstance(p, Conn):
        return Conn(p.op, (push_cast(p.args[0]), push_cast(p.args[1])))
    return p


def _lift(t: Term, src: str) -> Term | None:
    """``t`` (over a bigger type) written in ``src``, when ``t = ↑(result)`` by the cast's laws."""
    if isinstance(t, Cast) and t.arg.ty == src:
        return t.arg
    if isinstance(t, Cast) and RANK[t.arg.ty] < RANK[src]:
        return Cast(t.arg, src)
    if isinstance(t, Num):
        v = t.value
        if v.denominator != 1 and src != "ℚ" or v < 0 and src == "ℕ":
            return None
        return Num(Fraction(v), src)
    if isinstance(t, Neg) and src != "ℕ":
        a = _lift(t.arg, src)
        return None if a is None else Neg(a, src)
    if isinstance(t, Op) and _commutes(t.op, src):
        a, b = t.args
        la = _lift(a, src)
        if la is None:
            return None
        if t.op == "^":
            return Op("^", (la, b), src)
        lb = _lift(b, src)
        return None if lb is None else Op(t.op, (la, lb), src)
    return None


def _sources(t: Term, out: set) -> None:
    if isinstance(t, Cast):
        out.add(t.arg.ty)
    elif isinstance(t, Op):
        _sources(t.args[0], out)
        if t.op != "^":
            _sources(t.args[1], out)
    elif isinstance(t, Neg):
        _sources(t.arg, out)


def norm_cast(p: Prop) -> Prop:
    """``p`` with each comparison moved down to the smallest type its casts allow (see the module
    docstring); casts are pushed first, as ``norm_cast`` does."""
    if isinstance(p, Not):
        return Not(norm_cast(p.arg))
    if isinstance(p, Conn):
        return Conn(p.op, (norm_cast(p.args[0]), norm_cast(p.args[1])))
    if not isinstance(p, Cmp):
        return p
    p = push_cast(p)
    srcs: set = set()
    _sources(p.lhs, srcs)
    _sources(p.rhs, srcs)
    if not srcs:
        return p
    src = max(srcs, key=RANK.__getitem__)
    if RANK[src] >= RANK[p.lhs.ty]:
        return p
    lhs, rhs = _lift(p.lhs, src), _lift(p.rhs, src)
    if lhs is None or rhs is None:
        return p
    return norm_cast(Cmp(p.op, lhs, rhs))
