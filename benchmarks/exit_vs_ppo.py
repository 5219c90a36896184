"""Expert iteration vs PPO (SB3) vs GRPO on the same MiniLean problems, seeds and environment-step budget.

The comparison lives in ``agents.compare`` (the demo runs it too); this is its benchmark entry point.
Output goes to ``--run-dir`` (default ``runs/exit_vs_ppo``); the recorded figures were written with
``--out-md benchmarks/results/agents.md --plot benchmarks/exit_vs_ppo.png``.

    python -m benchmarks.exit_vs_ppo                 # laptop preset: a few minutes on 2 CPU cores
    python -m benchmarks.exit_vs_ppo --preset large  # GPU / bigger settings
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
    results = run_comparison(config)
    print(results.table)
    print(f"plot: {results.plot}")
    if config.out_md:
        print(f"table and command: {config.out_md}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
