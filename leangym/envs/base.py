"""What the tactic-level and whole-proof environments share: problems, backend, episode start, rendering.

Both environments (and, through them, the vector environment, which only runs several of them on
threads) pick problems, start proofs and close their backend the same way; that logic lives here once.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Sequence
from typing import Any

import gymnasium as gym

from leangym.backend.api import Backend, LeanError, ProofState
from leangym.charset import ACTION_MAX_LENGTH, OBSERVATION_MAX_LENGTH, lean_text_space, to_observation
from leangym.envs.resolve import Resolved, resolve
from leangym.errors import ConfigError, DataError, EngineError, ReplError, StateLost
from leangym.problems import Problem, locate_theorem, normalize_statement

MAX_START_TRIES = 8
"""Sampled problems that fail to start (Lean rejects the statement) are skipped, up to this many."""


class LeanEnvBase(gym.Env[str, str]):
    """Shared base of :class:`LeanTacticEnv` and :class:`LeanProofEnv` (not registered on its own)."""

    metadata: dict[str, Any] = {"render_modes": ["ansi"], "render_fps": 4}

    def __init__(
        self,
        problems: Sequence[Problem] | None = None,
        *,
        suite: str | None = None,
        backend: str | Backend | Resolved = "auto",
        repl_command: Sequence[str] | None = None,
        timeout: float = 10.0,
        render_mode: str | None = None,
        dataset: str | None = None,
        workers: int = 1,
        backend_options: dict[str, Any] | None = None,
        fragment_filter: bool = True,
    ) -> None:
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ConfigError(f"render_mode must be None or one of {self.metadata['render_modes']}, got {render_mode!r}")
        if timeout <= 0:
            raise ConfigError(f"timeout must be > 0 seconds, got {timeout}")
        if problems is not None and suite is not None:
            raise ConfigError("pass either problems= or suite=, not both")
        if problems is None:
            from leangym.datasets import load_minilean_suite

            problems = load_minilean_suite(suite or "mixture")
            dataset = dataset or f"MiniLean {suite or 'mixture'}"
        self.render_mode = render_mode
        self.timeout = float(timeout)
        self._closed = False
        if isinstance(backend, Resolved):  # shared by a vector env, which owns and closes it
            self._resolved = dataclasses.replace(backend, owned=False)
        else:
            self._resolved = resolve(
                backend,
                list(problems),
                dataset=dataset or "given",
                repl_command=repl_command,
                timeout=timeout,
                workers=workers,
                backend_options=backend_options,
                filter_fragment=fragment_filter,
            )
        self.backend: Backend = self._resolved.backend
        self.problems: tuple[Problem, ...] = self._resolved.problems
        self._by_id = {p.id: p for p in self.problems}
        self._default_header = self.problems[0].header if self.problems else ""
        self.observation_space = lean_text_space(OBSERVATION_MAX_LENGTH)
        self.action_space = lean_text_space(ACTION_MAX_LENGTH, min_length=1)
        self.problem: Problem | None = None
        self.root: ProofState | None = None
        self.engine_errors = 0

    @property
    def engine(self) -> str:
        """The engine behind this env: "lean", "minilean", or the class name of a given backend."""
        return self._resolved.engine

    @property
    def backend_note(self) -> str:
        """Which engine serves this env and how many problems it kept (MiniLean keeps its fragment)."""
        return self._resolved.note

    # -- episode start -----------------------------------------------------------------------------

    def _problem_from_options(self, options: dict[str, Any]) -> Problem | None:
        unknown = set(options) - {"problem", "statement", "header"}
        if unknown:
            raise ConfigError(f"unknown reset option(s) {sorted(unknown)}; expected 'problem' (an id) or 'statement'")
        if "problem" in options:
            pid = options["problem"]
            if isinstance(pid, Problem):
                return pid
            if isinstance(pid, (list, tuple)):
                raise ConfigError(
                    f"options['problem'] is a list of {len(pid)}: one problem per sub-env is for the vector env of "
                    "gym.make_vec(id, num_envs=N) (its default vectorization mode); a single env takes one id"
                )
            if pid not in self._by_id:
                close = difflib.get_close_matches(str(pid), list(self._by_id), n=3)
                hint = f"; did you mean {close}?" if close else f" ({self.backend_note})"
                raise ConfigError(f"no problem with id {pid!r} in this environment{hint}")
            return self._by_id[pid]
        if "statement" in options:
            statement = normalize_statement(str(options["statement"]))
            located = locate_theorem(statement)
            if located is None or statement[: located[0]].strip():
                raise ConfigError(f"a statement must read 'theorem NAME BINDERS : GOAL', got {statement[:80]!r}")
            return Problem(located[1], statement, options.get("header", self._default_header), source="reset")
        return None

    def _start_episode(self, options: dict[str, Any] | None) -> ProofState:
        """Pick the episode's problem (from options, else sampled with ``self.np_random``) and start it."""
        chosen = self._problem_from_options(options or {})
        if chosen is not None:
            outcome = self._start(chosen)
            if isinstance(outcome, LeanError):
                raise ConfigError(f"Lean rejected the statement of {chosen.id!r}: {outcome.message}")
            return outcome
        if not self.problems:
            raise DataError("this environment has no problems; pass options={'statement': 'theorem ...'} to reset")
        errors = []
        for _ in range(MAX_START_TRIES):
            problem = self.problems[int(self.np_random.integers(len(self.problems)))]
            outcome = self._start(problem)
            if isinstance(outcome, ProofState):
                return outcome
            errors.append(f"{problem.id}: {outcome.message}")
        raise DataError(f"{MAX_START_TRIES} sampled problems failed to start; first errors: {errors[:3]}")

    def _start(self, problem: Problem) -> ProofState | LeanError:
        """Start ``problem``; an engine bug raises :class:`EngineError` (reset has no info to carry it)."""
        self.problem = problem
        try:
            outcome = self.backend.start(problem, timeout=self.timeout)
        except (ReplError, StateLost) as exc:
            return LeanError(f"{type(exc).__name__}: {exc}")
        if isinstance(outcome, ProofState):
            self.root = outcome
        return outcome

    def _engine_failure(self, exc: EngineError) -> str:
        """Count an engine bug met by a step (reported in ``info``, never rewarded); its message."""
        self.engine_errors += 1
        return str(exc)

    # -- rendering and cleanup ---------------------------------------------------------------------

    def _observation(self, text: str) -> str:
        return to_observation(text)

    def _render_text(self) -> str:
        raise NotImplementedError

    def render(self) -> str | None:
        """With ``render_mode="ansi"``: the problem, the goals (or feedback) and the proof so far."""
        if self.render_mode != "ansi":
            return None
        return self._render_text()

    def close(self) -> None:
        """Release the backend if this env created it; safe to call any number of times."""
        if self._closed:
            return
        self._closed = True
        if getattr(self, "_resolved", None) is not None and self._resolved.owned:
            self.backend.close()
        super().close()
