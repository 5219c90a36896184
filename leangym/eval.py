"""One evaluator for every agent: how many problems a search setup proves at a fixed budget, with an interval.

:func:`evaluate` runs best-first search (:func:`leangym.search.best_first_search`) over ``problems`` in one
of five named setups (:data:`MODES`), so the same code scores expert iteration's checkpoints, GRPO's
policy, a new algorithm's policy and the no-learning baselines:

- ``generator_uniform``: the candidate generator's tactics in a uniformly random order, k per expansion (a
  state goes back on the frontier until all its candidates are tried); breadth first (no learning);
- ``generator_rule``: the same tactics; fewest goals first, then shortest targets (a fixed rule);
- ``generator_critic``: the same tactics; the critic's value orders the frontier (no policy);
- ``policy_only``: k policy samples (no generator), each state expanded once; frontier by ``priority``;
- ``full``: k policy samples plus every generator candidate, all scored by the policy in one teacher-forced
  pass (:class:`~leangym.search.candidates.ModelChoosesPolicy`) and tried in the policy's order, k per
  expansion (the state goes back on the frontier with the rest); frontier by ``priority``.

``priority="auto"`` orders the frontier by the critic when one is given, else by path log-prob.

The budget is ``expansions`` states per problem, ``samples`` (k) tactics per expansion and ``wall_time``
seconds per problem, repeated over ``passes`` seeds (pass@N). The answer is solved/total with a 95% Wilson
interval and one record per problem (:meth:`EvalResult.write_jsonl`). For a fixed ``seed`` it is
deterministic: the generator's draw is seeded by the seed and the state, torch's sampler is reseeded at the
start of every pass, and no budget depends on the clock unless ``wall_time`` is reached. Saved with
:func:`save_settings` next to a checkpoint, the settings let ``leangym eval --checkpoint DIR`` reproduce the
number an agent logged.
"""

from __future__ import annotations

import json
import math
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from leangym.backend.api import Backend
from leangym.config import option
from leangym.errors import ConfigError
from leangym.policy.base import TacticPolicy
from leangym.policy.critic import Critic
from leangym.problems import Problem
from leangym.search.best_first import SearchResult, best_first_search
from leangym.search.candidates import CandidateGenerator, GeneratorPolicy, ModelChoosesPolicy
from leangym.search.config import SearchConfig

Mode = Literal["generator_uniform", "generator_rule", "generator_critic", "policy_only", "full"]
MODES: tuple[str, ...] = ("generator_uniform", "generator_rule", "generator_critic", "policy_only", "full")
"""The named search setups, from no learning at all to the full agent (see the module docstring)."""

SETTINGS_FILE = "eval.json"
"""The file :func:`save_settings` writes into a checkpoint folder."""


@dataclass
class EvalConfig:
    """Which search setup and what budget; ``leangym eval`` takes one flag per field."""

    mode: Mode = option("full", "search setup: " + ", ".join(MODES))
    expansions: int = option(64, "states expanded per problem")
    samples: int = option(8, "tactics tried per expansion (k)")
    wall_time: float = option(
        600.0, "seconds per problem; a problem that reaches it makes the result depend on the machine"
    )
    max_depth: int = option(32, "longest proof searched")
    priority: str = option(
        "auto", "frontier order in policy_only and full: auto (critic if one is given, else logprob), logprob, critic or blend"
    )
    passes: int = option(1, "independent searches per problem with seeds seed, seed+1, ... (pass@N)")
    seed: int = option(0, "seed of the generator's draws and the policy's sampler")
    tactic_timeout: float | None = option(None, "seconds per tactic (backend default if unset)")
    length_alpha: float = option(0.0, "path score divides each tactic's log-prob by num_tokens**alpha")

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"mode must be one of {MODES}, got {self.mode!r}")
        if self.priority not in ("auto", "logprob", "critic", "blend"):
            raise ConfigError(f"priority must be 'auto', 'logprob', 'critic' or 'blend', got {self.priority!r}")
        for name in ("expansions", "samples", "max_depth", "passes"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be >= 1, got {getattr(self, name)}")

    def budget(self) -> str:
        """``passes x samples x expansions`` as the literature quotes it."""
        return f"{self.passes}x{self.samples}x{self.expansions}"


@dataclass(frozen=True)
class ProblemResult:
    """One problem's outcome over all passes (``expansions``/``env_steps``/``wall_s`` summed over them)."""

    problem_id: str
    solved: bool
    proof: tuple[str, ...] | None
    status: str
    expansions: int
    env_steps: int
    wall_s: float

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["proof"] = list(self.proof) if self.proof is not None else None
        return d


@dataclass
class EvalResult:
    """Solved/total with a 95% Wilson interval, and every problem's record."""

    mode: str
    config: EvalConfig
    problems: list[ProblemResult] = field(default_factory=list)
    wall_s: float = 0.0
    policy_s: float = 0.0
    critic_s: float = 0.0

    @property
    def solved(self) -> int:
        return sum(r.solved for r in self.problems)

    @property
    def total(self) -> int:
        return len(self.problems)

    @property
    def solve_rate(self) -> float:
        return self.solved / self.total if self.total else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        return wilson_interval(self.solved, self.total)

    @property
    def env_steps(self) -> int:
        """Tactics the evaluation sent to the backend (not training steps)."""
        return sum(r.env_steps for r in self.problems)

    def summary(self) -> dict[str, Any]:
        """The fields a ``metrics.jsonl`` line carries about this evaluation."""
        return {**rate_summary(self.mode, self.solved, self.total), "budget": self.config.budget(), "seed": self.config.seed}

    def write_jsonl(self, path: str | Path) -> Path:
        """One line per problem: problem_id, solved, proof, status, expansions, env_steps, wall_s."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in self.problems))
        return path


def rate_summary(eval: str, solved: int, total: int) -> dict[str, Any]:
    """``eval``, ``solved``, ``total``, ``solve_rate``, ``ci_low``, ``ci_high`` (95% Wilson) of one evaluation."""
    lo, hi = wilson_interval(solved, total)
    return {"eval": eval, "solved": solved, "total": total, "solve_rate": solved / total if total else 0.0, "ci_low": lo, "ci_high": hi}


def wilson_interval(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a binomial proportion (95% for ``z=1.96``); (0, 1) when ``n == 0``.

    Unlike the normal approximation it stays inside [0, 1] and is not empty at 0/n or n/n.
    """
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


_T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
         12: 2.179, 15: 2.131, 20: 2.086, 30: 2.042}  # fmt: skip


def t_quantile(df: int) -> float:
    """The 97.5% quantile of Student's t with ``df`` degrees of freedom (conservative between table rows)."""
    if df >= 60:
        return 1.96
    return _T975[max(k for k in _T975 if k <= df)] if df >= 1 else math.inf


def t_interval(values: Sequence[float]) -> tuple[float, float, float]:
    """(mean, low, high): the 95% Student-t interval of the mean over seeds (infinite for one value)."""
    mean = statistics.fmean(values)
    if len(values) < 2:
        return mean, -math.inf, math.inf
    half = t_quantile(len(values) - 1) * statistics.stdev(values) / math.sqrt(len(values))
    return mean, mean - half, mean + half


@dataclass(frozen=True)
class SearchSetup:
    """What one mode hands to :func:`~leangym.search.best_first_search`."""

    policy: TacticPolicy
    priority: str
    critic: Critic | None
    slice_proposals: bool


def search_setup(
    config: EvalConfig,
    policy: TacticPolicy | None,
    critic: Critic | None,
    generator: CandidateGenerator | None = None,
    *,
    seed: int | None = None,
) -> SearchSetup:
    """The tactic source, frontier priority and critic of ``config.mode`` (errors name what is missing)."""
    mode, generator = config.mode, generator or CandidateGenerator()
    seed = config.seed if seed is None else seed
    if mode in ("policy_only", "full") and policy is None:
        raise ConfigError(f"mode {mode!r} needs a policy; pass one, or use a generator_* mode")
    if mode == "generator_critic" and critic is None:
        raise ConfigError("mode 'generator_critic' needs a critic; pass one, or use generator_rule")
    if mode.startswith("generator_"):
        order = {"generator_uniform": "bfs", "generator_rule": "rule", "generator_critic": "critic"}[mode]
        return SearchSetup(GeneratorPolicy(generator, seed=seed), order, critic if order == "critic" else None, True)
    priority = config.priority if config.priority != "auto" else ("critic" if critic else "logprob")
    if priority in ("critic", "blend") and critic is None:
        raise ConfigError(f"priority {priority!r} needs a critic; pass one or use --priority logprob")
    use_critic = critic if priority in ("critic", "blend") else None
    if mode == "full":
        return SearchSetup(ModelChoosesPolicy(policy, generator, samples=config.samples), priority, use_critic, True)
    return SearchSetup(policy, priority, use_critic, False)


def evaluate(
    problems: Sequence[Problem],
    backend: Backend,
    *,
    policy: TacticPolicy | None = None,
    critic: Critic | None = None,
    config: EvalConfig | None = None,
    generator: CandidateGenerator | None = None,
    results_path: str | Path | None = None,
    on_result: Callable[[SearchResult], None] | None = None,
) -> EvalResult:
    """Search every problem in ``config.mode`` with ``config``'s budget; solved/total with an interval.

    ``policy`` is any :class:`~leangym.policy.TacticPolicy` (``full`` needs one that can also score
    tactics, such as :class:`~leangym.policy.HFPolicy`); generator modes ignore it. ``results_path``
    receives one JSON line per problem. ``on_result`` is called as each problem's search ends.
    """
    config = config or EvalConfig()
    t0 = time.perf_counter()
    best: dict[str, ProblemResult] = {}
    result = EvalResult(config.mode, config)
    for i in range(config.passes):
        seed = config.seed + i
        setup = search_setup(config, policy, critic, generator, seed=seed)
        search = SearchConfig(
            expansions=config.expansions,
            samples=config.samples,
            wall_time=config.wall_time,
            priority=setup.priority,  # type: ignore[arg-type]
            slice_proposals=setup.slice_proposals,
            max_depth=config.max_depth,
            tactic_timeout=config.tactic_timeout,
            length_alpha=config.length_alpha,
        )
        _seed_samplers(seed)
        todo = [p for p in problems if not (p.id in best and best[p.id].solved)]
        run = best_first_search(todo, setup.policy, backend, search, critic=setup.critic, on_result=on_result)
        result.policy_s += run.policy_s
        result.critic_s += run.critic_s
        for res in run.results:
            best[res.problem.id] = _merge(best.get(res.problem.id), res)
    result.problems = [best[p.id] for p in problems]
    result.wall_s = time.perf_counter() - t0
    if results_path is not None:
        result.write_jsonl(results_path)
    return result


def _merge(before: ProblemResult | None, res: SearchResult) -> ProblemResult:
    """This pass's outcome, with the budget of earlier passes added."""
    prev = (before.expansions, before.env_steps, before.wall_s) if before else (0, 0, 0.0)
    return ProblemResult(
        problem_id=res.problem.id,
        solved=res.proved,
        proof=res.tactics if res.proved else None,
        status=res.status,
        expansions=prev[0] + res.stats.expansions,
        env_steps=prev[1] + res.stats.tactics_run,
        wall_s=prev[2] + res.stats.wall_s,
    )


def _seed_samplers(seed: int) -> None:
    """Reseed the samplers a policy may draw from (torch only if a policy already imported it)."""
    random.seed(seed)
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.manual_seed(seed)


def log_metrics(
    path: str | Path,
    result: EvalResult | dict[str, Any],
    *,
    algorithm: str,
    round: int,
    env_steps: int,
    wall_s: float,
    **extra: Any,
) -> dict[str, Any]:
    """Append one line to a run's ``metrics.jsonl``: who, when (round, training env steps, wall s), what.

    ``result`` is an :class:`EvalResult` or, for an evaluation made another way, :func:`rate_summary`'s
    dict. Every agent writes its evaluations this way, so runs of different algorithms read the same.
    """
    line = {
        "algorithm": algorithm,
        "round": round,
        "env_steps": env_steps,
        "wall_s": float(f"{wall_s:.3f}"),
        **(result.summary() if isinstance(result, EvalResult) else result),
        **extra,
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps(line) + "\n")
    return line


def read_metrics(path: str | Path) -> list[dict[str, Any]]:
    """The lines of a ``metrics.jsonl`` (an absent file has none)."""
    path = Path(path)
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def save_settings(
    folder: str | Path, config: EvalConfig, *, problems: str | Path | None = None, policy: dict | None = None
) -> Path:
    """Write ``folder/eval.json``: the evaluation settings (and problem file, policy sampling settings)
    that ``leangym eval --checkpoint folder`` uses for every flag not given on its command line."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    # the problem file relative to the folder, so a run folder can be moved or copied whole
    where = os.path.relpath(Path(problems).resolve(), folder.resolve()) if problems else None
    data = {"eval": asdict(config), "problems": where, "policy": policy or {}}
    path = folder / SETTINGS_FILE
    path.write_text(json.dumps(data, indent=1))
    return path


def load_settings(folder: str | Path) -> dict[str, Any]:
    """``folder/eval.json`` as written by :func:`save_settings` (empty sections if there is none)."""
    path = Path(folder) / SETTINGS_FILE
    if not path.is_file():
        return {"eval": {}, "problems": None, "policy": {}}
    data = json.loads(path.read_text(encoding="utf-8"))
    known = {f.name for f in fields(EvalConfig)}
    data["eval"] = {k: v for k, v in data.get("eval", {}).items() if k in known}
    if data.get("problems"):
        data["problems"] = os.path.normpath(Path(folder) / data["problems"])
    return data
