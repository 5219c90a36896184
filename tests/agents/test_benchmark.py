"""The comparison benchmark: ablation rows, intervals, budgets, resume, and the demo's small preset."""

from __future__ import annotations

import json
import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
pytest.importorskip("sb3_contrib")

from agents.compare import (  # noqa: E402
    ROWS,
    ComparisonConfig,
    ComparisonResults,
    apply_preset,
    format_tables,
    planned_jobs,
    run_comparison,
)
from leangym.errors import ConfigError  # noqa: E402
from leangym.eval import t_interval  # noqa: E402

ABLATION_LABELS = [label for _, _, label in ROWS if not label.startswith(("GRPO", "PPO", "self-play"))]
INTERVAL_COLUMNS = ("end (mean [95% t])", "solved/total [95% Wilson]", "change end − start [95% t]")
BUDGET_COLUMNS = ("training env steps", "forward tokens", "wall s per seed")


def record(family, algorithm, seed, mode, rnd, steps, solved, total=10, tokens=None):
    return {"family": family, "algorithm": algorithm, "seed": seed, "eval": mode, "round": rnd,
            "env_steps": steps, "forward_tokens": tokens, "wall_s": 1.0, "solved": solved, "total": total}  # fmt: skip


def fake_jobs(config: ComparisonConfig) -> list[dict]:
    """Records for every planned job: expert iteration's policy_only rises by 2/10 a round on every seed."""
    out = []
    for job in planned_jobs(config):
        f, a, s = job.family, job.algorithm, job.seed
        if a == "baseline":
            recs = [record(f, a, s, "generator_uniform", 0, 0, 2), record(f, a, s, "generator_rule", 0, 0, 4)]
        elif a == "exit":
            recs = [record(f, a, s, m, r, 100 * r, base + 2 * r + s % 2)
                    for r in range(3) for m, base in (("generator_critic", 3), ("policy_only", 1), ("full", 4))]  # fmt: skip
        elif a in ("grpo", "self_play"):
            recs = [record(f, a, s, m, r, 90 * r, 3, tokens=1000 * r) for r in range(2) for m in ("full", "policy_only")]
        else:
            recs = [record(f, a, s, "full", r, 128 * r, 2 + r) for r in range(2)]
        out.append({"job": {"family": f, "algorithm": a, "seed": s}, "wall_s": 5.0, "records": recs})
    return out


def rows_of(table: str) -> dict[str, list[str]]:
    return {
        cells[1].strip(): [c.strip() for c in cells[2:-1]]
        for line in table.splitlines()
        if line.startswith("| ") and len(cells := line.split("|")) > 8
    }


def test_table_has_every_row_interval_and_budget_column():
    config = ComparisonConfig(families="propositional", seeds="0,1", out_md="none", plot="none")
    results = ComparisonResults(config, jobs=fake_jobs(config))
    table = format_tables(results)
    header = next(line for line in table.splitlines() if line.startswith("| row"))
    assert all(col in header for col in INTERVAL_COLUMNS + BUDGET_COLUMNS)
    rows = rows_of(table)
    assert [label for label in rows if label in dict((lbl, 0) for *_, lbl in ROWS)] == [lbl for *_, lbl in ROWS]
    # policy alone: 0.1 -> 0.5 (seed 0) and 0.2 -> 0.6 (seed 1): end 0.55 with a t interval, change +0.4 exactly
    mode, seeds, start, end, pooled, change, steps, tokens, wall = rows["expert iteration: policy alone"]
    assert (mode, seeds, start, steps, tokens, wall) == ("`policy_only`", "2", "0.150 [0.000, 0.785]", "200", "n/a", "5")
    assert end == "0.550 [0.000, 1.000]" and pooled.startswith("11/20 [0.342, 0.742]")
    assert change == "+0.400 [+0.400, +0.400]"
    assert rows["GRPO: full agent"][7] == "1,000"  # forward tokens where the algorithm logs them
    assert rows["generator + fixed rule"][2] == "–"  # no training: no start, no change
    assert "Expert iteration by round" in table


def test_t_interval_matches_student_t():
    mean, lo, hi = t_interval([0.1, 0.2, 0.3, 0.4, 0.5])
    assert mean == pytest.approx(0.3) and hi - mean == pytest.approx(2.776 * 0.158114 / 5**0.5, rel=1e-4)
    assert t_interval([0.5])[1] == float("-inf")


def test_resume_reuses_finished_jobs_and_writes_table_plot_markdown(tmp_path):
    config = ComparisonConfig(
        families="propositional,inequalities", seeds="0,1", run_dir=str(tmp_path), resume=True, jobs=1, quiet=True
    )
    for out in fake_jobs(config):
        j = out["job"]
        path = tmp_path / "records" / f"{j['family']}__{j['algorithm']}__{j['seed']}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(out))
    (tmp_path / "wall.json").write_text(json.dumps({"wall_s": 600.0}))  # an earlier, interrupted invocation
    results = run_comparison(config, command="python -m benchmarks.exit_vs_ppo --resume")
    assert len(results.jobs) == len(planned_jobs(config)) == 20  # nothing was rerun
    md = (tmp_path / "comparison.md").read_text()
    assert "**propositional**" in md and "**inequalities**" in md and "Jobs finished: 20 of 20; wall time 10.0 min (all invocations)" in md
    assert "Self-play's conjectures" not in md  # no job folder with conjecture counts: no table
    assert (tmp_path / "comparison.png").stat().st_size > 5000


def test_self_play_conjecture_table_reads_each_jobs_metrics(tmp_path):
    config = ComparisonConfig(families="inequalities", seeds="0,1", run_dir=str(tmp_path), out_md="none", plot="none")
    for seed, rewarded in ((0, 1), (1, 3)):
        folder = tmp_path / "runs" / f"inequalities__self_play__{seed}"
        folder.mkdir(parents=True)
        counts = dict(proposed=10, well_formed=8, novel=6, nontrivial=5, proved=3, rewarded=rewarded, pass_rates={"0.00": 2, "0.25": 3})
        lines = [{"round": r, "eval": "full", "conjectures": counts} for r in (0, 1, 2)]  # round 0 (bootstrap) not counted
        (folder / "metrics.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    table = format_tables(ComparisonResults(config, jobs=fake_jobs(config)))
    assert "Self-play's conjectures (inequalities" in table
    row = next(line for line in table.splitlines() if line.startswith("| 20.0"))
    # proposed 20 on both seeds; rewarded 2 and 6: mean 4 with a t interval of half-width 12.7 * 2
    assert row.split("|")[1].strip() == "20.0 [20.0, 20.0]" and row.split("|")[6].strip().startswith("4.0 [")
    assert "0.00: 8, 0.25: 12" in table


def test_tiny_real_run_has_all_ablation_rows(tmp_path):
    config = ComparisonConfig(
        seeds="0", algorithms="exit", num_train=6, num_eval=3, budget=40, bootstrap=3, eval_expansions=2,
        d_model=32, jobs=1, run_dir=str(tmp_path), plot="none", quiet=True,
    )  # fmt: skip
    results = run_comparison(config)
    rows = rows_of(results.table)
    assert all(label in rows for label in ABLATION_LABELS)
    assert {r["eval"] for r in results.records} == {"generator_uniform", "generator_rule", "generator_critic", "policy_only", "full"}
    exit_rounds = {r["round"] for r in results.records if r["algorithm"] == "exit"}
    assert exit_rounds >= {0, 1}  # every round is evaluated in every mode
    assert all(r["total"] == 3 for r in results.records)
    assert (tmp_path / "comparison.md").is_file() and (tmp_path / "records" / "propositional__exit__0.json").is_file()


def test_unknown_algorithm_and_preset_are_refused():
    with pytest.raises(ConfigError, match="unknown algorithm"):
        ComparisonConfig(algorithms="exit,dqn")
    with pytest.raises(ConfigError, match="preset"):
        ComparisonConfig(preset="huge")


def test_outputs_go_under_runs_unless_recording():
    config = ComparisonConfig()
    assert config.out_md == "runs/comparison/comparison.md" and config.plot == "runs/comparison/comparison.png"
    recorded = ComparisonConfig(record=True)
    assert recorded.out_md == "benchmarks/results/comparison.md" and recorded.plot == "benchmarks/comparison.png"
    assert ComparisonConfig(out_md="none", plot="none").out_md == ""


def test_full_preset_meets_the_statistics_the_issue_asks_for():
    full = apply_preset(ComparisonConfig(preset="full"))
    assert len(full.seed_list()) >= 5 and len(full.family_list()) >= 2
    assert full.num_train >= 200 and full.num_eval >= 100
    assert "inequalities" in full.family_list()  # tactics that take terms: nlinarith [sq_nonneg (a - b)]
    kept = apply_preset(ComparisonConfig(preset="full", seeds="0"), given={"seeds"})
    assert kept.seeds == "0"


def test_demo_preset_stays_small(tmp_path):
    from agents.demo import DemoArgs, comparison_config

    config = comparison_config(DemoArgs(), tmp_path)
    assert config.preset == "laptop" and str(config.run_dir).startswith(str(tmp_path))
    assert len(config.family_list()) == 1 and len(config.seed_list()) <= 2
    assert config.num_train <= 60 and config.num_eval <= 30 and config.budget <= 8000
    assert config.d_model <= 64 and config.n_layer <= 2 and config.eval_expansions * config.eval_samples <= 32
    assert config.jobs == 2 and not config.out_md.startswith("benchmarks/")
