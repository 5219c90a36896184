"""Exceptions raised by leangym.

Lean *outcomes* (a tactic failed, the proof closed, goals remain) are values, see
:mod:`leangym.backend.api`. Exceptions are for *infrastructure* failures: a process that will not
start, a request that timed out, bad user input to a constructor.
"""

from __future__ import annotations


class LeanGymError(Exception):
    """Root of every exception leangym raises."""


class ConfigError(LeanGymError, ValueError):
    """A user-supplied argument or configuration value is invalid."""


class DataError(LeanGymError):
    """A dataset file or cache is missing or malformed."""


class BackendUnavailable(LeanGymError):
    """The requested engine (real Lean, a REPL executable) is not installed or cannot start."""


class ReplError(LeanGymError):
    """A REPL process misbehaved: it crashed, printed garbage, or broke the protocol."""


class ReplTimeout(ReplError):
    """A REPL request did not answer within its timeout; the process was killed."""


class ReplCrashed(ReplError):
    """A REPL process exited while a request was outstanding."""


class ProtocolError(ReplError):
    """A REPL process wrote something that is not a well-formed JSON response."""


class StateLost(LeanGymError):
    """A proof-state handle refers to a process that restarted and it could not be rebuilt."""


class ActionRejected(LeanGymError):
    """A tactic action was refused before reaching Lean (it leaves tactic mode or is too long)."""


class ReplMemoryExceeded(ReplCrashed):
    """A REPL process passed its resident-memory cap and was killed."""
