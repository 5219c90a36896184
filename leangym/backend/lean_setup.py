"""Finding and installing real Lean: ``leangym doctor`` and ``leangym setup``.

The real engine is the Lean REPL run inside a Lake workspace that holds Mathlib
(``lake env <repl>``). ``setup`` builds that workspace where the network allows: elan, the pinned
toolchain, a workspace with the pinned Mathlib and its prebuilt cache, and the REPL built from the
pinned commit. The pins are the versions the recorded REPL transcripts come from, so the conformance
corpus and the installed REPL agree. Offline, ``setup`` fails within seconds, naming the piece it
could not fetch and pointing to MiniLean, which needs nothing.

The workspace lives in ``$LEANGYM_LEAN_WORKSPACE`` or ``~/.cache/leangym/lean-workspace``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

from leangym.config import add_config, option

TOOLCHAIN = "leanprover/lean4:v4.33.0-rc2"
MATHLIB_REV = "51e6992efd06126df61a496bebf8f49482a4e129"
REPL_URL = "https://github.com/leanprover-community/repl"
REPL_REV = "8948401ab4924499421c94b7facdfca5ff27d81d"
MATHLIB_URL = "https://github.com/leanprover-community/mathlib4"
ELAN_INIT_URL = "https://raw.githubusercontent.com/leanprover/elan/master/elan-init.sh"
NETWORK_TIMEOUT_S = 5.0
MINILEAN_HINT = "MiniLean needs no install: use backend='minilean' (or 'auto', which falls back to it)"


def workspace_dir() -> Path:
    return Path(os.environ.get("LEANGYM_LEAN_WORKSPACE", Path.home() / ".cache" / "leangym" / "lean-workspace"))


def _tool(name: str) -> Path | None:
    found = shutil.which(name)
    if found:
        return Path(found)
    elan_bin = Path(os.environ.get("ELAN_HOME", Path.home() / ".elan")) / "bin" / name
    return elan_bin if elan_bin.exists() else None


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class LeanInstall:
    """What ``doctor`` found; ``repl_command``/``cwd`` are set when real Lean is usable."""

    checks: tuple[Check, ...]
    repl_command: tuple[str, ...] | None = None
    cwd: str | None = None
    missing: tuple[str, ...] = field(default=())

    @property
    def usable(self) -> bool:
        return self.repl_command is not None

    def reason(self) -> str:
        """Why real Lean is not usable (empty when it is)."""
        return "" if self.usable else "; ".join(f"{c.name}: {c.detail}" for c in self.checks if not c.ok)


def find_real_lean() -> LeanInstall:
    """Look for elan, lean, lake, the workspace, Mathlib in it and the built REPL binary."""
    ws = workspace_dir()
    checks: list[Check] = []
    elan, lean, lake = _tool("elan"), _tool("lean"), _tool("lake")
    checks.append(Check("elan", elan is not None, str(elan) if elan else "not on PATH nor in ~/.elan/bin"))
    checks.append(Check("lean", lean is not None, str(lean) if lean else "not on PATH nor in ~/.elan/bin"))
    checks.append(Check("lake", lake is not None, str(lake) if lake else "not on PATH nor in ~/.elan/bin"))
    checks.append(Check("workspace", (ws / "lakefile.toml").exists(), str(ws) + ("" if (ws / "lakefile.toml").exists() else " (no lakefile.toml)")))
    mathlib = ws / ".lake" / "packages" / "mathlib"
    checks.append(Check("Mathlib", mathlib.is_dir(), str(mathlib) + ("" if mathlib.is_dir() else " (absent)")))
    repl_bin = ws / "repl" / ".lake" / "build" / "bin" / "repl"
    checks.append(Check("REPL binary", repl_bin.exists(), str(repl_bin) + ("" if repl_bin.exists() else " (not built)")))
    missing = tuple(c.name for c in checks if not c.ok)
    if missing:
        return LeanInstall(tuple(checks), missing=missing)
    return LeanInstall(tuple(checks), (str(lake), "env", str(repl_bin)), str(ws))


def minilean_status() -> Check:
    try:
        from leangym.minilean.repl import MiniLeanRepl  # noqa: F401
    except ImportError as exc:
        return Check("MiniLean", False, f"cannot import leangym.minilean.repl: {exc}")
    return Check("MiniLean", True, f"in-process, or `{sys.executable} -m leangym.minilean`")


def auto_choice(install: LeanInstall | None = None) -> str:
    """What ``backend="auto"`` resolves to here: "lean" or "minilean"."""
    install = install or find_real_lean()
    return "lean" if install.usable else "minilean"


def doctor(args: argparse.Namespace) -> int:
    install = find_real_lean()
    mini = minilean_status()
    choice = "lean" if install.usable else ("minilean" if mini.ok else "none")
    if getattr(args, "json", False):
        print(json.dumps({"real_lean": asdict(install) | {"usable": install.usable}, "minilean": asdict(mini), "auto": choice}, indent=1))
        return 0
    print("leangym doctor")
    print(f"  workspace: {workspace_dir()} (set LEANGYM_LEAN_WORKSPACE to move it)")
    for c in install.checks:
        print(f"  {c.name:<12} {'ok' if c.ok else 'MISSING':<8} {c.detail}")
    if install.usable:
        print(f"  real Lean:   present: {' '.join(install.repl_command or ())} (cwd {install.cwd})")
    else:
        print(f"  real Lean:   absent: missing {', '.join(install.missing)}; run `leangym setup` where the network allows")
    print(f"  MiniLean:    {'present' if mini.ok else 'ABSENT'}: {mini.detail}")
    print(f"  backend=\"auto\" will use: {choice}")
    return 0 if choice != "none" else 1


# -- setup ---------------------------------------------------------------------------------------


class SetupFailed(Exception):
    """One setup step failed; the message names it and the fix."""


def _reachable(url: str) -> str | None:
    """None when ``url`` answers within the network timeout, else why not."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=NETWORK_TIMEOUT_S):
            return None
    except urllib.error.HTTPError:
        return None  # the server answered
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return str(getattr(exc, "reason", exc))


def _run(step: str, cmd: list[str], cwd: Path | None = None, timeout: float = 3600) -> None:
    print(f"leangym setup: {step}: {' '.join(cmd)}", flush=True)
    try:
        subprocess.run(cmd, cwd=cwd, check=True, timeout=timeout)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, FileNotFoundError) as exc:
        raise SetupFailed(f"{step} failed: {exc}") from exc


def _lakefile() -> str:
    return (
        'name = "leangym_workspace"\n'
        'defaultTargets = []\n\n'
        "[[require]]\n"
        'name = "mathlib"\n'
        f'git = "{MATHLIB_URL}"\n'
        f'rev = "{MATHLIB_REV}"\n'
    )


def setup(args: argparse.Namespace) -> int:
    ws = workspace_dir()
    probe = os.environ.get("LEANGYM_SETUP_PROBE_URL", ELAN_INIT_URL)
    try:
        why = _reachable(probe)
        if why is not None:
            raise SetupFailed(
                f"cannot reach {probe} within {NETWORK_TIMEOUT_S:.0f} s ({why}), so elan, the toolchain {TOOLCHAIN}, "
                f"Mathlib {MATHLIB_REV[:12]} and the REPL cannot be fetched; missing: "
                f"{', '.join(find_real_lean().missing) or 'nothing'}"
            )
        if _tool("elan") is None:
            script = ws.parent / "elan-init.sh"
            ws.parent.mkdir(parents=True, exist_ok=True)
            _run("download elan", ["curl", "-sSfL", "--max-time", "60", "-o", str(script), ELAN_INIT_URL])
            _run("install elan", ["sh", str(script), "-y", "--default-toolchain", "none"])
        elan, lake = _tool("elan"), None
        if elan is None:
            raise SetupFailed("elan was installed but is not in ~/.elan/bin; open a new shell and rerun `leangym setup`")
        _run("install the toolchain", [str(elan), "toolchain", "install", TOOLCHAIN])
        ws.mkdir(parents=True, exist_ok=True)
        (ws / "lean-toolchain").write_text(TOOLCHAIN + "\n")
        (ws / "lakefile.toml").write_text(_lakefile())
        lake = _tool("lake")
        if lake is None:
            raise SetupFailed("lake not found after installing the toolchain; check `elan show`")
        _run("fetch Mathlib", [str(lake), "update"], cwd=ws)
        _run("download the Mathlib cache", [str(lake), "exe", "cache", "get"], cwd=ws)
        repl_dir = ws / "repl"
        if not (repl_dir / ".git").exists():
            _run("clone the REPL", ["git", "clone", "--quiet", REPL_URL, str(repl_dir)])
        _run("pin the REPL", ["git", "-C", str(repl_dir), "checkout", "--quiet", REPL_REV])
        (repl_dir / "lean-toolchain").write_text(TOOLCHAIN + "\n")
        _run("build the REPL", [str(lake), "build"], cwd=repl_dir)
    except SetupFailed as exc:
        print(f"leangym setup: {exc}.\n{MINILEAN_HINT}.", file=sys.stderr)
        return 1
    install = find_real_lean()
    if not install.usable:
        print(f"leangym setup: finished, but real Lean is still not usable: {install.reason()}", file=sys.stderr)
        return 1
    print(f"leangym setup: real Lean ready: {' '.join(install.repl_command or ())} in {install.cwd}")
    return 0


@dataclass
class DoctorArgs:
    """Options of ``leangym doctor``."""

    json: bool = option(False, "print the report as JSON")


def register_cli(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("doctor", help="report which engines (real Lean, MiniLean) are available here")
    add_config(p, DoctorArgs)
    p.set_defaults(func=doctor)
    s = subparsers.add_parser("setup", help="install real Lean + Mathlib + the REPL (needs network)")
    s.set_defaults(func=setup)
