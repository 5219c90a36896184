"""Elaboration of surface syntax into typed expressions, following Lean's elaborator where it matters.

Arithmetic follows Lean 4's ``binop%``/``binrel%`` elaborator: the leaves of an arithmetic tree (and of
both sides of a relation) are elaborated first, the "maximal" numeric type among them (ℕ < ℤ < ℚ < ℝ)
becomes the type of the whole tree, numerals take that type and lower-typed leaves get a coercion
``↑``; with no typed leaf, numerals default to ℕ. Exponents of ``^`` are elaborated on their own (ℕ).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType

from leangym.minilean.core.context import Goal, Hyp, fresh_id
from leangym.minilean.core.errors import ElabError, UnknownIdentifier
from leangym.minilean.core.functions import (
    FUNCTIONS,
    INTERVALS,
    LATTICE,
    NOTATIONS,
    equiv,
    finset,
)
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
    TYPE,
    UNKNOWN,
    App,
    Bin,
    Binder,
    Const,
    Expr,
    FVar,
    Num,
    Un,
    abstract,
    replace,
    subterms,
)
from leangym.minilean.elab_collections import CollectionElab, unparen
from leangym.minilean.elab_functions import FunctionElab
from leangym.minilean.syntax.terms import Syn

TYPE_ALIASES = {
    "ℕ": NAT, "Nat": NAT, "ℤ": INT, "Int": INT, "ℚ": RAT, "Rat": RAT, "ℝ": REAL, "Real": REAL,
    "Prop": PROP, "Type": TYPE, "Type*": TYPE, "Sort*": TYPE, "Bool": Const("Bool"), "Unit": Const("Unit"),
}
PREDICATES = {"Even": "Even", "Odd": "Odd", "Nat.Prime": "Nat.Prime", "Prime": "Nat.Prime"}
# Mathlib types statements use that MiniLean refuses by name (ℂ is not an ordered field)
UNSUPPORTED_TYPES = frozenset({"ℂ", "Complex", "ZMod", "NNReal", "ℕ+", "PNat", "EReal", "ENNReal", "Set", "List"})
ARITH = ("+", "-", "*", "/", "%")


def unknown_ident(name: str, syn: Syn) -> ElabError:
    return UnknownIdentifier(name, syn)


@dataclass(frozen=True)
class Definition:
    """A data ``def``/``abbrev``: ``name params : ty := body`` over ℕ ℤ ℚ ℝ, with ``body`` already
    elaborated (its parameters are the free variables ``params``). Every use is replaced by the body
    with the arguments substituted, so no tactic ever sees the constant: whatever it proves about the
    unfolded term holds of the constant, which Lean's kernel unfolds to the same term (δ-reduction)."""

    name: str
    params: tuple[tuple[int, Expr], ...]  # (free-variable id, numeric type)
    ty: Expr
    body: Expr


# The definitions in scope of the request being answered. A context variable rather than an Elab
# argument: every tactic builds its own Elab, and the definitions belong to the REPL environment
# the request runs in, which only the command runner and the REPL know.
_DEFINITIONS: ContextVar[Mapping[str, Definition]] = ContextVar(
    "minilean_definitions", default=MappingProxyType({}))


@contextmanager
def definitions(defs: Mapping[str, Definition]) -> Iterator[None]:
    """Elaborate with ``defs`` in scope (a local of the same name still hides a definition)."""
    token = _DEFINITIONS.set(defs)
    try:
        yield
    finally:
        _DEFINITIONS.reset(token)


def definitions_in_scope() -> Mapping[str, Definition]:
    return _DEFINITIONS.get()


@dataclass
class Inference:
    """What trial elaborations learn about variables whose type is not known yet (untyped binders,
    auto-bound implicits; typed ``UNKNOWN`` meanwhile): ``assign``, the type of the first typed context
    each meets (Lean's first unification wins); ``numeral``, those met only beside numerals or as an
    exponent (Lean's default instances then make them ℕ, after everything else). During a ``trial``
    the errors a premature ℕ would cause (``-2 : ℕ``, ``x⁻¹ : ℕ``) are not raised: Lean postpones the
    numeral until the type is known. The final elaboration, with the inferred types, checks them."""

    assign: dict[int, Expr] = field(default_factory=dict)
    numeral: set[int] = field(default_factory=set)
    trial: bool = False


class Elab(CollectionElab, FunctionElab):
    """Elaborates propositions and terms in the context of a goal (plus locally bound variables)."""

    def __init__(self, goal: Goal, inference: Inference | None = None):
        self.goal = goal
        self.locals: list[Hyp] = []
        self.inference = Inference() if inference is None else inference
        self.assign = self.inference.assign

    # -- context -----------------------------------------------------------------------------
    def lookup(self, name: str) -> Hyp | None:
        for h in reversed(self.locals):
            if h.name == name:
                return h
        return self.goal.lookup(name)

    def type_of(self, e: Expr) -> Expr:
        if isinstance(e, (Num, App, Un)):
            return e.ty
        if isinstance(e, Bin):
            return e.ty
        if isinstance(e, FVar):
            for h in self.locals:
                if h.id == e.id:
                    return h.type
            for h in self.goal.hyps:
                if h.id == e.id:
                    return h.type
            raise ElabError("internal: unknown local")
        if isinstance(e, Const):
            return PROP if e in (TRUE, FALSE) else TYPE
        if isinstance(e, Binder):
            return PROP
        raise ElabError("internal: untyped term")

    # -- types ---------------------------------------------------------------------------------
    def elab_type(self, s: Syn) -> Expr:
        if s.kind == "paren":
            return self.elab_type(s.args[0])
        if s.kind == "ident":
            name = s.args[0]
            h = self.lookup(name)  # a local named `Nat` or `ℝ` hides the global, as in Lean
            if h is None and name in TYPE_ALIASES:
                return TYPE_ALIASES[name]
            if h is not None and h.type == TYPE:
                return FVar(h.id)
            if h is None and name in UNSUPPORTED_TYPES:
                raise ElabError(f"unsupported type `{name}` (outside MiniLean's fragment)", s)
            if h is None:
                raise unknown_ident(name, s)
            raise ElabError(f"type expected, got\n  ({name} : {name})", s)
        if s.kind == "bin" and s.args[0] == "→":
            a = self.elab_type(s.args[1])
            b = self.elab_type(s.args[2])
            return Bin("→", a, b, TYPE)
        if (s.kind == "app" and s.args[0].kind == "ident" and s.args[0].args[0] in ("Type", "Sort")
                and self.lookup(s.args[0].args[0]) is None):
            return TYPE
        if s.kind == "app" and s.args[0].kind == "ident" and s.args[0].args[0] in UNSUPPORTED_TYPES \
                and self.lookup(s.args[0].args[0]) is None:
            raise ElabError(f"unsupported type `{s.args[0].args[0]}` (outside MiniLean's fragment)", s)
        if self._equiv_type_syntax(s):
            dom, cod = (self.elab_type(a) for a in s.args[1])
            if dom not in NUM_RANK or cod not in NUM_RANK:
                raise ElabError("unsupported type (MiniLean handles Equiv between ℕ ℤ ℚ ℝ only)", s)
            return equiv(dom, cod)
        if self._finset_type_syntax(s):
            elem = self.elab_type(s.args[1][0])
            if elem not in NUM_RANK:
                raise ElabError("unsupported type (MiniLean handles Finset ℕ ℤ ℚ ℝ only)", s)
            return finset(elem)
        raise ElabError("unsupported type (MiniLean handles ℕ ℤ ℚ ℝ, Prop, type variables and →)", s)

    def is_type_syntax(self, s: Syn) -> bool:
        """Whether a binder type denotes a type (a data variable) rather than a proposition."""
        if s.kind == "paren":
            return self.is_type_syntax(s.args[0])
        if s.kind == "ident":
            name = s.args[0]
            h = self.lookup(name)
            if h is None:
                return name in TYPE_ALIASES or name in UNSUPPORTED_TYPES
            return h.type == TYPE
        if s.kind == "bin" and s.args[0] == "→":
            return self.is_type_syntax(s.args[2]) and self.is_type_syntax(s.args[1])
        return (s.kind == "app" and s.args[0].kind == "ident" and s.args[0].args[0] in ("Type", "Sort", *UNSUPPORTED_TYPES)
                and self.lookup(s.args[0].args[0]) is None) or self._finset_type_syntax(s) \
            or self._equiv_type_syntax(s)

    def _equiv_type_syntax(self, s: Syn) -> bool:
        return (s.kind == "app" and s.args[0].kind == "ident" and s.args[0].args[0] == "Equiv"
                and len(s.args[1]) == 2 and self.lookup("Equiv") is None)

    def _finset_type_syntax(self, s: Syn) -> bool:
        return (s.kind == "app" and s.args[0].kind == "ident" and s.args[0].args[0] == "Finset"
                and len(s.args[1]) == 1 and self.lookup("Finset") is None)

    # -- propositions --------------------------------------------------------------------------
    def prop(self, s: Syn) -> Expr:
        k = s.kind
        if k == "paren":
            return self.prop(s.args[0])
        if k == "bin":
            op, a, b = s.args
            if op in ("∧", "∨", "→", "↔"):
                return Bin(op, self.prop(a), self.prop(b), PROP)
            if op in ("=", "≠", "<", "≤", ">", "≥", "∣"):
                return self.relation(op, a, b, s)
            if op in ("∈", "∉"):
                return self.membership(op, a, b, s)
            raise ElabError(f"type mismatch: expected a proposition, got an arithmetic term ({op})", s)
        if k == "not":
            return Un("¬", self.prop(s.args[0]), PROP)
        if k == "modeq":
            kind, a, b, n = s.args
            ty = NAT if kind == "MOD" else INT
            return App(Const("Nat.ModEq" if kind == "MOD" else "Int.ModEq"),
                       (self.arith_tree(n, ty), self.arith_tree(a, ty), self.arith_tree(b, ty)), PROP)
        if k == "binder":
            return self.binder_prop(s)
        if k == "ident":
            name = s.args[0]
            h = self.lookup(name)
            if h is None and name == "True":
                return TRUE
            if h is None and name == "False":
                return FALSE
            if h is not None:
                if h.type == PROP:
                    return FVar(h.id)
                if h.type == UNKNOWN:
                    raise ElabError(f"unsupported: `{name}` used as a proposition; MiniLean infers only number "
                                    "types for untyped and auto-bound variables (outside MiniLean's fragment)", s)
                raise ElabError(f"type expected, got\n  ({name} : {self.show_type(h.type)})", s)
            proj = self.dotted_pred(name, s)
            if proj is not None:
                return proj
            raise unknown_ident(name, s)
        if k == "app":
            head, args = s.args
            if head.kind == "ident":
                name = head.args[0]
                if name == "Irrational" and len(args) == 1 and self.lookup(name) is None:
                    return App(Const("Irrational"), (self.arith_tree(args[0], REAL),), PROP)
                if name in ("IsLeast", "IsGreatest") and len(args) == 2 and self.lookup(name) is None:
                    st, elem = self.set_term(args[0])
                    return App(Const(name), (st, self.arith_tree(args[1], elem)), PROP)
                if name in PREDICATES and self.lookup(name) is None:
                    if len(args) != 1:
                        raise ElabError(f"function expected: {name} takes one argument", s)
                    arg = self.arith_tree(args[0], NAT if PREDICATES[name] == "Nat.Prime" else None)
                    return App(Const(PREDICATES[name]), (arg,), PROP)
                h = self.lookup(name)
                if h is not None and isinstance(h.type, Bin) and h.type.op == "→":
                    e = self.apply_fn(FVar(h.id), h.type, args, s)
                    if e.ty != PROP:
                        raise ElabError("type mismatch: expected a proposition", s)
                    return e
            raise ElabError("unsupported proposition (outside MiniLean's fragment)", s)
        if k == "proj" and s.args[1] == "Prime":
            arg = self.arith_tree(s.args[0], NAT)
            return App(Const("Nat.Prime"), (arg,), PROP)
        raise ElabError("unsupported proposition (outside MiniLean's fragment)", s)

    def dotted_pred(self, name: str, s: Syn) -> Expr | None:
        parts = name.split(".")
        if len(parts) == 2 and parts[1] == "Prime":
            h = self.lookup(parts[0])
            if h is not None and h.type == NAT:
                return App(Const("Nat.Prime"), (FVar(h.id),), PROP)
        return None

    def show_type(self, ty: Expr) -> str:
        return Printer(self.goal.display_names()).pp(ty)

    def binder_prop(self, s: Syn) -> Expr:
        kind, groups, pred, body = s.args
        if kind == "fun":
            raise ElabError("type mismatch: a function is not a proposition", s)
        flat: list[tuple[str, Syn | None]] = [(n[0], ty) for names, ty in groups for n in names]
        return self._binders(kind, flat, pred, body, s)

    def _binders(self, kind: str, flat: list, pred, body: Syn, s: Syn) -> Expr:
        name, ty_syn = flat[0]
        if kind == "∀" and ty_syn is not None and pred is None and not self.is_type_syntax(ty_syn):
            return self._hypothesis_binder(flat, body, s)
        if ty_syn is not None:
            ty = self.elab_type(ty_syn)
        else:
            ty = self.infer_binder_type(name, flat[1:], pred, body)
        hid = fresh_id()
        self.locals.append(Hyp(hid, name, ty, ty == PROP))
        try:
            inner = self._binders(kind, flat[1:], pred, body, s) if len(flat) > 1 else self.prop(body)
            if pred is not None:
                # `∃ x y > 0, P` guards every name: `∃ x, x > 0 ∧ ∃ y, y > 0 ∧ P`
                op, bound = pred
                guard = self.guard(op, Syn("ident", (name,), s.start, s.start), bound, s)
                inner = Bin("→" if kind == "∀" else "∧", guard, inner, PROP)
        finally:
            self.locals.pop()
        return Binder(kind, name, ty, abstract(inner, hid))

    def _hypothesis_binder(self, flat: list, body: Syn, s: Syn) -> Expr:
        """``∀ (_ : x ≠ 0), P`` is the implication ``x ≠ 0 → P`` (a proof the body does not use)."""
        name, ty_syn = flat[0]
        hyp = self.prop(ty_syn)
        hid = fresh_id()
        self.locals.append(Hyp(hid, name, hyp, True))
        try:
            inner = self._binders("∀", flat[1:], None, body, s) if len(flat) > 1 else self.prop(body)
        finally:
            self.locals.pop()
        if FVar(hid) in subterms(inner):
            raise ElabError("unsupported: a body that uses its hypothesis binder (outside MiniLean's fragment)", s)
        return Bin("→", hyp, inner, PROP)

    def infer_binder_type(self, name: str, rest: list, pred, body: Syn) -> Expr:
        """Lean infers an untyped binder's type from its uses; we try the same on a trial elaboration."""
        hid = fresh_id()
        self.locals.append(Hyp(hid, name, UNKNOWN, False))
        was_trial, self.inference.trial = self.inference.trial, True
        try:
            try:
                if rest:
                    self._binders("∀", rest, pred, body, body)
                else:
                    self.prop(body)
                    if pred is not None:
                        self.guard(pred[0], Syn("ident", (name,), body.start, body.start), pred[1], body)
            except ElabError:
                pass
        finally:
            self.locals.pop()
            self.inference.trial = was_trial
        self.inference.numeral.discard(hid)
        return self.assign.pop(hid, NAT)

    # -- relations and arithmetic -----------------------------------------------------------
    def guard(self, op: str, var: Syn, bound: Syn, s: Syn) -> Expr:
        """A binder predicate's guard: ``x > 0`` in ``∀ x > 0, P``, ``x ∈ S`` in ``∃ x ∈ S, P``."""
        if op in ("∈", "∉"):
            return self.membership(op, var, bound, s)
        return self.relation(op, var, bound, s)

    def relation(self, op: str, a: Syn, b: Syn, s: Syn) -> Expr:
        if unparen(a).kind == "tuple" or unparen(b).kind == "tuple":
            if op not in ("=", "≠"):
                raise ElabError("unsupported: tuples are compared by `=` and `≠` only (outside MiniLean's fragment)", s)
            ea, eb = self.tuples(unparen(a), unparen(b), s)
            return Bin(op, ea, eb, PROP)
        fty = self.function_local_type(a) or self.function_local_type(b) if op in ("=", "≠") else None
        if fty is not None:
            # an equation of functions (`f = fun x => 2 * x - 3`, `f = g`): both sides at the local's type
            return Bin(op, function_term(self, a, fty), function_term(self, b, fty), PROP)
        leaves_a = self.collect(a)
        leaves_b = self.collect(b)
        ty = self.max_type(leaves_a + leaves_b, None)
        ea = self.build(a, ty)
        eb = self.build(b, ty)
        if op == "∣" and ty in (RAT, REAL):
            pass
        return Bin(op, ea, eb, PROP)

    def function_local_type(self, s: Syn) -> Expr | None:
        """The type ``A → B`` of a function variable ``s`` names (a local), else None."""
        while s.kind == "paren":
            s = s.args[0]
        h = self.lookup(s.args[0]) if s.kind == "ident" else None
        if h is not None and not h.is_prop and isinstance(h.type, Bin) and h.type.op == "→" and h.type.ty == TYPE:
            return h.type
        return None

    def arith_tree(self, s: Syn, expected: Expr | None) -> Expr:
        ty = self.max_type(self.collect(s), expected)
        e = self.build(s, ty)
        if expected in NUM_RANK and ty != expected:
            # a leaf above the expected type (`(-1 : ℤ)` where ℕ is expected): Lean cannot coerce down
            return self.coerce(e, ty, expected, s)
        return e

    def collect(self, s: Syn) -> list[Expr | None]:
        """Types of the leaves of an arithmetic tree (None for numerals and untyped casts), left to
        right as Lean elaborates them (the order in which unknown names are met and auto-bound)."""
        out: list[Expr | None] = []
        stack = [s]
        while stack:
            x = self.desugar(stack.pop())
            k = x.kind
            if k == "paren":
                stack.append(x.args[0])
            elif k == "bin" and x.args[0] in ARITH:
                stack += (x.args[2], x.args[1])
            elif k == "bin" and x.args[0] == "^":
                stack.append(x.args[1])
            elif k == "neg":
                stack.append(x.args[0])
            elif k in ("abs", "inv"):
                out.append(self.own_type(x))
            elif k in ("num", "cast", "hole"):
                out.append(None)
            elif k == "bigop":
                out.append(self.bigop_type(x))
            elif self._lattice(x):
                out.append(self.lattice_type(x))
            else:
                e = self.leaf(x, None)
                t = self.type_of(e)
                if t == UNKNOWN and isinstance(e, FVar):
                    out.append(("?", e.id))  # type: ignore[arg-type]
                else:
                    out.append(t)
        return out

    def max_type(self, leaves: list, expected: Expr | None) -> Expr:
        best = expected if expected in NUM_RANK else None
        unknown = []
        for t in leaves:
            if t is None:
                continue
            if isinstance(t, tuple):
                unknown.append(t[1])
                continue
            if t not in NUM_RANK:
                if best is None or best not in NUM_RANK:
                    best = t
                continue
            if best is None or (best in NUM_RANK and NUM_RANK[t] > NUM_RANK[best]):
                best = t
        for u in unknown:
            if best is not None:
                self.assign.setdefault(u, best)
            elif None in leaves:
                self.inference.numeral.add(u)
        return NAT if best is None else best

    def build(self, s: Syn, ty: Expr) -> Expr:
        s = self.desugar(s)
        k = s.kind
        if k == "paren":
            return self.build(s.args[0], ty)
        if k == "num":
            v = Fraction(s.args[0])
            if v.denominator != 1 and ty not in (RAT, REAL) and not self.inference.trial:
                raise ElabError(f"failed to synthesize\n  OfScientific {self.show_type(ty)}", s)
            return Num(v, ty)
        if k == "bin" and s.args[0] in ARITH:
            if s.args[0] == "%" and ty in (RAT, REAL):
                tn = self.show_type(ty)
                raise ElabError(f"failed to synthesize\n  HMod {tn} {tn} ?m", s)
            return Bin(s.args[0], self.build(s.args[1], ty), self.build(s.args[2], ty), ty)
        if k == "bin" and s.args[0] == "^":
            base = self.build(s.args[1], ty)
            exp = self.arith_tree(s.args[2], None)
            if self.type_of(exp) == REAL and ty == REAL:
                # `x ^ (y : ℝ)` is Real.rpow: opaque (its value at a negative base is not x^y)
                return App(Const("Real.rpow"), (base, exp), REAL)
            if self.type_of(exp) == UNKNOWN and isinstance(exp, FVar):
                self.inference.numeral.add(exp.id)  # `2 ^ k`: Monoid.npow's default instance, ℕ
            elif self.type_of(exp) != NAT:
                raise ElabError("unsupported: exponents must be natural numbers in MiniLean", s)
            return Bin("^", base, exp, ty)
        if k == "neg":
            if ty == NAT and not self.inference.trial:
                raise ElabError("failed to synthesize\n  Neg ℕ", s)
            return Un("-", self.build(s.args[0], ty), ty)
        if k in ("abs", "inv"):
            # `|x|` and `x⁻¹` are applications (abs x, Inv.inv x), leaves of Lean's binop% tree:
            # typed by their argument, then coerced as a whole (`↑|⌊x⌋|`)
            own = self.own_type(s) or ty
            if k == "abs":
                if own == NAT and not self.inference.trial:  # Mathlib's `abs` needs an additive group
                    raise ElabError("failed to synthesize\n  AddGroup ℕ", s)
                e = Un("abs", self.build(s.args[0], own), own)
            else:
                if own not in (RAT, REAL) and not self.inference.trial:
                    raise ElabError(f"failed to synthesize\n  Inv {self.show_type(own)}", s)
                e = App(Const("Inv.inv"), (self.build(s.args[0], own),), own)
            return e if own == ty else self.coerce(e, own, ty, s)
        if k == "bigop":
            e = self.bigop(s, ty)
            return e if e.ty == ty else self.coerce(e, e.ty, ty, s)
        if self._lattice(s):
            own = self.lattice_type(s) or ty
            e = App(Const(s.args[0].args[0]), tuple(self.build(x, own) for x in s.args[1]), own)
            return e if own == ty else self.coerce(e, own, ty, s)
        if k == "cast" and all(t is None for t in self.collect(s.args[0])):
            return self.build(s.args[0], ty)  # `(↑2 : ℝ)`: the numeral takes the type, as Lean unifies it
        if k == "cast":
            inner = self.arith_tree(s.args[0], None)
            it = self.type_of(inner)
            if it == ty:
                return inner
            return self.coerce(inner, it, ty, s)
        if k == "hole":
            raise ElabError("don't know how to synthesize placeholder", s)
        e = self.leaf(s, ty)
        t = self.type_of(e)
        if t == ty:
            return e
        if t == UNKNOWN:
            return e
        return self.coerce(e, t, ty, s)

    def _lattice(self, s: Syn) -> bool:
        """``max a b`` / ``min a b`` (a local of the name hides them)."""
        return (s.kind == "app" and s.args[0].kind == "ident" and s.args[0].args[0] in LATTICE
                and len(s.args[1]) == 2 and self.lookup(s.args[0].args[0]) is None)

    def lattice_type(self, s: Syn) -> Expr | None:
        """``max a b``'s type: its arguments' common type (None when both are numerals)."""
        leaves = self.collect(s.args[1][0]) + self.collect(s.args[1][1])
        if all(t is None for t in leaves):
            return None
        return self.max_type(leaves, None)

    def own_type(self, s: Syn) -> Expr | None:
        """The type of a leaf that is typed by its argument (``|x|``, ``x⁻¹``); None when the
        argument's leaves are all numerals (it then takes its context's type)."""
        leaves = self.collect(s.args[0])
        if all(t is None for t in leaves):
            return None
        return self.max_type(leaves, None)

    def coerce(self, e: Expr, have: Expr, want: Expr, s: Syn) -> Expr:
        if have in NUM_RANK and want in NUM_RANK and NUM_RANK[have] < NUM_RANK[want]:
            return Un("↑", e, want)
        raise ElabError(
            f"type mismatch\n  {self.pp(e)}\nhas type\n  {self.show_type(have)} : Type\n"
            f"but is expected to have type\n  {self.show_type(want)} : Type",
            s,
        )

    def pp(self, e: Expr) -> str:
        names = self.goal.display_names()
        for h in self.locals:
            names[h.id] = h.name
            names.types[h.id] = h.type
        return Printer(names).pp(e)

    def desugar(self, s: Syn) -> Syn:
        """``abs x`` is Mathlib's ``|x|`` (unless a local named ``abs`` hides it)."""
        if (s.kind == "app" and s.args[0].kind == "ident" and s.args[0].args[0] == "abs" and len(s.args[1]) == 1
                and self.lookup("abs") is None):
            return Syn("abs", (s.args[1][0],), s.start, s.end)
        return s

    def leaf(self, s: Syn, expected: Expr | None) -> Expr:
        k = s.kind
        if k == "ident":
            name = s.args[0]
            h = self.lookup(name)
            if h is not None:
                if h.is_prop or h.type == PROP or h.type == TYPE:
                    raise ElabError(f"type mismatch: `{name}` is not a number", s)
                return FVar(h.id)
            d = definitions_in_scope().get(name)
            if d is not None:
                return self.unfold(d, (), s)
            fn = self.function(name)
            if fn is not None:
                return self.apply_function(fn, (), s)
            dotted = self.dotted_field(name, s)
            if dotted is not None:
                return self.leaf(dotted, expected)
            if "." in name:
                raise ElabError(f"unsupported term `{name}` (outside MiniLean's fragment)", s)
            raise unknown_ident(name, s)
        if k == "ascr":
            ty = self.elab_type(s.args[1])
            if ty not in NUM_RANK:
                raise ElabError("unsupported type ascription", s)
            return self.arith_tree(s.args[0], ty)
        if k == "app":
            head, args = s.args
            if head.kind == "ident":
                h = self.lookup(head.args[0])
                if h is not None and isinstance(h.type, Bin) and h.type.op == "→":
                    return self.apply_fn(FVar(h.id), h.type, args, s)
                d = definitions_in_scope().get(head.args[0]) if h is None else None
                if d is not None:
                    return self.unfold(d, args, s)
                fn = self.function(head.args[0]) if h is None else None
                if fn is not None:
                    return self.apply_function(fn, args, s)
                dotted = self.dotted_field(head.args[0], head) if h is None else None
                if dotted is not None:
                    return self.leaf(Syn("app", (dotted, args), s.start, s.end), expected)
                if h is None and "." not in head.args[0] and head.args[0] not in INTERVALS:
                    raise unknown_ident(head.args[0], head)
            if head.kind == "proj":
                return self.field_application(head.args[0], head.args[1], args, s)
            raise ElabError("unsupported function application (outside MiniLean's fragment)", s)
        if k == "proj" and isinstance(s.args[1], str) and not s.args[1].isdigit():
            return self.field_application(s.args[0], s.args[1], (), s)
        if k == "bin" and s.args[0] == "/.":
            # `a /. b` is `Rat.divInt a b : ℚ` (ℤ arguments): a leaf of the tree around it, not binop%
            return App(Const("Rat.divInt"), (self.arith_tree(s.args[1], INT), self.arith_tree(s.args[2], INT)),
                       RAT)
        notation = NOTATIONS.get(k)
        if notation is not None:
            return self.apply_function(FUNCTIONS[notation], s.args, s)
        if k == "bigop":
            return self.bigop(s, None)
        if k == "list":
            return self.list_literal(s, expected)
        if k == "bin" and s.args[0] not in ARITH and s.args[0] != "^":
            # a comparison or connective where a term is expected (`(1 < 2) = False`): a proposition used as
            # a value, outside the fragment (and not an arithmetic tree to collect, which would recurse)
            raise ElabError("unsupported term: a proposition used as a value (outside MiniLean's fragment)", s)
        if k in ("bin", "neg", "abs", "num", "paren", "cast", "inv"):
            return self.arith_tree(s, expected)
        raise ElabError("unsupported term (outside MiniLean's fragment)", s)

    def unfold(self, d: Definition, args: tuple, s: Syn) -> Expr:
        """``d`` applied to ``args``: its body with each parameter replaced by the argument elaborated
        at the parameter's type (a lower-typed argument gets ``↑``, a higher one is a type mismatch)."""
        if len(args) != len(d.params):
            raise ElabError(
                f"unsupported: `{d.name}` takes {len(d.params)} argument(s), got {len(args)} "
                "(MiniLean unfolds only fully applied definitions)", s)
        out = d.body
        for (pid, pty), a in zip(d.params, args):
            out = replace(out, FVar(pid), self.arith_tree(a, pty))
        return out




def witness(el: Elab, w: Syn, dom: Expr) -> Expr:
    if dom in NUM_RANK:
        return el.arith_tree(w, dom)
    while w.kind == "paren":
        w = w.args[0]
    if w.kind == "binder" and w.args[0] == "fun":
        return lambda_term(el, w, dom)
    e = el.leaf(w, dom)
    if el.type_of(e) != dom:
        raise ElabError("type mismatch in witness", w)
    return e


def function_term(el: Elab, s: Syn, fty: Expr) -> Expr:
    """A term of the function type ``fty``: a function variable of that type or ``fun … => …``."""
    while s.kind == "paren":
        s = s.args[0]
    if s.kind == "binder" and s.args[0] == "fun":
        return lambda_term(el, s, fty)
    if el.function_local_type(s) == fty:
        return FVar(el.lookup(s.args[0]).id)
    raise ElabError(f"unsupported: a term of type {el.show_type(fty)} that is neither a function variable "
                    "nor `fun x => …` (outside MiniLean's fragment)", s)


def lambda_term(el: Elab, s: Syn, fty: Expr) -> Expr:
    """``fun x y => e`` at the function type ``fty`` (``ℕ → ℕ → ℝ``): each binder takes the domain
    ``fty`` gives it (a written binder type must be that domain) and ``e`` is a witness of the final
    codomain, elaborated with the binders as locals and then abstracted over them."""
    _, groups, pred, body = s.args
    if pred is not None:
        raise ElabError("unsupported: a binder predicate in `fun` (outside MiniLean's fragment)", s)
    flat = [(n[0], ty) for names, ty in groups for n in names]

    def go(i: int, ty: Expr) -> Expr:
        if i == len(flat):
            return witness(el, body, ty)
        if not (isinstance(ty, Bin) and ty.op == "→" and ty.ty == TYPE):
            raise ElabError(f"type mismatch: `fun` given where a term of type {el.show_type(ty)} is expected", s)
        name, ty_syn = flat[i]
        if ty_syn is not None and el.elab_type(ty_syn) != ty.a:
            raise ElabError(f"type mismatch: the binder `{name}` of `fun` must have type {el.show_type(ty.a)}", s)
        hid = fresh_id()
        el.locals.append(Hyp(hid, name, ty.a, ty.a == PROP))
        try:
            inner = go(i + 1, ty.b)
        finally:
            el.locals.pop()
        return Binder("fun", name, ty.a, abstract(inner, hid))

    return go(0, fty)
