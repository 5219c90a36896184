"""Tiny, download-free models for tests, examples and benchmarks.

Nothing here reaches a model hub: tokenizers are byte-level BPE trained on local text (goal states,
tactics, statements), and models are built from configs with random weights. The same helpers build a
~100M-parameter model for the GPU benchmarks, so the code path measured there is the one tested here.

Everything returns ordinary ``transformers`` objects, saved and loaded with ``save_pretrained`` /
``from_pretrained`` directories, so TRL trainers and :class:`leangym.policy.HFPolicy` take them as they
take any hub model.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from leangym.errors import ConfigError

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerFast

Arch = Literal["gpt2", "llama"]
ARCHS: tuple[str, ...] = ("gpt2", "llama")

PAD, BOS, EOS, UNK = "<pad>", "<s>", "</s>", "<unk>"

# A few lines of Lean so that a tokenizer trained on little env text still has merges for the
# symbols every goal prints; byte-level BPE represents any other character anyway.
_SEED_TEXT = (
    "theorem t (x y : ℝ) (h₀ : x + y = 10) : x ≤ 10 := by\n"
    "x y : ℕ\nh : x ∣ y\n⊢ ∀ n, n ≥ 0 ∧ ¬False ∨ ∃ k, k ≠ 0 → k > 0 ↔ True\n"
    "intro h\nexact h\nlinarith [sq_nonneg (x - y)]\nnorm_num\nomega\nsimp at h\nrw [← h]\nnlinarith\n"
)


def train_tokenizer(
    texts: Iterable[str], vocab_size: int = 1024, *, min_frequency: int = 2
) -> PreTrainedTokenizerFast:
    """Train a byte-level BPE tokenizer on ``texts`` and wrap it for ``transformers``.

    Byte-level so that every Unicode character Lean prints (``ℝ``, ``⊢``, ``h₀``) round-trips; the
    special tokens ``<pad>``, ``<s>``, ``</s>``, ``<unk>`` are set so that left-padded batched
    generation and SFT (which appends ``eos``) work unchanged.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    if vocab_size < 300:
        raise ConfigError(f"vocab_size must be >= 300 (256 bytes + specials + merges), got {vocab_size}")
    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=min_frequency,
        special_tokens=[PAD, BOS, EOS, UNK],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator([_SEED_TEXT, *texts], trainer=trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, pad_token=PAD, bos_token=BOS, eos_token=EOS, unk_token=UNK, padding_side="left"
    )


def _config(
    tokenizer: PreTrainedTokenizerFast,
    arch: str,
    n_layer: int,
    d_model: int,
    n_head: int,
    max_positions: int,
    **extra: object,
):
    from transformers import GPT2Config, LlamaConfig

    if arch not in ARCHS:
        raise ConfigError(f"arch must be one of {ARCHS}, got {arch!r}")
    if d_model % n_head:
        raise ConfigError(f"d_model ({d_model}) must be divisible by n_head ({n_head})")
    ids = dict(
        vocab_size=len(tokenizer),
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    if arch == "gpt2":
        return GPT2Config(
            n_layer=n_layer, n_embd=d_model, n_head=n_head, n_positions=max_positions, **ids, **extra
        )
    return LlamaConfig(
        num_hidden_layers=n_layer,
        hidden_size=d_model,
        intermediate_size=4 * d_model,
        num_attention_heads=n_head,
        num_key_value_heads=n_head,
        max_position_embeddings=max_positions,
        tie_word_embeddings=True,
        **ids,
        **extra,
    )


def _build(cls, config, seed: int):
    import torch

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = cls(config)
    model.eval()
    return model


def tiny_causal_lm(
    tokenizer: PreTrainedTokenizerFast,
    *,
    arch: Arch = "gpt2",
    n_layer: int = 2,
    d_model: int = 64,
    n_head: int = 2,
    max_positions: int = 512,
    seed: int = 0,
) -> PreTrainedModel:
    """A randomly initialised causal LM sized to ``tokenizer`` (deterministic in ``seed``)."""
    from transformers import AutoModelForCausalLM

    config = _config(tokenizer, arch, n_layer, d_model, n_head, max_positions)
    return _build(AutoModelForCausalLM.from_config, config, seed)


def tiny_critic(
    tokenizer: PreTrainedTokenizerFast,
    *,
    arch: Arch = "gpt2",
    n_layer: int = 2,
    d_model: int = 64,
    n_head: int = 2,
    max_positions: int = 512,
    seed: int = 0,
) -> PreTrainedModel:
    """A randomly initialised sequence-classification model with one output (a state value).

    ``pad_token_id`` is set in the config: the classification head reads the last non-pad token,
    which is what makes batched scoring equal one-by-one scoring.
    """
    from transformers import AutoModelForSequenceClassification

    config = _config(tokenizer, arch, n_layer, d_model, n_head, max_positions, num_labels=1)
    return _build(AutoModelForSequenceClassification.from_config, config, seed)


def benchmark_causal_lm(
    tokenizer: PreTrainedTokenizerFast,
    *,
    arch: Arch = "gpt2",
    size: Literal["100m", "tiny"] = "100m",
    seed: int = 0,
) -> PreTrainedModel:
    """The GPU benchmark model: GPT-2-small width (d=768, 12 heads) with 14 layers, or the tiny test shape.

    GPT-2 small owes 39M of its 124M parameters to a 50k-token embedding; with a small local tokenizer
    14 layers give the ~100M parameters (99M non-embedding) the benchmarks are quoted at.
    """
    if size == "100m":
        return tiny_causal_lm(
            tokenizer, arch=arch, n_layer=14, d_model=768, n_head=12, max_positions=1024, seed=seed
        )
    if size == "tiny":
        return tiny_causal_lm(tokenizer, arch=arch, seed=seed)
    raise ConfigError(f"size must be '100m' or 'tiny', got {size!r}")


def count_parameters(model: PreTrainedModel) -> int:
    """Number of distinct parameters (tied embeddings counted once)."""
    return sum(p.numel() for p in model.parameters())


def save(model: PreTrainedModel, tokenizer: PreTrainedTokenizerFast, path: str | Path) -> Path:
    """Save model and tokenizer into one ``save_pretrained`` directory (what every loader here reads)."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


def load_tokenizer(path: str | Path) -> PreTrainedTokenizerFast:
    """Load a tokenizer saved by :func:`save`, forcing left padding (batched generation needs it)."""
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(_existing(path)))
    tok.padding_side = "left"
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    return tok


def load_causal_lm(
    path: str | Path, *, device: str | None = None, dtype: str | None = None
) -> PreTrainedModel:
    """Load a causal LM directory; ``device``/``dtype`` default to :func:`default_device` / its dtype."""
    from transformers import AutoModelForCausalLM

    return _load(AutoModelForCausalLM, path, device, dtype)


def load_critic(path: str | Path, *, device: str | None = None, dtype: str | None = None) -> PreTrainedModel:
    """Load a sequence-classification (critic) directory saved by :func:`save` or a TRL trainer."""
    from transformers import AutoModelForSequenceClassification

    return _load(AutoModelForSequenceClassification, path, device, dtype)


def default_device() -> str:
    """``"cuda"`` when a GPU is visible, else ``"cpu"``."""
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def default_dtype(device: str):
    """bf16 on GPU (the accelerator's fast path), fp32 on CPU (bf16 matmuls are slow and inexact there)."""
    import torch

    return torch.bfloat16 if device.startswith("cuda") else torch.float32


def _existing(path: str | Path) -> Path:
    p = Path(path)
    if not (p / "config.json").is_file() and not (p / "tokenizer.json").is_file():
        raise ConfigError(
            f"expected a save_pretrained directory at {p} (with config.json), found none; "
            "build one with leangym.models.save(model, tokenizer, path)"
        )
    return p


def _load(cls, path: str | Path, device: str | None, dtype: str | None) -> PreTrainedModel:
    import torch

    device = device or default_device()
    torch_dtype = getattr(torch, dtype) if isinstance(dtype, str) else (dtype or default_dtype(device))
    model = cls.from_pretrained(str(_existing(path)), dtype=torch_dtype)
    model.to(device)
    model.eval()
    return model


class ForwardTokens:
    """Counts the tokens every forward pass of the watched models processes: a model-compute budget.

    A forward pre-hook on each model adds ``input_ids.numel()`` per call (padding included, as it is computed):
    generation counts the prompt once and then one token per sequence per decoding step, a teacher-forced
    scoring pass or a training step counts its whole batch. ``paused()`` stops counting (held-out evaluations
    are not part of a training budget). Models retrained from new weights are added with :meth:`watch`.
    """

    def __init__(self, *models: PreTrainedModel) -> None:
        self.tokens = 0
        self._active = True
        self._handles: list = []
        for m in models:
            self.watch(m)

    def watch(self, model: PreTrainedModel) -> PreTrainedModel:
        self._handles.append(model.register_forward_pre_hook(self._hook, with_kwargs=True))
        return model

    def _hook(self, module, args, kwargs) -> None:
        if not self._active:
            return
        ids = kwargs.get("input_ids")
        if ids is None and args:
            ids = args[0]
        if ids is None:
            ids = kwargs.get("inputs_embeds")
            self.tokens += 0 if ids is None else int(ids.shape[0] * ids.shape[1])
        else:
            self.tokens += int(ids.numel())

    @contextlib.contextmanager
    def paused(self):
        active, self._active = self._active, False
        try:
            yield self
        finally:
            self._active = active

    def close(self) -> None:
        for h in self._handles:
            h.remove()
        self._handles.clear()
