from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from leangym.store import ProofStore

REPO = Path(__file__).resolve().parents[2]


ONE_THREAD = {**os.environ, "OMP_NUM_THREADS": "1"}  # tiny models: one torch thread is fastest


def _leangym(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "leangym", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        env=ONE_THREAD,
    )


def test_prove_writes_store_and_resumes(tmp_path):
    store = tmp_path / "run.sqlite"
    args = [
        "prove",
        "--env-id",
        "MiniLean-Propositional-v0",
        "--n",
        "6",
        "--difficulty",
        "1",
        "--policy",
        "scripted",
        "--budget",
        "6x12",
        "--workers",
        "2",
        "--store",
        str(store),
    ]
    first = _leangym(*args)
    assert first.returncode == 0, first.stderr
    assert "proved" in first.stdout and "budget 6x12" in first.stdout
    with ProofStore(store) as s:
        solved = s.solved_ids()
        assert solved, first.stdout
        assert all(s.proofs(pid) for pid in solved)
        assert s.metrics()[0]["problems"] == 6
    again = _leangym(*args)
    assert again.returncode == 0, again.stderr
    assert f"({len(solved)} already solved)" in again.stdout


def test_eval_with_a_saved_hf_policy_reports_rate_interval_and_budget(tmp_path):
    from leangym import models

    tok = models.train_tokenizer(["⊢ p ∧ q:::constructor", "h : p\n⊢ p:::exact h"], vocab_size=300)
    models.save(models.tiny_causal_lm(tok), tok, tmp_path / "policy")
    out = _leangym(
        "eval",
        "--env-id",
        "MiniLean-Propositional-v0",
        "--n",
        "3",
        "--policy",
        str(tmp_path / "policy"),
        "--budget",
        "2x2",
        "--max-new-tokens",
        "8",
        "--workers",
        "2",
        "--passes",
        "2",
        "--json",
        "--results",
        str(tmp_path / "e.jsonl"),
    )
    assert out.returncode == 0, out.stderr
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert res["total"] == 3 and res["budget"] == "2x2x2" and res["eval"] == "full"
    assert res["ci_low"] <= res["solve_rate"] <= res["ci_high"]
    assert len((tmp_path / "e.jsonl").read_text().splitlines()) == 3


def test_eval_generator_mode_needs_no_policy_and_reads_a_problem_file(tmp_path):
    from leangym.datasets import save_jsonl
    from leangym.minilean.suites import generate

    save_jsonl(generate("propositional", 4, seed=0, difficulty=1), tmp_path / "p.jsonl")
    out = _leangym("eval", "--problems", str(tmp_path / "p.jsonl"), "--mode", "generator_rule", "--budget", "4x16",
                   "--workers", "1")  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "generator_rule solved" in out.stdout and "95% CI" in out.stdout
    out = _leangym("eval", "--mode", "generator_rule")
    assert out.returncode == 2 and "exactly one of --env-id" in out.stderr


def test_bad_budget_and_unknown_env_are_explained():
    out = _leangym("eval", "--env-id", "MiniLean-Propositional-v0", "--policy", "scripted", "--budget", "lots")
    assert out.returncode == 2 and "SAMPLESxEXPANSIONS" in out.stderr
    out = _leangym(
        "prove", "--env-id", "MiniLean-Propositonal-v0", "--policy", "scripted", "--store", "unused.sqlite"
    )
    assert out.returncode == 2 and "Did you mean" in out.stderr and "leangym envs" in out.stderr


def test_sigkilled_prove_keeps_every_committed_proof(tmp_path):
    store = tmp_path / "kill.sqlite"
    args = [
        sys.executable,
        "-m",
        "leangym",
        "prove",
        "--env-id",
        "MiniLean-Propositional-v0",
        "--n",
        "300",
        "--difficulty",
        "4",
        "--policy",
        "scripted",
        "--budget",
        "8x200",
        "--workers",
        "2",
        "--store",
        str(store),
    ]
    proc = subprocess.Popen(
        args, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ONE_THREAD
    )
    before: set[str] = set()
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if store.exists():
                with ProofStore(store) as s:
                    before = s.solved_ids()
                if before:
                    break
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert before, "no proof was committed before the deadline"
    # The run takes seconds (300 hard problems) and its proofs arrive spread over it: the kill must land mid-run.
    assert proc.returncode == -signal.SIGKILL, f"prove finished (exit {proc.returncode}) before it could be killed"
    with ProofStore(store) as s:
        assert before <= s.solved_ids()
        assert all(len(p.tactics) == len(p.states) for p in s.proofs())
    resumed = _leangym(*args[3:])
    assert resumed.returncode == 0, resumed.stderr
    with ProofStore(store) as s:
        assert before <= s.solved_ids()
