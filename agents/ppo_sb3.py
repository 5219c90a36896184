"""PPO (stable-baselines3) on MiniLean through ``DiscreteTactics`` + ``GoalFeatures``: the classic-RL baseline.

SB3 reads vectors and writes indices, so the env is wrapped: the action is an index into a fixed list of
tactics (generated problems name hypotheses ``h1``, ``h2``, …, so the list names them too), the
observation is hashed character n-grams of the goal text, and ``ShapedReward`` adds a small cost per step
and per failed tactic (the sparse proof reward alone gives PPO almost no signal). Training problems are
sampled per episode; every ``eval_every`` environment steps the policy is evaluated on the held-out split
with the same per-problem step budget the search agents get (sampled episodes until it is spent).

    python -m agents.ppo_sb3 --total-timesteps 20000 --num-envs 4
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from agents.common import make_split, set_torch_threads
from leangym.config import describe, option, parse
from leangym.problems import Problem

PROPOSITIONAL_TACTICS: tuple[str, ...] = (
    *(f"intro h{i}" for i in range(1, 6)),
    "constructor",
    "left",
    "right",
    "assumption",
    "trivial",
    "exfalso",
    "contradiction",
    *(f"exact h{i}" for i in range(1, 6)),
    *(f"apply h{i}" for i in range(1, 4)),
    "exact h1.1",
    "exact h1.2",
    "exact ⟨h1, h2⟩",
    "obtain ⟨h3, h4⟩ := h1",
    "rcases h1 with h3 | h3",
    "rcases h2 with h3 | h3",
)
"""Actions for the propositional family: closing and splitting tactics, and hypothesis names it uses."""


@dataclass
class Args:
    exp_name: str = option("ppo_sb3", "experiment name (part of the TensorBoard run name)")
    seed: int = option(0, "seed of the problem split, the envs and PPO")
    family: str = option("propositional", "MiniLean problem family")
    difficulties: str = option("1,2,3", "comma-separated generator difficulties mixed into both splits")
    num_train: int = option(60, "training problems")
    num_eval: int = option(30, "held-out problems")
    total_timesteps: int = option(20_000, "environment steps to train for (the budget)")
    num_envs: int = option(4, "parallel envs (SB3 DummyVecEnv over one shared backend)")
    n_steps: int = option(128, "PPO rollout length per env")
    learning_rate: float = option(3e-4, "Adam learning rate")
    ent_coef: float = option(0.01, "entropy bonus (exploration over the tactic list)")
    dim: int = option(256, "goal feature size (hashed character n-grams)")
    max_episode_steps: int = option(8, "tactics per episode before truncation")
    step_penalty: float = option(0.01, "reward shaping: cost per step")
    error_penalty: float = option(0.02, "reward shaping: cost per failed tactic")
    eval_every: int = option(5_000, "environment steps between held-out evaluations")
    eval_budget: int = option(32, "environment steps per held-out problem at evaluation (sampled episodes)")
    torch_threads: int = option(1, "CPU threads for torch (0: torch's default)")
    track: bool = option(True, "write TensorBoard events under --run-dir")
    run_dir: str = option("runs", "folder for TensorBoard events (one subfolder per run, named after exp_name)")
    quiet: bool = option(False, "no progress bar")
    tactics: list[str] = field(
        default_factory=lambda: list(PROPOSITIONAL_TACTICS), metadata={"help": "the action list"}
    )

    @property
    def run_name(self) -> str:
        return f"MiniLean-{self.family}__{self.exp_name}__{self.seed}__{int(time.time())}"


@dataclass
class PPORun:
    """Held-out solve rate against environment steps (and wall time) at each evaluation."""

    args: Args
    curve: list[tuple[int, float, float]]  # (env steps, held-out solve rate, wall seconds)
    model: object = None

    @property
    def final_rate(self) -> float:
        return self.curve[-1][1]


def make_env(problems: Sequence[Problem], backend, args: Args, seed: int) -> Callable:
    """A thunk building one wrapped env over ``problems`` (SB3 vector envs take thunks)."""

    def thunk():
        from leangym.envs import LeanTacticEnv
        from leangym.wrappers import DiscreteTactics, GoalFeatures, ShapedReward

        env = LeanTacticEnv(
            list(problems), backend=backend, max_steps=args.max_episode_steps, fragment_filter=False
        )
        env = DiscreteTactics(env, args.tactics)
        env = ShapedReward(env, step_penalty=args.step_penalty, error_penalty=args.error_penalty)
        env = GoalFeatures(env, dim=args.dim)
        env.reset(seed=seed)
        return env

    return thunk


def evaluate(model, problems: Sequence[Problem], backend, args: Args) -> float:
    """Fraction of ``problems`` proved by sampled episodes within ``eval_budget`` steps per problem."""
    env = make_env(problems, backend, args, args.seed + 10_000)()
    solved = 0
    for p in problems:
        steps = 0
        proved = False
        while steps < args.eval_budget and not proved:
            obs, _ = env.reset(options={"problem": p.id})
            done = False
            while not done and steps < args.eval_budget:
                action, _ = model.predict(obs, deterministic=False)
                obs, _, terminated, truncated, info = env.step(int(action))
                steps += 1
                done = terminated or truncated
                proved = bool(info.get("verified"))
        solved += proved
    env.close()
    return solved / max(1, len(problems))


def train(args: Args, *, backend=None, on_eval: Callable[[int, float], None] | None = None) -> PPORun:
    """Train PPO for ``total_timesteps`` env steps, evaluating every ``eval_every``; returns the curve."""
    import numpy as np
    import torch
    from stable_baselines3 import PPO
    from stable_baselines3.common.callbacks import BaseCallback
    from stable_baselines3.common.vec_env import DummyVecEnv
    from tqdm import tqdm

    from leangym.backend import make_backend

    # seeding
    set_torch_threads(args.torch_threads)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    train_problems, heldout = make_split(
        args.family, args.difficulties, args.num_train, args.num_eval, args.seed
    )
    own_backend = backend is None
    backend = backend or make_backend("minilean")
    vec = DummyVecEnv([make_env(train_problems, backend, args, args.seed + i) for i in range(args.num_envs)])
    model = PPO(
        "MlpPolicy",
        vec,
        n_steps=args.n_steps,
        batch_size=min(64, args.n_steps * args.num_envs),
        learning_rate=args.learning_rate,
        ent_coef=args.ent_coef,
        seed=args.seed,
        device="cpu",
        verbose=0,
        tensorboard_log=args.run_dir if args.track else None,
    )
    t0 = time.perf_counter()
    curve = [(0, evaluate(model, heldout, backend, args), 0.0)]
    bar = tqdm(total=args.total_timesteps, desc="PPO", unit="step", disable=args.quiet)

    class Progress(BaseCallback):
        def _on_step(self) -> bool:
            bar.update(self.training_env.num_envs)
            return True

    try:
        trained = 0
        while trained < args.total_timesteps:
            chunk = min(args.eval_every, args.total_timesteps - trained)
            model.learn(
                total_timesteps=chunk,
                reset_num_timesteps=False,
                callback=Progress(),
                tb_log_name=args.run_name,
            )
            trained = model.num_timesteps
            rate = evaluate(model, heldout, backend, args)
            curve.append((trained, rate, time.perf_counter() - t0))
            bar.set_postfix(heldout=f"{rate:.2f}")
            if on_eval is not None:
                on_eval(trained, rate)
    finally:
        bar.close()
        vec.close()
        if own_backend:
            backend.close()
    return PPORun(args, curve, model)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(Args, argv, description=describe(__doc__))
    run = train(args)
    for steps, rate, wall in run.curve:
        print(f"env steps {steps:>7}  held-out solve rate {rate:.3f}  wall {wall:6.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
