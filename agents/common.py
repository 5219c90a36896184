"""What the learning agents share so that their numbers compare: the problem split and its bootstrap.

Every agent draws its train and held-out problems with :func:`make_split`, so expert iteration, PPO and
GRPO run with the same ``(family, difficulties, sizes, seed)`` see exactly the same problems.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from leangym.errors import ConfigError
from leangym.problems import Problem


def parse_difficulties(text: str) -> list[int]:
    """``"1,2,3"`` -> ``[1, 2, 3]``; a clear error for anything else."""
    try:
        out = [int(d) for d in text.split(",") if d.strip()]
    except ValueError:
        out = []
    if not out or min(out) < 1:
        raise ConfigError(f"difficulties must be comma-separated integers >= 1, got {text!r}")
    return out


def make_split(
    family: str, difficulties: str, num_train: int, num_eval: int, seed: int
) -> tuple[list[Problem], list[Problem]]:
    """Disjoint train and held-out splits: equal mixtures of the difficulties, shuffled with ``seed``."""
    from leangym.minilean.suites import generate

    if num_train < 1 or num_eval < 0:
        raise ConfigError(f"need num_train >= 1 and num_eval >= 0, got {num_train} and {num_eval}")
    diffs = parse_difficulties(difficulties)
    per = math.ceil((num_train + num_eval) / len(diffs))
    pool = [p for d in diffs for p in generate(family, per, seed=seed, difficulty=d)]
    random.Random(seed).shuffle(pool)
    return pool[num_eval : num_eval + num_train], pool[:num_eval]


def set_torch_threads(n: int) -> None:
    """Use ``n`` CPU threads in torch (0 keeps torch's default).

    One thread is the default in the agents: on a machine whose cores are busy (Lean workers, other
    jobs), OpenMP's spinning worker threads made a tiny model's training step several times slower.
    """
    import torch

    if n > 0:
        torch.set_num_threads(n)


def replay_proof(backend, problem: Problem, tactics: Sequence[str]) -> list[str] | None:
    """The goal text before each tactic of a proof that closes and verifies; None if it does not."""
    from leangym.backend.api import ProofClosed, ProofState

    state = backend.start(problem)
    states: list[str] = []
    for i, tactic in enumerate(tactics):
        if not isinstance(state, ProofState):
            return None
        states.append(state.text)
        state = backend.run_tactic(state, tactic)
        if isinstance(state, ProofClosed):
            ok = i == len(tactics) - 1 and backend.verify(problem, list(tactics)).ok
            return states if ok else None
    return None


def reference_proofs(
    backend, train: Sequence[Problem], n: int
) -> tuple[list[tuple[Problem, list[str]]], int]:
    """Verified reference proofs of ``n`` easy training problems (lowest generator difficulty first), with states.

    This is the bootstrap every learning agent may use (the generators' proofs of easy problems); the
    second value is the environment steps the replay cost, which counts against an agent's budget. Within
    a difficulty the split's (seeded, shuffled) order is kept: picking the shortest proofs instead gave a
    policy that had only seen one-step proofs and generalised worse.
    """
    with_proof = [p for p in train if p.reference_proof]
    easy = sorted(with_proof, key=lambda p: p.meta.get("difficulty", len(p.reference_proof)))[:n]
    out, steps = [], 0
    for p in easy:
        states = replay_proof(backend, p, p.reference_proof)
        steps += len(p.reference_proof)
        if states is not None:
            out.append((p, states))
    return out, steps


def root_states(backend, problems: Sequence[Problem]) -> dict[str, str]:
    """Problem id -> goal text of its root state (problems that fail to start are left out)."""
    from leangym.backend.api import ProofState

    roots = {}
    for p in problems:
        root = backend.start(p)
        if isinstance(root, ProofState):
            roots[p.id] = root.text
    return roots


def bootstrap_models(texts: Sequence[str], *, vocab_size: int, n_layer: int, d_model: int, seed: int):
    """A BPE tokenizer trained on the env's ``texts`` and a tiny policy and critic built on it (random init)."""
    from leangym import models

    tokenizer = models.train_tokenizer(texts, vocab_size=vocab_size)
    kw = dict(n_layer=n_layer, d_model=d_model, n_head=4, seed=seed)
    device = models.default_device()
    return (
        tokenizer,
        models.tiny_causal_lm(tokenizer, **kw).to(device),
        models.tiny_critic(tokenizer, **kw).to(device),
    )


class PriorPolicy:
    """A tactic policy plus goal-derived candidate tactics: the search "expert" at laptop scale.

    Why: a from-scratch 2-layer policy trained on a few dozen proofs proposes mostly invalid tactics, so
    its search frontier dies after a few expansions and expert iteration finds no new proofs to learn
    from. Adding the goal-aware candidates of ``agents.baseline_bfs.candidate_tactics`` (closers,
    structural tactics, ``exact``/``obtain``/``rcases`` on the goal's hypotheses) after the policy's own
    proposals, with log-prob ``prior_logprob`` (below a confident policy's), keeps the search branching;
    the policy's learning then shows as proofs found within smaller budgets. The policy's candidates come
    first and keep their log-probs.
    """

    def __init__(self, policy, prior_logprob: float = -6.0) -> None:
        self.policy = policy
        self.prior_logprob = prior_logprob

    def propose(self, observations, k: int):
        from agents.baseline_bfs import candidate_tactics
        from leangym.policy import Candidate
        from leangym.policy.base import finalize
        from leangym.policy.formats import as_observation

        out = []
        for obs, cands in zip(observations, self.policy.propose(observations, k)):
            prior = candidate_tactics(as_observation(obs).state)
            extra = [Candidate(t, self.prior_logprob - 0.01 * i, 1) for i, t in enumerate(prior)]
            out.append(finalize([*cands, *extra], k + len(extra)))
        return out
