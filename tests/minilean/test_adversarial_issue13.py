"""Red team of issue 13's additions: the lemma library, the new tactics, the statement notations.

Every entry of ``ATTACKS`` is a statement that is FALSE under Lean's semantics (each group names the
instance that refutes it) with proofs that would verify only through a hole: a lemma used without its
hypotheses, a ring or field law used at ℕ/ℤ, a wrong closed evaluation (ℕ subtraction truncates, ℕ/ℤ
``/`` and ``%`` are Euclidean with ``x / 0 = 0`` and ``x % 0 = x``, ``√`` of a negative is 0, ``0⁻¹ = 0``,
``Nat.choose n k = 0`` for ``k > n``, ``⌊-7/2⌋ = -4``...), a cast law that fails at ℕ subtraction or
ℕ/ℤ division, ``field_simp`` clearing a denominator that may be 0, ``rw``'s closing ``rfl``, a local
named like a lemma or a function, ``simpa using h`` with a mismatched ``h``, ``exact_mod_cast`` at the
wrong type, partial application, ``suffices``, ``contrapose!``, ``linarith only``, ``congrArg`` with
``(· op e)``, big operators, precedence. None may pass ``Backend.verify`` (the path that pays a reward).

``LEAN_REJECTS`` are true statements with proofs real Lean + Mathlib rejects (an ill-typed term, a fact
``linarith only`` was not given): MiniLean must not be stronger than Lean there either.

``GENERATED`` builds random closed terms over ℕ ℤ ℝ with the new functions (factorial, choose, gcd, lcm,
natAbs, toNat, Nat.sqrt, digit sums, sums over ranges, floor, ceil, ⁻¹, |·|, √), evaluates them here in
Python with Lean's definitions (independently of MiniLean's evaluator), and states a wrong value; the
same generator with a variable bound by a hypothesis ``x = v`` attacks ``rw``/``subst``/``simp [hx]``.
The true neighbours (right value) must verify, so the harness can say yes.

``LAYOUT_FILES`` are whole files, each holding a false theorem, checked in both layouts (the pinned
Lean's and ``column0``): a ``theorem`` line swallowed as a tactic, a tactic escaping its block, or ``<;>``
at a line start must never leave a false theorem without an error.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction as F

import pytest

from leangym.minilean.repl import MiniLeanRepl

from .helpers import lean_ediv as _ediv
from .helpers import lean_emod as _emod
from .helpers import refused, verified
from .helpers import verify as _verify


def _each(statement: str, proofs: list[str]) -> list[tuple[str, str]]:
    return [(statement, p) for p in proofs]


# closers tried on every closed false statement
CLOSED = ["norm_num", "simp", "decide", "rfl", "norm_num [Nat.factorial]", "simp [Nat.choose]", "omega", "linarith",
          "exact rfl", "simp_all", "norm_num [Finset.sum_range_succ]", "push_cast\nnorm_num"]  # fmt: skip


def _closed(*statements: str) -> list[tuple[str, str]]:
    return [(s, p) for s in statements for p in CLOSED]


ATTACKS: dict[str, list[tuple[str, str]]] = {
    # closed evaluation with Lean's definitions: each statement states a wrong value (the right one in
    # the comment, or the control lists below)
    "closed_evaluation": _closed(
        "theorem t : (2:ℕ)⁻¹ = 0",  # ℕ has no Inv: Lean does not elaborate it
        "theorem t : (0:ℝ)⁻¹ = 1",  # 0⁻¹ = 0
        "theorem t : Int.floor (-7/2 : ℝ) = -3", "theorem t : ⌊(-7/2 : ℝ)⌋ = -3", "theorem t : ⌈(-7/2 : ℝ)⌉ = -4",
        "theorem t : √(-4 : ℝ) = 2", "theorem t : √(-4 : ℝ) = -2",  # √ of a negative is 0
        "theorem t : Nat.choose 3 5 = 1",  # 0
        "theorem t : (7:ℤ) / (-2) = -4", "theorem t : (-7:ℤ) / 2 = -3", "theorem t : (-7:ℤ) % 2 = -1",
        "theorem t : (-7:ℤ) % (-2) = -1",  # Euclidean: -3, -4, 1, 1
        "theorem t : (2:ℕ) - 3 + 3 = 2", "theorem t : (5:ℕ) / 0 = 5", "theorem t : (5:ℕ) % 0 = 0",
        "theorem t : (Nat.digits 10 0).sum = 1", "theorem t : (Nat.digits 0 5).sum = 0",
        "theorem t : Nat.digits 10 123 = [1, 2, 3]", "theorem t : (Nat.digits 10 123).length = 2",
        "theorem t : (Nat.digits 2 5).sum = 3", "theorem t : (Nat.digits 1 5).sum = 1",
        "theorem t : 0 ! = 0", "theorem t : Nat.gcd 0 0 = 1", "theorem t : Nat.lcm 4 0 = 4", "theorem t : Nat.gcd 0 5 = 0",
        "theorem t : Int.toNat (-5) = 5", "theorem t : Nat.sqrt 10 = 4", "theorem t : Nat.sqrt 0 = 1",
        "theorem t : ∑ i in Finset.range 4, i = 10", "theorem t : ∏ i in Finset.range 0, i = 0",
        "theorem t : ∑ i in Finset.Ico 1 4, i = 10", "theorem t : ∑ i in Finset.Ioo 1 4, i = 9",
        "theorem t : Nat.fib 10 = 89", "theorem t : max (3:ℕ) 5 = 3", "theorem t : min (3:ℤ) (-5) = 3",
        "theorem t : 7 ≡ 2 [MOD 3]", "theorem t : 7 ≡ 2 [MOD 0]", "theorem t : (Nat.divisors 6).card = 3",
        "theorem t : Real.log 1 = 1", "theorem t : Real.exp 0 = 0", "theorem t : Real.sin 0 = 1", "theorem t : Real.cos 0 = 0",
        "theorem t : (4:ℝ) ^ ((1:ℝ)/2) = 4", "theorem t : (2:ℝ) ^ (-1:ℤ) = 2",
        "theorem t : (((2:ℕ) - 3 : ℕ) : ℤ) = -1", "theorem t : (((7:ℕ) / 2 : ℕ) : ℝ) = 7/2",
        "theorem t : Nat.pred 0 = 1", "theorem t : Nat.sub 2 3 = 1", "theorem t : Int.emod (-7) 2 = -1",
        "theorem t : Int.ediv (-7) 2 = -3", "theorem t : (5:ℕ).choose 2 = 11", "theorem t : Nat.choose 5 2 = 11",
        "theorem t : (Nat.choose 5 2 : ℤ) = 11", "theorem t : Nat.lcm 4 6 = 24", "theorem t : Int.gcd (-4) 6 = -2",
        "theorem t : (Int.lcm (-4) 6 : ℤ) = -12", "theorem t : |(-3:ℤ)| = -3", "theorem t : |(-3:ℤ) + 1| = 4",
        "theorem t : ⌊(-5/2 : ℝ)⌋₊ = 2", "theorem t : ⌈(5/2 : ℝ)⌉₊ = 2",
    ),
    # precedence and elaboration as Lean's parser and binop% elaborator read them
    "precedence": _closed(
        "theorem t : (4:ℝ) ^ (1/2) = 2",  # the exponent is the ℕ 1/2 = 0
        "theorem t : -2 ^ 2 = (4:ℤ)", "theorem t : (2:ℕ) ^ 3 ^ 2 = 64", "theorem t : (10:ℕ) / 2 / 5 = 25",
        "theorem t : (7:ℕ) % 4 * 2 = 7", "theorem t : -7 % 2 = (-1:ℤ)", "theorem t : -7 / 2 = (-3:ℤ)",
        "theorem t : (5:ℕ) - 3 - 1 = 3", "theorem t : √4 + 5 = (3:ℝ)", "theorem t : √4 ^ 2 = (2:ℝ)",
        "theorem t : √4 * 4 = (4:ℝ)", "theorem t : √(4:ℝ)⁻¹ = 2",
        "theorem t : ∑ i in Finset.range 3, i + 1 = 6", "theorem t : ∑ i in Finset.range 3, i * 2 = 3",
        "theorem t : ∑ i in Finset.range 3, i ^ 2 = 3", "theorem t : ∑ i in Finset.range 3, i - 1 = 0",
        "theorem t : ∏ i in Finset.range 3, i + 1 = 6", "theorem t : 2 * 3 ! = (720:ℕ)", "theorem t : 2 + 1 ! = (6:ℕ)",
        "theorem t : 3 ! ^ 2 = (720:ℕ)", "theorem t : 1 / 2 = (0:ℝ)", "theorem t : 1 / 2 = (0:ℚ)",
        "theorem t : (1:ℕ) / 2 + 1 / 2 = 1", "theorem t : ((1:ℕ) / 2 : ℝ) = 0", "theorem t : ((1 / 2 : ℕ) : ℝ) = 1/2",
        "theorem t : (2:ℝ)⁻¹ ^ 2 = 1/2", "theorem t : (2:ℝ) ^ 2⁻¹ = 1/4", "theorem t : |-3 + (1:ℤ)| = 4",
    ),
    # a library lemma used without its hypothesis (or with one that does not hold)
    "lemma_premises": [
        *_each("theorem t (a b : ℕ) : a % b = a", [  # a = 1, b = 0... a = 3, b = 2
            "rw [Nat.mod_eq_of_lt]", "simp [Nat.mod_eq_of_lt]", "norm_num [Nat.mod_eq_of_lt]",
            "exact Nat.mod_eq_of_lt (by omega)", "exact Nat.mod_eq_of_lt (by positivity)"]),
        *_each("theorem t (a b : ℤ) (h : a < b) : a % b = a", [  # a = -1, b = 2: -1 % 2 = 1
            "exact Nat.mod_eq_of_lt h", "rw [Nat.mod_eq_of_lt h]", "rw [Nat.mod_eq_of_lt]\nexact h",
            "simp [Nat.mod_eq_of_lt h]", "simp [Nat.mod_eq_of_lt, h]", "rw [mod_eq_of_lt h]", "exact mod_eq_of_lt h"]),
        *_each("theorem t (a b : ℕ) : a / b = 0", [  # 2 / 1
            "simp [Nat.div_eq_of_lt]", "rw [Nat.div_eq_of_lt]", "exact Nat.div_eq_of_lt (by omega)"]),
        *_each("theorem t (a b : ℝ) (h : a < b) : a / b = 0", ["exact Nat.div_eq_of_lt h", "rw [Nat.div_eq_of_lt h]"]),
        *_each("theorem t (n m : ℕ) : n - m + m = n", [  # n = 0, m = 1
            "rw [Nat.sub_add_cancel]", "simp [Nat.sub_add_cancel]", "norm_num [Nat.sub_add_cancel]",
            "exact Nat.sub_add_cancel (by omega)", "exact Nat.sub_add_cancel (le_refl _)", "rw [Nat.sub_add_cancel]\nomega",
            "have h := Nat.sub_add_cancel\nsimp [h]", "have h := @Nat.sub_add_cancel n m\nexact h (by omega)",
            "apply Nat.sub_add_cancel", "refine Nat.sub_add_cancel ?_", "exact Nat.sub_add_cancel ‹_›",
            "exact Nat.sub_add_cancel (by assumption)", "exact Nat.sub_add_cancel (by simp)",
            "exact Nat.sub_add_cancel (by linarith)", "exact Nat.sub_add_cancel (by nlinarith)",
            "exact Nat.sub_add_cancel (by decide)", "exact Nat.sub_add_cancel (by trivial)",
            "exact Nat.sub_add_cancel (by tauto)", "exact Nat.sub_add_cancel (by exact?)",
            "exact Nat.sub_add_cancel (by sorry)", "exact Nat.sub_add_cancel (le_of_lt (by omega))",
            "exact Nat.sub_add_cancel (Nat.zero_le _)", "exact Nat.sub_add_cancel (Nat.zero_le n)",
            "exact Nat.sub_add_cancel (Nat.zero_le m)", "exact (Nat.sub_add_cancel ·) (le_refl _)",
            "rw [sub_add_cancel]", "simp [sub_add_cancel]", "exact sub_add_cancel n m"]),
        *_each("theorem t (n : ℕ) : n - 1 + 1 = n", [  # n = 0
            "exact Nat.sub_add_cancel (Nat.zero_le 1)", "rw [Nat.sub_add_cancel]", "simp", "norm_num", "omega", "ring",
            "ring_nf", "rw [Nat.sub_add_cancel (by norm_num)]", "rw [Nat.succ_pred_eq_of_pos]",
            "exact Nat.succ_pred_eq_of_pos (by positivity)"]),
        *_each("theorem t (n m : ℕ) (h : n ≤ m) : n - m + m = n", ["exact Nat.sub_add_cancel h", "rw [Nat.sub_add_cancel h]"]),
        *_each("theorem t (n m : ℕ) (h : m < n + 2) : n - m + m = n", [  # m = n + 1
            "exact Nat.sub_add_cancel (Nat.le_of_lt_succ h)", "exact Nat.sub_add_cancel (Nat.lt_succ_iff.mp h)"]),
        *_each("theorem t (n m : ℕ) (h : m ≤ n + 1) : n - m + m = n", ["exact Nat.sub_add_cancel (Nat.lt_succ_iff.mpr h)"]),
        *_each("theorem t (n m : ℕ) : n - (n - m) = m", ["rw [Nat.sub_sub_self]", "simp [Nat.sub_sub_self]"]),  # 0, 1
        *_each("theorem t (n m : ℕ) : n * m / n = m", [  # n = 0, m = 1
            "rw [Nat.mul_div_cancel_left]", "simp [Nat.mul_div_cancel_left]", "exact Nat.mul_div_cancel_left m (by omega)"]),
        *_each("theorem t (a : ℝ) : a / a = 1", [  # a = 0
            "rw [div_self]", "simp [div_self]", "field_simp", "norm_num [div_self]", "ring"]),
        *_each("theorem t (a : ℝ) : √a ^ 2 = a", [  # a = -1
            "rw [Real.sq_sqrt]", "simp [Real.sq_sqrt]", "rw [sq_sqrt]", "simp [sq_sqrt]", "norm_num [Real.sq_sqrt]",
            "have h := Real.sq_sqrt\nexact h", "have h := @Real.sq_sqrt a\nexact h (by positivity)",
            "exact Real.sq_sqrt (Real.sqrt_nonneg a)"]),
        *_each("theorem t (a : ℝ) : √(√a) ^ 2 = a", ["exact Real.sq_sqrt (Real.sqrt_nonneg a)"]),
        *_each("theorem t (a : ℝ) : √(a ^ 2) = a", [  # a = -1
            "rw [Real.sqrt_sq]", "simp [Real.sqrt_sq]", "exact Real.sqrt_sq (sq_nonneg a)", "exact Real.sqrt_sq (by positivity)"]),
        *_each("theorem t (a : ℝ) : √a * √a = a", ["exact Real.mul_self_sqrt (le_refl a)", "rw [Real.mul_self_sqrt]"]),
        *_each("theorem t (x : ℝ) : Real.exp (Real.log x) = x", [  # x = -1: log (-1) = 0
            "rw [Real.exp_log]", "simp [Real.exp_log]", "exact Real.exp_log (by positivity)"]),
        *_each("theorem t (x y : ℝ) : Real.log (x * y) = Real.log x + Real.log y", [  # x = 0, y = 2
            "rw [Real.log_mul]", "simp [Real.log_mul]", "exact Real.log_mul (by norm_num) (by norm_num)"]),
        *_each("theorem t (x : ℝ) : 0 < Real.log x", [  # x = 1
            "exact Real.log_pos (by norm_num)", "apply Real.log_pos", "positivity"]),
        *_each("theorem t (x : ℝ) : 0 < √x", [  # x = 0
            "positivity", "exact Real.sqrt_pos.mpr (by positivity)", "rw [Real.sqrt_pos]\npositivity"]),
        *_each("theorem t (x y : ℝ) (h : x < y) : √x < √y", [  # -2, -1
            "exact Real.sqrt_lt_sqrt (by positivity) h", "apply Real.sqrt_lt_sqrt\nall_goals linarith"]),
        *_each("theorem t (x : ℝ) : x - 1 ≤ Real.log x", ["exact Real.log_le_sub_one_of_pos (by norm_num)"]),  # x = 2
        *_each("theorem t (n : ℕ) : Nat.choose n 2 = n * (n + 1) / 2", ["rw [Nat.choose_two_right]"]),  # n = 2
        *_each("theorem t (a b : ℤ) (h : a ≤ b) : a ^ 2 ≤ b ^ 2", [  # -2, 1
            "exact pow_le_pow_left (by norm_num) h 2", "exact pow_le_pow_left (by positivity) h 2",
            "apply pow_le_pow_left _ h"]),
        *_each("theorem t (a b c : ℤ) : a * b = a * c ↔ b = c", ["exact mul_right_inj' (by norm_num)"]),  # a = 0
        *_each("theorem t (a b c : ℤ) : a * b = a * c → b = c", ["intro h\nexact (mul_right_inj' (by positivity)).mp h"]),
        *_each("theorem t (a b c d : ℝ) : a / b ≤ c / d ↔ a * d ≤ c * b", [  # b = 0, d = 1, a = 1, c = 0
            "exact div_le_div_iff (by positivity) (by positivity)", "rw [div_le_div_iff]"]),
        *_each("theorem t (a b c : ℝ) : a ≤ b / c ↔ a * c ≤ b", ["rw [le_div_iff]", "simp [le_div_iff]"]),  # c = 0
        *_each("theorem t (a b c : ℕ) : a ≤ b / c ↔ a * c ≤ b", ["exact le_div_iff (by norm_num)"]),  # c = 0, a = 1
        *_each("theorem t (m n : ℕ) (h : m ∣ n) : m ≤ n", [  # n = 0, m = 1
            "exact Nat.le_of_dvd (by omega) h", "apply Nat.le_of_dvd _ h", "exact Nat.le_of_dvd (by positivity) h"]),
        *_each("theorem t (x y : ℕ) : x % y < y", [  # y = 0
            "exact Nat.mod_lt x (by positivity)", "apply Nat.mod_lt", "simp [Nat.mod_lt]"]),
        *_each("theorem t (x : ℕ) : x % 0 < 0", ["exact Nat.mod_lt x (by norm_num)"]),
        *_each("theorem t (a b : ℕ) (hab : a * 3 < b) : a < b / 3", [  # a = 0, b = 1
            "exact (lt_div_iff (by norm_num)).mpr hab", "simp [lt_div_iff, hab]", "rw [lt_div_iff] <;> omega",
            "rw [lt_div_iff (by norm_num : (0:ℕ) < 3)]\nexact hab"]),
        *_each("theorem t (a b c : ℕ) (h : a * c = b * c) : a = b", ["exact (mul_left_inj' (by positivity)).mp h"]),  # c = 0
        *_each("theorem t (a b c : ℕ) (hc : c ≠ 1) (h : a * c = b * c) : a = b", ["exact (mul_left_inj' hc).mp h"]),
        *_each("theorem t (a b c : ℕ) (h : c * a = c * b) : a = b", ["exact (mul_right_inj' (by norm_num)).mp h"]),
        *_each("theorem t (a b : ℕ) (h : 0 * a = 0 * b) : a = b", ["exact (mul_right_inj' (by norm_num)).mp h"]),
        *_each("theorem t (a b : ℝ) (h : a ^ 2 = b ^ 2) : a = b", [  # b = -a
            "exact pow_left_injective h", "nlinarith [sq_nonneg (a - b), sq_nonneg (a + b)]"]),
        *_each("theorem t (a b : ℝ) (h : a ^ 2 = b ^ 2) (ha : 0 ≤ a) : a = b", ["nlinarith [sq_nonneg (a - b), sq_nonneg (a + b)]"]),
        *_each("theorem t (a b : ℝ) (h : a ^ 2 ≤ b ^ 2) : a ≤ b", [  # 1, -1
            "exact pow_le_pow_left (by positivity) h 2", "exact abs_le_abs h"]),
        *_each("theorem t (a b : ℝ) (h : a ≤ b) : a ^ 2 ≤ b ^ 2", [  # -2, 1
            "exact pow_le_pow_left (by positivity) h 2", "apply pow_le_pow_left _ h", "nlinarith", "nlinarith [h]",
            "nlinarith [sq_nonneg (a - b), sq_nonneg (a + b), h]", "gcongr", "exact pow_le_pow_left (le_refl _) h 2",
            "exact pow_le_pow_left (sq_nonneg _) h 2", "exact pow_le_pow_left (abs_nonneg a) h 2"]),
        *_each("theorem t (a b : ℝ) (h : a ≤ b) : |a| ^ 2 ≤ b ^ 2", ["exact pow_le_pow_left (abs_nonneg a) h 2"]),
    ],
    # ring and field laws at ℕ/ℤ, where truncated subtraction and division break them
    "ring_field_laws_at_nat_int": [
        *_each("theorem t : (1:ℕ) / 2 + 1 / 2 = 1", ["rw [div_add_div_same]", "simp [div_add_div_same]", "norm_num [div_add_div_same]"]),
        *_each("theorem t : (1:ℤ) / 2 + 1 / 2 = 1", ["rw [div_add_div_same]", "simp only [div_add_div_same]\nnorm_num"]),
        *_each("theorem t (a b c : ℕ) : a / c + b / c = (a + b) / c", ["rw [div_add_div_same]", "exact div_add_div_same a b c"]),
        *_each("theorem t (a b c : ℤ) : a / c + b / c = (a + b) / c", ["exact div_add_div_same a b c"]),
        *_each("theorem t (a b : ℕ) : (a - b) ^ 2 = a ^ 2 - 2 * a * b + b ^ 2", [  # 1, 2: 0 vs 4
            "rw [sub_sq]", "exact sub_sq a b", "simp [sub_sq]", "ring", "ring_nf", "nlinarith [sub_sq a b]"]),
        *_each("theorem t (a b : ℕ) (h : a - b = 0) : a = b", [  # 1, 2
            "rw [sub_eq_zero] at h\nexact h", "simp only [sub_eq_zero] at h\nexact h", "norm_num [sub_eq_zero] at h\nexact h",
            "exact (sub_eq_zero.mp h)", "exact sub_eq_zero.1 h", "exact eq_of_sub_eq_zero h", "simpa [sub_eq_zero] using h",
            "simp_all [sub_eq_zero]", "omega", "linarith", "nlinarith", "rw [sub_eq_zero] at h", "simpa using h"]),
        *_each("theorem t (a b : ℕ) (h : a ≠ b) : a - b ≠ 0", [  # 1, 2
            "exact sub_ne_zero.mpr h", "rw [sub_ne_zero]\nexact h", "simp [sub_ne_zero, h]", "exact sub_ne_zero_of_ne h", "omega"]),
        *_each("theorem t (a b : ℕ) : b ≤ a", [  # 0, 1
            "have h : 0 ≤ a - b := Nat.zero_le _\nexact sub_nonneg.mp h",
            "have h : 0 ≤ a - b := Nat.zero_le _\nrw [sub_nonneg] at h\nexact h",
            "have h : 0 ≤ a - b := Nat.zero_le _\nexact le_of_sub_nonneg h",
            "have h : 0 ≤ a - b := Nat.zero_le _\nsimp [sub_nonneg] at h\nexact h",
            "have h : 0 ≤ a - b := Nat.zero_le _\nsimpa [sub_nonneg] using h", "rw [← sub_nonneg]\npositivity",
            "rw [← sub_nonneg]\nexact Nat.zero_le _", "apply le_of_sub_nonneg\npositivity", "apply le_of_sub_nonneg\nsimp",
            "refine le_of_sub_nonneg ?_\nexact Nat.zero_le _", "exact le_of_sub_nonneg (Nat.zero_le _)",
            "exact sub_nonneg.1 (Nat.zero_le _)", "exact sub_nonneg.mp (by positivity)",
            "exact (sub_nonneg (a := a) (b := b)).mp (by positivity)"]),
        *_each("theorem t : (1:ℕ) / 2 > 0", [
            "exact div_pos (by norm_num) (by norm_num)", "apply div_pos <;> norm_num", "positivity"]),
        *_each("theorem t : (1:ℤ) / 2 > 0", ["exact div_pos (by norm_num) (by norm_num)", "positivity"]),
        *_each("theorem t (a : ℕ) (ha : 0 < a) : 0 < a / 2", ["positivity", "exact div_pos ha (by norm_num)"]),  # a = 1
        *_each("theorem t (a : ℤ) (ha : 0 < a) : 0 < a / 2", ["exact Int.ediv_pos_of_pos_of_dvd ha (by norm_num) (by norm_num)"]),
        *_each("theorem t (a : ℕ) (ha : 0 < a) : 0 < ((a / 2 : ℕ) : ℝ)", ["positivity", "push_cast\npositivity"]),
        *_each("theorem t (a : ℕ) (ha : 0 < a) : 0 < ((a - 1 : ℕ) : ℝ)", ["positivity"]),
        *_each("theorem t (a : ℕ) (ha : 0 < a) : 0 < a - 1", ["positivity", "omega"]),
        *_each("theorem t (a b : ℕ) : a / b ≤ 1 ↔ a ≤ 1 * b", ["exact div_le_iff (by norm_num)"]),  # b = 0, a = 1
        *_each("theorem t (a b : ℕ) (hb : 0 < b) : a / b ≤ 1 ↔ a ≤ 1 * b", ["exact div_le_iff hb"]),  # 3, 2
        *_each("theorem t (a b : ℕ) (hb : 0 < b) (h : a / b ≤ 1) : a ≤ b", [
            "rw [div_le_iff hb] at h\nlinarith", "rw [Nat.div_le_iff_le_mul_add_pred hb] at h\nomega", "omega"]),
        *_each("theorem t (a b : ℤ) (hb : 0 < b) (h : a / b ≤ 1) : a ≤ b", ["rw [div_le_iff hb] at h\nlinarith", "omega"]),
        *_each("theorem t (a b : ℕ) (hb : 0 < b) (h : 1 * b < a) : 1 < a / b", [  # 3, 2
            "rw [lt_div_iff hb]\nlinarith", "exact (lt_div_iff hb).mpr h", "omega"]),
        *_each("theorem t (a b c d : ℕ) (hb : 0 < b) (hd : 0 < d) (h : a / b ≤ c / d) : a * d ≤ c * b", [  # 3 2 1 1
            "exact (div_le_div_iff hb hd).mp h"]),
        *_each("theorem t (a b c d : ℤ) (hb : 0 < b) (hd : 0 < d) (h : a / b ≤ c / d) : a * d ≤ c * b", [
            "rw [div_le_div_iff hb hd] at h\nexact h"]),
        *_each("theorem t (a b : ℕ) : a - b + b = a", [  # 0, 1
            "rw [sub_add_cancel]", "simp [sub_add_cancel]", "exact sub_add_cancel a b", "simp", "ring", "ring_nf", "omega",
            "norm_num", "linarith", "nlinarith", "positivity", "decide", "simp_all", "field_simp", "push_cast\nring",
            "norm_cast", "zify\nring", "tauto"]),
    ],
    # iff projections, partial application, implicit arguments
    "projections_partial_application": [
        *_each("theorem t (a b : ℝ) (h : a ≤ b) : 0 < b - a", ["exact sub_pos.mpr h"]),  # a = b
        *_each("theorem t (a b : ℝ) (h : 0 ≤ b - a) : b < a", ["exact sub_nonneg.mp h"]),
        *_each("theorem t (a b : ℝ) (h : a < b) : 0 ≤ a - b", ["exact sub_nonneg.mpr (le_of_lt h)"]),
        *_each("theorem t (x : ℝ) (h : |x| ≤ 1) : -1 ≤ x ∧ x ≤ 1 ∧ x ≠ 1", ["exact abs_le.mp h"]),
        *_each("theorem t (x : ℝ) (h : -1 ≤ x ∧ x ≤ 1) : |x| < 1", ["exact abs_lt.mpr h"]),  # x = 1
        *_each("theorem t (x : ℝ) : (∀ y : ℝ, 0 ≤ y ^ 2) → x = 0", ["intro h\nexact sq_nonneg"]),
        *_each("theorem t : ∀ y : ℝ, 0 < y ^ 2", ["exact sq_nonneg"]),  # y = 0
        *_each("theorem t : ∀ y z : ℝ, 0 ≤ y * z", ["intro y z\nexact mul_self_nonneg y"]),
        *_each("theorem t : ∀ a b : ℝ, 0 ≤ a → 0 < b → 0 < a * b", ["intro a b\nexact mul_pos", "exact fun a b => mul_pos"]),
        *_each("theorem t : ∀ a b : ℝ, a - b = b - a", ["exact mul_comm", "exact sub_comm"]),
        *_each("theorem t : ∀ a b : ℕ, a - b + b = a", ["exact Nat.sub_add_cancel"]),
        *_each("theorem t : ∀ n m : ℕ, n ≤ m → n - m + m = n", [
            "exact fun n m => Nat.sub_add_cancel", "intro n m h\nexact Nat.sub_add_cancel h"]),
        *_each("theorem t (x : ℝ) : 0 < Real.exp x - 1", ["linarith [Real.exp_pos x]"]),  # x = 0
        *_each("theorem t (x : ℝ) : 1 ≤ Real.exp x", ["linarith [Real.add_one_le_exp x]"]),  # x = -1
        *_each("theorem t (x : ℝ) : Real.sin x ≤ Real.cos x", ["linarith [Real.sin_le_one x, Real.neg_one_le_cos x]"]),
        *_each("theorem t (x : ℝ) : Real.sin x ^ 2 < 1", ["nlinarith [Real.sin_sq_add_cos_sq x, sq_nonneg (Real.cos x)]"]),
        *_each("theorem t (x : ℝ) : Real.sin x = Real.cos x", ["rw [Real.sin_add]"]),
        *_each("theorem t (x : ℝ) : Real.cos (x + x) = 1", ["rw [Real.cos_add]\nnlinarith [Real.sin_sq_add_cos_sq x]"]),
        *_each("theorem t : Real.log 0 = 1", ["simp [Real.log_zero]"]),
        *_each("theorem t (x : ℝ) : Real.log x ≥ 0", ["positivity"]),
        *_each("theorem t (x : ℝ) : Real.log (Real.exp x) ≥ 0", ["positivity"]),
        *_each("theorem t (x : ℝ) : Real.sin x ≥ 0", ["positivity"]),
        *_each("theorem t (x : ℝ) : Real.cos x ^ 2 > 0", ["positivity"]),
        *_each("theorem t (n : ℕ) : n ! > n", ["positivity"]),
        *_each("theorem t (n : ℕ) : Nat.choose n 3 > 0", ["positivity"]),
        *_each("theorem t (n : ℕ) : Nat.fib n > 0", ["positivity"]),
        *_each("theorem t (x : ℝ) : ⌊x⌋ ≥ 0", ["positivity"]),
        *_each("theorem t (x : ℝ) : (⌊x⌋ : ℝ) ≤ x - 1", ["linarith [Int.floor_le x]"]),
        *_each("theorem t (x : ℝ) : x⁻¹ > 0", ["positivity"]),
        *_each("theorem t (x : ℝ) : x⁻¹ * x = 1", ["field_simp", "simp", "ring"]),
        *_each("theorem t (x : ℝ) : x * x⁻¹ = 1", ["rw [mul_inv_cancel₀]"]),
        *_each("theorem t (x : ℝ) : x / 0 = x", ["simp"]),
        *_each("theorem t (x y : ℝ) : x / y * y = x", ["field_simp"]),
        *_each("theorem t (x y : ℝ) (h : y ≥ 0) : x / y * y = x", ["field_simp"]),
        *_each("theorem t (x y : ℝ) (h : y ≠ 1) : x / y * y = x", ["field_simp"]),
    ],
    # a local named like a lemma or a function hides the global (take it to be anything)
    "shadowing": [
        *_each("theorem t (x : ℝ) : 0 ≤ x", ["have sq_nonneg : ∀ a : ℝ, 0 ≤ a ^ 2 := fun a => by positivity\nexact sq_nonneg x"]),
        *_each("theorem t (x y : ℝ) (mul_pos : x > 0) (hy : y > 0) : x * y > 5", ["exact mul_pos mul_pos hy"]),
        *_each("theorem t (a b : ℕ) (mul_comm : a = b + 1) : b = a + 1", ["rw [mul_comm]"]),
        *_each("theorem t (a b : ℕ) (mul_comm : a = b + 1) : a * b = b * a + 1", ["rw [mul_comm]", "simp [mul_comm]"]),
        *_each("theorem t (a b : ℕ) (add_comm : a + b = 0) : a = 1", ["simp [add_comm] at add_comm\nomega"]),
        *_each("theorem t (a : ℕ) (pow_two : a = 3) : a ^ 2 = a * a + 1", ["rw [pow_two]"]),
        *_each("theorem t (a : ℝ) : a ^ 2 = a * a + 1", ["have pow_two : a = a + 1 := sorry\nrw [pow_two]"]),
        *_each("theorem t (a : ℝ) (two_mul : a = 1) : 2 * a = a + a + 1", ["rw [two_mul]\nnorm_num"]),
        *_each("theorem t (x : ℝ) (abs_nonneg : x < 0) : |x| < 0", ["linarith [abs_nonneg x]"]),
        *_each("theorem t (y : ℝ) : √y > 0", ["have Real.sqrt_nonneg : ∀ x : ℝ, √x > 0 := sorry\nexact Real.sqrt_nonneg y"]),
        *_each("theorem t (Nat.choose : ℕ → ℕ → ℕ) : Nat.choose 5 2 = 10", ["decide", "norm_num", "simp [Nat.choose]", "rfl"]),
        *_each("theorem t (choose : ℕ → ℕ → ℕ) : choose 5 2 = 10", ["decide", "norm_num [Nat.choose]"]),
        *_each("theorem t (n : ℕ) (choose : ℕ → ℕ → ℕ) : choose n 2 = n * (n - 1) / 2", [
            "rw [Nat.choose_two_right]", "exact Nat.choose_two_right n"]),
        *_each("theorem t (Real.sqrt : ℝ → ℝ) : Real.sqrt 4 = 2", ["norm_num"]),
        *_each("theorem t (Real.sqrt : ℝ → ℝ) (x : ℝ) : Real.sqrt x ≥ 0", ["positivity", "exact Real.sqrt_nonneg x"]),
        *_each("theorem t (sqrt : ℝ → ℝ) (x : ℝ) : sqrt x ≥ 0", ["exact Real.sqrt_nonneg x", "positivity"]),
        *_each("theorem t (Real.sqrt : ℝ → ℝ) (x : ℝ) : √x = Real.sqrt x", ["rfl"]),
        *_each("theorem t (exp : ℝ → ℝ) (x : ℝ) : exp x > 0", ["positivity", "exact Real.exp_pos x"]),
        *_each("theorem t (rexp : ℝ → ℝ) (x : ℝ) : rexp x > 0", ["exact Real.exp_pos x"]),
        *_each("theorem t (Real.exp : ℝ → ℝ) (x : ℝ) : Real.exp x > 0", ["exact Real.exp_pos x", "positivity"]),
        *_each("theorem t (Real.exp : ℝ → ℝ) : Real.exp 0 = 1", ["simp", "exact Real.exp_zero"]),
        *_each("theorem t (exp : ℝ → ℝ) : exp 0 = 1", ["exact Real.exp_zero", "simp [Real.exp_zero]"]),
        *_each("theorem t (log : ℝ → ℝ) : log 1 = 0", ["simp [Real.log_one]"]),
        *_each("theorem t (Real.log : ℝ → ℝ) : Real.log 1 = 0", ["simp [Real.log_one]", "exact Real.log_one"]),
        *_each("theorem t (sin : ℝ → ℝ) (x : ℝ) : sin x ≤ 1", ["exact Real.sin_le_one x"]),
        *_each("theorem t (sin cos : ℝ → ℝ) (x : ℝ) : sin x ^ 2 + cos x ^ 2 = 1", ["exact Real.sin_sq_add_cos_sq x"]),
        *_each("theorem t (Real.sin Real.cos : ℝ → ℝ) (x : ℝ) : Real.sin x ^ 2 + Real.cos x ^ 2 = 1", [
            "exact Real.sin_sq_add_cos_sq x", "simp [Real.sin_sq_add_cos_sq]", "nlinarith [Real.sin_sq_add_cos_sq x]"]),
        *_each("theorem t (π : ℝ) : π > 0", ["exact Real.pi_pos", "positivity", "linarith [Real.pi_pos]"]),
        *_each("theorem t (Real.pi : ℝ) : Real.pi > 0", ["linarith [Real.pi_pos]", "positivity"]),
        *_each("theorem t (Nat.factorial : ℕ → ℕ) : Nat.factorial 3 = 6", ["decide", "norm_num"]),
        *_each("theorem t (Nat.factorial : ℕ → ℕ) (n : ℕ) : Nat.factorial n > 0", ["positivity"]),
        *_each("theorem t (factorial : ℕ → ℕ) (n : ℕ) : factorial n > 0", ["positivity"]),
        *_each("theorem t (Nat.gcd : ℕ → ℕ → ℕ) : Nat.gcd 4 6 = 2", ["norm_num", "simp"]),
        *_each("theorem t (gcd : ℕ → ℕ → ℕ) : gcd 4 6 = 2", ["norm_num"]),
        *_each("theorem t (Nat.fib : ℕ → ℕ) : Nat.fib 5 = 5", ["decide"]),
        *_each("theorem t (fib : ℕ → ℕ) : fib 5 = 5", ["decide"]),
        *_each("theorem t (Int.natAbs : ℤ → ℕ) : Int.natAbs (-3) = 3", ["simp"]),
        *_each("theorem t (Int.toNat : ℤ → ℕ) : Int.toNat (-3) = 0", ["simp"]),
        *_each("theorem t (Int.floor : ℝ → ℤ) : Int.floor (7/2 : ℝ) = 3", ["norm_num"]),
        *_each("theorem t (Nat.sqrt : ℕ → ℕ) : Nat.sqrt 10 = 3", ["norm_num"]),
        *_each("theorem t (Finset.range : ℕ → Finset ℕ) : ∑ i in Finset.range 3, i = 3 + 1", ["decide"]),
        *_each("theorem t (Nat.digits : ℕ → ℕ → List ℕ) : (Nat.digits 10 12).sum = 3", ["norm_num"]),
        *_each("theorem t (digits : ℕ → ℕ → List ℕ) : (digits 10 12).sum = 3", ["norm_num"]),
        *_each("theorem t (max : ℕ → ℕ → ℕ) : max 3 5 = 5", ["norm_num", "simp", "decide"]),
        *_each("theorem t (min : ℕ → ℕ → ℕ) : min 3 5 ≤ 3", ["exact min_le_left 3 5"]),
        *_each("theorem t (Finset.Icc : ℕ → ℕ → Finset ℕ) : ∑ i in Finset.Icc 1 3, i = 6", ["decide"]),
        *_each("theorem t (Nat.ModEq : ℕ → ℕ → ℕ → Prop) : Nat.ModEq 3 7 1", [
            "decide", "unfold Nat.ModEq\nnorm_num", "simp [Nat.ModEq]"]),
        *_each("theorem t (Nat.Prime : ℕ → Prop) : Nat.Prime 7", ["norm_num", "decide"]),
        *_each("theorem t (Real.sqrt : ℝ → ℝ) (x : ℝ) (h : 0 ≤ x) : Real.sqrt x ^ 2 = x", [
            "exact Real.sq_sqrt h", "rw [Real.sq_sqrt h]", "simp [Real.sq_sqrt h]", "rw [sq_sqrt h]"]),
        *_each("theorem t (x : ℝ) (h : 0 ≤ x) : ∀ f : ℝ → ℝ, f x ^ 2 = x", [
            "intro f\nexact Real.sq_sqrt h", "intro Real.sqrt\nexact Real.sq_sqrt h", "intro sqrt\nexact Real.sq_sqrt h"]),
        *_each("theorem t (x : ℝ) : ∀ f : ℝ → ℝ, f x > 0", [
            "intro exp\npositivity", "intro exp\nexact Real.exp_pos x", "intro rexp\nexact Real.exp_pos x",
            "intro Real.exp\nexact Real.exp_pos x", "intro Real.exp\npositivity"]),
        *_each("theorem t (x : ℝ) : ∀ f : ℝ → ℝ, f x ≥ 0", ["intro Real.sqrt\npositivity", "intro Real.sqrt\nexact Real.sqrt_nonneg x"]),
        *_each("theorem t : ∀ f : ℕ → ℕ → ℕ, f 5 2 = 10", ["intro Nat.choose\ndecide", "intro choose\ndecide"]),
        *_each("theorem t : ∀ f : ℕ → ℕ, f 3 = 6", ["intro Nat.factorial\ndecide"]),
        *_each("theorem t : ∀ f : ℕ → ℕ, f 3 > 0", ["intro Nat.factorial\npositivity"]),
        *_each("theorem t : ∀ f : ℕ → ℕ → ℕ, f 4 6 = 2", ["intro Nat.gcd\nnorm_num"]),
        *_each("theorem t : ∀ p : ℝ, p > 0", ["intro π\nexact Real.pi_pos", "intro π\npositivity", "intro Real.pi\npositivity"]),
    ],
    # simpa / exact_mod_cast / push_cast / norm_cast with a mismatched fact or a false cast law
    "simpa_and_casts": [
        *_each("theorem t (y : ℝ) (h : y = 1) : y = 2", ["simpa using h"]),
        *_each("theorem t (y : ℝ) (h : y = 2 ∨ y = 1) : y = 2", ["simpa using h"]),
        *_each("theorem t (y : ℝ) (h : y + 0 = 3) : y = 2", ["simpa using h"]),
        *_each("theorem t (y z : ℝ) (h : y = z) : z = 2", ["simpa using h"]),
        *_each("theorem t (p q : Prop) (h : p) : q", ["simpa using h"]),
        *_each("theorem t (y : ℕ) (h : y - 3 = 0) : y = 3", ["simpa using h"]),
        *_each("theorem t (y : ℕ) (h : 3 - y = 0) : y ≤ 3", ["simpa using h"]),
        *_each("theorem t (y : ℕ) (h : y * 2 = 0) : y = 1", ["simpa using h"]),
        *_each("theorem t (p : Prop) (h : ¬ p) : p", ["simpa using h"]),
        *_each("theorem t (y : ℝ) (h : ¬ (y = 2)) : y = 2", ["simpa using h"]),
        *_each("theorem t (y : ℝ) (h : y = 2) : False", ["simpa using h"]),
        *_each("theorem t (h : (2:ℕ) - 3 = 0) : (2:ℤ) - 3 = 0", ["simpa using h", "exact_mod_cast h"]),
        *_each("theorem t (a b : ℕ) (h : a - b = 0) : (a : ℤ) - b = 0", ["exact_mod_cast h"]),
        *_each("theorem t (a b : ℕ) (h : a / b = 2) : (a : ℝ) / b = 2", ["exact_mod_cast h"]),  # 5, 2
        *_each("theorem t (a b : ℤ) (h : a / b = 2) : (a : ℝ) / b = 2", ["exact_mod_cast h"]),
        *_each("theorem t (a : ℤ) (h : (a : ℝ) < 1/2) : a < 0", ["exact_mod_cast h"]),
        *_each("theorem t (a : ℕ) (h : (a : ℝ) < 1/2) : a < 0", ["exact_mod_cast h"]),
        *_each("theorem t (a : ℕ) (h : (a : ℝ) - 1 < 0) : a - 1 < 0", ["exact_mod_cast h"]),
        *_each("theorem t (a : ℕ) (h : a - 1 = 0) : (a : ℝ) - 1 = 0", ["exact_mod_cast h"]),
        *_each("theorem t (a : ℕ) (h : a - 1 = 0) : ((a - 1 : ℕ) : ℝ) = (a : ℝ) - 1", ["push_cast\nring"]),
        *_each("theorem t (a : ℕ) : ((a - 1 : ℕ) : ℝ) = (a : ℝ) - 1", ["push_cast\nring"]),
        *_each("theorem t (a : ℕ) : ((a - 1 : ℕ) : ℤ) = (a : ℤ) - 1", [
            "push_cast\nring", "norm_num", "simp", "norm_cast", "push_cast [Nat.cast_sub]\nring",
            "push_cast [Nat.sub_add_cancel]\nring"]),
        *_each("theorem t (a : ℕ) : ((a / 2 : ℕ) : ℝ) = (a : ℝ) / 2", ["push_cast\nring", "norm_cast", "norm_num", "simp"]),
        *_each("theorem t (a : ℤ) : ((a / 2 : ℤ) : ℝ) = (a : ℝ) / 2", ["push_cast\nring", "norm_cast"]),
        *_each("theorem t (a : ℤ) : ((a % 2 : ℤ) : ℝ) = 0", ["push_cast\nring"]),
        *_each("theorem t (a : ℕ) (h : (a : ℤ) - 1 = -1) : a - 1 = 0 ∧ a = 1", ["constructor\n· omega\n· exact_mod_cast h"]),
        *_each("theorem t (x : ℕ) (h : x = 5 / 2) : (x : ℝ) = 5 / 2", ["exact_mod_cast h"]),
        *_each("theorem t (x : ℤ) (h : x = -5 / 2) : (x : ℝ) = -5 / 2", ["exact_mod_cast h"]),
        *_each("theorem t (x : ℕ) (h : x = 2 - 3) : (x : ℤ) = 2 - 3", ["exact_mod_cast h", "push_cast [h]\nring", "rw [h]\nnorm_num"]),
        *_each("theorem t (n : ℕ) (x : ℝ) (h : x = -1/2) (hn : n = 0) : x < n - 1", [
            "subst hn\nsubst h\nnorm_num", "rw [h, hn]\nnorm_num"]),
        *_each("theorem t (n : ℕ) (x : ℝ) (hn : n = 1) (h : x = 0) : n / 2 = x", ["rw [h, hn]\nnorm_num"]),
        *_each("theorem t (n : ℕ) (x : ℝ) (hn : n = 1) (h : x = 0) : x = n / 2", ["rw [h, hn]\nnorm_num"]),
        *_each("theorem t (n : ℕ) (x : ℝ) (hn : n = 0) : x + (n - 1) = x", ["rw [hn]\nnorm_num"]),
        *_each("theorem t (n : ℕ) (hn : n = 0) : ((n - 1 : ℕ) : ℝ) = -1", ["rw [hn]\nnorm_num"]),
        *_each("theorem t (n : ℕ) (hn : n = 0) : (n - 1 : ℤ) = 0", ["rw [hn]\nnorm_num"]),
        *_each("theorem t (n m : ℕ) (hn : n = 0) (hm : m = 1) : (n : ℤ) - m = 0", ["rw [hn, hm]\nnorm_num"]),
        *_each("theorem t (n m : ℕ) (hn : n = 0) (hm : m = 1) : ((n - m : ℕ) : ℤ) = -1", ["rw [hn, hm]\nnorm_num"]),
        *_each("theorem t (n : ℕ) (hn : n = 3) : (n / 2 : ℝ) = 1", ["rw [hn]\nnorm_num"]),
        *_each("theorem t (n : ℕ) (hn : n = 3) : ((n / 2 : ℕ) : ℝ) = 3/2", ["rw [hn]\nnorm_num"]),
        *_each("theorem t (n : ℕ) (hn : n = 3) : (↑(n / 2) : ℝ) = 3/2", ["rw [hn]\nnorm_num"]),
        *_each("theorem t (n : ℕ) (hn : n = 3) : (↑n / 2 : ℝ) = 1", ["rw [hn]\nnorm_num"]),
        *_each("theorem t (n : ℕ) (x : ℝ) (hn : n = 3) (hx : x = 0) : x + ↑(n / 2) = 3/2", ["rw [hn, hx]\nnorm_num"]),
        *_each("theorem t (n : ℕ) (x : ℝ) (hn : n = 3) (hx : x = 0) : x + ((n / 2 : ℕ) : ℝ) = 3/2", ["rw [hn, hx]\nnorm_num"]),
        *_each("theorem t (a : ℤ) (x : ℝ) (ha : a = -7) (hx : x = 0) : x + a / 2 = -4", ["rw [ha, hx]\nnorm_num"]),
        *_each("theorem t (a : ℤ) (x : ℝ) (ha : a = -7) (hx : x = 0) : x + ↑(a / 2) = -7/2", ["rw [ha, hx]\nnorm_num"]),
        *_each("theorem t (a : ℤ) (x : ℝ) (ha : a = -7) (hx : x = 0) : x + ↑(a % 2) = -1", ["rw [ha, hx]\nnorm_num"]),
        *_each("theorem t (a : ℕ) (h : a = 2) : ((a - 3 : ℕ) : ℤ) = -1", [
            "subst h\nnorm_num", "subst h\nrfl", "subst h\ndecide", "subst h\nsimp", "subst h\nomega", "omega",
            "push_cast [h]\nring", "rw [h]\npush_cast\nring", "rw [h]\nnorm_cast", "rw [h]\nrfl", "rw [h]\nlinarith",
            "rw [h]\nsimp", "simp [h]", "norm_num [h]", "simpa [h]", "field_simp [h]", "nlinarith [h]", "linarith [h]",
            "positivity", "ring_nf\nsimp [h]"]),
        *_each("theorem t (a : ℕ) (h : a = 7) : ((a / 2 : ℕ) : ℝ) = 7/2", [
            "rw [h]\npush_cast\nring", "push_cast [h]\nring", "norm_num [h]", "simp [h]", "field_simp [h]",
            "rw [h]\nfield_simp", "rw [h]\nring_nf", "rw [h]\nnorm_num [Nat.cast_div]"]),
        *_each("theorem t (a : ℕ) (h : a = 7) : ((a % 2 : ℕ) : ℝ) = 7", ["rw [h]\npush_cast\nring"]),
        *_each("theorem t (a : ℤ) (h : a = -7) : ((a / 2 : ℤ) : ℝ) = -7/2", ["rw [h]\npush_cast\nring", "rw [h]\nnorm_num"]),
        *_each("theorem t (a : ℤ) (h : a = -7) : ((a % 2 : ℤ) : ℝ) = -1", ["rw [h]\npush_cast\nring", "rw [h]\nnorm_num"]),
        *_each("theorem t (a : ℤ) (h : a = -7) : ((a.toNat : ℕ) : ℤ) = a", ["rw [h]\npush_cast\nring"]),
        *_each("theorem t (a : ℤ) (h : a = -7) : ((a.natAbs : ℕ) : ℤ) = a", ["rw [h]\npush_cast\nring", "push_cast\nring"]),
        *_each("theorem t (a : ℤ) : ((a.natAbs : ℕ) : ℤ) = a", ["push_cast\nring", "simp"]),
        *_each("theorem t (a : ℤ) : ((a.toNat : ℕ) : ℤ) = a", ["simp", "norm_cast"]),
        *_each("theorem t (x : ℝ) : ((⌊x⌋ : ℤ) : ℝ) = x", ["push_cast\nring", "norm_cast", "simp"]),
        *_each("theorem t (x : ℝ) : ((⌈x⌉ : ℤ) : ℝ) = x", ["norm_num"]),
        *_each("theorem t (n : ℕ) : ((n ! : ℕ) : ℝ) = n", ["push_cast\nring"]),
        *_each("theorem t (n : ℕ) : ((Nat.sqrt n : ℕ) : ℝ) = √n", ["push_cast\nring", "norm_cast"]),
        *_each("theorem t (n : ℕ) : ((n - 1 : ℕ) : ℝ) + 1 = n", [
            "push_cast\nring", "norm_cast", "simp", "rw [Nat.cast_sub]\nring", "rw [Nat.cast_pred]\nring",
            "exact_mod_cast Nat.sub_add_cancel (by omega)"]),
        *_each("theorem t (n : ℕ) : ((n - 1 + 1 : ℕ) : ℝ) = n", ["push_cast\nring", "norm_cast", "simp", "rw [Nat.sub_add_cancel]"]),
        *_each("theorem t (n : ℕ) : n + 1 - 1 - 1 + 1 = n", ["simp"]),
        *_each("theorem t (n : ℕ) : (n + 1) / 2 * 2 = n + 1", ["simp", "ring", "omega"]),
        *_each("theorem t (n : ℕ) : (n * 2 + 1) / 2 = n + 1", ["omega"]),
        *_each("theorem t (n : ℕ) : (2 * n + 1) % 2 = 0", ["omega", "simp", "norm_num", "simp [Nat.add_mod]", "rw [Nat.add_mod]\nsimp"]),
        *_each("theorem t (n : ℤ) : (2 * n + 1) % 2 = -1", ["omega"]),
        *_each("theorem t (n : ℤ) : (2 * n - 1) % 2 = -1", ["omega", "simp [Int.add_mul_emod_self]"]),
        *_each("theorem t (n : ℤ) : (2 * n - 1) / 2 = n", ["omega"]),
        # divisibility and parity in a field: (2 : ℝ) ∣ 3, Even 3, Odd 2 all hold there
        *_each("theorem t (h : ((2:ℕ):ℝ) ∣ ((3:ℕ):ℝ)) : False", ["norm_cast at h"]),
        *_each("theorem t (h : ((2:ℕ):ℝ) ∣ ((3:ℕ):ℝ)) : (2:ℕ) ∣ 3", ["exact_mod_cast h", "norm_cast at h"]),
        *_each("theorem t (a b : ℕ) (h : (a:ℝ) ∣ (b:ℝ)) : a ∣ b", [
            "exact_mod_cast h", "norm_cast at h", "simpa using h", "push_cast at h\nexact h"]),
        *_each("theorem t (a b : ℕ) (h : (a:ℚ) ∣ (b:ℚ)) : a ∣ b", ["exact_mod_cast h"]),
        *_each("theorem t (a b : ℤ) (h : (a:ℝ) ∣ (b:ℝ)) : a ∣ b", ["exact_mod_cast h"]),
        *_each("theorem t : (2:ℝ) ∣ 3 → (2:ℕ) ∣ 3", ["intro h\nexact_mod_cast h"]),
        *_each("theorem t : (2:ℝ) ∣ 3 → False", [
            "intro h\nnorm_num at h", "intro h\nsimp at h", "intro h\ndecide", "intro h\nomega", "intro h\nobtain ⟨k, hk⟩ := h\nomega"]),
        *_each("theorem t : ¬ (2:ℝ) ∣ 3", ["norm_num", "decide", "simp"]),
        *_each("theorem t : ¬ (2:ℚ) ∣ 3", ["norm_num"]),
        *_each("theorem t : (0:ℝ) ∣ 3", ["norm_num"]),
        *_each("theorem t (x : ℝ) (h : (2:ℝ) ∣ x) : ∃ k : ℤ, x = 2 * k", ["obtain ⟨k, hk⟩ := h\nexact ⟨k, hk⟩"]),
        *_each("theorem t (a : ℤ) (h : (a:ℝ) ∣ 3) : a ∣ 3", ["exact_mod_cast h"]),
        *_each("theorem t : ¬ Even (3:ℝ)", ["norm_num", "decide"]),
        *_each("theorem t : ¬ Odd (2:ℝ)", ["norm_num", "decide"]),
        *_each("theorem t : ¬ Odd (1/2:ℝ)", ["norm_num"]),
        *_each("theorem t (x : ℝ) (h : Odd x) : x ≠ 2", ["obtain ⟨k, hk⟩ := h\nlinarith"]),
    ],
    # field_simp may clear a denominator only where it is provably nonzero
    "field_simp": [
        *_each("theorem t (x y : ℝ) (hx : x ≠ 0) (hy : y ≠ 0) : (x + y) / (x + y) = 1", ["field_simp"]),  # 1, -1
        *_each("theorem t (x y : ℝ) (hx : x ≠ 0) (hy : y ≠ 0) : (x - y) / (x - y) = 1", ["field_simp"]),
        *_each("theorem t (x y : ℝ) (hx : x ≠ 0) : (x * y) / (x * y) = 1", ["field_simp"]),
        *_each("theorem t (x : ℝ) (hx : x ≠ 0) : √x / √x = 1", ["field_simp"]),  # x = -1
        *_each("theorem t (x : ℝ) (hx : x ≠ 0) : Real.log x / Real.log x = 1", ["field_simp"]),  # x = 1
        *_each("theorem t (x : ℝ) (hx : x ≠ 0) : Real.sin x / Real.sin x = 1", ["field_simp"]),  # x = π
        *_each("theorem t (x : ℝ) : Real.cos x / Real.cos x = 1", ["field_simp"]),
        *_each("theorem t (x : ℝ) (hx : x ≠ 0) : (x ^ 2 - 1) / (x ^ 2 - 1) = 1", ["field_simp"]),
        *_each("theorem t (x : ℝ) (hx : x ≥ 1) : (x - 1) / (x - 1) = 1", ["field_simp"]),
        *_each("theorem t (x : ℝ) (hx : -1 ≤ x) : (x + 1) / (x + 1) = 1", ["field_simp"]),
        *_each("theorem t (x : ℝ) (hx : x ≠ 0) : (x ^ 3 + 1) / (x ^ 3 + 1) = 1", ["field_simp"]),
        *_each("theorem t (x y : ℝ) : (x ^ 2 + y ^ 2) / (x ^ 2 + y ^ 2) = 1", ["field_simp"]),
        *_each("theorem t : (2 - 2 : ℝ) / (2 - 2) = 1", ["field_simp"]),
        *_each("theorem t : (0 : ℝ) / (1 - 1) = 5", ["field_simp"]),
        *_each("theorem t (x : ℝ) : (x - x) / (x - x) = 1", ["field_simp"]),
        *_each("theorem t (x : ℝ) : x / x = 1", ["field_simp"]),
        *_each("theorem t (x : ℝ) (hx : x ≠ 1) : x / x = 1", ["field_simp"]),
        *_each("theorem t (x : ℝ) (hx : x ≠ 0 → False) : x / x = 1", ["field_simp"]),
        *_each("theorem t (x : ℝ) (hx : ¬ x ≠ 0) : x / x = 1", ["field_simp"]),
        *_each("theorem t (x : ℝ) (hx : x ≠ 0 ∨ x = 0) : x / x = 1", ["field_simp"]),
        *_each("theorem t (x : ℝ) (hx : ∃ y : ℝ, y ≠ 0) : x / x = 1", ["field_simp"]),
        # the hypothesis is about the outer x, hidden by the bound one
        *_each("theorem t (x : ℝ) (hx : x ≠ 0) : ∀ x : ℝ, x / x = 1", [
            "intro x\nfield_simp", "intro y\nfield_simp", "intro x\nfield_simp [hx]", "intro x\nrw [div_self hx]",
            "intro x\nexact div_self hx", "intro x\nsimp [hx]", "intro x\nsimp [div_self hx]", "intro x\nfield_simp at *",
            "intro x\nsimp_all", "intro x\nsimp at hx ⊢\nfield_simp", "intro x\nhave h2 := hx\nfield_simp"]),
        *_each("theorem t (x : ℝ) (hx : x ≠ 0) : ∀ y : ℝ, y / y = 1", ["intro x\nfield_simp"]),
        *_each("theorem t (x : ℝ) : ∀ x : ℝ, x ≠ 0 → ∀ x : ℝ, x / x = 1", ["intro x hx x\nfield_simp"]),
        *_each("theorem t (n : ℕ) (hn : n ≠ 0) : ((n - 1 : ℕ) : ℝ) / ((n - 1 : ℕ) : ℝ) = 1", ["field_simp"]),  # n = 1
        *_each("theorem t (n : ℕ) (hn : n ≠ 0) : ((n : ℝ) - 1) / ((n : ℝ) - 1) = 1", ["field_simp"]),
        *_each("theorem t (n : ℕ) (hn : n ≠ 0) : ((n / 2 : ℕ) : ℝ) / ((n / 2 : ℕ) : ℝ) = 1", ["field_simp"]),
        *_each("theorem t (n : ℤ) (hn : n ≠ 0) : ((n / 2 : ℤ) : ℝ) / ((n / 2 : ℤ) : ℝ) = 1", ["field_simp"]),
        *_each("theorem t (n : ℤ) (hn : n ≠ 0) : ((n.toNat : ℕ) : ℝ) / ((n.toNat : ℕ) : ℝ) = 1", ["field_simp"]),
        *_each("theorem t (x : ℝ) (hx : x ≠ 0) : (⌊x⌋ : ℝ) / (⌊x⌋ : ℝ) = 1", ["field_simp"]),
        *_each("theorem t (x y : ℝ) (hx : x ≠ 0) (h : y / (x * y) = 1 / x) : y = 1", ["field_simp at h\nlinarith"]),
        *_each("theorem t (x y : ℝ) (h : x / y = 0) : x = 0", ["field_simp at h\nexact h"]),  # y = 0
        *_each("theorem t (x y z : ℝ) (h : x / y = z) : x = z * y", ["rw [div_eq_iff] at h\nexact h", "field_simp at h\nlinarith"]),
        *_each("theorem t (x y z : ℝ) (h : x = z * y) : x / y = z", [
            "rw [div_eq_iff]\nexact h", "field_simp\nlinarith", "rw [eq_div_iff]\nlinarith"]),
        *_each("theorem t (x : ℝ) (h : 1 / x = 0) : False", ["field_simp at h"]),
        *_each("theorem t (x : ℝ) (h : x / 2 = 1) : x = 3", ["field_simp at h\nlinarith"]),
        *_each("theorem t (x : ℝ) : x / (2 - 2) = 0 ∧ x = 0", ["field_simp"]),
        *_each("theorem t (x : ℝ) : x / (2 - 2) = x", ["field_simp", "norm_num", "simp"]),
    ],
    # suffices, linarith only and contrapose! must leave (or use) exactly what Lean does
    "suffices_linarith_only_contrapose": [
        *_each("theorem t : (2:ℤ) = 3", [
            "exact eq_of_sub_eq_zero (show 2 - 3 = 0 by norm_num)", "exact eq_of_sub_eq_zero (show (2:ℕ) - 3 = 0 by norm_num)",
            "exact eq_of_sub_eq_zero (by norm_num : 2 - 3 = 0)", "exact eq_of_sub_eq_zero (by norm_num : (2:ℕ) - 3 = 0)",
            "exact eq_of_sub_eq_zero (by decide)", "exact eq_of_sub_eq_zero (by omega)", "apply eq_of_sub_eq_zero\nnorm_num",
            "have h : (2:ℕ) - 3 = 0 := by norm_num\nexact eq_of_sub_eq_zero h",
            "have h := eq_of_sub_eq_zero (show 2 - 3 = 0 by norm_num)\nexact h",
            "have h := eq_of_sub_eq_zero (show (2:ℤ) - 3 = 0 by norm_num)\nexact h"]),
        *_each("theorem t : (7:ℝ) / 2 = 3", [
            "have h : (7:ℕ) / 2 = 3 := by norm_num\nexact_mod_cast h", "exact_mod_cast (show (7:ℕ) / 2 = 3 by norm_num)",
            "exact_mod_cast (show 7 / 2 = 3 by norm_num)", "norm_num [show (7:ℕ) / 2 = 3 by norm_num]",
            "rw [show (7:ℕ) / 2 = 3 by norm_num]", "rw [show 7 / 2 = 3 by norm_num]", "simp [show 7 / 2 = 3 by norm_num]",
            "have : 7 / 2 = 3 := by norm_num\nrw [this]", "have : 7 / 2 = 3 := by norm_num\nsimpa using this",
            "have : 7 / 2 = 3 := by norm_num\nexact_mod_cast this", "have : 7 / 2 = 3 := by norm_num\nlinarith",
            "have : 7 / 2 = 3 := by norm_num\nsimp_all", "have : 7 / 2 = 3 := by norm_num\nnorm_num at this ⊢",
            "have : 7 / 2 = 3 := by norm_num\nexact this", "have : 7 / 2 = 3 := by norm_num\nconvert this",
            "have : 7 / 2 = 3 := by norm_num\npush_cast at this ⊢\nlinarith",
            "suffices h : (7:ℕ) / 2 = 3 by exact_mod_cast h\nnorm_num", "suffices h : 7 / 2 = 3 by exact_mod_cast h\nnorm_num",
            "suffices h : 7 / 2 = 3 from by exact_mod_cast h\nnorm_num", "suffices (7:ℕ) / 2 = 3 by exact_mod_cast this\nnorm_num",
            "suffices (7:ℕ) / 2 = 3 by simpa using this\nnorm_num", "suffices (7:ℕ) / 2 = 3 by linarith\nnorm_num",
            "suffices h : (7:ℝ) / 2 = 3 by exact h\nnorm_num"]),
        *_each("theorem t : (1:ℕ) = 2", [
            "suffices h : (1:ℕ) = 2 by exact h\nskip", "suffices h : (1:ℕ) = 1 by exact h", "suffices h : (1:ℕ) = 1 by omega\nrfl",
            "suffices h : (1:ℕ) = 1 from h\nrfl", "suffices (1:ℕ) = 1 by exact this\nrfl", "suffices (1:ℕ) = 1 by simpa\nrfl",
            "suffices (1:ℕ) = 1 by simp at this\nrfl"]),
        *_each("theorem t (p : Prop) : p", [
            "suffices h : True by trivial\ntrivial", "suffices h : p by exact h\nsorry", "suffices h : p → p by exact h\nexact id",
            "suffices h : p → p by tauto\nexact id", "suffices h : p → p\n· exact h (by assumption)\n· exact id"]),
        *_each("theorem t (p q : Prop) (hq : q) : p", [
            "suffices h : q\nexact hq", "suffices h : q by exact absurd hq (by simpa)\nexact hq"]),
        *_each("theorem t (x y : ℝ) (h : x ≤ y) (h2 : y ≤ 0) : x ≤ -1", ["linarith only [h, h2]", "linarith"]),
        *_each("theorem t (x y : ℝ) (h : x < y) (h2 : y ≤ -1) : x < -2", ["linarith only [h, h2]", "linarith"]),
        *_each("theorem t (p : Prop) (x : ℝ) (hp : p) (h : x > 0) : x > 1", ["contrapose! h\nlinarith"]),
        *_each("theorem t (x : ℝ) (h : x > 0) : x > 1", ["contrapose! h\nlinarith", "contrapose! h\nexact h"]),
        *_each("theorem t (x y : ℝ) (h : x > 0) (h' : y > 0) : x > 1", ["contrapose! h'\nlinarith"]),
        *_each("theorem t (x y : ℝ) (h : x > y) : x ≥ y + 1", ["contrapose! h\nlinarith"]),
        *_each("theorem t (x y : ℕ) (h : x > y) : x ≥ y + 2", ["contrapose! h\nomega"]),
        *_each("theorem t (x : ℕ) (h : ¬ x = 0) : x = 1", ["contrapose! h\nomega"]),
        *_each("theorem t (x : ℕ) (h : x = 0) : x = 1", ["contrapose! h\nomega", "contrapose h\nomega"]),
        *_each("theorem t (x : ℕ) (h : x = 0 ∨ x = 1) : x = 1", ["contrapose! h\nomega", "contrapose! h\nexact ⟨by omega, h⟩"]),
    ],
    # congrArg / congr_arg with `(· op e)` and `fun`, and rw's closing rfl
    "congr_arg_and_rw_rfl": [
        *_each("theorem t (a b : ℕ) (h : a = b) : a % 7 = b % 6", ["exact congrArg (· % 7) h", "exact congr_arg (· % 7) h"]),
        *_each("theorem t (a b : ℕ) (h : a % 7 = b % 7) : a = b", ["exact congrArg (· % 7) h"]),
        *_each("theorem t (a b : ℕ) (h : a = b) : 7 % a = b % 7", ["exact congrArg (· % 7) h"]),
        *_each("theorem t (a b : ℕ) (h : a = b) : a - 3 = 3 - b", ["exact congrArg (· - 3) h"]),
        *_each("theorem t (a b : ℝ) (h : a = b) : a / 0 = b", ["exact congrArg (· / 0) h"]),
        *_each("theorem t (a b : ℝ) (h : a = b) : a ^ 2 = b ^ 3", ["exact congrArg (· ^ 2) h"]),
        *_each("theorem t (a b c : ℝ) (h : a = b) : a * c = b * a", ["exact congrArg (fun x => x * c) h"]),
        *_each("theorem t (a b : ℝ) (f : ℝ → ℝ) (h : f a = f b) : a = b", ["exact congrArg f h"]),
        *_each("theorem t (a b : ℝ) (f g : ℝ → ℝ) (h : a = b) : f a = g b", ["exact congrArg f h"]),
        *_each("theorem t (a b : ℤ) (h : a = b) : (a : ℝ) = (b : ℝ) + 1", ["exact congrArg (fun x : ℤ => (x : ℝ)) h"]),
        *_each("theorem t (a b : ℤ) (h : a = b) : a.toNat = b.natAbs", ["exact congrArg Int.toNat h"]),
        *_each("theorem t (a b : ℝ) (h : a = b) : √a = Real.exp b", ["exact congrArg Real.sqrt h"]),
        *_each("theorem t (a b : ℝ) (h : a = b) : (fun x : ℝ => x + 1) a = b + 2", ["exact congrArg (fun x : ℝ => x + 1) h"]),
        *_each("theorem t (a b : ℝ) (h : a + 1 = b) : a = b - 2", ["have := congrArg (· - 1) h\nsimp at this\nlinarith"]),
        *_each("theorem t (a b : ℕ) (h : a + 1 = b) : a = b - 2", ["have := congrArg (· - 1) h\nsimp at this\nomega"]),
        *_each("theorem t (a : ℕ) (h : a + 1 = 5) : a = 3", ["have := congrArg (· - 1) h\nsimpa using this"]),
        *_each("theorem t (a : ℕ) (h : 1 - a = 0) : a = 1", ["have := congrArg (· + a) h\nsimp at this\nomega"]),
        *_each("theorem t (f : ℕ → ℕ) (h : ∀ x, f x = x + 1) : f 2 = 4", ["simp [h]"]),
        *_each("theorem t (f : ℕ → ℕ) (h : f = (· + 1)) : f 2 = 4", ["simp [h]"]),
        *_each("theorem t (f : ℕ → ℕ) (h : f = (1 - ·)) : f 3 = 1", ["simp [h]"]),
        *_each("theorem t (f : ℕ → ℕ) (h : f = (· - 1)) : f 3 = 1", ["simp [h]", "rw [h]"]),
        *_each("theorem t (f : ℕ → ℕ → ℕ) (h : f = (· - ·)) : f 3 1 = 0", ["rw [h]", "simp [h]", "subst h\nrfl"]),
        *_each("theorem t (f : ℕ → ℕ → ℕ) (h : ∀ x, f x = (· - x)) : f 1 3 = 0", ["simp [h]"]),
        *_each("theorem t (f : ℕ → ℕ → ℕ) (h : ∀ x, f x = (x - ·)) : f 1 3 = 2", ["simp [h]"]),
        *_each("theorem t : ∑ i in Finset.range 3, (· + 1) i = 7", ["decide"]),
        *_each("theorem t : ((· * 2) ∘ (· + 1)) (3:ℕ) = 7", ["rfl"]),
        *_each("theorem t (a : ℕ) : (2 - 3) + a = a + 1", ["rw [Nat.add_comm]"]),
        *_each("theorem t (a : ℕ) : a + (2 - 3) = a + 1", ["rfl"]),
        *_each("theorem t (a : ℕ) (h : a = 2 - 3) : a = 1", ["rw [h]"]),
        *[(f"theorem t (a : ℕ) (h : a = 5) : {goal}", "rw [h]") for goal in (
            "a / 2 = 3", "a % 0 = 0", "a / 0 = 5", "a - 7 + 7 = 12", "a ^ 3 = 9", "a * 3 = 7", "(3:ℤ) - a = 0",
            "((3 - a : ℕ) : ℤ) = -2", "2 ∣ a", "a ≤ 4", "a + 0 = 6 - 1 + 1", "a = (11 - 1) / 2 + 1", "(a : ℝ) / 2 = 2",
            "((a / 2 : ℕ) : ℝ) = 5/2", "Nat.choose a 7 = 1", "a ! = 121", "7 ≡ a [MOD 3]")],
        *_each("theorem t (a : ℕ) (h : a = 2) : a ^ 3 = 9", ["rw [h]"]),
        *_each("theorem t (a : ℕ) (h : a = 2) : 3 - a = 0", ["rw [h]"]),
        *_each("theorem t (a : ℤ) (h : a = 5) : a - 7 + 7 = 7", ["rw [h]"]),
        *_each("theorem t (a : ℤ) (h : a = -7) : a / 2 = -3", ["rw [h]"]),
        *_each("theorem t (a : ℤ) (h : a = -7) : a % 2 = -1", ["rw [h]"]),
        *_each("theorem t (a : ℝ) (h : a = 7) : a / 2 = 3", ["rw [h]"]),
        *_each("theorem t (a : ℚ) (h : a = 7) : a / 2 = 3", ["rw [h]"]),
        *_each("theorem t (x : ℝ) (h : x = 4) : √x = -2", ["rw [h]"]),
        *_each("theorem t (x : ℝ) (h : x = 4) : √x = 4", ["rw [h]"]),
        *_each("theorem t (a : ℕ) (h : a = 5) : 7 ≡ a [MOD 3]", [
            "rw [h]\ndecide", "rw [h]\nnorm_num [Nat.ModEq]", "rw [h]\nsimp [Nat.ModEq]", "unfold Nat.ModEq\nomega",
            "simp [Nat.ModEq, h]"]),
        *_each("theorem t (a : ℤ) (h : a = -1) : a ≡ 1 [ZMOD 3]", ["simp [Int.ModEq, h]", "unfold Int.ModEq\nomega"]),
        *_each("theorem t (a : ℕ) (h : a ≡ 1 [MOD 3]) : a % 3 = 2", ["unfold Nat.ModEq at h\nomega"]),
        *_each("theorem t (a : ℕ) (h : a ≡ 4 [MOD 3]) : a % 3 = 4", ["unfold Nat.ModEq at h\nomega", "exact h"]),
    ],
    # big operators: nested binders, empty ranges, truncated bodies, variables
    "big_operators": [
        *_each("theorem t : ∑ i in Finset.range 4, ∑ j in Finset.range i, j = 14", ["decide", "norm_num"]),  # 4
        *_each("theorem t : ∑ i in Finset.range 4, ∑ j in Finset.range i, i = 4", ["decide", "simp"]),  # 14
        *_each("theorem t : ∑ i in Finset.range 4, ∑ j in Finset.range i, (j - i) = 10", ["decide"]),  # 0
        *_each("theorem t : ∑ i in Finset.Icc (-2:ℤ) 2, i ^ 2 = 5", ["decide"]),
        *_each("theorem t : ∑ i in Finset.Icc 5 3, i = 8", ["decide"]),
        *_each("theorem t : ∑ i in Finset.range 5, (2 - i) = 0", ["decide"]),
        *_each("theorem t : ∑ i in Finset.range 3, (1:ℝ) / i = 2", ["norm_num"]),
        *_each("theorem t : ∑ i in Finset.range 4, 3 / i = 6", ["decide"]),
        *_each("theorem t : ∑ i in Finset.range 4, 3 % i = 3", ["decide"]),
        *_each("theorem t : ∏ i in Finset.Icc 1 0, i = 0", ["decide"]),
        *_each("theorem t : ∏ i in Finset.range 3, (i + 1) = 0", ["norm_num"]),
        *_each("theorem t (n : ℕ) : ∑ i in Finset.range (n + 1), i = ∑ i in Finset.range n, i + (n + 1)", [
            "simp [Finset.sum_range_succ]", "rw [Finset.sum_range_succ]"]),
        *_each("theorem t (n : ℕ) : ∑ i in Finset.range n, i = n * (n + 1) / 2", [
            "induction n with\n| zero => simp\n| succ k ih => rw [Finset.sum_range_succ, ih]\n  ring_nf\n  omega",
            "induction n with\n| zero => simp\n| succ k ih => simp [Finset.sum_range_succ, ih]\n  omega"]),
        *_each("theorem t (n : ℕ) : ∑ i in Finset.range n, i = 0", ["simp", "decide"]),
        *_each("theorem t (n : ℕ) : ∑ i in Finset.range n, 0 = 1", ["simp"]),
        *_each("theorem t (n : ℕ) : ∑ i in Finset.range n, 1 = n + 1", ["simp"]),
        *_each("theorem t (n : ℕ) : ∏ i in Finset.range n, 1 = 0", ["simp"]),
        *_each("theorem t (n : ℕ) (h : n = 3) : ∑ i in Finset.range n, i = 6", ["subst h\ndecide", "rw [h]\nrfl"]),
        *_each("theorem t (n : ℕ) (h : n = 3) : ∑ i in Finset.range n, (i + n) = 9", ["subst h\ndecide"]),
        *_each("theorem t (n : ℕ) (h : n = 3) : ∑ i in Finset.range n, (i + n) = 6", ["subst h\ndecide"]),
        *_each("theorem t (n : ℕ) (h : n = 3) : ∑ n in Finset.range n, n = 9", ["subst h\ndecide", "rw [h]\ndecide"]),
        *_each("theorem t (n : ℕ) (h : n = 3) : ∑ i in Finset.range n, n = 6", ["simp [h]"]),
        *_each("theorem t (n : ℕ) (h : n = 3) : ∑ i in Finset.range 3, n = 6", ["simp [h]", "rw [h]"]),
        *_each("theorem t (f : ℕ → ℕ) (h : ∀ x, f x = x) : ∑ i in Finset.range 3, f i = 6", [
            "simp [h]", "simp [Finset.sum_range_succ, h]"]),
        *_each("theorem t (f : ℕ → ℕ) (h : ∀ x, f x = 1) : ∑ i in Finset.range 3, f i = 4", ["simp [Finset.sum_range_succ, h]"]),
        *_each("theorem t (f : ℕ → ℕ) (h : f 0 = 1) : ∑ i in Finset.range 3, f i = 3", ["simp [Finset.sum_range_succ, h]"]),
        *_each("theorem t (f : ℕ → ℕ) : ∑ i in Finset.range 3, f i = f 1 + f 2 + f 3", ["simp [Finset.sum_range_succ]"]),
        *_each("theorem t (f : ℕ → ℕ) : ∑ i in Finset.range 3, f i = f 0 + f 1", ["simp [Finset.sum_range_succ]"]),
        *_each("theorem t (f : ℕ → ℕ) : ∑ i in Finset.range 3, f i = 3 * f 0", ["simp"]),
        *_each("theorem t (f : ℕ → ℕ) : ∑ i in Finset.Icc 1 3, f i = f 0 + f 1 + f 2", [
            "simp [Finset.sum_range_succ]", "decide", "norm_num [Finset.sum_range_succ]"]),
        *_each("theorem t (f : ℕ → ℕ) : ∑ i in Finset.Ico 1 3, f i = f 1 + f 2 + f 3", ["norm_num [Finset.sum_range_succ]"]),
    ],
    # positivity and the order lemmas: each statement fails at 0 (or at the instance named)
    "positivity_and_order": [
        *_each("theorem t (a b : ℝ) (ha : 0 < a) : 0 < a * b", [
            "apply mul_pos ha", "apply mul_pos ha\nexact ha", "apply mul_pos <;> assumption", "refine mul_pos ha ?_\nexact ha",
            "exact mul_pos ha ha", "exact mul_pos ha (by linarith)", "exact mul_pos ha (by positivity)",
            "exact mul_pos ha (by assumption)", "exact mul_pos ha ‹_›", "exact mul_pos ha (by simpa using ha)",
            "have := mul_pos ha ha\nsimpa using this", "have := mul_pos ha ha\nnlinarith", "have := mul_pos ha ha\nexact this",
            "positivity", "nlinarith [mul_pos ha ha]", "nlinarith [sq_nonneg a, sq_nonneg b, ha]"]),
        *_each("theorem t (a b : ℝ) (ha : 0 < a) (hb : 0 ≤ b) : 0 < a * b", [
            "exact mul_pos ha hb", "positivity", "nlinarith [mul_nonneg ha.le hb]",
            "exact mul_pos ha (lt_of_le_of_ne hb (by simp))"]),
        *_each("theorem t (a b : ℝ) (ha : 0 ≤ a) (hb : 0 ≤ b) : 0 < a + b", [
            "exact add_pos_of_nonneg_of_pos ha hb", "exact add_pos_of_pos_of_nonneg ha hb", "positivity", "exact add_pos ha hb",
            "linarith", "nlinarith"]),
        *_each("theorem t (a b : ℝ) (ha : a < 0) (hb : 0 < b) : 0 < a * b", ["exact mul_pos_of_neg_of_neg ha hb"]),
        *_each("theorem t (a b : ℝ) (ha : a < 0) (hb : b ≤ 0) : 0 < a * b", ["exact mul_pos_of_neg_of_neg ha hb", "nlinarith"]),
        *_each("theorem t (a : ℝ) (ha : a ≠ 0) : 0 < a", ["exact lt_of_le_of_ne (by positivity) ha.symm"]),
        *[(f"theorem t {binders} : {goal}", "positivity") for binders, goal in (
            ("(a : ℝ)", "0 < a ^ 2"), ("(a : ℝ) (ha : a ≠ 0)", "0 < a ^ 3"), ("(a : ℝ)", "0 < |a|"), ("(a : ℝ)", "0 ≤ a⁻¹"),
            ("(a : ℝ)", "0 ≤ a / 2"), ("(a b : ℝ)", "0 ≤ a ^ 2 / b"), ("(a b : ℝ) (hb : 0 < b)", "0 < a ^ 2 / b"),
            ("(n : ℕ)", "0 < n"), ("(n : ℕ)", "0 < (n : ℝ)"), ("(n : ℕ)", "0 ≤ (n : ℝ) - 1"), ("(n : ℤ)", "0 ≤ (n : ℝ)"),
            ("(n : ℤ)", "0 < (n.natAbs : ℝ)"), ("(n : ℤ)", "0 ≤ n / 2"), ("(n : ℕ)", "0 < n % 2"),
            ("(n : ℕ)", "0 < Nat.choose n 2"), ("(n : ℕ)", "0 < (2:ℤ) ^ n - 1"), ("(n : ℕ)", "0 < (-2:ℤ) ^ n"),
            ("(n : ℕ)", "0 ≤ (-2:ℤ) ^ n"), ("(n : ℕ)", "0 < (0:ℤ) ^ n"), ("(x : ℝ)", "0 < Real.exp x - 1"),
            ("(x : ℝ)", "0 < √(x + 1)"), ("(x : ℝ)", "0 ≤ min x 0"), ("(x : ℝ)", "0 ≤ (⌊x⌋ : ℝ)"),
            ("(x : ℝ)", "0 < (⌈x⌉₊ : ℝ)"), ("(x : ℝ)", "0 < Real.cos x + 1"), ("(x : ℝ)", "0 < Real.log x"),
            ("(x : ℝ)", "0 < √x"), ("(x : ℝ)", "0 < Real.sin x"))],
    ],
    # a hypothesis about an outer variable must not be read about a bound one of the same name, and
    # applications of opaque functions are equal only when their arguments are
    "bound_names_and_opaque_atoms": [
        *_each("theorem t (i : ℕ) (h : i = 5) : ∑ i in Finset.range 3, i = 15", [
            "simp [h]", "rw [h]", "subst h\ndecide", "simp_all", "norm_num [h]", "simp only [h]\ndecide", "rw [h]\ndecide",
            "simp [h, Finset.sum_range_succ]", "subst i\ndecide"]),
        *_each("theorem t (i : ℕ) (h : 5 = i) : ∑ i in Finset.range 3, i = 15", ["subst h\ndecide"]),
        *_each("theorem t (f : ℕ → ℕ) (i : ℕ) (h : f i = 0) : ∑ i in Finset.range 3, f i = 0", [
            "simp [h]", "rw [h]", "simp_all", "simp [h, Finset.sum_range_succ]"]),
        *_each("theorem t (f : ℕ → ℕ) (i : ℕ) (h : f i = 0) : ∑ j in Finset.range 3, f j = 0", ["simp [h]"]),
        *_each("theorem t (f : ℕ → ℕ) (h : f 0 = 0) : ∑ i in Finset.range 3, f i = 0", ["simp [h]"]),
        *_each("theorem t (x : ℝ) (h : √x = 1) : ∀ x : ℝ, √x = 1", [
            "intro x\nlinarith", "intro x\nexact h", "intro x\nsimp [h]", "intro x\nrw [h]", "intro x\nnlinarith [h]",
            "intro x\nsimp_all", "intro x\nassumption", "intro x\nnorm_num [h]", "intro x\nlinarith [h]", "intros\nlinarith"]),
        *_each("theorem t (x : ℝ) (h : √x = 1) : ∀ y : ℝ, √y = 1", ["intro x\nlinarith", "intro y\nlinarith"]),
        *_each("theorem t (n : ℕ) (h : n ! = 1) : ∀ n : ℕ, n ! = 1", ["intro n\nlinarith", "intro n\nomega", "intro n\nexact h"]),
        *_each("theorem t (x : ℝ) (h : ⌊x⌋ = 1) : ∀ x : ℝ, ⌊x⌋ = 1", ["intro x\nlinarith", "intro x\nomega"]),
        *_each("theorem t (x : ℝ) (h : |x| = 1) : ∀ x : ℝ, |x| = 1", ["intro x\nlinarith"]),
        *_each("theorem t (x : ℝ) (h : x⁻¹ = 1) : ∀ x : ℝ, x⁻¹ = 1", ["intro x\nlinarith"]),
        *_each("theorem t (x : ℝ) (h : Real.exp x = 1) : ∀ x : ℝ, Real.exp x = 1", ["intro x\nlinarith"]),
        *_each("theorem t (x : ℝ) (h : max x 1 = 1) : ∀ x : ℝ, max x 1 = 1", ["intro x\nlinarith"]),
        *_each("theorem t (x : ℕ) (h : Nat.choose x 2 = 1) : ∀ x : ℕ, Nat.choose x 2 = 1", ["intro x\nomega"]),
        *_each("theorem t (n : ℕ) (h : (n : ℝ) = 1) : ∀ n : ℕ, (n : ℝ) = 1", [
            "intro n\nlinarith", "intro n\nexact_mod_cast h", "intro n\npush_cast at h ⊢\nlinarith"]),
        *_each("theorem t (x : ℝ) (h : √x = 1) (y : ℝ) : √y = 1", ["linarith"]),
        *_each("theorem t (x : ℕ) (y : ℤ) (h : √(x : ℝ) = 1) : √(y : ℝ) = 1", ["linarith"]),
        *_each("theorem t (x : ℕ) (h : ⌊(x : ℝ)⌋ = 2) : ⌊(x : ℚ)⌋ = 1", ["linarith"]),
        *_each("theorem t (a b : ℕ) (h : max a b = 1) : max (a:ℤ) b = 2", ["linarith"]),
        *_each("theorem t (a b : ℕ) (h : max a b = 1) : max (a:ℤ) (b + 1) = 1", ["linarith"]),
        *_each("theorem t (a : ℕ) (h : Nat.sqrt a = 2) : Nat.sqrt (a + 1) = 2", ["linarith", "omega", "simp [h]"]),
    ],
    # calc must compose relations as Lean's Trans instances do; rw leaves its side goals
    "calc_and_side_goals": [
        *_each("theorem t (a b c : ℝ) (h1 : a ≤ b) (h2 : b ≤ c) : a < c", [
            "calc a ≤ b := h1\n  _ ≤ c := h2", "exact lt_of_le_of_lt h1 h2", "exact lt_of_lt_of_le h1 h2",
            "exact lt_of_le_of_ne (le_trans h1 h2) (by simp)"]),
        *_each("theorem t (a b c : ℝ) (h1 : a < b) (h2 : c < b) : a < c", ["calc a < b := h1\n  _ > c := h2"]),
        *_each("theorem t (a b c : ℝ) (h1 : a < b) (h2 : b > c) : a < c", ["calc a < b := h1\n  _ > c := h2"]),
        *_each("theorem t (a b c : ℝ) (h1 : a ≠ b) (h2 : b ≠ c) : a ≠ c", ["calc a ≠ b := h1\n  _ ≠ c := h2"]),
        *_each("theorem t (a b c : ℝ) (h1 : a ≠ b) (h2 : b = c) : a = c", ["calc a ≠ b := h1\n  _ = c := h2"]),
        *_each("theorem t (a b c : ℝ) (h1 : a ≤ b) (h2 : b ≠ c) : a < c", ["calc a ≤ b := h1\n  _ ≠ c := h2"]),
        *_each("theorem t (a b c : ℕ) (h1 : a ∣ b) (h2 : b ≤ c) : a ∣ c", ["calc a ∣ b := h1\n  _ ≤ c := h2"]),
        *_each("theorem t (a b c : ℕ) (h1 : a ≤ b) (h2 : b ∣ c) : a ∣ c", ["calc a ≤ b := h1\n  _ ∣ c := h2"]),
        *_each("theorem t (a b c : ℕ) (h1 : a ≤ b) (h2 : b ∣ c) : a ≤ c", ["calc a ≤ b := h1\n  _ ∣ c := h2"]),
        *_each("theorem t (a b c : ℝ) (h1 : a ≤ b) (h2 : b ≤ c) : c ≤ a", ["calc a ≤ b := h1\n  _ ≤ c := h2"]),
        *_each("theorem t (a b c : ℝ) (h1 : a ≤ b) (h2 : b ≤ c) : a ≤ c + 0 - 1", ["calc a ≤ b := h1\n  _ ≤ c := h2"]),
        *_each("theorem t (a b c : ℝ) (h1 : a ≤ b) : a ≤ c", [
            "calc a ≤ b := h1\n  _ ≤ c := by sorry", "calc a ≤ b := h1\n  _ ≤ c := by linarith", "calc a ≤ b := h1\n  _ = c := by ring"]),
        *_each("theorem t (a b : ℝ) (h1 : a ≤ b) : a ≤ b - 1", ["calc a ≤ b := h1\n  _ = b - 1 := by ring"]),
        *_each("theorem t (a b : ℕ) (h1 : a ≤ b) : a ≤ b - 1", [
            "calc a ≤ b := h1\n  _ = b - 1 + 1 - 1 := by omega\n  _ = b - 1 := by simp"]),
        *_each("theorem t (a b : ℕ) : a ≤ b", ["calc a ≤ a := le_refl a\n  _ ≤ b := by omega", "calc a = a := rfl\n  _ ≤ b := by positivity"]),
        *_each("theorem t (x : ℝ) : x ≤ 0", ["calc x = √(x ^ 2) := by rw [Real.sqrt_sq]\n  _ ≤ 0 := by positivity"]),
        *_each("theorem t (x : ℝ) : x = √(x ^ 2)", [  # x = -1; rw leaves `0 ≤ x`
            "rw [Real.sqrt_sq]", "rw [Real.sqrt_sq (by positivity)]", "rw [Real.sqrt_sq (sq_nonneg x)]",
            "rw [Real.sqrt_sq]\nall_goals positivity", "rw [Real.sqrt_sq]\nnlinarith [sq_nonneg x]",
            "rw [Real.sqrt_sq] <;> positivity", "rw [Real.sqrt_sq] <;> simp", "rw [Real.sqrt_sq] <;> nlinarith [sq_nonneg x, sq_abs x]",
            "rw [Real.sqrt_sq] <;> linarith [abs_nonneg x]", "rw [Real.sqrt_sq]\ntry positivity", "rw [Real.sqrt_sq]\nany_goals positivity",
            "rw [Real.sqrt_sq]\nall_goals try positivity", "rw [Real.sqrt_sq]\nsorry", "rw [Real.sqrt_sq]\nswap\nrfl",
            "rw [Real.sqrt_sq]\nrotate_left\nrfl", "rw [Real.sqrt_sq]\ncase hx => positivity", "rw [Real.sqrt_sq]\n· positivity",
            "rw [Real.sqrt_sq]\nnext => positivity", "rw [Real.sqrt_sq]\ndone", "rw [Real.sqrt_sq]\nskip",
            "rw [Real.sqrt_sq]\nclear x", "rw [Real.sqrt_sq]\nassumption", "rw [Real.sqrt_sq]\ncontradiction",
            "rw [Real.sqrt_sq]\nexact le_refl _", "rw [Real.sqrt_sq]\nexact sq_nonneg x", "rw [Real.sqrt_sq]\nexact abs_nonneg x",
            "rw [Real.sqrt_sq]\nrepeat positivity", "rw [Real.sqrt_sq]\nfirst | positivity | skip"]),
    ],
    # decide, norm_num and interval_cases on primes, parity, divisibility with Lean's ℕ/ℤ semantics
    "decide_and_interval_cases": [
        *_closed("theorem t : Nat.Prime 91", "theorem t : ¬ Nat.Prime 97", "theorem t : Nat.Prime 1", "theorem t : Nat.Prime 0",
                 "theorem t : Nat.Prime (2 - 3)", "theorem t : Even (-3 : ℤ)", "theorem t : Odd ((2:ℕ) - 3)",
                 "theorem t : Even ((7:ℤ) / 2)", "theorem t : Odd ((-7:ℤ) / 2)", "theorem t : Odd ((-7:ℤ) % 3)",
                 "theorem t : (3:ℤ) ∣ -7", "theorem t : (0:ℕ) ∣ 5", "theorem t : ¬ (2:ℕ) ∣ 2 - 3"),
        *_each("theorem t (n : ℕ) (h : Nat.Prime n) : n ≥ 3", ["interval_cases n <;> simp_all"]),
        *_each("theorem t (n : ℕ) (h : Nat.Prime n) (h2 : n < 5) : n = 3", [
            "interval_cases n <;> simp_all", "interval_cases n <;> norm_num at h ⊢"]),
        *_each("theorem t (n : ℕ) (h2 : n < 5) (h : Nat.Prime n) : n = 3", ["interval_cases n <;> norm_num at h ⊢"]),
        *_each("theorem t (n : ℤ) (h1 : -2 ≤ n) (h2 : n < 2) : n ^ 2 < 4", ["interval_cases n <;> norm_num", "interval_cases n <;> simp"]),
        *_each("theorem t (n : ℤ) (h1 : -2 ≤ n) (h2 : n < 2) : n ^ 3 < 0 ∨ n = 1", ["interval_cases n <;> simp"]),
        *_each("theorem t (n : ℕ) (h2 : n ≤ 3) : n ! < 6", [
            "interval_cases n <;> simp", "interval_cases n <;> decide", "interval_cases n <;> norm_num [Nat.factorial]"]),
        *_each("theorem t (n : ℕ) (h2 : n ≤ 3) : Nat.choose 3 n ≤ 2", ["interval_cases n <;> decide", "interval_cases n <;> simp [Nat.choose]"]),
        *_each("theorem t (n : ℕ) (h1 : n - 3 < 1) : n < 3", ["interval_cases n <;> simp"]),
        *_each("theorem t (n : ℕ) (h1 : n / 2 < 1) : n < 1", ["interval_cases n <;> simp", "interval_cases n <;> omega"]),
        *_each("theorem t (n : ℕ) (h1 : n % 4 < 1) (h2 : n < 5) : n = 0", ["interval_cases n <;> omega"]),
        *_each("theorem t (x : ℝ) (h1 : 0 ≤ x) (h2 : x < 2) : x = 0 ∨ x = 1", ["interval_cases x <;> simp"]),
        *_each("theorem t (n : ℕ) (h1 : (n : ℝ) < 2) : n = 0", [
            "interval_cases n <;> simp", "have : n < 2 := by exact_mod_cast h1\ninterval_cases n <;> simp"]),
        *_each("theorem t (n : ℕ) (h1 : n ! < 3) : n < 2", ["interval_cases n <;> simp"]),
        *_each("theorem t (n : ℕ) (h1 : 2 ^ n < 5) : n < 2", ["interval_cases n <;> simp"]),
        *_each("theorem t (n : ℕ) (h1 : n ^ 2 < 5) : n < 2", ["interval_cases n <;> simp"]),
        *_each("theorem t (n : ℕ) (h1 : n * n < 5) : n < 2", ["interval_cases n <;> simp"]),
    ],
    # Nat/Int mod and div lemmas: wrong instances, missing divisibility premises, wrong carriers
    "mod_div_lemmas": [
        *_each('theorem t (n : ℤ) : n % 6 % 4 = n % 4', ['simp [Int.emod_emod_of_dvd]', 'rw [Int.emod_emod_of_dvd]', 'exact Int.emod_emod_of_dvd n (by norm_num)', 'exact Int.emod_emod_of_dvd n (by decide)', 'rw [Int.emod_emod_of_dvd n (by norm_num)]', 'omega']),
        *_each('theorem t (n : ℝ) : n = n % 11 + 11 * (n / 11)', ['rw [← Nat.mod_add_div n 11]']),
        *_each('theorem t (n : ℤ) : n = n % 11 + 11 * (n / 11) + 1', ['rw [← Nat.mod_add_div n 11]']),
        *_each('theorem t (n : ℕ) : n = n % 11 + 11 * (n / 11) + 1', ['rw [← Nat.mod_add_div n 11]', 'nth_rewrite 1 [← Nat.mod_add_div n 11]', 'conv_lhs => rw [← Nat.mod_add_div n 11]']),
        *_each('theorem t (n : ℕ) : n % 11 + 11 * (n / 11) = n + 1', ['rw [Nat.mod_add_div n 11]', 'rw [Nat.mod_add_div]', 'simp [Nat.mod_add_div]', 'omega', 'rw [Nat.div_add_mod]']),
        *_each('theorem t (n : ℕ) : 11 * (n / 11) + n % 11 = n + 1', ['rw [Nat.div_add_mod]', 'simp [Nat.div_add_mod]']),
        *_each('theorem t (n m : ℕ) : m * (n / m) + n % m = n + 1', ['simp [Nat.div_add_mod]']),
        *_each('theorem t (a : ℤ) : a % 3 + 3 * (a / 3) = a + 1', ['rw [Int.emod_add_ediv]', 'simp [Int.emod_add_ediv]']),
        *_each('theorem t (a : ℤ) : a = a - 3 * (a / 3)', ['rw [Int.emod_def]']),
        *_each('theorem t (a : ℤ) : a % 3 = a - 3 * (a / 3) + 1', ['rw [Int.emod_def]']),
        *_each('theorem t (a b c : ℤ) : (a + b * c) % c = a', ['rw [Int.add_mul_emod_self]']),
        *_each('theorem t (a b c : ℤ) : (a + b * c) % c = a % b', ['rw [Int.add_mul_emod_self]']),
        *_each('theorem t (a b c : ℤ) : (a + c * b) % c = a % b', ['rw [Int.add_mul_emod_self]']),
        *_each('theorem t (a b c : ℤ) : (a + c * b) % c = a % c + 1', ['simp [Int.add_mul_emod_self]']),
        *_each('theorem t (a b : ℕ) : (a + b * 7) % 7 = a % 7 + 1', ['rw [Int.add_mul_emod_self]', 'simp [Nat.add_mul_mod_self_right]']),
        *_each('theorem t (a : ℕ) : (a + 7) % 7 = a', ['simp', 'omega', 'simp [Nat.add_mod]', 'rw [Nat.add_mod]\nsimp']),
        *_each('theorem t (a : ℕ) : a ^ 2 % 4 = a % 4', ['rw [Nat.pow_mod]', 'simp [Nat.pow_mod]']),
        *_each('theorem t (a : ℕ) : a ^ 2 % 4 = (a % 4) ^ 2', ['rw [Nat.pow_mod]']),
        *_each('theorem t (a b : ℕ) : a * b % 4 = a % 4 * (b % 4)', ['rw [Nat.mul_mod]', 'simp [Nat.mul_mod]']),
        *_each('theorem t (a b : ℕ) : (a + b) % 4 = a % 4 + b % 4', ['rw [Nat.add_mod]', 'simp [Nat.add_mod]']),
        *_each('theorem t (a b : ℤ) : (a + b) % 4 = a % 4 + b % 4', ['rw [Int.add_emod]']),
        *_each('theorem t (a b : ℤ) : a * b % 4 = a % 4 * (b % 4)', ['rw [Int.mul_emod]']),
        *_each('theorem t (a : ℤ) : a % 4 % 4 = a % 2', ['rw [Int.emod_emod]']),
        *_each('theorem t (a : ℕ) : a % 4 % 4 = a % 2', ['rw [Nat.mod_mod]']),
        *_each('theorem t (a : ℕ) : a % a = 1', ['rw [Nat.mod_self]']),
        *_each('theorem t (n : ℕ) : n % 2 = 1', ['rcases Nat.mod_two_eq_zero_or_one n with h | h <;> simp_all']),
        *_each('theorem t (n : ℤ) : n % 2 = 1', ['rcases Int.emod_two_eq_zero_or_one n with h | h <;> simp_all', 'rcases Nat.mod_two_eq_zero_or_one n with h | h <;> simp_all']),
        *_each('theorem t (n : ℕ) (h : Even n) : n % 2 = 1', ['rw [Nat.even_iff] at h\nomega', 'simpa [Nat.even_iff] using h']),
        *_each('theorem t (n : ℕ) (h : Odd n) : n % 2 = 0', ['rw [Nat.odd_iff] at h\nomega']),
        *_each('theorem t (n : ℤ) (h : Odd n) : n % 2 = -1', ['rw [Int.odd_iff] at h\nomega']),
        *_each('theorem t (n : ℤ) (h : Even n) : n % 2 = 1', ['rw [Int.even_iff] at h\nomega']),
        *_each('theorem t (n : ℕ) (h : 3 ∣ n) : n % 3 = 1', ['rw [Nat.dvd_iff_mod_eq_zero] at h\nomega']),
        *_each('theorem t (n : ℕ) (h : n % 3 = 0) : 3 ∣ n + 1', ['rw [Nat.dvd_iff_mod_eq_zero]\nomega', 'exact Nat.dvd_iff_mod_eq_zero.mpr h']),
        *_each('theorem t (n : ℕ) (h : n % 3 = 0) : n ∣ 3', ['exact Nat.dvd_iff_mod_eq_zero.mpr h']),
        *_each('theorem t (n k : ℕ) (h : n % k = 0) : n ∣ k', ['exact Nat.dvd_iff_mod_eq_zero.mpr h']),
        *_each('theorem t (n k : ℕ) (h : k ∣ n) : k % n = 0', ['exact Nat.dvd_iff_mod_eq_zero.mp h']),
    ],
    # numerals (decimals, scientific, other bases), powers, floors of exact rationals
    "numerals_and_powers": [
        *_each('theorem t : √((10:ℕ):ℝ) = 3', ['norm_num', 'simp']),
        *_each('theorem t : (Nat.sqrt 10 : ℝ) = √10', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (2.5 : ℕ) = 2', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (2.5 : ℕ) = 3', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (2.5 : ℤ) = 2', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (2.5 : ℝ) = 2', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (0.1 : ℝ) * 10 = 2', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (1e3 : ℝ) = 100', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (1.5e1 : ℝ) = 1.5', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (0.333 : ℝ) * 3 = 1', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (2.50 : ℝ) = 2.5 + 0.01', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (07 : ℕ) = 8', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (0x10 : ℕ) = 10', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (0b101 : ℕ) = 6', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (1_000 : ℕ) = 100', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (10 : ℕ) = 1_0 + 1', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : ⌊(10:ℝ) / 3⌋ = 4', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : ⌊(-10:ℝ) / 3⌋ = -3', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : ⌈(-10:ℝ) / 3⌉ = -4', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : ⌊(3:ℝ)⁻¹⌋ = 1', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : Int.floor ((7:ℤ) : ℝ) = 6', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : ⌊(7:ℤ)⌋ = 6', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : ⌊(7/2:ℚ)⌋ = 4', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : ⌊(-7/2:ℚ)⌋ = -3', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (7:ℚ) / 0 = 7', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (0:ℚ)⁻¹ = 1', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (1:ℝ) / 3 + 1 / 3 + 1 / 3 = 0.999', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : ((1:ℝ) / 3) ^ 2 = 1 / 6', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : ((-1:ℝ) / 3) ^ 3 = 1 / 27', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : ((-2:ℤ)) ^ 3 = 8', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : ((-2:ℤ)) ^ 0 = 0', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (0:ℕ) ^ 0 = 0', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (0:ℝ) ^ 0 = 0', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (0:ℝ) ^ (0:ℝ) = 0', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (2:ℝ) ^ (3:ℝ) = 9', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (-8:ℝ) ^ ((1:ℝ)/3) = -2', ['norm_num', 'simp', 'decide']),
        *_each('theorem t : (2:ℕ) ^ 100 % 7 = 3', ['norm_num', 'decide', 'rfl']),
        *_each('theorem t : (3:ℕ) ^ 1000 % 10 = 3', ['norm_num', 'decide']),
    ],
    # `have h := lemma` with its arguments left implicit, partial application, stated ∀-versions at ℕ
    "have_partial_application": [
        *_each('theorem t (a b : ℕ) : b ≤ a', ['have h := sub_nonneg\nexact h.mp (Nat.zero_le _)', 'have h := @sub_nonneg\nexact (h).mp (Nat.zero_le _)', 'have h := sub_nonneg (a := a) (b := b)\nexact h.mp (Nat.zero_le _)', 'have h := le_of_sub_nonneg\nexact h (Nat.zero_le _)', 'have h := @le_of_sub_nonneg\nexact h (Nat.zero_le (a - b))', 'have h := fun x y => @le_of_sub_nonneg x y\nexact h a b (Nat.zero_le _)', 'have h : ∀ x y : ℕ, 0 ≤ x - y → y ≤ x := fun x y => le_of_sub_nonneg\nexact h a b (Nat.zero_le _)', 'have h : ∀ x y : ℕ, 0 ≤ x - y → y ≤ x := fun x y hxy => le_of_sub_nonneg hxy\nexact h a b (Nat.zero_le _)', 'have h : ∀ x y : ℕ, 0 ≤ x - y → y ≤ x := by\n  intro x y hxy\n  exact le_of_sub_nonneg hxy\nexact h a b (Nat.zero_le _)', 'have h : ∀ x y : ℕ, 0 ≤ x - y → y ≤ x := by\n  intro x y hxy\n  linarith [le_of_sub_nonneg hxy]\nexact h a b (Nat.zero_le _)', 'have h : ∀ x y : ℕ, 0 ≤ x - y ↔ y ≤ x := fun x y => sub_nonneg\nexact (h a b).mp (Nat.zero_le _)', 'have h : ∀ x y : ℕ, 0 ≤ x - y ↔ y ≤ x := by\n  intro x y\n  exact sub_nonneg\nexact (h a b).mp (Nat.zero_le _)', 'have h : ∀ x y : ℕ, 0 ≤ x - y ↔ y ≤ x := by\n  intro x y\n  rw [sub_nonneg]\nexact (h a b).mp (Nat.zero_le _)', 'have h : ∀ x y : ℕ, 0 ≤ x - y ↔ y ≤ x := by\n  intro x y\n  simp [sub_nonneg]\nexact (h a b).mp (Nat.zero_le _)', 'have h : ∀ x y : ℕ, 0 ≤ x - y ↔ y ≤ x := by\n  intro x y\n  constructor <;> intro hh <;> omega\nexact (h a b).mp (Nat.zero_le _)']),
        *_each('theorem t (x : ℝ) : x = 0', ['have h := mul_pos\nexact absurd h (by simp)']),
        *_each('theorem t (a : ℕ) : a - 1 + 1 = a', ['have h := @Nat.sub_add_cancel a 1\nexact h (by positivity)', 'have h := @Nat.sub_add_cancel a 1\nsimp at h\nexact h', 'have h := @Nat.sub_add_cancel a 1\nsimpa using h', 'have h := @Nat.sub_add_cancel a 1\napply h\nsimp', 'have h := @Nat.sub_add_cancel a 1\napply h\npositivity', 'have h := @Nat.sub_add_cancel a 1\napply h\nomega', 'have h := @Nat.sub_add_cancel a 1\napply h\nsorry', 'have h := @Nat.sub_add_cancel a 1\nexact h ‹_›', 'have h := @Nat.sub_add_cancel a 1\nexact h (by assumption)', 'have h := @Nat.sub_add_cancel a 1\ntauto', 'have h := @Nat.sub_add_cancel a 1\nsimp_all', 'have h := @Nat.sub_add_cancel a 1\nby_cases ha : 1 ≤ a\n· exact h ha\n· simp_all', 'have h := @Nat.sub_add_cancel a 1\nby_cases ha : 1 ≤ a\n· exact h ha\n· omega', 'have h := @Nat.sub_add_cancel a 1\nby_cases ha : 1 ≤ a\n· exact h ha\n· push_neg at ha\n  interval_cases a\n  simp']),
    ],
    # omega over casts of ℕ subtraction/division, toNat/natAbs, nonlinear atoms, divisibility, parity, ModEq
    "omega_casts_and_atoms": [
        *_each('theorem t (n : ℕ) : ((n - 1 : ℕ) : ℤ) = (n : ℤ) - 1', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (n : ℕ) (h : 0 < n) : ((n - 1 : ℕ) : ℤ) = (n : ℤ) - 2', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (n : ℕ) : ((n / 2 : ℕ) : ℤ) * 2 = n', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (n : ℤ) : (n.toNat : ℤ) = n', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (n : ℤ) : (n.natAbs : ℤ) = n', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x y : ℕ) : x * y = y * x + 1', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x y : ℕ) (h : x * y = 5) : y * x = 6', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : x * x = 4) : x = 3', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : Nat.sqrt x = 2) : Nat.sqrt x = 3', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : x ! = 2) : x ! = 3', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : x ^ 2 = 4) : x = 3', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : 2 ^ x = 4) : x = 3', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℤ) (h : x % 2 = 1) : x % 4 = 1', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℤ) (h : x / 3 = 1) : x = 3', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℤ) (h : x / (-3) = 1) : x = -3', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℤ) (h : x % (-3) = 1) : x % 3 = 2', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : x % 0 = 1) : x = 2', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : x / 0 = 0) : x = 0', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x y : ℕ) (h : x / y = 1) : x = y', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (y : ℤ) (h : (x : ℤ) = y) : y ≥ 1', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (y : ℤ) (h : (x : ℤ) = y - 1) : y ≥ 2', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℝ) (h : x = 1) : x = 2', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : (x : ℝ) = 1) : x = 2', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : x ∣ 6) : x ≤ 3', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : 2 ∣ x) : 4 ∣ x', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℤ) (h : 2 ∣ x) : 4 ∣ x', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℤ) (h : ¬ 2 ∣ x) : x % 2 = -1', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : Even x) : x % 4 = 0', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : Odd x) : x % 4 = 1', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : x ≡ 1 [MOD 3]) : x % 3 = 2', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℤ) (h : x ≡ 1 [ZMOD 3]) : x % 3 = 2', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : max x 3 = 3) : x = 3', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℕ) (h : min x 3 = 3) : x = 3', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℤ) (h : |x| = 3) : x = 3', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
        *_each('theorem t (x : ℤ) (h : |x - 1| < 1) : x = 2', ['omega', 'simp_all', 'linarith', 'norm_num at h ⊢', 'decide']),
    ],
    # simp with hypotheses as conditional rewrite rules (premises discharged only when they hold), and
    # field_simp side conditions reached from a ≠ b / a ≠ -b
    "simp_hypothesis_rules_field_simp_ne": [
        *_each('theorem t (f : ℕ → ℕ) (h : ∀ x, x > 5 → f x = 0) : f 3 = 0', ['simp [h]', 'simp_all', 'norm_num [h]']),
        *_each('theorem t (f : ℤ → ℤ) (h : ∀ x : ℤ, x - 1 ≥ 0 → f x = 0) : f 0 = 0', ['simp [h]']),
        *_each('theorem t (f : ℕ → ℕ) (h : ∀ x : ℕ, x - 1 ≥ 1 → f x = 0) : f 1 = 0', ['simp [h]']),
        *_each('theorem t (f : ℕ → ℕ) (h : ∀ x : ℕ, x - 2 = 0 → f x = 0) : f 5 = 0', ['simp [h]']),
        *_each('theorem t (f : ℕ → ℕ) (h : ∀ x : ℕ, x / 2 = 0 → f x = 0) : f 3 = 0', ['simp [h]']),
        *_each('theorem t (f : ℕ → ℕ) (h : ∀ x : ℕ, x % 0 = 0 → f x = 0) : f 3 = 0', ['simp [h]']),
        *_each('theorem t (f : ℝ → ℝ) (h : ∀ x : ℝ, x / 0 = 1 → f x = 0) : f 3 = 0', ['simp [h]']),
        *_each('theorem t (f : ℝ → ℝ) (h : ∀ x : ℝ, √x = x → f x = 0) : f 4 = 0', ['simp [h]']),
        *_each('theorem t (f : ℝ → ℝ) (h : ∀ x : ℝ, √x = 2 → f x = 0) : f (-4) = 0', ['simp [h]']),
        *_each('theorem t (f : ℝ → ℝ) (y : ℝ) (hy : 0 ≤ y) (h : ∀ x, 0 < x → f x = 1) : f y = 1', ['simp [h, hy]', 'simp_all']),
        *_each('theorem t (f : ℝ → ℝ) (y : ℝ) (hy : y ≠ 0) (h : ∀ x, 0 < x → f x = 1) : f y = 1', ['simp [h, hy]', 'simp_all']),
        *_each('theorem t (f : ℝ → ℝ) (y : ℝ) (hy : 0 < y) (h : ∀ x, 0 < x → f x = 1) : ∀ y : ℝ, f y = 1', ['intro y\nsimp [h, hy]', 'intro y\nsimp_all', 'intro z\nsimp_all']),
        *_each('theorem t (f : ℝ → ℝ) (y : ℝ) (hy : 0 < y) (h : ∀ x, 0 < x → f x = 1) : f (y - 1) = 1', ['simp [h, hy]']),
        *_each('theorem t (f : ℝ → ℝ) (y : ℝ) (hy : 0 < y) (h : ∀ x, 0 < x → f x = 1) : f (-y) = 1', ['simp_all']),
        *_each('theorem t (f : ℕ → ℕ) (y : ℕ) (hy : 0 < y) (h : ∀ x, 0 < x → f x = 1) : f (y - 1) = 1', ['simp_all']),
        *_each('theorem t (f : ℕ → ℕ) (y : ℕ) (hy : 0 < y) (h : ∀ x, 0 < x → f x = 1) : f (y / 2) = 1', ['simp_all']),
        *_each('theorem t (f : ℕ → ℕ) (h : ∀ x, f (x + 1) = f x) : f 3 = 1', ['simp [h]']),
        *_each('theorem t (f : ℕ → ℕ) (h0 : f 0 = 0) (h : ∀ x, f (x + 1) = f x) : f 3 = 1', ['simp [h, h0]']),
        *_each('theorem t (f : ℕ → ℕ) (h0 : f 0 = 0) (h : ∀ x, f (x + 1) = f x + 1) : f 3 = 4', ['simp [h, h0]', 'simp_all']),
        *_each('theorem t (f : ℤ → ℤ) (h0 : f 0 = 0) (h : ∀ x, f (x + 1) = f x + 1) : f (-1) = 1', ['simp_all']),
        *_each('theorem t (f : ℤ → ℤ) (h0 : f 0 = 0) (h : ∀ x : ℤ, f (x + 1) = f x + 1) : f 2 = 3', ['simp [h, h0]']),
        *_each('theorem t (f : ℕ → ℕ) (h : ∀ x : ℕ, f (2 * x) = x) : f 3 = 1', ['simp [h]']),
        *_each('theorem t (f : ℕ → ℕ) (h : ∀ x : ℕ, f (2 * x) = x) : f 4 = 1', ['simp [h]']),
        *_each('theorem t (f : ℝ → ℝ) (h : ∀ x : ℝ, f (2 * x) = x) : f 3 = 1', ['simp [h]']),
        *_each('theorem t (p : ℕ → Prop) (h : ∀ x, p x ↔ x > 3) : p 2', ['simp [h]']),
        *_each('theorem t (p : ℕ → Prop) (h : ∀ x, p x → x > 3) : p 5', ['simp [h]']),
        *_each('theorem t (p : ℕ → Prop) (h : ∀ x, x > 3 → p x) : p 2', ['simp [h]']),
        *_each('theorem t (p : Prop) (h : p → False) : p', ['simp [h]']),
        *_each('theorem t (p q : Prop) (h : p ↔ q) (hq : ¬ q) : p', ['simp [h, hq]']),
        *_each('theorem t (a b : ℕ) (h : a ≠ b) (h2 : a = 1) : b = 1', ['simp [h2] at h\nomega', 'simp_all']),
        *_each('theorem t (x y : ℝ) (h : x ≠ y) : (x + y) / (x + y) = 1', ['field_simp']),
        *_each('theorem t (x y : ℝ) (h : x ≠ -y) : (x - y) / (x - y) = 1', ['field_simp']),
        *_each('theorem t (x y : ℕ) (h : x ≠ y) : ((x - y : ℕ) : ℝ) / ((x - y : ℕ) : ℝ) = 1', ['field_simp']),
        *_each('theorem t (x y : ℝ) (h : x ≠ 2 * y) : (x - y) / (x - y) = 1', ['field_simp']),
        *_each('theorem t (x y : ℝ) (h : x - y ≠ 1) : (x - y) / (x - y) = 1', ['field_simp']),
        *_each('theorem t (x y : ℝ) (h : x ≠ y) : ∀ x : ℝ, (x - y) / (x - y) = 1', ['intro x\nfield_simp']),
        *_each('theorem t (x y : ℝ) (h : x ≠ y) : ∀ y : ℝ, (x - y) / (x - y) = 1', ['intro y\nfield_simp']),
        *_each('theorem t (x y z : ℝ) (h : x ≠ y) : (x - z) / (x - z) = 1', ['field_simp']),
        *_each('theorem t (x y : ℝ) (h : x ≠ y) : (x ^ 2 - y ^ 2) / (x ^ 2 - y ^ 2) = 1', ['field_simp']),
        *_each('theorem t (x y : ℝ) (h : x ≠ y) : (x - y) ^ 2 / (x - y) ^ 2 = 1 ∧ x = y', ['field_simp']),
        *_each('theorem t (x y : ℝ) (h : x ≠ y ∨ x = y) : (x - y) / (x - y) = 1', ['field_simp']),
        *_each('theorem t (x y : ℝ) (h : ¬ x ≠ y) : (x - y) / (x - y) = 1', ['field_simp']),
        *_each('theorem t (x y : ℝ) (h : x ≠ y → False) : (x - y) / (x - y) = 1', ['field_simp']),
        *_each('theorem t (x y : ℝ) (h : x = y) : (x - y) / (x - y) = 1', ['field_simp']),
        *_each('theorem t (x y : ℝ) (h : x ≠ y) : (x - y) / (x - y) = 2', ['field_simp']),
        *_each('theorem t (x y : ℝ) (h : x ≠ y) : (x - y) / (y - x) = 1', ['field_simp', 'field_simp\nring']),
    ],
    # simp_all / simp [h] / rw with a hypothesis about an outer variable hidden by a bound or introduced one
    "hypotheses_under_binders": [
        *_each('theorem t (x : ℕ) (h : x = 0) : ∀ x : ℕ, x = 0', ['simp_all', 'simp [h]', 'intro y\nsimp_all', 'intro x\nsimp_all', 'intro x\nsimp [h]', 'intro x\nrw [h]', 'intro x\nsubst h\nrfl', 'intro x\nexact h', 'intro x\nomega']),
        *_each('theorem t (a b : ℕ) (h : a ≠ b) : ∀ a : ℕ, a ≠ b', ['simp_all', 'intro a\nsimp_all', 'simp [h]']),
        *_each('theorem t (a b : ℕ) (h : a ≠ b) : ∃ a : ℕ, a = b ∧ a ≠ b', ['simp_all', 'refine ⟨b, rfl, ?_⟩\nsimp_all', 'exact ⟨b, rfl, by simp_all⟩']),
        *_each('theorem t (p : ℕ → Prop) (x : ℕ) (h : p x) : ∀ x, p x', ['simp_all', 'intro y\nsimp_all', 'intro x\nsimp_all', 'intro x\nexact h', 'intro x\nsimp [h]', 'intro x\nassumption', 'intro x\ntauto']),
        *_each('theorem t (p : ℕ → Prop) (x : ℕ) (h : ¬ p x) : ∀ x, ¬ p x', ['simp_all', 'intro x\nsimp_all']),
        *_each('theorem t (p : ℕ → Prop) (x : ℕ) (h : ¬ p x) : ∀ y, ¬ p y', ['intro y\nsimp_all']),
        *_each('theorem t (p : ℕ → Prop) (h : ∃ x, p x) : ∀ x, p x', ['simp_all', 'obtain ⟨x, hx⟩ := h\nintro y\nsimp_all', 'obtain ⟨x, hx⟩ := h\nintro x\nsimp_all', 'obtain ⟨x, hx⟩ := h\nintro x\nexact hx']),
        *_each('theorem t (f : ℕ → ℕ) (x : ℕ) (h : f x = 0) : ∀ x, f x = 0', ['intro y\nsimp_all', 'intro x\nsimp_all', 'intro x\nsimp [h]', 'intro x\nrw [h]', 'intro x\nlinarith', 'intro x\nomega', 'intro x\nnorm_num [h]', 'intro x\nsimpa using h', 'intro x\nexact_mod_cast h', 'intro x\nconvert h', 'intro x\nsubst x\nexact h', 'intro x\ncases x <;> simp_all', 'intro x\ninduction x <;> simp_all', 'intro x\nrcases x with _ | x <;> simp_all', 'intro x\nclear h\nsimp_all', 'intro x\nrename_i y\nexact h', 'intro x\nspecialize h\nexact h', 'intro x\nhave := h\nsimp_all']),
    ],
}

# true statements with proofs real Lean + Mathlib rejects (ill-typed terms, facts `linarith only` was not
# given): MiniLean must refuse them too, or a policy learns proofs that fail on Lean
LEAN_REJECTS: list[tuple[str, str]] = [
    *_each("theorem t (x y : ℝ) (h : x < y) (h2 : y < 0) : x < 0", [
        "linarith only [h]", "linarith only [h2]", "linarith only []", "linarith only", "nlinarith only [h]",
        "linarith only [h, sq_nonneg x]", "exfalso\nlinarith only [h]", "by_contra hc\nlinarith only [h, hc]",
        "linarith only [h, h]"]),
    ("theorem t (a b : ℕ) (h : a = b) : a - b = b - a", "exact congrArg (· - ·) h"),  # (· - ·) takes two arguments
    ("theorem t (a b : ℕ) (h : a = b) : a - a = b - b", "exact congrArg (· - ·) h"),
    ("theorem t (a b : ℕ) (h : a = b) : a * a = b * b", "exact congr_arg (· * ·) h"),
    ("theorem t (a b : ℝ) (h : a = b) : a * a = b * b", "exact congrArg (· * ·) h"),
    ("theorem t (a b : ℝ) (h : a = b) : a + a = b + b", "exact congrArg (· + ·) h"),
    ("theorem t (a b : ℕ) (h : a = b) : 7 % a = 7 % b", "exact congrArg (· % 7) h"),
    ("theorem t (a b : ℕ) (h : a ≤ b) : a + 1 ≤ b + 1", "exact congrArg (· + 1) h"),
    ("theorem t (a b : ℕ) (h : a ≠ b) : a + 1 ≠ b + 1", "exact congrArg (· + 1) h"),
    ("theorem t (a b : ℝ) (h : a = b) : (2:ℝ) ^ a = 2 ^ b", "exact congrArg (· ^ 2) h"),
    ("theorem t (a b : ℝ) (h : a = b) : a * a = b * a", "exact congrArg (fun x => x * x) h"),
    ("theorem t (a b : ℝ) (h : a = b) : a * b = b * a", "exact congrArg (fun x => x * b) h"),
    ("theorem t (a b : ℕ) (h : (a : ℤ) = b) : a = b", "exact congrArg (·) h"),
    ("theorem t (a b : ℕ) : a ≤ b / 2 ↔ a * 2 ≤ b", "have h := le_div_iff (show (0:ℝ) < 2 by norm_num)\nexact h"),
    ("theorem t (a b : ℤ) (hab : a * 3 ≤ b) : a ≤ b / 3", "exact (le_div_iff (by norm_num)).mpr hab"),  # a field lemma
    ("theorem t (a b : ℤ) (hab : a ≤ b * 3) : a / 3 ≤ b", "exact (div_le_iff (by norm_num)).mpr hab"),
    ("theorem t (a b : ℤ) (hab : a < b * 3) : a / 3 < b", "exact (div_lt_iff (by norm_num)).mpr hab"),
    ("theorem t (a : ℤ) (h : a ≠ 0) : a / a = 1", "exact div_self h"),
    ("theorem t (a : ℕ) (h : a ≠ 0) : a / a = 1", "exact div_self h"),
    ("theorem t (x : ℝ) (h : |x| ≤ 1) : -1 ≤ x ∧ x ≤ 1", "exact abs_le.mpr h"),  # the wrong direction
    ("theorem t (a b : ℝ) (ha : 0 < a) (hb : 0 < b) : 0 < a * b", "exact mul_pos"),
    ("theorem t (n m : ℕ) (h : m ≤ n) : n - m + m = n", "exact Nat.sub_add_cancel"),
]

# true statements with correct proofs: the harness can say yes
CONTROLS: list[tuple[str, str]] = [
    ("theorem t : Int.floor (-7/2 : ℝ) = -4", "norm_num"), ("theorem t : ⌈(-7/2 : ℝ)⌉ = -3", "norm_num"),
    ("theorem t : √(4 : ℝ) = 2", "norm_num"), ("theorem t : Nat.choose 3 5 = 0", "decide"),
    ("theorem t : (7:ℤ) / (-2) = -3", "norm_num"), ("theorem t : (-7:ℤ) % (-2) = 1", "decide"),
    ("theorem t : (5:ℕ) % 0 = 5", "decide"), ("theorem t : (Nat.digits 10 123).sum = 6", "norm_num"),
    ("theorem t : Int.toNat (-5) = 0", "simp"), ("theorem t : ∑ i in Finset.Icc 1 4, i = 10", "decide"),
    ("theorem t : Nat.sqrt 10 = 3", "norm_num"), ("theorem t : (0:ℝ)⁻¹ = 0", "norm_num"),
    ("theorem t : (4:ℝ) ^ (1/2) = 1", "norm_num"), ("theorem t : -7 % 2 = (1:ℤ)", "norm_num"),
    ("theorem t : ∑ i in Finset.range 3, i + 1 = 4", "decide"), ("theorem t : 2 * 3 ! = (12:ℕ)", "norm_num"),
    ("theorem t : ((2:ℕ) - 3 : ℤ) = -1", "norm_num"), ("theorem t : Even (3:ℝ)", "norm_num"),
    ("theorem t (x y : ℕ) (h : 0 < y) : x % y < y", "exact Nat.mod_lt x h"),
    ("theorem t (n : ℕ) : Nat.choose n 2 = n * (n - 1) / 2", "rw [Nat.choose_two_right]"),
    ("theorem t (x : ℝ) (hx : 0 ≤ x) : √x ^ 2 = x", "exact Real.sq_sqrt hx"),
    ("theorem t (n m : ℕ) (h : m < n + 1) : n - m + m = n", "exact Nat.sub_add_cancel (Nat.le_of_lt_succ h)"),
    ("theorem t (a b c : ℕ) (hc : c ≠ 0) (h : a * c = b * c) : a = b", "exact (mul_left_inj' hc).mp h"),
    ("theorem t (x y : ℝ) (h : y ≤ x) : 0 ≤ x - y", "exact sub_nonneg.mpr h"),
    ("theorem t : ∀ y : ℝ, 0 ≤ y ^ 2", "exact sq_nonneg"),
    ("theorem t (y : ℝ) (h : y + 0 = 2) : y = 2", "simpa using h"),
    ("theorem t (a b : ℕ) (h : a / b = 2) : ((a / b : ℕ) : ℝ) = 2", "exact_mod_cast h"),
    ("theorem t (a : ℕ) (h : (a:ℝ) < 3) : a < 3", "exact_mod_cast h"),
    ("theorem t (x : ℝ) (y : ℝ) (h : y ≠ 0) : x / y * y = x", "field_simp"),
    ("theorem t (x y : ℝ) (hy : y ≠ 0) (h : x / y ^ 2 = 2) : x = 2 * y ^ 2", "field_simp at h\nlinarith"),
    ("theorem t (x : ℝ) (h2 : x < 0) : x < 0", "linarith only [h2]"),
    ("theorem t (x y : ℝ) (h : x < y) (h2 : y < 0) : x < 0", "linarith only [h, h2]"),
    ("theorem t (x y : ℕ) (h : x > y) : x ≥ y + 1", "contrapose! h\nomega"),
    ("theorem t (a b : ℕ) (h : a = b) : a % 7 = b % 7", "exact congrArg (· % 7) h"),
    ("theorem t (a b c : ℕ) (h : a = b) : a - c = b - c", "exact congrArg (· - c) h"),
    ("theorem t (a : ℕ) (h : a = 5) : a / 2 = 2", "rw [h]"), ("theorem t (a : ℕ) (h : a = 5) : 3 - a = 0", "rw [h]"),
    ("theorem t : ∑ i in Finset.range 4, ∑ j in Finset.range i, j = 4", "decide"),
    ("theorem t (n : ℕ) (h : n = 3) : ∑ n in Finset.range n, n = 3", "subst h\ndecide"),
    ("theorem t (a : ℝ) (ha : a ≠ 0) : 0 < a ^ 2", "positivity"), ("theorem t (n : ℕ) : 0 < n !", "positivity"),
    ("theorem t (a b : ℝ) (h : |a| ≤ b) : |a| ^ 2 ≤ b ^ 2", "exact pow_le_pow_left (abs_nonneg a) h 2"),
    ("theorem t (Finset.sum : Finset ℕ → (ℕ → ℕ) → ℕ) : ∑ i in Finset.range 3, i = 3", "decide"),  # notation is hygienic
]


@pytest.mark.parametrize("family", sorted(ATTACKS))
def test_false_statements_never_verify(backend, family):
    assert not verified(backend, ATTACKS[family]), f"{family}: MiniLean verified false statements"


def test_proofs_lean_rejects_are_refused(backend):
    assert not verified(backend, LEAN_REJECTS), "MiniLean verified proofs real Lean rejects"


def test_controls_verify(backend):
    assert not refused(backend, CONTROLS), "true statements with correct proofs refused"


def test_attack_counts():
    """The families keep their size (a shrinking list is a silent loss of coverage)."""
    assert sum(len(v) for v in ATTACKS.values()) >= 900
    assert all(len(v) >= 30 for v in ATTACKS.values()), {k: len(v) for k, v in ATTACKS.items()}


# -- generated closed terms, evaluated here with Lean's definitions ------------------------------

NAT, INT, REAL = "ℕ", "ℤ", "ℝ"


def _digit_sum(n: int) -> int:
    s = 0
    while n:
        s, n = s + n % 10, n // 10
    return s


class _Gen:
    """Random closed terms (text, value) over ℕ ℤ ℝ; ``var`` (type, value) makes some leaves ``x``."""

    def __init__(self, rng: random.Random, var: tuple[str, F] | None = None) -> None:
        self.rng, self.var, self.used = rng, var, 0

    def leaf(self, ty: str) -> tuple[str, F]:
        if self.var is not None and self.var[0] == ty and self.rng.random() < 0.5:
            self.used += 1
            return "x", self.var[1]
        v = self.rng.randint(0, 12)
        if ty != NAT and self.rng.random() < 0.3:
            return f"(-{v} : {ty})", F(-v)
        return f"({v} : {ty})", F(v)

    def term(self, ty: str, d: int) -> tuple[str, F]:
        rng = self.rng
        if d == 0 or rng.random() < 0.25:
            return self.leaf(ty)
        r = rng.random()
        if r < 0.45:
            op = rng.choice(["+", "-", "*", "/"] + (["%"] if ty != REAL else []))
            (a, va), (b, vb) = self.term(ty, d - 1), self.term(ty, d - 1)
            if op == "+":
                v = va + vb
            elif op == "-":
                v = max(va - vb, F(0)) if ty == NAT else va - vb
            elif op == "*":
                v = va * vb
            elif op == "/":
                v = (F(0) if vb == 0 else va / vb) if ty == REAL else F(_ediv(int(va), int(vb)))
            else:
                v = F(_emod(int(va), int(vb)))
            return f"({a} {op} {b})", v
        if r < 0.52:
            (a, va), n = self.term(ty, d - 1), rng.randint(0, 3)
            return f"({a} ^ {n})", va**n
        if r < 0.62 and ty != NAT:
            src = NAT if ty == INT else rng.choice([NAT, INT])
            a, va = self.term(src, d - 1)
            return f"(({a} : {src}) : {ty})", va
        if ty == NAT:
            return self.nat_function(d)
        if ty == INT:
            a, va = self.term(REAL, d - 1)
            return (f"⌊{a}⌋", F(math.floor(va))) if rng.random() < 0.5 else (f"⌈{a}⌉", F(math.ceil(va)))
        k = rng.randint(0, 2)
        if k == 0:
            a, va = self.term(REAL, d - 1)
            return f"({a})⁻¹", F(0) if va == 0 else 1 / va
        if k == 1:
            a, va = self.term(REAL, d - 1)
            return f"|{a}|", abs(va)
        s = rng.randint(0, 6)
        return (f"√(-{s * s} : ℝ)", F(0)) if rng.random() < 0.3 else (f"√({s * s} : ℝ)", F(s))

    def nat_function(self, d: int) -> tuple[str, F]:
        k = self.rng.randint(0, 8)
        if k == 0:
            n = self.rng.randint(0, 6)
            return f"(Nat.factorial ({n} : ℕ))", F(math.factorial(n))
        if k in (1, 2, 3):
            (a, va), (b, vb) = self.term(NAT, d - 1), self.term(NAT, d - 1)
            x, y = int(va), int(vb)
            if k == 1:
                if x > 30:
                    return self.leaf(NAT)
                return f"(Nat.choose {a} {b})", F(math.comb(x, y) if y <= x else 0)
            return (f"(Nat.gcd {a} {b})", F(math.gcd(x, y))) if k == 2 else (f"(Nat.lcm {a} {b})", F(math.lcm(x, y)))
        if k in (4, 5):
            a, va = self.term(INT, d - 1)
            return (f"(Int.natAbs {a})", F(abs(int(va)))) if k == 4 else (f"(Int.toNat {a})", F(max(int(va), 0)))
        a, va = self.term(NAT, d - 1)
        if k == 6:
            return f"(Nat.sqrt {a})", F(math.isqrt(int(va)))
        if k == 7:
            return f"(Nat.digits 10 {a}).sum", F(_digit_sum(int(va)))
        n = self.rng.randint(0, 5)
        return f"(∑ i in Finset.range ({n} : ℕ), (i + {a}))", sum((F(i) + va for i in range(n)), F(0))


def _lit(v: F, ty: str) -> str:
    sign, v = ("-", -v) if v < 0 else ("", v)
    return f"({sign}{v.numerator} / {v.denominator} : {ty})" if v.denominator != 1 else f"({sign}{v.numerator} : {ty})"


def _generated(n: int, seed: int, with_var: bool) -> tuple[list[tuple[str, str]], list[str]]:
    """``n`` false statements (each with a wrong value or relation) and their true neighbours."""
    rng = random.Random(seed)
    false, true = [], []
    while len(false) < n:
        ty = rng.choice([NAT, INT, REAL])
        var = (rng.choice([NAT, INT, REAL]), None) if with_var else None
        if var is not None:
            var = (var[0], F(rng.randint(0, 9) if var[0] == NAT else rng.randint(-9, 9)))
        g = _Gen(rng, var)
        t, v = g.term(ty, rng.randint(1, 3))
        if abs(v) > 10**6 or (with_var and not g.used):
            continue
        head = f"theorem t (x : {var[0]}) (hx : x = {_lit(var[1], var[0])})" if var else "theorem t"
        kind = rng.randint(0, 2)
        wrong = v + 1 if kind == 0 else v
        op = ["=", "<", "≠"][kind]
        false.append(f"{head} : {t} {op} {_lit(wrong, ty)}")
        true.append(f"{head} : {t} = {_lit(v, ty)}")
    return [(s, "") for s in false], true


GENERATED_TACTICS = ["norm_num", "simp", "decide", "rfl", "positivity", "linarith", "nlinarith", "omega",
                     "push_cast\nnorm_num", "norm_cast", "field_simp", "norm_num [Finset.sum_range_succ]"]  # fmt: skip
GENERATED_VAR_TACTICS = ["subst hx\nnorm_num", "rw [hx]", "simp [hx]", "norm_num [hx]", "subst hx\ndecide", "omega",
                         "simp_all", "rw [hx]\nnorm_num", "subst hx\nrfl", "linarith", "subst hx\npush_cast\nring_nf",
                         "field_simp [hx]", "simpa [hx]", "norm_num [hx] at *"]  # fmt: skip


@pytest.mark.parametrize(("seed", "with_var"), [(13, False), (14, True)])
def test_generated_false_values_never_verify(backend, seed, with_var):
    statements, true = _generated(120, seed, with_var)
    tactics = GENERATED_VAR_TACTICS if with_var else GENERATED_TACTICS
    accepted = [(s, t) for s, _ in statements for t in tactics if _verify(backend, s, t).ok]
    assert not accepted, accepted
    closers = ("norm_num", "decide", "simp", "norm_num [Nat.choose]")
    if with_var:
        closers = tuple(f"subst hx\n{c}" for c in closers)
    refused = [s for s in true[:60] if not any(_verify(backend, s, c).ok for c in closers)]
    assert not refused, f"true generated statements refused: {refused}"


# -- whole files in both layouts -----------------------------------------------------------------

LAYOUT_FILES = [
    "theorem a : (1:ℕ) = 2 := by\nnorm_num\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a : (1:ℕ) = 2 ∧ True := by\nconstructor\n<;> simp",
    "theorem a : (1:ℕ) = 2 := by\ntry norm_num\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\n· rfl\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nrfl\nlemma b : (1:ℕ) = 1 := by\nrfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nrfl\nexample : (1:ℕ) = 1 := by\nrfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nrfl\nend",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nrfl\n#eval 1",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nrfl\nopen Real",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nrfl\nnamespace Foo",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nrfl\n/-- doc -/\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nrfl\n@[simp] theorem b : (1:ℕ) = 1 := by rfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nrfl\nnoncomputable def f : ℕ := 1",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nrfl\n-- comment\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nrfl\nsorry",
    "theorem a : (1:ℕ) = 2 := by\nhave h : (1:ℕ) = 2 := by\nnorm_num\nexact h",
    "theorem a : (1:ℕ) = 2 := by\n  have h : (1:ℕ) = 2 := by\nsorry\n  exact h",
    "theorem a : (1:ℕ) = 2 := by\n<;> rfl",
    "theorem a : (1:ℕ) = 2 := by\nskip\n<;> rfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\n<;> try rfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nrefine ⟨?_, ?_⟩\nrfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\n· rfl\n· rfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\ncase left => rfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nall_goals try rfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nany_goals rfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\n  rfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by constructor\nrfl",
    "theorem a : (1:ℕ) = 2 := by\n norm_num\ntheorem b : (1:ℕ) = 1 := by rfl",
    "theorem a : (1:ℕ) = 2 :=\nby norm_num",
    "theorem a : (1:ℕ) = 2 :=\nby\nnorm_num",
    "theorem a (h : (1:ℕ) = 2) : (1:ℕ) = 2 := by\nexact h\ntheorem b : (1:ℕ) = 2 := a (by\nnorm_num)",
    "theorem a : (1:ℕ) = 2 := by\nexact\n  by norm_num",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nnext => rfl",
    "theorem a : (2:ℕ) = 2 := by\nrfl\ntheorem b : (1:ℕ) = 2 := by\nexact a\n",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\nrfl\n<;> omega",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor <;>\nrfl",
    "theorem a : (1:ℕ) = 1 ∧ (1:ℕ) = 2 := by\nconstructor\n· rfl\n<;> decide",
    "theorem a : (1:ℕ) = 2 := by\nfirst\n| rfl\n| skip",
]


@pytest.mark.parametrize("layout", ["lean-4.33", "column0"])
def test_layouts_never_hide_a_false_theorem(layout):
    clean = []
    for src in LAYOUT_FILES:
        repl = MiniLeanRepl(raise_internal=True, layout=layout)
        env = repl.handle({"cmd": "import Mathlib"})["env"]
        out = repl.handle({"cmd": src, "env": env})
        msgs = out.get("messages", [])
        if not out.get("sorries") and not any(m["severity"] == "error" or "sorry" in m["data"] for m in msgs):
            clean.append(src)
    assert not clean, f"{layout}: files with a false theorem checked clean: {clean}"
