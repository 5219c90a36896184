"""Hugging Face ``transformers`` policy: batched generation with exact sequence log-probs.

All states of a call go through ``generate`` together (left padding, chunks of ``max_batch_prompts``
prompts), ``k`` completions each (sampling with ``num_return_sequences``, or beam search). Log-probs
are then recomputed by one teacher-forced forward pass over the generated rows, so they are the
model's own, unaffected by temperature/top-p and the same for sampling and beams: the log-prob of the
completion's tokens up to and including end-of-sequence.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from leangym.errors import ConfigError
from leangym.policy.base import Candidate, finalize
from leangym.policy.formats import Observation, PromptFormat, get_format

Mode = Literal["sample", "beam", "greedy"]


class HFPolicy:
    """A :class:`~leangym.policy.base.TacticPolicy` over a causal LM and its tokenizer.

    ``mode``: ``"sample"`` (``k`` samples at ``temperature``/``top_p``), ``"beam"`` (``k`` beams) or
    ``"greedy"`` (one candidate whatever ``k``). Completions that hit ``max_new_tokens`` without an
    end-of-sequence token are unfinished tactics and dropped unless ``keep_truncated``. ``seed``
    seeds torch's global generator once (``generate`` takes no generator of its own).
    """

    def __init__(
        self,
        model,
        tokenizer,
        *,
        prompt_format: str | PromptFormat = "bfs",
        mode: Mode = "sample",
        temperature: float = 1.0,
        top_p: float = 1.0,
        max_new_tokens: int = 64,
        max_prompt_tokens: int = 1024,
        max_batch_prompts: int = 64,
        keep_truncated: bool = False,
        seed: int | None = None,
    ) -> None:
        if mode not in ("sample", "beam", "greedy"):
            raise ConfigError(f"mode must be 'sample', 'beam' or 'greedy', got {mode!r}")
        if temperature <= 0 or not 0 < top_p <= 1:
            raise ConfigError(f"need temperature > 0 and 0 < top_p <= 1, got {temperature}, {top_p}")
        if tokenizer.pad_token_id is None or tokenizer.eos_token_id is None:
            raise ConfigError(
                "the tokenizer needs pad and eos tokens; set tokenizer.pad_token = tokenizer.eos_token"
            )
        self.model = model
        self.tokenizer = tokenizer
        tokenizer.padding_side = "left"
        tokenizer.truncation_side = "left"  # keep the end of a long prompt: the state and the answer cue
        self.format = get_format(prompt_format)
        self.mode = mode
        self.temperature = temperature
        self.top_p = top_p
        self.max_new_tokens = max_new_tokens
        self.max_prompt_tokens = max_prompt_tokens
        self.max_batch_prompts = max_batch_prompts
        self.keep_truncated = keep_truncated
        if seed is not None:  # once: successive calls draw fresh samples, the sequence is reproducible
            import torch

            torch.manual_seed(seed)

    @classmethod
    def from_pretrained(
        cls, path: str | Path, *, device: str | None = None, dtype: str | None = None, **kwargs
    ):
        """Load a ``save_pretrained`` directory (GPU and bf16 when a GPU is visible)."""
        from leangym.models import load_causal_lm, load_tokenizer

        return cls(load_causal_lm(path, device=device, dtype=dtype), load_tokenizer(path), **kwargs)

    @property
    def device(self):
        return next(self.model.parameters()).device

    def propose(self, observations: Sequence[str | Observation], k: int) -> list[list[Candidate]]:
        if k < 1:
            raise ConfigError(f"k must be >= 1, got {k}")
        out: list[list[Candidate]] = []
        for i in range(0, len(observations), self.max_batch_prompts):
            out.extend(self._propose_chunk(observations[i : i + self.max_batch_prompts], k))
        return out

    def _generate_kwargs(self, k: int) -> dict:
        common = dict(
            max_new_tokens=self.max_new_tokens,
            pad_token_id=self.tokenizer.pad_token_id,
            eos_token_id=self.tokenizer.eos_token_id,
        )
        if self.mode == "greedy":
            return dict(do_sample=False, num_beams=1, num_return_sequences=1, **common)
        if self.mode == "beam":
            return dict(do_sample=False, num_beams=k, num_return_sequences=k, **common)
        return dict(
            do_sample=True,
            temperature=self.temperature,
            top_p=self.top_p,
            top_k=0,
            num_return_sequences=k,
            **common,
        )

    def _propose_chunk(self, observations: Sequence[str | Observation], k: int) -> list[list[Candidate]]:
        import torch

        prompts = [self.format.render(o) for o in observations]
        enc = self.tokenizer(
            prompts, return_tensors="pt", padding=True, truncation=True, max_length=self.max_prompt_tokens
        ).to(self.device)
        with torch.inference_mode():
            seqs = self.model.generate(**enc, **self._generate_kwargs(k))
        if not torch.is_tensor(seqs):
            seqs = seqs.sequences
        per = seqs.shape[0] // len(prompts)
        prompt_len = enc["input_ids"].shape[1]
        prompt_mask = enc["attention_mask"].repeat_interleave(per, dim=0)
        gen = seqs[:, prompt_len:]
        gen_mask, finished = _completion_mask(gen, self.tokenizer.eos_token_id)
        logprobs = self._logprobs(seqs, torch.cat([prompt_mask, gen_mask], dim=1), gen, gen_mask)
        texts = self.tokenizer.batch_decode(
            gen * gen_mask + self.tokenizer.pad_token_id * (1 - gen_mask), skip_special_tokens=True
        )
        n_tok = gen_mask.sum(-1).tolist()
        out = []
        for i in range(len(prompts)):
            rows = range(i * per, (i + 1) * per)
            out.append(
                finalize(
                    (
                        Candidate(
                            self.format.parse(texts[r]),
                            logprobs[r],
                            n_tok[r],
                            tuple(gen[r, : n_tok[r]].tolist()),
                        )
                        for r in rows
                        if finished[r] or self.keep_truncated
                    ),
                    k,
                )
            )
        return out

    def score(self, prompts: Sequence[str], continuations: Sequence[str]) -> list[float]:
        """log p(continuation + EOS | prompt) for each pair: one teacher-forced pass per batch of pairs.

        Prompt and continuation are tokenized separately, as SFT trains (``trainers.sft``); rows are
        left-padded with position ids counted from each row's first real token, so a pair scores the same
        in any batch. Log-probs are on the scale of :meth:`propose`'s (EOS included).
        """
        return [lp for lp, _ in self._score(prompts, continuations)]

    def rank(
        self, observations: Sequence[str | Observation], tactics: Sequence[Sequence[str]]
    ) -> list[list[Candidate]]:
        """``tactics[i]`` (given, e.g. by a candidate generator) scored for ``observations[i]``, best first.

        Inadmissible tactics are dropped (:func:`~leangym.policy.base.finalize`); nothing is cut.
        """
        if len(tactics) != len(observations):
            raise ConfigError(f"need one tactic list per observation, got {len(tactics)} for {len(observations)}")
        pairs = [(i, t) for i, ts in enumerate(tactics) for t in ts]
        scores = self._score([self.format.render(observations[i]) for i, _ in pairs], [t for _, t in pairs])
        out: list[list[Candidate]] = [[] for _ in observations]
        for (i, t), (lp, n) in zip(pairs, scores):
            out[i].append(Candidate(t, lp, n))
        return [finalize(c, len(c)) for c in out]

    def _score(self, prompts: Sequence[str], continuations: Sequence[str]) -> list[tuple[float, int]]:
        """(log-prob, number of completion tokens) per pair; see :meth:`score`."""
        import torch

        if len(prompts) != len(continuations):
            raise ConfigError(f"need one continuation per prompt, got {len(continuations)} for {len(prompts)}")
        tok = self.tokenizer
        rows, n_cont = [], []
        for p, c in zip(prompts, continuations):
            prompt = tok(p)["input_ids"][-self.max_prompt_tokens :]  # as propose() encodes prompts
            cont = tok(c, add_special_tokens=False)["input_ids"] + [tok.eos_token_id]
            rows.append(prompt + cont)
            n_cont.append(len(cont))
        out: list[tuple[float, int]] = []
        step = self.max_batch_prompts * 4  # rows are single sequences, not k samples per prompt
        with torch.inference_mode():
            for i in range(0, len(rows), step):
                chunk, counts = rows[i : i + step], n_cont[i : i + step]
                width, tail = max(map(len, chunk)), max(counts)
                ids = torch.full((len(chunk), width), tok.pad_token_id, dtype=torch.long)
                mask = torch.zeros_like(ids)
                for r, row in enumerate(chunk):
                    ids[r, width - len(row) :] = torch.tensor(row)
                    mask[r, width - len(row) :] = 1
                ids, mask = ids.to(self.device), mask.to(self.device)
                position_ids = (mask.cumsum(-1) - 1).clamp(min=0)
                logits = self.model(
                    input_ids=ids, attention_mask=mask, position_ids=position_ids, logits_to_keep=tail + 1
                ).logits[:, :-1].float()
                targets = ids[:, -tail:]
                lp = torch.log_softmax(logits, dim=-1).gather(-1, targets.unsqueeze(-1)).squeeze(-1)
                keep = torch.arange(tail, device=lp.device)[None, :] >= (tail - torch.tensor(counts, device=lp.device))[:, None]
                out.extend(zip((lp * keep).sum(-1).tolist(), counts))
        return out

    def _logprobs(self, seqs, mask, gen, gen_mask) -> list[float]:
        """Teacher-forced sum of log p(token) over each row's completion tokens (EOS included)."""
        import torch

        n_new = gen.shape[1]
        if n_new == 0:
            return [0.0] * seqs.shape[0]
        position_ids = (mask.cumsum(-1) - 1).clamp(min=0)
        sums = []
        with torch.inference_mode():
            for i in range(0, seqs.shape[0], self.max_batch_prompts):
                sl = slice(i, i + self.max_batch_prompts)
                logits = (
                    self.model(
                        input_ids=seqs[sl],
                        attention_mask=mask[sl],
                        position_ids=position_ids[sl],
                        logits_to_keep=n_new + 1,
                    )
                    .logits[:, :-1]
                    .float()
                )
                lp = torch.log_softmax(logits, dim=-1).gather(-1, gen[sl].unsqueeze(-1)).squeeze(-1)
                sums.append((lp * gen_mask[sl]).sum(-1))
        return torch.cat(sums).tolist()


def _completion_mask(gen, eos_id: int):
    """Mask of each row's tokens up to and including its first EOS; and whether an EOS came at all."""

    is_eos = gen == eos_id
    seen_before = (is_eos.cumsum(-1) - is_eos.long()) > 0  # an EOS earlier in the row
    mask = (~seen_before).long()
    return mask, is_eos.any(-1).tolist()
