"""Throughput of a slow-tactic workload on a local Ray cluster of 1 node vs 2 nodes (same job, one run).

    .venv/bin/python -m benchmarks.ray_nodes --problems 32 --rounds 2 --repeats 3 --kill-after 3

Each configuration is a real cluster of ``ray start`` process trees on this machine
(:class:`leangym.backend.ray_cluster.LocalCluster`): a head node alone, then a head node and a second
node, each node with ``--num-cpus`` CPUs and one :class:`~leangym.backend.ray_pool.RayPool` actor per
CPU (``spread=True``). The job is the same for both: start every problem, then ``--rounds`` times run
each problem's closing tactic from its root state in one ``run_tactics`` batch, then verify every proof
(``verify_many``). The tactics are MiniLean's real decision procedures on larger instances, no sleeps:
``interval_cases n <;> omega`` over 40-80 cases and ``nlinarith`` with seven hint products (about
0.1-0.25 s each on one core). Rate = tactic and verify requests answered per second; the ratio is
2 nodes over 1 node. ``--kill-after S`` adds a third run on 2 nodes whose second node is SIGKILLed S
seconds into the job, with the requests :class:`RayPool` re-ran (lost in flight) and moved (their
state's actor was gone) after the loss. On a shared machine the ratio is bounded by the free cores: the load average
before the run is printed beside it.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from dataclasses import dataclass

from leangym.backend.api import ProofClosed
from leangym.config import describe, option, parse
from leangym.problems import Problem


def workload(n: int) -> list[tuple[Problem, str]]:
    """``n`` true statements, each with a tactic that proves it and costs a tenth of a second or more.

    Even ones: ``(m * m + c) % 7 ≠ (c + 3) % 7`` for ``m < K`` (squares mod 7 are 0, 1, 2, 4, so it
    holds for every ``m``), closed by case analysis with ``omega`` on each case. Odd ones: AM-GM for three
    non-negative reals plus a non-negative constant, closed by ``nlinarith`` with seven hints.
    """
    out = []
    for i in range(n):
        if i % 2 == 0:
            k, c = 40 + (i * 7) % 41, i % 7
            stmt = f"theorem slow_{i} (m : ℕ) (h : m < {k}) : (m * m + {c}) % 7 ≠ {(c + 3) % 7}"
            tactic = "interval_cases m <;> omega"
        else:
            stmt = f"theorem slow_{i} (a b c : ℝ) (ha : 0 ≤ a) (hb : 0 ≤ b) (hc : 0 ≤ c) : a^3 + b^3 + c^3 + {i} ≥ 3*a*b*c"
            tactic = ("nlinarith [sq_nonneg (a - b), sq_nonneg (b - c), sq_nonneg (a - c), mul_nonneg ha hb, "
                      "mul_nonneg hb hc, mul_nonneg ha hc, sq_nonneg (a + b + c)]")  # fmt: skip
        out.append((Problem(id=f"slow/{i}", statement=stmt, header="import Mathlib\n", source="benchmark"), tactic))
    return out


def run(
    nodes: int, cpus: int, jobs: list[tuple[Problem, str]], rounds: int, kill_after: float | None = None
) -> tuple[float, int, dict]:
    """Seconds and requests for the job on a fresh cluster of ``nodes`` nodes; the pool's stats.

    ``kill_after``: SIGKILL the last node that many seconds into the job (its work is re-run elsewhere).
    """
    import threading

    import ray

    from leangym.backend.ray_cluster import LocalCluster
    from leangym.backend.ray_pool import RayPool

    with LocalCluster() as cluster:
        cluster.start_head(num_cpus=cpus)
        for i in range(1, nodes):
            cluster.add_node(num_cpus=cpus, name=f"node{i}")
        ray.init(address=cluster.address, log_to_driver=False, configure_logging=False)
        try:
            while sum(n["Alive"] for n in ray.nodes()) < nodes:
                time.sleep(0.2)
            with RayPool("minilean", actors=nodes * cpus, spread=True, timeout=120) as pool:
                if len(set(pool.actor_nodes())) != nodes:
                    raise RuntimeError(f"actors landed on {len(set(pool.actor_nodes()))} nodes, not {nodes}")
                problems = [p for p, _ in jobs]
                pool.start_many(problems[: nodes * cpus * 2])  # warm every actor (imports, header)
                timer = None
                if kill_after is not None:
                    timer = threading.Timer(kill_after, cluster.kill_node, [cluster.nodes[-1]])
                    timer.start()
                t0 = time.perf_counter()
                roots = pool.start_many(problems)
                requests = len(problems)
                for _ in range(rounds):
                    outs = pool.run_tactics([(root, tactic) for root, (_, tactic) in zip(roots, jobs)])
                    requests += len(outs)
                    bad = [o for o in outs if not isinstance(o, ProofClosed)]
                    if bad:
                        raise RuntimeError(f"a slow tactic did not close its goal: {bad[0]}")
                verdicts = pool.verify_many([(p, [t]) for p, t in jobs])
                requests += len(verdicts)
                if not all(v.ok for v in verdicts):
                    raise RuntimeError("a proof failed verification")
                secs = time.perf_counter() - t0
                if timer is not None:
                    timer.join()
                return secs, requests, pool.stats()
        finally:
            ray.shutdown()


@dataclass
class Args:
    problems: int = option(32, "statements in the job (half interval_cases + omega, half nlinarith)")
    rounds: int = option(2, "times each closing tactic is run from its root state")
    cpus: int = option(1, "CPUs per node (one actor per CPU)")
    repeats: int = option(3, "1-node / 2-node pairs, alternated (the ratio reported is their median)")
    kill_after: float = option(0.0, "also run 2 nodes with the second killed this many seconds in (0: skip)")


def main(argv: list[str] | None = None) -> None:
    args = parse(Args, argv, description=describe(__doc__))
    jobs = workload(args.problems)
    load = os.getloadavg()[0]
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load average {load:.2f} before the run, "
          f"Python {platform.python_version()}; {args.problems} problems x ({args.rounds} tactic rounds + start + verify), "
          f"{args.cpus} CPU(s) and actor(s) per node\n")  # fmt: skip
    print("| run | nodes | actors | seconds | requests | requests/s | vs 1 node (same run) | re-run / moved requests |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    ratios = []
    for rep in range(1, args.repeats + 1):  # 1 node and 2 nodes alternate, so drifting load hits both alike
        configs = [(1, None), (2, None)] + ([(2, args.kill_after)] if args.kill_after and rep == 1 else [])
        base = None
        for nodes, kill in configs:
            secs, requests, stats = run(nodes, args.cpus, jobs, args.rounds, kill)
            rate = requests / secs
            base = base or rate
            if nodes == 2 and kill is None:
                ratios.append(rate / base)
            label = f"{nodes}" if kill is None else f"2, second killed at {kill:g} s"
            print(f"| {rep} | {label} | {nodes * args.cpus} | {secs:.2f} | {requests} | {rate:.1f} | {rate / base:.2f}× "
                  f"| {stats['reruns']} / {stats['moved']} |", flush=True)  # fmt: skip
    print(f"\n2 nodes vs 1 node: median {statistics.median(ratios):.2f}× over {len(ratios)} runs "
          f"({', '.join(f'{r:.2f}' for r in ratios)}); load average now {os.getloadavg()[0]:.2f}")

if __name__ == "__main__":
    main()
