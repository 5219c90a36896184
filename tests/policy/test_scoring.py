"""HFPolicy.score / rank: teacher-forced log-probs of given tactics, batched under left padding."""

from __future__ import annotations

import pytest

from leangym.policy import HFPolicy
from leangym.search.candidates import CandidateGenerator, ModelChoosesPolicy

STATE = "p q : Prop\nhp : p\nhq : q\n⊢ p ∧ q"


@pytest.mark.parametrize("arch", ["lm", "llama"])
def test_batched_scores_equal_one_by_one(arch, request, tokenizer):
    """Left padding with position ids from each row's first token: a pair scores the same in any batch."""
    policy = HFPolicy(request.getfixturevalue(arch), tokenizer)
    prompts = [STATE + ":::", "n : ℕ\n⊢ n + 0 = n:::", "x : ℝ\n⊢ x ≤ x:::"]
    tactics = ["exact ⟨hp, hq⟩", "simp", "linarith [sq_nonneg x, sq_nonneg (x + 1)]"]
    batched = policy.score(prompts, tactics)
    alone = [policy.score([p], [t])[0] for p, t in zip(prompts, tactics)]
    assert batched == pytest.approx(alone, abs=1e-4)
    assert all(s < 0 for s in batched)


def test_score_is_the_unpadded_log_prob_of_tactic_and_eos(lm, tokenizer):
    """One unpadded forward pass over prompt + tactic + EOS gives the same number (the scale of propose())."""
    import torch

    policy = HFPolicy(lm, tokenizer)
    prompt, tactic = STATE + ":::", "exact ⟨hp, hq⟩"
    ids = tokenizer(prompt)["input_ids"]
    cont = tokenizer(tactic, add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
    with torch.inference_mode():
        logits = lm(input_ids=torch.tensor([ids + cont])).logits[0].float()
    lp = torch.log_softmax(logits[len(ids) - 1 : -1], -1).gather(-1, torch.tensor(cont)[:, None]).sum().item()
    short = policy.score(["⊢ True:::"], ["trivial"])  # in a batch with a shorter row, padded on the left
    assert policy.score([prompt, "⊢ True:::"], [tactic, "trivial"]) == pytest.approx([lp, *short], abs=1e-4)


def test_a_model_trained_to_prefer_a_tactic_ranks_it_first(tokenizer):
    """A tiny model fine-tuned for a few steps on one (state, tactic) choice puts it first among the generator's."""
    import torch

    from leangym import models

    model = models.tiny_causal_lm(tokenizer, d_model=32, seed=1)
    target = "exact hq"
    candidates = CandidateGenerator()(STATE)
    assert target in candidates and candidates.index(target) > 0
    policy = HFPolicy(model, tokenizer)
    assert policy.rank([STATE], [candidates])[0][0].tactic != target  # untrained: no preference for it
    ids = tokenizer(STATE + ":::", add_special_tokens=False)["input_ids"]
    completion = tokenizer(target, add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
    x = torch.tensor([ids + completion])
    labels = torch.tensor([[-100] * len(ids) + completion])
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    model.train()
    for _ in range(30):
        opt.zero_grad()
        model(input_ids=x, labels=labels).loss.backward()
        opt.step()
    model.eval()
    ranked = policy.rank([STATE], [candidates])[0]
    assert ranked[0].tactic == target
    chooser = ModelChoosesPolicy(policy, samples=2)
    assert chooser.propose([STATE], 3)[0][0].tactic == target
