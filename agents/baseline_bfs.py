"""Breadth-first proof search over goal-aware candidate tactics: the baseline every learned agent must beat.

No learning: from each proof state it tries a fixed list of closing and structural tactics plus tactics
built from the hypothesis names in the goal (``exact h``, ``obtain ⟨h1, h2⟩ := h``, ...), breadth first,
deduplicating states by their goal text. Found proofs are re-verified by the backend before they count.

    python -m agents.baseline_bfs --family propositional --num-problems 20
"""

from __future__ import annotations

import re
import time
from collections import deque
from dataclasses import dataclass, field

from leangym.backend.api import Backend, LeanError, ProofClosed, ProofState
from leangym.config import describe, option, parse
from leangym.problems import Problem

CLOSERS = (
    "assumption",
    "trivial",
    "rfl",
    "contradiction",
    "norm_num",
    "linarith",
    "omega",
    "positivity",
    "ring",
    "simp",
    "decide",
)
STRUCTURAL = ("constructor", "intros", "left", "right", "exfalso")
_HYP_LINE = re.compile(r"^([^\s:⊢][^:]*?) : (.+)$")
_TYPE_WORDS = {"Prop", "ℕ", "ℤ", "ℚ", "ℝ", "Nat", "Int", "Rat", "Real", "Type"}


@dataclass
class BFSConfig:
    max_expansions: int = option(200, "proof states expanded per problem before giving up")
    max_depth: int = option(10, "longest tactic path tried")
    timeout: float = option(5.0, "seconds per tactic")


@dataclass
class Args(BFSConfig):
    family: str = option("propositional", "MiniLean problem family (see leangym.minilean.suites.FAMILIES)")
    num_problems: int = option(20, "problems to attempt")
    difficulty: int = option(1, "generator difficulty knob")
    seed: int = option(0, "generator seed")


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


def hypotheses(goal: str) -> list[tuple[str, str]]:
    """(name, type) pairs of the first goal's hypotheses that are propositions, not variables."""
    out: list[tuple[str, str]] = []
    for line in goal.split("\n"):
        if line.startswith("⊢"):
            break
        m = _HYP_LINE.match(line)
        if not m:
            continue
        names, typ = m.group(1).split(), m.group(2).strip()
        if typ in _TYPE_WORDS or "→" in typ and typ.split(" → ")[0] in _TYPE_WORDS:
            continue
        out.extend((n, typ) for n in names if "✝" not in n)
    return out


def candidate_tactics(goal_text: str) -> list[str]:
    """Tactics worth trying on the first goal of ``goal_text``."""
    first = goal_text.split("\n\n")[0]
    target = first.split("⊢", 1)[-1].strip()
    hyps = hypotheses(first)
    taken = {n for n, _ in hyps} | set(re.findall(r"[A-Za-z_][A-Za-z_0-9']*", first))
    fresh = [f"h{i}" for i in range(1, 40) if f"h{i}" not in taken]
    tactics = list(CLOSERS)
    if target.startswith(("∀", "¬")) or "→" in target:
        var = (
            next(v for v in ("x", "y", "z", "n", "m", "k") if v not in taken)
            if target.startswith("∀")
            else fresh[0]
        )
        tactics.append(f"intro {var}")
    tactics.extend(STRUCTURAL)
    for name, typ in hyps:
        tactics += [f"exact {name}", f"apply {name}"]
        if "∧" in typ or "↔" in typ or "∃" in typ:
            tactics.append(f"obtain ⟨{fresh[0]}, {fresh[1]}⟩ := {name}")
        if "∨" in typ:
            tactics.append(f"rcases {name} with {fresh[0]} | {fresh[0]}")
        if typ.startswith("¬"):
            tactics.append(f"exact absurd {name} (by assumption)")
    seen: set[str] = set()
    return [t for t in tactics if not (t in seen or seen.add(t))]


def bfs(backend: Backend, problem: Problem, config: BFSConfig) -> BFSResult:
    """Search ``problem`` breadth first; return the first verified proof found, if any."""
    t0 = time.perf_counter()
    root = backend.start(problem, timeout=config.timeout)
    if isinstance(root, LeanError):
        return BFSResult(problem, None, 0, 0, time.perf_counter() - t0, [root.message])
    queue: deque[ProofState] = deque([root])
    seen = {root.text}
    expansions = calls = 0
    while queue and expansions < config.max_expansions:
        state = queue.popleft()
        expansions += 1
        if len(state.tactics) >= config.max_depth:
            continue
        for tactic in candidate_tactics(state.text):
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
    from leangym.minilean.suites import FAMILIES, generate

    args = parse(Args, argv, description=describe(__doc__))
    if args.family not in FAMILIES:
        raise SystemExit(f"baseline_bfs: unknown --family {args.family!r}; expected one of {', '.join(FAMILIES)}")
    problems = generate(args.family, args.num_problems, seed=args.seed, difficulty=args.difficulty)
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
