from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_gpu_generation_benchmark_runs_on_cpu(tmp_path):
    """The GPU benchmark's code path at tiny settings (in-process: torch is already imported)."""
    spec = importlib.util.spec_from_file_location("gpu_generation", REPO / "benchmarks" / "gpu_generation.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up there
    spec.loader.exec_module(bench)
    out = tmp_path / "r.json"
    bench.main(
        ["--size", "tiny", "--prompts", "4", "--prompt-tokens", "16", "--new-tokens", "4", "--samples", "4",
         "--repeats", "1", "--search-problems", "4", "--search-expansions", "4", "--workers", "2", "--out", str(out)]
    )  # fmt: skip
    res = json.loads(out.read_text())
    assert res["generate"]["ratio"] > 0 and res["policy"]["batched_candidates_per_s"] > 0
    assert (
        res["search"]["nodes_per_s"] > 0 and res["search"]["problems"] == 4 and res["search"]["proved"] == 4
    )
