"""The engine's declared Lean errors: each carries Lean's wording and the source span it blames.

They are *outcomes* (a proof step Lean would reject), reported to the client as Lean messages; any
other exception raised inside the engine is a bug (see :class:`leangym.errors.MiniLeanInternalError`).
"""

from __future__ import annotations

from typing import Protocol


class Span(Protocol):
    """A piece of surface syntax (a term or a tactic) with its source offsets."""

    start: int
    end: int


class ParseError(Exception):
    """A syntax error at a source offset, with Lean's wording."""

    def __init__(self, msg: str, start: int, end: int | None = None):
        super().__init__(msg)
        self.msg = msg
        self.start = start
        self.end = start if end is None else end


class ElabError(Exception):
    """An elaboration error with Lean's wording, located at a surface span."""

    def __init__(self, msg: str, syn: Span | None = None):
        super().__init__(msg)
        self.msg = msg
        self.syn = syn


class UnknownIdentifier(ElabError):
    """``Unknown identifier `name```: carries the name, which a theorem's header may auto-bind."""

    def __init__(self, name: str, syn: Span | None = None):
        super().__init__(f"Unknown identifier `{name}`", syn)
        self.name = name


class TacticError(Exception):
    """A tactic failed; ``start``/``end`` are offsets of the failing syntax in the source."""

    def __init__(self, msg: str, start: int = 0, end: int = 0):
        super().__init__(msg)
        self.msg = msg
        self.start = start
        self.end = end


class LogicError(Exception):
    """A goal transformation refused a goal outside what MiniLean can do (e.g. dependent induction)."""
