"""leangym: Lean 4 theorem proving as Gymnasium environments.

Importing the package registers every environment id with Gymnasium, so ``gym.make("MiniLean-v0")``
works after ``import leangym``.
"""

from __future__ import annotations

from leangym.envs.registration import register_envs
from leangym.errors import LeanGymError
from leangym.problems import Problem

__version__ = "0.1.0"

register_envs()

__all__ = ["LeanGymError", "Problem", "__version__", "register_envs"]
