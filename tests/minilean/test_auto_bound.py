"""Auto-bound implicits: an unknown short name in a theorem's header becomes a variable bound before
all the binders (Lean's default ``autoImplicit``/``relaxedAutoImplicit`` in a file that imports
Mathlib), typed from its uses. Positive cases print as Lean prints them; adversarial ones check that
the variable is universally quantified (never a value MiniLean picks) and typed as Lean types it."""

from __future__ import annotations

import pytest

from leangym.minilean.commands import elaborate_statement
from leangym.minilean.core.errors import ElabError, ParseError
from tests.minilean.helpers import Session, check, errors

HEADER = "import Mathlib\nopen BigOperators Real Nat Topology Rat\n"


def goal(statement: str) -> str:
    return elaborate_statement(statement).pretty()


@pytest.mark.parametrize("statement, printed", [
    # an exponent is ℕ (Monoid.npow's default instance), the name comes before every binder
    ("theorem t (n : ℕ) (h₀ : 0 < n) : (∏ j in Finset.Icc 1 n, 1 + (1 : ℝ) / 3 ^ j) < 2",
     "j n : ℕ\nh₀ : 0 < n\n⊢ ∏ j ∈ Finset.Icc 1 n, 1 + 1 / 3 ^ j < 2"),
    # the body of `∑` stops below `+`: the second `j` is the auto-bound one, typed by `c : ℝ`
    ("theorem t (b c : ℝ) (h : (∑ j in Finset.range 3, b + j * c) = 7) : b = 1",
     "j b c : ℝ\nh : ∑ j ∈ Finset.range 3, b + j * c = 7\n⊢ b = 1"),
    # only numerals: ℕ; names in the order Lean meets them, left to right
    ("theorem t : 2 ≤ v → u ≤ 3 * v → u + v ≥ 0", "v u : ℕ\n⊢ 2 ≤ v → u ≤ 3 * v → u + v ≥ 0"),
    ("theorem t : uv + w₁ = 1 → w₁ ≤ 1", "uv w₁ : ℕ\n⊢ uv + w₁ = 1 → w₁ ≤ 1"),
    # the first typed context wins over an earlier numeral (Lean's default instance comes last)
    ("theorem t (h : 0 < q ∧ q < 1) (d : ℝ) : q * d ≤ d", "q : ℝ\nh : 0 < q ∧ q < 1\nd : ℝ\n⊢ q * d ≤ d"),
    ("theorem t (f : ℤ → ℤ) (h : f m = 2) : m ≠ 0", "m : ℤ\nf : ℤ → ℤ\nh : f m = 2\n⊢ m ≠ 0"),
    ("theorem t (h : 0 < n) (n : ℕ) : 0 < n", "n✝ : ℕ\nh : 0 < n✝\nn : ℕ\n⊢ 0 < n"),
    # a name with `!` is an identifier in Lean (`n!` is not `n !`)
    ("theorem t (n : ℕ) : n! = n", "n! n : ℕ\n⊢ n! = n"),
])
def test_auto_bound_implicits_print_as_lean(statement, printed):
    assert goal(statement) == printed


@pytest.mark.parametrize("statement, message", [
    # Mathlib globals Lean resolves (long names, φ = Nat.totient, `Real.*`/`Nat.*` short names)
    ("theorem t (x : ℝ) : sinh x = 0", "Unknown identifier `sinh`"),
    ("theorem t : padicValNat 2 4 = 2", "Unknown identifier `padicValNat`"),
    ("theorem t : φ 5 = 4", "Unknown identifier `φ`"),
    ("theorem t : num = 1", "Unknown identifier `num`"),
    ("theorem t : x.succ = 1", "unsupported term"),
    # used as a function or a proposition, or with no number context: a `Sort` in Lean
    ("theorem t : f 1 = 1", "unsupported function application"),
    ("theorem t (h : p) : p", "`p` used as a proposition"),
    ("theorem t : x = x", "auto-bound implicit `x`"),
    # a trial that fails before a later typed use is a refusal, never a guess (Lean: `x : ℝ`)
    ("theorem t (h0 : x + 1 = 3) (h : ⌊x⌋₊ = 2) (d : ℝ) (h3 : x * d = d) : 0 ≤ x", "FloorSemiring"),
])
def test_what_lean_would_not_auto_bind_as_a_number_is_refused(statement, message):
    with pytest.raises((ElabError, ParseError)) as e:
        elaborate_statement(statement)
    assert message in str(e.value)


@pytest.mark.parametrize("statement, printed", [
    # untyped binders (`x`, `(n)`) are typed from their uses like auto-bound names; `_` is `x✝`
    ("theorem t x : Real.sin (2 * x) ≤ 1", "x : ℝ\n⊢ (2 * x).sin ≤ 1"),
    ("theorem t a b : a ^ 2 + b ≥ 0", "a b : ℕ\n⊢ a ^ 2 + b ≥ 0"),
    ("theorem t (s : ℝ) (n : ℤ) (h : s = n + 1) (n) (_ : n = 3) : s ≠ 0",
     "s : ℝ\nn✝ : ℤ\nh : s = ↑n✝ + 1\nn : ℕ\nx✝ : n = 3\n⊢ s ≠ 0"),
    ("theorem t {a} (h : a + 1 = (2 : ℤ)) : a = 1", "a : ℤ\nh : a + 1 = 2\n⊢ a = 1"),
])
def test_untyped_binders_are_typed_from_use(statement, printed):
    assert goal(statement) == printed


def test_untyped_binders_refused_where_not_numbers():
    with pytest.raises(ElabError, match="`p` used as a proposition"):
        elaborate_statement("theorem t (p) (h : p) : p")
    r = check(HEADER + "def g x := x + 1")
    assert errors(r)


def test_definitions_do_not_auto_bind():
    r = check(HEADER + "def g : ℕ := k + 1")
    assert any("Unknown identifier `k`" in m for m in errors(r))


CLOSERS = ["rfl", "decide", "norm_num", "simp", "omega", "linarith", "nlinarith [sq_nonneg x]", "positivity",
           "exact Nat.zero_le x", "assumption", "exact h", "intro h; exact h", "aesop", "tauto"]


@pytest.mark.parametrize("statement", [
    # the variable is universal: no closer may pick a value for it
    "theorem t : x = 1",
    "theorem t : x + 1 = 2 → x = 2",
    # ℝ from the later typed use, not ℕ from the numeral before it: `0 ≤ x` is false for x = -1
    "theorem t (d : ℝ) (h : x + 1 = 1 + x) (h' : x * d = d * x) : 0 ≤ x",
    "theorem t (h : x - 1 = x - 1) (d : ℤ) (h' : x ≤ d) : 0 ≤ x",
    # the auto-bound `n✝` is not the later binder `n`
    "theorem t (h : 0 < n) (n : ℕ) : 0 < n",
    # an untyped binder is ℝ where its use says so: `0 ≤ y` is false for y = -1
    "theorem t (y) (h : y + 0 = y) (d : ℝ) (h' : d * y = y * d) : 0 ≤ y",
    "theorem t (n : ℕ) (h : 0 < n) (n) (_ : n = n) : 0 < n",
])
def test_auto_bound_statements_are_not_provable_when_false(statement):
    s = Session(statement)
    for tactic in CLOSERS:
        assert not s.closes(tactic), (statement, tactic)


def test_a_true_auto_bound_statement_is_provable_for_every_value():
    r = check(HEADER + "theorem t : 2 ≤ v → u ≤ 3 * v → u ≤ 3 * v + 1 := by omega")
    assert not errors(r) and not r.get("sorries")
    r = check(HEADER + "theorem t (d : ℝ) (h : 0 < q) (h' : q * d = 2) : q * d > 1 := by linarith")
    assert not errors(r) and not r.get("sorries")
