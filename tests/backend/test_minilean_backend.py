"""The Backend over MiniLean, in-process and as a subprocess: start, tactics, verify, check."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leangym.backend import make_backend
from leangym.backend.api import Backend, LeanError, ProofClosed, ProofState
from leangym.problems import Problem

from .conftest import AND, AND_PROOF, OR, OR_PROOF

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(scope="module", params=["in-process", "subprocess"])
def backend(request):
    b = make_backend("minilean", in_process=request.param == "in-process", timeout=10)
    yield b
    b.close()


def test_is_a_backend(backend):
    assert isinstance(backend, Backend) and backend.engine == "minilean"


def test_proof_to_closed(backend):
    state = backend.start(AND)
    assert isinstance(state, ProofState) and state.goals == ("p q : Prop\nhp : p\nhq : q\n⊢ p ∧ q",)
    for tactic in AND_PROOF[:-1]:
        state = backend.run_tactic(state, tactic)
        assert isinstance(state, ProofState)
    assert backend.run_tactic(state, AND_PROOF[-1]) == ProofClosed(AND, AND_PROOF)


def test_states_are_immutable_handles(backend):
    root = backend.start(OR)
    a = backend.run_tactic(root, OR_PROOF[0])
    b = backend.run_tactic(root, OR_PROOF[0])
    assert isinstance(a, ProofState) and a == b and a.handle != b.handle
    assert isinstance(backend.run_tactic(a, OR_PROOF[1]), ProofState)
    assert isinstance(backend.run_tactic(b, OR_PROOF[1]), ProofState)  # branching from the same parent again


def test_failed_tactic_keeps_state(backend):
    root = backend.start(AND)
    out = backend.run_tactic(root, "exact hq")
    assert isinstance(out, LeanError) and out.state == root and out.kind == "lean" and "type mismatch" in out.message


def test_rejected_action_never_reaches_lean(backend):
    root = backend.start(AND)
    served = backend.workers[0].transport.requests_served
    for bad in ["#eval 1", "rfl\naxiom cheat : False", "x" * 1_000_000]:
        out = backend.run_tactic(root, bad)
        assert isinstance(out, LeanError) and out.kind == "rejected" and out.message.startswith("leangym: action rejected")
    assert backend.workers[0].transport.requests_served == served


def test_sorry_tactic_is_not_a_closed_proof(backend):
    out = backend.run_tactic(backend.start(AND), "sorry")
    assert isinstance(out, LeanError) and "sorry" in out.message


def test_statement_error_is_a_lean_error(backend):
    out = backend.start(Problem("bad", "theorem bad (p : Prop) : p ∧ undefined_thing"))
    assert isinstance(out, LeanError) and out.state is None and out.messages


def test_verify_accepts_a_proof_and_lists_axioms(backend):
    verdict = backend.verify(AND, list(AND_PROOF))
    assert verdict.ok and verdict.reason == "ok" and set(verdict.axioms) <= {"propext", "Classical.choice", "Quot.sound"}


@pytest.mark.parametrize(
    ("tactics", "why"),
    [
        (["constructor", "exact hp", "sorry"], "sorry"),
        (["constructor", "exact hp"], "error"),
        (["constructor", "exact hp", "exact hq\ntheorem x : False := sorry"], "action rejected"),
        (["exact ⟨hp, hq⟩", "native_decide"], "action rejected"),
    ],
)
def test_verify_rejects(backend, tactics, why):
    verdict = backend.verify(AND, tactics)
    assert not verdict.ok and why in verdict.reason


def test_verify_needs_a_named_theorem(backend):
    verdict = backend.verify(Problem("e", "example (p : Prop) (hp : p) : p"), ["exact hp"])
    assert not verdict.ok and "theorem NAME" in verdict.reason


def test_check_reuses_the_header_with_positions_of_the_whole_source(backend):
    source = AND.header + "theorem x (p : Prop) : p := by\n  exact foo"
    backend.start(AND)  # the header is elaborated now
    messages = backend.check(source)
    errors = [m for m in messages if m.severity == "error"]
    assert errors and errors[0].pos is not None and errors[0].pos.line == 4
    fresh = make_backend("minilean", in_process=True)
    try:
        assert fresh.check(source) == messages  # same positions without header reuse
    finally:
        fresh.close()


def test_header_elaborated_once_per_process(backend):
    w = backend.workers[0]
    backend.start(AND)
    env = w.headers[AND.header]
    backend.start(OR)
    assert w.headers[OR.header] == env and len(w.headers) == 1


def test_batch_on_one_worker(backend):
    roots = backend.start_many([AND, OR])
    outs = backend.run_tactics([(roots[0], "constructor"), (roots[1], "exact h"), (roots[1], OR_PROOF[0])])
    assert isinstance(outs[0], ProofState) and isinstance(outs[1], LeanError) and isinstance(outs[2], ProofState)


@pytest.fixture(scope="module")
def inproc():
    b = make_backend("minilean", in_process=True)
    yield b, b.start(AND)
    b.close()


@settings(max_examples=150, deadline=None)
@given(tactic=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80))
def test_random_actions_never_raise(inproc, tactic):
    """check_env feeds random strings: every one gives an outcome value, never an exception."""
    backend, root = inproc
    out = backend.run_tactic(root, tactic, timeout=5)
    assert isinstance(out, ProofState | ProofClosed | LeanError)


def test_verify_takes_a_whole_proof_longer_than_one_action(backend):
    padding = "\n".join(["skip"] * 1200)  # about 6,000 characters: over the per-tactic limit, under the proof limit
    assert backend.verify(AND, [padding + "\nexact ⟨hp, hq⟩"]).ok
    too_long = backend.verify(AND, ["skip\n" * 20_000])
    assert not too_long.ok and "over the limit of 65536" in too_long.reason
