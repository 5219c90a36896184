"""A discrete action space over a fixed list of candidate tactics (what stable-baselines3 can drive)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from leangym.errors import ConfigError

DEFAULT_TACTICS: tuple[str, ...] = (
    "intro h",
    "intros",
    "constructor",
    "left",
    "right",
    "assumption",
    "trivial",
    "exfalso",
    "contradiction",
    "rfl",
    "simp",
    "norm_num",
    "linarith",
    "omega",
    "exact h",
    "apply h",
)
"""A small generic tactic list; pass ``tactics=`` to fit a suite (e.g. hypothesis names it uses)."""


class DiscreteTactics(gym.ActionWrapper, gym.utils.RecordConstructorArgs):
    """Replace the Text action space by ``Discrete(len(tactics))``: action ``i`` sends ``tactics[i]``.

    Lean's error for an inapplicable tactic still arrives in ``info["error"]``; the index chosen is in
    ``info["tactic"]`` so logs show what was tried.
    """

    def __init__(self, env: gym.Env, tactics: Sequence[str] = DEFAULT_TACTICS) -> None:
        tactics = tuple(tactics)
        gym.utils.RecordConstructorArgs.__init__(self, tactics=tactics)
        gym.ActionWrapper.__init__(self, env)
        if not tactics or not all(isinstance(t, str) and t.strip() for t in tactics):
            raise ConfigError(f"tactics must be a non-empty list of non-empty strings, got {tactics!r}")
        bad = [t for t in tactics if not env.action_space.contains(t)]
        if bad:
            raise ConfigError(f"these tactics are outside the env's action space (charset or length): {bad}")
        self.tactics = tactics
        self.action_space = spaces.Discrete(len(tactics))

    def action(self, action: Any) -> str:
        index = int(np.asarray(action).item())
        if not 0 <= index < len(self.tactics):
            raise ConfigError(f"action must be an index in [0, {len(self.tactics)}), got {index}")
        return self.tactics[index]

    def step(self, action: Any) -> tuple[Any, float, bool, bool, dict[str, Any]]:
        tactic = self.action(action)
        obs, reward, terminated, truncated, info = self.env.step(tactic)
        return obs, reward, terminated, truncated, {**info, "tactic": tactic}
