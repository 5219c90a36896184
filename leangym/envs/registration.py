"""Every leangym environment id, registered in one place with string entry points.

:func:`register_envs` is cheap (nothing heavy is imported until an env is made) and idempotent, so
``import leangym`` can call it and calling it again does nothing. The only import beyond Gymnasium
is MiniLean's family list (its generator modules are small).
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym

from leangym.envs.tactic_env import DEFAULT_MAX_STEPS

ENTRY_POINT = "leangym.envs.factory:make_env"
VECTOR_ENTRY_POINT = "leangym.envs.factory:make_vector_env"

def family_id(family: str) -> str:
    """``"linear_equations"`` -> ``"MiniLean-LinearEquations-v0"``."""
    return "MiniLean-" + "".join(part.capitalize() for part in family.split("_")) + "-v0"


def _families() -> tuple[str, ...]:
    try:
        from leangym.minilean.suites import FAMILIES
    except ImportError:  # MiniLean's generators unavailable: only the dataset ids are registered
        return ()
    return tuple(f for f in FAMILIES if f != "mixture")  # the mixture is MiniLean-v0 itself


ENV_IDS: dict[str, dict[str, Any]] = {
    "LeanWorkbook-v0": {"dataset": "lean_workbook"},
    "LeanWorkbookPlus-v0": {"dataset": "lean_workbook_plus"},
    "MiniF2F-v0": {"dataset": "minif2f", "split": "test"},
    "ProofNet-v0": {"dataset": "proofnet", "split": "test"},
    "MiniF2F-Lite-v0": {"dataset": "minif2f_lite"},
    "MiniLean-v0": {"dataset": "minilean", "family": "mixture"},
    **{family_id(f): {"dataset": "minilean", "family": f} for f in _families()},
}
"""Registered id -> the keyword arguments its entry point receives (overridable in ``gym.make``).
MiniLean's family variants (``MiniLean-Propositional-v0``, ...) follow ``leangym.minilean.suites.FAMILIES``."""


def register_envs() -> None:
    """Register every id in :data:`ENV_IDS` with Gymnasium (again calling it is a no-op)."""
    for env_id, kwargs in ENV_IDS.items():
        if env_id in gym.registry:
            continue
        gym.register(
            id=env_id,
            entry_point=ENTRY_POINT,
            vector_entry_point=VECTOR_ENTRY_POINT,
            max_episode_steps=DEFAULT_MAX_STEPS,
            kwargs=dict(kwargs),
        )
