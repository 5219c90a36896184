"""Gymnasium environments for Lean theorem proving: tactic-level, whole-proof, and vectorised.

The environment classes load on first use (``from leangym.envs import LeanTacticEnv``), so that
importing :mod:`leangym.envs.registration` (which ``import leangym`` does) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

from leangym.envs.registration import CONJECTURE_ID, ENV_IDS, register_envs

_LAZY = {
    "LeanTacticEnv": "leangym.envs.tactic_env",
    "LeanProofEnv": "leangym.envs.proof_env",
    "LeanVectorEnv": "leangym.envs.vector",
    "LeanConjectureEnv": "leangym.envs.conjecture",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'leangym.envs' has no attribute {name!r}")


__all__ = ["CONJECTURE_ID", "ENV_IDS", "LeanConjectureEnv", "LeanProofEnv", "LeanTacticEnv", "LeanVectorEnv", "register_envs"]
