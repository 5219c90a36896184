"""Reward shaping: a small cost per step and per failed tactic, on top of the sparse proof reward."""

from __future__ import annotations

from typing import Any

import gymnasium as gym

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
        if step_penalty < 0 or error_penalty < 0:
            raise ConfigError(f"penalties must be >= 0, got step_penalty={step_penalty}, error_penalty={error_penalty}")
        self.step_penalty = float(step_penalty)
        self.error_penalty = float(error_penalty)

    def step(self, action: Any) -> tuple[Any, float, bool, bool, dict[str, Any]]:
        obs, reward, terminated, truncated, info = self.env.step(action)
        shaped = float(reward) - self.step_penalty - (self.error_penalty if info.get("error") is not None else 0.0)
        return obs, shaped, terminated, truncated, {**info, "raw_reward": reward}
