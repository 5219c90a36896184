"""Does GRPO's mean training reward rise? ``agents.grpo`` over seeds and learning rates, first vs last steps.

Each run SFT-bootstraps a tiny policy on reference proofs of the easiest training problems (so the starting
policy is imperfect), then trains it by GRPO in ``gym.make_vec`` sub-envs until the env-step budget is spent.
Per run: the mean training reward of its first ``k`` and last ``k`` optimisation steps and their difference;
per learning rate: the mean over seeds with a 95% t-interval, and the held-out solve rate before and after GRPO
(``leangym.eval``'s ``policy_only``: best-first search with the policy's samples alone, no candidate generator). Runs go in ``--run-dir`` (each
with its metrics.jsonl and grpo_reward.png); ``--plot`` overlays the seeds' smoothed reward curves.

    python -m benchmarks.grpo_learning --seeds 0,1,2,3,4 --plot benchmarks/grpo_reward.png   # the recorded rise
    python -m benchmarks.grpo_learning --seeds 0,1 --learning-rates 3e-5,1e-4,3e-4,1e-3 --total-env-steps 30000
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from multiprocessing import get_context
from pathlib import Path

from leangym.config import describe, option, parse
from leangym.eval import t_interval


@dataclass
class Config:
    seeds: str = option("0,1,2,3,4", "comma-separated seeds (problem split, model, sampler)")
    learning_rates: str = option("3e-4", "comma-separated GRPO learning rates (several: a sweep)")
    family: str = option("propositional", "MiniLean problem family")
    difficulties: str = option("1,2", "generator difficulties mixed into both splits")
    num_train: int = option(64, "training problems")
    num_eval: int = option(30, "held-out problems (policy-only search before and after GRPO)")
    bootstrap: int = option(16, "easiest training problems whose reference proofs warm-start the policy")
    sft_steps: int = option(100, "SFT steps of the warm start")
    total_env_steps: int = option(60000, "env-step budget per run (bootstrap replays included)")
    batch_size: int = option(32, "episodes per GRPO step")
    num_generations: int = option(8, "episodes per problem (GRPO group)")
    max_turns: int = option(4, "tactics per episode")
    k: int = option(50, "steps averaged at the start and at the end of each run")
    jobs: int = option(2, "runs in parallel (each a process with one torch thread)")
    run_dir: str = option("runs/grpo_learning", "where the runs' folders go")
    plot: str = option("", "write the seeds' reward curves here (PNG); empty: RUN_DIR/grpo_learning.png")


def one_run(config: Config, lr: float, seed: int) -> dict:
    """Train one (learning rate, seed) with ``agents.grpo``; the summary of its metrics.jsonl."""
    os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")
    from agents import grpo

    args = grpo.Args(
        exp_name=f"grpo_lr{lr:g}", seed=seed, family=config.family, difficulties=config.difficulties,
        num_train=config.num_train, num_eval=config.num_eval, bootstrap=config.bootstrap, sft_steps=config.sft_steps,
        total_env_steps=config.total_env_steps, chunk_steps=0, batch_size=config.batch_size,
        num_generations=config.num_generations, max_turns=config.max_turns, learning_rate=lr, generator=False,
        track=False, quiet=True, run_dir=config.run_dir,
    )  # fmt: skip
    t0 = time.perf_counter()
    run = grpo.train(args)
    rewards, k = run.rewards, min(config.k, len(run.rewards) // 2)
    return {
        "lr": lr, "seed": seed, "steps": len(rewards), "first": sum(rewards[:k]) / k, "last": sum(rewards[-k:]) / k,
        "heldout_before": run.curve[0][1], "heldout_after": run.curve[-1][1], "env_steps": run.curve[-1][0],
        "wall_s": time.perf_counter() - t0, "run_path": str(run.run_path), "k": k,
    }  # fmt: skip


def mean_ci(xs: Sequence[float]) -> str:
    m, _low, high = t_interval(xs)
    return f"{m:.3f}" if len(xs) < 2 else f"{m:.3f} ± {high - m:.3f}"


def table(results: list[dict]) -> str:
    lines = [
        "| learning rate | seeds | steps | reward, first k | reward, last k | rise (last − first) | held-out before → after | wall s per run |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for lr in sorted({r["lr"] for r in results}):
        rs = [r for r in results if r["lr"] == lr]
        lines.append(
            f"| {lr:g} | {','.join(str(r['seed']) for r in rs)} | {statistics.fmean(r['steps'] for r in rs):.0f} "
            f"(k={rs[0]['k']}) | {mean_ci([r['first'] for r in rs])} | {mean_ci([r['last'] for r in rs])} "
            f"| {mean_ci([r['last'] - r['first'] for r in rs])} "
            f"| {statistics.fmean(r['heldout_before'] for r in rs):.3f} → {statistics.fmean(r['heldout_after'] for r in rs):.3f} "
            f"| {statistics.fmean(r['wall_s'] for r in rs):.0f} |"
        )
    per_run = ["", "| learning rate | seed | first k | last k | rise | held-out before → after | wall s |", "|---|---|---|---|---|---|---|"]
    for r in sorted(results, key=lambda r: (r["lr"], r["seed"])):
        per_run.append(
            f"| {r['lr']:g} | {r['seed']} | {r['first']:.3f} | {r['last']:.3f} | {r['last'] - r['first']:+.3f} "
            f"| {r['heldout_before']:.3f} → {r['heldout_after']:.3f} | {r['wall_s']:.0f} |"
        )
    return "\n".join(lines + per_run)


def plot_curves(results: list[dict], out: Path, config: Config, window: int = 25) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from trainers.grpo import read_metrics

    fig, ax = plt.subplots(figsize=(6.5, 3.8))
    lrs = sorted({r["lr"] for r in results})
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for r in results:
        rows = read_metrics(Path(r["run_path"]) / "metrics.jsonl")
        reward = [m["mean_reward"] for m in rows]
        smooth = [statistics.fmean(reward[max(0, i - window + 1) : i + 1]) for i in range(len(reward))]
        label = f"lr {r['lr']:g}" if r["seed"] == min(x["seed"] for x in results if x["lr"] == r["lr"]) else None
        ax.plot([m["step"] for m in rows], smooth, color=colors[lrs.index(r["lr"]) % len(colors)], alpha=0.7, label=label)
    ax.set_xlabel(f"GRPO step ({config.batch_size} episodes each)")
    ax.set_ylabel(f"mean training reward ({window}-step average)")
    ax.set_title(f"GRPO on MiniLean {config.family}, one line per seed")
    ax.legend()
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    config = parse(Config, argv, description=describe(__doc__))
    seeds = [int(s) for s in config.seeds.split(",") if s.strip()]
    lrs = [float(x) for x in config.learning_rates.split(",") if x.strip()]
    jobs = [(lr, seed) for lr in lrs for seed in seeds]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=config.jobs, mp_context=get_context("spawn")) as pool:
        results = list(pool.map(one_run, [config] * len(jobs), *zip(*jobs)))
    out = Path(config.run_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps({"config": asdict(config), "runs": results}, indent=1))
    plot = plot_curves(results, Path(config.plot) if config.plot else out / "grpo_learning.png", config)
    print(table(results))
    print(f"\n{len(jobs)} runs in {time.perf_counter() - t0:.0f} s wall ({config.jobs} at a time); plot: {plot}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
