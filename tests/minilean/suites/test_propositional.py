"""The propositional generator: determinism, ids, truth of every statement, proof shapes."""

from __future__ import annotations

import itertools
import re

import pytest

from leangym.errors import ConfigError
from leangym.minilean.suites import FAMILIES, generate

ALLOWED_TACTICS = {
    "intro", "intros", "exact", "apply", "constructor", "left", "right", "cases", "rcases", "obtain",
    "exfalso", "contradiction", "assumption", "trivial",
}


def parse_prop(text: str):
    """An independent Lean 4 precedence parser for the propositional fragment (↔ 20, → 25 right,
    ∨ 30 right, ∧ 35 right, ¬ max with argument at 40), returning an evaluator."""
    toks = re.findall(r"[A-Za-z_][A-Za-z_0-9]*|[()¬∧∨→↔]", text)
    pos = 0

    def peek():
        return toks[pos] if pos < len(toks) else None

    def take():
        nonlocal pos
        pos += 1
        return toks[pos - 1]

    binops = {"↔": (20, 21, 21), "→": (25, 26, 25), "∨": (30, 31, 30), "∧": (35, 36, 35)}

    def expr(min_prec: int):
        tok = take()
        if tok == "¬":
            arg = expr(40)
            lhs = lambda env, a=arg: not a(env)  # noqa: E731
        elif tok == "(":
            lhs = expr(0)
            assert take() == ")"
        elif tok in ("True", "False"):
            lhs = lambda env, v=(tok == "True"): v  # noqa: E731
        else:
            lhs = lambda env, n=tok: env[n]  # noqa: E731
        while peek() in binops and binops[peek()][0] >= min_prec:
            op = take()
            prec, left_min, right_min = binops[op]
            assert prec >= min_prec
            rhs = expr(right_min)
            fn = {
                "↔": lambda a, b: a == b, "→": lambda a, b: (not a) or b,
                "∨": lambda a, b: a or b, "∧": lambda a, b: a and b,
            }[op]
            lhs = lambda env, f=fn, a=lhs, b=rhs: f(a(env), b(env))  # noqa: E731
            if op == "↔" and peek() == "↔":
                raise AssertionError("↔ is not associative in Lean; needs parentheses")
        return lhs

    result = expr(0)
    assert pos == len(toks), f"trailing tokens in {text!r}"
    return result


def split_statement(stmt: str):
    """(atoms, hypothesis texts, goal text) of ``theorem NAME (p q : Prop) (h1 : A) ... : G``."""
    m = re.match(r"theorem (\w+) (.*)$", stmt)
    assert m, stmt
    rest = m.group(2)
    atoms, hyps = [], []
    while rest.startswith("("):
        depths = list(itertools.accumulate((ch == "(") - (ch == ")") for ch in rest))
        close = depths.index(0)
        binder, rest = rest[1:close], rest[close + 1 :].lstrip()
        names, ty = binder.split(" : ", 1)
        if ty == "Prop":
            atoms += names.split()
        else:
            hyps.append(ty)
    assert rest.startswith(": ")
    return atoms, hyps, rest[2:]


@pytest.mark.parametrize("difficulty", [1, 2, 3, 4, 5])
def test_every_statement_is_a_tautology(difficulty):
    problems = generate("propositional", 40, seed=3, difficulty=difficulty)
    for p in problems:
        atoms, hyps, goal = split_statement(p.statement)
        hyp_fns = [parse_prop(h) for h in hyps]
        goal_fn = parse_prop(goal)
        for bits in itertools.product((False, True), repeat=len(atoms)):
            env = dict(zip(atoms, bits))
            if all(h(env) for h in hyp_fns):
                assert goal_fn(env), f"{p.statement} is false at {env}"


def test_ids_are_unique_and_stable():
    few = generate("propositional", 5, seed=7, difficulty=2)
    many = generate("propositional", 30, seed=7, difficulty=2)
    assert [p.statement for p in many[:5]] == [p.statement for p in few]
    assert [p.id for p in many[:5]] == [p.id for p in few]
    assert len({p.id for p in many}) == 30
    assert len({p.statement.split(" ", 2)[2] for p in many}) == 30
    other = generate("propositional", 5, seed=8, difficulty=2)
    assert [p.statement for p in other] != [p.statement for p in few]
    p = many[0]
    assert p.id == "minilean/propositional/d2/s7/0"
    assert p.meta == {"family": "propositional", "difficulty": 2}
    assert p.header == "import Mathlib\n" and p.source == "minilean"


def test_proofs_use_only_basic_tactics_and_lengths_grow_with_difficulty():
    mean = {}
    for d in (1, 3, 5):
        lengths = []
        for p in generate("propositional", 30, seed=0, difficulty=d):
            lines = [line for t in p.reference_proof for line in t.split("\n")]
            for line in lines:
                head = line.strip().lstrip("· ").split(" ")[0]
                assert head in ALLOWED_TACTICS, line
            lengths.append(len(lines))
        if d == 1:
            assert max(lengths) <= 3
        mean[d] = sum(lengths) / len(lengths)
    assert mean[1] < mean[3] < mean[5]
    assert mean[5] >= 8


def test_bad_arguments_say_what_was_expected():
    assert "propositional" in FAMILIES
    with pytest.raises(ConfigError, match="Did you mean 'propositional'"):
        generate("propositonal", 3)
    with pytest.raises(ConfigError, match="difficulty"):
        generate("propositional", 3, difficulty=0)
