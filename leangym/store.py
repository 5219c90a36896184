"""The proof store: one SQLite database (WAL) per run that never loses a verified proof.

A prover may run for days and be killed at any moment. Every verified proof is written in its own
transaction (``synchronous=FULL``) before search moves on, so a run restarted on the same file skips
what is solved (:meth:`ProofStore.solved_ids`) and keeps every proof found. The store also holds what
trainers need, derived from proofs and search trees: SFT examples (state → tactic, with the theorem
name and the proof so far, which some prompt formats read) and critic preference pairs (chosen ≻
rejected, TRL RewardTrainer's format), plus attempts and per-round metrics.

One :class:`ProofStore` object may be shared by threads (a lock serialises writes); several processes
may open the same file (SQLite's locking, with a busy timeout).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from leangym.policy.formats import Observation
from leangym.problems import Problem, theorem_name

_SCHEMA = """
CREATE TABLE IF NOT EXISTS problems (
    id TEXT PRIMARY KEY, statement TEXT NOT NULL, header TEXT NOT NULL, split TEXT, source TEXT
);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY, problem_id TEXT NOT NULL, round INTEGER NOT NULL, solved INTEGER NOT NULL,
    stats TEXT NOT NULL, created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS proofs (
    id INTEGER PRIMARY KEY, problem_id TEXT NOT NULL, round INTEGER NOT NULL, tactics TEXT NOT NULL,
    states TEXT NOT NULL, stats TEXT NOT NULL, created REAL NOT NULL, UNIQUE (problem_id, tactics)
);
CREATE TABLE IF NOT EXISTS critic_pairs (
    id INTEGER PRIMARY KEY, problem_id TEXT NOT NULL, round INTEGER NOT NULL, kind TEXT NOT NULL,
    chosen TEXT NOT NULL, rejected TEXT NOT NULL, UNIQUE (chosen, rejected)
);
CREATE TABLE IF NOT EXISTS metrics (
    round INTEGER NOT NULL, key TEXT NOT NULL, value REAL NOT NULL, created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS proofs_problem ON proofs (problem_id);
CREATE INDEX IF NOT EXISTS attempts_problem ON attempts (problem_id);
CREATE TABLE IF NOT EXISTS statements (
    key TEXT PRIMARY KEY, normalized TEXT NOT NULL, problem_id TEXT NOT NULL, origin TEXT NOT NULL,
    reason TEXT, reward REAL, pass_rate REAL, created REAL NOT NULL
);
"""

_PROBLEM_COLUMNS = {"generated": "INTEGER NOT NULL DEFAULT 0", "parent": "TEXT"}
"""Columns added to ``problems`` after the first release (self-play conjectures); a store written before
them gets them by ``ALTER TABLE`` on open (old rows read as ``generated = 0``, ``parent = NULL``)."""

_INSERT_PROBLEM = (
    "INSERT OR IGNORE INTO problems (id, statement, header, split, source, generated, parent) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _problem_row(p: Problem) -> tuple:
    return (p.id, p.statement, p.header, p.split, p.source, int(bool(p.meta.get("generated"))), p.meta.get("parent"))


@dataclass(frozen=True)
class KnownStatement:
    """A statement the store has seen, keyed by its alpha-normal form (see :mod:`leangym.envs.conjecture`).

    ``origin`` is ``"seed"``, ``"known"`` or ``"conjecture"``; for conjectures ``reason`` is the zero-reward
    code (None when rewarded), ``reward`` and ``pass_rate`` what the environment paid and measured.
    """

    key: str
    normalized: str
    problem_id: str
    origin: str
    reason: str | None = None
    reward: float | None = None
    pass_rate: float | None = None


@dataclass(frozen=True)
class StoredProof:
    """A verified proof: the tactic path and the goal text before each tactic (``states[i]`` → ``tactics[i]``)."""

    problem_id: str
    tactics: tuple[str, ...]
    states: tuple[str, ...]
    round: int = 0
    stats: dict | None = None


@dataclass(frozen=True)
class SFTExample:
    """One supervised step: in ``state`` (reached by ``proof_before`` in theorem ``name``), play ``tactic``."""

    problem_id: str
    name: str
    proof_before: tuple[str, ...]
    state: str
    tactic: str

    @property
    def observation(self) -> Observation:
        """What the policy saw: render it with the policy's format, ``fmt.sft_text(ex.observation, ex.tactic, eos)``."""
        return Observation(self.state, self.name, self.proof_before)


@dataclass(frozen=True)
class CriticPair:
    """A preference: state text ``chosen`` is closer to a proof than ``rejected`` (Bradley–Terry pair).

    ``kind`` says which rule produced it: ``"sibling"`` (on-path child ≻ off-path sibling),
    ``"progress"`` (later on-path state ≻ its ancestor), ``"root"`` (solved root ≻ unsolved root).
    """

    chosen: str
    rejected: str
    kind: str
    problem_id: str = ""


class ProofStore:
    """A SQLite proof store; use as a context manager or call :meth:`close`.

    ``ProofStore(":memory:")`` works for throwaway runs; anything worth keeping needs a file path.
    """

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed proof survives power loss too, not just a killed process.
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)  # idempotent (IF NOT EXISTS); executescript manages its own commit
        self._migrate()

    def _migrate(self) -> None:
        """Add the columns newer than the file (old stores stay readable and writable)."""
        with self._tx():
            have = {r[1] for r in self._db.execute("PRAGMA table_info(problems)")}
            for name, decl in _PROBLEM_COLUMNS.items():
                if name not in have:
                    self._db.execute(f"ALTER TABLE problems ADD COLUMN {name} {decl}")

    # -- plumbing --------------------------------------------------------------------------------
    def _tx(self):
        store = self

        class _Tx:
            def __enter__(self):
                store._lock.acquire()
                store._db.execute("BEGIN IMMEDIATE")

            def __exit__(self, exc_type, exc, tb):
                try:
                    store._db.execute("ROLLBACK" if exc_type else "COMMIT")
                finally:
                    store._lock.release()

        return _Tx()

    def _rows(self, sql: str, args: Sequence = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def close(self) -> None:
        """Close the connection (idempotent); every committed write is already on disk."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None  # type: ignore[assignment]

    def __enter__(self) -> ProofStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes ----------------------------------------------------------------------------------
    def add_problems(self, problems: Iterable[Problem]) -> None:
        """Record problems (idempotent) so proofs and SFT examples can name their theorem."""
        rows = [_problem_row(p) for p in problems]
        with self._tx():
            self._db.executemany(_INSERT_PROBLEM, rows)

    def add_proof(
        self,
        problem: Problem,
        tactics: Sequence[str],
        states: Sequence[str],
        *,
        round: int = 0,
        stats: dict | None = None,
    ) -> bool:
        """Commit one verified proof (and its problem) in one transaction; False if already stored.

        ``states[i]`` is the goal text in which ``tactics[i]`` was played; both have the same length.
        Call it only with proofs that passed ``backend.verify``: the store trusts its caller.
        """
        if len(states) != len(tactics):
            raise ValueError(
                f"states and tactics must have the same length (goal before each tactic), "
                f"got {len(states)} states for {len(tactics)} tactics"
            )
        with self._tx():
            self._db.execute(_INSERT_PROBLEM, _problem_row(problem))
            cur = self._db.execute(
                "INSERT OR IGNORE INTO proofs (problem_id, round, tactics, states, stats, created) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    problem.id,
                    round,
                    json.dumps(list(tactics)),
                    json.dumps(list(states)),
                    json.dumps(stats or {}),
                    time.time(),
                ),
            )
            return cur.rowcount == 1

    def add_attempt(
        self, problem_id: str, *, solved: bool, round: int = 0, stats: dict | None = None
    ) -> None:
        """Record one search attempt on a problem (solved or not) with its tree statistics."""
        with self._tx():
            self._db.execute(
                "INSERT INTO attempts (problem_id, round, solved, stats, created) VALUES (?, ?, ?, ?, ?)",
                (problem_id, round, int(solved), json.dumps(stats or {}), time.time()),
            )

    def add_critic_pairs(self, pairs: Iterable[CriticPair], *, round: int = 0) -> int:
        """Store preference pairs (duplicates ignored); returns how many were new."""
        rows = [(p.problem_id, round, p.kind, p.chosen, p.rejected) for p in pairs if p.chosen != p.rejected]
        with self._tx():
            before = self._db.total_changes
            self._db.executemany(
                "INSERT OR IGNORE INTO critic_pairs (problem_id, round, kind, chosen, rejected) VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            return self._db.total_changes - before

    def log_metrics(self, round: int, **metrics: float) -> None:
        """Record per-round numbers (solve rate, wall time, losses...) for plots and reports."""
        now = time.time()
        with self._tx():
            self._db.executemany(
                "INSERT INTO metrics VALUES (?, ?, ?, ?)",
                [(round, k, float(v), now) for k, v in metrics.items()],
            )

    # -- reads -----------------------------------------------------------------------------------
    def solved_ids(self) -> set[str]:
        """Ids of problems with at least one stored proof (what a resumed run skips)."""
        return {r[0] for r in self._rows("SELECT DISTINCT problem_id FROM proofs")}

    def problems(self, *, generated: bool | None = None) -> list[Problem]:
        """Recorded problems (statement and header as given), in insertion order.

        ``generated=True`` keeps only generated ones (self-play conjectures), ``False`` only the others.
        A generated problem has ``meta == {"generated": True, "parent": <seed problem id>}``.
        """
        sql = "SELECT id, statement, header, split, source, generated, parent FROM problems"
        rows = self._rows(sql + ("" if generated is None else " WHERE generated = ?") + " ORDER BY rowid",
                          () if generated is None else (int(generated),))  # fmt: skip
        return [
            Problem(id=r[0], statement=r[1], header=r[2], split=r[3], source=r[4],
                    meta={"generated": True, "parent": r[6]} if r[5] else {})  # fmt: skip
            for r in rows
        ]

    # -- known statements (novelty of self-play conjectures) ---------------------------------------
    def claim_statement(self, key: str, normalized: str, problem_id: str, *, origin: str) -> str | None:
        """Record ``key`` as known; None when it is new (this call claimed it), else the problem id that has it.

        Atomic across threads and processes, so two environments proposing the same statement at once
        cannot both find it new.
        """
        with self._tx():
            cur = self._db.execute(
                "INSERT OR IGNORE INTO statements (key, normalized, problem_id, origin, created) VALUES (?, ?, ?, ?, ?)",
                (key, normalized, problem_id, origin, time.time()),
            )
            if cur.rowcount == 1:
                return None
            return self._db.execute("SELECT problem_id FROM statements WHERE key = ?", (key,)).fetchone()[0]

    def record_conjecture(self, key: str, *, reason: str | None, reward: float, pass_rate: float | None) -> None:
        """Store the verdict on a claimed statement (its zero-reward code, the reward paid, the pass rate)."""
        with self._tx():
            self._db.execute(
                "UPDATE statements SET reason = ?, reward = ?, pass_rate = ? WHERE key = ?",
                (reason, float(reward), pass_rate, key),
            )

    def known_statements(self, *, origin: str | None = None) -> list[KnownStatement]:
        """Every known statement (or those of one origin), in the order they were first seen."""
        sql = "SELECT key, normalized, problem_id, origin, reason, reward, pass_rate FROM statements"
        rows = self._rows(sql + " WHERE origin = ? ORDER BY rowid", (origin,)) if origin else self._rows(sql + " ORDER BY rowid")
        return [KnownStatement(*r) for r in rows]

    def attempted_ids(self) -> set[str]:
        return {r[0] for r in self._rows("SELECT DISTINCT problem_id FROM attempts")}

    def proofs(self, problem_id: str | None = None) -> list[StoredProof]:
        """Stored proofs in insertion order, all or those of one problem."""
        sql = "SELECT problem_id, tactics, states, round, stats FROM proofs"
        rows = (
            self._rows(sql + " WHERE problem_id = ? ORDER BY id", (problem_id,))
            if problem_id
            else self._rows(sql + " ORDER BY id")
        )
        return [
            StoredProof(r[0], tuple(json.loads(r[1])), tuple(json.loads(r[2])), r[3], json.loads(r[4]))
            for r in rows
        ]

    def sft_examples(self, *, shortest_only: bool = True) -> list[SFTExample]:
        """(state → tactic) steps of stored proofs; by default only each problem's shortest proof."""
        names = dict(self._rows("SELECT id, statement FROM problems"))
        best: dict[str, StoredProof] = {}
        out: list[SFTExample] = []
        for p in self.proofs():
            if shortest_only:
                if p.problem_id not in best or len(p.tactics) < len(best[p.problem_id].tactics):
                    best[p.problem_id] = p
            else:
                out.extend(self._steps(p, names))
        for p in best.values():
            out.extend(self._steps(p, names))
        return out

    @staticmethod
    def _steps(p: StoredProof, names: dict[str, str]) -> list[SFTExample]:
        name = theorem_name(names.get(p.problem_id, "")) or "example"
        return [
            SFTExample(p.problem_id, name, p.tactics[:i], s, t)
            for i, (s, t) in enumerate(zip(p.states, p.tactics))
        ]

    def critic_pairs(self, *, round: int | None = None) -> list[CriticPair]:
        """Stored preference pairs (all rounds, or one)."""
        sql = "SELECT chosen, rejected, kind, problem_id FROM critic_pairs"
        rows = (
            self._rows(sql + " WHERE round = ? ORDER BY id", (round,))
            if round is not None
            else self._rows(sql + " ORDER BY id")
        )
        return [CriticPair(*r) for r in rows]

    def attempts(self, problem_id: str | None = None) -> list[dict]:
        sql = "SELECT problem_id, round, solved, stats FROM attempts"
        rows = (
            self._rows(sql + " WHERE problem_id = ? ORDER BY id", (problem_id,))
            if problem_id
            else self._rows(sql + " ORDER BY id")
        )
        return [{"problem_id": r[0], "round": r[1], "solved": bool(r[2]), **json.loads(r[3])} for r in rows]

    def metrics(self) -> dict[int, dict[str, float]]:
        """Per-round metrics, the last value logged for each key winning."""
        out: dict[int, dict[str, float]] = {}
        for rnd, key, value in self._rows("SELECT round, key, value FROM metrics ORDER BY rowid"):
            out.setdefault(rnd, {})[key] = value
        return out
