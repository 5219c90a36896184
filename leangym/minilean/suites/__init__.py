"""Seeded problem generators for MiniLean, one family per module.

``generate(family, n, seed=..., difficulty=...)`` returns ``n`` distinct problems. Generation is
sequential from one random stream per ``(family, seed, difficulty)``, so problem ``i`` is the same
whatever ``n`` is asked for (ids are stable), and statements never repeat within a stream.
Every statement is checked true before it is returned and carries a reference proof.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from leangym.errors import ConfigError
from leangym.minilean.suites import propositional
from leangym.problems import Problem

MAX_ATTEMPTS = 200_000
"""Rejection-sampling attempts allowed per problem before the generator gives up."""


def _propositional(rng: random.Random, difficulty: int) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Yield ``(statement_without_name, proof)``; the name is filled in by :func:`generate`."""
    while True:
        for _ in range(MAX_ATTEMPTS):
            got = propositional.sample(rng, difficulty)
            if got is not None:
                hyps, goal, script = got
                yield propositional.statement("{name}", hyps, goal), tuple(script)
                break
        else:
            raise RuntimeError(f"propositional generator found nothing at difficulty {difficulty}")


_FAMILIES: dict[str, tuple[str, Callable[[random.Random, int], Iterator[tuple[str, tuple[str, ...]]]]]] = {
    "propositional": ("prop", _propositional),
}

FAMILIES: tuple[str, ...] = tuple(_FAMILIES)


def generate(family: str, n: int, *, seed: int = 0, difficulty: int = 1) -> list[Problem]:
    """Return ``n`` true problems of ``family`` with reference proofs.

    ``difficulty`` (1 = one to three tactic steps, higher = longer proofs) shapes the sampler;
    ``seed`` picks the stream. Ids read ``minilean/<family>/d<difficulty>/s<seed>/<index>``.
    """
    if family not in _FAMILIES:
        import difflib

        close = difflib.get_close_matches(family, FAMILIES, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise ConfigError(f"unknown problem family {family!r}; expected one of {FAMILIES}.{hint}")
    if n < 0:
        raise ConfigError(f"n must be >= 0, got {n}; pass the number of problems wanted")
    if difficulty < 1:
        raise ConfigError(f"difficulty must be >= 1, got {difficulty}; 1 is the easiest level")
    stem, make = _FAMILIES[family]
    rng = random.Random(f"{family}:{seed}:{difficulty}")
    seen: set[str] = set()
    problems: list[Problem] = []
    stream = make(rng, difficulty)
    while len(problems) < n:
        template, proof = next(stream)
        if template in seen:
            continue
        seen.add(template)
        index = len(problems)
        name = f"{stem}_d{difficulty}_s{seed}_{index}".replace("-", "m")
        problems.append(
            Problem(
                id=f"minilean/{family}/d{difficulty}/s{seed}/{index}",
                statement=template.replace("{name}", name, 1),
                header="",
                source="minilean",
                reference_proof=proof,
                meta={"family": family, "difficulty": difficulty},
            )
        )
    return problems
