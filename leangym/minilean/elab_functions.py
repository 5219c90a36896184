"""The elaborator's applications: Mathlib's named functions (opaque atoms, :mod:`leangym.minilean.core.functions`),
generalized field notation (``x.divisors``), and local functions applied.

:class:`FunctionElab` is a part of :class:`leangym.minilean.elab.Elab` (its base class), split out by topic; its
methods use the arithmetic elaboration ``Elab`` defines (``arith_tree``, ``leaf``, ``type_of``, ``lookup``,
``show_type``, ``assign``) and the collections of :class:`~leangym.minilean.elab_collections.CollectionElab`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leangym.minilean.core.errors import ElabError
from leangym.minilean.core.functions import (
    FINSET,
    FLOOR_RING,
    FUNCTIONS,
    LIST,
    NAMESPACE,
    SHORT_NAMES,
    Function,
    equiv_types,
    finset_elem,
    list_elem,
)
from leangym.minilean.core.terms import (
    INT,
    NUM_RANK,
    RAT,
    REAL,
    UNKNOWN,
    App,
    Bin,
    Const,
    Expr,
    FVar,
)
from leangym.minilean.syntax.terms import Syn

if TYPE_CHECKING:
    pass


class FunctionElab:
    # -- Mathlib's named functions (opaque: see core/functions.py) ---------------------------
    def function(self, name: str) -> Function | None:
        """The Mathlib function ``name`` denotes (a local of the same name hides it, as in Lean)."""
        if self.lookup(name) is not None:
            return None
        return FUNCTIONS.get(SHORT_NAMES.get(name, name))

    def apply_function(self, fn: Function, args: tuple, s: Syn) -> Expr:
        if len(args) != len(fn.params):
            raise ElabError(
                f"unsupported: `{fn.name}` applied to {len(args)} argument(s); MiniLean takes it fully "
                f"applied to its {len(fn.params)} explicit argument(s) (outside MiniLean's fragment)", s)
        out = []
        for param, a in zip(fn.params, args):
            out.append(self.function_arg(fn, param, a))
        result = fn.result if fn.result is not None else list_elem(self.type_of(out[0]))
        return App(Const(fn.name), tuple(out), result)

    def function_arg(self, fn: Function, param, a: Syn) -> Expr:
        if param in NUM_RANK:
            return self.arith_tree(a, param)
        if param == FINSET:
            return self.finset_term(a, None)[0]
        if param == LIST:
            e = self.leaf(a, None)
            if list_elem(self.type_of(e)) not in NUM_RANK:
                raise ElabError("unsupported: expected a list of numbers (outside MiniLean's fragment)", a)
            return e
        e = self.arith_tree(a, None)
        ty = self.type_of(e)
        allowed = (INT, RAT, REAL) if param == FLOOR_RING else (RAT, REAL)
        if ty not in allowed:
            cls = "FloorRing" if param == FLOOR_RING else "FloorSemiring"
            raise ElabError(f"failed to synthesize\n  {cls} {self.show_type(ty)}", a)
        return e

    def dotted_field(self, name: str, s: Syn) -> Syn | None:
        """``x.divisors.card`` (one identifier to the lexer) as field projections of the local ``x``."""
        parts = name.split(".")
        if len(parts) < 2 or self.lookup(parts[0]) is None:
            return None
        out = Syn("ident", (parts[0],), s.start, s.start + len(parts[0]))
        for part in parts[1:]:
            out = Syn("proj", (out, part), s.start, s.end)
        return out

    def field_application(self, recv: Syn, field: str, args: tuple, s: Syn) -> Expr:
        """``x.f args`` (generalized field notation): ``T.f x args`` where ``T`` is the namespace of
        ``x``'s type (ℕ → Nat, ℤ → Int, ℚ → Rat, ℝ → Real, Finset α → Finset)."""
        h = self.lookup(recv.args[0]) if recv.kind == "ident" else None
        if h is not None and equiv_types(h.type) is not None:
            return self.equiv_application(FVar(h.id), equiv_types(h.type), field, args, s)
        if h is not None and finset_elem(h.type) is not None:
            ns = "Finset"
        else:
            e = self.leaf(recv, None) if recv.kind not in ("num",) else self.arith_tree(recv, None)
            ty = self.type_of(e)
            ns = ("Finset" if finset_elem(ty) is not None else "List" if list_elem(ty) is not None
                  else NAMESPACE.get(ty))
        fn = FUNCTIONS.get(f"{ns}.{field}") if ns else None
        if fn is None:
            raise ElabError(f"unsupported term `.{field}` (outside MiniLean's fragment)", s)
        return self.apply_function(fn, (recv,) + tuple(args), s)

    def apply_fn(self, fn: Expr, fty: Expr, args: tuple, s: Syn) -> Expr:
        out = []
        ty = fty
        for a in args:
            if not (isinstance(ty, Bin) and ty.op == "→"):
                raise ElabError("function expected", s)
            dom = ty.a
            if dom in NUM_RANK:
                out.append(self.arith_tree(a, dom))
            else:
                e = self.leaf(a, dom)
                if self.type_of(e) == UNKNOWN and isinstance(e, FVar):
                    self.assign.setdefault(e.id, dom)
                elif self.type_of(e) != dom:
                    raise ElabError("application type mismatch", a)
                out.append(e)
            ty = ty.b
        return App(fn, tuple(out), ty)
