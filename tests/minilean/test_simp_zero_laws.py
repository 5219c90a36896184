"""Mathlib's default simp set's zero laws (``nonpos_iff_eq_zero`` on ℕ, ``mul_eq_zero``/``zero_eq_mul``,
``tsub_eq_zero_iff_le`` on ℕ): positive cases as published proofs use them, and false twins (the same
laws at a type where they fail, or read the wrong way) that must be refused."""

from __future__ import annotations

import pytest

from .helpers import check, errors

H = "import Mathlib\n"


def proves(src: str) -> bool:
    r = check(H + src)
    return not r.get("messages") and not r.get("sorries")


def goal_after(src: str) -> str:
    r = check(H + src + "\n  done")
    return errors(r)[0]


@pytest.mark.parametrize("src", [
    # ℕ: `(a - b) * (a - 2b) ≤ 0` ↦ `a - b = 0 ∨ a - 2b = 0` ↦ `a ≤ b ∨ a ≤ 2b`, closed by the hypothesis
    "theorem t (a b : ℕ) (h : a ≤ 2 * b) : (a - b) * (a - 2 * b) ≤ 0 := by\n  simp_all",
    "theorem t (a b : ℕ) : (a - b) * (a - 2 * b) ≤ 0 ↔ a ≤ b ∨ a ≤ 2 * b := by\n  simp",
    "theorem t (a b : ℕ) : a * b ≤ 0 ↔ a = 0 ∨ b = 0 := by\n  simp",
    "theorem t (a b : ℕ) : a - b = 0 ↔ a ≤ b := by\n  simp",
    "theorem t (x y : ℝ) (h : x = 0) : x * y = 0 := by\n  simp [h]",
    "theorem t (x y : ℤ) (h : y = 0) : 0 = x * y := by\n  simp [h]",
    "theorem t (x y : ℤ) (hx : x ≠ 0) (hy : y ≠ 0) : x * y ≠ 0 := by\n  simp [hx, hy]",
])
def test_zero_laws_prove(src):
    assert proves(src)


def test_mul_eq_zero_splits_a_hypothesis():
    msg = goal_after("theorem t (x y : ℝ) (h : x * y = 0) : x = 0 ∨ y = 0 := by\n  simp at h")
    assert "h : x = 0 ∨ y = 0" in msg


@pytest.mark.parametrize("src", [
    # in ℤ `a ≤ 0` is not `a = 0`, and `(a - b)(a - 2b) ≤ 0` fails at a = -10, b = 0
    "theorem t (a b : ℤ) (h : a ≤ 2 * b) : (a - b) * (a - 2 * b) ≤ 0 := by\n  simp_all",
    "theorem t (a : ℤ) (h : a ≤ 0) : a = 0 := by\n  simp_all",
    "theorem t (a : ℝ) (h : a ≤ 0) : a = 0 := by\n  simp at h\n  exact h",
    # in a ring `a - b = 0` is `a = b`, not `a ≤ b`
    "theorem t (a b : ℤ) (h : a ≤ b) : a - b = 0 := by\n  simp [h]",
    # ℕ: `a - b = 0` is `a ≤ b`, not `a = b`; a product's zero is one factor's, not both
    "theorem t (a b : ℕ) (h : a - b = 0) : a = b := by\n  simp at h\n  exact h",
    "theorem t (x y : ℝ) (h : x * y = 0) : x = 0 := by\n  simp at h\n  exact h",
    "theorem t (x y : ℝ) (h : x * y = 0) : x = 0 ∧ y = 0 := by\n  simp_all",
    "theorem t (a b : ℕ) (h : a * b ≤ 0) : a = 0 := by\n  simp at h\n  exact h",
    # `simp only` has no default set
    "theorem t (a b : ℕ) : a - b = 0 ↔ a ≤ b := by\n  simp only []",
])
def test_zero_laws_refuse_false_twins(src):
    assert not proves(src)


def test_mul_ne_zero_reads_as_a_conjunction():
    msg = goal_after("theorem t (x y : ℝ) : x * y ≠ 0 := by\n  simp")
    assert "⊢ x ≠ 0 ∧ y ≠ 0" in msg
