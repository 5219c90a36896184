"""The ``propositional`` family: intuitionistic tautologies over Prop variables.

Statements are drawn at random (atoms, connectives, optional hypotheses as binders) and kept only
when a small goal-directed prover finds a proof whose tactic script is as long as the difficulty
asks. The prover emits the script it found, so every kept statement comes with a reference proof
that uses only basic tactics (intro, exact, apply, constructor, left/right, obtain/rcases,
exfalso, contradiction, trivial, ``·`` focusing). Each statement is also checked to be a classical
tautology by truth tables, which guards the prover itself.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

Formula = tuple
"""``("atom", name)``, ``("true",)``, ``("false",)``, ``("not", A)``, ``("and"|"or"|"imp"|"iff", A, B)``."""

ATOM_NAMES = ("p", "q", "r", "s", "t")
USES = "  -- uses "
"""Marks, inside the prover's scripts, the hypotheses a ``contradiction`` step relies on."""


@dataclass(frozen=True)
class Level:
    """Sampling parameters and the accepted script length (tactic lines) for one difficulty."""

    atoms: int
    depth: int
    max_hyps: int
    min_steps: int
    max_steps: int


LEVELS = {
    1: Level(atoms=2, depth=1, max_hyps=2, min_steps=1, max_steps=3),
    2: Level(atoms=3, depth=2, max_hyps=2, min_steps=3, max_steps=5),
    3: Level(atoms=3, depth=2, max_hyps=3, min_steps=5, max_steps=7),
    4: Level(atoms=4, depth=3, max_hyps=3, min_steps=6, max_steps=9),
    5: Level(atoms=4, depth=3, max_hyps=4, min_steps=8, max_steps=10),
}


def level(difficulty: int) -> Level:
    return LEVELS[min(max(difficulty, 1), max(LEVELS))]


# ---------------------------------------------------------------- printing (Lean 4 precedences)

_PREC = {"iff": 20, "imp": 25, "or": 30, "and": 35}
_SYM = {"iff": "↔", "imp": "→", "or": "∨", "and": "∧"}


def show(f: Formula, prec: int = 0) -> str:
    """Lean 4 text of ``f``: ∧ 35 and ∨ 30 and → 25 associate right, ↔ is 20 and non-associative,
    ¬ takes an argument at 40. Parentheses are added exactly where Lean needs them."""
    kind = f[0]
    if kind == "atom":
        return f[1]
    if kind == "true":
        return "True"
    if kind == "false":
        return "False"
    if kind == "not":
        return "¬" + show(f[1], 40 if f[1][0] != "not" else 0)
    p = _PREC[kind]
    if kind == "iff":
        text = f"{show(f[1], p + 1)} ↔ {show(f[2], p + 1)}"
    else:
        text = f"{show(f[1], p + 1)} {_SYM[kind]} {show(f[2], p)}"
    return f"({text})" if p < prec else text


def atoms_of(f: Formula) -> set[str]:
    if f[0] == "atom":
        return {f[1]}
    out: set[str] = set()
    for sub in f[1:]:
        out |= atoms_of(sub)
    return out


def value(f: Formula, env: dict[str, bool]) -> bool:
    kind = f[0]
    if kind == "atom":
        return env[f[1]]
    if kind in ("true", "false"):
        return kind == "true"
    if kind == "not":
        return not value(f[1], env)
    a, b = value(f[1], env), value(f[2], env)
    return {"and": a and b, "or": a or b, "imp": (not a) or b, "iff": a == b}[kind]


def entails(hyps: list[Formula], goal: Formula, names: list[str]) -> bool:
    """Classical entailment by truth tables."""
    for bits in itertools.product((False, True), repeat=len(names)):
        env = dict(zip(names, bits))
        if all(value(h, env) for h in hyps) and not value(goal, env):
            return False
    return True


def satisfiable(hyps: list[Formula], names: list[str]) -> bool:
    return any(
        all(value(h, dict(zip(names, bits))) for h in hyps)
        for bits in itertools.product((False, True), repeat=len(names))
    )


# ---------------------------------------------------------------- the tactic-emitting prover


def _block(lines: list[str]) -> str:
    """One ``·`` bullet holding ``lines`` (continuation lines indented by two spaces)."""
    return "· " + "\n  ".join("\n".join(lines).split("\n"))


def _wrap(term: str) -> str:
    return term if term.replace(".", "").replace("_", "").isalnum() else f"({term})"


class Prover:
    """A bounded, goal-directed search for a proof script in intuitionistic propositional logic.

    It is incomplete on purpose (bounded depth, no forward chaining through ``have``); statements it
    cannot prove are simply not generated. Every step it emits is a Lean 4 tactic whose effect it
    models exactly, so a found script closes the goal in Lean.
    """

    def __init__(self, rng: random.Random, budget: int = 4000):
        self.rng = rng
        self.budget = budget
        self.counter = 0
        self.chaining: list[Formula] = []

    def fresh(self, stem: str = "h") -> str:
        self.counter += 1
        return f"{stem}{self.counter}"

    def terms(self, ctx: list[tuple[str, Formula]]) -> dict[Formula, str]:
        """Proof terms built from hypotheses by projection, ``.mp``/``.mpr`` and application."""
        known: dict[Formula, str] = {}
        for name, f in ctx:
            known.setdefault(f, name)
        for _ in range(2):
            for f, t in list(known.items()):
                if f[0] == "and":
                    known.setdefault(f[1], f"{_wrap(t)}.1")
                    known.setdefault(f[2], f"{_wrap(t)}.2")
                elif f[0] == "iff":
                    if f[1] in known:
                        known.setdefault(f[2], f"{_wrap(t)}.mp {_wrap(known[f[1]])}")
                    if f[2] in known:
                        known.setdefault(f[1], f"{_wrap(t)}.mpr {_wrap(known[f[2]])}")
                elif f[0] == "imp" and f[1] in known:
                    known.setdefault(f[2], f"{t} {_wrap(known[f[1]])}")
                elif f[0] == "not" and f[1] in known:
                    known.setdefault(("false",), f"{t} {_wrap(known[f[1]])}")
        return known

    def prove(self, ctx: list[tuple[str, Formula]], goal: Formula, depth: int) -> list[str] | None:
        """A script closing ``goal`` from ``ctx``, preferring short ones: closing terms first, then
        the invertible goal steps, then backward chaining, and only then case splits on hypotheses
        (so that a script never destructs a hypothesis it does not need)."""
        self.budget -= 1
        if self.budget < 0 or depth < 0:
            return None
        forms = [f for _, f in ctx]
        for name, f in ctx:
            if f == goal:
                return [f"exact {name}"]
        if goal == ("true",):
            return ["trivial"]
        for name, f in ctx:
            if f[0] == "not" and f[1] in forms and goal != ("false",):
                other = next(n for n, g in ctx if g == f[1])
                return [f"contradiction{USES}{name} {other}"]
        known = self.terms(ctx)
        if goal in known:
            return [f"exact {known[goal]}"]
        if goal[0] == "and" and goal[1] in known and goal[2] in known:
            return [f"exact ⟨{known[goal[1]]}, {known[goal[2]]}⟩"]
        if ("false",) in known:
            close = f"exact {known[('false',)]}"
            return [close] if goal == ("false",) else ["exfalso", close]
        if goal[0] in ("imp", "not"):
            h = self.fresh()
            sub = self.prove(ctx + [(h, goal[1])], goal[2] if goal[0] == "imp" else ("false",), depth - 1)
            if sub is None:
                return None
            if sub[0].startswith("intro "):
                return [f"intro {h} {sub[0][len('intro '):]}", *sub[1:]]
            return [f"intro {h}", *sub]
        if goal[0] == "and":
            return self._split(ctx, [goal[1], goal[2]], depth)
        if goal[0] == "iff":
            return self._split(ctx, [("imp", goal[1], goal[2]), ("imp", goal[2], goal[1])], depth)
        for attempt in (self._chain, self._destruct):
            found = attempt(ctx, goal, depth)
            if found is not None:
                return found
        return None

    def _chain(self, ctx: list[tuple[str, Formula]], goal: Formula, depth: int) -> list[str] | None:
        """Non-invertible steps: choose a disjunct, or chain backwards through an implication."""
        options: list[tuple[str, list[Formula]]] = []
        if goal[0] == "or":
            options += [("left", [goal[1]]), ("right", [goal[2]])]
        for name, f in ctx:
            premises, concl = [], f
            while concl[0] == "imp":
                premises.append(concl[1])
                concl = concl[2]
            if concl == goal and premises:
                options.append((f"apply {name}", premises))
            if f[0] == "iff":
                if f[1] == goal:
                    options.append((f"apply {name}.mpr", [f[2]]))
                if f[2] == goal:
                    options.append((f"apply {name}.mp", [f[1]]))
            if f[0] == "not":
                pre = [] if goal == ("false",) else ["exfalso"]
                options.append(("\n".join([*pre, f"apply {name}"]), [f[1]]))
        self.rng.shuffle(options)
        # a subgoal already being chained towards on this branch would only lengthen the script
        options = [(step, subs) for step, subs in options if not any(g in self.chaining for g in subs)]
        self.chaining.append(goal)
        try:
            return self._try_options(ctx, options, depth)
        finally:
            self.chaining.pop()

    def _try_options(self, ctx, options: list[tuple[str, list[Formula]]], depth: int) -> list[str] | None:
        for step, subgoals in options:
            if len(subgoals) == 1:
                sub = self.prove(ctx, subgoals[0], depth - 1)
                if sub is not None:
                    return [*step.split("\n"), *sub]
            else:
                subs = self._split(ctx, subgoals, depth, head=step)
                if subs is not None:
                    return subs
        return None

    def _destruct(self, ctx: list[tuple[str, Formula]], goal: Formula, depth: int) -> list[str] | None:
        """Invertible steps on hypotheses: split a conjunction, or case on a disjunction."""
        for i, (name, f) in enumerate(ctx):
            if f[0] == "and":
                a, b = self.fresh(), self.fresh()
                rest = ctx[:i] + ctx[i + 1 :] + [(a, f[1]), (b, f[2])]
                sub = self.prove(rest, goal, depth - 1)
                return None if sub is None else [f"obtain ⟨{a}, {b}⟩ := {name}", *sub]
        for i, (name, f) in enumerate(ctx):
            if f[0] == "or":
                a, b = self.fresh(), self.fresh()
                rest = ctx[:i] + ctx[i + 1 :]
                left = self.prove(rest + [(a, f[1])], goal, depth - 1)
                right = None if left is None else self.prove(rest + [(b, f[2])], goal, depth - 1)
                if right is None:
                    return None
                return [f"rcases {name} with {a} | {b}", _block(left), _block(right)]
        return None

    def _split(self, ctx, goals: list[Formula], depth: int, head: str = "constructor") -> list[str] | None:
        subs = []
        for g in goals:
            sub = self.prove(ctx, g, depth - 1)
            if sub is None:
                return None
            subs.append(sub)
        return [head, *(_block(s) for s in subs)]


def script_length(script: list[str]) -> int:
    """Number of tactic lines (a bullet line counts as the tactic it starts)."""
    return sum(len(s.split("\n")) for s in script)


# ---------------------------------------------------------------- sampling


def random_formula(rng: random.Random, names: list[str], depth: int) -> Formula:
    if depth <= 0 or rng.random() < 0.2:
        return ("false",) if rng.random() < 0.02 else ("atom", rng.choice(names))
    kind = rng.choices(["and", "or", "imp", "not", "iff"], weights=[4, 3, 4, 2, 1])[0]
    if kind == "not":
        return ("not", random_formula(rng, names, depth - 1))
    return (kind, random_formula(rng, names, depth - 1), random_formula(rng, names, depth - 1))


def _degenerate(f: Formula) -> bool:
    """``A ∘ A`` anywhere, or a ``False`` below the top: shapes no one would state."""
    if f[0] in ("atom", "true", "false"):
        return False
    if len(f) == 3 and (f[1] == f[2] or ("false",) in f[1:]):
        return True
    return any(_degenerate(sub) for sub in f[1:])


def _finish(script: list[str], hyp_names: list[str], rng: random.Random) -> list[str] | None:
    """Require every hypothesis to be used, then vary the style: some ``exact h`` become
    ``assumption``, and ``contradiction`` markers lose their bookkeeping."""
    words = set(" ".join(script).replace("⟨", " ").replace("⟩", " ").replace(",", " ").replace(".", " ").split())
    if any(name not in words for name in hyp_names):
        return None

    def restyle(line: str) -> str:
        out = []
        for part in line.split("\n"):
            body = part.lstrip("· ")
            lead = part[: len(part) - len(body)]
            if USES in body:
                body = body[: body.index(USES)]
            elif body.startswith("exact h") and body[len("exact h") :].isdigit() and rng.random() < 0.3:
                body = "assumption"
            out.append(lead + body)
        return "\n".join(out)

    return [restyle(line) for line in script]


def sample(rng: random.Random, difficulty: int) -> tuple[list[Formula], Formula, list[str]] | None:
    """One attempt: hypotheses, goal and the reference script, or ``None`` if rejected."""
    lv = level(difficulty)
    names = list(ATOM_NAMES[: lv.atoms])
    n_hyps = rng.randint(0, lv.max_hyps)
    hyps = [random_formula(rng, names, rng.randint(0, max(lv.depth - 1, 1))) for _ in range(n_hyps)]
    goal = random_formula(rng, names, lv.depth + rng.randint(0, 1))
    if goal in hyps or goal[0] == "atom" and not hyps or len(set(hyps)) < len(hyps):
        return None
    if _degenerate(goal) or any(h[0] == "false" or _degenerate(h) for h in hyps):
        return None
    used = sorted(set().union(atoms_of(goal), *(atoms_of(h) for h in hyps)))
    if not satisfiable(hyps, used) or not entails(hyps, goal, used):
        return None
    prover = Prover(rng)
    hyp_names = [f"h{i + 1}" for i in range(len(hyps))]
    prover.counter = len(hyps)
    script = prover.prove(list(zip(hyp_names, hyps)), goal, depth=12)
    if script is None or not lv.min_steps <= script_length(script) <= lv.max_steps:
        return None
    final = _finish(script, hyp_names, rng)
    return None if final is None else (hyps, goal, final)


def statement(name: str, hyps: list[Formula], goal: Formula) -> str:
    used = set().union(atoms_of(goal), *(atoms_of(h) for h in hyps))
    atoms = [a for a in ATOM_NAMES if a in used]
    binders = []
    if atoms:
        binders.append(f"({' '.join(atoms)} : Prop)")
    binders += [f"(h{i + 1} : {show(h)})" for i, h in enumerate(hyps)]
    return f"theorem {name} {' '.join(binders)} : {show(goal)}".replace("  ", " ")
