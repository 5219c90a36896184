from __future__ import annotations

import pytest
import torch

from leangym import models
from leangym.errors import ConfigError
from leangym.policy import HFPolicy, TacticPolicy

OBS = ["x y : ℝ\n⊢ x ≤ 10", "n : ℕ\nh : n > 2\nh' : n < 100\n⊢ n + 0 = n", "⊢ True"]


def test_tokenizer_round_trips_lean_unicode(tokenizer):
    text = "h₀ : x ∣ y\n⊢ ∀ ε > 0, ∃ δ, |x| ≤ δ ∧ (n : ℝ) ≠ 0"
    assert tokenizer.decode(tokenizer(text)["input_ids"]) == text
    assert tokenizer.pad_token_id != tokenizer.eos_token_id
    assert tokenizer.padding_side == "left"


@pytest.mark.parametrize("arch", ["gpt2", "llama"])
def test_batched_greedy_equals_one_by_one(tokenizer, lm, llama, arch):
    model = lm if arch == "gpt2" else llama
    policy = HFPolicy(model, tokenizer, mode="greedy", max_new_tokens=10, keep_truncated=True)
    assert isinstance(policy, TacticPolicy)
    batched = policy.propose(OBS, k=1)
    for obs, got in zip(OBS, batched):
        alone = policy.propose([obs], k=1)[0]
        assert [c.token_ids for c in got] == [c.token_ids for c in alone]
        assert got[0].logprob == pytest.approx(alone[0].logprob, abs=1e-4)


def _manual_logprob(model, tokenizer, prompt: str, token_ids: tuple[int, ...]) -> float:
    """Unpadded teacher-forced log-prob of ``token_ids`` after ``prompt``: the definition."""
    ids = tokenizer(prompt)["input_ids"] + list(token_ids)
    with torch.no_grad():
        logits = model(torch.tensor([ids])).logits[0].double()
    lp = torch.log_softmax(logits, -1)
    start = len(ids) - len(token_ids)
    return float(sum(lp[start - 1 + i, t] for i, t in enumerate(token_ids)))


@pytest.mark.parametrize("mode", ["sample", "beam"])
def test_logprobs_are_exact_sequence_logprobs(tokenizer, lm, mode):
    policy = HFPolicy(lm, tokenizer, mode=mode, max_new_tokens=8, keep_truncated=True, seed=3)
    proposals = policy.propose(OBS, k=4)
    checked = 0
    for obs, cands in zip(OBS, proposals):
        assert cands == sorted(cands, key=lambda c: -c.logprob)
        for c in cands:
            assert c.num_tokens == len(c.token_ids)
            assert c.logprob == pytest.approx(
                _manual_logprob(lm, tokenizer, policy.format.render(obs), c.token_ids), abs=1e-3
            )
            checked += 1
    assert checked >= len(OBS)


def test_eos_ends_candidates_and_empty_ones_are_dropped(tokenizer):
    """A model whose final hidden state is a constant v with EOS's embedding 10·v: EOS dominates."""
    model = models.tiny_causal_lm(tokenizer, seed=1)
    with torch.no_grad():
        v = torch.linspace(-1, 1, model.config.n_embd)
        model.transformer.ln_f.weight.zero_()
        model.transformer.ln_f.bias.copy_(v)
        model.transformer.wte.weight[tokenizer.eos_token_id] = 10 * v
    greedy = HFPolicy(model, tokenizer, mode="greedy", max_new_tokens=6).propose(OBS, k=1)
    assert greedy == [[], [], []]  # the greedy completion is EOS alone: an empty tactic, dropped
    beams = HFPolicy(model, tokenizer, mode="beam", max_new_tokens=6).propose(OBS, k=3)
    for obs, cands in zip(OBS, beams):
        assert cands, "beams other than the empty one end with EOS after one token"
        for c in cands:
            assert c.token_ids[-1] == tokenizer.eos_token_id and c.tactic
            assert c.logprob == pytest.approx(
                _manual_logprob(model, tokenizer, obs + ":::", c.token_ids), abs=1e-3
            )


def test_bad_settings_are_refused(tokenizer, lm):
    with pytest.raises(ConfigError, match="mode"):
        HFPolicy(lm, tokenizer, mode="nucleus")
    with pytest.raises(ConfigError, match="k must be"):
        HFPolicy(lm, tokenizer).propose(OBS, k=0)


def test_save_and_load_round_trip(tokenizer, lm, tmp_path):
    models.save(lm, tokenizer, tmp_path / "m")
    loaded = HFPolicy.from_pretrained(tmp_path / "m", mode="greedy", max_new_tokens=6, keep_truncated=True)
    direct = HFPolicy(lm, tokenizer, mode="greedy", max_new_tokens=6, keep_truncated=True)
    assert [c.token_ids for c in loaded.propose(OBS, 1)[0]] == [
        c.token_ids for c in direct.propose(OBS, 1)[0]
    ]
    with pytest.raises(ConfigError, match="save_pretrained"):
        models.load_causal_lm(tmp_path / "missing")
