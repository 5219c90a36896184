"""Dataset loaders read the shared benchmark files and fail with a message naming the file to provide."""

from __future__ import annotations

import json
import time

import pytest

from leangym.datasets import (
    load_jsonl,
    load_lean_workbook,
    load_minif2f,
    load_minilean_suite,
    load_problems,
    load_proofnet,
)
from leangym.errors import ConfigError, DataError


@pytest.fixture()
def no_data(monkeypatch, tmp_path):
    """No $LEANGYM_DATA, an empty Hugging Face cache, and the hub marked offline."""
    monkeypatch.delenv("LEANGYM_DATA", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf"))


def test_minif2f_splits_have_244_problems_each(shared_data):
    path = shared_data / "minif2f" / "minif2f.jsonl"
    valid, test = load_minif2f("valid", data_path=path), load_minif2f("test", data_path=path)
    assert len(valid) == len(test) == 244
    assert {p.split for p in valid} == {"valid"} and not {p.id for p in valid} & {p.id for p in test}
    p = next(p for p in test if p.id == "mathd_algebra_478")
    assert p.statement.startswith("theorem mathd_algebra_478 (b h v : ℝ)") and p.statement.endswith(": v = 65")
    assert p.header.startswith("import Mathlib") and p.source == "minif2f"


def test_minif2f_reads_the_newer_lean_copy_too(shared_data):
    problems = load_minif2f("valid", data_path=shared_data / "minif2f" / "minif2f_lean4-v4.24.0_yangky11.jsonl")
    assert len(problems) == 244 and all(not p.statement.endswith(":= by") for p in problems)


def test_proofnet_makes_repeated_names_unique_and_skips_defs(shared_data):
    problems = load_proofnet(None, data_path=shared_data / "proofnet" / "proofnet.jsonl")
    assert len({p.id for p in problems}) == len(problems)
    assert any(p.id.endswith("__2") for p in problems)
    assert all(p.statement.startswith("theorem") and not p.statement.endswith(":=") for p in problems)
    # 371 records, of which 14 are `def`s (they construct data; no tactic proof closes them)
    assert len(problems) == 357


def test_lean_workbook_subset_splits(shared_data):
    path = shared_data / "lean-workbook" / "lean_workbook_subset.jsonl"
    workbook, plus = load_lean_workbook(data_path=path), load_lean_workbook(plus=True, data_path=path)
    assert (len(workbook), len(plus)) == (7884, 9845)
    assert all(p.id.startswith("lean_workbook_plus_") for p in plus)


def test_lean_workbook_reads_the_upstream_json_layout(tmp_path):
    rows = [
        {"natural_language_statement": "x", "answer": "", "tags": [], "split": "lean_workbook", "proof": ["nlinarith"],
         "formal_statement": "theorem lean_workbook_1 (a : ℝ) : a ^ 2 ≥ 0 := by sorry"},
        {"natural_language_statement": "y", "answer": "", "tags": [], "split": "lean_workbook_plus", "proof": [],
         "formal_statement": "theorem lean_workbook_plus_1 (a : ℕ) : a ≥ 0 := by sorry"},
    ]
    path = tmp_path / "lean_workbook.json"
    path.write_text(json.dumps(rows))
    (p,) = load_lean_workbook(data_path=path)
    assert p.id == "lean_workbook_1" and p.statement == "theorem lean_workbook_1 (a : ℝ) : a ^ 2 ≥ 0"
    assert p.reference_proof == ("nlinarith",) and p.header.startswith("import Mathlib")
    assert [q.id for q in load_lean_workbook(plus=True, data_path=path)] == ["lean_workbook_plus_1"]


def test_goedel_proof_file_loads_with_reference_proofs(shared_data):
    problems = load_jsonl(shared_data / "lean-workbook" / "lean_workbook_goedel_proofs_100.jsonl")
    assert len(problems) == 100 and all(p.reference_proof for p in problems)


def test_missing_data_names_the_file_and_variable(no_data):
    for call in (lambda: load_minif2f("test"), lambda: load_proofnet(), lambda: load_lean_workbook()):
        with pytest.raises(DataError) as info:
            call()
        assert "data_path=" in str(info.value) and "LEANGYM_DATA" in str(info.value)


def test_lean_workbook_offline_fails_fast_naming_the_cache(no_data):
    start = time.monotonic()
    with pytest.raises(DataError, match="internlm/Lean-Workbook"):
        load_lean_workbook()
    assert time.monotonic() - start < 2.0


def test_data_dir_variable_is_searched(monkeypatch, shared_data):
    monkeypatch.setenv("LEANGYM_DATA", str(shared_data))
    assert len(load_problems("minif2f", split="valid")) == 244


def test_bad_arguments_are_config_errors(shared_data, tmp_path):
    with pytest.raises(ConfigError, match="'valid' or 'test'"):
        load_minif2f("train", data_path=shared_data / "minif2f" / "minif2f.jsonl")
    with pytest.raises(ConfigError, match="unknown dataset"):
        load_problems("mnif2f")
    with pytest.raises(DataError, match="does not exist"):
        load_minif2f("test", data_path=tmp_path / "absent.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    with pytest.raises(DataError, match="not valid JSON"):
        load_jsonl(bad)


def test_minilean_suite_is_seeded():
    a, b = load_minilean_suite("mixture", 20, seed=3), load_minilean_suite("mixture", 20, seed=3)
    assert [p.statement for p in a] == [p.statement for p in b] and len(a) == 20
    assert [p.statement for p in load_minilean_suite("mixture", 20, seed=4)] != [p.statement for p in a]
    assert all(p.reference_proof and p.source == "minilean" for p in a)
    with pytest.raises(ConfigError, match="unknown problem family"):
        load_minilean_suite("nope")
