"""Elaborated expressions: the kernel terms MiniLean reasons about (printing is :mod:`.printer`).

This module is MiniLean's trusted core for terms. The representation is *locally nameless*, as in
Lean 4's kernel: a local variable is an ``FVar`` with a process-unique id (its display name lives in
the goal's context, so that shadowing prints ``x✝`` as in Lean); a variable bound by ``∀``/``∃``/``fun``
is a ``BVar`` holding a de Bruijn index (0 = the nearest enclosing binder), and a ``Binder``'s name is
a display hint that takes no part in equality. Hence ``==`` *is* α-equivalence, and
:func:`instantiate` (open a binder with a locally closed term) and :func:`abstract` (close over a
free variable) cannot capture by construction. Names exist only in the parser and the printer.
Pattern variables of lemma schemata and ``apply`` are ``MVar``; they never occur in goals.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Const:
    name: str


@dataclass(frozen=True, slots=True)
class FVar:
    id: int


@dataclass(frozen=True, slots=True)
class BVar:
    """A bound variable: the de Bruijn index of its binder (0 = innermost)."""

    idx: int


@dataclass(frozen=True, slots=True)
class MVar:
    """A pattern variable of a lemma schema or of ``apply``'s unifier; assigned only closed terms."""

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
    """``∀ name : dom, body`` / ``∃ name : dom, body`` / ``fun name : dom => body``; ``body`` refers to
    the bound variable as ``BVar(0)``. ``name`` is a display hint only (not compared)."""

    kind: str
    name: str = field(compare=False)
    dom: Expr
    body: Expr


Expr = Const | FVar | BVar | MVar | Num | App | Bin | Un | Binder

PROP = Const("Prop")
TYPE = Const("Type")
NAT = Const("ℕ")
INT = Const("ℤ")
RAT = Const("ℚ")
REAL = Const("ℝ")
TRUE = Const("True")
FALSE = Const("False")
UNKNOWN = Const("?")  # a type not inferred yet (an untyped binder, an auto-bound variable)
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


# -- the core operations: instantiate, abstract, closedness ---------------------------------
_ids = itertools.count(1)


def fresh_id() -> int:
    """A process-wide unique id for a new local variable (ids never repeat, so states can share hyps)."""
    return next(_ids)

class CoreError(Exception):
    """A core operation was called outside its contract: an engine bug, never a Lean error."""


def _map_vars(e: Expr, fn, depth: int = 0) -> Expr:
    """Rebuild ``e`` with ``fn(var, depth)`` applied to every variable (``BVar``, ``FVar``, ``MVar``);
    ``depth`` counts the binders crossed. The one traversal behind the core's operations."""
    if isinstance(e, (BVar, FVar, MVar)):
        return fn(e, depth)
    if isinstance(e, (Const, Num)):
        return e
    if isinstance(e, Bin):
        a, b = _map_vars(e.a, fn, depth), _map_vars(e.b, fn, depth)
        return e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)
    if isinstance(e, Un):
        a = _map_vars(e.a, fn, depth)
        return e if a is e.a else Un(e.op, a, e.ty)
    if isinstance(e, App):
        fn_ = _map_vars(e.fn, fn, depth)
        args = tuple(_map_vars(x, fn, depth) for x in e.args)
        return App(fn_, args, e.ty)
    if isinstance(e, Binder):
        dom, body = _map_vars(e.dom, fn, depth), _map_vars(e.body, fn, depth + 1)
        return e if dom is e.dom and body is e.body else Binder(e.kind, e.name, dom, body)
    raise CoreError(f"not a term: {e!r}")


def _map_bvars(e: Expr, fn) -> Expr:
    """:func:`_map_vars` with ``fn`` applied to bound variables only."""
    return _map_vars(e, lambda x, depth: fn(x, depth) if isinstance(x, BVar) else x)


def loose_bvar_range(e: Expr, depth: int = 0) -> int:
    """One more than the largest index of a ``BVar`` of ``e`` not bound inside ``e`` (0: locally closed)."""
    if isinstance(e, BVar):
        return e.idx - depth + 1 if e.idx >= depth else 0
    if isinstance(e, Bin):
        return max(loose_bvar_range(e.a, depth), loose_bvar_range(e.b, depth))
    if isinstance(e, Un):
        return loose_bvar_range(e.a, depth)
    if isinstance(e, App):
        return max([loose_bvar_range(e.fn, depth)] + [loose_bvar_range(x, depth) for x in e.args])
    if isinstance(e, Binder):
        return max(loose_bvar_range(e.dom, depth), loose_bvar_range(e.body, depth + 1))
    return 0


def is_closed(e: Expr) -> bool:
    """Whether ``e`` is locally closed (every ``BVar`` is bound inside it)."""
    return loose_bvar_range(e) == 0


def instantiate(body: Expr, val: Expr) -> Expr:
    """Open a binder: ``body`` with its ``BVar(0)`` replaced by the locally closed ``val``.

    Indices of binders further out drop by one; ``val`` has no loose ``BVar`` to shift, so no
    variable of ``val`` can be captured."""
    if not is_closed(val):
        raise CoreError("instantiate: the value has loose bound variables")

    def go(b: BVar, depth: int) -> Expr:
        if b.idx == depth:
            return val
        return BVar(b.idx - 1) if b.idx > depth else b

    return _map_bvars(body, go)


def beta(e: Expr) -> Expr:
    """``e`` with every application of a ``fun`` reduced (β, definitional in Lean's kernel):
    ``(fun x => b) a`` becomes ``b[a/x]``. Built from the two core operations only: a binder on the way
    is opened with a fresh free variable (:func:`instantiate`) and closed again (:func:`abstract`), so
    every argument reached is locally closed and nothing can be captured. ``e`` must be locally closed."""
    if isinstance(e, App):
        fn = beta(e.fn)
        args = tuple(beta(x) for x in e.args)
        while isinstance(fn, Binder) and fn.kind == "fun" and args:
            fn, args = beta(instantiate(fn.body, args[0])), args[1:]
        return fn if not args else App(fn, args, e.ty)
    if isinstance(e, Bin):
        a, b = beta(e.a), beta(e.b)
        return e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)
    if isinstance(e, Un):
        a = beta(e.a)
        return e if a is e.a else Un(e.op, a, e.ty)
    if isinstance(e, Binder):
        fid = fresh_id()
        body = abstract(beta(instantiate(e.body, FVar(fid))), fid)
        return e if body == e.body else Binder(e.kind, e.name, e.dom, body)
    return e




def abstract(e: Expr, fid: int) -> Expr:
    """Close ``e`` over the free variable ``fid``: the body of a new binder for it (see :func:`mk_binder`)."""

    def go(x: Expr, depth: int) -> Expr:
        if isinstance(x, FVar):
            return BVar(depth) if x.id == fid else x
        if isinstance(x, BVar):
            return BVar(x.idx + 1) if x.idx >= depth else x
        return x

    return _map_vars(e, go)


def mk_binder(kind: str, name: str, dom: Expr, fid: int, body: Expr) -> Binder:
    """``kind name : dom, body`` binding the free variable ``fid`` of ``body``."""
    return Binder(kind, name, dom, abstract(body, fid))


def inst_mvars(e: Expr, sub: dict[str, Expr]) -> Expr:
    """Replace pattern variables by their (locally closed) assignments."""
    if not sub:
        return e
    return _map_vars(e, lambda x, _depth: sub.get(x.name, x) if isinstance(x, MVar) else x)


def mvars(e: Expr) -> set[str]:
    return {x.name for x in subterms(e) if isinstance(x, MVar)}


def replace(e: Expr, old: Expr, new: Expr) -> Expr:
    """Replace every occurrence of the locally closed term ``old`` by the locally closed ``new``
    (used by rw and subst); under binders too, which cannot capture since bound variables are indices."""
    if not (is_closed(old) and is_closed(new)):
        raise CoreError("replace: terms with loose bound variables")
    out = _replace(e, old, new)
    # a function variable replaced by `fun x => …` (subst of `h : f = fun x => …`): no redex stays
    return beta(out) if isinstance(new, Binder) and new.kind == "fun" else out


def _replace(e: Expr, old: Expr, new: Expr) -> Expr:
    if e == old:
        return new
    if isinstance(e, Bin):
        a, b = _replace(e.a, old, new), _replace(e.b, old, new)
        return e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)
    if isinstance(e, Un):
        a = _replace(e.a, old, new)
        return e if a is e.a else Un(e.op, a, e.ty)
    if isinstance(e, App):
        return App(_replace(e.fn, old, new), tuple(_replace(x, old, new) for x in e.args), e.ty)
    if isinstance(e, Binder):
        return Binder(e.kind, e.name, _replace(e.dom, old, new), _replace(e.body, old, new))
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
    """Definitional equality up to notation unfolding (bound variables are indices, so α-renaming is free).

    Stricter than Lean (no computation beyond notation), which is the sound direction."""
    return a == b or norm(a) == norm(b)


def alpha_eq(a: Expr, b: Expr) -> bool:
    """α-equivalence, which for locally nameless terms is structural equality."""
    return a == b


def _lift(e: Expr, n: int) -> Expr:
    """``e`` moved under ``n`` more binders (its loose indices shifted up)."""
    if n == 0 or is_closed(e):
        return e
    return _map_bvars(e, lambda b, depth: BVar(b.idx + n) if b.idx >= depth else b)


def _loose_indices(e: Expr) -> set[int]:
    """Indices (relative to ``e``'s top) of the loose bound variables of ``e``."""
    out: set[int] = set()

    def go(b: BVar, depth: int) -> Expr:
        if b.idx >= depth:
            out.add(b.idx - depth)
        return b

    _map_bvars(e, go)
    return out


def term_shape(e: Expr) -> tuple[set[str], bool, bool]:
    """(the named functions ``e`` applies, whether it applies any function, whether it has a cast),
    binder bodies included: the one quick walk that lets a tactic skip a rebuilding pass over a term that
    has nothing for it (simp's and norm_num's latency). Class identity, not isinstance, for speed."""
    names: set[str] = set()
    apps = casts = False
    stack = [e]
    pop, push = stack.pop, stack.append
    while stack:
        x = pop()
        c = x.__class__
        if c is Bin:
            push(x.a)
            push(x.b)
        elif c is Un:
            casts = casts or x.op == "↑"
            push(x.a)
        elif c is App:
            apps = True
            if x.fn.__class__ is Const:
                names.add(x.fn.name)
            stack.extend(x.args)
        elif c is Binder:
            push(x.body)
    return names, apps, casts


def map_children(e: Expr, fn: Callable[[Expr], Expr]) -> Expr:
    """``e`` with ``fn`` applied to each immediate subterm (the operands, the arguments of an application,
    a binder's body; not an application's head nor a binder's domain), rebuilt only where one changed:
    ``e`` itself otherwise. The step every bottom-up rewriting walk (simp's rules, evaluation) takes."""
    c = e.__class__
    if c is Bin:
        a, b = fn(e.a), fn(e.b)
        return e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)
    if c is Un:
        a = fn(e.a)
        return e if a is e.a else Un(e.op, a, e.ty)
    if c is App:
        args = tuple(fn(x) for x in e.args)
        return e if all(x is y for x, y in zip(args, e.args)) else App(e.fn, args, e.ty)
    if c is Binder:
        body = fn(e.body)
        return e if body is e.body else Binder(e.kind, e.name, e.dom, body)
    return e
