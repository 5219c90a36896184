"""The TRL entry points on CPU with tiny models built from configs (no hub access); GRPO: test_grpo.py."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")

pytest.importorskip("trl")

from leangym import models  # noqa: E402
from leangym.policy import HFCritic, HFPolicy  # noqa: E402
from trainers.critic import CriticRunConfig, pairwise_accuracy, train_critic  # noqa: E402
from trainers.sft import SFTRunConfig, sft_dataset, train_sft  # noqa: E402

STEPS = [
    ("p q : Prop\nh1 : q\nh2 : p\n⊢ p ∧ q", "constructor"),
    ("p : Prop\nh1 : p\n⊢ p", "exact h1"),
    ("p q : Prop\n⊢ p → q → p", "intro h1 h2"),
]


@pytest.fixture(scope="module")
def tokenizer():
    import torch

    torch.set_num_threads(1)
    return models.train_tokenizer([s + "\n" + t for s, t in STEPS] * 5, vocab_size=400)


def test_sft_dataset_masks_the_prompt_and_keeps_the_tactic(tokenizer):
    ds = sft_dataset(tokenizer, STEPS, "bfs", max_length=12)
    for row, (_, tactic) in zip(ds, STEPS):
        ids, mask = row["input_ids"], row["completion_mask"]
        assert len(ids) == len(mask) <= 12  # long prompts are cut from the left
        completion = [i for i, m in zip(ids, mask) if m]
        assert completion[-1] == tokenizer.eos_token_id
        assert tokenizer.decode(completion[:-1]) == tactic
        assert mask[0] == 0


def test_sft_teaches_a_policy_its_tactics(tokenizer, tmp_path):
    model = models.tiny_causal_lm(tokenizer, seed=0)
    config = SFTRunConfig(
        output_dir=str(tmp_path), max_steps=40, batch_size=3, learning_rate=3e-3, quiet=True
    )
    model = train_sft(model, tokenizer, STEPS, config)
    policy = HFPolicy(model, tokenizer, mode="greedy", max_new_tokens=12)
    got = [c[0].tactic if c else None for c in policy.propose([s for s, _ in STEPS], 1)]
    assert got == [t for _, t in STEPS]


def test_critic_learns_to_order_pairs(tokenizer, tmp_path):
    pairs = [(STEPS[1][0], STEPS[0][0]), (STEPS[1][0], STEPS[2][0]), ("⊢ True", STEPS[2][0])]
    model = models.tiny_critic(tokenizer, seed=0)
    config = CriticRunConfig(
        output_dir=str(tmp_path), max_steps=30, batch_size=3, learning_rate=3e-3, quiet=True
    )
    model = train_critic(model, tokenizer, pairs, config)
    critic = HFCritic(model, tokenizer)
    assert pairwise_accuracy(critic, pairs) == 1.0
    texts = [s for s, _ in STEPS]
    assert critic.score(texts) == pytest.approx([critic.score([t])[0] for t in texts], abs=1e-4)


def test_critic_refuses_a_model_with_several_labels(tokenizer, tmp_path):
    from transformers import AutoModelForSequenceClassification, GPT2Config

    config = GPT2Config(n_layer=1, n_embd=16, n_head=2, vocab_size=len(tokenizer), num_labels=2)
    model = AutoModelForSequenceClassification.from_config(config)
    with pytest.raises(ValueError, match="num_labels=1"):
        train_critic(model, tokenizer, [("a", "b")], CriticRunConfig(output_dir=str(tmp_path), quiet=True))


@pytest.mark.parametrize("module", ["trainers.sft", "trainers.critic", "trainers.grpo"])
def test_cli_help_lists_fields(module, capsys):
    import importlib

    main = importlib.import_module(module).main
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "--output-dir" in out and "--learning-rate" in out and "AdamW learning rate" in out


def test_cli_trains_from_a_proof_store(tmp_path):
    from leangym.minilean.suites import generate
    from leangym.store import CriticPair, ProofStore
    from trainers import critic, sft

    p = generate("propositional", 1, seed=0, difficulty=1)[0]
    with ProofStore(tmp_path / "store.sqlite") as store:
        store.add_proof(p, ["intro h", "exact h"], ["p : Prop\n⊢ p → p", "p : Prop\nh : p\n⊢ p"])
        store.add_critic_pairs([CriticPair("p : Prop\nh : p\n⊢ p", "p : Prop\n⊢ p → p", "progress")] * 1)
    common = ["--store", str(tmp_path / "store.sqlite"), "--max_steps", "2", "--quiet"]
    assert sft.main([*common, "--output_dir", str(tmp_path / "policy")]) == 0
    assert (tmp_path / "policy" / "config.json").is_file()
    assert critic.main([*common, "--output_dir", str(tmp_path / "critic"), "--held_out", "0"]) == 0
    assert models.load_critic(tmp_path / "critic", device="cpu").config.num_labels == 1
