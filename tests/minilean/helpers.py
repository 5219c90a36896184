"""Shared helpers for MiniLean tests: run commands/tactics and read results.

Every REPL here is built with ``raise_internal=True``: an engine bug raises MiniLeanInternalError at
the failing request instead of passing for a Lean error.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from leangym.minilean.repl import MiniLeanRepl
from leangym.problems import Problem


def errors(resp: dict) -> list[str]:
    return [m["data"] for m in resp.get("messages", []) if m["severity"] == "error"]


def check(src: str, header: str = "") -> dict:
    """Run a whole command in a fresh REPL."""
    return MiniLeanRepl(raise_internal=True).handle({"cmd": header + src})


def proves(src: str) -> bool:
    """Whether ``src`` (a full theorem with proof) checks with no errors and no sorry."""
    r = check(src)
    return not r.get("messages") and not r.get("sorries")


class Session:
    """A REPL with one theorem started by ``sorry``; ``run`` applies tactic scripts to its root state."""

    def __init__(self, statement: str, mathlib: bool = True):
        self.repl = MiniLeanRepl(raise_internal=True)
        env = None
        if mathlib:
            env = self.repl.handle({"cmd": "import Mathlib"})["env"]
        req: dict = {"cmd": statement + " := by sorry"}
        if env is not None:
            req["env"] = env
        resp = self.repl.handle(req)
        assert "sorries" in resp, resp
        self.root = resp["sorries"][0]["proofState"]
        self.goal = resp["sorries"][0]["goal"]

    def run(self, tactic: str, state: int | None = None) -> dict:
        return self.repl.handle({"tactic": tactic, "proofState": self.root if state is None else state})

    def closes(self, tactic: str) -> bool:
        r = self.run(tactic)
        return r.get("proofStatus") == "Completed" and not r.get("messages")

    def fails(self, tactic: str) -> str:
        r = self.run(tactic)
        assert "message" in r, r
        assert r["message"].startswith("Lean error:\n"), r
        return r["message"][len("Lean error:\n") :]


def verify(backend, statement: str, proof: str, header: str = "import Mathlib\n"):
    """``Backend.verify`` (the path that pays the reward) on one statement and one proof."""
    return backend.verify(Problem(id="t", statement=statement, header=header), [proof])


def verify_with_header(backend, header: str, statement: str, proof: str):
    """:func:`verify` with extra commands (``def``…) after ``import Mathlib`` in the header."""
    return verify(backend, statement, proof, header=f"import Mathlib\n{header}\n")


# -- for the adversarial suites: Lean's semantics of the operations, evaluated independently ------------

Attack = tuple[str, Callable[[], bool], list[str]]
"""(statement, counterexample: a thunk that is True when its values satisfy the hypotheses and refute the
conclusion, proofs to try)."""


def expand_attacks(groups: list[Attack]) -> list[tuple[str, str]]:
    """The (statement, proof) pairs of some attacks."""
    return [(s, p) for s, _, ps in groups for p in ps]


def lean_div(a: Fraction, b: Fraction) -> Fraction:
    """ℚ/ℝ division in Lean: ``a / 0 = 0``."""
    return Fraction(0) if b == 0 else Fraction(a) / b


def lean_ediv(a: int, b: int) -> int:
    """ℕ/ℤ division (``Int.ediv``: the remainder is never negative); ``x / 0 = 0``."""
    if b == 0:
        return 0
    return a // b if b > 0 else -(a // -b)


def lean_emod(a: int, b: int) -> int:
    """ℕ/ℤ remainder, ``Int.emod``; ``x % 0 = x``."""
    return a if b == 0 else a - b * lean_ediv(a, b)


def tactic_mode_closes(repl: MiniLeanRepl, env: int, statement: str, proof: str) -> bool:
    """Run ``proof`` one line at a time in the REPL's tactic mode (``{"tactic", "proofState"}``); whether it
    reaches "Completed" without an error (a proof with ``sorry`` never counts)."""
    out = repl.handle({"cmd": statement + " := by sorry", "env": env})
    if "sorries" not in out:
        return False
    state = out["sorries"][0]["proofState"]
    for line in proof.split("\n"):
        res = repl.handle({"tactic": line, "proofState": state})
        if "proofState" not in res or any(m["severity"] == "error" for m in res.get("messages", [])):
            return False
        state = res["proofState"]
        if res.get("proofStatus") == "Completed":
            return "sorry" not in proof
    return False


def verified(backend, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (statement, proof) pairs that ``Backend.verify`` accepts."""
    return [(s, p) for s, p in pairs if verify(backend, s, p).ok]


def refused(backend, pairs: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """The (statement, proof, reason) of the pairs that ``Backend.verify`` refuses."""
    out = [(s, p, verify(backend, s, p).reason) for s, p in pairs]
    return [r for r in out if r[2] != "ok"]


def closed_in_tactic_mode(pairs: list[tuple[str, str]], layout: str | None = None) -> list[tuple[str, str]]:
    """The pairs whose proof, run one line at a time in the REPL's tactic mode, closes the statement;
    proofs with ``<;>`` or case bars (one tactic over several lines) are skipped."""
    repl = MiniLeanRepl(raise_internal=True, **({"layout": layout} if layout else {}))
    env = repl.handle({"cmd": "import Mathlib"})["env"]
    return [(s, p) for s, p in pairs if "<;>" not in p and "|" not in p and tactic_mode_closes(repl, env, s, p)]
