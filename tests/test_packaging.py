"""Every third-party import in the library and the PPO agent is declared: in the core dependencies or an extra."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
FIRST_PARTY = {"leangym", "agents", "trainers", "benchmarks", "examples", "tests"}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def _third_party(paths) -> dict[str, str]:
    """Top-level imported module -> the file importing it, for modules outside the stdlib and this repo."""
    found: dict[str, str] = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            mods = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else [])
            for mod in mods:
                top = mod.split(".")[0]
                if top not in sys.stdlib_module_names and top not in FIRST_PARTY and top != "__future__":
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def _dist(module: str) -> str:
    return packages_distributions().get(module, [module])[0].lower().replace("_", "-")


def test_pexpect_is_not_a_core_dependency_while_nothing_uses_it():
    used = any("pexpect" in p.read_text(encoding="utf-8") for p in (ROOT / "leangym").rglob("*.py"))
    assert used or "pexpect" not in _names(PYPROJECT["dependencies"])


def test_every_library_import_is_declared():
    declared = _names(PYPROJECT["dependencies"]) | set().union(*(_names(v) for v in PYPROJECT["optional-dependencies"].values()))
    missing = {m: f for m, f in _third_party((ROOT / "leangym").rglob("*.py")).items() if _dist(m) not in declared}
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_data_extra_covers_the_hub_and_parquet_loaders():
    assert {"datasets", "pyarrow"} <= _names(PYPROJECT["optional-dependencies"]["data"])


def test_rl_extra_is_enough_for_ppo_sb3():
    core_and_rl = _names(PYPROJECT["dependencies"]) | _names(PYPROJECT["optional-dependencies"]["rl"])
    files = [ROOT / "agents" / "ppo_sb3.py", ROOT / "agents" / "common.py"]
    missing = {m: f for m, f in _third_party(files).items() if _dist(m) not in core_and_rl}
    assert not missing, f"`pip install leangym[rl]` would miss: {missing}"
