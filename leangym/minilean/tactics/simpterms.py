"""Term-level laws of Mathlib's simp set, and rewriting *below function applications*.

Mathlib's ``simp``, ``norm_num`` and ``ring_nf`` rewrite every subterm, the arguments of opaque functions
included: ``simp`` turns ``f (x + -x)`` into ``f 0`` and ``Real.cos (0 - y)`` into ``Real.cos (-y)``;
``ring_nf`` puts ``Real.cos ((x + y) / 2 + (x - y) / 2)`` in the form ``Real.cos x``. MiniLean's
arithmetic procedures see an application as one opaque atom, so the arguments are rewritten here, before
the procedures run. Soundness: each rewrite replaces an argument by a term equal to it at its type (an
identity of ℕ ℤ ℚ ℝ, a closed evaluation with Lean's semantics, or a ring normal form), and a function
applied to equal arguments gives equal values (congruence).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from leangym.minilean import evaluate
from leangym.minilean.core.terms import (
    INT,
    NAT,
    NUM_RANK,
    RAT,
    REAL,
    App,
    Bin,
    Binder,
    Const,
    Expr,
    Num,
    Un,
    alpha_eq,
)

RINGS = (INT, RAT, REAL)  # where `-` is a group's: ℕ's subtraction truncates
LITERAL_FOLDING = {"norm_num": frozenset(NUM_RANK), "simp": frozenset({NAT, INT})}
"""The types whose closed numeral arithmetic each tactic folds: ``norm_num`` evaluates at every type;
``simp``'s simprocs (``Nat.reduceAdd``, ``Int.reduceMul`` …) fold only ℕ/ℤ literals."""


def is_zero(e: Expr) -> bool:
    return isinstance(e, Num) and e.value == 0


def is_one(e: Expr) -> bool:
    return isinstance(e, Num) and e.value == 1


def identities(e: Expr) -> Expr:
    """``e`` under the unit/zero simp lemmas of Mathlib's default set (``add_zero``, ``zero_add``,
    ``mul_one``, ``one_mul``, ``mul_zero``, ``zero_mul``, ``sub_zero``, ``sub_self``, ``pow_zero``,
    ``pow_one``, ``one_pow``, ``div_one``, ``zero_div``, ``div_zero``, ``neg_zero``, ``neg_neg``, casts
    of numerals, ``abs_zero``, ``abs_one``, ``abs_neg``, ``abs_abs``), innermost first; no numeral arithmetic."""
    if isinstance(e, Bin):
        a, b = identities(e.a), identities(e.b)
        return _unit_laws(e, a, b)
    if isinstance(e, Un):
        return _neg_laws(e, identities(e.a))
    return e


def _unit_laws(e: Bin, a: Expr, b: Expr) -> Expr:
    op = e.op
    if op == "+" and is_zero(b) or op == "-" and is_zero(b) or op in ("*", "/") and is_one(b) \
            or op == "^" and is_one(b):
        return a
    if op == "+" and is_zero(a) or op == "*" and is_one(a):
        return b
    if op == "*" and (is_zero(a) or is_zero(b)) or op == "/" and (is_zero(a) or is_zero(b)) \
            or op == "-" and alpha_eq(a, b):
        return Num(Fraction(0), e.ty)
    if op == "^" and (is_zero(b) or is_one(a)):
        return Num(Fraction(1), e.ty)
    return e if a is e.a and b is e.b else Bin(op, a, b, e.ty)


def _neg_laws(e: Un, a: Expr) -> Expr:
    if e.op == "↑" and isinstance(a, Num):
        return Num(a.value, e.ty)
    if e.op == "-" and is_zero(a):
        return a
    if e.op == "-" and isinstance(a, Un) and a.op == "-":
        return a.a
    if e.op == "-" and isinstance(a, Bin) and a.op == "-" and e.ty in RINGS:  # neg_sub
        return Bin("-", a.b, a.a, e.ty)
    if e.op == "abs" and (is_zero(a) or is_one(a)):  # abs_zero, abs_one
        return a
    if e.op == "abs" and isinstance(a, Un) and a.op in ("-", "abs"):  # abs_neg, abs_abs
        return Un("abs", a.a, e.ty) if a.op == "-" else a
    return e if a is e.a else Un(e.op, a, e.ty)


def _neg_of(e: Expr, a: Expr) -> bool:
    """Whether ``e`` is ``-a``."""
    return isinstance(e, Un) and e.op == "-" and alpha_eq(e.a, a)


def _cancel(e: Bin) -> Expr:
    """The cancellation lemmas of Mathlib's simp set at the top of ``e`` (its arguments already simplified):
    ``add_sub_cancel_right`` ``a + b - b = a`` and ``add_sub_cancel_left`` ``a + b - a = b`` (ℕ too, as
    ``add_tsub_cancel_*``), ``Nat.zero_sub`` ``0 - a = 0`` on ℕ; in a ring ``add_neg_cancel`` ``a + -a = 0``,
    ``neg_add_cancel`` ``-a + a = 0``, ``zero_sub`` ``0 - a = -a``, ``sub_neg_eq_add`` ``a - -b = a + b``,
    ``sub_add_cancel`` ``a - b + b = a``."""
    a, b, ty = e.a, e.b, e.ty
    ring = ty in RINGS
    if e.op == "-":
        if isinstance(a, Bin) and a.op == "+" and alpha_eq(a.b, b):
            return a.a
        if isinstance(a, Bin) and a.op == "+" and alpha_eq(a.a, b):
            return a.b
        if is_zero(a):
            return Un("-", b, ty) if ring else Num(Fraction(0), ty)
        if ring and isinstance(b, Un) and b.op == "-":
            return Bin("+", a, b.a, ty)
    if e.op == "+" and ring:
        if _neg_of(b, a) or _neg_of(a, b):
            return Num(Fraction(0), ty)
        if isinstance(a, Bin) and a.op == "-" and alpha_eq(a.b, b):
            return a.a
    return e


PI = App(Const("Real.pi"), (), REAL)
# Mathlib's default simp lemmas on the real functions at special arguments (`Real.cos_zero`, `Real.sin_pi`,
# `Real.exp_zero`, `Real.log_one`, `Real.sqrt_zero` …): (function, argument) -> value
SPECIAL_VALUES = {("Real.sin", 0): 0, ("Real.cos", 0): 1, ("Real.exp", 0): 1, ("Real.log", 0): 0, ("Real.log", 1): 0,
                  ("Real.sqrt", 0): 0, ("Real.sqrt", 1): 1, ("Real.sin", "π"): 0, ("Real.cos", "π"): -1}


def function_laws(e: App) -> Expr:
    """``e`` (its arguments already simplified) under the default simp lemmas of the real functions: the
    values of :data:`SPECIAL_VALUES`, and the parity laws ``Real.cos_neg`` (``cos (-x) = cos x``) and
    ``Real.sin_neg`` (``sin (-x) = -sin x``)."""
    if not (isinstance(e.fn, Const) and len(e.args) == 1):
        return e
    name, a = e.fn.name, e.args[0]
    key = "π" if a == PI else a.value if isinstance(a, Num) and a.ty == REAL else None
    if key is not None and (name, key) in SPECIAL_VALUES:
        v = SPECIAL_VALUES[(name, key)]
        return Un("-", Num(Fraction(-v), REAL), REAL) if v < 0 else Num(Fraction(v), REAL)
    if isinstance(a, Un) and a.op == "-" and name in ("Real.cos", "Real.sin"):
        inner = App(e.fn, (a.a,), e.ty)
        return inner if name == "Real.cos" else Un("-", inner, e.ty)
    return e


def _fold(e: Expr, types: frozenset) -> Expr:
    """``e`` as a literal when it is closed numeral arithmetic of one of ``types`` (Lean's semantics)."""
    if isinstance(e, Num) or getattr(e, "ty", None) not in types:
        return e
    v = evaluate.closed_value(e)
    if v is None:
        return e
    num = Num(Fraction(abs(v.numerator)), e.ty)
    if v.denominator != 1:
        num = Bin("/", num, Num(Fraction(v.denominator), e.ty), e.ty)
    return Un("-", num, e.ty) if v < 0 else num


def simp_term(e: Expr, fold: frozenset, laws: bool = True) -> Expr:
    """A numeric term under simp's term laws, innermost first: closed numeral arithmetic of the ``fold``
    types evaluated, and with ``laws`` the unit/zero and cancellation lemmas of Mathlib's default simp set.
    Applications inside are left as they are (:func:`simp_args` has simplified their arguments first)."""
    if isinstance(e, Bin) and e.ty in NUM_RANK:
        a, b = simp_term(e.a, fold, laws), simp_term(e.b, fold, laws)
        e = e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)
        e = _fold(e, fold)
        if laws and isinstance(e, Bin):
            e = _unit_laws(e, e.a, e.b)
            e = _cancel(e) if isinstance(e, Bin) else e
        return e
    if isinstance(e, Un) and e.ty in NUM_RANK:
        a = simp_term(e.a, fold, laws)
        e = e if a is e.a else Un(e.op, a, e.ty)
        e = _fold(e, fold)
        return _neg_laws(e, e.a) if laws and isinstance(e, Un) else e
    return e


def map_args(p: Expr, fn: Callable[[Expr], Expr], app: Callable[[App], Expr] | None = None) -> Expr:
    """``p`` with every numeric argument of every function application replaced by ``fn`` of it, innermost
    applications first, and each application then by ``app`` of it (``fn`` and ``app`` must return a term
    equal to theirs). Binder bodies are left alone: their terms mention bound variables, which the
    procedures behind ``fn`` do not read."""
    if isinstance(p, App):
        args = []
        for x in p.args:
            x = map_args(x, fn, app)
            if getattr(x, "ty", None) in NUM_RANK:
                x = fn(x)
            args.append(x)
        p = p if all(x is y for x, y in zip(args, p.args)) else App(p.fn, tuple(args), p.ty)
        return p if app is None else app(p)
    if isinstance(p, Bin):
        a, b = map_args(p.a, fn, app), map_args(p.b, fn, app)
        return p if a is p.a and b is p.b else Bin(p.op, a, b, p.ty)
    if isinstance(p, Un):
        a = map_args(p.a, fn, app)
        return p if a is p.a else Un(p.op, a, p.ty)
    if isinstance(p, Binder):
        return p
    return p


def simp_args(p: Expr, fold: frozenset, laws: bool = True) -> Expr:
    """``p`` with the arguments of its function applications simplified by :func:`simp_term`, and with
    ``laws`` the applications themselves by :func:`function_laws`."""
    return map_args(p, lambda x: simp_term(x, fold, laws), function_laws if laws else None)
