"""The library lemmas given to ``simp``/``norm_num``/``field_simp`` as rewrite rules: oriented, instantiated
by matching at a type where each lemma holds, conditional ones used only where simp's discharger proves their
premises, rewritten to a bounded fixpoint. The lemma statements themselves are :mod:`leangym.minilean.lemmas`.
"""

from __future__ import annotations

from collections.abc import Callable

from leangym.minilean.core.terms import (
    NUM_RANK,
    PROP,
    Bin,
    Const,
    Expr,
    FVar,
    MVar,
    is_closed,
    map_children,
    mvars,
    subterms,
)
from leangym.minilean.lemmas import (
    _deferred,
    _rule_sub,
    allowed_types,
    carrier_of,
    resolve,
    retype,
    rewrite_rule,
    substitute,
)
from leangym.minilean.rules import match
from leangym.minilean.syntax.terms import Syn

# Lemmas that only permute their terms: Lean's simp uses them with an ordering MiniLean does not
# imitate; rewriting with them would not terminate, so `simp [mul_comm]` leaves them to the arithmetic.
PERMUTATION = {"mul_comm", "add_comm", "mul_left_comm", "add_left_comm", "add_right_comm", "eq_comm", "ne_comm",
               "abs_sub_comm"}
MAX_SIMP_PASSES = 20
MAX_SIMP_SIZE = 2000


def _simp_rules(pe, terms: list[Syn]) -> list[tuple[tuple[Expr, Expr, set[str], str], tuple[Expr, ...]]]:
    """The library lemmas among ``simp``'s terms as oriented rules ``(lhs, rhs, variables, name)``, each with
    the premises not given as arguments (patterns over the rule's variables): such a conditional rule
    (``abs_of_nonneg : 0 ≤ a → |a| = a``) rewrites only an instance whose premises simp's discharger proves."""
    out = []
    for s in terms:
        head, args = (s.args[0], s.args[1]) if s.kind == "app" else (s, ())
        if head.kind != "ident" or pe.lookup(head.args[0]) is not None or head.args[0] in pe.interp.run.lemmas:
            continue
        hit = resolve(head.args[0])
        if hit is None or hit[0] in PERMUTATION:
            continue
        params, _, sub, given, _ = _rule_sub(pe, head.args[0], tuple(args), s)
        premises = tuple(substitute(p[1], sub) for i, p in enumerate(params)
                         if p[0] == "proof" and (i not in given or _deferred(given[i])))
        stmt, free, name = rewrite_rule(pe, head.args[0], tuple(args), s)
        if isinstance(stmt, Bin) and stmt.op in ("=", "↔") and not isinstance(stmt.a, MVar) \
                and mvars(stmt.a) >= mvars(stmt.b) | {v for p in premises for v in mvars(p)}:
            out.append(((stmt.a, stmt.b, free, name), premises))
    return out


def _size(e: Expr) -> int:
    return sum(1 for _ in subterms(e))


def _rewrite_once(e: Expr, rule: tuple[Expr, Expr, set[str], str], type_of=None, premises: tuple[Expr, ...] = (),
                  discharge: Callable[[Expr], bool] | None = None) -> Expr:
    """``e`` with every instance of the rule rewritten, innermost first (one bottom-up pass);
    ``type_of`` gives local variables' types. A conditional rule (``premises``) rewrites an instance only
    when ``discharge`` proves each premise instantiated there."""
    e = map_children(e, lambda x: _rewrite_once(x, rule, type_of, premises, discharge))
    lhs, rhs, free, name = rule
    if isinstance(e, (Const, FVar, MVar)) or not is_closed(e):
        return e
    m: dict[str, Expr] = {}
    if not match(lhs, e, free, m) or mvars(substitute(rhs, m)):
        return e
    ty = e.ty if getattr(e, "ty", None) in NUM_RANK else carrier_of(e, type_of) if getattr(e, "ty", None) == PROP else None
    if ty is None or ty not in allowed_types(name):
        return e
    if retype(substitute(lhs, m), ty) != e:
        return e
    if premises and (discharge is None or not all(discharge(retype(substitute(p, m), ty)) for p in premises)):
        return e
    return retype(substitute(rhs, m), ty)


def simp_rewrite(pe, terms: list[Syn], e: Expr, discharge: Callable[[Expr], bool] | None = None) -> Expr:
    """``e`` rewritten to a fixpoint (at most :data:`MAX_SIMP_PASSES` passes, and while it stays
    small) with the library lemmas given to ``simp``/``norm_num``: each step replaces a subterm by an
    equal one (an instance of an equation lemma at a type where it holds) or a proposition by an
    equivalent one (an iff lemma), so the result is equivalent to ``e``. A lemma with premises not given
    rewrites an instance only when ``discharge`` proves every premise there (its caller's, simp's
    discharger), as it is or rewritten with the unconditional iff lemmas given (Lean's discharger
    simplifies it); without ``discharge`` such lemmas are not used."""
    rules = _simp_rules(pe, terms)
    # the premise is rewritten with the unconditional iff lemmas (`sub_nonneg` makes `0 ≤ a - b` into
    # `b ≤ a`); equations are left out: expanding ones (`Nat.mul_mod`) would grow every premise to the size bound
    plain = [(rule, ()) for rule, premises in rules if not premises and rule[0].ty == PROP]
    type_of = pe.elab().type_of

    seen: dict[Expr, bool] = {}  # a premise recurs at every pass of the fixpoint: discharge it once

    def proved(p: Expr) -> bool:
        if p not in seen:
            seen[p] = discharge is not None and (discharge(p) or discharge(_fixpoint(p, plain, type_of)))
        return seen[p]

    return _fixpoint(e, rules, type_of, proved)


def _fixpoint(e: Expr, rules: list, type_of, discharge: Callable[[Expr], bool] | None = None) -> Expr:
    """``e`` rewritten with the ``(rule, premises)`` pairs to a bounded fixpoint."""
    for _ in range(MAX_SIMP_PASSES if rules else 0):
        new = e
        for rule, premises in rules:
            new = _rewrite_once(new, rule, type_of, premises, discharge)
        if new == e or _size(new) > MAX_SIMP_SIZE:
            break
        e = new
    return e
