"""GRPO against the tactic environment: a tiny LLM policy trained by TRL's GRPOTrainer on Lean's reward.

The policy starts where expert iteration starts (same tokenizer, same initial weights, SFT on the same
reference proofs of the easiest training problems), then GRPO plays multi-turn episodes in
``LeanTacticEnv`` (``trainers.grpo.TacticRollout``: the model writes a tactic, the env's next state is
appended, up to ``max_turns``), rewarding 1 for a verified proof. Training runs in chunks of
``chunk_steps`` optimisation steps until ``total_env_steps`` tactics have been sent; after each chunk the
policy is evaluated on the held-out split with the same best-first search budget expert iteration uses.

    python -m agents.grpo --total-env-steps 4000
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from agents.common import (
    PriorPolicy,
    bootstrap_models,
    make_split,
    reference_proofs,
    root_states,
    set_torch_threads,
)
from leangym.config import describe, option, parse


@dataclass
class Args:
    exp_name: str = option("grpo", "experiment name (part of the TensorBoard run name)")
    seed: int = option(0, "seed of the problem split, the model and the sampler")
    family: str = option("propositional", "MiniLean problem family")
    difficulties: str = option("1,2,3", "comma-separated generator difficulties mixed into both splits")
    num_train: int = option(60, "training problems (GRPO's prompts)")
    num_eval: int = option(30, "held-out problems")
    bootstrap: int = option(15, "easy training problems whose reference proofs warm-start the policy (SFT)")
    sft_steps: int = option(100, "SFT steps of the warm start (batch 16)")
    total_env_steps: int = option(4000, "tactics sent to the env in GRPO rollouts (the budget)")
    chunk_steps: int = option(10, "GRPO optimisation steps between held-out evaluations")
    batch_size: int = option(16, "rollouts per optimisation step")
    num_generations: int = option(8, "rollouts per problem (GRPO group)")
    max_turns: int = option(6, "tactics per episode")
    learning_rate: float = option(5e-4, "AdamW learning rate of GRPO")
    temperature: float = option(1.0, "rollout sampling temperature")
    eval_expansions: int = option(8, "held-out search expansions per problem (as expert iteration)")
    eval_samples: int = option(4, "held-out tactics sampled per expansion (as expert iteration)")
    prior: bool = option(True, "evaluate with goal-derived candidates added, as expert iteration searches")
    max_depth: int = option(8, "longest proof searched at evaluation")
    n_layer: int = option(2, "transformer layers")
    d_model: int = option(64, "hidden size")
    vocab_size: int = option(800, "BPE vocabulary trained on the environment's text")
    torch_threads: int = option(1, "CPU threads for torch (0: torch's default)")
    track: bool = option(True, "write TensorBoard events under --run-dir")
    run_dir: str = option("runs", "folder for TensorBoard events (one subfolder per run, named after exp_name)")
    quiet: bool = option(False, "no progress bar")

    @property
    def run_name(self) -> str:
        return f"MiniLean-{self.family}__{self.exp_name}__{self.seed}__{int(time.time())}"


@dataclass
class GRPORun:
    """Held-out solve rate against environment steps (and wall time) at each evaluation."""

    args: Args
    curve: list[tuple[int, float, float]]  # (env steps, held-out solve rate, wall seconds)
    rewards: list[float]
    model: object = None
    tokenizer: object = None

    @property
    def final_rate(self) -> float:
        return self.curve[-1][1]


def evaluate(model, tokenizer, backend, heldout, args: Args, round: int) -> float:
    """Held-out solve rate of best-first search with the policy (log-prob priority, no critic; with the
    same goal-derived candidates expert iteration searches with when ``args.prior``)."""
    import torch

    from leangym.policy import HFPolicy
    from leangym.search import SearchConfig, best_first_search

    torch.manual_seed(args.seed * 1000 + round)
    policy = HFPolicy(model, tokenizer, temperature=1.0, max_new_tokens=24)
    policy = PriorPolicy(policy) if args.prior else policy
    config = SearchConfig(
        expansions=args.eval_expansions, samples=args.eval_samples, max_depth=args.max_depth, wall_time=600.0
    )
    run = best_first_search(heldout, policy, backend, config)
    return run.solved / max(1, len(heldout))


def train(args: Args, *, backend=None, on_eval: Callable[[int, float], None] | None = None) -> GRPORun:
    """Warm-start by SFT, then GRPO until the env-step budget is spent; returns the held-out curve."""
    import random

    import numpy as np
    import torch
    import transformers
    from torch.utils.tensorboard import SummaryWriter
    from tqdm import tqdm

    from leangym.backend import make_backend
    from trainers.grpo import GRPORunConfig, GRPOStats, train_grpo
    from trainers.sft import SFTRunConfig, train_sft

    # seeding
    set_torch_threads(args.torch_threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    transformers.utils.logging.disable_progress_bar()

    train_problems, heldout = make_split(
        args.family, args.difficulties, args.num_train, args.num_eval, args.seed
    )
    own_backend = backend is None
    backend = backend or make_backend("minilean")
    writer = SummaryWriter(f"{args.run_dir}/{args.run_name}") if args.track else None
    t0 = time.perf_counter()
    try:
        roots = root_states(backend, train_problems)
        found, boot_steps = reference_proofs(backend, train_problems, args.bootstrap)
        examples = [(s, t) for p, states in found for s, t in zip(states, p.reference_proof)]
        tokenizer, model, _ = bootstrap_models(
            [*roots.values(), *(s + "\n" + t for s, t in examples)],
            vocab_size=args.vocab_size,
            n_layer=args.n_layer,
            d_model=args.d_model,
            seed=args.seed,
        )
        sft = SFTRunConfig(
            output_dir="runs/grpo_trainer",
            max_steps=args.sft_steps,
            learning_rate=2e-3,
            seed=args.seed,
            quiet=True,
        )
        model = train_sft(model, tokenizer, examples, sft)
        stats = GRPOStats(env_steps=boot_steps)
        curve = [
            (stats.env_steps, evaluate(model, tokenizer, backend, heldout, args, 0), time.perf_counter() - t0)
        ]
        config = GRPORunConfig(
            output_dir="runs/grpo_trainer",
            mode="tactic",
            max_steps=args.chunk_steps,
            batch_size=args.batch_size,
            num_generations=args.num_generations,
            max_turns=args.max_turns,
            learning_rate=args.learning_rate,
            temperature=args.temperature,
            seed=args.seed,
            logging_steps=1,
            quiet=True,
        )
        bar = tqdm(total=args.total_env_steps, desc="GRPO", unit="step", disable=args.quiet)
        chunk = 0
        while stats.env_steps < args.total_env_steps:
            chunk += 1
            before = stats.env_steps
            model = train_grpo(model, tokenizer, train_problems, backend, config, stats)
            bar.update(min(stats.env_steps, args.total_env_steps) - min(before, args.total_env_steps))
            rate = evaluate(model, tokenizer, backend, heldout, args, chunk)
            curve.append((stats.env_steps, rate, time.perf_counter() - t0))
            bar.set_postfix(
                heldout=f"{rate:.2f}", reward=f"{stats.rewards[-1]:.2f}" if stats.rewards else "-"
            )
            if writer is not None:
                writer.add_scalar("grpo/heldout_rate", rate, stats.env_steps)
                writer.add_scalar(
                    "grpo/mean_reward", stats.rewards[-1] if stats.rewards else 0.0, stats.env_steps
                )
            if on_eval is not None:
                on_eval(stats.env_steps, rate)
        bar.close()
    finally:
        if writer is not None:
            writer.close()
        if own_backend:
            backend.close()
    return GRPORun(args, curve, stats.rewards, model, tokenizer)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(Args, argv, description=describe(__doc__))
    run = train(args)
    for steps, rate, wall in run.curve:
        print(f"env steps {steps:>7}  held-out solve rate {rate:.3f}  wall {wall:6.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
