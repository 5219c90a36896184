"""Lean 4 semantics of the evaluator, checked against values Lean itself computes."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from leangym.minilean.arith import Unsupported, evaluate, holds, int_div, int_mod
from leangym.minilean.arith.ir import Abs, Atom, Cast, Cmp, Conn, Dvd, Num, Op, Pred, PropAtom, Quant


def num(v, ty):
    return Num(F(v), ty)


def op(o, a, b, ty):
    return Op(o, (a, b), ty)


@pytest.mark.parametrize(
    ("a", "b", "q", "r"),
    # #eval in Lean 4: Int.ediv / Int.emod
    [(7, 2, 3, 1), (-7, 2, -4, 1), (7, -2, -3, 1), (-7, -2, 4, 1), (6, 3, 2, 0), (-6, 3, -2, 0),
     (5, 0, 0, 5), (-5, 0, 0, -5), (0, 3, 0, 0), (-1, 5, -1, 4)],
)
def test_int_division_is_euclidean_like_lean(a, b, q, r):
    assert int_div(a, b) == q and int_mod(a, b) == r
    t = op("/", num(a, "ℤ"), num(b, "ℤ"), "ℤ")
    m = op("%", num(a, "ℤ"), num(b, "ℤ"), "ℤ")
    assert evaluate(t, {}) == q and evaluate(m, {}) == r


def test_nat_truncation_floor_and_zero_division():
    n = "ℕ"
    assert evaluate(op("-", num(5, n), num(7, n), n), {}) == 0
    assert evaluate(op("/", num(7, n), num(2, n), n), {}) == 3
    assert evaluate(op("/", num(7, n), num(0, n), n), {}) == 0
    assert evaluate(op("%", num(7, n), num(0, n), n), {}) == 7
    assert evaluate(op("/", num(7, "ℝ"), num(0, "ℝ"), "ℝ"), {}) == 0
    assert evaluate(op("/", num(7, "ℚ"), num(2, "ℚ"), "ℚ"), {}) == F(7, 2)
    assert evaluate(op("^", num(0, "ℝ"), num(0, n), "ℝ"), {}) == 1
    assert evaluate(Abs(num(-3, "ℤ"), "ℤ"), {}) == 3
    # a cast sees the value computed in the source type: ((5 - 7 : ℕ) : ℤ) = 0
    assert evaluate(Cast(op("-", num(5, n), num(7, n), n), "ℤ"), {}) == 0


def test_predicates_and_divisibility():
    n, z, r = "ℕ", "ℤ", "ℝ"
    assert holds(Dvd(num(0, n), num(0, n)), {}) and not holds(Dvd(num(0, n), num(3, n)), {})
    assert holds(Dvd(num(-3, z), num(12, z)), {}) and not holds(Dvd(num(5, z), num(12, z)), {})
    assert holds(Dvd(num(2, r), num(3, r)), {})  # every nonzero element of a field divides
    assert holds(Pred("Even", num(-4, z)), {}) and holds(Pred("Odd", num(-3, z)), {})
    assert not holds(Pred("Odd", num(4, n)), {})
    assert holds(Pred("Odd", num(4, r)), {})  # 4 = 2 * (3/2) + 1 in ℝ
    assert holds(Pred("Nat.Prime", num(97, n)), {}) and not holds(Pred("Nat.Prime", num(1, n)), {})
    x = Atom("x", "ℤ")
    assert holds(Conn("→", (Cmp("<", x, num(0, z)), Cmp("≠", x, num(0, z)))), {"x": -2})
    assert holds(PropAtom("p"), {"p": True})


def test_unsupported_is_raised_not_guessed():
    with pytest.raises(Unsupported):
        holds(Quant("∀", "x", "ℕ", Cmp("≤", num(0, "ℕ"), Atom("x", "ℕ"))), {})
    with pytest.raises(Unsupported):
        evaluate(Atom("y", "ℝ"), {})
    with pytest.raises(Unsupported):
        evaluate(op("%", num(1, "ℝ"), num(2, "ℝ"), "ℝ"), {})
