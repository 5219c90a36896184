"""The candidate generator: goal text -> tactics worth trying, and the policies built on it.

:class:`CandidateGenerator` is the one place where leangym derives tactics from a goal without a model:
closing tactics (``assumption``, ``norm_num``, ``linarith``, ...), structural ones (``constructor``,
``intro``, ``left``, ...) and tactics built from the first goal's hypothesis names (``exact h``,
``obtain ⟨h1, h2⟩ := h``, ``rcases h with h1 | h1``). It is deterministic: the same goal text always
gives the same list in the same order.

Three ways to use it:

- :class:`GeneratorPolicy`: the generator alone as a :class:`~leangym.policy.base.TacticPolicy` (its
  candidates in a uniformly random order seeded by the state, all with the same log-prob);
- :class:`ModelChoosesPolicy`: a language model scores every candidate in one teacher-forced pass
  (:meth:`leangym.policy.HFPolicy.rank`), adds its own samples, and search tries them in the model's
  order, ``k`` per expansion, so the model decides what is tried;
- :class:`leangym.wrappers.CandidateInfo`: ``info["candidates"]`` for env users.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from leangym.errors import ConfigError
from leangym.goals import parse_goal
from leangym.policy.base import Candidate, TacticPolicy, finalize
from leangym.policy.formats import Observation, as_observation

CLOSERS: tuple[str, ...] = (
    "assumption",
    "trivial",
    "rfl",
    "contradiction",
    "norm_num",
    "linarith",
    "omega",
    "positivity",
    "ring",
    "simp",
    "decide",
)
"""Tactics that close a goal outright when they apply."""

STRUCTURAL: tuple[str, ...] = ("constructor", "intros", "left", "right", "exfalso")
"""Tactics that split or reshape a goal."""

_TYPE_WORDS = {"Prop", "ℕ", "ℤ", "ℚ", "ℝ", "Nat", "Int", "Rat", "Real", "Type"}
_IDENT = re.compile(r"[A-Za-z_][A-Za-z_0-9']*")


@dataclass(frozen=True)
class CandidateGenerator:
    """Goal text -> the tactics worth trying on its first goal (deterministic, duplicates removed).

    ``closers`` and ``structural`` are tried on every goal; ``intro`` gets a fresh name when the target is
    an implication, a negation or a ``∀``; each propositional hypothesis ``h`` adds ``exact h`` and ``apply
    h``, plus ``obtain`` for ``∧``/``↔``/``∃``, ``rcases`` for ``∨`` and ``exact absurd`` for ``¬``. On an
    inequality over numeric variables it adds ``nlinarith`` with square hints (:func:`square_hints`).
    """

    closers: tuple[str, ...] = CLOSERS
    structural: tuple[str, ...] = STRUCTURAL
    hints: int = 8
    """At most this many ``nlinarith [sq_nonneg ...]`` candidates on an inequality goal (0: none)."""

    def __call__(self, goal_text: str) -> list[str]:
        first = goal_text.split("\n\n")[0]
        goal = parse_goal(first)
        target = goal.target
        hyps = [
            (h.name, h.type)
            for h in goal.hypotheses
            if not _is_variable(h.type) and "✝" not in h.name and h.value is None
        ]
        taken = {h.name for h in goal.hypotheses} | set(_IDENT.findall(first))
        fresh = [f"h{i}" for i in range(1, 40) if f"h{i}" not in taken]
        tactics = list(self.closers)
        if target.startswith("∀"):
            tactics.append(f"intro {next(v for v in ('x', 'y', 'z', 'n', 'm', 'k', *fresh) if v not in taken)}")
        elif target.startswith("¬") or "→" in target:
            tactics.append(f"intro {fresh[0]}")
        tactics.extend(self.structural)
        for name, typ in hyps:
            tactics += [f"exact {name}", f"apply {name}"]
            if "∧" in typ or "↔" in typ or "∃" in typ:
                tactics.append(f"obtain ⟨{fresh[0]}, {fresh[1]}⟩ := {name}")
            if "∨" in typ:
                tactics.append(f"rcases {name} with {fresh[0]} | {fresh[0]}")
            if typ.startswith("¬"):
                tactics.append(f"exact absurd {name} (by assumption)")
        if self.hints and _ORDER.search(target):
            numeric = [h.name for h in goal.hypotheses if h.type in _NUMBER_TYPES and "✝" not in h.name]
            tactics.extend(f"nlinarith [{hint}]" for hint in square_hints(numeric, target)[: self.hints])
        return list(dict.fromkeys(tactics))


_ORDER = re.compile(r"[≤<≥>]")
_NUMBER_TYPES = {"ℕ", "ℤ", "ℚ", "ℝ"}


def square_hints(variables: Sequence[str], target: str) -> list[str]:
    """``sq_nonneg`` terms a human would try first on an inequality: the hint terms that take arguments.

    For each pair of variables ``a``, ``b`` (in order of appearance): ``sq_nonneg (a - b)`` and
    ``sq_nonneg (a + b)``, the generic hint set. Hints that need a computation (completing the square,
    ``sq_nonneg (3 * a - 4 * b)``) are left to the policy. Only variables the target mentions count.
    """
    used = [v for v in dict.fromkeys(variables) if re.search(rf"(?<![\w.']){re.escape(v)}(?![\w'])", target)]
    hints = []
    for i, a in enumerate(used):
        for b in used[i + 1 :]:
            hints += [f"sq_nonneg ({a} - {b})", f"sq_nonneg ({a} + {b})"]
    return list(dict.fromkeys(hints))


def _is_variable(typ: str) -> bool:
    """A hypothesis whose type is a type (``x : ℝ``, ``f : ℕ → ℕ``) declares a variable, not a fact."""
    return typ in _TYPE_WORDS or typ.split(" → ")[0] in _TYPE_WORDS


def state_rng(seed: int, state: str) -> random.Random:
    """A generator seeded by ``seed`` and the goal text: the same draw for the same state in every process."""
    return random.Random(zlib.crc32(f"{seed}\0{state}".encode()))


class GeneratorPolicy:
    """The candidate generator as a :class:`TacticPolicy`: no learning, no preference.

    For each state it proposes the generator's candidates in a uniformly random order, the first ``k`` of
    them, every one with log-prob 0. The order is seeded by ``seed`` and the goal text, so an evaluation
    is reproducible and a state reached twice gets the same tactics. Asked for every candidate once
    (``SearchConfig.slice_proposals``), search tries them ``samples`` per expansion in that order.
    """

    def __init__(self, generator: CandidateGenerator | None = None, *, seed: int = 0) -> None:
        self.generator = generator or CandidateGenerator()
        self.seed = seed

    def propose(self, observations: Sequence[str | Observation], k: int) -> list[list[Candidate]]:
        out = []
        for o in observations:
            state = as_observation(o).state
            tactics = self.generator(state)
            state_rng(self.seed, state).shuffle(tactics)
            out.append(finalize((Candidate(t, 0.0) for t in tactics), k))
        return out


@runtime_checkable
class RankingPolicy(TacticPolicy, Protocol):
    """A policy that can also score given tactics (teacher-forced log-probs), e.g. :class:`HFPolicy`."""

    def rank(
        self, observations: Sequence[str | Observation], tactics: Sequence[Sequence[str]]
    ) -> list[list[Candidate]]: ...


class ModelChoosesPolicy:
    """The model chooses: generator candidates scored by the model, plus its own samples, best first.

    Each call makes one sampling call (``samples`` per state; none with ``samples=0``) and one batched
    teacher-forced scoring pass over every (state, candidate) pair. Both kinds of candidate carry the
    model's log-prob of the tactic given the state, so they compete on the same scale; the ``k`` the model
    likes best are returned. Search asks for all of them once per state and tries them ``k`` per expansion
    in the model's order (``SearchConfig.slice_proposals``), so the model's choices decide what is tried.
    """

    def __init__(
        self, policy: RankingPolicy, generator: CandidateGenerator | None = None, *, samples: int = 4
    ) -> None:
        if not isinstance(policy, RankingPolicy):
            raise ConfigError(
                f"{type(policy).__name__} cannot score given tactics (it has no rank()); the model-ranked "
                "modes need a policy such as HFPolicy, or use mode 'policy_only' or a generator mode"
            )
        self.policy = policy
        self.generator = generator or CandidateGenerator()
        self.samples = samples

    def propose(self, observations: Sequence[str | Observation], k: int) -> list[list[Candidate]]:
        obs = [as_observation(o) for o in observations]
        sampled = self.policy.propose(obs, self.samples) if self.samples else [[] for _ in obs]
        scored = self.policy.rank(obs, [self.generator(o.state) for o in obs])
        return [finalize([*s, *g], k) for s, g in zip(sampled, scored)]
