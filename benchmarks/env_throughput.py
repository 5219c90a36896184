"""Environment throughput on MiniLean: (a) one env in-process vs over the REPL subprocess, side by side;
(b) vector env steps/s for 1, 2, 4, 8 sub-envs over a pool of subprocess workers, as ratios to 1 env.

Every sub-env plays its problem's reference proof (so each step is real Lean-style work and every
episode ends in a verified proof, which also exercises verification and autoreset).

    python benchmarks/env_throughput.py --seconds 5 --out benchmarks/results/envs.md
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import gymnasium as gym

from leangym.envs import register_envs

ENV_ID = "MiniLean-v0"


def _next_tactic(problems: dict, problem_id: str, proof: list[str]) -> str:
    ref = problems[problem_id].reference_proof
    return ref[len(proof)] if len(proof) < len(ref) else "skip"


def single_env_rate(in_process: bool, seconds: float) -> tuple[float, int]:
    """Steps per second (and episodes done) of one env playing reference proofs."""
    env = gym.make(ENV_ID, backend="minilean", backend_options={"in_process": in_process})
    problems = {p.id: p for p in env.unwrapped.problems}
    _, info = env.reset(seed=0)
    steps = episodes = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        _, _, terminated, truncated, info = env.step(_next_tactic(problems, info["problem_id"], info["proof"]))
        steps += 1
        if terminated or truncated:
            episodes += int(terminated)
            _, info = env.reset()
    rate = steps / (time.perf_counter() - start)
    env.close()
    return rate, episodes


def vector_rate(num_envs: int, seconds: float) -> tuple[float, int]:
    """Sub-env transitions per second of ``gym.make_vec`` with ``num_envs`` subprocess workers."""
    envs = gym.make_vec(ENV_ID, num_envs=num_envs, backend="minilean", backend_options={"in_process": False})
    problems = {p.id: p for p in envs.unwrapped.envs[0].unwrapped.problems}
    _, info = envs.reset(seed=0)
    steps = episodes = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        actions = tuple(_next_tactic(problems, info["problem_id"][i], info["proof"][i]) for i in range(num_envs))
        _, _, terminated, _, info = envs.step(actions)
        steps += num_envs
        episodes += int(terminated.sum())
    rate = steps / (time.perf_counter() - start)
    envs.close()
    return rate, episodes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="measuring time per configuration")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4, 8], help="vector env sizes")
    parser.add_argument("--out", default=None, help="write a Markdown table here as well")
    args = parser.parse_args()
    register_envs()

    lines = [f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}", ""]
    inproc, e1 = single_env_rate(True, args.seconds)
    subproc, e2 = single_env_rate(False, args.seconds)
    lines += [
        "(a) one env, reference proofs, MiniLean",
        "",
        "| engine placement | steps/s | episodes | ratio |",
        "| --- | ---: | ---: | ---: |",
        f"| in-process | {inproc:,.0f} | {e1} | {inproc / subproc:.2f}x |",
        f"| REPL subprocess (JSON over pipes) | {subproc:,.0f} | {e2} | 1.00x |",
        "",
        "(b) gym.make_vec, one subprocess worker per sub-env, threads stepping sub-envs",
        "",
        "| num_envs | steps/s (all sub-envs) | episodes | speed-up vs 1 env |",
        "| ---: | ---: | ---: | ---: |",
    ]
    base = None
    for n in args.sizes:
        rate, episodes = vector_rate(n, args.seconds)
        base = base or rate
        lines.append(f"| {n} | {rate:,.0f} | {episodes} | {rate / base:.2f}x |")
    text = "\n".join(lines)
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
