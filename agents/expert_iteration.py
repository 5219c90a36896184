"""Expert iteration with a critic (InternLM2.5-StepProver style), from nothing, on MiniLean.

Round 0 bootstraps: verified reference proofs of easy training problems go into the proof store, a
byte-level BPE tokenizer is trained on the environment's text, and a few-layer policy and critic are
built from configs and trained on that store. Each later round then

1. scores the roots of the still-unsolved training problems with the critic and attempts the easier
   part (``attempt_fraction``), with a search budget that grows round by round;
2. runs critic-guided best-first search in which the current policy chooses what is tried: it scores the
   candidate generator's tactics (``leangym.search.candidates``) in one teacher-forced pass, adds its own
   samples, and search tries them in its order, ``samples`` per expansion (``--generator false``: its
   samples only); every verified proof
   is committed to the store (with its critic pairs) the moment it is found;
3. fine-tunes the policy (TRL SFTTrainer) on every proof found so far and the critic (TRL RewardTrainer)
   on every pair, including solved-root ≻ unsolved-root pairs;
4. evaluates on the held-out problems with the evaluator (``leangym.eval``) at a fixed budget, twice: the
   full agent (``full``) and the policy alone (``policy_only``).

Problems: a MiniLean family, any registered env id (``--env-id``), or JSONL files (``--problems``,
``--eval-problems``). The run lives in one folder (``runs/<run_name>``): the SQLite store, the problems it
used, per-round checkpoints (each with the ``eval.json`` that lets ``leangym eval --checkpoint DIR``
reproduce its logged number), ``metrics.jsonl`` (one line per evaluation), TensorBoard events and
``rounds.png``. Restarting the same command resumes it: completed rounds are read back from the
store, the last checkpoint is loaded, and a round that was killed half-way is run again, skipping the
problems it had already solved (their proofs are in the store, so none is lost).

    python -m agents.expert_iteration --rounds 3 --num-train 80 --num-eval 30
    python -m agents.expert_iteration --problems train.jsonl --eval-problems heldout.jsonl
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from agents.common import (
    ProblemArgs,
    ResumableRun,
    bootstrap_models,
    policy_settings,
    reference_proofs,
    root_states,
    save_problem_files,
    select_problems,
    set_torch_threads,
    sft_schedule,
)
from leangym.config import describe, option, parse
from leangym.errors import ConfigError
from leangym.eval import EvalConfig, EvalResult
from leangym.problems import Problem

EVAL_MODES = ("full", "policy_only")
"""Held-out evaluations every round: the agent as it searches, and its policy alone."""


@dataclass
class Args(ResumableRun, ProblemArgs):
    exp_name: str = option("expert_iteration", "experiment name (part of the run folder's name)")
    seed: int = option(0, "seed of the problem split, the models and the samplers")
    bootstrap: int = option(
        15, "easy training problems (lowest difficulty first) whose reference proofs seed the store"
    )
    rounds: int = option(3, "search-and-train rounds after the bootstrap round")
    max_env_steps: int = option(0, "env steps the run spends at most: the round that reaches it stops its search there (0: no limit)")
    attempt_fraction: float = option(
        0.5, "share of unsolved problems attempted per round, easiest by critic first"
    )
    min_attempts: int = option(8, "attempt at least this many unsolved problems per round")
    expansions: int = option(8, "search expansions per problem in round 1")
    budget_growth: float = option(1.5, "expansions multiply by this each round (InternLM's escalating budgets)")
    samples: int = option(4, "tactics sampled per expanded state")
    priority: str = option("critic", "search frontier order: 'critic', 'blend' or 'logprob'")
    eval_expansions: int = option(8, "held-out search expansions per problem (fixed across rounds)")
    eval_samples: int = option(4, "held-out tactics sampled per expansion")
    max_depth: int = option(8, "longest proof searched")
    temperature: float = option(1.0, "policy sampling temperature")
    generator: bool = option(
        True,
        "the policy also ranks the candidate generator's tactics and search tries them in its order, "
        "--samples per expansion (evaluator mode full); false: the policy's samples only (policy_only)",
    )
    max_new_tokens: int = option(24, "tokens per sampled tactic (longer samples are dropped as unfinished)")
    n_layer: int = option(2, "transformer layers of the policy and the critic")
    d_model: int = option(64, "hidden size of the policy and the critic")
    vocab_size: int = option(800, "BPE vocabulary trained on the environment's text")
    sft_steps: int = option(100, "fewest SFT optimisation steps per round (batch 16)")
    sft_epochs: float = option(
        30.0,
        "SFT passes over all proofs found so far, each round: steps = max(--sft-steps, epochs x examples / 16). "
        "A fixed step count spreads thinner as proofs accumulate and the policy underfits them "
        "(benchmarks/RESULTS.md: the policy alone falls back as data grows)",
    )
    reinit_policy: bool = option(
        True,
        "retrain the policy from its initial weights each round (InternLM retrains from the base model); repeated fine-tuning of a tiny model on the same proofs makes it overconfident and search stops branching",
    )
    sft_lr: float = option(2e-3, "SFT learning rate")
    critic_steps: int = option(40, "critic optimisation steps per round on all preference pairs (batch 16)")
    critic_lr: float = option(1e-3, "critic learning rate")
    max_root_pairs: int = option(400, "solved-root ≻ unsolved-root critic pairs sampled per round")
    workers: int = option(1, "MiniLean backend workers")
    torch_threads: int = option(
        1, "CPU threads for torch (0: torch's default); 1 avoids OpenMP spin-waits on busy cores"
    )
    run_dir: str = option("", "run folder (store, checkpoints, TensorBoard, plot); default runs/<run_name>")
    fresh: bool = option(False, "delete nothing but refuse to resume: fail if the run folder already has a store")
    quiet: bool = option(False, "no progress bars or per-round lines (tests)")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.priority not in ("critic", "blend", "logprob"):
            raise ConfigError(f"priority must be 'critic', 'blend' or 'logprob', got {self.priority!r}")
        if self.sft_epochs < 0 or self.sft_steps < 1:
            raise ConfigError(f"need sft_epochs >= 0 and sft_steps >= 1, got {self.sft_epochs} and {self.sft_steps}")
        if not 0 < self.attempt_fraction <= 1:
            raise ConfigError(f"attempt_fraction must lie in (0, 1], got {self.attempt_fraction}")
        if self.num_train and self.bootstrap > self.num_train:
            raise ConfigError(
                f"bootstrap ({self.bootstrap}) must not exceed num_train ({self.num_train}); lower --bootstrap"
            )


@dataclass
class RoundLog:
    """What one round did; round 0 is the bootstrap (no search)."""

    round: int
    attempted: int = 0
    solved_this_round: int = 0
    new_proofs: int = 0
    train_solved: int = 0
    mean_proof_len: float = 0.0
    env_steps: int = 0
    cumulative_env_steps: int = 0
    forward_tokens: int = 0
    heldout_solved: int = 0
    heldout_rate: float = 0.0
    heldout_policy_only: int = 0
    lean_s: float = 0.0
    lean_cpu_s: float = 0.0
    model_s: float = 0.0
    wall_s: float = 0.0


@dataclass
class ExItRun:
    """Every round of a run (resumed rounds read back from the store) and where its files are."""

    args: Args
    rounds: list[RoundLog]
    folder: Path
    plot: Path | None = None
    policy: object = None
    critic: object = None
    tokenizer: object = None

    @property
    def start_rate(self) -> float:
        return self.rounds[0].heldout_rate

    @property
    def final_rate(self) -> float:
        return self.rounds[-1].heldout_rate


def bootstrap_store(store, backend, train: Sequence[Problem], n: int) -> int:
    """Store verified reference proofs of the ``n`` easiest training problems; return the env steps spent.

    Progress pairs (a later state on the proof ≻ an earlier one) are stored with each, so the critic has
    something to learn before any search. Idempotent: a resumed run adds nothing twice.
    """
    from leangym.store import CriticPair

    found, steps = reference_proofs(backend, train, n)
    for p, states in found:
        store.add_proof(p, p.reference_proof, states, round=0, stats={"source": "reference"})
        pairs = [
            CriticPair(states[j], states[i], "progress", p.id) for j in range(len(states)) for i in range(j)
        ]
        store.add_critic_pairs(pairs, round=0)
    return steps


def root_pairs(roots: dict[str, str], solved: set[str], max_pairs: int, seed: int):
    """Solved roots ≻ unsolved roots (InternLM2.5-StepProver's problem-level critic pairs), sampled."""
    from leangym.store import CriticPair

    good = [roots[i] for i in roots if i in solved]
    bad = [roots[i] for i in roots if i not in solved]
    all_pairs = [(g, b) for g in good for b in bad if g != b]
    picked = random.Random(seed).sample(all_pairs, min(max_pairs, len(all_pairs)))
    return [CriticPair(g, b, "root") for g, b in picked]


def lean_cpu_seconds() -> float:
    """CPU seconds used so far by this process's children (the backend's Lean/MiniLean workers)."""
    import psutil

    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            continue
    return total


def make_policy(args: Args, model, tokenizer):
    """The HF policy as every search and evaluation of the run samples it (saved with each checkpoint)."""
    from leangym.policy import HFPolicy

    return HFPolicy(model, tokenizer, **policy_settings(args.temperature, args.max_new_tokens))


def eval_config(args: Args, mode: str) -> EvalConfig:
    """The fixed held-out budget (the same every round, so rounds compare)."""
    return EvalConfig(
        mode=mode,  # type: ignore[arg-type]
        expansions=args.eval_expansions,
        samples=args.eval_samples,
        max_depth=args.max_depth,
        priority=args.priority,
        seed=args.seed,
    )


def search_mode(args: Args) -> str:
    return "full" if args.generator else "policy_only"


def evaluate(args: Args, policy, critic, backend, heldout: Sequence[Problem], folder: Path) -> dict[str, EvalResult]:
    """Held-out results of every mode in :data:`EVAL_MODES` (no store: held-out proofs are never trained on)."""
    from leangym import eval as lg_eval

    return {
        mode: lg_eval.evaluate(
            heldout, backend, policy=policy, critic=critic, config=eval_config(args, mode),
            results_path=folder / f"eval_{mode}.jsonl",
        )
        for mode in EVAL_MODES
    }  # fmt: skip


def run(args: Args, *, on_round: Callable[[RoundLog], None] | None = None) -> ExItRun:
    """Run (or resume) expert iteration; returns every round's log, final models and the plot path."""
    import numpy as np
    import torch
    import transformers
    from torch.utils.tensorboard import SummaryWriter
    from tqdm import tqdm

    from leangym import models
    from leangym.backend import make_backend
    from leangym.eval import log_metrics, save_settings, search_setup
    from leangym.policy import HFCritic
    from leangym.search import SearchConfig, best_first_search
    from leangym.store import ProofStore
    from trainers.common import Stopwatch
    from trainers.critic import CriticRunConfig, train_critic
    from trainers.sft import SFTRunConfig, train_sft

    # seeding
    set_torch_threads(args.torch_threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    transformers.utils.logging.disable_progress_bar()  # per-save "Writing model shards" bars
    folder = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    meta = folder / "args.json"
    if meta.exists():
        if args.fresh:
            raise ConfigError(f"{folder} already holds a run and --fresh was given; pick another --run-dir")
        old = json.loads(meta.read_text())
        if old.get("identity") != args.identity():
            raise ConfigError(
                f"{folder} holds a run with {old.get('identity')}, not {args.identity()}; "
                "resume it with the same settings or pick another --run-dir"
            )
    else:
        meta.write_text(json.dumps({"identity": args.identity(), "args": asdict(args)}, indent=1))

    train, heldout = select_problems(args, args.seed)
    eval_file = save_problem_files(folder, train, heldout)
    store = ProofStore(folder / "store.sqlite")
    backend = make_backend("minilean", workers=args.workers)
    writer = SummaryWriter(str(folder))
    device = models.default_device()
    sft_cfg = SFTRunConfig(
        output_dir=str(folder / "trainer"),
        max_steps=args.sft_steps,
        learning_rate=args.sft_lr,
        seed=args.seed,
        quiet=True,
        max_length=384,
    )
    critic_cfg = CriticRunConfig(
        output_dir=str(folder / "trainer"),
        max_steps=args.critic_steps,
        learning_rate=args.critic_lr,
        seed=args.seed,
        quiet=True,
        max_length=384,
    )
    logs: list[RoundLog] = []
    counter = models.ForwardTokens()  # the training budget in model tokens (search, scoring, SFT, critic)
    try:
        store.add_problems(train)
        roots = root_states(backend, train)
        done = sorted(r for r, m in store.metrics().items() if m.get("round_complete"))
        for r in done:
            values = {k: _as(k, v) for k, v in store.metrics()[r].items() if k in _LOG_KEYS and k != "round"}
            logs.append(RoundLog(round=r, **values))
        if done:
            ckpt = folder / "checkpoints" / f"round_{done[-1]}"
            tokenizer = models.load_tokenizer(ckpt / "policy")
            policy_model = models.load_causal_lm(ckpt / "policy", device=device)
            critic_model = models.load_critic(ckpt / "critic", device=device)
            counter.watch(policy_model)
            counter.watch(critic_model)
            start = done[-1] + 1
        else:
            start = 0
        for rnd in range(start, args.rounds + 1):
            if args.max_env_steps and logs and logs[-1].cumulative_env_steps >= args.max_env_steps:
                break
            t_round = time.perf_counter()
            counter.tokens = 0
            model_time = Stopwatch()
            lean_cpu0 = lean_cpu_seconds()
            log = RoundLog(round=rnd)
            if rnd == 0:
                t = time.perf_counter()
                log.env_steps = bootstrap_store(store, backend, train, args.bootstrap)
                log.lean_s = time.perf_counter() - t
                texts = [*roots.values(), *(ex.state + "\n" + ex.tactic for ex in store.sft_examples())]
                with model_time:
                    tokenizer, policy_model, critic_model = bootstrap_models(
                        texts,
                        vocab_size=args.vocab_size,
                        n_layer=args.n_layer,
                        d_model=args.d_model,
                        seed=args.seed,
                    )
                counter.watch(policy_model)
                counter.watch(critic_model)
            else:
                solved = store.solved_ids()
                unsolved = [p for p in train if p.id not in solved and p.id in roots]
                critic = HFCritic(critic_model, tokenizer)
                with model_time:
                    values = critic.score([roots[p.id] for p in unsolved]) if unsolved else []
                ranked = [p for _, p in sorted(zip(values, unsolved), key=lambda vp: -vp[0])]
                k = max(args.min_attempts, math.ceil(args.attempt_fraction * len(ranked)))
                chosen = ranked[:k]
                log.attempted = len(chosen)
                expansions = max(1, round(args.expansions * args.budget_growth ** (rnd - 1)))
                # the training search is the evaluator's search setup, at the round's budget
                setup = search_setup(
                    EvalConfig(mode=search_mode(args), samples=args.samples, priority=args.priority, seed=args.seed + rnd),  # type: ignore[arg-type]
                    make_policy(args, policy_model, tokenizer),
                    critic,
                )
                config = SearchConfig(
                    expansions=expansions,
                    samples=args.samples,
                    priority=setup.priority,  # type: ignore[arg-type]
                    slice_proposals=setup.slice_proposals,
                    max_depth=args.max_depth,
                    round=rnd,
                    wall_time=600.0,
                    # the round stops where the run's env-step budget does, instead of overrunning it
                    total_tactics=(
                        max(0, args.max_env_steps - logs[-1].cumulative_env_steps) if args.max_env_steps and logs else None
                    ),
                )
                bar = tqdm(total=len(chosen), desc=f"round {rnd} search", unit="problem", disable=args.quiet)
                search = best_first_search(
                    chosen,
                    setup.policy,
                    backend,
                    config,
                    critic=setup.critic,
                    store=store,
                    on_result=lambda _res, bar=bar: bar.update(1),
                )
                bar.close()
                log.solved_this_round = search.solved
                log.lean_s = search.lean_s + search.verify_s
                model_time.seconds += search.policy_s + search.critic_s
                # Env steps from the store's attempt records, so a round resumed after a kill still counts
                # the tactics its first, killed, pass ran.
                log.env_steps = sum(a.get("tactics_run", 0) for a in store.attempts() if a["round"] == rnd)
                store.add_critic_pairs(
                    root_pairs(roots, store.solved_ids(), args.max_root_pairs, args.seed + rnd), round=rnd
                )
            with model_time:
                if args.reinit_policy and rnd > 0:
                    policy_model = counter.watch(models.tiny_causal_lm(
                        tokenizer, n_layer=args.n_layer, d_model=args.d_model, n_head=4, seed=args.seed
                    ).to(device))  # fmt: skip
                examples = store.sft_examples()
                policy_model = train_sft(policy_model, tokenizer, examples, sft_schedule(sft_cfg, len(examples), min_steps=args.sft_steps, epochs=args.sft_epochs))
                critic_model = train_critic(critic_model, tokenizer, store.critic_pairs(), critic_cfg)
            policy = make_policy(args, policy_model, tokenizer)
            critic = HFCritic(critic_model, tokenizer)
            with counter.paused():  # held-out evaluations are not part of the training budget
                evals = evaluate(args, policy, critic, backend, heldout, folder)
            model_time.seconds += sum(ev.policy_s + ev.critic_s for ev in evals.values())
            ev = evals[search_mode(args)]

            proofs = store.proofs()
            log.new_proofs = len({p.problem_id for p in proofs if p.round == rnd})
            best: dict[str, int] = {}
            for p in proofs:
                best[p.problem_id] = min(best.get(p.problem_id, 99), len(p.tactics))
            log.train_solved = len(best)
            log.mean_proof_len = sum(best.values()) / max(1, len(best))
            log.cumulative_env_steps = (logs[-1].cumulative_env_steps if logs else 0) + log.env_steps
            log.forward_tokens = (logs[-1].forward_tokens if logs else 0) + counter.tokens
            log.heldout_solved = ev.solved
            log.heldout_rate = ev.solve_rate
            log.heldout_policy_only = evals["policy_only"].solved
            log.lean_cpu_s = lean_cpu_seconds() - lean_cpu0
            log.model_s = model_time.seconds
            log.wall_s = time.perf_counter() - t_round

            ckpt = folder / "checkpoints" / f"round_{rnd}"
            models.save(policy_model, tokenizer, ckpt / "policy")
            models.save(critic_model, tokenizer, ckpt / "critic")
            save_settings(
                ckpt,
                eval_config(args, search_mode(args)),
                problems=eval_file,
                policy={**policy_settings(args.temperature, args.max_new_tokens), "torch_threads": args.torch_threads},
            )
            wall = sum(lg.wall_s for lg in logs) + log.wall_s
            for res in evals.values():
                log_metrics(
                    folder / "metrics.jsonl", res, algorithm="expert_iteration", round=rnd,
                    env_steps=log.cumulative_env_steps, wall_s=wall, forward_tokens=log.forward_tokens,
                )  # fmt: skip
            # round_complete last: a kill before it makes a resumed run redo this round
            store.log_metrics(rnd, **{k: float(v) for k, v in asdict(log).items() if k != "round"})
            store.log_metrics(rnd, round_complete=1.0)
            for k, v in asdict(log).items():
                if k != "round":
                    writer.add_scalar(f"exit/{k}", v, rnd)
            writer.flush()
            logs.append(log)
            if not args.quiet:
                tqdm.write(format_round(log, len(train), len(heldout), device))
            if on_round is not None:
                on_round(log)
        plot = plot_rounds(logs, folder / "rounds.png", len(train), len(heldout))
    finally:
        counter.close()
        writer.close()
        backend.close()
        store.close()
    return ExItRun(args, logs, folder, plot, policy_model, critic_model, tokenizer)


_LOG_KEYS = {f for f in RoundLog.__dataclass_fields__}


def _as(key: str, value: float):
    return int(value) if RoundLog.__dataclass_fields__[key].type in ("int", int) else value


def format_round(log: RoundLog, n_train: int, n_eval: int, device: str) -> str:
    model = "GPU" if device.startswith("cuda") else "model (CPU)"
    return (
        f"round {log.round}: attempted {log.attempted}, solved {log.solved_this_round}, "
        f"new proofs {log.new_proofs}, train solved {log.train_solved}/{n_train}, "
        f"mean proof length {log.mean_proof_len:.2f}, held-out {log.heldout_solved}/{n_eval} "
        f"({100 * log.heldout_rate:.0f}%; policy alone {log.heldout_policy_only}), env steps {log.env_steps}, Lean {log.lean_s:.1f}s "
        f"(worker CPU {log.lean_cpu_s:.1f}s), {model} {log.model_s:.1f}s, wall {log.wall_s:.1f}s"
    )


def plot_rounds(logs: Sequence[RoundLog], path: Path, n_train: int, n_eval: int) -> Path:
    """Training problems solved and held-out solve rate per round, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rounds = [log.round for log in logs]
    fig, ax = plt.subplots(1, 2, figsize=(9, 3.4))
    ax[0].plot(rounds, [log.train_solved / max(1, n_train) for log in logs], "o-", label="train pool solved")
    ax[0].plot(rounds, [log.heldout_rate for log in logs], "s-", label="held-out solve rate")
    ax[0].set_xlabel("round")
    ax[0].set_ylabel("fraction")
    ax[0].set_ylim(0, 1)
    ax[0].legend()
    ax[1].bar(rounds, [log.new_proofs for log in logs])
    ax[1].set_xlabel("round")
    ax[1].set_ylabel("new problems solved")
    fig.suptitle("expert iteration")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(Args, argv, description=describe(__doc__))
    result = run(args)
    print(f"held-out solve rate: start {result.start_rate:.3f} -> final {result.final_rate:.3f}")
    print(f"store, checkpoints and TensorBoard events: {result.folder}")
    print(f"plot: {result.plot}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
