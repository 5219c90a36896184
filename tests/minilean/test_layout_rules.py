"""Lean's layout rules for tactic blocks, as the pinned Lean (v4.33) reads them."""

from __future__ import annotations

from .helpers import check, errors, proves


def test_then_all_at_the_start_of_a_line_continues_the_tactic_before_it():
    src = "theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q := by\n  constructor\n  <;> assumption"
    assert proves(src)
    # the continued tactic runs on every goal: without `<;>`, `assumption` closes only the first
    assert errors(check("theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q := by\n  constructor\n  assumption"))


def test_then_all_line_may_sit_left_of_the_block():
    src = "theorem t (a b : ℝ) (h : a = b) : a ≤ b ∧ b ≤ a := by\n    constructor\n  <;> linarith"
    assert proves(src)


def test_a_command_word_at_the_start_of_a_line_ends_the_block():
    r = check("theorem t : True := by\n  trivial\ntheorem u : 1 = 1 := by\n  rfl")
    assert not r.get("messages")


def test_column_zero_block_is_not_read_as_the_proof():
    # `tacticSeqIndentGt`: the recorded v4.33 REPL answers "unsolved goals" at `by`, then
    # "expected command" at the column-0 tactic (transcript `line_breaks`)
    r = check("theorem foo : 1 = 1 := by\nsorry")
    assert errors(r) == ["unsolved goals\n⊢ 1 = 1", "unexpected token 'sorry'; expected command"]
