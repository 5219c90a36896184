"""Number-theory families: ``divisibility`` (and modular arithmetic), ``existential`` statements
proved by a witness, and ``induction`` on ℕ with Lean 4's structured syntax.

As in :mod:`.algebra`, a statement is kept only once MiniLean's sound procedures have checked it
(``omega``, ``linarith``, ``norm_num``/evaluation of closed facts), using exactly the facts the
reference proof provides. Induction statements are checked step by step: the base case and the
inductive step are each proved by the procedure the proof uses, which proves the statement by
induction; the recurrence is also simulated as a sanity check.
"""

from __future__ import annotations

import random
import re
from fractions import Fraction

from leangym.minilean.arith import evaluate, holds, is_prime, linarith, norm_num, omega
from leangym.minilean.arith.ir import BoolConst, Not, Pred
from leangym.minilean.suites.algebra import Draw, hname, theorem
from leangym.minilean.suites.build import P, X, app, cmp, conj, disj, dvd, num, plus, scale, var

# ------------------------------------------------------------------------------------ divisibility


def divisibility(rng: random.Random, d: int) -> Draw:
    """d1: closed facts (remainders, divisibility, primality) by ``norm_num``/``decide``; d2: a
    remainder from one hypothesis; d3: remainders of combinations; d4: divisibility facts over
    ℤ/ℕ; d5: case analysis on remainders."""
    if d == 1:
        kind = rng.randrange(3)
        if kind == 0:
            a, m = rng.randint(20, 999), rng.randint(3, 13)
            goal = cmp("=", num(a, "ℕ") % m, num(a % m, "ℕ"))
            proof = rng.choice(["norm_num", "decide"])
        elif kind == 1:
            m = rng.randint(3, 19)
            a = m * rng.randint(3, 60) + rng.choice([0, 0, rng.randint(1, m - 1)])
            goal = dvd(num(m, "ℕ"), num(a, "ℕ"))
            if a % m:
                goal = P(f"¬{goal.text}", Not(goal.ir))
            proof = rng.choice(["norm_num", "decide"])
        else:
            p = rng.randint(2, 400)
            atom = P(f"Nat.Prime {p}", Pred("Nat.Prime", num(p, "ℕ").ir))
            goal = atom if is_prime(p) else P(f"¬Nat.Prime {p}", Not(atom.ir))
            proof = "norm_num"
        if norm_num(goal.ir) != BoolConst(True) or not holds(goal.ir, {}):
            return None
        return f"theorem {{name}} : {goal.text}", (proof,)
    ty = rng.choice(["ℕ", "ℕ", "ℤ"])
    n, k = var("n", ty), var("m", ty)
    hyps: list[P] = []
    if d == 2:
        m2 = rng.randint(2, 6)
        m1 = m2 * rng.randint(2, 4)
        r = rng.randrange(m1)
        hyps.append(cmp("=", n % m1, num(r, ty)))
        if rng.random() < 0.5:
            goal = cmp("=", n % m2, num(r % m2, ty))
        else:
            c = rng.randint(1, 5)
            goal = cmp("=", plus(n, c) % m2, num((r + c) % m2, ty))
        names = "n"
    elif d == 3:
        m = rng.randint(3, 9)
        r1, r2 = rng.randrange(m), rng.randrange(m)
        c1, c2 = rng.randint(1, 4), rng.randint(1, 4)
        hyps += [cmp("=", n % m, num(r1, ty)), cmp("=", k % m, num(r2, ty))]
        lhs = (n if c1 == 1 else c1 * n) + (k if c2 == 1 else c2 * k)
        goal = cmp("=", lhs % m, num((c1 * r1 + c2 * r2) % m, ty))
        names = "n m"
    elif d == 4:
        if rng.random() < 0.5:
            p, q = rng.sample([2, 3, 5, 7], 2)
            hyps += [dvd(p, n), dvd(q, n)]
            goal = dvd(p * q, n)
            names = "n"
        else:
            m = rng.randint(2, 7)
            c1, c2 = rng.randint(1, 5), rng.randint(1, 5)
            hyps += [dvd(m, n), dvd(m, k)]
            goal = dvd(m, c1 * n + c2 * k)
            names = "n m"
    else:
        m = rng.choice([4, 6, 8, 9, 10, 12, 15])
        g = rng.choice([v for v in range(2, m) if m % v == 0])
        r1 = rng.randrange(m)
        others = [r for r in range(m) if r != r1 and r % g == r1 % g]
        if not others:
            return None
        r2 = rng.choice(others)
        hyps.append(disj(cmp("=", n % m, num(r1, ty)), cmp("=", n % m, num(r2, ty))))
        c = rng.choice([0, 0, rng.randint(1, 9)])
        goal = cmp("=", plus(n, c) % g, num((r1 + c) % g, ty))
        names = "n"
    binders = [f"({names} : {ty})"] + [f"({hname(i + 1) if len(hyps) > 1 else 'h'} : {h.text})" for i, h in enumerate(hyps)]
    if not omega([h.ir for h in hyps], goal.ir):
        return None
    if d == 5 and rng.random() < 0.5:
        proof: tuple[str, ...] = ("rcases h with h | h <;> omega",)
    else:
        proof = ("omega",)
    return theorem(binders, goal), proof


# ------------------------------------------------------------------------------------ existential


def existential(rng: random.Random, d: int) -> Draw:
    """Witness problems. d1: ``∃ x : ℕ, a * x + b = c``; d2: a witness with two conditions;
    d3: two witnesses; d4: a witness built from a variable; d5: ``∀ n, ∃ m, …`` and real
    witnesses with strict bounds."""
    if d == 1:
        ty = rng.choice(["ℕ", "ℕ", "ℤ", "ℝ"])
        x = var("x", ty)
        w = rng.randint(0 if ty == "ℕ" else -9, 12)
        a, b = rng.randint(2, 9), rng.randint(0, 20)
        body = cmp("=", plus(a * x, b), num(a * w + b, ty))
        witness, wit_text = num(w, ty), str(w) if w >= 0 else f"({w})"
        if ty == "ℝ" and rng.random() < 0.5:
            q = Fraction(rng.randint(1, 9), 2)
            body = cmp("=", plus(2 * x, b), num(2 * q + b, ty))
            witness, wit_text = num(q, ty), f"{q.numerator} / 2" if q.denominator == 2 else str(q.numerator)
        return _exists(rng, [("x", ty, witness, wit_text)], body, "norm_num")
    if d == 2:
        x = var("n", "ℕ")
        lo, m = rng.randint(3, 40), rng.randint(2, 9)
        r = rng.randrange(m)
        w = next(v for v in range(lo + 1, lo + m + 2) if v % m == r)
        body = conj(cmp(">", x, num(lo, "ℕ")), cmp("=", x % m, num(r, "ℕ")))
        return _exists(rng, [("n", "ℕ", num(w, "ℕ"), str(w))], body, "norm_num")
    if d == 3:
        ty = rng.choice(["ℕ", "ℤ", "ℝ"])
        x, y = var("x", ty), var("y", ty)
        wx, wy = rng.randint(5, 15), rng.randint(0, 5)
        s, c = rng.randint(1, 3), rng.randint(1, 3)
        body = conj(cmp("=", x + s * y if s > 1 else x + y, num(wx + s * wy, ty)), cmp("=", c * x - y, num(c * wx - wy, ty)))
        return _exists(rng, [("x", ty, num(wx, ty), str(wx)), ("y", ty, num(wy, ty), str(wy))], body, "norm_num")
    if d == 4:
        kind = rng.randrange(3)
        if kind == 0:
            a = var("a", "ℕ")
            m = rng.randint(2, 9)
            r = rng.randrange(m)
            hyp = cmp("=", a % m, num(r, "ℕ"))
            body_of = lambda k: cmp("=", a, plus(m * k, r))  # noqa: E731
            return _exists_param(rng, "(a : ℕ)", [hyp], "k", "ℕ", a / m, f"a / {m}", body_of, "omega")
        if kind == 1:
            z = var("z", "ℤ")
            c = rng.randint(1, 9)
            body_of = lambda k: cmp(">", k, plus(z, c))  # noqa: E731
            return _exists_param(rng, "(z : ℤ)", [], "w", "ℤ", plus(z, c + 1), f"z + {c + 1}", body_of, "omega")
        t, c = var("t", "ℝ"), rng.randint(-9, 9)
        lo = num(c, "ℝ")
        hyp = cmp("<", lo, t)
        body_of = lambda k: conj(cmp("<", lo, k), cmp("<", k, t))  # noqa: E731
        mid = plus(t, c) / 2
        return _exists_param(rng, "(t : ℝ)", [hyp], "s", "ℝ", mid, mid.text, body_of, "linarith")
    if rng.random() < 0.5:
        k, j = rng.randint(2, 12), rng.choice([0, 0, rng.randint(1, 9)])
        m = var("m", "ℕ")
        n = var("n", "ℕ")
        shape = lambda w: conj(cmp("=", w % k, num(0, "ℕ")), cmp("≥", w, plus(n, j)))  # noqa: E731
        witness = k * plus(n, j)
        if not all(omega([], part) for part in shape(witness).ir.args):
            return None
        goal = P(f"∀ n : ℕ, ∃ m : ℕ, {shape(m).text}", BoolConst(True))
        return theorem([], goal), ("intro n", f"exact ⟨{witness.text}, by omega, by omega⟩")
    n = var("n", "ℕ")
    c = rng.randint(1, 9)
    e = rng.randint(0, 20)
    body_of = lambda k: cmp(">", k, plus(c * n, e))  # noqa: E731
    w = plus(c * n, e + 1)
    body = body_of(w)
    if not omega([], body.ir):
        return None
    inner = body_of(var("m", "ℕ"))
    goal = P(f"∀ n : ℕ, ∃ m : ℕ, {inner.text}", BoolConst(True))
    return theorem([], goal), ("intro n", f"exact ⟨{w.text}, by omega⟩")


def _exists(rng: random.Random, witnesses, body: P, closer: str) -> Draw:
    """``∃ x y, body`` with closed witnesses, checked by evaluating the body at them."""
    env = {name: evaluate(w.ir, {}) for name, _, w, _ in witnesses}
    if not holds(body.ir, env):
        return None
    binders = " ".join(f"{name}" for name, _, _, _ in witnesses)
    ty = witnesses[0][1]
    goal = P(f"∃ {binders} : {ty}, {body.text}", BoolConst(True))
    texts = [t for _, _, _, t in witnesses]
    parts = body.text.count(" ∧ ") + 1
    style = rng.randrange(3)
    if style == 0:
        proof = (f"exact ⟨{', '.join(texts)}, {', '.join([f'by {closer}'] * parts)}⟩",)
    elif style == 1:
        holes = ", ".join(["?_"] * parts)
        proof = (f"refine ⟨{', '.join(texts)}, {holes}⟩", f"all_goals {closer}" if parts > 1 else closer)
    else:
        proof = (f"use {', '.join(texts)} <;> {closer}",)
    return theorem([], goal), proof


def _exists_param(rng, binder, hyps, name, ty, witness: X, wit_text, body_of, closer) -> Draw:
    """``(params) (hyps) : ∃ name : ty, body`` with a witness built from the parameters."""
    instantiated = body_of(witness)
    prover = omega if closer == "omega" else linarith
    parts = instantiated.ir.args if instantiated.text.count(" ∧ ") else (instantiated.ir,)
    if not all(prover([h.ir for h in hyps], p) for p in parts):
        return None
    shown = body_of(var(name, ty))
    goal = P(f"∃ {name} : {ty}, {shown.text}", BoolConst(True))
    binders = [binder] + [f"(h : {h.text})" for h in hyps]
    n_parts = len(parts)
    if n_parts > 1:
        proof = (f"exact ⟨{wit_text}, {', '.join([f'by {closer}'] * n_parts)}⟩",)
    else:
        proof = rng.choice([(f"exact ⟨{wit_text}, by {closer}⟩",), (f"refine ⟨{wit_text}, ?_⟩", closer)])
    return theorem(binders, goal), proof


# ------------------------------------------------------------------------------------ induction


def induction(rng: random.Random, d: int) -> Draw:
    """Closed forms of recurrences on ℕ. d1-d2: ``f (n + 1) = f n + c``; d3: sums of odd numbers
    (``n ^ 2``); d4: a lower bound of a doubling sequence; d5: positivity of an integer sequence
    stated with ``∀``."""
    f = rng.choice(["f", "a", "u"])
    k, n = var("k", "ℕ"), var("n", "ℕ")
    fk, fk1 = app(f, k, "ℕ"), app(f, k + 1, "ℕ")
    f0 = app(f, num(0, "ℕ"), "ℕ")
    if d <= 2:
        c, d0 = rng.randint(1, 4 + 3 * d), rng.randint(0, 9 * d)
        step_rhs = fk + c
        closed = lambda t: plus(c * t, d0)  # noqa: E731
        seq = [d0 + c * i for i in range(30)]
    elif d == 3:
        d0, c = rng.choice([0, 0, rng.randint(1, 9)]), rng.choice([1, 1, rng.randint(2, 5)])
        step_rhs = fk + scale(c, 2 * k + 1) if c > 1 else fk + 2 * k + 1
        closed = lambda t: plus(scale(c, t**2), d0)  # noqa: E731
        seq = [d0 + c * i * i for i in range(30)]
    elif d == 4:
        d0, p = rng.randint(1, 5), rng.randint(2, 4)
        step_rhs = p * fk
        closed = None
        seq = [d0 * p**i for i in range(30)]
    else:
        return _positive_sequence(rng)
    base = cmp("=", f0, num(seq[0], "ℕ"))
    step_text = f"∀ n, {app(f, n + 1, 'ℕ').text} = {_subst_text(step_rhs.text, 'k', 'n')}"
    step_inst = cmp("=", fk1, step_rhs)
    if closed is not None:
        goal_of = lambda t: cmp("=", app(f, t, "ℕ"), closed(t))  # noqa: E731
        holds_seq = all(seq[i] == closed_value(closed, i) for i in range(30))
    else:
        goal_of = lambda t: cmp("≥", app(f, t, "ℕ"), plus(t, 1))  # noqa: E731
        holds_seq = all(seq[i] >= i + 1 for i in range(30))
    if not holds_seq:
        return None
    zero_goal, succ_goal, ih = goal_of(num(0, "ℕ")), goal_of(k + 1), goal_of(k)
    base_tac = rng.choice(["simp [h₀]", "omega", "linarith"]) if closed is not None else "omega"
    if base_tac == "simp [h₀]" and _simp_unsure(zero_goal):
        base_tac = "omega"
    step_tac = "linarith [h₁ k]" if d == 3 else rng.choice(["rw [h₁]\n  omega", "linarith [h₁ k]", "have := h₁ k\n  omega"])
    prove = linarith if "linarith" in step_tac else omega
    if not omega([base.ir], zero_goal.ir) and not linarith([base.ir], zero_goal.ir):
        return None
    if not prove([ih.ir, step_inst.ir], succ_goal.ir):
        return None
    binders = [f"({f} : ℕ → ℕ)", f"(h₀ : {base.text})", f"(h₁ : {step_text})", "(n : ℕ)"]
    # One element: the alternatives belong to the `induction` tactic, so a stepwise replay must send
    # them together.
    proof = (f"induction n with\n| zero => {base_tac}\n| succ k ih =>\n  {step_tac}",)
    return theorem(binders, goal_of(n)), proof


def _simp_unsure(zero_goal: P) -> bool:
    """``simp [h₀]`` surely closes ``f 0 = c * 0 + d``; a ``0 ^ 2`` is left to ``omega``."""
    return "^" in zero_goal.text


def closed_value(closed, i: int) -> int:
    return int(evaluate(closed(num(i, "ℕ")).ir, {}))


def _subst_text(text: str, old: str, new: str) -> str:
    return re.sub(rf"\b{old}\b", new, text)


def _positive_sequence(rng: random.Random) -> Draw:
    """``a : ℕ → ℤ`` with ``a 0 = c`` and ``a (n + 1) = p * a n + q`` (``p, q, c > 0``) stays
    positive; proved by ``intro n`` and induction."""
    p, q, c = rng.randint(2, 4), rng.randint(0, 5), rng.randint(1, 6)
    k = var("k", "ℕ")
    ak, ak1 = app("a", k, "ℤ"), app("a", k + 1, "ℤ")
    a0 = app("a", num(0, "ℕ"), "ℤ")
    step_rhs = plus(p * ak, q)
    base = cmp("=", a0, num(c, "ℤ"))
    step_inst = cmp("=", ak1, step_rhs)
    goal_of = lambda t: cmp(">", t, num(0, "ℤ"))  # noqa: E731
    if not omega([base.ir], goal_of(a0).ir) or not omega([goal_of(ak).ir, step_inst.ir], goal_of(ak1).ir):
        return None
    step_text = f"∀ n, a (n + 1) = {_subst_text(step_rhs.text, 'k', 'n')}"
    goal = P("∀ n, a n > 0", BoolConst(True))
    binders = ["(a : ℕ → ℤ)", f"(h₀ : {base.text})", f"(h₁ : {step_text})"]
    step = rng.choice(["have := h₁ k", "rw [h₁]"])
    proof = ("intro n", f"induction n with\n| zero => omega\n| succ k ih =>\n  {step}\n  omega")
    return theorem(binders, goal), proof
