"""Expert iteration vs PPO (SB3) vs GRPO with ablation rows: same problems, same env-step budget, one evaluator.

For every family and seed, each algorithm trains on the same train split (``agents.common.select_problems``)
with the same budget of environment steps (tactics sent while training, bootstrap replays included), and
every held-out number comes from :func:`leangym.eval.evaluate` at the same per-problem budget
(``eval_expansions`` states x ``eval_samples`` tactics) on the same held-out problems. The rows:

- ``generator_uniform``, ``generator_rule``: the candidate generator alone, uniform order / fixed rule (no
  learning; evaluated once per seed);
- expert iteration at every round: ``generator_critic`` (its critic orders the generator's candidates, no
  policy), ``policy_only`` (its policy's samples, no generator) and ``full`` (the agent);
- GRPO at every evaluation: ``full`` and ``policy_only``;
- PPO at every evaluation: ``full`` (its policy ranks the generator's candidates; it writes no tactic);
- self-play (STP, ``agents.self_play``) at every round: ``full`` and ``policy_only``; its env steps include
  every tactic its conjecture steps cost (elaboration, cheap closers, prover attempts and re-checks).

Per cell: the mean over seeds with a 95% Student-t interval, and the pooled solved/total with its 95%
Wilson interval. Budgets are reported three ways: training env steps, model forward tokens (tokens through
every training forward pass: expert iteration and self-play count search, scoring, critic and SFT passes with
``leangym.models.ForwardTokens``, GRPO its rollouts and loss passes; PPO's MLP does not log them) and wall time. Every (family, algorithm, seed) run is a job; ``--jobs N`` runs N at a time
in separate processes (one torch thread each), and each finished job's records are saved under
``RUN_DIR/records/`` so ``--resume`` continues a partial benchmark and the table is rewritten after every job.

``python -m benchmarks.exit_vs_ppo`` and ``make demo`` (``agents.demo``) are the entry points. Output goes
under ``--run-dir`` (``runs/``, git-ignored) unless ``--record`` (or ``--out-md``/``--plot``) names the
recorded ``benchmarks/results/comparison.md`` and ``benchmarks/comparison.png``.
"""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path

from agents.common import ProblemArgs
from leangym.config import option
from leangym.errors import ConfigError
from leangym.eval import read_metrics, t_interval

ALGORITHMS = ("exit", "ppo", "grpo", "self_play")
BASELINE = "baseline"
"""The job that evaluates the no-learning rows (one per family and seed)."""

ROWS: tuple[tuple[str, str, str], ...] = (
    (BASELINE, "generator_uniform", "generator alone, uniform order"),
    (BASELINE, "generator_rule", "generator + fixed rule"),
    ("exit", "generator_critic", "generator + critic (expert iteration's critic)"),
    ("exit", "policy_only", "expert iteration: policy alone"),
    ("exit", "full", "expert iteration: full agent"),
    ("grpo", "policy_only", "GRPO: policy alone"),
    ("grpo", "full", "GRPO: full agent"),
    ("ppo", "full", "PPO: ranks the generator's candidates"),
    ("self_play", "policy_only", "self-play (STP): policy alone"),
    ("self_play", "full", "self-play (STP): full agent"),
)
"""(job, evaluator mode, label) of every table row, in table order."""

RECORDED_MD = "benchmarks/results/comparison.md"
RECORDED_PLOT = "benchmarks/comparison.png"

PRESETS: dict[str, dict] = {
    "laptop": {},
    "full": dict(
        families="propositional,inequalities", seeds="0,1,2,3,4", num_train=300, num_eval=100, budget=8000, evaluations=3,
        jobs=2,
    ),
    "large": dict(
        families="propositional,inequalities", seeds="0,1,2,3,4", num_train=300, num_eval=100, budget=50_000,
        bootstrap=40, d_model=256, n_layer=4,
    ),  # fmt: skip
}
"""Settings each preset fills in over the defaults (``laptop`` is the defaults; explicit flags still win)."""


@dataclass
class ComparisonConfig(ProblemArgs):
    preset: str = option(
        "laptop",
        "'laptop' (the demo: minutes on 2 CPU cores), 'full' (2 families x 5 seeds x 300/100 problems: the "
        "recorded benchmark) or 'large' (GPU: bigger models and budgets)",
    )
    families: str = option(
        "", "comma-separated MiniLean families, one table each (default: --family; ignored with --env-id/--problems)"
    )
    seeds: str = option("0,1", "comma-separated seeds; each seed is its own problem split and initialisation")
    algorithms: str = option(
        "exit,ppo,grpo,self_play", "which of exit, ppo, grpo, self_play to run (the no-learning rows always run)"
    )
    budget: int = option(8000, "environment steps each algorithm may spend on training")
    eval_expansions: int = option(8, "held-out search expansions per problem (every row: leangym.eval)")
    eval_samples: int = option(4, "held-out tactics per expansion")
    evaluations: int = option(4, "held-out evaluations of GRPO and PPO over the budget (expert iteration: every round)")
    bootstrap: int = option(15, "reference proofs of the easiest training problems given to exit and grpo")
    d_model: int = option(64, "hidden size of the transformer policies")
    n_layer: int = option(2, "layers of the transformer policies")
    jobs: int = option(2, "runs at a time, each in its own process with one torch thread (1: in this process)")
    run_dir: str = option("runs/comparison", "folder for the records, the table, the plot and the agents' runs")
    resume: bool = option(False, "reuse the records of jobs already finished in --run-dir (a partial benchmark)")
    record: bool = option(False, f"write the recorded figures: {RECORDED_MD} and {RECORDED_PLOT}")
    out_md: str = option("", "Markdown file for the tables (default: RUN_DIR/comparison.md; 'none': none)")
    plot: str = option("", "PNG plot path (default: RUN_DIR/comparison.png; 'none': none)")
    quiet: bool = option(False, "no progress bars or per-job lines")
    large: bool = option(False, "shorthand for --preset large")
    gpu: bool = option(False, "shorthand for --preset large (the large settings are meant for a GPU)")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.large or self.gpu:
            self.preset = "large"
        if self.preset not in PRESETS:
            raise ConfigError(f"preset must be one of {sorted(PRESETS)}, got {self.preset!r}")
        unknown = set(self.algorithm_list()) - set(ALGORITHMS)
        if unknown:
            raise ConfigError(f"unknown algorithm(s) {sorted(unknown)}; expected some of {ALGORITHMS}")
        if not self.seed_list():
            raise ConfigError(f"seeds must name at least one seed, got {self.seeds!r}")
        if self.jobs < 1 or self.evaluations < 1:
            raise ConfigError(f"need jobs >= 1 and evaluations >= 1, got {self.jobs} and {self.evaluations}")
        default_md, default_plot = (RECORDED_MD, RECORDED_PLOT) if self.record else ("", "")
        self.out_md = self.out_md or default_md or str(Path(self.run_dir) / "comparison.md")
        self.plot = self.plot or default_plot or str(Path(self.run_dir) / "comparison.png")
        self.out_md = "" if self.out_md == "none" else self.out_md
        self.plot = "" if self.plot == "none" else self.plot

    def seed_list(self) -> list[int]:
        return [int(s) for s in self.seeds.split(",") if s.strip()]

    def algorithm_list(self) -> list[str]:
        return [a.strip() for a in self.algorithms.split(",") if a.strip()]

    def family_list(self) -> list[str]:
        """The problem sources, one table each: the families, or the one env id / problem file."""
        if self.env_id or self.problems:
            return [self.problem_tag]
        return [f.strip() for f in (self.families or self.family).split(",") if f.strip()]

    def problem_args(self, family: str) -> dict:
        """The problem flags every algorithm gets for ``family`` (the same problems per seed)."""
        args = self.problem_identity()
        if not (self.env_id or self.problems):
            args["family"] = family
        return args


def apply_preset(config: ComparisonConfig, given: set[str] | frozenset[str] = frozenset()) -> ComparisonConfig:
    """``config`` with its preset's settings filled in (fields named in ``given`` are kept)."""
    return replace(config, **{k: v for k, v in PRESETS[config.preset].items() if k not in given})


# --- jobs: one algorithm (or the no-learning rows) on one family and seed ---------------------------------


@dataclass(frozen=True)
class Job:
    family: str
    algorithm: str  # one of ALGORITHMS, or BASELINE
    seed: int

    @property
    def name(self) -> str:
        return f"{self.family}__{self.algorithm}__{self.seed}"


def evaluation_record(line: dict, job: Job) -> dict:
    """A ``metrics.jsonl`` evaluation line as the comparison keeps it."""
    return {
        "family": job.family,
        "algorithm": job.algorithm,
        "seed": job.seed,
        "eval": line["eval"],
        "round": int(line.get("round", 0)),
        "env_steps": int(line.get("env_steps", 0)),
        "forward_tokens": line.get("forward_tokens"),
        "wall_s": float(line.get("wall_s", 0.0)),
        "solved": int(line["solved"]),
        "total": int(line["total"]),
    }


def _eval_config(config: ComparisonConfig, mode: str, seed: int):
    from leangym.eval import EvalConfig

    # max_depth 8 as expert iteration and GRPO evaluate (8 expansions never reach deeper anyway)
    return EvalConfig(mode=mode, expansions=config.eval_expansions, samples=config.eval_samples, max_depth=8, seed=seed)  # type: ignore[arg-type]


def run_baseline(config: ComparisonConfig, job: Job, folder: Path) -> list[dict]:
    """The no-learning rows on the seed's held-out problems (the split every algorithm gets)."""
    from agents.common import select_problems
    from leangym.backend import make_backend
    from leangym.eval import evaluate, log_metrics

    _, heldout = select_problems(ProblemArgs(**config.problem_args(job.family)), job.seed)
    with make_backend("minilean") as backend:
        for mode in ("generator_uniform", "generator_rule"):
            result = evaluate(heldout, backend, config=_eval_config(config, mode, job.seed))
            log_metrics(folder / "metrics.jsonl", result, algorithm="none", round=0, env_steps=0, wall_s=0.0)
    return _read_evaluations(folder / "metrics.jsonl", job)


def _round_agent_args(config: ComparisonConfig, job: Job, folder: Path) -> dict:
    """The arguments expert iteration and self-play get alike: problems, bootstrap, budget, model, evaluation."""
    return dict(
        seed=job.seed, **config.problem_args(job.family), bootstrap=config.bootstrap, rounds=50,
        max_env_steps=config.budget, eval_expansions=config.eval_expansions, eval_samples=config.eval_samples,
        d_model=config.d_model, n_layer=config.n_layer, run_dir=str(folder), quiet=True,
    )  # fmt: skip


def run_exit(config: ComparisonConfig, job: Job, folder: Path) -> list[dict]:
    """Expert iteration until the budget, then its critic of every round in mode ``generator_critic``."""
    from agents import expert_iteration as ei
    from leangym.backend import make_backend
    from leangym.datasets import load_jsonl
    from leangym.eval import evaluate, log_metrics
    from leangym.policy import HFCritic

    args = ei.Args(**_round_agent_args(config, job, folder))
    run = ei.run(args)
    metrics = folder / "metrics.jsonl"
    lines = {(line["round"], line["eval"]): line for line in read_metrics(metrics) if "eval" in line}
    heldout = load_jsonl(folder / "eval_problems.jsonl")
    with make_backend("minilean") as backend:
        for log in run.rounds:
            critic = HFCritic.from_pretrained(folder / "checkpoints" / f"round_{log.round}" / "critic")
            result = evaluate(heldout, backend, critic=critic, config=_eval_config(config, "generator_critic", job.seed))
            at = lines[(log.round, "full")]
            log_metrics(metrics, result, algorithm="expert_iteration", round=log.round, env_steps=at["env_steps"], wall_s=at["wall_s"])  # fmt: skip
    return _read_evaluations(metrics, job)


def run_ppo(config: ComparisonConfig, job: Job, folder: Path) -> list[dict]:
    from agents import ppo_sb3

    n_steps = 64 if config.preset == "laptop" else 128
    args = ppo_sb3.Args(
        seed=job.seed,
        **config.problem_args(job.family),
        total_timesteps=config.budget,
        eval_every=max(n_steps * ppo_sb3.Args.num_envs, config.budget // config.evaluations),
        n_steps=n_steps,
        eval_modes="full",
        eval_expansions=config.eval_expansions,
        eval_samples=config.eval_samples,
        run_dir=str(folder),
        track=False,
        quiet=True,
    )
    run = ppo_sb3.train(args)
    # PPO logs the no-learning rows too; the comparison keeps its own (BASELINE job) and PPO's mode
    return [r for r in _read_evaluations(run.run_path / "metrics.jsonl", job) if r["eval"] in args.modes]


def run_grpo(config: ComparisonConfig, job: Job, folder: Path) -> list[dict]:
    from agents import grpo

    args = grpo.Args(
        seed=job.seed,
        **config.problem_args(job.family),
        bootstrap=config.bootstrap,
        total_env_steps=config.budget,
        # assumes batch_size x 3 tactics per optimisation step; steps send 100-200 here, so the evaluations
        # come a little sparser than asked (kept: the recorded run used this)
        chunk_steps=max(1, round(config.budget / (config.evaluations * grpo.Args.batch_size * 3))),
        eval_expansions=config.eval_expansions,
        eval_samples=config.eval_samples,
        d_model=config.d_model,
        n_layer=config.n_layer,
        run_dir=str(folder),
        track=False,
        quiet=True,
    )
    run = grpo.train(args)
    return _read_evaluations(run.run_path / "metrics.jsonl", job)


def run_self_play(config: ComparisonConfig, job: Job, folder: Path) -> list[dict]:
    from agents import self_play

    args = self_play.Args(**_round_agent_args(config, job, folder))
    self_play.run(args)
    return _read_evaluations(folder / "metrics.jsonl", job)


RUNNERS: dict[str, Callable[[ComparisonConfig, Job, Path], list[dict]]] = {
    BASELINE: run_baseline,
    "exit": run_exit,
    "ppo": run_ppo,
    "grpo": run_grpo,
    "self_play": run_self_play,
}


def _read_evaluations(path: Path, job: Job) -> list[dict]:
    return [evaluation_record(line, job) for line in read_metrics(path) if "eval" in line]


def run_job(config: ComparisonConfig, job: Job) -> dict:
    """Run one job from nothing (its folder is emptied first); returns its records and wall time."""
    import shutil

    from agents.common import set_torch_threads

    set_torch_threads(1)
    os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")
    folder = Path(config.run_dir) / "runs" / job.name
    shutil.rmtree(folder, ignore_errors=True)  # a comparison starts from nothing (no resumed store)
    folder.mkdir(parents=True)
    t0 = time.perf_counter()
    records = RUNNERS[job.algorithm](config, job, folder)
    out = {"job": asdict(job), "wall_s": time.perf_counter() - t0, "records": records}
    path = Path(config.run_dir) / "records" / f"{job.name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out))
    return out


# --- the comparison ----------------------------------------------------------------------------------


@dataclass
class ComparisonResults:
    config: ComparisonConfig
    jobs: list[dict] = field(default_factory=list)  # run_job's outputs: job, wall_s, records
    table: str = ""
    plot: str = ""
    command: str = ""
    wall_s: float = 0.0

    @property
    def records(self) -> list[dict]:
        return [r for j in self.jobs for r in j["records"]]


def planned_jobs(config: ComparisonConfig) -> list[Job]:
    """Every job: expert iteration first (the rows the ablations are about), GRPO, the slowest, last."""
    order = [a for a in ("exit", BASELINE, "ppo", "self_play", "grpo") if a == BASELINE or a in config.algorithm_list()]
    return [Job(f, a, s) for a in order for f in config.family_list() for s in config.seed_list()]


def run_comparison(config: ComparisonConfig, command: str | None = None) -> ComparisonResults:
    """Run every job (``config.jobs`` at a time); write the tables and the plot after each one finishes."""
    results = ComparisonResults(config, command=command or "python -m benchmarks.exit_vs_ppo " + " ".join(sys.argv[1:]))
    wall_file = Path(config.run_dir) / "wall.json"
    earlier = json.loads(wall_file.read_text())["wall_s"] if config.resume and wall_file.is_file() else 0.0
    t0 = time.perf_counter() - earlier  # wall time over every invocation of a resumed benchmark
    todo = []
    for job in planned_jobs(config):
        saved = Path(config.run_dir) / "records" / f"{job.name}.json"
        if config.resume and saved.is_file():
            results.jobs.append(json.loads(saved.read_text()))
        else:
            todo.append(job)

    def done(out: dict) -> None:
        results.jobs.append(out)
        results.wall_s = time.perf_counter() - t0
        if not config.quiet:
            j = out["job"]
            print(f"== done {j['family']} {j['algorithm']} seed {j['seed']} in {out['wall_s']:.0f} s "
                  f"({len(results.jobs)} of {len(results.jobs) + len(todo)} jobs)", file=sys.stderr, flush=True)  # fmt: skip
        write_outputs(results)

    if config.jobs == 1:
        for job in list(todo):
            todo.remove(job)
            done(run_job(config, job))
    else:
        with ProcessPoolExecutor(config.jobs, mp_context=get_context("spawn")) as pool:
            futures = {pool.submit(run_job, config, job): job for job in todo}
            for future in as_completed(futures):
                todo.remove(futures[future])
                done(future.result())
    results.wall_s = time.perf_counter() - t0
    write_outputs(results)
    return results


def write_outputs(results: ComparisonResults) -> None:
    wall_file = Path(results.config.run_dir) / "wall.json"
    wall_file.parent.mkdir(parents=True, exist_ok=True)
    wall_file.write_text(json.dumps({"wall_s": results.wall_s}))
    results.table = format_tables(results)
    if results.config.plot:
        results.plot = plot(results, Path(results.config.plot))
    if results.config.out_md:
        write_markdown(results, Path(results.config.out_md))


# --- statistics ---------------------------------------------------------------------------------------

@dataclass
class Cell:
    """One row's evaluations on one family: per seed, the records in round order."""

    by_seed: dict[int, list[dict]]

    def at(self, which: str | int) -> list[dict]:
        """Each seed's ``"start"`` or ``"end"`` record, or the one of round ``which`` (seeds that have it)."""
        if which == "start":
            return [rs[0] for rs in self.by_seed.values()]
        if which == "end":
            return [rs[-1] for rs in self.by_seed.values()]
        return [r for rs in self.by_seed.values() for r in rs if r["round"] == which]


def cells(records: Sequence[dict], family: str) -> dict[tuple[str, str], Cell]:
    by: dict[tuple[str, str], dict[int, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for r in records:
        if r["family"] == family:
            by[(r["algorithm"], r["eval"])][r["seed"]].append(r)
    return {k: Cell({s: sorted(rs, key=lambda r: (r["round"], r["env_steps"])) for s, rs in v.items()}) for k, v in by.items()}


def rate(records: Sequence[dict]) -> str:
    """'mean [low, high]' (95% t over seeds) of the solve rates."""
    mean, lo, hi = t_interval([r["solved"] / r["total"] for r in records])
    return f"{mean:.3f} [{max(0.0, lo):.3f}, {min(1.0, hi):.3f}]" if math.isfinite(lo) else f"{mean:.3f}"


def pooled(records: Sequence[dict]) -> str:
    """'solved/total [low, high]' (95% Wilson over every seed's problems together)."""
    from leangym.eval import wilson_interval

    solved, total = sum(r["solved"] for r in records), sum(r["total"] for r in records)
    lo, hi = wilson_interval(solved, total)
    return f"{solved}/{total} [{lo:.3f}, {hi:.3f}]"


def change(cell: Cell) -> tuple[float, float, float]:
    """End minus start per seed: (mean, low, high), 95% t over seeds (paired: the same problems)."""
    diffs = [rs[-1]["solved"] / rs[-1]["total"] - rs[0]["solved"] / rs[0]["total"] for rs in cell.by_seed.values()]
    return t_interval(diffs)


def _fmt_change(c: tuple[float, float, float]) -> str:
    mean, lo, hi = c
    return f"{mean:+.3f} [{lo:+.3f}, {hi:+.3f}]" if math.isfinite(lo) else f"{mean:+.3f}"


def _mean_int(values: Sequence[float | None]) -> str:
    known = [v for v in values if v is not None]
    return f"{statistics.fmean(known):,.0f}" if known else "n/a"


def format_tables(results: ComparisonResults) -> str:
    """Per family: the ablation table (start, end, pooled, change, budgets) and expert iteration by round."""
    wall = {(j["job"]["family"], j["job"]["algorithm"], j["job"]["seed"]): j["wall_s"] for j in results.jobs}
    out = []
    for family in results.config.family_list():
        table = cells(results.records, family)
        out += [
            f"**{family}**\n",
            "| row | eval mode | seeds | held-out solve rate, start | end (mean [95% t]) | end, pooled (solved/total [95% Wilson]) "
            "| change end − start [95% t] | training env steps | forward tokens | wall s per seed |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for job, mode, label in ROWS:
            cell = table.get((job, mode))
            if cell is None:
                continue
            ends = cell.at("end")
            walls = [wall.get((family, job, s)) for s in cell.by_seed]
            learned = job != BASELINE
            out.append(
                f"| {label} | `{mode}` | {len(cell.by_seed)} | {rate(cell.at('start')) if learned else '–'} | {rate(ends)} "
                f"| {pooled(ends)} | {_fmt_change(change(cell)) if learned else '–'} "
                f"| {_mean_int([r['env_steps'] for r in ends])} | {_mean_int([r['forward_tokens'] for r in ends])} "
                f"| {_mean_int(walls)} |"
            )
        rounds = sorted({r["round"] for (job, _), c in table.items() if job == "exit" for rs in c.by_seed.values() for r in rs})
        if rounds:
            modes = [m for j, m, _ in ROWS if j == "exit" and ("exit", m) in table]
            out += [
                "",
                f"Expert iteration by round ({family}; mean [95% t] over the seeds that reached the round):\n",
                "| round | seeds | training env steps | " + " | ".join(f"`{m}`" for m in modes) + " |",
                "|---|---|---|" + "---|" * len(modes),
            ]
            for rnd in rounds:
                at = {m: table[("exit", m)].at(rnd) for m in modes}
                first = at[modes[0]]
                out.append(
                    f"| {rnd} | {len(first)} | {_mean_int([r['env_steps'] for r in first])} | "
                    + " | ".join(rate(at[m]) if at[m] else "–" for m in modes) + " |"
                )
        out += self_play_table(results.config, family)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


CONJECTURE_COUNTS = ("proposed", "well_formed", "novel", "nontrivial", "proved", "rewarded")


def conjecture_counts(config: ComparisonConfig, family: str) -> dict[int, list[dict]]:
    """Per seed, self-play's conjecture counts by round, read from each job's ``metrics.jsonl``."""
    out: dict[int, list[dict]] = {}
    for seed in config.seed_list():
        path = Path(config.run_dir) / "runs" / Job(family, "self_play", seed).name / "metrics.jsonl"
        if not path.is_file():
            continue
        rounds = {line["round"]: line["conjectures"] for line in read_metrics(path) if "conjectures" in line}
        out[seed] = [dict(rounds[r], round=r) for r in sorted(rounds) if r > 0]
    return out


def self_play_table(config: ComparisonConfig, family: str) -> list[str]:
    """Self-play's conjectures over the whole run, summed per seed: mean [95% t] over seeds, and the pooled
    pass-rate histogram of the conjectures the prover attempted."""
    per_seed = conjecture_counts(config, family)
    if not per_seed:
        return []
    totals = {k: [float(sum(r[k] for r in rs)) for rs in per_seed.values()] for k in CONJECTURE_COUNTS}
    hist: dict[str, int] = defaultdict(int)
    for rs in per_seed.values():
        for r in rs:
            for rate, n in r.get("pass_rates", {}).items():
                hist[rate] += n
    cells = []
    for k in CONJECTURE_COUNTS:
        mean, lo, hi = t_interval(totals[k])
        cells.append(f"{mean:.1f} [{lo:.1f}, {hi:.1f}]")
    return [
        "",
        f"Self-play's conjectures ({family}; per seed, summed over its rounds; mean [95% t] over {len(per_seed)} seeds):\n",
        "| " + " | ".join(k.replace("_", "-") for k in CONJECTURE_COUNTS) + " |",
        "|" + "---|" * len(CONJECTURE_COUNTS),
        "| " + " | ".join(cells) + " |",
        "",
        "Pass rates of the non-trivial conjectures (pooled over seeds and rounds; paid: 0 < rate <= 1/4): "
        + ", ".join(f"{rate}: {n}" for rate, n in sorted(hist.items())),
    ]


def plot(results: ComparisonResults, path: Path) -> str:
    """Held-out solve rate vs training env steps, one panel per family: mean over seeds, 95% t bands."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    families = results.config.family_list()
    fig, axes = plt.subplots(1, len(families), figsize=(6.5 * len(families), 4.5), squeeze=False)
    styles = {("exit", "full"): ("tab:blue", "-"), ("exit", "policy_only"): ("tab:blue", "--"),
              ("exit", "generator_critic"): ("tab:purple", ":"), ("grpo", "full"): ("tab:green", "-"),
              ("grpo", "policy_only"): ("tab:green", "--"), ("ppo", "full"): ("tab:orange", "-"),
              ("self_play", "full"): ("tab:red", "-"), ("self_play", "policy_only"): ("tab:red", "--"),
              (BASELINE, "generator_uniform"): ("grey", ":"), (BASELINE, "generator_rule"): ("black", "-.")}  # fmt: skip
    for ax, family in zip(axes[0], families):
        table = cells(results.records, family)
        right = max([r["env_steps"] for r in results.records if r["family"] == family] + [results.config.budget])
        for job, mode, label in ROWS:
            cell = table.get((job, mode))
            if cell is None:
                continue
            color, line = styles[(job, mode)]
            n = min(len(rs) for rs in cell.by_seed.values())  # evaluations every seed has, by index
            xs, mid, lo, hi = [], [], [], []
            for i in range(n):
                at = [rs[i] for rs in cell.by_seed.values()]
                m, low, high = t_interval([r["solved"] / r["total"] for r in at])
                xs.append(statistics.fmean(r["env_steps"] for r in at))
                mid.append(m)
                lo.append(max(0.0, low) if math.isfinite(low) else m)
                hi.append(min(1.0, high) if math.isfinite(high) else m)
            if job == BASELINE:  # no training: a level across the budget
                xs, mid, lo, hi = [0, right], mid * 2, lo * 2, hi * 2
            ax.plot(xs, mid, line, color=color, marker="o" if job != BASELINE else None, ms=3, label=label)
            ax.fill_between(xs, lo, hi, color=color, alpha=0.12)
        ax.set_xlabel("training environment steps")
        ax.set_ylabel("held-out solve rate")
        ax.set_ylim(0, 1)
        ax.set_title(f"{family}: mean over {len(results.config.seed_list())} seeds, 95% t bands")
    fullest = max(axes[0], key=lambda ax: len(ax.get_legend_handles_labels()[0]))
    if fullest.get_legend_handles_labels()[0]:
        fullest.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return str(path)


def write_markdown(results: ComparisonResults, path: Path) -> None:
    c = results.config
    finished = len(results.jobs)
    planned = len(planned_jobs(c))
    per_seed = {
        f"{j['job']['family']}/{j['job']['algorithm']}/seed{j['job']['seed']}": [
            [r["eval"], r["round"], r["env_steps"], r["solved"], r["total"]] for r in j["records"]
        ]
        for j in results.jobs
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Expert iteration vs PPO vs GRPO vs self-play, with ablation rows\n\n"
        f"Command: `{results.command.strip()}`\n\n"
        f"Machine: {platform.machine()} {platform.system()}, {os.cpu_count()} CPU cores, {c.jobs} job(s) at a time "
        f"(one torch thread each), {'GPU' if _cuda() else 'no GPU'}; preset `{c.preset}`. "
        f"Jobs finished: {finished} of {planned}; wall time {results.wall_s / 60:.1f} min"
        f"{' (all invocations)' if c.resume else ''}.\n\n"
        f"Problems: {', '.join(f'`{f}`' for f in c.family_list())}, difficulties {c.difficulties}, {c.num_train} train / "
        f"{c.num_eval} held-out per seed; seeds {c.seeds}. Training budget: {c.budget} env steps per algorithm and "
        "seed (a round or chunk that starts under the budget finishes, hence 'training env steps' above it). "
        f"Held-out budget, every row: {c.eval_expansions} expansions x {c.eval_samples} tactics per problem through "
        "`leangym.eval`. 'start' is an algorithm's first evaluation (expert iteration and GRPO: after the SFT "
        "bootstrap on reference proofs; PPO: untrained), 'end' its last. Forward tokens: tokens through the training "
        "forward passes (expert iteration, self-play: search, scoring, critic, SFT; GRPO: rollouts and loss; PPO: not "
        "logged).\n\n"
        f"{results.table}\n"
        f"Plot: `{results.plot}`\n\n"
        "<details><summary>per seed: [eval, round, env steps, solved, total]</summary>\n\n"
        f"```json\n{json.dumps(per_seed)}\n```\n</details>\n\n"
        f"Config: `{json.dumps(asdict(c))}`\n"
    )


def _cuda() -> bool:
    import torch

    return torch.cuda.is_available()
