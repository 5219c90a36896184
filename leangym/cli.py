"""The ``leangym`` command line (also ``python -m leangym``).

Each verb lives next to the code it drives: a module in :data:`VERB_MODULES` exposes
``register_cli(subparsers)``, which adds its verbs with ``set_defaults(func=...)``; ``func(args)``
returns the exit status. Verb options come from a dataclass per verb (:func:`leangym.config.add_config`,
help text next to each field); every subparser is a :class:`leangym.config.ArgParser`, so ``--a-b`` and
``--a_b`` both work and a mistyped flag gets a one-line "did you mean". Modules are imported only when
the command line is built, and a module that fails to import (an optional extra missing) only loses its
own verbs.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from leangym.config import ArgParser

VERB_MODULES = (
    "leangym.backend.lean_setup",  # doctor, setup
    "leangym.backend.minilean_workspace",  # minilean-repl
    "leangym.datasets.cli",  # data
    "leangym.envs.cli",  # envs, play
    "leangym.search.cli",  # prove, eval
)


def build_parser() -> argparse.ArgumentParser:
    parser = ArgParser(prog="leangym", description="Lean 4 theorem proving as Gymnasium environments.")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    broken: list[str] = []
    for name in VERB_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            broken.append(f"{name}: {exc}")
            continue
        module.register_cli(sub)
    parser.set_defaults(func=None, _broken=broken)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.func is None:
        parser.print_help()
        for line in args._broken:
            print(f"(verbs unavailable: {line})", file=sys.stderr)
        return 2
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
