"""Red team of the mechanisms merged in 6a14410/5d7b73b/d37563f: simp below function applications
(``simpterms``), conditional library lemmas behind simp's discharger, simp's cast lemmas and ``0 < a + k``
in ℕ, ``induction h`` on ``h : b ≤ n``/``b < n``, ``fun`` terms/``funext``/β in the core, linarith on
``≠``/``¬ (a < b)`` goals, the number-theory rules (``ModEq`` unfolding, big-operator and ``Icc`` recursion,
``Int.floor_eq_iff``/``ceil_eq_iff``, floor cast laws, ``contradiction`` on closed relations, ``apply rfl``,
``apply f a (by …)``) and simp's fast path for a closed ℕ/ℤ goal.

Every entry of ``ATTACKS`` is a FALSE statement with a counterexample checked here in Python with Lean's
semantics (ℕ subtraction truncates, ℕ/ℤ division is Euclidean, ``x / 0 = 0``, ``Real.sqrt`` of a negative
is 0, ``Real.log x = Real.log |x|`` and ``Real.log 0 = 0``). None may pass ``Backend.verify`` (the path that
pays a reward), nor close in the REPL's tactic mode one tactic at a time.

``GENERATED`` is a differential test of rewriting below applications: random ℕ/ℤ/ℝ terms ``e`` and a
"simplification" ``e'`` of them that holds in a field but maybe not at Lean's types (``a - b + b = a``,
``x / x = 1``, ``↑(n - m) = ↑n - ↑m``…); ``f e = f e'`` (also ``Real.cos``/``sqrt``/``log``/``exp``) may
verify only where it holds at every sample point.

``CONTROLS`` are true neighbours that must verify; ``LEAN_REJECTS`` are true statements with proofs real
Lean + Mathlib rejects. One hole was found and fixed: simp's closed-goal fast path skipped the
elaboration of a simp argument naming a local that is no proof (``simp [n]`` with ``n : ℕ``).
"""

from __future__ import annotations

import math
import random
from fractions import Fraction as F

import pytest

from leangym.minilean.repl import MiniLeanRepl

from .helpers import Attack, closed_in_tactic_mode, refused, verified
from .helpers import expand_attacks as _expand
from .helpers import lean_div as _d
from .helpers import lean_ediv as _ediv
from .helpers import lean_emod as _emod
from .helpers import verify as _verify


def _tsub(a: int, b: int) -> int:
    """ℕ subtraction."""
    return max(a - b, 0)


def _log(x: float) -> float:
    return 0.0 if x == 0 else math.log(abs(x))


def _sqrt(x: float) -> float:
    return 0.0 if x < 0 else math.sqrt(x)


CLOSERS = ["simp", "norm_num", "simp_all", "field_simp", "decide", "rfl", "omega", "push_cast\nring"]


# 1. simp/norm_num below applications: ℕ truncation, division, `x / x`, `0⁻¹`, special values
BELOW_APPLICATIONS: list[Attack] = [
    ("theorem t (n m : ℕ) (f : ℕ → ℝ) : f (n - m + m) = f n", lambda f=lambda k: F(k): f(_tsub(0, 1) + 1) != f(0), CLOSERS),
    ("theorem t (n m : ℕ) (f : ℕ → ℝ) : f (n - m) = f 0", lambda: 1 - 0 != 0, CLOSERS),
    ("theorem t (n : ℕ) (f : ℕ → ℝ) : f (n / n) = f 1", lambda: _ediv(0, 0) != 1, CLOSERS),
    ("theorem t (x : ℝ) (f : ℝ → ℝ) : f (x / x) = f 1", lambda: _d(0, 0) != 1, CLOSERS),
    ("theorem t (x : ℝ) (f : ℝ → ℝ) : f (x * x⁻¹) = f 1", lambda: 0 * _d(1, 0) != 1, CLOSERS),
    ("theorem t (f : ℝ → ℝ) : f (0⁻¹) = f 1", lambda: _d(1, 0) != 1, CLOSERS),
    ("theorem t (f : ℝ → ℝ) : f (1 / 0) = f 1", lambda: _d(1, 0) != 1, CLOSERS),
    ("theorem t (f : ℤ → ℤ) : f (-7 / 2) = f (-3)", lambda: _ediv(-7, 2) != -3, CLOSERS),
    ("theorem t (f : ℤ → ℤ) : f (7 / -2) = f (-4)", lambda: _ediv(7, -2) != -4, CLOSERS),
    ("theorem t (f : ℤ → ℤ) : f (-7 % 2) = f (-1)", lambda: _emod(-7, 2) != -1, CLOSERS),
    ("theorem t (f : ℕ → ℕ) : f (2 - 3) = f 1", lambda: _tsub(2, 3) != 1, CLOSERS),
    ("theorem t (f : ℕ → ℝ) : f (2 - 3) = f 1", lambda: _tsub(2, 3) != 1, CLOSERS),
    ("theorem t (f : ℕ → ℝ) (n : ℕ) : f (n - (n + 1) + 1) = f n", lambda: _tsub(2, 3) + 1 != 2, CLOSERS),
    ("theorem t (f : ℕ → ℕ) (a : ℕ) : f (a % 1) = f a", lambda: 5 % 1 != 5, CLOSERS),
    ("theorem t (f : ℤ → ℝ) (a : ℤ) : f (-(a - 1)) = f (a - 1)", lambda: -(3 - 1) != 3 - 1, CLOSERS),
    ("theorem t (f : ℕ → ℝ) (a b : ℕ) : f (a * b / b) = f a", lambda: _ediv(3 * 0, 0) != 3, CLOSERS),
    ("theorem t (f : ℝ → ℝ) (a b : ℝ) : f (a * b / b) = f a", lambda: _d(F(3) * 0, F(0)) != 3, CLOSERS),
    ("theorem t (f : ℝ → ℝ) (a : ℝ) : f (a / a * 2) = f 2", lambda: _d(0, 0) * 2 != 2, CLOSERS),
    ("theorem t : Real.sqrt (-1) = -1", lambda: _sqrt(-1) != -1, CLOSERS),
    ("theorem t : Real.log (-1) = 1", lambda: _log(-1) != 1, CLOSERS),
    ("theorem t : Real.log 0 = 1", lambda: _log(0) != 1, CLOSERS),
    ("theorem t : Real.cos π = 1", lambda: math.cos(math.pi) != 1, CLOSERS),
    ("theorem t : Real.sin (-π) = 1", lambda: abs(math.sin(-math.pi)) < 1e-9, CLOSERS),
    ("theorem t : Real.cos (-0) = 0", lambda: math.cos(0) != 0, CLOSERS),
    ("theorem t : Real.exp 0 = 0", lambda: math.exp(0) != 0, CLOSERS),
    ("theorem t : Real.sqrt 1 = -1", lambda: math.sqrt(1) != -1, CLOSERS),
    ("theorem t (x : ℝ) : Real.sqrt (x ^ 2) = x", lambda: _sqrt(4) != -2, CLOSERS),
    ("theorem t (x : ℝ) : Real.cos (x - x) = 0", lambda: math.cos(0) != 0, CLOSERS),
    ("theorem t (x : ℝ) : Real.sin (-x) = Real.sin x", lambda: math.sin(-1) != math.sin(1), CLOSERS),
    ("theorem t (x : ℝ) : Real.log (x / x) = Real.log 1 + 1", lambda: _log(_d(0, 0)) != 1, CLOSERS),
    ("theorem t (x : ℝ) : |x| = x", lambda: abs(-1) != -1, CLOSERS),
    ("theorem t (x : ℝ) : |-x| = -x", lambda: abs(1) != -1, CLOSERS),
    ("theorem t (x y : ℝ) : |x - y| = y - x", lambda: abs(2 - 1) != 1 - 2, CLOSERS),
    ("theorem t (f : ℝ → ℝ) (x : ℝ) : f |x - 0| = f x", lambda f=lambda v: v: f(abs(-1)) != f(-1), CLOSERS),
]

# 2. conditional library lemmas: premises that are almost hypotheses, of another type, flipped, circular
_CONDITIONAL_PROOFS = ["simp [abs_of_nonneg]", "simp [abs_of_nonneg, h]", "norm_num [abs_of_nonneg]", "simp_all [abs_of_nonneg]",
                       "simp [abs_of_pos, h]", "simp_all [abs_of_pos]", "simp [abs_of_nonpos, h]", "simp [abs_of_neg, h]",
                       "simp [abs_of_nonneg, sub_nonneg, h]", "simp_all [abs_of_nonneg, sub_nonneg]"]  # fmt: skip
CONDITIONAL_SIMP: list[Attack] = [
    ("theorem t (x : ℝ) (h : 0 ≤ x + 1) : |x| = x", lambda x=-0.5: 0 <= x + 1 and abs(x) != x, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (h : 0 ≤ -x) : |x| = x", lambda x=-1: 0 <= -x and abs(x) != x, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (h : x ≤ 0) : |x| = x", lambda x=-1: x <= 0 and abs(x) != x, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (h : 0 ≥ x) : |x| = x", lambda x=-1: 0 >= x and abs(x) != x, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (h : x ≥ 0) : |x| = -x", lambda x=1: x >= 0 and abs(x) != -x, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (h : 0 ≤ |x|) : |x| = x", lambda x=-1: abs(x) != x, _CONDITIONAL_PROOFS),
    ("theorem t (n : ℤ) (h : (0:ℤ) ≤ n - 1) : |n| = n - 1", lambda n=1: abs(n) != n - 1, _CONDITIONAL_PROOFS),
    ("theorem t (n : ℕ) (x : ℤ) (h : 0 ≤ n) : |x| = x", lambda x=-1: abs(x) != x, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (h : 0 ≤ x → 0 ≤ x) : |x| = x", lambda x=-1: abs(x) != x, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (h : ¬ (0 ≤ x)) : |x| = x", lambda x=-1: not 0 <= x and abs(x) != x, _CONDITIONAL_PROOFS),
    ("theorem t (x y : ℝ) (h : 0 ≤ y) : |x| = x", lambda x=-1: abs(x) != x, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (h : 0 < x ∨ x < 0) : |x| = x", lambda x=-1: abs(x) != x, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (h : (0:ℝ) ≤ 1) : |x| = x", lambda x=-1: abs(x) != x, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (h : |x| = 2) : x = 2", lambda x=-2: abs(x) == 2 and x != 2, [
        "simp [abs_of_nonneg] at h\nexact h", "simp_all [abs_of_nonneg]", "simp [abs_of_nonneg] at h\nlinarith", "simp [abs_of_pos] at h\nlinarith"]),
    ("theorem t (x : ℝ) (h : |x| = x) : 0 < x", lambda x=0: abs(x) == x and not 0 < x, [
        "simp [abs_of_nonneg] at h", "simp_all [abs_of_nonneg]", "simp [abs_of_nonneg] at h\nlinarith"]),
    ("theorem t (x : ℝ) (h : 0 ≤ x) : |x - 1| = x - 1", lambda x=0: abs(x - 1) != x - 1, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (h : x ≤ 1) : |x - 1| = x - 1", lambda x=0: abs(x - 1) != x - 1, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (h : 0 ≤ x) : |x| = x + 1", lambda x=0: abs(x) != x + 1, _CONDITIONAL_PROOFS),
    ("theorem t (x : ℝ) (hx : 0 < x) : Real.sqrt (x ^ 2) = -x", lambda x=1: _sqrt(x ** 2) != -x, [
        "simp [Real.sqrt_sq, hx.le]", "simp [Real.sqrt_sq]", "rw [Real.sqrt_sq]", "norm_num [Real.sqrt_sq, hx.le]"]),
    ("theorem t (x : ℝ) (h : 0 ≤ x ^ 2) : Real.sqrt (x ^ 2) = x", lambda x=-1: _sqrt(x ** 2) != x, [
        "simp [Real.sqrt_sq]", "rw [Real.sqrt_sq]", "simp [Real.sqrt_sq, h]", "simp_all [Real.sqrt_sq]", "norm_num [Real.sqrt_sq]"]),
    ("theorem t (x : ℝ) (h : 0 ≤ Real.sqrt x) : Real.sqrt x ^ 2 = x", lambda x=-1: _sqrt(x) ** 2 != x, [
        "simp [Real.sq_sqrt]", "rw [Real.sq_sqrt]", "simp [Real.sq_sqrt, h]", "simp_all [Real.sq_sqrt]", "norm_num [Real.sq_sqrt]"]),
    ("theorem t (x : ℝ) (h : 0 ≤ x) : Real.exp (Real.log x) = x", lambda x=0: math.exp(_log(x)) != x, [
        "simp [Real.exp_log]", "rw [Real.exp_log h]", "simp [Real.exp_log, h]", "simp_all [Real.exp_log]", "rw [Real.exp_log]"]),
    ("theorem t (a b : ℕ) (h : a ≤ b) : ((a - b : ℕ) : ℝ) = a - b", lambda a=1, b=2: _tsub(a, b) != a - b, [
        "simp_all", "push_cast\nring", "simp [h]", "norm_num [h]", "simp_all [Nat.cast_sub]", "field_simp"]),
    ("theorem t (a : ℝ) : a / a = 1", lambda: _d(0, 0) != 1, [
        "simp [div_self]", "rw [div_self]", "norm_num [div_self]", "simp_all [div_self]", "field_simp"]),
    ("theorem t (a : ℝ) (h : a ≠ 1) : a / a = 1", lambda: _d(0, 0) != 1, [
        "simp [div_self, h]", "simp_all [div_self]", "norm_num [div_self, h]", "rw [div_self h]", "field_simp"]),
]

# 3. casts in plain simp/norm_num/field_simp/simpa and `0 < a + k` in ℕ
CASTS: list[Attack] = [
    *[(s, w, CLOSERS + ["norm_cast", "exact_mod_cast rfl", "simpa using rfl"]) for s, w in [
        ("theorem t (n m : ℕ) : ((n - m : ℕ) : ℝ) = n - m", lambda: _tsub(1, 2) != 1 - 2),
        ("theorem t (n m : ℕ) : ((n - m : ℕ) : ℤ) = n - m", lambda: _tsub(1, 2) != 1 - 2),
        ("theorem t (n m : ℕ) : ((n / m : ℕ) : ℝ) = n / m", lambda: _ediv(1, 2) != F(1, 2)),
        ("theorem t (n m : ℕ) : ((n % m : ℕ) : ℤ) = n - m", lambda: 1 % 2 != 1 - 2),
        ("theorem t (n : ℤ) : ((n.toNat : ℕ) : ℤ) = n", lambda: max(-1, 0) != -1),
        ("theorem t (n : ℤ) : ((Int.natAbs n : ℕ) : ℤ) = n", lambda: abs(-1) != -1),
        ("theorem t (n : ℕ) : 0 < n + 0", lambda: not 0 < 0 + 0),
        ("theorem t (n : ℤ) : 0 < n + 1", lambda: not 0 < -1 + 1),
        ("theorem t (x : ℝ) : 0 < x + 1", lambda: not 0 < -1 + 1),
        ("theorem t (x : ℕ) : 0 < x + 1 - 1", lambda: not 0 < 0 + 1 - 1),
        ("theorem t (x : ℕ) : 0 < x * 1 + 0", lambda: not 0 < 0),
        ("theorem t (x : ℕ) : 0 < x + (2 - 3)", lambda: not 0 < 0 + _tsub(2, 3)),
        ("theorem t (x : ℕ) : (0:ℤ) < x + 1 - 1", lambda: not 0 < 0 + 1 - 1),
        ("theorem t (x : ℕ) : 0 < (x : ℤ) - 1 + 1", lambda: not 0 < 0 - 1 + 1),
        ("theorem t (x : ℕ) : 1 < x + 1", lambda: not 1 < 0 + 1),
        ("theorem t (x : ℕ) : 0 < x + 1 ∧ 0 < x", lambda: not 0 < 0),
        ("theorem t (x : ℕ) : (0 < x + 1) → x = 0", lambda: 1 != 0),
        ("theorem t (x : ℕ) : ¬ (0 < x + 1)", lambda: 0 < 0 + 1),
        ("theorem t (n : ℕ) : ((n - 1 : ℕ) : ℝ) + 1 = n", lambda: _tsub(0, 1) + 1 != 0),
        ("theorem t (n m : ℕ) : ((n - m : ℕ) : ℝ) + m = n", lambda: _tsub(1, 2) + 2 != 1),
        ("theorem t (n : ℕ) : ((n / 2 : ℕ) : ℝ) * 2 = n", lambda: _ediv(1, 2) * 2 != 1),
        ("theorem t (n : ℕ) : ((2 - n : ℕ) : ℤ) = 2 - n", lambda: _tsub(2, 3) != 2 - 3),
    ]],
    ("theorem t (x : ℕ) (h : x = 2) : ((x - 3 : ℕ) : ℤ) = -1", lambda: _tsub(2, 3) != -1, [
        "simp [h]", "norm_num [h]", "subst h\nsimp", "simp_all", "subst h\nnorm_num", "subst h\npush_cast\nring"]),
    ("theorem t (x : ℕ) (h : 0 < x + 1) : x = 7", lambda: 0 < 0 + 1 and 0 != 7, [
        "simp at h", "simp_all", "simp at h\nomega", "norm_num at h"]),
    ("theorem t (x : ℤ) (h : ¬ (0 < x + 1)) : False", lambda: not 0 < -1 + 1, ["simp at h", "simp_all", "norm_num at h"]),
]

# 4. `induction h` on `h : b ≤ n` / `b < n`
INDUCTION_LE: list[Attack] = [
    ("theorem t (n : ℕ) (h : 2 ≤ n) : 3 ≤ n", lambda n=2: 2 <= n and not 3 <= n, [
        "induction h with\n| refl => norm_num\n| step h ih => omega", "induction h\nnorm_num\nomega", "induction h\nall_goals omega",
        "induction' h with m hm ih\nnorm_num\nomega", "induction h with\n| refl => omega\n| step hm ih => exact ih",
        "induction' h with m hm ih\nomega\nexact hm"]),
    ("theorem t (n : ℕ) (h : 2 ≤ n) : n = 2", lambda n=3: 2 <= n and n != 2, [
        "induction h\nrfl\nomega", "induction h with\n| refl => rfl\n| step h ih => omega", "induction h\nrfl\nsimp_all",
        "induction h\nall_goals simp_all", "induction h\nrfl\nsimp [h]", "induction h\nrfl\nlinarith [h]",
        "induction h\nrfl\nexact absurd h (by omega)"]),
    ("theorem t (n : ℕ) (h : 2 ≤ n) (h2 : n ≤ 5) : n ≤ 4", lambda n=5: 2 <= n <= 5 and n > 4, [
        "induction h\nnorm_num\nomega", "induction h\nall_goals omega", "induction h with\n| refl => norm_num\n| step hm ih => omega"]),
    ("theorem t (n : ℕ) (h : 2 ≤ n) : n < 2", lambda n=2: not n < 2, [
        "induction h\nassumption\nassumption", "induction h\nall_goals exact h", "induction h\nall_goals linarith", "induction h <;> omega",
        "induction h\nall_goals contradiction"]),
    ("theorem t (n : ℕ) (h : 2 < n) : n = 3", lambda n=4: 2 < n and n != 3, [
        "induction h\nrfl\nomega", "induction h\nall_goals omega", "induction h\nrfl\nsimp_all"]),
    ("theorem t (n : ℕ) (h : n ≥ 1) (h2 : n ≠ 3) : n ≤ 2", lambda n=4: n >= 1 and n != 3 and n > 2, [
        "induction h\nnorm_num\nomega", "induction h\nall_goals omega", "induction h\nnorm_num\nsimp_all"]),
    ("theorem t (n m : ℕ) (h : m ≤ n) : m = n", lambda m=0, n=1: m <= n and m != n, [
        "induction h\nrfl\nomega", "induction h\nall_goals omega", "induction h\nrfl\nsimp_all", "induction h\nrfl\nexact ih"]),
    ("theorem t (n : ℕ) (h : n ≤ 3) : n = 3", lambda n=0: n <= 3 and n != 3, [
        "induction h\nrfl\nomega", "induction h\nall_goals omega", "induction h\nrfl\nsimp_all"]),
    ("theorem t (n : ℕ) (h : 0 ≤ n) : n = 0", lambda n=1: n != 0, [
        "induction h\nrfl\nomega", "induction h\nall_goals omega", "induction h\nrfl\nsimp_all", "induction h\nrfl\nlinarith"]),
    ("theorem t (n k : ℕ) (h : k ≤ n) (hk : k = 5) : n = 5", lambda n=6: n != 5, [
        "induction h\nexact hk\nomega", "induction h\nall_goals omega", "induction h\nsimp_all\nsimp_all", "induction h\nassumption\nomega"]),
    ("theorem t (n : ℕ) (h : 2 ≤ n) : 2 ^ n ≤ n ^ 2", lambda n=5: 2 ** n > n ** 2, [
        "induction h\nnorm_num\nnlinarith", "induction h\nnorm_num\nomega", "induction h\nall_goals nlinarith",
        "induction' h with k hk ih\nnorm_num\nnlinarith [ih]", "induction h\nnorm_num\nsimp_all"]),
    ("theorem t (n : ℕ) (h : 3 ≤ n) : n ^ 2 < 2 ^ n + 1", lambda n=3: not n ** 2 < 2 ** n + 1, [
        "induction h\nnorm_num\nnlinarith", "induction h with\n| refl => norm_num\n| step hm ih => ring_nf\nnlinarith"]),
    ("theorem t (n : ℕ) (h : 2 ≤ n) : n ≤ 2", lambda n=3: n > 2, [
        "induction h with\n| refl => rfl\n| step hm ih => omega", "induction' h with m hm ih\nrfl\nomega"]),
    ("theorem t (n m : ℕ) (h : m ≤ n) (hm : 0 < m) : 0 < n - m", lambda n=1, m=1: not 0 < n - m, [
        "induction h\nsimp\nomega", "induction h generalizing m\nall_goals omega", "induction h with\n| refl => simp\n| step _ ih => omega"]),
]

# 6. linarith/nlinarith on `≠` and `¬ (a < b)` goals (Not.intro)
LINARITH_NE: list[Attack] = [
    (s, w, ["linarith", "nlinarith", "nlinarith [sq_nonneg x]" if "x" in s else "positivity"]) for s, w in [
        ("theorem t (x y : ℝ) (h : x ≤ y) : x ≠ y", lambda: True),  # x = y = 0
        ("theorem t (x : ℝ) (h : 0 ≤ x) : x ≠ 0", lambda: True),  # x = 0
        ("theorem t (x y : ℝ) (h : x < y) : ¬ (y < x + 1)", lambda x=0, y=0.5: x < y < x + 1),
        ("theorem t (x : ℝ) : ¬ (x ≤ x)", lambda: True),
        ("theorem t (x : ℝ) : x ^ 2 ≠ 0", lambda: 0 ** 2 == 0),
        ("theorem t (x : ℕ) : x ≠ 0", lambda: True),
        ("theorem t (x : ℕ) : x - 1 ≠ x", lambda: _tsub(0, 1) == 0),
        ("theorem t (x : ℤ) (h : x ≠ 1) : x ≠ 2", lambda: 2 != 1),
        ("theorem t (x y : ℝ) (h : x ≠ y) : x + 1 ≠ y + 2", lambda x=1, y=0: x != y and x + 1 == y + 2),
        ("theorem t (x y : ℝ) (h : x * y = 1) : x ≠ 1", lambda x=1, y=1: x * y == 1),
        ("theorem t (x : ℝ) (h : x ≠ 0) : ¬ (x ^ 2 > 0)", lambda x=1: x ** 2 > 0),
        ("theorem t (x : ℝ) : ¬ (x = x)", lambda: True),
        ("theorem t (x : ℝ) : ¬ (x ≠ 1)", lambda x=0: x != 1),
        ("theorem t (x : ℝ) (h : ¬ x < 0) : ¬ (x ≥ 0)", lambda x=0: not x < 0 and x >= 0),
        ("theorem t (a b : ℕ) (h : a ≤ b) : b - a ≠ b", lambda a=0, b=3: _tsub(b, a) == b),
        ("theorem t (x : ℝ) (h : 0 < x) : 1 / x ≠ 0 ∧ x ≠ x", lambda: True),
        ("theorem t (x : ℝ) (h : x / x = 1) : ¬ (x / x < 2)", lambda x=1: _d(x, x) == 1),
        ("theorem t (a : ℕ) (h : a < 3) : ¬ (a ≤ 2)", lambda a=2: a < 3 and a <= 2),
        ("theorem t (x : ℝ) (h : 1 < x) : ¬ (x ≤ x ^ 2)", lambda x=2: x <= x ** 2),
        ("theorem t (x y : ℝ) (h₁ : x + y = 2) (h₂ : x - y = 0) : x ≠ 1", lambda x=1, y=1: x + y == 2 and x - y == 0),
        ("theorem t (x : ℤ) (h : 2 * x ≠ 3) : x ≠ 5", lambda x=5: 2 * x != 3),
        ("theorem t (x y : ℝ) : x ≠ y ∨ ¬ (x ≤ y)", lambda: True),  # x = y
    ]
]

# 5. fun terms, funext, β-reduction in the core
FUN_TERMS: list[Attack] = [
    ("theorem t (f : ℝ → ℝ) (hf : f = fun x => x - 1) : f 0 = 0", lambda: 0 - 1 != 0, [
        "subst hf\nnorm_num", "rw [hf]\nnorm_num", "simp [hf]", "norm_num [hf]", "simp_all"]),
    ("theorem t (f : ℝ → ℝ) (hf : f = fun (x : ℕ) => x - 1) : f 0 = 0", lambda: 0 - 1 != 0, [  # Lean: binder type mismatch
        "subst hf\nnorm_num", "rw [hf]\nnorm_num", "simp [hf]", "simp_all"]),
    ("theorem t (f : ℕ → ℕ) (hf : f = fun x => x - 1) : f 0 = 1", lambda: _tsub(0, 1) != 1, [
        "subst hf\nnorm_num", "rw [hf]", "simp [hf]", "norm_num [hf]", "simp_all", "subst hf\nrfl", "subst hf\ndecide"]),
    ("theorem t (f : ℕ → ℝ) (hf : f = fun x => x - 1) : f 0 = 0", lambda: 0 - 1 != 0, [  # `x - 1` at ℝ: -1
        "subst hf\nnorm_num", "rw [hf]\nnorm_num", "simp [hf]", "norm_num [hf]", "simp_all"]),
    ("theorem t (f : ℕ → ℝ) (hf : f = fun x => ((x - 1 : ℕ) : ℝ)) : f 0 = -1", lambda: _tsub(0, 1) != -1, [
        "subst hf\nnorm_num", "rw [hf]\nnorm_num", "simp [hf]", "norm_num [hf]", "simp_all", "subst hf\npush_cast\nring"]),
    ("theorem t (f : ℝ → ℝ) (x : ℝ) (hf : f = fun y => x + y) (hx : x = 1) : f 2 = 2", lambda: 1 + 2 != 2, [
        "subst hf\nnorm_num", "simp [hf, hx]", "simp_all", "subst hf\nsubst hx\nnorm_num"]),
    ("theorem t (f : ℝ → ℝ → ℝ) (hf : f = fun x y => x - y) : f 1 2 = 1", lambda: 1 - 2 != 1, [
        "subst hf\nnorm_num", "rw [hf]\nnorm_num", "simp [hf]", "norm_num [hf]", "simp_all"]),
    ("theorem t (f : ℝ → ℝ → ℝ) (hf : f = fun y x => x - y) : f 2 1 = 1", lambda: 1 - 2 != 1, [
        "subst hf\nnorm_num", "rw [hf]\nnorm_num", "simp [hf]", "norm_num [hf]", "simp_all"]),
    ("theorem t (f g : ℝ → ℝ) (hf : f = g) (hg : g = fun x => 2 * x) : f 1 = 3", lambda: 2 * 1 != 3, [
        "subst hg\nsubst hf\nnorm_num", "rw [hf, hg]\nnorm_num", "simp [hf, hg]", "simp_all"]),
    ("theorem t (f : ℝ → ℝ) (hf : f = fun x => x ^ 2) : f = fun x => x", lambda: 2 ** 2 != 2, [
        "funext x\nsimp [hf]", "subst hf\nfunext x\nring", "rw [hf]", "simp [hf]", "funext\nrw [hf]\nring", "subst hf\nrfl"]),
    ("theorem t (f g : ℝ → ℝ) (h : ∀ x, f x = g x + 1) : f = g", lambda: True, [  # g = 0, f = 1
        "funext x\nrw [h]", "funext x\nlinarith [h x]", "funext x\nsimp [h]", "funext\nsimp [h]"]),
    ("theorem t (f g : ℕ → ℕ) (h : ∀ x, f x = g x - 0) : f = fun x => g x + 1", lambda: True, [  # f = g = 0
        "funext x\nrw [h]\nsimp", "funext x\nsimp [h]", "funext x\nomega", "funext x\nrw [h]\nomega"]),
    ("theorem t (f : ℕ → ℕ → ℕ) (h : ∀ x y, f x y = x) : f = fun x y => y", lambda: 1 != 0, [  # f 1 0 = 1 ≠ 0
        "funext x y\nrw [h]", "funext x y\nsimp [h]", "funext\nsimp [h]", "funext x\nfunext y\nrw [h]", "funext y x\nrw [h]",
        "funext x y\nexact h x y"]),
    ("theorem t : ∃ f : ℕ → ℕ, ∀ n, f n + 1 = f n", lambda: True, [
        "use fun x => x\nintro n\nomega", "use fun x => x - 1\nintro n\nomega", "use fun _ => 0\nsimp"]),
    ("theorem t : ∃ f : ℝ → ℝ, ∀ x, f x = f (x + 1) + 1 ∧ f 0 = f 1", lambda f=lambda x: -x: f(0) != f(1), [
        "use fun x => -x\nintro x\nconstructor <;> ring", "use fun x => -x\nintro x\nconstructor\nring\nnorm_num"]),
    ("theorem t (x : ℝ) : ∃ f : ℝ → ℝ, f x = x + 1 ∧ f 0 = 0", lambda x=1: True, [  # x = 0: f 0 = 1 and f 0 = 0
        "use fun y => y + 1\nsimp", "use fun x => x + 1\nconstructor <;> norm_num", "use fun y => x + 1\nconstructor <;> norm_num"]),
    ("theorem t (f : ℕ → ℕ) (h : f = fun x => f x) : f 0 = 1", lambda: True, [  # f = 0
        "simp [h]", "rw [h]", "subst h", "simp_all"]),
    ("theorem t (f : ℝ → ℝ) (x : ℝ) (hf : f = fun x => x + x) : f x = x", lambda x=1: x + x != x, [
        "subst hf\nring", "rw [hf]\nring_nf", "simp [hf]", "simp_all", "subst hf\nsimp"]),
    ("theorem t (f : ℝ → ℝ) (y : ℝ) (hf : f = fun x => y) (hy : y = 2) : f 5 = 5", lambda: 2 != 5, [
        "subst hf\nsubst hy\nnorm_num", "simp [hf, hy]", "simp_all", "rw [hf]\nsimp [hy]"]),
    ("theorem t (f : ℕ → ℕ) (hf : f = fun x => x * 0) : f 3 = 3", lambda: 3 * 0 != 3, [
        "subst hf\nsimp", "simp [hf]", "norm_num [hf]", "rw [hf]", "decide"]),
    ("theorem t (f : ℝ → ℝ) (h : (fun x => x + 1) = f) : f 0 = 0", lambda: 0 + 1 != 0, [
        "subst h\nnorm_num", "rw [← h]\nnorm_num", "simp [← h]", "simp_all", "subst h\nsimp"]),
    ("theorem t (f g : ℕ → ℕ) (h : f = g) : f 0 = g 1", lambda g=lambda n: n: g(0) != g(1), [
        "subst h\nrfl", "rw [h]", "simp [h]", "simp_all", "funext x\nrfl"]),
]

# 7. number theory: big operators, Icc, floor/ceil, ModEq, contradiction, apply rfl, premises
NUMBER_THEORY: list[Attack] = [
    ("theorem t (f : ℕ → ℕ) : ∑ i in Finset.range 3, f i = f 1 + f 2 + f 3", lambda f=lambda i: i: f(0) + f(1) + f(2) != f(1) + f(2) + f(3), [
        "simp [Finset.sum_range_succ]", "rw [Finset.sum_range_succ, Finset.sum_range_succ, Finset.sum_range_succ]\nsimp",
        "norm_num [Finset.sum_range_succ]\nring", "simp [Finset.sum_range_succ]\nring"]),
    ("theorem t (f : ℕ → ℕ) : ∑ i in Finset.range 0, f i = f 0", lambda f=lambda i: 1: 0 != f(0), [
        "simp", "simp [Finset.sum_range_zero]", "rw [Finset.sum_range_zero]", "rfl"]),
    ("theorem t (f : ℕ → ℕ) : ∑ i in Finset.range 1, f i = f 1", lambda f=lambda i: i: f(0) != f(1), [
        "simp", "simp [Finset.sum_range_one]", "rw [Finset.sum_range_one]", "simp [Finset.sum_range_succ]"]),
    ("theorem t (f : ℕ → ℕ) : ∏ i in Finset.range 2, f i = f 0 + f 1", lambda f=lambda i: 1: f(0) * f(1) != f(0) + f(1), [
        "simp [Finset.prod_range_succ]", "rw [Finset.prod_range_succ, Finset.prod_range_one]", "norm_num [Finset.prod_range_succ]"]),
    ("theorem t (n : ℕ) (f : ℕ → ℕ) : ∑ i in Finset.range (n + 1), f i = ∑ i in Finset.range n, f i + f (n + 1)",
     lambda f=lambda i: i: f(0) != f(1), ["rw [Finset.sum_range_succ]", "simp [Finset.sum_range_succ]"]),  # n = 0
    ("theorem t (n : ℕ) (f : ℕ → ℕ) : ∑ i in Finset.range (n + 2), f i = ∑ i in Finset.range n, f i + f (n + 1)",
     lambda f=lambda i: 1: f(0) + f(1) != f(1), [
         "rw [Finset.sum_range_succ]", "simp [Finset.sum_range_succ]", "rw [Finset.sum_range_succ, Finset.sum_range_succ]"]),
    ("theorem t (n : ℕ) (f : ℕ → ℕ) : ∑ i in Finset.range (n - 1 + 1), f i = ∑ i in Finset.range n, f i",
     lambda f=lambda i: 1: sum(f(i) for i in range(_tsub(0, 1) + 1)) != 0, [  # n = 0: 1 ≠ 0
         "rw [Finset.sum_range_succ]", "simp [Finset.sum_range_succ]", "simp"]),
    ("theorem t : ∑ i in Finset.Icc 3 1, i = 1", lambda: sum(range(3, 2)) != 1, [
        "simp [Finset.sum_Icc_succ_top]", "rw [Finset.sum_Icc_succ_top]", "decide", "rfl", "norm_num [Finset.sum_Icc_succ_top]"]),
    ("theorem t : ∑ i in Finset.Icc 5 3, i = 4", lambda: sum(range(5, 4)) != 4, [
        "simp [Finset.sum_Icc_succ_top]", "rw [Finset.sum_Icc_succ_top]", "decide", "rfl", "rw [Finset.sum_Icc_succ_top]\nsimp"]),
    ("theorem t : ∑ i in Finset.Icc 2 4, i = 10", lambda: sum(range(2, 5)) != 10, [
        "simp [Finset.sum_Icc_succ_top]", "decide", "rfl", "norm_num [Finset.sum_Icc_succ_top]"]),
    ("theorem t (n : ℕ) : ∑ i in Finset.Icc 3 (n + 1), i = ∑ i in Finset.Icc 3 n, i + (n + 1)",
     lambda n=0: sum(range(3, n + 2)) != sum(range(3, n + 1)) + n + 1, [
         "rw [Finset.sum_Icc_succ_top]", "simp [Finset.sum_Icc_succ_top]", "rw [Finset.sum_Icc_succ_top (by omega)]"]),
    ("theorem t : ∑ i in Finset.range 4, (i - 1) = 2", lambda: sum(_tsub(i, 1) for i in range(4)) != 2, [
        "simp [Finset.sum_range_succ]", "norm_num [Finset.sum_range_succ]", "decide", "rfl"]),
    ("theorem t : ∑ i in Finset.range 4, (i / 2 : ℕ) = 3", lambda: sum(i // 2 for i in range(4)) != 3, [
        "simp [Finset.sum_range_succ]", "norm_num [Finset.sum_range_succ]", "decide", "rfl"]),
    ("theorem t : ∑ i in Finset.range 4, ((i : ℝ) / 2) = 2", lambda: sum(F(i, 2) for i in range(4)) != 2, [
        "simp [Finset.sum_range_succ]", "norm_num [Finset.sum_range_succ]"]),
    ("theorem t : ∏ i in Finset.range 3, (i + 1) = 7", lambda: 1 * 2 * 3 != 7, [
        "simp [Finset.prod_range_succ]", "norm_num [Finset.prod_range_succ]", "decide", "rfl"]),
    ("theorem t : ⌊(2.5 : ℝ)⌋ = 3", lambda: math.floor(2.5) != 3, [
        "simp [Int.floor_eq_iff]", "norm_num [Int.floor_eq_iff]", "rw [Int.floor_eq_iff]\nnorm_num", "norm_num"]),
    ("theorem t : ⌈(2.5 : ℝ)⌉ = 2", lambda: math.ceil(2.5) != 2, [
        "simp [Int.ceil_eq_iff]", "norm_num [Int.ceil_eq_iff]", "rw [Int.ceil_eq_iff]\nnorm_num", "norm_num"]),
    ("theorem t : ⌊(-2.5 : ℝ)⌋ = -2", lambda: math.floor(-2.5) != -2, [
        "simp [Int.floor_eq_iff]", "norm_num [Int.floor_eq_iff]", "rw [Int.floor_eq_iff]\nnorm_num", "norm_num"]),
    ("theorem t : ⌈(-2.5 : ℝ)⌉ = -3", lambda: math.ceil(-2.5) != -3, [
        "simp [Int.ceil_eq_iff]", "norm_num [Int.ceil_eq_iff]", "rw [Int.ceil_eq_iff]\nnorm_num", "norm_num"]),
    ("theorem t : ⌊(3 : ℝ)⌋ = 2", lambda: math.floor(3) != 2, ["simp [Int.floor_eq_iff]", "norm_num [Int.floor_eq_iff]", "simp", "norm_num"]),
    ("theorem t (x : ℝ) (h : ⌊x⌋ = 2) : x < 2", lambda x=2: math.floor(x) == 2 and not x < 2, [
        "rw [Int.floor_eq_iff] at h\nlinarith", "simp [Int.floor_eq_iff] at h\nlinarith", "norm_num [Int.floor_eq_iff] at h\nlinarith"]),
    ("theorem t (x : ℝ) (h : ⌈x⌉ = 2) : 2 < x", lambda x=2: math.ceil(x) == 2 and not 2 < x, [
        "rw [Int.ceil_eq_iff] at h\nlinarith", "simp [Int.ceil_eq_iff] at h\nlinarith", "norm_num [Int.ceil_eq_iff] at h\nlinarith"]),
    ("theorem t (n : ℕ) : ⌊(n : ℝ)⌋ = n + 1", lambda: math.floor(0) != 1, ["simp", "norm_num", "simp [Int.floor_natCast]"]),
    ("theorem t (z : ℤ) : ⌈(z : ℝ)⌉ = z - 1", lambda: math.ceil(0) != -1, ["simp", "norm_num", "simp [Int.ceil_intCast]"]),
    ("theorem t (q : ℚ) : ⌊(q : ℝ)⌋ = ⌈(q : ℝ)⌉", lambda: math.floor(0.5) != math.ceil(0.5), [
        "simp", "norm_num", "simp [Int.floor_intCast, Int.ceil_intCast]"]),
    ("theorem t (x : ℝ) : ⌊x⌋ = ⌈x⌉", lambda: math.floor(0.5) != math.ceil(0.5), ["simp", "norm_num", "simp [Int.floor_eq_iff]"]),
    ("theorem t (n : ℕ) : ⌊((n : ℤ) : ℝ)⌋ = n + 1", lambda: math.floor(0) != 1, ["simp", "norm_num", "push_cast\nsimp"]),
    ("theorem t : 7 ≡ 2 [MOD 4]", lambda: 7 % 4 != 2 % 4, [
        "decide", "rfl", "simp [Nat.ModEq]", "norm_num [Nat.ModEq]", "unfold Nat.ModEq\nnorm_num"]),
    ("theorem t : (-1 : ℤ) ≡ 1 [ZMOD 3]", lambda: _emod(-1, 3) != _emod(1, 3), [
        "decide", "rfl", "simp [Int.ModEq]", "norm_num [Int.ModEq]", "unfold Int.ModEq\nnorm_num"]),
    ("theorem t : (-1 : ℤ) ≡ 3 [ZMOD 4] → False", lambda: _emod(-1, 4) == _emod(3, 4), [
        "decide", "simp [Int.ModEq]", "norm_num [Int.ModEq]", "intro h\ncontradiction"]),
    ("theorem t (n : ℕ) (h : n ≡ 1 [MOD 2]) : n % 2 = 0", lambda n=1: n % 2 == 1 and n % 2 != 0, [
        "unfold Nat.ModEq at h\nomega", "simp [Nat.ModEq] at h\nomega", "rw [Nat.ModEq] at h\nomega"]),
    ("theorem t (n : ℕ) (h : n ≡ 3 [MOD 2]) : n % 2 = 3", lambda n=1: n % 2 == 3 % 2 and n % 2 != 3, [
        "unfold Nat.ModEq at h\nomega", "simp [Nat.ModEq] at h\nomega", "rw [Nat.ModEq] at h\nsimpa using h", "simp [Nat.ModEq] at h\nexact h"]),
    ("theorem t (n : ℤ) (h : n ≡ 1 [ZMOD 0]) : n = 2", lambda n=1: _emod(n, 0) == _emod(1, 0) and n != 2, [
        "unfold Int.ModEq at h\nomega", "simp [Int.ModEq] at h\nomega"]),
    *[(f"theorem t (h : {p}) : False", w, ["contradiction", "simp at h", "norm_num at h", "decide", "simp_all"]) for p, w in [
        ("5 ≡ 1 [MOD 4]", lambda: 5 % 4 == 1 % 4), ("(5:ℤ) ≡ 1 [ZMOD 4]", lambda: _emod(5, 4) == _emod(1, 4)),
        ("(-3:ℤ) ≡ 1 [ZMOD 4]", lambda: _emod(-3, 4) == _emod(1, 4)), ("(2:ℝ) < 3", lambda: 2 < 3),
        ("(2:ℕ) ∣ 4", lambda: 4 % 2 == 0), ("(0:ℕ) ∣ 0", lambda: True), ("(3:ℤ) ∣ -3", lambda: -3 % 3 == 0),
        ("(2:ℕ) - 3 = 0", lambda: _tsub(2, 3) == 0), ("(7:ℤ) / -2 = -3", lambda: _ediv(7, -2) == -3),
        ("(-7:ℤ) % 2 = 1", lambda: _emod(-7, 2) == 1), ("2 ^ 10 = 1024", lambda: 2 ** 10 == 1024),
        ("(2:ℕ) ≠ 3", lambda: 2 != 3), ("¬ ((2:ℕ) = 3)", lambda: 2 != 3), ("(10:ℕ) / 0 = 0", lambda: _ediv(10, 0) == 0),
        ("(1:ℝ) / 0 = 0", lambda: _d(1, 0) == 0), ("(-1:ℤ) ≡ 3 [ZMOD 4]", lambda: _emod(-1, 4) == _emod(3, 4)),
    ]],
    ("theorem t (x : ℕ) (h : x + 0 = x) : False", lambda: True, ["contradiction", "simp at h", "simp_all"]),
    *[(s, w, ["apply rfl", "apply Eq.refl", "exact rfl", "apply le_refl", "apply le_rfl", "exact Eq.refl _"]) for s, w in [
        ("theorem t : (2:ℕ) - 3 = 1", lambda: _tsub(2, 3) != 1), ("theorem t : (7:ℤ) / -2 = -4", lambda: _ediv(7, -2) != -4),
        ("theorem t : (-7:ℤ) % 2 = -1", lambda: _emod(-7, 2) != -1), ("theorem t : (2:ℝ) + 2 = 5", lambda: 2 + 2 != 5),
        ("theorem t : (2:ℕ) ≤ 1", lambda: not 2 <= 1), ("theorem t (x : ℕ) : x ≤ x - 1", lambda: not 1 <= _tsub(1, 1)),
        ("theorem t (x : ℕ) : x - 0 = x + 0 + 1", lambda: True), ("theorem t (x : ℝ) : x / x = 1", lambda: _d(0, 0) != 1),
        ("theorem t : (2:ℕ) ^ 64 = 2 ^ 64 + 1", lambda: True), ("theorem t : (10:ℕ) / 0 = 10", lambda: _ediv(10, 0) != 10),
        ("theorem t : (10:ℤ) % 0 = 0", lambda: _emod(10, 0) != 0), ("theorem t : Nat.fib 10 = 56", lambda: True),
    ]],
    ("theorem t (P Q : Prop) : P ↔ Q", lambda: True, ["apply Iff.rfl", "exact Iff.rfl", "apply rfl"]),  # P true, Q false
    ("theorem t (x : ℝ) : |x| = x", lambda: abs(-1) != -1, [
        "apply abs_of_nonneg (by positivity)", "exact abs_of_nonneg (by positivity)", "apply abs_of_nonneg\npositivity",
        "apply abs_of_nonneg (by norm_num)", "apply abs_of_nonneg (by simp)", "apply abs_of_pos (by positivity)",
        "apply abs_of_nonneg (le_refl _)", "apply abs_of_nonneg (by linarith)", "apply abs_of_nonneg ?_\npositivity"]),
    ("theorem t (x : ℝ) (h : 0 ≤ x + 1) : |x| = x", lambda x=-0.5: 0 <= x + 1 and abs(x) != x, [
        "apply abs_of_nonneg (by linarith)", "exact abs_of_nonneg h", "apply abs_of_nonneg h", "apply abs_of_nonneg (by assumption)"]),
    ("theorem t (a b c : ℝ) (ha : 0 ≤ a) (hc : 0 ≤ c) (hcb : c ≤ b) : a / b ≤ a / c", lambda a=1, b=1, c=0: _d(a, b) > _d(a, c), [
        "apply div_le_div_of_le_left ha (by positivity) hcb", "exact div_le_div_of_le_left ha (by linarith) hcb",
        "apply div_le_div_of_le_left ha _ hcb\nlinarith", "apply div_le_div_of_le_left\nall_goals assumption",
        "apply div_le_div_of_nonneg_left ha (by positivity) hcb"]),
    ("theorem t (a b c : ℝ) (ha : a ≤ 0) (hc : 0 < c) (hcb : c ≤ b) : a / b ≤ a / c", lambda a=-1, b=2, c=1: _d(a, b) > _d(a, c), [
        "apply div_le_div_of_le_left (by linarith) hc hcb", "exact div_le_div_of_le_left (by positivity) hc hcb",
        "apply div_le_div_of_le_left\nall_goals assumption", "apply div_le_div_of_le_left _ hc hcb\nlinarith"]),
    ("theorem t (a b c : ℝ) (ha : 0 ≤ a) (hc : 0 < c) (hcb : b ≤ c) : a / b ≤ a / c", lambda a=1, b=1, c=2: _d(a, b) > _d(a, c), [
        "apply div_le_div_of_le_left ha hc hcb", "exact div_le_div_of_le_left ha hc (by linarith)",
        "apply div_le_div_of_le_left\nall_goals assumption", "apply div_le_div_of_le_left ha hc\nlinarith"]),
    ("theorem t (n k : ℕ) (h : n % k = 1) : k ∣ n", lambda n=3, k=2: n % k == 1 and n % k != 0, [
        "exact Nat.dvd_of_mod_eq_zero h", "apply Nat.dvd_of_mod_eq_zero\nomega", "apply Nat.dvd_of_mod_eq_zero (by omega)",
        "apply Nat.dvd_of_mod_eq_zero h", "exact Nat.dvd_of_mod_eq_zero (by simp [h])"]),
    ("theorem t (n k : ℕ) (h : k % n = 0) : k ∣ n", lambda n=2, k=4: k % n == 0 and n % k != 0, [
        "exact Nat.dvd_of_mod_eq_zero h", "apply Nat.dvd_of_mod_eq_zero h", "apply Nat.dvd_of_mod_eq_zero\nexact h"]),
    ("theorem t (a b : ℤ) (h : a % b = 0) : a ∣ b", lambda a=4, b=2: _emod(a, b) == 0 and _emod(b, a) != 0, [
        "exact Int.dvd_of_emod_eq_zero h", "apply Int.dvd_of_emod_eq_zero h", "apply Int.dvd_of_emod_eq_zero\nexact h"]),
    ("theorem t (a b : ℕ) (h : b ∣ a) : b % a = 0", lambda a=4, b=2: a % b == 0 and b % a != 0, [
        "exact Nat.mod_eq_zero_of_dvd h", "apply Nat.mod_eq_zero_of_dvd h", "rw [Nat.mod_eq_zero_of_dvd h]"]),
]

# 8. simp's fast path for a closed ℕ/ℤ goal, and hypothesis rules around it
FAST_PATH: list[Attack] = [
    ("theorem t (h : 1 = 1) : Nat.fib 10 = 56", lambda: True, ["simp [h]", "simp only [h]", "norm_num [h]"]),
    ("theorem t (x : ℕ) (h : x = 2) : x - 3 + 3 = x", lambda: _tsub(2, 3) + 3 != 2, [
        "simp [h]", "norm_num [h]", "subst h\nsimp", "simp_all", "simp only [h]"]),
    ("theorem t (x : ℤ) (h : x = -7) : x / 2 = -3", lambda: _ediv(-7, 2) != -3, [
        "simp [h]", "norm_num [h]", "subst h\nsimp", "simp_all", "subst h\nrfl", "subst h\ndecide", "simp only [h]"]),
    ("theorem t (x : ℤ) (h : x = -7) : x % 2 = -1", lambda: _emod(-7, 2) != -1, [
        "simp [h]", "norm_num [h]", "subst h\nsimp", "simp_all", "subst h\nrfl", "subst h\ndecide", "simp only [h]"]),
    ("theorem t (x y : ℕ) (h : x = y - 1) (hy : y = 0) : x + 1 = 0 + 1 - 1", lambda: _tsub(0, 1) + 1 != 0, [
        "simp [h, hy]", "simp only [h, hy]", "norm_num [h, hy]", "simp_all", "subst hy\nsimp [h]"]),
    ("theorem t (a : ℕ) (h : a = 3) : a ∣ 10", lambda: 10 % 3 != 0, ["simp [h]", "norm_num [h]", "simp only [h]", "decide", "simp_all"]),
    ("theorem t (a : ℤ) (h : a = 0) : a ∣ 3", lambda: True, ["simp [h]", "norm_num [h]", "simp only [h]", "simp_all"]),
    ("theorem t (a : ℕ) (h : a = 2) : (a - 3 : ℤ) = 0", lambda: 2 - 3 != 0, ["simp [h]", "norm_num [h]", "simp only [h]", "simp_all"]),
    ("theorem t (a : ℕ) (h : 3 = a) : a = 4", lambda: True, ["simp [h]", "simp [← h]", "norm_num [← h]", "simp only [← h]", "simp_all"]),
]

ATTACKS: dict[str, list[tuple[str, str]]] = {
    "below_applications": _expand(BELOW_APPLICATIONS),
    "conditional_simp": _expand(CONDITIONAL_SIMP),
    "casts": _expand(CASTS),
    "induction_le": _expand(INDUCTION_LE),
    "fun_terms": _expand(FUN_TERMS),
    "linarith_ne": _expand(LINARITH_NE),
    "number_theory": _expand(NUMBER_THEORY),
    "fast_path": _expand(FAST_PATH),
}
ALL_GROUPS = BELOW_APPLICATIONS + CONDITIONAL_SIMP + CASTS + INDUCTION_LE + FUN_TERMS + LINARITH_NE + NUMBER_THEORY + FAST_PATH

CONTROLS = [  # true neighbours, with the proofs provers write: they must verify
    ("theorem t (n : ℕ) (f : ℕ → ℝ) : f (n - n) = f 0", "simp"),
    ("theorem t (n : ℕ) (f : ℕ → ℝ) : f (0 - n) = f 0", "simp"),
    ("theorem t (f : ℤ → ℤ) : f (7 / -2) = f (-3)", "norm_num"),
    ("theorem t (x : ℝ) (f : ℝ → ℝ) : f (x + 0 - x * 1) = f 0", "simp"),
    ("theorem t : Real.cos 0 + Real.sin π = 1", "simp"),
    ("theorem t (n : ℕ) : 0 < n - 1 + 1", "simp"),
    ("theorem t (x : ℝ) (h : 0 ≤ x) : |x| = x", "simp [abs_of_nonneg, h]"),
    ("theorem t (a : ℝ) (h : a = 0 → False) : a / a = 1", "simp [div_self, h]"),
    ("theorem t (n m : ℕ) : ((n + m : ℕ) : ℝ) = n + m", "push_cast"),
    ("theorem t (x : ℕ) (h : x = 2) : (x - 3 : ℤ) = -1", "simp [h]"),
    ("theorem t (n m : ℕ) (h : m ≤ n) (hm : m = n + 1) : False", "induction h\nall_goals omega"),
    ("theorem t (n : ℕ) (h : 2 ≤ n) : 2 ≤ n * n", "induction h with\n| refl => norm_num\n| step hm ih => nlinarith"),
    ("theorem t (x y : ℝ) (h : x < y) : x ≠ y", "linarith"),
    ("theorem t (x : ℝ) (h : 0 < x) : ¬ (x ≤ 0)", "linarith"),
    ("theorem t (f : ℝ → ℝ) (h : (fun x => x + 1) = f) : f 0 = 1", "subst h\nnorm_num"),
    ("theorem t : ∃ f : ℕ → ℕ, f 0 = 1 ∧ f 1 = 0", "use fun x => 1 - x"),
    ("theorem t : ∑ i in Finset.range 4, (i - 1) = 3", "decide"),
    ("theorem t (n : ℤ) (h : n ≡ 1 [ZMOD 4]) : n % 4 = 1", "simp [Int.ModEq] at h\nomega"),
    ("theorem t (h : (5:ℤ) ≡ 2 [ZMOD 4]) : False", "contradiction"),
    ("theorem t : (7:ℤ) / -2 = -3", "apply rfl"),
    ("theorem t (h : 1 = 1) : 2 + 2 = 4", "simp [h]"),
    ("theorem t (x : ℤ) (h : x = -7) : x / 2 = -4", "simp [h]"),
]

LEAN_REJECTS = [  # true statements, proofs real Lean + Mathlib rejects
    # the hole fixed here: simp's closed-goal fast path skipped the argument check ("proposition expected")
    ("theorem t (n : ℕ) : 2 + 2 = 4", "simp [n]"),
    ("theorem t (n : ℕ) : 2 + 2 = 4", "norm_num [n]"),
    ("theorem t (n : ℕ) : 2 + 2 = 4", "simp only [n]"),
    ("theorem t (f : ℕ → ℕ) : (3 : ℤ) - 5 = -2", "simp [f]"),
    ("theorem t (n : ℕ) (h : 2 ≤ n) : n ≤ n * n", "induction h\nnorm_num\nnlinarith [h]"),  # `h` is consumed
    ("theorem t (x : ℝ) (h : (2:ℝ) < 1) : x = 0", "contradiction"),  # `decide` on ℝ: no instance reduces
    ("theorem t (f : ℝ → ℝ) (hf : f = fun (x : ℕ) => (x : ℝ)) : f 0 = 0", "subst hf\nsimp"),  # binder type mismatch
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
    assert sum(len(v) for v in ATTACKS.values()) >= 600
    assert all(len(v) >= 25 for v in ATTACKS.values()), {k: len(v) for k, v in ATTACKS.items()}


LAYOUT_FILES = [
    "theorem a (n : ℕ) (h : 2 ≤ n) : n = 2 := by\ninduction h\nrfl\nomega\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a (x : ℝ) (h : 0 ≤ x + 1) : |x| = x := by\nsimp [abs_of_nonneg, h]\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a (f : ℕ → ℕ) (hf : f = fun x => x - 1) : f 0 = 1 := by\nsubst hf\nnorm_num\nlemma b : (1:ℕ) = 1 := by rfl",
    "theorem a (n : ℕ) : 2 + 2 = 4 := by\n  simp [n]\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a (x : ℝ) (h : 0 ≤ x) : x ≠ 0 := by\nlinarith\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a : ∑ i in Finset.Icc 5 3, i = 4 := by\nsimp [Finset.sum_Icc_succ_top]\nexample : (1:ℕ) = 1 := by rfl",
    "theorem a (f : ℕ → ℝ) (n m : ℕ) : f (n - m + m) = f n := by\nsimp\ntheorem b : (1:ℕ) = 1 := by rfl",
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
    assert not clean, f"{layout}: files with a false or Lean-rejected theorem checked clean: {clean}"


# -- rewriting below applications, differentially: random terms against a naive "simplification" ------


class _Tm:
    """A ℕ/ℤ/ℝ term, printed in Lean's notation and evaluated with Lean's semantics."""

    def __init__(self, op: str, *kids, ty: str = "ℕ", val=None):
        self.op, self.kids, self.ty, self.val = op, kids, ty, val

    def show(self) -> str:
        o, k = self.op, self.kids
        if o == "var":
            return self.val
        if o == "lit":
            return str(self.val)
        if o == "neg":
            return f"(-{k[0].show()})"
        if o == "abs":
            return f"|{k[0].show()}|"
        if o == "cast":
            return f"(({k[0].show()} : {k[0].ty}) : {self.ty})"
        if o == "inv":
            return f"({k[0].show()})⁻¹"
        if o == "^":
            return f"({k[0].show()} ^ {k[1]})"
        return f"({k[0].show()} {o} {k[1].show()})"

    def ev(self, env: dict[str, F]) -> F:
        o, k = self.op, self.kids
        if o == "var":
            return env[self.val]
        if o == "lit":
            return F(self.val)
        if o in ("neg", "abs", "cast", "inv"):
            v = k[0].ev(env)
            return {"neg": -v, "abs": abs(v), "cast": v, "inv": _d(1, v)}[o]
        if o == "^":
            return k[0].ev(env) ** k[1]
        a, b = k[0].ev(env), k[1].ev(env)
        if o in ("/", "%") and self.ty != "ℝ":
            return F(_ediv(int(a), int(b)) if o == "/" else _emod(int(a), int(b)))
        return {"+": a + b, "*": a * b, "-": max(a - b, F(0)) if self.ty == "ℕ" else a - b, "/": _d(a, b)}[o]


def _term(rng: random.Random, ty: str, depth: int, names: tuple[str, str] = ("a", "b")) -> _Tm:
    if depth == 0 or rng.random() < 0.2:
        r = rng.random()
        if r < 0.55:
            return _Tm("var", ty=ty, val=rng.choice(names))
        if r < 0.65 and ty != "ℕ":
            return _Tm("cast", _Tm("var", ty="ℕ", val="n"), ty=ty)
        return _Tm("lit", ty=ty, val=rng.choice([0, 1, 1, 2, 3]))
    if ty != "ℕ" and rng.random() < 0.1:
        return _Tm("cast", _term(rng, "ℕ", depth - 1, ("n", "m")), ty=ty)
    ops = ["+", "-", "*", "/", "-", "+", "^", "%" if ty != "ℝ" else "inv"] + (["neg", "abs"] if ty != "ℕ" else [])
    o = rng.choice(ops)
    if o in ("neg", "abs", "inv"):
        return _Tm(o, _term(rng, ty, depth - 1, names), ty=ty)
    if o == "^":
        return _Tm("^", _term(rng, ty, depth - 1, names), rng.choice([0, 1, 2]), ty=ty)
    return _Tm(o, _term(rng, ty, depth - 1, names), _term(rng, ty, depth - 1, names), ty=ty)


def _naive(rng: random.Random, t: _Tm) -> _Tm:
    """``t`` with one subterm replaced by a 'simplification' that holds in a field, maybe not at ``t``'s type."""
    o, k, ty = t.op, t.kids, t.ty
    if k and isinstance(k[0], _Tm) and rng.random() < 0.6:
        i = rng.randrange(2 if len(k) == 2 and isinstance(k[1], _Tm) else 1)
        kids = list(k)
        kids[i] = _naive(rng, k[i])
        return _Tm(o, *kids, ty=ty, val=t.val)
    lit = lambda v: _Tm("lit", ty=ty, val=v)  # noqa: E731
    cands = []
    if o == "-":
        cands += [lit(0), _Tm("-", k[1], k[0], ty=ty)] + ([k[0].kids[0], k[0].kids[1]] if k[0].op == "+" else [])
    if o == "+" and k[0].op == "-":
        cands.append(k[0].kids[0])
    if o in ("/", "%", "^", "inv"):
        cands += [lit(0), lit(1), k[0]]
    if o == "*" and (k[0].op == "/" or k[1].op == "/"):
        cands.append((k[1] if k[1].op == "/" else k[0]).kids[0])
    if o in ("abs", "neg"):
        cands += [k[0], _Tm("neg", k[0], ty=ty)]
    if o == "cast" and k[0].op in ("-", "/", "%") and (k[0].op != "%" or ty == "ℤ"):
        inner = k[0]
        cands.append(_Tm(inner.op, _Tm("cast", inner.kids[0], ty=ty), _Tm("cast", inner.kids[1], ty=ty), ty=ty))
    if o in ("+", "*"):
        cands.append(_Tm(o, k[1], k[0], ty=ty))
    return rng.choice(cands) if cands else t


_VALUES = {"ℕ": [0, 1, 2, 3, 5], "ℤ": [-3, -1, 0, 1, 2, 5], "ℝ": [F(-3), F(-1), F(0), F(1), F(2), F(1, 2), F(-3, 2)]}
# what each function cannot tell apart: Real.cos x = Real.cos (-x), Real.log x = Real.log |x| (log 0 = log 1 = 0),
# Real.sqrt is 0 on the negatives
_KEY = {"f": lambda v: v, "Real.exp": lambda v: v, "Real.cos": abs, "Real.log": lambda v: F(1) if v == 0 else abs(v),
        "Real.sqrt": lambda v: max(v, F(0))}
_GEN_CLOSERS = ["simp", "norm_num", "simp_all", "field_simp", "ring_nf", "push_cast\nring_nf", "rfl", "congr 1\nsimp", "congr 1\nomega"]


def _holds_everywhere(t1: _Tm, t2: _Tm, ty: str, fn: str) -> bool:
    key = _KEY[fn]
    points = [{"a": F(x), "b": F(y), "n": F(n), "m": F(m)} for x in _VALUES[ty] for y in _VALUES[ty] for n in (0, 1, 3) for m in (0, 2)]
    return all(key(t1.ev(p)) == key(t2.ev(p)) for p in points)


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_rewriting_below_applications(backend, seed):
    rng = random.Random(seed)
    forged, ran = [], 0
    for _ in range(150):
        ty = rng.choice(["ℕ", "ℤ", "ℝ"])
        t1 = _term(rng, ty, rng.choice([2, 3, 4]))
        t2 = t1
        for _ in range(5):  # a leaf has no 'simplification': try another position
            t2 = _naive(rng, t1)
            if t2.show() != t1.show():
                break
        fn = rng.choice(["f", "f", "Real.cos", "Real.sqrt", "Real.log", "Real.exp"] if ty == "ℝ" else ["f"])
        if t1.show() == t2.show():
            continue
        fdecl = f"(f : {ty} → ℝ) " if fn == "f" else ""
        stmt = f"theorem t (a b : {ty}) (n m : ℕ) {fdecl}: {fn} {t1.show()} = {fn} {t2.show()}"
        true = _holds_everywhere(t1, t2, ty, fn)
        for proof in rng.sample(_GEN_CLOSERS, 3):
            ran += 1
            if _verify(backend, stmt, proof).ok and not true:
                forged.append((stmt, proof))
    assert ran > 300, ran
    assert not forged, forged


def test_generator_semantics():
    """The generator's evaluator: Lean's ℕ subtraction and division, ``x / 0 = 0``, casts."""
    n, m = _Tm("var", ty="ℕ", val="n"), _Tm("var", ty="ℕ", val="m")
    env = {"n": F(1), "m": F(2), "a": F(-7), "b": F(2)}
    assert _Tm("-", n, m).ev(env) == 0 and _Tm("cast", _Tm("-", n, m), ty="ℤ").ev(env) == 0
    a, b = _Tm("var", ty="ℤ", val="a"), _Tm("var", ty="ℤ", val="b")
    assert _Tm("/", a, b, ty="ℤ").ev(env) == -4 and _Tm("%", a, b, ty="ℤ").ev(env) == 1
    assert _Tm("inv", _Tm("lit", ty="ℝ", val=0), ty="ℝ").ev(env) == 0
