"""leangym: Lean 4 theorem proving as Gymnasium environments."""

from __future__ import annotations

from leangym.errors import LeanGymError
from leangym.problems import Problem

__version__ = "0.1.0"

__all__ = ["LeanGymError", "Problem", "__version__"]
