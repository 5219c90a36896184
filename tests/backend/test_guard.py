"""The action guard: commands, escape hatches and long actions are refused; real tactics pass."""

from __future__ import annotations

import pytest

from leangym.backend.guard import check_tactic, rejection_reason

ALLOWED = [
    "intro h",
    "constructor <;> simp",
    "nlinarith [sq_nonneg (a - b), sq_nonneg (a + b)]",
    "rcases h with ⟨x, hx⟩ | h",
    "have h2 : x = 2 := by\n  linarith",
    "open Real in exact pi_pos",
    "set_option maxHeartbeats 400000 in nlinarith [h]",
    "simp [Nat.def_eq]  -- theorem in a comment is fine",
    "/- #eval and axiom inside a block comment -/ rfl",
    'exact "theorem"',
    "exact «theorem»",
    "norm_num [h.end_pos, Finset.sum_range_succ]",
    "exact #[1, 2].size_pos",
    "induction n with\n| zero => simp\n| succ k ih => omega",
    "rw [h'] at h'",
    "exact 'a'",
    "exact r\"theorem\"",
    "exact r#\"a \"theorem\" b\"#",
    "simp [h₁', h₂']",
]

REJECTED = [
    ("#eval 1", "#eval"),
    ("rfl\n#print axioms foo", "#print"),
    ("import Mathlib", "import"),
    ("rfl\ntheorem t : False := sorry", "theorem"),
    ("lemma x : True := trivial", "lemma"),
    ("def f := 1", "def"),
    ("axiom cheat : False", "axiom"),
    ("instance : Inhabited Nat := ⟨0⟩", "instance"),
    ("example : True := trivial", "example"),
    ("set_option maxHeartbeats 0", "without `in`"),
    ("set_option debug.skipKernelTC true in rfl", "debug.skipKernelTC"),
    ("namespace Foo", "namespace"),
    ("section", "section"),
    ("rfl\nend", "end"),
    ("open Classical", "without `in`"),
    ("macro \"x\" : tactic => `(tactic| rfl)", "macro"),
    ("syntax \"foo\" : tactic", "syntax"),
    ("elab \"t\" : tactic => pure ()", "elab"),
    ("attribute [simp] foo", "attribute"),
    ("@[simp] theorem x : True := trivial", "attributes"),
    ("run_cmd pure ()", "run_cmd"),
    ("run_tac Lean.Elab.Tactic.evalTactic", "run_tac"),
    ("native_decide", "native_decide"),
    ("exact Lean.ofReduceBool _ _ rfl", "ofReduceBool"),
    ("exact sorryAx _ false", "sorryAx"),
    ("   \n ", "empty"),
    ("x" * 5000, "over the limit of 4096"),
    ("rfl\x00", "NUL"),
    # lexical disguises found by a red team: each would hide a later command from a naive scanner
    ("1theorem t : False := sorry", "theorem"),
    ("exact '\"'\ntheorem t : False := sorry", "theorem"),
    ("exact r\"\\\" \naxiom t : False", "axiom"),
    ("exact r#\"a\"# \n#eval 1", "#eval"),
]


@pytest.mark.parametrize("tactic", ALLOWED)
def test_real_tactics_pass(tactic):
    assert rejection_reason(tactic) is None


@pytest.mark.parametrize(("tactic", "why"), REJECTED)
def test_escapes_are_rejected_with_the_reason(tactic, why):
    reason = rejection_reason(tactic)
    assert reason is not None and why in reason
    assert check_tactic(tactic).startswith("leangym: action rejected: ")


def test_megabyte_action_rejected_fast():
    assert "over the limit" in rejection_reason("simp " * 200_000)


def test_limit_is_configurable():
    assert rejection_reason("x" * 5000, max_chars=10_000) is None
    assert rejection_reason("intro h", max_chars=3) is not None


def test_non_string_action():
    assert "expected a tactic string" in rejection_reason(42)  # type: ignore[arg-type]
