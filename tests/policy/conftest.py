"""Tiny tokenizer and models built from configs (no downloads), shared by the policy tests."""

from __future__ import annotations

import pytest

from leangym import models

CORPUS = [
    "x y : ℝ\nh₀ : x + y = 10\n⊢ x ≤ 10:::linarith",
    "n : ℕ\n⊢ n + 0 = n:::simp",
    "p q : Prop\nhp : p\nhq : q\n⊢ p ∧ q:::exact ⟨hp, hq⟩",
    "a b : ℤ\nh : a = b\n⊢ b = a:::omega",
] * 5


@pytest.fixture(scope="session")
def tokenizer():
    return models.train_tokenizer(CORPUS, vocab_size=400)


@pytest.fixture(scope="session")
def lm(tokenizer):
    return models.tiny_causal_lm(tokenizer, arch="gpt2")


@pytest.fixture(scope="session")
def llama(tokenizer):
    return models.tiny_causal_lm(tokenizer, arch="llama")


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    """Tiny models run fastest on one thread; on a shared 2-core box two threads spin against each other."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
