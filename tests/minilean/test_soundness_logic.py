"""Property tests: whatever MiniLean proves about random propositional statements is a tautology."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leangym.minilean.repl import MiniLeanRepl

ATOMS = ("p", "q", "r")
SCRIPTS = [
    "intro h", "intros", "constructor", "left", "right", "assumption", "contradiction", "trivial", "exfalso",
    "tauto", "intro h\nexact h", "rintro ⟨h1, h2⟩", "rintro (h | h)", "by_cases hp : p", "by_contra hc",
    "push_neg", "constructor <;> intro h", "all_goals assumption", "any_goals contradiction",
    "repeat constructor", "exact fun h => h", "exact ⟨fun h => h, fun h => h⟩", "apply And.intro",
    "cases h", "obtain ⟨a, b⟩ := h", "rcases h with a | b", "exact absurd h h", "exact h.1", "exact h.2",
    "exact Or.inl h", "exact Or.inr h", "first | assumption | contradiction", "exact h.mp", "trivial <;> tauto",
    "all_goals tauto", "any_goals tauto", "tauto", "constructor <;> tauto",
]


def formulas(depth: int):
    leaf = st.sampled_from(list(ATOMS) + ["True", "False"])
    if depth == 0:
        return leaf
    sub = formulas(depth - 1)
    return st.one_of(
        leaf,
        st.builds(lambda a: ("¬", a), sub),
        st.builds(lambda op, a, b: (op, a, b), st.sampled_from(["∧", "∨", "→", "↔"]), sub, sub),
    )


def show(f) -> str:
    if isinstance(f, str):
        return f
    if f[0] == "¬":
        return f"¬({show(f[1])})"
    return f"({show(f[1])} {f[0]} {show(f[2])})"


def truth(f, env) -> bool:
    if isinstance(f, str):
        return {"True": True, "False": False}.get(f, env.get(f, False))
    if f[0] == "¬":
        return not truth(f[1], env)
    a, b = truth(f[1], env), truth(f[2], env)
    return {"∧": a and b, "∨": a or b, "→": (not a) or b, "↔": a == b}[f[0]]


def tautology(f, hyps=()) -> bool:
    for vals in itertools.product((False, True), repeat=len(ATOMS)):
        env = dict(zip(ATOMS, vals))
        if all(truth(h, env) for h in hyps) and not truth(f, env):
            return False
    return True


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(formulas(3), st.lists(formulas(2), max_size=2), st.lists(st.sampled_from(SCRIPTS), min_size=1, max_size=4))
def test_closed_proofs_are_tautologies(goal, hyps, script):
    repl = MiniLeanRepl()
    binders = " ".join(f"(h{i} : {show(h)})" for i, h in enumerate(hyps))
    src = f"theorem t (p q r : Prop) {binders} : {show(goal)} := by\n" + "\n".join(
        "  " + line for s in script for line in s.split("\n"))
    r = repl.handle({"cmd": src})
    closed = not r.get("messages") and not r.get("sorries")
    if closed:
        assert tautology(goal, hyps), src
    # the same script step by step in tactic mode must agree
    r0 = repl.handle({"cmd": f"theorem t (p q r : Prop) {binders} : {show(goal)} := by sorry"})
    sid = r0["sorries"][0]["proofState"]
    for s in script:
        step = repl.handle({"tactic": s, "proofState": sid})
        if "message" in step:
            break
        sid = step["proofState"]
        if step["proofStatus"] == "Completed":
            assert tautology(goal, hyps), (src, s)


def test_tautologies_are_provable_by_tauto():
    assert tautology(("→", ("∧", "p", "q"), "p"))
    r = MiniLeanRepl().handle({"cmd": "theorem t (p q : Prop) : p ∧ q → p := by tauto"})
    assert "messages" not in r
    r = MiniLeanRepl().handle({"cmd": "theorem t (p q : Prop) : p ∨ q → p := by tauto"})
    assert r["messages"][0]["severity"] == "error"
