"""Fixtures for the environment tests: small MiniLean problem lists (no Lean install needed)."""

from __future__ import annotations

import pytest

from leangym.backend import make_backend
from leangym.datasets import load_minilean_suite
from leangym.envs import register_envs


@pytest.fixture(scope="session", autouse=True)
def _registered() -> None:
    register_envs()


@pytest.fixture(scope="module")
def backend():
    """One in-process MiniLean backend per test module."""
    b = make_backend("minilean")
    yield b
    b.close()


@pytest.fixture(scope="session")
def prop_problems():
    return load_minilean_suite("propositional", 12, seed=0)


@pytest.fixture(scope="session")
def small_data_dir(shared_data, tmp_path_factory):
    """The shared data layout with Lean Workbook cut to 300 records per split (parsing all 17,729 statements
    for MiniLean's fragment takes ~15 s); the other files are linked, not copied."""
    root = tmp_path_factory.mktemp("data")
    for sub in ("minif2f", "proofnet"):
        (root / sub).mkdir()
        for f in (shared_data / sub).glob("*.jsonl"):
            (root / sub / f.name).symlink_to(f)
    (root / "lean-workbook").mkdir()
    counts: dict[str, int] = {}
    kept = []
    for line in (shared_data / "lean-workbook" / "lean_workbook_subset.jsonl").open(encoding="utf-8"):
        split = "plus" if '"split": "lean_workbook_plus"' in line else "base"
        if counts.get(split, 0) < 300:
            counts[split] = counts.get(split, 0) + 1
            kept.append(line)
    (root / "lean-workbook" / "lean_workbook_subset.jsonl").write_text("".join(kept), encoding="utf-8")
    return root
