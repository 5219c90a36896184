"""Library lemmas as Lean elaborates them: implicit arguments found from premises and the expected
type, postponed ``by`` arguments, iff projections, partial application, lemmas as ``rw`` rules, ℕ
exponents at every type — and the refusals that keep each lemma to its hypotheses and its types."""

from __future__ import annotations

import pytest

from tests.minilean.helpers import proves

ACCEPTED = [
    # exponents are natural numbers whatever the base's type
    ("theorem t (x : ℝ) : 0 ≤ x ^ 2", "exact sq_nonneg x"),
    ("theorem t (x : ℝ) : 0 ≤ x ^ 2", "exact pow_two_nonneg x"),
    ("theorem t (x : ℝ) : |x| ^ 2 = x ^ 2", "exact sq_abs x"),
    ("theorem t (x : ℝ) (h : 0 < x) : 0 ≤ x ^ 2", "rw [pow_two]\nnlinarith"),
    ("theorem t (x y : ℝ) : (x + y) ^ 2 = x ^ 2 + 2 * x * y + y ^ 2", "rw [add_sq]"),
    ("theorem t (x : ℝ) (h : 0 < x) : 0 < x ^ 3", "exact pow_pos h 3"),
    # implicit arguments from premises stated with ≥ / >, projections and nested lemmas
    ("theorem t (a b : ℝ) (ha : a ≥ 0) (hb : b > 0) : 0 ≤ a * b", "exact mul_nonneg ha hb.le"),
    ("theorem t (a b : ℝ) (h : a ≤ b) (ha : 0 ≤ a) : 0 ≤ (b - a) * a", "exact mul_nonneg (sub_nonneg.mpr h) ha"),
    ("theorem t (a b : ℝ) (h : a ≤ b) (ha : 0 ≤ a) : 0 ≤ (b - a) * a", "exact mul_nonneg (sub_nonneg.2 h) ha"),
    ("theorem t (a b : ℝ) (h : 0 ≤ a ∧ 0 ≤ b) : 0 ≤ a * b", "exact mul_nonneg h.1 h.2"),
    ("theorem t (x y : ℝ) (hx : 0 ≤ x) (hy : 0 ≤ y) : 0 ≤ x ^ 2 * y ^ 2", "exact mul_nonneg (sq_nonneg x) (sq_nonneg y)"),
    # postponed `by` arguments, checked against the premise the expected type fixes
    ("theorem t (a b : ℝ) (ha : a ≥ 1) (hb : 0 ≤ b) : 0 ≤ a * b", "exact mul_nonneg (by linarith) hb"),
    ("theorem t (a : ℝ) (ha : 0 < a) : 0 < 2 * a", "exact mul_pos (by norm_num) ha"),
    # a stated premise of numerals takes the type the other arguments give (Lean's unification)
    ("theorem t (x : ℝ) (h : 0 < x) : 0 < 2 * x", "exact mul_pos (show 0 < 2 by norm_num) h"),
    ("theorem t (x : ℝ) (h : 0 < x) : 0 < 2 * x", "exact mul_pos (by norm_num : 0 < 2) h"),
    ("theorem t (x : ℝ) (h : x ^ 2 = 2) : x ^ 2 = √2 ^ 2", "rw [sq_sqrt (show 0 ≤ 2 by norm_num)]\nexact h"),
    # apply: leftover premises become goals; Eq.symm and eq_comm
    ("theorem t (a b : ℝ) (ha : 0 < a) (hb : 0 < b) : 0 < a * b", "apply mul_pos\n· exact ha\n· exact hb"),
    ("theorem t (a b : ℝ) (ha : 0 < a) (hb : 0 < b) : 0 < a * b", "apply mul_pos ha\nexact hb"),
    ("theorem t (x : ℝ) (h : x / 50 = 40) : x = 2000", "apply Eq.symm\nlinarith"),
    ("theorem t (x : ℝ) (h : 40 = x / 50) : x / 50 = 40", "rw [eq_comm] at h\nexact h"),
    ("theorem t (x : ℝ) (h : x / 50 = 40) : x = 2000",
     "rw [← mul_right_inj' (show (50 : ℝ) ≠ 0 by norm_num)] at h\nlinarith"),
    # iff lemmas, order lemmas
    ("theorem t (x y : ℝ) (h : |x| ≤ y) : -y ≤ x", "exact (abs_le.mp h).1"),
    ("theorem t (x y : ℝ) (h : |x - 1| < y) : x < y + 1", "linarith [abs_lt.mp h]"),
    ("theorem t (a b : ℤ) : a ≤ b ∨ b ≤ a", "exact le_total a b"),
    ("theorem t (a b : ℝ) (h : ¬ b < a) : a ≤ b", "exact le_of_not_lt h"),
    ("theorem t (a b : ℝ) (h : a - b = 0) : a = b", "exact sub_eq_zero.mp h"),
    ("theorem t (a b : ℝ) (h : a * b = 0) (ha : a ≠ 0) : b = 0",
     "rcases mul_eq_zero.mp h with h1 | h1\n· exact absurd h1 ha\n· exact h1"),
    ("theorem t (a b c d : ℝ) (hb : 0 < b) (hd : 0 < d) (h : a * d ≤ c * b) : a / b ≤ c / d",
     "exact (div_le_div_iff hb hd).mpr h"),
    ("theorem t (a b c : ℝ) (hc : 0 < c) (h : a * c ≤ b) : a ≤ b / c", "rw [le_div_iff hc]\nexact h"),
    # ℕ and ℤ division and remainder
    ("theorem t (n : ℕ) (h₀ : n ≤ 9) (h₁ : 18 ∣ 374 * 10 + n) : n = 4", "rw [Nat.dvd_iff_mod_eq_zero] at h₁\nomega"),
    ("theorem t (a b : ℕ) (h : a < b) : a % b = a", "exact Nat.mod_eq_of_lt h"),
    ("theorem t (m k : ℕ) : m % k + k * (m / k) = m", "exact Nat.mod_add_div m k"),
    ("theorem t (n : ℕ) (h₀ : 3 * n % 11 = 2) : n % 11 = 8", "rw [← Nat.mod_add_div n 11] at h₀ ⊢\nomega"),
    ("theorem t (x : ℤ) : x % 7 + 7 * (x / 7) = x", "exact Int.emod_add_ediv x 7"),
    ("theorem t (n : ℤ) (h : Even n) : n % 2 = 0", "exact Int.even_iff.mp h"),
    ("theorem t (n : ℤ) (h : Even n) : n % 2 = 0", "rw [Int.even_iff] at h\nexact h"),
    ("theorem t (n : ℤ) (h : Even n) : n % 2 = 0", "simp [Int.even_iff] at h\nexact h"),
    ("theorem t (a b : ℕ) : (a + b) % 5 = (a % 5 + b % 5) % 5", "exact Nat.add_mod a b 5"),
    ("theorem t : 2 ^ 2010 % 10 = 4", "norm_num [Nat.pow_mod]"),
    ("theorem t (n m : ℕ) (h : m ≤ n) : n - m + m = n", "exact Nat.sub_add_cancel h"),
    # a rewrite lemma's premises: given, postponed `by` blocks, or side goals after the main goal
    ("theorem t (a b c d : ℝ) (hb : 0 < b) (hd : 0 < d) (h : a * d ≤ c * b) : a / b ≤ c / d",
     "rw [div_le_div_iff (by positivity) (by positivity)]\nexact h"),
    ("theorem t (a b c d : ℝ) (hb : 0 < b) (hd : 0 < d) (h : a * d ≤ c * b) : a / b ≤ c / d",
     "rw [div_le_div_iff] <;> assumption"),
    ("theorem t (a b c : ℝ) (hc : 0 < c) (h : a * c ≤ b) : a ≤ b / c", "rw [le_div_iff]\nexact h\nexact hc"),
    # library lemmas as simp rules: rewritten to a fixpoint before the arithmetic
    ("theorem t (x y : ℝ) (h : |x - y| ≤ 1) : x - y ≤ 1", "simp only [abs_le] at h\nlinarith"),
    ("theorem t (n : ℕ) (h : 18 ∣ 3740 + n) (h0 : n ≤ 9) : n = 4", "simp [Nat.dvd_iff_mod_eq_zero] at h\nomega"),
    ("theorem t (a b : ℝ) (h : a - b = 0) : a = b", "simp [sub_eq_zero] at h\nexact h"),
    ("theorem t (x y : ℝ) (h : |x - y| ≤ 1) (h2 : x - y ≥ 1) : x - y = 1", "simp_all [abs_le]\nlinarith"),
    ("theorem t (n : ℕ) (h : 18 ∣ 3740 + n) (h0 : n ≤ 9) : n = 4", "simp_all [Nat.dvd_iff_mod_eq_zero]\nomega"),
    # inverses
    ("theorem t (x : ℝ) (h : 0 < x) : 0 < x⁻¹", "exact inv_pos.mpr h"),
    ("theorem t (x y : ℝ) : x / y = x * y⁻¹", "rw [div_eq_mul_inv]"),
    ("theorem t (x : ℝ) (h : x ≠ 0) : x * x⁻¹ = 1", "rw [mul_inv_cancel₀ h]"),
    # lemmas about √ and the other opaque functions, and short names under `open Real Nat`
    ("theorem t (x : ℝ) (h : 0 ≤ x) : √x ^ 2 = x", "exact Real.sq_sqrt h"),
    ("theorem t (x : ℝ) (h : 0 ≤ x) : √x ^ 2 = x", "rw [sq_sqrt h]"),
    ("theorem t (x : ℝ) (h : 0 ≤ x) : √x * √x = x", "exact Real.mul_self_sqrt h"),
    ("theorem t (x : ℝ) : 0 ≤ √x + 1", "nlinarith [Real.sqrt_nonneg x]"),
    ("theorem t (x : ℝ) (h : 0 < x) : 0 < √x", "exact Real.sqrt_pos.mpr h"),
    ("theorem t (x : ℝ) : 0 < Real.exp x", "exact Real.exp_pos x"),
    ("theorem t (x : ℝ) : Real.sin x ^ 2 + Real.cos x ^ 2 = 1", "exact Real.sin_sq_add_cos_sq x"),
    ("theorem t (a b : ℕ) (h : a < b) : a % b = a", "exact mod_eq_of_lt h"),
    ("theorem t (x y : ℝ) : Real.sin (x + y) = Real.sin x * Real.cos y + Real.cos x * Real.sin y", "rw [sin_add]"),
    ("theorem t (n : ℕ) : Nat.choose n 2 = n * (n - 1) / 2", "rw [Nat.choose_two_right]"),
    ("theorem t (x : ℝ) : |x| ≥ 0", "rcases abs_cases x with ⟨h1, h2⟩ | ⟨h1, h2⟩ <;> linarith"),
    # casts
    ("theorem t (x : ℝ) (h : x = ((0 : ℕ) : ℝ)) : x = 0", "rw [Nat.cast_zero] at h\nexact h"),
    ("theorem t (n : ℕ) (x : ℝ) (h : x = ((n + 1 : ℕ) : ℝ)) : x = n + 1", "rw [Nat.cast_succ] at h\nexact h"),
    ("theorem t (n : ℕ) : ((n + 1 : ℕ) : ℝ) = n + 1", "exact Nat.cast_succ n"),
]

REFUSED = [
    # a lemma used without its hypothesis, or with the wrong one
    ("theorem t (n m : ℕ) (h : n ≤ m) : n - m + m = n", "exact Nat.sub_add_cancel h"),
    ("theorem t (a b : ℕ) (h : a ≤ b) : a % b = a", "exact Nat.mod_eq_of_lt h"),
    ("theorem t (x y : ℕ) (h : y ≥ 0) : x % y < y", "exact Nat.mod_lt x h"),
    ("theorem t (a b : ℝ) (ha : 0 ≤ a) (hb : 0 < b) : 0 < a * b", "exact mul_pos ha hb"),
    ("theorem t (x : ℝ) (h : 0 ≤ x) : 0 < x ^ 2", "exact pow_pos h 2"),
    ("theorem t (a b : ℝ) (ha : 0 < a) : 0 < a * b", "exact mul_pos ha"),
    ("theorem t (a b : ℝ) (ha : 0 < a) : 0 < a * b", "exact mul_pos ha (by norm_num)"),
    # ℕ subtraction truncates: ring lemmas do not hold there
    ("theorem t (a b : ℕ) (h : 0 ≤ a - b) : b ≤ a", "exact le_of_sub_nonneg h"),
    ("theorem t (a b : ℕ) (h : 0 ≤ a - b) : b ≤ a", "exact sub_nonneg.mp h"),
    ("theorem t (a b : ℕ) (h : a - b = 0) : a = b", "exact sub_eq_zero.mp h"),
    ("theorem t (a b c : ℕ) : a * (b - c) = a * b - a * c", "rw [mul_sub]"),
    # ℕ/ℤ division truncates: field lemmas do not hold there
    ("theorem t (a b : ℕ) (ha : 0 < a) (hb : 0 < b) : 0 < a / b", "exact div_pos ha hb"),
    ("theorem t (a b c d : ℤ) (hb : 0 < b) (hd : 0 < d) (h : a * d ≤ c * b) : a / b ≤ c / d",
     "exact (div_le_div_iff hb hd).mpr h"),
    ("theorem t (a b c : ℕ) (hc : 0 < c) (h : a * c ≤ b) : a ≤ b / c", "rw [le_div_iff hc]\nexact h"),
    # a rewrite's side goals must still be proved, and a `by` premise must prove the premise
    ("theorem t (a b c : ℝ) (h : a * c ≤ b) : a ≤ b / c", "rw [le_div_iff]\nexact h"),
    ("theorem t (a b c : ℝ) (h : a * c ≤ b) : a ≤ b / c", "rw [le_div_iff (by positivity)]\nexact h"),
    ("theorem t (a b c : ℝ) (hc : c < 0) (h : a * c ≤ b) : a ≤ b / c", "rw [le_div_iff] <;> linarith"),
    # the wrong direction of an iff, a rewrite rule that does not occur
    ("theorem t (x y : ℝ) (h : -y ≤ x ∧ x ≤ y) : |x| ≤ y", "exact abs_le.mp h"),
    ("theorem t (n : ℕ) (h : n % 3 = 0) : 3 ∣ n", "rw [Nat.dvd_iff_mod_eq_zero] at h\nexact h"),
    ("theorem t (n : ℕ) (x : ℝ) (h : x = n) : x = n + 1", "rw [Nat.cast_succ] at h\nexact h"),
    ("theorem t (x : ℝ) (h : x ≤ 0) : x = 0", "apply Eq.symm\nlinarith"),
    ("theorem t (x : ℝ) (h : x = ((1 : ℕ) : ℝ)) : x = 0", "rw [Nat.cast_one] at h\nexact h"),
    ("theorem t (n : ℕ) : Nat.choose n 2 = n * n / 2", "rw [Nat.choose_two_right]"),
    # simp rules hold only at their types, and rewrite to equivalent statements only
    ("theorem t (a b : ℕ) (h : a - b = 0) : a = b", "simp [sub_eq_zero] at h\nexact h"),
    ("theorem t (x y : ℝ) (h : |x - y| ≤ 1) : x - y ≤ 0", "simp only [abs_le] at h\nlinarith"),
    ("theorem t (n : ℕ) (h : 3 ∣ n) : n = 3", "simp [Nat.dvd_iff_mod_eq_zero] at h\nomega"),
    ("theorem t (n : ℕ) (h : 3 ∣ n) : n = 3", "simp_all [Nat.dvd_iff_mod_eq_zero]\nomega"),
    ("theorem t (x y : ℝ) (h : |x - y| ≤ 1) : x - y = 1", "simp_all [abs_le]\nlinarith"),
    ("theorem t (n : ℤ) (h : Odd n) : n % 2 = 0", "simp [Int.odd_iff] at h\nexact h"),
    ("theorem t (x : ℝ) : x * x⁻¹ = 1", "rw [mul_inv_cancel₀]"),
    ("theorem t (x : ℝ) : x * x⁻¹ = 1", "exact mul_inv_cancel₀ (by norm_num)"),
    ("theorem t (x y : ℤ) : x / y = x * y", "rw [div_eq_mul_inv]"),
    # type-specific lemmas stay at their type
    ("theorem t (x : ℤ) : x % 7 + 7 * (x / 7) = x", "exact Nat.mod_add_div x 7"),
    ("theorem t (a b : ℝ) : a + b = b + a", "exact Nat.add_comm a b"),
    ("theorem t (x y : ℝ) : x % y = x", "exact Nat.mod_eq_of_lt (by norm_num)"),
    # re-typing a numeral premise re-checks its proof at the new type (ℕ's 2 - 3 = 0 is not ℝ's)
    ("theorem t (x : ℝ) (h : 0 < x) : 0 < (2 - 3) * x", "exact mul_pos (show 0 < 2 - 3 by norm_num) h"),
    ("theorem t (x : ℝ) (h : 0 < x) : 0 ≤ (2 - 3) * x", "exact mul_nonneg (show 0 ≤ 2 - 3 by decide) h.le"),
    # √ and log laws need their hypotheses
    ("theorem t (x : ℝ) : √x ^ 2 = x", "exact Real.sq_sqrt (by positivity)"),
    ("theorem t (x : ℝ) (h : x ≤ 0) : √x ^ 2 = x", "rw [Real.sq_sqrt h]"),
    ("theorem t (x : ℝ) : √(x ^ 2) = x", "rw [Real.sqrt_sq]"),
    ("theorem t (x y : ℝ) : Real.log (x * y) = Real.log x + Real.log y", "rw [Real.log_mul]"),
    ("theorem t (x : ℝ) (h : 0 ≤ x) : 0 < √x", "exact Real.sqrt_pos.mpr h"),
    ("theorem t (x : ℝ) : 0 < Real.log x", "exact Real.log_pos (by norm_num)"),
    # a false equation does not become provable through Eq.symm or congr_arg
    ("theorem t (x : ℝ) (h : x = 1) : x = 2", "exact Eq.symm h"),
    ("theorem t (f : ℝ → ℝ) (x : ℝ) (h : x = 1) : f x = f 2", "exact congr_arg f h"),
]


@pytest.mark.parametrize(("statement", "proof"), ACCEPTED, ids=[str(i) for i in range(len(ACCEPTED))])
def test_lemma_application_accepted(statement, proof):
    body = "\n".join("  " + line for line in proof.split("\n"))
    assert proves(f"{statement} := by\n{body}"), (statement, proof)


@pytest.mark.parametrize(("statement", "proof"), REFUSED, ids=[str(i) for i in range(len(REFUSED))])
def test_lemma_application_refused(statement, proof):
    body = "\n".join("  " + line for line in proof.split("\n"))
    assert not proves(f"{statement} := by\n{body}"), (statement, proof)


def test_congr_arg_spelling():
    assert proves("theorem t (f : ℝ → ℝ) (x : ℝ) (h : x = 2) : f x = f 2 := by\n  exact congr_arg f h")
