"""leangym: Lean 4 theorem proving as Gymnasium environments.

Importing the package registers every environment id with Gymnasium, so ``gym.make("MiniLean-v0")``
works after ``import leangym``.
"""

from __future__ import annotations

import os

from leangym.errors import LeanGymError
from leangym.problems import Problem

__version__ = "0.1.0"

# MiniLean REPL subprocesses set this: they never make environments, and importing Gymnasium would
# slow every worker (re)start.
if not os.environ.get("LEANGYM_SKIP_ENV_REGISTRATION"):
    from leangym.envs.registration import register_envs

    register_envs()

__all__ = ["LeanGymError", "Problem", "__version__"]
