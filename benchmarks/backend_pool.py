"""Pool throughput for 1, 2 and 4 MiniLean worker processes (tactic steps per second).

    .venv/bin/python -m benchmarks.backend_pool --problems 64 --workers 1 2 4

Each round sends one batch through ``LeanPool.run_tactics``: the next reference-proof tactic of
every unfinished problem (propositional suite, difficulty 3). Steps/s counts tactics answered. The
``--sleep-ms`` variant adds Lean's debugging tactic ``sleep N`` to every step, standing in for the
heavier tactics of real Lean (it waits without using CPU, so it shows dispatch concurrency, not
CPU scaling); it is labelled as such in the output.
"""

from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass, replace

from leangym.backend import make_backend
from leangym.backend.api import ProofClosed, ProofState
from leangym.config import describe, option, parse
from leangym.minilean.suites import generate


def run(workers: int, problems, sleep_ms: int) -> tuple[float, int]:
    with make_backend("minilean", workers=workers, in_process=False, timeout=60) as pool:
        pool.start_many(problems[: workers * 2])  # warm every process (imports, header)
        t0 = time.perf_counter()
        live = [(s, list(p.reference_proof)) for s, p in zip(pool.start_many(problems), problems)]
        steps = len(problems)
        while live:
            batch = [(state, rest[0]) for state, rest in live]
            outs = pool.run_tactics(batch)
            if sleep_ms:
                pool.run_tactics([(s, f"sleep {sleep_ms}") for s, _ in live])
                steps += len(live)
            steps += len(batch)
            nxt = []
            for (state, rest), out in zip(live, outs):
                if isinstance(out, ProofState) and len(rest) > 1:
                    nxt.append((out, rest[1:]))
                elif not isinstance(out, ProofClosed | ProofState):
                    raise RuntimeError(f"{state.problem.id}: {out}")
            live = nxt
        return time.perf_counter() - t0, steps


@dataclass
class Args:
    problems: int = option(64, "problems proved per configuration")
    workers: list[int] = option(default_factory=lambda: [1, 2, 4], help="pool sizes to measure")
    sleep_ms: int = option(0, "also run `sleep N` once per step (emulates slow tactics)")


def main(argv: list[str] | None = None) -> None:
    args = parse(Args, argv, description=describe(__doc__))
    problems = [replace(p, header="import Mathlib\n") for p in generate("propositional", args.problems, seed=0, difficulty=3)]
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
          f"{args.problems} problems, propositional d3{f', plus sleep {args.sleep_ms} ms per step' if args.sleep_ms else ''}\n")
    print("| workers | seconds | steps | steps/s | vs 1 worker |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    base = None
    for w in args.workers:
        secs, steps = run(w, problems, args.sleep_ms)
        rate = steps / secs
        base = base or rate
        print(f"| {w} | {secs:.2f} | {steps} | {rate:.0f} | {rate / base:.2f}× |", flush=True)


if __name__ == "__main__":
    main()
