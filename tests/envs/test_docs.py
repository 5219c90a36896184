"""docs/envs.md states defaults; check they are the code's (documented twice, checked once)."""

from __future__ import annotations

import inspect
from pathlib import Path

from leangym.envs import LeanProofEnv, LeanTacticEnv
from leangym.envs.proof_env import DEFAULT_MAX_ATTEMPTS
from leangym.envs.registration import ENV_IDS
from leangym.envs.tactic_env import DEFAULT_MAX_STEPS
from leangym.wrappers import GoalFeatures, ShapedReward

DOC = (Path(__file__).resolve().parents[2] / "docs" / "envs.md").read_text(encoding="utf-8")


def _default(cls, name):
    return inspect.signature(cls).parameters[name].default


def test_documented_defaults_match_the_code():
    assert f"`max_episode_steps` (Gymnasium's `TimeLimit`): {DEFAULT_MAX_STEPS} for every id" in DOC
    assert f"`max_attempts` (default {DEFAULT_MAX_ATTEMPTS})" in DOC
    assert f"seconds per tactic (default {_default(LeanTacticEnv, 'timeout'):g})" in DOC
    assert f"dim={_default(GoalFeatures, 'dim')}" in DOC
    assert f"step_penalty={_default(ShapedReward, 'step_penalty')}, error_penalty={_default(ShapedReward, 'error_penalty')}" in DOC
    assert _default(LeanProofEnv, "max_attempts") == DEFAULT_MAX_ATTEMPTS


def test_every_registered_id_is_documented():
    for env_id in ENV_IDS:
        if env_id.startswith("MiniLean-") and env_id != "MiniLean-v0":
            assert f"`{env_id.split('-')[1]}`" in DOC, env_id  # family variants: listed by family name
            continue
        assert f"`{env_id}`" in DOC, env_id
    assert "`MiniLean-<Family>-v0`" in DOC


def test_env_docstrings_have_gymnasium_sections():
    for cls in (LeanTacticEnv, LeanProofEnv):
        for section in ("Description", "Action Space", "Observation Space", "Rewards", "Starting State",
                        "Episode End", "Arguments", "Version History"):  # fmt: skip
            assert f"## {section}" in cls.__doc__, (cls.__name__, section)


def test_quickstart_snippets_run(capsys):
    """The make/reset/step and vector snippets (the README copies them) run and print what they claim."""
    namespace: dict = {}
    for block in DOC.split("```python\n")[1:3]:
        exec(compile(block.split("```")[0], "docs/envs.md", "exec"), namespace)
    out = capsys.readouterr().out
    assert "⊢ p ∨ q" in out and "hq" in out and "1.0 True" in out
