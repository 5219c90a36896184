"""leangym.eval: the one evaluator (modes, interval, per-problem records, determinism, errors)."""

from __future__ import annotations

import json

import pytest

from leangym.errors import ConfigError
from leangym.eval import MODES, EvalConfig, evaluate, log_metrics, read_metrics, wilson_interval
from leangym.minilean.suites import generate
from leangym.policy import AUTOMATION_TACTICS, ScriptedPolicy


@pytest.fixture(scope="module")
def backend():
    from leangym.backend import make_backend

    b = make_backend("minilean", workers=2)
    yield b
    b.close()


@pytest.fixture(scope="module")
def problems():
    return generate("propositional", 6, seed=3, difficulty=2)


class ConstantCritic:
    def score(self, observations):
        return [-len(str(o)) * 0.01 for o in observations]


def test_wilson_interval():
    assert wilson_interval(0, 0) == (0.0, 1.0)
    lo, hi = wilson_interval(0, 10)
    assert lo == 0.0 and 0.25 < hi < 0.35
    lo, hi = wilson_interval(5, 10)
    assert lo == pytest.approx(0.2366, abs=1e-3) and hi == pytest.approx(0.7634, abs=1e-3)
    assert wilson_interval(10, 10)[1] == 1.0


@pytest.mark.parametrize("mode", [m for m in MODES if m != "full"])
def test_every_mode_runs_and_is_deterministic(mode, problems, backend, tmp_path):
    config = EvalConfig(mode=mode, expansions=12, samples=4, max_depth=6, seed=7)  # type: ignore[arg-type]
    kw = dict(policy=ScriptedPolicy(AUTOMATION_TACTICS), critic=ConstantCritic(), config=config)
    first = evaluate(problems, backend, results_path=tmp_path / "r.jsonl", **kw)
    again = evaluate(problems, backend, **kw)
    assert first.total == 6 and 0 <= first.solved <= 6
    assert [(r.solved, r.proof, r.env_steps) for r in first.problems] == [
        (r.solved, r.proof, r.env_steps) for r in again.problems
    ]
    lines = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert [x["problem_id"] for x in lines] == [p.id for p in problems]
    assert set(lines[0]) == {"problem_id", "solved", "proof", "status", "expansions", "env_steps", "wall_s"}
    assert all(x["env_steps"] <= 4 * x["expansions"] for x in lines)
    lo, hi = first.interval
    assert lo <= first.solve_rate <= hi


def test_generator_rule_beats_uniform_at_a_small_budget(backend):
    problems = generate("propositional", 20, seed=0, difficulty=2)
    rate = {
        m: evaluate(problems, backend, config=EvalConfig(mode=m, expansions=32, samples=4)).solved
        for m in ("generator_uniform", "generator_rule")
    }
    assert rate["generator_rule"] > rate["generator_uniform"], rate


def test_passes_retry_the_unsolved_with_the_next_seed(problems, backend):
    one = evaluate(problems, backend, config=EvalConfig(mode="generator_uniform", expansions=4, samples=2))
    three = evaluate(problems, backend, config=EvalConfig(mode="generator_uniform", expansions=4, samples=2, passes=3))
    assert three.solved >= one.solved and three.config.budget() == "3x2x4"
    assert all(b.expansions >= a.expansions for a, b in zip(one.problems, three.problems))


def test_missing_pieces_are_explained(problems, backend):
    with pytest.raises(ConfigError, match="needs a policy"):
        evaluate(problems, backend, config=EvalConfig(mode="policy_only"))
    with pytest.raises(ConfigError, match="needs a critic"):
        evaluate(problems, backend, config=EvalConfig(mode="generator_critic"))
    with pytest.raises(ConfigError, match="cannot score given tactics"):
        evaluate(problems, backend, policy=ScriptedPolicy(["rfl"]), config=EvalConfig(mode="full"))
    with pytest.raises(ConfigError, match="mode must be one of"):
        EvalConfig(mode="everything")  # type: ignore[arg-type]


def test_metrics_lines(problems, backend, tmp_path):
    res = evaluate(problems, backend, config=EvalConfig(mode="generator_rule", expansions=4, samples=4))
    path = tmp_path / "run" / "metrics.jsonl"
    log_metrics(path, res, algorithm="mine", round=0, env_steps=0, wall_s=1.23456)
    log_metrics(path, res, algorithm="mine", round=1, env_steps=100, wall_s=2.0)
    lines = read_metrics(path)
    assert [x["round"] for x in lines] == [0, 1] and lines[0]["wall_s"] == 1.235
    for key in ("algorithm", "round", "env_steps", "wall_s", "eval", "solved", "total", "solve_rate", "ci_low", "ci_high"):
        assert key in lines[0], key
    assert lines[0]["eval"] == "generator_rule" and lines[0]["total"] == 6
