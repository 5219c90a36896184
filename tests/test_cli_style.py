"""One command-line style everywhere (leangym.config): every entry point's ``--help`` works and lists help
for every flag, ``--a-b`` and ``--a_b`` are the same flag, a typo gets one line with a "did you mean",
shared things have shared names, and defaults stated in the docs are the code's.

Entry points run in this process (``main(argv)``), so torch and transformers are imported once.
"""

from __future__ import annotations

import importlib
import re
import runpy
import sys
from dataclasses import dataclass, fields
from pathlib import Path

import pytest

from leangym.cli import build_parser
from leangym.config import ArgParser, option, parse

REPO = Path(__file__).resolve().parents[1]
MODULES = [
    "agents.baseline_bfs", "agents.critic_search", "agents.demo", "agents.expert_iteration", "agents.grpo",
    "agents.ppo_sb3", "agents.self_play", "trainers.sft", "trainers.critic", "trainers.grpo", "benchmarks.backend_header",
    "benchmarks.backend_overhead", "benchmarks.backend_pool", "benchmarks.env_throughput",
    "benchmarks.exit_vs_ppo", "benchmarks.gpu_generation", "benchmarks.latency_compare",
    "benchmarks.minilean_latency", "benchmarks.minilean_minif2f", "benchmarks.minilean_real_proofs", "benchmarks.real_proof_names",
    "benchmarks.grpo_learning", "benchmarks.ppo_candidates", "benchmarks.ray_nodes",
]  # fmt: skip
EXAMPLES = ["examples/custom_agent_eval.py", "examples/sb3_ppo.py"]
NEEDS = {"agents.grpo": "trl", "agents.ppo_sb3": "sb3_contrib", "benchmarks.ppo_candidates": "sb3_contrib", "trainers.sft": "trl", "trainers.critic": "trl",
         "trainers.grpo": "trl", "agents.demo": "sb3_contrib", "agents.expert_iteration": "trl", "agents.self_play": "trl",
         "benchmarks.exit_vs_ppo": "sb3_contrib", "examples/sb3_ppo.py": "stable_baselines3",
         "benchmarks.gpu_generation": "torch", "agents.critic_search": "torch", "benchmarks.grpo_learning": "trl"}  # fmt: skip
SYNONYMS = {"--env": "--env-id", "--env-name": "--env-id", "--data": "--data-path", "--data-dir": "--data-path",
            "--dataset-path": "--data-path", "--out-dir": "--run-dir", "--outdir": "--run-dir", "--rundir": "--run-dir"}  # fmt: skip
"""Spellings of the shared names that must not come back (left: banned, right: the name to use)."""


def _verbs() -> list[str]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.choices and isinstance(a.choices, dict)]
    return sorted(sub.choices)


ENTRY_POINTS = [*MODULES, *EXAMPLES, *(f"leangym {v}" for v in _verbs())]


def run_entry(entry: str, argv: list[str], capsys, monkeypatch) -> tuple[int, str, str]:
    """Run one entry point in this process; (exit status, stdout, stderr)."""
    if entry in NEEDS:
        pytest.importorskip(NEEDS[entry])
    try:
        if entry.startswith("leangym "):
            from leangym.cli import main

            code = main([entry.split()[1], *argv])
        elif entry.endswith(".py"):
            monkeypatch.setattr(sys, "argv", [entry, *argv])
            runpy.run_path(str(REPO / entry), run_name="__main__")
            code = 0
        else:
            code = importlib.import_module(entry).main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out = capsys.readouterr()
    return int(code or 0), out.out, out.err


def _flags(help_text: str) -> list[str]:
    return sorted(set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", help_text)) - {"--help"})


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_help_both_spellings_and_did_you_mean(entry, capsys, monkeypatch):
    code, out, err = run_entry(entry, ["--help"], capsys, monkeypatch)
    assert code == 0 and "usage:" in out, err
    flags = _flags(out)
    for bad, good in SYNONYMS.items():
        assert bad not in flags, f"{entry}: {bad} is spelled {good} everywhere"
    assert not any("_" in f for f in flags), flags
    dashed = [f for f in flags if "-" in f[2:]]
    if dashed:  # underscores name the same flag (checked before --help exits)
        flag = dashed[0]
        underscored = "--" + flag[2:].replace("-", "_")
        code, out, err = run_entry(entry, [underscored, "1", "--help"], capsys, monkeypatch)
        assert code == 0 and "usage:" in out, (underscored, err)
    target = "--seed" if "--seed" in flags else max(flags, key=len) if flags else "--help"
    typo = target[:-1] + "x" + target[-1] if len(target) > 4 else target + "x"
    code, out, err = run_entry(entry, [typo, "1"], capsys, monkeypatch)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2 and len(lines) == 1 and "Traceback" not in err, err
    assert f"unknown option {typo}" in err and f"did you mean {target}?" in err, err


def test_every_entry_point_is_listed():
    """A new script joins MODULES (and so the tests above)."""
    found = set()
    for folder in ("agents", "trainers", "benchmarks"):
        for path in (REPO / folder).glob("*.py"):
            if re.search(r"^def main\(", path.read_text(encoding="utf-8"), re.M):
                found.add(f"{folder}.{path.stem}")
    assert found == set(MODULES)
    assert {str(p.relative_to(REPO)) for p in (REPO / "examples").glob("*.py")} == set(EXAMPLES)


def test_every_leangym_flag_has_help():
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.choices and isinstance(a.choices, dict)]
    for verb, p in sub.choices.items():
        assert isinstance(p, ArgParser), verb
        for action in p._actions:
            assert action.help, f"leangym {verb}: {action.option_strings or action.dest} has no help text"


def test_config_parser_unit(capsys):
    @dataclass
    class Args:
        env_id: str = option("MiniLean-v0", "environment id")
        run_dir: str = option("runs", "run folder")
        track: bool = option(True, "write TensorBoard events")
        sizes: list[int] = option(default_factory=lambda: [1, 2], help="sizes")
        limit: float | None = option(None, "seconds")

        def __post_init__(self) -> None:
            if self.limit is not None and self.limit <= 0:
                raise ValueError(f"limit must be > 0, got {self.limit}")

    a = parse(Args, ["--env_id", "X", "--run-dir=r", "--no-track", "--sizes", "3", "4", "--limit", "2"])
    assert (a.env_id, a.run_dir, a.track, a.sizes, a.limit) == ("X", "r", False, [3, 4], 2.0)
    assert parse(Args, ["--track", "false"]).track is False and parse(Args, []).sizes == [1, 2]
    for argv, expected in ((["--env", "X"], "did you mean --env-id?"), (["--limit", "-1"], "limit must be > 0")):
        with pytest.raises(SystemExit) as exc:
            parse(Args, argv, prog="prog")
        assert exc.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and expected in err and err.startswith("prog: error:"), err
    with pytest.raises(TypeError, match="help"):
        option(1)


def test_documented_defaults_match_the_code():
    """Defaults stated in prose are the code's (the --help lines print the code's defaults themselves)."""
    pytest.importorskip("torch")
    from agents import critic_search, expert_iteration, grpo, ppo_sb3

    agents_md = (REPO / "docs" / "agents.md").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "The agents default to\n  `--torch-threads 1`" in agents_md
    for module in (critic_search, expert_iteration, grpo, ppo_sb3):
        assert module.Args.torch_threads == 1, module.__name__
    assert f"runs, in `runs/{expert_iteration.Args().run_name}/`" in agents_md
    example = runpy.run_path(str(REPO / "examples" / "sb3_ppo.py"), run_name="sb3_ppo")
    steps = example["Args"]().total_timesteps
    assert f"total_timesteps={steps:_}" in readme and f"{steps:,} steps take about a minute" in readme
    # help texts that quote a default quote the code's
    for entry in MODULES:
        if entry in NEEDS:
            pytest.importorskip(NEEDS[entry])
        for name, obj in vars(importlib.import_module(entry)).items():
            if not (isinstance(obj, type) and hasattr(obj, "__dataclass_fields__")) or obj.__module__ != entry:
                continue
            for f in fields(obj):
                m = re.search(r"\(default:? ([^)\s;,]+)\)", f.metadata.get("help", ""))
                if m and not m.group(1).startswith(("$", "runs/<", "RUN_DIR")):
                    assert str(f.default) == m.group(1), f"{entry}.{name}.{f.name}: help says {m.group(1)}"


def test_scripts_write_under_runs_unless_told_otherwise():
    """Output paths default to nothing or to runs/ (git-ignored), never to committed files."""
    for entry in MODULES:
        if entry in NEEDS:
            pytest.importorskip(NEEDS[entry])
        for obj in vars(importlib.import_module(entry)).values():
            if not (isinstance(obj, type) and hasattr(obj, "__dataclass_fields__")):
                continue
            for f in fields(obj):
                if f.name in ("out", "out_md", "plot", "run_dir", "output_dir") and f.default:
                    assert str(f.default).startswith("runs"), f"{entry}: {obj.__name__}.{f.name} = {f.default!r}"
