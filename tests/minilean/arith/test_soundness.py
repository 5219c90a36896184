"""Soundness, tested to destruction: whenever a procedure claims a proof, the goal must hold under
every sampled assignment (Lean semantics) that satisfies the hypotheses."""

from __future__ import annotations

import random
from fractions import Fraction as F

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leangym.minilean.arith import (
    Unsupported,
    decide,
    evaluate,
    holds,
    linarith,
    nlinarith,
    norm_num,
    omega,
    positivity,
    ring_equal,
    ring_normalize,
    simp_arith,
)
from leangym.minilean.arith.ir import Abs, Atom, BoolConst, Cast, Cmp, Conn, Dvd, Neg, Not, Num, Op, Pred

TYPES = ("ℕ", "ℤ", "ℚ", "ℝ")
NAMES = ("x", "y", "z")
SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)


def lit(v, ty):
    return Num(F(v), ty)


@st.composite
def terms(draw, ty: str, depth: int = 3, linear: bool = False):
    """Random IR terms of type ``ty`` over atoms x y z (and a cast ℕ atom k), every node kind
    drawn with equal chance (``one_of`` over recursive strategies skews towards unary nodes)."""
    lo = 0 if ty == "ℕ" else -4
    kinds = ["atom", "lit"]
    if ty in ("ℚ", "ℝ"):
        kinds.append("frac")
    if ty != "ℕ":
        kinds.append("cast")
    if depth > 0:
        kinds += ["+", "-", "scale", "/"] + ([] if linear else ["*", "^", "*", "^"])
        if ty in ("ℕ", "ℤ"):
            kinds.append("%")
        if ty != "ℕ":
            kinds += ["neg", "abs"]
    kind = draw(st.sampled_from(kinds))
    if kind == "atom":
        return Atom(draw(st.sampled_from(NAMES)), ty)
    if kind == "lit":
        return lit(draw(st.integers(lo, 5)), ty)
    if kind == "frac":
        return lit(draw(st.sampled_from([F(1, 2), F(-3, 2)])), ty)
    if kind == "cast":
        return Cast(Atom("k", "ℕ"), ty)
    sub = terms(ty, depth - 1, linear)
    small = lit(draw(st.integers(0 if ty == "ℕ" else -3, 4)), ty)
    if kind in ("+", "-", "*"):
        return Op(kind, (draw(sub), draw(sub)), ty)
    if kind == "scale":
        return Op("*", (small, draw(sub)), ty)
    if kind == "^":
        return Op("^", (draw(sub), lit(draw(st.sampled_from([2, 3])), "ℕ")), ty)
    if kind in ("/", "%"):
        divisor = small if linear or draw(st.booleans()) else draw(sub)
        return Op(kind, (draw(sub), divisor), ty)
    return (Neg if kind == "neg" else Abs)(draw(sub), ty)


def comparisons(ty: str, depth: int = 2, linear: bool = False, ops=("=", "≠", "<", "≤")):
    t = terms(ty, depth, linear)
    return st.tuples(st.sampled_from(ops), t, t).map(lambda c: Cmp(*c))


def props(ty: str, depth: int = 2, linear: bool = False):
    base = st.one_of(comparisons(ty, depth, linear), comparisons(ty, depth, linear).map(Not))
    if ty in ("ℕ", "ℤ"):
        base = st.one_of(base, st.tuples(st.integers(-3, 4), terms(ty, 1, linear)).map(lambda d: Dvd(lit(d[0], ty), d[1])))
    return st.recursive(
        base,
        lambda inner: st.one_of(
            st.tuples(st.sampled_from(["∧", "∨", "→", "↔"]), inner, inner).map(lambda c: Conn(c[0], (c[1], c[2]))),
            inner.map(Not),
        ),
        max_leaves=3,
    )


def sample_env(rng: random.Random, ty: str) -> dict:
    def value():
        if ty == "ℕ":
            return rng.choice([0, 1, 2, 3, rng.randint(0, 12)])
        if ty == "ℤ":
            return rng.choice([0, 1, -1, 2, -2, rng.randint(-12, 12)])
        return F(rng.randint(-12, 12), rng.choice([1, 1, 2, 3, 4]))

    env = {n: value() for n in NAMES}
    env["k"] = rng.choice([0, 1, 2, rng.randint(0, 9)])
    return env


def counterexample(hyps, goal, ty: str, seed: int, tries: int = 400):
    """An assignment making every hypothesis true and the goal false, or ``None``."""
    rng = random.Random(seed)
    for _ in range(tries):
        env = sample_env(rng, ty)
        try:
            if all(holds(h, env) for h in hyps) and not holds(goal, env):
                return env
        except Unsupported:
            return None
    return None


class Tally:
    """Counts proofs so that each test can assert it exercised the 'proved' path."""

    def __init__(self):
        self.proved = 0


@pytest.mark.parametrize("ty", TYPES)
def test_linarith_is_sound(ty):
    tally = Tally()

    @SETTINGS
    @given(st.lists(comparisons(ty, 2, linear=True), max_size=3), comparisons(ty, 2, linear=True), st.integers(0, 9))
    def run(hyps, goal, seed):
        if linarith(hyps, goal):
            tally.proved += 1
            assert counterexample(hyps, goal, ty, seed) is None, (hyps, goal)

    run()
    assert tally.proved > 0


@pytest.mark.parametrize("ty", TYPES)
def test_nlinarith_is_sound(ty):
    tally = Tally()

    @settings(SETTINGS, max_examples=40)
    @given(st.lists(comparisons(ty, 1), max_size=2), comparisons(ty, 2), st.integers(0, 9))
    def run(hyps, goal, seed):
        if nlinarith(hyps, goal):
            tally.proved += 1
            assert counterexample(hyps, goal, ty, seed) is None, (hyps, goal)

    run()
    assert tally.proved > 0


@pytest.mark.parametrize("ty", ["ℕ", "ℤ"])
def test_omega_is_sound(ty):
    tally = Tally()

    @SETTINGS
    @given(st.lists(props(ty, 1, linear=True), max_size=3), props(ty, 2, linear=True), st.integers(0, 9))
    def run(hyps, goal, seed):
        if omega(hyps, goal):
            tally.proved += 1
            assert counterexample(hyps, goal, ty, seed) is None, (hyps, goal)

    run()
    assert tally.proved > 0


@pytest.mark.parametrize("ty", TYPES)
def test_positivity_is_sound(ty):
    tally = Tally()
    zero = lit(0, ty)

    @SETTINGS
    @given(terms(ty, 3), st.sampled_from(["<", "≤", "≠"]), st.lists(comparisons(ty, 0), max_size=2), st.integers(0, 9))
    def run(e, rel, hyps, seed):
        goal = Cmp(rel, e, zero) if rel == "≠" else Cmp(rel, zero, e)
        if positivity(goal, hyps):
            tally.proved += 1
            assert counterexample(hyps, goal, ty, seed) is None, (hyps, goal)

    run()
    assert tally.proved > 0


@pytest.mark.parametrize("ty", TYPES)
def test_ring_normal_form_and_simp_arith_preserve_values(ty):
    @SETTINGS
    @given(terms(ty, 3), terms(ty, 2), st.integers(0, 9))
    def run(t, u, seed):
        rng = random.Random(seed)
        try:
            normal = ring_normalize(t)
        except Unsupported:
            normal = None
        simplified = simp_arith(t)
        same = ring_equal(t, u)
        for _ in range(30):
            env = sample_env(rng, ty)
            value = evaluate(t, env)
            if normal is not None:
                assert evaluate(normal, env) == value, (t, normal, env)
            assert evaluate(simplified, env) == value, (t, simplified, env)
            if same:
                assert evaluate(u, env) == value, (t, u, env)

    run()


@pytest.mark.parametrize("ty", TYPES)
def test_norm_num_and_decide_preserve_truth(ty):
    tally = Tally()

    @SETTINGS
    @given(props(ty, 2), st.lists(comparisons(ty, 1), max_size=2), st.integers(0, 9))
    def run(p, hyps, seed):
        result = norm_num(p, hyps)
        if result == BoolConst(True):
            tally.proved += 1
        rng = random.Random(seed)
        for _ in range(60):
            env = sample_env(rng, ty)
            if all(holds(h, env) for h in hyps):
                assert holds(result, env) == holds(p, env), (p, hyps, result, env)
        verdict = decide(p)
        if verdict is not None:
            assert verdict == holds(p, sample_env(rng, ty))

    run()
    assert tally.proved > 0


def test_closed_predicates_through_norm_num_and_decide():
    n = "ℕ"
    assert norm_num(Pred("Nat.Prime", lit(7919, n))) == BoolConst(True)
    assert norm_num(Pred("Nat.Prime", lit(7917, n))) == BoolConst(False)
    assert norm_num(Dvd(lit(7, n), lit(91, n))) == BoolConst(True)
    assert decide(Pred("Even", lit(10, n))) is True
    assert decide(Pred("Nat.Prime", lit(7, n))) is None
    assert decide(Cmp("<", lit(1, "ℝ"), lit(2, "ℝ"))) is None


@pytest.mark.parametrize("ty", ["ℤ", "ℝ"])
def test_norm_num_function_rules_are_sound(ty):
    """``norm_num [h]`` with ``h : ∀ x, f x = e`` must agree with the function ``e`` defines."""
    from leangym.minilean.arith.ir import Fn, Quant

    tally = Tally()

    @SETTINGS
    @given(terms(ty, 2), terms(ty, 1), st.sampled_from(["=", "≤", "<"]), terms(ty, 1), st.integers(0, 9))
    def run(body, arg, rel, other, seed):
        bound = Atom("x", ty)
        body_b = _rename(body, "x", "x⁺0")
        rule = Quant("∀", "x⁺0", ty, Cmp("=", Fn("f", (Atom("x⁺0", ty),), ty), body_b))
        goal = Cmp(rel, Fn("f", (arg,), ty), other)
        result = norm_num(goal, [rule])
        if result == BoolConst(True):
            tally.proved += 1
        rng = random.Random(seed)
        for _ in range(20):
            env = sample_env(rng, ty)
            fns = {"f": lambda v, env=env: evaluate(body, {**env, bound.name: v})}
            assert holds(result, env, fns) == holds(goal, env, fns), (body, goal, result)

    run()
    assert tally.proved > 0


def _rename(t, old, new):
    from leangym.minilean.arith.normnum import substitute

    return substitute(t, old, Atom(new, t.ty))
