"""Reward shaping: a small cost per step and per failed tactic, on top of the sparse proof reward."""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.vector import VectorEnv, VectorWrapper

from leangym.errors import ConfigError


class ShapedReward(gym.Wrapper, gym.utils.RecordConstructorArgs):
    """``reward - step_penalty - error_penalty * (info["error"] is not None)``.

    The sparse reward (1 on a verified proof) says nothing until the first proof is found; penalising
    steps favours short proofs and penalising errors steers exploration towards tactics Lean accepts.
    Penalties are non-negative numbers subtracted from the reward.
    """

    def __init__(self, env: gym.Env, step_penalty: float = 0.01, error_penalty: float = 0.05) -> None:
        gym.utils.RecordConstructorArgs.__init__(self, step_penalty=step_penalty, error_penalty=error_penalty)
        gym.Wrapper.__init__(self, env)
        _check_penalties(step_penalty, error_penalty)
        self.step_penalty = float(step_penalty)
        self.error_penalty = float(error_penalty)

    def step(self, action: Any) -> tuple[Any, float, bool, bool, dict[str, Any]]:
        obs, reward, terminated, truncated, info = self.env.step(action)
        shaped = float(reward) - self.step_penalty - (self.error_penalty if info.get("error") is not None else 0.0)
        return obs, shaped, terminated, truncated, {**info, "raw_reward": reward}


def _check_penalties(step_penalty: float, error_penalty: float) -> None:
    if step_penalty < 0 or error_penalty < 0:
        raise ConfigError(f"penalties must be >= 0, got step_penalty={step_penalty}, error_penalty={error_penalty}")


class VectorShapedReward(VectorWrapper):
    """:class:`ShapedReward` for a Lean vector env: the same penalties per sub-env.

    A sub-env whose episode ended this step (``AutoresetMode.SAME_STEP``) reports its step's error in
    ``infos["final_info"]``; the others in ``infos``. ``infos["raw_reward"]`` keeps the unshaped rewards.
    """

    def __init__(self, env: VectorEnv, step_penalty: float = 0.01, error_penalty: float = 0.05) -> None:
        super().__init__(env)
        _check_penalties(step_penalty, error_penalty)
        self.step_penalty = float(step_penalty)
        self.error_penalty = float(error_penalty)

    def step(self, actions: Any) -> tuple[Any, np.ndarray, np.ndarray, np.ndarray, dict[str, Any]]:
        obs, rewards, terminated, truncated, infos = self.env.step(actions)
        errors = list(infos.get("error", [None] * self.num_envs))
        if "final_info" in infos:
            for i in np.flatnonzero(infos["_final_info"]):
                errors[i] = infos["final_info"]["error"][i]
        failed = np.array([e is not None for e in errors])
        shaped = rewards - self.step_penalty - self.error_penalty * failed
        return obs, shaped, terminated, truncated, {**infos, "raw_reward": rewards}
