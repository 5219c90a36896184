"""Elaborated expressions: the kernel terms MiniLean reasons about, and Lean's pretty printer.

Propositions, numeric terms and types share one representation. Local variables are ``FVar`` with
a unique id (their display name lives in the goal's context, so that shadowing prints ``x✝`` as in
Lean); variables bound inside ``∀``/``∃``/``fun`` are ``BVar`` by name. Instantiation only ever
substitutes closed terms (no ``BVar``), so substitution cannot capture.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Const:
    name: str


@dataclass(frozen=True, slots=True)
class FVar:
    id: int


@dataclass(frozen=True, slots=True)
class BVar:
    name: str


@dataclass(frozen=True, slots=True)
class Num:
    value: Fraction
    ty: Expr


@dataclass(frozen=True, slots=True)
class App:
    """``fn a₁ … aₙ`` where ``fn`` is a function variable or a named predicate/function."""

    fn: Expr
    args: tuple
    ty: Expr


@dataclass(frozen=True, slots=True)
class Bin:
    """Binary operator; ``ty`` is the result type (``PROP`` for connectives and relations)."""

    op: str
    a: Expr
    b: Expr
    ty: Expr


@dataclass(frozen=True, slots=True)
class Un:
    """Unary operator: ``¬`` (on Prop), ``-`` (negation), ``↑`` (cast to ``ty``), ``abs``."""

    op: str
    a: Expr
    ty: Expr


@dataclass(frozen=True, slots=True)
class Binder:
    """``∀ name : dom, body`` / ``∃ name : dom, body`` / ``fun name : dom => body``."""

    kind: str
    name: str
    dom: Expr
    body: Expr


Expr = Const | FVar | BVar | Num | App | Bin | Un | Binder

PROP = Const("Prop")
TYPE = Const("Type")
NAT = Const("ℕ")
INT = Const("ℤ")
RAT = Const("ℚ")
REAL = Const("ℝ")
TRUE = Const("True")
FALSE = Const("False")
NUM_TYPES = (NAT, INT, RAT, REAL)
NUM_RANK = {NAT: 0, INT: 1, RAT: 2, REAL: 3}
LOGIC_OPS = ("∧", "∨", "→", "↔")
REL_OPS = ("=", "≠", "<", "≤", ">", "≥", "∣")
ARITH_OPS = ("+", "-", "*", "/", "%", "^")


def arrow(a: Expr, b: Expr) -> Expr:
    return Bin("→", a, b, PROP if b == PROP or _is_propish(b) else TYPE)


def _is_propish(e: Expr) -> bool:
    return isinstance(e, Bin) and e.ty == PROP


def is_type_expr(e: Expr) -> bool:
    """Whether ``e`` denotes a type (``ℕ``, ``Prop``, ``α``, ``ℕ → ℝ``)."""
    if isinstance(e, Const):
        return e.name in ("ℕ", "ℤ", "ℚ", "ℝ", "Prop", "Type", "Unit", "Bool", "Int", "Nat")
    if isinstance(e, Bin) and e.op == "→":
        return e.ty == TYPE
    return False


# -- substitution and comparison ------------------------------------------------------------
def subst(e: Expr, name: str, val: Expr) -> Expr:
    """Replace free ``BVar(name)`` in ``e`` by the closed term ``val``."""
    if isinstance(e, BVar):
        return val if e.name == name else e
    if isinstance(e, (Const, FVar, Num)):
        return e
    if isinstance(e, Bin):
        a, b = subst(e.a, name, val), subst(e.b, name, val)
        return e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)
    if isinstance(e, Un):
        a = subst(e.a, name, val)
        return e if a is e.a else Un(e.op, a, e.ty)
    if isinstance(e, App):
        return App(subst(e.fn, name, val), tuple(subst(x, name, val) for x in e.args), e.ty)
    if isinstance(e, Binder):
        dom = subst(e.dom, name, val)
        if e.name == name:
            return Binder(e.kind, e.name, dom, e.body)
        return Binder(e.kind, e.name, dom, subst(e.body, name, val))
    raise TypeError(e)


def replace(e: Expr, old: Expr, new: Expr) -> Expr:
    """Replace every occurrence of the closed term ``old`` by ``new`` (used by rw and subst)."""
    if e == old:
        return new
    if isinstance(e, Bin):
        a, b = replace(e.a, old, new), replace(e.b, old, new)
        return e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)
    if isinstance(e, Un):
        a = replace(e.a, old, new)
        return e if a is e.a else Un(e.op, a, e.ty)
    if isinstance(e, App):
        return App(replace(e.fn, old, new), tuple(replace(x, old, new) for x in e.args), e.ty)
    if isinstance(e, Binder):
        return Binder(e.kind, e.name, replace(e.dom, old, new), replace(e.body, old, new))
    return e


def contains(e: Expr, sub: Expr) -> bool:
    if e == sub:
        return True
    if isinstance(e, Bin):
        return contains(e.a, sub) or contains(e.b, sub)
    if isinstance(e, Un):
        return contains(e.a, sub)
    if isinstance(e, App):
        return contains(e.fn, sub) or any(contains(x, sub) for x in e.args)
    if isinstance(e, Binder):
        return contains(e.dom, sub) or contains(e.body, sub)
    return False


def subterms(e: Expr) -> Iterator[Expr]:
    """Every subexpression of ``e``, ``e`` included (iteratively: deep terms must not hit the recursion limit)."""
    stack = [e]
    while stack:
        x = stack.pop()
        yield x
        if isinstance(x, Bin):
            stack += (x.a, x.b)
        elif isinstance(x, Un):
            stack.append(x.a)
        elif isinstance(x, App):
            stack.append(x.fn)
            stack += x.args
        elif isinstance(x, Binder):
            stack += (x.dom, x.body)


def fvars(e: Expr, acc: set[int] | None = None) -> set[int]:
    acc = set() if acc is None else acc
    acc.update(x.id for x in subterms(e) if isinstance(x, FVar))
    return acc


def unfold(e: Expr) -> Expr:
    """Head-unfold Lean's notational definitions: ``¬a`` ≡ ``a → False``, ``a ≠ b`` ≡ ``¬a = b``,
    ``a > b`` ≡ ``b < a``, ``a ≥ b`` ≡ ``b ≤ a`` (all definitional in Lean)."""
    if isinstance(e, Un) and e.op == "¬":
        return Bin("→", e.a, FALSE, PROP)
    if isinstance(e, Bin):
        if e.op == "≠":
            return Bin("→", Bin("=", e.a, e.b, PROP), FALSE, PROP)
        if e.op == ">":
            return Bin("<", e.b, e.a, PROP)
        if e.op == "≥":
            return Bin("≤", e.b, e.a, PROP)
    return e


def norm(e: Expr) -> Expr:
    """Full normal form under :func:`unfold`, used for definitional-equality checks."""
    e = unfold(e)
    if isinstance(e, Bin):
        return Bin(e.op, norm(e.a), norm(e.b), e.ty) if e.ty == PROP else e
    if isinstance(e, Binder):
        return Binder(e.kind, e.name, e.dom, norm(e.body))
    return e


def defeq(a: Expr, b: Expr) -> bool:
    """Definitional equality up to notation unfolding and renaming of bound variables.

    Stricter than Lean (no computation beyond notation), which is the sound direction."""
    return a == b or alpha_eq(norm(a), norm(b))


def alpha_eq(a: Expr, b: Expr, env: tuple = ()) -> bool:
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, BVar):
        for x, y in reversed(env):
            if x == a.name or y == b.name:
                return x == a.name and y == b.name
        return a.name == b.name
    if isinstance(a, Bin):
        return a.op == b.op and a.ty == b.ty and alpha_eq(a.a, b.a, env) and alpha_eq(a.b, b.b, env)
    if isinstance(a, Un):
        return a.op == b.op and a.ty == b.ty and alpha_eq(a.a, b.a, env)
    if isinstance(a, App):
        return (
            len(a.args) == len(b.args)
            and alpha_eq(a.fn, b.fn, env)
            and all(alpha_eq(x, y, env) for x, y in zip(a.args, b.args))
        )
    if isinstance(a, Binder):
        return (
            a.kind == b.kind
            and alpha_eq(a.dom, b.dom, env)
            and alpha_eq(a.body, b.body, env + ((a.name, b.name),))
        )
    return a == b


# -- printing -------------------------------------------------------------------------------
MAX = 1024
ARG = MAX + 1
INFIX_PREC = {
    "→": (25, 26, 25),
    "↔": (20, 21, 21),
    "∨": (30, 31, 30),
    "∧": (35, 36, 35),
    "=": (50, 51, 51),
    "≠": (50, 51, 51),
    "<": (50, 51, 51),
    "≤": (50, 51, 51),
    ">": (50, 51, 51),
    "≥": (50, 51, 51),
    "∣": (50, 51, 51),
    "+": (65, 65, 66),
    "-": (65, 65, 66),
    "*": (70, 70, 71),
    "/": (70, 70, 71),
    "%": (70, 70, 71),
    "^": (75, 76, 75),
}
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
BINDER_PREDS = {">", "<", "≥", "≤", "≠"}


class Printer:
    """Lean 4 / Mathlib pretty printing with precedence-based parentheses.

    ``names`` maps FVar ids to display names; ``mathlib`` selects ``ℕ``/``ℤ`` over ``Nat``/``Int``
    (as Lean does once Mathlib's notation is imported).
    """

    def __init__(self, names: dict[int, str], mathlib: bool = True):
        self.names = names
        self.mathlib = mathlib

    def pp(self, e: Expr) -> str:
        return self.fmt(e, 0, True)

    def type_name(self, name: str) -> str:
        if not self.mathlib:
            return {"ℕ": "Nat", "ℤ": "Int", "ℚ": "Rat", "ℝ": "Real"}.get(name, name)
        return name

    def fmt(self, e: Expr, prec: int, trailing: bool) -> str:
        s, p = self.go(e)
        if p < prec and not (p == 0 and trailing and isinstance(e, Binder)):
            return "(" + s + ")"
        return s

    def go(self, e: Expr) -> tuple[str, int]:
        if isinstance(e, Const):
            return self.type_name(e.name), ARG
        if isinstance(e, FVar):
            return self.names.get(e.id, f"_fvar.{e.id}"), ARG
        if isinstance(e, BVar):
            return e.name, ARG
        if isinstance(e, Num):
            v = e.value
            if v.denominator == 1:
                return str(v.numerator), ARG
            return f"{v.numerator} / {v.denominator}", 70
        if isinstance(e, Bin):
            lp, la, lb = INFIX_PREC[e.op]
            left = self.fmt(e.a, la, False)
            right = self.fmt(e.b, lb, True)
            return f"{left} {e.op} {right}", lp
        if isinstance(e, Un):
            if e.op == "¬":
                return "¬" + self.fmt(e.a, 40, True), MAX
            if e.op == "-":
                return "-" + self.fmt(e.a, 75, True), 75
            if e.op == "↑":
                return "↑" + self.fmt(e.a, ARG, False), ARG
            if e.op == "abs":
                return "|" + self.fmt(e.a, 0, True) + "|", ARG
            raise TypeError(e.op)
        if isinstance(e, App):
            fn = e.fn
            if isinstance(fn, Const) and fn.name == "Nat.Prime" and self.mathlib and len(e.args) == 1:
                return self.fmt(e.args[0], ARG, False) + ".Prime", ARG
            head = self.fmt(fn, ARG, False)
            return head + " " + " ".join(self.fmt(a, ARG, False) for a in e.args), MAX
        if isinstance(e, Binder):
            return self.binder(e), 0
        raise TypeError(e)

    def binder(self, e: Binder) -> str:
        if e.kind == "fun":
            return f"fun {e.name} => {self.fmt(e.body, 0, True)}"
        # binder predicates: ∀ x > 0, P  /  ∃ x > 0, P
        body = e.body
        conn = "→" if e.kind == "∀" else "∧"
        if (
            isinstance(body, Bin)
            and body.op == conn
            and isinstance(body.a, Bin)
            and body.a.op in BINDER_PREDS
            and (body.a.op != "≠" or e.kind == "∃")
            and body.a.a == BVar(e.name)
            and BVar(e.name) not in _bvars(body.a.b)
        ):
            bound = self.fmt(body.a.b, 51, False)
            return f"{e.kind} {e.name} {body.a.op} {bound}, {self.fmt(body.b, 0, True)}"
        names = [e.name]
        dom = e.dom
        while isinstance(body, Binder) and body.kind == e.kind and body.dom == dom and not (
            isinstance(body.body, Bin) and body.body.op == conn and isinstance(body.body.a, Bin)
            and body.body.a.op in BINDER_PREDS and (body.body.a.op != "≠" or e.kind == "∃")
            and body.body.a.a == BVar(body.name)
        ):
            names.append(body.name)
            body = body.body
        rest = self.fmt(body, 0, True)
        if e.kind == "∃":
            return f"∃ {' '.join(names)}, {rest}"
        return f"∀ ({' '.join(names)} : {self.fmt(dom, 0, True)}), {rest}"


def _bvars(e: Expr) -> set[BVar]:
    return {x for x in subterms(e) if isinstance(x, BVar)}


def superscript(n: int) -> str:
    return "".join(SUPERSCRIPTS[int(d)] for d in str(n))
