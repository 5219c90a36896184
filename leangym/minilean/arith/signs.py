"""``positivity``: syntactic proofs of ``0 < e``, ``0 ≤ e`` and ``e ≠ 0``, like Mathlib's.

The goal's term is read bottom-up; each node gets a sign fact (positive, nonnegative, nonzero,
or nothing) from its children by a lemma valid in Lean's ordered semirings/fields (and ℕ, where
everything is nonnegative), and every subterm may also take a sign from a hypothesis that states
it directly (``0 < x``, ``2 ≤ x``, ``x ≠ 0``, ``x = 3``), as Mathlib's ``compareHyp`` does.
Closed subterms are evaluated (Mathlib's ``norm_num`` fallback). No other reasoning: subtraction
(outside ℕ) and negation of non-literals yield nothing.
"""

from __future__ import annotations

from fractions import Fraction

from leangym.minilean.arith.ir import Abs, Atom, Cast, Cmp, Fn, Neg, Num, Prop, Term
from leangym.minilean.arith.poly import is_closed
from leangym.minilean.arith.semantics import FIELDS, Unsupported, evaluate

POS, NONNEG, NONZERO = "pos", "nonneg", "nonzero"


def _is_pos(s):
    return s == POS


def _ge0(s):
    return s in (POS, NONNEG)


def _ne0(s):
    return s in (POS, NONZERO)


def _best(a: str | None, b: str | None) -> str | None:
    if POS in (a, b) or {a, b} == {NONNEG, NONZERO}:
        return POS
    return a or b


def _sign_of_value(v: Fraction) -> str:
    return POS if v > 0 else NONNEG if v == 0 else NONZERO


def _closed_value(t: Term) -> Fraction | None:
    if not is_closed(t):
        return None
    try:
        return evaluate(t, {})
    except Unsupported:
        return None


def _from_hyps(e: Term, hyps: tuple[Prop, ...]) -> str | None:
    best = None
    for h in hyps:
        if not isinstance(h, Cmp):
            continue
        got = None
        if h.op in ("<", "≤") and h.rhs == e:
            lo = _closed_value(h.lhs)
            if lo is not None and (lo > 0 or lo == 0 and h.op == "<"):
                got = POS
            elif lo == 0:
                got = NONNEG
        elif h.op == "=" and e in (h.lhs, h.rhs):
            v = _closed_value(h.rhs if h.lhs == e else h.lhs)
            got = None if v is None else _sign_of_value(v)
        elif h.op == "≠" and e in (h.lhs, h.rhs) and _closed_value(h.rhs if h.lhs == e else h.lhs) == 0:
            got = NONZERO
        best = _best(best, got)
    return best


def sign(e: Term, hyps: tuple[Prop, ...] = ()) -> str | None:
    """The strongest sign fact positivity derives for ``e``: ``"pos"``, ``"nonneg"``,
    ``"nonzero"`` or ``None``."""
    v = _closed_value(e)
    if v is not None:
        return _sign_of_value(v)
    own = _structural(e, hyps)
    if e.ty == "ℕ":
        own = _best(own, NONNEG)
    return _best(own, _from_hyps(e, hyps))


def _structural(e: Term, hyps: tuple[Prop, ...]) -> str | None:
    if isinstance(e, (Atom, Fn, Num)):
        return None
    if isinstance(e, Abs):
        return POS if _ne0(sign(e.arg, hyps)) else NONNEG
    if isinstance(e, Cast):
        inner = sign(e.arg, hyps)
        return _best(inner, NONNEG if e.arg.ty == "ℕ" else None)
    if isinstance(e, Neg):
        return NONZERO if _ne0(sign(e.arg, hyps)) else None
    a, b = e.args
    if e.op == "^":
        return _pow(a, b, hyps)
    if e.op == "-":
        return None
    sa, sb = sign(a, hyps), sign(b, hyps)
    if e.op == "+":
        if _is_pos(sa) and _ge0(sb) or _ge0(sa) and _is_pos(sb):
            return POS
        return NONNEG if _ge0(sa) and _ge0(sb) else None
    if e.op == "*" or e.op == "/" and e.ty in FIELDS:
        if _is_pos(sa) and _is_pos(sb):
            return POS
        nonneg = _ge0(sa) and _ge0(sb)
        nonzero = _ne0(sa) and _ne0(sb)
        return _best(NONNEG if nonneg else None, NONZERO if nonzero else None)
    if e.op == "/":  # ℤ (ℕ is covered by the caller)
        return NONNEG if _ge0(sa) and _ge0(sb) else None
    return None  # ℤ remainder


def _pow(a: Term, b: Term, hyps: tuple[Prop, ...]) -> str | None:
    n = _closed_value(b)
    sa = sign(a, hyps)
    if n == 0:
        return POS
    if n is not None and n % 2 == 0:
        return POS if _ne0(sa) else NONNEG
    if _is_pos(sa):
        return POS
    return _best(NONNEG if _ge0(sa) else None, NONZERO if _ne0(sa) else None)


def positivity(goal: Prop, hyps=()) -> bool:
    """Mathlib's ``positivity`` on goals ``0 < e``, ``0 ≤ e`` and ``e ≠ 0``.

    Decides nothing: it succeeds when the syntactic sign rules reach the needed fact and fails
    otherwise (``0 < x - y`` fails even if hypotheses imply it). Hypotheses are consulted only
    when they state a sign of a subterm directly.

    Soundness: each rule is a Mathlib lemma valid in ℕ, ℤ, ℚ, ℝ with Lean's conventions
    (``add_pos_of_pos_of_nonneg``, ``mul_pos``, ``div_nonneg`` — true even for ``x / 0 = 0`` —,
    ``even_two_mul``/``pow_bit0_nonneg``, ``pow_pos``, ``pow_ne_zero``, ``abs_nonneg``,
    ``abs_pos``, ``Nat.cast_nonneg``, ``Int.ediv_nonneg``, ``Nat.zero_le``), and a hypothesis
    is used only for exactly the subterm it speaks about.
    """
    if not isinstance(goal, Cmp):
        return False
    hyps = tuple(hyps)
    zero_l = _closed_value(goal.lhs) == 0 and isinstance(goal.lhs, Num)
    if goal.op == "<" and zero_l:
        return _is_pos(sign(goal.rhs, hyps))
    if goal.op == "≤" and zero_l:
        return _ge0(sign(goal.rhs, hyps))
    if goal.op == "≠" and isinstance(goal.rhs, Num) and goal.rhs.value == 0:
        return _ne0(sign(goal.lhs, hyps))
    return False
