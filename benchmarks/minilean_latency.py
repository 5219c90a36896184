"""Per-tactic latency of MiniLean, in-process (no subprocess, no JSON).

Run: ``.venv/bin/python benchmarks/minilean_latency.py [--repeat N]``. For each tactic, a fresh
proof state is created once and the tactic is applied to it ``N`` times (each application is a
full REPL ``tactic`` request: parse (cached), run, record a new state). Prints a Markdown table.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from leangym.config import describe, option, parse
from leangym.minilean.repl import MiniLeanRepl

CASES = [
    ("intro", "theorem t (p q : Prop) : p → q → p", "intro hp hq"),
    ("exact", "theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q", "exact ⟨hp, hq⟩"),
    ("rw", "theorem t (a b c : ℝ) (h : a = 2 * b) (hb : b = c + 1) : a = 2 * c + 2", "rw [h, hb]"),
    ("simp", "theorem t (x : ℕ) (h : x = 3) : x + 0 = 3", "simp [h]"),
    ("norm_num", "theorem t : (2 : ℝ) ^ 10 - 24 = 1000", "norm_num"),
    ("linarith", "theorem t (x y : ℝ) (h1 : 2 * x + y = 7) (h2 : x - y = 2) : x = 3", "linarith"),
    ("nlinarith", "theorem t (a b : ℝ) : 2 * a * b ≤ a ^ 2 + b ^ 2", "nlinarith [sq_nonneg (a - b)]"),
    ("omega", "theorem t (n : ℕ) (h : n % 4 = 3) : n % 2 = 1", "omega"),
    ("ring", "theorem t (x y : ℝ) : (x + y) ^ 3 = x ^ 3 + 3 * x ^ 2 * y + 3 * x * y ^ 2 + y ^ 3", "ring"),
]


def measure(repeat: int) -> list[tuple[str, float, float, str]]:
    rows = []
    for name, stmt, tactic in CASES:
        repl = MiniLeanRepl()
        env = repl.handle({"cmd": "import Mathlib"})["env"]
        sid = repl.handle({"cmd": stmt + " := by sorry", "env": env})["sorries"][0]["proofState"]
        status = repl.handle({"tactic": tactic, "proofState": sid}).get("proofStatus", "error")
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            repl.handle({"tactic": tactic, "proofState": sid})
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        rows.append((name, med * 1e3, 1.0 / med, status))
    # starting a theorem: a whole `cmd` with `:= by sorry` (statement elaboration is cached by text)
    repl = MiniLeanRepl()
    env = repl.handle({"cmd": "import Mathlib"})["env"]
    cmd = {"cmd": CASES[-1][1] + " := by sorry", "env": env}
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        repl.handle(cmd)
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    rows.append(("start theorem (cmd … := by sorry)", med * 1e3, 1.0 / med, "sorry"))
    return rows


@dataclass
class Args:
    repeat: int = option(200, "applications per tactic")


def main(argv: list[str] | None = None) -> None:
    args = parse(Args, argv, description=describe(__doc__))
    print("| tactic | median latency (ms) | steps/s | status |")
    print("| --- | ---: | ---: | --- |")
    for name, ms, rate, status in measure(args.repeat):
        print(f"| {name} | {ms:.3f} | {rate:,.0f} | {status} |")


if __name__ == "__main__":
    main()
