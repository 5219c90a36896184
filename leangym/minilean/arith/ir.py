"""A small typed intermediate representation for arithmetic, shared by MiniLean's tactics and its
decision procedures.

The tactic layer (parser, elaborator, goal printer) translates elaborated Lean expressions into this
IR; the procedures in :mod:`leangym.minilean.arith` decide or normalise IR propositions. Keeping the
procedures on their own IR lets them be tested for soundness in isolation, with Lean's semantics
(truncated ℕ subtraction, floor/Euclidean division, division by zero is zero) implemented once, in
the evaluator.

Every numeric node carries its type ``ty``, one of :data:`NUM_TYPES`. An :class:`Atom` is anything
the procedures treat as opaque: a variable, or a subterm they cannot interpret, keyed by its printed
Lean text (two atoms with the same key and type are the same value).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

NUM_TYPES = ("ℕ", "ℤ", "ℚ", "ℝ")


@dataclass(frozen=True)
class Num:
    value: Fraction
    ty: str


@dataclass(frozen=True)
class Atom:
    name: str
    ty: str


@dataclass(frozen=True)
class Op:
    """Binary arithmetic: ``op`` in ``+ - * / % ^``. For ``^`` the exponent ``args[1]`` has type ℕ."""

    op: str
    args: tuple[Term, Term]
    ty: str


@dataclass(frozen=True)
class Neg:
    arg: Term
    ty: str


@dataclass(frozen=True)
class Abs:
    arg: Term
    ty: str


@dataclass(frozen=True)
class Cast:
    """Coercion ``(arg : ty)`` / ``↑arg`` from ``arg``'s type to ``ty`` (ℕ → ℤ → ℚ → ℝ)."""

    arg: Term
    ty: str


@dataclass(frozen=True)
class Fn:
    """Application of an uninterpreted function variable, e.g. ``f (x + 1)`` with ``f : ℕ → ℕ``."""

    name: str
    args: tuple[Term, ...]
    ty: str


Term = Num | Atom | Op | Neg | Abs | Cast | Fn


@dataclass(frozen=True)
class Cmp:
    """``lhs op rhs`` with ``op`` in ``= ≠ < ≤`` (``>``/``≥`` are translated by swapping sides)."""

    op: str
    lhs: Term
    rhs: Term


@dataclass(frozen=True)
class Dvd:
    """``a ∣ b``."""

    a: Term
    b: Term


@dataclass(frozen=True)
class Pred:
    """``Even a``, ``Odd a`` or ``Nat.Prime a``."""

    name: str
    arg: Term


@dataclass(frozen=True)
class Conn:
    """Propositional connective: ``op`` in ``∧ ∨ → ↔`` over two propositions."""

    op: str
    args: tuple[Prop, Prop]


@dataclass(frozen=True)
class Not:
    arg: Prop


@dataclass(frozen=True)
class BoolConst:
    """``True`` or ``False``."""

    value: bool


@dataclass(frozen=True)
class PropAtom:
    """An opaque proposition (a Prop variable ``p``, or anything the procedures do not interpret)."""

    name: str


@dataclass(frozen=True)
class Quant:
    """``∀ var : ty, body`` or ``∃ var : ty, body`` (``kind`` is "∀" or "∃")."""

    kind: str
    var: str
    ty: str
    body: Prop


Prop = Cmp | Dvd | Pred | Conn | Not | BoolConst | PropAtom | Quant
