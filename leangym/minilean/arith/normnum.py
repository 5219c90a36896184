"""``norm_num``, ``decide`` and literal simplification (``simp_arith``).

``norm_num`` here is Mathlib's ``simp`` with the ``norm_num`` extensions, restricted to what can
be argued sound locally: evaluation of closed arithmetic (Lean semantics), deciding closed
comparisons, divisibility, ``Even``/``Odd`` and ``Nat.Prime`` of literals, the identities
``x + 0 = x``, ``x * 1 = x``, ``x * 0 = 0``, ``x ^ 1 = x``, ``x ^ 0 = 1``, ``x - 0 = x``,
``x / 1 = x``, reflexive comparisons, propositional simplification (``True ∧ p = p``,
``¬¬p = p``, ``¬ a < b = b ≤ a``, ...), and rewriting with the hypotheses it is given (``h : P``
turns ``P`` into ``True``, ``h : ¬P`` turns ``P`` into ``False``, ``h : x = e`` rewrites ``x``
to ``e`` when ``x`` is not closed).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

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
    Num,
    Op,
    Pred,
    Prop,
    PropAtom,
    Quant,
    Term,
)
from leangym.minilean.arith.poly import is_closed
from leangym.minilean.arith.semantics import INTEGRAL, Unsupported, check_deadline, evaluate, holds

MAX_PRIME_LITERAL = 10**12
"""``Nat.Prime n`` is decided by trial division only up to this literal."""

TRUE, FALSE = BoolConst(True), BoolConst(False)


def _num(v: Fraction, ty: str) -> Num:
    return Num(Fraction(v), ty)


@dataclass(frozen=True)
class FnRule:
    """``∀ var, name args = rhs``: a simp lemma for a function variable, e.g. ``∀ x, f x = 2 * x``.
    Non-recursive (``rhs`` never mentions ``name``), so rewriting with it terminates."""

    name: str
    args: tuple[Term, ...]
    var: str
    rhs: Term

    def apply(self, t: Fn) -> Term | None:
        if t.name != self.name or len(t.args) != len(self.args):
            return None
        value: Term | None = None
        for pat, arg in zip(self.args, t.args):
            if isinstance(pat, Atom) and pat.name == self.var:
                if value is not None and value != arg:
                    return None
                value = arg
            elif pat != arg:
                return None
        return self.rhs if value is None else substitute(self.rhs, self.var, value)


def substitute(t: Term, var: str, value: Term) -> Term:
    """``t[var := value]`` (terms have no binders, so nothing can be captured)."""
    if isinstance(t, Atom):
        return value if t.name == var else t
    if isinstance(t, Op):
        return Op(t.op, (substitute(t.args[0], var, value), substitute(t.args[1], var, value)), t.ty)
    if isinstance(t, Fn):
        return Fn(t.name, tuple(substitute(a, var, value) for a in t.args), t.ty)
    if isinstance(t, Neg | Abs | Cast):
        return type(t)(substitute(t.arg, var, value), t.ty)
    return t


def _mentions_fn(t: Term, name: str) -> bool:
    if isinstance(t, Fn):
        return t.name == name or any(_mentions_fn(a, name) for a in t.args)
    if isinstance(t, Op):
        return any(_mentions_fn(a, name) for a in t.args)
    if isinstance(t, Neg | Abs | Cast):
        return _mentions_fn(t.arg, name)
    return False


def fn_rule(h: Prop) -> FnRule | None:
    """The :class:`FnRule` stated by ``h``, if it has that shape."""
    if not (isinstance(h, Quant) and h.kind == "∀" and isinstance(h.body, Cmp) and h.body.op == "="):
        return None
    lhs, rhs = h.body.lhs, h.body.rhs
    if not isinstance(lhs, Fn) or _mentions_fn(rhs, lhs.name):
        return None
    return FnRule(lhs.name, lhs.args, h.var, rhs)


def simp_arith(
    term: Term, rewrites: dict[Term, Term] | None = None, rules: tuple[FnRule, ...] = ()
) -> Term:
    """Literal arithmetic normalisation: closed subterms become literals (Lean semantics) and
    the unit/zero identities are applied. Every step is an equation of the term's type.
    ``rewrites`` (term ↦ term, acyclic) and ``rules`` (function equations) are hypotheses used
    as simp lemmas."""
    rewrites = rewrites or {}

    def go(t: Term) -> Term:
        if t in rewrites:
            return go(rewrites[t])
        if isinstance(t, Fn) and rules:
            args = Fn(t.name, tuple(go(a) for a in t.args), t.ty)
            for rule in rules:
                out = rule.apply(args)
                if out is not None:
                    return go(out)
            return args
        if isinstance(t, Num):
            return t
        if is_closed(t):
            try:
                return _num(evaluate(t, {}), t.ty)
            except Unsupported:
                pass
        if isinstance(t, Neg):
            return Neg(go(t.arg), t.ty)
        if isinstance(t, Abs):
            return Abs(go(t.arg), t.ty)
        if isinstance(t, Cast):
            return Cast(go(t.arg), t.ty)
        if isinstance(t, Fn):
            return Fn(t.name, tuple(go(a) for a in t.args), t.ty)
        if not isinstance(t, Op):
            return t
        a, b = go(t.args[0]), go(t.args[1])
        out = Op(t.op, (a, b), t.ty)
        if is_closed(out):
            try:
                return _num(evaluate(out, {}), t.ty)
            except Unsupported:
                return out
        av = a.value if isinstance(a, Num) else None
        bv = b.value if isinstance(b, Num) else None
        if t.op == "+":
            return b if av == 0 else a if bv == 0 else out
        if t.op == "*":
            if av == 0 or bv == 0:
                return _num(Fraction(0), t.ty)
            return b if av == 1 else a if bv == 1 else out
        if t.op in ("-", "/") and bv == (0 if t.op == "-" else 1):
            return a
        if t.op == "/" and bv == 0:
            return _num(Fraction(0), t.ty)
        if t.op == "^":
            if bv == 0:
                return _num(Fraction(1), t.ty)
            if bv == 1:
                return a
        return out

    return go(term)


def _closed_prop(p: Prop) -> bool:
    if isinstance(p, Cmp):
        return is_closed(p.lhs) and is_closed(p.rhs)
    if isinstance(p, Dvd):
        return is_closed(p.a) and is_closed(p.b)
    if isinstance(p, Pred):
        return is_closed(p.arg)
    return False


def _atomic(p: Prop, rewrites: dict[Term, Term], rules: tuple[FnRule, ...], predicates: bool = True) -> Prop:
    if isinstance(p, Cmp):
        p = Cmp(p.op, simp_arith(p.lhs, rewrites, rules), simp_arith(p.rhs, rewrites, rules))
        if p.lhs == p.rhs:
            return BoolConst(p.op in ("=", "≤"))
    elif isinstance(p, Dvd):
        p = Dvd(simp_arith(p.a, rewrites, rules), simp_arith(p.b, rewrites, rules))
    elif isinstance(p, Pred):
        p = Pred(p.name, simp_arith(p.arg, rewrites, rules))
        if not predicates:  # simp's set: no parity or primality extension, no `decide`
            return p
    if _closed_prop(p):
        if isinstance(p, Pred) and p.name == "Nat.Prime" and evaluate(p.arg, {}) > MAX_PRIME_LITERAL:
            return p
        try:
            return BoolConst(holds(p, {}))
        except Unsupported:
            return p
    return p


def _negate(p: Prop) -> Prop:
    if isinstance(p, BoolConst):
        return BoolConst(not p.value)
    if isinstance(p, Not):
        return p.arg
    if isinstance(p, Cmp):
        flipped = {"<": ("≤", True), "≤": ("<", True), "=": ("≠", False), "≠": ("=", False)}
        op, swap = flipped[p.op]
        return Cmp(op, p.rhs, p.lhs) if swap else Cmp(op, p.lhs, p.rhs)
    return Not(p)


def _conn(op: str, a: Prop, b: Prop) -> Prop:
    if op == "∧":
        if a == FALSE or b == FALSE:
            return FALSE
        return b if a == TRUE else a if b == TRUE else (a if a == b else Conn(op, (a, b)))
    if op == "∨":
        if a == TRUE or b == TRUE:
            return TRUE
        return b if a == FALSE else a if b == FALSE else (a if a == b else Conn(op, (a, b)))
    if op == "→":
        if a == FALSE or b == TRUE or a == b:
            return TRUE
        return b if a == TRUE else _negate(a) if b == FALSE else Conn(op, (a, b))
    if a == b:
        return TRUE
    if TRUE in (a, b):
        return b if a == TRUE else a
    if FALSE in (a, b):
        return _negate(b if a == FALSE else a)
    return Conn(op, (a, b))


def _simp(p: Prop, facts: dict[Prop, Prop], rewrites: dict[Term, Term], rules: tuple[FnRule, ...],
          deadline: float | None, predicates: bool = True) -> Prop:
    check_deadline(deadline)
    if p in facts:
        return facts[p]
    if isinstance(p, (BoolConst, PropAtom, Quant)):
        return p
    if isinstance(p, Not):
        return _negate(_simp(p.arg, facts, rewrites, rules, deadline, predicates))
    if isinstance(p, Conn):
        a = _simp(p.args[0], facts, rewrites, rules, deadline, predicates)
        b = _simp(p.args[1], facts, rewrites, rules, deadline, predicates)
        return _conn(p.op, a, b)
    out = _atomic(p, rewrites, rules, predicates)
    return facts.get(out, out)


def norm_num(prop: Prop, hyps=(), *, deadline: float | None = None, predicates: bool = True) -> Prop:
    """Simplify ``prop`` the way ``norm_num [hyps]`` would; ``BoolConst(True)`` means proved,
    ``BoolConst(False)`` means refuted (so ``norm_num`` fails with "norm_num proved the goal is
    False"-style errors), anything else is the new goal.

    Soundness: every rewrite is an equivalence (or equation) valid in Lean under the given
    hypotheses: closed terms are evaluated with Lean's semantics, literal identities hold in
    every type (with ``x / 0 = 0``), propositional laws are classical tautologies, a hypothesis
    only replaces exactly the proposition (or non-closed term) it states, and a hypothesis
    ``∀ x, f x = e`` rewrites ``f a`` to ``e[x := a]`` (an instance of it; ``e`` may not mention
    ``f``, so rewriting terminates). ``predicates=False`` (``simp``'s set) leaves ``Even``/``Odd``/
    ``Nat.Prime`` of literals undecided.
    """
    facts: dict[Prop, Prop] = {}
    rewrites: dict[Term, Term] = {}
    rules = tuple(r for r in map(fn_rule, hyps) if r is not None)
    for h in hyps:
        h = _simp(h, {}, {}, (), deadline)
        if isinstance(h, BoolConst):
            continue
        if isinstance(h, Cmp) and h.op == "=" and not is_closed(h.lhs) and _acyclic(h.lhs, h.rhs, rewrites):
            rewrites[h.lhs] = h.rhs
        if isinstance(h, Not):
            facts[h.arg] = FALSE
        elif isinstance(h, Cmp) and h.op == "≠":
            facts[Cmp("=", h.lhs, h.rhs)] = FALSE
        facts[h] = TRUE
    return _simp(prop, facts, rewrites, rules, deadline, predicates)


def _acyclic(lhs: Term, rhs: Term, rewrites: dict[Term, Term]) -> bool:
    """Whether adding ``lhs ↦ rhs`` keeps rewriting terminating (no rule feeds another)."""
    if _occurs(lhs, rhs) or any(_occurs(k, rhs) for k in rewrites):
        return False
    return not any(_occurs(lhs, v) for v in rewrites.values())


def _occurs(needle: Term, hay: Term) -> bool:
    if needle == hay:
        return True
    if isinstance(hay, Op | Fn):
        return any(_occurs(needle, a) for a in hay.args)
    if isinstance(hay, Neg | Abs | Cast):
        return _occurs(needle, hay.arg)
    return False


def _decidable_term(t: Term) -> bool:
    """Closed and free of ℝ (whose order and equality are not decidable in Lean's kernel)."""
    if t.ty == "ℝ" or not is_closed(t):
        return False
    if isinstance(t, Op):
        return _decidable_term(t.args[0]) and _decidable_term(t.args[1])
    if isinstance(t, Neg | Abs | Cast):
        return _decidable_term(t.arg)
    return True


def decide(prop: Prop) -> bool | None:
    """Lean's ``decide`` on a closed decidable proposition: its truth value, or ``None`` when the
    proposition is not decidable by evaluation (variables, ℝ, ``Nat.Prime``, quantifiers).

    Soundness: the value is computed by :func:`~leangym.minilean.arith.semantics.holds`, i.e.
    exactly Lean's semantics; ``None`` is returned rather than guessing.
    """
    if isinstance(prop, BoolConst):
        return prop.value
    if isinstance(prop, Not):
        inner = decide(prop.arg)
        return None if inner is None else not inner
    if isinstance(prop, Conn):
        a, b = decide(prop.args[0]), decide(prop.args[1])
        if a is None or b is None:
            return None
        return holds(Conn(prop.op, (BoolConst(a), BoolConst(b))), {})
    if isinstance(prop, Cmp):
        ok = _decidable_term(prop.lhs) and _decidable_term(prop.rhs)
    elif isinstance(prop, Dvd):
        ok = _decidable_term(prop.a) and _decidable_term(prop.b) and prop.a.ty in INTEGRAL
    elif isinstance(prop, Pred):
        ok = prop.name in ("Even", "Odd") and prop.arg.ty in INTEGRAL and _decidable_term(prop.arg)
    else:
        ok = False
    if not ok:
        return None
    try:
        return holds(prop, {})
    except Unsupported:
        return None
