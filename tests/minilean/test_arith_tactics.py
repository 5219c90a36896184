"""Milestone-2 tactics over ℕ ℤ ℚ ℝ: success and failure cases, Lean's messages and goal shapes."""

from __future__ import annotations

import pytest

from .helpers import Session, check, errors

H = "import Mathlib\n"

PROVES = [
    "theorem a (x : ℝ) (h : 2 * x + 1 = 7) : x = 3 := by linarith",
    "theorem a (x : ℝ) (h : 3 * x = 2) : x = 2 / 3 := by linarith",
    "theorem a (a b : ℝ) : a ^ 2 + b ^ 2 ≥ 2 * a * b := by nlinarith [sq_nonneg (a - b)]",
    "theorem a (x : ℝ) (hx : 2 ≤ x) : x ^ 2 ≥ 4 := by nlinarith",
    "theorem a : (2 : ℝ) + 2 = 4 := by norm_num",
    "theorem a : Nat.Prime 7 := by norm_num",
    "theorem a : 16 ^ 17 * 17 ^ 18 * 18 ^ 19 % 10 = 8 := by norm_num",
    "theorem a (x y : ℝ) : (x + y) ^ 2 = x ^ 2 + 2 * x * y + y ^ 2 := by ring",
    "theorem a (n : ℕ) (h : n % 4 = 3) : n % 2 = 1 := by omega",
    "theorem a (n : ℕ) (h : n - 5 = 0) : n ≤ 5 := by omega",
    "theorem a (x : ℝ) (hx : 0 < x) : 0 < x ^ 2 + x := by positivity",
    "theorem a (x : ℝ) : 0 ≤ x ^ 2 + |x| := by positivity",
    "theorem a (a b : ℝ) (h : a = 2 * b) (hb : b = 3) : a = 6 := by\n  rw [h, hb]\n  norm_num",
    "theorem a (a b : ℝ) (h : a = 2 * b) (hb : b = 3) : a = 6 := by\n  rw [hb] at h\n  linarith",
    "theorem a (a b : ℝ) : a * b = b * a := by rw [mul_comm]",
    "theorem a (a b : ℕ) (h : b = a) : a = b := by rw [← h]",
    "theorem a (x : ℕ) (h1 : x < 3) (h2 : 1 ≤ x) : x = 1 ∨ x = 2 := by\n  interval_cases x <;> simp",
    "theorem a (f : ℝ → ℝ) (h : ∀ x, f x = 2 * x + 1) : f 3 = 7 := by\n  rw [h]\n  norm_num",
    "theorem a (f : ℝ → ℝ) (h : ∀ x, f x = 2 * x + 1) : f 3 = 7 := by\n  have := h 3\n  linarith",
    "theorem a (f : ℝ → ℝ) (h : ∀ x, f x = 2 * x + 1) : f 3 = 7 := by\n  specialize h 3\n  linarith",
    "theorem a : ∃ x : ℝ, 2 * x = 6 := by\n  use 3\n  norm_num",
    "theorem a : ∃ x : ℝ, 2 * x = 6 := by\n  refine ⟨3, ?_⟩\n  norm_num",
    "theorem a (x : ℤ) (h : 3 ∣ x) : 3 ∣ x * 5 := by\n  obtain ⟨k, hk⟩ := h\n  exact ⟨5 * k, by rw [hk]; ring⟩",
    "theorem a (x y : ℕ) (h : x + y = 10) (h2 : x = 3) : y = 7 := by\n  subst h2\n  omega",
    "theorem a (x : ℝ) : x ≤ |x| := le_abs_self x",
    "theorem a (x : ℝ) (h : ¬ (x ≤ 2)) : x > 2 := by\n  push_neg at h\n  exact h",
    "theorem a (x : ℝ) (h : x = 2 / 3) : 3 * x = 2 := by\n  rw [h]\n  norm_num",
    "theorem a (n : ℕ) : n + 0 = n := by\n  induction n with\n  | zero => rfl\n  | succ k ih => omega",
    "theorem a : ∀ n : ℕ, 0 < 2 ^ n := by\n  intro n\n  induction n with\n  | zero => norm_num\n  | succ k ih => positivity",
    "theorem a (x y : ℝ) (hx : 0 < x) (hy : 0 < y) : 0 < x * y := mul_pos hx hy",
    "theorem a (x y : ℝ) (hx : 0 < x) (hy : 0 < y) : 0 < x * y + x := by nlinarith [mul_pos hx hy]",
    "theorem a (x : ℝ) (h₀ : x ≠ 0) (h : x * x = x) : x = 1 := by\n  by_contra hx\n  have : x * (x - 1) = 0 := by ring_nf; linarith\n  sorry",
    "theorem a (x : ℝ) (h : x ^ 2 - 5 * x + 6 = 0) (hx : x > 2.5) : x = 3 := by nlinarith [sq_nonneg (x - 3)]",
    "theorem a (a : ℤ) (h : a % 2 = 1) : Odd a := by\n  exact ⟨a / 2, by omega⟩",
    "theorem a (x : ℕ) (h : 2 * x + 3 = 11) : x = 4 := by omega",
    "theorem a : (7 : ℤ) ∣ 21 := by decide",
    "theorem a (x : ℝ) (h : x + 1 = 3) : x = 2 := by\n  have h2 : x = 3 - 1 := by linarith\n  rw [h2]\n  norm_num",
    "theorem a (a b c : ℝ) (h1 : a < b) (h2 : b = c) : a < c := by\n  calc a < b := h1\n    _ = c := h2",
    "theorem a (x : ℝ) (h : x = 2) : x ^ 2 = 4 := by\n  calc x ^ 2 = 2 ^ 2 := by rw [h]\n    _ = 4 := by norm_num",
    "theorem a (a b : ℝ) (h1 : a ≤ b) : a ≤ b + 1 := by\n  calc\n    a ≤ b := h1\n    _ ≤ b + 1 := by linarith\n  done",
]


@pytest.mark.parametrize("src", PROVES)
def test_proves(src):
    r = check(H + src)
    errs = errors(r)
    assert not errs, errs
    if "sorry" not in src:
        assert not r.get("messages"), r


REJECTS = [
    ("theorem a (x : ℝ) (h : 2 * x + 1 = 7) : x = 4 := by linarith", "linarith failed to find a contradiction"),
    ("theorem a (a b : ℝ) : a ^ 2 + b ^ 2 ≥ 2 * a * b := by linarith", "linarith failed"),
    ("theorem a : (2 : ℝ) + 2 = 5 := by norm_num", "unsolved goals\n⊢ False"),
    ("theorem a (x y : ℝ) : (x + y) ^ 2 = x ^ 2 + y ^ 2 := by ring", "unsolved goals"),
    ("theorem a (n : ℕ) (h : n % 4 = 3) : n % 2 = 0 := by omega", "omega could not prove the goal"),
    ("theorem a (x : ℝ) : 0 < x ^ 2 := by positivity", "failed to prove positivity"),
    ("theorem a (x : ℝ) : x = 2 := by positivity", "not a positivity goal"),
    ("theorem a (a b : ℝ) (h : a = b) : b = 1 := by rw [h]", "did not find instance of the pattern"),
    ("theorem a (n : ℕ) : n - 1 + 1 = n := by omega", "omega could not prove the goal"),
    ("theorem a (x : ℕ) (h : x < 3) : x = 1 := by\n  interval_cases x <;> simp", "error"),
    ("theorem a (x : ℕ) : x = 1 := by decide", "Decidable"),
    ("theorem a : (7 : ℤ) ∣ 22 := by decide", "is false"),
    ("theorem a (x : ℝ) : x % 2 = 0 := by sorry", "HMod"),
    ("theorem a (n : ℕ) : -n = 0 := by sorry", "Neg ℕ"),
    ("theorem a (x : ℕ) (h : x = 2) : x - 3 + 3 = x := by\n  rw [h]", "unsolved goals"),
    ("theorem a (x y : ℕ) : x - y + y = x := by rw [sub_add_cancel]", "AddGroup"),
    ("theorem a (x : ℕ) : x - x = 1 := by rw [sub_self]", "AddGroup"),
    ("theorem a (a b c : ℝ) (h1 : a ≤ b) (h2 : b ≤ c) : a < c := by\n  calc a ≤ b := h1\n  _ ≤ c := h2",
     "does not match the goal"),
    ("theorem a (a b c : ℝ) (h1 : a < b) (h2 : c < b) : a < c := by\n  calc a < b := h1\n  _ > c := h2",
     "Trans"),
    ("theorem a (a b c : ℝ) (h1 : a < b) (h2 : b = c) : a < c := by\n  calc a < b := h2\n  _ = c := h2",
     "type mismatch"),
]


@pytest.mark.parametrize("src,fragment", REJECTS)
def test_rejects(src, fragment):
    r = check(H + src)
    text = "\n".join(m["data"] for m in r.get("messages", []) if m["severity"] == "error")
    assert text, r
    assert fragment in text or (fragment == "error" and text), text


def test_linarith_message_shape():
    r = check(H + "theorem a (x : ℝ) (h : x < 1) : x < 0 := by linarith")
    (m,) = r["messages"]
    assert m["data"] == "linarith failed to find a contradiction\ncase a\nx : ℝ\nh : x < 1\na✝ : x ≥ 0\n⊢ False"


def test_rw_rewrites_all_instances_and_tries_rfl():
    s = Session("theorem a (x y : ℝ) (h : x = y) : x + x = y + y")
    assert s.closes("rw [h]")
    s = Session("theorem a (x y : ℝ) (h : x = y) : x + x = 2 * y")
    r = s.run("rw [h]")
    assert r["goals"] == ["x y : ℝ\nh : x = y\n⊢ y + y = 2 * y"]


def test_interval_cases_goals():
    s = Session("theorem a (n : ℕ) (h : n ≤ 2) : n * n ≤ 4")
    r = s.run("interval_cases n")
    assert len(r["goals"]) == 3
    assert r["goals"][0].endswith("⊢ 0 * 0 ≤ 4")


def test_norm_num_at_hypothesis_and_contradiction():
    s = Session("theorem a (x : ℝ) (h : (2 : ℝ) + 2 = 5) : x = 7")
    assert s.closes("norm_num at h")
    s = Session("theorem a (x : ℝ) (h : x = 2 + 3) : x = 5")
    r = s.run("norm_num at h")
    assert r["goals"] == ["x : ℝ\nh : x = 5\n⊢ x = 5"]


def test_lemma_instantiation_types_and_restrictions():
    s = Session("theorem a (x y : ℝ) : True")
    r = s.run("have h := sq_nonneg (x - y)")
    assert r["goals"] == ["x y : ℝ\nh : 0 ≤ (x - y) ^ 2\n⊢ True"]
    r = s.run("have h := mul_comm x 2")
    assert r["goals"] == ["x y : ℝ\nh : x * 2 = 2 * x\n⊢ True"]
    s = Session("theorem a (n : ℕ) : True")
    assert "Neg" in s.fails("have h := neg_neg n") or "AddGroup" in s.fails("have h := neg_neg n")
