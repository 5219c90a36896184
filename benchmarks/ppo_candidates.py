"""PPO over the candidate generator's actions: held-out solve rate before vs after training, several seeds.

For each family and seed, ``agents.ppo_sb3`` trains ``--timesteps`` env steps and its policy is scored by
``leangym.eval`` at step 0 (untrained) and at the end, in modes ``full`` and ``policy_only``, next to the
no-learning rows (``generator_uniform``, ``generator_rule``) at the same budget. The table gives the mean
over seeds with a 95% t-interval over seeds and the pooled solved/total with a Wilson interval.

    python -m benchmarks.ppo_candidates --seeds 0,1,2 --families propositional,systems
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from leangym.config import describe, option, parse
from leangym.eval import read_metrics, t_interval, wilson_interval


@dataclass
class Args:
    seeds: str = option("0,1,2", "comma-separated seeds (each: its own split, envs and initialisation)")
    families: str = option("propositional,systems", "comma-separated MiniLean families")
    timesteps: str = option("40000,8000", "training env steps per family (one value, or one per family)")
    num_train: int = option(300, "training problems per seed")
    num_eval: int = option(100, "held-out problems per seed")
    eval_expansions: int = option(8, "held-out search: states expanded per problem")
    eval_samples: int = option(4, "held-out search: tactics tried per expansion")
    num_envs: int = option(4, "gym.make_vec sub-envs")
    run_dir: str = option("runs/ppo_candidates", "folder for the runs and the table")


def _interval(values: Sequence[float]) -> str:
    mean, low, high = t_interval(values)
    return f"{mean:.3f}" if len(values) < 2 else f"{mean:.3f} [{low:.3f}, {high:.3f}]"


def main(argv: Sequence[str] | None = None) -> int:
    from agents import ppo_sb3

    args = parse(Args, argv, description=describe(__doc__), prog="python -m benchmarks.ppo_candidates")
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    families = [f.strip() for f in args.families.split(",") if f.strip()]
    steps = [int(s) for s in args.timesteps.split(",")]
    steps = steps * len(families) if len(steps) == 1 else steps
    rows = ["| family | train env steps | row | " + " | ".join(f"seed {s}" for s in seeds) + " | mean [95% CI over seeds] | pooled (Wilson 95%) | wall s / seed |",
            "|---|---|---|" + "---|" * (len(seeds) + 3)]  # fmt: skip
    for family, budget in zip(families, steps):
        per_row: dict[str, list[tuple[int, int]]] = {}
        walls = []
        for seed in seeds:
            t0 = time.perf_counter()
            run = ppo_sb3.train(
                ppo_sb3.Args(
                    family=family, seed=seed, num_train=args.num_train, num_eval=args.num_eval,
                    total_timesteps=budget, eval_every=budget, num_envs=args.num_envs,
                    eval_expansions=args.eval_expansions, eval_samples=args.eval_samples,
                    track=False, quiet=True, run_dir=args.run_dir,
                )  # fmt: skip
            )
            walls.append(time.perf_counter() - t0)
            for m in read_metrics(run.run_path / "metrics.jsonl"):
                name = m["eval"] if m["eval"].startswith("generator") else f"PPO {m['eval']}, {'start' if m['round'] == 0 else 'end'}"
                per_row.setdefault(name, []).append((m["solved"], m["total"]))
        for name, counts in per_row.items():
            rates = [s / t for s, t in counts]
            solved, total = sum(s for s, _ in counts), sum(t for _, t in counts)
            lo, hi = wilson_interval(solved, total)
            cells = " | ".join(f"{s}/{t}" for s, t in counts)
            rows.append(
                f"| {family} | {budget} | {name} | {cells} | {_interval(rates)} | {solved}/{total} [{lo:.3f}, {hi:.3f}] "
                f"| {statistics.fmean(walls):.0f} |"
            )
    table = "\n".join(rows)
    out = Path(args.run_dir) / "ppo_candidates.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(table + "\n")
    print(table)
    print(f"\nwritten: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
