from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_gpu_generation_benchmark_runs_on_cpu(tmp_path):
    """The GPU benchmark's code path at tiny settings: every figure present and positive."""
    out = tmp_path / "r.json"
    cmd = [
        sys.executable,
        "benchmarks/gpu_generation.py",
        "--size",
        "tiny",
        "--prompts",
        "4",
        "--prompt-tokens",
        "16",
        "--new-tokens",
        "4",
        "--samples",
        "4",
        "--repeats",
        "1",
        "--search-problems",
        "4",
        "--search-expansions",
        "4",
        "--workers",
        "2",
        "--out",
        str(out),
    ]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    res = json.loads(out.read_text())
    assert res["generate"]["ratio"] > 0 and res["policy"]["batched_candidates_per_s"] > 0
    assert res["search"]["nodes_per_s"] > 0 and res["search"]["problems"] == 4
