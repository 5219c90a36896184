"""Train stable-baselines3 PPO on MiniLean-v0, unmodified, through leangym's wrappers.

SB3 cannot read or write text, so the wrappers turn the env into one it can drive:
``DiscreteTactics`` (action = index into a fixed tactic list), ``GoalFeatures`` (observation = hashed
character n-grams of the goals) and ``ShapedReward`` (a small cost per step and per failed tactic).

    python examples/sb3_ppo.py --total-timesteps 20000 --num-envs 4
"""

from __future__ import annotations

import argparse

import gymnasium as gym
import numpy as np
from stable_baselines3 import PPO
from stable_baselines3.common.vec_env import DummyVecEnv

import leangym.envs
from leangym.wrappers import DiscreteTactics, GoalFeatures, ShapedReward

TACTICS = [
    "intro h1", "intro h2", "constructor", "left", "right", "assumption", "exfalso", "contradiction",
    "exact h1", "exact h2", "exact h1.1", "exact h1.2", "apply h1", "apply h2", "trivial",
    "norm_num", "linarith", "omega", "simp", "ring",
]  # fmt: skip
"""Generated problems name hypotheses h1, h2, ...: the first line proves most difficulty-1 propositional
problems, the second closes many arithmetic ones."""


def make_env(env_id: str, seed: int, dim: int, n: int):
    def thunk() -> gym.Env:
        env = gym.make(env_id, backend="minilean", n=n)
        env = ShapedReward(DiscreteTactics(env, TACTICS), step_penalty=0.01, error_penalty=0.02)
        env = GoalFeatures(env, dim=dim)
        env.reset(seed=seed)
        return env

    return thunk


def evaluate(model: PPO, env_id: str, episodes: int, seed: int, dim: int, n: int) -> float:
    """Fraction of episodes proved with the greedy policy (same problems, other draws)."""
    env = make_env(env_id, seed + 10_000, dim, n)()
    solved = 0
    for _ in range(episodes):
        obs, _ = env.reset()
        done = False
        while not done:
            action, _ = model.predict(obs, deterministic=True)
            obs, _, terminated, truncated, info = env.step(int(action))
            done = terminated or truncated
        solved += int(info["verified"])
    env.close()
    return solved / episodes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env-id", default="MiniLean-v0", help="a MiniLean id (see `leangym envs`)")
    parser.add_argument("--total-timesteps", type=int, default=20_000, help="environment steps to train for")
    parser.add_argument("--num-envs", type=int, default=4, help="parallel envs (SB3 DummyVecEnv)")
    parser.add_argument("--n-steps", type=int, default=128, help="PPO rollout length per env")
    parser.add_argument("--dim", type=int, default=256, help="goal feature size")
    parser.add_argument("--problems", type=int, default=100, help="generated problems to train on")
    parser.add_argument("--eval-episodes", type=int, default=50, help="greedy episodes to evaluate on")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    leangym.envs.register_envs()
    np.random.seed(args.seed)
    vec = DummyVecEnv([make_env(args.env_id, args.seed + i, args.dim, args.problems) for i in range(args.num_envs)])
    model = PPO("MlpPolicy", vec, n_steps=args.n_steps, batch_size=min(64, args.n_steps * args.num_envs), seed=args.seed, device="cpu", verbose=0)
    before = evaluate(model, args.env_id, args.eval_episodes, args.seed, args.dim, args.problems)
    model.learn(total_timesteps=args.total_timesteps)
    after = evaluate(model, args.env_id, args.eval_episodes, args.seed, args.dim, args.problems)
    vec.close()
    print(f"{args.env_id}: solved {before:.0%} before, {after:.0%} after {args.total_timesteps} PPO steps")


if __name__ == "__main__":
    main()
