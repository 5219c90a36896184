"""REPL protocol round-trips: recorded real-Lean transcripts, in-process and through the subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leangym.errors import ReplTimeout
from leangym.minilean.conformance import split_requests
from leangym.minilean.jsonfmt import dumps
from leangym.minilean.repl import MiniLeanRepl

# Transcripts entirely inside MiniLean's fragment: every response must match real Lean exactly.
EXACT = [
    "assumption_proof",
    "by_cases",
    "have_by_sorry",
    "dup_sorries",
    "proof_branching",
    "proof_branching2",
    "sorry_hypotheses",
    "invalid_tactic",
    "line_breaks",
    "invalid_line_break",
    "no_goal_sorry_2",
    "unknown_proof_state",
    "unknown_tactic",
]


def _pairs(transcripts_dir, name):
    reqs = split_requests((transcripts_dir / f"{name}.in").read_text())
    outs = [json.loads(b) for b in (transcripts_dir / f"{name}.expected.out").read_text().split("\n\n") if b.strip()]
    return list(zip(reqs, outs))


@pytest.mark.parametrize("name", EXACT)
def test_transcript_in_process(transcripts_dir, name):
    repl = MiniLeanRepl()
    for req, want in _pairs(transcripts_dir, name):
        assert repl.handle(json.loads(req, strict=False)) == want, req


@pytest.mark.parametrize("name", ["assumption_proof", "proof_branching", "by_cases", "invalid_line_break"])
def test_transcript_through_subprocess_is_byte_identical(transcripts_dir, name):
    src = (transcripts_dir / f"{name}.in").read_text()
    want = (transcripts_dir / f"{name}.expected.out").read_text()
    out = subprocess.run([sys.executable, "-m", "leangym.minilean"], input=src, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip("\n") == want.strip("\n")


def test_json_printer_matches_every_recorded_response(transcripts_dir):
    n = 0
    for f in transcripts_dir.rglob("*.expected.out"):
        for block in f.read_text().split("\n\n"):
            if block.strip():
                assert dumps(json.loads(block)) == block.strip("\n"), f
                n += 1
    assert n > 150


def test_subprocess_survives_malformed_json_and_one_request_per_line():
    src = '{"cmd": "example (p : Prop) (h : p) : p := by sorry"}\n{bad\n\n{"tactic": "exact h", "proofState": 0}\n'
    out = subprocess.run([sys.executable, "-m", "leangym.minilean"], input=src, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0
    blocks = [json.loads(b) for b in out.stdout.split("\n\n") if b.strip()]
    assert len(blocks) == 3
    assert blocks[1]["message"].startswith("Could not parse JSON")
    assert blocks[2]["proofStatus"] == "Completed"


def test_header_only_command_returns_env_and_env_chains():
    repl = MiniLeanRepl()
    assert repl.handle({"cmd": "import Mathlib\nimport Aesop\nset_option maxHeartbeats 400000\nopen Real Nat"}) == {"env": 0}
    r = repl.handle({"cmd": "theorem t (x : ℕ) : x = x := by sorry", "env": 0})
    assert r["sorries"][0]["goal"] == "x : ℕ\n⊢ x = x"
    assert repl.handle({"cmd": "example : True := trivial", "env": 99}) == {"message": "Unknown environment."}


def test_print_axioms():
    repl = MiniLeanRepl()
    repl.handle({"cmd": "theorem a (p : Prop) (hp : p) : p := by exact hp\n"
                        "theorem b (p : Prop) : p := by sorry\n"
                        "theorem c (p : Prop) : p ∨ ¬p := by\n  by_cases h : p\n  · exact Or.inl h\n  · exact Or.inr h"})
    def ax(name):
        r = repl.handle({"cmd": f"#print axioms {name}", "env": 0})
        (m,) = r["messages"]
        assert m["severity"] == "info"
        return m["data"]
    assert ax("a") == "'a' does not depend on any axioms"
    assert ax("b") == "'b' depends on axioms: [sorryAx]"
    assert ax("c") == "'c' depends on axioms: [propext, Classical.choice, Quot.sound]"


def test_failed_proof_depends_on_sorry_ax():
    repl = MiniLeanRepl()
    r = repl.handle({"cmd": "theorem a (p q : Prop) (hp : p) : q := by exact hp\n#print axioms a"})
    assert [m["severity"] for m in r["messages"]] == ["error", "info"]
    assert "sorryAx" in r["messages"][1]["data"]


def test_sleep_honours_timeout_and_records_nothing():
    repl = MiniLeanRepl()
    repl.handle({"cmd": "example (p : Prop) (h : p) : p := by sorry"})
    with pytest.raises(ReplTimeout):
        repl.handle({"tactic": "sleep 5000", "proofState": 0}, timeout=0.05)
    r = repl.handle({"tactic": "sleep 1", "proofState": 0}, timeout=5)
    assert r["proofState"] == 1 and r["goals"] == ["p : Prop\nh : p\n⊢ p"]
    with pytest.raises(ReplTimeout):
        repl.handle({"cmd": "example (p : Prop) (h : p) : p := by\n  sleep 5000\n  exact h"}, timeout=0.05)
    assert repl.handle({"cmd": "example : True := trivial"}) == {"env": 1}


def test_tactic_mode_sorries_and_status():
    repl = MiniLeanRepl()
    repl.handle({"cmd": "example (p q : Prop) (hp : p) (hq : q) : p ∧ q := by sorry"})
    r = repl.handle({"tactic": "constructor\nall_goals sorry", "proofState": 0})
    assert r["proofStatus"] == "Incomplete: contains sorry" and r["goals"] == []
    assert [s["proofState"] for s in r["sorries"]] == [1, 2]
    r = repl.handle({"tactic": "exact hp", "proofState": 1})
    assert r == {"proofStatus": "Completed", "proofState": 4, "goals": []}


def test_huge_and_garbage_inputs_give_clean_errors():
    repl = MiniLeanRepl()
    deep = "(" * 5000 + "p" + ")" * 5000
    r = repl.handle({"cmd": f"example (p : Prop) (h : p) : {deep} := h"})
    assert r["messages"][0]["severity"] == "error"
    long_sum = " + ".join(["x"] * 5000)
    r = repl.handle({"cmd": f"example (x : ℕ) : {long_sum} = 0 := sorry"})
    assert r["messages"][0]["severity"] == "error"
    sid = repl.handle({"cmd": "example (p : Prop) (h : p) : p := by sorry"})["sorries"][0]["proofState"]
    for junk in ["", "⟨⟨⟨", "exact (", "intro ⟩", "\u0000", "rw [", "cases h with | ", "·", "<;>"]:
        r = repl.handle({"tactic": junk, "proofState": sid})
        assert "message" in r and r["message"].startswith("Lean error:"), (junk, r)
    assert repl.handle({"tactic": "exact h", "proofState": sid})["proofStatus"] == "Completed"


TOKENS = ["intro", "h", "x", "exact", "apply", "⟨", "⟩", "(", ")", ",", ":", "=", "<", "+", "*", "-", "^", "2", "∀",
          "∃", "¬", "∧", "∨", "→", "fun", "=>", "·", "\n", "\n  ", ";", "<;>", "|", "rcases", "with", ":=", "by",
          "sorry", "cases", "induction", "rw", "[", "]", "←", "at", "simp", "linarith", "omega", "have", "show",
          "use", "constructor", "h.1", "ℝ", "ℕ", "_", "?_", "case", "inl", "first", "try", "repeat", "all_goals",
          "by_cases", "interval_cases", "{", "}", "%", "/", "∣", "--", "/-", "sleep", "tauto", "refine", "rfl"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=14))
def test_random_token_soup_never_breaks_the_repl(words):
    src = " ".join(words)
    repl = MiniLeanRepl(raise_internal=True)  # an engine bug raises MiniLeanInternalError
    repl.handle({"cmd": "import Mathlib"})
    sid = repl.handle({"cmd": "theorem t (x : ℝ) (p q : Prop) (h : p ∧ q) (n : ℕ) (hn : n < 3) : p ∨ x = x := by sorry",
                       "env": 0})["sorries"][0]["proofState"]
    for req in ({"tactic": src, "proofState": sid},
                {"cmd": f"theorem u (x : ℝ) (p q : Prop) (h : p ∧ q) : {src} := by\n  {src}", "env": 0}):
        out = repl.handle(req, timeout=5)
        assert isinstance(out, dict)
        if out.get("proofStatus") == "Completed":
            assert not out.get("messages")
