"""gym.make_vec: one shared backend, concurrent steps, Gymnasium 1.x autoreset semantics."""

from __future__ import annotations

from contextlib import closing

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.vector import AutoresetMode

from leangym.envs import LeanVectorEnv
from leangym.errors import ConfigError


def test_sub_envs_share_one_backend_and_observations_are_strings():
    with closing(gym.make_vec("MiniLean-v0", num_envs=3, backend="minilean")) as envs:
        assert isinstance(envs.unwrapped, LeanVectorEnv)
        backends = {id(e.unwrapped.backend) for e in envs.unwrapped.envs}
        assert len(backends) == 1
        assert envs.metadata["autoreset_mode"] == AutoresetMode.NEXT_STEP
        obs, info = envs.reset(seed=0)
        assert isinstance(obs, tuple) and all(isinstance(o, str) and "⊢" in o for o in obs)
        assert envs.observation_space.contains(obs)
        backend, problem = envs.unwrapped.envs[0].unwrapped.backend, envs.unwrapped.envs[0].unwrapped.problem
    with pytest.raises(ConfigError, match="closed"):  # closing the vector env closed the shared pool once
        backend.start(problem)


def _one_step_problems(envs):
    """Reset every sub-env to a problem whose reference proof has one tactic; return those tactics."""
    problems = envs.unwrapped.envs[0].unwrapped.problems
    short = [p for p in problems if len(p.reference_proof) == 1][: envs.num_envs]
    for env, p in zip(envs.unwrapped.envs, short):
        env.reset(options={"problem": p.id})
    return tuple(p.reference_proof[0] for p in short)


def test_next_step_autoreset():
    with closing(gym.make_vec("MiniLean-Propositional-v0", num_envs=2, backend="minilean")) as envs:
        envs.reset(seed=0)
        proofs = _one_step_problems(envs)
        _, reward, terminated, _, info = envs.step(proofs)
        assert reward.tolist() == [1.0, 1.0] and terminated.all() and info["verified"].all()
        # next step: the sub-envs reset, actions are ignored, reward 0, not terminated
        obs, reward, terminated, truncated, info = envs.step(("skip", "skip"))
        assert reward.tolist() == [0.0, 0.0] and not terminated.any() and not truncated.any()
        assert all(p == [] for p in info["proof"]) and all("⊢" in o for o in obs)


def test_same_step_autoreset_exposes_final_obs():
    with closing(gym.make_vec("MiniLean-v0", num_envs=2, backend="minilean", autoreset_mode=AutoresetMode.SAME_STEP)) as envs:
        assert envs.metadata["autoreset_mode"] == AutoresetMode.SAME_STEP
        envs.reset(seed=0)
        proofs = _one_step_problems(envs)
        obs, reward, terminated, _, info = envs.step(proofs)
        assert terminated.all() and list(info["final_obs"]) == ["no goals", "no goals"]
        assert all("⊢" in o for o in obs)


def test_truncation_from_max_episode_steps():
    with closing(gym.make_vec("MiniLean-v0", num_envs=2, backend="minilean", max_episode_steps=2)) as envs:
        envs.reset(seed=0)
        assert not envs.step(("skip", "skip"))[3].any()
        assert envs.step(("skip", "skip"))[3].all()


def test_seeded_vector_reset_is_reproducible():
    def first_ids(seed):  # workers=1: all sub-envs share one in-process MiniLean
        with closing(gym.make_vec("MiniLean-v0", num_envs=3, backend="minilean", workers=1, n=16)) as envs:
            return list(envs.reset(seed=seed)[1]["problem_id"])

    assert first_ids(5) == first_ids(5)


def test_async_mode_works():
    envs = gym.make_vec(
        "MiniLean-v0", num_envs=2, vectorization_mode="async", vector_kwargs={"shared_memory": False}, backend="minilean"
    )
    with closing(envs):
        obs, info = envs.reset(seed=0)
        assert len(obs) == 2 and all("⊢" in o for o in obs)
        _, reward, *_ = envs.step(("skip", "skip"))
        assert np.all(reward == 0.0)


def test_whole_proof_mode_vectorises_too():
    with closing(gym.make_vec("MiniLean-v0", num_envs=2, backend="minilean", mode="whole_proof")) as envs:
        envs.reset(seed=0)
        problems = {p.id: p for p in envs.unwrapped.envs[0].unwrapped.problems}
        ids = [e.unwrapped.problem.id for e in envs.unwrapped.envs]
        obs, reward, terminated, _, info = envs.step(("\n".join(problems[ids[0]].reference_proof), "skip"))
        assert reward.tolist() == [1.0, 0.0] and terminated.tolist() == [True, False]
        assert obs[0] == "proof verified" and "unsolved goals" in obs[1]


@pytest.mark.parametrize("mode", ["async", "sync", "vector_entry_point"])
def test_every_vectorization_mode_returns_real_goals_with_default_arguments(mode):
    with closing(gym.make_vec("MiniLean-Propositional-v0", num_envs=2, vectorization_mode=mode, n=6, backend="minilean")) as envs:
        obs, _ = envs.reset(seed=0)
        assert isinstance(obs, tuple) and all("⊢" in o for o in obs), obs
        first = obs
        obs, *_ = envs.step(("skip", "skip"))
        assert obs == first and envs.observation_space.contains(obs)
        obs, *_ = envs.reset(seed=1)
        assert all("⊢" in o for o in obs)


def test_shared_memory_view_reads_each_write():
    from gymnasium.vector.utils import create_shared_memory, read_from_shared_memory, write_to_shared_memory

    from leangym.charset import lean_text_space

    space = lean_text_space(64)
    memory = create_shared_memory(space, n=2)
    view = read_from_shared_memory(space, memory, n=2)
    write_to_shared_memory(space, 1, "h : p ⊢ p", memory)
    assert view[1] == "h : p ⊢ p"
    write_to_shared_memory(space, 0, "x y : ℕ ⊢ x = y", memory)
    assert view[0] == "x y : ℕ ⊢ x = y" and isinstance(__import__("copy").deepcopy(view), tuple)


def test_per_sub_env_problems_at_reset():
    with closing(gym.make_vec("MiniLean-Propositional-v0", num_envs=3, n=6, backend="minilean")) as envs:
        ids = [p.id for p in envs.unwrapped.envs[0].unwrapped.problems]
        _, info = envs.reset(seed=0, options={"problem": [ids[4], ids[0], ids[4]]})
        assert list(info["problem_id"]) == [ids[4], ids[0], ids[4]]
        mask = np.array([False, True, False])
        _, info = envs.reset(options={"problem": [ids[1], ids[2], ids[3]], "reset_mask": mask})
        assert envs.unwrapped.envs[1].unwrapped.problem.id == ids[2]
        assert envs.unwrapped.envs[0].unwrapped.problem.id == ids[4]
        with pytest.raises(ConfigError, match="has 2 entries but this vector env has 3 sub-envs"):
            envs.reset(options={"problem": ids[:2]})
        _, info = envs.reset(options={"problem": ids[5]})  # one id for all
        assert set(info["problem_id"]) == {ids[5]}


def test_a_single_env_given_a_list_of_problems_says_what_to_do():
    with gym.make("MiniLean-Propositional-v0", n=4, backend="minilean") as env:
        with pytest.raises(ConfigError, match="one problem per sub-env is for the vector env"):
            env.reset(options={"problem": ["a", "b"]})


def test_info_carries_parsed_goals_beside_the_text():
    with closing(gym.make_vec("MiniLean-Propositional-v0", num_envs=2, n=6, backend="minilean")) as envs:
        _, info = envs.reset(seed=0)
        for goals, parsed in zip(info["goals"], info["parsed_goals"]):
            assert len(goals) == len(parsed) >= 1
            for text, goal in zip(goals, parsed):
                assert text.endswith("⊢ " + goal["target"])
                assert all(h["name"] and h["type"] for h in goal["hypotheses"])
