"""The backend on real Lean 4 + Mathlib (the workspace `leangym setup` builds). Skipped where `leangym doctor`
finds no real Lean; the same calls run on MiniLean in ``test_minilean_backend.py`` and on recorded real-Lean
replies in the replay tests."""

from __future__ import annotations

import pytest

from leangym.backend import make_backend
from leangym.backend.api import LeanError, ProofClosed, ProofState
from leangym.backend.lean_setup import find_real_lean
from leangym.problems import Problem

INSTALL = find_real_lean()
pytestmark = [
    pytest.mark.lean,
    pytest.mark.skipif(bool(INSTALL.missing), reason=f"real Lean not installed (missing: {', '.join(INSTALL.missing)}); run `leangym setup`"),
    pytest.mark.timeout(900),
]

PROBLEM = Problem(
    id="real_lean_smoke",
    statement="theorem real_lean_smoke (x : ℕ) (h : 2 ≤ x) : x ^ 2 ≥ 4",
    header="import Mathlib\n",
)


def test_real_lean_proves_verifies_and_rejects_sorry():
    with make_backend("lean", timeout=600) as backend:
        root = backend.start(PROBLEM)
        assert isinstance(root, ProofState) and root.goals == ("x : ℕ\nh : 2 ≤ x\n⊢ x ^ 2 ≥ 4",)
        assert isinstance(backend.run_tactic(root, "exact h_missing"), LeanError)
        closed = backend.run_tactic(root, "nlinarith [h]")
        assert isinstance(closed, ProofClosed)
        assert backend.verify(PROBLEM, closed.tactics).ok
        assert not backend.verify(PROBLEM, ["sorry"]).ok
