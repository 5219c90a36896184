"""The column-0 layout option: tactic blocks at column 0 after ``:= by``, as the older Lean that judged
many published proofs read them. The pinned Lean's layout stays the default."""

from __future__ import annotations

import subprocess
import sys

import pytest

from leangym.errors import ConfigError
from leangym.minilean.repl import LAYOUT_ENV_VAR, MiniLeanRepl


def run(src: str, layout: str | None = "column0") -> dict:
    return MiniLeanRepl(raise_internal=True, layout=layout).handle({"cmd": src})


def errors(r: dict) -> list[str]:
    return [m["data"] for m in r.get("messages", []) if m["severity"] == "error"]


def test_column0_block_is_the_proof():
    src = "theorem t (a b : ℝ) (h : a < b) : a ≤ b ∧ a ≠ b := by\nconstructor\n· linarith\n· intro e\n  linarith"
    assert run(src) == {"env": 0}


def test_pinned_layout_is_the_default_and_refuses_it(monkeypatch):
    monkeypatch.delenv(LAYOUT_ENV_VAR, raising=False)
    r = run("theorem foo : 1 = 1 := by\nsorry", layout=None)
    assert errors(r) == ["unsolved goals\n⊢ 1 = 1", "unexpected token 'sorry'; expected command"]


def test_column0_block_still_checks_every_tactic():
    # a wrong step inside the block is an error, a missing one leaves the goal unsolved
    assert errors(run("theorem t (x : ℕ) (h : x = 2) : x + x = 5 := by\nsubst h\nnorm_num"))
    r = run("theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q := by\nconstructor\nexact hp")
    assert errors(r) and errors(r)[0].startswith("unsolved goals")


def test_column0_block_ends_at_a_command():
    src = ("theorem t : 2 + 2 = 4 := by\nnorm_num\n\ntheorem u (x : ℕ) : x + 0 = x := by\nsimp\n"
           "open Real\nexample : (1 : ℝ) < 2 := by\nnorm_num\nend")
    r = run(src)
    assert not errors(r), r
    # the second theorem's block did not swallow a false third one
    assert errors(run("theorem t : 1 = 1 := by\nrfl\ntheorem u : 1 = 2 := by\nrfl"))


def test_column0_then_all_lines_and_comments():
    src = ("theorem t (a b : ℝ) (h₀ : a = 1) (h₁ : b = 2) : a + b = 3 ∧ b - a = 1 := by\n"
           "-- split the goal\nconstructor\n\n<;> subst h₀ h₁\n<;> norm_num")
    assert run(src) == {"env": 0}


def test_indented_blocks_read_the_same_in_both_layouts():
    src = "theorem t (n : ℕ) (h : n < 3) : n - 5 = 0 := by\n  omega"
    assert run(src) == run(src, "lean-4.33") == {"env": 0}
    false = "theorem t (n : ℕ) (h : 2 < n) : n - 5 + 5 = n := by\n  omega"
    assert errors(run(false)) and errors(run(false, "lean-4.33"))


def test_layout_from_the_environment_and_bad_values(monkeypatch):
    monkeypatch.setenv(LAYOUT_ENV_VAR, "column0")
    assert run("theorem foo : 1 = 1 := by\nrfl", layout=None) == {"env": 0}
    monkeypatch.setenv(LAYOUT_ENV_VAR, "lean3")
    with pytest.raises(ConfigError, match="lean-4.33"):
        MiniLeanRepl()


def test_repl_server_flag():
    req = '{"cmd": "theorem foo : 1 = 1 := by\\nrfl"}\n\n'
    out = subprocess.run([sys.executable, "-m", "leangym.minilean", "--layout", "column0"], input=req,
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.strip() == '{"env": 0}'


def test_then_all_at_a_line_end_takes_the_next_line_at_the_block_column():
    src = "theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q := by\n  constructor <;>\n  assumption"
    assert run(src, "lean-4.33") == {"env": 0}
    assert run(src.replace("  ", ""), "column0") == {"env": 0}
    # the tactic after `<;>` still has to close every goal it runs on
    wrong = "theorem t (p q : Prop) (hp : p) : p ∧ q := by\n  constructor <;>\n  assumption"
    assert errors(run(wrong, "lean-4.33"))
    # and `<;>` with nothing after it before the next command is a parse error, not a skipped step
    assert errors(run("theorem t (p : Prop) (hp : p) : p := by\nexact hp <;>\ntheorem u : 1 = 1 := rfl"))


def test_nested_cases_alternatives_left_of_a_mid_line_block():
    # Lean's `withPosition((colGe inductionAlt)+)`: the inner alternatives may sit left of the inner
    # `cases` (which began mid-line), and stop at the outer ones, further left
    src = ("theorem t (p q : Prop) (h : p ∨ q) (g : p ∨ q) : q ∨ p := by\n  cases h with\n"
           "  | inl h => cases g with\n    | inl g => right; exact g\n    | inr g => left; exact g\n"
           "  | inr h => left; exact h")
    assert run(src, "lean-4.33") == {"env": 0}
    # each alternative still has to close its goal
    assert errors(run(src.replace("| inr g => left; exact g", "| inr g => right; exact g"), "lean-4.33"))
