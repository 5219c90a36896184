"""Algebra families: ``linear`` equations, linear ``systems``, ``inequalities`` needing
``nlinarith`` hints, and ``functional`` equations.

Each generator returns ``(statement_template, proof)`` or ``None`` to reject a draw. A statement is
kept only after MiniLean's own sound procedures (``linarith``/``nlinarith``/``ring``) have proved
it with exactly the facts the reference proof supplies, so every kept statement is true and its
proof's arithmetic steps are known to succeed. Proofs are written in Lean 4 Mathlib style and avoid
constructs whose outcome differs between Lean versions (for example a ``rw`` whose closing ``rfl``
may or may not fire on numerals).
"""

from __future__ import annotations

import random
from fractions import Fraction

from leangym.minilean.arith import evaluate, linarith, nlinarith, ring_equal
from leangym.minilean.arith.ir import Cmp, Num
from leangym.minilean.suites.build import P, X, app, cmp, combine, conj, num, plus, scale, var

Draw = tuple[str, tuple[str, ...]] | None

SUBSCRIPT = "₀₁₂₃₄₅₆₇₈₉"


def hname(i: int) -> str:
    return "h" + SUBSCRIPT[i]


def theorem(binders: list[str], goal: P) -> str:
    return " ".join(["theorem {name}", *binders, ":", goal.text])


def _nonzero(rng: random.Random, lo: int, hi: int) -> int:
    return rng.choice([v for v in range(lo, hi + 1) if v != 0])


# ------------------------------------------------------------------------------------ linear


def linear(rng: random.Random, d: int) -> Draw:
    """One unknown. d1: ``a * x + b = c``; d2: unknown on both sides; d3: literal division or a
    bracket; d4: implication goals and ``have`` chains; d5: nested brackets, rationals."""
    ty = rng.choice(["ℝ", "ℝ", "ℚ", "ℤ"] if d > 1 else ["ℝ", "ℝ", "ℚ", "ℕ", "ℤ"])
    name = rng.choice(["x", "y", "a", "t"] if ty != "ℕ" else ["n", "m", "k"])
    x = var(name, ty)
    lo = 0 if ty == "ℕ" else -12
    sol = rng.randint(lo, 15)
    s = num(sol, ty)
    env = {name: sol}

    def value(e: X) -> Fraction:
        return evaluate(e.ir, env)

    a = rng.randint(2, 3 + 2 * d)
    b = rng.randint(1, 10 + 5 * d)
    if d == 1:
        lhs = rng.choice([a * x + b, b + a * x, a * x] if ty == "ℕ" else [a * x + b, a * x - b, b + a * x])
        rhs_v = value(lhs)
        h = cmp("=", lhs, num(rhs_v, ty))
    elif d == 2:
        c = _nonzero(rng, 1, a + 4)
        if c == a:
            return None
        lhs = a * x + b
        rhs = plus(scale(c, x), value(lhs) - c * sol)
        h = cmp("=", lhs, rhs)
    elif d == 3:
        if ty in ("ℝ", "ℚ") and rng.random() < 0.5:
            lhs = x / a + b
        else:
            c = rng.randint(1, 6)
            lhs = a * (x + c) if rng.random() < 0.5 else a * (x - c)
        h = cmp("=", lhs, num(value(lhs), ty))
    else:
        c, e = rng.randint(1, 5), _nonzero(rng, 1, a + 3)
        if e == a:
            return None
        lhs = a * (x + c) - b if d == 4 else a * (x - c) + b * (x + e)
        coef = e if d == 4 else a + b + e
        h = cmp("=", lhs, plus(scale(coef, x), value(lhs) - coef * sol))
    goal = cmp("=", x, s)
    if not linarith([h.ir], goal.ir):
        return None
    closer = "omega" if ty in ("ℕ", "ℤ") and rng.random() < 0.5 else "linarith"
    if d >= 4 and rng.random() < 0.6:
        # a two-step proof: isolate the unknown's multiple first
        k = rng.randint(2, 4)
        mid = cmp("=", k * x, num(k * sol, ty))
        if not linarith([h.ir], mid.ir):
            return None
        proof = ("intro h" if d == 5 else None, f"have h₁ : {mid.text} := by linarith", closer)
    else:
        proof = ("intro h" if d == 5 else None, closer)
    if d == 5:
        stmt = theorem([f"({name} : {ty})"], P(f"{h.text} → {goal.text}", goal.ir))
    else:
        stmt = theorem([f"({name} : {ty})", f"(h : {h.text})"], goal)
    return stmt, tuple(p for p in proof if p)


# ------------------------------------------------------------------------------------ systems


def _solve_unique(rows: list[list[int]]) -> bool:
    """Whether the square coefficient matrix is invertible (exact Gaussian elimination)."""
    m = [[Fraction(v) for v in r] for r in rows]
    n = len(m)
    for col in range(n):
        pivot = next((r for r in range(col, n) if m[r][col] != 0), None)
        if pivot is None:
            return False
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            m[r] = [a - f * b for a, b in zip(m[r], m[col])]
    return True


def systems(rng: random.Random, d: int) -> Draw:
    """Linear systems with a unique integer solution. d1: two unknowns, one asked; d2: both asked;
    d3: three unknowns, one asked; d4: all three; d5: larger coefficients, a combination asked."""
    n = 2 if d <= 2 else 3
    ty = rng.choice(["ℝ", "ℝ", "ℚ"])
    names = rng.choice([["x", "y", "z"], ["a", "b", "c"], ["p", "q", "r"]])[:n]
    vs = [var(v, ty) for v in names]
    sol = [rng.randint(-6, 9) for _ in names]
    span = 3 if d < 5 else 6
    rows = [[rng.randint(-span, span) for _ in names] for _ in names]
    if not _solve_unique(rows) or any(all(c == 0 for c in r) for r in rows):
        return None
    hyps: list[P] = []
    for r in rows:
        lhs = None
        for coef, v in zip(r, vs):
            if coef == 0:
                continue
            if lhs is None:
                lhs = scale(coef, v)
            else:
                lhs = lhs + scale(coef, v) if coef > 0 else lhs - scale(-coef, v)
        hyps.append(cmp("=", lhs, num(sum(c * s for c, s in zip(r, sol)), ty)))
    binders = [f"({' '.join(names)} : {ty})"] + [f"({hname(i + 1)} : {h.text})" for i, h in enumerate(hyps)]
    parts = [cmp("=", v, num(s, ty)) for v, s in zip(vs, sol)]
    if d in (1, 3):
        goals = [parts[rng.randrange(n)]]
    elif d == 5:
        c1, c2 = rng.randint(1, 4), rng.randint(1, 4)
        goals = [cmp("=", scale(c1, vs[0]) + scale(c2, vs[1]), num(c1 * sol[0] + c2 * sol[1], ty)), parts[2]]
    else:
        goals = parts
    hyp_ir = [h.ir for h in hyps]
    if not all(linarith(hyp_ir, g.ir) for g in goals):
        return None
    goal = goals[0] if len(goals) == 1 else conj(*goals)
    if len(goals) == 1:
        proof: tuple[str, ...] = ("linarith",)
    else:
        style = rng.randrange(3)
        if style == 0:
            proof = ("constructor", *(["· linarith"] * 2 if len(goals) == 2 else ["· linarith", "· constructor\n  · linarith\n  · linarith"]))
        elif style == 1:
            holes = ", ".join(["?_"] * len(goals))
            proof = (f"refine ⟨{holes}⟩ <;> linarith",)
        else:
            names_h = [f"e{i + 1}" for i in range(len(goals))]
            proof = tuple(f"have {hn} : {g.text} := by linarith" for hn, g in zip(names_h, goals)) + (
                f"exact ⟨{', '.join(names_h)}⟩",
            )
    return theorem(binders, goal), proof


# ------------------------------------------------------------------------------------ inequalities


def _sq_hint(v: X, c: int) -> str:
    """``sq_nonneg (v - c)`` written the way a person would (``v + 3`` for ``c = -3``)."""
    if c == 0:
        return f"sq_nonneg {v.text}"
    return f"sq_nonneg ({v.text} - {c})" if c > 0 else f"sq_nonneg ({v.text} + {-c})"


def inequalities(rng: random.Random, d: int) -> Draw:
    """AM-GM-style inequalities that need ``nlinarith`` with square hints. d1: one variable;
    d2: two variables; d3: a constraint on the sum; d4: three variables; d5: cubic or
    constrained with positivity hypotheses."""
    ty = "ℝ"
    names = rng.choice([("a", "b", "c"), ("x", "y", "z"), ("p", "q", "r")])
    a, b, c = (var(n, ty) for n in names)
    zero = num(0, ty)
    hyps: list[P] = []
    binders_extra: list[str] = []
    if d == 1:
        k = _nonzero(rng, -6, 6)
        slack = rng.choice([0, 0, rng.randint(1, 5)])
        lhs, rhs = (2 * k) * a, a**2 + (k * k + slack)
        hints = [(_sq_hint(a, k), (a - k) ** 2)]
    elif d == 2:
        kind = rng.randrange(4)
        if kind == 0:
            p, q = rng.randint(1, 4), rng.randint(1, 4)
            lhs, rhs = (2 * p * q) * a * b, scale(p * p, a**2) + scale(q * q, b**2)
            hints = [(f"sq_nonneg ({scale(p, a).text} - {scale(q, b).text})", (scale(p, a) - scale(q, b)) ** 2)]
        elif kind == 1:
            lhs, rhs = (a + b) ** 2, 2 * (a**2 + b**2)
        elif kind == 2:
            lhs, rhs = 4 * a * b, (a + b) ** 2
        else:
            lhs, rhs = (a - b) ** 2, 2 * (a**2 + b**2)
            hints = [(f"sq_nonneg ({a.text} + {b.text})", (a + b) ** 2)]
        if kind in (1, 2):
            hints = [(f"sq_nonneg ({a.text} - {b.text})", (a - b) ** 2)]
        rhs = plus(rhs, rng.choice([0, 0, rng.randint(1, 20)]))
    elif d == 3:
        s = rng.randint(1, 10) * 2
        h = cmp("=", a + b, num(s, ty))
        hyps.append(h)
        binders_extra.append(f"(h : {h.text})")
        if rng.random() < 0.5:
            lhs, rhs = a * b, num(s * s // 4 + rng.choice([0, 0, rng.randint(1, 9)]), ty)
        else:
            lhs, rhs = num(s * s // 2 - rng.choice([0, 0, rng.randint(1, 9)]), ty), a**2 + b**2
        hints = [(f"sq_nonneg ({a.text} - {b.text})", (a - b) ** 2)]
    elif d == 4:
        kind = rng.randrange(3)
        if kind == 0:
            lhs, rhs = a * b + b * c + c * a, a**2 + b**2 + c**2
        elif kind == 1:
            lhs, rhs = (a + b + c) ** 2, 3 * (a**2 + b**2 + c**2)
        else:
            k = _nonzero(rng, -4, 5)
            lhs, rhs = (2 * k) * (a + b + c), plus(a**2 + b**2 + c**2, 3 * k * k)
            hints = [(_sq_hint(v, k), (v - k) ** 2) for v in (a, b, c)]
        if kind != 2:
            hints = [
                (f"sq_nonneg ({a.text} - {b.text})", (a - b) ** 2),
                (f"sq_nonneg ({b.text} - {c.text})", (b - c) ** 2),
                (f"sq_nonneg ({c.text} - {a.text})", (c - a) ** 2),
            ]
        rhs = plus(rhs, rng.choice([0, 0, rng.randint(1, 20)]))
    else:
        ha, hb = cmp("≤", zero, a), cmp("≤", zero, b)
        hyps += [ha, hb]
        binders_extra += [f"(h{a.text} : {ha.text})", f"(h{b.text} : {hb.text})"]
        m = rng.choice([1, 1, rng.randint(2, 5)])
        lhs, rhs = scale(m, a**2 * b + a * b**2), plus(scale(m, a**3 + b**3), rng.choice([0, 0, rng.randint(1, 20)]))
        prod = f"mul_nonneg (add_nonneg h{a.text} h{b.text}) (sq_nonneg ({a.text} - {b.text}))"
        hints = [(prod, (a + b) * (a - b) ** 2)]
    used = sorted({n for n in names if n in lhs.text + rhs.text})
    goal = cmp("≥", rhs, lhs) if rng.random() < 0.4 else cmp("≤", lhs, rhs)
    hint_ir = [Cmp("≤", Num(Fraction(0), ty), e.ir) for _, e in hints]
    hyp_ir = [h.ir for h in hyps]
    if linarith(hyp_ir + hint_ir if d == 3 else hyp_ir, goal.ir):
        return None  # not an inequality that needs the nonlinear step
    if not nlinarith(hyp_ir, goal.ir, hints=hint_ir):
        return None
    binders = [f"({' '.join(used)} : {ty})", *binders_extra]
    return theorem(binders, goal), (f"nlinarith [{', '.join(t for t, _ in hints)}]",)


# ------------------------------------------------------------------------------------ functional


def functional(rng: random.Random, d: int) -> Draw:
    """``f`` given by an equation. d1: evaluate a linear ``f``; d2: a quadratic ``f``; d3:
    ``f (f c)``; d4: recover the coefficients from two values; d5: a difference identity."""
    ty = "ℝ"
    f = rng.choice(["f", "g"])
    x = var("x", ty)
    a, b = _nonzero(rng, -5, 6), rng.randint(-9, 9)
    if d == 2:
        q = _nonzero(rng, -3, 3)
        body = combine([(q, x**2), (a, x), (b, None)], ty)
    else:
        body = combine([(a, x), (b, None)], ty)
    rule = f"(h : ∀ x, {app(f, x, ty).text} = {body.text})"

    def fval(v: Fraction) -> Fraction:
        return evaluate(body.ir, {"x": v})

    fns = {f: fval}
    c = num(rng.randint(-5, 8), ty)
    if d in (1, 2):
        target = app(f, c, ty)
        goal = cmp("=", target, num(evaluate(target.ir, {}, fns), ty))
        proof = rng.choice([("rw [h]", "norm_num"), ("norm_num [h]",)])
        return theorem([f"({f} : ℝ → ℝ)", rule], goal), proof
    if d == 3:
        target = app(f, app(f, c, ty), ty)
        goal = cmp("=", target, num(evaluate(target.ir, {}, fns), ty))
        proof = rng.choice([("rw [h, h]", "norm_num"), ("norm_num [h]",)])
        return theorem([f"({f} : ℝ → ℝ)", rule], goal), proof
    pa, pb = var("a", ty), var("b", ty)
    general = f"(h : ∀ x, {app(f, x, ty).text} = {(pa * x + pb).text})"
    if d == 4:
        p1, p2 = rng.sample(range(-3, 6), 2)
        v1, v2 = a * p1 + b, a * p2 + b
        h1 = cmp("=", app(f, num(p1, ty), ty), num(v1, ty))
        h2 = cmp("=", app(f, num(p2, ty), ty), num(v2, ty))
        goal = conj(cmp("=", pa, num(a, ty)), cmp("=", pb, num(b, ty)))
        # the instances h p₁, h p₂ are what the proof adds with `have`
        inst = [cmp("=", app(f, num(p, ty), ty), pa * num(p, ty) + pb).ir for p in (p1, p2)]
        if not all(linarith([h1.ir, h2.ir, *inst], g) for g in goal.ir.args):
            return None
        proof = (f"have e₁ := h {p1}" if p1 >= 0 else f"have e₁ := h ({p1})",
                 f"have e₂ := h {p2}" if p2 >= 0 else f"have e₂ := h ({p2})",
                 "constructor", "· linarith", "· linarith")
        binders = [f"({f} : ℝ → ℝ)", "(a b : ℝ)", general, f"(h₁ : {h1.text})", f"(h₂ : {h2.text})"]
        return theorem(binders, goal), proof
    step = rng.randint(1, 5)
    if rng.random() < 0.5:
        slope, binders = pa, [f"({f} : ℝ → ℝ)", "(a b : ℝ)", general, "(x : ℝ)"]
        image = lambda t: pa * t + pb  # noqa: E731
    else:
        slope, binders = num(a, ty), [f"({f} : ℝ → ℝ)", rule, "(x : ℝ)"]
        image = lambda t: combine([(a, t), (b, None)], ty)  # noqa: E731
    expected = slope if step == 1 else (num(step * a, ty) if slope.ir == num(a, ty).ir else step * slope)
    if rng.random() < 0.5:
        goal = cmp("=", app(f, x + step, ty) - app(f, x, ty), expected)
        rewritten = image(x + step) - image(x)
    else:
        goal = cmp("=", app(f, x + step, ty), app(f, x, ty) + expected)
        rewritten = image(x + step) - (image(x) + expected)
        expected = num(0, ty)
    if not ring_equal(rewritten.ir, expected.ir):
        return None
    return theorem(binders, goal), ("rw [h, h]", "ring")
