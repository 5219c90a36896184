"""Self-play (STP): selection reads rewarded conjectures back from the store, the run logs what the issue
asks for, resumes, and joins the comparison. On MiniLean with a tiny real transformer."""

from __future__ import annotations

import json

import pytest

from agents import self_play
from agents.common import reference_proofs
from leangym.backend import make_backend
from leangym.datasets import load_jsonl
from leangym.envs.conjecture import LeanConjectureEnv, alpha_normal, seeds_from_store, statement_key
from leangym.problems import Problem
from leangym.store import ProofStore

SEED = Problem("seed", "theorem seed (p q : Prop) (hp : p) (hq : q) : p ∧ q", "", reference_proof=("exact ⟨hp, hq⟩",))


def test_signature_and_statement_round_trip():
    assert self_play.signature("theorem t (a b : ℝ) : a ≤ a + b ^ 2") == "(a b : ℝ) : a ≤ a + b ^ 2"
    assert self_play.signature("theorem t: 1 = 1") == ": 1 = 1"
    assert self_play.as_statement("(x : ℕ) : x + 0 = x").startswith("theorem conjecture (x : ℕ)")
    prompt = self_play.conjecture_prompt(SEED)
    assert prompt.startswith(self_play.CONJECTURE_CUE) and "exact ⟨hp, hq⟩" in prompt


def test_only_rewarded_conjectures_train_either_role():
    """A barely-provable conjecture becomes a (seed -> conjecture) pair and prover steps; a too-easy one neither."""

    def prover(problem, backend, k, seed):  # 1 of k attempts proves the first conjecture, all prove the second
        proof = ["exact ⟨hq, hp⟩"] if "q ∧ p" in problem.statement else ["exact hp"]
        return [proof] + [None] * (k - 1) if "q ∧ p" in problem.statement else [proof] * k

    store = ProofStore(":memory:")
    with make_backend("minilean") as backend:
        (seed, states), = reference_proofs(backend, [SEED], 1)[0]
        store.add_proof(seed, seed.reference_proof, states)  # seeds are solved problems of the store
        env = LeanConjectureEnv(seeds_from_store(store), store=store, prover=prover, attempts=4, backend=backend)
        results = {}
        for sig in ("(p q : Prop) (hp : p) (hq : q) : q ∧ p", "(p q : Prop) (hp : p) (hq : q) : p"):
            env.reset(options={"problem": "seed"})
            _, reward, _, _, info = env.step(self_play.as_statement(sig))
            results[sig] = (reward, info["reason"])
        env.close()
    assert results["(p q : Prop) (hp : p) (hq : q) : q ∧ p"] == (1.0, None)
    assert results["(p q : Prop) (hp : p) (hq : q) : p"][0] == 0.0
    pairs = self_play.rewarded_pairs(store)
    assert [sig for _, sig in pairs] == ["(p q : Prop) (hp : p) (hq : q) : q ∧ p"]
    assert pairs[0][0] == self_play.conjecture_prompt(SEED)
    steps = self_play.prover_examples(store, train_ids=set())
    assert [ex.tactic for ex in steps] == ["exact ⟨hq, hp⟩"]  # the too-easy conjecture's proof is kept out


@pytest.mark.slow
def test_laptop_run_logs_conjectures_and_resumes(tmp_path):
    args = self_play.Args(
        family="inequalities", num_train=24, num_eval=8, bootstrap=6, rounds=1, conjectures=6,
        sft_steps=20, sft_epochs=2.0, bootstrap_pairs=4, expansions=2, eval_expansions=2, run_dir=str(tmp_path), quiet=True,
    )  # fmt: skip
    run = self_play.run(args)
    assert [lg.round for lg in run.rounds] == [0, 1]
    one = run.rounds[1]
    assert 1 <= one.proposed <= 6
    assert one.proposed >= one.well_formed >= one.novel >= one.nontrivial >= one.proved >= one.rewarded >= 0
    assert sum(one.pass_rates.values()) <= one.nontrivial
    lines = [json.loads(x) for x in (tmp_path / "metrics.jsonl").read_text().splitlines()]
    assert {(x["round"], x["eval"]) for x in lines} == {(r, m) for r in (0, 1) for m in ("full", "policy_only")}
    assert all(x["algorithm"] == "self_play" and x["total"] == 8 for x in lines)
    assert lines[-1]["conjectures"]["proposed"] == one.proposed
    assert lines[-1]["env_steps"] > lines[0]["env_steps"]  # conjecture and search steps counted
    assert lines[-1]["forward_tokens"] > lines[0]["forward_tokens"] > 0  # model tokens, training only
    verdicts = [json.loads(x) for x in (tmp_path / "conjectures.jsonl").read_text().splitlines()]
    assert len(verdicts) == one.proposed
    # every held-out statement is registered as known, so no conjecture can restate (and train on) one
    heldout = load_jsonl(tmp_path / "eval_problems.jsonl")
    with ProofStore(tmp_path / "store.sqlite") as store, make_backend("minilean") as backend:
        known = {k.key for k in store.known_statements()}
        for p in heldout:
            root = backend.start(p)
            assert statement_key(alpha_normal(root.goals[0]), p.header) in known
    again = self_play.run(args)  # resumes: nothing left to do, the logs are read back
    assert [lg.proposed for lg in again.rounds] == [lg.proposed for lg in run.rounds]
    assert len((tmp_path / "metrics.jsonl").read_text().splitlines()) == len(lines)


def test_help_lists_the_stp_settings(capsys):
    with pytest.raises(SystemExit) as exit_info:
        self_play.main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for flag in ("--threshold", "--attempts", "--conjectures", "--problems", "--eval-problems"):
        assert flag in out
