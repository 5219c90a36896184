"""Polynomial normal form over ℚ coefficients, the engine behind ``ring``, ``ring_nf`` and the
linear forms of ``linarith``.

A :data:`Poly` maps a monomial (a sorted tuple of ``(atom, exponent)``) to a nonzero Fraction.
Atoms are IR terms the normal form does not interpret, compared structurally: variables, function
applications, ``|x|``, ℕ subtraction (truncated, so not a ring operation), ℕ/ℤ ``/`` and ``%``,
casts (``ring`` does not push casts), non-literal exponents. In ℚ/ℝ, ``a / b`` is ``a * b⁻¹``; the
inverse of a monomial distributes (``(c·x·y)⁻¹ = c⁻¹·x⁻¹·y⁻¹`` holds in a field, zero included,
since ``0⁻¹ = 0``), the inverse of anything else is an atom. Closed subterms are evaluated with
Lean's semantics (:mod:`~leangym.minilean.arith.semantics`).

Soundness: every rewrite used (commutative-ring axioms, the field identities above, evaluation of
closed terms) is an identity of Lean's ℕ (as a commutative semiring), ℤ, ℚ and ℝ; so two terms
with equal normal forms are equal under every assignment. The property tests check this.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from leangym.minilean.arith.ir import Abs, Atom, Cast, Fn, Neg, Num, Op, Term
from leangym.minilean.arith.semantics import FIELDS, MAX_EXPONENT, Unsupported, check_power_size, evaluate

Monomial = tuple  # tuple[tuple[Term, int], ...], sorted by atom key
Poly = dict  # dict[Monomial, Fraction]

MAX_TERMS = 5_000
"""Expanding past this many monomials is refused (a ``(a + b + c) ^ 40`` would never finish)."""


def atom_key(t: Term) -> str:
    return repr(t)


def is_closed(t: Term) -> bool:
    if isinstance(t, (Atom, Fn)):
        return False
    if isinstance(t, Num):
        return True
    if isinstance(t, Op):
        return is_closed(t.args[0]) and is_closed(t.args[1])
    return is_closed(t.arg)


def const(c: Fraction) -> Poly:
    return {(): Fraction(c)} if c else {}


def atom(t: Term) -> Poly:
    return {((t, 1),): Fraction(1)}


def add(p: Poly, q: Poly, scale: Fraction = Fraction(1)) -> Poly:
    out = dict(p)
    for m, c in q.items():
        v = out.get(m, 0) + scale * c
        if v:
            out[m] = v
        else:
            out.pop(m, None)
    return out


def _mono_mul(m1: Monomial, m2: Monomial) -> Monomial:
    exps: dict[str, tuple[Term, int]] = {}
    for t, e in m1 + m2:
        k = atom_key(t)
        exps[k] = (t, exps[k][1] + e) if k in exps else (t, e)
    return tuple(exps[k] for k in sorted(exps))


def mul(p: Poly, q: Poly) -> Poly:
    if len(p) * len(q) > MAX_TERMS:
        raise Unsupported("polynomial too large to expand")
    out: Poly = {}
    for m1, c1 in p.items():
        for m2, c2 in q.items():
            m = _mono_mul(m1, m2)
            v = out.get(m, 0) + c1 * c2
            if v:
                out[m] = v
            else:
                out.pop(m, None)
    return out


def power(p: Poly, n: int) -> Poly:
    for c in p.values():
        check_power_size(c, n)
    result, base = const(Fraction(1)), p
    while n:
        if n & 1:
            result = mul(result, base)
        n >>= 1
        if n:
            base = mul(base, base)
    return result


def constant_value(p: Poly) -> Fraction | None:
    if not p:
        return Fraction(0)
    if len(p) == 1 and () in p:
        return p[()]
    return None


def to_poly(t: Term, *, push_casts: bool = False, field_div: str = "inv",
            ground: Callable[[Term], bool] | None = None) -> Poly:
    """Normal form of ``t``. ``push_casts`` distributes casts over the operations they commute
    with (``natToInt``/``zify`` style, for linarith and omega); ``field_div="atom"`` keeps a
    non-literal field division ``a / b`` as one atom, as linarith does, instead of ``a * b⁻¹``.
    ``ground`` says which closed subterms may be evaluated to a number (default: all); a closed
    subterm it refuses is read structurally like any other term (its ``%`` or ``/`` an atom)."""

    def go(t: Term) -> Poly:
        if isinstance(t, Num):
            return const(t.value)
        if is_closed(t) and (ground is None or ground(t)):
            return const(evaluate(t, {}))
        if isinstance(t, (Atom, Fn, Abs)):
            return atom(t)
        if isinstance(t, Neg):
            if t.ty == "ℕ":
                raise Unsupported("ℕ has no negation")
            return add({}, go(t.arg), Fraction(-1))
        if isinstance(t, Cast):
            return go_cast(t)
        a, b = t.args
        if t.op == "+":
            return add(go(a), go(b))
        if t.op == "*":
            return mul(go(a), go(b))
        if t.op == "-":
            return atom(t) if t.ty == "ℕ" else add(go(a), go(b), Fraction(-1))
        if t.op == "^":
            n = constant_value(go(b)) if is_closed(b) else None
            if n is None or n.denominator != 1 or not 0 <= n <= MAX_EXPONENT:
                return atom(t)
            return power(go(a), int(n))
        if t.op == "/" and t.ty in FIELDS:
            return divide(go(a), go(b), t)
        return atom(t)  # ℕ/ℤ division and remainder

    def divide(num: Poly, den: Poly, t: Op) -> Poly:
        c = constant_value(den)
        if c is not None:
            return {} if c == 0 else add({}, num, 1 / c)
        if field_div == "atom":
            return atom(t)
        if len(den) == 1:
            ((mono, coeff),) = den.items()
            inv: Poly = const(1 / coeff)
            for base, e in mono:
                inv = mul(inv, power(atom(inverse(base, t.ty)), e))
            return mul(num, inv)
        return mul(num, atom(inverse(from_poly(den, t.ty), t.ty)))

    def go_cast(t: Cast) -> Poly:
        inner = t.arg
        if not push_casts or not isinstance(inner, (Op, Neg, Cast)):
            return atom(t)
        src = inner.ty
        if isinstance(inner, Cast):
            return go(Cast(inner.arg, t.ty))
        if isinstance(inner, Neg):
            return add({}, go(Cast(inner.arg, t.ty)), Fraction(-1))
        a, b = inner.args
        # a cast is a ring homomorphism; from ℚ it is a field homomorphism (division too)
        if inner.op in ("+", "*") or inner.op == "-" and src != "ℕ" or inner.op == "/" and src == "ℚ":
            return go(Op(inner.op, (Cast(a, t.ty), Cast(b, t.ty)), t.ty))
        if inner.op == "^":
            return go(Op("^", (Cast(a, t.ty), b), t.ty))
        return atom(t)

    return go(t)


def inverse(base: Term, ty: str) -> Term:
    """The atom standing for ``base⁻¹`` (printed ``1 / base``)."""
    return Op("/", (Num(Fraction(1), ty), base), ty)


def from_poly(p: Poly, ty: str) -> Term:
    """A canonical term for ``p``, ordered like Mathlib's ``ring_nf``: constant first, then
    monomials by degree, each written ``x ^ 2 * y * 3`` with its coefficient last."""

    def mono_term(mono: Monomial) -> Term | None:
        out: Term | None = None
        for base, e in mono:
            f = base if e == 1 else Op("^", (base, Num(Fraction(e), "ℕ")), ty)
            out = f if out is None else Op("*", (out, f), ty)
        return out

    def degree(m: Monomial) -> int:
        return sum(e for _, e in m)

    items = sorted(p.items(), key=lambda mc: (degree(mc[0]), [(atom_key(b), -e) for b, e in mc[0]]))
    result: Term | None = None
    for mono, c in items:
        m = mono_term(mono)
        mag = abs(c)
        if m is None:
            piece: Term = Num(mag, ty)
        else:
            piece = m if mag == 1 else Op("*", (m, Num(mag, ty)), ty)
        if result is None:
            result = piece if c > 0 else Neg(piece, ty)
        else:
            result = Op("+" if c > 0 else "-", (result, piece), ty)
    return Num(Fraction(0), ty) if result is None else result


def ring_equal(lhs: Term, rhs: Term) -> bool:
    """Whether ``lhs = rhs`` follows from the commutative (semi)ring axioms, like Mathlib's ``ring``.

    Soundness: both sides are rewritten by identities of the type into normal forms; equal normal
    forms mean equal values under every assignment (see the module docstring). ℕ subtraction and
    ℕ/ℤ division are atoms, so ``a - b + b = a`` over ℕ is (rightly) not proved. Division by a
    literal constant is multiplication by its inverse in ℚ/ℝ.
    """
    try:
        return to_poly(lhs) == to_poly(rhs)
    except Unsupported:
        return False


def ring_normalize(term: Term) -> Term:
    """Canonical form of ``term`` (for ``ring_nf``): equal for ring-equal inputs."""
    return from_poly(to_poly(term), term.ty)
