"""Mathlib's recursion lemmas of the big operators over ``Finset.range``, as rewrite rules.

``Finset.sum_range_succ f n : ∑ x ∈ range (n + 1), f x = ∑ x ∈ range n, f x + f n`` cannot be a
pattern of :mod:`lemmas` (``f n`` applies the summand to a term: a β-reduction), so each lemma is a
function from a candidate subterm to its replacement. Every rule is an instance of the lemma, true by
the definition of ``Finset.sum``/``Finset.prod`` over ``range`` (a commutative monoid's fold), at any
type of the fragment. Like Lean's unifier (``Nat`` literal offsets: ``?n + 1 =?= 6`` gives ``?n := 5``),
``range 6`` is an instance of ``range (n + 1)``.
"""

from __future__ import annotations

from fractions import Fraction

from leangym.minilean.core.terms import NAT, App, Bin, Binder, Const, Expr, Num, Un, instantiate, is_closed

# name: (big operator, which lemma)
LEMMAS: dict[str, tuple[str, str]] = {
    "Finset.sum_range_succ": ("Finset.sum", "succ"),
    "Finset.prod_range_succ": ("Finset.prod", "succ"),
    "Finset.sum_range_zero": ("Finset.sum", "zero"),
    "Finset.prod_range_zero": ("Finset.prod", "zero"),
    "Finset.sum_range_one": ("Finset.sum", "one"),
    "Finset.prod_range_one": ("Finset.prod", "one"),
}
MAX_SIMP_STEPS = 200  # `simp [Finset.sum_range_succ]` unrolls a range of at most this many terms


def _parts(op: str, e: Expr) -> tuple[Expr, Binder] | None:
    """``(n, fun x => f x)`` of ``e = op (range n) (fun x => f x)``, or None."""
    if not (isinstance(e, App) and e.fn == Const(op) and len(e.args) == 2):
        return None
    rng, lam = e.args
    if not (isinstance(rng, App) and rng.fn == Const("Finset.range") and len(rng.args) == 1):
        return None
    if not (isinstance(lam, Binder) and lam.kind == "fun" and lam.dom == NAT):
        return None
    return rng.args[0], lam


def _pred(n: Expr) -> Expr | None:
    """``m`` with ``n`` an instance of ``m + 1``: ``n = m + 1`` syntactically, or a numeral ``n ≥ 1``."""
    if isinstance(n, Bin) and n.op == "+" and n.b == Num(Fraction(1), NAT):
        return n.a
    if isinstance(n, Num) and n.ty == NAT and n.value >= 1:
        return Num(n.value - 1, NAT)
    return None


def step(name: str, e: Expr) -> Expr | None:
    """The right side of the lemma ``name`` at the instance ``e`` of its left side, or None."""
    op, kind = LEMMAS[name]
    parts = _parts(op, e)
    if parts is None or not is_closed(e):
        return None
    n, lam = parts
    unit = Num(Fraction(0 if op == "Finset.sum" else 1), e.ty)
    if kind == "zero":
        return unit if n == Num(Fraction(0), NAT) else None
    if kind == "one":
        return instantiate(lam.body, Num(Fraction(0), NAT)) if n == Num(Fraction(1), NAT) else None
    m = _pred(n)
    if m is None:
        return None
    rest = App(e.fn, (App(Const("Finset.range"), (m,), e.args[0].ty), lam), e.ty)
    return Bin("+" if op == "Finset.sum" else "*", rest, instantiate(lam.body, m), e.ty)


def first_instance(name: str, e: Expr, subterms) -> tuple[Expr, Expr] | None:
    """``(instance, replacement)`` for the first instance of the lemma's left side among ``subterms(e)``
    (``rw``'s order), or None."""
    for x in subterms(e):
        new = step(name, x)
        if new is not None:
            return x, new
    return None


def rewrite_all(names: list[str], e: Expr) -> Expr:
    """``e`` with the lemmas ``names`` applied everywhere, innermost first, to a fixpoint (at most
    :data:`MAX_SIMP_STEPS` unrollings): what ``simp [Finset.sum_range_succ, …]`` does with them."""
    budget = [MAX_SIMP_STEPS]

    def go(x: Expr) -> Expr:
        if isinstance(x, Bin):
            a, b = go(x.a), go(x.b)
            x = x if a is x.a and b is x.b else Bin(x.op, a, b, x.ty)
        elif isinstance(x, Un):
            a = go(x.a)
            x = x if a is x.a else Un(x.op, a, x.ty)
        elif isinstance(x, App):
            args = tuple(go(y) for y in x.args)
            x = x if all(y is z for y, z in zip(args, x.args)) else App(x.fn, args, x.ty)
        elif isinstance(x, Binder):
            body = go(x.body)
            x = x if body is x.body else Binder(x.kind, x.name, x.dom, body)
        for name in names:
            if budget[0] <= 0:
                break
            new = step(name, x)
            if new is not None:
                budget[0] -= 1
                return go(new)
        return x

    return go(e)
