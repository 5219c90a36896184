"""The candidate generator, its policies, the rule/bfs priorities and the CandidateInfo wrapper."""

from __future__ import annotations

import gymnasium as gym

from leangym.search import SearchConfig, best_first_search
from leangym.search.best_first import rule_priority
from leangym.search.candidates import CandidateGenerator, GeneratorPolicy


def test_generator_is_deterministic_and_reads_hypotheses():
    gen = CandidateGenerator()
    goal = "p q r : Prop\nh1 : p ∧ q\nh2 : q ∨ r\nh3 : ¬r\n⊢ p → q"
    tactics = gen(goal)
    assert tactics == gen(goal) and len(tactics) == len(set(tactics))
    for t in ("assumption", "intro h4", "exact h1", "obtain ⟨h4, h5⟩ := h1", "rcases h2 with h4 | h4",
              "exact absurd h3 (by assumption)"):  # fmt: skip
        assert t in tactics, t
    assert not any(t.endswith((" p", " q", " r")) for t in tactics)  # variables are not facts
    assert "intro x" in gen("⊢ ∀ n : ℕ, n = n")


def test_generator_policy_draws_a_seeded_uniform_order():
    goal = "p q : Prop\nh1 : p\n⊢ p ∨ q"
    a, b = GeneratorPolicy(seed=0), GeneratorPolicy(seed=1)
    first = [c.tactic for c in a.propose([goal], 100)[0]]
    assert sorted(first) == sorted(CandidateGenerator()(goal))
    assert first == [c.tactic for c in a.propose([goal], 100)[0]]  # same seed, same state: same order
    assert first != [c.tactic for c in b.propose([goal], 100)[0]]
    assert [c.tactic for c in a.propose([goal], 3)[0]] == first[:3]


def test_rule_prefers_fewer_goals_then_shorter_targets():
    assert rule_priority(["⊢ p"]) > rule_priority(["⊢ p ∧ q"]) > rule_priority(["⊢ p", "⊢ q"])


def test_sliced_proposals_try_every_candidate_k_per_expansion(problems, backend):
    """A state goes back on the frontier until all its candidates are tried; expansions bound the tactics."""
    config = SearchConfig(expansions=40, samples=4, priority="bfs", slice_proposals=True, max_depth=4)
    run = best_first_search(problems[:4], GeneratorPolicy(), backend, config)
    for r in run.results:
        assert r.stats.tactics_run <= 4 * r.stats.expansions <= 160
    assert run.solved >= 2 and run.policy_calls < run.expansions  # a state's candidates come from one call


def test_candidate_info_wrapper():
    from leangym.wrappers import CandidateInfo

    env = CandidateInfo(gym.make("MiniLean-Propositional-v0"))
    obs, info = env.reset(seed=0)
    assert info["candidates"] == CandidateGenerator()(obs)
    for tactic in ("intro h1", "exact h1.1"):
        obs, reward, terminated, _, info = env.step(tactic)
        if terminated:
            break
    assert info["candidates"] == ([] if terminated else CandidateGenerator()(obs))
    env.close()


def test_inequality_goals_get_square_hints_over_their_variables():
    gen = CandidateGenerator()
    two = gen("x y : ℝ\nh : x + y = 20\n⊢ 200 ≤ x ^ 2 + y ^ 2")
    assert "nlinarith [sq_nonneg (x - y)]" in two and "nlinarith [sq_nonneg (x + y)]" in two
    # a variable the target does not mention, and a goal that is not an inequality, get none
    assert not [t for t in gen("x y z : ℝ\n⊢ x ≤ x + y ^ 2") if "(x - z)" in t or "(y - z)" in t]
    assert not [t for t in gen("x y : ℝ\n⊢ x + y = y + x") if t.startswith("nlinarith")]
    assert not [t for t in CandidateGenerator(hints=0)("x y : ℝ\n⊢ x ≤ y ^ 2 + x") if t.startswith("nlinarith")]


def test_square_hints_are_proofs_minilean_checks():
    """A hint the generator offers closes a true inequality through the real engine (not a string match)."""
    from leangym.backend import make_backend
    from leangym.problems import Problem

    problem = Problem("t", "theorem t (a b : ℝ) : 2 * a * b ≤ a ^ 2 + b ^ 2", "import Mathlib\n")
    with make_backend("minilean") as backend:
        state = backend.start(problem, None)
        hinted = [t for t in CandidateGenerator()("\n\n".join(state.goals)) if t.startswith("nlinarith [")]
        closed = [t for t in hinted if backend.verify(problem, [t], None).ok]
    assert closed == ["nlinarith [sq_nonneg (a - b)]"]
