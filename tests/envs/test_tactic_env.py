"""LeanTacticEnv on MiniLean: check_env, a proof to reward 1, errors that do not end the episode."""

from __future__ import annotations

import pytest
from gymnasium.utils.env_checker import check_env

from leangym.envs import LeanTacticEnv
from leangym.errors import ConfigError


@pytest.fixture()
def env(prop_problems):
    env = LeanTacticEnv(prop_problems, backend="minilean", render_mode="ansi", max_steps=10)
    yield env
    env.close()


def test_check_env_passes(env):
    check_env(env, skip_render_check=True)


def test_reference_proof_reaches_reward_one(env, prop_problems):
    problem = next(p for p in prop_problems if len(p.reference_proof) >= 2)
    obs, info = env.reset(seed=0, options={"problem": problem.id})
    assert "⊢" in obs and info["problem_id"] == problem.id and info["proof"] == [] and info["error"] is None
    rewards = []
    for tactic in problem.reference_proof:
        obs, reward, terminated, truncated, info = env.step(tactic)
        rewards.append(reward)
        assert info["error"] is None and not truncated
    assert rewards[-1] == 1.0 and sum(rewards) == 1.0 and terminated
    assert info["verified"] and obs == "no goals" and info["goals"] == []
    assert info["proof"] == list(problem.reference_proof)


def test_wrong_tactic_reports_lean_error_and_keeps_state(env, prop_problems):
    obs, info = env.reset(options={"problem": prop_problems[0].id})
    obs2, reward, terminated, truncated, info2 = env.step("exact no_such_hypothesis")
    assert (reward, terminated, truncated) == (0.0, False, False)
    assert "no_such_hypothesis" in info2["error"]
    assert obs2 == obs and info2["goals"] == info["goals"] and info2["proof"] == []
    assert "error:" in env.render()
    # the episode goes on: the reference proof still closes it
    for tactic in prop_problems[0].reference_proof:
        *_, info3 = env.step(tactic)
    assert info3["verified"]


@pytest.mark.parametrize("action", ["", "   ", "x" * 5000, "#eval 1", "☃☃", "theorem t : True := trivial"])
def test_bad_actions_never_raise(env, action):
    env.reset(seed=1)
    _, reward, terminated, _, info = env.step(action)
    assert reward == 0.0 and not terminated and info["error"]


def test_sorry_closes_goals_but_earns_nothing(env, prop_problems):
    env.reset(options={"problem": prop_problems[0].id})
    _, reward, terminated, _, info = env.step("sorry")
    assert (reward, terminated) == (0.0, False) and ("verification" in info["error"] or "sorry" in info["error"])
    assert info["goals"] and info["proof"] == []


def test_reset_with_statement_and_unknown_problem(env):
    obs, info = env.reset(options={"statement": "theorem mine (p q : Prop) (hp : p) (hq : q) : q ∧ p := by"})
    assert info["problem_id"] == "mine" and obs.endswith("⊢ q ∧ p")
    _, reward, terminated, _, _ = env.step("exact ⟨hq, hp⟩")
    assert reward == 1.0 and terminated
    with pytest.raises(ConfigError, match="no problem with id"):
        env.reset(options={"problem": "does/not/exist"})
    with pytest.raises(ConfigError, match="theorem NAME"):
        env.reset(options={"statement": "p ∧ q"})


def test_seed_fixes_the_problem_order(prop_problems):
    def order(seed):
        with LeanTacticEnv(prop_problems, backend="minilean") as env:
            env.reset(seed=seed)
            return [env.reset()[1]["problem_id"] for _ in range(6)]

    assert order(7) == order(7)
    assert order(7) != order(8)


def test_truncated_after_max_steps(prop_problems):
    with LeanTacticEnv(prop_problems, backend="minilean", max_steps=2) as env:
        env.reset(seed=0)
        assert env.step("skip")[3] is False
        assert env.step("skip")[3] is True


def test_close_is_idempotent(prop_problems):
    env = LeanTacticEnv(prop_problems, backend="minilean")
    env.reset(seed=0)
    env.close()
    env.close()


def test_constructor_errors_say_what_was_expected(prop_problems):
    with pytest.raises(ConfigError, match="backend must be one of"):
        LeanTacticEnv(prop_problems, backend="coq")
    with pytest.raises(ConfigError, match="render_mode"):
        LeanTacticEnv(prop_problems, backend="minilean", render_mode="human")


def test_problems_outside_minilean_fragment_give_a_clear_error():
    from leangym.errors import DataError
    from leangym.problems import Problem

    foreign = Problem("z", "theorem z (f : ℂ → ℂ) (hf : DifferentiableOn ℂ f Set.univ) : f 0 = f 0", source="proofnet")
    with pytest.raises(DataError, match="fragment.*leangym setup"):
        LeanTacticEnv([foreign], backend="minilean")


def test_state_is_replayed_after_a_worker_restart(env, prop_problems):
    problem = next(p for p in prop_problems if len(p.reference_proof) >= 2)
    env.reset(options={"problem": problem.id})
    *_, info = env.step(problem.reference_proof[0])
    assert info["replayed"] is False
    env.backend.workers[0].transport.restart()  # what a timeout, crash or recycling does
    _, reward, terminated, _, info = env.step(problem.reference_proof[1])
    assert info["replayed"] is True and info["error"] is None
    assert (reward, terminated) == ((1.0, True) if len(problem.reference_proof) == 2 else (0.0, False))


def test_a_tactic_over_its_timeout_is_an_error_not_an_exception(prop_problems):
    with LeanTacticEnv(prop_problems, backend="minilean", timeout=0.3) as env:
        obs, _ = env.reset(options={"problem": prop_problems[0].id})
        obs2, reward, terminated, truncated, info = env.step("sleep 3000")
        assert "timeout" in info["error"] and obs2 == obs and not (terminated or truncated)
        for tactic in prop_problems[0].reference_proof:  # the episode goes on
            *_, info = env.step(tactic)
        assert info["verified"]


def test_step_after_the_proof_closed_returns_the_terminal_observation(env, prop_problems):
    p = prop_problems[0]
    env.reset(options={"problem": p.id})
    for tactic in p.reference_proof:
        obs, reward, terminated, truncated, info = env.step(tactic)
    assert terminated and reward == 1.0 and obs == "no goals"
    proof = list(info["proof"])
    obs, reward, terminated, truncated, info = env.step("skip")
    assert (obs, reward, terminated, truncated) == ("no goals", 0.0, True, False)
    assert info["goals"] == [] and info["parsed_goals"] == [] and not info["verified"] and info["proof"] == proof
    assert info["error"].startswith("leangym: the episode is over")
    env.reset(options={"problem": p.id})
    assert env.step(p.reference_proof[0])[0] != "no goals" or len(p.reference_proof) == 1


def test_whole_proof_env_after_termination(prop_problems):
    from leangym.envs import LeanProofEnv

    p = prop_problems[0]
    with LeanProofEnv(prop_problems, backend="minilean") as env:
        env.reset(options={"problem": p.id})
        obs, reward, terminated, _, _ = env.step("\n".join(p.reference_proof))
        assert terminated and reward == 1.0
        again, reward, terminated, truncated, info = env.step("skip")
        assert (again, reward, terminated, truncated) == (obs, 0.0, True, False)
        assert info["error"].startswith("leangym: the proof is already verified")


def test_own_messages_share_one_prefix(env):
    env.reset(seed=0)
    for action in ("", "#eval 1", 42):
        _, _, _, _, info = env.step(action)
        assert info["error"].startswith("leangym: action rejected: "), info["error"]
    _, _, _, _, info = env.step("exact nonexistent_lemma_xyz")
    assert not info["error"].startswith("leangym: ")  # Lean's own message, verbatim


def test_unknown_make_kwargs_are_config_errors_with_did_you_mean():
    import gymnasium as gym

    with pytest.raises(ConfigError, match=r"unknown argument 'max_step'.*did you mean 'max_steps'"):
        gym.make("MiniLean-v0", max_step=3)
    with pytest.raises(ConfigError, match=r"unknown argument 'bogus'"):
        gym.make_vec("MiniLean-v0", num_envs=2, bogus=1)
