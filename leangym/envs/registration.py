"""Every leangym environment id, registered in one place with string entry points.

Nothing here imports an environment module, MiniLean or (until :func:`register_envs` runs) Gymnasium:
the entry points are strings, resolved by Gymnasium when an env is made. :func:`register_envs` is idempotent. ``import leangym`` arranges for it
to run as soon as Gymnasium is imported (see ``leangym/__init__.py``), so ``gym.make("MiniLean-v0")``
works after ``import leangym`` in either import order.
"""

from __future__ import annotations

from typing import Any

ENTRY_POINT = "leangym.envs.factory:make_env"
VECTOR_ENTRY_POINT = "leangym.envs.factory:make_vector_env"

DEFAULT_MAX_STEPS = 50
"""Tactics per episode before truncation (every registered id's ``max_episode_steps``)."""

MINILEAN_FAMILIES = ("propositional", "linear", "systems", "inequalities", "divisibility", "existential", "functional", "induction")
"""MiniLean's generated families with an id of their own (``leangym.minilean.suites.FAMILIES`` minus
``"mixture"``, which is ``MiniLean-v0``). Listed here so that registering needs no MiniLean import;
``tests/envs/test_registration.py`` checks that the two lists agree."""


def family_id(family: str) -> str:
    """``"linear_equations"`` -> ``"MiniLean-LinearEquations-v0"``."""
    return "MiniLean-" + "".join(part.capitalize() for part in family.split("_")) + "-v0"


ENV_IDS: dict[str, dict[str, Any]] = {
    "LeanWorkbook-v0": {"dataset": "lean_workbook"},
    "LeanWorkbookPlus-v0": {"dataset": "lean_workbook_plus"},
    "MiniF2F-v0": {"dataset": "minif2f", "split": "test"},
    "ProofNet-v0": {"dataset": "proofnet", "split": "test"},
    "MiniF2F-Lite-v0": {"dataset": "minif2f_lite"},
    "MiniLean-v0": {"dataset": "minilean", "family": "mixture"},
    **{family_id(f): {"dataset": "minilean", "family": f} for f in MINILEAN_FAMILIES},
}
"""Registered id -> the keyword arguments its entry point receives (overridable in ``gym.make``)."""

CONJECTURE_ID = "LeanConjecture-v0"
"""Self-play conjecturing (``leangym.envs.conjecture``): one step per episode, so no ``max_episode_steps``;
its own entry points, since it proves nothing of a dataset."""


def register_envs() -> None:
    """Register every id in :data:`ENV_IDS` with Gymnasium (again calling it is a no-op)."""
    # Imported here so that reading ENV_IDS (``leangym envs``, the package root's import hook) never
    # imports Gymnasium; by the time ids are registered it is loaded anyway.
    import gymnasium as gym

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
    if CONJECTURE_ID not in gym.registry:
        gym.register(
            id=CONJECTURE_ID,
            entry_point="leangym.envs.conjecture:make_conjecture_env",
            vector_entry_point="leangym.envs.conjecture:make_conjecture_vector_env",
        )
