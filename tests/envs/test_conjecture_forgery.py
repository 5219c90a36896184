"""Red team of ``LeanConjecture-v0`` (issue 15): can a conjecturer be paid for a false statement, for a
renaming of a known one, or get into the store a statement other than the one that was checked?

- ``test_alpha_normal_form_reads_every_identifier_character``: for every character Lean reads inside an
  identifier (``isLetterLike``, ``isSubScriptAlnum``, as in Lean's source), a variable renamed to a name
  using it gives the same normal form. A hole found here: Coptic letters (ϕ ϑ ϰ ϱ ϖ, which MiniLean reads
  as identifiers) and ``ⱼ`` were not renamed, so ``(ϕ y : ℝ) (h : ϕ < y)`` was "new" next to
  ``(x y : ℝ) (h : x < y)`` and paid again.
- ``test_set_builder_renamings_are_duplicates``: a second hole of the same kind: the variable of a set-builder
  (``IsLeast {x | 0 ≤ x} 0``) was not renamed, so ``{y | 0 ≤ y}`` was a new statement.
- ``test_big_operator_bodies_end_where_lean_ends_them``: a third: a ``∑`` body was read to the end of its
  bracket group, so a local after ``+`` (``∑ i ∈ s, i + i``, printed for ``(∑ i ∈ s, i) + i``) was taken for
  the bound variable and its renamings were new statements.
- ``test_renamings_of_a_known_statement_are_duplicates``: the same through the env.
- ``test_false_conjectures_are_never_paid_nor_stored``: every false statement of
  ``tests/minilean/test_adversarial_issue13.py`` proposed as a conjecture, the adversarial prover answering
  with that family's forged proofs and generic forgeries: no reward, no cheap closer, nothing stored.
- ``test_escapes_in_the_statement_are_refused``: commands, comments, proofs, attributes and options smuggled
  into the statement text are refused before any prover runs.
- ``test_the_stored_statement_is_the_checked_one``: unusual but legal surface forms (quoted names,
  ``lemma``/``example``, modifiers, dotted names, a name like the env's own) are paid once and stored as a
  statement that re-elaborates to the same goal and re-verifies with the stored proof.
"""

from __future__ import annotations

import random

import pytest

from leangym.datasets import load_minilean_suite
from leangym.envs.conjecture import REASONS, LeanConjectureEnv, alpha_normal
from tests.envs.test_conjecture import Scripted
from tests.minilean import test_adversarial_issue13 as issue13


@pytest.fixture(scope="module")
def seeds():
    return load_minilean_suite("mixture", 6, seed=0)


def _step(env, action):
    env.reset()
    _, reward, terminated, truncated, info = env.step(action)
    assert terminated and not truncated
    assert info["reason"] is None or info["reason"] in REASONS
    return reward, info


# -- Lean's identifier characters (Lean 4 source: `isLetterLike`, `isSubScriptAlnum`, `isIdFirst`, `isIdRest`)


def _lean_letter_like(o: int) -> bool:
    return (
        (0x3B1 <= o <= 0x3C9 and o != 0x3BB)
        or (0x391 <= o <= 0x3A9 and o not in (0x3A0, 0x3A3))
        or 0x3CA <= o <= 0x3FB
        or 0x1F00 <= o <= 0x1FFE
        or 0x2100 <= o <= 0x214F
        or 0x1D49C <= o <= 0x1D59F
        or (0xC0 <= o <= 0xFF and o not in (0xD7, 0xF7))  # newer Lean
        or 0x100 <= o <= 0x17F
    )


def _lean_subscript(o: int) -> bool:
    return 0x2080 <= o <= 0x2089 or 0x2090 <= o <= 0x209C or 0x1D62 <= o <= 0x1D6A or o == 0x2C7C


BLACKBOARD = set("ℕℤℚℝℂ")  # letter-like, but the statement's own types here


def test_alpha_normal_form_reads_every_identifier_character():
    reference = alpha_normal("a : ℕ\nh : a < 1\n⊢ a = a ∧ ∀ (b : ℕ), b = a")
    escaped = []
    for o in range(0x21, 0x1E000):
        c = chr(o)
        if c in BLACKBOARD:
            continue
        if _lean_letter_like(o):
            name = c
        elif _lean_subscript(o) or c in "'!?" or c.isdigit() and c.isascii():
            name = "a" + c
        else:
            continue
        goal = f"{name} : ℕ\nh : {name} < 1\n⊢ {name} = {name} ∧ ∀ ({name}{name} : ℕ), {name}{name} = {name}"
        if alpha_normal(goal) != reference:
            escaped.append(f"U+{o:04X} {c}")
    assert not escaped, f"renamings the normal form does not see: {escaped[:40]} ({len(escaped)} in all)"


BASE = "theorem m (x y : ℝ) (h : x < y) : ∃ z : ℝ, x < z ∧ z < y"
RENAMINGS = [
    *[BASE.replace("(x y", f"({v} y").replace("h : x", f"h : {v}").replace(", x <", f", {v} <")
      for v in ("ϕ", "ϑ", "ϰ", "ϱ", "ϖ", "ϵ", "Ϙ", "xⱼ", "x₁", "xᵢ", "x'", "x!", "x?", "ℓ", "𝓍", "α", "«x»", "«x y»",
                "x_1", "Real", "é", "ŝ")],
    "theorem m (x y : ℝ) (h : x < y) : ∃ ϕ : ℝ, x < ϕ ∧ ϕ < y",
    "theorem m (x y : ℝ) (h : x < y) : ∃ zⱼ : ℝ, x < zⱼ ∧ zⱼ < y",
    "theorem m (x y : ℝ) (h : x < y) : ∃ «z» : ℝ, x < «z» ∧ «z» < y",
    "theorem m {x y : ℝ} (hϕ : x < y) : ∃ (z : ℝ), x < z ∧ z < y",
    "theorem m (x : ℝ) (y : ℝ) (_ : x < y) : ∃ z, (x < z ∧ z < y)",
    "example (x y : Real) (h : x < y) : ∃ z : Real, x < z ∧ z < y",
    "lemma   ϕ (x y : ℝ)\n    (h : x < y) :\n  ∃ z : ℝ, x < z ∧ z < y := by",
]


def test_renamings_of_a_known_statement_are_duplicates(seeds, backend):
    with LeanConjectureEnv(seeds, backend=backend, prover=Scripted(None)) as env:
        _, first = _step(env, BASE)
        assert first["reason"] == "unproved", first
        elaborated = []
        for action in RENAMINGS:
            _, info = _step(env, action)
            if info["reason"] == "parse_error":  # a name MiniLean does not read (é): never new, never paid
                continue
            elaborated.append(action)
            assert info["reason"] == "duplicate" and info["duplicate_of"] == first["problem_id"], (action, info)
        assert len(elaborated) >= len(RENAMINGS) - 3, elaborated


SET_BUILDER_RENAMINGS = [
    ("theorem m : IsLeast {x : ℝ | 0 ≤ x} 0", "theorem m : IsLeast {y : ℝ | 0 ≤ y} 0"),
    ("theorem m : IsGreatest {x : ℕ | x < 5} 4", "theorem m : IsGreatest {n : ℕ | n < 5} 4"),
    ("theorem m (a : ℝ) (h : 0 < a) : IsLeast {x : ℝ | a ≤ x} a", "theorem m (b : ℝ) (hb : 0 < b) : IsLeast {t : ℝ | b ≤ t} b"),
    ("theorem m (x : ℝ) : IsLeast {x : ℝ | 0 ≤ x} x", "theorem m (x : ℝ) : IsLeast {ϕ : ℝ | 0 ≤ ϕ} x"),
]


@pytest.mark.parametrize(("first", "renamed"), SET_BUILDER_RENAMINGS)
def test_set_builder_renamings_are_duplicates(seeds, backend, first, renamed):
    """A hole found here: the set-builder's variable was not renamed, so renaming it made a "new" statement."""
    with LeanConjectureEnv(seeds, backend=backend, prover=Scripted(None)) as env:
        _, info = _step(env, first)
        assert info["reason"] == "unproved", info
        _, again = _step(env, renamed)
        assert again["reason"] == "duplicate" and again["duplicate_of"] == info["problem_id"], again


def test_set_builder_scope():
    """The set-builder binds its variable up to its `}` only, and different sets stay different."""
    assert alpha_normal("x : ℝ\n⊢ IsLeast {y | 0 ≤ y} x") != alpha_normal("x : ℝ\n⊢ IsLeast {y | x ≤ y} x")
    assert alpha_normal("x : ℝ\n⊢ IsLeast {y | 0 ≤ y} x ∧ 0 ≤ x") == alpha_normal("z : ℝ\n⊢ IsLeast {z | 0 ≤ z} z ∧ 0 ≤ z")
    assert alpha_normal("x : ℝ\n⊢ {y | y = x} = {x}") != alpha_normal("x : ℝ\n⊢ {y | y = x} = {y}")


BIG_OPERATOR_RENAMINGS = [
    ("theorem m (i : ℕ) : (∑ i in Finset.range 3, i) + i = 3", "theorem m (k : ℕ) : (∑ j in Finset.range 3, j) + k = 3"),
    ("theorem m (i : ℕ) (h : i = 2) : (∑ i in Finset.range 3, i) = i + 1",
     "theorem m (k : ℕ) (h : k = 2) : (∑ i in Finset.range 3, i) = k + 1"),
    ("theorem m (i : ℕ) : (∏ i in Finset.range 3, (i + 1)) - i = 6", "theorem m (n : ℕ) : (∏ i in Finset.range 3, (i + 1)) - n = 6"),
]


@pytest.mark.parametrize(("first", "renamed"), BIG_OPERATOR_RENAMINGS)
def test_big_operator_bodies_end_where_lean_ends_them(seeds, backend, first, renamed):
    """A hole found here: a `∑` body was read to the end of its bracket group, so in `∑ i ∈ s, i + i` (printed
    for `(∑ i ∈ s, i) + i`) the local `i` after `+` was taken for the bound one, and renaming it made a new
    statement. Mathlib parses the body at precedence 67: `+`, `-`, `=`... end it."""
    with LeanConjectureEnv(seeds, backend=backend, prover=Scripted(None)) as env:
        _, info = _step(env, first)
        assert info["reason"] == "unproved", info
        _, again = _step(env, renamed)
        assert again["reason"] == "duplicate" and again["duplicate_of"] == info["problem_id"], again


def test_big_operator_body_scope():
    local_after = alpha_normal("i : ℕ\n⊢ ∑ i ∈ Finset.range 3, i + i = 3")
    assert local_after == alpha_normal("k : ℕ\n⊢ ∑ j ∈ Finset.range 3, j + k = 3")
    assert local_after != alpha_normal("i : ℕ\n⊢ ∑ i ∈ Finset.range 3, (i + i) = 3")
    assert alpha_normal("⊢ ∑ i ∈ Finset.range 3, -i = 3") == alpha_normal("⊢ ∑ j ∈ Finset.range 3, -j = 3")
    assert alpha_normal("i : ℕ\n⊢ ∑ i ∈ Finset.range 3, i ^ 2 * i - i = i") == alpha_normal(
        "k : ℕ\n⊢ ∑ j ∈ Finset.range 3, j ^ 2 * j - k = k")
    nested = alpha_normal("⊢ ∑ i ∈ Finset.range 3, ∑ j ∈ Finset.range i, i * j + 1 = 3")
    assert nested == alpha_normal("⊢ ∑ a ∈ Finset.range 3, ∑ b ∈ Finset.range a, a * b + 1 = 3")


# -- false conjectures with an adversarial prover ---------------------------------------------------

GENERIC_FORGERIES = [
    "sorry", "norm_num", "simp", "decide", "omega", "linarith", "nlinarith", "positivity", "simp_all", "field_simp",
    "push_cast\nring", "norm_cast", "exact_mod_cast rfl", "rfl", "tauto", "by_contra h\nsimp at h", "simpa using h",
    "rfl\ntheorem x : False := sorry", "native_decide", "exact?",
]  # fmt: skip
ATTEMPTS = 6


def _body(statement: str) -> str:
    return statement.split(" ", 2)[2]


class Adversary:
    """Per attempt: the family's forged proofs of this statement first, then generic forgeries."""

    def __init__(self, proofs: dict[str, list[str]]) -> None:
        self.proofs = proofs
        self.calls = 0

    def __call__(self, problem, backend, k, seed):
        self.calls += 1
        own = self.proofs.get(_body(problem.statement), [])
        rng = random.Random(seed)
        answers = (own + rng.sample(GENERIC_FORGERIES, k))[:k] if len(own) < k else rng.sample(own, k)
        return [a.split("\n") if i % 2 else a for i, a in enumerate(answers)]


def _grouped(pairs):
    proofs: dict[str, list[str]] = {}
    for statement, proof in pairs:
        proofs.setdefault(statement, []).append(proof)
    return proofs


FALSE = _grouped([pair for family in issue13.ATTACKS.values() for pair in family])


def test_false_conjectures_are_never_paid_nor_stored(seeds, backend):
    adversary = Adversary({_body(s): p for s, p in FALSE.items()})
    paid, closed, stored = [], [], []
    reasons: dict[str, int] = {}
    with LeanConjectureEnv(seeds, backend=backend, prover=adversary, attempts=ATTEMPTS) as env:
        for statement in FALSE:
            reward, info = _step(env, statement)
            reasons[info["reason"]] = reasons.get(info["reason"], 0) + 1
            if reward:
                paid.append(statement)
            if info["trivial_by"]:
                closed.append((statement, info["trivial_by"]))
            if info["proofs"] or info["stored"] or info["passes"]:
                stored.append((statement, info["proofs"]))
        assert not env.store.proofs(), env.store.proofs()[:3]
    assert not paid and not closed and not stored, (paid, closed, stored)
    assert set(reasons) <= {"unproved", "parse_error", "duplicate"}, reasons
    assert reasons.get("unproved", 0) >= 250 and adversary.calls == reasons["unproved"], reasons


CONTROLS = [(s, p) for s, p in issue13.CONTROLS if "Finset.sum :" not in s]


def test_the_adversarial_harness_pays_true_statements(seeds, backend):
    """The same harness with a correct proof among the forgeries: paid (or too easy), stored."""
    seen = 0
    for statement, proof in CONTROLS[:12]:
        adversary = Adversary({_body(statement): [proof]})
        with LeanConjectureEnv(seeds, backend=backend, prover=adversary, attempts=ATTEMPTS, closers=()) as env:
            reward, info = _step(env, statement)
            assert info["reason"] in (None, "too_easy") and info["passes"] >= 1 and info["stored"], (statement, info)
            seen += 1
    assert seen == 12


# -- escapes in the statement text -----------------------------------------------------------------

ESCAPES = [
    "theorem t : (1:ℕ) = 2\ntheorem u : False", "theorem t : True\naxiom c : False", "theorem t : True\nexample : False",
    "theorem t : True\nend", "theorem t : True\nnamespace X", "theorem t : True\nvariable (h : False)",
    "theorem t : True\nattribute [simp] Nat.add_comm", "theorem t : True\ninstance : Inhabited ℕ := ⟨0⟩",
    "theorem t : True\n#exit", "theorem t : True\n#eval 1", "theorem t : (1:ℕ) = 2 -- :)", "theorem t : /- x -/ (1:ℕ) = 2",
    "theorem t : (1:ℕ) = 2 := by decide", "theorem t : (1:ℕ) = 2 := rfl", "theorem t (h : (1:ℕ) = 2 := by decide) : False",
    "theorem t (n : ℕ := 3) : n = 3", "@[simp] theorem t : (1:ℕ) = 2", "set_option maxRecDepth 10 in theorem t : (1:ℕ) = 2",
    "open Real in theorem t : π = 3", "theorem t : (1:ℕ) = 2\nopen Nat", "theorem t : «sorry» = 1", "theorem t : sorryAx Prop",
    "theorem t (h : admit) : False", "theorem t : native_decide = 1", "import Mathlib\ntheorem t : False",
    "theorem t : True\nmacro \"x\" : tactic => `(tactic| sorry)", "theorem t : True\nnoncomputable def f : ℕ := 1",
    "theorem t : True\nprivate theorem u : False", "theorem t : (1:ℕ) = 2\n\nset_option trace.Meta true",
    "theorem t : (1:ℕ) = 2 where", "theorem t : (1:ℕ) = 2 :=\n  by decide", "theorem t : (1 : ℕ) = 2 :=by decide",
    "theorem t : True\nuniverse u", "theorem t : True\nsection", "theorem t : True\nmutual",
    "theorem t : True\nelab \"x\" : tactic => pure ()", "theorem t : True\nrun_cmd pure ()",
]  # fmt: skip


@pytest.mark.parametrize("action", ESCAPES)
def test_escapes_in_the_statement_are_refused(seeds, backend, action):
    prover = Scripted("decide", "sorry")
    with LeanConjectureEnv(seeds, backend=backend, prover=prover) as env:
        reward, info = _step(env, action)
        assert reward == 0.0 and info["reason"] in ("refused_command", "parse_error"), (action, info)
        assert not prover.calls and not env.store.proofs()


# -- what is stored is what was checked ------------------------------------------------------------

SURFACE_FORMS = [
    ("theorem «weird name» (a b : ℕ) (h : a < b) : a + 1 ≤ b", "omega"),
    ("lemma Foo.bar (a b : ℕ) (h : a + 2 < b) : a + 1 < b", "omega"),
    ("example (a b : ℕ) (h : a + 3 < b) : a + 2 < b", "omega"),
    ("protected theorem conj_000000000000 (a b : ℕ) (h : a + 4 < b) : a + 3 < b", "omega"),
    ("theorem theorem_t (a b : ℕ) (h : a + 5 < b) : a + 4 < b", "omega"),
    ("theorem ϕ (ϕ ψ : ℕ) (h : ϕ + 6 < ψ) : ϕ + 5 < ψ", "omega"),
    ("  \n theorem t\n  (a b : ℕ)\n  (h : a + 7 < b) :\n    a + 6 < b := by", "omega"),
    ("∀ a b : ℕ, a + 8 < b → a + 7 < b", "intro a b h\nomega"),
    ("theorem t (x : ℝ) (h : 2 * x = 4 + 0) : x = 2", "linarith"),
]


@pytest.mark.parametrize(("action", "proof"), SURFACE_FORMS)
def test_the_stored_statement_is_the_checked_one(seeds, backend, action, proof):
    wrong = "exact absurd rfl (by simp)"
    with LeanConjectureEnv(seeds, backend=backend, prover=Scripted(proof, wrong, wrong, wrong), closers=()) as env:
        reward, info = _step(env, action)
        assert reward == 1.0 and info["reason"] is None, (action, info)
        stored = [p for p in env.store.problems(generated=True) if p.id == info["problem_id"]]
        assert len(stored) == 1
        problem = stored[0]
        assert problem.statement == info["statement"] and problem.statement.startswith("theorem conj_")
        root = backend.start(problem)
        assert alpha_normal(root.goals[0]) == info["normalized"]
        proofs = env.store.proofs(problem.id)
        assert proofs and all(backend.verify(problem, list(p.tactics)).ok for p in proofs)
        # the same text again is a duplicate, never paid twice
        reward, again = _step(env, action)
        assert reward == 0.0 and again["reason"] == "duplicate", again
