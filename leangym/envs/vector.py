"""A vector environment whose Lean sub-environments share one backend pool and step on threads.

The sub-environments are ordinary :class:`LeanTacticEnv`/:class:`LeanProofEnv` instances: every bit of
Lean logic stays in them. This class only runs their ``step``/``reset`` calls concurrently (the Lean work
happens in worker subprocesses or in MiniLean, so threads are enough) and batches the results with
Gymnasium 1.x's autoreset semantics.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from copy import deepcopy
from typing import Any

import numpy as np
from gymnasium.vector import AutoresetMode, SyncVectorEnv
from gymnasium.vector.utils import concatenate, iterate

from leangym.envs.base import LeanEnvBase
from leangym.envs.resolve import Resolved
from leangym.errors import ConfigError


class LeanVectorEnv(SyncVectorEnv):
    """``num_envs`` Lean envs over one shared backend, stepped concurrently.

    Observations are tuples of strings (Gymnasium batches ``Text`` spaces as ``Tuple``); rewards,
    terminations and truncations are arrays; ``infos`` follow Gymnasium's dict-of-arrays convention.
    ``autoreset_mode`` is explicit: ``NEXT_STEP`` (Gymnasium's default: the step after an episode ends
    resets that sub-env and ignores its action), ``SAME_STEP`` (reset at once; the last observation and
    info are in ``infos["final_obs"]``/``infos["final_info"]``) or ``DISABLED``.
    """

    def __init__(
        self,
        envs: Sequence[LeanEnvBase],
        *,
        resolved: Resolved | None = None,
        autoreset_mode: str | AutoresetMode = AutoresetMode.NEXT_STEP,
    ) -> None:
        super().__init__([(lambda e=e: e) for e in envs], autoreset_mode=autoreset_mode)
        self._resolved = resolved
        # Threads pay only where the backend has several workers to run requests at once; over one
        # worker (e.g. MiniLean in-process) they would queue on its lock and add a hand-off per step.
        workers = len(getattr(self.envs[0].unwrapped.backend, "workers", ())) or len(self.envs)
        self._pool = (
            ThreadPoolExecutor(max_workers=len(self.envs) - 1, thread_name_prefix="leangym-vec")
            if len(self.envs) > 1 and workers > 1
            else None
        )

    def reset(
        self, *, seed: int | list[int | None] | None = None, options: dict[str, Any] | None = None
    ) -> tuple[Any, dict[str, Any]]:
        """Reset every sub-env (or those in ``options["reset_mask"]``), as Gymnasium's ``SyncVectorEnv`` does.

        ``options={"problem": [id_0, ..., id_{N-1}]}`` starts sub-env ``i`` on ``id_i`` (ids or ``Problem``
        values; a list must have one entry per sub-env, masked-out entries are ignored). A single id, or a
        ``"statement"``, goes to every sub-env.
        """
        problems = (options or {}).get("problem")
        if not isinstance(problems, (list, tuple)):
            return super().reset(seed=seed, options=options)
        if len(problems) != self.num_envs:
            raise ConfigError(
                f"options['problem'] has {len(problems)} entries but this vector env has {self.num_envs} sub-envs; "
                "pass one problem id per sub-env (or a single id for all)"
            )
        rest = {k: v for k, v in (options or {}).items() if k not in ("problem", "reset_mask")}
        mask = (options or {}).get("reset_mask")
        mask = np.ones(self.num_envs, dtype=np.bool_) if mask is None else np.asarray(mask, dtype=np.bool_)
        seeds = [seed + i for i in range(self.num_envs)] if isinstance(seed, int) else seed or [None] * self.num_envs
        infos: dict[str, Any] = {}
        for i, env in enumerate(self.envs):
            if not mask[i]:
                continue
            self._env_obs[i], info = env.reset(seed=seeds[i], options={**rest, "problem": problems[i]})
            self._terminations[i] = self._truncations[i] = self._autoreset_envs[i] = False
            infos = self._add_info(infos, info, i)
        self._observations = concatenate(self.single_observation_space, self._env_obs, self._observations)
        return (deepcopy(self._observations) if self.copy else self._observations), infos

    @property
    def backend_note(self) -> str:
        """Which engine serves the sub-envs and how many problems it kept."""
        return self.envs[0].unwrapped.backend_note

    def _step_one(self, i: int, action: Any) -> tuple[Any, float, bool, bool, dict, tuple | None]:
        env = self.envs[i]
        if self.autoreset_mode == AutoresetMode.NEXT_STEP and self._autoreset_envs[i]:
            obs, info = env.reset()
            return obs, 0.0, False, False, info, None
        obs, reward, terminated, truncated, info = env.step(action)
        final = None
        if self.autoreset_mode == AutoresetMode.SAME_STEP and (terminated or truncated):
            final = (obs, info)
            obs, info = env.reset()
        return obs, reward, terminated, truncated, info, final

    def step(self, actions: Any) -> tuple[Any, np.ndarray, np.ndarray, np.ndarray, dict[str, Any]]:
        """Step every sub-env concurrently; batch in sub-env order (so results are deterministic)."""
        actions = list(iterate(self.action_space, actions))
        if self._pool is None:
            results = [self._step_one(i, a) for i, a in enumerate(actions)]
        else:
            # Sub-env 0 runs in this thread while the others run on the pool: one hand-off fewer per step.
            futures = [self._pool.submit(self._step_one, i, a) for i, a in enumerate(actions[1:], start=1)]
            results = [self._step_one(0, actions[0]), *(f.result() for f in futures)]
        infos: dict[str, Any] = {}
        for i, (obs, reward, terminated, truncated, info, final) in enumerate(results):
            self._env_obs[i] = obs
            self._rewards[i], self._terminations[i], self._truncations[i] = reward, terminated, truncated
            if final is not None:
                infos = self._add_info(infos, {"final_obs": final[0], "final_info": final[1]}, i)
            infos = self._add_info(infos, info, i)
        self._observations = concatenate(self.single_observation_space, self._env_obs, self._observations)
        self._autoreset_envs = np.logical_or(self._terminations, self._truncations)
        return self._observations, np.copy(self._rewards), np.copy(self._terminations), np.copy(self._truncations), infos

    def close_extras(self, **kwargs: Any) -> None:
        """Close the sub-envs, then the shared backend (the sub-envs do not own it)."""
        super().close_extras(**kwargs)
        if getattr(self, "_pool", None) is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        if self._resolved is not None and self._resolved.owned:
            self._resolved.backend.close()
            self._resolved = None
