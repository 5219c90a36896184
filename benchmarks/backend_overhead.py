"""Driver overhead per request against a raw pipe round-trip to the same MiniLean process.

    .venv/bin/python -m benchmarks.backend_overhead --requests 2000

Four ways of sending the same tactic (``constructor`` on one fixed proof state), interleaved in rounds
so that machine noise hits them alike: raw ``os.write``/``os.read`` on the REPL's pipes (the floor),
``ReplProcess.request`` (JSON framing, deadlines, selectors), ``Backend.run_tactic`` over that process
(guard, state tracking, outcome values), and ``Backend.run_tactic`` on in-process MiniLean.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from dataclasses import dataclass

from leangym.backend import make_backend
from leangym.config import describe, option, parse
from leangym.problems import Problem

PROBLEM = Problem("and_intro", "theorem and_intro (p q : Prop) (hp : p) (hq : q) : p ∧ q", header="import Mathlib\n")
TACTIC = "constructor"


def raw_round_trip(proc, payload: bytes) -> None:
    os.write(proc.stdin.fileno(), payload)
    buf = b""
    while not buf.endswith(b"\n\n"):
        buf += os.read(proc.stdout.fileno(), 1 << 16)


@dataclass
class Args:
    requests: int = option(2000, "requests per method, split into rounds")
    rounds: int = option(10, "interleaved rounds (machine noise hits every method alike)")


def main(argv: list[str] | None = None) -> None:
    args = parse(Args, argv, description=describe(__doc__))

    sub = make_backend("minilean", in_process=False, timeout=30)
    inproc = make_backend("minilean", in_process=True, timeout=30)
    s_sub, s_in = sub.start(PROBLEM), inproc.start(PROBLEM)
    transport = sub.workers[0].transport
    request = {"tactic": TACTIC, "proofState": s_sub.handle[2]}
    payload = (json.dumps(request) + "\n\n").encode()
    proc = transport._proc  # the very same process, driven raw
    os.set_blocking(proc.stdin.fileno(), True)

    methods = {
        "raw pipe round-trip": lambda: raw_round_trip(proc, payload),
        "ReplProcess.request": lambda: transport.request(request, 30),
        "Backend.run_tactic (subprocess)": lambda: sub.run_tactic(s_sub, TACTIC),
        "Backend.run_tactic (in-process)": lambda: inproc.run_tactic(s_in, TACTIC),
    }
    per_round = max(1, args.requests // args.rounds)
    samples: dict[str, list[float]] = {k: [] for k in methods}
    for _ in range(args.rounds):
        for name, fn in methods.items():
            t0 = time.perf_counter()
            for _ in range(per_round):
                fn()
            samples[name].append((time.perf_counter() - t0) / per_round * 1e6)
    sub.close()
    inproc.close()

    base = statistics.median(samples["raw pipe round-trip"])
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
          f"{per_round * args.rounds} requests per method in {args.rounds} interleaved rounds (median of rounds)\n")
    print("| method | µs / request | vs raw pipe |")
    print("| --- | ---: | ---: |")
    for name, xs in samples.items():
        med = statistics.median(xs)
        print(f"| {name} | {med:.0f} | {med / base:.2f}× |")
    print(f"\ndriver overhead (Backend.run_tactic − raw): {statistics.median(samples['Backend.run_tactic (subprocess)']) - base:.0f} µs per request")


if __name__ == "__main__":
    main()
