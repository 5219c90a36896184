"""The one tactic registry: every tactic is registered once, with its argument parser and its executor.

A group module (:mod:`.structural`, :mod:`.logic`, :mod:`.rewriting`, :mod:`.arithmetic`,
:mod:`.closers`) registers its tactics when imported; the tactic parser
(:mod:`leangym.minilean.syntax.terms`) asks :func:`lookup` for a name's argument parser and the
interpreter (:mod:`leangym.minilean.interpreter`) for its executor. A name registered nowhere is
Lean's ``unknown tactic``, when parsed and when run.

This module imports nothing from the engine, so the parser, the groups and the interpreter can all
sit above it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ArgParser = Callable[[Any, str, int], dict]
"""``(parser, tactic name, block column) -> the tactic's arguments``; the name is already consumed."""
Executor = Callable[[Any, Any, Any], Any]
"""``(interpreter, tactic, state) -> new state``; raises ``TacticError`` when the tactic fails."""


@dataclass(frozen=True)
class Tactic:
    """One registered tactic (all its spellings share the record)."""

    names: tuple[str, ...]
    group: str
    parse: ArgParser | None
    """``None``: the node is built by the layout parser (``seq``, ``paren``, ``<;>``, ``·``, ``{}``)."""
    run: Executor | None
    """``None``: Lean's tactic, parsed so that proofs using it read, but not run (``unknown tactic``)."""


TACTICS: dict[str, Tactic] = {}


def register(*names: str, group: str, parse: ArgParser | None, run: Executor | None) -> Tactic:
    """Register ``names`` once; a second registration of a name is an engine bug."""
    entry = Tactic(names, group, parse, run)
    for name in names:
        if name in TACTICS:
            raise ValueError(f"tactic {name!r} is registered twice: in {TACTICS[name].group} and in {group}")
        TACTICS[name] = entry
    return entry


def tactic(*names: str, group: str, parse: ArgParser | None) -> Callable[[Executor], Executor]:
    """Decorator form of :func:`register` for an executor."""

    def deco(run: Executor) -> Executor:
        register(*names, group=group, parse=parse, run=run)
        return run

    return deco


def lookup(name: str) -> Tactic | None:
    return TACTICS.get(name)
