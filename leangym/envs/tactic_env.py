"""Tactic-by-tactic theorem proving as a Gymnasium environment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from leangym.backend.api import Backend, LeanError, ProofClosed, ProofState, Verdict
from leangym.charset import ACTION_MAX_LENGTH
from leangym.envs.base import LeanEnvBase
from leangym.envs.registration import DEFAULT_MAX_STEPS
from leangym.envs.resolve import Resolved
from leangym.errors import ConfigError, EngineError, ReplError, StateLost, own_message
from leangym.goals import parse_goals
from leangym.problems import Problem


class LeanTacticEnv(LeanEnvBase):
    """
    ## Description
    Prove a Lean 4 theorem one tactic at a time. Each episode starts one problem (a theorem statement);
    the agent sends tactics, Lean (real Lean or the embedded MiniLean engine) runs each on the current
    proof state, and the episode ends when the proof is closed and re-verified from source.

    ## Action Space
    `Text(max_length=4096)` over leangym's Lean character set (`leangym.charset.LEAN_CHARSET`): one tactic,
    or several separated by newlines or `;` (e.g. `intro h`, `exact ⟨hp, hq⟩`, `constructor <;> assumption`).
    Anything else (random characters, an empty string, a command such as `#eval`) is an error reported in
    `info["error"]`; a step never raises on a bad action.

    ## Observation Space
    `Text(max_length=16384)`: the goals as Lean pretty-prints them, hypotheses then `⊢ goal`, several goals
    separated by a blank line; `"no goals"` once the proof is closed. Characters outside the charset become
    `?` and overlong texts are cut (neither happens on the bundled benchmarks).

    ## Rewards
    `1.0` on the step whose tactic closes the proof *and* whose whole proof re-checks from source
    (`backend.verify`: no errors, no `sorry`, standard axioms only, statement unchanged); `0.0` otherwise.

    ## Starting State
    `reset(options={"problem": id})` starts a problem of the env; `reset(options={"statement": "theorem
    t (p : Prop) (hp : p) : p"})` (optionally with `"header"`) any statement; otherwise a problem is drawn
    with `self.np_random`, so `reset(seed=s)` fixes the sequence of problems.

    ## Episode End
    - Termination: the proof is closed and verified (reward 1).
    - Truncation: `max_steps` tactics were sent (failed tactics count), or the proof state was lost to a
      restarted worker and replaying the proof failed (`info["error"]` says so).
    A step after termination (or after the state was lost) sends nothing to Lean: it returns the episode's
    last observation again (`"no goals"` after a proof), reward `0.0`, the same `terminated`/`truncated`,
    and `info["error"]` saying to call `reset()`.

    ## Info
    `problem_id`, `goals` (list of goal strings), `parsed_goals` (per goal: `{"case", "hypotheses": [{"name",
    "type", "value"}, ...], "target"}`, parsed by `leangym.goals`; grouped names `x y : ℕ` give one entry
    each), `proof` (tactics accepted so far), `error` (Lean's message for a failed tactic, verbatim; a
    message of leangym's own, such as a refused action, a timeout or an engine bug, starts with
    `leangym: `; else `None`), `replayed` (True when the backend rebuilt the state by replaying the
    proof on a restarted worker, after a timeout, crash or recycling; the episode goes on), `verified`
    (True on the closing step), `state` (the backend's `ProofState` handle), `engine_error` (the message
    when the engine itself failed on this step, a bug that is not Lean's verdict: the tactic is not
    applied, no reward is paid and `error` reads `leangym: engine error: ...`; else `None`), `engine_errors` (engine
    failures met by this env so far).

    ## Arguments
    - `problems`: list of `leangym.Problem`; default: MiniLean's generated mixture (or `suite=` family).
    - `suite`: a MiniLean family name (or `"mixture"`) to generate problems from, instead of `problems`.
    - `backend`: `"auto"` (real Lean where found, else MiniLean on the problems inside its fragment),
      `"lean"`, `"minilean"`, or a `Backend` instance shared with other envs (not closed by this env).
    - `repl_command`: the REPL executable to run (list of strings); default MiniLean's / the Lean REPL.
    - `timeout`: seconds per tactic (a tactic that runs longer is an error; the state is kept).
    - `max_steps`: tactics per episode before truncation, or `None` (registered ids leave this to
      Gymnasium's `TimeLimit`, `max_episode_steps=50`).
    - `render_mode`: `None` or `"ansi"` (goals and proof so far as text).
    - `fragment_filter`: with MiniLean, keep only the problems inside its fragment (default); `False` for
      problem lists already filtered. (A `Backend` instance is never filtered: its caller chose the problems.)

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
        timeout: float = 10.0,
        max_steps: int | None = DEFAULT_MAX_STEPS,
        render_mode: str | None = None,
        dataset: str | None = None,
        workers: int = 1,
        backend_options: dict[str, Any] | None = None,
        fragment_filter: bool = True,
    ) -> None:
        if max_steps is not None and max_steps < 1:
            raise ConfigError(f"max_steps must be a positive integer or None, got {max_steps}")
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
        self.max_steps = max_steps
        self.state: ProofState | None = None
        self.proof: list[str] = []
        self._steps = 0
        self._ended: tuple[str, bool, bool, bool] | None = None  # (obs, terminated, truncated, verified) once over
        self._last_error: str | None = None

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
        super().reset(seed=seed)
        self.state = self._start_episode(options)
        self.proof = []
        self._steps = 0
        self._ended = None
        self._last_error = None
        return self._observation(self.state.text), self._info(error=None)

    def step(self, action: str) -> tuple[str, float, bool, bool, dict[str, Any]]:
        if self.state is None:
            raise ConfigError("call reset() before step()")
        if self._ended is not None:
            return self._after_end()
        self._steps += 1
        reward, terminated, replayed, verified, lost = 0.0, False, False, False, False
        engine_error: str | None = None
        error = self._precheck(action)
        if error is None:
            outcome: ProofState | ProofClosed | LeanError | None
            try:
                outcome = self.backend.run_tactic(self.state, action, timeout=self.timeout)
            except EngineError as exc:
                engine_error = self._engine_failure(exc)
                error, outcome = own_message(f"engine error: {engine_error}"), None
            except (ReplError, StateLost) as exc:
                # The worker restarted and replaying the proof on a fresh one failed: the episode cannot go on.
                outcome = LeanError(own_message(f"state lost ({type(exc).__name__}): {exc}"), self.state)
                lost = True
            replayed = bool(getattr(outcome, "replayed", False))
            if isinstance(outcome, ProofState):
                self.state = outcome
                self.proof.append(action)
            elif isinstance(outcome, ProofClosed):
                try:
                    verdict = self.backend.verify(self.problem, [*self.proof, action], timeout=self.timeout)
                except EngineError as exc:
                    engine_error = self._engine_failure(exc)
                    verdict = Verdict(False, own_message(f"engine error: {engine_error}"))
                except (ReplError, StateLost) as exc:
                    verdict = Verdict(False, own_message(f"{type(exc).__name__}: {exc}"))
                if verdict.ok:
                    self.proof.append(action)
                    reward, terminated, verified = 1.0, True, True
                else:
                    reason = verdict.reason.removeprefix("leangym: ")
                    error = own_message(f"the goals closed but the proof failed verification: {reason}")
            elif outcome is not None:
                error = outcome.message
        self._last_error = error
        truncated = not terminated and (
            (self.max_steps is not None and self._steps >= self.max_steps) or lost
        )
        text = "no goals" if verified else self.state.text
        info = self._info(error=error, replayed=replayed, verified=verified, engine_error=engine_error)
        if terminated or lost:
            self._ended = (self._observation(text), terminated, truncated, verified)
        return self._observation(text), reward, terminated, truncated, info

    def _after_end(self) -> tuple[str, float, bool, bool, dict[str, Any]]:
        """A step after the proof closed (or its state was lost): the episode's last observation again,
        no reward, the same end flags, and ``info["error"]`` saying to reset. Nothing reaches the backend."""
        assert self._ended is not None
        obs, terminated, truncated, closed = self._ended
        error = own_message("the episode is over (proof closed or state lost); call reset() to start a new one")
        return obs, 0.0, terminated, truncated, self._info(error=error, closed=closed)

    @staticmethod
    def _precheck(action: Any) -> str | None:
        """A reason to refuse the action before it reaches Lean, or None."""
        if not isinstance(action, str):
            return own_message(f"action rejected: expected a tactic string, got {type(action).__name__}")
        if not action.strip():
            return own_message("action rejected: empty tactic")
        if len(action) > ACTION_MAX_LENGTH:
            return own_message(f"action rejected: tactic too long: {len(action)} characters, at most {ACTION_MAX_LENGTH}")
        return None

    def _info(
        self,
        *,
        error: str | None,
        replayed: bool = False,
        verified: bool = False,
        engine_error: str | None = None,
        closed: bool = False,
    ) -> dict[str, Any]:
        assert self.problem is not None and self.state is not None
        goals = [] if verified or closed else list(self.state.goals)
        return {
            "problem_id": self.problem.id,
            "goals": goals,
            "parsed_goals": [g.to_dict() for g in parse_goals(goals)],
            "proof": list(self.proof),
            "error": error,
            "replayed": replayed,
            "verified": verified,
            "state": self.state,
            "engine_error": engine_error,
            "engine_errors": self.engine_errors,
        }

    def _render_text(self) -> str:
        if self.problem is None or self.state is None:
            return "(call reset() first)\n"
        lines = [f"== {self.problem.id}  step {self._steps}", self.problem.statement, ""]
        lines += ["proof so far:", *("  " + t for t in self.proof)] if self.proof else ["proof so far: (none)"]
        lines += ["", "goals:", "no goals" if self._ended is not None and self._ended[3] else self.state.text]
        if self._last_error:
            lines += ["", f"error: {self._last_error}"]
        return "\n".join(lines) + "\n"
