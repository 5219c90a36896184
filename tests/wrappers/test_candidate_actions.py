"""CandidateActions: the candidate generator's tactics as masked discrete actions, single and vector env."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env
from gymnasium.vector import AutoresetMode

from leangym.envs import register_envs
from leangym.errors import ConfigError
from leangym.search.candidates import CandidateGenerator
from leangym.wrappers import CandidateActions, CandidateSlots, VectorCandidateActions, VectorShapedReward

STATEMENT = "theorem t (p q : Prop) (hp : p) (hq : q) : q ∧ p"


@pytest.fixture()
def env():
    register_envs()
    env = CandidateActions(gym.make("MiniLean-Propositional-v0", backend="minilean", n=20), max_actions=32, dim=64)
    yield env
    env.close()


def test_mask_matches_the_generators_candidates(env):
    _, info = env.reset(options={"statement": STATEMENT})
    expected = CandidateGenerator()("\n\n".join(info["goals"]))
    assert info["candidates"] == expected
    mask = env.action_masks()
    assert mask.shape == (32,) and mask.sum() == len(expected) and mask[: len(expected)].all()
    *_, info = env.step(expected.index("constructor"))  # two goals now: the mask follows the new state
    assert info["tactic"] == "constructor" and info["error"] is None
    assert info["candidates"] == CandidateGenerator()("\n\n".join(info["goals"]))
    assert env.action_masks().sum() == len(info["candidates"])
    *_, info = env.step(expected.index("exact hq"))
    assert info["tactic"] == "exact hq" and info["error"] is None


def test_an_empty_slot_is_a_failed_step_not_an_exception(env):
    obs, info = env.reset(options={"statement": STATEMENT})
    empty = len(info["candidates"])
    obs2, reward, terminated, truncated, info2 = env.step(empty)
    assert info2["tactic"] is None and "slot" in info2["error"] and reward == 0.0 and not terminated
    assert info2["goals"] == info["goals"] and np.array_equal(obs2["candidates"], obs["candidates"])


@pytest.mark.filterwarnings("ignore:.*different from the unwrapped version")
def test_candidate_actions_pass_check_env(env):
    assert env.action_space == gym.spaces.Discrete(32)
    check_env(env, skip_render_check=True)


def test_observation_shows_each_candidates_text_not_its_slot():
    slots = CandidateSlots(max_actions=40, dim=64)
    a = "p q : Prop\nhp : p\n⊢ p ∨ q"
    b = "p q : Prop\nhp : p\nhq : q\n⊢ p ∨ q"
    ta, oa, _ = slots.encode(a)
    tb, ob, _ = slots.encode(b)
    assert ta != tb and not np.array_equal(oa["candidates"], ob["candidates"])
    # the same tactic in the same context reads the same in every state, whatever its slot
    for tactic in ("left", "exact hp"):
        assert np.array_equal(oa["candidates"][ta.index(tactic)], ob["candidates"][tb.index(tactic)])
    # the second half names the hypothesis's type: `exact hp` and `exact hq` differ there as `p` and `q` do
    half = slots.dim
    assert not np.array_equal(ob["candidates"][tb.index("exact hp"), half:], ob["candidates"][tb.index("exact hq"), half:])
    assert not oa["candidates"][len(ta) :].any()  # empty slots are zero
    with pytest.raises(ConfigError, match="max_actions"):
        CandidateSlots(max_actions=0)


def test_vector_wrapper_encodes_every_sub_env_and_the_ended_episodes():
    register_envs()
    venv = gym.make_vec(
        "MiniLean-Propositional-v0", num_envs=2, vectorization_mode="vector_entry_point", backend="minilean",
        n=10, max_episode_steps=1, autoreset_mode=AutoresetMode.SAME_STEP,
    )  # fmt: skip
    env = VectorCandidateActions(VectorShapedReward(venv, step_penalty=0.1, error_penalty=0.5), max_actions=32, dim=64)
    try:
        obs, infos = env.reset(seed=0)
        assert obs["candidates"].shape == (2, 32, 128) and env.action_masks().shape == (2, 32)
        for i, tactics in enumerate(env.candidates()):
            assert tactics == CandidateGenerator()("\n\n".join(infos["goals"][i]))
            assert env.action_masks()[i].sum() == len(tactics)
        first = env.candidates()[0]
        obs, rewards, terminated, truncated, infos = env.step([0, 31])  # sub-env 1: an empty slot
        assert infos["tactic"][0] == first[0] and infos["tactic"][1] == ""
        assert truncated.all() and infos["final_obs"][1]["candidates"].shape == (32, 128)
        assert rewards[1] == pytest.approx(-0.6)  # step and error penalty, read from the ended episode's info
    finally:
        env.close()
