"""Exceptions raised by leangym.

Lean *outcomes* (a tactic failed, the proof closed, goals remain) are values, see
:mod:`leangym.backend.api`. Exceptions are for *infrastructure* failures: a process that will not
start, a request that timed out, bad user input to a constructor, and a bug in the engine itself
(:class:`EngineError`), which is never presented as a Lean error.
"""

from __future__ import annotations

MESSAGE_PREFIX = "leangym: "
"""Starts every message that leangym writes itself (a refused action, a timeout, an engine bug, a failed
verification) into a ``LeanError``, a ``Verdict`` or an environment's ``info["error"]``. Lean's own
messages are passed on verbatim, so one ``startswith(MESSAGE_PREFIX)`` tells the two apart."""


def own_message(text: str) -> str:
    """``text`` as a message of leangym's own: ``"leangym: " + text`` (unchanged if already prefixed)."""
    return text if text.startswith(MESSAGE_PREFIX) else MESSAGE_PREFIX + text


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


class EngineError(LeanGymError):
    """The proof engine hit a bug of its own: a failure that is not Lean's verdict on the input."""

    REPLY_KEY = "internalError"
    """Top-level key of the REPL reply that reports an engine bug; the real Lean REPL never emits it."""

    def __init__(self, message: str, *, error_type: str = "", request: object = None) -> None:
        super().__init__(message)
        self.error_type = error_type
        self.request = request

    def to_reply(self) -> dict:
        """The REPL reply reporting this failure: ``{"internalError": {"type", "message", "input"}}``."""
        return {self.REPLY_KEY: {"type": self.error_type, "message": str(self), "input": self.request}}

    @classmethod
    def from_reply(cls, reply: dict, request: object = None) -> EngineError | None:
        """The failure a REPL reply reports under :attr:`REPLY_KEY`, or None for any other reply."""
        if cls.REPLY_KEY not in reply:
            return None
        body = reply[cls.REPLY_KEY]
        if not isinstance(body, dict):
            body = {"message": str(body)}
        return cls(str(body.get("message", "")), error_type=str(body.get("type", "")),
                   request=body.get("input", request) if request is None else request)


class MiniLeanInternalError(EngineError):
    """MiniLean raised an exception that is not one of its declared Lean errors: a MiniLean bug."""
