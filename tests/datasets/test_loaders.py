"""Dataset loaders read the shared benchmark files and fail with a message naming the file to provide."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import gymnasium as gym
import pytest

from leangym.datasets import (
    load_jsonl,
    load_lean_workbook,
    load_minif2f,
    load_minilean_suite,
    load_problems,
    load_proofnet,
    loaders,
)
from leangym.errors import ConfigError, DataError


def _no_network(*_args, **_kwargs):
    raise ConnectionError("offline (test)")


@pytest.fixture()
def no_data(monkeypatch, tmp_path):
    """No $LEANGYM_DATA, the hub marked offline with an empty cache; the network boundary refuses."""
    monkeypatch.delenv("LEANGYM_DATA", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setattr(loaders, "_fetch_from_hub", _no_network)


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


def test_hub_datasets_offline_fail_fast_in_one_line_naming_the_fix(no_data):
    for call, repo in ((load_lean_workbook, "internlm/Lean-Workbook"), (load_minif2f, "Slim205/minif2f")):
        start = time.monotonic()
        with pytest.raises(DataError) as info:
            call()
        message = str(info.value)
        assert time.monotonic() - start < 2.0
        assert "\n" not in message and repo in message and "Fix: pass data_path=" in message and "LEANGYM_DATA" in message


def test_unreachable_hub_is_not_asked(monkeypatch, no_data):
    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.setattr(loaders, "_hub_reachable", lambda timeout=2.0: False)
    monkeypatch.setattr(loaders, "_fetch_from_hub", lambda *a: pytest.fail("the hub was asked while unreachable"))
    with pytest.raises(DataError, match="unreachable.*HF_HUB_OFFLINE=1"):
        load_lean_workbook()


def test_hub_rows_become_problems(monkeypatch, no_data):
    asked = []

    def fake_hub(repo, splits):
        asked.append((repo, splits))
        return [
            {"formal_statement": "theorem lean_workbook_1 (a : ℝ) : a ^ 2 ≥ 0 := by sorry", "split": "lean_workbook", "proof": []},
            {"formal_statement": "theorem lean_workbook_plus_1 : True := by sorry", "split": "lean_workbook_plus"},
        ]

    monkeypatch.setattr(loaders, "_fetch_from_hub", fake_hub)
    (p,) = load_lean_workbook()
    assert p.id == "lean_workbook_1" and p.header.startswith("import Mathlib")
    assert asked == [("internlm/Lean-Workbook", ("train",))]


def test_data_path_may_be_a_folder(shared_data, tmp_path):
    by_layout = load_minif2f("valid", data_path=shared_data)  # the data root: minif2f/minif2f.jsonl inside
    by_folder = load_minif2f("valid", data_path=shared_data / "minif2f")  # the dataset's own folder
    assert len(by_layout) == len(by_folder) == 244
    assert len(load_proofnet(None, data_path=shared_data / "proofnet")) == 357
    with pytest.raises(DataError, match="is a folder without proofnet/proofnet.jsonl"):
        load_proofnet(data_path=tmp_path)


def test_proofnet_split_none_through_gym_make_gives_both_splits(shared_data):
    import leangym  # noqa: F401  (registers the ids)

    sizes = {}
    for split in ("valid", "test", None):
        with gym.make("ProofNet-v0", split=split, data_path=shared_data, backend="minilean", fragment_filter=False) as env:
            sizes[split] = len(env.unwrapped.problems)
    assert sizes[None] == sizes["valid"] + sizes["test"] == 357


def test_leangym_data_lists_local_files_counts_and_sources(shared_data, tmp_path):
    def run(folder):
        out = subprocess.run([sys.executable, "-m", "leangym", "data", "--data-path", str(folder)],
                             capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        return out.stdout

    found = run(shared_data)
    assert str(shared_data / "proofnet" / "proofnet.jsonl") in found and "371" in found and "488" in found
    missing = run(tmp_path)
    assert missing.count("not found") == 3 and "internlm/Lean-Workbook" in missing and "local only" in missing


def test_data_dir_variable_is_searched(monkeypatch, shared_data):
    monkeypatch.setenv("LEANGYM_DATA", str(shared_data))
    assert len(load_problems("minif2f", split="valid")) == 244


def test_bad_arguments_are_config_errors(shared_data, tmp_path):
    with pytest.raises(ConfigError, match="'valid', 'test' or None"):
        load_minif2f("train", data_path=shared_data / "minif2f" / "minif2f.jsonl")
    with pytest.raises(ConfigError, match="unknown dataset"):
        load_problems("mnif2f")
    with pytest.raises(DataError, match="does not exist"):
        load_minif2f("test", data_path=tmp_path / "absent.jsonl")
    with pytest.raises(ConfigError, match="'valid', 'test' or None"):
        load_proofnet("train", data_path=shared_data)
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

