"""simp, norm_num and ring_nf below function applications; simp's conditional library lemmas (issue 13).

Mathlib's simp rewrites the arguments of opaque functions (`f (x + -x)` becomes `f 0`), norm_num folds
numerals there, ring_nf normalises them; a library lemma with a premise not given (`abs_of_nonneg : 0 ≤ a →
|a| = a`) rewrites only where simp's discharger proves the premise. Each mechanism is checked on true
statements and attacked with false ones and with steps Lean's tactics would not take.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest

from leangym.minilean import bridge
from leangym.minilean.arith.semantics import evaluate
from leangym.minilean.core.terms import INT, NAT, RAT, REAL, Bin, FVar, Num, Un
from leangym.minilean.tactics.simpterms import LITERAL_FOLDING, SPECIAL_VALUES, simp_term
from tests.minilean.helpers import Session, check, errors, proves

F = "theorem t (f : ℝ → ℝ) (x y : ℝ)"


# -- simp / norm_num below function applications ------------------------------------------------------------


@pytest.mark.parametrize("script", ["simp at h\n  linarith", "norm_num at h\n  linarith", "simp_all"])
def test_simp_rewrites_inside_a_function_variable(script):
    assert proves(f"{F} (h : f (x + -x) ≤ 3) : f 0 ≤ 3 := by\n  {script}")
    assert proves(f"{F} (h : f (-x + x) ≤ f x + f (-x)) (h' : f (x + 0) ≤ 2) : f 0 ≤ f x + f (-x) := by\n  {script}")


def test_simp_cancellations_inside_arguments_give_linarith_its_atoms():
    src = (f"{F} (h₁ : f (0 - f 0) = 1 - 0 - 0) (h₂ : f (f 0 - f 0) = 1 - f 0 - 0)"
           " (h₃ : f (f x - f x) = 1 - f x - x) : f x = 1 / 2 - x := by\n  simp at h₁ h₂ h₃\n  linarith")
    assert proves(src)


def test_simp_rewrites_inside_mathlib_functions():
    assert proves("theorem t (x : ℝ) (h : Real.cos (x - 0) + Real.sin (0 + x) = 1) :"
                  " Real.cos x + Real.sin x = 1 := by\n  simp at h\n  linarith")


def test_norm_num_folds_numerals_in_arguments_and_simp_folds_nat_literals():
    assert proves(f"{F} (h : Real.cos (2 + 3) = 1) : Real.cos 5 = 1 := by\n  norm_num at h\n  linarith")
    r = Session(f"{F} (h : Real.cos (2 + 3) = 1) : Real.cos 5 = 1").run("simp at h")
    assert "simp made no progress" in str(r), r  # Lean's simp folds no ℝ numerals
    assert proves("theorem t (f : ℕ → ℝ) (h : f (2 + 3) = 1) : f 5 = 1 := by\n  simp at h\n  linarith")


@pytest.mark.parametrize("tactic", ["simp", "norm_num", "simp_all", "simp at *", "norm_num at *"])
@pytest.mark.parametrize("statement", [
    "(f : ℝ → ℝ) (x y : ℝ) : f (x + y) = f (y + x)",  # simp has no commutativity: Lean leaves it
    "(f : ℕ → ℕ) (n : ℕ) : f (n - 1 + 1) = f n",  # false at n = 0: ℕ subtraction truncates
    "(f : ℕ → ℕ) (n m : ℕ) : f (n - m + m) = f n",  # false at n < m
    "(f : ℤ → ℤ) : f (0 - 3) = f 0",  # false: f (-3) and f 0 are unrelated
    "(f : ℕ → ℕ) (n : ℕ) : f (0 - n) = f (n - n + 1)",  # false: f 0 vs f 1
    "(f : ℝ → ℝ) (x : ℝ) : f (x - -x) = f 0",  # false: f (x + x)
    "(x : ℝ) : Real.cos (x + -x + 1) = Real.cos 0",  # false: cos 1 ≠ cos 0
])
def test_simp_below_functions_refuses_false_or_unreached_goals(statement, tactic):
    assert not Session(f"theorem t {statement}").closes(tactic)


def test_nat_zero_sub_is_zero_inside_arguments():
    assert proves("theorem t (f : ℕ → ℕ) (n : ℕ) (h : f (0 - n) = 4) : f 0 = 4 := by\n  simp at h\n  exact h")


# -- ring_nf below function applications ---------------------------------------------------------------------


@pytest.mark.parametrize("tactic", ["ring_nf", "ring"])
def test_ring_nf_normalises_arguments_of_atoms(tactic):
    # `ring` gets there through `ring_nf` (with Lean's "Try this: ring_nf" info)
    for src in ["theorem t (x y : ℝ) : Real.cos x = Real.cos ((x + y) / 2 + (x - y) / 2)",
                f"{F} : f (x + y) * 2 = f (y + x) + f (x + y)"]:
        r = check(f"{src} := by\n  {tactic}")
        assert not errors(r) and not r.get("sorries"), r


@pytest.mark.parametrize("statement", [
    "(f : ℕ → ℕ) (n : ℕ) : f (n - 1 + 1) = f n",
    "(x : ℝ) : √(x ^ 2) = x",
    "(x y : ℝ) : Real.cos (x + y) = Real.cos x + Real.cos y",
    "(f : ℤ → ℤ) (n : ℤ) : f (n / 2 * 2) = f n",
])
@pytest.mark.parametrize("tactic", ["ring_nf", "ring"])
def test_ring_nf_below_functions_refuses_false_goals(statement, tactic):
    assert not Session(f"theorem t {statement}").closes(tactic)


# -- conditional library lemmas in simp ----------------------------------------------------------------------


def test_conditional_lemma_rewrites_where_a_hypothesis_proves_its_premise():
    src = ("theorem t (x y : ℝ) : x ^ 2 - x * y + y ^ 2 ≥ |x * y| := by\n"
           "  cases' le_total 0 (x * y) with h h <;>\n"
           "  simp_all only [abs_of_nonneg, abs_of_nonpos] <;>\n"
           "  nlinarith [sq_nonneg (x - y), sq_nonneg (x + y)]")
    assert proves(src)
    assert proves("theorem t (x : ℝ) (h : 0 ≤ x) (h2 : x ≤ 3) : |x| ≤ 3 := by\n  simp only [abs_of_nonneg]\n  linarith")
    assert proves("theorem t (x : ℝ) (h : x ≥ 0) (h2 : x ≤ 3) : |x| ≤ 3 := by\n  simp [abs_of_nonneg]\n  linarith")
    # the premise simplified by the other lemmas given, as Lean's discharger does: `0 ≤ x - 1` is `1 ≤ x`
    assert proves("theorem t (x : ℝ) (h : 1 ≤ x) : |x - 1| + 1 = x := by\n  simp only [abs_of_nonneg, sub_nonneg]\n"
                  "  ring")


@pytest.mark.parametrize(("statement", "tactic"), [
    ("(x : ℝ) : |x| = x", "simp [abs_of_nonneg]"),
    ("(x : ℝ) : |x| = x", "simp_all only [abs_of_nonneg]"),
    ("(x : ℝ) (h : x ≤ 0) : |x| = x", "simp_all only [abs_of_nonneg]"),
    ("(x : ℝ) (h : 0 ≤ x) : |x| = -x", "simp_all [abs_of_nonpos]"),
    ("(x : ℝ) (h : 0 ≤ x + 1) : |x| = x", "simp_all only [abs_of_nonneg, sub_nonneg]"),
    ("(x : ℝ) (h : 0 < x + 1) : |x| = x", "simp [abs_of_pos]"),
    ("(x : ℝ) (h : x < 1) : |x| = -x", "simp_all [abs_of_neg]"),
    ("(x : ℤ) (h : 0 ≤ x → False) : |x| = x", "simp_all [abs_of_nonneg]"),
])
def test_conditional_lemma_refused_where_its_premise_is_not_proved(statement, tactic):
    assert not Session(f"theorem t {statement}").closes(tactic)


def test_a_group_lemma_that_no_fragment_type_instantiates_is_unused():
    # `mul_div_cancel_left` is Mathlib's multiplicative-group lemma (ℝ is no group under `*`)
    assert not Session("theorem t (a b : ℝ) (h : a ≠ 0) : a * b / a = b").closes("rw [mul_div_cancel_left]")
    assert not Session("theorem t (a b : ℝ) (h : a ≠ 0) : a * b / a = b").closes("simp only [mul_div_cancel_left]")
    assert proves("theorem t (a : ℝ) : a * 1 = a := by\n  simp only [mul_one, mul_div_cancel_left]")


# -- trigonometric lemmas as rewrite rules --------------------------------------------------------------------


def test_trig_lemmas_rewrite_under_open_real():
    assert proves("open Real\ntheorem t (x : ℝ) : cos (x - π / 3) = cos x * (1 / 2) + sin x * (√3 / 2) := by\n"
                  "  simp only [cos_sub, cos_pi_div_three, sin_pi_div_three]")
    assert proves("theorem t (x y z : ℝ) : Real.sin (x + y) * Real.sin (y + z) ="
                  " Real.sin y * Real.sin (x + y + z) + Real.sin z * Real.sin x := by\n"
                  "  simp only [Real.sin_add, Real.cos_add]\n  ring_nf\n  simp only [Real.sin_sq, Real.cos_sq]\n  ring")


@pytest.mark.parametrize(("statement", "tactic"), [
    ("(x : ℝ) : Real.cos (x - π / 3) = Real.cos x * (1 / 2) - Real.sin x * (√3 / 2)",
     "simp only [Real.cos_sub, Real.cos_pi_div_three, Real.sin_pi_div_three]"),
    ("(x : ℝ) : Real.sin x ^ 2 = 1 + Real.cos x ^ 2", "simp only [Real.sin_sq]"),
    ("(x : ℝ) : Real.cos (2 * x) = 2 * Real.cos x - 1", "rw [Real.cos_two_mul]"),
    ("(x : ℝ) : Real.sin (-x) = Real.sin x", "simp [Real.sin_neg]"),
    (": Real.cos (π / 3) = Real.sin (π / 3)", "simp [Real.cos_pi_div_three, Real.sin_pi_div_three]"),
])
def test_trig_lemmas_refuse_false_identities(statement, tactic):
    assert not Session(f"theorem t {statement}").closes(tactic)


# -- simp_term preserves values ----------------------------------------------------------------------------------


def _random_term(rng: random.Random, ty, xs: list, depth: int):
    if depth == 0 or rng.random() < 0.25:
        if rng.random() < 0.5:
            return rng.choice(xs)
        return Num(Fraction(rng.choice([0, 0, 1, 2, 3])), ty)
    if ty != NAT and rng.random() < 0.25:
        return Un(rng.choice(["-", "-", "abs"]), _random_term(rng, ty, xs, depth - 1), ty)
    a = _random_term(rng, ty, xs, depth - 1)
    kind = rng.random()
    if kind < 0.3:  # shapes the cancellation laws look for
        b = rng.choice([a, Un("-", a, ty) if ty != NAT else a, Num(Fraction(0), ty)])
        return Bin(rng.choice(["+", "-"]), a, b, ty) if rng.random() < 0.5 else Bin(rng.choice(["+", "-"]), b, a, ty)
    if kind < 0.45:
        c = _random_term(rng, ty, xs, depth - 1)
        return Bin("-", Bin(rng.choice(["+", "-"]), a, c, ty), rng.choice([a, c]), ty)
    b = _random_term(rng, ty, xs, depth - 1)
    return Bin(rng.choice(["+", "-", "*", "/"] if ty in (RAT, REAL) else ["+", "-", "*"]), a, b, ty)


@pytest.mark.parametrize("ty", [NAT, INT, RAT, REAL])
@pytest.mark.parametrize("mode", ["norm_num", "simp", "only"])
def test_simp_term_preserves_values(ty, mode):
    rng = random.Random(f"{ty}{mode}")
    xs = [FVar(-1000 - i) for i in range(2)]
    tr = bridge.Translator({x.id: f"x{i}" for i, x in enumerate(xs)}, {x.id: ty for x in xs})
    changed = 0
    for _ in range(400):
        e = _random_term(rng, ty, xs, 4)
        new = simp_term(e, LITERAL_FOLDING["simp" if mode == "only" else mode], laws=mode != "only")
        changed += new != e
        for _ in range(4):
            env = {f"x{i}": Fraction(rng.randint(0, 6)) if ty == NAT else Fraction(rng.randint(-6, 6), rng.choice(
                [1] if ty == INT else [1, 2, 3])) for i in range(2)}
            assert evaluate(tr.term(new), env) == evaluate(tr.term(e), env), (e, new, env)
    assert changed or mode == "only" and ty in (RAT, REAL)  # `simp only` folds no ℚ/ℝ numerals


# -- the real functions' default simp lemmas ---------------------------------------------------------------------


def test_real_function_special_values_and_parity_under_simp():
    assert proves("theorem t (x : ℝ) (h : Real.cos (x - x) + Real.sin (-x) = 3) : 1 - Real.sin x = 3 := by\n"
                  "  simp at h\n  linarith")
    assert proves("theorem t (x : ℝ) (h : Real.cos π + Real.sqrt 1 + Real.exp 0 = x) : x = 1 := by\n"
                  "  norm_num at h\n  linarith")
    assert proves("theorem t (x : ℝ) : Real.cos (-x) = Real.cos x := by\n  simp")
    assert not Session("theorem t (x : ℝ) : Real.cos (1 - 1) = 1").closes("simp only")  # no simp set there


@pytest.mark.parametrize("statement", [
    "(x : ℝ) : Real.sin (-x) = Real.sin x", "(x : ℝ) : Real.cos (-x) = -Real.cos x", ": Real.log 0 = 1",
    ": Real.cos π = 1", ": Real.sqrt 1 = 0", "(x : ℝ) : Real.exp (x - x) = 0",
])
@pytest.mark.parametrize("tactic", ["simp", "norm_num", "simp_all"])
def test_real_function_laws_refuse_false_statements(statement, tactic):
    assert not Session(f"theorem t {statement}").closes(tactic)


def test_special_values_are_mathlibs():
    fns = {"Real.sin": math.sin, "Real.cos": math.cos, "Real.exp": math.exp, "Real.sqrt": math.sqrt,
           "Real.log": lambda v: 0.0 if v == 0 else math.log(v)}  # Mathlib's `Real.log 0 = 0`
    for (name, arg), value in SPECIAL_VALUES.items():
        assert math.isclose(fns[name](math.pi if arg == "π" else float(arg)), value, abs_tol=1e-12), name
