"""LeanProofEnv: whole proofs in, Lean's feedback (positions, goals left) out, k attempts."""

from __future__ import annotations

import pytest
from gymnasium.utils.env_checker import check_env

from leangym.envs import LeanProofEnv
from leangym.envs.proof_env import proof_body


@pytest.fixture()
def env(prop_problems):
    env = LeanProofEnv(prop_problems, backend="minilean", max_attempts=3, render_mode="ansi")
    yield env
    env.close()


def test_check_env_passes(env):
    check_env(env, skip_render_check=True)


def test_feedback_then_verified_proof(env, prop_problems):
    problem = next(p for p in prop_problems if len(p.reference_proof) >= 2)
    obs, info = env.reset(options={"problem": problem.id})
    assert obs.startswith(problem.statement) and "⊢" in obs
    obs, reward, terminated, truncated, info = env.step("skip\nexact nothing_here")
    assert (reward, terminated, truncated) == (0.0, False, False)
    assert obs.startswith("line 2, column 6: error:") and "nothing_here" in obs  # at the identifier
    assert info["attempt"] == 1 and info["messages"]
    obs, reward, terminated, truncated, info = env.step("by\n  " + "\n  ".join(problem.reference_proof))
    assert (reward, terminated) == (1.0, True) and info["verified"] and obs == "proof verified"


def test_unfinished_proof_lists_goals_left(env, prop_problems):
    problem = next(p for p in prop_problems if len(p.reference_proof) >= 2)
    env.reset(options={"problem": problem.id})
    obs, *_ = env.step(problem.reference_proof[0])
    assert "unsolved goals" in obs and "⊢" in obs


def test_truncated_after_max_attempts(env):
    env.reset(seed=0)
    assert [env.step("skip")[3] for _ in range(3)] == [False, False, True]


@pytest.mark.parametrize(
    ("action", "body"),
    [("by\n  intro h\n  exact h", "intro h\nexact h"), ("by exact h", "exact h"), ("  a\n  · b", "a\n· b")],
)
def test_proof_body_strips_by_and_dedents(action, body):
    assert proof_body(action) == body
