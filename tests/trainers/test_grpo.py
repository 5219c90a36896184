"""GRPO on CPU with tiny models built from configs: positions, one trainer, dropped groups, metrics."""

from __future__ import annotations

import json
import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")

pytest.importorskip("trl")

from leangym import models  # noqa: E402
from leangym.backend import make_backend  # noqa: E402
from leangym.minilean.suites import generate  # noqa: E402
from trainers.grpo import (  # noqa: E402
    GRPORunConfig,
    GRPOStats,
    lean_grpo_trainer_class,
    plot_rewards,
    read_metrics,
    train_grpo,
)

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


def _trainer(model, tokenizer, tmp_path, rollout=None, **config):
    from datasets import Dataset
    from trl import GRPOConfig

    from trainers.common import training_kwargs

    run = GRPORunConfig(output_dir=str(tmp_path), batch_size=4, num_generations=2, quiet=True)
    kwargs = training_kwargs(run)
    kwargs["max_steps"] = 1
    args = GRPOConfig(**kwargs, num_generations=2, max_completion_length=8)
    data = Dataset.from_dict({"prompt": ["a:::", "b:::"], "problem_id": ["a", "b"]})
    return lean_grpo_trainer_class()(
        model=model, reward_funcs=lambda solved, **_: list(solved), args=args, train_dataset=data,
        processing_class=tokenizer, rollout_func=rollout, **config,
    )  # fmt: skip


@pytest.mark.parametrize("arch", ["gpt2", "llama"])
def test_loss_logprobs_of_a_left_padded_batch_equal_unpadded(tokenizer, tmp_path, arch):
    """TRL's loss forward passes no position_ids; a left-padded GPT-2 row was scored at shifted positions."""
    import torch
    from trl import GRPOTrainer

    trainer = _trainer(models.tiny_causal_lm(tokenizer, arch=arch, seed=0), tokenizer, tmp_path)
    pad = tokenizer.pad_token_id
    rows = [tokenizer(s + ":::" + t, add_special_tokens=False)["input_ids"] for s, t in STEPS]
    width, keep = max(map(len, rows)), 3  # score each row's last three tokens
    ids = torch.tensor([[pad] * (width - len(r)) + r for r in rows])
    mask = torch.tensor([[0] * (width - len(r)) + [1] * len(r) for r in rows])
    with torch.no_grad():
        batched = trainer._get_per_token_logps_and_entropies(trainer.model, ids, mask, keep)[0]
        alone = [
            trainer._get_per_token_logps_and_entropies(trainer.model, torch.tensor([r]), torch.ones(1, len(r), dtype=torch.long), keep)[0]
            for r in rows
        ]
        plain = GRPOTrainer._get_per_token_logps_and_entropies(trainer, trainer.model, ids, mask, keep)[0]
    assert torch.allclose(batched, torch.cat(alone), atol=1e-4)
    if arch == "gpt2":  # learned absolute positions: without position_ids the padded rows' scores move
        assert (plain - torch.cat(alone)).abs().max() > 1e-2


def _fake_rollout(solved):
    """A rollout_func whose episodes have given rewards and two steps each (state prompt, one-token tactic)."""

    def rollout(prompts, trainer):
        eos = trainer.processing_class.eos_token_id
        steps = [[([5, 6, 7], [8, eos]), ([5, 9], [eos])] for _ in prompts]
        return {
            "prompt_ids": [s[0][0] for s in steps],
            "completion_ids": [[t for _, tac in s for t in tac] for s in steps],
            "logprobs": None,
            "solved": list(solved[: len(prompts)]),
            "steps": steps,
        }

    return rollout


def test_groups_with_equal_rewards_are_dropped(tokenizer, tmp_path):
    stats = GRPOStats()
    model = models.tiny_causal_lm(tokenizer, seed=0)
    trainer = _trainer(model, tokenizer, tmp_path, _fake_rollout([1.0, 1.0, 0.0, 1.0]), stats=stats)
    trainer.model.train()
    inputs = [{"prompt": "a:::", "problem_id": "a"}] * 2 + [{"prompt": "b:::", "problem_id": "b"}] * 2
    out = trainer._generate_and_score_completions([dict(x) for x in inputs])
    # group 0 (both solved) is dropped; group 1 (one of two) gives its two episodes' two steps each
    assert stats.dropped_groups == 1
    assert out["advantages"].shape[0] == 4 and (out["advantages"][:2] < 0).all() and (out["advantages"][2:] > 0).all()
    assert out["prompt_ids"].shape[0] == out["completion_ids"].shape[0] == 4
    assert int(out["num_items_in_batch"]) == 2 * (2 + 1)  # tactic tokens of the kept steps, EOS included

    every = _trainer(model, tokenizer, tmp_path, _fake_rollout([0.0] * 4), stats=GRPOStats())
    every.model.train()
    out = every._generate_and_score_completions([dict(x) for x in inputs])
    assert out["advantages"].numel() == 0
    loss = every.compute_loss(every.model, out)
    loss.backward()
    assert loss.detach().item() == 0.0 and all(p.grad is None for p in every.model.parameters())


def test_one_trainer_carries_optimizer_schedule_and_problem_order(tokenizer, tmp_path):
    """Chunks are callbacks on one trainer: Adam's step count and the schedule keep counting, problems move on."""
    from transformers import TrainerCallback

    problems = generate("propositional", 6, seed=0, difficulty=1)
    seen = []

    class Record(TrainerCallback):
        def on_step_end(self, args, state, control, optimizer=None, lr_scheduler=None, **kwargs):
            first = next(iter(optimizer.state.values()))
            seen.append((state.global_step, int(first["step"]), lr_scheduler.last_epoch))

    config = GRPORunConfig(
        output_dir=str(tmp_path), max_steps=3, batch_size=4, num_generations=2, max_turns=2, max_new_tokens=6,
        drop_uniform_groups=False, quiet=True,
    )  # fmt: skip
    stats = GRPOStats()
    with make_backend("minilean") as backend:
        train_grpo(models.tiny_causal_lm(tokenizer, seed=0), tokenizer, problems, backend, config, stats, [Record()])
    assert seen == [(1, 1, 1), (2, 2, 2), (3, 3, 3)]
    assert stats.episodes == 3 * 4 and len(stats.rewards) == 3


@pytest.mark.parametrize("mode", ["tactic", "whole_proof"])
def test_tiny_grpo_run_writes_metrics_and_plot(tokenizer, tmp_path, mode):
    problems = generate("propositional", 4, seed=0, difficulty=1)
    model = models.tiny_causal_lm(tokenizer, seed=0)
    config = GRPORunConfig(
        output_dir=str(tmp_path), mode=mode, max_steps=50, max_env_steps=12, batch_size=4, num_generations=2,
        max_turns=2, max_new_tokens=8, quiet=True,
    )  # fmt: skip
    stats = GRPOStats()
    with make_backend("minilean") as backend:
        model = train_grpo(model, tokenizer, problems, backend, config, stats)
    assert not model.training
    lines = [json.loads(s) for s in (tmp_path / "metrics.jsonl").read_text().splitlines()]
    fields = {"algorithm", "step", "env_steps", "forward_tokens", "wall_s", "mean_reward", "verified"}
    assert lines and all(set(m) == fields and m["algorithm"] == "grpo" for m in lines)
    assert [m["step"] for m in lines] == list(range(1, len(lines) + 1))
    assert lines[-1]["env_steps"] >= 12 > lines[-2]["env_steps"]  # stopped once the env-step budget was spent
    assert all(0.0 <= m["mean_reward"] <= 1.0 for m in lines) and lines[-1]["forward_tokens"] > 0
    assert len(read_metrics(tmp_path / "metrics.jsonl")) == len(lines) == len(stats.rewards)
    assert plot_rewards(tmp_path / "metrics.jsonl", tmp_path / "grpo_reward.png").stat().st_size > 0


def test_tactic_rollout_uses_single_state_prompts_in_a_vector_env(tokenizer):
    """Every step's prompt is one state in the policy's format (as SFT and search show it), no transcript."""
    from types import SimpleNamespace

    from leangym.envs import LeanVectorEnv
    from leangym.policy.formats import get_format
    from trainers.grpo import TacticRollout

    problems = generate("propositional", 2, seed=0, difficulty=1)
    config = GRPORunConfig(max_turns=3, max_new_tokens=6, batch_size=4, num_generations=2)
    model = models.tiny_causal_lm(tokenizer, seed=0)
    trainer = SimpleNamespace(
        processing_class=tokenizer, model=model, accelerator=SimpleNamespace(unwrap_model=lambda m: m)
    )
    with make_backend("minilean") as backend:
        prompts = {p.id: get_format("bfs").render(backend.start(p).text) for p in problems}
        rollout = TacticRollout(problems, backend, config, prompts)
        out = rollout(list(prompts.values()) * 2, trainer)
        assert isinstance(rollout.envs.unwrapped, LeanVectorEnv) and rollout.envs.num_envs == 4
        rollout.close()
    assert len(out["steps"]) == len(out["solved"]) == 4
    for steps in out["steps"]:
        assert 1 <= len(steps) <= 3
        for prompt_ids, tactic_ids in steps:
            text = tokenizer.decode(prompt_ids)
            assert text.endswith(":::") and text.count(":::") == 1 and "⊢" in text
            assert 1 <= len(tactic_ids) <= 6
    assert rollout.stats.env_steps == sum(len(s) for s in out["steps"]) and rollout.stats.forward_tokens > 0


def test_config_checks():
    with pytest.raises(ValueError, match="multiple of num_generations"):
        GRPORunConfig(batch_size=6, num_generations=4)
    with pytest.raises(ValueError, match="max_steps >= 1 or max_env_steps >= 1"):
        GRPORunConfig(max_steps=0)
    assert GRPORunConfig(max_steps=0, max_env_steps=100, batch_size=32).step_limit == 4
