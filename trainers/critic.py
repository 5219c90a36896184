"""Critic (state value) training on preference pairs with TRL's RewardTrainer (Bradley–Terry loss).

A pair says state ``chosen`` is closer to ``no goals`` than state ``rejected`` (InternLM2.5-StepProver's
pairs: an on-path child over its off-path sibling, a later on-path state over its ancestor, a solved
root over an unsolved one). The model is a ``num_labels=1`` sequence classifier reading
:func:`leangym.policy.critic_text`, the text :class:`leangym.policy.HFCritic` scores at search time.

Pairs are tokenized here, exactly as ``HFCritic.score`` tokenizes (no end-of-sequence token, long texts
cut from the left): RewardTrainer would append EOS to every text, so the head would learn to read an EOS
token it never sees at scoring time, and it silently drops pairs longer than ``max_length``.

    python -m trainers.critic --store runs/exit/store.sqlite --output-dir runs/critic
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from leangym.config import describe, option, parse
from leangym.policy.critic import HFCritic, critic_text
from leangym.store import CriticPair
from trainers.common import (
    TrainConfig,
    load_or_build_critic,
    quiet_datasets,
    run_trainer,
    training_kwargs,
)


@dataclass
class CriticRunConfig(TrainConfig):
    """Critic settings; the trainer fields come from :class:`~trainers.common.TrainConfig`."""

    output_dir: str = option(
        "runs/critic", "where the trained critic is saved (save_pretrained directory)"
    )
    store: str = option("", "proof store (SQLite) whose critic pairs are the training data (CLI only)")
    model: str = option(
        "", "critic to train (save_pretrained directory); empty builds a tiny one (CLI only)"
    )
    held_out: float = option(0.1, "fraction of pairs held out to report pairwise accuracy (CLI only)")


def critic_dataset(tokenizer, pairs: Sequence[CriticPair | tuple[str, str]], max_length: int):
    """A pre-tokenized ``datasets.Dataset`` with ``chosen_ids`` / ``rejected_ids``, as HFCritic tokenizes."""
    from datasets import Dataset

    def ids(state: str) -> list[int]:
        return tokenizer(critic_text(state), add_special_tokens=False)["input_ids"][-max_length:]

    rows: dict[str, list] = {"chosen_ids": [], "rejected_ids": []}
    for p in pairs:
        chosen, rejected = (p.chosen, p.rejected) if isinstance(p, CriticPair) else p
        rows["chosen_ids"].append(ids(chosen))
        rows["rejected_ids"].append(ids(rejected))
    return Dataset.from_dict(rows)


def train_critic(model, tokenizer, pairs: Sequence[CriticPair | tuple[str, str]], config: CriticRunConfig):
    """Train ``model`` (``num_labels=1``) so that ``score(chosen) > score(rejected)``; return it in eval mode.

    An empty ``pairs`` returns the model untouched.
    """
    from trl import RewardConfig, RewardTrainer

    if not pairs:
        return model
    if getattr(model.config, "num_labels", None) != 1:
        raise ValueError(
            f"a critic needs num_labels=1, got {model.config.num_labels}; "
            "build it with leangym.models.tiny_critic or AutoModelForSequenceClassification(num_labels=1)"
        )
    with quiet_datasets(config.quiet):
        dataset = critic_dataset(tokenizer, pairs, config.max_length)
        args = RewardConfig(**training_kwargs(config), max_length=None)
        trainer = RewardTrainer(model=model, args=args, train_dataset=dataset, processing_class=tokenizer)
        run_trainer(trainer, config.quiet)
    model = trainer.model
    model.eval()
    return model


def pairwise_accuracy(critic, pairs: Sequence[CriticPair | tuple[str, str]]) -> float:
    """Fraction of pairs the critic orders correctly (``score(chosen) > score(rejected)``); NaN if none."""
    if not pairs:
        return float("nan")
    chosen = [p.chosen if isinstance(p, CriticPair) else p[0] for p in pairs]
    rejected = [p.rejected if isinstance(p, CriticPair) else p[1] for p in pairs]
    scores = critic.score(chosen + rejected)
    n = len(pairs)
    return sum(scores[i] > scores[n + i] for i in range(n)) / n


def main(argv: Sequence[str] | None = None) -> int:
    from leangym import models
    from leangym.store import ProofStore

    config = parse(CriticRunConfig, argv, description=describe(__doc__))
    if not config.store:
        print("error: --store is required: the proof store whose critic pairs to train on", file=sys.stderr)
        return 2
    with ProofStore(config.store) as store:
        pairs = store.critic_pairs()
    if not pairs:
        print(
            f"error: {config.store} holds no critic pairs; run a search that records them first",
            file=sys.stderr,
        )
        return 1
    random.Random(config.seed).shuffle(pairs)
    n_test = int(len(pairs) * config.held_out)
    test, train = pairs[:n_test], pairs[n_test:]
    model, tokenizer = load_or_build_critic(
        config.model, [p.chosen for p in pairs] + [p.rejected for p in pairs], seed=config.seed
    )
    model = train_critic(model, tokenizer, train, config)
    models.save(model, tokenizer, config.output_dir)
    acc = pairwise_accuracy(HFCritic(model, tokenizer), test)
    print(f"trained on {len(train)} pairs; held-out pairwise accuracy {acc:.3f} on {len(test)} pairs")
    print(f"critic saved to {config.output_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
