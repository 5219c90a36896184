"""Self-play conjecturing and proving (STP, Dong & Ma 2025), from nothing, on MiniLean.

One language model plays two roles. As **conjecturer** it reads a seed (a solved theorem, its proof and a
lemma the proof uses, exactly as ``LeanConjecture-v0`` shows it) and writes a new statement; as **prover**
it chooses tactics in search. Round 0 bootstraps like expert iteration: verified reference proofs of the
easiest training problems go into the proof store, a BPE tokenizer and a tiny model are built, and the
model is fine-tuned on both roles (prover: the proofs' steps; conjecturer: a bootstrap seed followed by
the statement of another training problem). Each later round then

1. **proves targets**: searches a share of the unsolved training problems (the model ranks the candidate
   generator's tactics and adds its own samples); verified proofs go into the store;
2. **conjectures**: draws seeds from the store's solved problems (targets and earlier conjectures), samples
   statements from the conjecturer in one batch, and steps ``LeanConjectureEnv`` with each: it refuses
   malformed, known (alpha-equivalent to a seed, a target or a held-out problem) and trivial statements,
   runs the current prover (the model's sampled tactics in a small search) ``attempts`` times and pays 1 when the verified pass rate lies in
   ``(0, threshold]`` — barely provable;
3. **selects**: rewarded conjectures (the env applies the window, novelty and the length filter) become
   training problems with their proofs, and (seed -> conjecture) training pairs for the conjecturer;
4. **trains** the shared model from its initial weights on both roles (TRL SFTTrainer): the prover on the
   shortest proof of every solved target and rewarded conjecture, the conjecturer on the bootstrap pairs and
   the rewarded conjectures;
5. **evaluates** on the held-out targets with ``leangym.eval`` (modes ``full`` and ``policy_only``).

Every tactic sent to the engine counts as an env step (bootstrap replays, target search, the conjecture
env's elaboration, closers, prover attempts and re-checks). The run lives in ``runs/<run_name>``: the store
(with every conjecture's verdict), per-round checkpoints, ``metrics.jsonl`` (one line per evaluation, with
the round's conjecture counts and pass-rate histogram) and ``conjectures.jsonl`` (every conjecture). A
restarted command resumes from the store.

    python -m agents.self_play --family inequalities --rounds 3 --num-train 80 --num-eval 30
    python -m agents.self_play --problems train.jsonl --eval-problems heldout.jsonl
"""

from __future__ import annotations

import json
import math
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
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
from leangym.problems import Problem, theorem_name_span

EVAL_MODES = ("full", "policy_only")
CONJECTURE_CUE = "CONJECTURE\n"
"""Starts every conjecturer prompt, so the one model knows which role it plays (prover prompts are goals)."""


@dataclass
class Args(ResumableRun, ProblemArgs):
    exp_name: str = option("self_play", "experiment name (part of the run folder's name)")
    seed: int = option(0, "seed of the problem split, the model and the samplers")
    bootstrap: int = option(15, "easy training problems whose reference proofs seed the store (as expert iteration)")
    rounds: int = option(3, "prove-conjecture-train rounds after the bootstrap round")
    max_env_steps: int = option(0, "stop after the round that brings the env steps spent to this (0: no limit)")
    attempt_fraction: float = option(0.5, "share of unsolved training problems searched per round")
    min_attempts: int = option(8, "search at least this many unsolved training problems per round")
    expansions: int = option(8, "search expansions per training problem")
    samples: int = option(4, "tactics tried per expanded state")
    conjectures: int = option(32, "conjectures sampled per round (seeds x conjecture_samples); 0: no conjecturing (the ablation)")
    conjecture_samples: int = option(2, "conjectures sampled per seed")
    attempts: int = option(16, "prover attempts per conjecture (k); the pass rate is verified attempts / k")
    threshold: float = option(0.25, "a conjecture is rewarded when 0 < pass rate <= threshold (STP)")
    prover_expansions: int = option(3, "search expansions per prover attempt on a conjecture (with one sample each: a sampled proof of up to 3 steps)")
    prover_samples: int = option(1, "tactics sampled per expansion in a prover attempt on a conjecture")
    max_statement_chars: int = option(200, "longest conjecture accepted (the length filter)")
    bootstrap_pairs: int = option(8, "conjecturer bootstrap pairs per seed (seed -> another training statement)")
    eval_expansions: int = option(8, "held-out search expansions per problem (fixed across rounds)")
    eval_samples: int = option(4, "held-out tactics per expansion")
    max_depth: int = option(8, "longest proof searched")
    temperature: float = option(1.0, "sampling temperature of both roles")
    max_new_tokens: int = option(24, "tokens per sampled tactic")
    statement_tokens: int = option(64, "tokens per sampled conjecture")
    n_layer: int = option(2, "transformer layers")
    d_model: int = option(64, "hidden size")
    vocab_size: int = option(800, "BPE vocabulary trained on the environment's text")
    sft_steps: int = option(100, "fewest SFT steps per round (batch 16)")
    sft_epochs: float = option(30.0, "SFT passes over both roles' examples each round (as expert iteration)")
    sft_lr: float = option(2e-3, "SFT learning rate")
    workers: int = option(1, "MiniLean backend workers")
    torch_threads: int = option(1, "CPU threads for torch (0: torch's default)")
    run_dir: str = option("", "run folder; default runs/<run_name>")
    quiet: bool = option(False, "no progress bars or per-round lines (tests)")

    def __post_init__(self) -> None:
        super().__post_init__()
        if not 0 < self.attempt_fraction <= 1:
            raise ConfigError(f"attempt_fraction must lie in (0, 1], got {self.attempt_fraction}")
        if not 0 <= self.threshold <= 1:
            raise ConfigError(f"threshold must lie in [0, 1], got {self.threshold}")
        if self.conjectures < 0 or min(self.conjecture_samples, self.attempts, self.prover_expansions, self.prover_samples) < 1:
            raise ConfigError("need conjectures >= 0 and conjecture_samples, attempts, prover_expansions, prover_samples >= 1")
        if self.num_train and self.bootstrap > self.num_train:
            raise ConfigError(f"bootstrap ({self.bootstrap}) must not exceed num_train ({self.num_train})")


@dataclass
class RoundLog:
    """What one round did (round 0: the bootstrap, no search and no conjectures)."""

    round: int
    attempted: int = 0
    solved_this_round: int = 0
    train_solved: int = 0
    proposed: int = 0
    well_formed: int = 0
    novel: int = 0
    nontrivial: int = 0
    proved: int = 0
    rewarded: int = 0
    pass_rates: dict[str, int] = field(default_factory=dict)
    env_steps: int = 0
    cumulative_env_steps: int = 0
    forward_tokens: int = 0
    heldout_solved: int = 0
    heldout_policy_only: int = 0
    heldout_total: int = 0
    wall_s: float = 0.0


class CountingBackend:
    """The backend with a count of the tactics sent through it: every agent's env-step budget."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.tactics = 0

    def start(self, problem, timeout=None):
        return self.inner.start(problem, timeout)

    def run_tactic(self, state, tactic, timeout=None):
        self.tactics += 1
        return self.inner.run_tactic(state, tactic, timeout)

    def run_tactics(self, items, timeout=None):
        self.tactics += len(items)
        return self.inner.run_tactics(items, timeout)

    def check(self, source, timeout=None):
        return self.inner.check(source, timeout)

    def verify(self, problem, tactics, timeout=None):
        self.tactics += len(tactics)
        return self.inner.verify(problem, tactics, timeout)

    def close(self) -> None:
        self.inner.close()

    def __getattr__(self, name):
        return getattr(self.inner, name)


# --- the two roles' texts -------------------------------------------------------------------------


def signature(statement: str) -> str:
    """What the conjecturer writes: a theorem's binders and goal, without ``theorem NAME``."""
    span = theorem_name_span(statement)
    return statement.strip() if span is None else statement[span[1] :].strip()


def as_statement(sig: str) -> str:
    """A conjecturer completion as the env's action (the env renames the theorem)."""
    return f"theorem conjecture {sig.strip()}"


def conjecture_prompt(seed: Problem) -> str:
    """The conjecturer's prompt: the cue, then the seed exactly as ``LeanConjecture-v0`` renders it."""
    from leangym.envs.conjecture import render_seed, seed_lemma

    proof = tuple(seed.reference_proof or ())
    return CONJECTURE_CUE + render_seed(seed, proof, seed_lemma(seed, proof))


def bootstrap_pairs(seeds: Sequence[Problem], train: Sequence[Problem], per_seed: int, rng: random.Random):
    """(prompt, signature) pairs for the conjecturer before any self-play: each seed -> other training statements.

    Training statements are given (their proofs are not used), so the conjecturer starts by writing statements
    of the training distribution; self-play then rewards the ones at the edge of the prover's ability.
    """
    pairs = []
    for s in seeds:
        others = [p for p in train if p.id != s.id]
        for p in rng.sample(others, min(per_seed, len(others))):
            pairs.append((conjecture_prompt(s), signature(p.statement)))
    return pairs


def rewarded_pairs(store) -> list[tuple[str, str]]:
    """(seed prompt, conjecture signature) for every rewarded conjecture in the store, read back on resume."""
    from leangym.envs.conjecture import seeds_from_store

    rewarded = {k.problem_id for k in store.known_statements(origin="conjecture") if k.reward}
    solved = {p.id: p for p in seeds_from_store(store)}
    pairs = []
    for p in store.problems(generated=True):
        parent = solved.get(p.meta.get("parent") or "")
        if p.id in rewarded and parent is not None:
            pairs.append((conjecture_prompt(parent), signature(p.statement)))
    return pairs


def prover_examples(store, train_ids: set[str]):
    """SFT steps of the shortest proof of each solved target and each rewarded conjecture."""
    rewarded = {k.problem_id for k in store.known_statements(origin="conjecture") if k.reward}
    return [ex for ex in store.sft_examples() if ex.problem_id in train_ids or ex.problem_id in rewarded]


# --- one round's pieces -----------------------------------------------------------------------------


def prove_targets(args: Args, rnd: int, policy, backend, store, train: Sequence[Problem]) -> tuple[int, int]:
    """Search a share of the unsolved training problems; returns (attempted, solved)."""
    from leangym.search import SearchConfig, best_first_search
    from leangym.search.candidates import ModelChoosesPolicy

    solved = store.solved_ids()
    unsolved = [p for p in train if p.id not in solved]
    random.Random(args.seed + rnd).shuffle(unsolved)
    chosen = unsolved[: max(args.min_attempts, math.ceil(args.attempt_fraction * len(unsolved)))]
    if not chosen:
        return 0, 0
    config = SearchConfig(
        expansions=args.expansions, samples=args.samples, priority="logprob", slice_proposals=True,
        max_depth=args.max_depth, round=rnd, wall_time=600.0,
    )  # fmt: skip
    run = best_first_search(chosen, ModelChoosesPolicy(policy, samples=args.samples), backend, config, store=store)
    return len(chosen), run.solved


def conjecture_round(args: Args, rnd: int, policy, conjecturer, backend, store, known: Sequence[Problem]) -> tuple[RoundLog, list[dict]]:
    """Sample conjectures from solved seeds, judge each with ``LeanConjectureEnv``; counts and verdicts."""
    from leangym.envs.conjecture import LeanConjectureEnv, SearchProver, seeds_from_store
    from leangym.search import SearchConfig

    log = RoundLog(round=rnd)
    seeds = seeds_from_store(store)
    rng = random.Random(args.seed * 1000 + rnd)
    chosen = [rng.choice(seeds) for _ in range(math.ceil(args.conjectures / args.conjecture_samples))]
    sampled = conjecturer.propose([conjecture_prompt(s) for s in chosen], args.conjecture_samples)
    prover = SearchProver(  # the model's own samples: independent attempts, so pass rates between 0 and 1 occur
        policy=policy,
        config=SearchConfig(
            expansions=args.prover_expansions, samples=args.prover_samples, priority="logprob", max_depth=args.max_depth,
            wall_time=30.0,
        ),
    )  # fmt: skip
    env = LeanConjectureEnv(
        seeds, store=store, prover=prover, attempts=args.attempts, threshold=args.threshold,
        max_statement_chars=args.max_statement_chars, store_round=rnd, backend=backend,
    )  # fmt: skip
    verdicts = []
    try:
        env.register_known(known)
        for seed, candidates in zip(chosen, sampled):
            for c in candidates:
                env.reset(options={"problem": seed.id})
                _, reward, _, _, info = env.step(as_statement(c.tactic))
                verdicts.append({
                    "round": rnd, "seed_id": seed.id, "conjecture": c.tactic, "reward": reward,
                    "reason": info.get("reason"), "pass_rate": info.get("pass_rate"), "problem_id": info.get("problem_id"),
                })  # fmt: skip
    finally:
        env.close()
    reasons = Counter(v["reason"] for v in verdicts)
    log.proposed = len(verdicts)
    log.well_formed = log.proposed - sum(reasons[r] for r in ("parse_error", "refused_command", "too_long"))
    log.novel = log.well_formed - reasons["duplicate"]
    log.nontrivial = log.novel - reasons["trivial"] - reasons["engine_error"]
    log.proved = sum(1 for v in verdicts if v["pass_rate"])
    log.rewarded = sum(1 for v in verdicts if v["reward"] > 0)
    log.pass_rates = {f"{k:.2f}": n for k, n in sorted(Counter(v["pass_rate"] for v in verdicts if v["pass_rate"] is not None).items())}
    return log, verdicts


def train_both_roles(args: Args, tokenizer, store, train_ids: set[str], conj_pairs, device, counter):
    """A fresh model (initial weights, as expert iteration retrains) fine-tuned on prover and conjecturer data."""
    from leangym import models
    from trainers.sft import SFTRunConfig, train_sft

    examples = [*prover_examples(store, train_ids), *conj_pairs]
    model = counter.watch(models.tiny_causal_lm(tokenizer, n_layer=args.n_layer, d_model=args.d_model, n_head=4, seed=args.seed).to(device))
    config = sft_schedule(
        SFTRunConfig(output_dir=str(args.folder / "trainer"), learning_rate=args.sft_lr, seed=args.seed, quiet=True, max_length=384),
        len(examples), min_steps=args.sft_steps, epochs=args.sft_epochs,
    )  # fmt: skip
    return train_sft(model, tokenizer, examples, config)


def roles(args: Args, model, tokenizer):
    """The prover and the conjecturer: one model, two sampling settings."""
    from leangym.policy import HFPolicy

    prover = HFPolicy(model, tokenizer, **policy_settings(args.temperature, args.max_new_tokens))
    conjecturer = HFPolicy(model, tokenizer, **policy_settings(args.temperature, args.statement_tokens))
    return prover, conjecturer


def eval_config(args: Args, mode: str):
    from leangym.eval import EvalConfig

    return EvalConfig(
        mode=mode,  # type: ignore[arg-type]
        expansions=args.eval_expansions, samples=args.eval_samples, max_depth=args.max_depth, priority="logprob", seed=args.seed,
    )  # fmt: skip


# --- the run ----------------------------------------------------------------------------------------


@dataclass
class SelfPlayRun:
    args: Args
    rounds: list[RoundLog]
    folder: Path


def run(args: Args, *, on_round: Callable[[RoundLog], None] | None = None) -> SelfPlayRun:
    """Run (or resume) self-play; returns every round's log."""
    import numpy as np
    import torch
    import transformers
    from tqdm import tqdm

    from leangym import models
    from leangym.backend import make_backend
    from leangym.eval import evaluate, log_metrics, save_settings
    from leangym.store import ProofStore

    set_torch_threads(args.torch_threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    transformers.utils.logging.disable_progress_bar()
    folder = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    meta = folder / "args.json"
    if meta.exists():
        old = json.loads(meta.read_text())
        if old.get("identity") != args.identity():
            raise ConfigError(f"{folder} holds a run with {old.get('identity')}, not {args.identity()}; pick another --run-dir")
    else:
        meta.write_text(json.dumps({"identity": args.identity(), "args": asdict(args)}, indent=1))

    train, heldout = select_problems(args, args.seed)
    eval_file = save_problem_files(folder, train, heldout)
    train_ids = {p.id for p in train}
    store = ProofStore(folder / "store.sqlite")
    backend = CountingBackend(make_backend("minilean", workers=args.workers))
    device = models.default_device()
    logs: list[RoundLog] = []
    counter = models.ForwardTokens()  # the training budget in model tokens (both roles' sampling and SFT)
    try:
        store.add_problems(train)
        done = sorted(r for r, m in store.metrics().items() if m.get("round_complete"))
        for r in done:
            logs.append(RoundLog(**json.loads((folder / "rounds" / f"round_{r}.json").read_text())))
        tokenizer = model = None
        if done:
            ckpt = folder / "checkpoints" / f"round_{done[-1]}" / "policy"
            tokenizer, model = models.load_tokenizer(ckpt), counter.watch(models.load_causal_lm(ckpt, device=device))
        seeds_rng = random.Random(args.seed)
        for rnd in range(done[-1] + 1 if done else 0, args.rounds + 1):
            if args.max_env_steps and logs and logs[-1].cumulative_env_steps >= args.max_env_steps:
                break
            t_round, steps0 = time.perf_counter(), backend.tactics
            counter.tokens = 0
            log = RoundLog(round=rnd)
            verdicts: list[dict] = []
            if rnd == 0:
                found, _ = reference_proofs(backend, train, args.bootstrap)
                for p, states in found:
                    store.add_proof(p, p.reference_proof, states, round=0, stats={"source": "reference"})
                roots = root_states(backend, train)
                boot = [replace(p, reference_proof=tuple(p.reference_proof)) for p, _ in found]
                texts = [
                    *roots.values(), *(p.statement for p in train),
                    *(ex.state + "\n" + ex.tactic for ex in store.sft_examples()), *(conjecture_prompt(p) for p in boot),
                ]  # fmt: skip
                tokenizer, _, _ = bootstrap_models(texts, vocab_size=args.vocab_size, n_layer=args.n_layer, d_model=args.d_model, seed=args.seed)
            else:
                prover, conjecturer = roles(args, model, tokenizer)
                log.attempted, log.solved_this_round = prove_targets(args, rnd, prover, backend, store, train)
                if args.conjectures == 0:  # the ablation: prover training only, same model and evaluation
                    stats, verdicts = RoundLog(round=rnd), []
                else:
                    stats, verdicts = conjecture_round(args, rnd, prover, conjecturer, backend, store, [*train, *heldout])
                for k in ("proposed", "well_formed", "novel", "nontrivial", "proved", "rewarded", "pass_rates"):
                    setattr(log, k, getattr(stats, k))
                with (folder / "conjectures.jsonl").open("a", encoding="utf-8") as f:
                    f.writelines(json.dumps(v, ensure_ascii=False) + "\n" for v in verdicts)
            solved = store.solved_ids()
            boot_seeds = [p for p in train if p.id in solved and p.reference_proof][: args.bootstrap]
            conj_pairs = bootstrap_pairs(boot_seeds, train, args.bootstrap_pairs, seeds_rng) + rewarded_pairs(store)
            model = train_both_roles(args, tokenizer, store, train_ids, conj_pairs, device, counter)
            prover, _ = roles(args, model, tokenizer)
            with counter.paused():  # held-out evaluations are not part of the training budget
                evals = {
                    mode: evaluate(heldout, backend.inner, policy=prover, config=eval_config(args, mode), results_path=folder / f"eval_{mode}.jsonl")
                    for mode in EVAL_MODES
                }  # fmt: skip
            log.forward_tokens = (logs[-1].forward_tokens if logs else 0) + counter.tokens
            log.env_steps = backend.tactics - steps0
            log.cumulative_env_steps = (logs[-1].cumulative_env_steps if logs else 0) + log.env_steps
            log.train_solved = len(solved & train_ids)
            log.heldout_solved, log.heldout_policy_only = evals["full"].solved, evals["policy_only"].solved
            log.heldout_total = evals["full"].total
            log.wall_s = time.perf_counter() - t_round
            ckpt = folder / "checkpoints" / f"round_{rnd}"
            models.save(model, tokenizer, ckpt / "policy")
            save_settings(ckpt, eval_config(args, "full"), problems=eval_file, policy=policy_settings(args.temperature, args.max_new_tokens))
            wall = sum(lg.wall_s for lg in logs) + log.wall_s
            counts = {k: getattr(log, k) for k in ("proposed", "well_formed", "novel", "nontrivial", "proved", "rewarded", "pass_rates")}
            for res in evals.values():
                log_metrics(folder / "metrics.jsonl", res, algorithm="self_play", round=rnd, env_steps=log.cumulative_env_steps, wall_s=wall, forward_tokens=log.forward_tokens, conjectures=counts)
            (folder / "rounds").mkdir(exist_ok=True)
            (folder / "rounds" / f"round_{rnd}.json").write_text(json.dumps(asdict(log)))
            store.log_metrics(rnd, round_complete=1.0)  # last: a kill before it makes a resumed run redo the round
            logs.append(log)
            if not args.quiet:
                tqdm.write(format_round(log, len(train)))
            if on_round is not None:
                on_round(log)
    finally:
        counter.close()
        backend.close()
        store.close()
    return SelfPlayRun(args, logs, folder)


def format_round(log: RoundLog, n_train: int) -> str:
    return (
        f"round {log.round}: targets searched {log.attempted}, solved {log.solved_this_round} "
        f"(train solved {log.train_solved}/{n_train}); conjectures {log.proposed} proposed, {log.well_formed} "
        f"well-formed, {log.novel} novel, {log.nontrivial} non-trivial, {log.proved} proved, {log.rewarded} rewarded "
        f"(pass rates {log.pass_rates}); held-out {log.heldout_solved}/{log.heldout_total} "
        f"(policy alone {log.heldout_policy_only}); env steps {log.env_steps}, wall {log.wall_s:.1f}s"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(Args, argv, description=describe(__doc__))
    result = run(args)
    if result.rounds:
        first, last = result.rounds[0], result.rounds[-1]
        print(f"held-out solved: round {first.round} {first.heldout_solved} -> round {last.round} {last.heldout_solved} of {last.heldout_total}")
        print(f"conjectures rewarded: {sum(lg.rewarded for lg in result.rounds)}")
    print(f"store, checkpoints and metrics: {result.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
