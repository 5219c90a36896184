"""make_backend's choices, and `leangym doctor` / `leangym setup` as they behave on this machine."""

from __future__ import annotations

import json
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
    report = json.loads(run_cli("doctor", "--json", env={**os.environ, "LEANGYM_LEAN_WORKSPACE": str(tmp_path / "ws")}).stdout)
    assert report["auto"] == "minilean" and not report["real_lean"]["usable"] and report["minilean"]["ok"]
    assert "elan" in report["real_lean"]["missing"]


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


@pytest.fixture
def fake_lean(tmp_path, monkeypatch):
    """A workspace laid out as `leangym setup` makes it, with stand-in tools: `lake env X` runs X, and the
    "REPL binary" is the toy REPL. It tests discovery and the `lake env <repl>` launch path, not Lean."""
    import os
    import stat

    bin_dir, ws = tmp_path / "bin", tmp_path / "ws"
    (ws / ".lake" / "packages" / "mathlib").mkdir(parents=True)
    (ws / "repl" / ".lake" / "build" / "bin").mkdir(parents=True)
    (ws / "lakefile.toml").write_text('name = "fake"\n')
    bin_dir.mkdir()
    scripts = {
        bin_dir / "elan": "#!/bin/sh\necho elan\n",
        bin_dir / "lean": "#!/bin/sh\necho lean\n",
        bin_dir / "lake": '#!/bin/sh\n[ "$1" = env ] && shift && exec "$@"\nexit 2\n',
        ws / "repl" / ".lake" / "build" / "bin" / "repl": f'#!/bin/sh\nexec {" ".join(faulty_command("ok"))}\n',
    }
    for path, text in scripts.items():
        path.write_text(text)
        path.chmod(path.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("LEANGYM_LEAN_WORKSPACE", str(ws))
    return ws


def test_found_workspace_is_what_lean_and_auto_use(fake_lean):
    from leangym.backend.api import ProofState
    from leangym.problems import Problem

    install = find_real_lean()
    assert install.usable and install.cwd == str(fake_lean) and install.repl_command[1:] == ("env", str(fake_lean / "repl/.lake/build/bin/repl"))
    assert auto_choice() == "lean"
    with make_backend("auto", timeout=10) as b:
        assert isinstance(b, LeanPool) and b.engine == "lean"
        assert isinstance(b.start(Problem("t", "theorem t : True", header="import Mathlib\n")), ProofState)
    out = run_cli("doctor")
    assert "real Lean:   present" in out.stdout and 'backend="auto" will use: lean' in out.stdout
