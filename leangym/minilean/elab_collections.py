"""The elaborator's collections and structures: Finsets (``Finset.range``, intervals, ``filter``),
set-builders, list literals, membership, big operators ``∑``/``∏``, ``Equiv`` projections, tuples.

:class:`CollectionElab` is a part of :class:`leangym.minilean.elab.Elab` (its base class), split out by
topic; its methods use the arithmetic elaboration ``Elab`` defines (``collect``, ``max_type``,
``build``, ``arith_tree``, ``leaf``, ``prop``, ``lookup``, ``locals``).
"""

from __future__ import annotations

from leangym.minilean.core.context import Hyp, fresh_id
from leangym.minilean.core.errors import ElabError
from leangym.minilean.core.functions import (
    BIG_OPERATORS,
    EQUIV_FIELDS,
    INTERVALS,
    LIST_LITERAL,
    SET_INTERVALS,
    finset,
    finset_elem,
    list_elem,
    list_of,
    product,
    set_of,
)
from leangym.minilean.core.terms import (
    INT,
    NAT,
    NUM_RANK,
    PROP,
    App,
    Bin,
    Binder,
    Const,
    Expr,
    FVar,
    Un,
    abstract,
)
from leangym.minilean.syntax.terms import Syn


class CollectionElab:
    """Elaboration of collections and structures (see the module docstring); mixed into ``Elab``."""

    def tuples(self, a: Syn, b: Syn, s: Syn) -> tuple[Expr, Expr]:
        """``(x, y) = (1, 2)``: two tuple literals of the same shape, each pair of components typed
        together as the sides of a relation (Lean elaborates the right side at the left one's
        type ``ℕ × ℕ``). ``Prod.mk`` pairs: atoms to every decision procedure."""
        if a.kind != "tuple" or b.kind != "tuple":
            raise ElabError("unsupported: a tuple compared with a tuple literal only (outside MiniLean's fragment)", s)
        a1, a2 = (unparen(x) for x in a.args)
        b1, b2 = (unparen(x) for x in b.args)
        ty = self.component_type(a1, b1, s)
        x1, y1 = self.build(a1, ty), self.build(b1, ty)
        if a2.kind == "tuple" or b2.kind == "tuple":
            x2, y2 = self.tuples(a2, b2, s)
        else:
            ty2 = self.component_type(a2, b2, s)
            x2, y2 = self.build(a2, ty2), self.build(b2, ty2)
        pair = product(ty, self.type_of(x2))
        return App(Const("Prod.mk"), (x1, x2), pair), App(Const("Prod.mk"), (y1, y2), pair)

    def component_type(self, a: Syn, b: Syn, s: Syn) -> Expr:
        """The common type of two tuple components; typed on both sides, the types must agree
        (Lean elaborates the right tuple at the left one's type: no coercion inside a pair)."""
        la, lb = self.collect(a), self.collect(b)
        if any(t is not None for t in la) and any(t is not None for t in lb):
            ta, tb = self.max_type(la, None), self.max_type(lb, None)
            if ta != tb:
                raise ElabError(f"type mismatch: a tuple component of type {self.show_type(tb)} where "
                                f"{self.show_type(ta)} is expected", s)
        return self.max_type(la + lb, None)

    def equiv_application(self, e: Expr, types: tuple[Expr, Expr], field: str, args: tuple, s: Syn) -> Expr:
        """``σ.1 x``/``σ.toFun x`` and ``σ.2 x``/``σ.invFun x`` for ``σ : α ≃ β``: two functions,
        each an uninterpreted one to the decision procedures (the laws tying them, ``σ.left_inv``,
        are Mathlib lemmas MiniLean does not know, so nothing is proved from them)."""
        proj = EQUIV_FIELDS.get(field)
        if proj is None or len(args) != 1:
            raise ElabError(f"unsupported: `.{field}` of an Equiv; MiniLean takes `σ.1 x`/`σ.2 x` fully "
                            "applied (outside MiniLean's fragment)", s)
        dom, cod = types if proj == "Equiv.toFun" else types[::-1]
        return App(Const(proj), (e, self.arith_tree(args[0], dom)), cod)

    def finset_term(self, s: Syn, elem: Expr | None, lists: bool = False) -> tuple[Expr, Expr]:
        """A Finset expression and its element type: a local ``s : Finset α``, ``Finset.range n``,
        ``Finset.Icc a b`` (and Ico, Ioc, Ioo; at ``elem`` or the bounds' type), ``Nat.divisors n``."""
        while s.kind == "paren":
            s = s.args[0]
        if s.kind == "ident":
            h = self.lookup(s.args[0])
            if h is not None and finset_elem(h.type) is not None:
                return FVar(h.id), finset_elem(h.type)
        if s.kind == "app" and s.args[0].kind == "ident" and s.args[0].args[0] in INTERVALS \
                and self.lookup(s.args[0].args[0]) is None:
            name, args = s.args[0].args[0], s.args[1]
            if len(args) != 2:
                raise ElabError(f"unsupported: `{name}` takes two bounds", s)
            ty = self.max_type(self.collect(args[0]) + self.collect(args[1]), elem)
            if ty not in (NAT, INT):  # ℚ and ℝ are not locally finite orders
                raise ElabError(f"failed to synthesize\n  LocallyFiniteOrder {self.show_type(ty)}", s)
            lo, hi = self.build(args[0], ty), self.build(args[1], ty)
            return App(Const(name), (lo, hi), finset(ty)), ty
        if s.kind == "app" and s.args[0].kind == "ident" and s.args[0].args[0] == "Finset.filter" \
                and self.lookup("Finset.filter") is None and len(s.args[1]) == 2:
            return self.finset_filter(s.args[1][0], s.args[1][1], elem, s)
        e = self.leaf(s, None)
        el = finset_elem(self.type_of(e))
        if el is None and lists:  # membership in a list: `d ∈ Nat.digits 10 n`
            el = list_elem(self.type_of(e))
        if el is None:
            raise ElabError("unsupported: expected a Finset (outside MiniLean's fragment)", s)
        return e, el

    def set_term(self, s: Syn) -> tuple[Expr, Expr]:
        """A set-builder ``{x | P x}`` (``{x : T | P x}``) over ℕ ℤ ℚ ℝ, and its element type."""
        while s.kind == "paren":
            s = s.args[0]
        if s.kind != "setOf":
            raise ElabError("unsupported: expected a set-builder `{x | P x}` (outside MiniLean's fragment)", s)
        name, ty_syn, body = s.args
        ty = self.elab_type(ty_syn) if ty_syn is not None else self.infer_binder_type(name, [], None, body)
        if ty not in NUM_RANK:
            raise ElabError("unsupported: sets of ℕ ℤ ℚ ℝ only (outside MiniLean's fragment)", s)
        hid = fresh_id()
        self.locals.append(Hyp(hid, name, ty, False))
        try:
            p = self.prop(body)
        finally:
            self.locals.pop()
        return App(Const("setOf"), (Binder("fun", name, ty, abstract(p, hid)),), set_of(ty)), ty

    def finset_filter(self, pred: Syn, src: Syn, elem: Expr | None, s: Syn) -> tuple[Expr, Expr]:
        """``Finset.filter (fun x => P x) s``: a decidable predicate over a Finset."""
        fs, el = self.finset_term(src, elem)
        while pred.kind == "paren":
            pred = pred.args[0]
        if not (pred.kind == "binder" and pred.args[0] == "fun" and len(pred.args[1]) == 1
                and len(pred.args[1][0][0]) == 1):
            raise ElabError("unsupported: Finset.filter takes `fun x => P x` in MiniLean", s)
        (names, ty_syn), = pred.args[1]
        if ty_syn is not None and self.elab_type(ty_syn) != el:
            raise ElabError("application type mismatch in Finset.filter", s)
        hid = fresh_id()
        self.locals.append(Hyp(hid, names[0][0], el, False))
        try:
            body = self.prop(pred.args[3])
        finally:
            self.locals.pop()
        lam = Binder("fun", names[0][0], el, abstract(body, hid))
        return App(Const("Finset.filter"), (lam, fs), finset(el)), el

    def list_literal(self, s: Syn, expected: Expr | None) -> Expr:
        """``[a, b, c]`` at ``List T``: ``T`` from the expected type, else from the items."""
        elem = list_elem(expected) if expected is not None else None
        if elem is None:
            elem = self.max_type([t for x in s.args for t in self.collect(x)], None)
        if elem not in NUM_RANK:
            raise ElabError("unsupported: lists of numbers only (outside MiniLean's fragment)", s)
        return App(Const(LIST_LITERAL), tuple(self.arith_tree(x, elem) for x in s.args), list_of(elem))

    def membership(self, op: str, a: Syn, b: Syn, s: Syn) -> Expr:
        inner = b
        while inner.kind == "paren":
            inner = inner.args[0]
        if (inner.kind == "app" and inner.args[0].kind == "ident" and inner.args[0].args[0] in SET_INTERVALS
                and self.lookup(inner.args[0].args[0]) is None):
            name, bounds = inner.args[0].args[0], inner.args[1]
            arity = 2 if name[-2] != "I" else 1  # Set.Icc a b, Set.Ici a
            if len(bounds) != arity:
                raise ElabError(f"unsupported: `{name}` takes {arity} bound(s) in MiniLean", s)
            ty = self.max_type(self.collect(a) + [t for x in bounds for t in self.collect(x)], None)
            fs = App(Const(name), tuple(self.build(x, ty) for x in bounds), set_of(ty))
            x = self.build(a, ty)
        else:
            fs, elem = self.finset_term(b, None, lists=True)
            x = self.arith_tree(a, elem)
        mem = Bin("∈", x, fs, PROP)
        return Un("¬", mem, PROP) if op == "∉" else mem

    def _bigop_parts(self, s: Syn) -> tuple[Expr, Expr, int]:
        op, name, ty_syn, set_syn, body = s.args
        elem = self.elab_type(ty_syn) if ty_syn is not None else None
        fs, el = self.finset_term(set_syn, elem)
        hid = fresh_id()
        self.locals.append(Hyp(hid, name, el, False))
        return fs, el, hid

    def bigop_type(self, s: Syn) -> Expr | None:
        """The type of ``∑ x ∈ s, f x``: its body's, or None when the body's leaves are all
        numerals (the sum then takes the type the context gives it, as Lean unifies it)."""
        _, _, hid = self._bigop_parts(s)
        try:
            leaves = self.collect(s.args[4])
        finally:
            self.locals.pop()
        if all(t is None for t in leaves):
            return None
        return self.max_type(leaves, None)

    def bigop(self, s: Syn, expected: Expr | None) -> Expr:
        """``∑ x ∈ s, f x`` is ``Finset.sum s (fun x => f x)`` (``∏``: ``Finset.prod``)."""
        op, name = s.args[0], s.args[1]
        body_ty = self.bigop_type(s) or (expected if expected in NUM_RANK else NAT)
        fs, el, hid = self._bigop_parts(s)
        try:
            body = self.build(s.args[4], body_ty)
        finally:
            self.locals.pop()
        lam = Binder("fun", name, el, abstract(body, hid))
        return App(Const(BIG_OPERATORS[op]), (fs, lam), body_ty)


def unparen(s: Syn) -> Syn:
    while s.kind == "paren":
        s = s.args[0]
    return s
