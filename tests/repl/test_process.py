"""ReplProcess against real misbehaving processes: every fault ends in a named exception, in time."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from leangym.errors import BackendUnavailable, ProtocolError, ReplCrashed, ReplMemoryExceeded, ReplTimeout
from leangym.repl.process import ReplProcess

FAULTY = str(Path(__file__).with_name("faulty_repl.py"))
pytestmark = pytest.mark.timeout(30)


def faulty(mode: str, **kw) -> ReplProcess:
    return ReplProcess([sys.executable, FAULTY, mode], start_timeout=10.0, **kw)


def test_round_trip_and_multiline_reply():
    with faulty("ok") as p:
        assert p.request({"cmd": "theorem x : True := by sorry"}, timeout=5) == {
            "env": 0,
            "sorries": [{"proofState": 0, "goal": "⊢ toy", "pos": {"line": 1, "column": 0}, "endPos": None}],
        }
        assert p.request({"tactic": "intro", "proofState": 0}, timeout=5)["goals"] == ["⊢ after intro"]
        assert p.requests_served == 2 and p.alive and p.rss_mb() > 1


def test_missing_executable_names_it():
    with pytest.raises(BackendUnavailable, match="no-such-repl-binary"):
        ReplProcess(["no-such-repl-binary", "--x"])


def test_timeout_kills_within_margin_and_next_request_restarts():
    with faulty("ok") as p:
        p.request({"cmd": "x := by sorry"}, timeout=5)
        pid, gen = p.pid, p.generation
        t0 = time.monotonic()
        with pytest.raises(ReplTimeout, match="within 0.5 s"):
            p.request({"tactic": "sleep 100000", "proofState": 0}, timeout=0.5)
        assert time.monotonic() - t0 < 0.5 + 0.5
        assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
        assert p.request({"cmd": "y"}, timeout=5) == {"env": 0}  # a fresh process
        assert p.generation == gen + 1


def test_timeout_kills_the_whole_process_group():
    with ReplProcess([sys.executable, FAULTY, "fork-hang"], start_timeout=0.1) as p:
        deadline = time.monotonic() + 10
        while not psutil.Process(p.pid).children() and time.monotonic() < deadline:
            time.sleep(0.05)
        (child,) = psutil.Process(p.pid).children()
        with pytest.raises(ReplTimeout):
            p.request({"cmd": "x"}, timeout=0.5)
        child.wait(timeout=5)  # the grandchild died with its group (psutil raises if it is still running)
        assert not child.is_running()


def test_kill_9_mid_request_is_detected_at_once():
    with faulty("ok") as p:
        p.request({"cmd": "x := by sorry"}, timeout=5)
        pid = p.pid
        threading.Timer(0.3, os.kill, (pid, signal.SIGKILL)).start()
        t0 = time.monotonic()
        with pytest.raises(ReplCrashed, match="SIGKILL"):
            p.request({"tactic": "sleep 100000", "proofState": 0}, timeout=20)
        assert time.monotonic() - t0 < 2.0
        assert p.request({"cmd": "y"}, timeout=5) == {"env": 0}


def test_crash_during_request():
    with faulty("ok") as p:
        p.request({"cmd": "x := by sorry"}, timeout=5)
        with pytest.raises(ReplCrashed, match="exited with code 7"):
            p.request({"tactic": "crash", "proofState": 0}, timeout=5)


def test_dies_at_start_reports_exit_code_and_stderr():
    with faulty("die-at-start") as p:
        with pytest.raises(ReplCrashed, match=r"exited with code 3 at start.*cannot find the Lake workspace"):
            p.request({"cmd": "x"}, timeout=5)


def test_garbage_output_is_a_protocol_error():
    with faulty("garbage") as p:
        with pytest.raises(ProtocolError, match="not a JSON reply.*Traceback"):
            p.request({"cmd": "x"}, timeout=5)
        assert not p.alive


def test_unasked_output_after_a_reply_is_caught_on_the_next_request():
    with faulty("ok") as p:
        p.request({"cmd": "x := by sorry"}, timeout=5)
        assert p.request({"tactic": "chatter", "proofState": 0}, timeout=5)["goals"] == ["⊢ x"]
        time.sleep(0.2)
        with pytest.raises(ProtocolError, match="unasked.*stray line"):
            p.request({"tactic": "intro", "proofState": 0}, timeout=5)


def test_truncated_json_then_blank_line():
    with faulty("truncated") as p:
        with pytest.raises(ProtocolError, match="not a JSON reply"):
            p.request({"cmd": "x"}, timeout=5)


def test_truncated_json_then_exit():
    with faulty("truncated-exit") as p:
        with pytest.raises(ReplCrashed, match=r"exited with code 5.*truncated reply"):
            p.request({"cmd": "x"}, timeout=5)


def test_hang_without_reply_times_out():
    with ReplProcess([sys.executable, FAULTY, "hang"], start_timeout=0.1) as p:
        t0 = time.monotonic()
        with pytest.raises(ReplTimeout):
            p.request({"cmd": "x"}, timeout=0.3)
        assert time.monotonic() - t0 < 0.3 + 0.5


def test_first_request_after_start_gets_start_timeout():
    with ReplProcess([sys.executable, FAULTY, "hang"], start_timeout=1.0) as p:
        t0 = time.monotonic()
        with pytest.raises(ReplTimeout):
            p.request({"cmd": "x"}, timeout=0.1)
        assert 0.9 < time.monotonic() - t0 < 1.6


def test_megabyte_request_to_a_process_that_never_reads():
    with ReplProcess([sys.executable, FAULTY, "noread"], start_timeout=0.1) as p:
        t0 = time.monotonic()
        with pytest.raises(ReplTimeout, match="stopped reading"):
            p.request({"cmd": "x" * 2_000_000}, timeout=0.5)
        assert time.monotonic() - t0 < 0.5 + 0.5


def test_memory_cap_kills_during_request():
    with faulty("ok", memory_limit_mb=150) as p:
        p.request({"cmd": "x := by sorry"}, timeout=5)
        with pytest.raises(ReplMemoryExceeded, match="over the limit of 150 MiB"):
            for _ in range(10):
                p.request({"tactic": "alloc 40", "proofState": 0}, timeout=5)
            # Every request so far may have answered faster than the memory poll; fast requests alone
            # must still meet the cap within a few poll intervals.
            deadline = time.monotonic() + 2.0
            while time.monotonic() < deadline:
                p.request({"tactic": "sleep 0", "proofState": 0}, timeout=5)
        assert not p.alive


def test_over_memory_flag_between_requests():
    with faulty("ok", memory_limit_mb=60) as p:
        p.request({"cmd": "x := by sorry"}, timeout=5)
        assert not p.over_memory
        p.request({"tactic": "sleep 0", "proofState": 0}, timeout=5)
        try:
            p.request({"tactic": "alloc 80", "proofState": 0}, timeout=5)
        except ReplMemoryExceeded:
            return  # the poll caught it mid-request: also correct
        assert p.over_memory


def test_close_is_idempotent_and_request_after_close_fails():
    p = faulty("ok")
    pid = p.pid
    p.close()
    p.close()
    assert not p.alive and (not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE)
    with pytest.raises(ReplCrashed, match="closed"):
        p.request({"cmd": "x"}, timeout=1)


def test_restart_gives_a_new_process():
    with faulty("ok") as p:
        pid = p.pid
        p.restart()
        assert p.pid != pid and p.alive and p.generation == 2
