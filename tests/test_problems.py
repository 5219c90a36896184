"""`Problem.name` is the one theorem-name parser; every other module uses it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from leangym import store
from leangym.datasets import record_to_problem
from leangym.problems import Problem, locate_theorem, theorem_name

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("theorem mathd_algebra_10 (x : ℝ) : x = x", "mathd_algebra_10"),
        ("theorem foo(x : ℕ) : x = x", "foo"),
        ("theorem foo{x : ℕ} : x = x", "foo"),
        ("theorem foo:True", "foo"),
        ("lemma Nat.bar ⦃x : ℕ⦄ : x = x", "Nat.bar"),
        ("@[simp] private theorem baz : True", "baz"),
        ("theorem «my thm» : True", "«my thm»"),
        ("import Mathlib\n-- a comment\ntheorem later : True", "later"),
        ("example : True", None),
        ("def f : ℕ := 1", None),
    ],
)
def test_theorem_name(source, name):
    assert theorem_name(source) == name
    assert Problem("id", source).name == name
    assert store.theorem_name is theorem_name  # re-exported, not a second parser


def test_records_and_reset_statements_use_the_same_parser():
    p = record_to_problem({"formal_statement": "import Mathlib\ntheorem foo(x : ℕ) : x = x := by sorry"}, source="t")
    assert p is not None and p.id == "foo" and p.header == "import Mathlib" and p.statement.startswith("theorem foo(")
    assert locate_theorem(p.statement) == (0, "foo")


def test_no_other_module_parses_theorem_names():
    pattern = re.compile(r"\(\?:theorem\|lemma\)|in \(\"theorem\", \"lemma\"\)")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "leangym").rglob("*.py")
        if "minilean" not in path.parts and path.name != "problems.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, offenders
