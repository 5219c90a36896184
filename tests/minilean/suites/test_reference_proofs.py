"""Every generated reference proof must check in MiniLean, through the Lean REPL protocol."""

from __future__ import annotations

import pytest

from leangym.minilean.suites import FAMILIES, generate

repl_module = pytest.importorskip("leangym.minilean.repl", reason="MiniLeanRepl not written yet")

# (difficulty, count) per family; every difficulty of every family is exercised
FAMILY_CASES = {f: [(d, 12 if f == "propositional" else 4) for d in (1, 2, 3, 4, 5)] for f in FAMILIES}


def check(repl, problem) -> list[str]:
    """The errors (and sorry warnings) MiniLean reports for the problem's reference proof."""
    reply = repl.handle({"cmd": problem.with_proof(problem.reference_proof)})
    bad = [m.get("data", "") for m in reply.get("messages", []) if m.get("severity") == "error"]
    bad += [m.get("data", "") for m in reply.get("messages", []) if "sorry" in m.get("data", "")]
    if reply.get("sorries"):
        bad.append("sorries returned")
    if "message" in reply:
        bad.append(reply["message"])
    return bad


@pytest.mark.parametrize("family", sorted(FAMILY_CASES))
def test_reference_proofs_check(family):
    repl = repl_module.MiniLeanRepl()
    failures = []
    for difficulty, count in FAMILY_CASES[family]:
        for p in generate(family, count, seed=1, difficulty=difficulty):
            errors = check(repl, p)
            if errors:
                failures.append(f"{p.with_proof(p.reference_proof)}\n  -> {errors}")
    assert not failures, f"{len(failures)} reference proofs fail:\n" + "\n\n".join(failures[:5])


def test_a_truncated_reference_proof_is_rejected():
    """Guards the check above against passing vacuously."""
    repl = repl_module.MiniLeanRepl()
    p = generate("propositional", 1, seed=0, difficulty=3)[0]
    assert not check(repl, p)
    truncated = p.reference_proof[:-1]
    assert check(repl, type(p)(**{**p.__dict__, "reference_proof": truncated}))
