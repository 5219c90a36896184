"""MiniLean problems and a real MiniLean backend pool for the search tests."""

from __future__ import annotations

import pytest

from leangym.minilean.suites import generate
from leangym.store import theorem_name


@pytest.fixture(scope="module")
def backend():
    from leangym.backend import make_backend

    b = make_backend("minilean", workers=2)
    yield b
    b.close()


@pytest.fixture(scope="module")
def problems():
    return generate("propositional", 4, seed=0, difficulty=1) + generate(
        "propositional", 4, seed=0, difficulty=2
    )


@pytest.fixture(scope="module")
def references(problems):
    return {theorem_name(p.statement): p.reference_proof for p in problems}


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    """Tiny models run fastest on one thread; on a shared 2-core box two threads spin against each other."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
