"""Critic-value best-first search as an evaluation agent: how many problems a policy + critic pair proves.

The frontier state with the highest critic value is expanded next (InternLM2.5-StepProver's critic-guided
search; ``--priority blend`` mixes in the path log-prob, ``logprob`` ignores the critic). Policy and critic
are ``save_pretrained`` directories, e.g. an expert-iteration checkpoint
(``runs/<run>/checkpoints/round_3/policy`` and ``.../critic``). Problems are the held-out split the agents
use, so the number printed is the one expert iteration logs.

    python -m agents.critic_search --checkpoint runs/MiniLean-propositional__expert_iteration__0/checkpoints/round_3
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from agents.common import make_split, set_torch_threads
from leangym.config import describe, option, parse


@dataclass
class Args:
    checkpoint: str = option("", "folder holding policy/ and critic/ (overrides --policy and --critic)")
    policy: str = option("", "policy save_pretrained directory")
    critic: str = option("", "critic save_pretrained directory (needed unless --priority logprob)")
    seed: int = option(0, "seed of the problem split and the sampler")
    family: str = option("propositional", "MiniLean problem family")
    difficulties: str = option("1,2,3", "generator difficulties mixed into the splits")
    num_train: int = option(60, "training problems (to reproduce the agents' split)")
    num_eval: int = option(30, "held-out problems searched")
    split: str = option("heldout", "which split to search: 'heldout' or 'train'")
    expansions: int = option(8, "expansions per problem")
    samples: int = option(4, "tactics sampled per expansion")
    priority: str = option("critic", "'critic', 'blend' or 'logprob'")
    max_depth: int = option(8, "longest proof searched")
    temperature: float = option(1.0, "policy sampling temperature")
    torch_threads: int = option(1, "CPU threads for torch (0: torch's default)")
    quiet: bool = option(False, "no progress bar")


def search(args: Args, backend=None):
    """Run the search; returns the :class:`leangym.search.SearchRun`."""
    import torch
    from tqdm import tqdm

    from leangym.backend import make_backend
    from leangym.errors import ConfigError
    from leangym.models import load_critic, load_tokenizer
    from leangym.policy import HFCritic, HFPolicy
    from leangym.search import SearchConfig, best_first_search

    set_torch_threads(args.torch_threads)
    torch.manual_seed(args.seed)
    policy_dir = Path(args.checkpoint) / "policy" if args.checkpoint else Path(args.policy)
    critic_dir = (
        Path(args.checkpoint) / "critic" if args.checkpoint else (Path(args.critic) if args.critic else None)
    )
    if not args.checkpoint and not args.policy:
        raise ConfigError("pass --checkpoint DIR (with policy/ and critic/) or --policy DIR")
    if args.priority != "logprob" and critic_dir is None:
        raise ConfigError(
            f"priority {args.priority!r} needs a critic: pass --critic DIR or --priority logprob"
        )
    if args.split not in ("heldout", "train"):
        raise ConfigError(f"split must be 'heldout' or 'train', got {args.split!r}")
    train, heldout = make_split(args.family, args.difficulties, args.num_train, args.num_eval, args.seed)
    problems = heldout if args.split == "heldout" else train
    policy = HFPolicy.from_pretrained(policy_dir, temperature=args.temperature, max_new_tokens=24)
    critic = None
    if critic_dir is not None:
        critic = HFCritic(load_critic(critic_dir), load_tokenizer(critic_dir))
    own = backend is None
    backend = backend or make_backend("minilean")
    bar = tqdm(total=len(problems), desc="critic search", unit="problem", disable=args.quiet)
    try:
        config = SearchConfig(
            expansions=args.expansions,
            samples=args.samples,
            priority=args.priority,
            max_depth=args.max_depth,
            wall_time=600.0,
        )
        return best_first_search(
            problems, policy, backend, config, critic=critic, on_result=lambda _r: bar.update(1)
        )
    finally:
        bar.close()
        if own:
            backend.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(Args, argv, description=describe(__doc__))
    run = search(args)
    s = run.summary()
    print(f"proved {s['proved']}/{s['attempted']} ({100 * s['pass_rate']:.0f}%) on the {args.split} split")
    print(f"budget {args.samples}x{args.expansions} per problem, priority {args.priority}")
    print(f"tactics run {s['tactics_run']:.0f}, wall {s['wall_s']:.1f}s")
    for r in run.results:
        if r.proved:
            print(f"  {r.problem.id}: " + "; ".join(r.tactics or ()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
