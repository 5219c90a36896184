"""Adversarial: false first-order statements with a finite countermodel never verify.

Random statements over uninterpreted symbols, ``(α : Type) (P Q : α → Prop) (R : α → α → Prop)
(f : α → α) (c : α)`` and hypotheses, are kept only when a brute-force search over interpretations on
domains of size 1–3 finds a countermodel: every hypothesis true and the goal false. Such a model is
an instance of the theorem's binders (α := Fin n), so the theorem is false in Lean. The ℕ variant
(``P Q : ℕ → Prop`` …, the constant written ``0``) has no equality: a model on a finite domain D
pulls back along a surjection g : ℕ → D with g 0 = c (P n := P_D (g n), f n := s (f_D (g n)) for a
section s of g), and equality-free formulas keep their truth value under such a pullback.

Each statement is attacked with structure-aware scripts (2–5 steps: intro/obtain/specialize/use,
simp/norm_num at, push_neg, by_contra!, tauto, simp_all, exact/apply), with names chosen to
collide: bound names reused as hypothesis names, the obtained witness named like the goal's binder.
``HAND`` lists hand-written attacks on the known root causes and their variants, each group with
the reason the statement is false; ``ORDER`` attacks linear-order laws on the pointwise partial
order of ``ℕ → ℝ``. Controls next to them must verify.

The CI run is seeded and small; ``python tests/minilean/test_adversarial_countermodels.py N SEED``
runs a longer attack.
"""

from __future__ import annotations

import itertools
import random
import sys
from dataclasses import dataclass

import pytest

from leangym.backend import make_backend

from .helpers import verify

# -- formulas ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class F:
    """A formula or term: ``op`` and children; variables and constants are strings in ``args``."""

    op: str
    args: tuple = ()


VARS = ["x", "y", "z"]


def _term(r: random.Random, scope: list[str]) -> F:
    c = r.random()
    base = F("var", (r.choice(scope),)) if scope and c < 0.75 else F("c")
    if r.random() < 0.2:
        return F("f", (base,))
    return base


def _atom(r: random.Random, scope: list[str], equality: bool) -> F:
    c = r.random()
    if c < 0.35:
        return F("P", (_term(r, scope),))
    if c < 0.6:
        return F("Q", (_term(r, scope),))
    if c < 0.9 or not equality:
        return F("R", (_term(r, scope), _term(r, scope)))
    return F("eq", (_term(r, scope), _term(r, scope)))


def formula(r: random.Random, depth: int, scope: list[str], equality: bool) -> F:
    if depth == 0 or r.random() < 0.25:
        return _atom(r, scope, equality)
    c = r.random()
    if c < 0.4:
        v = r.choice(VARS)
        return F(r.choice(["all", "ex"]), (v, formula(r, depth - 1, scope + [v], equality)))
    if c < 0.5:
        return F("not", (formula(r, depth - 1, scope, equality),))
    return F(r.choice(["and", "or", "imp", "iff"]), (formula(r, depth - 1, scope, equality),
                                                    formula(r, depth - 1, scope, equality)))


def mutate(r: random.Random, p: F) -> F:
    """A near miss of ``p``: swap ∀/∃ or quantifier order, swap R's arguments, drop a negation."""
    if p.op in ("all", "ex"):
        v, body = p.args
        c = r.random()
        if c < 0.35:
            return F("ex" if p.op == "all" else "all", (v, body))
        if c < 0.6 and body.op in ("all", "ex") and body.op != p.op:
            w, inner = body.args
            return F(body.op, (w, F(p.op, (v, inner))))
        return F(p.op, (v, mutate(r, body)))
    if p.op == "not":
        return p.args[0] if r.random() < 0.5 else F("not", (mutate(r, p.args[0]),))
    if p.op == "R":
        return F("R", (p.args[1], p.args[0]))
    if p.op in ("and", "or", "imp", "iff"):
        a, b = p.args
        c = r.random()
        if c < 0.3:
            return F(p.op, (b, a))
        if c < 0.5:
            return F({"and": "or", "or": "and", "imp": "iff", "iff": "imp"}[p.op], (a, b))
        return F(p.op, (mutate(r, a), b) if r.random() < 0.5 else (a, mutate(r, b)))
    if p.op == "P":
        return F("Q", p.args)
    if p.op == "Q":
        return F("P", p.args)
    return F("not", (p,))


_PREC = {"iff": 20, "imp": 25, "or": 30, "and": 35}


def show(p: F, const: str, prec: int = 0) -> str:
    """Lean source; quantifier bodies extend as far as possible, so they are parenthesised."""
    op = p.op
    if op == "var":
        return p.args[0]
    if op == "c":
        return const
    if op == "f":
        return f"f {show(p.args[0], const, 1000)}" if prec < 1000 else f"(f {show(p.args[0], const, 1000)})"
    if op in ("P", "Q"):
        return f"{op} {show(p.args[0], const, 1000)}"
    if op == "R":
        return f"R {show(p.args[0], const, 1000)} {show(p.args[1], const, 1000)}"
    if op == "eq":
        s = f"{show(p.args[0], const, 51)} = {show(p.args[1], const, 51)}"
        return f"({s})" if prec > 50 else s
    if op == "not":
        return f"¬{show(p.args[0], const, 1000)}"
    if op in ("all", "ex"):
        s = f"{'∀' if op == 'all' else '∃'} {p.args[0]}, {show(p.args[1], const, 0)}"
        return f"({s})" if prec > 0 else s
    sym = {"and": "∧", "or": "∨", "imp": "→", "iff": "↔"}[op]
    mine = _PREC[op]
    # ∧ ∨ → associate right; ↔ is non-associative: parenthesise both sides at its level
    left = show(p.args[0], const, mine + 1)
    right = show(p.args[1], const, mine + 1 if op == "iff" else mine)
    s = f"{left} {sym} {right}"
    return f"({s})" if prec > mine else s


@dataclass
class Model:
    n: int
    P: frozenset
    Q: frozenset
    R: frozenset
    f: tuple
    c: int


def _val(t: F, m: Model, env: dict) -> int:
    if t.op == "var":
        return env[t.args[0]]
    if t.op == "c":
        return m.c
    return m.f[_val(t.args[0], m, env)]


def holds(p: F, m: Model, env: dict | None = None) -> bool:
    env = env or {}
    op = p.op
    if op == "P":
        return _val(p.args[0], m, env) in m.P
    if op == "Q":
        return _val(p.args[0], m, env) in m.Q
    if op == "R":
        return (_val(p.args[0], m, env), _val(p.args[1], m, env)) in m.R
    if op == "eq":
        return _val(p.args[0], m, env) == _val(p.args[1], m, env)
    if op == "not":
        return not holds(p.args[0], m, env)
    if op == "and":
        return holds(p.args[0], m, env) and holds(p.args[1], m, env)
    if op == "or":
        return holds(p.args[0], m, env) or holds(p.args[1], m, env)
    if op == "imp":
        return not holds(p.args[0], m, env) or holds(p.args[1], m, env)
    if op == "iff":
        return holds(p.args[0], m, env) == holds(p.args[1], m, env)
    v, body = p.args
    vals = (holds(body, m, {**env, v: d}) for d in range(m.n))
    return all(vals) if op == "all" else any(vals)


def _random_model(r: random.Random, n: int) -> Model:
    dom = range(n)
    return Model(n, frozenset(d for d in dom if r.random() < 0.5), frozenset(d for d in dom if r.random() < 0.5),
                 frozenset(pq for pq in itertools.product(dom, dom) if r.random() < 0.5),
                 tuple(r.randrange(n) for _ in dom), r.randrange(n))


def countermodel(hyps: list[F], goal: F, r: random.Random, tries: int = 150) -> Model | None:
    """A model on 1–3 elements where every hypothesis holds and the goal fails, or None."""
    for n in (1, 2, 3):
        for _ in range(tries):
            m = _random_model(r, n)
            if all(holds(h, m) for h in hyps) and not holds(goal, m):
                return m
    return None


# -- statements and scripts --------------------------------------------------------------------


@dataclass
class Case:
    statement: str
    hyp_names: list[str]
    hyps: list[F]
    goal: F
    const: str
    model: Model


HYP_NAMES = [["h"], ["h", "h1"], ["x"], ["x", "y"], ["h", "x"], ["hx", "h"]]


def _quantified(r: random.Random, equality: bool) -> F:
    """Mostly a quantifier on top, so the statements exercise bound variables."""
    if r.random() < 0.75:
        v = r.choice(VARS)
        return F(r.choice(["all", "ex"]), (v, formula(r, r.choice([1, 2, 3]), [v], equality)))
    return formula(r, r.choice([2, 3]), [], equality)


def random_case(r: random.Random) -> Case | None:
    over_nat = r.random() < 0.35
    const = "0" if over_nat else "c"
    n_hyps = r.choice([1, 1, 2])
    hyps = [_quantified(r, not over_nat) for _ in range(n_hyps)]
    goal = mutate(r, r.choice(hyps)) if r.random() < 0.6 else _quantified(r, not over_nat)
    model = countermodel(hyps, goal, r)
    if model is None:
        return None
    names = r.choice([ns for ns in HYP_NAMES if len(ns) == n_hyps] or [["h", "h1"]])
    binders = "".join(f" ({nm} : {show(h, const)})" for nm, h in zip(names, hyps))
    if over_nat:
        sig = "(P Q : ℕ → Prop) (R : ℕ → ℕ → Prop) (f : ℕ → ℕ)"
    else:
        sig = "(α : Type) (P Q : α → Prop) (R : α → α → Prop) (f : α → α) (c : α)"
    return Case(f"theorem t {sig}{binders} : {show(goal, const)}", names, hyps, goal, const, model)


def _bound(p: F) -> list[str]:
    if p.op in ("all", "ex"):
        return [p.args[0]] + _bound(p.args[1])
    return [v for a in p.args if isinstance(a, F) for v in _bound(a)]


def random_script(r: random.Random, case: Case) -> str:
    """2–5 steps shaped by the statement: open the goal's binders, destructure or instantiate the
    hypotheses (with colliding names), rewrite, then a closer."""
    names = VARS + case.hyp_names + ["hx", "hy", "h'", "this"]
    terms = [case.const, "x", "y", "z", "_", f"(f {case.const})"]
    hyp = r.choice(case.hyp_names)
    steps: list[str] = []
    if r.random() < 0.4:  # normalise first: the simplifiers rename bound variables
        tool = r.choice(["norm_num", "simp", "field_simp", "simp_all", "norm_num"])
        steps += r.choice([[f"{tool} at {hyp}", tool], [f"{tool} at {hyp} ⊢"], [f"{tool} at *"], [f"{tool} at {hyp}"]])
    goal = case.goal
    while goal.op in ("all", "ex") and r.random() < 0.85:
        if goal.op == "all":
            steps.append(f"intro {r.choice([goal.args[0], r.choice(names)])}")
        else:
            steps.append(r.choice([f"use {r.choice(terms)}", f"refine ⟨{r.choice(terms)}, ?_⟩",
                                   f"exists {r.choice(terms)}"]))
        goal = goal.args[1]
    a, b = r.choice(names), r.choice(["hx", "hy", "h'", "this"] + case.hyp_names)
    destruct = {  # shaped by the hypothesis' top connective
        "ex": [f"obtain ⟨{a}, {b}⟩ := {hyp}", f"rcases {hyp} with ⟨{a}, {b}⟩"],
        "all": [f"specialize {hyp} {r.choice(terms)}", f"have {b} := {hyp} {r.choice(terms)}"],
        "and": [f"obtain ⟨{a}, {b}⟩ := {hyp}"],
        "or": [f"rcases {hyp} with {b} | {b}"],
        "iff": [f"rw [{hyp}]", f"have {b} := {hyp}.mp"],
        "not": [f"push_neg at {hyp}", f"simp only [not_exists, not_forall] at {hyp}"],
    }
    top = case.hyps[case.hyp_names.index(hyp)].op
    if top in destruct and r.random() < 0.7:
        steps.append(r.choice(destruct[top]))
        if r.random() < 0.6:  # the closer most likely to exploit a leak: the destructured fact itself
            steps.append(r.choice([f"exact {b}", "assumption", f"exact {b} _", f"exact {b} {r.choice(terms)}"]))
            return "\n".join(steps)
    pool = [
        f"obtain ⟨{r.choice(names)}, {r.choice(names)}⟩ := {hyp}",
        f"rcases {hyp} with ⟨{r.choice(names)}, {r.choice(names)}⟩",
        f"specialize {hyp} {r.choice(terms)}",
        f"have {r.choice(names)} := {hyp} {r.choice(terms)}",
        f"norm_num at {hyp}", f"simp at {hyp}", f"push_neg at {hyp}", f"norm_num at {hyp} ⊢", "simp at *",
        "norm_num", "simp", "push_neg", f"by_contra! {r.choice(names)}", f"by_contra {r.choice(names)}",
        f"intro {r.choice(names)}", "constructor", "left", "right", f"field_simp at {hyp}",
        f"rcases {hyp} with {r.choice(names)} | {r.choice(names)}", f"cases {hyp}",
        f"simp only [{hyp}] at *", f"rw [{hyp}]", f"apply {hyp}", f"exact {hyp} {r.choice(terms)}",
    ]
    for _ in range(r.choice([0, 1, 1, 2])):
        steps.append(r.choice(pool))
    closers = [f"exact {hyp}", f"exact {r.choice(names)}", f"apply {hyp}", "assumption", "tauto", "simp_all",
               "trivial", f"exact {hyp} _", f"exact {hyp} {r.choice(terms)}", f"exact fun {r.choice(VARS)} => {hyp} _",
               f"exact ⟨{r.choice(terms)}, {hyp} _⟩", "aesop", "contradiction", f"simpa using {hyp}",
               f"exact {r.choice(names)} {r.choice(terms)}", "norm_num at *", "simp_all [" + hyp + "]",
               f"exact absurd {hyp} (by simp)", "decide", "omega"]
    steps.append(r.choice(closers))
    if r.random() < 0.15:
        steps.append("all_goals " + r.choice(closers))
    return "\n".join(steps)


def random_cases(n: int, seed: int) -> list[Case]:
    r = random.Random(seed)
    out: list[Case] = []
    seen = set()
    while len(out) < n:
        case = random_case(r)
        if case is not None and case.statement not in seen:
            seen.add(case.statement)
            out.append(case)
    return out


N_STATEMENTS, N_SCRIPTS, SEED = 150, 50, 20260517


def attack(case: Case, n_scripts: int, seed: int, verify) -> list[str]:
    """The scripts (of ``n_scripts`` random ones) that ``verify`` accepted."""
    r = random.Random(seed)
    return [s for s in (random_script(r, case) for _ in range(n_scripts)) if verify(case.statement, s)]


# -- hand-written attacks ----------------------------------------------------------------------

NUM_LEAK = "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nexact hz"

# (statement, proof); every statement is false (see each group's comment)
HAND = [
    # (1) bound names leaking through the arithmetic bridge. `∃ x, P x` does not give `∀ x, P x`
    # (P := (· = 0)); the simplifiers rename bound `x` to an internal `x⁺N` that later matches.
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x", NUM_LEAK),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "simp at h\nsimp\nintro y\nobtain ⟨z, hz⟩ := h\nexact hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nsimp\nintro y\nobtain ⟨z, hz⟩ := h\nexact hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "field_simp at h\nfield_simp\nintro y\nobtain ⟨z, hz⟩ := h\nexact hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nnorm_num\nintro y\nrcases h with ⟨z, hz⟩\nexact hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nnorm_num\nintro y\ncases h with\n| intro z hz => exact hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nnorm_num\nrintro y\nobtain ⟨_, hz⟩ := h\nexact hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nassumption"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\ntauto"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nsimp_all"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nnorm_num\nexact fun y => by obtain ⟨z, hz⟩ := h; exact hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nconvert hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nsimpa using hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nexact (hz : _)"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nrefine hz"),
    # (∃ y, ∀ x, R x y) follows from (∀ x, ∃ y, R x y) only in the other direction (R := (· = ·))
    ("theorem t (R : ℕ → ℕ → Prop) (h : ∀ x : ℕ, ∃ y : ℕ, R x y) : ∃ y : ℕ, ∀ x : ℕ, R x y",
     "norm_num at h ⊢\nexact h"),
    ("theorem t (R : ℕ → ℕ → Prop) (h : ∀ x : ℕ, ∃ y : ℕ, R x y) : ∃ y : ℕ, ∀ x : ℕ, R x y",
     "simp at h ⊢\nobtain ⟨y, hy⟩ := h 0\nuse y\nintro x\nexact hy"),
    ("theorem t (R : ℕ → ℕ → Prop) (h : ∀ x : ℕ, ∃ y : ℕ, R x y) : ∃ y : ℕ, ∀ x : ℕ, R x y",
     "norm_num at h\nobtain ⟨y, hy⟩ := h 0\nnorm_num\nuse y\nintro x\nexact hy"),
    # arithmetic under the binders (the bridge's own ground): x + 0 = x is fine, but ∃ ≠ ∀
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P (x + 0)) : ∀ x : ℕ, P x", NUM_LEAK),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P (x * 1)) : ∀ x : ℕ, P (x + 0)", NUM_LEAK),
    ("theorem t (f : ℕ → ℕ) (h : ∃ x : ℕ, f x = 0) : ∀ x : ℕ, f x = 0", NUM_LEAK),
    ("theorem t (f : ℕ → ℕ) (h : ∃ x : ℕ, f x = 0) : ∀ x : ℕ, f x = 0",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nomega"),
    ("theorem t (f : ℕ → ℕ) (h : ∃ x : ℕ, f x = 0) : ∀ x : ℕ, f x = 0",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nlinarith"),
    ("theorem t (f : ℝ → ℝ) (h : ∃ x : ℝ, f x > 0) : ∀ x : ℝ, f x > 0",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nlinarith"),
    ("theorem t (f : ℝ → ℝ) (h : ∃ x : ℝ, f x > 0) : ∀ x : ℝ, f x > 0",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nnlinarith [hz]"),
    ("theorem t (f : ℝ → ℝ) (h : ∃ x : ℝ, f x > 0) : ∀ x : ℝ, f x > 0",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\npositivity"),
    # a user local named like the internal names: «x⁺0» is just a name in Lean
    ("theorem t (P : ℕ → Prop) («x⁺0» : ℕ) (h : ∃ x : ℕ, P x) : P «x⁺0»",
     "norm_num at h\nobtain ⟨z, hz⟩ := h\nexact hz"),
    ("theorem t (P : ℕ → Prop) («x⁺0» : ℕ) (h : ∃ x : ℕ, P x) : P «x⁺0»",
     "norm_num at h\nobtain ⟨«x⁺0», hz⟩ := h\nexact hz"),
    ("theorem t (P : ℕ → Prop) («x⁺1» : ℕ) (h : ∃ x : ℕ, P x) : P «x⁺1»",
     "norm_num at h\nnorm_num\nobtain ⟨z, hz⟩ := h\nexact hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ «x⁺0» : ℕ, P «x⁺0»",
     "norm_num at h\nintro y\nobtain ⟨z, hz⟩ := h\nexact hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ «x⁺0» : ℕ, P «x⁺0»",
     "norm_num at h\nobtain ⟨z, hz⟩ := h\nexact fun _ => hz"),
    # simp_all / simp [h] / norm_num [h] with a ∀-hypothesis whose bound names leak
    ("theorem t (P Q : ℕ → Prop) (h : ∀ x : ℕ, P x → Q x) (h2 : ∃ x : ℕ, P x) : ∀ x : ℕ, Q x",
     "norm_num at h2\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h2\nexact h z hz"),
    ("theorem t (P Q : ℕ → Prop) (h : ∀ x : ℕ, P x → Q x) (h2 : ∃ x : ℕ, P x) : ∀ x : ℕ, Q x",
     "norm_num at h2\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h2\napply h\nexact hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : P 0",
     "norm_num at h\nobtain ⟨z, hz⟩ := h\nsimp_all"),
    # (2) `apply`/`exact` capturing variables under binders: `∀ b a, a + 0 = b` says all naturals
    # are equal
    ("theorem t (h : ∀ a b : ℕ, b + 0 = b) : ∀ b a : ℕ, a + 0 = b", "apply h"),
    ("theorem t (h : ∀ a b : ℕ, b + 0 = b) : ∀ b a : ℕ, a + 0 = b", "intro b a\napply h"),
    ("theorem t (h : ∀ a b : ℕ, b + 0 = b) : ∀ b a : ℕ, a + 0 = b", "intro b\napply h"),
    ("theorem t (h : ∀ a b : ℕ, b + 0 = b) : ∀ b a : ℕ, a + 0 = b", "refine h"),
    ("theorem t (h : ∀ a b : ℕ, b + 0 = b) : ∀ b a : ℕ, a + 0 = b", "exact fun b a => h b a"),
    ("theorem t (h : ∀ a b : ℕ, b + 0 = b) : ∀ b a : ℕ, a + 0 = b", "simp only [h]"),
    ("theorem t (h : ∀ a b : ℕ, b + 0 = b) : ∀ b a : ℕ, a + 0 = b", "simp_all"),
    ("theorem t (h : ∀ a b : ℕ, b + 0 = b) : ∀ b a : ℕ, a + 0 = b", "norm_num at h ⊢"),
    # `∀ a, ∃ b, P a b` does not give `∀ a, ∃ b, P b a` (P a b := b = a + 1: nothing has P b 0)
    *[("theorem t (P : ℕ → ℕ → Prop) (h : ∀ a : ℕ, ∃ b : ℕ, P a b) : ∀ a : ℕ, ∃ b : ℕ, P b a", p) for p in [
        "exact h", "apply h", "assumption", "intro a\nexact h a", "intro b\nexact h b", "intro a\napply h",
        "intro a\nobtain ⟨b, hb⟩ := h a\nexact ⟨b, hb⟩", "norm_num at h ⊢\nexact h", "simp at h ⊢\nexact h",
        "simp_all", "intro b\nobtain ⟨a, ha⟩ := h b\nuse a", "exact fun a => h a", "tauto"]],
    # rewriting with a ∀-equation under binders: `f x = 0` for all x does not make `f x = x`
    ("theorem t (f : ℕ → ℕ) (h : ∀ x : ℕ, f x = 0) : ∀ x : ℕ, f x = x", "simp only [h]"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x : ℕ, f x = 0) : ∀ x : ℕ, f x = x", "intro y\nrw [h]"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x : ℕ, f x = 0) : ∀ x : ℕ, f x = x", "simp [h]"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x : ℕ, f x = 0) : ∀ x : ℕ, f x = x", "norm_num [h]"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x : ℕ, f x = 0) : ∀ x : ℕ, f x = x", "simp_all"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ y : ℕ, f y = y) : ∀ x : ℕ, f x = 0", "simp only [h]"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ y : ℕ, f y = y) : ∀ x : ℕ, f x = 0", "intro x\nrw [h]"),
    # eliminators naming the witness after a bound variable of the goal
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x", "intro x\nobtain ⟨x, hx⟩ := h\nexact hx"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x", "intro y\nobtain ⟨y, hy⟩ := h\nexact hy"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x", "rintro x\nrcases h with ⟨x, hx⟩\nexact hx"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) (x : ℕ) : P x", "obtain ⟨x, h⟩ := h\nexact h"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) (x : ℕ) : P x", "cases h with\n| intro x hx => exact hx"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) (x : ℕ) : P x", "induction x with\n| zero => obtain ⟨y, hy⟩ := h; exact hy\n| succ k ih => obtain ⟨y, hy⟩ := h; exact hy"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x", "intro x\ninduction x with\n| zero => obtain ⟨x, hx⟩ := h; exact hx\n| succ k ih => obtain ⟨x, hx⟩ := h; exact hx"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) (x : ℕ) : P x", "specialize h\nobtain ⟨x, hx⟩ := h\nexact hx"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) (x : ℕ) : P x", "have ⟨x, hx⟩ := h\nexact hx"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) (x : ℕ) : P x", "show P x\nobtain ⟨x, hx⟩ := h\nexact hx"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) (x : ℕ) : P x", "obtain ⟨y, hy⟩ := h\nchange P y\nexact hy"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) (x : ℕ) : P x", "obtain ⟨y, hy⟩ := h\nshow P y\nexact hy"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) (x : ℕ) : P x", "obtain ⟨y, hy⟩ := h\nconvert hy"),
    # bounded quantifiers: omega/decide/interval_cases with bound variables; P 5 is not P 3
    ("theorem t (P : ℕ → Prop) (h : ∀ x < 5, P x) : P 5", "exact h 5 (by omega)"),
    ("theorem t (P : ℕ → Prop) (h : ∀ x < 5, P x) : P 5", "apply h\nomega"),
    ("theorem t (P : ℕ → Prop) (h : ∀ x < 5, P x) : P 5", "norm_num at h\nexact h 5"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x < 5, P x) : P 3", "obtain ⟨x, hx, hp⟩ := h\ninterval_cases x <;> simp_all"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x < 5, P x) : P 3", "norm_num at h\nobtain ⟨x, hx, hp⟩ := h\nexact hp"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, f x ≤ x) : ∀ x, f x = x", "intro x\nhave := h x\nomega"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, f x ≤ x) : ∀ x, f x = x", "norm_num at h ⊢\nintro y\nomega"),
    # calc / have chains whose middle step is an instance of an existential
    ("theorem t (f : ℕ → ℕ) (h : ∃ x, f x = 0) (y : ℕ) : f y = 0",
     "obtain ⟨x, hx⟩ := h\ncalc f y = f x := by rfl\n  _ = 0 := hx"),
    ("theorem t (f : ℕ → ℕ) (h : ∃ x, f x = 0) (y : ℕ) : f y = 0",
     "norm_num at h\nobtain ⟨x, hx⟩ := h\ncalc f y = 0 := hx"),
    ("theorem t (f : ℕ → ℕ) (h : ∃ x, f x = 0) (y : ℕ) : f y = 0",
     "norm_num at h\nobtain ⟨x, hx⟩ := h\nhave h2 : f y = 0 := hx\nexact h2"),
    # lambda terms with colliding binder names
    ("theorem t (P Q : ℕ → Prop) (h : ∀ x, P x) : ∀ x, Q x", "exact fun x => h x"),
    ("theorem t (P : ℕ → Prop) (h : ∀ x, P (x + 1)) : ∀ x, P x", "exact fun x => h x"),
    ("theorem t (P : ℕ → Prop) (h : ∀ x, P (x + 1)) : ∀ x, P x", "norm_num at h ⊢\nexact h"),
    ("theorem t (P : ℕ → Prop) (h : ∀ x, P (x + 1)) : ∀ x, P x", "intro x\nsimpa using h x"),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ x, P x x) : ∀ x y, P x y", "exact fun x y => h x"),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ x, P x x) : ∀ x y, P x y", "intro x y\nexact h _"),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ x, P x x) : ∀ x y, P x y", "norm_num at h ⊢\nintro x y\nexact h x"),
    # ℕ subtraction under binders: ∀ x, x - 1 + 1 = x fails at x = 0
    ("theorem t : ∀ x : ℕ, x - 1 + 1 = x", "intro x\nomega"),
    ("theorem t : ∀ x : ℕ, x - 1 + 1 = x", "norm_num"),
    ("theorem t : ∀ x : ℕ, x - 1 + 1 = x", "simp"),
    ("theorem t (P : ℕ → Prop) (h : ∀ x : ℕ, P (x - 1 + 1)) : ∀ x, P x", "norm_num at h\nexact h"),
    ("theorem t (P : ℕ → Prop) (h : ∀ x : ℕ, P (x - 1 + 1)) : ∀ x, P x", "simp at h\nexact h"),
    # push_neg / by_contra! through quantifiers: ¬∀ is ∃¬, not ∀¬
    ("theorem t (P : ℕ → Prop) (h : ¬∀ x, P x) : ∀ x, ¬P x", "push_neg at h\nexact h"),
    ("theorem t (P : ℕ → Prop) (h : ¬∀ x, P x) : ∀ x, ¬P x", "push_neg at h\nintro x\nobtain ⟨y, hy⟩ := h\nexact hy"),
    ("theorem t (P : ℕ → Prop) (h : ¬∀ x, P x) : ∀ x, ¬P x",
     "push_neg at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nexact hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x, P x) : ¬∃ x, ¬P x",
     "by_contra! h2\nobtain ⟨y, hy⟩ := h2\nnorm_num at h\nobtain ⟨z, hz⟩ := h\nexact hy hz"),
]

# honest neighbours of the hand attacks: these are true and must keep verifying
HAND_CONTROLS = [
    ("theorem t (P : ℕ → Prop) (h : ∀ x : ℕ, P x) : ∃ x : ℕ, P x", "exact ⟨0, h 0⟩"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∃ x : ℕ, P x", "obtain ⟨z, hz⟩ := h\nexact ⟨z, hz⟩"),
    ("theorem t (P : ℕ → Prop) (h : ∀ x : ℕ, P x) : ∀ x : ℕ, P x", "intro y\nexact h y"),
    ("theorem t (R : ℕ → ℕ → Prop) (h : ∃ y : ℕ, ∀ x : ℕ, R x y) : ∀ x : ℕ, ∃ y : ℕ, R x y",
     "intro x\nobtain ⟨y, hy⟩ := h\nexact ⟨y, hy x⟩"),
    ("theorem t (h : ∀ a b : ℕ, b + 0 = b) : ∀ b a : ℕ, b + 0 = b", "intro b a\nexact h a b"),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ a b : ℕ, P a b) : ∀ a b : ℕ, P b a", "intro a b\nexact h b a"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x : ℕ, f x = 0) : ∀ x : ℕ, f x = 0", "intro y\nrw [h]"),
    ("theorem t (P : ℕ → Prop) (h : ∀ x < 5, P x) : P 3", "exact h 3 (by norm_num)"),
    ("theorem t (P : ℕ → Prop) (h : ∀ x, P (x + 1)) : ∀ x, P (x + 1)", "exact fun x => h x"),
    ("theorem t (P : ℕ → Prop) (h : ¬∀ x, P x) : ∃ x, ¬P x", "push_neg at h\nexact h"),
    ("theorem t : ∀ x : ℕ, x + 1 - 1 = x", "intro x\nomega"),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, f x ≤ x) : f 0 = 0", "have := h 0\nomega"),
]

# -- linear-order laws on the pointwise partial order of ℕ → ℝ ---------------------------------
# With f = (1, 0, 0, …) and g = (0, 1, 0, …), f and g are incomparable: ¬ f ≤ g, ¬ g ≤ f,
# ¬ f < g, ¬ g < f. So each statement below is false in Lean + Mathlib (Pi.preorder is partial).
ORDER = [
    *[("theorem t (f g : ℕ → ℝ) (h : ¬ f ≤ g) : g < f", p) for p in [
        "push_neg at h\nexact h", "by_contra! h'\nexact h h'", "exact not_le.mp h", "exact lt_of_not_le h",
        "exact lt_of_not_ge h", "simp at h\nexact h", "norm_num at h\nexact h", "push_neg at h\nassumption",
        "rw [not_le] at h\nexact h", "simpa using h", "exact (not_le.1 h)", "by_contra h'\npush_neg at h'\nexact h h'",
        "rcases le_or_lt f g with h1 | h1\n· exact absurd h1 h\n· exact h1", "exact (le_or_lt f g).resolve_left h",
        "simp_all", "tauto", "push_neg at h ⊢\nexact h"]],
    *[("theorem t (f g : ℕ → ℝ) : f ≤ g ∨ g ≤ f", p) for p in [
        "exact le_total f g", "rcases le_or_lt f g with h | h\n· left; exact h\n· right; exact h.le",
        "by_cases h : f ≤ g\n· left; exact h\n· right; push_neg at h; exact h.le", "apply le_total",
        "by_contra! h\nexact absurd h.1 (not_le.mpr h.2)"]],
    *[("theorem t (f g : ℕ → ℝ) (h : ¬ f < g) : g ≤ f", p) for p in [
        "push_neg at h\nexact h", "exact not_lt.mp h", "exact le_of_not_lt h", "by_contra! h'\nexact h h'",
        "simp at h\nexact h", "norm_num at h\nexact h", "rw [not_lt] at h\nexact h"]],
    *[("theorem t (f : ℕ → ℝ) (h : ¬ f ≤ 0) : 0 < f", p) for p in [
        "push_neg at h\nexact h", "exact not_le.mp h", "by_contra! h'\nexact h h'", "simpa using h"]],
    *[("theorem t (f g : ℕ → ℝ) (h : f < g) : ∀ n, f n < g n", p) for p in [
        "intro n\nexact h n", "exact fun n => h n", "intro n\nlinarith [h n]", "intro n\nexact lt_of_le_of_ne (h.le n) (by simp)"]],
    *[("theorem t (f g : ℕ → ℝ) (h : ¬ (f ≤ g ∧ g ≤ f)) : f < g ∨ g < f", p) for p in [
        "push_neg at h\nby_cases h1 : f ≤ g\n· left; exact lt_of_le_of_ne h1 (fun e => h h1 (e ▸ le_refl _))\n· right; push_neg at h1; exact h1",
        "rcases lt_trichotomy f g with h1 | h1 | h1\n· left; exact h1\n· exact absurd ⟨h1.le, h1.ge⟩ h\n· right; exact h1",
        "tauto"]],
    *[("theorem t (f g : ℕ → ℝ) : max f g = f ∨ max f g = g", p) for p in [
        "rcases le_total f g with h | h\n· right; exact max_eq_right h\n· left; exact max_eq_left h",
        "exact max_choice f g"]],
]
# MiniLean does not know these partial-order lemmas nor pointwise application of `f ≤ g` yet (its
# lemma set is issue 13's work): true in Lean, so strict xfail records the gap and flags its closing
_GAP = pytest.mark.xfail(strict=True, reason="MiniLean fragment gap: lemma or pointwise order not supported")
ORDER_CONTROLS = [
    pytest.param("theorem t (f g : ℕ → ℝ) (h : f ≤ g) (h2 : g ≤ f) : f = g", "exact le_antisymm h h2", marks=_GAP),
    pytest.param("theorem t (f g : ℕ → ℝ) (h : f < g) : ¬ g ≤ f", "exact not_le_of_lt h", marks=_GAP),
    pytest.param("theorem t (f g : ℕ → ℝ) (h : f ≤ g) (h2 : f ≠ g) : f < g", "exact lt_of_le_of_ne h h2", marks=_GAP),
    pytest.param("theorem t (f g : ℕ → ℝ) (h : f ≤ g) : ∀ n, f n ≤ g n", "intro n\nexact h n", marks=_GAP),
    ("theorem t (x y : ℝ) (h : ¬ x ≤ y) : y < x", "push_neg at h\nexact h"),
    ("theorem t (f g : ℕ → ℝ) (h : f < g) : f ≤ g", "exact le_of_lt h"),
    ("theorem t (f g : ℕ → ℝ) (h : ¬ f ≤ g) : ¬ f ≤ g", "exact h"),
    ("theorem t (x y : ℕ) : x ≤ y ∨ y ≤ x", "exact le_total x y"),
]


# -- the tests ---------------------------------------------------------------------------------


def _verify(backend, statement: str, proof: str) -> bool:
    return verify(backend, statement, proof).ok


def _ids(cases: list) -> list[str]:
    return [str(i) for i in range(len(cases))]


CASES = random_cases(N_STATEMENTS, SEED)


def test_countermodels_are_countermodels():
    """The model checker agrees with hand-evaluated cases (a wrong checker would claim truths false)."""
    m = Model(2, frozenset({0}), frozenset(), frozenset(), (0, 0), 0)
    ex = F("ex", ("x", F("P", (F("var", ("x",)),))))
    al = F("all", ("x", F("P", (F("var", ("x",)),))))
    assert holds(ex, m) and not holds(al, m)
    assert countermodel([ex], al, random.Random(0)) is not None
    assert countermodel([al], ex, random.Random(0)) is None  # valid on nonempty domains
    for case in CASES:
        assert all(holds(h, case.model) for h in case.hyps) and not holds(case.goal, case.model), case.statement


@pytest.mark.parametrize("index", range(N_STATEMENTS))
def test_random_false_first_order_statement(backend, index):
    case = CASES[index]
    accepted = attack(case, N_SCRIPTS, SEED + index, lambda s, p: _verify(backend, s, p))
    assert not accepted, (case.statement, accepted[:3], case.model)


@pytest.mark.parametrize(("statement", "proof"), HAND, ids=_ids(HAND))
def test_hand_attack(backend, statement, proof):
    assert not _verify(backend, statement, proof), (statement, proof)


@pytest.mark.parametrize(("statement", "proof"), HAND_CONTROLS, ids=_ids(HAND_CONTROLS))
def test_hand_control(backend, statement, proof):
    assert _verify(backend, statement, proof), (statement, proof)


@pytest.mark.parametrize(("statement", "proof"), ORDER, ids=_ids(ORDER))
def test_function_order_is_partial(backend, statement, proof):
    assert not _verify(backend, statement, proof), (statement, proof)


@pytest.mark.parametrize(("statement", "proof"), ORDER_CONTROLS, ids=_ids(ORDER_CONTROLS))
def test_function_order_controls(backend, statement, proof):
    assert _verify(backend, statement, proof), (statement, proof)


if __name__ == "__main__":  # the long run: python tests/minilean/test_adversarial_countermodels.py N SEED
    n, seed = int(sys.argv[1]), int(sys.argv[2])
    b = make_backend("minilean")
    holes = 0
    for i, case in enumerate(random_cases(n, seed)):
        for script in attack(case, 60, seed + i, lambda s, p: _verify(b, s, p)):
            holes += 1
            print("HOLE", case.statement, "|", script.replace("\n", "; "))
    b.close()
    print({"statements": n, "holes": holes})
