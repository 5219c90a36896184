"""Lean's offset unification on ℕ (``isDefEqOffsetNat``) in ``rw``/``simp`` with a hypothesis: the pattern
``u (n + 1)`` matches ``u (k + 3)`` (``n := k + 2``) and ``u 5`` (``n := 4``). False twins (an offset
below the pattern's, the wrong instance's value, other types) must be refused."""

from __future__ import annotations

import pytest

from .helpers import check

H = "import Mathlib\n"


def proves(src: str) -> bool:
    r = check(H + src)
    return not r.get("messages") and not r.get("sorries")


REC = "theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = u n + 2) (k : ℕ) "


@pytest.mark.parametrize("src", [
    REC + ": u (k + 3) = u (k + 2) + 2 := by\n  rw [h]",
    REC + ": u (k + 3) = u (k + 2) + 2 := by\n  simp [h]",
    REC + "(h₀ : u 0 = 1) : u 3 = 7 := by\n  simp [h, h₀]",
    REC + ": u 5 = u 4 + 2 := by\n  rw [h]",
    "theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = n) (k : ℕ) : u (k + 3) = k + 2 := by\n  rw [h]",
])
def test_offset_instances_rewrite(src):
    assert proves(src)


@pytest.mark.parametrize("src", [
    # `u 0` is no instance of `u (n + 1)`
    "theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = 0) : u 0 = 0 := by\n  rw [h]",
    "theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = 0) : u 0 = 0 := by\n  simp [h]",
    "theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 2) = 0) (k : ℕ) : u (k + 1) = 0 := by\n  simp [h]",
    "theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 2) = 0) : u 1 = 0 := by\n  rw [h]",
    # the instance is `n := k + 2`, so the value is `k + 2`, not `k + 3`
    "theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = n) (k : ℕ) : u (k + 3) = k + 3 := by\n  rw [h]",
    "theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = n) : u 5 = 5 := by\n  simp [h]",
    # `k` alone is not an offset term
    "theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = 0) (k : ℕ) : u k = 0 := by\n  simp [h]",
    # Lean unifies offsets on ℕ only
    "theorem t (u : ℤ → ℤ) (h : ∀ n, u (n + 1) = 0) : u 5 = 0 := by\n  rw [h]",
])
def test_offset_false_twins_refused(src):
    assert not proves(src)
