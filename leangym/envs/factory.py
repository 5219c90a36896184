"""Entry points behind the registered ids: load a dataset, pick the engine, build the env or vector env.

``gym.make("MiniF2F-v0", split="valid", data_path=...)`` lands in :func:`make_env`;
``gym.make_vec("MiniF2F-v0", num_envs=8)`` in :func:`make_vector_env`, which loads the problems and
starts the backend pool once and hands both to every sub-env.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import gymnasium as gym
from gymnasium.vector import AutoresetMode

from leangym.backend.api import Backend
from leangym.datasets import DATASETS, load_problems
from leangym.envs.base import LeanEnvBase
from leangym.envs.proof_env import LeanProofEnv
from leangym.envs.registration import register_envs
from leangym.envs.resolve import resolve
from leangym.envs.tactic_env import LeanTacticEnv
from leangym.envs.vector import LeanVectorEnv
from leangym.errors import ConfigError
from leangym.problems import Problem

MODES = {"tactic": LeanTacticEnv, "whole_proof": LeanProofEnv}
"""``mode=`` of every registered id -> the environment class it builds."""

DATASET_TITLES = {
    "lean_workbook": "Lean Workbook",
    "lean_workbook_plus": "Lean Workbook Plus",
    "minif2f": "miniF2F",
    "minif2f_lite": "miniF2F-Lite",
    "proofnet": "ProofNet",
    "minilean": "MiniLean",
    "jsonl": "local",
}


class _Unset:
    def __repr__(self) -> str:
        return "<default>"


DEFAULT: Final = _Unset()
"""``split=DEFAULT``: the dataset's own default split; an explicit ``split=None`` means every split."""


def dataset_problems(
    dataset: str,
    *,
    split: str | None | _Unset = DEFAULT,
    data_path: str | Path | None = None,
    family: str | None = None,
    n: int | None = None,
    difficulty: int | None = None,
    suite_seed: int | None = None,
) -> list[Problem]:
    """Load a registered id's problems, passing only the loader arguments that were given.

    ``split=None`` asks for every split: it reaches loaders that take a split (ProofNet, miniF2F) as
    ``None`` and is simply left out for datasets without splits (Lean Workbook, MiniLean).
    """
    given = {"data_path": data_path, "family": family, "n": n, "difficulty": difficulty, "seed": suite_seed}
    kwargs: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    loader = DATASETS.get(dataset)
    if not isinstance(split, _Unset) and (split is not None or (loader is not None and _takes(loader, "split"))):
        kwargs["split"] = split
    try:
        return load_problems(dataset, **kwargs)
    except TypeError as exc:  # a keyword the loader does not take, e.g. split= for Lean Workbook
        raise ConfigError(f"dataset {dataset!r} does not take these arguments: {exc}") from None


def env_problems(
    env_id: str,
    *,
    split: str | None = None,
    n: int | None = None,
    difficulty: int | None = None,
    suite_seed: int | None = None,
    data_path: str | None = None,
) -> list[Problem]:
    """The problems behind a registered environment id (its registration kwargs name the dataset)."""
    register_envs()
    try:
        spec = gym.spec(env_id)
    except gym.error.Error as exc:  # Gymnasium's message carries the "Did you mean"
        raise ConfigError(f"{exc} (list the registered ids with `leangym envs`)") from None
    kw = dict(spec.kwargs)
    dataset = kw.pop("dataset")
    problems = dataset_problems(
        dataset,
        split=split or kw.get("split"),
        data_path=data_path or kw.get("data_path"),
        family=kw.get("family"),
        n=n if dataset == "minilean" else None,
        difficulty=difficulty,
        suite_seed=suite_seed,
    )
    return problems[:n] if n is not None else problems


def _takes(fn: Any, name: str) -> bool:
    return name in inspect.signature(fn).parameters


def _check_env_kwargs(cls: type[LeanEnvBase], dataset: str, env_kwargs: dict[str, Any], entry: Any) -> None:
    """Refuse keyword arguments that neither the entry point nor the env class takes (not a TypeError deep inside)."""
    known = (set(inspect.signature(entry).parameters) | set(inspect.signature(cls.__init__).parameters)) - {
        "self",
        "env_kwargs",
        "dataset",
    }
    unknown = sorted(set(env_kwargs) - known)
    if unknown:
        close = difflib.get_close_matches(unknown[0], sorted(known), n=3)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise ConfigError(
            f"unknown argument{'s' if len(unknown) > 1 else ''} {', '.join(repr(u) for u in unknown)} for a "
            f"{DATASET_TITLES.get(dataset, dataset)} environment{hint} (accepted: {', '.join(sorted(known))})"
        )


def _env_class(mode: str) -> type[LeanEnvBase]:
    if mode not in MODES:
        raise ConfigError(f"mode must be one of {sorted(MODES)}, got {mode!r}")
    return MODES[mode]


def make_env(
    dataset: str,
    *,
    mode: str = "tactic",
    split: str | None | _Unset = DEFAULT,
    data_path: str | Path | None = None,
    family: str | None = None,
    n: int | None = None,
    difficulty: int | None = None,
    suite_seed: int | None = None,
    problems: Sequence[Problem] | None = None,
    **env_kwargs: Any,
) -> LeanEnvBase:
    """Build one env for a registered dataset (``gym.make`` entry point); ``env_kwargs`` go to the env class.

    In tactic mode the step limit is left to Gymnasium's ``TimeLimit`` (``max_episode_steps``) unless
    ``max_steps=`` is given.
    """
    cls = _env_class(mode)
    _check_env_kwargs(cls, dataset, env_kwargs, make_env)
    if problems is None:
        problems = dataset_problems(
            dataset, split=split, data_path=data_path, family=family, n=n, difficulty=difficulty, suite_seed=suite_seed
        )
    if cls is LeanTacticEnv:
        env_kwargs.setdefault("max_steps", None)
    env_kwargs.setdefault("dataset", DATASET_TITLES.get(dataset, dataset))
    return cls(problems, **env_kwargs)


def make_vector_env(
    dataset: str,
    num_envs: int = 1,
    *,
    mode: str = "tactic",
    autoreset_mode: str | AutoresetMode = AutoresetMode.NEXT_STEP,
    max_episode_steps: int | None = None,
    backend: str | Backend = "auto",
    repl_command: Sequence[str] | None = None,
    timeout: float = 10.0,
    workers: int | None = None,
    backend_options: dict[str, Any] | None = None,
    split: str | None | _Unset = DEFAULT,
    data_path: str | Path | None = None,
    family: str | None = None,
    n: int | None = None,
    difficulty: int | None = None,
    suite_seed: int | None = None,
    problems: Sequence[Problem] | None = None,
    **env_kwargs: Any,
) -> LeanVectorEnv:
    """Build ``num_envs`` envs sharing one backend (``gym.make_vec`` entry point).

    ``workers`` (default ``num_envs``) is the size of the shared pool. ``max_episode_steps`` becomes each
    tactic env's ``max_steps`` (the vector env has no ``TimeLimit`` wrapper).
    """
    if num_envs < 1:
        raise ConfigError(f"num_envs must be >= 1, got {num_envs}")
    cls = _env_class(mode)
    _check_env_kwargs(cls, dataset, env_kwargs, make_vector_env)
    if problems is None:
        problems = dataset_problems(
            dataset, split=split, data_path=data_path, family=family, n=n, difficulty=difficulty, suite_seed=suite_seed
        )
    title = DATASET_TITLES.get(dataset, dataset)
    resolved = resolve(
        backend,
        problems,
        dataset=title,
        repl_command=repl_command,
        timeout=timeout,
        workers=workers or num_envs,
        backend_options=backend_options,
    )
    if cls is LeanTacticEnv:
        env_kwargs.setdefault("max_steps", max_episode_steps)
    try:
        envs = [cls(list(resolved.problems), backend=resolved, timeout=timeout, **env_kwargs) for _ in range(num_envs)]
    except Exception:
        if resolved.owned:
            resolved.backend.close()
        raise
    return LeanVectorEnv(envs, resolved=resolved, autoreset_mode=autoreset_mode)
