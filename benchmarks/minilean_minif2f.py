"""miniF2F-Lite figures for MiniLean: how many statements parse, how often the printed initial goal
equals Lean's (the dataset's ``goal`` field), and what a fixed one-tactic sweep proves.

Run: ``.venv/bin/python benchmarks/minilean_minif2f.py [--data ../shared/data/minif2f/minif2f.jsonl]
[--limit-s 2]``. Prints a Markdown summary.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from leangym.config import describe, option, parse
from leangym.errors import ReplTimeout
from leangym.minilean import fragment
from leangym.minilean.repl import MiniLeanRepl

SWEEP = ["norm_num", "simp", "linarith", "nlinarith", "omega", "positivity", "decide"]


@dataclass
class Args:
    data_path: str = option(str(Path(__file__).resolve().parents[2] / "shared/data/minif2f/minif2f.jsonl"), "miniF2F JSONL file")
    limit_s: float = option(2.0, "time limit per tactic attempt")


def main(argv: list[str] | None = None) -> None:
    args = parse(Args, argv, description=describe(__doc__))
    records = [json.loads(line) for line in open(args.data_path, encoding="utf-8") if line.strip()]
    problems = fragment.minif2f_lite(args.data_path)
    exact = sum(1 for p in problems if fragment.initial_goal(p.statement, p.header) == p.meta["goal"])
    mismatches = [p.id for p in problems if fragment.initial_goal(p.statement, p.header) != p.meta["goal"]]
    by_tactic = dict.fromkeys(SWEEP, 0)
    proved: set[str] = set()
    timeouts = 0
    t0 = time.perf_counter()
    for p in problems:
        repl = MiniLeanRepl()
        env = repl.handle({"cmd": p.header})["env"]
        for tac in SWEEP:
            try:
                r = repl.handle({"cmd": f"{p.statement} := by\n  {tac}", "env": env}, timeout=args.limit_s)
            except ReplTimeout:
                timeouts += 1
                continue
            if not r.get("messages") and not r.get("sorries"):
                by_tactic[tac] += 1
                proved.add(p.id)
    wall = time.perf_counter() - t0
    split = {s: sum(1 for p in problems if p.split == s) for s in ("valid", "test")}
    solved_split = {s: sum(1 for p in problems if p.split == s and p.id in proved) for s in ("valid", "test")}
    print(f"- statements: {len(records)}; parse (miniF2F-Lite): {len(problems)} "
          f"({len(problems) / len(records):.1%}; valid {split['valid']}, test {split['test']})")
    print(f"- printed initial goal == Lean's `goal`: {exact}/{len(problems)} ({exact / max(1, len(problems)):.1%})")
    if mismatches:
        print(f"- goal mismatches: {', '.join(mismatches)}")
    print(f"- one-tactic sweep ({', '.join(SWEEP)}; {args.limit_s:g} s each): {len(proved)}/{len(problems)} proved "
          f"(valid {solved_split['valid']}, test {solved_split['test']}); {timeouts} attempts timed out; "
          f"{wall:.0f} s wall")
    print("- proved per tactic: " + ", ".join(f"{k} {v}" for k, v in by_tactic.items()))


if __name__ == "__main__":
    main()
