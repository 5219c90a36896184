"""Expert iteration vs PPO (SB3) vs GRPO on the same MiniLean problems, seeds and environment-step budget.

Each algorithm gets the same train/held-out split per seed (``agents.common.make_split``) and the same
budget of environment steps (tactics sent to the env while training, bootstrap replays included), and is
scored by its held-out solve rate: expert iteration and GRPO with best-first search at a fixed budget of
``eval_expansions x eval_samples`` tactics per problem, PPO with sampled episodes up to the same number of
steps per problem. Wall time is reported alongside. The result is a table (mean and spread over seeds at
fractions of the budget) and a PNG plot of solve rate against environment steps.

This module is the comparison itself; ``python -m benchmarks.exit_vs_ppo`` and ``make demo``
(``agents.demo``) are its two entry points. Everything is written under ``--run-dir`` (``runs/``, git-ignored)
unless ``--out-md``/``--plot`` name other files, such as the recorded ``benchmarks/results/agents.md``.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from leangym.config import option

ALGORITHMS = ("exit", "ppo", "grpo")
PRIOR_CANDIDATES = 20
"""About how many goal-derived candidates ``agents.common.PriorPolicy`` adds per expansion on this family."""
LABELS = {"exit": "expert iteration", "ppo": "PPO (SB3)", "grpo": "GRPO (TRL)"}


@dataclass
class ComparisonConfig:
    preset: str = option(
        "laptop", "'laptop' (minutes on 2 CPU cores) or 'large' (GPU, bigger models and budgets)"
    )
    seeds: str = option("0,1", "comma-separated seeds; each seed is its own problem split and initialisation")
    algorithms: str = option("exit,ppo,grpo", "which of exit, ppo, grpo to run")
    family: str = option("propositional", "MiniLean problem family")
    difficulties: str = option("1,2,3", "generator difficulties mixed into both splits")
    num_train: int = option(60, "training problems per seed")
    num_eval: int = option(30, "held-out problems per seed")
    budget: int = option(8000, "environment steps each algorithm may spend on training")
    eval_expansions: int = option(8, "held-out search expansions per problem (PPO: x eval_samples steps)")
    eval_samples: int = option(4, "held-out tactics per expansion")
    bootstrap: int = option(15, "reference proofs of the easiest training problems given to exit and grpo")
    d_model: int = option(64, "hidden size of the transformer policies")
    n_layer: int = option(2, "layers of the transformer policies")
    run_dir: str = option("runs/exit_vs_ppo", "folder for the table, the plot and expert iteration's stores")
    out_md: str = option("", "Markdown file for the table and command (default: RUN_DIR/agents.md; 'none': none)")
    plot: str = option("", "PNG plot path (default: RUN_DIR/exit_vs_ppo.png; 'none': none)")
    quiet: bool = option(False, "no progress bars")
    large: bool = option(False, "shorthand for --preset large")
    gpu: bool = option(False, "shorthand for --preset large (the large settings are meant for a GPU)")

    def __post_init__(self) -> None:
        # Recorded results in benchmarks/ are overwritten only when named: defaults stay under run_dir.
        self.out_md = "" if self.out_md == "none" else self.out_md or str(Path(self.run_dir) / "agents.md")
        self.plot = "" if self.plot == "none" else self.plot or str(Path(self.run_dir) / "exit_vs_ppo.png")
        if self.large or self.gpu:
            self.preset = "large"
        if self.preset not in ("laptop", "large"):
            raise ValueError(f"preset must be 'laptop' or 'large', got {self.preset!r}")
        unknown = set(self.algorithm_list()) - set(ALGORITHMS)
        if unknown:
            raise ValueError(f"unknown algorithm(s) {sorted(unknown)}; expected some of {ALGORITHMS}")

    def seed_list(self) -> list[int]:
        return [int(s) for s in self.seeds.split(",") if s.strip()]

    def algorithm_list(self) -> list[str]:
        return [a.strip() for a in self.algorithms.split(",") if a.strip()]


LARGE = dict(seeds="0,1,2", num_train=300, num_eval=100, budget=50_000, bootstrap=40, d_model=256, n_layer=4)
"""The ``large`` preset (applied over the defaults; explicit flags on the command line still win)."""


def apply_preset(
    config: ComparisonConfig, given: set[str] | frozenset[str] = frozenset()
) -> ComparisonConfig:
    """``config`` with the ``large`` preset's settings filled in (fields named in ``given`` are kept)."""
    if config.preset != "large":
        return config
    return replace(config, **{k: v for k, v in LARGE.items() if k not in given})


@dataclass
class Curve:
    """One algorithm on one seed: (env steps, held-out solve rate, wall seconds) at each evaluation."""

    algorithm: str
    seed: int
    points: list[tuple[int, float, float]]

    def rate_at(self, steps: int) -> float:
        """Solve rate of the last evaluation made within ``steps`` env steps (the first one if none)."""
        within = [p for p in self.points if p[0] <= steps]
        return (within[-1] if within else self.points[0])[1]


@dataclass
class ComparisonResults:
    config: ComparisonConfig
    curves: list[Curve] = field(default_factory=list)
    table: str = ""
    plot: str = ""
    command: str = ""


def run_exit(config: ComparisonConfig, seed: int) -> Curve:
    import shutil

    from agents import expert_iteration as ei

    folder = Path(config.run_dir) / "stores" / f"exit_seed{seed}"
    shutil.rmtree(folder, ignore_errors=True)  # a comparison starts from nothing (no resumed store)
    args = ei.Args(
        seed=seed,
        family=config.family,
        difficulties=config.difficulties,
        num_train=config.num_train,
        num_eval=config.num_eval,
        bootstrap=config.bootstrap,
        rounds=50,
        max_env_steps=config.budget,
        eval_expansions=config.eval_expansions,
        eval_samples=config.eval_samples,
        d_model=config.d_model,
        n_layer=config.n_layer,
        run_dir=str(folder),
        quiet=config.quiet,
    )
    t0 = time.perf_counter()
    points: list[tuple[int, float, float]] = []
    ei.run(
        args,
        on_round=lambda log: points.append(
            (log.cumulative_env_steps, log.heldout_rate, time.perf_counter() - t0)
        ),
    )
    return Curve("exit", seed, points)


def run_ppo(config: ComparisonConfig, seed: int) -> Curve:
    from agents import ppo_sb3

    args = ppo_sb3.Args(
        seed=seed,
        family=config.family,
        difficulties=config.difficulties,
        num_train=config.num_train,
        num_eval=config.num_eval,
        total_timesteps=config.budget,
        eval_every=max(256, config.budget // 4),
        n_steps=64 if config.preset == "laptop" else 128,
        # the search agents' held-out search also tries the ~20 goal-derived candidates per expansion
        eval_budget=config.eval_expansions * (config.eval_samples + PRIOR_CANDIDATES),
        track=False,
        quiet=config.quiet,
    )
    return Curve("ppo", seed, ppo_sb3.train(args).curve)


def run_grpo(config: ComparisonConfig, seed: int) -> Curve:
    from agents import grpo

    args = grpo.Args(
        seed=seed,
        family=config.family,
        difficulties=config.difficulties,
        num_train=config.num_train,
        num_eval=config.num_eval,
        bootstrap=config.bootstrap,
        total_env_steps=config.budget,
        # about four evaluations over the budget (an optimisation step sends ~batch x 3 tactics)
        chunk_steps=max(2, config.budget // (4 * 16 * 3)),
        eval_expansions=config.eval_expansions,
        eval_samples=config.eval_samples,
        d_model=config.d_model,
        n_layer=config.n_layer,
        track=False,
        quiet=config.quiet,
    )
    return Curve("grpo", seed, grpo.train(args).curve)


RUNNERS = {"exit": run_exit, "ppo": run_ppo, "grpo": run_grpo}


def run_comparison(config: ComparisonConfig) -> ComparisonResults:
    """Run every algorithm on every seed at the same budget; write the table (Markdown) and the plot."""
    results = ComparisonResults(config)
    for seed in config.seed_list():
        for algo in config.algorithm_list():
            if not config.quiet:
                print(f"== {LABELS[algo]}, seed {seed}, budget {config.budget} env steps", file=sys.stderr)
            results.curves.append(RUNNERS[algo](config, seed))
    results.table = format_table(results)
    if config.plot:
        results.plot = plot(results, Path(config.plot))
    results.command = "python -m benchmarks.exit_vs_ppo " + " ".join(sys.argv[1:])
    if config.out_md:
        write_markdown(results, Path(config.out_md))
    return results


def _mean_sd(values: Sequence[float]) -> str:
    if len(values) < 2:
        return f"{values[0]:.2f}" if values else "-"
    return f"{statistics.mean(values):.2f} ± {statistics.stdev(values):.2f}"


def format_table(results: ComparisonResults) -> str:
    """Held-out solve rate (mean ± sd over seeds) at 0, 1/4, 1/2 and all of the budget, plus wall time."""
    budget = results.config.budget
    marks = [0, budget // 4, budget // 2, budget]
    header = "| algorithm | " + " | ".join(f"{m} steps" for m in marks) + " | env steps used | wall s |"
    lines = [header, "|" + "---|" * (len(marks) + 3)]
    for algo in results.config.algorithm_list():
        curves = [c for c in results.curves if c.algorithm == algo]
        if not curves:
            continue
        cells = [_mean_sd([c.rate_at(m) if m else c.points[0][1] for c in curves]) for m in marks]
        used = statistics.mean(c.points[-1][0] for c in curves)
        wall = statistics.mean(c.points[-1][2] for c in curves)
        lines.append(f"| {LABELS[algo]} | " + " | ".join(cells) + f" | {used:.0f} | {wall:.0f} |")
    return "\n".join(lines)


def plot(results: ComparisonResults, path: Path) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    colors = {"exit": "tab:blue", "ppo": "tab:orange", "grpo": "tab:green"}
    for algo in results.config.algorithm_list():
        curves = [c for c in results.curves if c.algorithm == algo]
        for i, c in enumerate(curves):
            xs, ys = [p[0] for p in c.points], [p[1] for p in c.points]
            ax.plot(xs, ys, "o-", color=colors[algo], alpha=0.8, label=LABELS[algo] if i == 0 else None)
    ax.set_xlabel("environment steps (training)")
    ax.set_ylabel("held-out solve rate")
    ax.set_ylim(0, 1)
    ax.set_title(f"MiniLean {results.config.family}: one line per seed")
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return str(path)


def _cuda() -> bool:
    import torch

    return torch.cuda.is_available()


def write_markdown(results: ComparisonResults, path: Path) -> None:
    import platform

    path.parent.mkdir(parents=True, exist_ok=True)
    c = results.config
    curves = {f"{cv.algorithm}/seed{cv.seed}": cv.points for cv in results.curves}
    path.write_text(
        "# Agents: expert iteration vs PPO vs GRPO\n\n"
        f"Command: `{results.command.strip()}`\n\n"
        f"Machine: {platform.machine()} {platform.system()}, {os.cpu_count()} CPU cores, "
        f"{'GPU' if _cuda() else 'no GPU'}; preset `{c.preset}`.\n\n"
        f"Problems: MiniLean `{c.family}`, difficulties {c.difficulties}, {c.num_train} train / "
        f"{c.num_eval} held-out per seed; seeds {c.seeds}; budget {c.budget} env steps each (a round or chunk "
        "that starts under the budget finishes, hence 'env steps used'). Held-out budget per problem: "
        f"{c.eval_expansions} expansions x ({c.eval_samples} policy samples + ~{PRIOR_CANDIDATES} goal-derived "
        f"candidates) for expert iteration and GRPO, {c.eval_expansions * (c.eval_samples + PRIOR_CANDIDATES)} "
        "env steps of sampled episodes for PPO.\n\n"
        "Held-out solve rate (mean ± sd over seeds) after the given number of training env steps:\n\n"
        f"{results.table}\n\n"
        f"Plot: `{results.plot}`\n\n"
        "<details><summary>raw curves (env steps, solve rate, wall s)</summary>\n\n"
        f"```json\n{json.dumps(curves)}\n```\n</details>\n\n"
        f"Config: `{json.dumps(asdict(c))}`\n"
    )
