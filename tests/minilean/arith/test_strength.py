"""Strength like Lean's, no stronger: what each procedure must prove, and what it must not."""

from __future__ import annotations

import time
from fractions import Fraction as F

import pytest

from leangym.errors import ReplTimeout
from leangym.minilean.arith import (
    linarith,
    nlinarith,
    norm_num,
    omega,
    positivity,
    ring_equal,
    ring_normalize,
)
from leangym.minilean.arith.ir import Abs, Atom, BoolConst, Cast, Cmp, Conn, Dvd, Not, Num, Op, PropAtom

R, N, Z = "ℝ", "ℕ", "ℤ"
x, y, z = Atom("x", R), Atom("y", R), Atom("z", R)
a, b = Atom("a", Z), Atom("b", Z)
n, m = Atom("n", N), Atom("m", N)


def c(v, ty=R):
    return Num(F(v), ty)


def add(p, q):
    return Op("+", (p, q), p.ty)


def sub(p, q):
    return Op("-", (p, q), p.ty)


def mul(p, q):
    return Op("*", (p, q), p.ty)


def sq(p):
    return Op("^", (p, c(2, N)), p.ty)


def le(p, q):
    return Cmp("≤", p, q)


def lt(p, q):
    return Cmp("<", p, q)


def eq(p, q):
    return Cmp("=", p, q)


NONLINEAR_FACTS = [
    ([], le(c(0), sq(x))),
    ([], le(c(0), mul(x, x))),
    ([lt(c(0), x), lt(c(0), y)], lt(c(0), mul(x, y))),
    ([], le(mul(c(2), mul(x, y)), add(sq(x), sq(y)))),
    ([le(c(0), x), le(x, c(1))], le(sq(x), x)),
    ([], le(c(0), Abs(x, R))),
]


@pytest.mark.parametrize(("hyps", "goal"), NONLINEAR_FACTS)
def test_linarith_does_not_prove_nonlinear_facts(hyps, goal):
    assert not linarith(hyps, goal)


def test_linarith_proves_linear_consequences():
    assert linarith([lt(x, y), le(y, c(3))], lt(x, c(3)))
    assert linarith([eq(add(x, y), c(10)), eq(sub(x, y), c(2))], eq(x, c(6)))
    assert linarith([le(Op("/", (x, c(2)), R), c(1))], le(x, c(2)))
    # monomials are atoms after normalisation: x*y appears on both sides
    assert linarith([le(mul(x, add(y, c(1))), c(3))], le(add(mul(y, x), x), c(3)))
    # conjunctions in hypotheses are split, ≠ is ignored, ¬(a < b) is flipped
    assert linarith([Conn("∧", (lt(x, c(1)), lt(y, c(1))))], lt(add(x, y), c(2)))
    assert linarith([Not(lt(x, c(1)))], le(c(1), x))
    assert not linarith([Cmp("≠", x, c(0))], lt(c(0), x))


def test_linarith_integer_preprocessing_like_mathlib():
    assert linarith([lt(c(0, Z), a)], le(c(1, Z), a))  # strict < strengthened over ℤ
    assert not linarith([lt(c(0), x)], le(c(1), x))  # not over ℝ
    assert not linarith([eq(mul(c(2, Z), a), c(1, Z))], BoolConst(False))  # no parity reasoning
    assert linarith([], le(c(0, N), n))  # ℕ atoms are nonnegative
    assert linarith([], le(c(0), Cast(n, R)))  # and so are their casts
    assert not linarith([], eq(add(sub(n, m), m), n))  # ℕ subtraction is an atom
    assert linarith([lt(n, m)], le(add(n, c(1, N)), m))


def test_nlinarith_needs_hints_like_mathlib():
    amgm = le(mul(c(2), mul(x, y)), add(sq(x), sq(y)))
    assert nlinarith([], amgm, hints=[le(c(0), sq(sub(x, y)))])
    assert nlinarith([], le(c(0), sq(x)))
    assert nlinarith([lt(c(0), x), lt(c(0), y)], lt(c(0), mul(x, y)))
    assert not nlinarith([], le(c(0), mul(mul(x, y), z)))


def test_omega_decides_linear_integer_arithmetic_and_atomises_products():
    two = c(2, N)
    mod2 = Op("%", (n, two), N)
    assert omega([], Conn("∨", (eq(mod2, c(0, N)), eq(mod2, c(1, N)))))
    assert omega([eq(mul(c(2, Z), a), add(mul(c(2, Z), b), c(1, Z)))], BoolConst(False))  # parity
    assert omega([le(m, n)], eq(add(sub(n, m), m), n))
    assert not omega([], eq(add(sub(n, m), m), n))
    assert omega([Dvd(c(4, Z), a)], Dvd(c(2, Z), a))
    assert omega([], eq(Op("/", (c(-7, Z), c(2, Z)), Z), c(-4, Z)))
    # x * y and y * x are different atoms to omega
    assert not omega([], eq(mul(a, b), mul(b, a)))
    assert omega([], lt(mul(a, b), add(mul(a, b), c(1, Z))))
    # facts omega does not understand are ignored, not used
    p = PropAtom("p")
    assert not omega([p, Conn("→", (p, lt(a, c(0, Z)))), le(c(0, Z), a)], BoolConst(False))
    assert not omega([lt(x, c(0)), lt(c(0), x)], BoolConst(False))  # ℝ facts are not omega's


def test_positivity_is_syntactic():
    assert positivity(lt(c(0), add(sq(x), c(1))))
    assert positivity(le(c(0), Abs(x, R)))
    assert positivity(lt(c(0), mul(x, y)), [lt(c(0), x), lt(c(0), y)])
    assert positivity(Cmp("≠", Op("^", (x, c(3, N)), R), c(0)), [Cmp("≠", x, c(0))])
    assert positivity(le(c(0, N), sub(n, m)))
    assert not positivity(lt(c(0), sub(x, y)), [lt(y, x)])
    assert not positivity(le(c(0), x))
    assert not positivity(lt(c(0), sq(x)))


def test_ring_like_mathlib():
    assert ring_equal(sq(add(x, y)), add(add(sq(x), mul(c(2), mul(x, y))), sq(y)))
    assert ring_equal(Op("/", (add(x, y), c(2)), R), add(Op("/", (x, c(2)), R), Op("/", (y, c(2)), R)))
    assert ring_equal(add(Op("/", (x, y), R), Op("/", (z, y), R)), Op("/", (add(x, z), y), R))
    assert not ring_equal(mul(Op("/", (x, y), R), y), x)  # needs y ≠ 0
    assert not ring_equal(add(sub(n, m), m), n)  # truncated subtraction
    assert ring_equal(mul(add(n, m), add(n, m)), add(add(mul(n, n), mul(c(2, N), mul(n, m))), mul(m, m)))
    assert ring_normalize(add(x, x)) == ring_normalize(mul(c(2), x))


def test_norm_num_decides_closed_facts_and_uses_hypotheses():
    assert norm_num(lt(Op("/", (c(7), c(2)), R), c(4))) == BoolConst(True)
    assert norm_num(eq(sub(c(5, N), c(7, N)), c(0, N))) == BoolConst(True)
    assert norm_num(eq(c(2), c(3))) == BoolConst(False)
    assert norm_num(eq(add(x, c(1)), c(6)), [eq(x, c(5))]) == BoolConst(True)
    open_goal = norm_num(lt(add(x, c(0)), mul(c(1), y)))
    assert open_goal == lt(x, y)


def test_deadlines_raise_repl_timeout():
    past = time.monotonic() - 1
    for call in (
        lambda: linarith([], le(c(0), x), deadline=past),
        lambda: nlinarith([], le(c(0), x), deadline=past),
        lambda: omega([], le(c(0, Z), a), deadline=past),
        lambda: norm_num(le(c(0), x), deadline=past),
    ):
        with pytest.raises(ReplTimeout):
            call()
