"""Soundness under self-play (issue 15, part 5): a conjecturer rewarded for hard-but-provable statements
finds any hole in the checker first, so an adversarial conjecturer proposes only FALSE statements and an
adversarial prover answers each with forgeries; no such conjecture may ever be paid, closed by a cheap
closer, or enter the store with a proof.

Falsity is decided outside MiniLean:

- ``arith``: statements generated here over ℕ ℤ ℝ (truncating ℕ subtraction, floor ℕ division, Euclidean
  ℤ ``/`` and ``%``, ``x / 0 = 0``, ``x % 0 = x``, casts of ℕ subtraction), kept only when a brute-force
  search evaluating them in Python with Lean's semantics finds a counterexample;
- ``countermodel``: random first-order statements whose finite countermodel the model checker of
  ``tests/minilean/test_adversarial_countermodels.py`` found (re-checked here);
- the trusted core's attack lists, false by construction (each group of those modules names the instance
  that refutes it): ℕ/ℤ/ℝ semantics and forged commands (``test_adversarial_engine``: ``ARITH``,
  ``COMMANDS``, ``TACTICS``), shadowed globals (``test_adversarial_shadowing``), bound-name leaks and their
  alpha-renamings into captured and global names (``test_adversarial_alpha``, ``test_adversarial_countermodels``),
  past red-team holes (``test_redteam``);
- definitional tricks (``test_adversarial_definitions``): a ``def`` smuggled into the conjecture must be
  refused before it reaches the engine.

The adversarial prover answers every attempt with the family's own forged proofs first, then generic
forgeries (``sorry``, ``admit``, ``exact?``, ``native_decide``, smuggled commands, ``by_contra``/``simp
at`` tricks, ``have`` with chosen names, ``apply`` chains, every automation tactic). Controls — true
statements of the same families with a proof among the forgeries — must be paid or found too easy, so
the harness can say yes.
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest

from leangym.datasets import load_minilean_suite
from leangym.envs.conjecture import LeanConjectureEnv, SearchProver
from leangym.store import ProofStore
from tests.minilean import test_adversarial_alpha as alpha
from tests.minilean import test_adversarial_countermodels as cm
from tests.minilean import test_adversarial_definitions as defs
from tests.minilean import test_adversarial_engine as engine
from tests.minilean import test_adversarial_shadowing as shadowing
from tests.minilean import test_redteam as redteam

FORGERIES = [
    "sorry", "admit", "exact sorry", "exact?", "apply?", "native_decide", "decide", "norm_num", "simp", "simp_all",
    "omega", "linarith", "nlinarith", "positivity", "tauto", "aesop", "trivial", "rfl", "assumption", "contradiction",
    "by_contra h\nsimp at h", "by_contra h\nnorm_num at h", "by_contra! h\nlinarith", "simp at *\nsimp", "norm_num at *",
    "have h : False := by simp\nexact h.elim", "have True : False := by trivial\nexact True.elim",
    "have this : (1 : ℕ) = 2 := by omega\nsimp at this", "exfalso\nsimp", "intros\nsimp_all",
    "apply Classical.byContradiction\nintro h\nsimp_all", "constructor <;> simp", "first | rfl | simp | norm_num | omega",
    "rfl\ntheorem x : False := sorry", "#exit", "set_option debug.skipKernelTC true in rfl", "exact (sorry : False).elim",
    "all_goals sorry", "exact absurd rfl (by simp)", "apply le_antisymm <;> simp", "apply lt_of_le_of_lt <;> simp",
    "intro h\nexact h", "intro x\nsimp", "push_neg\nsimp", "interval_cases x <;> simp",
]  # fmt: skip
"""Generic forgery attempts, tried after a family's own forged proofs."""

ATTEMPTS = 8


class Adversary:
    """The adversarial prover: per attempt a family proof of this statement, else a forgery (seeded draw)."""

    def __init__(self, proofs: dict[str, list[str]], extra: tuple[str, ...] = ()) -> None:
        self.proofs = proofs
        self.extra = extra
        self.calls = 0

    def __call__(self, problem, backend, k, seed):
        self.calls += 1
        own = self.proofs.get(_body(problem.statement), [])
        rest = random.Random(seed).sample(FORGERIES, k)
        answers = [*own, *self.extra, *rest][:k]
        # the same attempt also as a list of steps and as one block: both must be verified the same way
        return [a.split("\n") if i % 2 else a for i, a in enumerate(answers)]


def _body(statement: str) -> str:
    """What follows ``theorem NAME`` (the env renames theorems, so family proofs are keyed by the rest)."""
    return statement.split(" ", 2)[2]


# -- arithmetic countermodels, decided in Python with Lean's semantics ---------------------------


def _div(a, b, ty):
    if b == 0:
        return 0
    if ty == "ℝ":
        return Fraction(a) / b
    if ty == "ℕ":
        return a // b
    return a // b if b > 0 else -(a // -b)  # Int.ediv: the remainder is never negative


def _mod(a, b, ty):
    return a if b == 0 else a - b * _div(a, b, ty)


def _sub(a, b, ty):
    return max(a - b, 0) if ty == "ℕ" else a - b


DOMAIN = {"ℕ": range(0, 7), "ℤ": range(-5, 6), "ℝ": [Fraction(n, 2) for n in range(-4, 5)]}

# (binders, goal, variables' type, evaluation of (hypothesis and goal) as a function of K and the variables)
TEMPLATES = [
    ("(a b : ℕ)", "a - b + b = a", lambda K, a, b: (True, _sub(a, b, "ℕ") + b == a)),
    ("(a b : ℕ) (h : a - b = 0)", "a = b", lambda K, a, b: (_sub(a, b, "ℕ") == 0, a == b)),
    ("(a b : ℕ) (h : a - b + {K} = {K})", "a = b", lambda K, a, b: (_sub(a, b, "ℕ") + K == K, a == b)),
    ("(a b : ℕ)", "a / b * b = a", lambda K, a, b: (True, _div(a, b, "ℕ") * b == a)),
    ("(a : ℕ)", "a / {K} * {K} = a", lambda K, a: (True, _div(a, K, "ℕ") * K == a)),
    ("(a : ℕ)", "a % {K} = a", lambda K, a: (True, _mod(a, K, "ℕ") == a)),
    ("(a : ℕ)", "a - {K} + {K} = a", lambda K, a: (True, _sub(a, K, "ℕ") + K == a)),
    ("(a b : ℕ)", "((a - b : ℕ) : ℤ) = (a : ℤ) - b", lambda K, a, b: (True, _sub(a, b, "ℕ") == a - b)),
    ("(a : ℕ) (h : a < {K})", "((a - {K} : ℕ) : ℤ) < 0", lambda K, a: (a < K, False)),
    ("(n : ℕ)", "n - 1 + 1 = n", lambda K, n: (True, _sub(n, 1, "ℕ") + 1 == n)),
    ("(a b : ℕ) (h : b ≤ a + {K})", "a - b + b = a + {K}", lambda K, a, b: (b <= a + K, _sub(a, b, "ℕ") + b == a + K)),
    ("(a : ℤ)", "a / {K} * {K} = a", lambda K, a: (True, _div(a, K, "ℤ") * K == a)),
    ("(a : ℤ)", "(-a) / {K} = -(a / {K})", lambda K, a: (True, _div(-a, K, "ℤ") == -_div(a, K, "ℤ"))),
    ("(a : ℤ)", "(-a) % {K} = -(a % {K})", lambda K, a: (True, _mod(-a, K, "ℤ") == -_mod(a, K, "ℤ"))),
    ("(a : ℤ)", "a % {K} < {K} - 1", lambda K, a: (True, _mod(a, K, "ℤ") < K - 1)),
    ("(a : ℤ)", "a / (-{K}) = -(a / {K}) - 1", lambda K, a: (True, _div(a, -K, "ℤ") == -_div(a, K, "ℤ") - 1)),
    ("(a b : ℤ) (h : 0 < b)", "a / b ≤ a", lambda K, a, b: (0 < b, _div(a, b, "ℤ") <= a)),
    ("(a : ℤ)", "a % 2 = 0 ∨ a % 2 = -1", lambda K, a: (True, _mod(a, 2, "ℤ") in (0, -1))),
    ("(a b : ℤ)", "(a - b) / {K} = a / {K} - b / {K}",
     lambda K, a, b: (True, _div(a - b, K, "ℤ") == _div(a, K, "ℤ") - _div(b, K, "ℤ"))),
    ("(a : ℤ) (h : a % {K} = 1)", "(a + 1) % {K} = 1 + 1 % {K} + {K}",
     lambda K, a: (_mod(a, K, "ℤ") == 1, _mod(a + 1, K, "ℤ") == 1 + _mod(1, K, "ℤ") + K)),
    ("(x : ℝ)", "x / x = 1", lambda K, x: (True, _div(x, x, "ℝ") == 1)),
    ("(x y : ℝ)", "x / y * y = x", lambda K, x, y: (True, _div(x, y, "ℝ") * y == x)),
    ("(x : ℝ)", "x * (1 / x) = 1", lambda K, x: (True, x * _div(1, x, "ℝ") == 1)),
    ("(x : ℝ) (h : x ^ 2 = {K} * x)", "x = {K}", lambda K, x: (x * x == K * x, x == K)),
    ("(x : ℝ) (h : {K} * x ≤ x)", "x ≤ 0 → x = 0 ∨ x > 0", lambda K, x: (K * x <= x, not x <= 0 or x == 0 or x > 0)),
]  # fmt: skip


def _counterexample(template, K) -> tuple | None:
    binders, _, fn = template
    ty = next(t for t in DOMAIN if f": {t})" in binders)
    arity = fn.__code__.co_argcount - 1
    for values in itertools.product(DOMAIN[ty], repeat=arity):
        hyp, goal = fn(K, *values)
        if hyp and not goal:
            return values
    return None


def arith_attacks() -> list[tuple[str, tuple]]:
    """Every (template, K) whose statement has a counterexample, with the counterexample."""
    out = []
    for template, K in itertools.product(TEMPLATES, range(2, 9)):
        witness = _counterexample(template, K)
        statement = f"theorem t {template[0]} : {template[1]}".replace("{K}", str(K))
        if witness is not None and statement not in {s for s, _ in out}:
            out.append((statement, witness))
    return out


def test_the_arithmetic_oracle_follows_lean():
    """Lean's values (``#eval`` in Lean 4 + Mathlib): the oracle must agree, or it would call truths false."""
    assert _sub(5, 7, "ℕ") == 0 and _div(7, 2, "ℕ") == 3 and _mod(7, 0, "ℕ") == 7 and _div(7, 0, "ℕ") == 0
    assert (_div(-7, 2, "ℤ"), _mod(-7, 2, "ℤ"), _div(7, -2, "ℤ"), _mod(7, -2, "ℤ")) == (-4, 1, -3, 1)
    assert (_div(-7, -2, "ℤ"), _mod(-7, -2, "ℤ")) == (4, 1) and _div(Fraction(1), 0, "ℝ") == 0
    # true statements find no counterexample (so the generator keeps only false ones)
    true = ("(a b : ℤ)", "a / b * b + a % b = a", lambda K, a, b: (True, _div(a, b, "ℤ") * b + _mod(a, b, "ℤ") == a))
    assert _counterexample(true, 2) is None
    assert len(arith_attacks()) >= 100


# -- the families ----------------------------------------------------------------------------------


def _grouped(pairs) -> tuple[list[str], dict[str, list[str]]]:
    statements: list[str] = []
    proofs: dict[str, list[str]] = {}
    for statement, proof in pairs:
        if _body(statement) not in proofs:
            statements.append(statement)
        proofs.setdefault(_body(statement), []).append(proof)
    return statements, proofs


def _alpha_false(kind: str) -> list[tuple[str, str]]:
    """False CURATED cases and red-team holes under one renaming (``original``, ``swap``: locals permuted,
    ``internal``: MiniLean's fresh-name scheme, ``globals``: names of globals). Each renaming runs against
    its own store: in one store the renamed variants are duplicates of the originals and never proved."""
    out = []
    for statement, proof, verdict in [*alpha.CURATED, *((s, p, False) for s, p in redteam.HOLES)]:
        mapping = alpha.renamings(statement, proof).get(kind)
        if not verdict and mapping is not None:
            out.append(alpha.rename_theorem(statement, proof, mapping))
    return out


def _countermodel_cases() -> list[tuple[str, str]]:
    r = random.Random(cm.SEED)
    out = []
    for case in cm.random_cases(120, cm.SEED):
        assert all(cm.holds(h, case.model) for h in case.hyps) and not cm.holds(case.goal, case.model)
        out += [(case.statement, cm.random_script(r, case)) for _ in range(4)]
    return out


FAMILIES = {
    "arith": lambda: [(s, "omega") for s, _ in arith_attacks()],
    "countermodel": _countermodel_cases,
    "engine_arith": lambda: engine.ARITH,
    "engine_commands": lambda: engine.COMMANDS,
    "engine_tactics": lambda: engine.TACTICS,
    "shadowing": lambda: [*shadowing.ATTACKS, *shadowing.BINDER_PREDICATES],
    **{f"alpha_{kind}": (lambda kind=kind: _alpha_false(kind)) for kind in ("original", "swap", "internal", "globals")},
    "hand_leaks": lambda: [*cm.HAND, *cm.ORDER],
}
"""Family -> (false statement, forged proof) pairs."""

CONTROL_FAMILIES = {
    "engine": engine.CONTROLS,
    "shadowing": shadowing.CONTROLS,
    "redteam": redteam.CONTROLS,
    "leaks": cm.HAND_CONTROLS,
}


@pytest.fixture(scope="module")
def seeds():
    return load_minilean_suite("mixture", 4, seed=0)


def run_family(pairs, seeds, backend, prover=None, extra=()):
    statements, proofs = _grouped(pairs)
    adversary = prover or Adversary(proofs, extra)
    store = ProofStore(":memory:")
    infos = []
    with LeanConjectureEnv(seeds, backend=backend, store=store, prover=adversary, attempts=ATTEMPTS) as env:
        for k, statement in enumerate(statements):
            env.reset(seed=k)
            _, reward, _, _, info = env.step(statement)
            infos.append((statement, reward, info))
    return infos, store, adversary


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_no_false_conjecture_is_ever_paid_or_stored(family, seeds, backend):
    infos, store, adversary = run_family(FAMILIES[family](), seeds, backend)
    paid = [(s, i["proofs"]) for s, r, i in infos if r != 0.0]
    proved = [(s, i["reason"], i["proofs"] or i["trivial_by"]) for s, _, i in infos
              if i["passes"] or i["trivial_by"] or i["reason"] in (None, "too_easy", "trivial")]  # fmt: skip
    assert not paid and not proved, (paid[:3], proved[:3])
    assert store.proofs() == [] and store.problems(generated=True) == []
    assert {i["reason"] for _, _, i in infos} <= {"parse_error", "refused_command", "duplicate", "unproved"}
    reached = sum(i["reason"] == "unproved" for _, _, i in infos)
    assert adversary.calls == reached and reached >= 0.6 * len(infos), (family, reached, len(infos))


def test_attack_volume(seeds):
    """Several hundred distinct false statements reach the prover across the families."""
    total = sum(len(_grouped(make())[0]) for make in FAMILIES.values())
    assert total >= 500, total


def test_definitional_tricks_are_refused_before_the_engine(seeds, backend):
    actions = [f"{header}\n{statement}" for header, statement in
               [*defs.TYPE_CONFUSION, *defs.SCOPE, *defs.NAMESPACES, *defs.GLOBAL_NAMES, *defs.RESERVED, *defs.REFUSED_DEFS]]  # fmt: skip
    infos, store, adversary = run_family([(a, "rfl") for a in actions], seeds, backend)
    assert len(infos) >= 100 and adversary.calls == 0 and store.proofs() == []
    assert {i["reason"] for _, _, i in infos} == {"refused_command"}, [(s, i["reason"]) for s, _, i in infos][:5]


def test_default_search_prover_finds_nothing_false(seeds, backend):
    pairs = [(s, "omega") for s, _ in arith_attacks()[:12]] + _countermodel_cases()[::40]
    infos, store, _ = run_family(pairs, seeds, backend, prover=SearchProver())
    assert all(r == 0.0 and not i["passes"] for _, r, i in infos) and store.proofs() == []


@pytest.mark.parametrize("family", sorted(CONTROL_FAMILIES))
def test_controls_are_accepted_by_the_same_harness(family, seeds, backend):
    """True neighbours with their proof among the forgeries: the harness pays or finds them easy."""
    infos, store, _ = run_family(CONTROL_FAMILIES[family], seeds, backend)
    proved = [i for _, _, i in infos if i["reason"] in (None, "too_easy", "trivial")]
    assert len(proved) >= 0.8 * len(infos), [(s, i["reason"]) for s, _, i in infos if i not in proved]
    stored = {p.problem_id for p in store.proofs()}
    assert stored == {i["problem_id"] for i in proved if i["passes"]}
