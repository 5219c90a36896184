"""Expert iteration vs PPO (SB3) vs GRPO with ablation rows, on the same problems, seeds and env-step budget.

The comparison lives in ``agents.compare`` (the demo runs it too); this is its benchmark entry point. Rows:
the candidate generator alone (uniform order, fixed rule), expert iteration's critic over the generator,
its policy alone and the full agent at every round, GRPO (full, policy alone) and PPO, all scored by
``leangym.eval`` at the same per-problem budget; per cell the mean over seeds with a 95% t interval and the
pooled 95% Wilson interval. Output goes to ``--run-dir`` (default ``runs/comparison``); ``--record`` writes
the recorded ``benchmarks/results/comparison.md`` and ``benchmarks/comparison.png``.

    python -m benchmarks.exit_vs_ppo                          # laptop preset: minutes on 2 CPU cores
    python -m benchmarks.exit_vs_ppo --preset full --record   # 2 families x 5 seeds x 300/100 problems
    python -m benchmarks.exit_vs_ppo --preset full --resume   # continue a partial run in the same --run-dir
    python -m benchmarks.exit_vs_ppo --preset large           # GPU / bigger settings
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from agents.compare import ComparisonConfig, apply_preset, run_comparison
from leangym.config import describe, given_fields, parse


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    config = parse(ComparisonConfig, argv, description=describe(__doc__), prog="python -m benchmarks.exit_vs_ppo")
    config = apply_preset(config, given_fields(ComparisonConfig, argv))
    results = run_comparison(config, command="python -m benchmarks.exit_vs_ppo " + " ".join(argv))
    print(results.table)
    print(f"plot: {results.plot}")
    if config.out_md:
        print(f"tables, conditions and command: {config.out_md}")
    print(f"wall time: {results.wall_s / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
