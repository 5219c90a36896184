"""Mechanisms behind refusals of Lean-accepted miniF2F proofs: ``rw`` with a hypothesis whose premises
sit between its ``∀``s, ``ring_nf`` at locations already in normal form, ``norm_num`` on ``q.num`` and
``q.den`` of rationals, and the cancellation lemmas. Each positive case has false neighbours that must
be refused.
"""

from __future__ import annotations

import pytest

from tests.minilean.helpers import check, errors

HEADER = "import Mathlib\nopen BigOperators Real Nat Topology Rat\n"


def accepted(src: str) -> bool:
    r = check(HEADER + src)
    return not errors(r) and not r.get("sorries")


# -- rw with premises ---------------------------------------------------------------------------

RW_HYP = "(s : ℝ → ℝ → ℝ) (h : ∀ (x) (_ : x ≠ 0), ∀ (y) (_ : y ≠ 0), s x y = x / y)"


def test_rw_opens_premises_between_binders_and_leaves_them_as_goals():
    assert accepted(f"theorem t {RW_HYP} : s 3 6 = 1 / 2 := by\n  rw [h]\n  all_goals norm_num")
    # the premises come after the main goal, as in Lean
    assert accepted(f"theorem t {RW_HYP} : s 3 6 = 1 / 2 := by\n  rw [h]\n  · norm_num\n  · norm_num\n  · norm_num")
    # `P → l = r` without binders: the premise is a goal too
    assert accepted("theorem t (f : ℝ → ℝ) (a : ℝ) (ha : 0 < a) (h : 0 < a → f a = 2) : f a + 1 = 3 := by\n"
                    "  rw [h]\n  · norm_num\n  · exact ha")


@pytest.mark.parametrize("proof", ["rw [h]\n  all_goals norm_num", "rw [h] <;> simp", "rw [h] <;> linarith",
                                   "rw [h]\n  all_goals positivity"])
def test_rw_premises_must_be_proved(proof):
    # `s 0 5 = 0 / 5 = 0` is not given by `h` (its premise `0 ≠ 0` is false): the statement is unprovable
    assert not accepted(f"theorem t {RW_HYP} : s 0 5 = 0 := by\n  {proof}")
    assert not accepted("theorem t (f : ℝ → ℝ) (h : ∀ x, 0 < x → f x = x) : f (-1) = -1 := by\n"
                        f"  {proof}")


def test_rw_refuses_a_premise_its_pattern_does_not_fix():
    r = check(HEADER + "theorem t (f : ℝ → ℝ) (h : ∀ x y : ℝ, y ≠ 0 → f x = 1) : f 2 = 1 := by\n  rw [h]")
    assert errors(r)


# -- ring_nf --------------------------------------------------------------------------------------

def test_ring_nf_at_normal_forms_is_not_a_failure():
    assert accepted("theorem t (x y : ℝ) (h₀ : x + y = 25) (h₁ : x - y = 11) : x = 18 := by\n"
                    "  ring_nf at h₀ h₁ ⊢\n  linarith")
    assert accepted("theorem t (x : ℝ) (h : 2 * x = 4) : x = 2 := by\n  ring_nf\n  linarith")


def test_ring_nf_still_fails_where_lean_has_nothing_to_rebuild():
    for src in ("theorem t (x y : ℝ) (h : x = y) : y = x := by\n  ring_nf at h\n  linarith",
                "theorem t (a b c : ℕ) (h : a - b = c) : a ≤ b + c := by\n  ring_nf at h\n  omega",
                "theorem t (p : ℕ) (h : Nat.Prime p) : Nat.Prime p := by\n  ring_nf at h\n  exact h"):
        r = check(HEADER + src)
        assert any("ring_nf failed" in m for m in errors(r)), r


@pytest.mark.parametrize("statement", [
    "(x y : ℝ) (h₀ : x + y = 25) (h₁ : x - y = 11) : x = 19",
    "(x : ℝ) (h : 2 * x = 4) : x = 3",
    "(n : ℕ) (h : n + 0 = 3) : n = 4",
])
def test_ring_nf_proves_nothing_new(statement):
    for proof in ("ring_nf at *\n  linarith", "ring_nf\n  ring_nf\n  linarith", "ring_nf at h ⊢ <;> simp",
                  "ring"):
        assert not accepted(f"theorem t {statement} := by\n  {proof}")


# -- Rat.num / Rat.den ----------------------------------------------------------------------------

@pytest.mark.parametrize("true, false", [
    ("(13 / 15 : ℚ).num = 13", "(13 / 15 : ℚ).num = 15"),
    ("(6 / 8 : ℚ).num = 3", "(6 / 8 : ℚ).num = 6"),
    ("(6 / 8 : ℚ).den = 4", "(6 / 8 : ℚ).den = 8"),
    ("(-6 / 8 : ℚ).num = -3", "(-6 / 8 : ℚ).num = 3"),
    ("(5 : ℚ).den = 1", "(5 : ℚ).den = 5"),
    ("↑(13 / 15 : ℚ).den + (13 / 15 : ℚ).num = 28", "↑(13 / 15 : ℚ).den + (13 / 15 : ℚ).num = 29"),
])
def test_norm_num_evaluates_num_and_den_of_rationals(true, false):
    assert accepted(f"theorem t : {true} := by norm_num")
    assert not accepted(f"theorem t : {false} := by norm_num")


def test_num_and_den_of_a_variable_stay_opaque():
    assert accepted("theorem t (d : ℚ) (h : d = 13 / 15) : ↑d.den + d.num = 28 := by\n  rw [h]\n  norm_num")
    for proof in ("norm_num", "linarith", "simp", "omega", "positivity"):
        assert not accepted(f"theorem t (d : ℚ) : d.num = 1 := by {proof}")
        assert not accepted(f"theorem t (d : ℚ) (h : 0 < d) : d.den = 1 := by {proof}")


# -- cancellation lemmas --------------------------------------------------------------------------

def test_cancellation_lemmas_with_their_premises():
    assert accepted("theorem t (a c : ℝ) (h : a * 2 = c * 2) : a = c := mul_right_cancel₀ (by norm_num) h")
    assert accepted("theorem t (a b : ℝ) (ha : a ≠ 0) (h : a * b = a * 3) : b = 3 := mul_left_cancel₀ ha h")
    assert accepted("theorem t (x y : ℝ) (h : x < y) : 0 < (y - x) ^ 2 := sq_pos_of_ne_zero (sub_ne_zero.mpr h.ne')")
    assert accepted("theorem t (x y : ℝ) (h₄ : x < y) (h : (y - x) * (y - x) = 1 * (y - x)) : y - x = 1 := by\n"
                    "  apply mul_right_cancel₀ (sub_ne_zero.mpr h₄.ne')\n  linarith")


@pytest.mark.parametrize("src", [
    "theorem t (a c : ℝ) (h : a * 0 = c * 0) : a = c := mul_right_cancel₀ (by norm_num) h",
    "theorem t (a b : ℝ) (h : 0 * b = 0 * 3) : b = 3 := mul_left_cancel₀ (by norm_num) h",
    "theorem t (x : ℝ) : 0 < x ^ 2 := sq_pos_of_ne_zero (by norm_num)",
    "theorem t (x : ℝ) : 0 < x ^ 2 := by nlinarith [sq_pos_of_ne_zero (show x ≠ 0 by norm_num)]",
    "theorem t (a c : ℝ) : a = c := by\n  apply mul_right_cancel₀ (show (0 : ℝ) ≠ 0 by norm_num)\n  simp",
])
def test_cancellation_lemmas_need_nonzero_factors(src):
    assert not accepted(src)


def test_ring_nf_on_its_own_output_fails():
    r = check(HEADER + "theorem t (a d : ℝ) (h₀ : a + 6 * d = 30) (h₁ : a + 10 * d = 60) : d = 7.5 := by\n"
              "  ring_nf at h₀ h₁ ⊢\n  ring_nf at h₀ h₁ ⊢\n  linarith")
    assert any("ring_nf failed" in m for m in errors(r)), r
