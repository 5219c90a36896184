"""RayPool on a local 2-CPU Ray cluster: the same behaviour as LeanPool, across actors."""

from __future__ import annotations

import os
import signal
import time

import pytest

from leangym.backend.api import Backend, LeanError, ProofClosed, ProofState

from .conftest import AND, AND_PROOF, OR, OR_PROOF

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def pool():
    from leangym.backend.ray_pool import RayPool

    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    p = RayPool("minilean", actors=2, timeout=10)
    yield p
    p.close()
    if started:
        ray.shutdown()


def test_proof_to_closed_and_verify(pool):
    assert isinstance(pool, Backend)
    state = pool.start(AND)
    assert isinstance(state, ProofState) and state.handle[0] == "ray"
    for tactic in AND_PROOF:
        state = pool.run_tactic(state, tactic)
    assert state == ProofClosed(AND, AND_PROOF)
    assert pool.verify(AND, AND_PROOF).ok and not pool.verify(AND, ["sorry"]).ok


def test_errors_keep_a_usable_pinned_state(pool):
    root = pool.start(OR)
    out = pool.run_tactic(root, "exact h")
    assert isinstance(out, LeanError) and out.state is not None and out.state.handle == root.handle
    assert pool.run_tactic(root, "#eval 1").kind == "rejected"


def test_batch_across_actors_in_parallel(pool):
    roots = pool.start_many([AND, OR])
    assert {r.handle[1] for r in roots} == {0, 1}
    t0 = time.monotonic()
    outs = pool.run_tactics([(roots[0], "sleep 700"), (roots[1], "sleep 700")])
    assert time.monotonic() - t0 < 1.3 and all(isinstance(o, ProofState) for o in outs)
    outs = pool.run_tactics([(roots[0], AND_PROOF[0]), (roots[1], OR_PROOF[0]), (roots[0], "exact hp")])
    assert [type(o).__name__ for o in outs] == ["ProofState", "ProofState", "LeanError"]


def test_timeout_inside_an_actor(pool):
    root = pool.start(AND)
    t0 = time.monotonic()
    out = pool.run_tactic(root, "sleep 100000", timeout=1.0)
    assert time.monotonic() - t0 < 1.0 + 1.0 and isinstance(out, LeanError) and out.kind == "timeout"
    after = pool.run_tactic(root, "constructor")
    assert isinstance(after, ProofState) and after.replayed


def test_killed_actor_is_restarted_and_the_state_replayed(pool):
    s1 = pool.run_tactic(pool.start(AND), AND_PROOF[0])
    index = s1.handle[1]
    os.kill(pool.actor_pids()[index], signal.SIGKILL)
    before = pool.stats()
    s2 = pool.run_tactic(s1, AND_PROOF[1])
    assert isinstance(s2, ProofState) and s2.replayed and s2.tactics == AND_PROOF[:2]
    after = pool.stats()  # the lost request was re-run (on the other actor, or on this one once restarted)
    assert after["actor_losses"] - before["actor_losses"] == 1 and after["reruns"] - before["reruns"] == 1
    assert pool.run_tactic(s2, AND_PROOF[2]) == ProofClosed(AND, AND_PROOF)


def test_a_stuck_actor_is_a_clear_error_not_a_hang(pool):
    from leangym.backend.ray_pool import ActorCallTimeout, RayPool
    from leangym.errors import LeanGymError

    slow = RayPool("minilean", actors=1, actor_options={"num_cpus": 0}, call_timeout=1.0)
    try:
        root = slow.start(AND)
        t0 = time.monotonic()
        with pytest.raises(ActorCallTimeout, match="did not answer run_tactics .* within call_timeout=1 s"):
            slow.run_tactic(root, "sleep 3000")
        assert time.monotonic() - t0 < 2.5 and issubclass(ActorCallTimeout, LeanGymError)
    finally:
        slow.close()
