"""The process layer: talking to anything that speaks the Lean REPL JSON protocol.

:class:`ReplProcess` runs an executable over pipes with deadlines, a memory cap and restarts;
:class:`InProcessRepl` offers the same interface over an in-process handler (MiniLean). The backend
(:mod:`leangym.backend`) builds proof states, pools and verification on top of these.
"""

from __future__ import annotations

from leangym.repl.inprocess import InProcessRepl
from leangym.repl.process import ReplProcess

__all__ = ["InProcessRepl", "ReplProcess"]
