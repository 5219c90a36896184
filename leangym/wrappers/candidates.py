"""``info["candidates"]``: the candidate generator's tactics for the current state, for any env user."""

from __future__ import annotations

from typing import Any

import gymnasium as gym

from leangym.search.candidates import CandidateGenerator


class CandidateInfo(gym.Wrapper, gym.utils.RecordConstructorArgs):
    """Adds ``info["candidates"]``: the tactics :class:`~leangym.search.candidates.CandidateGenerator`
    derives from the current goals (``info["goals"]``), after ``reset`` and every ``step``.

    The list is empty once no goal is left. An agent may pick among them (an action-masking or ranking
    policy), add its own, or ignore them: the action space is unchanged.
    """

    def __init__(self, env: gym.Env, generator: CandidateGenerator | None = None) -> None:
        gym.utils.RecordConstructorArgs.__init__(self)
        gym.Wrapper.__init__(self, env)
        self.generator = generator or CandidateGenerator()

    def _with_candidates(self, info: dict[str, Any]) -> dict[str, Any]:
        goals = info.get("goals") or []
        return {**info, "candidates": self.generator("\n\n".join(goals)) if goals else []}

    def reset(self, **kwargs: Any) -> tuple[Any, dict[str, Any]]:
        obs, info = self.env.reset(**kwargs)
        return obs, self._with_candidates(info)

    def step(self, action: Any) -> tuple[Any, float, bool, bool, dict[str, Any]]:
        obs, reward, terminated, truncated, info = self.env.step(action)
        return obs, reward, terminated, truncated, self._with_candidates(info)
