"""make_backend's choices, and `leangym doctor` / `leangym setup` as they behave on this machine."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from leangym.backend import LeanPool, ReplBackend, make_backend
from leangym.backend.lean_setup import auto_choice, find_real_lean
from leangym.errors import BackendUnavailable, ConfigError
from leangym.repl.inprocess import InProcessRepl
from leangym.repl.process import ReplProcess

from .conftest import AND, faulty_command

pytestmark = pytest.mark.timeout(60)
NO_LEAN = not find_real_lean().usable


def test_minilean_single_worker_is_in_process():
    with make_backend("minilean") as b:
        assert isinstance(b, ReplBackend) and isinstance(b.workers[0].transport, InProcessRepl) and b.engine == "minilean"


def test_minilean_workers_are_subprocesses():
    with make_backend("minilean", workers=2, timeout=5) as b:
        assert isinstance(b, LeanPool) and len(b.workers) == 2
        assert all(isinstance(w.transport, ReplProcess) for w in b.workers)
        assert b.command[1:] == ["-m", "leangym.minilean"]
    with make_backend("minilean", in_process=False) as b:
        assert isinstance(b.workers[0].transport, ReplProcess)


@pytest.mark.skipif(not NO_LEAN, reason="real Lean is installed here")
def test_lean_without_install_is_actionable():
    with pytest.raises(BackendUnavailable, match=r"leangym setup.*backend='minilean'"):
        make_backend("lean")


@pytest.mark.skipif(not NO_LEAN, reason="real Lean is installed here")
def test_auto_falls_back_to_minilean():
    assert auto_choice() == "minilean"
    with make_backend("auto") as b:
        assert b.engine == "minilean"


def test_repl_command_runs_any_executable():
    with make_backend(repl_command=faulty_command("ok"), engine="toy") as b:
        assert isinstance(b, LeanPool) and b.engine == "toy"
        assert b.workers[0].transport.request({"cmd": "x"}, timeout=10) == {"env": 0}


def test_a_backend_instance_is_returned_as_is():
    with make_backend("minilean") as b:
        assert make_backend(b) is b


@pytest.mark.parametrize(
    ("args", "match"),
    [(("lean4",), "must be one of"), ((42,), "Backend instance"), (("minilean",), "workers must be >= 1")],
)
def test_bad_arguments(args, match):
    with pytest.raises(ConfigError, match=match):
        make_backend(*args, workers=0 if args == ("minilean",) else 1)


def test_in_process_with_many_workers_is_refused():
    with pytest.raises(ConfigError, match="in_process=False"):
        make_backend("minilean", workers=2, in_process=True)


def test_close_is_idempotent_and_use_after_close_is_clear():
    b = make_backend("minilean")
    b.close()
    b.close()
    with pytest.raises(ConfigError, match="closed"):
        b.start(AND)


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "leangym", *args], capture_output=True, text=True, timeout=60, env=env)


@pytest.mark.skipif(not NO_LEAN, reason="real Lean is installed here")
def test_doctor_reports_this_machine(tmp_path):
    import os

    out = run_cli("doctor", env={**os.environ, "LEANGYM_LEAN_WORKSPACE": str(tmp_path / "ws")})
    assert out.returncode == 0, out.stderr
    assert "real Lean:   absent" in out.stdout and "MiniLean:    present" in out.stdout
    assert 'backend="auto" will use: minilean' in out.stdout and str(tmp_path / "ws") in out.stdout


@pytest.mark.skipif(not NO_LEAN, reason="real Lean is installed here")
def test_setup_offline_fails_fast_naming_what_is_missing(tmp_path):
    import os

    env = {**os.environ, "LEANGYM_LEAN_WORKSPACE": str(tmp_path / "ws"), "LEANGYM_SETUP_PROBE_URL": "http://127.0.0.1:9/"}
    t0 = time.monotonic()
    out = run_cli("setup", env=env)
    assert time.monotonic() - t0 < 20
    assert out.returncode == 1
    assert "cannot reach http://127.0.0.1:9/" in out.stderr and "missing: elan" in out.stderr
    assert "backend='minilean'" in out.stderr
    assert not (tmp_path / "ws").exists()
