"""``leangym prove`` and ``leangym eval``: best-first search from the command line.

``prove`` searches a registered environment's problems with a policy (``scripted``, a saved HF
directory, an OpenAI-compatible URL, ``vllm:PATH``), writes every verified proof to a proof store and
prints a summary table; rerun on the same store and solved problems are skipped. ``eval`` reports pass
rates with their budget (``passes × samples × expansions``) on a split.

Search options are generated from :class:`~leangym.search.config.SearchConfig`, so ``--help`` shows
the help text that lives next to each field.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, fields
from typing import Literal

from leangym.config import add_config, option
from leangym.errors import ConfigError, LeanGymError
from leangym.problems import Problem
from leangym.search.config import SearchConfig


@dataclass
class ProblemArgs:
    """Which problems: a registered environment id and, where it has them, a split or suite knobs."""

    env_id: str = option(help="registered environment id, e.g. MiniLean-v0 (see `leangym envs`)")
    split: str | None = option(None, "dataset split, where the env has several")
    n: int | None = option(None, "number of problems (generated suites) or first N")
    difficulty: int | None = option(None, "MiniLean suite difficulty")
    suite_seed: int | None = option(None, "MiniLean suite seed")
    data_path: str | None = option(None, "local dataset file or folder")


@dataclass
class ModelArgs:
    """The policy (and critic) proposing tactics, and the engine checking them."""

    policy: str = option(help="'scripted', a save_pretrained dir, http://HOST:PORT/v1#MODEL or vllm:PATH")
    prompt_format: str = option("bfs", "bfs | internlm2.5 | internlm2 (for model policies)")
    temperature: float = option(1.0, "sampling temperature (model policies)")
    max_new_tokens: int = option(64, "longest tactic in tokens (model policies)")
    critic: str | None = option(None, "save_pretrained dir of a critic (needed for --priority critic/blend)")
    backend: Literal["minilean", "lean", "auto"] = option("minilean", "engine: minilean | lean | auto")
    workers: int = option(4, "Lean/MiniLean worker processes")


@dataclass
class BudgetArgs:
    """The literature's budget notation, next to the SearchConfig fields it sets."""

    budget: str | None = option(None, "SAMPLESxEXPANSIONS shorthand for --samples/--expansions, e.g. 8x64")


@dataclass
class ProveArgs:
    """Options of ``leangym prove`` besides the problem, model and search groups."""

    store: str = option(help="SQLite proof store (created if absent; resumes if present)")


@dataclass
class EvalArgs:
    """Options of ``leangym eval`` besides the problem, model and search groups."""

    passes: int = option(1, "independent searches per problem (pass@N)")
    store: str | None = option(None, "optional proof store for the proofs found")
    json: bool = option(False, "print the result as one JSON object")


def register_cli(subparsers: argparse._SubParsersAction) -> None:
    prove = subparsers.add_parser("prove", help="search for proofs and write them to a proof store")
    _common(prove)
    add_config(prove, ProveArgs)
    prove.set_defaults(func=_prove)

    ev = subparsers.add_parser("eval", help="pass rate of a policy with a given search budget on a split")
    _common(ev)
    add_config(ev, EvalArgs)
    ev.set_defaults(func=_eval)


def _common(p: argparse.ArgumentParser) -> None:
    add_config(p.add_argument_group("problems"), ProblemArgs)
    add_config(p.add_argument_group("models and engine"), ModelArgs)
    search = p.add_argument_group("search (SearchConfig)")
    add_config(search, BudgetArgs)
    add_config(search, SearchConfig, skip=("keep_trees",))


def _config(args: argparse.Namespace, **override) -> SearchConfig:
    kw = {f.name: getattr(args, f.name) for f in fields(SearchConfig) if hasattr(args, f.name)}
    if args.budget:
        try:
            samples, expansions = (int(x) for x in args.budget.lower().split("x"))
        except ValueError:
            raise ConfigError(
                f"--budget must look like SAMPLESxEXPANSIONS (e.g. 8x64), got {args.budget!r}"
            ) from None
        kw.update(samples=samples, expansions=expansions)
    kw.update(override)
    return SearchConfig(**kw)


def env_problems(
    env_id: str,
    *,
    split: str | None = None,
    n: int | None = None,
    difficulty: int | None = None,
    suite_seed: int | None = None,
    data_path: str | None = None,
) -> list[Problem]:
    """The problems behind a registered environment id (its registration kwargs name the dataset)."""
    import gymnasium as gym

    from leangym.envs import register_envs
    from leangym.envs.factory import dataset_problems

    register_envs()
    try:
        spec = gym.spec(env_id)
    except gym.error.Error as exc:  # Gymnasium's message carries the "Did you mean"
        raise ConfigError(f"{exc} (list the registered ids with `leangym envs`)") from None
    kw = dict(spec.kwargs)
    dataset = kw.pop("dataset")
    problems = dataset_problems(
        dataset,
        split=split or kw.get("split"),
        data_path=data_path or kw.get("data_path"),
        family=kw.get("family"),
        n=n if dataset == "minilean" else None,
        difficulty=difficulty,
        suite_seed=suite_seed,
    )
    return problems[:n] if n is not None else problems


def _load(args: argparse.Namespace):
    from leangym.backend import make_backend
    from leangym.policy import HFCritic, load_policy

    kwargs = {}
    if args.policy != "scripted":
        kwargs["prompt_format"] = args.prompt_format
        kwargs["temperature"] = args.temperature
        kwargs["max_new_tokens" if not args.policy.startswith(("http", "vllm:")) else "max_tokens"] = (
            args.max_new_tokens
        )
    policy = load_policy(args.policy, **kwargs)
    critic = HFCritic.from_pretrained(args.critic) if args.critic else None
    problems = env_problems(
        args.env_id,
        split=args.split,
        n=args.n,
        difficulty=args.difficulty,
        suite_seed=args.suite_seed,
        data_path=args.data_path,
    )
    backend = make_backend(args.backend, workers=args.workers)
    return policy, critic, problems, backend


def _search(problems, policy, backend, config, critic, store, desc: str):
    from tqdm import tqdm

    from leangym.search.best_first import best_first_search

    with tqdm(total=len(problems), desc=desc, unit="problem", file=sys.stderr, disable=None) as bar:

        def tick(res) -> None:
            bar.update(1)
            bar.set_postfix(proved=tick.proved + res.proved)
            tick.proved += res.proved

        tick.proved = 0
        return best_first_search(
            problems, policy, backend, config, critic=critic, store=store, on_result=tick
        )


def _table(results) -> str:
    rows = [("problem", "status", "steps", "expansions", "nodes", "seconds")]
    for r in results:
        steps = str(len(r.tactics)) if r.tactics else "-"
        rows.append(
            (
                r.problem.id,
                r.status,
                steps,
                str(r.stats.expansions),
                str(r.stats.nodes),
                f"{r.stats.wall_s:.2f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in rows)


def _prove(args: argparse.Namespace) -> int:
    from leangym.store import ProofStore

    try:
        config = _config(args)
        policy, critic, problems, backend = _load(args)
    except (LeanGymError, ValueError) as exc:
        print(f"leangym prove: {exc}", file=sys.stderr)
        return 2
    with ProofStore(args.store) as store:
        try:
            run = _search(problems, policy, backend, config, critic, store, "prove")
        finally:
            backend.close()
        s = run.summary()
        store.log_metrics(config.round, **{k: v for k, v in s.items() if isinstance(v, int | float)})
    print(_table(run.results))
    print(
        f"\nproved {s['proved']}/{s['attempted']} attempted ({s['skipped']} already solved), "
        f"budget {config.budget()} per problem, {s['nodes']} nodes in {s['wall_s']:.1f}s "
        f"({s['nodes_per_s']:.1f} nodes/s); store: {args.store}"
    )
    return 0


def _eval(args: argparse.Namespace) -> int:
    from leangym.store import ProofStore

    if args.passes < 1:
        print(f"leangym eval: --passes must be >= 1, got {args.passes}", file=sys.stderr)
        return 2
    try:
        config = _config(args)
        policy, critic, problems, backend = _load(args)
    except (LeanGymError, ValueError) as exc:
        print(f"leangym eval: {exc}", file=sys.stderr)
        return 2
    store = ProofStore(args.store) if args.store else None
    solved: set[str] = set()
    per_pass = []
    try:
        for i in range(args.passes):
            todo = [p for p in problems if p.id not in solved]
            run = _search(todo, policy, backend, config, critic, store, f"eval pass {i + 1}/{args.passes}")
            solved |= {r.problem.id for r in run.results if r.proved or r.status == "skipped"}
            per_pass.append(run.summary())
    finally:
        backend.close()
        if store is not None:
            store.close()
    out = {
        "env": args.env_id,
        "split": args.split,
        "problems": len(problems),
        "solved": len(solved),
        "pass_rate": len(solved) / len(problems) if problems else 0.0,
        "budget": f"{args.passes}x{config.budget()}",
        "passes": per_pass,
    }
    if args.json:
        print(json.dumps(out))
    else:
        print(
            f"{args.env_id}{'/' + args.split if args.split else ''}: pass@{args.passes} = {out['solved']}/{out['problems']} "
            f"= {100 * out['pass_rate']:.1f}% with budget passes x samples x expansions = {out['budget']}"
        )
    return 0
