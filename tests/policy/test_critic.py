from __future__ import annotations

import pytest

from leangym import models
from leangym.policy import Critic, HFCritic, critic_text

STATES = ["⊢ True", "x y : ℝ\nh₀ : x + y = 10\nh₁ : x - y = 2\n⊢ x = 6", "n : ℕ\n⊢ n + 0 = n"]


@pytest.mark.parametrize("arch", ["gpt2", "llama"])
def test_batched_scores_equal_one_by_one(tokenizer, arch):
    # the tokenizer pads on the left (what policies need); absolute positions (gpt2) must not shift
    assert tokenizer.padding_side == "left"
    critic = HFCritic(models.tiny_critic(tokenizer, arch=arch), tokenizer)
    assert isinstance(critic, Critic)
    batched = critic.score(STATES)
    alone = [critic.score([s])[0] for s in STATES]
    assert batched == pytest.approx(alone, abs=1e-4)
    assert len(set(round(v, 6) for v in batched)) == len(STATES)  # it reads the text, not padding


def test_critic_needs_pad_token_and_one_label(tokenizer):
    model = models.tiny_critic(tokenizer)
    model.config.pad_token_id = None
    with pytest.raises(ValueError, match="pad_token_id"):
        HFCritic(model, tokenizer)


def test_critic_text_uses_internlm_question():
    assert critic_text("⊢ True") == "Which state is closer to 'no goals'?\n⊢ True"


def test_reward_trainer_learns_to_rank_held_out_pairs(tokenizer, tmp_path):
    """TRL RewardTrainer on (chosen, rejected) pairs: shorter goal lists are closer to 'no goals'."""
    import random

    from datasets import Dataset
    from trl import RewardConfig, RewardTrainer

    rng = random.Random(0)

    def state(n_goals: int) -> str:
        return "\n\n".join(
            f"x{i} : ℕ\n⊢ x{i} + {rng.randint(0, 9)} = {rng.randint(0, 9)} + x{i}" for i in range(n_goals)
        )

    def pairs(n):
        out = []
        for _ in range(n):
            a, b = rng.sample(range(1, 5), 2)
            lo, hi = min(a, b), max(a, b)
            out.append({"chosen": critic_text(state(lo)), "rejected": critic_text(state(hi))})
        return out

    train, held_out = pairs(96), pairs(40)
    model = models.tiny_critic(tokenizer, n_layer=1, d_model=32)
    cfg = RewardConfig(
        output_dir=str(tmp_path),
        num_train_epochs=2,
        per_device_train_batch_size=16,
        learning_rate=3e-3,
        logging_strategy="no",
        save_strategy="no",
        report_to=[],
        max_length=256,
        use_cpu=True,
        disable_tqdm=True,
        center_rewards_coefficient=None,
    )
    RewardTrainer(
        model=model, args=cfg, train_dataset=Dataset.from_list(train), processing_class=tokenizer
    ).train()
    critic = HFCritic(model.eval(), tokenizer)
    chosen = critic.score([p["chosen"].split("\n", 1)[1] for p in held_out])
    rejected = critic.score([p["rejected"].split("\n", 1)[1] for p in held_out])
    accuracy = sum(c > r for c, r in zip(chosen, rejected)) / len(held_out)
    print("held-out accuracy", accuracy)
    assert accuracy >= 0.8, accuracy
