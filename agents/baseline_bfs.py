"""Breadth-first proof search over the candidate generator's tactics: the baseline every learned agent must beat.

No learning: from each proof state it tries every tactic of ``leangym.search.candidates.CandidateGenerator``
(closing and structural tactics plus tactics built from the hypothesis names in the goal: ``exact h``,
``obtain ⟨h1, h2⟩ := h``, ...), breadth first, deduplicating states by their goal text. Found proofs are
re-verified by the backend before they count. Problems are chosen with the agents' flags (a MiniLean family,
``--env-id`` or ``--problems``); the held-out split is searched by default, as the agents are scored.
(``leangym eval --mode generator_uniform`` is the same search at a budget of k tactics per expansion.)

    python -m agents.baseline_bfs --family propositional --num-eval 20
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field

from agents.common import ProblemArgs, select_problems
from leangym.backend.api import Backend, LeanError, ProofClosed, ProofState
from leangym.config import describe, option, parse
from leangym.errors import ConfigError
from leangym.problems import Problem
from leangym.search.candidates import CandidateGenerator


@dataclass
class BFSConfig:
    max_expansions: int = option(200, "proof states expanded per problem before giving up")
    max_depth: int = option(10, "longest tactic path tried")
    timeout: float = option(5.0, "seconds per tactic")


@dataclass
class Args(ProblemArgs, BFSConfig):
    seed: int = option(0, "seed of the problem split")
    split: str = option("heldout", "which split to search: 'heldout' or 'train'")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.split not in ("heldout", "train"):
            raise ConfigError(f"split must be 'heldout' or 'train', got {self.split!r}")


@dataclass
class BFSResult:
    problem: Problem
    proof: tuple[str, ...] | None
    expansions: int
    tactic_calls: int
    seconds: float
    errors: list[str] = field(default_factory=list)

    @property
    def solved(self) -> bool:
        return self.proof is not None


def bfs(backend: Backend, problem: Problem, config: BFSConfig) -> BFSResult:
    """Search ``problem`` breadth first; return the first verified proof found, if any."""
    t0 = time.perf_counter()
    root = backend.start(problem, timeout=config.timeout)
    if isinstance(root, LeanError):
        return BFSResult(problem, None, 0, 0, time.perf_counter() - t0, [root.message])
    generator = CandidateGenerator()
    queue: deque[ProofState] = deque([root])
    seen = {root.text}
    expansions = calls = 0
    while queue and expansions < config.max_expansions:
        state = queue.popleft()
        expansions += 1
        if len(state.tactics) >= config.max_depth:
            continue
        for tactic in generator(state.text):
            calls += 1
            outcome = backend.run_tactic(state, tactic, timeout=config.timeout)
            if isinstance(outcome, ProofClosed):
                verdict = backend.verify(problem, outcome.tactics, timeout=config.timeout)
                if verdict.ok:
                    return BFSResult(problem, outcome.tactics, expansions, calls, time.perf_counter() - t0)
            elif isinstance(outcome, ProofState) and outcome.text not in seen:
                seen.add(outcome.text)
                queue.append(outcome)
    return BFSResult(problem, None, expansions, calls, time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    from tqdm import tqdm

    from leangym.backend import make_backend

    args = parse(Args, argv, description=describe(__doc__))
    train, heldout = select_problems(args, args.seed)
    problems = heldout if args.split == "heldout" else train
    config = BFSConfig(max_expansions=args.max_expansions, max_depth=args.max_depth, timeout=args.timeout)
    backend = make_backend("minilean")
    try:
        results = [bfs(backend, p, config) for p in tqdm(problems, desc="BFS baseline", unit="problem")]
    finally:
        backend.close()
    print(format_table(results))
    return 0


def format_table(results: list[BFSResult]) -> str:
    solved = [r for r in results if r.solved]
    rows = [
        ("problems attempted", str(len(results))),
        ("problems solved", f"{len(solved)} ({100 * len(solved) / max(1, len(results)):.0f}%)"),
        ("tactic calls", str(sum(r.tactic_calls for r in results))),
        ("tactic calls per problem", f"{sum(r.tactic_calls for r in results) / max(1, len(results)):.0f}"),
        ("expansions per problem", f"{sum(r.expansions for r in results) / max(1, len(results)):.1f}"),
        ("mean proof length", f"{sum(len(r.proof or ()) for r in solved) / max(1, len(solved)):.2f}"),
        ("wall time", f"{sum(r.seconds for r in results):.2f} s"),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


if __name__ == "__main__":
    raise SystemExit(main())
