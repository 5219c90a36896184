"""Statement forms of miniF2F-like problems: ``k.succ``, ``Equiv`` projections, ``a /. b``,
``Nat.ofDigits b [..]``, tuples ``(x, y) = (1, 2)``, hypothesis binders ``∀ (x) (_ : P x), Q x``. Each prints as Lean 4 + Mathlib prints it, and adversarial cases check that
nothing false becomes provable through it."""

from __future__ import annotations

import pytest

from leangym.minilean.commands import elaborate_statement
from leangym.minilean.core.errors import ElabError, ParseError
from tests.minilean.helpers import Session, check, errors

HEADER = "import Mathlib\nopen BigOperators Real Nat Topology Rat\n"


def goal(statement: str) -> str:
    return elaborate_statement(statement).pretty()


def accepted(src: str) -> bool:
    r = check(HEADER + src)
    return not errors(r) and not r.get("sorries")


@pytest.mark.parametrize("statement, printed", [
    ("theorem t (u : ℕ → ℚ) (h : (∑ j in Finset.range 5, u j.succ) = 1) : Nat.succ 2 = 3",
     "u : ℕ → ℚ\nh : ∑ j ∈ Finset.range 5, u j.succ = 1\n⊢ succ 2 = 3"),
    ("theorem t (m : ℕ) : (2 * m).succ > m.succ - 1", "m : ℕ\n⊢ (2 * m).succ > m.succ - 1"),
    ("theorem t (τ : Equiv ℝ ℝ) (h : τ.2 4 = 1) : τ.1 (τ.1 1) = τ.toFun 4",
     "τ : ℝ ≃ ℝ\nh : τ.invFun 4 = 1\n⊢ τ.toFun (τ.toFun 1) = τ.toFun 4"),
    ("theorem t (τ : Equiv ℚ ℤ) (h : ∀ x, τ.1 x = 3) : τ.invFun 3 = 1 / 2",
     "τ : ℚ ≃ ℤ\nh : ∀ (x : ℚ), τ.toFun x = 3\n⊢ τ.invFun 3 = 1 / 2"),
    # `a /. b` is Rat.divInt: ℤ arguments (`↑m`), a ℚ leaf of the tree around it
    ("theorem t (m : ℕ) (h : (1 /. 3 + 2 /. ↑m).den = 1) : (5 /. 2 : ℚ) + 1 = 7 / 2",
     "m : ℕ\nh : (1 /. 3 + 2 /. ↑m).den = 1\n⊢ 5 /. 2 + 1 = 7 / 2"),
    ("theorem t (g : ℚ → ℝ) : g (3 /. 7) < 1", "g : ℚ → ℝ\n⊢ g (3 /. 7) < 1"),
    # a list literal is an argument (`[MOD n]` still closes a congruence)
    ("theorem t (a b : ℕ) (h : Nat.ofDigits 10 [a, 2, b] = 321) : a ≡ b [MOD 2]",
     "a b : ℕ\nh : ofDigits 10 [a, 2, b] = 321\n⊢ a ≡ b [MOD 2]"),
    ("theorem t : (∑ k in Nat.properDivisors 28, k) = 28", "⊢ ∑ k ∈ properDivisors 28, k = 28"),
    # tuples: `(a, b, c)` is `(a, (b, c))`, each component typed with its partner
    ("theorem t (p q r : ℤ) (h : 1 < p) : (p, q, r) = (2, 4, 8) ∨ (p, q, r) ≠ (3, 5, 15)",
     "p q r : ℤ\nh : 1 < p\n⊢ (p, q, r) = (2, 4, 8) ∨ (p, q, r) ≠ (3, 5, 15)"),
    ("theorem t (x : ℝ) (n : ℕ) : (x, n) = (1 / 2, 3)", "x : ℝ\nn : ℕ\n⊢ (x, n) = (1 / 2, 3)"),
    # an untyped binder is typed by its first typed use, even after `-3` (ℕ would have no `Neg`)
    ("theorem t (g : ℝ → ℝ) (h : ∀ (y) (_ : y ≠ -3), g y = y) : g 0 = 0",
     "g : ℝ → ℝ\nh : ∀ (y : ℝ), y ≠ -3 → g y = y\n⊢ g 0 = 0"),
])
def test_statement_forms_print_as_lean(statement, printed):
    assert goal(statement) == printed


@pytest.mark.parametrize("statement, message", [
    ("theorem t (τ : Equiv ℝ ℝ) : τ.1 = τ.1", "unsupported term"),
    ("theorem t (τ : Equiv ℝ ℝ) : τ.symm 2 = 1", "Equiv"),
    ("theorem t (τ : Equiv (ℕ → ℕ) ℝ) : True", "Equiv between ℕ ℤ ℚ ℝ"),
    ("theorem t (x : ℝ) : x.succ = x + 1", "unsupported term `.succ`"),
    # no coercion inside a pair (Lean elaborates the right tuple at the left one's type)
    ("theorem t (x : ℝ) (n : ℕ) : (n, 1) = (x, 2)", "type mismatch"),
    ("theorem t (x y : ℕ) : (x, y) < (1, 2)", "tuples are compared by `=` and `≠` only"),
    ("theorem t (x y : ℕ) : (x, y) = 1", "tuple literal only"),
])
def test_outside_the_fragment_is_a_clean_refusal(statement, message):
    with pytest.raises((ElabError, ParseError)) as e:
        elaborate_statement(statement)
    assert message in str(e.value)


@pytest.mark.parametrize("src", [
    # all false; opaque: no law of Rat.divInt, ofDigits or properDivisors comes from their syntax
    "theorem t : (1 : ℤ) /. 2 = 1 /. 3",
    "theorem t (m : ℤ) : m /. 1 = m + 1",
    "theorem t : (1 /. 2).den = 1",
    "theorem t (a : ℕ) : Nat.ofDigits 10 [a] = a + 1",
    "theorem t : Nat.ofDigits 10 [1, 2] = 12",
    "theorem t : 10 ∈ Nat.properDivisors 10",
])
def test_opaque_statement_functions_prove_nothing_false(src):
    for tactic in ("norm_num", "simp", "decide", "rfl", "omega", "linarith", "field_simp", "simp_all", "ring_nf"):
        assert not accepted(f"{src} := by {tactic}"), (src, tactic)


def test_succ_is_plus_one_to_arithmetic():
    assert accepted("theorem t (k : ℕ) : k.succ = k + 1 := by omega")
    assert accepted("theorem t (k : ℕ) : Nat.succ k > k := by linarith")
    assert accepted("theorem t : Nat.succ 3 = 4 := by norm_num")
    assert not accepted("theorem t (k : ℕ) : k.succ = k + 2 := by omega")
    assert not accepted("theorem t (k : ℕ) : k.succ = k := by simp")


EQUIV_CLOSERS = ["linarith", "nlinarith", "simp [h]", "simp_all", "norm_num [h]", "field_simp", "ring_nf", "rfl",
                 "decide", "omega", "positivity", "tauto", "exact h", "rw [h]", "subst h", "exact?"]


@pytest.mark.parametrize("statement", [
    # the projections are two unrelated functions to MiniLean: neither equal nor inverse by fiat
    "theorem t (τ : Equiv ℝ ℝ) (h : τ.1 2 = τ.2 2) : τ.1 (τ.1 2) = 2",
    "theorem t (τ : Equiv ℝ ℝ) : τ.1 2 = τ.2 2",
    "theorem t (τ : Equiv ℝ ℝ) (h : τ.2 3 = 1) : τ.1 1 = 3",
    "theorem t (τ ρ : Equiv ℝ ℝ) (h : τ.1 0 = 1) : ρ.1 0 = 1",
])
def test_equiv_projections_prove_nothing_false(statement):
    s = Session(statement)
    for tactic in EQUIV_CLOSERS:
        assert not s.closes(tactic), (statement, tactic)


def test_equiv_applications_are_atoms_with_congruence():
    assert accepted("theorem t (τ : Equiv ℝ ℝ) (h : τ.1 2 = 3) : τ.1 2 + 1 = 4 := by linarith")
    assert accepted("theorem t (τ : Equiv ℝ ℝ) (h : ∀ x, τ.1 x = 2 * x) : τ.1 3 = 6 := by rw [h]; norm_num")


@pytest.mark.parametrize("statement", [
    "theorem t : (1, 2) = (2, 1)",
    "theorem t (x y : ℕ) (h : x = 1) : (x, y) = (1, 1)",
    "theorem t (x y : ℕ) (h : (x, y) = (1, 2)) : x = 2",
    "theorem t (x : ℕ) : (x, 2) ≠ (x, 2)",
    "theorem t (x : ℤ) : (x - 1, 1) = (x, 1)",
])
def test_tuples_prove_nothing_false(statement):
    s = Session(statement)
    for tactic in EQUIV_CLOSERS + ["constructor", "injection h", "cases h", "simp at h", "aesop"]:
        assert not s.closes(tactic), (statement, tactic)


def test_equal_tuples_by_reflexivity_and_hypotheses():
    assert accepted("theorem t (x y : ℕ) : (x, y) = (x, y) := by rfl")
    assert accepted("theorem t (x y : ℕ) (h : (x, y) = (1, 2)) : (x, y) = (1, 2) := by exact h")
