"""Rewriting with hypotheses and library lemmas, as ``simp [h, lemma]`` and ``simp_all`` do (Leibniz's
law on closed instances, with premises discharged from hypotheses), and the term helpers ``rw`` shares.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from leangym.minilean import evaluate, lemmas, rules, schematic, simplemmas
from leangym.minilean.core.context import Goal, Hyp
from leangym.minilean.core.errors import ElabError
from leangym.minilean.core.terms import (
    FALSE,
    PROP,
    TRUE,
    App,
    Bin,
    Binder,
    Expr,
    FVar,
    MVar,
    Num,
    Un,
    alpha_eq,
    beta,
    instantiate,
    map_children,
    mvars,
    norm,
    term_shape,
)
from leangym.minilean.proofterms import ProofElab
from leangym.minilean.syntax.terms import Syn, Tac

if TYPE_CHECKING:
    from leangym.minilean.interpreter import Interpreter



# -- helpers --------------------------------------------------------------------------------------


def subterms(e: Expr):
    """Pre-order, left to right: the order in which rewriting finds the first instance."""
    stack = [e]
    while stack:
        x = stack.pop()
        yield x
        if isinstance(x, Bin):
            stack += (x.b, x.a)
        elif isinstance(x, Un):
            stack.append(x.a)
        elif isinstance(x, App):
            stack.extend(reversed(x.args))
            stack.append(x.fn)  # a function variable is an instance too (`rw [hf]`, `hf : f = fun x => …`)
        elif isinstance(x, Binder):
            stack.append(x.body)


def replace_alpha(e: Expr, old: Expr, new: Expr) -> tuple[Expr, bool]:
    if alpha_eq(e, old):
        return new, True
    if isinstance(e, Bin):
        a, ca = replace_alpha(e.a, old, new)
        b, cb = replace_alpha(e.b, old, new)
        return (Bin(e.op, a, b, e.ty), True) if ca or cb else (e, False)
    if isinstance(e, Un):
        a, ca = replace_alpha(e.a, old, new)
        return (Un(e.op, a, e.ty), True) if ca else (e, False)
    if isinstance(e, App):
        fn, cf = replace_alpha(e.fn, old, new)
        parts = [replace_alpha(x, old, new) for x in e.args]
        if cf or any(c for _, c in parts):
            return App(fn, tuple(x for x, _ in parts), e.ty), True
        return e, False
    if isinstance(e, Binder):
        b, cb = replace_alpha(e.body, old, new)
        return (Binder(e.kind, e.name, e.dom, b), True) if cb else (e, False)
    return e, False


def pattern_vars(e: Expr) -> set[str]:
    return mvars(e)


def is_eq_rule(g: Goal, s: Syn) -> bool:
    if s.kind == "ident":
        h = g.lookup(s.args[0])
        return h is not None and h.is_prop and isinstance(h.type, Bin) and h.type.op in ("=", "↔")
    return False


# -- simp with hypotheses as rewrite rules ----------------------------------------------------------
COMPARISONS = ("=", "≠", "<", "≤", ">", "≥")


_RULES_CACHE: dict[tuple[int, bool], tuple[Expr, list]] = {}  # id(statement) -> (statement, rules); holds the statement


def hyp_rules(p: Expr, rev: bool = False) -> list:
    """The rewrite rules simp makes of a hypothesis: one per conjunct (``h : a = b ∧ 0 ≤ c`` gives
    ``a = b`` and ``0 ≤ c = True``), each as :func:`hyp_rule` reads it (``rev``: equations right to
    left, for ``simp [← h]``). Cached by the statement object (terms are immutable; the cache keeps each
    key's statement alive, so an id is never reused)."""
    key = (id(p), rev)
    hit = _RULES_CACHE.get(key)
    if hit is not None and hit[0] is p:
        return hit[1]
    out = _hyp_rules(p, rev)
    if len(_RULES_CACHE) >= 4096:
        _RULES_CACHE.clear()
    _RULES_CACHE[key] = (p, out)
    return out


def _hyp_rules(p: Expr, rev: bool) -> list:
    if isinstance(p, Bin) and p.op == "∧":
        return _hyp_rules(p.a, rev) + _hyp_rules(p.b, rev)
    r = hyp_rule(p, rev)
    return [] if r is None else [r]


def hyp_rule(p: Expr, rev: bool = False) -> tuple[Expr, Expr, dict[str, Expr], list[Expr]] | None:
    """A hypothesis ``∀ x, P x → lhs = rhs`` (or ``↔``) as Lean's simp uses it: ``(lhs, rhs, pattern
    variables with their types, premises)``; ``a ≠ b`` and ``¬P`` rewrite ``a = b`` and ``P`` to False,
    another proposition ``P`` rewrites itself to True. None when the left side is a bare pattern
    variable, leaves a variable undetermined, or occurs in its right side (no termination)."""
    free: dict[str, Expr] = {}
    premises: list[Expr] = []
    while True:
        if isinstance(p, Binder) and p.kind == "∀":
            var = f"{p.name}.{len(free)}"
            free[var] = p.dom
            p = instantiate(p.body, MVar(var))
        elif isinstance(p, Bin) and p.op == "→" and p.ty == PROP:
            premises.append(p.a)
            p = p.b
        else:
            break
    if isinstance(p, Bin) and p.op in ("=", "↔"):
        lhs, rhs = (p.b, p.a) if rev else (p.a, p.b)
    elif isinstance(p, Bin) and p.op == "≠":  # `a ≠ b` rewrites `a = b` to False
        lhs, rhs = Bin("=", p.a, p.b, PROP), FALSE
    elif isinstance(p, Un) and p.op == "¬":
        lhs, rhs = p.a, FALSE
    elif p.__class__ is FVar or (p.__class__ in (Bin, App) and getattr(p, "ty", None) == PROP):
        lhs, rhs = p, TRUE  # any other proposition `P` (a hypothesis's statement) is used as `P = True`
    else:
        return None
    if lhs in (TRUE, FALSE):
        return None
    if not free:
        if rhs.__class__ in (Num, FVar):  # a value or a variable: it contains no other term
            return None if alpha_eq(rhs, lhs) else (lhs, rhs, free, premises)
        return None if any(alpha_eq(sub, lhs) for sub in subterms(rhs)) else (lhs, rhs, free, premises)
    if isinstance(lhs, MVar) or not set(free) <= mvars(lhs):
        return None
    for sub in subterms(rhs):
        if rules.match(lhs, sub, set(free), {}):
            return None
    return lhs, rhs, free, premises


def _discharged(p: Expr, g: Goal, facts: list[Expr], only: bool) -> bool:
    """simp's discharger on a rule's premise, no stronger than Lean's: a hypothesis states it, or it is
    a comparison of ℕ/ℤ literals (the simprocs ``Nat.reduceLTLE`` … that run even in ``simp only``);
    with the default simp set, also a comparison of numerals at any type and ``Even``/``Odd`` of literals."""
    if any(alpha_eq(p, f) for f in facts):
        return True
    if isinstance(p, Bin) and p.op in COMPARISONS and rules.decide_closed(p) is True:
        return True
    if only:
        return False
    if rules.decide_closed(p) is True:
        return True
    if isinstance(p, Bin) and p.op in COMPARISONS:
        a, b = evaluate.closed_value(p.a), evaluate.closed_value(p.b)
        if a is not None and b is not None:
            return {"=": a == b, "≠": a != b, "<": a < b, "≤": a <= b, ">": a > b, "≥": a >= b}[p.op]
    return False


def _rewrite_hyps_once(e: Expr, rules_: list, g: Goal, facts: list[Expr], only: bool) -> Expr:
    """``e`` with instances of the hypothesis rules rewritten, innermost first (one bottom-up pass);
    each instance has its pattern variables at their declared types and its premises discharged."""
    e = map_children(e, lambda x: _rewrite_hyps_once(x, rules_, g, facts, only))
    for lhs, rhs, free, premises in rules_:
        if not free:
            if alpha_eq(e, lhs) and all(_discharged(p, g, facts, only) for p in premises):
                return rhs
            continue
        m: dict[str, Expr] = {}
        if not rules.match(lhs, e, set(free), m, offsets=True) or not set(free) <= m.keys():
            continue
        if any(rules.expr_type(val, g) != free[v] for v, val in m.items()):
            continue
        if not rules.offset_eq(lemmas.substitute(lhs, m), e):
            continue
        new = lemmas.substitute(rhs, m)
        inst = [lemmas.substitute(p, m) for p in premises]
        if mvars(new) or any(mvars(p) for p in inst):
            continue
        if all(_discharged(p, g, facts, only) for p in inst):
            return new
    return e


def _replace_up(e: Expr, old: Expr, new: Expr) -> Expr:
    """``e`` with instances of the closed term ``old`` replaced by ``new``, innermost first."""
    c = e.__class__
    if c is Bin:
        a, b = _replace_up(e.a, old, new), _replace_up(e.b, old, new)
        e = e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)
    elif c is Un:
        a = _replace_up(e.a, old, new)
        e = e if a is e.a else Un(e.op, a, e.ty)
    elif c is App:
        args = tuple(_replace_up(x, old, new) for x in e.args)
        e = e if all(x is y for x, y in zip(args, e.args)) else App(e.fn, args, e.ty)
    elif c is Binder:
        body = _replace_up(e.body, old, new)
        e = e if body is e.body else Binder(e.kind, e.name, e.dom, body)
    return new if c is old.__class__ and e == old else e


def logic_laws(e: Expr) -> Expr:
    """The logical simp lemmas of Mathlib's default set on a rewritten proposition: ``true_implies``,
    ``implies_true``, ``false_implies``, ``true_and``/``and_true``, ``false_and``/``and_false``,
    ``true_or``/``or_true``, ``false_or``/``or_false``, ``not_true_eq_false``, ``not_false_eq_true``,
    ``true_iff``/``iff_true``, innermost first (not under binders)."""
    if isinstance(e, Un) and e.op == "¬":
        a = logic_laws(e.a)
        return FALSE if a == TRUE else TRUE if a == FALSE else (e if a is e.a else Un("¬", a, e.ty))
    if not (isinstance(e, Bin) and e.op in ("∧", "∨", "→", "↔") and e.ty == PROP):
        return e
    a, b = logic_laws(e.a), logic_laws(e.b)
    if e.op == "∧":
        if a == FALSE or b == FALSE:
            return FALSE
        if a == TRUE:
            return b
        if b == TRUE:
            return a
    elif e.op == "∨":
        if a == TRUE or b == TRUE:
            return TRUE
        if a == FALSE:
            return b
        if b == FALSE:
            return a
    elif e.op == "→":
        if a == TRUE:
            return b
        if b == TRUE or a == FALSE:
            return TRUE
    elif e.op == "↔":
        if a == TRUE:
            return b
        if b == TRUE:
            return a
    return e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)


def rewrite_with_hyps(e: Expr, rules_: list, g: Goal, facts: list[Expr], only: bool) -> Expr:
    """``e`` rewritten with the hypothesis rules to a fixpoint (bounded, as :func:`simplemmas.simp_rewrite`):
    each step replaces a closed subterm by one the hypothesis proves equal (or a proposition by an
    equivalent one), so the result is equivalent to ``e``."""
    if not rules_:
        return e
    if len(rules_) == 1 and not rules_[0][2] and not rules_[0][3]:
        # the common `simp [h]` with `h : x = 3`: one bottom-up pass reaches the fixpoint (the right
        # side contains no instance, and every rebuilt node is checked after its children)
        new = _replace_up(e, rules_[0][0], rules_[0][1])
        return new if new is e or only else logic_laws(new)
    ground = all(not free and not premises for _, _, free, premises in rules_)
    for _ in range(simplemmas.MAX_SIMP_PASSES):
        if ground:  # the common `simp [h]` with `h : x = 3`: plain replacement, the fast path
            new = e
            for lhs, rhs, _, _ in rules_:
                new, _ = replace_alpha(new, lhs, rhs)
                new = beta(new) if isinstance(rhs, Binder) else new  # `h : f = fun x => …`, then β
        else:
            new = _rewrite_hyps_once(e, rules_, g, facts, only)
        if new is e or new == e or simplemmas._size(new) > simplemmas.MAX_SIMP_SIZE:
            break
        e = new
    return e if only else logic_laws(e)


def simp_with_hyps(g: Goal, syns: list[Syn], t: Tac) -> Goal:
    """``simp [h]``/``norm_num [h] at h'`` with ``h : ∀ x, P x → a x = b x``: instances of ``a`` rewritten
    to ``b`` in the goal and the located hypotheses (not in ``h`` itself)."""
    named = []
    for s in syns:
        if s.kind == "ident":
            h = g.lookup(s.args[0])
            if h is not None and h.is_prop:
                rev = any(s is x for x in t.args.get("reversed", ()))
                named += [(h, r) for r in hyp_rules(h.type, rev)]
    if not named:
        return g
    locs = t.args.get("locs")
    if locs is None and len(named) == 1 and not named[0][1][2] and not named[0][1][3]:
        # `simp [h]` with `h : x = 3` on the goal: the quick path (simp's latency)
        target = _replace_up(g.target, named[0][1][0], named[0][1][1])
        return g if target is g.target else Goal(g.hyps, target, g.tag)
    only = bool(t.args.get("only"))
    facts = [h.type for h in g.hyps if h.is_prop] if any(r[3] for _, r in named) else []
    target = g.target
    if locs is None or "⊢" in locs or "*" in locs:
        target = rewrite_with_hyps(target, [r for _, r in named], g, facts, only)
    hyps = list(g.hyps)
    if locs:
        for i, h in enumerate(hyps):
            if h.is_prop and ("*" in locs or (h.name in locs and g.lookup(h.name) is h)):
                nt = rewrite_with_hyps(h.type, [r for src, r in named if src.id != h.id], g, facts, only)
                if nt != h.type:
                    hyps[i] = Hyp(h.id, h.name, nt, True, h.inaccessible)
    if target == g.target and all(a is b for a, b in zip(hyps, g.hyps)):
        return g
    return Goal(tuple(hyps), target, g.tag)


def simp_all_hyps(g: Goal, only: bool) -> Goal:
    """``simp_all``'s use of the hypotheses: each equation/iff hypothesis rewrites the other hypotheses
    (in order, each then rewritten one used in its new form) and finally the goal."""
    hyps = list(g.hyps)
    for i, h in enumerate(hyps):
        if not h.is_prop:
            continue
        cur = Goal(tuple(hyps), g.target, g.tag)
        others = [r for x in hyps if x.is_prop and x.id != h.id for r in hyp_rules(x.type)]
        nt = rewrite_with_hyps(h.type, others, cur, [], only)
        if nt != h.type:
            hyps[i] = Hyp(h.id, h.name, nt, True, h.inaccessible)
    cur = Goal(tuple(hyps), g.target, g.tag)
    every = [r for x in hyps if x.is_prop for r in hyp_rules(x.type)]
    facts = [x.type for x in hyps if x.is_prop]
    target = rewrite_with_hyps(g.target, every, cur, facts, only)
    if target == g.target and all(a is b for a, b in zip(hyps, g.hyps)):
        return g
    return Goal(tuple(hyps), target, g.tag)


def rewrite_with_simp_lemmas(g: Goal, rules: list[Syn], t: Tac) -> Goal:
    """``simp [h]``/``norm_num [h]`` with ``h : a = b``: rewrite ``a`` to ``b`` everywhere it occurs."""
    for s in rules:
        if is_eq_rule(g, s):
            h = g.lookup(s.args[0])
            eq = h.type
            tgt, changed = replace_alpha(g.target, eq.a, eq.b)
            tgt = beta(tgt) if isinstance(eq.b, Binder) else tgt
            if changed:
                g = Goal(g.hyps, tgt, g.tag)
    return g


def library_name(interp: Interpreter, g: Goal, s: Syn) -> bool:
    """Whether the simp argument ``s`` (``name`` or ``name args``) names a library lemma, not a local."""
    head = s.args[0] if s.kind == "app" else s
    if head.kind != "ident":
        return False
    name = head.args[0]
    return g.lookup(name) is None and name not in interp.run.lemmas and lemmas.resolve(name) is not None


def unusable(interp: Interpreter, g: Goal, s: Syn) -> bool:
    """A library lemma that no type of the fragment instantiates (:data:`lemmas.NO_INSTANCE`): Lean's simp
    finds no instance for it and leaves it unused, so it is no fact either."""
    head = s.args[0] if s.kind == "app" else s
    return library_name(interp, g, s) and not lemmas.allowed_types(head.args[0])


def _discharger(g: Goal, only: bool, rewritten: int | None = None) -> Callable[[Expr], bool]:
    """simp's discharger for the premises of conditional library lemmas (``abs_of_nonneg : 0 ≤ a → |a| =
    a``), as :func:`_discharged`: a hypothesis states the premise (up to notation: ``x ≥ 0`` is ``0 ≤ x``),
    or it is a true literal comparison; the hypothesis being rewritten is not used on itself."""
    facts = [norm(h.type) for h in g.hyps if h.is_prop and h.id != rewritten]
    return lambda p: p == TRUE or _discharged(norm(p), g, facts, only)


def _simp_schematic(g: Goal, names: list[str], locs) -> Goal:
    """``simp [Finset.sum_range_succ, Int.floor_eq_iff]``: the lemmas of :mod:`.schematic`
    rewrite the goal and the located hypotheses to a fixpoint."""
    if not names or locs is None and not term_shape(g.target)[1]:  # the common goal: quick
        return g
    type_of = partial(rules.expr_type, g=g)
    tgt = schematic.rewrite_all(names, g.target, type_of) if locs is None or "⊢" in locs or "*" in locs else g.target
    hyps = []
    for h in g.hyps:
        if h.is_prop and locs and ("*" in locs or h.name in locs):
            new = schematic.rewrite_all(names, h.type, type_of)
            h = h if new is h.type else Hyp(h.id, h.name, new, True, h.inaccessible)
        hyps.append(h)
    if tgt is g.target and all(a is b for a, b in zip(hyps, g.hyps)):
        return g
    return Goal(tuple(hyps), tgt, g.tag)


def simp_with_library(interp: Interpreter, g: Goal, rules: list[Syn], t: Tac, everywhere: bool = False,
                      default: bool = False) -> Goal:
    """``simp [mul_add, abs_le]``: the library lemmas among the rules rewrite the goal (and the
    hypotheses named by ``at``; all of them for ``simp_all``) to a fixpoint (:func:`simplemmas.simp_rewrite`)
    before the arithmetic; so do the :mod:`.schematic` ones named, and, with ``default`` (Mathlib's
    default simp set, no ``only``), its :data:`~.schematic.SIMP_SET`."""
    locs = ["*"] if everywhere else t.args.get("locs")
    named = [s.args[0] for s in rules if s.kind == "ident" and s.args[0] in schematic.LEMMAS
             and g.lookup(s.args[0]) is None and s.args[0] not in interp.run.lemmas] if rules else []
    g = _simp_schematic(g, named + schematic.SIMP_SET if default else named, locs)
    rules = [s for s in rules if library_name(interp, g, s)]
    if not rules:  # nothing to rewrite with: skip building the elaborator (simp's latency, issue 13)
        return g
    pe = ProofElab(interp, g)
    only = bool(t.args.get("only"))
    try:
        tgt = simplemmas.simp_rewrite(pe, rules, g.target, _discharger(g, only)) \
            if locs is None or "⊢" in locs or "*" in locs else g.target
        hyps = []
        for h in g.hyps:
            if h.is_prop and locs and ("*" in locs or h.name in locs):
                new = simplemmas.simp_rewrite(pe, rules, h.type, _discharger(g, only, h.id))
                h = h if new == h.type else Hyp(h.id, h.name, new, True, h.inaccessible)
            hyps.append(h)
    except ElabError as e:
        raise interp.elab_error(e, t) from None
    if tgt == g.target and all(a is b for a, b in zip(hyps, g.hyps)):
        return g
    return Goal(tuple(hyps), tgt, g.tag)

