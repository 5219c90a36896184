"""LeanPool: concurrent dispatch across processes, states pinned to their owner, thread safety."""

from __future__ import annotations

import threading
import time

import pytest

from leangym.backend import make_backend
from leangym.backend.api import ProofClosed, ProofState

from .conftest import AND, AND_PROOF, OR, OR_PROOF

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(scope="module")
def pool():
    b = make_backend("minilean", workers=2, timeout=10, start_timeout=30)
    yield b
    b.close()


def prove(backend, problem, proof):
    state = backend.start(problem)
    for tactic in proof:
        state = backend.run_tactic(state, tactic)
    return state


def test_starts_spread_over_workers_and_states_stay_pinned(pool):
    roots = pool.start_many([AND, OR, AND, OR])
    owners = {r.handle[0] for r in roots}
    assert owners == {0, 1}
    outs = pool.run_tactics([(r, "constructor" if r.problem is AND else OR_PROOF[0]) for r in roots])
    assert all(isinstance(o, ProofState) and o.handle[0] == r.handle[0] for o, r in zip(outs, roots))


def test_batch_runs_in_parallel_across_workers(pool):
    roots = pool.start_many([AND, AND])
    assert {r.handle[0] for r in roots} == {0, 1}
    t0 = time.monotonic()
    outs = pool.run_tactics([(r, "sleep 700") for r in roots])
    elapsed = time.monotonic() - t0
    assert all(isinstance(o, ProofState) for o in outs)
    assert elapsed < 1.3, f"two 0.7 s tactics on two workers took {elapsed:.2f} s: not concurrent"


def test_many_threads_prove_concurrently(pool):
    results, errors = [], []

    def work():
        try:
            for _ in range(3):
                results.append(prove(pool, AND, AND_PROOF))
                results.append(prove(pool, OR, OR_PROOF))
        except Exception as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=50)
    assert not errors and len(results) == 24 and all(isinstance(r, ProofClosed) for r in results)


def test_restart_of_one_worker_leaves_the_other_alone(pool):
    a, b = pool.start_many([AND, OR])
    assert a.handle[0] != b.handle[0]
    owner = pool.workers[a.handle[0]]
    other = pool.workers[b.handle[0]]
    before = other.restarts
    owner.transport.restart()
    a1 = pool.run_tactic(a, "constructor")
    b1 = pool.run_tactic(b, OR_PROOF[0])
    assert isinstance(a1, ProofState) and a1.replayed
    assert isinstance(b1, ProofState) and not b1.replayed and other.restarts == before


def test_verify_on_any_worker(pool):
    assert all(v.ok for v in [pool.verify(AND, list(AND_PROOF)), pool.verify(OR, list(OR_PROOF))])
