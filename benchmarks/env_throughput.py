"""Environment throughput on MiniLean: (a) one env in-process vs over the REPL subprocess, side by side;
(b) vector env steps/s for 1, 2, 4, 8 sub-envs over a pool of subprocess workers, as ratios to 1 env.

Every sub-env plays its problem's reference proof (so each step is real Lean-style work and every
episode ends in a verified proof, which also exercises verification and autoreset). Steps/s counts
every env step, the closing step's whole-proof verification included.

    python benchmarks/env_throughput.py --seconds 5 --out /tmp/env_throughput.md
"""

from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass

import gymnasium as gym

from leangym.config import describe, option, parse
from leangym.envs import register_envs


def step_plans(env_id: str) -> dict[str, tuple[str, ...]]:
    """Per problem, the tactics to send: its reference proof line by line where every line is a step
    on its own, else the whole proof as one tactic block (an `induction ... with` line is not a step)."""
    env = gym.make(env_id, backend="minilean")
    plans = {}
    for p in env.unwrapped.problems:
        _, info = env.reset(options={"problem": p.id})
        for tactic in p.reference_proof:
            *_, info = env.step(tactic)
            if info["error"]:
                break
        plans[p.id] = tuple(p.reference_proof) if info["verified"] else ("\n".join(p.reference_proof),)
    env.close()
    return plans


def _next_tactic(plans: dict, problem_id: str, proof: list[str]) -> str:
    plan = plans[problem_id]
    return plan[len(proof)] if len(proof) < len(plan) else "skip"


def single_env_rate(env_id: str, plans: dict, in_process: bool, seconds: float) -> tuple[float, int]:
    """Steps per second (and episodes done) of one env playing reference proofs."""
    env = gym.make(env_id, backend="minilean", backend_options={"in_process": in_process})
    _, info = env.reset(seed=0)
    steps = episodes = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        _, _, terminated, truncated, info = env.step(_next_tactic(plans, info["problem_id"], info["proof"]))
        steps += 1
        if terminated or truncated:
            episodes += int(terminated)
            _, info = env.reset()
    rate = steps / (time.perf_counter() - start)
    env.close()
    return rate, episodes


def vector_rate(env_id: str, plans: dict, num_envs: int, seconds: float) -> tuple[float, int]:
    """Sub-env transitions per second of ``gym.make_vec`` with ``num_envs`` subprocess workers."""
    envs = gym.make_vec(env_id, num_envs=num_envs, backend="minilean", backend_options={"in_process": False})
    _, info = envs.reset(seed=0)
    steps = episodes = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        actions = tuple(_next_tactic(plans, info["problem_id"][i], info["proof"][i]) for i in range(num_envs))
        _, _, terminated, _, info = envs.step(actions)
        steps += num_envs
        episodes += int(terminated.sum())
    rate = steps / (time.perf_counter() - start)
    envs.close()
    return rate, episodes


@dataclass
class Args:
    seconds: float = option(5.0, "measuring time per configuration")
    sizes: list[int] = option(default_factory=lambda: [1, 2, 4, 8], help="vector env sizes")
    env_ids: list[str] = option(default_factory=lambda: ["MiniLean-Propositional-v0", "MiniLean-v0"], help="MiniLean ids to measure")
    out: str | None = option(None, "write the Markdown tables here as well")


def main(argv: list[str] | None = None) -> None:
    args = parse(Args, argv, description=describe(__doc__))
    register_envs()

    load = os.getloadavg()[0]
    lines = [f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, load average {load:.1f} at start", ""]
    lines += [
        "(a) one env playing reference proofs: MiniLean in-process vs the same engine as a REPL subprocess",
        "",
        "| env id | in-process steps/s | subprocess steps/s | in-process / subprocess |",
        "| --- | ---: | ---: | ---: |",
    ]
    plans = {env_id: step_plans(env_id) for env_id in args.env_ids}
    for env_id in args.env_ids:
        inproc, _ = single_env_rate(env_id, plans[env_id], True, args.seconds)
        subproc, _ = single_env_rate(env_id, plans[env_id], False, args.seconds)
        lines.append(f"| {env_id} | {inproc:,.0f} | {subproc:,.0f} | {inproc / subproc:.2f}x |")
    lines += [
        "",
        "(b) gym.make_vec: N sub-envs, one MiniLean subprocess worker each, sub-envs stepped on threads",
        "",
        "| env id | num_envs | steps/s (all sub-envs) | verified episodes | vs 1 env |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for env_id in args.env_ids:
        base = None
        for n in args.sizes:
            rate, episodes = vector_rate(env_id, plans[env_id], n, args.seconds)
            base = base or rate
            lines.append(f"| {env_id} | {n} | {rate:,.0f} | {episodes} | {rate / base:.2f}x |")
    text = "\n".join(lines)
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
