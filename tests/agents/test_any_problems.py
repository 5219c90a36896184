"""Expert iteration on problem files, and `leangym eval --checkpoint` giving back the number it logged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("trl")

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1"}


def test_expert_iteration_on_files_and_checkpoint_reevaluation(tmp_path):
    from leangym.datasets import save_jsonl
    from leangym.minilean.suites import generate

    pool = [p for d in (1, 2) for p in generate("propositional", 12, seed=5, difficulty=d)]
    save_jsonl(pool[::2], tmp_path / "A.jsonl")
    save_jsonl(pool[1::2][:8], tmp_path / "B.jsonl")
    run_dir = tmp_path / "run"
    flags = dict(
        problems=tmp_path / "A.jsonl", eval_problems=tmp_path / "B.jsonl", run_dir=run_dir, rounds=1, bootstrap=4,
        sft_steps=30, critic_steps=5, expansions=3, samples=4, eval_expansions=4, eval_samples=4, min_attempts=4,
        d_model=32,
    )  # fmt: skip
    cli = [f"--{k.replace('_', '-')}={v}" for k, v in flags.items()] + ["--quiet"]
    out = subprocess.run(
        [sys.executable, "-m", "agents.expert_iteration", *cli], cwd=REPO, capture_output=True, text=True,
        timeout=240, env=ENV,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    lines = [json.loads(x) for x in (run_dir / "metrics.jsonl").read_text().splitlines()]
    assert [(x["round"], x["eval"]) for x in lines] == [(0, "full"), (0, "policy_only"), (1, "full"), (1, "policy_only")]
    for x in lines:
        assert x["algorithm"] == "expert_iteration" and x["total"] == 8
        assert x["ci_low"] <= x["solve_rate"] <= x["ci_high"] and x["env_steps"] >= 0 and x["wall_s"] > 0
    assert lines[2]["forward_tokens"] > lines[0]["forward_tokens"] > 0  # search, scoring, SFT, critic tokens
    logged = lines[2]
    assert logged["solved"] > 0, "the tiny run should prove something, or the reproduction check is vacuous"

    results = tmp_path / "again.jsonl"
    again = subprocess.run(
        [sys.executable, "-m", "leangym", "eval", "--checkpoint", str(run_dir / "checkpoints" / "round_1"),
         "--workers", "1", "--json", "--results", str(results)],
        cwd=REPO, capture_output=True, text=True, timeout=120, env=ENV,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr[-3000:]
    res = json.loads(again.stdout.strip().splitlines()[-1])
    assert (res["eval"], res["solved"], res["total"]) == ("full", logged["solved"], logged["total"])
    # not only the count: the same proofs of the same problems
    during = [json.loads(x) for x in (run_dir / "eval_full.jsonl").read_text().splitlines()]
    after = [json.loads(x) for x in results.read_text().splitlines()]
    assert [(d["problem_id"], d["proof"]) for d in during] == [(a["problem_id"], a["proof"]) for a in after]
