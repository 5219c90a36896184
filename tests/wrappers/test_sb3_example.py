"""examples/sb3_ppo.py runs end to end on a tiny budget (in this process: torch is imported once)."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sb3_ppo.py"


def test_sb3_ppo_example_runs(monkeypatch, capsys):
    pytest.importorskip("stable_baselines3")
    argv = ["sb3_ppo.py", "--total-timesteps", "32", "--num-envs", "2", "--n-steps", "16", "--dim", "32", "--eval-episodes", "1",
            "--problems", "8"]  # fmt: skip
    monkeypatch.setattr(sys, "argv", argv)
    runpy.run_path(str(EXAMPLE), run_name="__main__")
    assert "MiniLean-v0: solved" in capsys.readouterr().out
