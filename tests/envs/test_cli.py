"""`leangym envs` and `leangym play`, the latter driven through a real pseudo-terminal (pexpect)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from leangym.datasets import load_minilean_suite


def _leangym(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "leangym", *args], capture_output=True, text=True, timeout=120, **kwargs)


def test_envs_lists_ids_sizes_and_engines(small_data_dir):
    out = _leangym("envs", "--backend", "minilean", "--data-path", str(small_data_dir))
    assert out.returncode == 0, out.stderr
    rows = {line.split()[0]: line for line in out.stdout.splitlines()[1:]}
    assert {"MiniLean-v0", "MiniF2F-v0", "LeanWorkbook-v0", "ProofNet-v0", "MiniF2F-Lite-v0"} <= set(rows)
    assert " 244 " in rows["MiniF2F-v0"] and ("inside its fragment" in rows["MiniF2F-v0"] or "needs real Lean" in rows["MiniF2F-v0"])
    assert "minilean" in rows["MiniLean-v0"] and " 300 " in rows["LeanWorkbook-v0"]


def test_envs_without_data_says_what_is_missing(tmp_path):
    out = _leangym("envs", "--backend", "minilean", "--data-path", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "data missing" in next(line for line in out.stdout.splitlines() if line.startswith("MiniF2F-v0"))


def test_play_through_a_pseudo_terminal():
    """`leangym play` as a person uses it: a real pty (pexpect), typed tactics, goals, an error, the reward."""
    pexpect = pytest.importorskip("pexpect", reason="pexpect is in the dev extra: pip install -e '.[dev]'")
    problem = next(p for p in load_minilean_suite("propositional", 12) if len(p.reference_proof) >= 2)
    child = pexpect.spawn(
        sys.executable, ["-m", "leangym", "play", "MiniLean-Propositional-v0", "--backend", "minilean", "--problem", problem.id],
        encoding="utf-8", timeout=60, dimensions=(60, 200),
    )  # fmt: skip
    try:
        child.expect_exact("tactic>")
        assert "⊢" in child.before  # the goals are shown before the first prompt
        child.sendline("exact no_such_thing")
        child.expect_exact("reward: 0.0")
        assert "error" in child.before and "no_such_thing" in child.before
        for tactic in problem.reference_proof:
            child.expect_exact("tactic>")
            child.sendline(tactic)
        child.expect_exact("reward: 1.0")
        child.expect_exact(f"proof verified: {problem.id} (solved 1 this session)")
        child.expect_exact("tactic>")  # the next problem is shown
        child.sendline(":quit")
        child.expect_exact("bye: solved 1")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0


def test_play_ends_on_ctrl_d_and_rejects_a_mistyped_flag():
    pexpect = pytest.importorskip("pexpect", reason="pexpect is in the dev extra: pip install -e '.[dev]'")
    child = pexpect.spawn(sys.executable, ["-m", "leangym", "play", "MiniLean-v0", "--backend", "minilean"],
                          encoding="utf-8", timeout=60)  # fmt: skip
    child.expect_exact("tactic>")
    child.sendeof()
    child.expect_exact("bye: solved 0")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    out = _leangym("play", "MiniLean-v0", "--backnd", "minilean")
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "did you mean --backend?" in out.stderr
