"""Lean 4 + Mathlib semantics of the arithmetic IR, implemented once.

Every decision procedure is tested against this evaluator, so it must follow Lean exactly where
Lean differs from school arithmetic:

* ℕ subtraction truncates: ``5 - 7 = 0``.
* ℕ ``/`` floors; ℤ ``/`` and ``%`` are ``Int.ediv``/``Int.emod``: the remainder is never negative,
  so ``(-7 : ℤ) / 2 = -4``, ``(-7 : ℤ) % 2 = 1``, ``(7 : ℤ) / (-2) = -3``.
* Division by zero is zero in every type; ``a % 0 = a``.
* ℚ and ℝ are exact (:class:`fractions.Fraction`); ℝ has no transcendental functions here.
* ``a ∣ b`` means ``∃ c, b = a * c``: so ``0 ∣ b ↔ b = 0``, and in a field every nonzero ``a``
  divides everything. ``Even a ↔ ∃ r, a = r + r``, ``Odd a ↔ ∃ m, a = 2 * m + 1``: decided by
  parity in ℕ/ℤ and always true in ℚ/ℝ.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from fractions import Fraction

from leangym.errors import LeanGymError, ReplTimeout
from leangym.minilean.arith.ir import (
    Abs,
    Atom,
    BoolConst,
    Cast,
    Cmp,
    Conn,
    Dvd,
    Fn,
    Neg,
    Not,
    Num,
    Op,
    Pred,
    Prop,
    PropAtom,
    Quant,
    Term,
)

INTEGRAL = ("ℕ", "ℤ")
FIELDS = ("ℚ", "ℝ")
MAX_EXPONENT = 10_000
"""Larger literal exponents are refused (:class:`Unsupported`) rather than computed."""
MAX_POWER_BITS = 1 << 16
"""A power whose value would need more bits is refused: ``((2 ^ 10000) ^ 10000) ^ 100`` would
otherwise hold a worker for minutes (big-integer arithmetic cannot check a deadline)."""


def check_power_size(base: Fraction, n: int) -> None:
    """Raise :class:`Unsupported` when ``base ** n`` would exceed :data:`MAX_POWER_BITS`."""
    bits = max(abs(base.numerator).bit_length(), base.denominator.bit_length())
    if bits > 1 and bits * n > MAX_POWER_BITS:
        raise Unsupported(f"power too large to evaluate ({bits} bits to the {n})")


class GiveUp(LeanGymError):
    """A decision procedure gives up on its input; the one exception a procedure raises besides ReplTimeout."""


class Unsupported(GiveUp):
    """The procedure does not handle this term or proposition (the caller reports failure)."""


def check_deadline(deadline: float | None) -> None:
    """Raise :class:`ReplTimeout` once ``time.monotonic()`` has passed ``deadline``."""
    if deadline is not None and time.monotonic() > deadline:
        raise ReplTimeout("arithmetic decision procedure ran past its deadline")


def int_div(a: int, b: int) -> int:
    """``Int.ediv``: ``b = 0`` gives 0; otherwise the quotient whose remainder is in ``[0, |b|)``."""
    if b == 0:
        return 0
    q = a // abs(b)  # floor division by |b| leaves a remainder in [0, |b|)
    return q if b > 0 else -q


def int_mod(a: int, b: int) -> int:
    """``Int.emod``: ``a % 0 = a``; otherwise ``a - b * (a / b)``, which lies in ``[0, |b|)``."""
    return a if b == 0 else a - b * int_div(a, b)


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    return all(n % d for d in range(3, math.isqrt(n) + 1, 2))


def _as_int(v: Fraction, what: str) -> int:
    if v.denominator != 1:
        raise Unsupported(f"{what} must be an integer, got {v}")
    return int(v)


def evaluate(term: Term, env: Mapping[str, Fraction | int], fns: Mapping[str, Callable] | None = None) -> Fraction:
    """Value of ``term`` under ``env`` (atom name → value) with Lean's semantics.

    ``fns`` maps a function variable's name to a Python callable on Fractions. Values in ``env``
    must belong to the atom's type (a natural number for ℕ, an integer for ℤ).
    """
    fns = fns or {}

    def ev(t: Term) -> Fraction:
        if isinstance(t, Num):
            return Fraction(t.value)
        if isinstance(t, Atom):
            if t.name not in env:
                raise Unsupported(f"no value for atom {t.name!r}")
            return Fraction(env[t.name])
        if isinstance(t, Fn):
            if t.name not in fns:
                raise Unsupported(f"no interpretation for function {t.name!r}")
            return Fraction(fns[t.name](*(ev(a) for a in t.args)))
        if isinstance(t, Neg):
            if t.ty == "ℕ":
                raise Unsupported("ℕ has no negation")
            return -ev(t.arg)
        if isinstance(t, Abs):
            return abs(ev(t.arg))
        if isinstance(t, Cast):
            return ev(t.arg)
        if isinstance(t, Op):
            return _op(t, ev(t.args[0]), ev(t.args[1]))
        raise Unsupported(f"not an arithmetic term: {t!r}")

    return ev(term)


def _op(t: Op, a: Fraction, b: Fraction) -> Fraction:
    op, ty = t.op, t.ty
    if op == "+":
        return a + b
    if op == "*":
        return a * b
    if op == "-":
        return max(a - b, Fraction(0)) if ty == "ℕ" else a - b
    if op == "^":
        n = _as_int(b, "an exponent")
        if n < 0 or n > MAX_EXPONENT:
            raise Unsupported(f"exponent {n} out of range")
        check_power_size(a, n)
        return a**n
    if op == "/":
        if ty in FIELDS:
            return Fraction(0) if b == 0 else a / b
        return Fraction(int_div(_as_int(a, "a dividend"), _as_int(b, "a divisor")))
    if op == "%":
        if ty in FIELDS:
            raise Unsupported(f"% is not defined on {ty}")
        return Fraction(int_mod(_as_int(a, "a dividend"), _as_int(b, "a divisor")))
    raise Unsupported(f"unknown operator {op!r}")


def holds(prop: Prop, env: Mapping[str, Fraction | int | bool], fns: Mapping[str, Callable] | None = None) -> bool:
    """Truth of ``prop`` under ``env`` (Prop atoms map to booleans); ``Quant`` raises Unsupported."""
    if isinstance(prop, BoolConst):
        return prop.value
    if isinstance(prop, PropAtom):
        if prop.name not in env:
            raise Unsupported(f"no value for proposition {prop.name!r}")
        return bool(env[prop.name])
    if isinstance(prop, Not):
        return not holds(prop.arg, env, fns)
    if isinstance(prop, Conn):
        a = holds(prop.args[0], env, fns)
        if prop.op == "∧":
            return a and holds(prop.args[1], env, fns)
        if prop.op == "∨":
            return a or holds(prop.args[1], env, fns)
        if prop.op == "→":
            return (not a) or holds(prop.args[1], env, fns)
        if prop.op == "↔":
            return a == holds(prop.args[1], env, fns)
        raise Unsupported(f"unknown connective {prop.op!r}")
    if isinstance(prop, Cmp):
        a, b = evaluate(prop.lhs, env, fns), evaluate(prop.rhs, env, fns)
        return {"=": a == b, "≠": a != b, "<": a < b, "≤": a <= b}[prop.op]
    if isinstance(prop, Dvd):
        a, b = evaluate(prop.a, env, fns), evaluate(prop.b, env, fns)
        if a == 0:
            return b == 0
        if prop.a.ty in FIELDS:
            return True
        return (b / a).denominator == 1
    if isinstance(prop, Pred):
        v = evaluate(prop.arg, env, fns)
        if prop.name == "Nat.Prime":
            return v.denominator == 1 and is_prime(int(v))
        if prop.arg.ty in FIELDS:
            return prop.name in ("Even", "Odd")
        if prop.name == "Even":
            return int(v) % 2 == 0
        if prop.name == "Odd":
            return int(v) % 2 == 1
        raise Unsupported(f"unknown predicate {prop.name!r}")
    if isinstance(prop, Quant):
        raise Unsupported("quantified propositions are not evaluated")
    raise Unsupported(f"not a proposition: {prop!r}")
