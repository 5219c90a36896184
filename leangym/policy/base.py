"""Candidates, the :class:`TacticPolicy` protocol, post-processing, and the scripted policy.

A policy is asked for ``k`` tactics for each of many states at once (one GPU batch); what it returns
is cleaned the same way for every backend by :func:`finalize`: tactics are stripped, inadmissible
ones (empty, leaving tactic mode, ``sorry``) dropped before they can reach Lean, duplicates merged
(keeping the best log-prob), and the rest sorted best first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from leangym.backend.guard import rejection_reason
from leangym.policy.formats import Observation, as_observation


@dataclass(frozen=True)
class Candidate:
    """One proposed tactic with its sequence log-probability under the policy.

    ``logprob`` is the sum of token log-probs of the completion including its end-of-sequence token;
    ``num_tokens`` counts those tokens, so search can length-normalise (BFS-Prover) without re-tokenising;
    ``token_ids`` are the sampled tokens where the backend knows them (RL trainers need the exact ids).
    """

    tactic: str
    logprob: float
    num_tokens: int = 1
    token_ids: tuple[int, ...] = field(default=(), compare=False)

    @property
    def mean_logprob(self) -> float:
        return self.logprob / max(1, self.num_tokens)


@runtime_checkable
class TacticPolicy(Protocol):
    """Anything that proposes tactics for many proof states in one call.

    ``observations[i]`` is the goal text (or an :class:`Observation` with theorem name and proof so
    far); the answer's ``i``-th list holds at most ``k`` distinct admissible candidates, best first.
    """

    def propose(self, observations: Sequence[str | Observation], k: int) -> list[list[Candidate]]: ...


_NEVER_VERIFIES = re.compile(r"\b(sorry|admit)\b")


def admissible(tactic: str) -> bool:
    """True when ``tactic`` may be sent to Lean.

    The backend's guard decides what leaves tactic mode (so policy and environments refuse the same
    actions); on top of it, ``sorry``/``admit`` are dropped since a proof using them never verifies.
    """
    return rejection_reason(tactic) is None and not _NEVER_VERIFIES.search(tactic)


def finalize(candidates: Iterable[Candidate], k: int) -> list[Candidate]:
    """Strip, drop inadmissible, merge duplicates (best log-prob wins), sort best first, keep ``k``."""
    best: dict[str, Candidate] = {}
    for c in candidates:
        t = c.tactic.strip()
        if not admissible(t):
            continue
        if t not in best or c.logprob > best[t].logprob:
            best[t] = Candidate(t, c.logprob, c.num_tokens, c.token_ids)
    return sorted(best.values(), key=lambda c: -c.logprob)[:k]


Script = Sequence[str] | Mapping[str, Sequence[str]] | Callable[[Observation], Sequence[str]]


class ScriptedPolicy:
    """A policy that proposes fixed tactics: for tests, baselines and the CLI's ``--policy scripted``.

    ``script`` is one list for every state, a mapping from goal text to a list (unknown states get
    ``default``), or a function of the :class:`Observation`. The ``i``-th tactic gets probability
    proportional to ``2**-i``, so best-first search tries them in the order given.
    """

    def __init__(self, script: Script, default: Sequence[str] = ()) -> None:
        self.script = script
        self.default = tuple(default)
        self.calls = 0  # batches served, so tests can check search batches its policy calls

    def _tactics(self, obs: Observation) -> Sequence[str]:
        if callable(self.script):
            return self.script(obs)
        if isinstance(self.script, Mapping):
            return self.script.get(obs.state, self.default)
        return self.script

    def propose(self, observations: Sequence[str | Observation], k: int) -> list[list[Candidate]]:
        self.calls += 1
        out = []
        for o in observations:
            tactics = list(self._tactics(as_observation(o)))
            z = math.log(sum(2.0**-i for i in range(len(tactics)))) if tactics else 0.0
            out.append(finalize((Candidate(t, -i * math.log(2.0) - z) for i, t in enumerate(tactics)), k))
        return out


#: Closing and splitting tactics MiniLean supports; a useful automation baseline (``--policy scripted``).
AUTOMATION_TACTICS: tuple[str, ...] = (
    "intros",
    "constructor",
    "assumption",
    "trivial",
    "contradiction",
    "simp",
    "norm_num",
    "linarith",
    "omega",
    "decide",
    "left",
    "right",
    "ring",
    "positivity",
    "nlinarith",
)


def reference_policy(references: Mapping[str, Sequence[str]], extra: Sequence[str] = ()) -> ScriptedPolicy:
    """A scripted policy that replays known proofs: at depth ``d`` of theorem ``name`` it proposes
    ``references[name][d]`` first, then the ``extra`` tactics (distractors that make search branch).
    """

    def script(obs: Observation) -> list[str]:
        ref = references.get(obs.name, ())
        d = len(obs.proof_before)
        return ([ref[d]] if d < len(ref) else []) + list(extra)

    return ScriptedPolicy(script)
