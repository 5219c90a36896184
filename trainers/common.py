"""What the three trainers share: the optimisation config, TrainingArguments defaults, model loading.

Configs are plain dataclasses whose fields carry their help text (``leangym.config.option``), so
``leangym.config.parse`` turns them into ``--help`` as for every other entry point.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass

from leangym.config import option


@dataclass
class TrainConfig:
    """Optimisation settings shared by SFT, critic and GRPO training."""

    output_dir: str = option("runs/trainer", "where the trainer writes checkpoints and the final model")
    epochs: float = option(3.0, "passes over the training data")
    max_steps: int = option(-1, "optimisation steps; overrides epochs when > 0")
    learning_rate: float = option(
        1e-3, "AdamW learning rate (tiny from-scratch models like 1e-3; 1e-5 for 7B)"
    )
    batch_size: int = option(16, "examples per optimisation step")
    max_length: int = option(512, "longest tokenized example kept (longer ones are cut from the left)")
    seed: int = option(0, "seed for data order, dropout and initialisation")
    logging_steps: int = option(10, "optimisation steps between loss log lines")
    report_to: str = option("none", "TrainingArguments.report_to: 'none' or 'tensorboard'")
    quiet: bool = option(False, "hide the trainer's progress bar and log lines")

    def __post_init__(self) -> None:
        if self.epochs <= 0 or self.batch_size < 1 or self.learning_rate <= 0:
            raise ValueError(
                f"need epochs > 0, batch_size >= 1 and learning_rate > 0, got epochs={self.epochs}, "
                f"batch_size={self.batch_size}, learning_rate={self.learning_rate}; pass positive values"
            )


def training_kwargs(config: TrainConfig) -> dict:
    """TrainingArguments common to every TRL config built here.

    TRL 1.16's configs default ``bf16=True`` (slow and inexact on CPU) and ``gradient_checkpointing=True``
    (which transformers 5 renamed ``activation_checkpointing``; only the new name silences the
    deprecation warning); both are set here. Nothing is saved mid-run: callers save the result.
    """
    import torch

    on_gpu = torch.cuda.is_available()
    return dict(
        output_dir=config.output_dir,
        num_train_epochs=config.epochs,
        max_steps=config.max_steps,
        per_device_train_batch_size=config.batch_size,
        learning_rate=config.learning_rate,
        seed=config.seed,
        data_seed=config.seed,
        logging_steps=config.logging_steps,
        report_to=config.report_to,
        save_strategy="no",
        bf16=on_gpu and torch.cuda.is_bf16_supported(),
        fp16=False,
        activation_checkpointing=False,
        use_cpu=not on_gpu,
        disable_tqdm=config.quiet,
        log_level="error" if config.quiet else "passive",
        dataloader_num_workers=0,
        lr_scheduler_type="constant",
        warmup_steps=0,
    )


def run_trainer(trainer, quiet: bool) -> None:
    """``trainer.train()``; when ``quiet``, without the log lines transformers prints when tqdm is off."""
    from transformers.trainer_callback import PrinterCallback

    if quiet:
        trainer.remove_callback(PrinterCallback)
    trainer.train()


@contextmanager
def quiet_datasets(enabled: bool = True):
    """Silence ``datasets``' per-map progress bars (they drown a progress bar the caller shows)."""
    if not enabled:
        yield
        return
    import datasets

    was = datasets.is_progress_bar_enabled()
    datasets.disable_progress_bars()
    try:
        yield
    finally:
        if was:
            datasets.enable_progress_bars()


def load_or_build_policy(path: str | None, texts: Iterable[str], *, vocab_size: int = 1024, seed: int = 0):
    """Load a ``save_pretrained`` causal LM directory, or build a tiny one with a tokenizer trained on ``texts``."""
    from leangym import models

    if path:
        return models.load_causal_lm(path), models.load_tokenizer(path)
    tokenizer = models.train_tokenizer(texts, vocab_size=vocab_size)
    return models.tiny_causal_lm(tokenizer, seed=seed), tokenizer


def load_or_build_critic(path: str | None, texts: Iterable[str], *, vocab_size: int = 1024, seed: int = 0):
    """Load a ``save_pretrained`` critic directory, or build a tiny one with a tokenizer trained on ``texts``."""
    from leangym import models

    if path:
        return models.load_critic(path), models.load_tokenizer(path)
    tokenizer = models.train_tokenizer(texts, vocab_size=vocab_size)
    return models.tiny_critic(tokenizer, seed=seed), tokenizer


class Stopwatch:
    """Wall-clock seconds of a ``with`` block, accumulated (GPU/trainer time in the agents' logs)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __enter__(self) -> Stopwatch:
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds += time.perf_counter() - self._t0
