"""The policy on a CUDA GPU in bf16. Skipped where no GPU is visible; ``test_hf_policy.py`` runs the same
code path on the CPU in fp32."""

from __future__ import annotations

import pytest
import torch

from leangym import models
from leangym.policy import HFCritic, HFPolicy

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU (the CPU path is tested in test_hf_policy.py)"),
]

OBS = ["p q : Prop\nhp : p\nhq : q\n⊢ p ∧ q", "x y : ℝ\nh₀ : x + y = 10\n⊢ x ≤ 10", "n : ℕ\n⊢ n + 0 = n"]


def test_gpu_policy_runs_in_bf16_and_batches_like_one_by_one(tokenizer, tmp_path):
    models.save(models.tiny_causal_lm(tokenizer, arch="gpt2"), tokenizer, tmp_path / "m")
    policy = HFPolicy.from_pretrained(tmp_path / "m", mode="greedy", max_new_tokens=8, keep_truncated=True)
    assert next(policy.model.parameters()).device.type == "cuda"
    assert next(policy.model.parameters()).dtype == torch.bfloat16
    batched = policy.propose(OBS, k=1)
    alone = [policy.propose([o], k=1)[0] for o in OBS]
    # bf16 rounding can flip a near-tie; the generated tokens of a greedy batch must still agree per state
    assert [[c.token_ids for c in b] for b in batched] == [[c.token_ids for c in a] for a in alone]
    sampled = HFPolicy.from_pretrained(tmp_path / "m", mode="sample", max_new_tokens=8).propose(OBS, k=4)
    assert len(sampled) == len(OBS) and all(c.logprob <= 0 for cands in sampled for c in cands)


def test_gpu_critic_scores_batched_like_one_by_one(tokenizer):
    critic = HFCritic(models.tiny_critic(tokenizer, arch="gpt2").to("cuda"), tokenizer)
    batched = critic.score(OBS)
    assert batched == pytest.approx([critic.score([o])[0] for o in OBS], abs=1e-3)
