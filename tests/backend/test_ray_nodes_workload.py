"""The node benchmark's slow-tactic workload (benchmarks/ray_nodes.py): true statements whose tactics prove them."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest

from leangym.backend import make_backend

pytestmark = pytest.mark.timeout(120)
REPO = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("ray_nodes", REPO / "benchmarks" / "ray_nodes.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up there
    spec.loader.exec_module(bench)
    return bench


def test_every_workload_tactic_closes_its_statement_and_verifies_and_is_slow():
    jobs = _bench().workload(6)
    assert len({p.statement for p, _ in jobs}) == 6
    with make_backend("minilean", timeout=60) as b:
        t0 = time.perf_counter()
        verdicts = [b.verify(p, [t]) for p, t in jobs]
        elapsed = time.perf_counter() - t0
        assert all(v.ok for v in verdicts), [v.messages for v in verdicts if not v.ok]
        # a false variant is refused: the case split meets m = 2, where (2 * 2 + 1) % 7 = 5
        false, _ = jobs[0]
        wrong = false.statement.replace("% 7 ≠ 3", "% 7 ≠ 5").replace(": (m * m + 0)", ": (m * m + 1)")
        assert wrong != false.statement
        assert not b.verify(type(false)(id="wrong", statement=wrong, header=false.header), [jobs[0][1]]).ok
    assert elapsed > 6 * 0.02  # real decision-procedure work, not instant steps
