from __future__ import annotations

import pytest

from leangym import models
from leangym.errors import LeanGymError
from leangym.policy import HFCritic, ScriptedPolicy, reference_policy
from leangym.search import SearchConfig, best_first_search
from leangym.store import ProofStore

DISTRACTORS = ["simp", "intro h", "skip", "exact h"]


class RecordingPolicy(ScriptedPolicy):
    """A scripted policy that records the size of every batch it is asked for."""

    def __init__(self, script) -> None:
        super().__init__(script)
        self.batches: list[int] = []

    def propose(self, observations, k):
        self.batches.append(len(observations))
        return super().propose(observations, k)


def test_search_proves_all_problems_in_shared_batches(problems, references, backend):
    ref = reference_policy(references, extra=DISTRACTORS)
    policy = RecordingPolicy(ref.script)
    run = best_first_search(problems, policy, backend, SearchConfig(expansions=20, samples=4))
    assert [r.status for r in run.results] == ["proved"] * len(problems)
    for r in run.results:
        assert r.verdict is not None and r.verdict.ok
        assert len(r.states) == len(r.tactics)
        assert backend.verify(r.problem, list(r.tactics)).ok
        assert r.stats.tactics_run >= len(r.tactics) and r.stats.nodes >= len(r.tactics)
    # one policy call per round, batching every live problem: the first holds all of them
    assert policy.batches[0] == len(problems)
    assert len(policy.batches) <= max(len(r.tactics) for r in run.results) + 1
    assert (
        run.summary()["proved"] == len(problems) and run.nodes > 0 and run.policy_calls == len(policy.batches)
    )


def test_states_are_deduplicated_and_budget_ends_search(problems, backend):
    # `skip` reproduces its state; `simp`/`intro h` may or may not apply; nothing closes the proof.
    run = best_first_search(
        problems[:3],
        ScriptedPolicy(["skip", "skip ", "intro h"]),
        backend,
        SearchConfig(expansions=3, samples=4, keep_trees=True),
    )
    for r in run.results:
        assert r.status == "failed" and r.tactics is None
        assert r.stats.expansions <= 3 and r.stats.duplicates >= 1
        texts = [n.state.text for n in r.tree.nodes]
        assert len(texts) == len(set(texts))


def test_a_run_tactic_budget_stops_every_problem_where_it_is_spent(problems, references, backend):
    ref = reference_policy(references, extra=DISTRACTORS)
    free = best_first_search(problems, ref, backend, SearchConfig(expansions=20, samples=4))
    assert free.tactics_run == sum(r.stats.tactics_run for r in free.results) > 10
    budget = free.tactics_run // 2
    run = best_first_search(problems, ref, backend, SearchConfig(expansions=20, samples=4, total_tactics=budget))
    assert run.tactics_run == sum(r.stats.tactics_run for r in run.results) == budget
    assert any(r.status == "failed" and "tactic budget" in r.message for r in run.results)
    for r in run.results:
        assert r.status != "proved" or backend.verify(r.problem, list(r.tactics)).ok
    with pytest.raises(LeanGymError, match="total_tactics"):
        SearchConfig(total_tactics=-1)


def test_store_gets_proofs_pairs_and_resume_skips(problems, references, backend, tmp_path):
    policy = reference_policy(references, extra=DISTRACTORS)
    cfg = SearchConfig(expansions=20, samples=4, round=2)
    with ProofStore(tmp_path / "s.sqlite") as store:
        first = best_first_search(problems[:5], policy, backend, cfg, store=store)
        assert store.solved_ids() == {p.id for p in problems[:5]}
        assert {p.round for p in store.proofs()} == {2}
        assert len(store.sft_examples()) == sum(len(r.tactics) for r in first.results)
        assert store.critic_pairs() and all(p.kind in ("sibling", "progress") for p in store.critic_pairs())
        assert len(store.attempts()) == 5
        again = best_first_search(problems, policy, backend, cfg, store=store)
    assert [r.status for r in again.results[:5]] == ["skipped"] * 5
    assert [r.status for r in again.results[5:]] == ["proved"] * (len(problems) - 5)


def test_critic_priority_uses_the_critic(problems, references, backend):
    tok = models.train_tokenizer([p.statement for p in problems], vocab_size=400)
    critic = HFCritic(models.tiny_critic(tok), tok)
    calls = []

    class Counting:
        def score(self, obs):
            calls.append(len(obs))
            return critic.score(obs)

    policy = reference_policy(references, extra=DISTRACTORS)
    run = best_first_search(
        problems[:3], policy, backend, SearchConfig(priority="blend", samples=4), critic=Counting()
    )
    assert all(r.proved for r in run.results)
    assert calls[0] == 3 and run.critic_s > 0
    with pytest.raises(LeanGymError, match="needs a critic"):
        best_first_search(problems[:1], policy, backend, SearchConfig(priority="critic"))
