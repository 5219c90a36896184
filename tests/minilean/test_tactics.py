"""Every core tactic: a success case and a failure case, in tactic mode (REPL proof states)."""

from __future__ import annotations

import pytest

from .helpers import Session, check, errors, proves

PQ = "theorem t (p q r : Prop) (hp : p) (hq : q)"

SUCCESS = [
    (PQ + " : p", "exact hp"),
    (PQ + " : p", "assumption"),
    (PQ + " : p ∧ q", "exact ⟨hp, hq⟩"),
    (PQ + " : p ∧ q", "exact And.intro hp hq"),
    (PQ + " : p ∧ q", "constructor\n· exact hp\n· exact hq"),
    (PQ + " : p ∧ q", "constructor <;> assumption"),
    (PQ + " : p ∧ q", "refine ⟨?_, hq⟩\nexact hp"),
    (PQ + " : p ∨ r", "left; exact hp"),
    (PQ + " : r ∨ q", "right\nexact hq"),
    (PQ + " : r ∨ q", "exact Or.inr hq"),
    (PQ + " : r → p", "intro _; exact hp"),
    (PQ + " : r → p", "exact fun _ => hp"),
    (PQ + " : p ↔ p", "constructor <;> intro h <;> exact h"),
    (PQ + " : p ↔ q", "exact ⟨fun _ => hq, fun _ => hp⟩"),
    (PQ + " : True", "trivial"),
    (PQ + " : q ∧ p", "apply And.intro\nexact hq\nexact hp"),
    (PQ + " (h : p → r) : r", "apply h\nexact hp"),
    (PQ + " (h : p → q → r) : r", "exact h hp hq"),
    (PQ + " (h : p ∧ r) : r", "exact h.2"),
    (PQ + " (h : p ∧ r) : r", "exact h.right"),
    (PQ + " (h : p ↔ r) : r", "exact h.mp hp"),
    (PQ + " (h : p ↔ r) : r", "exact h.1 hp"),
    (PQ + " (h : ¬p) : r", "exact absurd hp h"),
    (PQ + " (h : ¬p) : r", "exfalso; exact h hp"),
    (PQ + " (h : ¬p) : r", "contradiction"),
    (PQ + " (h : False) : r", "exact False.elim h"),
    (PQ + " (h : False) : r", "cases h"),
    (PQ + " (h : p ∧ r) : r", "obtain ⟨h1, h2⟩ := h\nexact h2"),
    (PQ + " (h : p ∧ q ∧ r) : r", "obtain ⟨_, _, h3⟩ := h\nexact h3"),
    (PQ + " (h : r ∨ p) : p", "rcases h with h1 | h2\n· exact hp\n· exact h2"),
    (PQ + " (h : r ∨ p) : p", "cases h with\n| inl h1 => exact hp\n| inr h2 => exact h2"),
    (PQ + " (h : r ∨ p) : p", "cases h\ncase inl h1 => exact hp\ncase inr h2 => exact h2"),
    (PQ + " (h : r ∨ p) : p", "cases h <;> assumption"),
    (PQ + " (h : r ∨ p) : p", "rcases h with h | h\nall_goals exact hp"),
    (PQ + " : p ∧ q", "constructor\nany_goals exact hp\nexact hq"),
    (PQ + " : p ∧ q", "constructor\nall_goals first | exact hq | exact hp"),
    (PQ + " : p ∧ q", "constructor\ntry exact hq\nexact hp\nexact hq"),
    (PQ + " : p ∧ q ∧ p", "repeat constructor\nall_goals assumption"),
    (PQ + " : p", "skip\nexact hp\ndone"),
    (PQ + " : p", "have h2 : q := hq\nexact hp"),
    (PQ + " : p", "have h2 : p := by exact hp\nexact h2"),
    (PQ + " : p", "have h2 : p\n· exact hp\nexact h2"),
    (PQ + " : p", "show p\nexact hp"),
    (PQ + " : p", "by_cases hr : r\n· exact hp\n· exact hp"),
    (PQ + " : p", "by_contra hn\nexact hn hp"),
    (PQ + " : p", "sleep 1\nexact hp"),
    (PQ + " : p ∧ q", "constructor\ncase right => exact hq\ncase left => exact hp"),
    (PQ + " (h : ∀ x : ℕ, x = x → r) : r", "exact h 0 rfl"),
    (PQ + " (h : ∀ x : ℕ, x = x → r) : r", "apply h 3\nrfl"),
    (PQ + " (h : ∀ x : ℕ, x = x → r) : r", "specialize h 2 rfl\nexact h"),
    ("theorem t : ∀ n : ℕ, n = n", "intro n\nrfl"),
    ("theorem t : ∃ n : ℕ, n = 2", "exact ⟨2, rfl⟩"),
    ("theorem t : ∃ n : ℕ, n = 2", "use 2"),
    ("theorem t : 2 + 2 = 4", "rfl"),
    ("theorem t : 2 + 2 = 4", "decide"),
    ("theorem t (x : ℕ) (h : x = 2) : x = 2", "exact h"),
    ("theorem t (α : Type) (P : α → Prop) (a : α) (h : ∀ x, P x) : ∃ x, P x", "exact ⟨a, h a⟩"),
    ("theorem t (α : Type) (P Q : α → Prop) (h : ∃ x, P x ∧ Q x) : ∃ x, Q x",
     "obtain ⟨x, -, hx⟩ := h\nexact ⟨x, hx⟩"),
    ("theorem t (p q : Prop) : ¬(p ∨ q) → ¬p", "intro h hp\nexact h (Or.inl hp)"),
    ("theorem t (p q : Prop) (h : ¬(p ∨ q)) : ¬p ∧ ¬q", "push_neg at h\nexact h"),
    ("theorem t (n : ℕ) : n + 0 = n", "induction n with\n| zero => rfl\n| succ k ih => sorry"),
    ("theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q", "rintro\nexact ⟨hp, hq⟩"),
    ("theorem t (p q : Prop) : p ∧ q → q", "rintro ⟨_, hq⟩\nexact hq"),
    ("theorem t (p q : Prop) : p ∨ q → q ∨ p", "rintro (h | h)\n· exact Or.inr h\n· exact Or.inl h"),
]


@pytest.mark.parametrize("statement,script", SUCCESS)
def test_tactic_success(statement, script):
    s = Session(statement)
    r = s.run(script)
    assert "message" not in r, r
    assert r["goals"] == [], r
    if "sorry" not in script:
        assert r["proofStatus"] == "Completed", r
    # the same proof as a whole command checks too
    body = "\n".join("  " + line for line in script.split("\n"))
    whole = check("import Mathlib\n" + statement + " := by\n" + body)
    assert not errors(whole), whole


FAILURE = [
    (PQ + " : r", "exact hp", "type mismatch"),
    (PQ + " : r", "exact hz", "Unknown identifier"),
    (PQ + " : r", "assumption", "assumption"),
    (PQ + " : r", "contradiction", "contradiction"),
    (PQ + " : p", "constructor", "constructor"),
    (PQ + " : p", "left", "left"),
    (PQ + " : p", "intro h", "introN"),
    (PQ + " : r", "trivial", "trivial"),
    (PQ + " : r ∧ q", "exact ⟨hp, hq⟩", "type mismatch"),
    (PQ + " (h : p → q) : r", "apply h", "unify"),
    (PQ + " : r", "exact h.1", "Unknown identifier"),
    (PQ + " (h : p ∨ q) : p", "exact h.1", "Invalid field"),
    (PQ + " : p", "foo", "unknown tactic"),
    (PQ + " : p", "exact hp\nexact hp", "No goals"),
    (PQ + " : p ∧ q", "constructor\n· exact hq", "type mismatch"),
    (PQ + " : p ∧ q", "constructor\n· skip", "unsolved goals"),
    (PQ + " : p", "done", "unsolved goals"),
    (PQ + " : p", "first | exact hq | exact hq", "type mismatch"),
    (PQ + " : p ∧ q", "constructor\nall_goals exact hp", "type mismatch"),
    (PQ + " : p ∧ q", "case foo => exact hp", "Case tag"),
    (PQ + " : p", "rfl", "rfl"),
    (PQ + " : p", "exact ⟨hp, hq⟩", "invalid constructor"),
    ("theorem t : 2 + 2 = 5", "rfl", "rfl"),
    ("theorem t : 2 + 2 = 5", "decide", "decide"),
    ("theorem t (x : ℕ) : x = 3", "rfl", "rfl"),
    ("theorem t : ∃ n : ℕ, n = 2", "exact ⟨3, rfl⟩", "rfl"),
    ("theorem t (α : Type) (P : α → Prop) (h : ∃ x, P x) : ∀ x, P x", "intro x\nexact h", "type mismatch"),
]


@pytest.mark.parametrize("statement,script,fragment", FAILURE)
def test_tactic_failure(statement, script, fragment):
    s = Session(statement)
    r = s.run(script)
    text = r.get("message", "") + "".join(m["data"] for m in r.get("messages", []))
    assert r.get("proofStatus") != "Completed", r
    assert fragment.lower() in text.lower(), r


def test_failure_leaves_state_usable_and_numbering_like_lean():
    s = Session(PQ + " : p ∧ q")
    assert "message" in s.run("exact hq")
    r = s.run("constructor")
    assert r["goals"][0].startswith("case left") and r["goals"][1].startswith("case right")
    r2 = s.run("exact hp", r["proofState"])
    assert r2["goals"] == [r["goals"][1]]
    assert s.run("exact hq", r2["proofState"])["proofStatus"] == "Completed"


def test_whole_command_errors_have_positions():
    r = check("theorem t (p q : Prop) (hp : p) : q := by\n  exact hp")
    (m,) = r["messages"]
    assert m["pos"] == {"line": 2, "column": 8} and m["endPos"] == {"line": 2, "column": 10}
    assert m["data"].startswith("type mismatch")
    r = check("theorem t (p q : Prop) (hp : p) : p ∧ q := by\n  constructor\n  exact hp")
    (m,) = r["messages"]
    assert m["data"] == "unsolved goals\ncase right\np q : Prop\nhp : p\n⊢ q"
    assert m["pos"] == {"line": 1, "column": 43} and m["endPos"] == {"line": 3, "column": 10}


def test_cdot_recovers_and_reports_each_failed_bullet():
    r = check("theorem t (p q : Prop) (hp : p) : p ∧ q := by\n  constructor\n  · exact hq\n  · exact hp")
    assert len(errors(r)) == 2


def test_whole_proofs():
    assert proves("theorem t (p q : Prop) : p ∧ q → q ∧ p := by\n  intro ⟨hp, hq⟩\n  exact ⟨hq, hp⟩")
    assert proves("theorem t (p q : Prop) : p ∧ q → q ∧ p := fun h => ⟨h.2, h.1⟩")
    assert not proves("theorem t (p q : Prop) : p ∨ q → q ∧ p := fun h => ⟨h.2, h.1⟩")
    assert not proves("theorem t (p : Prop) : p := by sorry")
