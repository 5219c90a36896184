"""Soundness of every goal-transforming tactic on random arithmetic statements.

For each step, under random assignments (Lean semantics, via ``arith.holds``): if the original
hypotheses hold and every goal the tactic leaves holds (under its own hypotheses), the original
target must hold. A closed goal is the special case with no subgoals. A second test runs random
tactic scripts on random *false* statements and fails if any proof closes.
"""

from __future__ import annotations

import random
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leangym.minilean import bridge
from leangym.minilean.arith import Unsupported, holds
from leangym.minilean.core.context import Goal
from leangym.minilean.repl import MiniLeanRepl

TYPES = ["ℕ", "ℤ", "ℚ", "ℝ"]
TACTICS = [
    "linarith", "nlinarith", "norm_num", "simp", "omega", "positivity", "ring_nf", "ring", "decide",
    "norm_num at *", "simp at *", "nlinarith [sq_nonneg (x - y), sq_nonneg (x + y)]", "linarith [sq_nonneg x]",
    "interval_cases x", "push_neg", "by_contra h", "constructor", "left", "right", "rw [h0]", "rw [← h0]",
    "rw [h0] at h1", "subst h0", "tauto", "rw [mul_comm]", "rw [add_comm]", "simp [h0]", "norm_num [h0]",
    "nlinarith [h0, h1]", "exact h0", "assumption", "contradiction", "trivial", "rfl", "by_cases h : x ≤ y",
    "rcases h0 with h | h", "obtain ⟨a, b⟩ := h0", "intro h", "use 1", "symm", "exfalso", "split_ifs",
    "positivity <;> linarith", "all_goals linarith", "any_goals nlinarith",
]


@st.composite
def terms(draw, depth=2):
    if depth == 0 or draw(st.booleans()):
        return draw(st.sampled_from(["x", "y", "0", "1", "2", "3"]))
    op = draw(st.sampled_from(["+", "-", "*", "*", "/", "%", "^"]))
    a = draw(terms(depth - 1))
    if op == "^":
        return f"({a}) ^ {draw(st.sampled_from(['2', '3']))}"
    return f"({a} {op} {draw(terms(depth - 1))})"


@st.composite
def comparisons(draw):
    op = draw(st.sampled_from(["=", "≠", "<", "≤", ">", "≥"]))
    return f"{draw(terms())} {op} {draw(terms())}"


@st.composite
def statements(draw):
    ty = draw(st.sampled_from(TYPES))
    hyps = draw(st.lists(comparisons(), max_size=3))
    goal = draw(comparisons())
    if draw(st.integers(0, 4)) == 0:
        goal = f"({goal}) {draw(st.sampled_from(['∧', '∨', '→']))} ({draw(comparisons())})"
    binders = "".join(f" (h{i} : {h})" for i, h in enumerate(hyps))
    return ty, f"theorem t (x y : {ty}){binders} : {goal}"


def _value(ty: str, rng: random.Random) -> Fraction:
    if ty == "ℕ":
        return Fraction(rng.randint(0, 6))
    if ty == "ℤ":
        return Fraction(rng.randint(-6, 6))
    return Fraction(rng.randint(-12, 12), rng.choice([1, 1, 2, 3]))


def _eval(goal: Goal, env_by_id: dict, names_ok: set[int]) -> tuple[bool, bool] | None:
    """(all hypotheses hold, target holds) for ``goal``, or None if it cannot be evaluated."""
    tr = bridge.for_goal(goal)
    names = goal.display_names()
    env = {}
    for h in goal.hyps:
        if not h.is_prop:
            if h.id not in names_ok:
                return None
            env[names[h.id]] = env_by_id[h.id]
    try:
        hyps_ok = all(holds(tr.prop(h.type), env) for h in goal.hyps if h.is_prop)
        return hyps_ok, holds(tr.prop(goal.target), env)
    except (Unsupported, bridge.NotArith, KeyError, ZeroDivisionError, ValueError, TypeError):
        return None


def assert_step_sound(before: Goal, after: list[Goal], seed: int, what: str) -> None:
    rng = random.Random(seed)
    data = [h for h in before.hyps if not h.is_prop]
    ids = {h.id for h in data}
    for _ in range(60):
        env_by_id = {h.id: _value(bridge.TY_NAME.get(h.type, "ℝ"), rng) for h in data}
        base = _eval(before, env_by_id, ids)
        if base is None:
            return
        hyps_ok, target_ok = base
        if not hyps_ok or target_ok:
            continue
        # hypotheses hold, target fails: some remaining goal must fail too
        for g in after:
            r = _eval(g, env_by_id, ids)
            if r is None or (r[0] and not r[1]):
                break
        else:
            raise AssertionError(f"unsound step {what}: counterexample {env_by_id}")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(statements(), st.sampled_from(TACTICS), st.integers(0, 10**6))
def test_every_tactic_step_is_sound(stmt, tactic, seed):
    _ty, src = stmt
    repl = MiniLeanRepl()
    repl.handle({"cmd": "import Mathlib"})
    r = repl.handle({"cmd": src + " := by sorry", "env": 0})
    if "sorries" not in r:
        return
    sid = r["sorries"][0]["proofState"]
    (before,) = repl.goals_of(sid)
    out = repl.handle({"tactic": tactic, "proofState": sid}, timeout=10)
    if "message" in out or out.get("messages"):
        return
    assert_step_sound(before, repl.goals_of(out["proofState"]), seed, f"{tactic!r} on {src!r}")


def _is_false(before: Goal, seed: int) -> bool:
    rng = random.Random(seed)
    data = [h for h in before.hyps if not h.is_prop]
    ids = {h.id for h in data}
    for _ in range(80):
        env = {h.id: _value(bridge.TY_NAME.get(h.type, "ℝ"), rng) for h in data}
        r = _eval(before, env, ids)
        if r is None:
            return False
        if r[0] and not r[1]:
            return True
    return False


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(statements(), st.lists(st.sampled_from(TACTICS), min_size=1, max_size=4), st.integers(0, 10**6))
def test_no_script_proves_a_false_statement(stmt, script, seed):
    _ty, src = stmt
    repl = MiniLeanRepl()
    repl.handle({"cmd": "import Mathlib"})
    r = repl.handle({"cmd": src + " := by sorry", "env": 0})
    if "sorries" not in r:
        return
    sid = r["sorries"][0]["proofState"]
    (before,) = repl.goals_of(sid)
    if not _is_false(before, seed):
        return
    out = repl.handle({"tactic": "\n".join(script), "proofState": sid}, timeout=10)
    assert out.get("proofStatus") != "Completed" or out.get("messages"), (src, script)
    whole = repl.handle({"cmd": src + " := by\n" + "\n".join("  " + s for s in script), "env": 0}, timeout=10)
    assert any(m["severity"] == "error" for m in whole.get("messages", [])), (src, script)
