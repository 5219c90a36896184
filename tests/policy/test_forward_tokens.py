"""ForwardTokens: the model-token budget counts every forward pass (generation, scoring, training), not evaluations."""

from __future__ import annotations

from leangym import models
from leangym.policy import HFPolicy

STATE = "p q : Prop\nhp : p\nhq : q\n⊢ p ∧ q"


def _policy():
    tok = models.train_tokenizer([STATE + ":::constructor"] * 20, vocab_size=300)
    model = models.tiny_causal_lm(tok, n_layer=1, d_model=32, n_head=4, seed=0)
    return model, HFPolicy(model, tok, max_new_tokens=4, keep_truncated=True)


def test_generation_counts_prompt_and_each_decoding_step():
    model, policy = _policy()
    counter = models.ForwardTokens(model)
    prompt_len = len(policy.tokenizer(policy.format.render(STATE))["input_ids"])
    policy.propose([STATE], 3)
    # generation: the 3 prompts once, then at most 3 tokens per step for the other decoding steps; plus the
    # log-prob pass over the 3 full sequences; no more than that, at least the prompts twice
    assert 2 * 3 * prompt_len <= counter.tokens <= 2 * 3 * (prompt_len + 4)


def test_paused_and_closed_counters_count_nothing():
    model, policy = _policy()
    counter = models.ForwardTokens(model)
    with counter.paused():
        policy.propose([STATE], 2)
    assert counter.tokens == 0
    policy.rank([STATE], [["constructor", "exact hp"]])
    scored = counter.tokens
    assert scored > 0
    counter.close()
    policy.propose([STATE], 2)
    assert counter.tokens == scored
