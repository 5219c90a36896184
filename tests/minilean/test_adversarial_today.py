"""Red team of the mechanisms changed after 878d5e0: ``field_simp`` on ``<``/``≤`` (one fraction per side),
simp's library/hypothesis fixpoint and divisibility lemmas, ``Nat.fib`` and ``q.num``/``q.den`` evaluation,
``rw`` through a hypothesis's ``∀``s and premises, ``ring_nf``'s failure rule, and the lemmas
``sq_pos_of_ne_zero``, ``mul_right_cancel₀``, ``mul_left_cancel₀``.

Every entry of ``ATTACKS`` is a FALSE statement, each with a counterexample checked here in Python with
Lean's semantics (``x / 0 = 0``, ``0⁻¹ = 0``, ℕ subtraction truncates, ℤ division is Euclidean), and
proofs that would verify only through a hole: a denominator that can be 0 or negative treated as
positive, a premise of a rewrite rule that vanishes, a divisibility law read the wrong way round, a
wrong closed value, a lemma used without its premise or at a zero factor. None may pass
``Backend.verify`` (the path that pays a reward), nor close in the REPL's tactic mode one tactic at a
time.

``GENERATED_FIELD_SIMP`` is a differential test: random comparisons of rational functions over ℝ, with
random side conditions (``x ≠ 0``, ``0 < x - 1``, ``x ≠ y``…), go through ``field_simp`` (at the goal,
at a hypothesis, with ``sub_eq_zero``…) in tactic mode; the goals MiniLean prints back are evaluated
here at rational points (denominators' zeros included) by an independent reader of Lean's notation.
Wherever the original hypotheses hold, a new hypothesis must hold and a new goal must imply the old
one; a goal ``field_simp`` closes must hold at every such point.

``CONTROLS`` are true neighbours with the proofs provers write: they must verify, so the harness can say
yes. ``LEAN_REJECTS`` are true statements with proofs real Lean + Mathlib rejects.
"""

from __future__ import annotations

import random
import re
from fractions import Fraction as F

import pytest

from leangym.minilean.repl import MiniLeanRepl

from .helpers import Attack, closed_in_tactic_mode, refused, verified
from .helpers import expand_attacks as _expand
from .helpers import lean_div as _d
from .helpers import lean_ediv as _ediv


def _dvd(a: int, b: int) -> bool:
    """``a ∣ b`` in ℕ/ℤ: ``b = a * c`` for some ``c`` (so ``0 ∣ b ↔ b = 0``)."""
    return b == 0 if a == 0 else b % a == 0


def _fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


# closers tried on the closed false statements
CLOSED = ["norm_num", "simp", "decide", "rfl", "norm_num [Nat.fib_add_two]", "simp [Nat.fib_add_two]", "omega",
          "simp only [Nat.fib_zero, Nat.fib_one, Nat.fib_two]", "exact rfl", "simp_all", "push_cast\nnorm_num"]  # fmt: skip

FIELD_SIMP_ORDER: list[Attack] = [
    ("theorem t (x : ℝ) (hx : x ≠ 0) : 1 / x + 1 ≤ 2", lambda: _d(1, F(1, 2)) + 1 > 2, [  # x = 1/2
        "field_simp", "field_simp\nrw [div_le_iff (by positivity)]\nlinarith", "field_simp\nrw [div_le_iff]\nlinarith\nexact hx",
        "field_simp\nnlinarith", "field_simp\nlinarith", "field_simp\nrw [div_le_iff (by positivity)]",
        "field_simp\nrw [div_le_iff]\nall_goals positivity", "field_simp\napply div_le_of_le_mul\nlinarith",
        "field_simp\nrw [div_le_iff (lt_of_le_of_ne (by positivity) hx.symm)]\nlinarith", "field_simp\nnorm_num",
        "field_simp [hx]\nnlinarith [sq_nonneg x]", "field_simp at hx ⊢\nnlinarith"]),
    ("theorem t (x : ℝ) (hx : x ≠ 0) : 1 / x ≤ 1", lambda: _d(1, F(1, 2)) > 1, [  # x = 1/2
        "field_simp", "field_simp\nrw [div_le_iff (by positivity)]\nlinarith", "field_simp\nnlinarith",
        "rw [div_le_iff (by positivity)]\nlinarith", "field_simp\nrw [div_le_one (by positivity)]\nlinarith"]),
    ("theorem t (x : ℝ) (hx : x ≠ 0) : 0 < 1 / x + 2", lambda: _d(1, F(-1, 4)) + 2 <= 0, [  # x = -1/4
        "field_simp", "field_simp\npositivity", "positivity", "field_simp\nrw [lt_div_iff (by positivity)]\nlinarith",
        "field_simp\nnlinarith", "field_simp\nexact div_pos (by nlinarith) (by positivity)"]),
    ("theorem t (x y : ℝ) (hx : x ≠ 0) (hy : y ≠ 0) : 1 / x ≤ 1 / y", lambda: _d(1, F(1)) > _d(1, F(2)), [  # 1, 2
        "field_simp", "field_simp\nrw [div_le_div_iff (by positivity) (by positivity)]\nnlinarith",
        "rw [div_le_div_iff (by positivity) (by positivity)]\nlinarith", "field_simp\nnlinarith",
        "rw [div_le_div_iff]\nall_goals positivity", "apply one_div_le_one_div_of_le\npositivity\nlinarith"]),
    ("theorem t (x y : ℝ) (hx : x ≠ 0) (hxy : x < y) : 1 / y < 1 / x", lambda: _d(1, F(1)) > _d(1, F(-1)), [  # -1, 1
        "field_simp", "field_simp\nrw [div_lt_div_iff (by positivity) (by positivity)]\nlinarith",
        "rw [div_lt_div_iff (by positivity) (by positivity)]\nlinarith", "field_simp\nnlinarith",
        "apply one_div_lt_one_div_of_lt\npositivity\nexact hxy"]),
    ("theorem t (x : ℝ) (hx : x ≠ 0) : x / x < 1", lambda: _d(F(1), F(1)) >= 1, [  # any x ≠ 0
        "field_simp", "simp [hx]", "field_simp\nnorm_num", "field_simp [hx]", "rw [div_self hx]\nnorm_num"]),
    ("theorem t (x : ℝ) : x / x ≤ 0", lambda: _d(F(1), F(1)) > 0, ["field_simp", "simp", "field_simp\nnorm_num"]),
    ("theorem t (x : ℝ) : 1 ≤ x / x", lambda: _d(F(0), F(0)) < 1, ["field_simp", "simp", "field_simp\nnorm_num"]),  # x = 0
    ("theorem t (x : ℝ) : x * (1 / x) ≤ 0", lambda: F(1) * _d(1, F(1)) > 0, ["field_simp", "field_simp\nnorm_num"]),
    ("theorem t (x : ℝ) : 1 ≤ x * (1 / x)", lambda: F(0) * _d(1, F(0)) < 1, [  # x = 0
        "field_simp", "field_simp\nnorm_num", "field_simp\nrw [le_div_iff]", "rw [mul_one_div_cancel]"]),
    ("theorem t (x : ℝ) : x⁻¹ * x = 1", lambda: _d(1, F(0)) * 0 != 1, ["field_simp", "simp", "field_simp\nnorm_num"]),
    ("theorem t (x : ℝ) (hx : x ≠ 0) : x⁻¹ * x < 1", lambda: _d(1, F(2)) * 2 >= 1, ["field_simp", "simp [hx]", "field_simp\nnorm_num"]),
    ("theorem t (x : ℝ) (hx : x - 1 ≠ 0) : 1 / (x - 1) + 1 / (1 - x) < 0", lambda: _d(1, F(1)) + _d(1, F(-1)) >= 0, [  # x = 2
        "field_simp", "field_simp\nnorm_num", "field_simp\nring_nf", "field_simp\nlinarith", "field_simp\nnlinarith"]),
    ("theorem t (x : ℝ) (hx : x ≠ 1) : 1 / (x - 1) ≤ 0", lambda: _d(1, F(2) - 1) > 0, [  # x = 2
        "field_simp", "field_simp [sub_eq_zero]", "field_simp [sub_ne_zero.mpr hx]\nrw [div_le_iff]",
        "field_simp [sub_ne_zero.mpr hx]\nnlinarith", "field_simp [sub_eq_zero]\nrw [div_le_iff (by positivity)]\nlinarith"]),
    ("theorem t (x : ℝ) (hx : 2 * x - 2 ≠ 0) : 1 / (x - 1) ≤ 0", lambda: _d(1, F(2) - 1) > 0, [  # x = 2
        "field_simp", "field_simp\nnlinarith", "field_simp\nrw [div_le_iff (by positivity)]\nlinarith"]),
    ("theorem t (x : ℝ) (hx : 0 < x) : 1 / (1 / x + 1) < 0", lambda: _d(1, _d(1, F(1)) + 1) >= 0, [  # x = 1
        "field_simp", "field_simp\nnorm_num", "field_simp\nrw [div_lt_iff (by positivity)]\nlinarith", "field_simp\nnlinarith"]),
    ("theorem t (x : ℝ) (hx : x < 0) : 1 / (1 / x + 1) ≤ 1", lambda: _d(1, _d(1, F(-2)) + 1) > 1, [  # x = -2: 2
        "field_simp", "field_simp\nrw [div_le_iff (by positivity)]\nlinarith", "field_simp\nnlinarith",
        "field_simp\nrw [div_le_one (by positivity)]\nlinarith"]),
    ("theorem t (x : ℝ) (h : 0 < x) : x / (x + 1) < x / (x + 2)", lambda: not _d(F(1), F(2)) < _d(F(1), F(3)), [  # x = 1
        "field_simp\nrw [div_lt_div_iff (by positivity) (by positivity)]\nnlinarith",
        "rw [div_lt_div_iff (by positivity) (by positivity)]\nnlinarith", "field_simp\nnlinarith"]),
    ("theorem t (x : ℝ) : x / x ^ 2 < 1 / x", lambda: not _d(F(2), F(4)) < _d(1, F(2)), [  # x = 2: equal
        "field_simp", "field_simp\nring_nf\nsimp", "ring_nf\nsimp", "rw [div_lt_div_iff]", "field_simp\nnlinarith"]),
    ("theorem t (x : ℝ) (hx : x ≠ 0) : (x / x) ^ 2 < 1", lambda: not _d(F(2), F(2)) ** 2 < 1, [
        "field_simp", "field_simp\nnorm_num", "simp [hx]"]),
    ("theorem t (x : ℝ) (hx : x < 0) : 1 / x ≥ 0", lambda: _d(1, F(-1)) < 0, [  # x = -1
        "field_simp", "positivity", "field_simp\npositivity", "rw [ge_iff_le, le_div_iff (by positivity)]\nlinarith"]),
    ("theorem t (x : ℝ) (hx : x ^ 2 ≠ 0) : 1 / x ≤ 1 / x ^ 2", lambda: _d(1, F(2)) > _d(1, F(4)), [  # x = 2
        "field_simp", "field_simp\nrw [div_le_div_iff (by positivity) (by positivity)]\nnlinarith", "field_simp\nnlinarith"]),
    ("theorem t (n : ℕ) (hn : n ≠ 0) : (1:ℝ) / n + 1 ≤ 1", lambda: _d(1, F(1)) + 1 > 1, [  # n = 1
        "field_simp", "field_simp\nnorm_num", "field_simp\nrw [div_le_iff (by positivity)]\nlinarith", "field_simp\nnlinarith"]),
    ("theorem t (n : ℕ) : (1:ℝ) / n ≤ 1 / (n + 1)", lambda: _d(1, F(1)) > _d(1, F(2)), [  # n = 1
        "field_simp", "field_simp\nrw [div_le_div_iff (by positivity) (by positivity)]\nlinarith",
        "rw [div_le_div_iff (by positivity) (by positivity)]\nlinarith", "field_simp\nnlinarith"]),
    ("theorem t (n : ℕ) (hn : 1 ≤ n) : (1:ℝ) / (n - 1) ≤ 1 / n", lambda: _d(1, F(2) - 1) > _d(1, F(2)), [  # n = 2
        "field_simp", "rw [div_le_div_iff (by positivity) (by positivity)]\nlinarith", "field_simp\nnlinarith",
        "have : (0:ℝ) < n - 1 := by positivity\nrw [div_le_div_iff this (by positivity)]\nlinarith"]),
    ("theorem t (n : ℕ) (hn : n - 1 ≠ 0) : ((n - 1 : ℕ) : ℝ) / (n - 1) < 1", lambda: _d(F(3 - 1), F(3) - 1) >= 1, [  # n = 3
        "field_simp", "push_cast\nfield_simp", "field_simp\nnorm_num", "rw [div_lt_one (by positivity)]\nlinarith"]),
    ("theorem t (a b : ℕ) (hb : b ≠ 0) : ((a / b : ℕ) : ℝ) ≤ (a:ℝ) / b - 1", lambda: F(_ediv(3, 2)) > _d(F(3), F(2)) - 1, [  # 3, 2
        "field_simp", "push_cast\nfield_simp", "field_simp\nnorm_cast", "field_simp\nrw [le_div_iff (by positivity)]\nlinarith"]),
    ("theorem t (a b : ℤ) (hb : 0 < b) : a / b * b ≤ a - 1", lambda: _ediv(4, 2) * 2 > 4 - 1, [  # 4, 2
        "field_simp", "field_simp\nlinarith", "field_simp\nomega", "rw [Int.ediv_mul_cancel]\nomega"]),
    ("theorem t (a b : ℝ) (hb : b ≠ 0) (h : a / b ≤ 1) : a ≤ b", lambda: _d(F(2), F(-1)) <= 1 and not F(2) <= -1, [  # 2, -1
        "field_simp at h\nexact h", "rw [div_le_iff (by positivity)] at h\nlinarith", "field_simp at h\nlinarith",
        "rw [div_le_one (by positivity)] at h\nexact h", "field_simp at h ⊢\nnlinarith", "field_simp [hb] at h\nlinarith"]),
    ("theorem t (a b : ℝ) (hb : b ≠ 0) (h : 1 < a / b) : b < a", lambda: 1 < _d(F(-2), F(-1)) and not F(-1) < -2, [  # -2, -1
        "rw [lt_div_iff (by positivity)] at h\nlinarith", "field_simp at h\nlinarith", "field_simp at h\nexact h",
        "rw [one_lt_div (by positivity)] at h\nexact h"]),
    ("theorem t (x : ℝ) (hx : x ≠ 0) (h : 1 / x < 1) : 1 < x", lambda: _d(1, F(-1)) < 1 and not 1 < F(-1), [  # x = -1
        "field_simp at h\nlinarith", "rw [div_lt_iff (by positivity)] at h\nlinarith", "field_simp at h\nnlinarith"]),
]

FIELD_SIMP_CROSS: list[Attack] = [
    ("theorem t (x : ℝ) (hx : x ≠ 0) (h : 1 / x + 1 / x = 1) : x = 1", lambda: _d(1, F(2)) * 2 == 1, [  # x = 2
        "field_simp at h\nlinarith", "field_simp at h\nsimp [h]", "field_simp at h\nnlinarith", "field_simp at h\nsimp_all",
        "field_simp at h\nring_nf at h\nlinarith", "field_simp at h\nomega"]),
    ("theorem t (x y : ℝ) (hy : y ≠ 0) (h : x / y = 2) : x = 2", lambda: _d(F(4), F(2)) == 2, [  # 4, 2
        "field_simp at h\nsimp [h]", "field_simp at h\nlinarith", "field_simp at h\nrw [h]\nring", "rw [div_eq_iff hy] at h\nlinarith",
        "field_simp at h\nsimp [h] at *\nlinarith", "field_simp at h\nnorm_num [h]"]),
    ("theorem t (x : ℝ) (hx : 0 < x) (h : 1 / x ≤ 2) : x ≤ 1 / 2", lambda: _d(1, F(1)) <= 2 and F(1) > F(1, 2), [  # x = 1
        "field_simp at h ⊢\nlinarith", "rw [div_le_iff hx] at h\nlinarith", "field_simp at h\nrw [div_le_iff hx] at h\nlinarith",
        "field_simp at *\nnlinarith", "field_simp at h\nsimp [h]"]),
    ("theorem t (n : ℕ) (h : (n : ℝ) / 2 = 3) : n = 7", lambda: _d(F(6), F(2)) == 3, [  # n = 6
        "field_simp at h\nnorm_cast at h\nomega", "field_simp at h\nexact_mod_cast h", "field_simp at h\nsimp [h]",
        "field_simp at h\nlinarith", "have : (n : ℝ) = 6 := by linarith\nnorm_cast at this\nomega"]),
    ("theorem t (a : ℕ) (h : (a : ℝ) / 4 < 1) : a < 3", lambda: _d(F(3), F(4)) < 1, [  # a = 3
        "field_simp at h\nnorm_cast at h\nomega", "rw [div_lt_iff (by positivity)] at h\nnorm_cast at h\nomega",
        "field_simp at h\nexact_mod_cast h", "field_simp at h\nlinarith"]),
    ("theorem t (a : ℕ) (h : (a : ℝ) / 4 ≤ 1) : a ≤ 3", lambda: _d(F(4), F(4)) <= 1, [  # a = 4
        "field_simp at h\nnorm_cast at h\nomega", "rw [div_le_iff (by positivity)] at h\nnorm_cast at h\nomega",
        "field_simp at h\nexact_mod_cast h", "norm_num at h\nomega"]),
]

SIMP_FIXPOINT_AND_DVD: list[Attack] = [
    *[(s, w, ["simp", "norm_num", "simp_all", "decide", "omega", "norm_num [Nat.dvd_iff_mod_eq_zero]", "simp [Nat.dvd_iff_mod_eq_zero]"])
      for s, w in [
          ("theorem t (a : ℕ) : 0 ∣ a", lambda: not _dvd(0, 1)),
          ("theorem t (a : ℤ) : 0 ∣ a", lambda: not _dvd(0, -1)),
          ("theorem t (a : ℤ) : a ∣ 1", lambda: not _dvd(2, 1)),
          ("theorem t (a b : ℕ) : a ∣ b", lambda: not _dvd(2, 1)),
          ("theorem t (a : ℕ) : a ∣ a + 1", lambda: not _dvd(2, 3)),
          ("theorem t (a : ℕ) : 2 * a ∣ a", lambda: not _dvd(2, 1)),
          ("theorem t (a : ℕ) : ¬ (a ∣ 0)", lambda: _dvd(1, 0)),
          ("theorem t (a : ℕ) : ¬ (1 ∣ a)", lambda: _dvd(1, 5)),
          ("theorem t (a : ℕ) : ¬ (a ∣ a)", lambda: _dvd(3, 3)),
          ("theorem t (a : ℕ) : (0 ∣ a) ↔ a = 1", lambda: _dvd(0, 0) != (0 == 1)),
          ("theorem t (a : ℕ) : (a ∣ 0) ↔ a = 0", lambda: _dvd(1, 0) != (1 == 0)),
          ("theorem t (a : ℝ) : a ∣ 1", lambda: True),  # a = 0: `0 ∣ 1` is `1 = 0` in any ring
          ("theorem t (a : ℕ) : a ∣ 1", lambda: not _dvd(2, 1)),
          ("theorem t (a : ℕ) : (a - a) ∣ 3", lambda: not _dvd(0, 3)),
          ("theorem t (a : ℕ) : a ∣ a * 0 + 1", lambda: not _dvd(2, 1)),
          ("theorem t (a : ℕ) : a ∣ 0 → a = 1", lambda: _dvd(2, 0) and 2 != 1),
          ("theorem t (a : ℕ) : 1 ∣ a → a = 1", lambda: _dvd(1, 2) and 2 != 1),
          ("theorem t (a b : ℕ) : a ∣ b ∨ b ∣ a", lambda: not _dvd(2, 3) and not _dvd(3, 2)),
          ("theorem t (a : ℤ) : -1 ∣ a → a = 0", lambda: _dvd(-1, 1) and 1 != 0),
          ("theorem t (a : ℕ) : a ∣ 2 * a + 1", lambda: not _dvd(2, 5)),
      ]],
    ("theorem t (a : ℕ) (h : 0 ∣ a) : a = 1", lambda: _dvd(0, 0) and 0 != 1, [  # a = 0
        "simp at h\nomega", "norm_num at h\nomega", "simp_all", "simp at h", "rw [zero_dvd_iff] at h\nomega", "simpa using h"]),
    ("theorem t (a b : ℕ) (h : a = 0) : a ∣ b", lambda: not _dvd(0, 1), [  # b = 1
        "simp [h]", "norm_num [h]", "subst h\nsimp", "simp_all", "rw [h]\nsimp", "subst h\ndecide", "simp [h] at *"]),
    ("theorem t (a b : ℕ) (h : b = 1) : b ∣ a ∧ a ∣ b", lambda: not _dvd(2, 1), [  # a = 2
        "simp [h]", "norm_num [h]", "subst h\nsimp", "simp_all", "constructor <;> simp [h]"]),
    ("theorem t (a b : ℕ) (h : a ∣ b) (hb : 0 ∣ b) : b = 1", lambda: _dvd(1, 0) and _dvd(0, 0), [  # a = 1, b = 0
        "simp at hb\nomega", "simp_all", "norm_num at hb\nomega", "simp [hb] at h\nomega"]),
    ("theorem t (a : ℤ) (h : a % 4 = 1) : a * a % 4 = 3", lambda: (5 * 5) % 4 == 1, [  # a = 5: 25 % 4 = 1
        "simp [Int.mul_emod, h]", "norm_num [Int.mul_emod, h]", "simp [Int.mul_emod, h] at *", "rw [Int.mul_emod, h]",
        "simp [Int.mul_emod, Int.add_emod, h]", "norm_num [Int.mul_emod, h]\nomega", "omega"]),
    ("theorem t (a : ℕ) (h : a % 3 = 2) : (a + 1) % 3 = 1", lambda: (2 + 1) % 3 == 0, [  # a = 2
        "simp [Nat.add_mod, h]", "norm_num [Nat.add_mod, h]", "simp [Nat.add_mod, h] at *", "rw [Nat.add_mod, h]", "omega"]),
    ("theorem t (a b : ℕ) (h₁ : a = b + 1) (h₂ : b = 2) : a * a = 10", lambda: 3 * 3 == 9, [
        "simp [h₁, h₂]", "norm_num [h₁, h₂]", "simp [h₂, h₁]", "simp [h₁, h₂, Nat.mul_comm]", "subst h₂\nsimp [h₁]", "simp_all"]),
    ("theorem t (f : ℕ → ℕ) (h₁ : ∀ x, f (x + 1) = f x + 2) (h₀ : f 0 = 1) : f 2 = 4", lambda: 1 + 2 + 2 == 5, [  # f 2 = 5
        "simp [h₁, h₀]", "norm_num [h₁, h₀]", "simp [h₁, h₀] at *", "rw [h₁, h₁, h₀]", "simp_all"]),
    ("theorem t (x : ℕ) (h : x + 0 = 3) : x * 1 = 4", lambda: 3 + 0 == 3 and 3 * 1 != 4, [
        "simp at h\nsimp [h]", "simp [h]", "norm_num [h]", "simp_all", "simp at *\nomega"]),
]

# closed evaluations: each statement states a wrong value, checked here
FIB_NUM_DEN: list[Attack] = [
    (f"theorem t : {lhs} = {v}", (lambda t=true, v=v: t != v), CLOSED)
    for lhs, true, v in [
        ("Nat.fib 10", _fib(10), 89), ("Nat.fib 0", 0, 1), ("Nat.fib 1", 1, 0), ("Nat.fib 2", 1, 2), ("Nat.fib 3", 2, 3),
        ("Nat.fib 20", _fib(20), 6764), ("Nat.fib (2 - 3)", 0, 1), ("Nat.fib (10 / 3)", 2, 3), ("Nat.fib 12", 144, 12),
        ("Nat.fib 100", _fib(100), _fib(100) + 1), ("Nat.fib (Nat.fib 5)", _fib(5), 3), ("Nat.fib 25 % 2", _fib(25) % 2, 0),
        ("(Nat.fib 10 : ℤ)", 55, -55), ("(Nat.fib 7 : ℝ)", 13, 21), ("Nat.fib 5 + Nat.fib 6", 13, 21),
        ("(7 / 2 : ℚ).num", 7, 3), ("(7 / 2 : ℚ).den", 2, 1), ("(6 / 4 : ℚ).num", 3, 6), ("(6 / 4 : ℚ).den", 2, 4),
        ("(-7 / 2 : ℚ).num", -7, 7), ("(-7 / 2 : ℚ).den", 2, 0), ("(7 / -2 : ℚ).num", -7, 7), ("(1 / 0 : ℚ).den", 1, 0),
        ("(1 / 0 : ℚ).num", 0, 1), ("Rat.num (7 / 2)", 7, 3), ("Rat.den (7 / 2)", 2, 1), ("(0 : ℚ).den", 1, 0),
        ("((3 : ℚ)⁻¹).num", 1, 3), ("((1:ℚ) / 3 + 1 / 6).den", 2, 18), ("((1:ℚ) / 3 + 1 / 6).num", 1, 3),
        ("(((7:ℕ) / 2 : ℕ) : ℚ).den", 1, 2), ("(((7:ℤ) / 2 : ℤ) : ℚ).num", 3, 7), ("((-1 : ℚ) / 3).num", -1, 1),
        ("(5 : ℚ).num", 5, 1), ("((2:ℚ) ^ 3 / 12).den", 3, 2), ("((7:ℚ) / 2).num + ((7:ℚ) / 2).den", 9, 10),
    ]
] + [
    ("theorem t : Nat.fib 4 < 3", lambda: not _fib(4) < 3, CLOSED),
    ("theorem t : Nat.fib 13 ≠ 233", lambda: _fib(13) == 233, CLOSED),
    ("theorem t : (1 / 2 : ℚ).num < 0", lambda: True, CLOSED),
    ("theorem t (n : ℕ) (h : n = 10) : Nat.fib n = 89", lambda: _fib(10) != 89, [
        "subst h\nnorm_num", "rw [h]\nnorm_num", "simp [h]", "norm_num [h]", "subst h\ndecide", "simp [h, Nat.fib_add_two]"]),
    ("theorem t (n : ℕ) : Nat.fib n ≤ n", lambda: _fib(6) > 6, ["simp", "norm_num", "decide", "omega"]),
    ("theorem t (n : ℕ) : Nat.fib (n + 2) = Nat.fib n + Nat.fib (n + 1) + 1", lambda: _fib(2) != _fib(0) + _fib(1) + 1, [
        "simp [Nat.fib_add_two]", "rw [Nat.fib_add_two]", "norm_num [Nat.fib_add_two]", "rw [Nat.fib_add_two]\nring"]),
    ("theorem t (q : ℚ) (h : q = 7 / 2) : q.num = 3", lambda: F(7, 2).numerator != 3, [
        "subst h\nnorm_num", "rw [h]\nnorm_num", "simp [h]", "norm_num [h]", "subst h\nrfl"]),
    ("theorem t (q : ℚ) : (q.num : ℚ) / q.den = q + 1", lambda: True, ["simp", "norm_num", "field_simp", "rw [Rat.num_div_den]"]),
    ("theorem t (q : ℚ) : q.den = 1", lambda: F(1, 2).denominator != 1, ["simp", "norm_num", "decide"]),
    ("theorem t (q : ℚ) : 0 < q.num", lambda: F(0).numerator <= 0, ["simp", "norm_num", "positivity"]),
]

RW_PREMISES: list[Attack] = [
    ("theorem t (f : ℝ → ℝ) (h : ∀ x, x ≠ 0 → f x = 1) : f 0 = 1", lambda f=lambda x: F(x != 0): f(F(0)) != 1 and f(F(3)) == 1, [
        "rw [h]\nsimp", "rw [h 0]", "rw [h 0 (by norm_num)]", "rw [h _ (by simp)]", "rw [h]\nall_goals norm_num", "rw [h] <;> norm_num",
        "simp [h]", "simp_all", "rw [h]\nintro h0\nexact h0", "rw [h]\ntrivial", "rw [h]\ndecide", "rw [h] <;> simp_all", "rwa [h]",
        "rw [h]\nassumption", "rw [← h 1 (by norm_num)]\nsimp", "rw [h]\nswap\nrfl", "rw [h]\nrotate_left\nnorm_num",
        "rw [h]\nall_goals try rfl", "rw [h]\nany_goals norm_num", "rw [h]\nfirst | rfl | skip", "rw [h]\ncontradiction"]),
    ("theorem t (f : ℝ → ℝ) (h : ∀ x, ∀ (hx : x ≠ 0), f x = 1) : f 0 = 1", lambda: True, [
        "rw [h]", "rw [h]\nnorm_num", "simp [h]", "rw [h] <;> simp"]),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, 0 < x → f x = x) : f 0 = 1", lambda f=lambda x: x: all(f(x) == x for x in range(1, 9)) and f(0) != 1, [
        "rw [h]\nnorm_num", "rw [h] <;> omega", "rw [h]\nall_goals simp", "rw [h] <;> positivity", "rw [h]\nomega\nomega", "rwa [h]",
        "rw [h 0]", "simp [h]", "norm_num [h]", "rw [h] <;> decide"]),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, 0 < x → f x = x) (h0 : f 0 = 5) : 5 = 0", lambda: 5 != 0, [  # f 0 = 5, f x = x otherwise
        "rw [h] at h0\nomega", "rw [h] at h0\nexact h0", "rw [h] at h0 <;> omega", "rw [h] at h0\nall_goals omega", "rw [h] at h0\nlinarith",
        "simp [h] at h0", "rwa [h] at h0", "simp_all", "rw [h] at h0\nsimp at h0", "rw [← h0, h]\nall_goals omega"]),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, x ≠ 0 → ∀ y, y ≠ 0 → f (x + y) = 0) : f 1 = 0", lambda f=lambda n: F(n < 2): all(f(x + y) == 0 for x in range(1, 9) for y in range(1, 9)) and f(1) != 0, [
        "rw [h]\nall_goals omega", "rw [h 1]", "rw [← h 1 (by omega) 0]", "simp [h]", "rw [h 0 _ 1]\nall_goals omega",
        "rw [show 1 = 0 + 1 from rfl, h]\nall_goals omega", "rw [show (1:ℕ) = 1 + 0 by norm_num, h] <;> omega"]),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x y, x < y → f x = f y) : f 0 = f 1 + 1", lambda f=lambda n: 4: f(0) != f(1) + 1, [  # f constant
        "rw [h]\nall_goals omega", "rw [h 0 1]", "rw [h 0 1 (by omega)]\nomega", "rw [h]\nomega", "rw [h 0]\nomega", "simp [h]"]),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, f x = 0 → f (x + 1) = 1) : f 1 = 1", lambda f=lambda n: 2: f(0) != 0 and f(1) != 1, [  # f = 2
        "rw [h]\nsimp", "rw [h]", "rw [h 0]", "simp [h]", "rw [show (1:ℕ) = 0 + 1 by rfl, h]\nsorry"]),
    ("theorem t (P : Prop) (f : ℕ → ℕ) (h : P → f 0 = 1) : f 0 = 1", lambda: True, [  # P = False, f = 0
        "rw [h]", "rw [h]\ntrivial", "simp [h]", "simp_all", "rw [h] <;> tauto"]),
    ("theorem t (a b : ℕ) (h : a = 1 → b = 2) : b = 2", lambda a=0, b=0: (a != 1 or b == 2) and b != 2, [
        "rw [h]", "rw [h]\nrfl", "simp [h]", "simp_all", "rw [← h]\nsimp", "rw [h] <;> omega"]),
    ("theorem t (a b : ℕ) (h : ∀ n : ℕ, n = 5 → b = n) : b = 3", lambda b=5: all(n != 5 or b == n for n in range(9)) and b != 3, [
        "rw [h]", "rw [h 3]", "rw [h 5]\nsorry", "simp [h]", "rw [h] <;> rfl"]),
    ("theorem t (a b : ℕ) (h : ∀ n : ℕ, b = n → a = n) : a = 3", lambda: True, [  # a = b = 0
        "rw [h]", "rw [h 3]", "simp [h]", "rw [h 3]\nomega"]),
    ("theorem t (g : ℝ → ℝ) (h : ∀ x : ℝ, 0 ≤ x → g x = Real.sqrt x) : g (-4) = 0", lambda: True, [  # g (-4) = 1
        "rw [h]\nsimp", "rw [h]\nall_goals norm_num", "rw [h] <;> norm_num", "rw [h]\nnorm_num\nnorm_num", "simp [h]"]),
    ("theorem t (f : ℝ → ℝ) (h : ∀ x, x ≠ 0 → f x = 1 / x) : f 0 = 0", lambda f=lambda x: _d(1, x) if x else F(1): f(F(0)) != 0, [
        "rw [h]\nsimp", "rw [h] <;> simp", "rw [h]\nall_goals simp", "simp [h]"]),
    ("theorem t (f : ℝ → ℝ) (h : ∀ x > 0, f x = 1) : f (-1) = 1", lambda: True, [  # f = 0 off the positives
        "rw [h]\nnorm_num", "rw [h] <;> norm_num", "simp [h]", "rw [h]\nlinarith", "rw [h]\nall_goals linarith"]),
    ("theorem t (f : ℝ → ℝ) (h : ∀ x ≥ 0, f x = 1) : f (-1) = 1", lambda: True, ["rw [h]\nnorm_num", "rw [h] <;> norm_num", "simp [h]"]),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x ∈ Finset.range 3, f x = 1) : f 5 = 1", lambda: 5 >= 3, [
        "rw [h]\nsimp", "rw [h] <;> simp", "simp [h]", "rw [h]\ndecide"]),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, ∀ y, x = y + 1 → f x = y) : f 0 = 5", lambda: True, [  # f 0 = 0
        "rw [h]\nomega", "rw [h 0 5]\nomega", "rw [h _ 5]\nsimp", "rw [h]"]),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, f x = 2 → f x = 3) : f 0 = 3", lambda: True, [  # f = 0
        "rw [h]", "rw [h]\nsorry", "simp [h]", "rw [h 0]", "rwa [h]"]),
    ("theorem t (a : ℕ) (h : a ≠ 0 → a = 7) : a = 7", lambda a=0: (a == 0 or a == 7) and a != 7, [
        "rw [h]", "rw [h]\nintro h0\nsorry", "simp [h]", "rw [h] <;> omega", "rw [h]\nomega", "simp_all", "rwa [h]"]),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, (∀ y, y < x → f y = 0) → f x = 0) : f 1 = 0", lambda: True, [  # f = 1
        "rw [h]\nintro y hy\nsorry", "rw [h]\nintro y hy\nomega", "rw [h]\nsimp", "simp [h]"]),
    ("theorem t (f g : ℕ → ℕ) (h : ∀ x, g x = 0 → f x = g x) (hg : g 1 = 1) : f 1 = 1", lambda: True, [  # f = 0, g = 1
        "rw [h]\nexact hg\nomega", "rw [h, hg]\nomega", "rw [h, hg]", "rw [h] <;> simp [hg]", "simp [h, hg]"]),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, x ≠ 0 → f x = 1) : f 0 = 1", lambda f=lambda n: F(n != 0): f(0) != 1, [  # ← and `at h`
        "rw [← h]", "rw [← h 0]", "rw [← h 0]\nsimp", "rw [← h 1 (by omega)]\nrw [h]", "nth_rewrite 1 [h]", "rw [h] at h",
        "rw [h] at h\nexact h 0"]),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, 0 ∣ f x → f x = 1) : f 0 = 1", lambda f=lambda n: 2: not _dvd(0, f(0)) and f(0) != 1, [
        "rw [h]\nsimp", "simp [h]", "rw [h] <;> simp", "simp_all"]),  # `0 ∣ 2` is false: the premise must stay
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, x = 0 → f x = 0) (h1 : f 1 = 1) : f 1 = 0", lambda: 1 != 0, [  # f = id
        "rw [h]", "rw [h] at h1\nexact h1", "rw [h] at h1 <;> simp_all", "simp [h] at h1", "rw [← h1, h]"]),
]

RING_NF: list[Attack] = [
    ("theorem t (x y : ℕ) (h₀ : x + y = 25) (h₁ : x - y = 11) : x = 17", lambda: 18 + 7 == 25 and 18 - 7 == 11 and 18 != 17, [
        "ring_nf at h₀ h₁ ⊢\nomega", "ring_nf at h₀ h₁ ⊢", "ring_nf at *\nomega", "ring_nf\nomega",
        "ring_nf at h₀ h₁ ⊢\nring_nf at h₀ h₁ ⊢\nomega", "ring_nf at h₀\nlinarith"]),
    ("theorem t (x : ℕ) (h : x = 18) : x = 19", lambda: 18 != 19, [
        "ring_nf at h ⊢", "ring_nf at h ⊢\nomega", "ring_nf", "ring_nf at *", "ring_nf at h\nexact h", "ring_nf\nring_nf\nexact h",
        "ring_nf at h ⊢\nexact h", "ring_nf at h\nring_nf at h\nlinarith"]),
    ("theorem t (x y : ℝ) : x + y = y + x + 1", lambda: True, ["ring_nf", "ring_nf\nring_nf", "ring_nf\nsimp", "ring_nf\nlinarith", "ring_nf at *"]),
    ("theorem t (a b : ℕ) : a - b = b - a", lambda: 1 - 0 != 0, ["ring_nf", "ring_nf\nomega", "ring_nf at *"]),  # 1, 0
    ("theorem t (x : ℝ) (h : x / 2 = 3) : x = 7", lambda: F(6) / 2 == 3, [
        "ring_nf at h ⊢\nlinarith", "ring_nf at h\nlinarith", "ring_nf at *\nlinarith", "ring_nf at h ⊢\nring_nf at h ⊢\nlinarith"]),
    ("theorem t (x : ℝ) (h : x⁻¹ = 2) : x = 2", lambda: _d(1, F(1, 2)) == 2, [
        "ring_nf at h ⊢\nlinarith", "ring_nf at h\nfield_simp at h\nlinarith", "ring_nf at *"]),
    ("theorem t (p : ℕ) (hp : Nat.Prime p) : p = 2", lambda: True, ["ring_nf at hp ⊢", "ring_nf at hp", "ring_nf at *"]),  # p = 3
    ("theorem t (a : ℤ) (h : -a = 3) : a = 3", lambda: -F(-3) == 3 and F(-3) != 3, ["ring_nf at h ⊢\nlinarith", "ring_nf at h ⊢\nomega", "ring_nf at *\nomega"]),
    ("theorem t (a : ℕ) (h : a - 1 = 0) : a = 1", lambda: max(0 - 1, 0) == 0 and 0 != 1, [  # a = 0
        "ring_nf at h ⊢\nomega", "ring_nf at h\nomega", "ring_nf at *\nlinarith", "ring_nf at h ⊢\nexact h"]),
    ("theorem t (a : ℕ) (h : a / 2 = 1) : a = 2", lambda: _ediv(3, 2) == 1 and 3 != 2, [  # a = 3
        "ring_nf at h ⊢\nomega", "ring_nf at h\nlinarith", "ring_nf at *\nomega"]),
]

NEW_LEMMAS: list[Attack] = [
    ("theorem t (a : ℝ) : 0 < a ^ 2", lambda: not 0 < F(0) ** 2, [  # a = 0
        "exact sq_pos_of_ne_zero (by norm_num)", "apply sq_pos_of_ne_zero", "exact sq_pos_of_ne_zero a (by positivity)",
        "apply sq_pos_of_ne_zero\nsorry", "exact sq_pos_of_ne_zero (ne_of_gt (by positivity))",
        "nlinarith [sq_pos_of_ne_zero (by norm_num : a ≠ 0)]", "positivity", "apply sq_pos_of_ne_zero\npositivity",
        "apply sq_pos_of_ne_zero\nsimp", "exact sq_pos_of_ne_zero (by simp)"]),
    ("theorem t (a : ℝ) (h : a ≠ 1) : 0 < a ^ 2", lambda: F(0) != 1 and not 0 < F(0) ** 2, [
        "exact sq_pos_of_ne_zero h", "apply sq_pos_of_ne_zero h", "exact sq_pos_of_ne_zero (sub_ne_zero.mpr h)",
        "nlinarith [sq_pos_of_ne_zero h]", "have := sq_pos_of_ne_zero h\nlinarith"]),
    ("theorem t (a : ℝ) (h : a - 1 ≠ 0) : 0 < a ^ 2", lambda: F(0) - 1 != 0, [
        "exact sq_pos_of_ne_zero h", "nlinarith [sq_pos_of_ne_zero h]", "have := sq_pos_of_ne_zero h\nnlinarith"]),
    ("theorem t (a b : ℝ) (h : a ≠ 0) : 0 < b ^ 2", lambda: True, ["exact sq_pos_of_ne_zero h", "have := sq_pos_of_ne_zero h\nnlinarith"]),
    ("theorem t (a : ℤ) (h : a ≠ 0) : 1 < a ^ 2", lambda: not 1 < 1 ** 2, [  # a = 1
        "have := sq_pos_of_ne_zero h\nomega", "have := sq_pos_of_ne_zero h\nlinarith", "have := sq_pos_of_ne_zero h\nnlinarith"]),
    ("theorem t (a : ℝ) (h : a ≠ 0) : 0 < a ^ 3", lambda: not 0 < F(-1) ** 3, [
        "exact sq_pos_of_ne_zero h", "have := sq_pos_of_ne_zero h\nnlinarith", "apply sq_pos_of_ne_zero h"]),
    ("theorem t (a : ℕ) : 0 < (a - a) ^ 2", lambda: True, [
        "exact sq_pos_of_ne_zero (by omega)", "apply sq_pos_of_ne_zero\nomega", "apply sq_pos_of_ne_zero\nsimp"]),
    ("theorem t (a b c : ℝ) (h : a * b = c * b) : a = c", lambda: 1 * 0 == 2 * 0, [  # b = 0
        "exact mul_right_cancel₀ (by norm_num) h", "apply mul_right_cancel₀ _ h", "exact mul_right_cancel₀ (by positivity) h",
        "apply mul_right_cancel₀ (b := b)\nexact h", "apply mul_right_cancel₀\nsorry\nexact h", "exact mul_right_cancel₀ (by simp) h",
        "apply mul_right_cancel₀ _ h\nsimp", "apply mul_right_cancel₀ _ h\npositivity"]),
    ("theorem t (a b c d : ℝ) (hd : d ≠ 0) (h : a * b = c * b) : a = c", lambda: 1 * 0 == 2 * 0, [  # b = 0, d = 1
        "exact mul_right_cancel₀ hd h", "apply mul_right_cancel₀ hd h", "apply mul_right_cancel₀ hd\nexact h",
        "exact mul_right_cancel₀ (b := d) hd h", "exact mul_right_cancel₀ (b := b) hd h"]),
    ("theorem t (a b c : ℝ) (hb : b ≠ 0) (h : a * b = c * b + b) : a = c", lambda: 2 * 1 == 1 * 1 + 1, [  # a = 2, c = 1, b = 1
        "exact mul_right_cancel₀ hb h", "apply mul_right_cancel₀ hb\nlinarith", "apply mul_right_cancel₀ hb\nring_nf at h ⊢\nlinarith"]),
    ("theorem t (a b c : ℝ) (h : a * b = a * c) : b = c", lambda: 0 * 1 == 0 * 2, [  # a = 0
        "exact mul_left_cancel₀ (by norm_num) h", "apply mul_left_cancel₀ _ h", "exact mul_left_cancel₀ (by positivity) h",
        "apply mul_left_cancel₀ _ h\npositivity", "apply mul_left_cancel₀ (a := a)\nexact h", "exact mul_left_cancel₀ (a := 0) (by norm_num) h"]),
    ("theorem t (a b c d : ℝ) (ha : d ≠ 0) (h : a * b = a * c) : b = c", lambda: True, [  # a = 0, d = 1
        "exact mul_left_cancel₀ ha h", "apply mul_left_cancel₀ ha\nexact h", "exact mul_left_cancel₀ (a := d) ha h"]),
    ("theorem t (b c : ℝ) (h : 0 * b = 0 * c) : b = c", lambda: True, [
        "exact mul_left_cancel₀ (by norm_num) h", "apply mul_left_cancel₀ (a := 0)\nnorm_num\nexact h", "apply mul_left_cancel₀ (by simp) h",
        "exact mul_left_cancel₀ (by simp) h", "exact mul_right_cancel₀ (by norm_num) h"]),
    ("theorem t (b c : ℕ) (h : b * 0 = c * 0) : b = c", lambda: True, [
        "exact mul_right_cancel₀ (by norm_num) h", "apply mul_right_cancel₀ (b := 0)\nnorm_num\nexact h", "exact mul_right_cancel₀ (by simp) h",
        "exact mul_left_cancel₀ (by norm_num) h"]),
    ("theorem t (a b c : ℕ) (h : a * (b - b) = c * (b - b)) : a = c", lambda: True, [
        "exact mul_right_cancel₀ (by omega) h", "exact mul_right_cancel₀ (by simp) h", "apply mul_right_cancel₀ _ h\nomega"]),
    ("theorem t (a b c : ℤ) (hb : b ≠ 0) (h : a * b = c * b) : a = c + 1", lambda: True, [  # a = c
        "have := mul_right_cancel₀ hb h\nomega", "have := mul_right_cancel₀ hb h\nlinarith"]),
    ("theorem t (a b c : ℝ) (ha : a ≠ 0) (h : a * b = c * a) : b = c + 1", lambda: True, [  # b = c
        "exact mul_left_cancel₀ ha h", "have := mul_left_cancel₀ ha h\nlinarith"]),
    ("theorem t (a b c : ℝ) (hb : b ≠ 0) : a * b = c * b", lambda: 1 * 1 != 2 * 1, ["exact mul_right_cancel₀ hb", "rw [mul_right_cancel₀ hb]"]),
]

ATTACKS: dict[str, list[tuple[str, str]]] = {
    "field_simp_order": _expand(FIELD_SIMP_ORDER),
    "field_simp_then": _expand(FIELD_SIMP_CROSS),
    "simp_fixpoint_dvd": _expand(SIMP_FIXPOINT_AND_DVD),
    "fib_num_den": _expand(FIB_NUM_DEN),
    "rw_premises": _expand(RW_PREMISES),
    "ring_nf": _expand(RING_NF),
    "new_lemmas": _expand(NEW_LEMMAS),
}

ALL_GROUPS = FIELD_SIMP_ORDER + FIELD_SIMP_CROSS + SIMP_FIXPOINT_AND_DVD + FIB_NUM_DEN + RW_PREMISES + RING_NF + NEW_LEMMAS

CONTROLS = [  # true neighbours with the proofs provers write: the harness must be able to say yes
    ("theorem t (x : ℝ) (hx : 0 < x) : 1 / x + 1 ≥ 1", "field_simp\nrw [le_div_iff (by positivity)]\nlinarith"),
    ("theorem t (x y : ℝ) (hx : 0 < x) (hy : 0 < y) : 1 / x ≤ 1 / x + 1 / y",
     "field_simp\nrw [div_le_div_iff (by positivity) (by positivity)]\nnlinarith"),
    ("theorem t (x : ℝ) (hx : 0 < x) (h : 1 / x ≤ 2) : 1 / 2 ≤ x", "rw [div_le_iff hx] at h\nlinarith"),
    ("theorem t (x y : ℝ) (hy : y ≠ 0) (h : x / y = 2) : x = 2 * y", "field_simp at h\nlinarith"),
    ("theorem t (a b c : ℝ) (hb : b ≠ 0) (h : a * b = c * b) : a = c", "exact mul_right_cancel₀ hb h"),
    ("theorem t (a b c : ℝ) (ha : a ≠ 0) (h : a * b = a * c) : b = c", "exact mul_left_cancel₀ ha h"),
    ("theorem t (a : ℝ) (ha : a ≠ 0) : 0 < a ^ 2", "exact sq_pos_of_ne_zero ha"),
    ("theorem t (x y : ℕ) (h₀ : x + y = 25) (h₁ : x - y = 11) : x = 18", "ring_nf at h₀ h₁ ⊢\nomega"),
    ("theorem t (q : ℚ) (h : q = 7 / 2) : q.num = 7", "subst h\nnorm_num"),
    ("theorem t : (6 / 4 : ℚ).den = 2", "norm_num"),
    ("theorem t : Nat.fib 10 = 55", "norm_num"), ("theorem t : Nat.fib 10 = 55", "decide"),
    ("theorem t : Nat.fib 2 = 1", "simp"),
    ("theorem t (a : ℕ) (h : 0 ∣ a) : a = 0", "simpa using h"), ("theorem t (a : ℕ) : a ∣ 0 ∧ 1 ∣ a ∧ a ∣ a", "simp"),
    ("theorem t (a : ℤ) (h : a % 4 = 1) : a * a % 4 = 1", "simp [Int.mul_emod, h]"),
    ("theorem t (f : ℝ → ℝ) (h : ∀ x, x ≠ 0 → f x = 1) : f 1 = 1", "rw [h]\nnorm_num"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, x ≠ 0 → ∀ y, y ≠ 0 → f (x + y) = 0) : f 2 = 0",
     "rw [show (2:ℕ) = 1 + 1 by norm_num, h] <;> omega"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, 0 < x → f x = x) (h0 : f 3 = 5) : False", "rw [h] at h0\nomega\nomega"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, f x ∣ 0 → f x = 1) : f 0 = 1", "rw [h]\nsimp"),  # `dvd_zero` closes the premise
]

LEAN_REJECTS = [  # true statements, proofs real Lean + Mathlib rejects
    ("theorem t (a b c : ℝ) (hb : b ≠ 0) (h : a * b = b * c) : a = c", "exact mul_right_cancel₀ hb h"),  # `b * c` is not `c * b`
    ("theorem t (a b c : ℝ) (ha : a ≠ 0) (h : a * b = c * a) : b = c", "exact mul_left_cancel₀ ha h"),
    ("theorem t (x : ℝ) (hx : x ≠ 0) : 1 / x ≤ 1 / x + x ^ 2 / x", "field_simp\nrw [div_le_div_iff (by positivity) (by positivity)]\nnlinarith"),
    ("theorem t (x : ℝ) (hx : x ≠ 0) : 0 < x ^ 2", "exact sq_pos_of_ne_zero x"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, 0 < x → f x = x) : f 1 = 1", "rw [h]"),  # the premise `0 < 1` stays a goal
    ("theorem t : Nat.fib 10 = 55", "simp"),  # simp knows fib 0/1/2 only
]


@pytest.mark.parametrize("family", sorted(ATTACKS))
def test_false_statements_never_verify(backend, family):
    assert not verified(backend, ATTACKS[family]), f"{family}: MiniLean verified false statements"


def test_counterexamples_refute_each_statement():
    """Each attacked statement is false: its counterexample, evaluated here, meets the hypotheses and
    breaks the conclusion."""
    wrong = [s for s, w, _ in ALL_GROUPS if not w()]
    assert not wrong, wrong


@pytest.mark.parametrize("layout", ["lean-4.33", "column0"])
def test_false_statements_never_close_in_tactic_mode(layout):
    assert not closed_in_tactic_mode([pair for family in ATTACKS.values() for pair in family], layout)


def test_proofs_lean_rejects_are_refused(backend):
    assert not verified(backend, LEAN_REJECTS), "MiniLean verified proofs real Lean rejects"


def test_controls_verify(backend):
    assert not refused(backend, CONTROLS), "true statements with correct proofs refused"


def test_attack_counts():
    """The families keep their size (a shrinking list is a silent loss of coverage)."""
    assert sum(len(v) for v in ATTACKS.values()) >= 400
    assert all(len(v) >= 25 for v in ATTACKS.values()), {k: len(v) for k, v in ATTACKS.items()}


LAYOUT_FILES = [
    "theorem a (x : ℝ) (hx : x ≠ 0) : 1 / x ≤ 1 := by\nfield_simp\nrw [div_le_iff (by positivity)]\nlinarith\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a (f : ℕ → ℕ) (h : ∀ x, 0 < x → f x = x) : f 0 = 1 := by\nrw [h]\n· norm_num\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a (f : ℕ → ℕ) (h : ∀ x, 0 < x → f x = x) : f 0 = 0 := by\nrw [h]\nlemma b : (1:ℕ) = 1 := by rfl",
    "theorem a (f : ℕ → ℕ) (h : ∀ x, 0 < x → f x = x) : f 0 = 0 := by\n  rw [h]\n-- the premise `0 < 0` is left\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a : Nat.fib 10 = 89 := by\nnorm_num\ntheorem b : Nat.fib 10 = 55 := by norm_num",
    "theorem a (a : ℕ) : 0 ∣ a := by\nsimp\nexample : (1:ℕ) ∣ 5 := by simp",
    "theorem a (a b c : ℝ) (h : a * b = c * b) : a = c := by\napply mul_right_cancel₀ _ h\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a (x : ℕ) (h : x = 18) : x = 19 := by\nring_nf at h ⊢\ntheorem b : (1:ℕ) = 1 := by rfl",
]


@pytest.mark.parametrize("layout", ["lean-4.33", "column0"])
def test_layouts_never_hide_a_false_theorem(layout):
    clean = []
    for src in LAYOUT_FILES:
        repl = MiniLeanRepl(raise_internal=True, layout=layout)
        env = repl.handle({"cmd": "import Mathlib"})["env"]
        out = repl.handle({"cmd": src, "env": env})
        msgs = out.get("messages", [])
        if "message" not in out and not out.get("sorries") \
                and not any(m["severity"] == "error" or "sorry" in m["data"] for m in msgs):
            clean.append(src)
    assert not clean, f"{layout}: files with a false theorem checked clean: {clean}"


# -- field_simp, differentially: printed goals evaluated here with Lean's semantics ----------------

_TOKEN = re.compile(r"\s*(\d+|[A-Za-z_][A-Za-z_0-9'₀-₉]*|[≤≥≠<>=+\-*/^()↑¬∧∨→↔|]|⁻¹)")
_CMP = {"≤": F.__le__, "<": F.__lt__, "=": F.__eq__, "≠": F.__ne__, "≥": F.__ge__, ">": F.__gt__}


class _Reader:
    """An independent reader of MiniLean's printed ℝ propositions (numerals, variables, ``+ - * / ^ ⁻¹``,
    ``|·|``, comparisons, ``¬ ∧ ∨ → ↔``), evaluated with Lean's semantics: ``a / 0 = 0``, ``0⁻¹ = 0``."""

    def __init__(self, text: str, env: dict[str, F]):
        self.toks, self.i, self.env = [], 0, env
        pos = 0
        while pos < len(text.rstrip()):
            m = _TOKEN.match(text, pos)
            if m is None:
                raise ValueError(f"cannot read {text[pos:]!r}")
            self.toks.append(m.group(1))
            pos = m.end()

    def peek(self) -> str | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, want: str | None = None) -> str:
        tok = self.toks[self.i]
        if want is not None and tok != want:
            raise ValueError(f"expected {want}, found {tok}")
        self.i += 1
        return tok

    def prop(self) -> bool:
        a = self.binary(0)
        return a

    _LEVELS = [("↔", lambda a, b: a == b), ("→", lambda a, b: (not a) or b), ("∨", lambda a, b: a or b),
               ("∧", lambda a, b: a and b)]

    def binary(self, level: int) -> bool:
        if level == len(self._LEVELS):
            return self.literal()
        op, fn = self._LEVELS[level]
        a = self.binary(level + 1)
        if self.peek() == op:  # all right associative
            self.take()
            return fn(a, self.binary(level))
        return a

    def literal(self) -> bool:
        if self.peek() == "¬":
            self.take()
            return not self.literal()
        if self.peek() in ("True", "False"):
            return self.take() == "True"
        if self.peek() == "(":
            save = self.i
            try:
                self.take("(")
                v = self.prop()
                self.take(")")
                if self.peek() not in _CMP and self.peek() not in ("+", "-", "*", "/", "^", "⁻¹"):
                    return v
            except (ValueError, IndexError, KeyError):
                pass
            self.i = save
        a = self.sum()
        op = self.take()
        return _CMP[op](a, self.sum())

    def sum(self) -> F:
        a = self.product()
        while self.peek() in ("+", "-"):
            op, b = self.take(), self.product()
            a = a + b if op == "+" else a - b
        return a

    def product(self) -> F:
        a = self.unary()
        while self.peek() in ("*", "/"):
            op, b = self.take(), self.unary()
            a = a * b if op == "*" else _d(a, b)
        return a

    def unary(self) -> F:
        if self.peek() == "-":
            self.take()
            return -self.unary()
        a = self.postfix()
        if self.peek() == "^":
            self.take()
            n = self.unary()
            return a ** int(n)
        return a

    def postfix(self) -> F:
        a = self.atom()
        while self.peek() == "⁻¹":
            self.take()
            a = _d(F(1), a)
        return a

    def atom(self) -> F:
        tok = self.take()
        if tok == "(":
            v = self.sum()
            self.take(")")
            return v
        if tok == "|":
            v = self.sum()
            self.take("|")
            return abs(v)
        if tok == "↑":
            return self.atom()
        return F(int(tok)) if tok.isdigit() else self.env[tok]


def _holds(text: str, env: dict[str, F]) -> bool:
    reader = _Reader(text, env)
    value = reader.prop()
    if reader.i != len(reader.toks):
        raise ValueError(f"unread {reader.toks[reader.i:]} in {text!r}")
    return value


def _sequent(goal: str) -> tuple[list[str], str]:
    """The hypotheses (propositions only) and the target of a printed goal; wrapped lines joined."""
    lines: list[str] = []
    for line in goal.split("\n"):
        if line.startswith(" ") and lines:
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    hyps = [ln.split(" : ", 1)[1] for ln in lines if " : " in ln and not ln.startswith("⊢")]
    return [h for h in hyps if h.strip() != "ℝ"], next(ln[2:] for ln in lines if ln.startswith("⊢ "))


_DENOMINATORS = ["x", "y", "x - 1", "1 - x", "x + y", "x * y", "x ^ 2", "1 / x + 1", "x - y", "2 * x - 2", "(x - 1) * (x + 1)",
                 "x⁻¹", "-x", "x * x", "y - x", "x ^ 2 + 1", "x / y", "2 * x", "x + 1", "x ^ 2 - 1", "y ^ 3", "x + -1", "1 + x"]  # fmt: skip
_SIDE_CONDITIONS = ["x ≠ 0", "0 < x", "x < 0", "y ≠ 0", "x - 1 ≠ 0", "1 - x ≠ 0", "x ≠ 1", "x + y ≠ 0", "0 < y", "x * y ≠ 0",
                    "x ^ 2 ≠ 0", "0 < x - 1", "-x + 1 ≠ 0", "0 ≠ x", "y < 0", "x - y ≠ 0", "x + 1 ≠ 0", "2 * x - 2 ≠ 0",
                    "0 < -x", "x ^ 2 - 1 ≠ 0", "x * x ≠ 0", "0 < x * y", "x⁻¹ ≠ 0", "x ≠ y", "x ≠ -y", "1 ≠ x"]  # fmt: skip
_FIELD_SIMP_TACTICS = ["field_simp", "field_simp at h", "field_simp at h ⊢", "field_simp [HX]", "field_simp at *",
                       "field_simp [sub_eq_zero]", "field_simp [add_eq_zero_iff_eq_neg] at h ⊢", "field_simp\nfield_simp"]  # fmt: skip
_POINTS = [{"x": a, "y": b} for a in (F(-2), F(-1), F(0), F(1), F(2), F(1, 2), F(-1, 2), F(3, 2)) for b in (F(-1), F(0), F(1), F(2), F(1, 3))]


def _rational_term(rng: random.Random, depth: int) -> str:
    if depth == 0 or rng.random() < 0.25:
        return rng.choice(["x", "y", "1", "2", "3"])
    r = rng.random()
    if r < 0.35:
        return f"({_rational_term(rng, depth - 1)} / ({rng.choice(_DENOMINATORS)}))"
    if r < 0.5:
        return f"({_rational_term(rng, depth - 1)} / {_rational_term(rng, depth - 1)})"
    if r < 0.9:
        return f"({_rational_term(rng, depth - 1)} {rng.choice('+-*')} {_rational_term(rng, depth - 1)})"
    return f"({_rational_term(rng, depth - 1)})⁻¹" if r < 0.95 else f"({_rational_term(rng, depth - 1)}) ^ 2"


def _field_simp_counterexamples(n: int, seed: int) -> list[tuple]:
    rng = random.Random(seed)
    repl = MiniLeanRepl(raise_internal=True)
    env = repl.handle({"cmd": "import Mathlib"})["env"]
    found, ran = [], 0
    for _ in range(n):
        conditions = rng.sample(_SIDE_CONDITIONS, rng.randint(0, 3))
        goal = f"{_rational_term(rng, 2)} {rng.choice(['<', '≤', '=', '≠', '>', '≥', '<', '≤'])} {_rational_term(rng, 2)}"
        hyp = f"{_rational_term(rng, 2)} {rng.choice(['<', '≤', '=', '≠'])} {_rational_term(rng, 1)}"
        binders = " ".join(f"(h{i} : {c})" for i, c in enumerate(conditions))
        statement = f"theorem t (x y : ℝ) {binders} (h : {hyp}) : {goal}"
        out = repl.handle({"cmd": statement + " := by sorry", "env": env})
        if "sorries" not in out:
            continue
        state = out["sorries"][0]["proofState"]
        old_hyps, old_target = _sequent(out["sorries"][0]["goal"])
        points = [p for p in _POINTS if all(_holds(h, p) for h in old_hyps)]
        for tactic in _FIELD_SIMP_TACTICS:
            tactic = tactic.replace("HX", "h0" if conditions else "h")
            res = repl.handle({"tactic": tactic, "proofState": state})
            if "goals" not in res:
                continue
            ran += 1
            if not res["goals"]:
                found += [("closed a false goal", statement, tactic, p) for p in points if not _holds(old_target, p)][:1]
            for g in res["goals"]:
                new_hyps, new_target = _sequent(g)
                for p in points:
                    if not all(_holds(h, p) for h in new_hyps):
                        found.append(("a stronger hypothesis", statement, tactic, g, p))
                        break
                    if _holds(new_target, p) and not _holds(old_target, p):
                        found.append(("a weaker goal", statement, tactic, g, p))
                        break
    assert ran > n, f"only {ran} field_simp calls ran: the generator no longer exercises field_simp"
    return found


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_field_simp_is_an_equivalence(seed):
    found = _field_simp_counterexamples(120, seed)
    assert not found, found[:5]


def test_reader_agrees_with_lean_semantics():
    """The differential test's reader: Lean's precedence and ``/ 0``, ``⁻¹`` of 0."""
    env = {"x": F(0), "y": F(2)}
    assert _holds("1 / x = 0 ∧ x⁻¹ = 0", env) and _holds("-y ^ 2 = -4", env) and _holds("2 - 1 - 1 = 0", env)
    assert _holds("¬y = 0 → (x < y ∨ False)", env) and not _holds("y / y * 2 < 2", env)
    assert _holds("(1 + y) / (y - 1) ≤ 3 ↔ True", env)
