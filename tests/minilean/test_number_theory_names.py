"""Number-theory names and notations real proofs use (issue 13): `≡ [MOD n]` as a definition to unfold,
the big operators' recursion lemmas as rewrite rules, `⌊·⌋`'s characterisation and cast laws,
`contradiction` on a closed false ℕ/ℤ relation, `apply Eq.refl`, and Mathlib names of mid-2024.
Each mechanism has proofs it must accept and false statements it must refuse."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from leangym.minilean import bridge, schematic
from leangym.minilean.arith import holds
from leangym.minilean.core.terms import INT, NAT, PROP, REAL, App, Bin, Binder, BVar, Const, Num, Un

from .helpers import check, proves

H = "import Mathlib\nopen BigOperators Real Nat Topology Rat\n\n"

PROVES = [
    # ModEq unfolds to `a % n = b % n` by `norm_num`/`simp only`/`rw` with its name; `decide` evaluates it
    "theorem a : 2 ^ 21 ≡ 1 [ZMOD 7] := by\n  norm_num [Int.ModEq]",
    "theorem a (x : ℤ) (h : x % 7 = 3) : x ≡ 10 [ZMOD 7] := by\n  rw [Int.ModEq]\n  omega",
    "theorem a (n : ℕ) (h : n % 4 = 1) : n ≡ 1 [MOD 4] := by\n  simp only [Nat.ModEq]\n  omega",
    "theorem a (n : ℕ) (h : n % 4 = 1) : n ≡ 5 [ZMOD 4] := by\n  norm_num [Int.ModEq]\n  omega",
    "theorem a : 2 ≡ 13 [MOD 11] := by decide",
    # the recursion lemmas of ∑/∏ over `range`, numerals read as successors as Lean's unifier does
    "theorem a : ∑ i in Finset.range 6, i = 15 := by\n  rw [Finset.sum_range_succ]\n  norm_num",
    "theorem a (n : ℕ) : ∑ i in Finset.range (n + 1), (2 * i + 1) = (n + 1) ^ 2 := by\n"
    "  induction n with\n  | zero => simp\n  | succ n ih =>\n    rw [Finset.sum_range_succ, ih]\n    ring",
    "theorem a (x : ℝ) : ∏ i in Finset.range 2, (x + i) = x * (x + 1) := by\n"
    "  simp only [Finset.prod_range_succ, Finset.prod_range_zero]\n  ring",
    "theorem a (n : ℕ) (x : ℝ) : ∑ k in Finset.Icc 1 (n + 1), (k * x) = ∑ k in Finset.Icc 1 n, (k * x) + (n + 1) * x"
    " := by\n  rw [Finset.sum_Icc_succ_top]\n  push_cast",
    # ⌊·⌋: the characterisation and the default simp set's cast laws
    "theorem a (x : ℝ) (hx : x = 30 / 4.5) : ⌊x⌋ = 6 := by\n  norm_num [Int.floor_eq_iff, hx]",
    "theorem a (x : ℝ) (h : 2 ≤ x) (h2 : x < 3) : ⌊x⌋ = 2 := by\n  rw [Int.floor_eq_iff]\n  constructor <;> linarith",
    "theorem a (z : ℤ) : (⌊(z : ℝ)⌋ : ℝ) ^ 2 = (z : ℝ) ^ 2 := by simp",
    "theorem a (n : ℕ) : ⌊(n : ℝ)⌋₊ = n := by simp",
    # contradiction: a closed hypothesis whose `decide` is false
    "theorem a (hn : 0 < 0) (x : ℝ) : x = 5 := by\n  contradiction",
    "theorem a (n : ℕ) (hn : 0 < n) : 1 ≤ n := by\n  induction n with\n  | zero => contradiction\n  | succ n ih => omega",
    "theorem a (h : 3 ≡ 5 [MOD 7]) : False := by\n  contradiction",
    # apply Eq.refl; names
    "theorem a : 54 % 6 = 0 := by\n  apply Eq.refl",
    "theorem a : 13 ∣ 2 ^ 30 + 3 ^ 60 := by\n  apply Nat.dvd_of_mod_eq_zero\n  norm_num",
    "theorem a (a b : ℝ) (ha : 0 < a) (hb : 0 < b) : a / (a * b + 3) ≤ a / 3 := by\n"
    "  apply div_le_div_of_le_left ha.le (by norm_num) (by nlinarith)",
    "theorem a (p : ℝ) : p + -p = 0 := by rw [add_right_neg]",
    "theorem a : (129 ^ 34 + 96 ^ 38) % 11 = 9 := by\n  simp [pow_mod]",
]

REFUSES = [
    # ModEq: a false congruence, and the definition's name is no proof
    "theorem a : 2 ^ 21 ≡ 2 [ZMOD 7] := by\n  norm_num [Int.ModEq]",
    "theorem a (x : ℤ) : x ≡ 1 [ZMOD 7] := by\n  exact (Int.ModEq 7 x 1).mpr sorry",
    "theorem a (x : ℤ) : x ≡ 1 [ZMOD 7] := by\n  rw [Int.ModEq]",
    "theorem a : 2 ≡ 3 [MOD 11] := by decide",
    "theorem a (n : ℕ) : n ≡ 0 [MOD 2] := by\n  simp only [Nat.ModEq]\n  omega",
    # big operators: the last term counted once, not dropped or doubled; no rewrite without a successor
    "theorem a : ∑ i in Finset.range 6, i = 21 := by\n  rw [Finset.sum_range_succ]\n  norm_num",
    "theorem a (n : ℕ) : ∑ i in Finset.range (n + 1), i = ∑ i in Finset.range n, i := by\n"
    "  rw [Finset.sum_range_succ]",
    "theorem a (n : ℕ) : ∑ i in Finset.range n, i = 0 := by\n  rw [Finset.sum_range_succ]",
    "theorem a (n : ℕ) : ∑ k in Finset.Icc 5 (n + 1), k = ∑ k in Finset.Icc 5 n, k + (n + 1) := by\n"
    "  rw [Finset.sum_Icc_succ_top]",
    # floor: the wrong integer, and no cast law where the argument is not an integer's cast
    "theorem a (x : ℝ) (h : 2 ≤ x) (h2 : x < 3) : ⌊x⌋ = 3 := by\n  rw [Int.floor_eq_iff]\n  constructor <;> linarith",
    "theorem a (x : ℝ) : ⌊x⌋ = x := by simp",
    "theorem a (z : ℤ) : ⌊(z : ℝ)⌋ = z := by simp only [Nat.floor_natCast]",
    # contradiction: ℝ comparisons are not decided (classical), nor open ones
    "theorem a (h : (0 : ℝ) < 0) : False := by\n  contradiction",
    "theorem a (n : ℕ) (h : n < n + 1) : False := by\n  contradiction",
    "theorem a (h : 3 ≡ 10 [MOD 7]) : False := by\n  contradiction",
    # names: premises and rings kept
    "theorem a : 54 % 6 = 1 := by\n  apply Eq.refl",
    "theorem a : 13 ∣ 2 ^ 30 + 3 ^ 61 := by\n  apply Nat.dvd_of_mod_eq_zero\n  norm_num",
    "theorem a (a b : ℝ) (ha : 0 < a) (hb : 0 < b) : a / 3 ≤ a / (a * b + 3) := by\n"
    "  apply div_le_div_of_le_left ha.le (by norm_num) (by nlinarith)",
    "theorem a (x y : ℕ) : x - y + y = x := by rw [sub_add_cancel]",
    "theorem a (n : ℕ) : n + -n = 0 := by rw [add_right_neg]",
]


@pytest.mark.parametrize("src", PROVES)
def test_proves(src):
    assert proves(H + src), check(H + src)


@pytest.mark.parametrize("src", REFUSES)
def test_refuses(src):
    assert not proves(H + src)


def _sum(n, body, op="Finset.sum"):
    return App(Const(op), (App(Const("Finset.range"), (n,), Const("Finset ℕ")), Binder("fun", "i", NAT, body)), INT)


def _value(e, env) -> Fraction | None:
    """A closed ℤ term with sums over ranges, evaluated directly (the test's own semantics)."""
    if isinstance(e, Num):
        return e.value
    if isinstance(e, Un) and e.op == "↑":
        return _value(e.a, env)
    if isinstance(e, BVar):
        return env[-1 - e.idx]
    if isinstance(e, Bin):
        a, b = _value(e.a, env), _value(e.b, env)
        return a + b if e.op == "+" else a * b if e.op == "*" else a - b
    if isinstance(e, App):
        n = int(_value(e.args[0].args[0], env))
        vals = [_value(e.args[1].body, env + [Fraction(i)]) for i in range(n)]
        out = Fraction(0 if e.fn.name == "Finset.sum" else 1)
        for v in vals:
            out = out + v if e.fn.name == "Finset.sum" else out * v
        return out
    raise AssertionError(e)


@pytest.mark.parametrize("name", sorted(schematic.BIGOPS))
def test_big_operator_rules_preserve_values(name):
    """Every rewrite of a big-operator rule keeps the value, on random bodies and bounds."""
    rng = random.Random(name)
    op = "Finset.prod" if "prod" in name else "Finset.sum"
    rewritten = 0
    for _ in range(60):
        n = rng.randint(0, 5)
        c = Num(Fraction(rng.randint(-3, 3)), INT)
        body = Bin(rng.choice(["+", "*", "-"]), Un("↑", BVar(0), INT), c, INT)
        e = _sum(Num(Fraction(n), NAT), body, op)
        new = schematic.step(name, e, lambda x: getattr(x, "ty", None))
        if new is not None:
            rewritten += 1
            assert _value(new, []) == _value(e, []), (name, n, body)
    assert rewritten


def test_floor_rule_is_the_characterisation():
    """``⌊r⌋ = z ↔ ↑z ≤ r ∧ r < ↑z + 1`` on random rationals and integers (evaluated by the arith IR)."""
    rng = random.Random(0)
    tr = bridge.Translator({}, {})
    for _ in range(200):
        r = Fraction(rng.randint(-40, 40), rng.randint(1, 7))
        z = rng.randint(-8, 8)
        r_e = Num(r, REAL) if r >= 0 else Un("-", Num(-r, REAL), REAL)
        z_e = Num(Fraction(z), INT) if z >= 0 else Un("-", Num(Fraction(-z), INT), INT)
        eq = Bin("=", App(Const("Int.floor"), (r_e,), INT), z_e, PROP)
        new = schematic.step("Int.floor_eq_iff", eq, lambda x: getattr(x, "ty", None))
        assert holds(tr.prop(new), {}) == (r.numerator // r.denominator == z), (r, z)
