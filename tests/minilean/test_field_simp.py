"""``field_simp``: denominators cleared only where hypotheses (or the given facts) show them nonzero,
positive under ``<``/``≤``; the result is equivalent to the input, never stronger."""

from __future__ import annotations

from fractions import Fraction

from leangym.minilean.arith import ir
from leangym.minilean.arith.fields import clear_denominators
from leangym.minilean.arith.semantics import evaluate as ir_value
from leangym.minilean.arith.semantics import holds

from .helpers import Session, check, errors

H = "import Mathlib\n"


def proves(src: str) -> bool:
    r = check(H + src)
    return not r.get("messages") and not r.get("sorries")


def test_clears_a_denominator_known_nonzero():
    assert proves("theorem t (x y : ℝ) (hx : x ≠ 0) (h : 3 / x = y) : 3 = y * x := by\n  field_simp at h\n  linarith")
    assert proves("theorem t (x : ℝ) (hx : 0 < x) (h : 3 / x = 1) : x = 3 := by\n  field_simp [hx.ne'] at h\n  linarith")
    assert proves("theorem t (x : ℝ) (h : x - 1 ≠ 0) : 1 / (x - 1) * (x - 1) = 1 := by\n  field_simp [h]")
    assert proves("theorem t (x : ℝ) (h : 0 < x) : 1 / (x + 1) * (x + 1) = 1 := by\n  field_simp")


def test_leaves_a_denominator_that_may_be_zero():
    # x / x = 1 is false at x = 0 (x / 0 = 0 in Lean)
    r = check(H + "theorem t (x : ℝ) : x / x = 1 := by\n  field_simp")
    assert errors(r) == ["simp made no progress"]
    assert not proves("theorem t (x y : ℝ) (h : 3 / x = y) : 3 = y * x := by\n  field_simp at h\n  linarith")


def test_inequalities_keep_one_fraction_per_side():
    # Mathlib's `field_simps` set has no order lemma: `a / b < 2` stays a fraction (linarith cannot use
    # it), and provers cross-multiply themselves with `div_lt_iff`/`div_le_div_iff` and a positivity proof
    s = Session("theorem t (a b : ℝ) (ha : 0 < a) (hb : 0 < b) (h : a / b + 1 / a < 2) : a * a + b < 2 * (a * b)")
    r = s.run("field_simp at h")
    assert r["proofStatus"] == "Incomplete: open goals remain"
    (h,) = [line for line in r["goals"][0].splitlines() if line.startswith("h :")]
    assert " / " in h and h.count("/") == 1, h
    lean = "theorem t (a b : ℝ) (ha : 0 < a) (hb : 0 < b) (h : a / b + 1 < 2) : a < b := by\n  field_simp at h\n"
    assert not proves(lean + "  linarith")
    assert proves(lean + "  rw [div_lt_iff hb] at h\n  linarith")
    goal = "theorem t (a b : ℝ) (ha : 0 < a) (hb : 0 < b) : 2 / (a + b) ≤ 1 / a + 1 / b := by\n  field_simp\n"
    assert proves(goal + "  rw [div_le_div_iff (by positivity) (by positivity)]\n  nlinarith [sq_nonneg (a - b)]")
    assert proves(goal + "  rw [div_le_div_iff] <;> nlinarith [sq_nonneg (a - b), mul_pos ha hb]")
    # a side that is one fraction already is left alone: no progress, as in Lean
    r = check(H + "theorem t (a b : ℝ) (hb : 0 < b) (h : a / b < 2) : a < 2 * b := by\n  field_simp at h")
    assert errors(r) == ["simp made no progress"]
    # b ≠ 0 is enough to combine fractions (no sign is needed), not to cross-multiply (b < 0 flips it)
    ne = lean.replace("(hb : 0 < b)", "(hb : b ≠ 0)")
    assert not proves(ne + "  rw [div_lt_iff hb] at h\n  linarith")


def test_result_is_not_stronger_than_the_input():
    s = Session("theorem t (x : ℝ) (hx : x ≠ 0) (h : 2 / x = 1) : x = 2")
    r = s.run("field_simp at h")
    assert r["proofStatus"] == "Incomplete: open goals remain"
    assert "⊢ x = 2" in r["goals"][0]
    # a false goal stays unproved after field_simp
    assert not proves("theorem t (x : ℝ) (hx : x ≠ 0) (h : 2 / x = 1) : x = 3 := by\n  field_simp at h\n  linarith")


def test_named_lemmas_are_ignored_but_unknown_names_fail():
    ok = "theorem t (x : ℝ) (hx : 0 < x) (h : 3 / x = 1) : x = 3 := by\n  field_simp [mul_comm] at h\n  linarith"
    assert proves(ok)
    r = check(H + ok.replace("mul_comm", "no_such_lemma"))
    assert errors(r) == ["Unknown identifier `no_such_lemma`"]


def test_ℕ_division_is_not_a_field_division():
    assert not proves("theorem t (n : ℕ) (hn : n ≠ 0) (h : 7 / n = 2) : 7 = 2 * n := by\n  field_simp at h\n  omega")


def test_clearing_preserves_truth_on_samples():
    x, y = ir.Atom("x", "ℝ"), ir.Atom("y", "ℝ")
    one = ir.Num(Fraction(1), "ℝ")
    zero = ir.Num(Fraction(0), "ℝ")
    lhs = ir.Op("+", (ir.Op("/", (one, x), "ℝ"), ir.Op("/", (y, ir.Op("+", (x, y), "ℝ")), "ℝ")), "ℝ")
    for op in ("=", "<", "≤", "≠"):
        c = ir.Cmp(op, lhs, one)
        hyps = (ir.Cmp("<", zero, x), ir.Cmp("<", zero, y))
        out = clear_denominators(c, hyps)
        assert out is not None
        for xv in (Fraction(1, 3), Fraction(1), Fraction(2), Fraction(7, 2)):
            for yv in (Fraction(1, 5), Fraction(1), Fraction(3)):
                env = {"x": xv, "y": yv}
                assert holds(c, env) == holds(out, env), (op, xv, yv)
    # without a sign for x + y only x's denominator goes; the result stays equivalent where x ≠ 0
    c = ir.Cmp("=", lhs, one)
    out = clear_denominators(c, (ir.Cmp("≠", x, zero),))
    assert out is not None
    for xv, yv in ((Fraction(-1), Fraction(1)), (Fraction(2), Fraction(-2)), (Fraction(1, 2), Fraction(1, 2))):
        env = {"x": xv, "y": yv}
        assert holds(c, env) == holds(out, env), (xv, yv)
    assert clear_denominators(c, ()) is None


def test_numeral_denominators_are_cleared_by_a_positive_constant():
    assert proves("theorem t (x : ℝ) (h₀ : x / 50 = 40) : x = 2000 := by\n  field_simp at h₀\n  linarith")
    assert not proves("theorem t (x : ℝ) (h₀ : x / 50 = 40) : x = 2001 := by\n  field_simp at h₀\n  linarith")
    x = ir.Atom("x", "ℝ")
    lhs = ir.Op("/", (x, ir.Num(Fraction(2), "ℝ")), "ℝ")
    for op in ("<", "≤", "=", "≠"):
        c = ir.Cmp(op, lhs, ir.Num(Fraction(3, 4), "ℝ"))
        out = clear_denominators(c, ())
        assert out is not None
        for xv in (Fraction(-1), Fraction(3, 2), Fraction(1), Fraction(2)):
            assert holds(c, {"x": xv}) == holds(out, {"x": xv}), (op, xv)


def test_combined_sides_equal_the_input_on_samples():
    """Each side of `<`/`≤` becomes one fraction equal to it wherever the denominators it combined
    are nonzero; denominators not shown nonzero stay where they are."""
    x, y = ir.Atom("x", "ℝ"), ir.Atom("y", "ℝ")
    num = lambda v: ir.Num(Fraction(v), "ℝ")  # noqa: E731
    div = lambda a, b: ir.Op("/", (a, b), "ℝ")  # noqa: E731
    plus = lambda a, b: ir.Op("+", (a, b), "ℝ")  # noqa: E731
    lhs = plus(div(num(1), plus(x, num(1))), div(ir.Op("*", (num(2), y), "ℝ"), num(3)))
    rhs = plus(div(x, y), div(y, ir.Op("-", (x, y), "ℝ")))
    for hyps in ((ir.Cmp("<", num(0), x), ir.Cmp("≠", y, num(0))), ()):
        for op in ("<", "≤"):
            c = ir.Cmp(op, lhs, rhs)
            out = clear_denominators(c, hyps)
            assert out is not None
            for xv in (Fraction(1, 3), Fraction(2), Fraction(7, 2), Fraction(5)):
                for yv in (Fraction(-3), Fraction(1, 5), Fraction(1), Fraction(3)):
                    env = {"x": xv, "y": yv}
                    for side_in, side_out in ((c.lhs, out.lhs), (c.rhs, out.rhs)):
                        assert ir_value(side_in, env) == ir_value(side_out, env), (op, hyps, xv, yv)
