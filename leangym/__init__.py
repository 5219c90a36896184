"""leangym: Lean 4 theorem proving as Gymnasium environments.

``import leangym`` makes every environment id available to ``gym.make`` without importing Gymnasium
itself: the ids are registered at once if Gymnasium is already loaded, else the moment it is. So the
engine (``import leangym.minilean.repl``, which every MiniLean REPL worker runs) never pays for
Gymnasium, and ``gym.make("MiniLean-v0")`` works after ``import leangym`` in either import order.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import Any

from leangym.errors import LeanGymError
from leangym.problems import Problem

__version__ = "0.1.0"


def _register() -> None:
    from leangym.envs.registration import register_envs  # imports Gymnasium, so only once it is loaded

    register_envs()


class _RegisteringLoader(importlib.abc.Loader):
    """Gymnasium's own loader, then :func:`_register` once its module has run."""

    def __init__(self, inner: importlib.abc.Loader) -> None:
        self._inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._inner.exec_module(module)
        _register()

    def __getattr__(self, name: str) -> Any:  # resource readers and the like come from the real loader
        return getattr(self._inner, name)


class _RegisterAfterGymnasium(importlib.abc.MetaPathFinder):
    """Waits on ``sys.meta_path`` for the first ``import gymnasium`` and then removes itself."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != "gymnasium":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is not None and spec.loader is not None:
            spec.loader = _RegisteringLoader(spec.loader)
        return spec


if "gymnasium" in sys.modules:
    _register()
elif not any(isinstance(f, _RegisterAfterGymnasium) for f in sys.meta_path):
    sys.meta_path.insert(0, _RegisterAfterGymnasium())

__all__ = ["LeanGymError", "Problem", "__version__"]
