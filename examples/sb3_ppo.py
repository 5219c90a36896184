"""Train stable-baselines3 PPO on a MiniLean env, unmodified, and measure it on held-out problems.

SB3 cannot read or write text, so the wrappers turn the env into one it can drive:
``DiscreteTactics`` (action = index into a fixed tactic list), ``GoalFeatures`` (observation = hashed
character n-grams of the goals) and ``ShapedReward`` (a small cost per step and per failed tactic).
The env's problems are split in two: PPO trains on one part, and the greedy policy is scored on the
other (problems it never saw) before and after training, so the printed change is generalisation.

    python examples/sb3_ppo.py                           # about 1 minute on 2 CPU cores
    python examples/sb3_ppo.py --total-timesteps 20000   # 12 s; too short to learn much
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import gymnasium as gym
import numpy as np
import torch
from stable_baselines3 import PPO
from stable_baselines3.common.vec_env import DummyVecEnv

import leangym  # noqa: F401  (registers the environment ids)
from leangym.config import describe, option, parse
from leangym.wrappers import DiscreteTactics, GoalFeatures, ShapedReward

TACTICS = [
    "intro h1", "intro h2", "constructor", "left", "right", "assumption", "exfalso", "contradiction",
    "exact h1", "exact h2", "exact h1.1", "exact h1.2", "apply h1", "apply h2", "trivial",
    "norm_num", "linarith", "omega", "simp", "ring",
]  # fmt: skip
"""Generated problems name hypotheses h1, h2, ...: the first line proves most difficulty-1 propositional
problems, the second closes many arithmetic ones."""


@dataclass
class Args:
    env_id: str = option("MiniLean-Propositional-v0", "a MiniLean id (see `leangym envs`)")
    total_timesteps: int = option(100_000, "environment steps to train for")
    num_envs: int = option(4, "parallel envs (SB3 DummyVecEnv)")
    n_steps: int = option(128, "PPO rollout length per env")
    dim: int = option(256, "goal feature size")
    problems: int = option(200, "problems drawn from the env; split into training and held-out")
    heldout: int = option(50, "of those, problems kept out of training and used to evaluate")
    seed: int = option(0, "seed of the split, the envs and PPO")

    def __post_init__(self) -> None:
        if not 0 < self.heldout < self.problems:
            raise ValueError(
                f"need 0 < heldout < problems, got heldout={self.heldout}, problems={self.problems}; "
                "lower --heldout or raise --problems"
            )


def split_problems(env_id: str, n: int, heldout: int, seed: int):
    """The env's first ``n`` problems, deduplicated by statement and shuffled: (train, held-out)."""
    with gym.make(env_id, backend="minilean", n=n) as env:
        # keyed by the statement without its name (`theorem NAME ...`): a renamed duplicate is no held-out problem
        unique = list({p.statement.split(None, 2)[-1]: p for p in env.unwrapped.problems}.values())
    random.Random(seed).shuffle(unique)
    return unique[heldout:], unique[:heldout]


def wrap(env: gym.Env, dim: int) -> gym.Env:
    env = ShapedReward(DiscreteTactics(env, TACTICS), step_penalty=0.01, error_penalty=0.02)
    return GoalFeatures(env, dim=dim)


def make_env(env_id: str, problems, seed: int, dim: int):
    def thunk() -> gym.Env:
        env = wrap(gym.make(env_id, backend="minilean", problems=problems), dim)
        env.reset(seed=seed)
        return env

    return thunk


def solve_rate(model: PPO, env_id: str, problems, dim: int) -> float:
    """Fraction of ``problems`` the greedy policy proves (one episode each, up to the env's step limit)."""
    env = wrap(gym.make(env_id, backend="minilean", problems=problems), dim)
    solved = 0
    for p in problems:
        obs, _ = env.reset(options={"problem": p.id})
        done = False
        while not done:
            action, _ = model.predict(obs, deterministic=True)
            obs, _, terminated, truncated, info = env.step(int(action))
            done = terminated or truncated
        solved += int(info["verified"])
    env.close()
    return solved / len(problems)


def main(argv: list[str] | None = None) -> None:
    args = parse(Args, argv, description=describe(__doc__))
    # One thread: a tiny MLP gains nothing from more, and OpenMP's spinning threads made SB3 ~5x slower.
    torch.set_num_threads(1)
    np.random.seed(args.seed)
    train, heldout = split_problems(args.env_id, args.problems, args.heldout, args.seed)
    vec = DummyVecEnv([make_env(args.env_id, train, args.seed + i, args.dim) for i in range(args.num_envs)])
    model = PPO(
        "MlpPolicy", vec, n_steps=args.n_steps, batch_size=min(64, args.n_steps * args.num_envs),
        seed=args.seed, device="cpu", verbose=0,
    )  # fmt: skip
    before = solve_rate(model, args.env_id, heldout, args.dim)
    model.learn(total_timesteps=args.total_timesteps)
    after = solve_rate(model, args.env_id, heldout, args.dim)
    vec.close()
    print(
        f"{args.env_id}: held-out solve rate {before:.0%} before, {after:.0%} after {args.total_timesteps} PPO steps "
        f"({after - before:+.0%}; {len(heldout)} held-out problems, trained on {len(train)} others)"
    )


if __name__ == "__main__":
    main()
