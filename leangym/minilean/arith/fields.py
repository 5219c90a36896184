"""``field_simp``'s core: clear the denominators of a comparison over ℚ or ℝ.

A comparison ``l op r`` over a field is put in polynomial normal form (:func:`.poly.to_poly`, where a
division ``a / b`` by a non-constant ``b`` is ``a * b⁻¹`` with ``b⁻¹`` an atom). On ``=`` and ``≠``, for
each such inverse atom whose base ``b`` is shown nonzero, both sides are multiplied by ``b ^ e`` (``e``:
the highest power of ``b⁻¹`` that occurs) and every ``b⁻¹ ^ f`` is cancelled against it, leaving
``b ^ (e - f)``; numeral denominators are cleared by multiplying by their least common multiple. On ``<``
and ``≤`` nothing is multiplied across: Mathlib's ``field_simps`` set has ``div_eq_iff``/``eq_div_iff``
but no order lemma, so each side only becomes one fraction ``n / d`` (:func:`combine_side`). The side
conditions are the ones Mathlib's ``field_simp`` discharges, by the same means (its discharger tries
hypotheses and ``positivity``): ``b ≠ 0``; a denominator whose condition is not shown is left alone.

Soundness: in a field ``b * b⁻¹ = 1`` when ``b ≠ 0``, so the cancelled polynomial equals ``side * D``
with ``D = ∏ b ^ e``; and ``l = r ↔ l * D = r * D`` when ``D ≠ 0`` (no zero divisors). On ``<``/``≤``
each side is replaced by ``n / d``, equal to it because every factor of ``d`` is nonzero. Each side
condition is proved by :func:`.signs.positivity`, whose own rules are sound, or stated by a hypothesis.
So the result is equivalent to the input under the hypotheses; nothing is proved that was not already
implied."""

from __future__ import annotations

from fractions import Fraction
from math import gcd

from leangym.minilean.arith.ir import Cast, Cmp, Conn, Neg, Not, Num, Op, Prop, Term
from leangym.minilean.arith.poly import Poly, add, atom, const, from_poly, mul, power, to_poly
from leangym.minilean.arith.semantics import FIELDS, Unsupported
from leangym.minilean.arith.signs import positivity

MAX_ROUNDS = 4  # nested fractions (`1 / (1 / x + 1)`) clear one level per round


def _inverse_base(t: Term) -> Term | None:
    """``b`` when ``t`` is the atom ``1 / b`` that :func:`.poly.to_poly` writes for ``b⁻¹``."""
    if isinstance(t, Op) and t.op == "/" and isinstance(t.args[0], Num) and t.args[0].value == 1:
        return t.args[1]
    return None


def _stated(base: Term, hyps: tuple) -> bool:
    """A hypothesis states the side condition of ``base`` as written before normalisation
    (``h : x - 1 ≠ 0`` for the denominator that :func:`.poly.to_poly` keeps as ``-1 + x``), as the
    discharger's ``assumption`` finds it: the two terms have the same polynomial normal form."""
    want = to_poly(base)
    for h in hyps:
        if not isinstance(h, Cmp):
            continue
        zero_l = isinstance(h.lhs, Num) and h.lhs.value == 0
        zero_r = isinstance(h.rhs, Num) and h.rhs.value == 0
        if zero_l and h.op == "<":  # 0 < s: positive, so nonzero too
            sides = [h.rhs]
        elif h.op in ("≠", "<") and (zero_l or zero_r):  # s ≠ 0, 0 ≠ s, s < 0
            sides = [h.rhs if zero_l else h.lhs]
        else:
            continue
        try:
            if any(to_poly(x) == want for x in sides):
                return True
        except Unsupported:
            continue
    return False


def _allowed(base: Term, hyps: tuple) -> bool:
    """``base ≠ 0`` is shown, as Mathlib's field_simp discharger shows it."""
    return positivity(Cmp("≠", base, Num(Fraction(0), base.ty)), hyps) or _stated(base, hyps)


def _cleared(polys: tuple[Poly, ...], hyps: tuple) -> dict[Term, int]:
    """The inverse atoms ``b⁻¹`` of ``polys`` whose base is shown nonzero, each with its highest exponent."""
    highest: dict[Term, int] = {}
    for p in polys:
        for mono in p:
            for t, e in mono:
                b = _inverse_base(t)
                if b is not None and _allowed(b, hyps):
                    highest[t] = max(highest.get(t, 0), e)
    return highest


def _times(p: Poly, cleared: dict[Term, int], scale: int = 1) -> Poly:
    """``p · scale · ∏ b ^ e`` over ``cleared`` (``b⁻¹`` with highest exponent ``e``), each ``b⁻¹ ^ f`` of a
    monomial cancelled against it to ``b ^ (e - f)`` (``b · b⁻¹ = 1`` as ``b ≠ 0``)."""
    out: Poly = {}
    for mono, c in p.items():
        term = const(c * scale)
        seen = dict(mono)
        for t, e in mono:
            if t not in cleared:
                term = mul(term, power(atom(t), e))
        for t, e in cleared.items():
            term = mul(term, power(to_poly(_inverse_base(t)), e - seen.get(t, 0)))
        out = add(out, term)
    return out


def _clear_once(lp: Poly, rp: Poly, hyps: tuple) -> tuple[Poly, Poly] | None:
    cleared = _cleared((lp, rp), hyps)
    if not cleared:
        return None
    return _times(lp, cleared), _times(rp, cleared)


def _product(factors: list[Term], ty: str) -> Term:
    out = factors[0]
    for f in factors[1:]:
        out = Op("*", (out, f), ty)
    return out


def _has_division(t: Term) -> bool:
    if isinstance(t, Op):
        return t.op == "/" or any(_has_division(a) for a in t.args)
    return isinstance(t, (Neg, Cast)) and _has_division(t.arg)


def combine_side(t: Term, hyps: tuple) -> Term | None:
    """``t`` as one fraction ``n / d`` (``div_add_div``, ``add_div'``, ``mul_div_assoc'``…: Mathlib's
    ``field_simps`` set, whose denominators must be shown nonzero), or None when ``t`` has no
    denominator to combine. ``d`` is the product of the denominators, each to its highest power,
    and of the least common multiple of the numeral denominators."""
    ty = t.ty
    if isinstance(t, Op) and t.op == "/" and not any(_has_division(a) for a in t.args):
        return None  # one fraction already: simp makes no progress on it
    p = to_poly(t)
    highest = _cleared((p,), hyps)
    scale = 1
    for coeff in p.values():
        scale = scale * coeff.denominator // gcd(scale, coeff.denominator)
    if not highest and scale == 1:
        return None
    num = _times(p, highest, scale)
    factors = [b if e == 1 else Op("^", (b, Num(Fraction(e), "ℕ")), ty)
               for b, e in ((_inverse_base(a), e) for a, e in highest.items())]
    if scale > 1:
        factors.append(Num(Fraction(scale), ty))
    return Op("/", (from_poly(num, ty), _product(factors, ty)), ty)


def combine_fractions(c: Cmp, hyps=()) -> Cmp | None:
    """field_simp on ``<``/``≤``: each side made one fraction, nothing multiplied across. Mathlib's
    ``field_simps`` set has no order lemma (``div_le_iff``, ``div_le_div_iff`` are not in it), so
    provers follow ``field_simp`` with ``rw [div_le_div_iff (by positivity) (by positivity)]``.
    Soundness: each side is replaced by an equal term (``n / d = side`` where every factor of ``d``
    is nonzero), so the comparison is unchanged."""
    hyps = tuple(hyps)
    try:
        lhs, rhs = combine_side(c.lhs, hyps), combine_side(c.rhs, hyps)
    except Unsupported:
        return None
    if lhs is None and rhs is None:
        return None
    return Cmp(c.op, lhs or c.lhs, rhs or c.rhs)


def clear_denominators(c: Cmp, hyps=()) -> Cmp | None:
    """``c`` with the denominators it may clear cleared (``=``, ``≠``) or combined into one fraction
    per side (``<``, ``≤``), or None when there is none (or ``c`` is not over ℚ/ℝ)."""
    ty = getattr(c.lhs, "ty", None)
    if ty not in FIELDS or c.op not in ("=", "≠", "<", "≤"):
        return None
    if c.op in ("<", "≤"):
        return combine_fractions(c, hyps)
    hyps = tuple(hyps)
    try:
        lp, rp = to_poly(c.lhs), to_poly(c.rhs)
        changed = False
        for _ in range(MAX_ROUNDS):
            step = _clear_once(lp, rp, hyps)
            if step is None:
                break
            lp, rp = step
            changed = True
    except Unsupported:
        return None
    # numeral denominators (`x / 50`, coefficients 1/50): multiply by their least common multiple,
    # a positive constant, as field_simp's `div_eq_iff`/`div_le_iff` with `50 ≠ 0`/`0 < 50` do
    scale = 1
    for p in (lp, rp):
        for coeff in p.values():
            scale = scale * coeff.denominator // gcd(scale, coeff.denominator)
    if scale > 1:
        lp, rp = (add({}, p, Fraction(scale)) for p in (lp, rp))
        changed = True
    if not changed:
        return None
    return Cmp(c.op, from_poly(lp, ty), from_poly(rp, ty))


def field_simp(prop: Prop, hyps=()) -> Prop | None:
    """``prop`` with denominators cleared in every comparison it is built of by ``∧ ∨ → ↔ ¬``
    (None: nothing to clear)."""
    if isinstance(prop, Cmp):
        return clear_denominators(prop, hyps)
    if isinstance(prop, Not):
        inner = field_simp(prop.arg, hyps)
        return None if inner is None else Not(inner)
    if isinstance(prop, Conn):
        a, b = (field_simp(x, hyps) for x in prop.args)
        if a is None and b is None:
            return None
        return Conn(prop.op, (a or prop.args[0], b or prop.args[1]))
    return None
