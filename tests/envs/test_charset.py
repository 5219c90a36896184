"""The Lean character set: bundled statements and goals lie in the observation space; strays are mapped."""

from __future__ import annotations

import json

import pytest

from leangym.charset import (
    LEAN_CHARSET,
    OBSERVATION_MAX_LENGTH,
    lean_text_space,
    outside_charset,
    to_observation,
)


def _bundled_texts(shared_data) -> list[str]:
    texts = []
    for path in sorted(shared_data.glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts += [record.get(k) or "" for k in ("formal_statement", "header", "goal")]
    return texts


def test_every_bundled_statement_and_goal_lies_in_the_observation_space(shared_data):
    space = lean_text_space(OBSERVATION_MAX_LENGTH)
    texts = _bundled_texts(shared_data)
    assert len(texts) > 10_000
    strays = set().union(*(outside_charset(t) for t in texts))
    assert strays == set(), f"characters Lean prints that the charset lacks: {sorted(strays)}"
    assert all(space.contains(t) for t in texts if len(t) <= OBSERVATION_MAX_LENGTH)


@pytest.mark.parametrize("symbol", list("⊢∀∃∧∨¬→↔≤≥≠ℕℤℚℝ↑∣⟨⟩·✝₀₉αλ∑∏∈√∘⁻¹\n"))
def test_core_lean_symbols_are_in_the_charset(symbol):
    assert symbol in LEAN_CHARSET


def test_to_observation_replaces_strays_and_cuts_long_text():
    assert to_observation("x ∈ s ☃ \x00") == "x ∈ s ? ?"
    long = to_observation("a" * 100, max_length=10)
    assert len(long) == 10 and long.endswith("…")
    assert lean_text_space(10).contains(long)
