"""Fault injection at the Backend level: every fault gives a named outcome in time, states survive restarts."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from leangym.backend import make_backend
from leangym.backend.api import LeanError, ProofClosed, ProofState
from leangym.backend.pool import LeanPool
from leangym.errors import BackendUnavailable, ProtocolError, ReplCrashed, StateLost
from leangym.problems import Problem

from .conftest import AND, AND_PROOF, faulty_command

pytestmark = pytest.mark.timeout(60)
TOY = Problem("toy", "theorem toy : True", header="import Toy\n")


@pytest.fixture(scope="module")
def sub():
    """MiniLean as one subprocess."""
    b = make_backend("minilean", in_process=False, timeout=10, start_timeout=30)
    yield b
    b.close()


def toy(**kw) -> LeanPool:
    return LeanPool(faulty_command(kw.pop("mode", "ok")), workers=1, start_timeout=kw.pop("start_timeout", 10), **kw)


@pytest.mark.parametrize("in_process", [True, False])
def test_sleep_forever_times_out_within_margin_and_the_state_survives(in_process, sub):
    b = make_backend("minilean", timeout=10) if in_process else sub
    try:
        root = b.start(AND)
        s1 = b.run_tactic(root, AND_PROOF[0])
        t0 = time.monotonic()
        out = b.run_tactic(s1, "sleep 100000", timeout=1.0)
        assert time.monotonic() - t0 < 1.0 + 0.5
        assert isinstance(out, LeanError) and out.kind == "timeout" and out.state == s1 and "1 s" in out.message
        s2 = b.run_tactic(s1, AND_PROOF[1])  # its process was restarted: rebuilt by replaying the path
        assert isinstance(s2, ProofState) and s2.replayed and s2.tactics == AND_PROOF[:2]
        assert b.run_tactic(s2, AND_PROOF[2]) == ProofClosed(AND, AND_PROOF)
    finally:
        if in_process:
            b.close()


def test_kill_9_mid_request_is_detected_and_the_tactic_retried(sub):
    s1 = sub.run_tactic(sub.start(AND), AND_PROOF[0])
    pid = sub.workers[0].transport.pid
    threading.Timer(0.3, os.kill, (pid, signal.SIGKILL)).start()
    t0 = time.monotonic()
    out = sub.run_tactic(s1, "sleep 600")
    assert time.monotonic() - t0 < 0.3 + 0.6 + 2.0  # detected at once, then replay + one retry
    assert isinstance(out, ProofState) and out.replayed and out.goals == s1.goals
    assert sub.workers[0].transport.pid != pid


def test_kill_9_between_requests(sub):
    s1 = sub.run_tactic(sub.start(AND), AND_PROOF[0])
    os.kill(sub.workers[0].transport.pid, signal.SIGKILL)
    time.sleep(0.1)
    out = sub.run_tactic(s1, AND_PROOF[1])
    assert isinstance(out, ProofState) and out.replayed and out.tactics == AND_PROOF[:2]


def test_recycling_after_n_requests_keeps_proofs_working():
    with make_backend("minilean", in_process=True, max_requests=3) as b:
        state = b.start(AND)
        for tactic in AND_PROOF[:-1]:
            state = b.run_tactic(state, tactic)
            assert isinstance(state, ProofState)
        assert isinstance(b.run_tactic(state, AND_PROOF[-1]), ProofClosed)
        # recycled at operation boundaries (a replay's requests run on the fresh process)
        assert b.stats()["workers"][0]["restarts"] >= 2 and b.stats()["workers"][0]["replays"] >= 2
        assert b.verify(AND, list(AND_PROOF)).ok


def test_memory_blow_up_restarts_and_state_survives():
    with toy(memory_limit_mb=150) as b:
        root = b.start(TOY)
        out = b.run_tactic(root, "alloc 400")
        if isinstance(out, LeanError):  # caught while the request ran
            assert out.kind == "memory" and "over the limit of 150 MiB" in out.message
        after = b.run_tactic(root, "intro")  # else the next operation restarts the bloated process first
        assert isinstance(after, ProofState) and after.replayed
        assert b.workers[0].restarts == 1 and b.workers[0].transport.rss_mb() < 150


def test_a_tactic_that_crashes_twice_is_an_error_not_an_exception():
    with toy() as b:
        root = b.start(TOY)
        out = b.run_tactic(root, "crash")
        assert isinstance(out, LeanError) and out.kind == "crash" and "exited with code 7" in out.message
        assert isinstance(b.run_tactic(root, "intro"), ProofState)


def test_garbage_output_names_the_cause():
    with toy(mode="garbage") as b, pytest.raises(ProtocolError, match="not a JSON reply.*Traceback"):
        b.start(TOY)


def test_dies_at_start_names_the_cause():
    with toy(mode="die-at-start") as b, pytest.raises(ReplCrashed, match="exited with code 3 at start.*Lake workspace"):
        b.start(TOY)


def test_hanging_repl_never_hangs_the_caller():
    with toy(mode="hang", start_timeout=0.3, timeout=0.3, header_timeout=0.3) as b:
        t0 = time.monotonic()
        out = b.start(TOY)
        assert isinstance(out, LeanError) and out.kind == "timeout"
        assert time.monotonic() - t0 < 1.5


def test_missing_executable():
    with pytest.raises(BackendUnavailable, match="not found: '/nonexistent/repl'"):
        make_backend(repl_command=["/nonexistent/repl"])


def test_unrebuildable_state_is_state_lost():
    with make_backend("minilean") as b:
        root = b.start(AND)
        stale = ProofState(AND, root.goals, ("exact hq",), (0, "gone:1", 99))
        with pytest.raises(StateLost, match="replaying the path failed"):
            b.run_tactic(stale, "constructor")


def test_header_elaborated_once_and_pickled_for_restarts(tmp_path):
    log = tmp_path / "requests.jsonl"
    with toy(pickle_headers=True, env={**os.environ, "FAULTY_LOG": str(log)}) as b:
        b.start(TOY)
        b.start(TOY)
        b.workers[0].transport.restart()
        b.start(TOY)
    kinds = [next(iter(k for k in ("pickleTo", "unpickleEnvFrom", "cmd") if k in line)) for line in map(eval, log.read_text().splitlines())]
    headers = [line for line in log.read_text().splitlines() if "import Toy" in line]
    assert len(headers) == 1  # elaborated once, by the first process only
    assert kinds.count("pickleTo") == 1 and kinds.count("unpickleEnvFrom") == 1


@pytest.mark.parametrize(
    ("axioms", "ok"),
    [("propext, Classical.choice, Quot.sound", True), ("propext, sorryAx", False), ("Lean.ofReduceBool", False)],
)
def test_verify_audits_axioms(axioms, ok):
    with toy(env={**os.environ, "FAULTY_AXIOMS": axioms}) as b:
        verdict = b.verify(TOY, ["intro"])
        assert verdict.ok is ok
        if not ok:
            assert "non-standard axioms" in verdict.reason and axioms.split(", ")[-1] in verdict.reason
