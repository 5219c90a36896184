"""GRPO with rewards from Lean (TRL GRPOTrainer): whole proofs, or tactic-level episodes in a vector env.

One reward: 1.0 for a proof that the backend re-verifies from source, else 0.0.

- ``mode="tactic"``: episodes in ``gym.make_vec`` sub-envs (:class:`leangym.envs.LeanTacticEnv`), the policy
  batched across them, one tactic per turn, up to ``max_turns``. Every turn's prompt is the *single* current
  state in the policy's prompt format, exactly what SFT trains on and what search and evaluation show; no
  transcript grows. An episode is scored as its (state → tactic) steps, all carrying the episode's group
  advantage, which is the policy gradient of the episode: log π(episode) = Σ log π(tactic | state).
- ``mode="whole_proof"``: the prompt is the theorem (``theorem … := by`` and a newline), the completion a whole
  tactic proof, one tactic a line; the reward function calls ``backend.verify`` (GRPOTrainer's ordinary
  single-turn path, DeepSeek-Prover / Kimina style).

:class:`LeanGRPOTrainer` changes three things in TRL 1.16's ``GRPOTrainer``: every log-prob forward gets
``position_ids`` from the attention mask (TRL passes none, so a left-padded GPT-2 row was scored at shifted
positions), tactic episodes become step rows, and groups whose rollouts all got the same reward are dropped
(their advantage is zero; kept, they only dilute the token-normalised loss). One trainer runs the whole budget,
so optimizer, LR schedule and problem order carry on; callers hook in with ``TrainerCallback``s (evaluation
every few steps, as ``agents.grpo`` does). Each optimisation step appends one line to ``metrics.jsonl``.

    python -m trainers.grpo --mode tactic --model runs/sft --family propositional --max-steps 20
"""

from __future__ import annotations

import functools
import json
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

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

    ``batch_size`` counts episodes (rollouts) per step: ``batch_size / num_generations`` problems, each rolled
    out ``num_generations`` times (the group whose mean reward is the baseline). In tactic mode it is also the
    number of vector sub-envs.
    """

    output_dir: str = option("runs/grpo", "where the trained policy and metrics.jsonl are written")
    learning_rate: float = option(
        3e-4, "AdamW learning rate (tiny models; swept on MiniLean propositional: benchmarks/results/agents.md)"
    )
    batch_size: int = option(32, "episodes per optimisation step (a multiple of num_generations)")
    mode: str = option("tactic", "'tactic' (episodes in the env, one state per prompt) or 'whole_proof'")
    max_steps: int = option(20, "optimisation steps (each plays batch_size fresh episodes); <= 0: until max_env_steps")
    max_env_steps: int = option(0, "stop once this many tactics were sent to the env (0: no such limit)")
    num_generations: int = option(8, "episodes per problem (GRPO group size)")
    max_turns: int = option(4, "tactics per episode in tactic mode")
    max_new_tokens: int = option(32, "tokens per tactic (tactic mode) or per whole proof")
    temperature: float = option(1.0, "sampling temperature of rollouts")
    beta: float = option(0.0, "KL penalty to the initial policy (0 needs no reference model)")
    drop_uniform_groups: bool = option(True, "leave out of the loss groups whose episodes all got the same reward")
    prompt_format: str = option("bfs", "prompt format of states: 'bfs', 'internlm2.5' or 'internlm2'")
    env_id: str = option("MiniLean-v0", "registered id whose vector env plays the episodes (tactic mode)")
    metrics_path: str = option("", "JSON-lines file getting one line per step (empty: OUTPUT_DIR/metrics.jsonl)")
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
        if self.max_turns < 1:
            raise ValueError(f"max_turns must be >= 1, got {self.max_turns}")
        if self.max_steps < 1 and self.max_env_steps < 1:
            raise ValueError(
                f"need max_steps >= 1 or max_env_steps >= 1, got {self.max_steps} and {self.max_env_steps}; "
                "set one of them (both: whichever is reached first)"
            )

    @property
    def step_limit(self) -> int:
        """Optimisation steps the trainer is built for: ``max_steps``, or enough for ``max_env_steps``
        (every episode sends at least one tactic)."""
        by_env = math.ceil(self.max_env_steps / self.batch_size) if self.max_env_steps > 0 else 0
        return min(s for s in (self.max_steps, by_env) if s > 0)

    @property
    def metrics_file(self) -> Path:
        return Path(self.metrics_path or Path(self.output_dir) / "metrics.jsonl")


@dataclass
class GRPOStats:
    """What a GRPO run cost and earned: tactics sent (env steps), episodes, verified proofs, model forward
    tokens (prompt and sampled tokens of every generate call, plus every training forward; pads excluded),
    and per optimisation step the mean reward and the verified proofs of its episodes."""

    env_steps: int = 0
    episodes: int = 0
    solved: int = 0
    forward_tokens: int = 0
    dropped_groups: int = 0
    rewards: list[float] = field(default_factory=list)  # mean episode reward per optimisation step
    verified: list[int] = field(default_factory=list)  # verified proofs per optimisation step

    def record_step(self, rewards: Sequence[float]) -> None:
        self.rewards.append(sum(rewards) / max(1, len(rewards)))
        self.verified.append(sum(1 for r in rewards if r >= 1.0))


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
            stats.record_step(rewards)
        return rewards

    return lean_verified


def env_solved_reward(solved: list[float], **_: object) -> list[float]:
    """A GRPO reward function reading the ``solved`` field the tactic rollout returns."""
    return list(solved)


def position_ids(attention_mask):
    """Positions counted over real tokens only, so a left-padded row sees the positions it has alone."""
    return (attention_mask.long().cumsum(-1) - 1).clamp(min=0)


class TacticRollout:
    """TRL ``rollout_func`` playing tactic-level episodes in ``gym.make_vec`` sub-envs.

    Episode ``i`` of a batch runs in sub-env ``i`` (one vector env, built on the first call with one sub-env
    per episode, kept between calls, over the caller's backend). Each turn renders every live sub-env's
    current state as a single-state prompt, samples one tactic per prompt in one left-padded ``generate`` call
    and steps the vector env once. Returns, per episode, its (prompt ids, tactic ids) ``steps`` (what the loss
    scores), ``solved`` (the reward function reads it), and for TRL's bookkeeping the root prompt's ids with
    the episode's tactics joined as ``completion_ids``.
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
        self.names = {p.id: theorem_name(p.statement) for p in self.problems}
        self.envs = None
        self.stats = stats if stats is not None else GRPOStats()

    def _vector_env(self, n: int):
        import gymnasium as gym
        from gymnasium.vector import AutoresetMode

        if self.envs is not None and self.envs.num_envs != n:
            self.envs.close()
            self.envs = None
        if self.envs is None:
            self.envs = gym.make_vec(
                self.config.env_id,
                num_envs=n,
                problems=self.problems,
                backend=self.backend,
                autoreset_mode=AutoresetMode.DISABLED,  # each sub-env plays one episode per call
                max_episode_steps=self.config.max_turns,
            )
        return self.envs

    def __call__(self, prompts: list[str], trainer) -> dict[str, list]:
        tok = trainer.processing_class
        model = trainer.accelerator.unwrap_model(trainer.model)
        was_training = model.training
        model.eval()  # no dropout while sampling: rollouts come from the policy being scored
        n = len(prompts)
        ids = [self.problem_of_prompt[p] for p in prompts]
        envs = self._vector_env(n)
        obs, info = envs.reset(options={"problem": ids})
        proofs = [list(p) for p in info["proof"]]
        steps: list[list[tuple[list[int], list[int]]]] = [[] for _ in range(n)]
        solved = [0.0] * n
        live = list(range(n))
        while live:
            contexts = [self._prompt_ids(tok, obs[i], self.names[ids[i]], proofs[i]) for i in live]
            tactics = self._generate(model, tok, contexts)
            actions = [""] * n  # ended sub-envs get the empty tactic: refused before it reaches Lean
            for i, context, tactic_ids in zip(live, contexts, tactics):
                steps[i].append((context, tactic_ids))
                finished = tactic_ids[-1] == tok.eos_token_id
                # An unfinished tactic (no EOS within max_new_tokens) is sent as "", which the env refuses.
                actions[i] = tok.decode(tactic_ids, skip_special_tokens=True).strip() if finished else ""
            obs, reward, terminated, truncated, info = envs.step(tuple(actions))
            self.stats.env_steps += len(live)
            still = []
            for i in live:
                proofs[i] = list(info["proof"][i])
                if terminated[i]:
                    solved[i] = float(reward[i])
                elif not truncated[i]:
                    still.append(i)
            live = still
        if was_training:
            model.train()
        self.stats.episodes += n
        self.stats.solved += int(sum(solved))
        self.stats.record_step(solved)
        return {
            "prompt_ids": [s[0][0] for s in steps],
            "completion_ids": [[t for _, tactic in s for t in tactic] for s in steps],
            "logprobs": None,
            "solved": solved,
            "steps": steps,
        }

    def _prompt_ids(self, tok, state: str, name: str, proof: list[str]) -> list[int]:
        """The state's prompt as SFT and the search tokenize it, cut from the left to leave room for a tactic."""
        text = self.format.render(Observation(state, name, tuple(proof)))
        room = max(1, self.config.max_length - self.config.max_new_tokens)
        return tok(text, add_special_tokens=False)["input_ids"][-room:]

    def close(self) -> None:
        if self.envs is not None:
            self.envs.close()  # a backend instance passed in stays open for its owner
            self.envs = None

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
        self.stats.forward_tokens += sum(len(c) for c in contexts) + sum(len(r) for r in rows)
        return rows


def _tokens(batch: dict) -> int:
    return int(batch["prompt_mask"].sum() + batch["completion_mask"].sum())


def _make_trainer_class():
    """:class:`LeanGRPOTrainer`, defined on first use so that importing this module does not import TRL."""
    import torch
    from trl import GRPOTrainer
    from trl.trainer.utils import pad

    class LeanGRPOTrainer(GRPOTrainer):
        """``GRPOTrainer`` with positions right under left padding, tactic episodes scored as their steps, and
        groups of equal rewards dropped (see the module docstring). ``stats`` counts training forward tokens."""

        def __init__(self, *args, drop_uniform_groups: bool = True, stats: GRPOStats | None = None, **kwargs):
            super().__init__(*args, **kwargs)
            self.drop_uniform_groups = drop_uniform_groups
            self.stats = stats if stats is not None else GRPOStats()

        def _get_per_token_logps_and_entropies(self, model, input_ids, attention_mask, *args, **kwargs):
            # TRL calls model(input_ids, attention_mask) only; GPT-2 then numbers left padding as positions.
            def forward(**inputs):
                return model(**inputs, position_ids=position_ids(inputs["attention_mask"]))

            return super()._get_per_token_logps_and_entropies(forward, input_ids, attention_mask, *args, **kwargs)

        def _generate_and_score_completions(self, inputs):
            out = super()._generate_and_score_completions(inputs)
            if not self.model.training:
                return out
            groups = out["advantages"].view(-1, self.num_generations)
            keep = torch.ones_like(groups, dtype=torch.bool)
            if self.drop_uniform_groups:
                # Equal rewards give exactly zero advantages; with 0/1 rewards any other group has none at zero.
                keep = (groups.abs() > 1e-6).any(dim=1, keepdim=True).expand_as(groups)
                self.stats.dropped_groups += int((~keep[:, 0]).sum())
                self._metrics["train"]["frac_groups_dropped"].append((~keep[:, 0]).float().mean().item())
            keep = keep.reshape(-1)
            if "steps" in inputs[0]:
                out = self._step_rows(out, inputs, keep)
            else:  # TRL sampled these rows itself: count its generation tokens before selecting
                self.stats.forward_tokens += _tokens(out)
                out = self._select(out, keep)
            self.stats.forward_tokens += _tokens(out)  # the loss forward
            return out

        def _select(self, out: dict, keep) -> dict:
            """``out`` restricted to the kept rows (whole-proof mode)."""
            n = keep.numel()
            rows = {k: v[keep] if torch.is_tensor(v) and v.dim() > 0 and v.shape[0] == n else v for k, v in out.items()}
            mask = rows["completion_mask"] * rows["tool_mask"] if "tool_mask" in rows else rows["completion_mask"]
            rows["num_items_in_batch"] = mask.sum()
            return rows

        def _step_rows(self, out: dict, inputs: list[dict], keep) -> dict:
            """One row per (state → tactic) step of the kept episodes, each with its episode's advantage."""
            device = out["advantages"].device
            prompts, tactics, advantages = [], [], []
            for i, x in enumerate(inputs):
                if keep[i]:
                    for prompt_ids, tactic_ids in x["steps"]:
                        prompts.append(torch.tensor(prompt_ids))
                        tactics.append(torch.tensor(tactic_ids))
                        advantages.append(out["advantages"][i])
            if not prompts:
                empty = torch.zeros((0, 1), dtype=torch.long, device=device)
                return {"prompt_ids": empty, "prompt_mask": empty, "completion_ids": empty,
                        "completion_mask": empty, "advantages": out["advantages"][:0],
                        "num_items_in_batch": torch.tensor(0, device=device)}  # fmt: skip
            pad_id = self._tokenizer.pad_token_id
            rows = {
                "prompt_ids": pad(prompts, padding_value=pad_id, padding_side="left").to(device),
                "prompt_mask": pad([torch.ones_like(p) for p in prompts], padding_value=0, padding_side="left").to(device),
                "completion_ids": pad(tactics, padding_value=pad_id, padding_side="right").to(device),
                "completion_mask": pad([torch.ones_like(t) for t in tactics], padding_value=0, padding_side="right").to(device),
                "advantages": torch.stack(advantages),
            }  # fmt: skip
            rows["num_items_in_batch"] = rows["completion_mask"].sum()
            ids = torch.cat([rows["prompt_ids"], rows["completion_ids"]], dim=1)
            mask = torch.cat([rows["prompt_mask"], rows["completion_mask"]], dim=1)
            width = rows["completion_ids"].shape[1]
            with torch.no_grad():
                for key, model in (("old_per_token_logps", self.model), ("ref_per_token_logps", self.ref_model)):
                    if key in out:  # TRL needed it for the episode rows: recompute it for the step rows
                        if model is None:
                            raise ValueError("beta > 0 in tactic mode needs a reference model (not a PEFT adapter)")
                        rows[key] = self._get_per_token_logps_and_entropies(model, ids, mask, width)[0]
            return rows

        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            if inputs["advantages"].numel() == 0:
                # Every group was dropped: a loss outside the graph leaves all gradients None, so the
                # optimizer skips its update (no momentum step on a batch without signal).
                return torch.zeros((), device=inputs["advantages"].device, requires_grad=True)
            return super().compute_loss(model, inputs, return_outputs, num_items_in_batch)

    return LeanGRPOTrainer


@functools.cache
def lean_grpo_trainer_class():
    """The :class:`LeanGRPOTrainer` class (TRL imported on first call)."""
    return _make_trainer_class()


def __getattr__(name: str):
    # ``from trainers.grpo import LeanGRPOTrainer`` works without importing TRL with the module.
    if name == "LeanGRPOTrainer":
        return lean_grpo_trainer_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def step_log_callback(config: GRPORunConfig, stats: GRPOStats, t0: float):
    """A ``TrainerCallback`` appending one JSON line per optimisation step to ``config.metrics_file``
    (algorithm, step, env_steps, forward_tokens, wall_s, mean_reward, verified) and stopping the run once
    ``config.max_env_steps`` tactics were sent."""
    from transformers import TrainerCallback

    path = config.metrics_file
    path.parent.mkdir(parents=True, exist_ok=True)

    class StepLog(TrainerCallback):
        def on_step_end(self, args, state, control, **kwargs):
            line = {
                "algorithm": "grpo",
                "step": state.global_step,
                "env_steps": stats.env_steps,
                "forward_tokens": stats.forward_tokens,
                "wall_s": round(time.perf_counter() - t0, 3),
                "mean_reward": stats.rewards[-1] if stats.rewards else 0.0,
                "verified": stats.verified[-1] if stats.verified else 0,
            }
            with path.open("a") as f:
                f.write(json.dumps(line) + "\n")
            if 0 < config.max_env_steps <= stats.env_steps:
                control.should_training_stop = True
            return control

    return StepLog()


def train_grpo(
    model,
    tokenizer,
    problems: Sequence[Problem],
    backend: Backend,
    config: GRPORunConfig,
    stats: GRPOStats | None = None,
    callbacks: Sequence = (),
    t0: float | None = None,
):
    """Train ``model`` by GRPO on ``problems`` with Lean-verified rewards; return it in eval mode.

    One trainer runs until ``max_steps`` or ``max_env_steps``, whichever comes first. ``callbacks``
    (``transformers.TrainerCallback``) see every step with the trainer's model, e.g. to evaluate it every few
    steps. Problems whose statement does not start are skipped. ``stats`` (pass one to read it) collects the
    environment cost, forward tokens and per-step rewards; ``t0`` (``time.perf_counter()``) is the origin of
    ``wall_s`` in ``metrics.jsonl`` (default: now).
    """
    from datasets import Dataset
    from trl import GRPOConfig

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
    kwargs = training_kwargs(config)
    kwargs["max_steps"] = config.step_limit
    args = GRPOConfig(
        **kwargs,
        num_generations=config.num_generations,
        max_completion_length=config.max_new_tokens,
        temperature=config.temperature,
        beta=config.beta,
    )
    stats = stats if stats is not None else GRPOStats()
    if config.mode == "whole_proof":
        reward, rollout = lean_verify_reward(backend, by_id, stats), None
    else:
        started = [p for p in problems if p.id in prompts]
        reward, rollout = env_solved_reward, TacticRollout(started, backend, config, prompts, stats)
    t0 = time.perf_counter() if t0 is None else t0
    try:
        with quiet_datasets(config.quiet):
            trainer = lean_grpo_trainer_class()(
                model=model,
                reward_funcs=reward,
                args=args,
                train_dataset=dataset,
                processing_class=tokenizer,
                rollout_func=rollout,
                callbacks=[step_log_callback(config, stats, t0), *callbacks],
                drop_uniform_groups=config.drop_uniform_groups,
                stats=stats,
            )
            run_trainer(trainer, config.quiet)
    finally:
        if rollout is not None:
            rollout.close()
    tokenizer.padding_side = "left"
    model = trainer.model
    model.eval()
    return model


def read_metrics(path: str | Path) -> list[dict]:
    """The per-step lines of a ``metrics.jsonl`` (evaluation lines, which carry ``eval``, are left out)."""
    lines = [json.loads(s) for s in Path(path).read_text().splitlines() if s.strip()]
    return [m for m in lines if "mean_reward" in m]


def plot_rewards(metrics_path: str | Path, out_png: str | Path, window: int = 10) -> Path:
    """Mean training reward (and its ``window``-step moving average) and verified proofs per step."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = read_metrics(metrics_path)
    steps = [m["step"] for m in rows]
    reward = [m["mean_reward"] for m in rows]
    smooth = [sum(reward[max(0, i - window + 1) : i + 1]) / len(reward[max(0, i - window + 1) : i + 1]) for i in range(len(reward))]
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(steps, reward, color="tab:green", alpha=0.3, label="mean reward")
    ax.plot(steps, smooth, color="tab:green", label=f"mean reward, {window}-step average")
    ax.set_xlabel("GRPO step")
    ax.set_ylabel("mean training reward")
    ax.set_ylim(0, 1)
    twin = ax.twinx()
    twin.plot(steps, [m["verified"] for m in rows], color="tab:gray", alpha=0.4, linewidth=0.8)
    twin.set_ylabel("verified proofs per step", color="tab:gray")
    ax.legend(loc="upper left")
    fig.tight_layout()
    out = Path(out_png)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return out


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
    plot = plot_rewards(config.metrics_file, Path(config.output_dir) / "grpo_reward.png")
    if stats.rewards:
        print(f"mean reward: first step {stats.rewards[0]:.3f}, last {stats.rewards[-1]:.3f} ({plot})")
    print(f"{stats.episodes} episodes, {stats.env_steps} env steps, {stats.solved} verified proofs")
    print(f"policy saved to {config.output_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
