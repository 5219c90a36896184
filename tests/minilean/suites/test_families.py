"""Every family: determinism, distinct statements, difficulty spread, and the shapes promised."""

from __future__ import annotations

import pytest

from leangym.errors import ConfigError
from leangym.minilean.suites import FAMILIES, generate

ARITH_FAMILIES = [f for f in FAMILIES if f != "propositional"]


def test_all_families_are_registered():
    assert set(FAMILIES) == {
        "propositional", "linear", "systems", "inequalities", "divisibility", "existential", "functional",
        "induction", "mixture",
    }


@pytest.mark.parametrize("family", ARITH_FAMILIES)
def test_generation_is_deterministic_and_distinct(family):
    for difficulty in (1, 3, 5):
        first = generate(family, 6, seed=11, difficulty=difficulty)
        again = generate(family, 3, seed=11, difficulty=difficulty)
        assert [p.statement for p in first[:3]] == [p.statement for p in again]
        bodies = [p.statement.split(" ", 2)[2] for p in first]
        assert len(set(bodies)) == len(bodies)
        for i, p in enumerate(first):
            assert p.id == f"minilean/{family}/d{difficulty}/s11/{i}"
            assert p.meta == {"family": family, "difficulty": difficulty}
            assert p.statement.startswith("theorem ") and ":= by" not in p.statement
            assert p.reference_proof and all(isinstance(t, str) and t for t in p.reference_proof)


def test_family_shapes():
    ineq = generate("inequalities", 10, seed=0, difficulty=2)
    assert all(p.reference_proof[-1].startswith("nlinarith [") for p in ineq)
    ind = generate("induction", 5, seed=0, difficulty=2)
    # the `| zero`/`| succ` alternatives travel in the same step as `induction`, so stepwise replay works
    assert all(any(t.startswith("induction n with\n| zero => ") and "\n| succ k ih =>" in t for t in p.reference_proof) for p in ind)
    assert all(p.header == "import Mathlib\n" for p in ind)
    ex = generate("existential", 5, seed=0, difficulty=1)
    assert all(": ∃ " in p.statement for p in ex)
    fn = generate("functional", 5, seed=0, difficulty=1)
    assert all("(h : ∀ x, " in p.statement for p in fn)
    mix = generate("mixture", 30, seed=0, difficulty=3)
    assert len({p.statement.split(" ")[1].split("_")[0] for p in mix}) == 1  # one id stem for the mixture
    assert len({p.reference_proof[-1].split(" ")[0] for p in mix}) >= 4  # yet varied proofs


def test_exhausted_family_says_so(monkeypatch):
    import leangym.minilean.suites as suites

    def one_statement(rng, difficulty):
        return "theorem {name} : True", ("trivial",)

    monkeypatch.setattr(suites, "MAX_REPEATS", 20)
    monkeypatch.setitem(suites._FAMILIES, "linear", ("lin", one_statement))
    assert len(generate("linear", 1)) == 1
    with pytest.raises(ConfigError, match="ran out of distinct problems after 1"):
        generate("linear", 2)
