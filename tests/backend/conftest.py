"""Fixtures for backend tests: the fault-injecting toy REPL, replay REPLs, MiniLean problems."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from leangym.problems import Problem

FAULTY = str(Path(__file__).resolve().parent.parent / "repl" / "faulty_repl.py")


def faulty_command(mode: str = "ok") -> list[str]:
    return [sys.executable, FAULTY, mode]


AND = Problem("and_intro", "theorem and_intro (p q : Prop) (hp : p) (hq : q) : p ∧ q", header="import Mathlib\nopen Real\n")
AND_PROOF = ("constructor", "exact hp", "exact hq")
OR = Problem("or_comm", "theorem or_comm' (p q : Prop) (h : p ∨ q) : q ∨ p", header="import Mathlib\nopen Real\n")
OR_PROOF = ("rcases h with hp | hq", "· right; exact hp", "· left; exact hq")


@pytest.fixture
def problems() -> tuple[Problem, Problem]:
    return AND, OR
