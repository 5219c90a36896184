"""Critics: a scalar value per proof state, higher meaning closer to ``no goals``.

:class:`HFCritic` wraps a sequence-classification model with one output (``num_labels=1``), the
shape TRL's RewardTrainer trains on (chosen, rejected) pairs such as
:func:`leangym.search.critic_pairs` builds. Scoring is batched and always right-pads, as RewardTrainer
trains: the classification head reads each row's last non-pad token (hence ``pad_token_id`` must be
set), and models with absolute position embeddings (GPT-2) would see left-padded tokens at shifted
positions, so a state's batched score would differ from its score alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from leangym.policy.formats import Observation, as_observation

#: InternLM2.5-StepProver's critic question (DESIGN §5); the state is the answer.
CRITIC_TEMPLATE = "Which state is closer to 'no goals'?\n{state}"


def critic_text(obs: str | Observation) -> str:
    """The text a critic reads for a state; trainers use the same function for their pairs."""
    return CRITIC_TEMPLATE.format(state=as_observation(obs).state)


@runtime_checkable
class Critic(Protocol):
    """Anything that scores many states in one call; larger is better."""

    def score(self, observations: Sequence[str | Observation]) -> list[float]: ...


class HFCritic:
    """A :class:`Critic` over a ``transformers`` sequence-classification model (``num_labels=1``)."""

    def __init__(self, model, tokenizer, *, max_tokens: int = 1024, max_batch: int = 64) -> None:
        if getattr(model.config, "num_labels", 1) != 1:
            raise ValueError(
                f"a critic needs num_labels=1 (one value per state), got {model.config.num_labels}"
            )
        if model.config.pad_token_id is None:
            raise ValueError(
                "the critic's config has no pad_token_id, so batched scores would read padding; "
                "set model.config.pad_token_id = tokenizer.pad_token_id"
            )
        self.model = model
        self.tokenizer = tokenizer
        self.max_tokens = max_tokens
        self.max_batch = max_batch

    @classmethod
    def from_pretrained(
        cls, path: str | Path, *, device: str | None = None, dtype: str | None = None, **kwargs
    ):
        from leangym.models import load_critic, load_tokenizer

        return cls(load_critic(path, device=device, dtype=dtype), load_tokenizer(path), **kwargs)

    def score(self, observations: Sequence[str | Observation]) -> list[float]:
        import torch

        texts = [critic_text(o) for o in observations]
        device = next(self.model.parameters()).device
        out: list[float] = []
        self.tokenizer.truncation_side = "left"
        with torch.inference_mode():
            for i in range(0, len(texts), self.max_batch):
                enc = self.tokenizer(
                    texts[i : i + self.max_batch],
                    return_tensors="pt",
                    padding=True,
                    padding_side="right",
                    truncation=True,
                    max_length=self.max_tokens,
                ).to(device)
                out.extend(self.model(**enc).logits[:, 0].float().tolist())
        return out
