"""Red-team regressions: false statements MiniLean once accepted, and a fast random attack.

Each entry in ``HOLES`` is a statement that is false under Lean's semantics with the proof that
used to verify; the test asserts the full reward path (``Backend.verify``) now rejects it, and a
positive control next to it asserts the honest neighbour still verifies (so a fix is the mechanism,
not a blanket refusal). ``test_random_false_statements_never_verify`` generates random false
statements over ℕ ℤ ℚ ℝ (falsity checked by evaluation with Lean's semantics) and random scripts
from the whole tactic set with hint terms; the long version of the same generator runs outside CI
(see the module's ``__main__``).
"""

from __future__ import annotations

import random
import sys
from fractions import Fraction

import pytest

from leangym.minilean import bridge
from leangym.minilean.arith import holds
from leangym.minilean.core.terms import PROP
from leangym.minilean.repl import MiniLeanRepl

from .helpers import verify as _verify

# (statement, proof that wrongly verified); every statement is false.
HOLES = [
    # `use` elaborated a witness whose leaves were above the binder's type: `(-1 : ℤ)` as a ℕ
    ("theorem t : ∃ n : ℕ, n + 1 = 0", "use (-1 : ℤ)"),
    ("theorem t : ∃ n : ℤ, 2 * n = 1", "use (1/2 : ℚ)\nnorm_num"),
    ("theorem t : ∃ n : ℕ, 2 * n = 1", "exact ⟨(1/2 : ℚ), by norm_num⟩"),
    ("theorem t (x : ℝ) : ∃ n : ℕ, (n : ℝ) = x", "use x"),
    # ℕ-only lemmas instantiated through a premise at ℝ/ℤ
    ("theorem t (x y : ℝ) (h : x < y + 1) : x ≤ y", "exact Nat.le_of_lt_succ h"),
    ("theorem t (x y : ℝ) (h : x < y + 1) : x ≤ y", "linarith [Nat.le_of_lt_succ h]"),
    ("theorem t (x y : ℝ) (h : x < y) : x + 1 ≤ y", "exact Nat.succ_le_of_lt h"),
    ("theorem t (x : ℤ) : x ≥ 0", "exact Nat.zero_le x"),
    # `apply` unified a ∀-variable of type ℕ with an integer (first-order matching ignored types)
    ("theorem t (h : ∀ a b : ℕ, a ≤ a + b) (x y : ℤ) : x ≤ x + y", "apply h"),
    ("theorem t (h : ∀ a b : ℕ, a - b ≤ a) (x y : ℤ) : x - y ≤ x", "apply h"),
    ("theorem t (h : ∀ a b : ℕ, a ≤ a + b) (x y : ℤ) : x ≤ x + y", "calc x ≤ x + y := by apply h"),
    ("theorem t (h : ∀ a b : ℕ, a ≤ a + b) : ∀ x y : ℤ, x ≤ x + y", "intro x y\napply h"),
    ("theorem t (h : ∀ a b : ℕ, a ≤ a + b) (x y : ℤ) : x ≤ x + y", "exact h x y"),
    # opaque propositions were keyed by printed text, which hides numeral types
    ("theorem t (h : (2:ℕ) - 3 = 0) : (2:ℤ) - 3 = 0", "tauto"),
    ("theorem t (h : (7:ℕ) / 2 = 3) : (7:ℝ) / 2 = 3", "tauto"),
    ("theorem t (p : Prop) (h : (2:ℕ) - 3 = 0 ∨ p) : (2:ℤ) - 3 = 0 ∨ p", "tauto"),
    ("theorem t (h : ∀ p : Prop, (2:ℕ) - 3 = 0 ∨ p) : ∀ p : Prop, (2:ℤ) - 3 = 0 ∨ p", "simp_all"),
    ("theorem t (h : ∀ p : Prop, (2:ℕ) - 3 = 0 ∨ p) : ∀ p : Prop, (2:ℤ) - 3 = 0 ∨ p", "norm_num [h]"),
    ("theorem t (h : ∀ p : Prop, (2:ℕ) - 3 = 0 ∨ p) (h2 : ¬ ∀ p : Prop, (2:ℤ) - 3 = 0 ∨ p) : (1:ℕ) = 2",
     "norm_num [h] at h2"),
]

# honest neighbours of the holes: these must keep verifying
CONTROLS = [
    ("theorem t : ∃ n : ℕ, n + 1 = 1", "use 0"),
    ("theorem t : ∃ n : ℤ, 2 * n = -4", "use -2"),
    ("theorem t : ∃ x : ℝ, 2 * x = 1", "use (1/2 : ℚ)\nnorm_num"),
    ("theorem t (a b : ℕ) (h : a < b + 1) : a ≤ b", "exact Nat.le_of_lt_succ h"),
    ("theorem t (a b : ℕ) (h : a < b) : a + 1 ≤ b", "exact Nat.succ_le_of_lt h"),
    ("theorem t (n : ℕ) : (n : ℤ) ≥ 0", "positivity"),
    ("theorem t (h : ∀ a b : ℕ, a ≤ a + b) (x y : ℕ) : x ≤ x + y", "apply h"),
    ("theorem t (h : ∀ a b : ℕ, a ≤ a + b) (x y : ℕ) : x ≤ x + y", "exact h x y"),
    ("theorem t (h : (2:ℕ) - 3 = 0 ∨ (1:ℕ) = 2) : (2:ℕ) - 3 = 0 ∨ (1:ℕ) = 2", "tauto"),
    ("theorem t (h : ∀ p : Prop, (2:ℤ) - 3 = 0 ∨ p) : ∀ p : Prop, (2:ℤ) - 3 = 0 ∨ p", "simp_all"),
]

# (statement, tactic steps) whose last step used to report "Completed" although a `sorry` was
# elaborated inside a term of an earlier (or the same) tactic.
SORRY_LEAKS = [
    ("theorem t (x y : ℕ) (h : y = 5) : x = 5", ["rw [show x = y from sorry]", "exact h"]),
    ("theorem t (x y : ℕ) (h : y = 5) : x = 5", ["rw [(by sorry : x = y)]\nexact h"]),
    ("theorem t (x y : ℕ) (h : y = 5) : x = 5", ["norm_num [show x = y from sorry]", "exact h"]),
    ("theorem t (x y : ℕ) (h : y = 5) : x = 5", ["first | (rw [(by sorry : x = y)]) | skip", "exact h"]),
    ("theorem t (x y : ℕ) (h : y = 5) : x = 5", ["try rw [show y = x from sorry] at h", "exact h"]),
    ("theorem t (x y : ℕ) (h : y = 5) : x = 5",
     ["cases (sorry : x = y ∨ x = y) with\n| inl h1 => omega\n| inr h1 => omega"]),
]


@pytest.mark.parametrize(("statement", "proof"), HOLES)
def test_known_holes_stay_closed(backend, statement, proof):
    verdict = _verify(backend, statement, proof)
    assert not verdict.ok, (statement, proof, verdict)


@pytest.mark.parametrize(("statement", "proof"), CONTROLS)
def test_honest_neighbours_still_verify(backend, statement, proof):
    verdict = _verify(backend, statement, proof)
    assert verdict.ok, (statement, proof, verdict.reason)


def _run_steps(statement: str, steps: list[str]) -> dict:
    repl = MiniLeanRepl()
    repl.handle({"cmd": "import Mathlib"})
    sid = repl.handle({"cmd": statement + " := by sorry", "env": 0})["sorries"][0]["proofState"]
    out: dict = {}
    for step in steps:
        out = repl.handle({"tactic": step, "proofState": sid})
        assert "proofState" in out, out
        sid = out["proofState"]
    return out


@pytest.mark.parametrize(("statement", "steps"), SORRY_LEAKS)
def test_sorry_inside_terms_is_never_completed(statement, steps):
    out = _run_steps(statement, steps)
    assert out["proofStatus"] == "Incomplete: contains sorry", out


@pytest.mark.parametrize("steps", [["rw [h]"], ["rw [h] at hx"]])
def test_rewrite_pattern_variables_are_typed(steps):
    """`h : ∀ n : ℕ, n = …` has a bare pattern variable of type ℕ: it used to match the first
    subterm whatever its type (the whole proposition `x = 0`), producing an ill-typed goal."""
    repl = MiniLeanRepl()
    repl.handle({"cmd": "import Mathlib"})
    stmt = "theorem t (h : ∀ n : ℕ, n = n + (0 - n)) (x : ℤ) (hx : x = 1) : x = 0 := by sorry"
    sid = repl.handle({"cmd": stmt, "env": 0})["sorries"][0]["proofState"]
    out = repl.handle({"tactic": steps[0], "proofState": sid})
    assert "did not find instance" in out.get("message", ""), out


def test_typed_rewrite_still_applies_at_its_type(backend):
    ok = _verify(backend, "theorem t (h : ∀ n : ℕ, n = n + (0 - n)) (x : ℕ) (hx : x = 1) : x = 1", "rw [h]\nomega")
    assert ok.ok, ok.reason


def test_sorry_in_a_failed_alternative_is_rolled_back():
    """`first | A | B`: a sorry elaborated by a failing `A` must not mark `B`'s result."""
    out = _run_steps("theorem t (x : ℕ) (h : x = 5) : x = 5",
                     ["first | (rw [(by sorry : x = 7)]; exact absurd h (by omega)) | exact h"])
    assert out["proofStatus"] == "Completed", out


# -- strength: no stronger than Mathlib's linarith on closed numerals ----------------------------

# Mathlib's linarith reads `%`, ℕ/ℤ `/` and `|·|` as atoms even when closed (its linear forms only
# evaluate numerals under + - * ^); only a ℕ fact's `zify` pass (ground simprocs) evaluates them,
# and not past the simprocs' exponent threshold. omega and norm_num do evaluate them.
LINARITH_TOO_STRONG = [  # (statement, a proof Lean accepts)
    ("theorem t : 1999 ^ 2000 % 5 = 1", "norm_num"),
    ("theorem t : (7 : ℤ) % 5 = 2", "norm_num"),
    ("theorem t : (7 : ℤ) / 2 = 3", "norm_num"),
    ("theorem t : |(-3 : ℝ)| = 3", "norm_num"),
    ("theorem t (x : ℤ) (h : x = 7 % 5) : x = 2", "omega"),
]


@pytest.mark.parametrize(("statement", "proof"), LINARITH_TOO_STRONG)
def test_linarith_does_not_evaluate_closed_mod_div_abs(backend, statement, proof):
    assert not _verify(backend, statement, "linarith").ok
    assert not _verify(backend, statement, "nlinarith").ok
    assert _verify(backend, statement, proof).ok


@pytest.mark.parametrize(("statement", "proof"), [
    ("theorem t : 1999 ^ 2000 % 5 = 1", "omega"),
    ("theorem t : (7 : ℕ) % 5 = 2", "linarith"),
    ("theorem t (x : ℝ) (h : x = 2 ^ 10) : x = 1024", "linarith"),
    ("theorem t : (7 : ℝ) / 2 = 3.5", "linarith"),
])
def test_closed_numerals_lean_does_evaluate(backend, statement, proof):
    assert _verify(backend, statement, proof).ok


@pytest.mark.parametrize("tactic", ["norm_num", "linarith", "nlinarith", "omega", "decide", "ring", "simp"])
def test_huge_powers_fail_fast(tactic):
    """Big-integer arithmetic cannot check a deadline: an over-large power is refused, not computed."""
    import time

    start = time.monotonic()
    r = MiniLeanRepl().handle({"cmd": f"theorem t : ((2 ^ 10000) ^ 10000) ^ 100 = 0 := by {tactic}"}, timeout=20)
    assert any(m["severity"] == "error" for m in r.get("messages", [])), r
    assert time.monotonic() - start < 10


# -- random attack ----------------------------------------------------------------------------

TYPES = ["ℕ", "ℤ", "ℚ", "ℝ"]
HINTS = ["sq_nonneg (x - y)", "sq_nonneg (x + y)", "sq_nonneg x", "mul_pos h0 h1", "mul_nonneg h0 h1", "h0", "h1",
         "h0.1", "h0.2", "abs_nonneg x", "Nat.zero_le n", "pow_pos h0 2", "le_of_lt h0", "div_self h0",
         "mul_self_nonneg (x - 1)", "h0 h1", "Nat.le_of_lt_succ h0", "Nat.succ_le_of_lt h0"]
TACTICS = [
    "linarith", "nlinarith", "norm_num", "simp", "omega", "positivity", "ring_nf", "ring", "decide", "field_simp",
    "norm_num at *", "simp at *", "simp_all", "norm_num at h0", "field_simp at h0", "ring_nf at h0",
    "interval_cases x", "interval_cases n", "push_neg", "push_neg at h0", "by_contra h", "by_contra! h",
    "constructor", "left", "right", "rw [h0]", "rw [← h0]", "rw [h0] at h1", "rw [h0] at h0", "subst h0", "subst x",
    "tauto", "rw [mul_comm]", "rw [sub_self]", "rw [div_self]", "rw [pow_two]", "rw [mul_sub]", "rw [sub_sq]",
    "simp [h0]", "norm_num [h0]", "exact h0", "exact h0.1", "exact h0 h1", "apply h0", "assumption",
    "contradiction", "trivial", "rfl", "by_cases h : x ≤ y", "rcases h0 with h | h", "obtain ⟨a, b⟩ := h0",
    "cases h0", "intro h", "use 1", "use (-1 : ℤ)", "use (1/2 : ℚ)", "symm", "exfalso", "exact?", "cases n",
    "induction n", "all_goals linarith", "any_goals nlinarith", "all_goals simp_all", "try linarith",
    "first | omega | linarith", "push_cast at *", "exact h0.le", "exact h0.symm", "specialize h0 h1",
    "have h2 : x = y := by linarith", "suffices h2 : x = y by linarith", "calc x = y := by linarith",
    "show x = y", "clear h0", "exact absurd h0 h1", "exact lt_of_le_of_lt h0 h1", "apply mul_pos",
    "rw [div_self h0]", "have h9 := h0.2", "apply hf", "exact hf x y", "exact hf _ _", "rw [hf]", "simp [hf]",
    "norm_num [hf]", "linarith [hf x y]", "nlinarith [hf x y, hf y x]", "specialize hf x y", "exact?", "simp_all",
    "rw [hf] at h0", "have := hf x y", "calc _ ≤ _ := hf _ _", "exact hc", "simp [hc]", "norm_num [hc]",
    "simp_all [hc]", "norm_num at hc ⊢", "rcases hc with h | h", "intro hp", "exact hc hp", "push_cast at hc ⊢",
]


def _term(r: random.Random, ty: str, depth: int = 2) -> str:
    if depth == 0 or r.random() < 0.3:
        c = r.random()
        if c < 0.45:
            return r.choice(["x", "y"])
        if c < 0.55:
            return "n" if ty == "ℕ" else f"(n : {ty})"
        if c < 0.6 and ty != "ℕ":
            return f"((n - 1 : ℕ) : {ty})"
        if c < 0.64 and ty != "ℕ":
            return f"((n / 2 : ℕ) : {ty})"
        if c < 0.68 and ty != "ℕ":
            return r.choice(["(-1)", "(-2)"])
        if c < 0.72 and ty in ("ℚ", "ℝ"):
            return r.choice(["(1/2)", "0.5"])
        return r.choice(["0", "1", "2", "3", "5"])
    op = r.choice(["+", "-", "*", "*", "/", "%", "^", "abs"])
    if op == "%" and ty in ("ℚ", "ℝ"):
        op = "/"
    if op == "abs":
        return f"|{_term(r, ty, depth - 1)}|"
    a = _term(r, ty, depth - 1)
    if op == "^":
        return f"({a}) ^ {r.choice(['0', '1', '2', '3'])}"
    return f"({a} {op} {_term(r, ty, depth - 1)})"


def _atom(r: random.Random, ty: str) -> str:
    c = r.random()
    if c < 0.08 and ty in ("ℕ", "ℤ"):
        return f"{_term(r, ty, 1)} ∣ {_term(r, ty, 1)}"
    if c < 0.12 and ty in ("ℕ", "ℤ"):
        return f"{r.choice(['Even', 'Odd'])} ({_term(r, ty, 1)})"
    if c < 0.14:
        return f"Nat.Prime (n + {r.choice(['0', '1', '2'])})"
    return f"{_term(r, ty)} {r.choice(['=', '≠', '<', '≤', '>', '≥'])} {_term(r, ty)}"


def _prop(r: random.Random, ty: str) -> str:
    a = _atom(r, ty)
    if r.random() < 0.2:
        return f"({a}) {r.choice(['∧', '∨', '→', '↔'])} ({_atom(r, ty)})"
    return a


# facts valid for all naturals (some false over ℤ/ℚ/ℝ): a ∀-hypothesis `hf` over ℕ that tactics
# must not instantiate at another type
NAT_LAWS = ["a ≤ a + b", "a - b ≤ a", "a - (a + b) = 0", "a * b = b * a", "a + b - b = a", "a / (b + 1) ≤ a",
            "a % (b + 1) < b + 1", "a - b + b ≥ a", "0 ≤ a * b"]


# closed facts whose truth depends on the numerals' type (ℕ truncates and floors), written at two
# types that print alike: a hypothesis at ℕ must not prove the same text at another type
CLOSED_LAWS = ["(2:T) - 3 = 0", "(7:T) / 2 = 3", "(0:T) - 1 ≥ 0", "(1:T) / 2 = 0", "(5:T) - 7 + 7 = 7"]


def random_statement(r: random.Random) -> str:
    ty = r.choice(TYPES)
    hyps = "".join(f" (h{i} : {_prop(r, ty)})" for i in range(r.choice([0, 0, 1, 1, 2, 3])))
    goal = _prop(r, ty)
    if r.random() < 0.15:
        law = r.choice(CLOSED_LAWS)
        wrap = r.choice(["{}", "{} ∨ p", "p → {}", "¬¬({})"])
        hyps += f" (p : Prop) (hc : {wrap.format(law.replace('T', 'ℕ'))})"
        goal = wrap.format(law.replace("T", ty))
    if r.random() < 0.3:
        law = r.choice(NAT_LAWS)
        hyps += f" (hf : ∀ a b : ℕ, {law})"
        if r.random() < 0.7:
            goal = law.replace("a", "x").replace("b", "y")
    return f"theorem t (x y : {ty}) (n : ℕ){hyps} : {goal}"


def random_tactic(r: random.Random) -> str:
    c = r.random()
    if c < 0.15:
        closer = r.choice(["linarith", "nlinarith", "norm_num", "simp", "field_simp"])
        return f"{closer} [{', '.join(r.sample(HINTS, r.choice([1, 2])))}]"
    if c < 0.2:
        return f"{r.choice(TACTICS)} <;> {r.choice(TACTICS)}"
    return r.choice(TACTICS)


def _value(ty: str, r: random.Random) -> Fraction:
    if ty == "ℕ":
        return Fraction(r.randint(0, 6))
    if ty == "ℤ":
        return Fraction(r.randint(-6, 6))
    return Fraction(r.randint(-12, 12), r.choice([1, 1, 2, 3]))


def counterexample(goal, r: random.Random) -> dict | None:
    """An assignment (Lean semantics) under which the hypotheses hold and the target fails."""
    tr = bridge.for_goal(goal)
    names = goal.display_names()
    data = [h for h in goal.hyps if not h.is_prop or h.type == PROP]  # numbers and Prop variables
    try:
        # the ∀-hypotheses are NAT_LAWS, valid by construction
        hyps = [tr.prop(h.type) for h in goal.hyps if h.is_prop and h.type != PROP and h.name != "hf"]
        target = tr.prop(goal.target)
    except bridge.NotArith:
        return None
    for _ in range(200):
        env = {names[h.id]: (r.random() < 0.5) if h.type == PROP else _value(bridge.TY_NAME.get(h.type, "ℝ"), r)
               for h in data}
        try:
            if all(holds(h, env) for h in hyps) and not holds(target, env):
                return env
        except Exception:  # noqa: BLE001 - an unevaluable statement is just skipped
            return None
    return None


def attack(n_scripts: int, seed: int) -> dict:
    """Run ``n_scripts`` random scripts on random false statements; returns counts and the holes."""
    r = random.Random(seed)
    repl = MiniLeanRepl()
    repl.handle({"cmd": "import Mathlib"})
    stats: dict = {"statements": 0, "false": 0, "scripts": 0, "holes": []}
    while stats["scripts"] < n_scripts:
        src = random_statement(r)
        res = repl.handle({"cmd": src + " := by sorry", "env": 0}, timeout=5)
        if "sorries" not in res:
            continue
        stats["statements"] += 1
        (goal,) = repl.goals_of(res["sorries"][0]["proofState"])
        cex = counterexample(goal, r)
        if cex is None:
            continue
        stats["false"] += 1
        for _ in range(8):
            script = "\n".join("  " + random_tactic(r) for _ in range(r.choice([1, 1, 2, 3, 4])))
            stats["scripts"] += 1
            whole = repl.handle({"cmd": f"{src} := by\n{script}", "env": 0}, timeout=5)
            msgs = whole.get("messages", [])
            if not whole.get("sorries") and not any(m["severity"] == "error" or "sorry" in m["data"] for m in msgs):
                stats["holes"].append((src, script, cex))
    return stats


def test_random_false_statements_never_verify():
    stats = attack(6000, seed=20261123)
    assert stats["false"] >= 100, stats  # the generator still produces enough false statements
    assert not stats["holes"], stats["holes"][:3]


if __name__ == "__main__":  # the long run: python tests/minilean/test_redteam.py SCRIPTS SEED
    result = attack(int(sys.argv[1]), int(sys.argv[2]))
    print({k: (len(v) if k == "holes" else v) for k, v in result.items()})
    for hole in result["holes"]:
        print("HOLE", hole)
