"""Plug a new algorithm into leangym's evaluator: score it against the no-learning baselines, log metrics.

A tactic policy has ``propose(observations, k) -> list[list[Candidate]]`` (its own tactics); one that also
has ``rank(observations, tactics)`` (a log-prob-like score for given tactics, as ``HFPolicy`` has) can drive
mode ``full``: it ranks the candidate generator's tactics together with its own, and search tries them in
its order, ``k`` per expansion. Here the "new algorithm" is a stand-in that needs no training: it proposes
nothing of its own and prefers tactics that name something in the goal (``exact h1``, ``intro h2``), then
``assumption``, then the rest. ``leangym.eval.evaluate`` scores it next to the generator alone
(``generator_uniform``) and a fixed rule (``generator_rule``) at the same budget and seed, and appends each
result to ``RUN_DIR/metrics.jsonl`` as every agent does.

    python examples/custom_agent_eval.py --num-problems 20 --expansions 16
    python examples/custom_agent_eval.py --problems heldout.jsonl

(The agents in ``agents/`` choose their problems with ``agents.common.ProblemArgs`` — a family, ``--env-id``
or ``--problems``/``--eval-problems`` — and evaluate exactly like this.)
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from leangym.backend import make_backend
from leangym.config import describe, option, parse
from leangym.datasets import load_jsonl
from leangym.eval import EvalConfig, evaluate, log_metrics
from leangym.minilean.suites import generate
from leangym.policy import Candidate, finalize


@dataclass
class Args:
    problems: str = option("", "JSONL file of problems to evaluate on (default: a generated MiniLean suite)")
    family: str = option("propositional", "MiniLean family of the generated suite")
    num_problems: int = option(20, "problems in the generated suite (difficulty 2)")
    seed: int = option(0, "seed of the problem split and the evaluator")
    expansions: int = option(16, "states expanded per problem")
    samples: int = option(4, "tactics tried per expansion")
    run_dir: str = option("runs/custom_agent", "folder for metrics.jsonl and the per-problem records")


class GoalSpecificFirst:
    """The new algorithm: no tactics of its own; among given tactics, those naming a hypothesis first."""

    def propose(self, observations, k: int) -> list[list[Candidate]]:
        return [[] for _ in observations]

    def rank(self, observations, tactics) -> list[list[Candidate]]:
        def score(t: str) -> float:
            return -(0.0 if " " in t else 1.0 if t == "assumption" else 2.0) - 0.01 * len(t)

        return [finalize([Candidate(t, score(t)) for t in ts], len(ts)) for ts in tactics]


def main(argv: list[str] | None = None) -> int:
    args = parse(Args, argv, description=describe(__doc__))
    heldout = load_jsonl(args.problems) if args.problems else generate(args.family, args.num_problems, seed=args.seed, difficulty=2)
    folder = Path(args.run_dir)
    t0 = time.perf_counter()
    with make_backend("minilean") as backend:
        for mode in ("generator_uniform", "generator_rule", "full"):
            config = EvalConfig(mode=mode, expansions=args.expansions, samples=args.samples, seed=args.seed)
            result = evaluate(
                heldout, backend, policy=GoalSpecificFirst(), config=config, results_path=folder / f"{mode}.jsonl"
            )
            log_metrics(
                folder / "metrics.jsonl", result, algorithm="goal_specific_first", round=0, env_steps=0,
                wall_s=time.perf_counter() - t0,
            )  # fmt: skip
            lo, hi = result.interval
            print(f"{mode:18} {result.solved:3}/{result.total} solved  (95% CI {lo:.2f}-{hi:.2f})")
    print(f"metrics: {folder / 'metrics.jsonl'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
