"""GRPO against the tactic environment: a tiny LLM policy trained by TRL's GRPOTrainer on Lean's reward.

The policy starts where expert iteration starts (same tokenizer, same initial weights, SFT on the same
reference proofs of the easiest training problems), then GRPO plays tactic-level episodes in ``gym.make_vec``
sub-envs (``trainers.grpo.TacticRollout``: each turn the policy, batched across the sub-envs, writes one
tactic for one state, in the prompt format SFT and evaluation use), rewarding 1 for a verified proof. One
trainer runs until ``total_env_steps`` tactics have been sent (bootstrap replays included), so the optimizer
state and the problem order carry on; every ``chunk_steps`` optimisation steps the policy is evaluated on the
held-out split with the same evaluator and budget expert iteration uses.

Problems: a MiniLean family, ``--env-id`` or ``--problems``/``--eval-problems`` files (``agents.common``).
Writes ``RUN_DIR/metrics.jsonl`` (one line per step: algorithm, step, env_steps, forward_tokens, wall_s,
mean_reward, verified; one per held-out evaluation in each of :data:`EVAL_MODES`, through ``leangym.eval``:
round, eval, solved, total, solve_rate and its interval), ``RUN_DIR/grpo_reward.png``, TensorBoard events
and, at every evaluation, ``RUN_DIR/checkpoints/eval_N/`` (the policy evaluated and its ``eval.json``:
``leangym eval --checkpoint RUN_DIR/checkpoints/eval_N`` reproduces the logged number), with
``RUN_DIR = RUN_DIR_ROOT/PROBLEMS__EXP__SEED__TIME``.

    python -m agents.grpo --total-env-steps 4000
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from agents.common import (
    ProblemArgs,
    bootstrap_models,
    policy_settings,
    reference_proofs,
    root_states,
    save_problem_files,
    select_problems,
    set_torch_threads,
)
from leangym.config import describe, option, parse
from leangym.eval import EvalConfig

EVAL_MODES = ("full", "policy_only")
"""Held-out evaluations at every chunk, as expert iteration's: the policy choosing among its samples and the
candidate generator's tactics, and the policy alone."""


@dataclass
class Args(ProblemArgs):
    exp_name: str = option("grpo", "experiment name (part of the run folder's name)")
    seed: int = option(0, "seed of the problem split, the model and the sampler")
    bootstrap: int = option(15, "easy training problems whose reference proofs warm-start the policy (SFT)")
    sft_steps: int = option(100, "SFT steps of the warm start (batch 16)")
    total_env_steps: int = option(4000, "tactics sent to the env, bootstrap replays and GRPO rollouts (the budget)")
    chunk_steps: int = option(10, "GRPO optimisation steps between held-out evaluations (0: first and last only)")
    batch_size: int = option(32, "episodes per optimisation step (also the number of vector sub-envs)")
    num_generations: int = option(8, "episodes per problem (GRPO group)")
    max_turns: int = option(6, "tactics per episode")
    learning_rate: float = option(3e-4, "AdamW learning rate of GRPO (swept: benchmarks/results/agents.md)")
    temperature: float = option(1.0, "rollout sampling temperature")
    eval_expansions: int = option(8, "held-out search expansions per problem (as expert iteration)")
    eval_samples: int = option(4, "held-out tactics per expansion (as expert iteration)")
    generator: bool = option(
        True, "the curve's evaluation: 'full' (the policy ranks the candidate generator's tactics too) or policy_only"
    )
    max_depth: int = option(8, "longest proof searched at evaluation")
    n_layer: int = option(2, "transformer layers")
    d_model: int = option(64, "hidden size")
    vocab_size: int = option(800, "BPE vocabulary trained on the environment's text")
    torch_threads: int = option(1, "CPU threads for torch (0: torch's default)")
    track: bool = option(True, "write TensorBoard events into the run folder")
    run_dir: str = option("runs", "root of the run folders (one per run, named after exp_name and seed)")
    quiet: bool = option(False, "no progress bar")

    @property
    def run_name(self) -> str:
        return f"{self.problem_tag}__{self.exp_name}__{self.seed}__{int(time.time())}"


@dataclass
class GRPORun:
    """Held-out solve rate against environment steps (and wall time) at each evaluation; per-step rewards."""

    args: Args
    curve: list[tuple[int, float, float]]  # (env steps, held-out solve rate, wall seconds)
    rewards: list[float]  # mean training reward per optimisation step
    verified: list[int]  # verified proofs per optimisation step
    run_path: Path
    model: object = None
    tokenizer: object = None

    @property
    def final_rate(self) -> float:
        return self.curve[-1][1]


POLICY_SETTINGS = policy_settings()
"""How every held-out evaluation samples the policy (saved with each checkpoint): fixed, whatever the
rollouts' temperature, so that evaluations compare across runs."""


def eval_config(args: Args, mode: str) -> EvalConfig:
    """The fixed held-out budget (the same at every chunk, so chunks compare)."""
    return EvalConfig(
        mode=mode,  # type: ignore[arg-type]
        expansions=args.eval_expansions,
        samples=args.eval_samples,
        max_depth=args.max_depth,
        priority="logprob",
        seed=args.seed,
    )


def evaluate(model, tokenizer, backend, heldout, args: Args, folder: Path) -> dict:
    """Held-out results of every mode in :data:`EVAL_MODES` through :func:`leangym.eval.evaluate`.

    Runs on a forked torch RNG, so that evaluating mid-training leaves the rollouts' random stream alone.
    """
    import torch

    from leangym import eval as lg_eval
    from leangym.policy import HFPolicy

    policy = HFPolicy(model, tokenizer, **POLICY_SETTINGS)
    with torch.random.fork_rng():
        return {
            mode: lg_eval.evaluate(
                heldout, backend, policy=policy, config=eval_config(args, mode),
                results_path=folder / f"eval_{mode}.jsonl",
            )
            for mode in EVAL_MODES
        }  # fmt: skip


def train(args: Args, *, backend=None, on_eval: Callable[[int, float], None] | None = None) -> GRPORun:
    """Warm-start by SFT, then GRPO until the env-step budget is spent; returns the held-out curve."""
    import random

    import numpy as np
    import torch
    import transformers
    from torch.utils.tensorboard import SummaryWriter
    from tqdm import tqdm
    from transformers import TrainerCallback

    from leangym import models
    from leangym.backend import make_backend
    from leangym.eval import log_metrics, save_settings
    from trainers.grpo import GRPORunConfig, GRPOStats, plot_rewards, train_grpo
    from trainers.sft import SFTRunConfig, train_sft

    # seeding
    set_torch_threads(args.torch_threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    transformers.utils.logging.disable_progress_bar()

    train_problems, heldout = select_problems(args, args.seed)
    run_path = Path(args.run_dir) / args.run_name
    run_path.mkdir(parents=True, exist_ok=True)
    eval_file = save_problem_files(run_path, train_problems, heldout)
    metrics = run_path / "metrics.jsonl"
    own_backend = backend is None
    backend = backend or make_backend("minilean")
    writer = SummaryWriter(str(run_path)) if args.track else None
    t0 = time.perf_counter()
    stats = GRPOStats()
    curve: list[tuple[int, float, float]] = []

    def log_eval(model, tokenizer, chunk: int, step: int) -> None:
        results = evaluate(model, tokenizer, backend, heldout, args, run_path)
        wall = time.perf_counter() - t0
        for result in results.values():
            log_metrics(
                metrics, result, algorithm="grpo", round=chunk, env_steps=stats.env_steps, wall_s=wall,
                step=step, forward_tokens=stats.forward_tokens,
            )  # fmt: skip
        # the weights just evaluated, with the settings that let `leangym eval --checkpoint` reproduce the number
        ckpt = run_path / "checkpoints" / f"eval_{chunk}"
        models.save(model, tokenizer, ckpt / "policy")
        save_settings(
            ckpt, eval_config(args, "full" if args.generator else "policy_only"), problems=eval_file,
            policy={**POLICY_SETTINGS, "torch_threads": args.torch_threads},
        )  # fmt: skip
        rate = results["full" if args.generator else "policy_only"].solve_rate
        curve.append((stats.env_steps, rate, wall))
        if writer is not None:
            for mode, result in results.items():
                writer.add_scalar(f"grpo/heldout_{mode}", result.solve_rate, stats.env_steps)
        if on_eval is not None:
            on_eval(stats.env_steps, rate)

    try:
        roots = root_states(backend, train_problems)
        found, boot_steps = reference_proofs(backend, train_problems, args.bootstrap)
        stats.env_steps = boot_steps
        examples = [(s, t) for p, states in found for s, t in zip(states, p.reference_proof)]
        tokenizer, model, _ = bootstrap_models(
            [*roots.values(), *(s + "\n" + t for s, t in examples)],
            vocab_size=args.vocab_size,
            n_layer=args.n_layer,
            d_model=args.d_model,
            seed=args.seed,
        )
        sft = SFTRunConfig(
            output_dir=str(run_path / "sft"),
            max_steps=args.sft_steps,
            learning_rate=2e-3,
            seed=args.seed,
            quiet=True,
        )
        model = train_sft(model, tokenizer, examples, sft)
        log_eval(model, tokenizer, 0, 0)
        config = GRPORunConfig(
            output_dir=str(run_path / "trainer"),
            metrics_path=str(metrics),
            mode="tactic",
            env_id=args.env_id or "MiniLean-v0",  # which registered env plays the episodes (the problems are ours)
            max_steps=0,
            max_env_steps=args.total_env_steps,
            batch_size=args.batch_size,
            num_generations=args.num_generations,
            max_turns=args.max_turns,
            learning_rate=args.learning_rate,
            temperature=args.temperature,
            seed=args.seed,
            logging_steps=1,
            quiet=True,
        )
        bar = tqdm(total=args.total_env_steps, initial=boot_steps, desc="GRPO", unit="step", disable=args.quiet)

        class Chunks(TrainerCallback):
            """Progress, TensorBoard scalars and a held-out evaluation every ``chunk_steps`` steps."""

            evaluated_at = 0

            def on_step_end(self, _args, state, control, model=None, **kwargs):
                bar.update(min(stats.env_steps, bar.total) - bar.n)
                bar.set_postfix(reward=f"{stats.rewards[-1]:.2f}", heldout=f"{curve[-1][1]:.2f}")
                if writer is not None:
                    writer.add_scalar("grpo/mean_reward", stats.rewards[-1], stats.env_steps)
                if args.chunk_steps and state.global_step % args.chunk_steps == 0:
                    self.evaluate(model, state.global_step)

            def on_train_end(self, _args, state, control, model=None, **kwargs):
                if self.evaluated_at != state.global_step:
                    self.evaluate(model, state.global_step)

            def evaluate(self, model, step: int) -> None:
                model.eval()
                log_eval(model, tokenizer, len(curve), step)
                model.train()
                self.evaluated_at = step

        model = train_grpo(model, tokenizer, train_problems, backend, config, stats, callbacks=[Chunks()], t0=t0)
        bar.close()
        plot_rewards(metrics, run_path / "grpo_reward.png")
    finally:
        if writer is not None:
            writer.close()
        if own_backend:
            backend.close()
    return GRPORun(args, curve, stats.rewards, stats.verified, run_path, model, tokenizer)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(Args, argv, description=describe(__doc__))
    run = train(args)
    for steps, rate, wall in run.curve:
        print(f"env steps {steps:>7}  held-out solve rate {rate:.3f}  wall {wall:6.1f}s")
    k = max(1, len(run.rewards) // 5)
    if run.rewards:
        first, last = sum(run.rewards[:k]) / k, sum(run.rewards[-k:]) / k
        print(f"mean training reward: first {k} steps {first:.3f}, last {k} steps {last:.3f}")
    print(f"metrics and plot in {run.run_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
