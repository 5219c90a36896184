"""Lean's pretty printer for core terms: precedence-based parentheses, binder predicates, ``x✝``."""

from __future__ import annotations

from leangym.minilean.core.terms import (
    App,
    Bin,
    Binder,
    BVar,
    Const,
    Expr,
    FVar,
    MVar,
    Num,
    Un,
    _lift,
    _loose_indices,
    fvars,
)

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
    (as Lean does once Mathlib's notation is imported). Bound variables print with their binder's
    name hint, suffixed ``_1``, ``_2``… where the hint would clash with a name the body uses.
    """

    def __init__(self, names: dict[int, str], mathlib: bool = True):
        self.names = names
        self.mathlib = mathlib
        self.bound: list[str] = []

    def pp(self, e: Expr) -> str:
        self.bound = []
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
            if e.idx < len(self.bound):
                return self.bound[-1 - e.idx], ARG
            return f"_bvar.{e.idx}", ARG
        if isinstance(e, MVar):
            return "?" + e.name, ARG
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

    def bound_name(self, e: Binder) -> str:
        """The binder's hint, unless the body refers to another variable shown with that name."""
        used = {self.names.get(i) for i in fvars(e.body)}
        used |= {self.bound[-i] for i in _loose_indices(e.body) if 1 <= i <= len(self.bound)}
        name, k = e.name, 0
        while name in used:
            k += 1
            name = f"{e.name}_{k}"
        return name

    def binder(self, e: Binder) -> str:
        depth = len(self.bound)
        try:
            return self._binder(e)
        finally:
            del self.bound[depth:]

    def _binder(self, e: Binder) -> str:
        name = self.bound_name(e)
        self.bound.append(name)
        if e.kind == "fun":
            return f"fun {name} => {self.fmt(e.body, 0, True)}"
        # binder predicates: ∀ x > 0, P  /  ∃ x > 0, P
        body = e.body
        if _binder_pred(e):
            bound = self.fmt(body.a.b, 51, False)
            return f"{e.kind} {name} {body.a.op} {bound}, {self.fmt(body.b, 0, True)}"
        names = [name]
        dom = e.dom
        while (isinstance(body, Binder) and body.kind == e.kind and body.dom == _lift(dom, len(names))
               and not _binder_pred(body)):
            inner = self.bound_name(body)
            self.bound.append(inner)
            names.append(inner)
            body = body.body
        rest = self.fmt(body, 0, True)
        if e.kind == "∃":
            return f"∃ {' '.join(names)}, {rest}"
        self.bound = self.bound[: len(self.bound) - len(names)]
        shown_dom = self.fmt(dom, 0, True)
        return f"∀ ({' '.join(names)} : {shown_dom}), {rest}"


def _binder_pred(e: Binder) -> bool:
    """Whether ``e`` is ``∀ x, x > b → P`` / ``∃ x, x > b ∧ P``, printed ``∀ x > b, P``."""
    conn = "→" if e.kind == "∀" else "∧"
    body = e.body
    return (
        e.kind in ("∀", "∃")
        and isinstance(body, Bin)
        and body.op == conn
        and isinstance(body.a, Bin)
        and body.a.op in BINDER_PREDS
        and (body.a.op != "≠" or e.kind == "∃")
        and body.a.a == BVar(0)
        and 0 not in _loose_indices(body.a.b)
    )


def superscript(n: int) -> str:
    return "".join(SUPERSCRIPTS[int(d)] for d in str(n))
