"""``leangym minilean-repl --workspace DIR``: a directory that looks like a built Lean REPL install
but runs MiniLean, so clients written for real Lean (LeanInteract, kimina-lean-server) use MiniLean
with one configuration change and no Lean toolchain.

What clients expect of a REPL install, and what is written:

- ``DIR/lean-toolchain``: the pinned toolchain (:data:`leangym.backend.lean_setup.TOOLCHAIN`), which
  LeanInteract reads to learn the Lean version;
- ``DIR/.lake/build/bin/repl``: an executable that runs ``python -m leangym.minilean`` with the
  interpreter that wrote it (so the workspace keeps working outside the virtual environment's shell);
- ``DIR/bin/lake``: a stand-in for Lake. Clients start the REPL as ``lake env REPL``; the stand-in runs
  ``lake env CMD ARGS…`` as ``CMD ARGS…`` (MiniLean needs no ``LEAN_PATH``), answers ``--version``,
  and refuses every other subcommand (``build``, ``update``, ``exe cache get``…) with a message that
  says what to do instead, exit status 2.
"""

from __future__ import annotations

import argparse
import shlex
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from leangym.backend.lean_setup import TOOLCHAIN
from leangym.config import add_config, option

STAND_IN_VERSION = "Lake version 0.0.0-minilean (leangym's stand-in: only `lake env CMD` runs)"


@dataclass(frozen=True)
class MiniLeanWorkspace:
    """The paths a client is configured with."""

    root: Path
    repl: Path
    lake: Path


def _repl_script(python: str) -> str:
    return (
        "#!/bin/sh\n"
        "# MiniLean standing in for the Lean REPL (written by `leangym minilean-repl`).\n"
        f"exec {shlex.quote(python)} -m leangym.minilean \"$@\"\n"
    )


def _lake_script() -> str:
    return f"""#!/bin/sh
# Lake stand-in for a MiniLean workspace (written by `leangym minilean-repl`).
# MiniLean needs no build and no LEAN_PATH, so `lake env CMD ARGS` just runs CMD ARGS.
case "$1" in
  env)
    shift
    if [ "$#" -eq 0 ]; then exec env; fi
    exec "$@" ;;
  --version|-V)
    echo {shlex.quote(STAND_IN_VERSION)}
    exit 0 ;;
  *)
    echo "lake (MiniLean stand-in): 'lake $*' is not supported: this workspace runs MiniLean, which needs no build." >&2
    echo "Only 'lake env CMD [ARGS...]' runs here. For real Lean, run 'leangym setup' and point your client at its lake." >&2
    exit 2 ;;
esac
"""


def _write_executable(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def write_workspace(root: str | Path, python: str | None = None) -> MiniLeanWorkspace:
    """Write (or refresh) a MiniLean workspace at ``root``; ``python`` defaults to this interpreter."""
    root = Path(root).expanduser().resolve()
    if root.exists() and not root.is_dir():
        raise NotADirectoryError(f"--workspace {root} is a file; expected a directory (it is created if missing)")
    root.mkdir(parents=True, exist_ok=True)
    (root / "lean-toolchain").write_text(TOOLCHAIN + "\n", encoding="utf-8")
    repl = root / ".lake" / "build" / "bin" / "repl"
    lake = root / "bin" / "lake"
    _write_executable(repl, _repl_script(python or sys.executable))
    _write_executable(lake, _lake_script())
    return MiniLeanWorkspace(root, repl, lake)


def minilean_repl(args: argparse.Namespace) -> int:
    ws = write_workspace(args.workspace)
    print(f"MiniLean workspace ready: {ws.root}")
    print(f"  REPL: {ws.repl}")
    print(f"  lake stand-in: {ws.lake}")
    print("LeanInteract:")
    print(f"  LeanREPLConfig(local_repl_path={str(ws.root)!r}, build_repl=False, lake_path={str(ws.lake)!r})")
    print("kimina-lean-server:")
    print(f"  PATH={shlex.quote(str(ws.lake.parent))}:$PATH LEAN_SERVER_REPL_PATH={shlex.quote(str(ws.repl))} "
          f"LEAN_SERVER_PROJECT_DIR={shlex.quote(str(ws.root))}")
    return 0


@dataclass
class MiniLeanReplArgs:
    """Options of ``leangym minilean-repl``."""

    workspace: str = option(
        help="directory to write (created if missing): lean-toolchain, .lake/build/bin/repl, bin/lake",
        metavar="DIR")


def register_cli(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "minilean-repl",
        help="write a directory that looks like a Lean REPL install but runs MiniLean (for LeanInteract, kimina)",
    )
    add_config(p, MiniLeanReplArgs)
    p.set_defaults(func=minilean_repl)
