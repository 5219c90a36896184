"""Goal printing exactly as Lean: grouping, inaccessible names, precedence-based parentheses."""

from __future__ import annotations

import pytest

from .helpers import Session

CASES = [
    ("theorem t (p q r : Prop) : (p → q) → r", "p q r : Prop\n⊢ (p → q) → r"),
    ("theorem t (p q r : Prop) : p → q → r", "p q r : Prop\n⊢ p → q → r"),
    ("theorem t (p q : Prop) : ¬p ∨ q", "p q : Prop\n⊢ ¬p ∨ q"),
    ("theorem t (p q : Prop) : ¬(p ∨ q)", "p q : Prop\n⊢ ¬(p ∨ q)"),
    ("theorem t (p q r : Prop) : (p ∨ q) ∧ r", "p q r : Prop\n⊢ (p ∨ q) ∧ r"),
    ("theorem t (p q r : Prop) : p ∨ q ∧ r", "p q r : Prop\n⊢ p ∨ q ∧ r"),
    ("theorem t (p q r : Prop) : (p ∧ q) ∧ r", "p q r : Prop\n⊢ (p ∧ q) ∧ r"),
    ("theorem t (p q : Prop) : (p ↔ q) ↔ (q ↔ p)", "p q : Prop\n⊢ (p ↔ q) ↔ (q ↔ p)"),
    ("theorem t (p q : Prop) : p ∧ q ↔ q ∧ p", "p q : Prop\n⊢ p ∧ q ↔ q ∧ p"),
    ("theorem t (x y : ℝ) (h₀ : x ≠ y) : x - (y - 1) = -x ^ 2", "x y : ℝ\nh₀ : x ≠ y\n⊢ x - (y - 1) = -x ^ 2"),
    ("theorem t (a b : ℕ) (h : a = b) (h' : a = b) : (a + b) * 2 = 2 * a + b", "a b : ℕ\nh h' : a = b\n⊢ (a + b) * 2 = 2 * a + b"),
    ("theorem t (n : ℕ) (x : ℝ) : (n : ℝ) + x = x + ↑n", "n : ℕ\nx : ℝ\n⊢ ↑n + x = x + ↑n"),
    ("theorem t (f : ℝ → ℝ) (h : ∀ x, f x = 2 * x) : f (f 1) = 4", "f : ℝ → ℝ\nh : ∀ (x : ℝ), f x = 2 * x\n⊢ f (f 1) = 4"),
    ("theorem t (f : ℝ → ℝ) (h : ∀ x > 0, f x > 0) : ∃ x, f x ≤ 0", "f : ℝ → ℝ\nh : ∀ x > 0, f x > 0\n⊢ ∃ x, f x ≤ 0"),
    ("theorem t : ∀ a b : ℤ, a ∣ b → |a| ≤ |b| ∨ b = 0", "⊢ ∀ (a b : ℤ), a ∣ b → |a| ≤ |b| ∨ b = 0"),
    ("theorem t (p : ℕ) (h : Nat.Prime p) : ¬Even (p + 1) ∨ p = 2", "p : ℕ\nh : p.Prime\n⊢ ¬Even (p + 1) ∨ p = 2"),
    ("theorem t (x : ℝ) : (2 : ℝ) * x / 3 = x * (2 / 3)", "x : ℝ\n⊢ 2 * x / 3 = x * (2 / 3)"),
    ("theorem t (a : ℤ) : a % 4 = 1 → a ^ 2 % 8 = 1", "a : ℤ\n⊢ a % 4 = 1 → a ^ 2 % 8 = 1"),
    ("theorem t (x : ℝ) : (-x) ^ 2 = x ^ 2 ∧ -(x * x) ≤ 0", "x : ℝ\n⊢ (-x) ^ 2 = x ^ 2 ∧ -(x * x) ≤ 0"),
    ("theorem t (a b : ℕ) : a ^ b ^ 2 = (a ^ b) ^ 2", "a b : ℕ\n⊢ a ^ b ^ 2 = (a ^ b) ^ 2"),
]


@pytest.mark.parametrize("statement,goal", CASES)
def test_initial_goal(statement, goal):
    assert Session(statement).goal == goal


def test_without_mathlib_types_print_as_core_names():
    s = Session("theorem t (x : Nat) (y : Int) : x = x", mathlib=False)
    assert s.goal == "x : Nat\ny : Int\n⊢ x = x"


def test_inaccessible_and_shadowed_names():
    s = Session("theorem t (p q : Prop) : p → q → p")
    r = s.run("intros")
    assert r["goals"] == ["p q : Prop\na✝¹ : p\na✝ : q\n⊢ p"]
    s = Session("theorem t (x : ℕ) (h : x = 1) : ∀ x : ℕ, x = x")
    r = s.run("intro x")
    assert r["goals"] == ["x✝ : ℕ\nh : x✝ = 1\nx : ℕ\n⊢ x = x"]
    r = s.run("by_cases x = 2")
    assert r["goals"][0] == "case pos\nx : ℕ\nh : x = 1\nh✝ : x = 2\n⊢ ∀ (x : ℕ), x = x"


def test_several_goals_are_separate_entries_with_case_tags():
    s = Session("theorem t (p q : Prop) (h : p ∨ q) : q ∨ p")
    r = s.run("rcases h with hp | hq")
    assert r["goals"] == ["case inl\np q : Prop\nhp : p\n⊢ q ∨ p", "case inr\np q : Prop\nhq : q\n⊢ q ∨ p"]
    r = s.run("obtain ⟨⟩ | h2 := h")
    assert r["goals"][1] == "case inr\np q : Prop\nh2 : q\n⊢ q ∨ p"


def test_induction_goals_like_mathlib():
    s = Session("theorem foo (x : ℕ) : x = x")
    r = s.run("induction x")
    assert r["goals"] == ["case zero\n⊢ 0 = 0", "case succ\nn✝ : ℕ\na✝ : n✝ = n✝\n⊢ n✝ + 1 = n✝ + 1"]
