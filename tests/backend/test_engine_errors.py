"""An engine bug through a Backend: EngineError raised, logged with its request, counted; never an outcome.

In-process the bug is injected with monkeypatch; for subprocess workers the pool runs the real
MiniLean server from a script that injects the same bug before serving.
"""

from __future__ import annotations

import logging
import sys
import textwrap

import pytest

from leangym.backend import make_backend
from leangym.backend.api import ProofClosed, ProofState
from leangym.errors import EngineError
from leangym.minilean import arith
from leangym.problems import Problem

pytestmark = [pytest.mark.engine_bug, pytest.mark.timeout(120)]
LIN = Problem("lin", "theorem lin (x : ℝ) (h : 0 < x) : 0 < x + 1", header="import Mathlib\n")

SERVER = textwrap.dedent(
    """
    import sys
    from leangym.minilean import arith
    from leangym.minilean.__main__ import main

    def boom(*args, **kw):
        raise TypeError("injected bug")

    arith.linarith = boom
    sys.exit(main())
    """
)


def _boom(*args, **kw):
    raise TypeError("injected bug")


@pytest.fixture
def buggy_pool(tmp_path):
    script = tmp_path / "buggy_minilean.py"
    script.write_text(SERVER, encoding="utf-8")
    b = make_backend("minilean", repl_command=[sys.executable, str(script)], timeout=20, start_timeout=60)
    yield b
    b.close()


def test_in_process_bug_raises_engine_error_logged_and_counted(monkeypatch, caplog):
    with make_backend("minilean", timeout=10) as b:
        root = b.start(LIN)
        assert isinstance(root, ProofState)
        monkeypatch.setattr(arith, "linarith", _boom)
        with caplog.at_level(logging.ERROR, logger="leangym.backend.repl_backend"):
            with pytest.raises(EngineError, match="TypeError: injected bug") as info:
                b.run_tactic(root, "linarith")
        assert info.value.error_type == "TypeError" and info.value.request == {
            "tactic": "linarith",
            "proofState": root.handle[2],
        }
        assert any(
            "'tactic': 'linarith'" in r.getMessage()
            for r in caplog.records
            if r.name == "leangym.backend.repl_backend"
        )
        assert b.engine_errors == 1 and b.stats()["workers"][0]["engine_errors"] == 1
        with pytest.raises(EngineError):  # verify never accepts on an engine bug: it has no verdict to give
            b.verify(LIN, ["linarith"])
        with pytest.raises(EngineError):
            b.check(f"{LIN.header}{LIN.statement} := by linarith")
        assert b.engine_errors == 3
        monkeypatch.undo()
        assert b.run_tactic(root, "linarith") == ProofClosed(LIN, ("linarith",))  # the state survived
        assert b.verify(LIN, ["linarith"]).ok


def test_subprocess_bug_raises_engine_error_and_the_process_keeps_serving(buggy_pool):
    root = buggy_pool.start(LIN)
    assert isinstance(root, ProofState)
    generation = buggy_pool.workers[0].transport.generation
    with pytest.raises(EngineError, match="TypeError: injected bug"):
        buggy_pool.run_tactic(root, "linarith")
    with pytest.raises(EngineError):
        buggy_pool.verify(LIN, ["linarith"])
    assert buggy_pool.engine_errors == 2
    assert buggy_pool.workers[0].transport.generation == generation  # no restart: the server kept running
    assert buggy_pool.run_tactic(root, "positivity") == ProofClosed(LIN, ("positivity",))
