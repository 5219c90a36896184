"""Issue 13's mechanisms for published proofs: simp's default cast lemmas and ``0 < n + 1`` in ℕ,
``Nat.cast_add``/``Nat.cast_mul``/``Nat.cast_pow`` as rules, ``linarith`` on ``≠``/``¬`` goals, and
induction on a hypothesis ``b ≤ n``/``b < n`` (``Nat.le.rec``). Each positive case has false twins that
must be refused."""

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


# -- simp's default set: the cast lemmas (`Nat.cast_add`, `Nat.cast_succ`, `Int.cast_sub`, …) ---------


@pytest.mark.parametrize("tac", ["simp at h", "norm_num at h", "simp_all"])
def test_simp_pushes_casts(tac):
    msg = goal_after(f"theorem t (x : ℝ) (n : ℕ) (h : 1 + ↑(n + 1) * x ≤ 3) : x ≤ 8 := by\n  {tac}")
    assert "h : 1 + (↑n + 1) * x ≤ 3" in msg


@pytest.mark.parametrize("src, ok", [
    ("theorem t (n m : ℕ) : ((n + m : ℕ) : ℤ) = n + m := by\n  simp", True),
    ("theorem t (n m : ℕ) : ((n * m ^ 2 : ℕ) : ℝ) = n * m ^ 2 := by\n  norm_num", True),
    ("theorem t (a b : ℤ) : ((a - b : ℤ) : ℝ) = a - b := by\n  simp", True),
    # `Nat.cast_sub` needs `m ≤ n`: simp leaves the truncated subtraction under its cast
    ("theorem t (n m : ℕ) : ((n - m : ℕ) : ℤ) = n - m := by\n  simp", False),
    ("theorem t (n m : ℕ) : ((n - m : ℕ) : ℤ) = n - m := by\n  norm_num", False),
    ("theorem t (n m : ℕ) : ((n / m : ℕ) : ℝ) = n / m := by\n  simp", False),
    ("theorem t (n m : ℕ) : ((n % m : ℕ) : ℤ) = n % m := by\n  norm_num", False),
    # `simp only` applies only the lemmas it is given
    ("theorem t (n m : ℕ) : ((n + m : ℕ) : ℤ) = n + m := by\n  simp only []", False),
])
def test_simp_cast_lemmas(src, ok):
    assert proves(src) is ok


@pytest.mark.parametrize("src, ok", [
    ("theorem t (n : ℕ) (x : ℝ) (h : 0 < n + 1 → x = 2) : x = 2 := by\n  simp at h\n  exact h", True),
    ("theorem t (n : ℕ) : 0 < n + 2 := by\n  simp", True),
    # only a positive numeral summand makes it true; ℤ has negatives
    ("theorem t (n : ℕ) : 0 < n + 0 := by\n  simp", False),
    ("theorem t (x : ℤ) : 0 < x + 1 := by\n  simp", False),
    ("theorem t (x : ℝ) : 0 < x + 1 := by\n  norm_num", False),
])
def test_simp_succ_pos(src, ok):
    assert proves(src) is ok


@pytest.mark.parametrize("src, ok", [
    ("theorem t (x : ℝ) (n m : ℕ) (h : ((n + m : ℕ) : ℝ) * x = 1) : (↑n + ↑m) * x = 1 := by\n"
     "  simp only [Nat.cast_add] at h\n  exact h", True),
    ("theorem t (n m : ℕ) (h : ((n * m : ℕ) : ℤ) = 6) : (n : ℤ) * m = 6 := by\n"
     "  simp only [Nat.cast_mul] at h\n  exact h", True),
    ("theorem t (n : ℕ) : ((n ^ 3 : ℕ) : ℝ) = (n : ℝ) ^ 3 := by\n  rw [Nat.cast_pow]", True),
    ("theorem t (n m : ℕ) : ((n + m : ℕ) : ℝ) = n + m := by\n  exact Nat.cast_add n m", True),
    ("theorem t (n m : ℕ) : ((n - m : ℕ) : ℝ) = n - m := by\n  rw [Nat.cast_add]", False),
    ("theorem t (n m : ℕ) : ((n - m : ℕ) : ℤ) = n - m := by\n  simp only [Nat.cast_add, Nat.cast_mul]", False),
    ("theorem t (n m : ℕ) : ((n + m : ℕ) : ℝ) = n * m := by\n  rw [Nat.cast_add]", False),
])
def test_cast_lemmas_as_rules(src, ok):
    assert proves(src) is ok


# -- linarith on `a ≠ b` and `¬ a R b`: Mathlib's `Not.intro`, then a contradiction ----------------


@pytest.mark.parametrize("src, ok", [
    ("theorem t (x y : ℝ) (h : x < y) : x ≠ y := by\n  linarith", True),
    ("theorem t (x y : ℝ) (h : x < y) : ¬ (y ≤ x) := by\n  linarith", True),
    ("theorem t (x : ℕ) (h : x + 1 ≤ 3) : x ≠ 5 := by\n  nlinarith", True),
    ("theorem t (x y : ℝ) (h : 2 * x + 1 = y) : ¬ (y = 2 * x) := by\n  linarith", True),
    ("theorem t (x y : ℝ) (h : x ≤ y) : x ≠ y := by\n  linarith", False),
    ("theorem t (x y : ℝ) (h : x < y) : ¬ (x < y) := by\n  linarith", False),
    ("theorem t (x : ℝ) : x ≠ 0 := by\n  nlinarith [sq_nonneg x]", False),
])
def test_linarith_negated_goals(src, ok):
    assert proves(src) is ok


def test_linarith_negated_goal_message():
    r = check(H + "theorem t (x y : ℝ) (h : x ≤ y) : x ≠ y := by\n  linarith")
    assert errors(r)[0] == "linarith failed to find a contradiction\ncase h\nx y : ℝ\nh : x ≤ y\na✝ : x = y\n⊢ False"


# -- induction on `h : b ≤ n` / `h : b < n` ----------------------------------------------------------


def test_induction_le_goals():
    msg = goal_after("theorem t (x : ℝ) (n : ℕ) (h₀ : -1 < x) (h₁ : 0 < n) : 1 + ↑n * x ≤ (1 + x) ^ n := by\n"
                     "  induction' h₁ with n hn")
    assert msg == ("unsolved goals\ncase refl\nx : ℝ\nh₀ : -1 < x\n⊢ 1 + ↑(0 + 1) * x ≤ (1 + x) ^ (0 + 1)\n\n"
                   "case step\nx : ℝ\nh₀ : -1 < x\nn : ℕ\nhn : 0 + 1 ≤ n\na_ih✝ : 1 + ↑n * x ≤ (1 + x) ^ n\n"
                   "⊢ 1 + ↑(n + 1) * x ≤ (1 + x) ^ (n + 1)")


def test_induction_le_generalises_dependent_hypotheses():
    msg = goal_after("theorem t (n : ℕ) (h₁ : 2 ≤ n) (h₂ : n ≤ 100) : 4 ≤ n ^ 2 := by\n"
                     "  induction h₁ with\n  | refl => norm_num\n  | step hle ih => skip")
    assert "m✝ : ℕ\nhle : 2 ≤ m✝\nih : m✝ ≤ 100 → 4 ≤ m✝ ^ 2\nh₂ : m✝ + 1 ≤ 100\n⊢ 4 ≤ (m✝ + 1) ^ 2" in msg


@pytest.mark.parametrize("src, ok", [
    ("theorem t (n : ℕ) (h : 1 ≤ n) : n + 1 ≤ 2 ^ n := by\n  induction h with\n  | refl => norm_num\n"
     "  | step hle ih =>\n    rw [pow_succ]\n    linarith", True),
    ("theorem t (n : ℕ) (h : 1 ≤ n) : n + 1 ≤ 2 ^ n := by\n  induction' h with m hm ih\n  · norm_num\n"
     "  · rw [pow_succ]\n    linarith", True),
    ("theorem t (n : ℕ) (h : 0 < n) : 1 ≤ n := by\n  induction h <;> omega", True),
    # false: the base case is `1 ≥ 2`
    ("theorem t (n : ℕ) (h : 1 ≤ n) : n ≥ 2 := by\n  induction h <;> omega", False),
    ("theorem t (n : ℕ) (h : 0 < n) (h2 : n ≤ 1) : n = 0 := by\n  induction h <;> omega", False),
    # the major premise is consumed
    ("theorem t (n : ℕ) (h : 2 ≤ n) : 3 ≤ n := by\n  induction h with\n  | refl => omega\n"
     "  | step hle ih => omega", False),
    ("theorem t (n : ℕ) (h : 2 ≤ n) : 3 ≤ n := by\n  induction h with\n  | refl => exact h\n"
     "  | step hle ih => omega", False),
    # `n ≤ 5` is `Nat.le n 5`: its index is no variable
    ("theorem t (n : ℕ) (h : n ≤ 5) : n < 6 := by\n  induction h <;> omega", False),
    ("theorem t (x : ℤ) (h : 0 ≤ x) : 0 ≤ x := by\n  induction h <;> omega", False),
])
def test_induction_le(src, ok):
    assert proves(src) is ok


# -- `fun` terms: witnesses of function types, equations of functions, `funext` (β-reduced) ---------


@pytest.mark.parametrize("src, ok", [
    ("theorem t (r : ℝ) : ∃ f : ℕ → ℝ, f 1 = r ∧ ∀ k, f k = (2 : ℝ) ^ (k - 1) * f 1 := by\n"
     "  use fun k => (2 : ℝ) ^ (k - 1) * r\n  constructor\n  · simp\n  · intro k\n    simp", True),
    ("theorem t : ∃ f : ℕ → ℕ → ℤ, ∀ a b, f a b = f b a := by\n  use fun x y => (x : ℤ) * y\n"
     "  intro a b\n  ring", True),
    ("theorem t : ∃ f : ℕ → ℕ, ∀ a, f a = a + 1 := by\n  use fun x => x\n  intro a\n  omega", False),
    # the outer `x` stays the outer one: `fun y => x` is constant
    ("theorem t (x : ℕ) : ∃ f : ℕ → ℕ, ∀ x, f x = x := by\n  use fun y => x\n  intro z\n  rfl", False),
    ("theorem t : ∃ f : ℕ → ℤ, ∀ a, f a = a := by\n  use fun (x : ℤ) => x\n  intro a\n  rfl", False),
])
def test_fun_witness(src, ok):
    assert proves(src) is ok


def test_fun_witness_is_beta_reduced():
    msg = goal_after("theorem t (r : ℝ) : ∃ f : ℕ → ℝ, f 1 = r := by\n  use fun k => (2 : ℝ) ^ (k - 1) * r")
    assert msg == "unsolved goals\ncase h\nr : ℝ\n⊢ 2 ^ (1 - 1) * r = r"


@pytest.mark.parametrize("src, ok", [
    ("theorem t (f g : ℝ → ℝ) (h₀ : ∀ x, f x = 2 * x - 3) (h₁ : ∀ x, g x = x + 1) : g (f 5 - 1) = 7 := by\n"
     "  have hf : f = fun x => 2 * x - 3 := by\n    funext x\n    exact h₀ x\n"
     "  have hg : g = fun x => x + 1 := by\n    funext x\n    exact h₁ x\n  rw [hg, hf]\n  norm_num", True),
    ("theorem t (f g : ℕ → ℕ → ℤ) (h : ∀ a b, f a b = g a b) : f = g := by\n  funext a b\n  exact h a b", True),
    ("theorem t (f g : ℕ → ℕ → ℤ) (h : ∀ a b, f a b = g a b) : f = g := by\n  funext\n  apply h", True),
    ("theorem t (f : ℝ → ℝ) (h : f = fun x => x + 1) : f 2 = 3 := by\n  subst h\n  norm_num", True),
    ("theorem t (f : ℝ → ℝ) (h : f = fun x => x + 1) : ∀ y, f y > y := by\n  rw [h]\n  intro y\n  linarith", True),
    # false twins
    ("theorem t (f g : ℝ → ℝ) (h₀ : ∀ x, f x = 2 * x - 3) : f = fun x => 2 * x - 2 := by\n"
     "  funext x\n  rw [h₀ x]", False),
    ("theorem t (f : ℝ → ℝ) (h : f = fun x => x + 1) : f 2 = 4 := by\n  rw [h]\n  norm_num", False),
    ("theorem t (f : ℝ → ℝ) (h : f = fun x => x + 1) : ∀ y, f y > y + 1 := by\n  rw [h]\n  intro y\n  linarith", False),
    ("theorem t (f : ℝ → ℝ) (hf : f = fun x => x) (h : f 1 = 2) : False := by\n  linarith", False),
    ("theorem t (x : ℝ) : x = x + 0 := by\n  funext y\n  simp", False),
])
def test_function_equations_and_funext(src, ok):
    assert proves(src) is ok
