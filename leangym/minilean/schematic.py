"""Mathlib lemmas the pattern language of :mod:`lemmas` cannot state, as rewrite rules (``rw``, ``simp``).

Two kinds: the recursion lemmas of the big operators over ``Finset.range`` (``Finset.sum_range_succ f n :
∑ x ∈ range (n + 1), f x = ∑ x ∈ range n, f x + f n``: ``f n`` applies the summand to a term, a
β-reduction), and lemmas relating two types (``Int.floor_eq_iff : ⌊r⌋ = z ↔ ↑z ≤ r ∧ r < ↑z + 1``, ``r``
in a field, ``z`` in ℤ; :mod:`lemmas` gives all of a statement's terms one type). Each lemma is a
function from a candidate subterm to its replacement, which is the lemma's instance at that subterm.

Soundness: a big-operator rule is true by the definition of ``Finset.sum``/``Finset.prod`` over ``range``
(a commutative monoid's fold) at every type of the fragment; like Lean's unifier (``Nat`` literal
offsets: ``?n + 1 =?= 6`` gives ``?n := 5``), ``range 6`` is an instance of ``range (n + 1)``. The floor
rule is Mathlib's characterisation of ``Int.floor`` in a linearly ordered field (ℚ ℝ), the types where
MiniLean has ``⌊·⌋`` of a non-integer argument; the cast laws hold because a cast of an integer is an
integer of the floor ring (``⌊(z : ℝ)⌋ = z``), and plain ``simp``/``norm_num`` use them as Mathlib's
default simp set does.
"""

from __future__ import annotations

from fractions import Fraction

from leangym.minilean.core.terms import (
    INT,
    NAT,
    PROP,
    RAT,
    REAL,
    App,
    Bin,
    Binder,
    Const,
    Expr,
    Num,
    Un,
    instantiate,
    is_closed,
    map_children,
    term_shape,
)

# name: (big operator, which lemma)
BIGOPS: dict[str, tuple[str, str]] = {
    "Finset.sum_range_succ": ("Finset.sum", "succ"),
    "Finset.prod_range_succ": ("Finset.prod", "succ"),
    "Finset.sum_range_zero": ("Finset.sum", "zero"),
    "Finset.prod_range_zero": ("Finset.prod", "zero"),
    "Finset.sum_range_one": ("Finset.sum", "one"),
    "Finset.prod_range_one": ("Finset.prod", "one"),
}
# Mathlib's names for `⌊r⌋ = z ↔ ↑z ≤ r ∧ r < ↑z + 1` (`Int.floor_eq_iff`) and `⌈r⌉ = z ↔ ↑z - 1 < r ∧ r ≤ ↑z`
# `Finset.sum_Icc_succ_top {a b : ℕ} (hab : a ≤ b + 1) (f) : ∑ k ∈ Icc a (b + 1), f k = ∑ k ∈ Icc a b, f k + f (b + 1)`
# (and `prod_Icc_succ_top`, with `*`); used only where the premise is evident (see `_icc_step`)
ICC_TOPS = {"Finset.sum_Icc_succ_top": "Finset.sum", "Finset.prod_Icc_succ_top": "Finset.prod"}
FLOORS = {"Int.floor_eq_iff": "Int.floor", "Int.ceil_eq_iff": "Int.ceil"}
# Mathlib's default simp lemmas `⌊(z : α)⌋ = z`, `⌊(n : α)⌋ = n`, `⌈(z : α)⌉ = z`, `⌊(n : α)⌋₊ = n`…
# (2024 names and the older `int_cast`/`nat_cast` spellings): name -> the function they simplify
CAST_LAWS = {"Int.floor_intCast": "Int.floor", "Int.floor_natCast": "Int.floor", "Int.ceil_intCast": "Int.ceil",
             "Int.ceil_natCast": "Int.ceil", "Nat.floor_natCast": "Nat.floor", "Nat.ceil_natCast": "Nat.ceil",
             "Int.floor_int_cast": "Int.floor", "Int.floor_nat_cast": "Int.floor", "Int.ceil_int_cast": "Int.ceil",
             "Int.ceil_nat_cast": "Int.ceil", "Nat.floor_coe": "Nat.floor", "Nat.ceil_natCast'": "Nat.ceil"}
SIMP_SET = ["Int.floor_intCast", "Int.floor_natCast", "Int.ceil_intCast", "Int.ceil_natCast", "Nat.floor_natCast",
            "Nat.ceil_natCast"]
LEMMAS = set(BIGOPS) | set(ICC_TOPS) | set(FLOORS) | set(CAST_LAWS)
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


def _floor_step(fn: str, e: Expr, type_of) -> Expr | None:
    """``⌊r⌋ = z`` ↦ ``↑z ≤ r ∧ r < ↑z + 1``; ``⌈r⌉ = z`` ↦ ``↑z - 1 < r ∧ r ≤ ↑z`` (``r`` in ℚ or ℝ)."""
    if not (isinstance(e, Bin) and e.op == "=" and isinstance(e.a, App) and e.a.fn == Const(fn)
            and len(e.a.args) == 1 and is_closed(e)):
        return None
    r, z = e.a.args[0], e.b
    ty = type_of(r)
    if ty not in (RAT, REAL) or type_of(z) != INT:
        return None
    cz = Un("↑", z, ty)
    one = Num(Fraction(1), ty)
    if fn == "Int.floor":
        return Bin("∧", Bin("≤", cz, r, PROP), Bin("<", r, Bin("+", cz, one, ty), PROP), PROP)
    return Bin("∧", Bin("<", Bin("-", cz, one, ty), r, PROP), Bin("≤", r, cz, PROP), PROP)


def _cast_law(fn: str, e: Expr, type_of) -> Expr | None:
    """``⌊(z : α)⌋ = z``, ``⌊(n : α)⌋ = ↑n`` (``n : ℕ``), the same for ``⌈·⌉``, ``⌊(n : α)⌋₊ = n``."""
    if not (isinstance(e, App) and e.fn == Const(fn) and len(e.args) == 1):
        return None
    arg = e.args[0]
    if not (isinstance(arg, Un) and arg.op == "↑"):
        return None
    inner = type_of(arg.a)
    if fn in ("Int.floor", "Int.ceil"):
        return arg.a if inner == INT else Un("↑", arg.a, INT) if inner == NAT else None
    return arg.a if inner == NAT else None


def _icc_step(op: str, e: Expr) -> Expr | None:
    """``op (Icc a (b + 1)) f`` ↦ ``op (Icc a b) f ⊕ f (b + 1)`` when the premise ``a ≤ b + 1`` is evident:
    ``a`` is 0 or 1 (every ``b + 1`` is at least 1 in ℕ) or both bounds are numerals with ``a ≤ b + 1``.
    Simp discharges these; where it would need more, MiniLean does not rewrite (weaker, never unsound)."""
    if not (isinstance(e, App) and e.fn == Const(op) and len(e.args) == 2 and is_closed(e)):
        return None
    rng, lam = e.args
    if not (isinstance(rng, App) and rng.fn == Const("Finset.Icc") and len(rng.args) == 2
            and isinstance(lam, Binder) and lam.kind == "fun" and lam.dom == NAT):
        return None
    a, top = rng.args
    b = _pred(top)
    if b is None or not isinstance(a, Num) or not (a.value <= 1 or isinstance(top, Num) and a.value <= top.value):
        return None
    rest = App(e.fn, (App(rng.fn, (a, b), rng.ty), lam), e.ty)
    return Bin("+" if op == "Finset.sum" else "*", rest, instantiate(lam.body, top), e.ty)


def step(name: str, e: Expr, type_of) -> Expr | None:
    """The right side of the lemma ``name`` at the instance ``e`` of its left side, or None;
    ``type_of`` gives a term's type (local variables' from the goal)."""
    if name in CAST_LAWS:
        return _cast_law(CAST_LAWS[name], e, type_of)
    if name in FLOORS:
        return _floor_step(FLOORS[name], e, type_of)
    if name in ICC_TOPS:
        return _icc_step(ICC_TOPS[name], e)
    op, kind = BIGOPS[name]
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


def first_instance(name: str, e: Expr, subterms, type_of) -> tuple[Expr, Expr] | None:
    """``(instance, replacement)`` for the first instance of the lemma's left side among ``subterms(e)``
    (``rw``'s order), or None."""
    for x in subterms(e):
        new = step(name, x, type_of)
        if new is not None:
            return x, new
    return None


def _head(name: str) -> str:
    """The function an instance of the lemma ``name``'s left side applies."""
    if name in BIGOPS:
        return BIGOPS[name][0]
    return ICC_TOPS.get(name) or FLOORS.get(name) or CAST_LAWS[name]


HEADS = {name: _head(name) for name in LEMMAS}
"""The function each lemma is about (the quick test of :func:`rewrite_all`)."""






def rewrite_all(names: list[str], e: Expr, type_of) -> Expr:
    """``e`` with the lemmas ``names`` applied everywhere, innermost first, to a fixpoint (at most
    :data:`MAX_SIMP_STEPS` unrollings): what ``simp [Finset.sum_range_succ, …]`` does with them."""
    present = term_shape(e)[0]
    if not present:  # the common goal applies no function at all
        return e
    names = [n for n in names if HEADS[n] in present]
    if not names:  # the common goal, with no function these lemmas are about: no rebuilding walk
        return e
    budget = [MAX_SIMP_STEPS]

    def go(x: Expr) -> Expr:
        x = map_children(x, go)
        for name in names:
            if budget[0] <= 0:
                break
            new = step(name, x, type_of)
            if new is not None:
                budget[0] -= 1
                return go(new)
        return x

    return go(e)
