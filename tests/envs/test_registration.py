"""Every registered id: check_env passes, make_vec works, the registration is idempotent and in sync."""

from __future__ import annotations

from contextlib import closing

import gymnasium as gym
import pytest
from gymnasium.utils.env_checker import check_env

from leangym.envs import ENV_IDS, register_envs
from leangym.envs.registration import family_id
from leangym.envs.tactic_env import DEFAULT_MAX_STEPS

DATA_FILES = {
    "LeanWorkbook-v0": "lean-workbook/lean_workbook_subset.jsonl",
    "LeanWorkbookPlus-v0": "lean-workbook/lean_workbook_subset.jsonl",
    "MiniF2F-v0": "minif2f/minif2f.jsonl",
    "ProofNet-v0": "proofnet/proofnet.jsonl",
    "MiniF2F-Lite-v0": "minif2f/minif2f.jsonl",
}


def make_kwargs(env_id, data_dir):
    kwargs = {"backend": "minilean"}
    if ENV_IDS[env_id]["dataset"] == "minilean":
        kwargs["n"] = 8  # generating 100 problems of some families takes seconds
    if env_id in DATA_FILES:
        kwargs["data_path"] = str(data_dir / DATA_FILES[env_id])
    return kwargs


def test_register_is_idempotent_and_ids_are_present():
    register_envs()
    register_envs()
    for env_id in ("LeanWorkbook-v0", "LeanWorkbookPlus-v0", "MiniF2F-v0", "ProofNet-v0", "MiniF2F-Lite-v0", "MiniLean-v0"):
        spec = gym.spec(env_id)
        assert spec.max_episode_steps == DEFAULT_MAX_STEPS and spec.vector_entry_point is not None


def test_family_variants_follow_the_generators():
    from leangym.minilean.suites import FAMILIES

    variants = {i for i, kw in ENV_IDS.items() if kw["dataset"] == "minilean" and kw["family"] != "mixture"}
    assert variants == {family_id(f) for f in FAMILIES if f != "mixture"}
    assert family_id("linear_equations") == "MiniLean-LinearEquations-v0"


@pytest.mark.parametrize("mode", ["tactic", "whole_proof"])
@pytest.mark.parametrize("env_id", sorted(ENV_IDS))
def test_check_env_on_every_id(env_id, mode, small_data_dir):
    try:
        env = gym.make(env_id, mode=mode, **make_kwargs(env_id, small_data_dir))
    except Exception as exc:  # datasets wholly outside MiniLean's fragment must say so clearly
        assert "fragment" in str(exc) and "real Lean" in str(exc), exc
        pytest.skip(f"{env_id}: no problem inside MiniLean's fragment ({exc})")
    with env:
        check_env(env.unwrapped, skip_render_check=True)
        assert env.spec.max_episode_steps == DEFAULT_MAX_STEPS


@pytest.mark.parametrize("env_id", sorted(ENV_IDS))
def test_make_vec_on_every_id(env_id, small_data_dir):
    try:
        envs = gym.make_vec(env_id, num_envs=2, **make_kwargs(env_id, small_data_dir))
    except Exception as exc:
        assert "fragment" in str(exc), exc
        pytest.skip(f"{env_id}: no problem inside MiniLean's fragment")
    with closing(envs):
        obs, info = envs.reset(seed=0)
        assert envs.observation_space.contains(obs) and len(info["problem_id"]) == 2
        obs, reward, *_ = envs.step(("skip", "skip"))
        assert reward.shape == (2,)


def test_dataset_ids_on_minilean_report_how_many_were_kept(shared_data):
    with gym.make("MiniF2F-Lite-v0", **make_kwargs("MiniF2F-Lite-v0", shared_data)) as env:
        assert env.unwrapped.engine == "minilean" and len(env.unwrapped.problems) > 0
    with gym.make("MiniF2F-v0", split="valid", **make_kwargs("MiniF2F-v0", shared_data)) as env:
        note = env.unwrapped.backend_note
        assert "kept" in note and "of 244" in note


def test_whole_proof_mode_on_a_registered_id():
    with gym.make("MiniLean-v0", backend="minilean", mode="whole_proof") as env:
        assert type(env.unwrapped).__name__ == "LeanProofEnv"
        check_env(env.unwrapped, skip_render_check=True)


def test_unknown_mode_and_dataset_arguments_are_clear():
    from leangym.errors import ConfigError

    with pytest.raises(ConfigError, match="mode must be one of"):
        gym.make("MiniLean-v0", backend="minilean", mode="tree")
    with pytest.raises(ConfigError, match="does not take"):
        gym.make("MiniLean-v0", backend="minilean", split="valid")
