"""MiniLean per-tactic latency of two source trees, measured side by side.

Run: ``.venv/bin/python benchmarks/latency_compare.py --base OLD_TREE [--rounds 3 --repeat 200]``,
where ``OLD_TREE`` is a checkout of an earlier commit (``git worktree add /tmp/old COMMIT``). Each
round runs ``benchmarks/minilean_latency.py`` once in each tree (a fresh interpreter per run, the
tree first on ``PYTHONPATH``), alternating so that machine noise hits both alike; the table gives the
median over rounds and the ratio new/base. Prints a Markdown table.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from leangym.config import describe, option, parse

HERE = Path(__file__).resolve().parent.parent


def run_tree(tree: Path, repeat: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run(
        [sys.executable, str(tree / "benchmarks" / "minilean_latency.py"), "--repeat", str(repeat)],
        cwd=tree, env=env, capture_output=True, text=True, check=True,
    ).stdout
    rows: dict[str, float] = {}
    for line in out.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2:
            try:
                rows[cells[0]] = float(cells[1])
            except ValueError:
                continue
    return rows


@dataclass
class Args:
    base: str = option(help="checkout of the earlier commit to compare against")
    new: str = option(str(HERE), "checkout to measure (default: this one)")
    rounds: int = option(3, "alternating runs per tree")
    repeat: int = option(200, "applications per tactic in each run")


def main(argv: list[str] | None = None) -> None:
    args = parse(Args, argv, description=describe(__doc__))
    base: dict[str, list[float]] = {}
    new: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for tree, acc in ((Path(args.base), base), (Path(args.new), new)):
            for k, v in run_tree(tree.resolve(), args.repeat).items():
                acc.setdefault(k, []).append(v)
    print("| tactic | base median (ms) | new median (ms) | new / base |")
    print("| --- | ---: | ---: | ---: |")
    for k in base:
        if k not in new:
            continue
        b, n = statistics.median(base[k]), statistics.median(new[k])
        print(f"| {k} | {b:.3f} | {n:.3f} | {n / b:.2f} |")


if __name__ == "__main__":
    main()
