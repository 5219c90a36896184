"""Whole-proof, tool-integrated theorem proving (as in StepFun-Prover): write a proof, read Lean's feedback."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from leangym.backend.api import Backend, Message
from leangym.charset import ACTION_MAX_LENGTH
from leangym.envs.base import LeanEnvBase
from leangym.envs.resolve import Resolved
from leangym.errors import ConfigError, EngineError, LeanGymError, own_message
from leangym.problems import Problem

DEFAULT_MAX_ATTEMPTS = 4
"""Proof attempts per episode before truncation (also the registered ``max_episode_steps`` in this mode)."""


def proof_body(action: str) -> str:
    """The tactic block of a proof attempt: a leading ``by`` / ``:= by`` is dropped and the block dedented."""
    text = action.strip("\n").rstrip()
    head = text.lstrip()
    for prefix in (":= by", "by"):
        if head == prefix or head.startswith((prefix + "\n", prefix + " ")):
            first, _, rest = head[len(prefix) :].partition("\n")
            text = first.strip() + ("\n" + rest if rest else "") if first.strip() else rest
            break
    return textwrap.dedent(text).strip("\n")


def format_feedback(messages: Sequence[Message], line_offset: int, reason: str) -> str:
    """Lean's messages with line/column relative to the proof (line 1 = first tactic line).

    Errors whose text holds goals ("unsolved goals ...") show them as Lean prints them, so the agent sees
    what is left to prove.
    """
    out = []
    for m in messages:
        if m.severity == "info":
            continue
        where = ""
        if m.pos is not None:
            # Problem.with_proof indents every proof line by two spaces; columns count from the action's text.
            where = f"line {max(m.pos.line - line_offset, 0)}, column {max(m.pos.column - 2, 0)}: "
        out.append(f"{where}{m.severity}: {m.data}")
    if not out:
        out.append(f"error: {reason}")
    return "\n\n".join(out)


class LeanProofEnv(LeanEnvBase):
    """
    ## Description
    Whole-proof, tool-integrated proving: each action is a complete tactic proof of the episode's theorem;
    Lean checks it and its feedback (errors with line and column, the goals left unsolved) becomes the next
    observation, so the agent can revise its proof over several attempts.

    ## Action Space
    `Text(max_length=4096)` over `leangym.charset.LEAN_CHARSET`: the proof's tactic block, lines separated
    by newlines, with or without a leading `by`. Line 1 of the feedback is its first line.

    ## Observation Space
    `Text(max_length=16384)`. At reset: the theorem statement, a blank line, then its goals as Lean prints
    them. After an attempt: Lean's messages, one per paragraph, as `line L, column C: error: TEXT`; for an
    unfinished proof the text of the `unsolved goals` error lists the goals left.

    ## Rewards
    `1.0` when the attempt verifies (`backend.verify`: no errors, no `sorry`, standard axioms only,
    statement unchanged); `0.0` otherwise.

    ## Starting State
    As `LeanTacticEnv`: `options={"problem": id}`, `options={"statement": ...}`, or a problem drawn with
    `self.np_random`.

    ## Episode End
    - Termination: an attempt verifies (reward 1).
    - Truncation: `max_attempts` attempts failed.
    A step after termination checks nothing: it returns `"proof verified"` again, reward `0.0`,
    `terminated=True`, and `info["error"]` saying to call `reset()`.

    ## Info
    `problem_id`, `attempt` (attempts so far), `error` (the feedback text of a failed attempt, else `None`),
    `messages` (Lean's `Message` values), `verified`, `proof` (the verified proof, else the last attempt),
    `engine_error` (the message when the engine itself failed on this attempt, a bug that is not Lean's
    verdict: no reward, `error` reads `leangym: engine error: ...`; else `None`), `engine_errors` (engine failures met
    by this env so far).

    ## Arguments
    `problems`, `suite`, `backend`, `repl_command`, `timeout` (seconds per check), `render_mode` as in
    `LeanTacticEnv`; `max_attempts` (default 4, or `None` to leave truncation to `TimeLimit`).

    ## Version History
    - v0: initial version.
    """

    def __init__(
        self,
        problems: Sequence[Problem] | None = None,
        *,
        suite: str | None = None,
        backend: str | Backend | Resolved = "auto",
        repl_command: Sequence[str] | None = None,
        timeout: float = 30.0,
        max_attempts: int | None = DEFAULT_MAX_ATTEMPTS,
        render_mode: str | None = None,
        dataset: str | None = None,
        workers: int = 1,
        backend_options: dict[str, Any] | None = None,
        fragment_filter: bool = True,
    ) -> None:
        if max_attempts is not None and max_attempts < 1:
            raise ConfigError(f"max_attempts must be a positive integer or None, got {max_attempts}")
        super().__init__(
            problems,
            suite=suite,
            backend=backend,
            repl_command=repl_command,
            timeout=timeout,
            render_mode=render_mode,
            dataset=dataset,
            workers=workers,
            backend_options=backend_options,
            fragment_filter=fragment_filter,
        )
        self.max_attempts = max_attempts
        self._attempt = 0
        self._feedback = ""
        self._last_proof = ""
        self._done = False

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
        super().reset(seed=seed)
        root = self._start_episode(options)
        assert self.problem is not None
        self._attempt = 0
        self._done = False
        self._last_proof = ""
        self._feedback = f"{self.problem.statement}\n\n{root.text}"
        return self._observation(self._feedback), self._info(None, (), False)

    def step(self, action: str) -> tuple[str, float, bool, bool, dict[str, Any]]:
        if self.problem is None:
            raise ConfigError("call reset() before step()")
        if self._done:
            error = own_message("the proof is already verified; call reset() to start a new episode")
            return self._observation(self._feedback), 0.0, True, False, self._info(error, (), False)
        self._attempt += 1
        messages: tuple[Message, ...] = ()
        verified = False
        engine_error: str | None = None
        if not isinstance(action, str) or not action.strip():
            error = own_message("action rejected: expected a non-empty proof (a tactic block)")
        elif len(action) > ACTION_MAX_LENGTH:
            error = own_message(f"action rejected: proof too long: {len(action)} characters, at most {ACTION_MAX_LENGTH}")
        else:
            body = proof_body(action)
            self._last_proof = body
            try:
                verdict = self.backend.verify(self.problem, [body], timeout=self.timeout)
            except EngineError as exc:
                engine_error = self._engine_failure(exc)
                error = own_message(f"engine error: {engine_error}")
            except LeanGymError as exc:
                error = own_message(f"{type(exc).__name__}: {exc}")
            else:
                messages = verdict.messages
                verified = verdict.ok
                # Lean counts lines from the command (statement, ":= by", proof); the header was
                # elaborated separately. Report them relative to the proof's first line.
                offset = self.problem.proof_command([""]).count("\n")
                error = None if verified else format_feedback(messages, offset, verdict.reason)
        self._done = verified
        self._feedback = "proof verified" if verified else (error or "")
        truncated = not verified and self.max_attempts is not None and self._attempt >= self.max_attempts
        info = self._info(error, messages, verified, engine_error)
        return self._observation(self._feedback), float(verified), verified, truncated, info

    def _info(
        self, error: str | None, messages: tuple[Message, ...], verified: bool, engine_error: str | None = None
    ) -> dict[str, Any]:
        assert self.problem is not None
        return {
            "problem_id": self.problem.id,
            "attempt": self._attempt,
            "error": error,
            "messages": messages,
            "verified": verified,
            "proof": self._last_proof,
            "engine_error": engine_error,
            "engine_errors": self.engine_errors,
        }

    def _render_text(self) -> str:
        if self.problem is None:
            return "(call reset() first)\n"
        head = f"== {self.problem.id}  attempt {self._attempt}/{self.max_attempts or '∞'}"
        body = f"{self.problem.statement} := by\n" + "\n".join("  " + ln for ln in self._last_proof.splitlines())
        return f"{head}\n{body}\n\nfeedback:\n{self._feedback}\n"
