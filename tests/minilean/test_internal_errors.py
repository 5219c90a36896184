"""An engine bug is never a Lean error: raised in-process, the internalError reply over the protocol.

Each test injects a real bug (a decision procedure or a tactic that raises TypeError) with
monkeypatch, so the path from the failing Python code to what the client sees is the real one.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import z3

from leangym.errors import EngineError, MiniLeanInternalError
from leangym.minilean import arith, registry
from leangym.minilean.arith import GiveUp, Unsupported, ir
from leangym.minilean.arith.linear import linarith
from leangym.minilean.arith.presburger import omega
from leangym.minilean.bridge import NotArith, Unavailable
from leangym.minilean.repl import MiniLeanRepl

from .helpers import Session

pytestmark = pytest.mark.engine_bug
STATEMENT = "theorem lin (x : ℝ) (h : 0 < x) : 0 < x + 1"


def _boom(*args, **kw):
    raise TypeError("injected bug")


def _started(repl: MiniLeanRepl) -> int:
    env = repl.handle({"cmd": "import Mathlib"})["env"]
    return repl.handle({"cmd": STATEMENT + " := by sorry", "env": env})["sorries"][0]["proofState"]


def test_a_bug_in_a_decision_procedure_raises_the_named_error_in_process(monkeypatch):
    monkeypatch.setattr(arith, "linarith", _boom)
    repl = MiniLeanRepl(raise_internal=True)
    sid = _started(repl)
    request = {"tactic": "linarith", "proofState": sid}
    with pytest.raises(MiniLeanInternalError, match="TypeError: injected bug") as info:
        repl.handle(request)
    assert isinstance(info.value, EngineError) and isinstance(info.value.__cause__, TypeError)
    assert info.value.error_type == "TypeError" and info.value.request == request


def test_a_bug_in_a_tactic_is_the_internal_error_reply_logged_with_its_request(monkeypatch, caplog):
    monkeypatch.setitem(registry.TACTICS, "tauto", dataclasses.replace(registry.lookup("tauto"), run=_boom))
    repl = MiniLeanRepl()
    sid = _started(repl)
    request = {"tactic": "tauto", "proofState": sid}
    with caplog.at_level(logging.ERROR, logger="leangym.minilean.repl"):
        reply = repl.handle(request)
    assert reply == {
        EngineError.REPLY_KEY: {"type": "TypeError", "message": "TypeError: injected bug", "input": request}
    }
    assert "message" not in reply and "messages" not in reply  # nothing a client could read as Lean's
    [record] = caplog.records
    assert "injected bug" in record.getMessage() and "'tactic': 'tauto'" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is TypeError
    # the REPL goes on: the state is intact and the next request is answered normally
    assert repl.handle({"tactic": "linarith", "proofState": sid})["proofStatus"] == "Completed"


def test_a_bug_inside_a_command_is_the_internal_error_reply_not_a_message(monkeypatch):
    monkeypatch.setattr(arith, "linarith", _boom)
    reply = MiniLeanRepl().handle({"cmd": f"import Mathlib\n{STATEMENT} := by linarith"})
    assert set(reply) == {EngineError.REPLY_KEY} and reply[EngineError.REPLY_KEY]["type"] == "TypeError"
    with pytest.raises(MiniLeanInternalError):
        MiniLeanRepl(raise_internal=True).handle({"cmd": f"import Mathlib\n{STATEMENT} := by linarith"})


@pytest.mark.parametrize(
    "gives_up", [GiveUp("no"), Unsupported("no"), NotArith("no"), Unavailable("linarith")]
)
def test_a_procedure_that_gives_up_makes_the_tactic_fail_with_leans_message(monkeypatch, gives_up):
    def give_up(*args, **kw):
        raise gives_up

    monkeypatch.setattr(arith, "linarith", give_up)
    assert Session(STATEMENT).fails("linarith").startswith("linarith failed to find a contradiction")


def test_engine_error_reply_round_trips():
    err = MiniLeanInternalError("KeyError: 'x'", error_type="KeyError", request={"cmd": "x"})
    back = EngineError.from_reply(json.loads(json.dumps(err.to_reply())))
    assert (
        back is not None
        and str(back) == str(err)
        and back.error_type == "KeyError"
        and back.request == {"cmd": "x"}
    )
    assert EngineError.from_reply({"message": "Lean error:\nunknown tactic"}) is None
    assert EngineError.from_reply({"env": 0}) is None


class _UnknownSolver:
    """Stands in for a z3 solver that answers ``unknown`` (what z3 does on its own timeout)."""

    def set(self, *args, **kw): ...

    def add(self, *args): ...

    def check(self):
        return z3.unknown

    def reason_unknown(self) -> str:
        return "canceled"


def test_z3_unknown_is_the_declared_give_up_not_a_failure_value(monkeypatch):
    monkeypatch.setattr(z3, "SolverFor", lambda logic: _UnknownSolver())
    x = ir.Atom("x", "ℤ")
    zero = ir.Num(0, "ℤ")
    with pytest.raises(GiveUp, match="z3 answered unknown: canceled"):
        linarith([ir.Cmp("<", zero, x)], ir.Cmp("<", zero, x))
    with pytest.raises(GiveUp, match="z3 answered unknown: canceled"):
        omega([ir.Cmp("<", zero, x)], ir.Cmp("<", zero, x))


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


def test_the_subprocess_server_answers_internal_error_logs_it_and_keeps_serving(tmp_path):
    script = tmp_path / "buggy_minilean.py"
    script.write_text(SERVER, encoding="utf-8")
    requests = [
        {"cmd": "import Mathlib"},
        {"cmd": STATEMENT + " := by sorry", "env": 0},
        {"tactic": "linarith", "proofState": 0},
        {"tactic": "positivity", "proofState": 0},
    ]
    stdin = "".join(json.dumps(r) + "\n\n" for r in requests)
    proc = subprocess.run(
        [sys.executable, str(script)], input=stdin, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    replies = [json.loads(block) for block in proc.stdout.split("\n\n") if block.strip()]
    assert len(replies) == 4
    assert replies[2] == {
        EngineError.REPLY_KEY: {
            "type": "TypeError",
            "message": "TypeError: injected bug",
            "input": requests[2],
        }
    }
    assert replies[3]["proofStatus"] == "Completed"
    assert (
        "MiniLean internal error" in proc.stderr
        and "'tactic': 'linarith'" in proc.stderr
        and "TypeError" in proc.stderr
    )


GUARDED = textwrap.dedent(
    """
    import pytest
    from leangym.minilean import arith
    from leangym.minilean.repl import MiniLeanRepl

    def boom(*args, **kw):
        raise TypeError("injected bug")

    def _bug_reply(monkeypatch):
        monkeypatch.setattr(arith, "linarith", boom)
        return MiniLeanRepl().handle({"cmd": "theorem t (x : ℝ) (h : 0 < x) : 0 < x := by linarith"})

    def test_unmarked(monkeypatch):
        assert "internalError" in _bug_reply(monkeypatch)  # passes on its own; the guard fails it

    @pytest.mark.engine_bug
    def test_marked(monkeypatch):
        assert "internalError" in _bug_reply(monkeypatch)
    """
)


def test_the_suite_guard_fails_a_test_during_which_the_engine_had_a_bug(pytester):
    pytester.makeconftest(
        Path(__file__).resolve().parents[1].joinpath("conftest.py").read_text(encoding="utf-8")
    )
    pytester.makeini("[pytest]\nmarkers =\n    engine_bug: injects a bug\n")
    pytester.makepyfile(test_guarded=GUARDED)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*the engine reported an internal error*", "*FAILED*test_unmarked*"])
