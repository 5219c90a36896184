"""Fixtures for the environment tests: small MiniLean problem lists (no Lean install needed)."""

from __future__ import annotations

import pytest

from leangym.datasets import load_minilean_suite
from leangym.envs import register_envs


@pytest.fixture(scope="session", autouse=True)
def _registered() -> None:
    register_envs()


@pytest.fixture(scope="session")
def prop_problems():
    return load_minilean_suite("propositional", 12, seed=0)
