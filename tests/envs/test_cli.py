"""`leangym envs` and `leangym play`, the latter driven through a real terminal (tmux)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid

import pytest

from leangym.datasets import load_minilean_suite


def _leangym(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "leangym", *args], capture_output=True, text=True, timeout=120, **kwargs)


def test_envs_lists_ids_sizes_and_engines(small_data_dir):
    out = _leangym("envs", "--backend", "minilean", "--data-dir", str(small_data_dir))
    assert out.returncode == 0, out.stderr
    rows = {line.split()[0]: line for line in out.stdout.splitlines()[1:]}
    assert {"MiniLean-v0", "MiniF2F-v0", "LeanWorkbook-v0", "ProofNet-v0", "MiniF2F-Lite-v0"} <= set(rows)
    assert " 244 " in rows["MiniF2F-v0"] and ("inside its fragment" in rows["MiniF2F-v0"] or "needs real Lean" in rows["MiniF2F-v0"])
    assert "minilean" in rows["MiniLean-v0"] and " 300 " in rows["LeanWorkbook-v0"]


def test_envs_without_data_says_what_is_missing(tmp_path):
    out = _leangym("envs", "--backend", "minilean", "--data-dir", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "data missing" in next(line for line in out.stdout.splitlines() if line.startswith("MiniF2F-v0"))


def _pane(session: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-S", "-200", "-t", session], capture_output=True, text=True).stdout


def _wait_for(session: str, text: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pane = _pane(session)
        if text in pane:
            return pane
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; screen:\n{_pane(session)}")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux not installed (apt-get install tmux)")
def test_play_through_tmux():
    problem = next(p for p in load_minilean_suite("propositional", 12) if len(p.reference_proof) >= 2)
    session = f"leangym-play-{uuid.uuid4().hex[:8]}"
    # keep the pane alive after the program exits, so its last words can be read
    command = f"{sys.executable} -m leangym play MiniLean-Propositional-v0 --backend minilean --problem {problem.id}; sleep 30"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "200", "-y", "60", command], check=True)
    try:
        _wait_for(session, "tactic>")
        subprocess.run(["tmux", "send-keys", "-t", session, "exact no_such_thing", "Enter"], check=True)
        _wait_for(session, "no_such_thing")
        for tactic in problem.reference_proof:
            subprocess.run(["tmux", "send-keys", "-t", session, "-l", tactic], check=True)
            subprocess.run(["tmux", "send-keys", "-t", session, "Enter"], check=True)
        screen = _wait_for(session, "proof verified")
        assert "reward: 1.0" in screen and "error:" in screen and problem.id in screen
        subprocess.run(["tmux", "send-keys", "-t", session, ":quit", "Enter"], check=True)
        _wait_for(session, "bye: solved 1")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
