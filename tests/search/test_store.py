from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from leangym.policy import get_format
from leangym.problems import Problem
from leangym.store import CriticPair, ProofStore

P = Problem(id="p1", statement="theorem foo (p : Prop) (hp : p) : p ∧ p", header="")


def test_proofs_sft_examples_pairs_metrics(tmp_path):
    with ProofStore(tmp_path / "run.sqlite") as store:
        assert store.add_proof(P, ["constructor", "exact hp", "exact hp"], ["⊢ p ∧ p", "⊢ p", "⊢ p"], round=1)
        assert not store.add_proof(P, ["constructor", "exact hp", "exact hp"], ["⊢ p ∧ p", "⊢ p", "⊢ p"])
        assert store.add_proof(P, ["exact ⟨hp, hp⟩"], ["⊢ p ∧ p"])
        assert store.solved_ids() == {"p1"}
        assert [len(p.tactics) for p in store.proofs("p1")] == [3, 1]
        (ex,) = store.sft_examples()
        assert (ex.name, ex.proof_before, ex.state, ex.tactic) == ("foo", (), "⊢ p ∧ p", "exact ⟨hp, hp⟩")
        assert get_format("bfs").sft_text(ex.observation, ex.tactic, "</s>") == "⊢ p ∧ p:::exact ⟨hp, hp⟩</s>"
        steps = store.sft_examples(shortest_only=False)
        assert [s.proof_before for s in steps[:3]] == [(), ("constructor",), ("constructor", "exact hp")]
        pairs = [CriticPair("⊢ p", "⊢ p ∧ p", "progress", "p1"), CriticPair("a", "a", "sibling")]
        assert store.add_critic_pairs(pairs + pairs[:1], round=1) == 1
        assert store.critic_pairs(round=1) == pairs[:1] and store.critic_pairs(round=0) == []
        store.add_attempt("p1", solved=True, stats={"expansions": 3})
        assert store.attempts("p1") == [{"problem_id": "p1", "round": 0, "solved": True, "expansions": 3}]
        store.log_metrics(0, solved=1, wall_s=2.5)
        store.log_metrics(0, solved=2)
        assert store.metrics() == {0: {"solved": 2.0, "wall_s": 2.5}}
        assert store.problems()[0].statement == P.statement
        with pytest.raises(ValueError, match="same length"):
            store.add_proof(P, ["simp"], [])
    store.close()  # idempotent


WRITER = textwrap.dedent(
    """
    import sys
    from leangym.problems import Problem
    from leangym.store import ProofStore
    store = ProofStore(sys.argv[1])
    i = 0
    while True:
        p = Problem(id=f"p{i}", statement=f"theorem t{i} : True")
        store.add_proof(p, ["trivial"], ["⊢ True"])
        print(p.id, flush=True)  # reported only after the commit returned
        i += 1
    """
)


def test_sigkill_loses_no_committed_proof(tmp_path):
    path = tmp_path / "kill.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    reported = []
    deadline = time.monotonic() + 60
    while len(reported) < 25 and time.monotonic() < deadline:
        reported.append(proc.stdout.readline().strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(reported) == 25 and all(reported), reported
    with ProofStore(path) as store:
        solved = store.solved_ids()
        assert set(reported) <= solved
        assert all(len(p.tactics) == len(p.states) == 1 for p in store.proofs())
        store.add_proof(Problem(id="after", statement="theorem a : True"), ["trivial"], ["⊢ True"])
        assert "after" in store.solved_ids()
