"""``leangym prove`` and ``leangym eval``: best-first search from the command line.

``prove`` searches a registered environment's problems with a policy (``scripted``, a saved HF
directory, an OpenAI-compatible URL, ``vllm:PATH``), writes every verified proof to a proof store and
prints a summary table; rerun on the same store and solved problems are skipped. ``eval`` is the
command line of the evaluator (:func:`leangym.eval.evaluate`): solved/total with a 95% interval in one of
its named modes, per-problem records to ``--results``; ``--checkpoint DIR`` reads ``policy/``, ``critic/``
and the settings an agent saved there (``eval.json``), so the number the agent logged comes back.

Options are generated from :class:`~leangym.search.config.SearchConfig` and
:class:`~leangym.eval.EvalConfig`, so ``--help`` shows the help text that lives next to each field.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal

from leangym.config import add_config, option
from leangym.errors import ConfigError, LeanGymError
from leangym.eval import EvalConfig
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
class EvalProblemArgs:
    """Which problems ``leangym eval`` searches: a registered id, or a JSONL file of problems."""

    env_id: str | None = option(None, "registered environment id, e.g. MiniLean-v0 (see `leangym envs`)")
    problems: str | None = option(
        None, "JSONL file of problems (id, statement, header, ...); default: the checkpoint's eval problems"
    )
    split: str | None = option(None, "dataset split, where the env has several")
    n: int | None = option(None, "number of problems (generated suites) or first N")
    difficulty: int | None = option(None, "MiniLean suite difficulty")
    suite_seed: int | None = option(None, "MiniLean suite seed")
    data_path: str | None = option(None, "local dataset file or folder (with --env-id)")


@dataclass
class EvalModelArgs:
    """Models and engine of ``leangym eval``."""

    checkpoint: str | None = option(
        None, "folder with policy/ (and critic/, eval.json) saved by an agent; its eval.json fills the flags not given"
    )
    policy: str | None = option(
        None, "'scripted', a save_pretrained dir, http://HOST:PORT/v1#MODEL or vllm:PATH (not needed by generator_* modes)"
    )
    critic: str | None = option(None, "save_pretrained dir of a critic")
    backend: Literal["minilean", "lean", "auto"] = option("minilean", "engine: minilean | lean | auto")
    workers: int = option(4, "Lean/MiniLean worker processes")
    results: str | None = option(None, "JSONL file for one record per problem (id, solved, proof, budget spent)")
    json: bool = option(False, "print the result as one JSON object")


@dataclass
class SamplingArgs:
    """How a model policy samples (saved with a checkpoint: flags not given come from its eval.json)."""

    prompt_format: str = option("bfs", "bfs | internlm2.5 | internlm2 (for model policies)")
    temperature: float = option(1.0, "sampling temperature (model policies)")
    max_new_tokens: int = option(64, "longest tactic in tokens (model policies)")
    torch_threads: int = option(0, "CPU threads for torch (0: torch's default); CPU results can depend on it")


def register_cli(subparsers: argparse._SubParsersAction) -> None:
    prove = subparsers.add_parser("prove", help="search for proofs and write them to a proof store")
    _common(prove)
    add_config(prove, ProveArgs)
    prove.set_defaults(func=_prove)

    ev = subparsers.add_parser(
        "eval", help="solved/total with a 95%% interval for a policy and search setup on a problem set"
    )
    add_config(ev.add_argument_group("problems"), EvalProblemArgs)
    add_config(ev.add_argument_group("models, engine and output"), EvalModelArgs)
    # defaults=False: a flag not given can be filled from the checkpoint's eval.json
    add_config(ev.add_argument_group("sampling"), SamplingArgs, defaults=False)
    evaluator = ev.add_argument_group("evaluator (leangym.eval.EvalConfig)")
    add_config(evaluator, BudgetArgs)
    add_config(evaluator, EvalConfig, defaults=False)
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
        kw.update(_budget(args.budget))
    kw.update(override)
    return SearchConfig(**kw)


def _load(args: argparse.Namespace):
    from leangym.backend import make_backend
    from leangym.envs.factory import env_problems
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


@contextmanager
def tqdm_bar(total: int, desc: str) -> Iterator[Callable]:
    """A progress bar over problems on stderr; yields the ``on_result`` callback that advances it."""
    from tqdm import tqdm

    with tqdm(total=total, desc=desc, unit="problem", file=sys.stderr, disable=None) as bar:
        proved = 0

        def tick(res) -> None:
            nonlocal proved
            proved += res.proved
            bar.update(1)
            bar.set_postfix(proved=proved)

        yield tick


def _search(problems, policy, backend, config, critic, store, desc: str):
    from leangym.search.best_first import best_first_search

    with tqdm_bar(len(problems), desc) as tick:
        return best_first_search(problems, policy, backend, config, critic=critic, store=store, on_result=tick)


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


def _budget(text: str) -> dict[str, int]:
    try:
        samples, expansions = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise ConfigError(f"--budget must look like SAMPLESxEXPANSIONS (e.g. 8x64), got {text!r}") from None
    return {"samples": samples, "expansions": expansions}


def eval_inputs(args: argparse.Namespace) -> tuple[EvalConfig, dict, str | None, str | None, str | None]:
    """(evaluator config, sampling settings, problems file, policy spec, critic dir) for ``leangym eval``:
    each flag given wins, then the checkpoint's ``eval.json``, then the dataclass default."""
    from leangym.eval import load_settings

    saved = load_settings(args.checkpoint) if args.checkpoint else {"eval": {}, "problems": None, "policy": {}}
    given = {f.name: getattr(args, f.name) for f in fields(EvalConfig) if hasattr(args, f.name)}
    if args.budget:
        given.update(_budget(args.budget))
    config = EvalConfig(**{**saved["eval"], **given})
    sampling = {f.name: f.default for f in fields(SamplingArgs)}
    sampling.update({k: v for k, v in saved["policy"].items() if k in sampling})
    sampling["loader"] = saved["policy"].get("loader")  # a policy that is not a Hugging Face model
    sampling.update({f.name: getattr(args, f.name) for f in fields(SamplingArgs) if hasattr(args, f.name)})
    policy, critic = args.policy, args.critic
    if args.checkpoint:
        folder = Path(args.checkpoint)
        if not folder.is_dir():
            raise ConfigError(f"--checkpoint {folder} is not a folder; pass the folder holding policy/ and critic/")
        policy = policy or (str(folder / "policy") if (folder / "policy").is_dir() else None)
        critic = critic or (str(folder / "critic") if (folder / "critic").is_dir() else None)
    problems = args.problems or (saved["problems"] if not args.env_id else None)
    return config, sampling, problems, policy, critic


def _eval(args: argparse.Namespace) -> int:
    from leangym.backend import make_backend
    from leangym.datasets import load_jsonl
    from leangym.envs.factory import env_problems
    from leangym.eval import evaluate
    from leangym.policy import HFCritic, load_policy

    try:
        config, sampling, problems_file, policy_spec, critic_dir = eval_inputs(args)
        if bool(args.env_id) == bool(problems_file):
            raise ConfigError(
                "pass exactly one of --env-id ID and --problems FILE.jsonl "
                "(or --checkpoint DIR whose eval.json names its problems)"
            )
        if problems_file:
            problems = load_jsonl(problems_file)[: args.n]
        else:
            problems = env_problems(
                args.env_id,
                split=args.split,
                n=args.n,
                difficulty=args.difficulty,
                suite_seed=args.suite_seed,
                data_path=args.data_path,
            )
        if sampling["torch_threads"] > 0:
            import torch

            torch.set_num_threads(sampling["torch_threads"])
        policy = None
        if policy_spec and sampling["loader"]:
            policy = load_policy(policy_spec, loader=sampling["loader"])
        elif policy_spec:
            kwargs = {}
            if policy_spec != "scripted":
                kwargs = {"prompt_format": sampling["prompt_format"], "temperature": sampling["temperature"]}
                remote = policy_spec.startswith(("http", "vllm:"))
                kwargs["max_tokens" if remote else "max_new_tokens"] = sampling["max_new_tokens"]
            policy = load_policy(policy_spec, **kwargs)
        critic = HFCritic.from_pretrained(critic_dir) if critic_dir else None
        backend = make_backend(args.backend, workers=args.workers)
    except (LeanGymError, ValueError) as exc:
        print(f"leangym eval: {exc}", file=sys.stderr)
        return 2
    try:
        with tqdm_bar(len(problems) * config.passes, "eval") as tick:
            result = evaluate(
                problems,
                backend,
                policy=policy,
                critic=critic,
                config=config,
                results_path=args.results,
                on_result=tick,
            )
    except LeanGymError as exc:
        print(f"leangym eval: {exc}", file=sys.stderr)
        return 2
    finally:
        backend.close()
    where = args.env_id + (f"/{args.split}" if args.split else "") if args.env_id else problems_file
    out = {"problems_from": where, **result.summary(), "env_steps": result.env_steps, "wall_s": result.wall_s}
    if args.json:
        print(json.dumps(out))
    else:
        lo, hi = result.interval
        print(
            f"{where}: {config.mode} solved {result.solved}/{result.total} = {100 * result.solve_rate:.1f}% "
            f"(95% CI {100 * lo:.1f}-{100 * hi:.1f}%) with budget passes x samples x expansions = "
            f"{config.budget()}, seed {config.seed}"
            + (f"; per-problem records: {args.results}" if args.results else "")
        )
    return 0
