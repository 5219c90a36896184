"""``simpa``, ``contrapose``/``contrapose!``, ``push_cast``, ``norm_cast``, ``exact_mod_cast``: each
accepts what Lean's does on small cases and refuses the false twins (ℕ subtraction under a cast,
a wrong numeral, a hypothesis that does not match)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from leangym.minilean.arith import ir
from leangym.minilean.arith.casts import norm_cast, push_cast
from leangym.minilean.arith.semantics import holds

from .helpers import check, errors

H = "import Mathlib\n"


def proves(src: str) -> bool:
    r = check(H + src)
    return not r.get("messages") and not r.get("sorries")


@pytest.mark.parametrize("src, ok", [
    ("theorem t (x : ℕ) (h : x + 0 = 3) : x = 3 := by\n  simpa using h", True),
    ("theorem t (x : ℕ) (h : x + 0 = 3) : x = 4 := by\n  simpa using h", False),
    ("theorem t (x : ℕ) (h : x = 3) : x + 0 = 3 := by\n  simpa", True),
    ("theorem t (x : ℕ) (h : x = 3) : x + 0 = 4 := by\n  simpa", False),
    ("theorem t (x : ℕ) (h : x + 0 = 3) : x = 3 := by\n  have this := h\n  simpa", True),
    ("theorem t (x y : ℕ) (h₀ : x < 5) (h : y = x) : y < 5 := by\n  simpa [h] using h₀", True),
    ("theorem t (x y : ℕ) (h₀ : x < 5) (h : y = x + 1) : y < 5 := by\n  simpa [h] using h₀", False),
    ("theorem t (x : ℕ) (h : x = 3) : x = 3 := by\n  simpa at h", False),
])
def test_simpa(src, ok):
    assert proves(src) is ok


@pytest.mark.parametrize("src, ok", [
    ("theorem t (x y : ℝ) (h : x ≤ y) : ¬ (y < x) := by\n  contrapose! h\n  exact h", True),
    ("theorem t (x y : ℝ) (h : x < y) : y < x := by\n  contrapose! h\n  linarith", False),
    ("theorem t (x : ℕ) : x ≠ 3 → x + 1 ≠ 4 := by\n  contrapose!\n  intro h\n  omega", True),
    ("theorem t (x : ℕ) : x ≠ 3 → x + 2 ≠ 4 := by\n  contrapose!\n  intro h\n  omega", False),
    ("theorem t (p q : Prop) (hq : q) (h : p) : q := by\n  contrapose h\n  exact absurd hq h", True),
    ("theorem t (x : ℕ) (h : x = 1) : x = 1 := by\n  contrapose\n  exact h", False),
])
def test_contrapose(src, ok):
    assert proves(src) is ok


def test_contrapose_states_the_contrapositive():
    r = check(H + "theorem t (x : ℝ) (h : 0 < x) : x ≠ 0 := by\n  contrapose! h\n  done")
    assert errors(r)[0] == "unsolved goals\nx : ℝ\nh : x = 0\n⊢ x ≤ 0"


@pytest.mark.parametrize("src, ok", [
    ("theorem t (n : ℕ) (h : (n : ℝ) = 3) : n = 3 := by\n  exact_mod_cast h", True),
    ("theorem t (n : ℕ) (h : (n : ℝ) = 3) : n = 4 := by\n  exact_mod_cast h", False),
    ("theorem t (a b : ℕ) (h : a + 1 < b) : (a : ℝ) + 1 < b := by\n  exact_mod_cast h", True),
    # ℕ subtraction truncates: `a - 1 < b` in ℕ is not `↑a - 1 < ↑b` in ℝ
    ("theorem t (a b : ℕ) (h : a - 1 < b) : (a : ℝ) - 1 < b := by\n  exact_mod_cast h", False),
    ("theorem t (a b : ℕ) (h : (a : ℤ) - b = 2) : a - b = 2 := by\n  norm_cast at h", False),
    ("theorem t (a b : ℕ) : ((a + b : ℕ) : ℝ) = a + b := by\n  push_cast", True),
    ("theorem t (a b : ℕ) : ((a - b : ℕ) : ℝ) = a - b := by\n  push_cast\n  ring", False),
    ("theorem t (a b : ℕ) (h : (a : ℝ) * b = 6) (h2 : a = 2) : b = 3 := by\n  norm_cast at h\n  subst h2\n  omega", True),
    ("theorem t (x : ℤ) (h : 2 ≤ x) : (2 : ℝ) ≤ x := by\n  assumption_mod_cast", True),
    ("theorem t (x : ℤ) (h : 3 ≤ x) : (2 : ℝ) ≤ x := by\n  assumption_mod_cast", False),
    # ℤ division does not commute with the cast to ℝ
    ("theorem t (a : ℤ) (h : a / 2 = 1) : (a : ℝ) / 2 = 1 := by\n  exact_mod_cast h", False),
])
def test_casts(src, ok):
    assert proves(src) is ok


def test_cast_moves_preserve_truth_on_samples():
    a, b = ir.Atom("a", "ℕ"), ir.Atom("b", "ℕ")
    z = ir.Atom("z", "ℤ")
    R = "ℝ"

    def c(t):
        return ir.Cast(t, R)

    props = [
        ir.Cmp("=", c(ir.Op("+", (a, b), "ℕ")), ir.Op("+", (c(a), c(b)), R)),
        ir.Cmp("<", ir.Op("-", (c(a), ir.Num(Fraction(1), R)), R), c(b)),
        ir.Cmp("=", c(ir.Op("-", (a, b), "ℕ")), ir.Num(Fraction(2), R)),
        ir.Cmp("≤", ir.Op("*", (c(z), c(z)), R), ir.Num(Fraction(5, 2), R)),
        ir.Cmp("=", c(ir.Op("/", (z, ir.Num(Fraction(2), "ℤ")), "ℤ")), ir.Op("/", (c(z), ir.Num(Fraction(2), R)), R)),
        ir.Cmp("<", c(ir.Cast(a, "ℤ")), ir.Op("-", (c(z), ir.Num(Fraction(3), R)), R)),
    ]
    for p in props:
        for q in (push_cast(p), norm_cast(p)):
            for av in range(0, 5):
                for bv in range(0, 4):
                    for zv in range(-3, 4):
                        env = {"a": Fraction(av), "b": Fraction(bv), "z": Fraction(zv)}
                        assert holds(p, env) == holds(q, env), (p, q, env)


@pytest.mark.parametrize("src, ok", [
    ("theorem t (x : ℕ) (hx : x = 2 ^ 9 + 1) : x = 513 := by\n  rw [hx]\n  norm_num", True),
    # rw's closing `rfl` is reducible: it leaves `2 ^ 9 + 1 = 513` (and ℤ arithmetic) open, as Lean's does
    ("theorem t (x : ℕ) (hx : x = 2 ^ 9 + 1) : x = 513 := by\n  rw [hx]", False),
    ("theorem t (f : ℤ → ℤ) (h : f 4 = 4 ^ 2 - 4 * 4 - 1) : f 4 = -1 := by\n  rw [h]", False),
    ("theorem t (f : ℤ → ℤ) (h : f 4 = 4 ^ 2 - 4 * 4 - 1) : f 4 = -1 := by\n  rw [h]\n  norm_num", True),
    ("theorem t (x : ℕ) (hx : x = 2 + 3) : x = 5 := by\n  rw [hx]", True),
    ("theorem t (x : ℕ) (hx : x = 2 + 3) : x = 6 := by\n  rw [hx]", False),
])
def test_rw_closing_rfl(src, ok):
    assert proves(src) is ok


@pytest.mark.parametrize("src, ok", [
    # `linarith only [...]` sees the listed facts and the goal, not the other hypotheses
    ("theorem t (x y : ℝ) (h : x < y) (h₁ : x = 3) (h₂ : y = 3) : y - x = 1 := by\n  linarith only [h₁, h₂]", False),
    ("theorem t (x y : ℝ) (h : x < y) (h₁ : x = 3) (h₂ : y = 3) : y - x = 1 := by\n  linarith", True),
    ("theorem t (x y : ℝ) (h₁ : x = 3) (h₂ : y = 4) : y - x = 1 := by\n  linarith only [h₁, h₂]", True),
    # rw's rfl folds ℕ literal `+ %`, so a second rw has no goal left
    ("theorem t : (2000 + 2001) % 7 = 4 := by\n  rw [Nat.add_mod]\n  norm_num", False),
    ("theorem t : (2000 + 2001) % 7 = 4 := by\n  rw [Nat.add_mod]", True),
    # field_simp at h ⊢ fails when the goal does not change
    ("theorem t (x : ℝ) (h : x / 50 = 40) : x = 2000 := by\n  field_simp at h ⊢\n  linarith", False),
    ("theorem t (x : ℝ) (h : x / 50 = 40) : x = 2000 := by\n  field_simp at h\n  linarith", True),
])
def test_only_and_locations(src, ok):
    assert proves(src) is ok
