"""Gymnasium environments for Lean theorem proving: tactic-level, whole-proof, and vectorised."""

from __future__ import annotations

from leangym.envs.proof_env import LeanProofEnv
from leangym.envs.registration import ENV_IDS, register_envs
from leangym.envs.tactic_env import LeanTacticEnv
from leangym.envs.vector import LeanVectorEnv

__all__ = ["ENV_IDS", "LeanProofEnv", "LeanTacticEnv", "LeanVectorEnv", "register_envs"]
