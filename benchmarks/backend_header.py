"""Time saved by header reuse: starting a problem with the header's env cached vs elaborated again.

    .venv/bin/python -m benchmarks.backend_header --starts 200

Measured on MiniLean, where a header (``import Mathlib`` + ``open`` lines) is cheap to elaborate: these
figures are MiniLean's own, not real Lean's. On real Lean ``import Mathlib`` takes seconds per process and
tens of seconds cold, so header reuse saves that on every problem after a process's first; this machine
has no real Lean to measure it. Also measured: the cost of recovering from a restart (spawning a fresh
MiniLean process, its first request, the header, the statement), which every fault handler pays.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from dataclasses import dataclass, replace

from leangym.backend import make_backend
from leangym.config import describe, option, parse
from leangym.minilean.suites import generate
from leangym.problems import DEFAULT_HEADER


def timed_starts(backend, problems, reuse: bool) -> float:
    w = backend.workers[0]
    t0 = time.perf_counter()
    for p in problems:
        if not reuse:
            w.headers.clear()  # forget the env id: the header is elaborated again
        backend.start(p)
    return (time.perf_counter() - t0) / len(problems) * 1e6


@dataclass
class Args:
    starts: int = option(200, "problems started per measurement")
    restarts: int = option(5, "worker restarts timed for the recovery figure")


def main(argv: list[str] | None = None) -> None:
    args = parse(Args, argv, description=describe(__doc__))
    problems = [replace(p, header=DEFAULT_HEADER) for p in generate("propositional", args.starts, seed=1, difficulty=2)]
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
          f"header = leangym.problems.DEFAULT_HEADER (import Mathlib, Aesop, set_option, open ...)\n")
    print("| transport | start() with header reused, µs | header elaborated each time, µs | saved per start |")
    print("| --- | ---: | ---: | ---: |")
    for in_process in (True, False):
        with make_backend("minilean", in_process=in_process, timeout=60) as b:
            b.start(problems[0])
            reuse, fresh = [], []
            for _ in range(3):  # interleaved repetitions
                reuse.append(timed_starts(b, problems, True))
                fresh.append(timed_starts(b, problems, False))
            r, f = statistics.median(reuse), statistics.median(fresh)
            print(f"| {'in-process' if in_process else 'subprocess'} | {r:.0f} | {f:.0f} | {f - r:.0f} µs ({f / r:.2f}×) |")
    with make_backend("minilean", in_process=False, timeout=60) as b:
        b.start(problems[0])
        times = []
        for _ in range(args.restarts):
            b.workers[0].transport.restart()
            t0 = time.perf_counter()
            b.start(problems[1])
            times.append(time.perf_counter() - t0)
        warm = timed_starts(b, problems[:50], True) / 1e6
    print(f"\nrecovery after a restart (fresh `python -m leangym.minilean`, header, statement): "
          f"{statistics.median(times) * 1e3:.0f} ms median of {args.restarts}, vs {warm * 1e3:.2f} ms for a warm start "
          f"({statistics.median(times) / warm:.0f}×)")


if __name__ == "__main__":
    main()
