"""The one adapter between MiniLean's elaborated expressions and the arithmetic IR.

Expressions become IR terms with their numeric types; anything the IR cannot express (a Prop
variable, an application of a non-numeric function, a bound variable of a non-numeric type) becomes
an opaque atom. Each distinct expression gets its own IR name: its printed text, with a numbered
suffix when that text already names a *different* expression (printing hides numeral types, and a
bound variable may print like a local), and the map from IR names back to expressions is kept, so
translating back is exact. A quantifier is opened with a fresh free variable (a new id, never a
name), so bound variables cannot be confused with each other or with locals, whatever their
names. The reverse translation lets ``norm_num``/``ring_nf``/``simp`` hand back a rewritten goal.

The decision procedures live in :mod:`leangym.minilean.arith` (owned separately); :func:`procedure`
looks them up by name so that MiniLean keeps working, with Lean's failure messages, while a
procedure is missing.
"""

from __future__ import annotations

from fractions import Fraction

from leangym.minilean import arith
from leangym.minilean.arith import GiveUp, ir
from leangym.minilean.core.context import fresh_id
from leangym.minilean.core.printer import Printer
from leangym.minilean.core.terms import (
    FALSE,
    INT,
    NAT,
    NUM_RANK,
    PROP,
    RAT,
    REAL,
    TRUE,
    App,
    Bin,
    Binder,
    Const,
    CoreError,
    Expr,
    FVar,
    Num,
    Un,
    abstract,
    instantiate,
    is_closed,
)

TY_NAME = {NAT: "ℕ", INT: "ℤ", RAT: "ℚ", REAL: "ℝ"}
NAME_TY = {v: k for k, v in TY_NAME.items()}
SUCC = Const("Nat.succ")


class NotArith(GiveUp):
    """The expression is outside what the IR can express."""


class Unavailable(GiveUp):
    """The named decision procedure is not (yet) provided by :mod:`leangym.minilean.arith`."""


def procedure(name: str):
    """The arith procedure ``name``, or raise :class:`Unavailable`."""
    fn = getattr(arith, name, None)
    if fn is None:
        raise Unavailable(name)
    return fn


def unsupported_error() -> type[Exception]:
    return getattr(arith, "Unsupported", NotArith)


class Translator:
    """Translates expressions of one goal (``names``: display names of its locals) to IR and back."""

    def __init__(self, names: dict[int, str], types: dict[int, Expr]):
        self.names = dict(names)
        self.types = dict(types)
        self.printer = Printer(self.names)
        self.atoms: dict[str, Expr] = {}
        self.hints: dict[int, str] = {}

    # -- to IR ------------------------------------------------------------------------------
    def ty_of(self, e: Expr) -> Expr:
        if isinstance(e, (Num, Bin, Un, App)):
            return e.ty
        if isinstance(e, FVar):
            return self.types.get(e.id, PROP)
        return PROP

    def numeric(self, e: Expr) -> bool:
        return self.ty_of(e) in NUM_RANK

    def term(self, e: Expr) -> ir.Term:
        ty = self.ty_of(e)
        if ty not in TY_NAME:
            raise NotArith(e)
        t = TY_NAME[ty]
        if isinstance(e, Num):
            return ir.Num(Fraction(e.value), t)
        if isinstance(e, Bin) and e.op in ("+", "-", "*", "/", "%", "^"):
            return ir.Op(e.op, (self.term(e.a), self.term(e.b)), t)
        if isinstance(e, Un):
            if e.op == "-":
                return ir.Neg(self.term(e.a), t)
            if e.op == "abs":
                return ir.Abs(self.term(e.a), t)
            if e.op == "↑":
                return ir.Cast(self.term(e.a), t)
        if isinstance(e, App) and e.fn == SUCC:
            # `Nat.succ n` is `n + 1` by definition (Lean's kernel unfolds one to the other)
            return ir.Op("+", (self.term(e.args[0]), ir.Num(Fraction(1), t)), t)
        if isinstance(e, App) and isinstance(e.fn, FVar) and all(self.ty_of(a) in TY_NAME for a in e.args):
            name = self.printer.pp(e.fn)
            self.atoms.setdefault("fn:" + name, e.fn)
            return ir.Fn(name, tuple(self.term(a) for a in e.args), t)
        return self.atom(e, t)

    def atom(self, e: Expr, t: str) -> ir.Atom:
        return ir.Atom(self.key(e), t)

    def key(self, e: Expr) -> str:
        """The IR name of the opaque ``e``: its printed text, made unique per typed α-class.

        Printing hides numeral types (``(2 : ℕ) - 3 = 0`` and ``(2 : ℤ) - 3 = 0`` print alike), so
        a text already naming a different expression gets a numbered suffix."""
        if not is_closed(e):
            raise CoreError("bridge: an opaque term with loose bound variables")
        text = self.printer.pp(e)
        key, n = text, 0
        while key in self.atoms and self.atoms[key] != e:
            n += 1
            key = f"{text}⁽{n}⁾"
        self.atoms.setdefault(key, e)
        return key

    def prop(self, e: Expr) -> ir.Prop:
        if e == TRUE:
            return ir.BoolConst(True)
        if e == FALSE:
            return ir.BoolConst(False)
        if isinstance(e, Un) and e.op == "¬":
            return ir.Not(self.prop(e.a))
        if isinstance(e, Bin):
            if e.op in ("∧", "∨", "→", "↔"):
                return ir.Conn(e.op, (self.prop(e.a), self.prop(e.b)))
            if e.op in ("=", "≠", "<", "≤", ">", "≥"):
                if self.ty_of(e.a) not in TY_NAME:
                    return self.prop_atom(e)
                a, b = self.term(e.a), self.term(e.b)
                if e.op == ">":
                    return ir.Cmp("<", b, a)
                if e.op == "≥":
                    return ir.Cmp("≤", b, a)
                return ir.Cmp(e.op, a, b)
            if e.op == "∣":
                return ir.Dvd(self.term(e.a), self.term(e.b))
        if isinstance(e, App) and isinstance(e.fn, Const) and e.fn.name in ("Even", "Odd", "Nat.Prime"):
            return ir.Pred(e.fn.name, self.term(e.args[0]))
        if isinstance(e, Binder) and e.kind in ("∀", "∃") and e.dom in TY_NAME:
            x = FVar(fresh_id())
            self.names[x.id] = e.name
            self.types[x.id] = e.dom
            self.hints[x.id] = e.name
            body = self.prop(instantiate(e.body, x))
            return ir.Quant(e.kind, self.key(x), TY_NAME[e.dom], body)
        return self.prop_atom(e)

    def prop_atom(self, e: Expr) -> ir.PropAtom:
        return ir.PropAtom(self.key(e))

    # -- back from IR --------------------------------------------------------------------------
    def back_term(self, t: ir.Term) -> Expr:
        ty = NAME_TY[t.ty]
        if isinstance(t, ir.Num):
            v = Fraction(t.value)
            if v < 0:
                return Un("-", Num(-v, ty), ty)
            if v.denominator != 1:
                return Bin("/", Num(Fraction(v.numerator), ty), Num(Fraction(v.denominator), ty), ty)
            return Num(v, ty)
        if isinstance(t, ir.Atom):
            if t.name in self.atoms:
                return self.atoms[t.name]
            raise NotArith(t)
        if isinstance(t, ir.Op):
            return Bin(t.op, self.back_term(t.args[0]), self.back_term(t.args[1]), ty)
        if isinstance(t, ir.Neg):
            return Un("-", self.back_term(t.arg), ty)
        if isinstance(t, ir.Abs):
            return Un("abs", self.back_term(t.arg), ty)
        if isinstance(t, ir.Cast):
            return Un("↑", self.back_term(t.arg), ty)
        if isinstance(t, ir.Fn):
            fn = self.atoms.get("fn:" + t.name)
            if fn is None:
                raise NotArith(t)
            return App(fn, tuple(self.back_term(a) for a in t.args), ty)
        raise NotArith(t)

    def back_prop(self, p: ir.Prop) -> Expr:
        if isinstance(p, ir.BoolConst):
            return TRUE if p.value else FALSE
        if isinstance(p, ir.Not):
            return Un("¬", self.back_prop(p.arg), PROP)
        if isinstance(p, ir.Conn):
            return Bin(p.op, self.back_prop(p.args[0]), self.back_prop(p.args[1]), PROP)
        if isinstance(p, ir.Cmp):
            return Bin(p.op, self.back_term(p.lhs), self.back_term(p.rhs), PROP)
        if isinstance(p, ir.Dvd):
            return Bin("∣", self.back_term(p.a), self.back_term(p.b), PROP)
        if isinstance(p, ir.Pred):
            return App(Const(p.name), (self.back_term(p.arg),), PROP)
        if isinstance(p, ir.PropAtom):
            if p.name in self.atoms:
                return self.atoms[p.name]
            raise NotArith(p)
        if isinstance(p, ir.Quant):
            x = self.atoms.get(p.var)
            if not (isinstance(x, FVar) and x.id in self.hints):
                raise NotArith(p)
            return Binder(p.kind, self.hints[x.id], NAME_TY[p.ty], abstract(self.back_prop(p.body), x.id))
        raise NotArith(p)


def for_goal(goal) -> Translator:
    names = goal.display_names()
    types = {h.id: h.type for h in goal.hyps if not h.is_prop}
    return Translator(names, types)


__all__ = ["Translator", "for_goal", "procedure", "NotArith", "Unavailable"]
