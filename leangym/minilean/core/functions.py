"""The named functions statements use (Mathlib's ``Real.sqrt``, ``Nat.factorial``, ``Finset.sum``...):
their signatures, for the elaborator, and how Lean prints an application, for the printer.

Every one is *opaque* to the decision procedures: an application is an atom for ``linarith``,
``nlinarith``, ``omega`` and ``ring``, so nothing is proved about it beyond what holds of any value
of its type (a ℕ-valued application is ≥ 0, nothing more). Laws come only from named Mathlib lemmas
and from closed evaluation (:mod:`leangym.minilean.evaluate`), never from here.

Printing follows Lean 4's delaborator with Mathlib's notations and the usual miniF2F header
(``open BigOperators Real Nat Topology Rat``): notations first (``√x``, ``⌊x⌋``, ``n !``, ``π``,
``rexp x``), then generalized field notation (``x.log``, ``(n + 1).gcd m``, ``s.card``) when the
first explicit argument has the function's namespace type and is not a numeric literal, else the
shortest name that the opened namespaces leave unambiguous (``Real.log 2`` — ``Nat.log`` is open
too —, ``logb 8 x``, ``Nat.gcd 4 6``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from leangym.minilean.core.terms import (
    INT,
    NAT,
    PROP,
    RAT,
    REAL,
    TYPE,
    App,
    Bin,
    Binder,
    Const,
    Expr,
    Num,
    Un,
    is_closed,
)


def finset(elem: Expr) -> Expr:
    """The type ``Finset elem``."""
    return App(Const("Finset"), (elem,), TYPE)


def list_of(elem: Expr) -> Expr:
    """The type ``List elem``."""
    return App(Const("List"), (elem,), TYPE)


def list_elem(ty: Expr) -> Expr | None:
    """``α`` when ``ty`` is ``List α``."""
    if isinstance(ty, App) and ty.fn == Const("List") and len(ty.args) == 1:
        return ty.args[0]
    return None


def finset_elem(ty: Expr) -> Expr | None:
    """``α`` when ``ty`` is ``Finset α``."""
    if isinstance(ty, App) and ty.fn == Const("Finset") and len(ty.args) == 1:
        return ty.args[0]
    return None


def equiv(dom: Expr, cod: Expr) -> Expr:
    """The type ``dom ≃ cod`` (``Equiv dom cod``)."""
    return App(Const("Equiv"), (dom, cod), TYPE)


def equiv_types(ty: Expr) -> tuple[Expr, Expr] | None:
    """``(α, β)`` when ``ty`` is ``α ≃ β``."""
    if isinstance(ty, App) and ty.fn == Const("Equiv") and len(ty.args) == 2:
        return ty.args[0], ty.args[1]
    return None


def product(a: Expr, b: Expr) -> Expr:
    """The type ``a × b``."""
    return App(Const("Prod"), (a, b), TYPE)


# `σ.1 x`, `σ.2 x` (Lean prints the projections by name): `App(Const(proj), (σ, x))`
EQUIV_FIELDS = {"1": "Equiv.toFun", "toFun": "Equiv.toFun", "2": "Equiv.invFun", "invFun": "Equiv.invFun"}


# parameter kinds besides a numeric type: a FloorRing (ℤ ℚ ℝ, the argument's own type), a
# FloorSemiring (ℚ ℝ here), a Finset, a field (ℚ ℝ)
FLOOR_RING = "floor-ring"
FLOOR_SEMIRING = "floor-semiring"
FINSET = "finset"
LIST = "list"


@dataclass(frozen=True)
class Function:
    name: str  # Lean's full name
    params: tuple  # numeric types or one of the kinds above
    result: Expr | None  # None: the type of the first argument (ℤ for Int.floor is given)
    short: str  # the name Lean prints in prefix form
    notation: str | None = None  # "sqrt" "floor" "ceil" "nfloor" "nceil" "fact" "pi" "rexp"
    field: bool = True  # printed with field notation on a non-literal first argument


FUNCTIONS: dict[str, Function] = {f.name: f for f in (
    Function("Real.sqrt", (REAL,), REAL, "Real.sqrt", "sqrt"),
    Function("Real.pi", (), REAL, "Real.pi", "pi"),
    Function("Real.exp", (REAL,), REAL, "rexp", "rexp"),
    Function("Real.log", (REAL,), REAL, "Real.log"),
    Function("Real.logb", (REAL, REAL), REAL, "logb"),
    Function("Real.sin", (REAL,), REAL, "sin"),
    Function("Real.cos", (REAL,), REAL, "cos"),
    Function("Real.tan", (REAL,), REAL, "tan"),
    Function("Real.arctan", (REAL,), REAL, "arctan"),
    Function("Int.floor", (FLOOR_RING,), INT, "Int.floor", "floor"),
    Function("Int.ceil", (FLOOR_RING,), INT, "Int.ceil", "ceil"),
    Function("Nat.floor", (FLOOR_SEMIRING,), NAT, "Nat.floor", "nfloor"),
    Function("Nat.ceil", (FLOOR_SEMIRING,), NAT, "Nat.ceil", "nceil"),
    Function("Nat.factorial", (NAT,), NAT, "Nat.factorial", "fact"),
    Function("Nat.choose", (NAT, NAT), NAT, "Nat.choose"),
    Function("Nat.gcd", (NAT, NAT), NAT, "Nat.gcd"),
    Function("Nat.lcm", (NAT, NAT), NAT, "Nat.lcm"),
    Function("Nat.sqrt", (NAT,), NAT, "Nat.sqrt"),
    Function("Int.gcd", (INT, INT), NAT, "Int.gcd"),
    Function("Int.lcm", (INT, INT), NAT, "Int.lcm"),
    Function("Int.natAbs", (INT,), NAT, "Int.natAbs"),
    Function("Int.toNat", (INT,), NAT, "Int.toNat"),
    Function("Rat.num", (RAT,), INT, "Rat.num"),
    Function("Rat.den", (RAT,), NAT, "Rat.den"),
    Function("Nat.divisors", (NAT,), finset(NAT), "divisors"),
    Function("Nat.properDivisors", (NAT,), finset(NAT), "properDivisors"),
    Function("Finset.range", (NAT,), finset(NAT), "Finset.range"),
    Function("Finset.card", (FINSET,), NAT, "Finset.card"),
    Function("Nat.fib", (NAT,), NAT, "fib"),
    # `k.succ`: the one application arithmetic reads through, as `k + 1` (bridge.Translator.term)
    Function("Nat.succ", (NAT,), NAT, "succ"),
    Function("Nat.digits", (NAT, NAT), list_of(NAT), "digits"),
    Function("Nat.ofDigits", (NAT, LIST), NAT, "ofDigits", field=False),
    Function("List.sum", (LIST,), None, "List.sum"),  # the list's element type
)}
# Set intervals (`x ∈ Set.Icc a b`): membership only, an opaque proposition
SET_INTERVALS = ("Set.Icc", "Set.Ico", "Set.Ioc", "Set.Ioo", "Set.Ici", "Set.Iic", "Set.Ioi", "Set.Iio")
# `max a b`, `min a b` over the arguments' (common) type: opaque
LATTICE = ("max", "min")


def set_of(elem: Expr) -> Expr:
    """The type ``Set elem``."""
    return App(Const("Set"), (elem,), TYPE)
# interval Finsets: `Finset.Icc a b : Finset α` over the arguments' type
INTERVALS = ("Finset.Icc", "Finset.Ico", "Finset.Ioc", "Finset.Ioo")
# ∑ / ∏ : `Finset.sum s (fun x => f x)`
BIG_OPERATORS = {"∑": "Finset.sum", "∏": "Finset.prod"}
BIG_OPERATOR_SYMBOL = {v: k for k, v in BIG_OPERATORS.items()}
# the namespaces generalized field notation resolves through, by the receiver's type
NAMESPACE = {NAT: "Nat", INT: "Int", RAT: "Rat", REAL: "Real"}
LIST_LITERAL = "List.literal"  # `[a, b, c]`, printed as written
# short names the usual opens make refer to a function (``open Real Nat``)
SHORT_NAMES = {"π": "Real.pi", "logb": "Real.logb", "sin": "Real.sin", "cos": "Real.cos", "tan": "Real.tan",
               "rexp": "Real.exp", "exp": "Real.exp", "divisors": "Nat.divisors", "factorial": "Nat.factorial",
               "choose": "Nat.choose", "fib": "Nat.fib", "digits": "Nat.digits", "succ": "Nat.succ", "ofDigits": "Nat.ofDigits",
               "properDivisors": "Nat.properDivisors"}
# surface notations (the parser's node kinds: `√x`, `⌊x⌋`, `n !`…) that stand for a function
NOTATIONS = {"sqrt": "Real.sqrt", "floor": "Int.floor", "ceil": "Int.ceil", "nfloor": "Nat.floor",
             "nceil": "Nat.ceil", "fact": "Nat.factorial"}


# Sign facts Mathlib's positivity extensions give every application, whatever the argument:
# Real.sqrt_nonneg, Real.exp_pos, Nat.factorial_pos, Real.pi_pos (a strict fact is "<").
SIGN_FACTS = {"Real.sqrt": "≤", "Real.exp": "<", "Nat.factorial": "<", "Real.pi": "<"}


def sign_facts(e: Expr) -> list[Expr]:
    """``0 ≤ f a`` / ``0 < f a`` for each closed application in ``e`` that ``SIGN_FACTS`` covers."""
    out: list[Expr] = []
    stack = [e]
    while stack:
        x = stack.pop()
        if isinstance(x, App):
            if isinstance(x.fn, Const) and x.fn.name in SIGN_FACTS and x.ty in (NAT, INT, RAT, REAL):
                if is_closed(x):
                    out.append(Bin(SIGN_FACTS[x.fn.name], Num(Fraction(0), x.ty), x, PROP))
            stack.extend(x.args)
        elif isinstance(x, Bin):
            stack += [x.a, x.b]
        elif isinstance(x, Un):
            stack.append(x.a)
        elif isinstance(x, Binder):
            stack.append(x.body)
    return out
