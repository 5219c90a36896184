"""PPO (sb3-contrib ``MaskablePPO``) choosing among the candidate generator's tactics: the classic-RL baseline.

Problems are chosen with the agents' flags (a MiniLean family, ``--env-id`` or ``--problems``/``--eval-problems``).
At every state the actions are the tactics :class:`leangym.search.candidates.CandidateGenerator` derives from
the goal (the same candidates every agent and the evaluator use; no per-family action list), padded to
``--max-actions`` slots with an action mask (:class:`leangym.wrappers.VectorCandidateActions`). The policy
sees hashed n-grams of the goal text and of each candidate's text (:class:`leangym.wrappers.CandidateSlots`)
and scores every slot with one shared network, so it learns which *tactic* to pick, not which slot.
Rollouts run in ``gym.make_vec`` sub-envs over one backend; ``ShapedReward`` adds a small cost per step
and per failed tactic (the sparse proof reward alone gives PPO almost no signal).

Evaluation is :func:`leangym.eval.evaluate`, as for every agent: the trained policy becomes a ranking
:class:`~leangym.policy.TacticPolicy` over the same candidates (:class:`CandidatePolicy`), scored at
training step 0 (the untrained policy) and every ``--eval-every`` env steps in each of ``--eval-modes``,
next to the no-learning rows (:data:`BASELINES`) at the same budget; each evaluation appends a line to
``RUN_DIR/<run name>/metrics.jsonl`` (``algorithm: "ppo"``) and saves the model it scored under
``checkpoints/eval_N/``, so that ``leangym eval --checkpoint RUN/checkpoints/eval_N`` (run from the repository
root, which holds ``agents/``) reproduces the logged number.

    python -m agents.ppo_sb3 --total-timesteps 20000 --num-envs 4
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
import torch
from gymnasium.vector import AutoresetMode
from sb3_contrib import MaskablePPO
from sb3_contrib.common.maskable.policies import MaskableActorCriticPolicy
from stable_baselines3.common.torch_layers import BaseFeaturesExtractor
from stable_baselines3.common.vec_env import VecEnv, VecMonitor
from torch import nn

from agents.common import ProblemArgs, save_problem_files, select_problems, set_torch_threads
from leangym.config import describe, option, parse
from leangym.errors import ConfigError
from leangym.eval import MODES, EvalConfig, evaluate, log_metrics, save_settings
from leangym.policy import Candidate, finalize
from leangym.policy.formats import Observation, as_observation
from leangym.problems import Problem
from leangym.wrappers import CandidateSlots, VectorCandidateActions, VectorShapedReward

BASELINES = ("generator_uniform", "generator_rule")
"""No-learning rows logged once (round 0) at the same budget, so a run's metrics say what PPO adds."""


@dataclass
class Args(ProblemArgs):
    exp_name: str = option("ppo_sb3", "experiment name (part of the run folder's name)")
    seed: int = option(0, "seed of the problem split, the envs, PPO and the evaluation")
    total_timesteps: int = option(20_000, "environment steps to train for (the budget)")
    num_envs: int = option(4, "gym.make_vec sub-envs stepped together (one shared backend)")
    n_steps: int = option(128, "PPO rollout length per sub-env")
    batch_size: int = option(64, "PPO minibatch size")
    learning_rate: float = option(3e-4, "Adam learning rate")
    ent_coef: float = option(0.01, "entropy bonus (exploration over the candidates)")
    max_actions: int = option(32, "action slots: candidates beyond this many are dropped (the generator gives ~16-25)")
    dim: int = option(128, "hashed n-gram features per text (goal; each candidate gets 2 x dim)")
    hidden: int = option(64, "width of the goal, candidate and value networks")
    max_episode_steps: int = option(8, "tactics per episode before truncation")
    step_penalty: float = option(0.01, "reward shaping: cost per step")
    error_penalty: float = option(0.02, "reward shaping: cost per failed tactic")
    eval_every: int = option(5_000, "environment steps between held-out evaluations")
    eval_modes: str = option("full,policy_only", "evaluator modes for the policy (the first is the curve's)")
    eval_expansions: int = option(8, "held-out search: states expanded per problem")
    eval_samples: int = option(4, "held-out search: tactics tried per expansion (k)")
    torch_threads: int = option(1, "CPU threads for torch (0: torch's default)")
    track: bool = option(True, "write TensorBoard events under the run folder")
    run_dir: str = option("runs", "folder for metrics.jsonl and TensorBoard events (one subfolder per run)")
    quiet: bool = option(False, "no progress bar")
    modes: list[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        super().__post_init__()
        self.modes = [m.strip() for m in self.eval_modes.split(",") if m.strip()]
        bad = [m for m in self.modes if m not in ("full", "policy_only")]
        if not self.modes or bad:
            raise ConfigError(
                f"eval_modes must name some of full, policy_only (the modes that use a policy), got {self.eval_modes!r}; "
                f"the generator_* rows ({', '.join(m for m in MODES if m.startswith('generator'))}) need no policy"
            )
        if self.num_envs < 1 or self.n_steps < 1 or self.batch_size < 2:
            raise ConfigError(
                f"need num_envs >= 1, n_steps >= 1, batch_size >= 2; got {self.num_envs}, {self.n_steps}, {self.batch_size}"
            )
        self.run_name = f"{self.problem_tag}__{self.exp_name}__{self.seed}__{int(time.time())}"

    def eval_config(self, mode: str) -> EvalConfig:
        return EvalConfig(mode=mode, expansions=self.eval_expansions, samples=self.eval_samples, seed=self.seed)  # type: ignore[arg-type]


@dataclass
class PPORun:
    """Held-out solve rate against environment steps (and wall time) at each evaluation."""

    args: Args
    curve: list[tuple[int, float, float]]  # (env steps, solve rate in eval_modes[0], wall seconds)
    run_path: Path
    model: Any = None

    @property
    def final_rate(self) -> float:
        return self.curve[-1][1]


# --- the model: one shared scorer per candidate slot -------------------------------------------------


class SlotFeatures(BaseFeaturesExtractor):
    """The Dict observation flattened as [goal | candidates row by row] (the network splits it again)."""

    def __init__(self, observation_space: gym.spaces.Dict) -> None:
        goal, cands = observation_space["goal"].shape, observation_space["candidates"].shape
        super().__init__(observation_space, goal[0] + cands[0] * cands[1])

    def forward(self, observations: dict[str, torch.Tensor]) -> torch.Tensor:
        return torch.cat([observations["goal"], observations["candidates"].flatten(1)], dim=1)


class CandidateScorer(nn.Module):
    """Actor: one logit per slot from the same network applied to (goal, candidate) pairs. Critic: the goal.

    Sharing the scorer across slots is what makes the policy choose by a tactic's text: the same tactic
    gets the same logit in whatever slot the generator puts it.
    """

    def __init__(self, dim: int, slots: int, cand_dim: int, hidden: int) -> None:
        super().__init__()
        self.dim, self.slots, self.cand_dim = dim, slots, cand_dim
        self.goal = nn.Sequential(nn.Linear(dim, hidden), nn.Tanh())
        self.cand = nn.Sequential(nn.Linear(cand_dim, hidden), nn.Tanh())
        self.score = nn.Sequential(nn.Linear(3 * hidden, hidden), nn.Tanh(), nn.Linear(hidden, 1))
        self.value = nn.Sequential(nn.Linear(dim, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh())
        self.latent_dim_pi, self.latent_dim_vf = slots, hidden

    def forward_actor(self, features: torch.Tensor) -> torch.Tensor:
        g = self.goal(features[:, : self.dim]).unsqueeze(1).expand(-1, self.slots, -1)
        c = self.cand(features[:, self.dim :].view(-1, self.slots, self.cand_dim))
        return self.score(torch.cat([g, c, g * c], dim=-1)).squeeze(-1)

    def forward_critic(self, features: torch.Tensor) -> torch.Tensor:
        return self.value(features[:, : self.dim])

    def forward(self, features: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.forward_actor(features), self.forward_critic(features)


class CandidatePolicyNet(MaskableActorCriticPolicy):
    """``MaskableActorCriticPolicy`` whose logits are :class:`CandidateScorer`'s per-slot scores."""

    def __init__(self, *args: Any, hidden: int = 64, **kwargs: Any) -> None:
        self.hidden = hidden
        super().__init__(*args, features_extractor_class=SlotFeatures, **kwargs)

    def _build_mlp_extractor(self) -> None:
        dim = self.observation_space["goal"].shape[0]
        slots, cand_dim = self.observation_space["candidates"].shape
        self.mlp_extractor = CandidateScorer(dim, slots, cand_dim, self.hidden)

    def _build(self, lr_schedule: Any) -> None:
        super()._build(lr_schedule)
        # The scores are the logits: no Linear(slots, slots) on top, which would tie logits to slot positions.
        self.action_net = nn.Identity()
        last = self.mlp_extractor.score[-1]
        nn.init.orthogonal_(last.weight, gain=0.01)  # start close to uniform over the candidates
        nn.init.zeros_(last.bias)
        self.optimizer = self.optimizer_class(self.parameters(), lr=lr_schedule(1), **self.optimizer_kwargs)


# --- the library vector env as an SB3 VecEnv ------------------------------------------------------------


class SB3VecEnv(VecEnv):
    """A Gymnasium 1.x vector env with ``AutoresetMode.SAME_STEP`` seen through SB3's ``VecEnv`` API.

    SB3 expects ended sub-envs to be reset within the same step and the ended episode's last observation
    in ``infos[i]["terminal_observation"]``: exactly SAME_STEP's ``final_obs``. ``action_masks`` is read from
    the wrapped vector env (sb3-contrib asks for it through ``env_method``).
    """

    def __init__(self, venv: gym.vector.VectorEnv) -> None:
        if venv.metadata.get("autoreset_mode") != AutoresetMode.SAME_STEP:
            raise ConfigError("SB3VecEnv needs a vector env built with autoreset_mode=AutoresetMode.SAME_STEP")
        self.venv = venv
        super().__init__(venv.num_envs, venv.single_observation_space, venv.single_action_space)
        self._actions: np.ndarray | None = None

    def reset(self) -> dict[str, np.ndarray]:
        seeds = None if all(s is None for s in self._seeds) else self._seeds
        obs, _ = self.venv.reset(seed=seeds)
        self._reset_seeds()
        return obs

    def step_async(self, actions: np.ndarray) -> None:
        self._actions = actions

    def step_wait(self) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray, list[dict]]:
        obs, rewards, terminated, truncated, infos = self.venv.step(self._actions)
        dones = terminated | truncated
        out: list[dict] = [{} for _ in range(self.num_envs)]
        for i in np.flatnonzero(dones):
            out[i] = {
                "terminal_observation": infos["final_obs"][i],
                "TimeLimit.truncated": bool(truncated[i] and not terminated[i]),
                "verified": bool(infos["final_info"]["verified"][i]),
            }
        return obs, rewards.astype(np.float32), dones, out

    def close(self) -> None:
        self.venv.close()

    def get_attr(self, attr_name: str, indices: Any = None) -> list[Any]:
        return [getattr(self.venv, attr_name)] * len(self._get_indices(indices))

    def set_attr(self, attr_name: str, value: Any, indices: Any = None) -> None:
        raise AttributeError(f"SB3VecEnv cannot set {attr_name!r} on the Lean vector env's sub-envs")

    def env_method(self, method_name: str, *method_args: Any, indices: Any = None, **method_kwargs: Any) -> list[Any]:
        if method_name != "action_masks":
            raise AttributeError(f"SB3VecEnv supports env_method('action_masks') only, got {method_name!r}")
        masks = self.venv.action_masks()
        return [masks[i] for i in self._get_indices(indices)]

    def env_is_wrapped(self, wrapper_class: type, indices: Any = None) -> list[bool]:
        return [False] * len(self._get_indices(indices))

    def get_images(self) -> Sequence[np.ndarray | None]:
        return [None] * self.num_envs


def make_vec_env(problems: Sequence[Problem], backend: Any, args: Args) -> SB3VecEnv:
    """``num_envs`` Lean sub-envs over ``problems`` (``gym.make_vec``, one backend), candidate actions, shaping."""
    venv = gym.make_vec(
        args.env_id or "MiniLean-v0",
        num_envs=args.num_envs,
        vectorization_mode="vector_entry_point",
        problems=list(problems),
        backend=backend,
        max_episode_steps=args.max_episode_steps,
        autoreset_mode=AutoresetMode.SAME_STEP,
    )
    venv = VectorShapedReward(venv, step_penalty=args.step_penalty, error_penalty=args.error_penalty)
    return SB3VecEnv(VectorCandidateActions(venv, max_actions=args.max_actions, dim=args.dim))


# --- the trained model as a policy for the evaluator ------------------------------------------------------


class CandidatePolicy:
    """A trained (or untrained) PPO model as a :class:`~leangym.policy.TacticPolicy` over the generator's candidates.

    ``rank(observations, tactics)`` gives each tactic the model's log-probability of choosing it in that
    state (one batched forward pass; tactics outside the state's slots get ``-inf`` and are dropped), so
    the evaluator's ``full`` mode tries candidates in the model's order. ``propose(observations, k)`` returns
    the model's ``k`` most likely candidates (``policy_only``: the model alone decides what is tried).
    """

    def __init__(self, model: MaskablePPO, slots: CandidateSlots) -> None:
        self.model = model
        self.slots = slots

    def _logprobs(self, states: Sequence[str]) -> list[tuple[list[str], np.ndarray]]:
        encoded = [self.slots.encode(s) for s in states]
        obs = {k: np.stack([e[1][k] for e in encoded]) for k in ("goal", "candidates")}
        masks = np.stack([e[2] for e in encoded])
        policy = self.model.policy
        with torch.no_grad():
            tensor, _ = policy.obs_to_tensor(obs)
            dist = policy.get_distribution(tensor, action_masks=masks)
            logp = torch.log_softmax(dist.distribution.logits, dim=-1).cpu().numpy()
        return [(e[0], logp[i]) for i, e in enumerate(encoded)]

    def rank(self, observations: Sequence[str | Observation], tactics: Sequence[Sequence[str]]) -> list[list[Candidate]]:
        out = []
        for (slot_tactics, logp), wanted in zip(self._logprobs([as_observation(o).state for o in observations]), tactics):
            where = {t: i for i, t in enumerate(slot_tactics)}
            out.append(finalize((Candidate(t, float(logp[where[t]])) for t in wanted if t in where), len(wanted)))
        return out

    def propose(self, observations: Sequence[str | Observation], k: int) -> list[list[Candidate]]:
        scored = self._logprobs([as_observation(o).state for o in observations])
        return [finalize((Candidate(t, float(lp[i])) for i, t in enumerate(ts)), k) for ts, lp in scored]


LOADER = "agents.ppo_sb3:load_policy"
"""What a PPO checkpoint's ``eval.json`` names as its policy loader (see :func:`leangym.policy.load_policy`)."""


def save_policy(model: MaskablePPO, slots: CandidateSlots, folder: Path) -> None:
    """The PPO model (``ppo.zip``) and its candidate slots (``slots.json``): all :func:`load_policy` needs."""
    folder.mkdir(parents=True, exist_ok=True)
    model.save(folder / "ppo.zip")
    (folder / "slots.json").write_text(json.dumps({"max_actions": slots.max_actions, "dim": slots.dim}))


def load_policy(folder: str | Path) -> CandidatePolicy:
    """A checkpoint saved by :func:`save_policy` as a :class:`CandidatePolicy` (CPU)."""
    folder = Path(folder)
    if not (folder / "ppo.zip").is_file():
        raise ConfigError(f"{folder} holds no ppo.zip; pass a PPO checkpoint's policy folder")
    slots = CandidateSlots(**json.loads((folder / "slots.json").read_text()))
    return CandidatePolicy(MaskablePPO.load(folder / "ppo.zip", device="cpu"), slots)


# --- training ----------------------------------------------------------------------------------------


def train(args: Args, *, backend: Any = None, on_eval: Callable[[int, float], None] | None = None) -> PPORun:
    """Train for ``total_timesteps`` env steps, evaluating at 0 and every ``eval_every``; returns the curve."""
    import random

    from tqdm import tqdm

    from leangym.backend import make_backend

    # seeding
    set_torch_threads(args.torch_threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    train_problems, heldout = select_problems(args, args.seed)
    run_path = Path(args.run_dir) / args.run_name
    eval_file = save_problem_files(run_path, train_problems, heldout)
    metrics = run_path / "metrics.jsonl"
    own_backend = backend is None
    backend = backend or make_backend("minilean")
    slots = CandidateSlots(max_actions=args.max_actions, dim=args.dim)
    vec = VecMonitor(make_vec_env(train_problems, backend, args))
    model = MaskablePPO(
        CandidatePolicyNet,
        vec,
        n_steps=args.n_steps,
        batch_size=min(args.batch_size, args.n_steps * args.num_envs),
        learning_rate=args.learning_rate,
        ent_coef=args.ent_coef,
        policy_kwargs={"hidden": args.hidden},
        seed=args.seed,
        device="cpu",
        verbose=0,
        tensorboard_log=str(run_path) if args.track else None,
    )
    policy = CandidatePolicy(model, slots)
    t0 = time.perf_counter()
    curve: list[tuple[int, float, float]] = []

    def evaluations(steps: int) -> float:
        wall = time.perf_counter() - t0
        # the model about to be evaluated, with what `leangym eval --checkpoint` needs to reproduce the number
        ckpt = run_path / "checkpoints" / f"eval_{len(curve)}"
        save_policy(model, slots, ckpt / "policy")
        save_settings(
            ckpt, args.eval_config(args.modes[0]), problems=eval_file,
            policy={"loader": LOADER, "torch_threads": args.torch_threads},
        )  # fmt: skip
        rates = []
        for mode in args.modes:
            config = args.eval_config(mode)
            result = evaluate(heldout, backend, policy=policy, config=config, results_path=run_path / f"eval_{mode}.jsonl")
            log_metrics(metrics, result, algorithm="ppo", round=len(curve), env_steps=steps, wall_s=wall)
            rates.append(result.solve_rate)
        curve.append((steps, rates[0], wall))
        if on_eval is not None:
            on_eval(steps, rates[0])
        return rates[0]

    for mode in BASELINES:
        baseline = evaluate(heldout, backend, config=args.eval_config(mode))
        log_metrics(metrics, baseline, algorithm="ppo", round=0, env_steps=0, wall_s=0.0)
    save_settings(run_path, args.eval_config(args.modes[0]), problems=eval_file)
    bar = tqdm(total=args.total_timesteps, desc="PPO", unit="step", disable=args.quiet)
    try:
        evaluations(0)
        while model.num_timesteps < args.total_timesteps:
            chunk = min(args.eval_every, args.total_timesteps - model.num_timesteps)
            before = model.num_timesteps
            model.learn(total_timesteps=chunk, reset_num_timesteps=False, tb_log_name="ppo")
            bar.update(model.num_timesteps - before)
            rate = evaluations(model.num_timesteps)
            bar.set_postfix(heldout=f"{rate:.2f}")
    finally:
        bar.close()
        vec.close()
        if own_backend:
            backend.close()
    return PPORun(args, curve, run_path, model)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(Args, argv, description=describe(__doc__))
    run = train(args)
    for steps, rate, wall in run.curve:
        print(f"env steps {steps:>7}  held-out solve rate ({args.modes[0]}) {rate:.3f}  wall {wall:6.1f}s")
    print(f"metrics: {run.run_path / 'metrics.jsonl'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
