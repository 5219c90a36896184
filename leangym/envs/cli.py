"""``leangym envs`` (what each id holds and which engine would serve it) and ``leangym play ID``."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Any, Literal

from leangym.config import add_config, option
from leangym.errors import LeanGymError

PLAY_HELP = """Type a tactic and press Enter (whole-proof mode: type the proof, end it with an empty line).
Commands: :reset (new problem), :proof (show the proof so far), :help, :quit (or Ctrl-D)."""


Backend = Literal["auto", "lean", "minilean"]


@dataclass
class EnvsArgs:
    """Options of ``leangym envs``."""

    backend: Backend = option("auto", "engine to plan for")
    data_path: str | None = option(None, "folder with the benchmark files (default: $LEANGYM_DATA)")


@dataclass
class PlayArgs:
    """Options of ``leangym play ENV_ID``."""

    env_id: str = option(help="environment id, e.g. MiniLean-v0 (see `leangym envs`)", positional=True)
    problem: str | None = option(None, "problem id to start with (default: sampled)")
    statement: str | None = option(None, "prove this statement instead: 'theorem t ... : goal'")
    seed: int | None = option(None, "seed for the problem order")
    backend: Backend = option("auto", "engine: real Lean, MiniLean, or auto (Lean where installed)")
    data_path: str | None = option(None, "local data file or folder for dataset ids")
    mode: Literal["tactic", "whole_proof"] = option("tactic", "one tactic per action, or whole proofs")


def register_cli(subparsers: argparse._SubParsersAction) -> None:
    envs = subparsers.add_parser("envs", help="list the registered environments, their sizes and engines")
    add_config(envs, EnvsArgs)
    envs.set_defaults(func=_envs)

    play = subparsers.add_parser("play", help="prove a theorem yourself, tactic by tactic, in the terminal")
    add_config(play, PlayArgs)
    play.set_defaults(func=_play)


def _envs(args: argparse.Namespace) -> int:
    import os

    from leangym.backend.lean_setup import auto_choice
    from leangym.datasets import DATA_ENV_VAR
    from leangym.datasets.loaders import DEFAULT_SUITE_SIZE
    from leangym.envs.factory import dataset_problems
    from leangym.envs.registration import ENV_IDS
    from leangym.envs.resolve import in_fragment

    if args.data_path:
        os.environ[DATA_ENV_VAR] = args.data_path
    engine = auto_choice() if args.backend == "auto" else args.backend
    if engine == "lean" and auto_choice() != "lean":
        print("note: real Lean is not installed here (see `leangym doctor`); these envs would fail to start", file=sys.stderr)
    rows = [("id", "problems", "engine (with --backend " + args.backend + ")")]
    for env_id, kwargs in ENV_IDS.items():
        kw = {k: v for k, v in kwargs.items() if k != "dataset"}
        if kwargs["dataset"] == "minilean":  # generated on demand; generating every family takes seconds
            rows.append((env_id, str(DEFAULT_SUITE_SIZE), f"{engine} (generated, n= to change)"))
            continue
        try:
            problems = dataset_problems(kwargs["dataset"], **kw)
        except LeanGymError as exc:
            rows.append((env_id, "-", f"data missing: {str(exc).split('. ')[0]}"))
            continue
        except ImportError as exc:  # a MiniLean part this id needs is not installed
            rows.append((env_id, "-", f"unavailable: {exc}"))
            continue
        if engine == "minilean" and kwargs["dataset"] != "minilean":
            try:
                kept = len(in_fragment(problems))
            except ImportError as exc:
                rows.append((env_id, str(len(problems)), f"minilean fragment filter unavailable: {exc}"))
                continue
            plan = f"minilean ({kept} of {len(problems)} inside its fragment)" if kept else "none: needs real Lean"
        else:
            plan = engine
        rows.append((env_id, str(len(problems)), plan))
    width = [max(len(r[i]) for r in rows) for i in range(2)]
    for r in rows:
        print(f"{r[0]:<{width[0]}}  {r[1]:>{width[1]}}  {r[2]}")
    return 0


def _read_action(mode: str) -> str | None:
    """One tactic line, or (whole-proof mode) lines up to an empty one; None at end of input."""
    try:
        first = input("tactic> " if mode == "tactic" else "proof> ")
    except EOFError:
        return None
    if mode == "tactic" or first.startswith(":"):
        return first
    lines = [first]
    while True:
        try:
            line = input("....> ")
        except EOFError:
            break
        if not line.strip():
            break
        lines.append(line)
    return "\n".join(lines)


def _play(args: argparse.Namespace) -> int:
    import gymnasium as gym

    from leangym.envs.registration import register_envs

    register_envs()
    kwargs: dict[str, Any] = {"render_mode": "ansi", "backend": args.backend, "mode": args.mode}
    if args.data_path:
        kwargs["data_path"] = args.data_path
    try:
        env = gym.make(args.env_id, **kwargs)
    except gym.error.Error as exc:
        print(f"cannot make {args.env_id!r}: {exc}", file=sys.stderr)
        return 2
    except LeanGymError as exc:
        print(f"cannot make {args.env_id!r}: {exc}", file=sys.stderr)
        return 1
    options: dict[str, Any] = {}
    if args.statement:
        options = {"statement": args.statement}
    elif args.problem:
        options = {"problem": args.problem}
    with env:
        try:
            env.reset(seed=args.seed, options=options or None)
        except LeanGymError as exc:
            print(f"cannot start: {exc}", file=sys.stderr)
            return 1
        print(PLAY_HELP)
        print(env.unwrapped.backend_note)
        print(env.render(), end="")
        solved = 0
        while True:
            action = _read_action(args.mode)
            if action is None or action.strip() in (":quit", ":q"):
                break
            if action.strip() == ":help":
                print(PLAY_HELP)
                continue
            if action.strip() == ":proof":
                print("\n".join(getattr(env.unwrapped, "proof", [])) or "(no tactics yet)")
                continue
            if action.strip() == ":reset":
                env.reset()
                print(env.render(), end="")
                continue
            _, reward, terminated, truncated, info = env.step(action)
            print(env.render(), end="")
            print(f"reward: {reward}")
            if terminated:
                solved += 1
                print(f"proof verified: {info['problem_id']} (solved {solved} this session). Next problem:")
            elif truncated:
                print("episode truncated (step budget spent). Next problem:")
            if terminated or truncated:
                env.reset()
                print(env.render(), end="")
    print(f"bye: solved {solved}")
    return 0
