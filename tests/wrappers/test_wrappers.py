"""Wrappers: discrete tactics, goal features, reward shaping; SB3 PPO and DQN run through them unmodified."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

from leangym.envs import register_envs
from leangym.errors import ConfigError
from leangym.wrappers import DiscreteTactics, GoalFeatures, ShapedReward, hashed_ngrams

TACTICS = ["intro h1", "constructor", "left", "right", "assumption", "exact h1", "exact h2", "exact h1.1", "skip"]


@pytest.fixture()
def env():
    register_envs()
    env = GoalFeatures(DiscreteTactics(gym.make("MiniLean-v0", backend="minilean"), TACTICS), dim=64)
    yield env
    env.close()


@pytest.mark.filterwarnings("ignore:.*different from the unwrapped version")
def test_wrapped_env_passes_check_env(env):
    assert env.action_space == gym.spaces.Discrete(len(TACTICS))
    assert env.observation_space.shape == (64,)
    check_env(env, skip_render_check=True)


def test_discrete_action_sends_the_listed_tactic(env):
    env.reset(seed=0)
    *_, info = env.step(TACTICS.index("skip"))
    assert info["tactic"] == "skip" and info["error"] is None
    with pytest.raises(ConfigError, match="outside the env's action space"):
        DiscreteTactics(env.env, ["intro h", "☃"])


def test_goal_features_are_deterministic_and_distinguish_goals():
    a, b = hashed_ngrams("p q : Prop\n⊢ p ∧ q", 64), hashed_ngrams("p q : Prop\n⊢ p ∨ q", 64)
    assert a.dtype == np.float32 and a.max() == 1.0 and np.array_equal(a, hashed_ngrams("p q : Prop\n⊢ p ∧ q", 64))
    assert not np.array_equal(a, b)


def test_shaped_reward_charges_steps_and_errors():
    register_envs()
    with ShapedReward(gym.make("MiniLean-v0", backend="minilean"), step_penalty=0.01, error_penalty=0.1) as env:
        env.reset(seed=0)
        assert env.step("skip")[1] == pytest.approx(-0.01)
        _, reward, _, _, info = env.step("exact nope")
        assert reward == pytest.approx(-0.11) and info["raw_reward"] == 0.0
    with pytest.raises(ConfigError, match="penalties must be >= 0"):
        ShapedReward(env, step_penalty=-1)


@pytest.mark.parametrize("algo", ["PPO", "DQN"])
def test_stable_baselines3_trains_unmodified(env, algo):
    sb3 = pytest.importorskip("stable_baselines3")
    if algo == "PPO":
        model = sb3.PPO("MlpPolicy", env, n_steps=32, batch_size=16, n_epochs=1, seed=0, device="cpu")
    else:
        model = sb3.DQN("MlpPolicy", env, learning_starts=8, buffer_size=256, train_freq=4, seed=0, device="cpu")
    model.learn(total_timesteps=64)
    action, _ = model.predict(env.reset(seed=0)[0], deterministic=True)
    assert env.action_space.contains(int(action))
