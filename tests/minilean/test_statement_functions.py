"""Mathlib's functions and big operators in statements (issue 13): parsing and elaboration, printing
as Lean's delaborator does, closed evaluation with Mathlib's definitions, and opacity (no tactic
proves anything about an application beyond its type, its Mathlib sign facts and closed values)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leangym.minilean import fragment
from leangym.minilean.commands import elaborate_statement
from leangym.minilean.core.errors import ElabError, ParseError
from tests.minilean.helpers import Session, check, errors

HEADER = "import Mathlib\nopen BigOperators Real Nat Topology Rat\n"
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def goal(statement: str) -> str:
    return elaborate_statement(statement).pretty()


@pytest.mark.parametrize("statement, printed", [
    ("theorem t (x : ℝ) (h : 0 < x) : Real.log (x * 2) = Real.log x + Real.log 2",
     "x : ℝ\nh : 0 < x\n⊢ (x * 2).log = x.log + Real.log 2"),
    ("theorem t (n : ℕ) : Nat.gcd n 4 ∣ 4", "n : ℕ\n⊢ n.gcd 4 ∣ 4"),
    ("theorem t : Nat.lcm 4 6 = 12", "⊢ Nat.lcm 4 6 = 12"),
    ("theorem t (n : ℕ) : (n + 1)! = (n + 1) * n !", "n : ℕ\n⊢ (n + 1)! = (n + 1) * n !"),
    ("theorem t : 4 ! = 24", "⊢ 4! = 24"),
    ("theorem t (x : ℝ) : Real.sqrt (x ^ 2) = |x|", "x : ℝ\n⊢ √(x ^ 2) = |x|"),
    ("theorem t (n : ℕ) : Real.sqrt n ≥ 0", "n : ℕ\n⊢ √↑n ≥ 0"),
    ("theorem t (x : ℝ) : Int.floor x ≤ Int.ceil x", "x : ℝ\n⊢ ⌊x⌋ ≤ ⌈x⌉"),
    ("theorem t (x : ℝ) (h : 0 ≤ x) : (Nat.floor x : ℝ) ≤ x", "x : ℝ\nh : 0 ≤ x\n⊢ ↑⌊x⌋₊ ≤ x"),
    ("theorem t (n : ℕ) : ∑ i in Finset.range n, (2 * i + 1) = n ^ 2",
     "n : ℕ\n⊢ ∑ i ∈ Finset.range n, (2 * i + 1) = n ^ 2"),
    ("theorem t (n : ℕ) : ∏ i ∈ Finset.Icc 1 n, (i : ℝ) > 0", "n : ℕ\n⊢ ∏ i ∈ Finset.Icc 1 n, ↑i > 0"),
    ("theorem t (a : ℝ) : a / ∑ k in Finset.range 3, (k : ℝ) = a / 3",
     "a : ℝ\n⊢ a / ∑ k ∈ Finset.range 3, ↑k = a / 3"),
    ("theorem t (S : Finset ℕ) (h : ∀ x, x ∈ S ↔ x < 3) : S.card = 3",
     "S : Finset ℕ\nh : ∀ (x : ℕ), x ∈ S ↔ x < 3\n⊢ S.card = 3"),
    ("theorem t : Finset.card (Finset.filter (fun x => 3 ∣ x) (Finset.range 10)) = 4",
     "⊢ (Finset.filter (fun x => 3 ∣ x) (Finset.range 10)).card = 4"),
    ("theorem t (n : ℕ) : (Nat.divisors n).card ≥ 0", "n : ℕ\n⊢ n.divisors.card ≥ 0"),
    ("theorem t (x : ℝ) (hx : x ≠ 0) : x⁻¹ * x = 1", "x : ℝ\nhx : x ≠ 0\n⊢ x⁻¹ * x = 1"),
    ("theorem t (x : ℝ) : Real.exp x > 0", "x : ℝ\n⊢ rexp x > 0"),
    ("theorem t (a : ℤ) : Int.natAbs a = Int.natAbs (-a)", "a : ℤ\n⊢ a.natAbs = (-a).natAbs"),
    ("theorem t (x : ℝ) (h : 0 < x) : x ^ (1 / 2 : ℝ) = Real.sqrt x", "x : ℝ\nh : 0 < x\n⊢ x ^ (1 / 2) = √x"),
    ("theorem t (x : ℝ) : Real.sin x ^ 2 + Real.cos x ^ 2 = 1", "x : ℝ\n⊢ x.sin ^ 2 + x.cos ^ 2 = 1"),
    ("theorem t (x : ℝ) : Real.logb 2 x = Real.log x / Real.log 2", "x : ℝ\n⊢ logb 2 x = x.log / Real.log 2"),
    ("theorem t (x : ℝ) (h : x < Real.pi) : x < 4", "x : ℝ\nh : x < π\n⊢ x < 4"),
    ("theorem t (q : ℚ) : (q.num : ℝ) / q.den = q", "q : ℚ\n⊢ ↑q.num / ↑q.den = ↑q"),
    ("theorem t (k : ℕ) (x : ℝ) (h : ⌊x⌋ = k) : |(⌊x⌋ : ℝ)| = k", "k : ℕ\nx : ℝ\nh : ⌊x⌋ = ↑k\n⊢ |↑⌊x⌋| = ↑k"),
    ("theorem t (a : ℤ) (h : a ≡ 1 [ZMOD 4]) : a % 4 = 1", "a : ℤ\nh : a ≡ 1 [ZMOD 4]\n⊢ a % 4 = 1"),
    ("theorem t (n : ℕ) (h : n ≡ 2 [MOD 3]) : n % 3 = 2", "n : ℕ\nh : n ≡ 2 [MOD 3]\n⊢ n % 3 = 2"),
    ("theorem t (x : ℝ) (hx : x ∈ Set.Icc (0 : ℝ) 1) : x ^ 2 ≤ 1", "x : ℝ\nhx : x ∈ Set.Icc 0 1\n⊢ x ^ 2 ≤ 1"),
    ("theorem t : ∀ x ∈ Set.Icc (0 : ℝ) 1, x ^ 2 ≤ x", "⊢ ∀ x ∈ Set.Icc 0 1, x ^ 2 ≤ x"),
    ("theorem t (S : Finset ℕ) : ∃ x ∈ S, x ≥ 0", "S : Finset ℕ\n⊢ ∃ x ∈ S, x ≥ 0"),
    ("theorem t (S : Finset ℕ) (x : ℕ) (h : x ∉ S) : x ≠ 0", "S : Finset ℕ\nx : ℕ\nh : x ∉ S\n⊢ x ≠ 0"),
    ("theorem t (a b : ℝ) : max a b ≥ min a b", "a b : ℝ\n⊢ max a b ≥ min a b"),
    ("theorem t (n : ℕ) : Nat.fib (n + 2) = Nat.fib n + Nat.fib (n + 1)", "n : ℕ\n⊢ (n + 2).fib = n.fib + (n + 1).fib"),
    ("theorem t (x : ℝ) : exp x > 0", "x : ℝ\n⊢ rexp x > 0"),
    ("theorem t (n : ℕ) : choose n 2 ≤ n ^ 2", "n : ℕ\n⊢ n.choose 2 ≤ n ^ 2"),
    ("theorem t (f : ℝ → ℝ) (h : ∀ (x) (_ : x ≠ 0), f x = 1 / x) : f 2 = 1 / 2",
     "f : ℝ → ℝ\nh : ∀ (x : ℝ), x ≠ 0 → f x = 1 / x\n⊢ f 2 = 1 / 2"),
    ("theorem t : IsLeast { n : ℕ | 0 < n ∧ n ≡ 2 [MOD 3] } 2", "⊢ IsLeast {n | 0 < n ∧ n ≡ 2 [MOD 3]} 2"),
    ("theorem t : IsGreatest {x | x ^ 2 ≤ (4 : ℝ)} 2", "⊢ IsGreatest {x | x ^ 2 ≤ 4} 2"),
    ("theorem t (n : ℕ) : (Nat.digits 10 n).sum ≤ 9 * n", "n : ℕ\n⊢ (digits 10 n).sum ≤ 9 * n"),
    ("theorem t (n : ℕ) : ∀ d : ℕ, d ∈ Nat.digits 10 n → d < 10", "n : ℕ\n⊢ ∀ d ∈ digits 10 n, d < 10"),
    ("theorem t (a b : ℕ) (h : Nat.digits 10 (a + 1) = [a, b]) : a = b", "a b : ℕ\nh : digits 10 (a + 1) = [a, b]\n⊢ a = b"),
])
def test_statements_print_as_lean(statement, printed):
    assert goal(statement) == printed


@pytest.mark.parametrize("statement, message", [
    ("theorem t (z : ℂ) : z = z", "outside MiniLean's fragment"),
    ("theorem t (x : ZMod 7) : x = x", "outside MiniLean's fragment"),
    ("theorem t : Nat.gcd 4 = Nat.gcd 4", "outside MiniLean's fragment"),  # partial application
    ("theorem t (n : ℕ) : ⌊n⌋ = n", "FloorRing ℕ"),  # ℕ is not a FloorRing
    ("theorem t (n : ℕ) : n⁻¹ = n", "Inv ℕ"),
    ("theorem t (n : ℕ) : Finset.card n = 0", "outside MiniLean's fragment"),
    ("theorem t (x : ℝ) : x.frobnicate = 0", "outside MiniLean's fragment"),
    ("theorem t : ∑ x in Finset.Icc (1 : ℝ) 3, x = 6", "LocallyFiniteOrder ℝ"),  # no Finset interval of reals
    # `|·|` is a leaf of Lean's binop% tree, elaborated alone: at ℕ it has no AddGroup (never `|↑x - ↑y|`)
    ("theorem t (x y : ℕ) : (|x - y| : ℤ) = 2", "AddGroup ℕ"),
    # a proposition used as a value (these once recursed without end inside the elaborator)
    ("theorem t : ((1 : ℕ) < 2) = False", "a proposition used as a value"),
    ("theorem t (a : ℕ) : (a ∣ 0) = True", "a proposition used as a value"),
    ("theorem t (x : ℝ) : x + (1 < 2) = x", "a proposition used as a value"),
])
def test_outside_the_fragment_is_a_clean_refusal(statement, message):
    with pytest.raises((ElabError, ParseError)) as e:
        elaborate_statement(statement)
    assert message in str(e.value)


def accepted(src: str) -> bool:
    r = check(HEADER + src)
    return not errors(r) and not r.get("sorries")


@pytest.mark.parametrize("true, false", [
    ("Nat.gcd 180 168 = 12 := by norm_num", "Nat.gcd 180 168 = 6 := by norm_num"),
    ("Nat.gcd 0 0 = 0 := by norm_num", "Nat.gcd 0 0 = 1 := by norm_num"),
    ("Nat.lcm 4 0 = 0 := by norm_num", "Nat.lcm 4 0 = 4 := by norm_num"),
    ("9 ! % 10 = 0 := by norm_num", "9 ! % 10 = 1 := by norm_num"),
    ("0 ! = 1 := by norm_num", "0 ! = 0 := by norm_num"),
    ("5 ! = 120 := by decide", "5 ! = 24 := by decide"),
    ("Nat.choose 3 5 = 0 := by decide", "Nat.choose 3 5 = 1 := by decide"),
    ("Nat.choose 5 2 = 10 := by norm_num [Nat.choose]", "Nat.choose 5 2 = 20 := by norm_num [Nat.choose]"),
    ("Nat.sqrt 10 = 3 := by norm_num", "Nat.sqrt 10 = 4 := by norm_num"),
    ("Int.floor ((-7 : ℝ) / 2) = -4 := by norm_num", "Int.floor ((-7 : ℝ) / 2) = -3 := by norm_num"),
    ("Int.ceil ((-7 : ℝ) / 2) = -3 := by norm_num", "Int.ceil ((-7 : ℝ) / 2) = -4 := by norm_num"),
    ("Real.sqrt 16 = 4 := by norm_num", "Real.sqrt 16 = -4 := by norm_num"),
    ("Real.sqrt (-4) = 0 := by norm_num", "Real.sqrt (-4) = 2 := by norm_num"),
    ("Int.natAbs (-5) = 5 := by decide", "Int.natAbs (-5) = 0 := by decide"),
    ("Int.toNat (-5) = 0 := by simp", "Int.toNat (-5) = 5 := by simp"),
    ("∑ k in Finset.range 10, k = 45 := by decide", "∑ k in Finset.range 10, k = 55 := by decide"),
    ("∑ k in Finset.range 10, k = 45 := by norm_num", "∑ k in Finset.range 11, k = 45 := by norm_num"),
    ("∑ i in Finset.range 3, (i - 1) = 1 := by decide", "∑ i in Finset.range 3, (i - 1) = 0 := by decide"),
    ("∑ i in Finset.range 0, i = 0 := by decide", "∑ i in Finset.range 0, i = 1 := by decide"),
    ("∏ i in Finset.range 0, i = 1 := by decide", "∏ i in Finset.range 0, i = 0 := by decide"),
    ("∑ i in Finset.Icc 5 3, i = 0 := by decide", "∑ i in Finset.Icc 5 3, i = 8 := by decide"),
    ("∏ k in Finset.Icc 1 5, k = 120 := by decide", "∏ k in Finset.Ico 1 5, k = 120 := by decide"),
    ("(2 : ℝ)⁻¹ = 1 / 2 := by norm_num", "(2 : ℝ)⁻¹ = 2 := by norm_num"),
    ("(0 : ℝ)⁻¹ = 0 := by norm_num", "(0 : ℝ)⁻¹ = 1 := by norm_num"),
    ("(Nat.digits 10 1230).sum = 6 := by norm_num", "(Nat.digits 10 1230).sum = 5 := by norm_num"),
    ("(Nat.digits 10 0).sum = 0 := by norm_num", "(Nat.digits 10 0).sum = 1 := by norm_num"),
    ("(Nat.digits 1 3).sum = 3 := by norm_num", "(Nat.digits 1 3).sum = 1 := by norm_num"),
    ("(Nat.digits 0 7).sum = 7 := by simp", "(Nat.digits 0 7).sum = 0 := by simp"),
    ("[1, 2, 3].sum = 6 := by norm_num", "[1, 2, 3].sum = 5 := by norm_num"),
    ("Nat.fib 10 = 55 := by norm_num", "Nat.fib 10 = 56 := by norm_num"),
    ("Nat.fib 12 = 144 := by decide", "Nat.fib 12 = 89 := by decide"),
    ("Nat.fib 2 = 1 := by simp", "Nat.fib 2 = 2 := by simp"),
    ("Nat.fib 0 = 0 := by simp", "Nat.fib 1 = 0 := by simp"),
])
def test_closed_evaluation_follows_mathlib(true, false):
    assert accepted(f"theorem t : {true}")
    assert not accepted(f"theorem t : {false}")


def test_each_tactic_evaluates_only_what_its_lean_counterpart_does():
    # Lean's `simp` has no factorial or floor evaluation; `decide` does not run norm_num extensions
    assert not accepted("theorem t : 5 ! = 120 := by simp")
    assert not accepted("theorem t : Int.floor ((7 : ℝ) / 2) = 3 := by decide")
    assert not accepted("theorem t : Real.sqrt 2 = 1 := by norm_num")  # irrational: stays √2
    assert not accepted("theorem t : ∑ i in Finset.range 3, (i : ℝ) = 3 := by decide")  # ℝ is not decidable
    assert not accepted("theorem t : Nat.fib 10 = 55 := by simp")  # simp knows fib_zero/one/two only


def test_divisibility_simp_lemmas():
    # `dvd_zero`, `one_dvd`, `dvd_refl` and `zero_dvd_iff` are in Mathlib's default simp set
    assert accepted("theorem t (n : ℕ) : n ∣ Nat.fib 0 := by simp")
    assert accepted("theorem t (a b : ℤ) : 1 ∣ a ∧ b ∣ b := by simp")
    assert accepted("theorem t (a : ℤ) (h : a = 0) : 0 ∣ a := by simp [h]")
    assert not accepted("theorem t (a : ℤ) : 0 ∣ a := by simp")
    assert not accepted("theorem t (n : ℕ) : n ∣ 1 := by simp")
    assert not accepted("theorem t (n : ℕ) : n ∣ Nat.fib 0 := by simp only []")


@pytest.mark.parametrize("statement", [
    "theorem t (x : ℝ) : Real.sqrt (x ^ 2) = x",  # false for x < 0
    "theorem t (x y : ℝ) : Real.log (x * y) = Real.log x + Real.log y",  # false at x = 0
    "theorem t : (-8 : ℝ) ^ (1 / 3 : ℝ) = -2",  # rpow of a negative base is not the real cube root
    "theorem t (x : ℝ) : Int.floor x = Int.ceil x",
    "theorem t (x : ℝ) : Real.sin x = Real.cos x",
    "theorem t (S : Finset ℕ) : S.card = 3",
    "theorem t (n : ℕ) : ∑ i in Finset.range n, i = n",
    "theorem t (x : ℝ) : 0 < Real.sqrt x",  # √0 = 0
    "theorem t (x : ℝ) : 0 < Real.log x",
    "theorem t (x : ℝ) : x⁻¹ * x = 1",  # false at x = 0
    "theorem t (x : ℝ) (h : x ∈ Set.Ioo (0 : ℝ) 1) : x = 0",
    "theorem t (a b : ℤ) (h : a ≡ b [ZMOD 2]) : a = b",
    "theorem t (a b : ℝ) : max a b = a",
    "theorem t (a b : ℝ) : min a b = max a b",
    "theorem t : IsLeast { n : ℕ | 3 < n } 3",
    "theorem t : IsGreatest { x : ℝ | x < 1 } 1",
    "theorem t (n : ℕ) : Nat.digits 10 n = [n]",  # false for n = 0 and n ≥ 10
    "theorem t (n : ℕ) : (Nat.digits 10 n).sum = n",
])
def test_opaque_functions_get_no_false_laws(statement):
    s = Session(statement)
    for tac in ("norm_num", "simp", "linarith", "nlinarith", "positivity", "omega", "decide", "ring_nf"):
        assert not s.closes(tac), (statement, tac)


def test_a_hypothesis_binder_is_an_implication():
    s = Session("theorem t (f : ℝ → ℝ) (h : ∀ (x) (_ : x ≠ 0), f x = 1 / x) : f 2 = 1 / 2")
    assert s.closes("exact h 2 (by norm_num)")
    assert s.fails("exact h 0 (by norm_num)")  # the side condition 0 ≠ 0 is false


def test_applications_are_atoms_for_linear_arithmetic():
    s = Session("theorem t (x : ℝ) (h : Real.sqrt x = 3) : Real.sqrt x + 1 = 4")
    assert s.closes("linarith")
    # Mathlib's linarith does not know √x ≥ 0 by itself; positivity does
    s = Session("theorem t (x : ℝ) : Real.sqrt x ≥ 0")
    assert not s.closes("linarith")
    assert s.closes("positivity")
    assert Session("theorem t (n : ℕ) : 0 < n !").closes("positivity")
    assert Session("theorem t (x : ℝ) : 0 < Real.exp x + Real.sqrt x").closes("positivity")
    assert not Session("theorem t (n : ℕ) : 0 < Nat.choose n 2").closes("positivity")


def test_closed_evaluation_respects_locations():
    s = Session("theorem t (h : Nat.gcd 4 6 = 2) : 5 ! = 120")
    r = s.run("norm_num at h")
    assert "Nat.gcd" not in json.dumps(r.get("goals", []), ensure_ascii=False)
    assert "5!" in r["goals"][0]


def _minif2f() -> Path:
    path = DATA / "minif2f" / "minif2f.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} absent (the shared data folder)")
    return path


def test_minif2f_statements_parse_and_print_as_recorded():
    """Issue 13's targets on miniF2F: ≥ 70% of the statements parse and ≥ 98% of those print
    exactly Lean's recorded initial goal (the dataset's ``goal`` field)."""
    path = _minif2f()
    n = sum(1 for line in path.open(encoding="utf-8") if line.strip())
    problems = fragment.minif2f_lite(path)
    exact = sum(fragment.initial_goal(p.statement, p.header) == p.meta["goal"] for p in problems)
    assert len(problems) >= 0.7 * n
    assert exact >= 0.98 * len(problems)


def test_long_goals_break_after_the_top_operator_as_lean_formats_them():
    lhs = "a * b * (a ^ 2 - b ^ 2) + b * c * (b ^ 2 - c ^ 2) + c * a * (c ^ 2 - a ^ 2)"
    short = goal(f"theorem t (a b c : ℝ) : {lhs} ≤ 9 * (a ^ 2 + b ^ 2)")
    assert short.endswith(f"⊢ {lhs} ≤ 9 * (a ^ 2 + b ^ 2)")  # 110 characters: one line
    long = goal(f"theorem t (a b c : ℝ) : {lhs} ≤ 9 * √2 / 32 * (a ^ 2 + b ^ 2 + c ^ 2) ^ 2")
    assert long.endswith(f"⊢ {lhs} ≤\n    9 * √2 / 32 * (a ^ 2 + b ^ 2 + c ^ 2) ^ 2")  # 121: past the width
