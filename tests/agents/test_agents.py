"""Each agent end to end on a tiny configuration (real MiniLean, real tiny transformers, real SQLite)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")
pytest.importorskip("trl")
pytest.importorskip("sb3_contrib")

REPO = Path(__file__).resolve().parents[2]


def test_ppo_trains_on_candidates_and_evaluates_through_the_evaluator(tmp_path):
    import json

    from agents import ppo_sb3
    from leangym.eval import evaluate
    from leangym.wrappers import CandidateSlots

    args = ppo_sb3.Args(
        num_train=10, num_eval=4, total_timesteps=256, num_envs=2, n_steps=64, eval_every=128,
        eval_expansions=2, eval_samples=2, track=False, quiet=True, run_dir=str(tmp_path),
    )  # fmt: skip
    run = ppo_sb3.train(args)
    assert [steps for steps, _, _ in run.curve] == [0, 128, 256]
    assert all(0.0 <= rate <= 1.0 for _, rate, _ in run.curve)
    assert run.model.num_timesteps == 256
    lines = [json.loads(s) for s in (run.run_path / "metrics.jsonl").read_text().splitlines()]
    assert all(m["algorithm"] == "ppo" and m["total"] == 4 and m["budget"] == "1x2x2" for m in lines)
    assert [(m["round"], m["eval"]) for m in lines] == [
        (0, "generator_uniform"), (0, "generator_rule"), (0, "full"), (0, "policy_only"), (1, "full"), (1, "policy_only"), (2, "full"), (2, "policy_only"),
    ]  # fmt: skip
    assert lines[-2]["solve_rate"] == run.final_rate and lines[-1]["env_steps"] == 256
    # every evaluation saved the model it scored: `leangym eval --checkpoint` gives back the logged number
    again = subprocess.run(
        [sys.executable, "-m", "leangym", "eval", "--checkpoint", str(run.run_path / "checkpoints" / "eval_2"),
         "--workers", "1", "--json"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr[-3000:]
    res = json.loads(again.stdout.strip().splitlines()[-1])
    assert (res["eval"], res["solved"], res["total"]) == ("full", lines[-2]["solved"], lines[-2]["total"])

    # the trained model, as a policy over the generator's candidates, re-scores the same through the evaluator
    from leangym.backend import make_backend
    from leangym.datasets import load_jsonl

    policy = ppo_sb3.CandidatePolicy(run.model, CandidateSlots(max_actions=args.max_actions, dim=args.dim))
    with make_backend("minilean") as backend:
        again = evaluate(load_jsonl(run.run_path / "eval_problems.jsonl"), backend, policy=policy, config=args.eval_config("full"))
    assert again.solved == lines[-2]["solved"]
    # it ranks by tactic text: the same candidates in another order get the same log-probs
    state = "p q : Prop\nhp : p\nhq : q\n⊢ q ∧ p"
    ranked = policy.rank([state], [["exact hq", "constructor", "left"]])[0]
    assert {c.tactic for c in ranked} == {"exact hq", "constructor", "left"}
    assert {c.tactic: c.logprob for c in ranked} == {c.tactic: c.logprob for c in policy.rank([state], [["left", "constructor", "exact hq"]])[0]}
    assert [c.tactic for c in policy.propose([state], 2)[0]] == [c.tactic for c in policy.propose([state], 40)[0]][:2]


def test_ppo_policy_scores_each_candidate_whatever_its_slot():
    """The actor's logit for a candidate depends on the goal and the candidate's text, not on its slot."""
    import torch

    from agents.ppo_sb3 import CandidateScorer

    torch.manual_seed(0)
    net = CandidateScorer(dim=8, slots=3, cand_dim=4, hidden=16)
    goal, cands = torch.rand(1, 8), torch.rand(1, 3, 4)
    logits = net.forward_actor(torch.cat([goal, cands.flatten(1)], 1))
    swapped = net.forward_actor(torch.cat([goal, cands[:, [2, 1, 0]].flatten(1)], 1))
    assert torch.allclose(logits[0, [2, 1, 0]], swapped[0])


def test_grpo_agent_spends_its_budget_and_evaluates(tmp_path):
    import json

    from agents import grpo

    args = grpo.Args(
        num_train=6, num_eval=4, bootstrap=3, sft_steps=5, total_env_steps=20, chunk_steps=1, batch_size=4,
        num_generations=2, max_turns=2, eval_expansions=2, eval_samples=2, d_model=32, track=False, quiet=True,
        run_dir=str(tmp_path),
    )  # fmt: skip
    run = grpo.train(args)
    assert run.curve[-1][0] >= 20  # trained until the env-step budget was spent
    assert len(run.curve) >= 2 and all(0.0 <= r <= 1.0 for _, r, _ in run.curve)
    lines = [json.loads(s) for s in (run.run_path / "metrics.jsonl").read_text().splitlines()]
    steps = [m for m in lines if "mean_reward" in m]
    assert len(steps) == len(run.rewards) >= 1 and all(m["algorithm"] == "grpo" for m in lines)
    assert {m["eval"] for m in lines if "eval" in m} == set(grpo.EVAL_MODES)
    assert (run.run_path / "grpo_reward.png").is_file()
    # every evaluation saved its weights and settings: `leangym eval --checkpoint` gives the logged number
    last = max(int(p.name.split("_")[1]) for p in (run.run_path / "checkpoints").iterdir())
    logged = [m for m in lines if m.get("eval") == "full" and m["round"] == last][-1]
    again = subprocess.run(
        [sys.executable, "-m", "leangym", "eval", "--checkpoint", str(run.run_path / "checkpoints" / f"eval_{last}"),
         "--workers", "1", "--json"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr[-3000:]
    res = json.loads(again.stdout.strip().splitlines()[-1])
    assert (res["eval"], res["solved"], res["total"]) == ("full", logged["solved"], logged["total"])


def test_critic_search_evaluates_a_checkpoint(tmp_path):
    from agents import critic_search
    from leangym import models

    tok = models.train_tokenizer(["p q : Prop\n⊢ p → q\nintro h1\nexact h1"], vocab_size=300)
    models.save(models.tiny_causal_lm(tok, d_model=32), tok, tmp_path / "policy")
    models.save(models.tiny_critic(tok, d_model=32), tok, tmp_path / "critic")
    args = critic_search.Args(
        checkpoint=str(tmp_path), num_train=2, num_eval=3, expansions=2, samples=2, quiet=True
    )
    result = critic_search.search(args)
    assert result.total == 3 and len(result.problems) == 3 and result.mode == "full"


@pytest.mark.parametrize(
    "module", ["agents.expert_iteration", "agents.ppo_sb3", "agents.grpo", "agents.critic_search"]
)
def test_help_runs_from_the_repo_root(module):
    out = subprocess.run(
        [sys.executable, "-m", module, "--help"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "--seed" in out.stdout


# ---------------------------------------------------------------- expert iteration

EXIT_ARGS = dict(
    num_train=40, num_eval=24, bootstrap=12, rounds=2, d_model=64, samples=4, min_attempts=12,
    sft_steps=100, critic_steps=20, quiet=True,
)  # fmt: skip


def _proofs(db: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(db) as con:
        return set(con.execute("SELECT problem_id, tactics FROM proofs").fetchall())


def _round_proofs_before_complete(db: Path, rnd: int) -> bool:
    """True once round ``rnd`` committed a proof but has not finished."""
    try:
        with sqlite3.connect(db, timeout=1) as con:
            found = con.execute("SELECT count(*) FROM proofs WHERE round >= ?", (rnd,)).fetchone()[0]
            done = con.execute(
                "SELECT count(*) FROM metrics WHERE round = ? AND key = 'round_complete'", (rnd,)
            ).fetchone()[0]
    except sqlite3.Error:
        return False
    return found > 0 and not done


def test_expert_iteration_killed_mid_round_resumes_keeps_proofs_and_improves(tmp_path):
    from agents import expert_iteration as ei

    folder = tmp_path / "run"
    cli = [f"--{k}={v}" for k, v in {**EXIT_ARGS, "run_dir": folder}.items() if k != "quiet"] + ["--quiet"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "agents.expert_iteration", *cli], cwd=REPO, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    db = folder / "store.sqlite"
    deadline = time.monotonic() + 240
    try:
        while not _round_proofs_before_complete(db, 1):
            assert proc.poll() is None, (
                f"run ended before round 1 found a proof: {proc.stderr.read()[-2000:]}"
            )
            assert time.monotonic() < deadline, "round 1 found no proof in time"
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # its own session: the whole process group dies
        proc.wait()
    before = _proofs(db)
    assert any(True for _ in before)

    run = ei.run(ei.Args(**EXIT_ARGS, run_dir=str(folder)))
    after = _proofs(db)
    assert before <= after, "a proof committed before the kill was lost"
    assert [log.round for log in run.rounds] == [0, 1, 2]
    assert run.plot is not None and run.plot.is_file()
    assert run.final_rate > run.start_rate, [(log.round, log.heldout_solved) for log in run.rounds]


def test_expert_iteration_refuses_to_resume_with_other_problems(tmp_path):
    from agents import expert_iteration as ei
    from leangym.errors import ConfigError

    (tmp_path / "args.json").write_text('{"identity": {"seed": 99}}')
    with pytest.raises(ConfigError, match="resume it with the same settings"):
        ei.run(ei.Args(run_dir=str(tmp_path), quiet=True))


def test_expert_iteration_stops_its_search_where_the_env_step_budget_is_spent(tmp_path):
    from agents import expert_iteration as ei

    budget = 150
    run = ei.run(ei.Args(**{**EXIT_ARGS, "rounds": 3}, max_env_steps=budget, run_dir=str(tmp_path / "run")))
    first = run.rounds[0].cumulative_env_steps
    assert first < budget, "the bootstrap alone spent the budget: raise it"
    assert [log.round for log in run.rounds][:2] == [0, 1]
    # the round that reaches the budget ends its search there; no later round starts
    assert run.rounds[-1].cumulative_env_steps <= budget
    assert len(run.rounds) < 4 or run.rounds[-1].cumulative_env_steps < budget
