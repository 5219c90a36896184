"""GRPO with rewards from Lean (TRL GRPOTrainer): whole proofs, or multi-turn tactic episodes.

Two settings, one reward: 1.0 for a proof that the backend re-verifies from source, else 0.0.

- ``mode="whole_proof"``: the prompt is the theorem (``theorem … := by`` and a newline), the completion a
  whole tactic proof, one tactic a line; the reward function calls ``backend.verify``. This is GRPOTrainer's
  ordinary single-turn path (DeepSeek-Prover / Kimina style).
- ``mode="tactic"``: an episode in :class:`leangym.envs.LeanTacticEnv`. The prompt is the root state in the
  policy's prompt format; the model writes one tactic, the env runs it, and the env's answer (the next state
  in the same prompt format, or Lean's error and the unchanged state) is appended, then the next tactic, up to
  ``max_turns``. TRL 1.16 runs such loops through ``rollout_func``; the returned ``env_mask`` is 0 on the env's
  tokens so that only the model's own tactics carry the policy-gradient loss. (``environment_factory`` would
  need a tool-calling chat template, which small from-scratch models do not have.)

    python -m trainers.grpo --mode tactic --model runs/sft --family propositional --max-steps 20
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from leangym.backend.api import Backend, ProofState
from leangym.config import describe, option, parse
from leangym.policy.formats import Observation, get_format
from leangym.problems import Problem
from leangym.store import theorem_name
from trainers.common import (
    TrainConfig,
    load_or_build_policy,
    quiet_datasets,
    run_trainer,
    training_kwargs,
)

MODES = ("tactic", "whole_proof")


@dataclass
class GRPORunConfig(TrainConfig):
    """GRPO settings; the trainer fields come from :class:`~trainers.common.TrainConfig`.

    ``batch_size`` counts completions per step: ``batch_size / num_generations`` problems, each rolled
    out ``num_generations`` times (the group whose mean reward is the baseline).
    """

    output_dir: str = option("runs/grpo", "where the trained policy is saved (save_pretrained directory)")
    learning_rate: float = option(1e-4, "AdamW learning rate")
    batch_size: int = option(16, "completions per optimisation step (a multiple of num_generations)")
    mode: str = option("tactic", "'tactic' (multi-turn episodes in the env) or 'whole_proof'")
    max_steps: int = option(20, "optimisation steps (each generates batch_size fresh rollouts)")
    num_generations: int = option(4, "rollouts per problem (GRPO group size)")
    max_turns: int = option(4, "tactics per episode in tactic mode")
    max_new_tokens: int = option(32, "tokens per tactic (tactic mode) or per whole proof")
    max_completion_length: int = option(
        256, "tokens in a whole episode transcript (tactics and env text)"
    )
    temperature: float = option(1.0, "sampling temperature of rollouts")
    beta: float = option(0.0, "KL penalty to the initial policy (0 needs no reference model)")
    prompt_format: str = option("bfs", "prompt format of states in tactic mode: 'bfs' or 'internlm2.5'")
    model: str = option(
        "", "policy to train (save_pretrained directory); empty builds a tiny one (CLI only)"
    )
    family: str = option("propositional", "MiniLean problem family to train on (CLI only)")
    num_problems: int = option(16, "problems generated for training (CLI only)")
    difficulty: int = option(1, "generator difficulty (CLI only)")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {self.mode!r}")
        if self.num_generations < 2 or self.batch_size % self.num_generations:
            raise ValueError(
                f"batch_size ({self.batch_size}) must be a multiple of num_generations ({self.num_generations}) "
                "and num_generations >= 2 (GRPO's baseline is the group mean); adjust either"
            )
        if self.max_turns < 1 or self.max_steps < 1:
            raise ValueError(
                f"max_turns and max_steps must be >= 1, got {self.max_turns} and {self.max_steps}"
            )


@dataclass
class GRPOStats:
    """What a GRPO run cost in the environment: tactics sent (env steps), episodes, verified proofs."""

    env_steps: int = 0
    episodes: int = 0
    solved: int = 0
    rewards: list[float] = field(default_factory=list)  # mean reward per logged optimisation step


def whole_proof_prompt(problem: Problem) -> str:
    """The whole-proof prompt: the statement as a Lean declaration awaiting its tactic block."""
    return f"{problem.statement} := by\n"


def parse_whole_proof(completion: str) -> list[str]:
    """Tactic lines of a whole-proof completion (blank lines dropped, indentation stripped)."""
    return [line.strip() for line in completion.split("\n") if line.strip()]


def lean_verify_reward(backend: Backend, problems: dict[str, Problem], stats: GRPOStats | None = None):
    """A GRPO reward function: 1.0 where the completion is a whole proof the backend verifies."""

    def lean_verified(completions: list[str], problem_id: list[str], **_: object) -> list[float]:
        rewards = []
        for text, pid in zip(completions, problem_id):
            tactics = parse_whole_proof(text)
            rewards.append(float(bool(tactics) and backend.verify(problems[pid], tactics).ok))
        if stats is not None:
            stats.env_steps += len(rewards)
            stats.episodes += len(rewards)
            stats.solved += int(sum(rewards))
        return rewards

    return lean_verified


def env_solved_reward(solved: list[float], **_: object) -> list[float]:
    """A GRPO reward function reading the ``solved`` field the tactic rollout returns."""
    return list(solved)


class TacticRollout:
    """TRL ``rollout_func`` playing tactic-level episodes in :class:`~leangym.envs.LeanTacticEnv`.

    Episode ``i`` of a batch runs in env ``i`` (envs are kept between batches and share one backend); all
    live episodes advance together, one left-padded ``generate`` call per turn. Returns, per prompt, the
    transcript's token ids after the prompt (``completion_ids``), an ``env_mask`` (1 on the model's tokens,
    0 on the env's) and ``solved`` (1.0 for a verified proof, which the reward function reads).
    """

    def __init__(
        self,
        problems: Sequence[Problem],
        backend: Backend,
        config: GRPORunConfig,
        prompts: dict[str, str],
        stats: GRPOStats | None = None,
    ) -> None:
        self.problems = list(problems)
        self.backend = backend
        self.config = config
        self.format = get_format(config.prompt_format)
        self.problem_of_prompt = {prompt: pid for pid, prompt in prompts.items()}
        self.envs: list = []
        self.stats = stats if stats is not None else GRPOStats()

    def _env(self, i: int):
        from leangym.envs import LeanTacticEnv

        while len(self.envs) <= i:
            self.envs.append(
                LeanTacticEnv(self.problems, backend=self.backend, max_steps=None, fragment_filter=False)
            )
        return self.envs[i]

    def feedback(self, obs: str, info: dict, name: str) -> str:
        """What the env answers after a tactic, rendered so that it ends on the next tactic's cue."""
        error = f"error: {info['error'].splitlines()[0]}\n" if info.get("error") else ""
        return "\n" + error + self.format.render(Observation(obs, name, tuple(info["proof"])))

    def __call__(self, prompts: list[str], trainer) -> dict[str, list]:
        tok = trainer.processing_class
        model = trainer.accelerator.unwrap_model(trainer.model)
        was_training = model.training
        model.eval()  # no dropout while sampling: rollouts come from the policy being scored
        n = len(prompts)
        prompt_ids = [tok(p, add_special_tokens=False)["input_ids"] for p in prompts]
        completion: list[list[int]] = [[] for _ in range(n)]
        mask: list[list[int]] = [[] for _ in range(n)]
        solved = [0.0] * n
        names = []
        for i, p in enumerate(prompts):
            self._env(i).reset(options={"problem": self.problem_of_prompt[p]})
            names.append(theorem_name(self.envs[i].problem.statement))
        live = list(range(n))
        for _turn in range(self.config.max_turns):
            if not live:
                break
            new = self._generate(model, tok, [prompt_ids[i] + completion[i] for i in live])
            still = []
            for i, ids in zip(live, new):
                finished = bool(ids) and ids[-1] == tok.eos_token_id
                tactic = tok.decode(ids, skip_special_tokens=True).strip()
                completion[i] += ids
                mask[i] += [1] * len(ids)
                # An unfinished tactic (no EOS within max_new_tokens) is sent as "", which the env rejects.
                obs, reward, terminated, _, info = self.envs[i].step(tactic if finished else "")
                self.stats.env_steps += 1
                if terminated:
                    solved[i] = reward
                    continue
                fb = tok(self.feedback(obs, info, names[i]), add_special_tokens=False)["input_ids"]
                if (
                    len(completion[i]) + len(fb) + self.config.max_new_tokens
                    > self.config.max_completion_length
                ):
                    continue  # no room for another tactic: the episode ends unsolved
                completion[i] += fb
                mask[i] += [0] * len(fb)
                still.append(i)
            live = still
        if was_training:
            model.train()
        self.stats.episodes += n
        self.stats.solved += int(sum(solved))
        return {
            "prompt_ids": prompt_ids,
            "completion_ids": completion,
            "logprobs": None,
            "env_mask": mask,
            "solved": solved,
        }

    def close(self) -> None:
        for env in self.envs:
            env.close()  # envs given a backend instance leave it open for its owner

    def _generate(self, model, tok, contexts: list[list[int]]) -> list[list[int]]:
        """Sample one tactic per context (left-padded batch); each row cut after its first EOS."""
        import torch

        width = max(len(c) for c in contexts)
        pad = tok.pad_token_id
        ids = torch.tensor([[pad] * (width - len(c)) + c for c in contexts], device=model.device)
        att = torch.tensor([[0] * (width - len(c)) + [1] * len(c) for c in contexts], device=model.device)
        with torch.no_grad():
            out = model.generate(
                input_ids=ids,
                attention_mask=att,
                do_sample=True,
                temperature=self.config.temperature,
                top_k=0,
                max_new_tokens=self.config.max_new_tokens,
                pad_token_id=pad,
                eos_token_id=tok.eos_token_id,
            )
        rows = []
        for row in out[:, width:].tolist():
            cut = row.index(tok.eos_token_id) + 1 if tok.eos_token_id in row else len(row)
            rows.append(row[:cut])
        return rows


def train_grpo(
    model,
    tokenizer,
    problems: Sequence[Problem],
    backend: Backend,
    config: GRPORunConfig,
    stats: GRPOStats | None = None,
):
    """Train ``model`` by GRPO on ``problems`` with Lean-verified rewards; return it in eval mode.

    Problems whose statement does not start are skipped. Pass ``stats`` to have the environment cost
    (tactics sent in tactic mode, proofs checked in whole-proof mode) and the mean reward per logged step
    added to it, e.g. to compare agents at equal environment budgets.
    """
    from datasets import Dataset
    from trl import GRPOConfig, GRPOTrainer

    fmt = get_format(config.prompt_format)
    by_id = {p.id: p for p in problems}
    prompts: dict[str, str] = {}
    for p in problems:
        if config.mode == "whole_proof":
            prompts[p.id] = whole_proof_prompt(p)
            continue
        root = backend.start(p)
        if isinstance(root, ProofState):
            prompts[p.id] = fmt.render(Observation(root.text, theorem_name(p.statement)))
    if not prompts:
        raise ValueError(f"none of the {len(problems)} problems started; check the backend and statements")
    dataset = Dataset.from_dict({"prompt": list(prompts.values()), "problem_id": list(prompts)})
    tokenizer.padding_side = "left"
    args = GRPOConfig(
        **training_kwargs(config),
        num_generations=config.num_generations,
        max_completion_length=config.max_completion_length
        if config.mode == "tactic"
        else config.max_new_tokens,
        temperature=config.temperature,
        beta=config.beta,
    )
    stats = stats if stats is not None else GRPOStats()
    if config.mode == "whole_proof":
        reward, rollout = lean_verify_reward(backend, by_id, stats), None
    else:
        reward, rollout = env_solved_reward, TacticRollout(problems, backend, config, prompts, stats)
    try:
        with quiet_datasets(config.quiet):
            trainer = GRPOTrainer(
                model=model,
                reward_funcs=reward,
                args=args,
                train_dataset=dataset,
                processing_class=tokenizer,
                rollout_func=rollout,
            )
            run_trainer(trainer, config.quiet)
    finally:
        if rollout is not None:
            rollout.close()
    tokenizer.padding_side = "left"
    model = trainer.model
    model.eval()
    stats.rewards.extend(h["reward"] for h in trainer.state.log_history if "reward" in h)
    return model


def main(argv: Sequence[str] | None = None) -> int:
    from leangym import models
    from leangym.backend import make_backend
    from leangym.minilean.suites import generate

    config = parse(GRPORunConfig, argv, description=describe(__doc__))
    problems = generate(config.family, config.num_problems, seed=config.seed, difficulty=config.difficulty)
    texts = [p.statement + "\n" + "\n".join(p.reference_proof or ()) for p in problems]
    model, tokenizer = load_or_build_policy(config.model, texts, seed=config.seed)
    backend = make_backend("minilean")
    stats = GRPOStats()
    try:
        model = train_grpo(model, tokenizer, problems, backend, config, stats)
    finally:
        backend.close()
    models.save(model, tokenizer, config.output_dir)
    if stats.rewards:
        print(f"mean reward: first logged step {stats.rewards[0]:.3f}, last {stats.rewards[-1]:.3f}")
    print(f"{stats.episodes} episodes, {stats.env_steps} env steps, {stats.solved} verified proofs")
    print(f"policy saved to {config.output_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
