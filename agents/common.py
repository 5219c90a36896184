"""What the learning agents share so that their numbers compare: the problems, their split and bootstrap.

Every agent's ``Args`` extends :class:`ProblemArgs` and draws its train and held-out problems with
:func:`select_problems`, so expert iteration, PPO and GRPO run with the same problem flags and seed see
exactly the same problems: a MiniLean family (default), any registered env id (``--env-id``, with
``--data-path``), or JSONL files (``--problems``, ``--eval-problems``). Evaluations go through
:func:`leangym.eval.evaluate` and are appended to ``RUN_DIR/metrics.jsonl`` (:func:`leangym.eval.log_metrics`).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from leangym.config import option
from leangym.errors import ConfigError
from leangym.problems import Problem

TRAIN_FILE = "train_problems.jsonl"
EVAL_FILE = "eval_problems.jsonl"
"""The problems a run used, written into its folder (``leangym eval --checkpoint`` reads the second)."""


@dataclass
class ProblemArgs:
    """Which problems an agent trains on and is evaluated on (the flags every agent shares)."""

    family: str = option("propositional", "MiniLean problem family (when neither --env-id nor --problems is given)")
    difficulties: str = option("1,2,3", "comma-separated generator difficulties mixed into both splits (family)")
    env_id: str = option("", "registered environment id whose problems are used, e.g. LeanWorkbook-v0 (see `leangym envs`)")
    data_path: str = option("", "dataset file or folder for --env-id")
    problems: str = option(
        "", "JSONL file of training problems (id, statement, header; reference_proof optional, used only for the bootstrap)"
    )
    eval_problems: str = option("", "JSONL file of held-out problems (default: split off the training problems)")
    num_train: int = option(60, "training problems (files and env ids: the first N after a seeded shuffle; 0: all)")
    num_eval: int = option(30, "held-out problems (with --eval-problems: its first N; 0: all)")

    def __post_init__(self) -> None:
        if self.env_id and self.problems:
            raise ConfigError("pass --env-id or --problems, not both (--eval-problems goes with either)")
        if self.data_path and not self.env_id:
            raise ConfigError("--data-path goes with --env-id; pass a JSONL file of problems as --problems instead")
        if self.num_train < 0 or self.num_eval < 0:
            raise ConfigError(f"need num_train >= 0 and num_eval >= 0, got {self.num_train} and {self.num_eval}")
        if not (self.env_id or self.problems):
            if self.num_train < 1:
                raise ConfigError("a generated family needs --num-train >= 1")
            parse_difficulties(self.difficulties)

    @property
    def problem_tag(self) -> str:
        """A short name of the problem source for run folders: the env id, the file's stem or the family."""
        if self.env_id:
            return self.env_id
        if self.problems:
            return Path(self.problems).stem
        return f"MiniLean-{self.family}"

    def problem_identity(self) -> dict:
        keys = ("family", "difficulties", "env_id", "data_path", "problems", "eval_problems", "num_train", "num_eval")
        return {k: getattr(self, k) for k in keys}


class ResumableRun:
    """The run folder of an agent that resumes from its store (expert iteration, self-play).

    Mixed into an ``Args`` dataclass that has ``exp_name``, ``seed``, ``run_dir``, ``bootstrap``, ``n_layer`` and
    ``d_model`` besides :class:`ProblemArgs`' fields.
    """

    @property
    def run_name(self) -> str:
        return f"{self.problem_tag}__{self.exp_name}__{self.seed}"  # type: ignore[attr-defined]

    @property
    def folder(self) -> Path:
        return Path(self.run_dir or f"runs/{self.run_name}")  # type: ignore[attr-defined]

    def identity(self) -> dict:
        """The fields a resumed run must share with the run it continues (same problems, same models)."""
        keys = ("seed", "bootstrap", "n_layer", "d_model")
        return {**self.problem_identity(), **{k: getattr(self, k) for k in keys}}  # type: ignore[attr-defined]


def sft_schedule(config, n_examples: int, *, min_steps: int, epochs: float):
    """``config`` (an ``SFTRunConfig``) with a round's step count: ``epochs`` passes over ``n_examples``, at
    least ``min_steps``. A fixed step count spreads thinner as proofs accumulate and the policy underfits them."""
    from dataclasses import replace

    return replace(config, max_steps=max(min_steps, math.ceil(epochs * n_examples / config.batch_size)))


def policy_settings(temperature: float = 1.0, max_new_tokens: int = 24) -> dict:
    """How an agent samples its policy (``HFPolicy`` keyword arguments), saved with each checkpoint so that
    ``leangym eval --checkpoint`` rebuilds the same policy."""
    return {"prompt_format": "bfs", "temperature": temperature, "max_new_tokens": max_new_tokens}


def select_problems(args: ProblemArgs, seed: int) -> tuple[list[Problem], list[Problem]]:
    """(train, held-out) for ``args``: disjoint (a held-out statement never appears in train), seeded.

    A family is generated (:func:`make_split`); a file or env id is shuffled with ``seed`` and split, unless
    ``--eval-problems`` names the held-out file, which is then used in its own order.
    """
    from leangym.datasets import load_jsonl
    from leangym.envs.factory import env_problems

    cap = lambda ps, n: ps[:n] if n else ps
    heldout = cap(load_jsonl(args.eval_problems), args.num_eval) if args.eval_problems else None
    if args.env_id or args.problems:
        if args.problems:
            pool = load_jsonl(args.problems)
        else:
            pool = env_problems(args.env_id, data_path=args.data_path or None, n=_suite_size(args))
        random.Random(seed).shuffle(pool)
        if heldout is None:
            n_eval = args.num_eval or len(pool) // 5
            heldout, pool = pool[:n_eval], pool[n_eval:]
        train = cap(pool, args.num_train)
    else:
        train, split_off = make_split(
            args.family, args.difficulties, args.num_train, 0 if heldout is not None else args.num_eval, seed
        )
        heldout = split_off if heldout is None else heldout
    held = {p.statement for p in heldout}
    train = [p for p in train if p.statement not in held]
    if not train:
        raise ConfigError("no training problems left after removing the held-out ones; check the problem files")
    return train, heldout


def _suite_size(args: ProblemArgs) -> int | None:
    """How many problems to ask a generated (MiniLean) id for; None for datasets (they have their size)."""
    import gymnasium as gym

    from leangym.envs.registration import register_envs

    register_envs()
    generated = gym.spec(args.env_id).kwargs.get("dataset") == "minilean" if args.env_id in gym.registry else False
    return args.num_train + args.num_eval if generated and args.num_train and args.num_eval else None


def save_problem_files(folder: Path, train: Sequence[Problem], heldout: Sequence[Problem]) -> Path:
    """Write the run's problems into its folder; returns the held-out file (what re-evaluation reads)."""
    from leangym.datasets import save_jsonl

    save_jsonl(train, folder / TRAIN_FILE)
    return save_jsonl(heldout, folder / EVAL_FILE)


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
    """A tactic policy followed by the candidate generator's tactics (the pre-evaluator way of searching).

    The policy's own proposals come first with their log-probs; every candidate of
    :class:`leangym.search.candidates.CandidateGenerator` follows with log-prob ``prior_logprob`` (below a
    confident policy's). Unlike :class:`leangym.search.candidates.ModelChoosesPolicy`, nothing is cut: all
    candidates are tried, so the model does not choose. Kept for ``agents/grpo.py``'s evaluation until it
    moves to :func:`leangym.eval.evaluate`.
    """

    def __init__(self, policy, prior_logprob: float = -6.0) -> None:
        from leangym.search.candidates import CandidateGenerator

        self.policy = policy
        self.prior_logprob = prior_logprob
        self.generator = CandidateGenerator()

    def propose(self, observations, k: int):
        from leangym.policy import Candidate
        from leangym.policy.base import finalize
        from leangym.policy.formats import as_observation

        out = []
        for obs, cands in zip(observations, self.policy.propose(observations, k)):
            prior = self.generator(as_observation(obs).state)
            extra = [Candidate(t, self.prior_logprob - 0.01 * i, 1) for i, t in enumerate(prior)]
            out.append(finalize([*cands, *extra], k + len(extra)))
        return out
