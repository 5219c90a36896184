"""A search job on a real two-node Ray cluster (two ``ray start`` process trees) that loses a node mid-run.

The head node (``node_a``) and a second node (``node_b``) each have one CPU; the RayPool's two actors
are spread over both. When the first proof is found, every process of ``node_b`` is SIGKILLed (raylet,
agents and the actor's worker). The job must finish with the same proofs as a run with no failure,
every verified proof must be in the ProofStore, and the work lost with the node must be re-run on
the surviving node and counted in ``RayPool.stats()``. A second test adds a node, kills it while
requests are running on it, and checks that they come back from the head's actor, and that a pool
whose only actor cannot be restarted fails with a clear error instead of hanging.
"""

from __future__ import annotations

import logging
import threading
import time

import pytest

from leangym.backend import make_backend
from leangym.minilean.suites import generate
from leangym.search import SearchConfig, best_first_search
from leangym.search.candidates import GeneratorPolicy
from leangym.store import ProofStore

ray = pytest.importorskip("ray", reason="the two-node test needs Ray: pip install 'leangym[dist]'")
pytestmark = pytest.mark.timeout(180)

CONFIG = SearchConfig(expansions=40, samples=4, priority="rule", slice_proposals=True, max_depth=8)


def _problems():
    out = []
    for family in ("propositional", "linear", "inequalities", "divisibility", "existential", "induction"):
        out += generate(family, 3, seed=1, difficulty=2)
    return out


@pytest.fixture(scope="module")
def cluster():
    """Head + one worker node as separate process trees; every process killed at teardown, even on failure."""
    from leangym.backend.ray_cluster import LocalCluster
    from leangym.errors import BackendUnavailable

    if ray.is_initialized():
        pytest.skip("a Ray session is already open in this test process; run this file on its own")
    c = LocalCluster()  # its own short temp dir (Ray's socket paths must stay under 107 bytes)
    try:
        c.start_head(num_cpus=1, resources={"node_a": 1})
        c.add_node(num_cpus=1, resources={"node_b": 1}, name="node_b")
    except BackendUnavailable as exc:
        c.shutdown()
        pytest.skip(f"`ray start` could not run here: {exc}")
    try:
        ray.init(address=c.address, log_to_driver=False, configure_logging=False)
        deadline = time.monotonic() + 60
        while sum(n["Alive"] for n in ray.nodes()) < 2:
            assert time.monotonic() < deadline, "the second node never joined the head"
            time.sleep(0.2)
        yield c
    finally:
        if ray.is_initialized():
            ray.shutdown()
        c.shutdown()
        assert not any(n.pids() for n in c.nodes)


def _node_ids() -> dict[str, str]:
    """Custom resource name (node_a, node_b, node_c) -> Ray node id, for the live nodes."""
    return {r: n["NodeID"] for n in ray.nodes() if n["Alive"] for r in n["Resources"] if r.startswith("node_")}


def test_search_survives_a_killed_node_without_losing_a_proof(cluster, tmp_path, caplog):
    from leangym.backend.ray_pool import RayPool

    problems = _problems()
    with make_backend("minilean") as local:  # the same job with no failure: what the cluster run must find
        expected = {r.problem.id for r in best_first_search(problems, GeneratorPolicy(seed=0), local, CONFIG).results if r.proved}
    assert 3 <= len(expected) < len(problems)

    nodes = _node_ids()
    assert set(nodes) == {"node_a", "node_b"}
    pool = RayPool("minilean", actors=2, spread=True, restart_timeout=30, call_timeout=60, timeout=20)
    store = ProofStore(tmp_path / "proofs.sqlite")
    killed: dict = {}

    def on_result(res):
        if res.proved and not killed:  # mid-run: the first proof is in, other problems are still searching
            node_b = next(n for n in cluster.nodes if n.name == "node_b")
            killed["processes"] = cluster.kill_node(node_b)
            killed["stats"] = pool.stats()
            killed["done"] = len(done)
        done.append(res)

    done: list = []
    try:
        assert sorted(pool.actor_nodes()) == sorted(nodes.values())  # one actor on each node
        b_actor = pool.actor_nodes().index(nodes["node_b"])
        with caplog.at_level(logging.WARNING, logger="leangym.backend.ray_pool"):
            t0 = time.monotonic()
            run = best_first_search(problems, GeneratorPolicy(seed=0), pool, CONFIG, store=store, on_result=on_result)
            wall = time.monotonic() - t0
        stats = pool.stats()
    finally:
        pool.close()

    # the node really died mid-run: its processes were killed while problems were still open
    assert killed["processes"] >= 3 and killed["done"] < len(problems) - 3
    assert killed["stats"]["reruns"] == killed["stats"]["moved"] == 0
    # the job finished, with exactly the proofs of the run without failure
    assert all(r.status in ("proved", "failed") for r in run.results)
    assert {r.problem.id for r in run.results if r.proved} == expected
    # no verified proof lost: every one is in the store, and each re-verifies on a fresh backend
    stored = {p.problem_id: p for p in store.proofs()}
    assert set(stored) == expected
    by_id = {p.id: p for p in problems}
    with make_backend("minilean") as fresh:
        assert all(fresh.verify(by_id[i], list(p.tactics)).ok for i, p in stored.items())
    for r in run.results:
        if r.proved:
            assert stored[r.problem.id].tactics == r.tactics
    # the lost work was re-run on the surviving actor and counted, and the loss was logged
    assert stats["actor_losses"] == 1 and stats["live"] == [1 - b_actor]
    assert stats["reruns"] + stats["moved"] >= 1 and stats["reruns"] >= 1
    assert any(f"Ray actor {b_actor} lost" in r.getMessage() for r in caplog.records)
    print(f"\ntwo-node search: {len(expected)}/{len(problems)} proved in {wall:.1f} s; node_b killed after "
          f"{killed['done']} results ({killed['processes']} processes); pool stats {stats}")


def test_requests_in_flight_on_a_killed_node_are_rerun_and_a_lost_cluster_is_a_clear_error(cluster):
    from leangym.backend.api import ProofState
    from leangym.backend.ray_pool import RayPool
    from leangym.errors import BackendUnavailable

    node_c = cluster.add_node(num_cpus=1, resources={"node_c": 1}, name="node_c")
    deadline = time.monotonic() + 60
    while "node_c" not in {r for n in ray.nodes() if n["Alive"] for r in n["Resources"]}:
        assert time.monotonic() < deadline, "node_c never joined the head"
        time.sleep(0.2)
    problems = _problems()[:4]
    pool = RayPool("minilean", actors=2, spread=True, restart_timeout=30, call_timeout=60, timeout=20)
    # pinned to node_c and unable to move: once node_c is gone nothing can restart it
    stranded = RayPool("minilean", actors=1, actor_options={"num_cpus": 0, "resources": {"node_c": 1}}, restart_timeout=3)
    try:
        c_actor = pool.actor_nodes().index(_node_ids()["node_c"])
        roots = pool.start_many(problems)
        assert {r.handle[1] for r in roots} == {0, 1}
        timer = threading.Timer(0.5, cluster.kill_node, [node_c])
        t0 = time.monotonic()
        timer.start()
        outs = pool.run_tactics([(r, "sleep 1500") for r in roots])  # 3 s of work per actor, killed at 0.5 s
        elapsed = time.monotonic() - t0
        timer.join()
        assert elapsed > 1.5 and not node_c.pids()
        assert all(isinstance(o, ProofState) and o.handle[1] == 1 - c_actor for o in outs)
        assert [o.replayed for o in outs] == [r.handle[1] == c_actor for r in roots]
        stats = pool.stats()
        assert stats["actor_losses"] == 1 and stats["reruns"] == 2 and stats["live"] == [1 - c_actor]
        t0 = time.monotonic()
        with pytest.raises(BackendUnavailable, match="Ray restarted none within 3 s"):
            stranded.start(problems[0])
        assert time.monotonic() - t0 < 3 + 30
    finally:
        pool.close()
        stranded.close()
