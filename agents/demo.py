"""The README's main job (`make demo`): agents prove MiniLean problems, no Lean install needed.

1. A breadth-first search baseline (no learning) proves a generated problem suite in a Gymnasium
   environment's engine and prints solved/attempted, tactic calls and time.
2. The head-to-head benchmark: expert iteration, PPO (stable-baselines3) and GRPO (TRL) trained on the
   same problems with the same environment-step budget, scored on held-out problems by one evaluator next
   to the ablation rows (candidate generator alone, + fixed rule, + expert iteration's critic, policy
   alone); prints the table and the plot's path (`agents/compare.py`, also `python -m benchmarks.exit_vs_ppo`).

    python -m agents.demo            # laptop preset: one family, 2 seeds; under 10 minutes on 2 CPU cores
    python -m agents.demo --gpu      # larger settings, meant for a GPU
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from agents.baseline_bfs import BFSConfig, bfs, format_table
from agents.compare import ComparisonConfig, apply_preset, run_comparison
from leangym.config import describe, given_fields, option, parse


@dataclass
class DemoArgs:
    gpu: bool = option(False, "larger settings (the comparison's `large` preset)")
    seeds: str = option("0,1", "comma-separated seeds for the comparison")
    jobs: int = option(2, "comparison runs at a time (one process and one torch thread each)")
    algorithms: str = option("exit,ppo,grpo", "which of exit, ppo, grpo to compare")
    skip_baseline: bool = option(False, "go straight to the comparison")
    run_dir: str = option("runs/demo", "parent folder; each run writes a fresh timestamped folder in it")


def run_baseline(family: str, difficulties: list[int], per_difficulty: int, seed: int) -> str:
    from tqdm import tqdm

    from leangym.backend import make_backend
    from leangym.minilean.suites import generate

    problems = [p for d in difficulties for p in generate(family, per_difficulty, seed=seed, difficulty=d)]
    backend = make_backend("minilean")
    try:
        results = [bfs(backend, p, BFSConfig()) for p in tqdm(problems, desc="BFS baseline", unit="problem")]
    finally:
        backend.close()
    return format_table(results)


def comparison_config(args: DemoArgs, out: Path, given: set[str] | frozenset[str] = frozenset()) -> ComparisonConfig:
    """The comparison the demo runs: the ``laptop`` preset (or ``large`` with ``--gpu``), written under ``out``."""
    # The demo writes under --run-dir; benchmarks/results/ holds only figures recorded on purpose.
    config = ComparisonConfig(seeds=args.seeds, algorithms=args.algorithms, gpu=args.gpu, jobs=args.jobs, run_dir=str(out))
    return apply_preset(config, given=given & {"seeds", "jobs"})


def main(argv: list[str] | None = None) -> int:
    args = parse(DemoArgs, argv, description=describe(__doc__))

    t0 = time.perf_counter()
    # A fresh folder per run: expert iteration resumes from an existing store, which a demo must not do.
    out = Path(args.run_dir) / time.strftime("%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    config = comparison_config(args, out, given_fields(DemoArgs, argv))
    if not args.skip_baseline:
        print("== 1. Baseline: breadth-first search over goal-aware tactics (no learning) ==")
        difficulties = [int(d) for d in config.difficulties.split(",")]
        print(run_baseline(config.family_list()[0], difficulties, per_difficulty=10, seed=1000))
        print(
            f"(budget: up to {BFSConfig.max_expansions} expansions per problem, every candidate tactic tried; "
            f"the held-out evaluation below gives each agent {config.eval_expansions} expansions x "
            f"{config.eval_samples} tactics, so the two are not comparable)\n"
        )
    print("== 2. Expert iteration vs PPO vs GRPO: same problems, same environment-step budget ==")
    results = run_comparison(config, command="python -m agents.demo " + " ".join(sys.argv[1:] if argv is None else argv))
    print(results.table)
    print(f"\nplot: {results.plot}")
    if config.out_md:
        print(f"table also written to {config.out_md}")
    print(f"demo finished in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
