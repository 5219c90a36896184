"""``suffices … by …``/``from``, and ``(· op e)`` anonymous functions (as ``congrArg``'s function)."""

from __future__ import annotations

import pytest

from .helpers import check

H = "import Mathlib\n"


def proves(src: str) -> bool:
    r = check(H + src)
    return not r.get("messages") and not r.get("sorries")


@pytest.mark.parametrize("src, ok", [
    ("theorem t (x : ℝ) : x ^ 2 - 14 * x + 49 ≥ 0 := by\n  suffices (x - 7) ^ 2 ≥ 0 by linarith\n  positivity", True),
    # (x - 7) ^ 2 ≥ 0 does not give x ^ 2 - 14 * x + 50 ≥ 2 (false at x = 7)
    ("theorem t (x : ℝ) : x ^ 2 - 14 * x + 50 ≥ 2 := by\n  suffices (x - 7) ^ 2 ≥ 0 by linarith\n  positivity", False),
    ("theorem t (x : ℝ) : x ^ 2 - 14 * x + 49 ≥ 0 := by\n  suffices h : (x - 7) ^ 2 ≥ 0 by nlinarith [h]\n  positivity", True),
    ("theorem t (p q : Prop) (hp : p) (f : p → q) : q := by\n  suffices h : p from f h\n  exact hp", True),
    ("theorem t (p q : Prop) (hp : p) (f : p → q) : q := by\n  suffices h : p\n  · exact f h\n  · exact hp", True),
    # the `by` block must prove the original goal, and what is left is the supposed statement
    ("theorem t (p q : Prop) (hq : q) : p := by\n  suffices h : q by exact hq\n  exact hq", False),
    ("theorem t (p q : Prop) (hp : p) : q := by\n  suffices h : p by exact h\n  exact hp", False),
])
def test_suffices(src, ok):
    assert proves(src) is ok


@pytest.mark.parametrize("src, ok", [
    ("theorem t (x y : ℕ) (h : x = y) : x % 10 = y % 10 := by\n  exact congrArg (· % 10) h", True),
    ("theorem t (x y : ℕ) (h : x = y + 3) : x % 10 = (y + 3) % 10 := by\n  have := congr_arg (· % 10) h\n  exact this", True),
    # `(y + 3) % 10` is not `y % 10 + 3` (y = 7)
    ("theorem t (x y : ℕ) (h : x = y + 3) : x % 10 = y % 10 + 3 := by\n  have := congr_arg (· % 10) h\n  omega", False),
    ("theorem t (x y : ℝ) (h : x = y) : x - 4 = y - 4 := by\n  have h₂ := congr_arg (fun z => z - 4) h\n  exact h₂", True),
    ("theorem t (x y : ℤ) (h : x = y) : x - 4 = y - 5 := by\n  have h₂ := congr_arg (· - 4) h\n  linarith", False),
    # the function's binder type must be the equation's
    ("theorem t (x y : ℕ) (h : x = y) : x = y := by\n  have h₂ := congr_arg (fun (z : ℤ) => z % 10) h\n  exact h", False),
    # `·` outside `(· …)` is still the focusing dot, not a term
    ("theorem t (x : ℕ) : x = x := by\n  exact congrArg · rfl", False),
])
def test_cdot_functions(src, ok):
    assert proves(src) is ok


@pytest.mark.parametrize("src, ok", [
    ("theorem t (x y : ℕ) (h₀ : x = 3) (h₁ : y = x + 1) : y = 4 := by\n  subst_vars\n  rfl", True),
    ("theorem t (x y : ℕ) (h₀ : x = 3) (h₁ : y = x + 1) : y = 5 := by\n  subst_vars\n  rfl", False),
    # nothing to substitute: subst_vars succeeds and changes nothing
    ("theorem t (x : ℕ) (h : x + 1 = 3) : x = 2 := by\n  subst_vars\n  omega", True),
])
def test_subst_vars(src, ok):
    assert proves(src) is ok
