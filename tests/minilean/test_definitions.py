"""Data ``def``/``abbrev``, ``#eval`` and ``Lean.versionString`` — and the attacks on them.

A definition is unfolded at elaboration (its body, elaborated once at its own type, replaces every
fully applied use), so no tactic ever sees the constant. The attacks below are false statements that
a sloppy unfolding would let through — re-elaborating the body at the use site's type (``(x : ℤ)``
where ``x : ℕ := 2 - 3``), a local named like a definition, a definition named like a lemma, nested
definitions, division by zero, ``Int.emod`` — each tried with every closing tactic through
``Backend.verify`` (the reward path), with an honest neighbour that must still verify.
"""

from __future__ import annotations

import random

import pytest

from leangym.minilean.arith.semantics import int_div, int_mod
from leangym.minilean.repl import MiniLeanRepl

from .helpers import verify_with_header as _verify

CLOSERS = ["rfl", "decide", "norm_num", "simp", "omega", "linarith", "nlinarith", "positivity", "ring",
           "field_simp", "push_cast\nring", "norm_num [x]", "simp_all", "exact rfl", "trivial", "tauto"]

# (definitions in the header, a FALSE statement using them)
FALSE = [
    ("def x : ℕ := 2 - 3", "theorem t : (x : ℤ) = -1"),
    ("def x : ℕ := 2 - 3", "theorem t : (x : ℝ) + 1 = 0"),
    ("def x : ℕ := 7 / 2", "theorem t : (x : ℝ) = 7 / 2"),
    ("def g (n : ℕ) : ℤ := n - 5", "theorem t : g 3 = 0"),
    ("def g (n : ℕ) : ℕ := n - 5", "theorem t : (g 3 : ℤ) = -2"),
    ("def h (a b : ℝ) : ℝ := a / b", "theorem t : h 1 0 = 1"),
    ("def m (a : ℤ) : ℤ := a % 3", "theorem t : m (-1) = -1"),
    ("def d (a : ℤ) : ℤ := a / 2", "theorem t : d (-3) = -1"),
    ("def f := 37", "theorem t : f = 38"),
    ("abbrev f := 37", "theorem t : f + 1 = 37"),
    ("def x : ℕ := 5", "theorem t (x : ℕ) : x = 5"),  # the local hides the definition
    ("def a (n : ℕ) : ℕ := n - 3\ndef b (n : ℕ) : ℤ := a n", "theorem t : b 1 = -2"),
    ("def y : ℕ := (-1 : ℤ)", "theorem t : y + 1 = 0"),  # refused definition: `y` stays unknown
    ("def sq_nonneg : ℕ := 0", "theorem t : sq_nonneg = 1"),  # a lemma's name is taken
    ("def k (n : ℕ) : ℕ := n * n", "theorem t : ∀ n : ℕ, k n > n"),
    ("def z : ℚ := 1 / 3", "theorem t : z * 3 = 2"),
]

# honest neighbours: (header, true statement, proof)
TRUE = [
    ("def x : ℕ := 2 - 3", "theorem t : (x : ℤ) = 0", "norm_num"),
    ("def x : ℕ := 7 / 2", "theorem t : (x : ℝ) = 3", "norm_num"),
    ("def g (n : ℕ) : ℤ := n - 5", "theorem t : g 3 = -2", "norm_num"),
    ("def h (a b : ℝ) : ℝ := a / b", "theorem t : h 1 0 = 0", "simp"),
    ("def m (a : ℤ) : ℤ := a % 3", "theorem t : m (-1) = 2", "decide"),
    ("def d (a : ℤ) : ℤ := a / 2", "theorem t : d (-3) = -2", "decide"),
    ("def f := 37", "theorem t : f = 37", "rfl"),
    ("def a (n : ℕ) : ℕ := n - 3\ndef b (n : ℕ) : ℤ := a n", "theorem t : b 1 = 0", "norm_num"),
    ("def k (n : ℕ) : ℕ := n * n", "theorem t : ∀ n : ℕ, k n ≥ 0", "intro n\npositivity"),
    ("def k (n : ℝ) : ℝ := n ^ 2 + 1", "theorem t (y : ℝ) : k y > 0", "positivity"),
]


@pytest.mark.parametrize(("header", "statement"), FALSE)
def test_false_statements_about_definitions_never_verify(backend, header, statement):
    for proof in CLOSERS:
        assert not _verify(backend, header, statement, proof).ok, (header, statement, proof)


@pytest.mark.parametrize(("header", "statement", "proof"), TRUE)
def test_true_statements_about_definitions_verify(backend, header, statement, proof):
    verdict = _verify(backend, header, statement, proof)
    assert verdict.ok, verdict.reason


@pytest.mark.parametrize("proof", ["def one := 2\nrfl", "abbrev x := 1", "#eval 1"])
def test_proofs_cannot_define_or_evaluate(backend, proof):
    assert not _verify(backend, "", "theorem t : (1 : ℕ) = 2", proof).ok


def test_definitions_belong_to_their_environment():
    repl = MiniLeanRepl(raise_internal=True)
    e0 = repl.handle({"cmd": "def f := 1"})["env"]
    e1 = repl.handle({"cmd": "def f := 2", "env": e0})
    assert e1["messages"][0]["data"] == "'f' has already been declared"
    # a fresh environment does not see it: there `f` is an auto-bound variable, and `rfl` fails
    msg = repl.handle({"cmd": "example : f = 1 := rfl"})["messages"][0]
    assert msg["severity"] == "error" and "f : Nat" in msg["data"]
    # the same statement text under different definitions means different things (no stale cache)
    ea = repl.handle({"cmd": "def c := 1"})["env"]
    eb = repl.handle({"cmd": "def c := 2"})["env"]
    assert "messages" not in repl.handle({"cmd": "example : c = 1 := by decide", "env": ea})
    assert "messages" in repl.handle({"cmd": "example : c = 1 := by decide", "env": eb})


def test_definitions_in_tactic_mode():
    repl = MiniLeanRepl(raise_internal=True)
    r = repl.handle({"cmd": "def f (n : ℕ) : ℕ := n - 1\ntheorem t (k : ℕ) : f k ≤ k := by sorry"})
    ps = r["sorries"][0]["proofState"]
    assert repl.handle({"tactic": "have h : f 0 = 0 := by decide\nomega", "proofState": ps})["proofStatus"] == "Completed"
    assert "message" in repl.handle({"tactic": "have h : f 0 = 1 := by decide\nomega", "proofState": ps})


@pytest.mark.parametrize(("src", "why"), [
    ("def p (h : 1 = 1) : ℕ := 1", "arguments"),
    ("def s : Prop := 1 = 1", "numbers"),
    ("def u := fun n => n", "unsupported"),
])
def test_definitions_outside_the_fragment_are_refused(src, why):
    r = MiniLeanRepl(raise_internal=True).handle({"cmd": src})
    assert r["messages"][0]["severity"] == "error" and why in r["messages"][0]["data"]


def test_def_with_tactic_body_keeps_its_sorry():
    r = MiniLeanRepl(raise_internal=True).handle({"cmd": "def f : ℕ := by sorry"})
    assert r["sorries"][0]["goal"] == "⊢ Nat"


# -- #eval -----------------------------------------------------------------------------------
def _eval(src: str) -> list[str]:
    r = MiniLeanRepl(raise_internal=True).handle({"cmd": src})
    return [m["data"] for m in r.get("messages", [])]


def test_eval_follows_lean_semantics_on_random_integers():
    rng = random.Random(0)
    for _ in range(60):
        a, b = rng.randint(-30, 30), rng.choice([0, 0, rng.randint(-9, 9)])
        na, nb = abs(a), abs(b)
        src = (f"#eval ({a} : ℤ) / ({b} : ℤ)\n#eval ({a} : ℤ) % ({b} : ℤ)\n#eval {na} - {nb}\n"
               f"#eval {na} / {nb}\n#eval {na} % {nb}")
        want = [int_div(a, b), int_mod(a, b), max(na - nb, 0), na // nb if nb else 0, na % nb if nb else na]
        assert _eval(src) == [str(w) for w in want], src


def test_eval_rationals_propositions_and_version():
    assert _eval("#eval (1 : ℚ) / 3") == ["(1 : Rat)/3"]
    assert _eval("#eval (6 : ℚ) / 3") == ["2"]
    assert _eval("#eval (5 : ℚ) / 0") == ["0"]
    assert _eval("#eval (-1 : ℚ) / 2") == ["(-1 : Rat)/2"]
    assert _eval("#eval 2 + 2 = 4\n#eval (2 : ℤ) - 3 < 0\n#eval 2 - 3 < 0") == ["true", "true", "false"]
    (version,) = _eval("#eval Lean.versionString")
    assert "MiniLean" in version and version.startswith('"4.33.0-rc2')


def test_eval_position_is_the_eval_keyword():
    r = MiniLeanRepl(raise_internal=True).handle({"cmd": "def x := 41\n#eval x + 1"})
    assert r["messages"] == [{"severity": "info", "pos": {"line": 2, "column": 0},
                              "endPos": {"line": 2, "column": 5}, "data": "42"}]


@pytest.mark.parametrize("src", ["#eval (1 : ℝ) / 3", "#eval (2 : ℕ) ^ 100000000", "#eval fun x => x"])
def test_eval_outside_the_fragment_is_an_error(src):
    r = MiniLeanRepl(raise_internal=True).handle({"cmd": src})
    assert r["messages"][0]["severity"] == "error"
