"""Expressions built twice at once: as Lean 4 source text and as the arithmetic IR.

Generators write statements with these helpers so that the text a policy sees and the IR the
generator checks for truth can never disagree. Parentheses follow Lean 4's precedences
(``+ -`` 65 and ``* / %`` 70 associate left, ``^`` 75 associates right, application binds
tightest), so the printed text parses back to the same tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from leangym.minilean.arith.ir import Atom, Cmp, Conn, Dvd, Fn, Neg, Num, Op, Prop, Term

MAX_PREC = 1024
_PREC = {"+": 65, "-": 65, "*": 70, "/": 70, "%": 70, "^": 75}


@dataclass(frozen=True)
class X:
    """An arithmetic expression: Lean text, IR term, and the precedence of its outermost node."""

    text: str
    ir: Term
    prec: int = MAX_PREC

    @property
    def ty(self) -> str:
        return self.ir.ty

    def __add__(self, other: X | int) -> X:
        return binop("+", self, lift(other, self.ty))

    def __radd__(self, other: int) -> X:
        return binop("+", lift(other, self.ty), self)

    def __sub__(self, other: X | int) -> X:
        return binop("-", self, lift(other, self.ty))

    def __rsub__(self, other: int) -> X:
        return binop("-", lift(other, self.ty), self)

    def __mul__(self, other: X | int) -> X:
        return binop("*", self, lift(other, self.ty))

    def __rmul__(self, other: int) -> X:
        return binop("*", lift(other, self.ty), self)

    def __truediv__(self, other: X | int) -> X:
        return binop("/", self, lift(other, self.ty))

    def __mod__(self, other: X | int) -> X:
        return binop("%", self, lift(other, self.ty))

    def __pow__(self, n: int) -> X:
        return binop("^", self, X(str(n), Num(Fraction(n), "ℕ")))


@dataclass(frozen=True)
class P:
    """A proposition: Lean text and IR."""

    text: str
    ir: Prop
    prec: int = 50


def var(name: str, ty: str) -> X:
    return X(name, Atom(name, ty))


def num(value: int | Fraction, ty: str) -> X:
    """A literal; negative and fractional values print as ``-3`` / ``7 / 2`` (parenthesised as
    needed by the consumer through their precedence)."""
    value = Fraction(value)
    if value.denominator != 1:
        return binop("/", num(value.numerator, ty), num(value.denominator, ty))
    if value < 0:
        # Lean's prefix ``-`` takes its argument at precedence 75: ``-3 * x`` and ``x * -3`` parse
        # as written, ``(-3) ^ 2`` and ``f (-3)`` need their parentheses
        return X(f"-{-value.numerator}", Num(value, ty), 75)
    return X(str(value.numerator), Num(value, ty))


def plus(e: X, v: int | Fraction) -> X:
    """``e + v`` written naturally: ``e - 3`` for ``v = -3``, ``e`` for ``v = 0``."""
    if v == 0:
        return e
    return e + num(v, e.ty) if v > 0 else e - num(-v, e.ty)


def scale(c: int, e: X) -> X:
    """``c * e`` without a unit coefficient (``-e`` for ``c = -1``)."""
    if c == -1:
        return X(f"-{_wrap(e, 75)}", Neg(e.ir, e.ty), 75)
    return e if c == 1 else num(c, e.ty) * e


def combine(terms: list[tuple[int, X | None]], ty: str) -> X:
    """``c₁ * e₁ ± c₂ * e₂ ± …`` written with signs, a ``None`` term meaning the constant 1."""
    out: X | None = None
    for c, e in terms:
        if c == 0:
            continue
        if out is None:
            out = num(c, ty) if e is None else scale(c, e)
        elif e is None:
            out = plus(out, c)
        else:
            out = out + scale(c, e) if c > 0 else out - scale(-c, e)
    return num(0, ty) if out is None else out


def lift(v: X | int | Fraction, ty: str) -> X:
    return v if isinstance(v, X) else num(v, ty)


def _wrap(x: X, need: int) -> str:
    return x.text if x.prec >= need else f"({x.text})"


def binop(op: str, a: X, b: X) -> X:
    p = _PREC[op]
    if op == "^":
        text = f"{_wrap(a, p + 1)} ^ {_wrap(b, p)}"
    else:
        text = f"{_wrap(a, p)} {op} {_wrap(b, p + 1)}"
    return X(text, Op(op, (a.ir, b.ir), a.ty), p)


def app(fn: str, arg: X, ty: str) -> X:
    return X(f"{fn} {_wrap(arg, MAX_PREC)}", Fn(fn, (arg.ir,), ty), MAX_PREC - 1)


def cmp(op: str, a: X | int, b: X | int) -> P:
    """``a op b`` with ``op`` in ``= ≠ < ≤ > ≥`` (``>``/``≥`` swap sides in the IR)."""
    ty = a.ty if isinstance(a, X) else b.ty  # type: ignore[union-attr]
    a, b = lift(a, ty), lift(b, ty)
    ir = Cmp({">": "<", "≥": "≤"}[op], b.ir, a.ir) if op in (">", "≥") else Cmp(op, a.ir, b.ir)
    return P(f"{_wrap(a, 51)} {op} {_wrap(b, 51)}", ir)


def dvd(a: X | int, b: X) -> P:
    a = lift(a, b.ty)
    return P(f"{_wrap(a, 51)} ∣ {_wrap(b, 51)}", Dvd(a.ir, b.ir))


def conj(*ps: P) -> P:
    """``p₁ ∧ p₂ ∧ …`` (right associative, precedence 35)."""
    *init, last = ps
    out = last
    for p in reversed(init):
        left = p.text if p.prec > 35 else f"({p.text})"
        right = out.text if out.prec >= 35 else f"({out.text})"
        out = P(f"{left} ∧ {right}", Conn("∧", (p.ir, out.ir)), 35)
    return out


def disj(a: P, b: P) -> P:
    left = a.text if a.prec > 30 else f"({a.text})"
    right = b.text if b.prec >= 30 else f"({b.text})"
    return P(f"{left} ∨ {right}", Conn("∨", (a.ir, b.ir)), 30)
