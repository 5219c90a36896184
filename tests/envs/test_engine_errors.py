"""An engine bug in an environment: reported in info["engine_error"], counted, never rewarded, never verified."""

from __future__ import annotations

import pytest

from leangym.backend import make_backend
from leangym.envs import LeanProofEnv, LeanTacticEnv, LeanVectorEnv
from leangym.minilean import arith
from leangym.problems import Problem

pytestmark = pytest.mark.engine_bug
LIN = Problem("lin", "theorem lin (x : ℝ) (h : 0 < x) : 0 < x + 1", header="import Mathlib\n")


def _boom(*args, **kw):
    raise TypeError("injected bug")


def _bug_from_call(n: int):
    """linarith that works for its first ``n - 1`` calls, then has a bug (to hit verify, not run_tactic)."""
    real, calls = arith.linarith, [0]

    def linarith(*args, **kw):
        calls[0] += 1
        if calls[0] >= n:
            raise TypeError("injected bug")
        return real(*args, **kw)

    return linarith


def test_tactic_env_reports_an_engine_bug_in_info_and_pays_nothing(monkeypatch):
    with LeanTacticEnv([LIN], backend="minilean", max_steps=10) as env:
        obs, info = env.reset(options={"problem": "lin"})
        assert info["engine_error"] is None and info["engine_errors"] == 0
        monkeypatch.setattr(arith, "linarith", _boom)
        obs2, reward, terminated, truncated, info = env.step("linarith")
        assert (reward, terminated, truncated) == (0.0, False, False) and obs2 == obs
        assert "TypeError: injected bug" in info["engine_error"] and info["engine_errors"] == 1
        assert info["error"].startswith("leangym: engine error: ") and info["proof"] == [] and not info["verified"]
        monkeypatch.undo()
        _, reward, terminated, _, info = env.step("linarith")
        assert (
            (reward, terminated) == (1.0, True)
            and info["engine_error"] is None
            and info["engine_errors"] == 1
        )


def test_tactic_env_never_accepts_when_verify_hits_an_engine_bug(monkeypatch):
    with LeanTacticEnv([LIN], backend="minilean", max_steps=10) as env:
        env.reset(options={"problem": "lin"})
        monkeypatch.setattr(arith, "linarith", _bug_from_call(2))  # run_tactic closes the goal, verify breaks
        _, reward, terminated, _, info = env.step("linarith")
        assert (reward, terminated, info["verified"]) == (0.0, False, False)
        assert (
            "injected bug" in info["engine_error"]
            and info["engine_errors"] == 1
            and "verification" in info["error"]
        )


def test_proof_env_reports_an_engine_bug_in_info_and_pays_nothing(monkeypatch):
    with LeanProofEnv([LIN], backend="minilean") as env:
        _, info = env.reset(options={"problem": "lin"})
        assert info["engine_error"] is None and info["engine_errors"] == 0
        monkeypatch.setattr(arith, "linarith", _boom)
        _, reward, terminated, _, info = env.step("linarith")
        assert (reward, terminated, info["verified"]) == (0.0, False, False)
        assert "injected bug" in info["engine_error"] and info["engine_errors"] == 1
        assert info["error"].startswith("leangym: engine error: ")


def test_vector_env_batches_engine_errors(monkeypatch):
    backend = make_backend("minilean", timeout=10)
    envs = LeanVectorEnv([LeanTacticEnv([LIN], backend=backend) for _ in range(2)])
    try:
        envs.reset(seed=0)
        monkeypatch.setattr(arith, "linarith", _boom)
        _, rewards, terminated, _, infos = envs.step(("linarith", "linarith"))
        assert rewards.tolist() == [0.0, 0.0] and not terminated.any()
        assert all("injected bug" in e for e in infos["engine_error"]) and infos[
            "engine_errors"
        ].tolist() == [1, 1]
    finally:
        envs.close()
        backend.close()
