"""The expert-iteration-vs-PPO benchmark: budgets, table, plot and Markdown on a tiny run."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
pytest.importorskip("sb3_contrib")

from agents.compare import ComparisonConfig, ComparisonResults, Curve, format_table, run_comparison  # noqa: E402


def test_table_reads_each_curve_at_the_budget_marks():
    config = ComparisonConfig(seeds="0,1", algorithms="exit,ppo", budget=100, out_md="", plot="")
    results = ComparisonResults(
        config,
        [
            Curve("exit", 0, [(10, 0.1, 1.0), (60, 0.5, 2.0), (100, 0.6, 3.0)]),
            Curve("exit", 1, [(10, 0.3, 1.0), (60, 0.7, 2.0), (100, 0.8, 3.0)]),
            Curve("ppo", 0, [(0, 0.2, 0.0), (100, 0.2, 5.0)]),
            Curve("ppo", 1, [(0, 0.2, 0.0), (100, 0.4, 5.0)]),
        ],
    )
    rows = {line.split("|")[1].strip(): line for line in format_table(results).splitlines()[2:]}
    assert rows["expert iteration"].split("|")[2:6] == [
        " 0.20 ± 0.14 ",
        " 0.20 ± 0.14 ",
        " 0.20 ± 0.14 ",
        " 0.70 ± 0.14 ",
    ]
    assert rows["PPO (SB3)"].split("|")[5] == " 0.30 ± 0.14 "


def test_unknown_algorithm_is_refused():
    with pytest.raises(ValueError, match="unknown algorithm"):
        ComparisonConfig(algorithms="exit,dqn")


def test_tiny_comparison_writes_table_plot_and_markdown(tmp_path):
    config = ComparisonConfig(
        seeds="0", algorithms="ppo", num_train=8, num_eval=3, budget=256, eval_expansions=2, eval_samples=4,
        out_md=str(tmp_path / "agents.md"), plot=str(tmp_path / "plot.png"), quiet=True,
    )  # fmt: skip
    results = run_comparison(config)
    assert [c.algorithm for c in results.curves] == ["ppo"]
    assert results.curves[0].points[-1][0] == 256  # the whole budget, no more
    assert (tmp_path / "plot.png").stat().st_size > 1000
    md = (tmp_path / "agents.md").read_text()
    assert "PPO (SB3)" in md and "python -m benchmarks.exit_vs_ppo" in md


def test_defaults_write_under_runs_not_over_the_recorded_results():
    config = ComparisonConfig()
    assert config.out_md == "runs/exit_vs_ppo/agents.md" and config.plot == "runs/exit_vs_ppo/exit_vs_ppo.png"
    assert ComparisonConfig(out_md="none", plot="none").out_md == ""
