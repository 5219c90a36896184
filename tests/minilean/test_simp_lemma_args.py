"""simp with hypotheses as rewrite rules, and `simp only`'s arithmetic (issue 13).

Lean's simp rewrites with a hypothesis `h : ∀ x, P x → a x = b x` given as `simp [h]` (all hypotheses
for `simp_all`), instantiated by matching and with its premises discharged; `simp only` folds ℕ/ℤ
literal arithmetic (simprocs) but never ℚ/ℝ numerals. True statements close; false ones and proofs
Lean's simp would not finish do not.
"""

from __future__ import annotations

import random

from tests.minilean.helpers import Session, proves

FG = "theorem t (f g : ℝ → ℝ) (h₀ : ∀ x, f x = 2 * x - 3) (h₁ : ∀ x, g x = x + 1)"


def test_norm_num_with_a_quantified_hypothesis_closes_true_goal():
    assert proves(f"{FG} : g (f 5 - 1) = 7 := by\n  norm_num [h₀, h₁]")


def test_norm_num_with_a_quantified_hypothesis_refuses_false_goal():
    s = Session(f"{FG} : g (f 5 - 1) = 8")
    assert not s.closes("norm_num [h₀, h₁]")
    assert not s.closes("simp_all")


def test_simp_all_only_rewrites_with_hypotheses_but_leaves_real_numerals():
    s = Session(f"{FG} : g (f 5 - 1) = 7")
    r = s.run("simp_all only [h₀, h₁]")
    assert r.get("proofStatus") != "Completed", r  # Lean's simp only folds no ℝ numerals
    goal = r["goals"][0]
    assert "f 5" not in goal and "g (" not in goal, goal
    done = s.repl.handle({"tactic": "norm_num", "proofState": r["proofState"]})
    assert done.get("proofStatus") == "Completed", done


def test_simp_only_does_not_close_real_numeral_arithmetic():
    s = Session("theorem t : (2 : ℝ) * 5 - 3 = 7")
    assert not s.closes("simp only [mul_comm]")
    assert s.closes("norm_num")


def test_simp_only_folds_nat_literals_as_lean_simprocs_do():
    assert Session("theorem t : (2 : ℕ) * 5 - 3 = 7").closes("simp only")
    assert not Session("theorem t : (2 : ℕ) * 5 - 3 = 8").closes("simp only")


def test_conditional_hypothesis_premise_discharged_only_when_true():
    stmt = "theorem t (s : ℝ → ℝ) (h₀ : ∀ x, x ≠ 0 → s x = 1 / x)"
    assert Session(f"{stmt} : s 4 = 1 / 4").closes("simp [h₀]")
    bad = Session(f"{stmt} : s 0 = 5")
    r = bad.run("simp [h₀]")
    assert r.get("proofStatus") != "Completed"
    assert "goals" not in r or all("s 0" in g for g in r["goals"]), r  # 0 ≠ 0 is false: no rewrite


def test_premise_from_a_hypothesis_in_simp_only():
    s = Session("theorem t (s : ℝ → ℝ) (y : ℝ) (hy : y ≠ 0) (h₀ : ∀ x, x ≠ 0 → s x = 1 / x) : s y = 1 / y")
    assert s.closes("simp only [h₀]")


def test_hypothesis_pattern_variables_keep_their_types():
    # h speaks of natural numbers only: it must not rewrite the integer application
    s = Session("theorem t (f : ℤ → ℤ) (h : ∀ n : ℕ, f n = 0) (k : ℤ) : f k = 0")
    assert not s.closes("simp [h]")
    assert not s.closes("simp_all")


def test_simp_at_located_hypothesis_and_simp_all_contradiction():
    s = Session("theorem t (f : ℝ → ℝ) (x : ℝ) (h₀ : ∀ y, f y = y + 1) (h : f x = 3) : x = 2")
    r = s.run("simp [h₀] at h")
    assert r.get("goals") and "x + 1 = 3" in r["goals"][0], r
    assert Session("theorem t (x : ℝ) (h₀ : x ≠ -1) (h : x = -1) : False").closes("simp_all")


def test_looping_hypothesis_is_not_used():
    s = Session("theorem t (x : ℝ) (h : x = x + 0) : x + 1 = 2")
    assert not s.closes("simp only [h]")


def test_simp_all_hypothesis_rewriting_preserves_truth_on_random_instances():
    """simp_all with f x = a * x + b closes f c = v exactly when a * c + b = v (ℤ, small values)."""
    rng = random.Random(13)
    for _ in range(25):
        a, b, c = (rng.randint(-5, 5) for _ in range(3))
        v = a * c + b + rng.choice([0, 0, 1, -2])
        s = Session(f"theorem t (f : ℤ → ℤ) (h : ∀ x, f x = {a} * x + {b}) : f ({c}) = {v}".replace("+ -", "- "))
        assert s.closes("simp_all") == (v == a * c + b), (a, b, c, v)


def test_conjunction_and_proposition_hypotheses_as_rules():
    # simp splits `h : a = b ∧ P` into the rules `a = b` and `P = True`; `a ≠ b` makes `a = b` False
    stmt = "theorem t (y : ℝ) (h₀ : |y| = y ∧ 0 ≤ y)"
    assert Session(f"{stmt} : |y| + 1 = y + 1").closes("simp_all only")
    assert not Session(f"{stmt} : |y| + 1 = y + 2").closes("simp_all only")
    assert Session(f"{stmt} : 0 ≤ y").closes("simp only [h₀]")
    assert not Session(f"{stmt} : 0 < y").closes("simp only [h₀]")
    assert Session("theorem t (x : ℝ) (h₀ : x ≠ 2) (h : x = 2) : False").closes("simp_all")
    assert not Session("theorem t (x : ℝ) (h₀ : x ≠ 2) (h : x = 3) : False").closes("simp_all")


def test_field_simp_side_condition_through_the_given_iff_lemmas():
    # Mathlib's discharger shows x + 1 ≠ 0 from x ≠ -1 by simp with add_eq_zero_iff_eq_neg (or x - 2 ≠ 0
    # from x ≠ 2 with sub_eq_zero); without the lemma the denominator stays
    stmt = "theorem t (x : ℝ) (h₀ : x ≠ -1) : (x - 9) / (x + 1) * (x + 1) = x - 9"
    assert Session(stmt).closes("field_simp [add_eq_zero_iff_eq_neg]")
    assert not Session(stmt).closes("field_simp")
    assert Session("theorem t (x : ℝ) (h₀ : x ≠ 2) : 3 / (x - 2) * (x - 2) = 3").closes("field_simp [sub_eq_zero]")
    # ℕ has no additive group: sub_eq_zero says nothing about x - 2 there
    assert not Session("theorem t (x : ℕ) (h₀ : x ≠ 2) : (3 : ℝ) / ((x - 2 : ℕ) : ℝ) * ((x - 2 : ℕ) : ℝ) = 3"
                       ).closes("field_simp [sub_eq_zero]")


def test_plain_simp_has_unit_laws_and_numeral_comparisons_but_no_real_arithmetic():
    r = Session(f"{FG} : g (f 5 - 1) = 7").run("simp [h₀, h₁]")
    assert r.get("proofStatus") != "Completed" and r.get("goals"), r  # left for norm_num, as in Lean
    assert Session("theorem t (y : ℝ) : y ^ 0 - 1 ≥ ((0 : ℕ) : ℝ) * (y - 1)").closes("simp")
    assert Session("theorem t : (2 : ℝ) ≠ 0 ∧ (1 : ℝ) = 1").closes("simp")
    assert not Session("theorem t : (2 : ℝ) * 5 = 10").closes("simp")
    assert Session("theorem t : (2 : ℝ) * 5 = 10").closes("norm_num")
    assert not Session("theorem t : (2 : ℝ) = 3").closes("simp")


def test_simp_all_uses_propositional_hypotheses_and_the_logic_simp_lemmas():
    # hp : p makes p True in hq : p → q, which true_implies turns into q, the goal
    assert Session("theorem t (p q : Prop) (hp : p) (hq : p → q) : q").closes("simp_all")
    assert not Session("theorem t (p q : Prop) (hp : p) (hq : q → p) : q").closes("simp_all")
    r = Session("theorem t (p q : Prop) (hp : p) (hq : p → q) : q").run("simp [hp] at hq")
    assert r.get("goals") and "hq : q" in r["goals"][0], r


def test_simp_cancels_a_common_summand_as_the_inj_lemmas_do():
    r = Session("theorem t (a d : ℝ) (h₂ : a + 10 * d - 4 * d = 60 - 4 * d) : a + 20 * d = 135").run("simp at h₂")
    assert r.get("goals") and "h₂ : a + 10 * d = 60" in r["goals"][0], r
    r = Session("theorem t (a b : ℕ) (h : a + 3 = b + 3) : a = b").run("simp at h")
    assert r.get("goals") and "h : a = b" in r["goals"][0], r
    # ℕ subtraction truncates: a - 3 = b - 3 does not give a = b (a = 1, b = 2)
    assert "message" in Session("theorem t (a b : ℕ) (h : a - 3 = b - 3) : a = b").run("simp at h")


def test_reversed_hypothesis_rewrites_right_to_left():
    stmt = "theorem t (x y : ℝ) (f : ℝ → ℝ) (h : x = 2 * y) : f (2 * y) = 3"
    r = Session(stmt).run("simp only [← h]")
    assert r.get("goals") and r["goals"][0].endswith("⊢ f x = 3"), r
    assert "message" in Session(stmt).run("simp only [h]")  # no x to rewrite: no progress


def test_library_lemmas_and_hypotheses_rewrite_to_one_fixpoint():
    # `Int.mul_emod` exposes `a % 3`, which `h` then rewrites; the closed rest is evaluated
    head = "theorem t (a b : ℤ) (h : a % 3 = 2) (hb : b % 3 = 1)"
    assert proves(f"{head} : (a * a + b) % 3 = 2 := by\n  simp [h, hb, Int.add_emod, Int.mul_emod]")
    s = Session(f"{head} : (a * a + b) % 3 = 1")
    assert not s.closes("simp [h, hb, Int.add_emod, Int.mul_emod]")
    assert not s.closes("simp [h, hb, Int.add_emod, Int.mul_emod] <;> omega")


def test_simp_elaborates_its_arguments_even_when_the_goal_is_decided():
    # Lean elaborates `simp [...]`'s terms before simplifying: a false `show … by norm_num` fails even
    # though the closed goal is one the simprocs decide
    goal = "theorem t : (2000 + 2001) % 7 = 4"
    assert proves(f"{goal} := by\n  simp")
    assert proves(f"{goal} := by\n  simp [show (2000 : ℕ) % 7 = 5 by norm_num]")
    assert not proves(f"{goal} := by\n  simp [show (2000 : ℕ) % 7 = 6 by norm_num]")
    assert not proves(f"{goal} := by\n  simp [no_such_lemma]")


def test_simp_decides_comparisons_of_numerals_but_not_parity_or_primality():
    # Lean's simp folds literal comparisons (simprocs) but runs no `decide` and no norm_num extension:
    # `Nat.Prime 7` and `Even 4` stay for `norm_num` or `decide`
    for goal in ("Nat.Prime 7", "Even (4 : ℕ)", "Odd (7 : ℤ)", "Nat.Prime 7 ∧ 2 < 3"):
        assert not proves(f"theorem t : {goal} := by\n  simp"), goal
        assert not proves(f"theorem t : {goal} := by\n  simp only []"), goal
        assert proves(f"theorem t : {goal} := by\n  decide"), goal
    assert proves("theorem t : Nat.Prime 7 := by\n  norm_num")
    assert proves("theorem t : (12 : ℕ) < 13 ∧ 3 ∣ 12 := by\n  simp")


def test_simp_all_elaborates_the_facts_it_is_given():
    # Lean elaborates `simp_all [show P by tac]` first: a false stated fact is an error, not ignored
    head = "theorem t (x : ℕ) (h : x = 2) : x + 1 = 3 := by\n  simp_all "
    assert proves(head + "[show (2 : ℕ) = 2 by norm_num]")
    assert not proves(head + "[show (2 : ℕ) = 3 by norm_num]")
    assert not proves(head + "[(by norm_num : (2 : ℕ) = 3)]")
