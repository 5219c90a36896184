"""Supervised fine-tuning of a tactic policy on the (state → tactic) steps of verified proofs (TRL SFTTrainer).

Each step of a stored proof becomes one prompt-completion example: the prompt is the state rendered in the
policy's prompt format (the same :class:`~leangym.policy.PromptFormat` the policy generates with), the
completion is the tactic followed by end-of-sequence, and the loss covers the completion only.

Examples are tokenized here, prompt and completion separately, rather than by SFTTrainer: a policy
generates from the prompt's own tokens, so training on ``tokens(prompt) + tokens(tactic)`` is exactly what
it sees at inference (tokenizing the joined string can merge tokens across the boundary, e.g. the trailing
space of InternLM2.5's ``TACTIC: `` with the tactic's first word). Long prompts are cut from the left so
the state's end and the answer cue survive (SFTTrainer itself only keeps the start, cutting the tactic).

    python -m trainers.sft --store runs/exit/store.sqlite --output-dir runs/sft
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from leangym.config import describe, option, parse
from leangym.policy.formats import Observation, get_format
from leangym.store import SFTExample
from trainers.common import (
    TrainConfig,
    load_or_build_policy,
    quiet_datasets,
    run_trainer,
    training_kwargs,
)


@dataclass
class SFTRunConfig(TrainConfig):
    """SFT settings; the trainer fields come from :class:`~trainers.common.TrainConfig`."""

    output_dir: str = option(
        "runs/sft", "where the fine-tuned policy is saved (save_pretrained directory)"
    )
    store: str = option("", "proof store (SQLite) whose verified proofs are the training data (CLI only)")
    model: str = option(
        "", "policy to fine-tune (save_pretrained directory); empty builds a tiny one (CLI only)"
    )
    prompt_format: str = option(
        "bfs", "prompt format the policy reads: 'bfs', 'internlm2.5' or 'internlm2'"
    )
    all_proofs: bool = option(False, "train on every stored proof, not only each problem's shortest")


def sft_dataset(
    tokenizer, examples: Sequence[SFTExample | tuple[str, str]], prompt_format: str, max_length: int
):
    """A tokenized ``datasets.Dataset`` with ``input_ids`` and ``completion_mask`` (1 on the tactic and EOS)."""
    from datasets import Dataset

    fmt = get_format(prompt_format)
    rows: dict[str, list] = {"input_ids": [], "completion_mask": []}
    for ex in examples:
        if isinstance(ex, SFTExample):
            obs, tactic = Observation(ex.state, ex.name, tuple(ex.proof_before)), ex.tactic
        else:
            obs, tactic = Observation(ex[0]), ex[1]
        completion = tokenizer(tactic, add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
        prompt = tokenizer(fmt.render(obs), add_special_tokens=False)["input_ids"]
        room = max_length - len(completion)
        if room < 1:
            continue  # a tactic longer than the context: nothing of the state would be left to condition on
        prompt = prompt[-room:]
        rows["input_ids"].append(prompt + completion)
        rows["completion_mask"].append([0] * len(prompt) + [1] * len(completion))
    return Dataset.from_dict(rows)


def train_sft(model, tokenizer, examples: Sequence[SFTExample | tuple[str, str]], config: SFTRunConfig):
    """Fine-tune ``model`` on ``examples`` (``SFTExample`` or ``(state, tactic)``) and return it in eval mode.

    Trains in place (the returned model is ``model``, possibly moved to the trainer's device); an empty
    ``examples`` returns the model untouched.
    """
    from trl import SFTConfig, SFTTrainer

    if not examples:
        return model
    tokenizer.padding_side = "left"
    with quiet_datasets(config.quiet):
        dataset = sft_dataset(tokenizer, examples, config.prompt_format, config.max_length)
        args = SFTConfig(
            **training_kwargs(config),
            max_length=config.max_length,
            completion_only_loss=True,
            packing=False,
        )
        trainer = SFTTrainer(model=model, args=args, train_dataset=dataset, processing_class=tokenizer)
        run_trainer(trainer, config.quiet)
    tokenizer.padding_side = "left"  # policies generate with left padding whatever the trainer set
    model = trainer.model
    model.eval()
    return model


def main(argv: Sequence[str] | None = None) -> int:
    from leangym import models
    from leangym.store import ProofStore

    config = parse(SFTRunConfig, argv, description=describe(__doc__))
    if not config.store:
        print("error: --store is required: the proof store whose proofs to train on", file=sys.stderr)
        return 2
    with ProofStore(config.store) as store:
        examples = store.sft_examples(shortest_only=not config.all_proofs)
    if not examples:
        print(
            f"error: {config.store} holds no verified proofs; run an agent or `leangym prove` first",
            file=sys.stderr,
        )
        return 1
    model, tokenizer = load_or_build_policy(
        config.model, [e.state + "\n" + e.tactic for e in examples], seed=config.seed
    )
    model = train_sft(model, tokenizer, examples, config)
    models.save(model, tokenizer, config.output_dir)
    print(f"trained on {len(examples)} steps; policy saved to {config.output_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
