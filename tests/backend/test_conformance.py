"""The backend reading what real Lean printed: states, branching, closing, errors (replayed transcripts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leangym.backend.api import LeanError, Message, ProofClosed, ProofState
from leangym.backend.pool import LeanPool
from leangym.backend.repl_backend import parse_axioms, tactic_outcome
from leangym.problems import Problem
from leangym.repl.replay import load_transcript, replay_command

pytestmark = pytest.mark.timeout(60)


def replay_backend(transcripts_dir: Path, *names: str) -> LeanPool:
    return LeanPool(replay_command([transcripts_dir / n for n in names]), workers=1, start_timeout=30, engine="lean")


def test_branching_proof_to_completed(transcripts_dir: Path):
    p = Problem("complex_and", "theorem complex_and (p q r : Prop) (h1 : p ∧ q) (h2 : q → r) : p ∧ r")
    with replay_backend(transcripts_dir, "proof_branching.in") as b:
        root = b.start(p)
        assert isinstance(root, ProofState) and root.goals == ("p q r : Prop\nh1 : p ∧ q\nh2 : q → r\n⊢ p ∧ r",)
        s1 = b.run_tactic(root, "apply And.intro")
        assert isinstance(s1, ProofState) and len(s1.goals) == 2 and s1.goals[0].startswith("case left")
        s2 = b.run_tactic(s1, "exact h1.left")
        s3 = b.run_tactic(s2, "apply h2")
        assert isinstance(s3, ProofState) and s3.goals[0].endswith("⊢ q") and s3.tactics == ("apply And.intro", "exact h1.left", "apply h2")
        done = b.run_tactic(s3, "exact h1.right")
        assert done == ProofClosed(p, ("apply And.intro", "exact h1.left", "apply h2", "exact h1.right"))


def test_branching_from_the_root_twice(transcripts_dir: Path):
    p = Problem("f", "def f : Nat")
    with replay_backend(transcripts_dir, "proof_step.in") as b:
        root = b.start(p)
        assert isinstance(b.run_tactic(root, "apply Int.natAbs"), ProofState)
        other = b.run_tactic(root, "have t : Nat := 42")
        assert isinstance(other, ProofState) and other.goals == ("t : Nat\n⊢ Nat",)
        assert isinstance(b.run_tactic(other, "exact t"), ProofClosed)


def test_error_with_empty_goals_is_not_closed(transcripts_dir: Path):
    """Real Lean answers an unknown identifier with goals [] plus an error: that is a failure."""
    p = Problem("my_theorem", "theorem my_theorem (x : Nat) : x = x")
    with replay_backend(transcripts_dir, "invalid_tactic.in") as b:
        root = b.start(p)
        out = b.run_tactic(root, "exact my_fake_premise")
        assert isinstance(out, LeanError) and "Unknown identifier" in out.message and out.state == root


def test_unknown_tactic_message_reply(transcripts_dir: Path):
    with replay_backend(transcripts_dir, "unknown_tactic.in") as b:
        out = b.run_tactic(b.start(Problem("f", "def f : Nat")), "exat 42")
        assert isinstance(out, LeanError) and out.message == "Lean error:\n<input>:1:1: unknown tactic" and out.kind == "lean"


def test_mathlib_header_reused_and_info_message_still_closes(transcripts_dir: Path):
    """`exact?` completes with an info message (closed); the header env 0 is reused for a second problem."""
    with replay_backend(transcripts_dir, "Mathlib/test/exact.in") as b:
        s = b.start(Problem("test", "theorem test : 0 < 1", header="import Mathlib"))
        assert isinstance(s, ProofState) and s.goals == ("⊢ 0 < 1",)
        assert isinstance(b.run_tactic(s, "exact?"), ProofClosed)
        s2 = b.start(Problem("test", "theorem test : 3 = 7", header="import Mathlib"))
        assert isinstance(s2, ProofState) and s2.handle[2] == 2
        out = b.run_tactic(s2, "exact?")
        assert isinstance(out, LeanError) and "could not close the goal" in out.message


def test_sorry_subgoals_are_a_dead_end(transcripts_dir: Path):
    with replay_backend(transcripts_dir, "Mathlib/test/induction.in") as b:
        root = b.start(Problem("foo", "theorem foo (x : Nat) : x = x", header="import Mathlib"))
        s1 = b.run_tactic(root, "induction x")
        assert isinstance(s1, ProofState) and len(s1.goals) == 2
        assert isinstance(b.run_tactic(s1, "next => rfl"), ProofState)
        out = b.run_tactic(root, "induction x with\n| zero => sorry\n| succ x => sorry")
        assert isinstance(out, LeanError) and "sorry" in out.message


def test_multiline_statement_under_a_multiline_header(transcripts_dir: Path):
    p = Problem(
        "mathd_algebra_455",
        "theorem mathd_algebra_455\n  (x : Nat)\n  (h : 2 * (2 * (2 * (2 * x))) = 48) :\n  x = 3",
        header="import Mathlib\nopen BigOperators\nopen Real\nopen Nat",
    )
    with replay_backend(transcripts_dir, "Mathlib/test/pickle.in") as b:
        s = b.start(p)
        assert isinstance(s, ProofState) and s.goals == ("x : ℕ\nh : 2 * (2 * (2 * (2 * x))) = 48\n⊢ x = 3",)


@pytest.mark.parametrize(
    ("reply_index", "name", "expected"),
    [
        (4, "app_type_mismatch.in", "metavariable"),  # goals [] with "contains metavariable(s)": not closed
        (1, "tactic_mode_sorry.in", "sorry"),  # goals [] with "contains sorry": not closed
        (1, "Mathlib/test/20240209.in", "unsolved goals"),  # goals [] with an error: not closed
    ],
)
def test_recorded_empty_goal_replies_never_close(transcripts_dir: Path, reply_index, name, expected):
    reply = json.loads(load_transcript(transcripts_dir / name)[reply_index][1])
    assert reply["goals"] == []
    state = ProofState(Problem("x", "theorem x : True"), ("⊢ True",), (), (0, "t", 0))
    out = tactic_outcome(reply, state, "tac", (0, "t"))
    assert isinstance(out, LeanError) and expected in out.message


def test_parse_axioms_shapes():
    assert parse_axioms([Message("info", "'x' depends on axioms: [propext, Classical.choice, Quot.sound]")]) == (
        "propext",
        "Classical.choice",
        "Quot.sound",
    )
    assert parse_axioms([Message("info", "'x' does not depend on any axioms")]) == ()
    assert parse_axioms([Message("info", "something else")]) is None
