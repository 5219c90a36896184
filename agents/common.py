"""What the learning agents share so that their numbers compare: the problem split and the field helper.

Every agent draws its train and held-out problems with :func:`make_split`, so expert iteration, PPO and
GRPO run with the same ``(family, difficulties, sizes, seed)`` see exactly the same problems.
"""

from __future__ import annotations

import math
import random
from dataclasses import field

from leangym.errors import ConfigError
from leangym.problems import Problem


def arg(default, help: str):
    """A config field whose help text becomes its ``--help`` line (``HfArgumentParser`` reads ``metadata``)."""
    return field(default=default, metadata={"help": help})


def parse_difficulties(text: str) -> list[int]:
    """``"1,2,3"`` -> ``[1, 2, 3]``; a clear error for anything else."""
    try:
        out = [int(d) for d in text.split(",") if d.strip()]
    except ValueError:
        out = []
    if not out or min(out) < 1:
        raise ConfigError(f"difficulties must be comma-separated integers >= 1, got {text!r}")
    return out


def make_split(
    family: str, difficulties: str, num_train: int, num_eval: int, seed: int
) -> tuple[list[Problem], list[Problem]]:
    """Disjoint train and held-out splits: equal mixtures of the difficulties, shuffled with ``seed``."""
    from leangym.minilean.suites import generate

    if num_train < 1 or num_eval < 0:
        raise ConfigError(f"need num_train >= 1 and num_eval >= 0, got {num_train} and {num_eval}")
    diffs = parse_difficulties(difficulties)
    per = math.ceil((num_train + num_eval) / len(diffs))
    pool = [p for d in diffs for p in generate(family, per, seed=seed, difficulty=d)]
    random.Random(seed).shuffle(pool)
    return pool[num_eval : num_eval + num_train], pool[:num_eval]


def set_torch_threads(n: int) -> None:
    """Use ``n`` CPU threads in torch (0 keeps torch's default).

    One thread is the default in the agents: on a machine whose cores are busy (Lean workers, other
    jobs), OpenMP's spinning worker threads made a tiny model's training step several times slower.
    """
    import torch

    if n > 0:
        torch.set_num_threads(n)
