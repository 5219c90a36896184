"""``leangym minilean-repl``: the workspace, its ``lake`` stand-in, and the REPL clients that use it.

Three layers, each as a client sees it:

- the files (``lean-toolchain``, ``.lake/build/bin/repl``, ``bin/lake``) and the stand-in's behaviour;
- LeanInteract (the ``clients`` extra), unmodified, configured with one change (``local_repl_path`` +
  ``lake_path``): commands with env chaining, sorries and proof states, ProofStep chains, the
  pickling refusal, restart with the session cache, timeouts, the memory-limit path, a
  10,000-character declaration name;
- kimina-lean-server's spawn contract: its server is not on PyPI (only ``kimina-client`` is, and that
  wheel ships no server), so the test starts the REPL exactly the way its ``Repl.start`` does (``lake``
  found on ``PATH``, ``lake env REPL_PATH``, cwd the project dir, own session, ``RLIMIT_AS``, stderr to
  a file that must stay empty) and sends its request pattern (the header, then ``env: 0, gc: true``)
  on a batch of miniF2F statements and proofs.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time

import pytest

from leangym.backend.lean_setup import TOOLCHAIN
from leangym.backend.minilean_workspace import write_workspace
from leangym.cli import main as leangym_main


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    return write_workspace(tmp_path_factory.mktemp("minilean-ws"))


# -- the workspace ---------------------------------------------------------------------------------
def test_cli_writes_the_layout_clients_expect(tmp_path, capsys):
    root = tmp_path / "ws"
    assert leangym_main(["minilean-repl", "--workspace", str(root)]) == 0
    assert (root / "lean-toolchain").read_text().strip() == TOOLCHAIN
    for exe in (root / ".lake/build/bin/repl", root / "bin/lake"):
        assert os.access(exe, os.X_OK), exe
    out = capsys.readouterr().out
    assert f"local_repl_path={str(root.resolve())!r}" in out and "LEAN_SERVER_REPL_PATH=" in out


def test_cli_refuses_a_file_as_workspace(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(NotADirectoryError, match="expected a directory"):
        write_workspace(f)


def test_lake_env_runs_the_command_with_its_arguments(workspace):
    r = subprocess.run([str(workspace.lake), "env", "printf", "%s|%s", "a b", "c"], capture_output=True, text=True)
    assert (r.returncode, r.stdout) == (0, "a b|c")


@pytest.mark.parametrize("args", [["build"], ["update"], ["exe", "cache", "get"], []])
def test_lake_refuses_other_subcommands_clearly(workspace, args):
    r = subprocess.run([str(workspace.lake), *args], capture_output=True, text=True)
    assert r.returncode == 2
    assert "MiniLean stand-in" in r.stderr and "Only 'lake env CMD" in r.stderr and "leangym setup" in r.stderr


def test_lake_version_answers(workspace):
    r = subprocess.run([str(workspace.lake), "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and "minilean" in r.stdout.lower()


def test_repl_through_lake_env_speaks_the_protocol(workspace):
    req = json.dumps({"cmd": "theorem zero_eq_zero : 0 = 0 := sorry"}) + "\n\n"
    r = subprocess.run([str(workspace.lake), "env", str(workspace.repl)], input=req, capture_output=True,
                       text=True, timeout=60, cwd=workspace.root)
    assert r.returncode == 0 and r.stderr == ""
    resp = json.loads(r.stdout)
    assert resp["sorries"][0]["pos"] == {"line": 1, "column": 32}
    # the pinned Lean (4.33) quotes with backticks, as the recorded transcripts show
    assert resp["messages"][0]["data"] == "declaration uses `sorry`"


# -- LeanInteract ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def li():
    return pytest.importorskip("lean_interact", reason="LeanInteract is not installed (pip install -e '.[clients]')")


@pytest.fixture(scope="module")
def li_config(li, workspace):
    return li.LeanREPLConfig(local_repl_path=str(workspace.root), build_repl=False, lake_path=str(workspace.lake))


@pytest.fixture(scope="module")
def server(li, li_config):
    with li.LeanServer(li_config) as s:
        yield s


def test_leaninteract_reads_the_toolchain(li_config):
    assert li_config.lean_version == TOOLCHAIN.split(":")[1]


def test_leaninteract_sorry_then_proof_step(li, server):
    r = server.run(li.Command(cmd="theorem zero_eq_zero : 0 = 0 := sorry"))
    assert isinstance(r, li.interface.CommandResponse)
    (s,) = r.sorries
    assert (s.start_pos.column, s.end_pos.column, s.goal) == (32, 37, "⊢ 0 = 0")
    (m,) = r.messages
    assert (m.severity, m.start_pos.column, m.end_pos.column) == ("warning", 8, 20)
    step = server.run(li.ProofStep(proof_state=s.proof_state, tactic="rfl"))
    assert step.proof_status == "Completed" and step.goals == []


def test_leaninteract_env_chaining_defs_eval_and_lemmas(li, server):
    r0 = server.run(li.Command(cmd="import Mathlib\ndef f (n : ℕ) : ℕ := n - 1\nabbrev c : ℤ := -3"))
    assert r0.messages == [] and r0.lean_code_is_valid()
    r1 = server.run(li.Command(cmd="lemma l (k : ℕ) : f k ≤ k := by omega\nexample : c + 3 = 0 := by norm_num", env=r0.env))
    assert r1.lean_code_is_valid(), r1
    r2 = server.run(li.Command(cmd="#eval f 0 + c\n#eval Lean.versionString", env=r1.env))
    assert [m.data for m in r2.messages][0] == "-3" and "MiniLean" in r2.messages[1].data
    bad = server.run(li.Command(cmd="example : f 0 = 1 := by decide", env=r0.env))
    assert not bad.lean_code_is_valid()
    # an env from before the definitions does not know them (`f` itself would be auto-bound there, as
    # Lean's autoImplicit does, so the check uses `c` where a number, not a variable, is expected)
    unknown = server.run(li.Command(cmd="example : c + 3 = 0 := by norm_num"))
    assert not unknown.lean_code_is_valid()
    assert server.run(li.Command(cmd="example : c + 3 = 0 := by norm_num", env=r0.env)).lean_code_is_valid()


def test_leaninteract_proof_step_chain_and_branching(li, server):
    r = server.run(li.Command(cmd="import Mathlib\ntheorem t (x y : ℝ) (h : x < y) (hx : 0 < x) : x * x < y * y ∧ 0 < y := by sorry"))
    ps = r.sorries[0].proof_state
    a = server.run(li.ProofStep(proof_state=ps, tactic="constructor"))
    assert a.proof_status == "Incomplete: open goals remain" and len(a.goals) == 2
    b = server.run(li.ProofStep(proof_state=a.proof_state, tactic="· nlinarith"))
    assert len(b.goals) == 1
    c = server.run(li.ProofStep(proof_state=b.proof_state, tactic="linarith"))
    assert c.proof_status == "Completed"
    wrong = server.run(li.ProofStep(proof_state=ps, tactic="exact h"))
    assert isinstance(wrong, li.interface.LeanError)
    redo = server.run(li.ProofStep(proof_state=ps, tactic="exact ⟨by nlinarith, by linarith⟩"))
    assert redo.proof_status == "Completed"


def test_leaninteract_pickling_is_refused_cleanly(li, server):
    r = server.run(li.Command(cmd="theorem a : 1 = 1 := rfl"))
    with tempfile.TemporaryDirectory() as d:
        out = server.run(li.PickleEnvironment(env=r.env, pickle_to=os.path.join(d, "e.olean")))
    assert isinstance(out, li.interface.LeanError) and "does not support pickling" in out.message
    assert server.is_alive()


def test_leaninteract_long_declaration_name(li, server):
    name = "a" * 10_000
    r = server.run(li.Command(cmd=f"theorem {name} : 1 = 1 := sorry"))
    assert (r.sorries[0].start_pos.column, r.sorries[0].end_pos.column) == (10020, 10025)
    assert (r.messages[0].start_pos.column, r.messages[0].end_pos.column) == (8, 10008)


def test_leaninteract_missing_file_error(li, server):
    r = server.run(li.FileCommand(path="/nonexistent/x.lean"))
    assert isinstance(r, li.interface.LeanError) and "no such file" in r.message


def test_leaninteract_timeout_kills_and_auto_server_recovers(li, li_config):
    auto = li.AutoLeanServer(li_config)
    try:
        r = auto.run(li.Command(cmd="theorem t : 2 = 2 := by sorry"), add_to_session_cache=True)
        assert r.env < 0  # a session-cache id, replayed after restarts
        with pytest.raises(TimeoutError):
            auto.run(li.ProofStep(proof_state=0, tactic="sleep 5000"), timeout=0.5)
        ok = auto.run(li.Command(cmd="example : 2 = 2 := rfl", env=r.env))
        assert ok.lean_code_is_valid()
        auto.restart()
        # the restarted REPL replayed the cached command: `t` is declared in the env it maps -1 to
        again = auto.run(li.Command(cmd="theorem t : 3 = 3 := rfl", env=r.env))
        assert [m.data for m in again.messages] == ["'t' has already been declared"]
    finally:
        auto.kill()


def test_leaninteract_memory_limit(li, workspace):
    # a hard limit (RLIMIT_AS, set by LeanInteract in the child) MiniLean runs under
    cfg = li.LeanREPLConfig(local_repl_path=str(workspace.root), build_repl=False, lake_path=str(workspace.lake),
                            memory_hard_limit_mb=1000)
    with li.LeanServer(cfg) as s:
        r = s.run(li.Command(cmd="import Mathlib\ntheorem t (x : ℝ) : 0 ≤ x ^ 2 + 1 := by nlinarith [sq_nonneg x]"))
        assert r.lean_code_is_valid()
        assert 0 < s.get_memory_usage() < 1000
    # the soft limit: AutoLeanServer restarts (here: gives up at once) when the REPL passes its share
    auto = li.AutoLeanServer(cfg, max_process_memory=0.02, max_restart_attempts=0)  # 20 MB
    try:
        deadline = time.monotonic() + 30
        while auto.get_memory_usage() < 25 and time.monotonic() < deadline:  # the REPL idles at ~27 MB
            time.sleep(0.05)
        with pytest.raises(MemoryError):
            auto.run(li.Command(cmd="example : 1 = 1 := rfl"))
    finally:
        auto.kill()


# -- kimina-lean-server's spawn contract --------------------------------------------------------
MINIF2F_BATCH = [
    # (code, expected: "valid" | "sorry" | "error")
    ("theorem mathd_algebra_478 (b h v : ℝ) (h₀ : 0 < b ∧ 0 < h ∧ 0 < v) (h₁ : v = 1 / 3 * (b * h))\n"
     "    (h₂ : b = 30) (h₃ : h = 13 / 2) : v = 65 := by\n  rw [h₂, h₃] at h₁\n  linarith", "valid"),
    ("theorem mathd_algebra_478 (b h v : ℝ) (h₀ : 0 < b ∧ 0 < h ∧ 0 < v) (h₁ : v = 1 / 3 * (b * h))\n"
     "    (h₂ : b = 30) (h₃ : h = 13 / 2) : v = 66 := by\n  rw [h₂, h₃] at h₁\n  linarith", "error"),
    ("theorem amc12a_2002_p6 (n : ℕ) (h₀ : 0 < n) : ∃ m, m > n ∧ ∃ p, m * p ≤ m + p := by\n"
     "  exact ⟨n + 1, by omega, 1, by omega⟩", "valid"),
    ("theorem amc12a_2002_p6 (n : ℕ) (h₀ : 0 < n) : ∃ m, m > n ∧ ∃ p, m * p ≤ m + p := by\n  sorry", "sorry"),
    ("theorem mathd_numbertheory_x : (29 ^ 13 - 5 ^ 13) % 7 = 3 := by\n  norm_num", "valid"),
    ("theorem mathd_numbertheory_y : (29 ^ 13 - 5 ^ 13) % 7 = 4 := by\n  norm_num", "error"),
]
KIMINA_HEADER = "import Mathlib\nimport Aesop\nset_option maxHeartbeats 400000\nopen BigOperators Real Nat Topology Rat"


def _status(resp: dict) -> str:
    msgs = resp.get("messages", [])
    if any(m["severity"] == "error" for m in msgs):
        return "error"
    if resp.get("sorries") or any("sorry" in m["data"] for m in msgs):
        return "sorry"
    return "valid"


def test_kimina_spawn_contract_on_minif2f(workspace, tmp_path):
    env = dict(os.environ, PATH=f"{workspace.lake.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    limit = 2 * 1024**3

    def preexec() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        os.setsid()

    with open(tmp_path / "stderr", "w+", encoding="utf-8") as err:
        proc = subprocess.Popen(["lake", "env", str(workspace.repl)], cwd=workspace.root, env=env,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, preexec_fn=preexec)
        try:
            def send(req: dict) -> dict:
                proc.stdin.write((json.dumps(req, ensure_ascii=False) + "\n\n").encode())
                proc.stdin.flush()
                lines = []
                while True:
                    line = proc.stdout.readline()
                    if not line.strip():
                        break
                    lines.append(line)
                return json.loads(b"".join(lines))

            assert send({"cmd": KIMINA_HEADER}) == {"env": 0}
            got = [_status(send({"cmd": code, "env": 0, "gc": True})) for code, _ in MINIF2F_BATCH]
            assert got == [want for _, want in MINIF2F_BATCH]
        finally:
            proc.stdin.close()
            proc.wait(timeout=30)
        err.seek(0)
        assert err.read() == ""  # kimina treats any stderr output as a Lean error
    assert proc.returncode == 0


def test_workspace_runs_with_the_interpreter_that_wrote_it(tmp_path):
    ws = write_workspace(tmp_path / "w", python=sys.executable)
    assert sys.executable in ws.repl.read_text()
