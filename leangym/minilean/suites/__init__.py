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
from leangym.minilean.suites import algebra, numbers, propositional
from leangym.problems import Problem

MAX_ATTEMPTS = 20_000
"""Rejection-sampling attempts allowed per problem before the generator gives up."""
MAX_REPEATS = 2_000
"""Consecutive duplicate statements tolerated before a family is declared exhausted."""


Draw = tuple[str, tuple[str, ...]] | None


def _propositional_draw(rng: random.Random, difficulty: int) -> Draw:
    got = propositional.sample(rng, difficulty)
    if got is None:
        return None
    hyps, goal, script = got
    return propositional.statement("{name}", hyps, goal), tuple(script)


_DRAWS: dict[str, tuple[str, Callable[[random.Random, int], Draw]]] = {
    "propositional": ("prop", _propositional_draw),
    "linear": ("lin", algebra.linear),
    "systems": ("sys", algebra.systems),
    "inequalities": ("ineq", algebra.inequalities),
    "divisibility": ("dvd", numbers.divisibility),
    "existential": ("ex", numbers.existential),
    "functional": ("fn", algebra.functional),
    "induction": ("ind", numbers.induction),
}


def _mixture_draw(rng: random.Random, difficulty: int) -> Draw:
    """One problem from a family drawn uniformly (propositional included)."""
    family = rng.choice(sorted(_DRAWS))
    return _DRAWS[family][1](rng, difficulty)


_FAMILIES = {**_DRAWS, "mixture": ("mix", _mixture_draw)}

FAMILIES: tuple[str, ...] = tuple(_FAMILIES)

HEADER = "import Mathlib\n"
"""Every generated problem's header: ℕ ℤ ℚ ℝ notation and the arithmetic tactics come with Mathlib,
so real Lean needs it and MiniLean prints goals as Lean + Mathlib would."""


def _stream(draw: Callable[[random.Random, int], Draw], rng: random.Random, difficulty: int) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Rejection sampling: draws until one is accepted, for each problem asked."""
    while True:
        for _ in range(MAX_ATTEMPTS):
            got = draw(rng, difficulty)
            if got is not None:
                yield got
                break
        else:
            raise RuntimeError(f"generator {draw.__name__} found nothing at difficulty {difficulty}")


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
    stem, draw = _FAMILIES[family]
    rng = random.Random(f"{family}:{seed}:{difficulty}")
    seen: set[str] = set()
    problems: list[Problem] = []
    stream = _stream(draw, rng, difficulty)
    repeats = 0
    while len(problems) < n:
        template, proof = next(stream)
        if template in seen:
            repeats += 1
            if repeats > MAX_REPEATS:
                raise ConfigError(
                    f"family {family!r} at difficulty {difficulty} ran out of distinct problems after "
                    f"{len(problems)}; ask for fewer or use another seed or difficulty"
                )
            continue
        repeats = 0
        seen.add(template)
        index = len(problems)
        name = f"{stem}_d{difficulty}_s{seed}_{index}".replace("-", "m")
        problems.append(
            Problem(
                id=f"minilean/{family}/d{difficulty}/s{seed}/{index}",
                statement=template.replace("{name}", name, 1),
                header=HEADER,
                source="minilean",
                reference_proof=proof,
                meta={"family": family, "difficulty": difficulty},
            )
        )
    return problems
