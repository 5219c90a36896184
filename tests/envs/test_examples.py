"""examples/sb3_ppo.py runs end to end on a tiny budget."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_sb3_ppo_example_runs():
    pytest.importorskip("stable_baselines3")
    out = subprocess.run(
        [sys.executable, "examples/sb3_ppo.py", "--total-timesteps", "64", "--num-envs", "2", "--n-steps", "32",
         "--dim", "32", "--eval-episodes", "2"],
        cwd=REPO, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    assert "solved" in out.stdout and "after 64 PPO steps" in out.stdout
