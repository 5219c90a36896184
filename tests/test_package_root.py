"""The package root stays light: the engine imports no Gymnasium, and `import leangym` still registers every id."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("gymnasium", "numpy", "torch", "transformers", "datasets", "leangym.envs.tactic_env")


def _fresh(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


@pytest.mark.parametrize("module", ["leangym", "leangym.minilean.repl", "leangym.minilean"])
def test_engine_imports_no_gymnasium_torch_or_numpy(module):
    loaded = json.loads(_fresh(f"import sys, json, {module}; print(json.dumps(sorted(sys.modules)))"))
    assert not [m for m in HEAVY if m in loaded], f"import {module} loaded {[m for m in HEAVY if m in loaded]}"


@pytest.mark.parametrize("order", ["import leangym\nimport gymnasium as gym", "import gymnasium as gym\nimport leangym"])
def test_make_works_after_import_leangym_in_either_order(order):
    out = _fresh(
        f"{order}\n"
        "env = gym.make('MiniLean-v0', n=2)\n"
        "obs, info = env.reset(seed=0)\n"
        "print('⊢' in obs, len(gym.spec('MiniLean-Propositional-v0').kwargs))\n"
        "env.close()"
    )
    assert out.split() == ["True", "2"]


def test_no_environment_variable_workaround_is_left():
    hits = [
        str(p.relative_to(ROOT))
        for top in ("leangym", "tests", "agents", "trainers", "examples")
        for p in (ROOT / top).rglob("*.py")
        if "LEANGYM_SKIP_ENV_REGISTRATION" in p.read_text(encoding="utf-8") and p != Path(__file__)
    ]
    assert not hits, hits
