"""Critic-value best-first search as an evaluation agent: how many problems a policy + critic pair proves.

The frontier state with the highest critic value is expanded next (InternLM2.5-StepProver's critic-guided
search; ``--priority blend`` mixes in the path log-prob, ``logprob`` ignores the critic). It is the
evaluator (``leangym.eval``) with expert iteration's defaults: mode ``full`` (the policy ranks the candidate
generator's tactics and its own samples and keeps its top ``--samples``), 8 expansions x 4 tactics, tactics
of at most 24 tokens. Policy and critic are ``save_pretrained`` directories, e.g. an expert-iteration
checkpoint (``runs/<run>/checkpoints/round_3/policy`` and ``.../critic``). Problems are chosen with the
agents' flags, so with a run's flags and seed the number printed is the one the run logged (for any run,
``leangym eval --checkpoint DIR`` reads the settings the run saved).

    python -m agents.critic_search --checkpoint runs/MiniLean-propositional__expert_iteration__0/checkpoints/round_3
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from agents.common import ProblemArgs, select_problems, set_torch_threads
from leangym.config import describe, option, parse
from leangym.errors import ConfigError


@dataclass
class Args(ProblemArgs):
    checkpoint: str = option("", "folder holding policy/ and critic/ (overrides --policy and --critic)")
    policy: str = option("", "policy save_pretrained directory")
    critic: str = option("", "critic save_pretrained directory (needed unless --priority logprob)")
    seed: int = option(0, "seed of the problem split and the evaluator")
    split: str = option("heldout", "which split to search: 'heldout' or 'train'")
    mode: str = option("full", "evaluator mode: full, policy_only, generator_critic, generator_rule, generator_uniform")
    expansions: int = option(8, "expansions per problem")
    samples: int = option(4, "tactics tried per expansion")
    priority: str = option("critic", "'critic', 'blend' or 'logprob'")
    max_depth: int = option(8, "longest proof searched")
    temperature: float = option(1.0, "policy sampling temperature")
    max_new_tokens: int = option(24, "tokens per sampled tactic")
    results: str = option("", "JSONL file for one record per problem (empty: not written)")
    torch_threads: int = option(1, "CPU threads for torch (0: torch's default)")
    quiet: bool = option(False, "no progress bar")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.split not in ("heldout", "train"):
            raise ConfigError(f"split must be 'heldout' or 'train', got {self.split!r}")


def search(args: Args, backend=None):
    """Run the evaluation; returns the :class:`leangym.eval.EvalResult`."""
    from tqdm import tqdm

    from leangym.backend import make_backend
    from leangym.eval import EvalConfig, evaluate
    from leangym.policy import HFCritic, HFPolicy

    set_torch_threads(args.torch_threads)
    policy_dir = Path(args.checkpoint) / "policy" if args.checkpoint else Path(args.policy) if args.policy else None
    critic_dir = Path(args.checkpoint) / "critic" if args.checkpoint else Path(args.critic) if args.critic else None
    config = EvalConfig(
        mode=args.mode,  # type: ignore[arg-type]
        expansions=args.expansions,
        samples=args.samples,
        priority=args.priority,
        max_depth=args.max_depth,
        seed=args.seed,
    )
    train, heldout = select_problems(args, args.seed)
    problems = heldout if args.split == "heldout" else train
    policy = None
    if policy_dir is not None:
        policy = HFPolicy.from_pretrained(policy_dir, temperature=args.temperature, max_new_tokens=args.max_new_tokens)
    critic = HFCritic.from_pretrained(critic_dir) if critic_dir is not None else None
    own = backend is None
    backend = backend or make_backend("minilean")
    bar = tqdm(total=len(problems), desc=f"eval ({args.mode})", unit="problem", disable=args.quiet)
    try:
        return evaluate(
            problems, backend, policy=policy, critic=critic, config=config,
            results_path=args.results or None, on_result=lambda _r: bar.update(1),
        )  # fmt: skip
    finally:
        bar.close()
        if own:
            backend.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(Args, argv, description=describe(__doc__))
    result = search(args)
    lo, hi = result.interval
    print(
        f"proved {result.solved}/{result.total} ({100 * result.solve_rate:.0f}%, 95% CI {100 * lo:.0f}-{100 * hi:.0f}%) "
        f"on the {args.split} split, mode {args.mode}"
    )
    print(f"budget {args.samples}x{args.expansions} per problem, priority {args.priority}")
    print(f"tactics run {result.env_steps}, wall {result.wall_s:.1f}s")
    for r in result.problems:
        if r.solved:
            print(f"  {r.problem_id}: " + "; ".join(r.proof or ()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
