"""Which real statements lie inside MiniLean's fragment, and the miniF2F-Lite problem set.

``parses`` answers whether MiniLean can state a theorem (parse and elaborate it); a problem that
parses can be attempted with ``backend="minilean"``. ``minif2f_lite`` keeps the miniF2F problems
that parse, with Lean's printed initial goal (the ``goal`` field) in ``meta`` for comparison.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from leangym.errors import DataError
from leangym.minilean.commands import elaborate_statement
from leangym.minilean.core.errors import ElabError, ParseError
from leangym.problems import Problem, normalize_statement


def _mathlib(header: str) -> bool:
    return "import Mathlib" in header or not header.strip()


@lru_cache(maxsize=8192)
def _initial_goal(statement: str, mathlib: bool) -> str | None:
    try:
        return elaborate_statement(statement, mathlib).pretty(mathlib)
    except (ParseError, ElabError, RecursionError):
        return None


def parses(statement: str, header: str = "") -> bool:
    """Whether ``statement`` (``theorem NAME BINDERS : GOAL``, optionally ending in ``:= by``) is
    inside MiniLean's fragment. ``header`` (imports/opens) only selects Mathlib notation."""
    return _initial_goal(normalize_statement(statement), _mathlib(header)) is not None


def initial_goal(statement: str, header: str = "") -> str | None:
    """The initial goal as MiniLean prints it (None outside the fragment)."""
    return _initial_goal(normalize_statement(statement), _mathlib(header))


def minif2f_lite(path: str | Path) -> list[Problem]:
    """The miniF2F problems (DeepSeek-Prover JSONL: ``name``, ``split``, ``header``,
    ``formal_statement``, ``goal``, ``informal_prefix``) whose statements MiniLean parses."""
    path = Path(path)
    if not path.is_file():
        raise DataError(
            f"miniF2F file not found: {path}. Expected the DeepSeek-Prover JSONL "
            "(e.g. ../shared/data/minif2f/minif2f.jsonl); pass its path."
        )
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            stmt = normalize_statement(rec["formal_statement"])
            header = rec.get("header", "")
            if not parses(stmt, header):
                continue
            out.append(
                Problem(
                    id=rec["name"],
                    statement=stmt,
                    header=header,
                    split=rec.get("split"),
                    source="minif2f-lite",
                    informal=rec.get("informal_prefix"),
                    meta={"goal": rec.get("goal")},
                )
            )
    return out
