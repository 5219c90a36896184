"""Actions = the candidate generator's tactics for the current state, padded to ``max_actions`` slots with a mask.

An RL library that reads vectors and writes indices (stable-baselines3, sb3-contrib's ``MaskablePPO``) can
then choose among the tactics :class:`~leangym.search.candidates.CandidateGenerator` derives from each goal,
for any problem family, instead of a hand-written action list. The observation shows the policy the goal
text *and* every candidate's text, so it can learn which tactic to pick, not which slot.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces
from gymnasium.vector import VectorEnv, VectorWrapper

from leangym.errors import ConfigError
from leangym.goals import parse_goal
from leangym.search.candidates import CandidateGenerator
from leangym.wrappers.features import hashed_ngrams


class CandidateSlots:
    """Goal text -> (the candidate tactics in slot order, the observation, the action mask).

    The one encoding shared by :class:`CandidateActions`, :class:`VectorCandidateActions` and any policy
    that scores states outside an env (e.g. for :func:`leangym.eval.evaluate`), so all three agree.
    Observation (``Dict``):

    - ``"goal"``: ``Box(0, 1, (dim,))``, hashed character n-grams of the goal text (as :class:`GoalFeatures`);
    - ``"candidates"``: ``Box(0, 1, (max_actions, 2 * dim))``, per slot the hashed n-grams of the tactic
      and of the tactic with each hypothesis name replaced by its type (``exact h2`` with ``h2 : q ∨ p``
      reads ``exact q ∨ p``), so a policy can relate a tactic to the hypothesis it uses; empty slots are 0.

    A state with more than ``max_actions`` candidates keeps the first ``max_actions`` (the generator's
    order: closers, structural tactics, then hypothesis tactics).
    """

    def __init__(self, generator: CandidateGenerator | None = None, *, max_actions: int = 32, dim: int = 128) -> None:
        if max_actions < 1:
            raise ConfigError(f"max_actions must be >= 1, got {max_actions}")
        if dim < 1:
            raise ConfigError(f"dim must be >= 1, got {dim}")
        self.generator = generator or CandidateGenerator()
        self.max_actions = max_actions
        self.dim = dim
        self.observation_space = spaces.Dict(
            {
                "goal": spaces.Box(0.0, 1.0, shape=(dim,), dtype=np.float32),
                "candidates": spaces.Box(0.0, 1.0, shape=(max_actions, 2 * dim), dtype=np.float32),
            }
        )

    def tactics(self, goal_text: str) -> list[str]:
        """The candidates in slot order (at most ``max_actions``; none for an empty goal text)."""
        return self.generator(goal_text)[: self.max_actions] if goal_text.strip() else []

    def encode(self, goal_text: str) -> tuple[list[str], dict[str, np.ndarray], np.ndarray]:
        """(tactics, observation, mask) of one state; ``mask[i]`` is True where slot ``i`` holds a tactic."""
        tactics = self.tactics(goal_text)
        cands = np.zeros((self.max_actions, 2 * self.dim), dtype=np.float32)
        types = _hypothesis_types(goal_text) if tactics else {}
        for i, tactic in enumerate(tactics):
            cands[i, : self.dim] = hashed_ngrams(tactic, self.dim)
            cands[i, self.dim :] = hashed_ngrams(_with_types(tactic, types), self.dim)
        mask = np.zeros(self.max_actions, dtype=bool)
        mask[: len(tactics)] = True
        return tactics, {"goal": hashed_ngrams(goal_text, self.dim), "candidates": cands}, mask


_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9'.₀-₉]*")


def _hypothesis_types(goal_text: str) -> dict[str, str]:
    """Hypothesis name -> type in the first goal (what a tactic's names refer to)."""
    return {h.name: h.type for h in parse_goal(goal_text.split("\n\n")[0]).hypotheses}


def _with_types(tactic: str, types: dict[str, str]) -> str:
    return _WORD.sub(lambda m: types.get(m.group(0), m.group(0)), tactic)


def _goal_text(info: dict[str, Any]) -> str:
    return "\n\n".join(info.get("goals") or [])


class CandidateActions(gym.Wrapper, gym.utils.RecordConstructorArgs):
    """Action ``i`` sends the ``i``-th candidate tactic of the current state; ``action_masks()`` says which exist.

    ## Action Space
    ``Discrete(max_actions)``. Slot ``i`` holds the ``i``-th tactic of
    :class:`~leangym.search.candidates.CandidateGenerator` for the current goals (``info["candidates"]``);
    ``action_masks()`` is True on the filled slots (sb3-contrib's ``MaskablePPO`` reads it). An empty slot
    is a failed step, never an exception: nothing reaches Lean, the state is unchanged, the step counts
    towards the episode limit and ``info["error"]`` says the slot is empty (``ShapedReward`` charges it as
    an error). Without masks that is the fallback: invalid slots are a no-op with the error penalty.

    ## Observation Space
    ``Dict(goal=Box(dim), candidates=Box(max_actions, 2 * dim))``: see :class:`CandidateSlots`.

    ## Info
    The wrapped env's info plus ``candidates`` (the tactics in slot order) and, after a step, ``tactic``
    (what the action sent, ``None`` for an empty slot).
    """

    def __init__(
        self, env: gym.Env, generator: CandidateGenerator | None = None, *, max_actions: int = 32, dim: int = 128
    ) -> None:
        gym.utils.RecordConstructorArgs.__init__(self, generator=generator, max_actions=max_actions, dim=dim)
        gym.Wrapper.__init__(self, env)
        self.slots = CandidateSlots(generator, max_actions=max_actions, dim=dim)
        self.action_space = spaces.Discrete(max_actions)
        self.observation_space = self.slots.observation_space
        self._tactics: list[str] = []
        self._mask = np.zeros(max_actions, dtype=bool)

    def action_masks(self) -> np.ndarray:
        """True for the slots that hold a candidate of the current state."""
        return self._mask.copy()

    def _encode(self, info: dict[str, Any]) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        self._tactics, obs, self._mask = self.slots.encode(_goal_text(info))
        return obs, {**info, "candidates": list(self._tactics)}

    def reset(self, **kwargs: Any) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        _, info = self.env.reset(**kwargs)
        return self._encode(info)

    def step(self, action: Any) -> tuple[dict[str, np.ndarray], float, bool, bool, dict[str, Any]]:
        index = int(np.asarray(action).item())
        tactic = self._tactics[index] if 0 <= index < len(self._tactics) else None
        _, reward, terminated, truncated, info = self.env.step(tactic if tactic is not None else "")
        if tactic is None:
            info = {**info, "error": f"action rejected: slot {index} is empty (this state has {len(self._tactics)} candidates; see action_masks())"}
        obs, info = self._encode(info)
        return obs, reward, terminated, truncated, {**info, "tactic": tactic}


class VectorCandidateActions(VectorWrapper):
    """:class:`CandidateActions` for a Lean vector env (e.g. ``gym.make_vec(id, num_envs=N)``): the same
    slots, observation and mask per sub-env, batched; ``action_masks()`` has shape ``(num_envs, max_actions)``.

    The sub-envs keep sharing one backend and stepping concurrently. With ``AutoresetMode.SAME_STEP`` the
    last observation of an ended episode, ``infos["final_obs"][i]``, is encoded too. An empty slot sends
    the empty tactic (a failed step, as in :class:`CandidateActions`).
    """

    def __init__(
        self, env: VectorEnv, generator: CandidateGenerator | None = None, *, max_actions: int = 32, dim: int = 128
    ) -> None:
        super().__init__(env)
        self.slots = CandidateSlots(generator, max_actions=max_actions, dim=dim)
        self.single_action_space = spaces.Discrete(max_actions)
        self.action_space = spaces.MultiDiscrete(np.full(self.num_envs, max_actions))
        self.single_observation_space = self.slots.observation_space
        self.observation_space = gym.vector.utils.batch_space(self.single_observation_space, self.num_envs)
        self._tactics: list[list[str]] = [[] for _ in range(self.num_envs)]
        self._mask = np.zeros((self.num_envs, max_actions), dtype=bool)

    def action_masks(self) -> np.ndarray:
        """``(num_envs, max_actions)``: True for the slots that hold a candidate of each sub-env's state."""
        return self._mask.copy()

    def candidates(self) -> list[list[str]]:
        """Each sub-env's candidate tactics in slot order."""
        return [list(t) for t in self._tactics]

    def _encode(self, infos: dict[str, Any]) -> dict[str, np.ndarray]:
        goals = infos.get("goals", [None] * self.num_envs)
        obs = []
        for i in range(self.num_envs):
            self._tactics[i], o, self._mask[i] = self.slots.encode("\n\n".join(goals[i] or []))
            obs.append(o)
        return _stack(obs)

    def reset(self, **kwargs: Any) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        _, infos = self.env.reset(**kwargs)
        return self._encode(infos), infos

    def step(self, actions: Any) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray, np.ndarray, dict[str, Any]]:
        indices = np.asarray(actions).reshape(self.num_envs)
        tactics = [t[int(a)] if 0 <= int(a) < len(t) else "" for t, a in zip(self._tactics, indices)]
        _, rewards, terminated, truncated, infos = self.env.step(tuple(tactics))
        if "final_obs" in infos:
            finals = infos["final_obs"].copy()
            # Gymnasium batches the ended episodes' infos as a dict of arrays, like every other info key
            final_goals = infos["final_info"]["goals"]
            for i in np.flatnonzero(infos["_final_obs"]):
                finals[i] = self.slots.encode("\n\n".join(final_goals[i] or []))[1]
            infos = {**infos, "final_obs": finals}
        return self._encode(infos), rewards, terminated, truncated, {**infos, "tactic": np.array(tactics, dtype=object)}


def _stack(observations: Sequence[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    return {k: np.stack([o[k] for o in observations]) for k in observations[0]}
