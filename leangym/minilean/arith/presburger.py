"""``omega``: linear arithmetic over ℕ and ℤ, decided exactly over the integers.

Encoding (as Lean 4's ``omega`` front end reads terms): ``+``, ``-``, negation, multiplication
where one side is a constant, literals, ℕ→ℤ casts (pushed), ``x / k`` and ``x % k`` for a literal
``k`` (``Int.ediv``/``Int.emod``: ``x = k * q + r``, ``0 ≤ r < |k|``; ``k = 0`` gives ``0`` and
``x``), truncated ℕ subtraction (``t = a - b ∧ b ≤ a ∨ t = 0 ∧ a < b``) and ``k ∣ e`` for a
literal ``k``. Anything else of type ℕ/ℤ (``x * y``, ``x / y``, ``x ^ n``, ``|x|``, ``f x``) is an
atom, as in Lean's omega, with ``0 ≤`` for ℕ atoms. Facts: ``= ≠ < ≤ ∣`` over ℕ/ℤ combined with
``∧ ∨ ¬ → ↔``; a fact omega does not understand (a Prop variable, ``Even``, a real comparison,
a quantifier) is ignored, i.e. read as ``True`` wherever it occurs after pushing negations in.
"""

from __future__ import annotations

import time

import z3

from leangym.errors import ReplTimeout
from leangym.minilean.arith.ir import (
    Abs,
    Atom,
    BoolConst,
    Cast,
    Cmp,
    Conn,
    Dvd,
    Fn,
    Neg,
    Not,
    Prop,
    Term,
)
from leangym.minilean.arith.poly import is_closed
from leangym.minilean.arith.semantics import INTEGRAL, GiveUp, Unsupported, check_deadline, evaluate


class _Encoder:
    def __init__(self):
        self.atoms: dict[str, z3.ArithRef] = {}
        self.side: list[z3.BoolRef] = []
        self.fresh_count = 0

    def fresh(self, nonneg: bool) -> z3.ArithRef:
        self.fresh_count += 1
        v = z3.Int(f"t{self.fresh_count}")
        if nonneg:
            self.side.append(v >= 0)
        return v

    def atom(self, t: Term) -> z3.ArithRef:
        key = repr(t)
        if key not in self.atoms:
            v = z3.Int(f"a{len(self.atoms)}")
            self.atoms[key] = v
            if t.ty == "ℕ":
                self.side.append(v >= 0)
        return self.atoms[key]

    def literal(self, t: Term) -> int | None:
        if not is_closed(t):
            return None
        v = evaluate(t, {})
        return int(v) if v.denominator == 1 else None

    def term(self, t: Term) -> z3.ArithRef:
        if t.ty not in INTEGRAL:
            raise Unsupported(f"omega works over ℕ and ℤ, not {t.ty}")
        lit = self.literal(t)
        if lit is not None:
            return z3.IntVal(lit)
        if isinstance(t, (Atom, Fn, Abs)):
            return self.atom(t)
        if isinstance(t, Neg):
            return -self.term(t.arg)
        if isinstance(t, Cast):
            if t.arg.ty not in INTEGRAL or t.ty not in INTEGRAL:
                raise Unsupported("omega only reads casts from ℕ to ℤ")
            return self.term(t.arg)
        a, b = t.args
        if t.op == "+":
            return self.term(a) + self.term(b)
        if t.op == "-":
            x, y = self.term(a), self.term(b)
            if t.ty != "ℕ":
                return x - y
            r = self.fresh(nonneg=True)
            self.side.append(z3.Or(z3.And(y <= x, r == x - y), z3.And(x < y, r == 0)))
            return r
        if t.op == "*":
            ka, kb = self.literal(a), self.literal(b)
            if ka is not None:
                return ka * self.term(b)
            if kb is not None:
                return self.term(a) * kb
            return self.atom(t)
        if t.op in ("/", "%"):
            k = self.literal(b)
            if k is None:
                return self.atom(t)
            x = self.term(a)
            if k == 0:
                return z3.IntVal(0) if t.op == "/" else x
            q = self.fresh(nonneg=False)
            r = self.fresh(nonneg=False)
            self.side += [x == abs(k) * q + r, r >= 0, r < abs(k)]
            if t.op == "%":
                return r
            return q if k > 0 else -q
        return self.atom(t)  # ``^`` with a variable part

    def prop(self, p: Prop, positive: bool) -> z3.BoolRef:
        """``p`` (or ``¬p``) in negation normal form, facts omega ignores read as ``True``."""
        if isinstance(p, BoolConst):
            return z3.BoolVal(p.value == positive)
        if isinstance(p, Not):
            return self.prop(p.arg, not positive)
        if isinstance(p, Conn):
            a, b = p.args
            if p.op == "∧":
                parts = [self.prop(a, positive), self.prop(b, positive)]
                return z3.And(*parts) if positive else z3.Or(*parts)
            if p.op == "∨":
                parts = [self.prop(a, positive), self.prop(b, positive)]
                return z3.Or(*parts) if positive else z3.And(*parts)
            if p.op == "→":
                if positive:
                    return z3.Or(self.prop(a, False), self.prop(b, True))
                return z3.And(self.prop(a, True), self.prop(b, False))
            if p.op == "↔":
                if positive:
                    return z3.And(
                        z3.Or(self.prop(a, False), self.prop(b, True)),
                        z3.Or(self.prop(b, False), self.prop(a, True)),
                    )
                return z3.Or(
                    z3.And(self.prop(a, True), self.prop(b, False)),
                    z3.And(self.prop(b, True), self.prop(a, False)),
                )
        try:
            atom = self.atomic(p)
        except Unsupported:
            atom = None
        if atom is None:
            return z3.BoolVal(True)
        return atom if positive else z3.Not(atom)

    def atomic(self, p: Prop) -> z3.BoolRef | None:
        if isinstance(p, Cmp) and p.lhs.ty in INTEGRAL:
            x, y = self.term(p.lhs), self.term(p.rhs)
            return {"=": x == y, "≠": x != y, "<": x < y, "≤": x <= y}[p.op]
        if isinstance(p, Dvd) and p.b.ty in INTEGRAL:
            k = self.literal(p.a)
            if k is None:
                return None
            e = self.term(p.b)
            if k == 0:
                return e == 0
            # q and r are functions of e (pinned by side constraints), so negation is safe here
            q, r = self.fresh(nonneg=False), self.fresh(nonneg=False)
            self.side += [e == abs(k) * q + r, r >= 0, r < abs(k)]
            return r == 0
        return None


def omega(hyps, goal: Prop, *, deadline: float | None = None) -> bool:
    """Lean 4's ``omega``: linear integer/natural arithmetic with propositional structure.

    Decides (exactly, over the integers) whether the hypotheses and the negated goal are jointly
    unsatisfiable, after the encoding described in the module docstring.

    Soundness: the encoding of every understood term is exact under Lean's semantics (the fresh
    variables for ``/``, ``%``, ℕ ``-`` are pinned to their Lean values by the side constraints,
    atoms range over all integers, or naturals for ℕ); ignored facts only weaken the
    hypotheses. So if z3 (complete for quantifier-free linear integer arithmetic) reports
    unsatisfiable, no assignment makes the hypotheses true and the goal false.
    """
    check_deadline(deadline)
    enc = _Encoder()
    try:
        facts = [enc.prop(h, True) for h in hyps] + [enc.prop(goal, False)]
    except Unsupported:
        return False
    solver = z3.SolverFor("QF_LIA")
    if deadline is not None:
        left = deadline - time.monotonic()
        if left <= 0:
            raise ReplTimeout("omega ran past its deadline")
        solver.set("timeout", max(1, int(left * 1000)))
    solver.add(*facts, *enc.side)
    result = solver.check()
    if result == z3.unknown:  # z3 hit its timeout (then so did the request) or gave up
        check_deadline(deadline)
        raise GiveUp(f"z3 answered unknown: {solver.reason_unknown()}")
    return result == z3.unsat

