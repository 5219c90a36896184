"""Lean's pretty printer for core terms: precedence-based parentheses, binder predicates, ``x✝``."""

from __future__ import annotations

from leangym.minilean.core.functions import (
    BIG_OPERATOR_SYMBOL,
    FUNCTIONS,
    LIST_LITERAL,
    NAMESPACE,
    finset_elem,
    list_elem,
)
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
    "∈": (50, 51, 51),
    "+": (65, 65, 66),
    "-": (65, 65, 66),
    "*": (70, 70, 71),
    "/": (70, 70, 71),
    "%": (70, 70, 71),
    "^": (75, 76, 75),
}
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
WIDTH = 120  # Lean's `format.width`
BINDER_PREDS = {">", "<", "≥", "≤", "≠", "∈"}


class TypedNames(dict):
    """Display names of locals (id → name) that also know the locals' types (``types``): field
    notation (``x.log``, ``S.card``) depends on the receiver's type."""

    def __init__(self, names: dict[int, str], types: dict[int, Expr]):
        super().__init__(names)
        self.types = dict(types)


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
        self.bound_doms: list[Expr] = []
        self.types: dict[int, Expr] = getattr(names, "types", {})

    def pp(self, e: Expr) -> str:
        self.bound = []
        return self.fmt(e, 0, True)

    def pp_line(self, e: Expr, prefix: str) -> str:
        """``prefix`` and ``e`` on one line, or, past Lean's width (120), broken after the top-level
        infix operator with the right side indented by 4, as Lean's formatter does (one level only:
        a side that is itself too long stays on its line)."""
        line = prefix + self.pp(e)
        if len(line) <= WIDTH or not (isinstance(e, Bin) and e.op in INFIX_PREC):
            return line
        self.bound = []
        _, la, lb = INFIX_PREC[e.op]
        return f"{prefix}{self.fmt(e.a, la, False)} {e.op}\n    {self.fmt(e.b, lb, True)}"

    def type_name(self, name: str) -> str:
        if not self.mathlib:
            return {"ℕ": "Nat", "ℤ": "Int", "ℚ": "Rat", "ℝ": "Real"}.get(name, name)
        return name

    def fmt(self, e: Expr, prec: int, trailing: bool) -> str:
        s, p = self.go(e)
        if p < prec and not (trailing and (p == 0 and isinstance(e, Binder) or p == 67 and _big_operator(e))):
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
            if e.op == "¬" and isinstance(e.a, Bin) and e.a.op == "∈":  # Mathlib's `∉`
                return f"{self.fmt(e.a.a, 51, False)} ∉ {self.fmt(e.a.b, 51, True)}", 50
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
            if isinstance(fn, Const) and fn.name in FUNCTIONS:
                return self.function(e)
            if isinstance(fn, Const) and fn.name in BIG_OPERATOR_SYMBOL and isinstance(e.args[1], Binder):
                return self.big_operator(e)
            if isinstance(fn, Const) and fn.name in ("Nat.ModEq", "Int.ModEq") and len(e.args) == 3:
                mod = "MOD" if fn.name == "Nat.ModEq" else "ZMOD"
                n = self.fmt(e.args[0], 0, True)
                return f"{self.fmt(e.args[1], 51, False)} ≡ {self.fmt(e.args[2], 51, False)} [{mod} {n}]", 50
            if isinstance(fn, Const) and fn.name == LIST_LITERAL:
                return "[" + ", ".join(self.fmt(a, 0, True) for a in e.args) + "]", ARG
            if isinstance(fn, Const) and fn.name == "setOf" and isinstance(e.args[0], Binder):
                lam = e.args[0]
                depth = len(self.bound)
                try:
                    name = self.bound_name(lam)
                    self._push(name, lam.dom)
                    return "{" + name + " | " + self.fmt(lam.body, 0, True) + "}", ARG
                finally:
                    del self.bound[depth:]
            if isinstance(fn, Const) and fn.name in ("Equiv.toFun", "Equiv.invFun") and len(e.args) == 2:
                return (self.fmt(e.args[0], ARG, False) + "." + fn.name.split(".")[1] + " "
                        + self.fmt(e.args[1], ARG, False)), MAX
            if isinstance(fn, Const) and fn.name == "Equiv" and len(e.args) == 2:
                return self.fmt(e.args[0], 26, False) + " ≃ " + self.fmt(e.args[1], 25, False), 25
            if isinstance(fn, Const) and fn.name == "Prod.mk" and len(e.args) == 2:
                items, rest = [e.args[0]], e.args[1]
                while isinstance(rest, App) and rest.fn == fn and len(rest.args) == 2:
                    items.append(rest.args[0])
                    rest = rest.args[1]
                return "(" + ", ".join(self.fmt(x, 0, True) for x in [*items, rest]) + ")", ARG
            if isinstance(fn, Const) and fn.name == "Prod" and len(e.args) == 2:
                return self.fmt(e.args[0], 36, False) + " × " + self.fmt(e.args[1], 35, False), 35
            if isinstance(fn, Const) and fn.name == "Rat.divInt" and len(e.args) == 2:
                return self.fmt(e.args[0], 70, False) + " /. " + self.fmt(e.args[1], 71, False), 70
            if isinstance(fn, Const) and fn.name == "Real.rpow":
                return self.fmt(e.args[0], 76, False) + " ^ " + self.fmt(e.args[1], 75, True), 75
            if isinstance(fn, Const) and fn.name == "Inv.inv":
                inner = self.fmt(e.args[0], ARG, False)
                return ("(" + inner + ")" if isinstance(e.args[0], Un) else inner) + "⁻¹", ARG
            head = self.fmt(fn, ARG, False)
            return head + " " + " ".join(self.fmt(a, ARG, False) for a in e.args), MAX
        if isinstance(e, Binder):
            return self.binder(e), 0
        raise TypeError(e)

    def function(self, e: App) -> tuple[str, int]:
        """A Mathlib function applied: its notation, field notation, or its (shortest) name."""
        fn = FUNCTIONS[e.fn.name]  # type: ignore[union-attr]
        args = e.args
        if fn.notation == "pi":
            return "π", ARG
        if fn.notation == "sqrt":
            return "√" + self.fmt(args[0], ARG, False), ARG
        if fn.notation in ("floor", "ceil", "nfloor", "nceil"):
            lhs, rhs = ("⌊", "⌋") if "floor" in fn.notation else ("⌈", "⌉")
            return lhs + self.fmt(args[0], 0, True) + rhs + ("₊" if fn.notation[0] == "n" else ""), ARG
        if fn.notation == "fact":
            inner = self.fmt(args[0], ARG, False)
            # `n !` keeps its space: `n!` would lex as one identifier
            sep = " " if isinstance(args[0], (FVar, BVar)) else ""
            return inner + sep + "!", 10000
        if fn.notation == "rexp":
            return "rexp " + self.fmt(args[0], ARG, False), MAX
        recv = args[0] if args else None
        ns = fn.name.split(".")[0]
        if recv is not None and fn.field and self._receiver_ns(recv) == ns and not _literal(recv):
            shown, p = self.go(recv)
            # a prefix notation (`↑x`, `-x`, `√x`) would take the field for its own argument
            if p < ARG or isinstance(recv, Un) or (isinstance(recv, App) and isinstance(recv.fn, Const)
                                                   and recv.fn.name in FUNCTIONS
                                                   and FUNCTIONS[recv.fn.name].notation in ("sqrt", "rexp")):
                shown = "(" + shown + ")"
            head = shown + "." + fn.name.split(".", 1)[1]
            if len(args) == 1:
                return head, ARG
            return head + " " + " ".join(self.fmt(a, ARG, False) for a in args[1:]), MAX
        if not args:
            return fn.short, ARG
        return fn.short + " " + " ".join(self.fmt(a, ARG, False) for a in args), MAX

    def _push(self, name: str, dom: Expr) -> None:
        del self.bound_doms[len(self.bound):]
        self.bound.append(name)
        self.bound_doms.append(dom)

    def _receiver_ns(self, e: Expr) -> str | None:
        ty = getattr(e, "ty", None)
        if isinstance(e, FVar):
            ty = self.types.get(e.id)
        if isinstance(e, BVar) and e.idx < len(self.bound):
            ty = self.bound_doms[len(self.bound) - 1 - e.idx]
        if ty is None:
            return None
        if finset_elem(ty) is not None:
            return "Finset"
        if list_elem(ty) is not None:
            return "List"
        return NAMESPACE.get(ty)

    def big_operator(self, e: App) -> tuple[str, int]:
        """``∑ x ∈ s, f x`` (Mathlib's notation; precedence 67, body at 67)."""
        lam = e.args[1]
        depth = len(self.bound)
        try:
            name = self.bound_name(lam)
            self._push(name, lam.dom)
            body = self.fmt(lam.body, 67, True)
        finally:
            del self.bound[depth:]
        sym = BIG_OPERATOR_SYMBOL[e.fn.name]  # type: ignore[union-attr]
        return f"{sym} {name} ∈ {self.fmt(e.args[0], 0, True)}, {body}", 67

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
        self._push(name, e.dom)
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
            self._push(inner, body.dom)
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


def _big_operator(e: Expr) -> bool:
    """``∑``/``∏``: like a binder, its body runs to the end, so in trailing position it needs no
    parentheses (``a / ∑ i ∈ s, f i``)."""
    return isinstance(e, App) and isinstance(e.fn, Const) and e.fn.name in BIG_OPERATOR_SYMBOL


def _literal(e: Expr) -> bool:
    """A numeric literal (``2``), which Lean never prints as the receiver of field notation."""
    return isinstance(e, Num) and e.value.denominator == 1 and e.value >= 0


def superscript(n: int) -> str:
    return "".join(SUPERSCRIPTS[int(d)] for d in str(n))
