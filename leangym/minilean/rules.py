"""Goal transformations that need no arithmetic: destructuring, case splits, induction, apply,
constructor, closing rules, push_neg, and the exact evaluator for closed ℕ/ℤ propositions.

Every function returns the *replacement goals* of one rule; the rule's soundness argument is in
``docs/minilean.md`` (§ "Soundness, tactic by tactic").
"""

from __future__ import annotations

from fractions import Fraction

from leangym.minilean.core.context import Goal, Hyp, fresh_id
from leangym.minilean.core.errors import ElabError, LogicError
from leangym.minilean.core.state import err
from leangym.minilean.core.terms import (
    FALSE,
    INT,
    NAT,
    NUM_RANK,
    PROP,
    TRUE,
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
    alpha_eq,
    defeq,
    fvars,
    inst_mvars,
    instantiate,
    is_closed,
    norm,
    replace,
    unfold,
)
from leangym.minilean.evaluate import closed_int


def _tag(tag: str, ctor: str) -> str:
    return f"{tag}.{ctor}" if tag else ctor


def expr_type(e: Expr, g: Goal) -> Expr | None:
    if isinstance(e, FVar):
        for h in g.hyps:
            if h.id == e.id:
                return h.type
        return None
    return getattr(e, "ty", None)


def unfold_pred(p: Expr, g: Goal) -> Expr:
    """Unfold ``a ∣ b``, ``Even n``, ``Odd n`` over ℕ/ℤ to the existentials they are by definition
    (``∃ c, b = a * c``, ``∃ r, n = r + r``, ``∃ m, n = 2 * m + 1``); other propositions unchanged."""
    if isinstance(p, Bin) and p.op == "∣":
        ty = expr_type(p.a, g)
        if ty in (NAT, INT):
            return Binder("∃", "c", ty, Bin("=", p.b, Bin("*", p.a, BVar(0), ty), PROP))
    if isinstance(p, App) and isinstance(p.fn, Const) and p.fn.name in ("Even", "Odd") and len(p.args) == 1:
        n = p.args[0]
        ty = expr_type(n, g)
        if ty in (NAT, INT):
            if p.fn.name == "Even":
                return Binder("∃", "r", ty, Bin("=", n, Bin("+", BVar(0), BVar(0), ty), PROP))
            two, one = Num(Fraction(2), ty), Num(Fraction(1), ty)
            return Binder("∃", "m", ty, Bin("=", n, Bin("+", Bin("*", two, BVar(0), ty), one, ty), PROP))
    return p


# -- rcases / cases -------------------------------------------------------------------------
def _drop(g: Goal, h: Hyp) -> Goal:
    return Goal(tuple(x for x in g.hyps if x.id != h.id), g.target, g.tag)


def rcases(g: Goal, h: Hyp, pat: tuple, node, tag: str) -> list[Goal]:
    """Destructure hypothesis ``h`` of ``g`` by an rcases pattern."""
    kind = pat[0]
    if kind == "name":
        base = _drop(g, h)
        return [Goal(base.hyps + (Hyp(fresh_id(), pat[1], h.type, h.is_prop),), g.target, g.tag)]
    if kind == "_":
        return [g]
    if kind == "clear":
        return [_drop(g, h)]
    if kind == "rfl":
        ng = subst_eq(g, h)
        if ng is None:
            raise err("rcases: the `rfl` pattern needs an equation with a free variable on one side", node)
        return [ng]
    u = unfold(unfold_pred(h.type, g)) if h.is_prop else h.type
    if kind == "alts":
        alts = pat[1]
        if isinstance(u, Bin) and u.op == "∨":
            base = _drop(g, h)
            ha = Hyp(fresh_id(), "h", u.a, True, True)
            hb = Hyp(fresh_id(), "h", u.b, True, True)
            ga = Goal(base.hyps + (ha,), g.target, _tag(g.tag, "inl"))
            gb = Goal(base.hyps + (hb,), g.target, _tag(g.tag, "inr"))
            rest = alts[1] if len(alts) == 2 else ("alts", alts[1:])
            return rcases(ga, ha, alts[0], node, ga.tag) + rcases(gb, hb, rest, node, gb.tag)
        if h.is_prop and h.type == FALSE:
            return []
        return rcases(g, h, alts[0], node, tag)
    if kind == "tuple":
        items = list(pat[1])
        if not items:
            return [g]
        if h.is_prop and (h.type == FALSE):
            return []
        if isinstance(u, Bin) and u.op in ("∧", "↔"):
            parts = (u.a, u.b) if u.op == "∧" else (Bin("→", u.a, u.b, PROP), Bin("→", u.b, u.a, PROP))
            names = ("left", "right") if u.op == "∧" else ("mp", "mpr")
            base = _drop(g, h)
            ha = Hyp(fresh_id(), names[0], parts[0], True, True)
            hb = Hyp(fresh_id(), names[1], parts[1], True, True)
            ng = Goal(base.hyps + (ha, hb), g.target, _tag(g.tag, "intro"))
            rest = items[1] if len(items) == 2 else ("tuple", tuple(items[1:])) if len(items) > 2 else ("_",)
            out = []
            for g1 in rcases(ng, ha, items[0], node, ng.tag):
                out.extend(rcases(g1, hb, rest, node, g1.tag))
            return out
        if isinstance(u, Binder) and u.kind == "∃":
            base = _drop(g, h)
            first = items[0]
            vname = first[1] if first[0] == "name" else u.name
            xv = Hyp(fresh_id(), vname, u.dom, u.dom == PROP, first[0] != "name")
            hb = Hyp(fresh_id(), "h", instantiate(u.body, FVar(xv.id)), True, True)
            ng = Goal(base.hyps + (xv, hb), g.target, _tag(g.tag, "intro"))
            rest = items[1] if len(items) == 2 else ("tuple", tuple(items[1:])) if len(items) > 2 else ("_",)
            return rcases(ng, hb, rest, node, ng.tag)
        if len(items) == 1:
            return rcases(g, h, items[0], node, tag)
        if u == TRUE:
            return [g]
        raise err("rcases: too many patterns: the hypothesis is not a conjunction, iff or existential", node)
    raise err("rcases: unsupported pattern", node)


def cases_prop(g: Goal, h: Hyp, node, tag: str) -> list[Goal]:
    """``cases h`` with Lean's inaccessible names."""
    u = unfold(unfold_pred(h.type, g))
    if h.type == FALSE:
        return []
    if isinstance(u, Bin) and u.op == "∨":
        return _cases_or(g, h, u)
    if isinstance(u, Bin) and u.op in ("∧", "↔"):
        return rcases(g, h, ("tuple", (("_",), ("_",))), node, tag)
    if isinstance(u, Binder) and u.kind == "∃":
        base = _drop(g, h)
        xv = Hyp(fresh_id(), "w", u.dom, u.dom == PROP, True)
        hb = Hyp(fresh_id(), "h", instantiate(u.body, FVar(xv.id)), True, True)
        return [Goal(base.hyps + (xv, hb), g.target, _tag(g.tag, "intro"))]
    if h.type == TRUE:
        return [Goal(_drop(g, h).hyps, g.target, _tag(g.tag, "intro"))]
    raise err("tactic 'induction' failed, major premise type is not an inductive type", node)


def _cases_or(g: Goal, h: Hyp, u: Bin) -> list[Goal]:
    base = _drop(g, h)
    ga = Goal(base.hyps + (Hyp(fresh_id(), "h", u.a, True, True),), g.target, _tag(g.tag, "inl"))
    gb = Goal(base.hyps + (Hyp(fresh_id(), "h", u.b, True, True),), g.target, _tag(g.tag, "inr"))
    return [ga, gb]


def _nat_instance(g: Goal, var: Hyp, val: Expr, new: list[Hyp], tag: str) -> Goal:
    hyps = []
    for x in g.hyps:
        if x.id == var.id:
            continue
        if x.is_prop and var.id in fvars(x.type):
            x = Hyp(x.id, x.name, replace(x.type, FVar(var.id), val), True, x.inaccessible)
        hyps.append(x)
    return Goal(tuple(hyps) + tuple(new), replace(g.target, FVar(var.id), val), tag)


def succ_of(k: Hyp) -> Expr:
    return Bin("+", FVar(k.id), Num(Fraction(1), NAT), NAT)


def cases_nat(g: Goal, var: Hyp, pat, node) -> list[Goal]:
    """Case split on a natural number: ``n = 0`` or ``n = k + 1``."""
    kname, kacc = "n", True
    if pat is not None and pat[0] == "alts" and len(pat[1]) == 2 and pat[1][1][0] == "name":
        kname, kacc = pat[1][1][1], False
    k = Hyp(fresh_id(), kname, NAT, False, kacc)
    zero = _nat_instance(g, var, Num(Fraction(0), NAT), [], _tag(g.tag, "zero"))
    succ = _nat_instance(g, var, succ_of(k), [k], _tag(g.tag, "succ"))
    return [zero, succ]


def induction_nat(g: Goal, var: Hyp) -> list[Goal]:
    """Induction on ℕ; hypotheses mentioning the variable are generalised into the motive."""
    base, deps = _motive(g, var)
    zero = _motive_instance(g, base, deps, var, Num(Fraction(0), NAT), (), _tag(g.tag, "zero"))
    k = Hyp(fresh_id(), "n", NAT, False, True)
    ih = Hyp(fresh_id(), "a", _ih(g, deps, var, FVar(k.id)), True, True)
    return [zero, _motive_instance(g, base, deps, var, succ_of(k), (k, ih), _tag(g.tag, "succ"))]


def le_bound(p: Expr, var: Hyp) -> Expr | None:
    """``b`` when ``p`` states ``Nat.le b n`` for the ℕ variable ``n`` (``var``) and a ``b`` free of
    ``n``: ``b ≤ n``, ``n ≥ b``, and ``a < n``/``n > a`` with ``b = a + 1`` (Lean's ``Nat.lt a n`` is
    ``Nat.le (a + 1) n``); otherwise None."""
    u = unfold(p)
    if not (isinstance(u, Bin) and u.op in ("≤", "<") and u.b == FVar(var.id)) or var.id in fvars(u.a):
        return None
    return u.a if u.op == "≤" else Bin("+", u.a, Num(Fraction(1), NAT), NAT)


def induction_le(g: Goal, h: Hyp, var: Hyp) -> list[Goal]:
    """Induction on ``h : Nat.le b n`` (``Nat.le.rec``, Mathlib's ``Nat.le_induction``): the motive is
    the goal with ``n`` free, hypotheses mentioning ``n`` generalised into it as in :func:`induction_nat`;
    case ``refl`` proves it at ``b``, case ``step`` at ``m + 1`` from ``a✝ : Nat.le b m`` and the
    induction hypothesis at ``m``. ``h`` is consumed, as Lean's ``induction`` consumes its major premise."""
    b = le_bound(h.type, var)
    if b is None:
        raise LogicError("induction: the hypothesis is not `b ≤ n` or `b < n` for a natural-number variable `n`")
    base, deps = _motive(Goal(tuple(x for x in g.hyps if x.id != h.id), g.target, g.tag), var)
    refl = _motive_instance(g, base, deps, var, b, (), _tag(g.tag, "refl"))
    m = Hyp(fresh_id(), "m", NAT, False, True)
    mv = FVar(m.id)
    le = Hyp(fresh_id(), "a", Bin("≤", b, mv, PROP), True, True)
    ih = Hyp(fresh_id(), "a_ih", _ih(g, deps, var, mv), True, True)
    return [refl, _motive_instance(g, base, deps, var, succ_of(m), (m, le, ih), _tag(g.tag, "step"))]


def _motive(g: Goal, var: Hyp) -> tuple[Goal, list[Hyp]]:
    """The context left after generalising ``var`` (``var`` and the hypotheses mentioning it removed),
    and those hypotheses (premises of the motive)."""
    deps = [x for x in g.hyps if x.is_prop and var.id in fvars(x.type)]
    others = [x for x in g.hyps if x.id != var.id and x not in deps]
    if any(var.id in fvars(x.type) for x in others):
        raise LogicError("induction: a variable's type depends on the induction variable")
    return Goal(tuple(others), g.target, g.tag), deps


def _ih(g: Goal, deps: list[Hyp], var: Hyp, val: Expr) -> Expr:
    ih_t = replace(g.target, FVar(var.id), val)
    for d in reversed(deps):
        ih_t = Bin("→", replace(d.type, FVar(var.id), val), ih_t, PROP)
    return ih_t


def _motive_instance(g: Goal, base: Goal, deps: list[Hyp], var: Hyp, val: Expr, new: tuple, tag: str) -> Goal:
    """The motive at ``val``: the generalised hypotheses re-introduced at ``val`` after ``new``."""
    inst = tuple(Hyp(fresh_id(), d.name, replace(d.type, FVar(var.id), val), True, d.inaccessible) for d in deps)
    return Goal(base.hyps + new + inst, replace(g.target, FVar(var.id), val), tag)


def function_equation(p: Expr, g: Goal) -> Bin | None:
    """The function type ``A → B`` of an equation ``f = g`` of functions (a side is a function
    variable, or an application of one still of function type), else None."""
    if not (isinstance(p, Bin) and p.op == "="):
        return None
    for side in (p.a, p.b):
        ty = expr_type(side, g) if isinstance(side, FVar) else side.ty if isinstance(side, App) else None
        if isinstance(ty, Bin) and ty.op == "→" and ty.ty != PROP:
            return ty
    return None


def apply_arg(f: Expr, x: Expr, fty: Bin) -> Expr:
    """``f x`` at ``f``'s type ``fty`` (``A → B``), in the flat form the elaborator gives ``f a b``."""
    if isinstance(f, App) and not isinstance(f.fn, Binder):
        return App(f.fn, f.args + (x,), fty.b)
    return App(f, (x,), fty.b)


def subst_eq(g: Goal, h: Hyp) -> Goal | None:
    """Eliminate ``h : x = e`` (or ``e = x``) with ``x`` a local variable not occurring in ``e``."""
    t = h.type
    if not (isinstance(t, Bin) and t.op == "="):
        return None
    for var, val in ((t.b, t.a), (t.a, t.b)):
        if isinstance(var, FVar) and var.id not in fvars(val):
            xh = next((x for x in g.hyps if x.id == var.id and not x.is_prop), None)
            if xh is None:
                continue
            hyps = []
            for x in g.hyps:
                if x.id in (h.id, var.id):
                    continue
                if x.is_prop:
                    x = Hyp(x.id, x.name, replace(x.type, var, val), True, x.inaccessible)
                hyps.append(x)
            return Goal(tuple(hyps), replace(g.target, var, val), g.tag)
    return None


# -- apply / constructor --------------------------------------------------------------------
CTORS = {
    "And.intro": ("∧", ("left", "right")),
    "Iff.intro": ("↔", ("mp", "mpr")),
    "Or.inl": ("∨", ("h",)),
    "Or.inr": ("∨", ("h",)),
    "False.elim": (None, ("h",)),
    "absurd": (None, ()),
}


def apply_constructor(term, g: Goal) -> list[Goal] | None:
    if term.kind != "ident" or term.args[0] not in CTORS or g.lookup(term.args[0]) is not None:
        return None
    name = term.args[0]
    tgt = g.target
    u = unfold(tgt)
    if name == "False.elim":
        return [Goal(g.hyps, FALSE, g.tag)]
    op = CTORS[name][0]
    if not (isinstance(u, Bin) and u.op == op):
        raise ElabError(f"could not unify the conclusion of `{name}` with the goal", term)
    if name == "And.intro":
        return [Goal(g.hyps, u.a, "left"), Goal(g.hyps, u.b, "right")]
    if name == "Iff.intro":
        return [Goal(g.hyps, Bin("→", u.a, u.b, PROP), "mp"), Goal(g.hyps, Bin("→", u.b, u.a, PROP), "mpr")]
    return [Goal(g.hyps, u.a if name == "Or.inl" else u.b, "h")]


def constructor(g: Goal) -> list[Goal] | None:
    u = unfold(g.target)
    if g.target == TRUE:
        return []
    if isinstance(u, Bin) and u.op == "∧":
        return [Goal(g.hyps, u.a, "left"), Goal(g.hyps, u.b, "right")]
    if isinstance(u, Bin) and u.op == "↔":
        return [Goal(g.hyps, Bin("→", u.a, u.b, PROP), "mp"), Goal(g.hyps, Bin("→", u.b, u.a, PROP), "mpr")]
    if isinstance(u, Bin) and u.op == "≤" and u.a == u.b:
        return []
    return None


def match(pat: Expr, term: Expr, pvars: set[str], sub: dict[str, Expr], offsets: bool = False) -> bool:
    """First-order matching of ``pat`` (pattern variables are ``MVar`` named in ``pvars``) against ``term``.

    Both sides are walked in lockstep, under binders too; bound variables are de Bruijn indices, so
    they match only themselves, and a pattern variable is only ever assigned a locally closed
    subterm (one that mentions no variable bound inside ``term``): matching cannot capture. ``offsets``:
    ℕ's literal offsets unify as in Lean (:func:`_offset_rest`); on for hypotheses given to ``rw``/``simp``
    only (library lemmas such as ``pow_succ`` would unroll ``2 ^ 2010`` before MiniLean evaluates it)."""
    if isinstance(pat, MVar) and pat.name in pvars:
        if pat.name in sub:
            return sub[pat.name] == term
        if not is_closed(term):
            return False
        sub[pat.name] = term
        return True
    rest = _offset_rest(pat, term, pvars) if offsets else None
    if rest is not None:
        return match(pat.a, rest, pvars, sub, offsets)
    if type(pat) is not type(term):
        return False
    if isinstance(pat, Bin):
        # a typed pattern (from a hypothesis) only matches a term of its own type; lemma
        # schemata leave the type open (``Const("?")``) and are retyped by their caller
        return (pat.op == term.op and pat.ty in (term.ty, Const("?"))
                and match(pat.a, term.a, pvars, sub, offsets) and match(pat.b, term.b, pvars, sub, offsets))
    if isinstance(pat, Un):
        return pat.op == term.op and pat.ty in (term.ty, Const("?")) and match(pat.a, term.a, pvars, sub, offsets)
    if isinstance(pat, App):
        return (
            len(pat.args) == len(term.args)
            and match(pat.fn, term.fn, pvars, sub, offsets)
            and all(match(x, y, pvars, sub, offsets) for x, y in zip(pat.args, term.args))
        )
    if isinstance(pat, Binder):
        return (pat.kind == term.kind and match(pat.dom, term.dom, pvars, sub, offsets)
                and match(pat.body, term.body, pvars, sub, offsets))
    if isinstance(pat, Num):
        return pat.value == term.value and (pat.ty == term.ty or pat.ty == Const("?"))
    return pat == term


def _offset_rest(pat: Expr, term: Expr, pvars: set[str]) -> Expr | None:
    """Lean's offset unification on ℕ (``isDefEqOffsetNat``): the pattern ``?n + k`` (``k`` a positive
    numeral) matches the literal ``j ≥ k`` with ``?n := j - k`` and ``t + j`` (``j > k``) with
    ``?n := t + (j - k)``, both definitionally equal in Lean (``Nat.add`` computes on literals), so
    ``h : ∀ n, u (n + 1) = …`` rewrites ``u 5`` and ``u (k + 3)``. The term that ``?n`` must match, or
    None where this rule does not apply (other types, other shapes: plain matching decides)."""
    if not (isinstance(pat, Bin) and pat.op == "+" and isinstance(pat.a, MVar) and pat.a.name in pvars
            and isinstance(pat.b, Num) and pat.b.value > 0 and pat.ty in (NAT, Const("?"))
            and getattr(term, "ty", None) == NAT):
        return None
    k = pat.b.value
    if isinstance(term, Num) and term.value >= k:
        return Num(term.value - k, NAT)
    if isinstance(term, Bin) and term.op == "+" and isinstance(term.b, Num) and term.b.value > k:
        return Bin("+", term.a, Num(term.b.value - k, NAT), NAT)
    return None


def _offsets_folded(e: Expr) -> Expr:
    """``e`` with ℕ's nested literal offsets added up: ``t + i + j`` as ``t + (i + j)``, ``i + j`` as a literal."""
    if isinstance(e, Bin):
        a, b = _offsets_folded(e.a), _offsets_folded(e.b)
        if e.op == "+" and e.ty == NAT and isinstance(b, Num):
            if isinstance(a, Num):
                return Num(a.value + b.value, NAT)
            if isinstance(a, Bin) and a.op == "+" and a.ty == NAT and isinstance(a.b, Num):
                return Bin("+", a.a, Num(a.b.value + b.value, NAT), NAT)
        return e if a is e.a and b is e.b else Bin(e.op, a, b, e.ty)
    if isinstance(e, Un):
        a = _offsets_folded(e.a)
        return e if a is e.a else Un(e.op, a, e.ty)
    if isinstance(e, App):
        args = tuple(_offsets_folded(x) for x in e.args)
        return e if all(x is y for x, y in zip(args, e.args)) else App(e.fn, args, e.ty)
    return e


def offset_eq(a: Expr, b: Expr) -> bool:
    """Equality up to ℕ's literal offsets (``k + 2 + 1`` and ``k + 3``, ``4 + 1`` and ``5``): the terms a
    pattern instantiated by :func:`match`'s offset rule and the term it matched, definitionally equal in Lean."""
    return a == b or _offsets_folded(a) == _offsets_folded(b)


def peel(prop: Expr, count: int) -> tuple[list[tuple[str, str, Expr]], Expr]:
    """Strip ``count`` leading ``∀ x : T,`` / ``A →`` binders of ``prop``: each ∀-variable becomes a
    fresh pattern variable (``MVar``). Returns ``[(kind, mvar name or "", domain)]`` and the rest."""
    out: list[tuple[str, str, Expr]] = []
    cur = prop
    while len(out) < count:
        if isinstance(cur, Binder) and cur.kind == "∀":
            name = f"{cur.name}.{len(out)}"
            out.append(("var", name, cur.dom))
            cur = instantiate(cur.body, MVar(name))
            continue
        u = unfold(cur)
        if isinstance(u, Bin) and u.op == "→":
            out.append(("prem", "", u.a))
            cur = u.b
            continue
        break
    return out, cur


def _arity(p: Expr) -> int:
    n = 0
    while True:
        if isinstance(p, Binder) and p.kind == "∀":
            p = p.body
        elif isinstance(unfold(p), Bin) and unfold(p).op == "→":
            p = unfold(p).b
        else:
            return n
        n += 1


def apply_prop(prop: Expr, g: Goal, el) -> list[Goal] | None:
    """``apply h`` with ``h : ∀ xs, A₁ → … → C``: unify ``C`` with the goal, new goals ``Aᵢ``."""
    n = _arity(prop)
    tgt_arity = _arity(g.target)
    order = [n - tgt_arity] + [i for i in range(n + 1) if i != n - tgt_arity]
    for i in order:
        if not 0 <= i <= n:
            continue
        binders, concl = peel(prop, i)
        pvars = {b[1] for b in binders if b[0] == "var"}
        sub: dict[str, Expr] = {}
        if not match(norm(concl), norm(g.target), pvars, sub):
            continue
        if any(v not in sub for v in pvars):
            continue
        # `h : ∀ a b : ℕ, a ≤ a + b` must not prove `x ≤ x + y` over ℤ: every variable's
        # instance has the variable's type
        if any(kind == "var" and expr_type(sub[name], g) != inst_mvars(dom, sub) for kind, name, dom in binders):
            continue
        return [Goal(g.hyps, inst_mvars(dom, sub), g.tag) for kind, _name, dom in binders if kind == "prem"]
    return None


# -- closing rules --------------------------------------------------------------------------
def unfold_modeq(p: Expr) -> Expr:
    """``p`` with ``a ≡ b [MOD n]``/``[ZMOD n]`` unfolded to Mathlib's definition ``a % n = b % n``
    (what the ``Decidable`` instances of ``Nat.ModEq``/``Int.ModEq`` evaluate)."""
    if isinstance(p, App) and isinstance(p.fn, Const) and p.fn.name in ("Nat.ModEq", "Int.ModEq") and len(p.args) == 3:
        n, a, b = p.args
        ty = NAT if p.fn.name == "Nat.ModEq" else INT
        return Bin("=", Bin("%", a, n, ty), Bin("%", b, n, ty), PROP)
    if isinstance(p, Bin) and p.op in ("∧", "∨", "→", "↔"):
        return Bin(p.op, unfold_modeq(p.a), unfold_modeq(p.b), PROP)
    if isinstance(p, Un) and p.op == "¬":
        return Un("¬", unfold_modeq(p.a), PROP)
    return p


# what Lean's `contradiction` decides in a closed hypothesis (its `decide p` reducing to `false`):
# ℕ/ℤ relations, whose `Decidable` instances reduce by whnf, and `≡ [MOD n]` (unfolded)
DECIDED_RELATIONS = ("=", "≠", "<", "≤", ">", "≥", "∣")


def contradiction(g: Goal) -> bool:
    props = [h.type for h in g.hyps if h.is_prop]
    for p in props:
        if p == FALSE:
            return True
        if isinstance(p, Bin) and p.op == "≠" and alpha_eq(p.a, p.b):
            return True
        if isinstance(p, Un) and p.op == "¬" and isinstance(p.a, Bin) and p.a.op == "=" and alpha_eq(p.a.a, p.a.b):
            return True
        q = unfold_modeq(p)
        if isinstance(q, Bin) and q.op in DECIDED_RELATIONS and decide_closed(q) is False:
            return True
        if isinstance(p, Un) and p.op == "¬" and p.a == TRUE:
            return True
    negs = [unfold(p) for p in props]
    for n in negs:
        if isinstance(n, Bin) and n.op == "→" and n.b == FALSE:
            if any(defeq(n.a, q) for q in props):
                return True
    return False


def rfl_ok(target: Expr) -> bool:
    if isinstance(target, Bin) and target.op in ("=", "↔", "≤", "≥"):
        if alpha_eq(target.a, target.b):
            return True
        if target.op == "=" and target.a.__class__ is not Binder:
            va, vb = eval_closed(target.a), eval_closed(target.b)
            return va is not None and va == vb
    return False


def _ty(e: Expr) -> Expr | None:
    return getattr(e, "ty", None)


def eval_closed(e: Expr) -> int | None:
    """Value of a closed ℕ/ℤ term by Lean's kernel computation rules, or None if not closed/too big."""
    if _ty(e) not in (NAT, INT):
        return None
    return closed_int(e)


def _is_prime(n: int) -> bool | None:
    if n < 2:
        return False
    if n > 10**12:
        return None
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True


def decide_closed(p: Expr, predicates: bool = True) -> bool | None:
    """Truth value of a closed decidable proposition over ℕ/ℤ (what ``decide`` evaluates), else None.
    ``predicates=False``: comparisons and divisibility only, not ``Even``/``Odd``/``Nat.Prime`` of a
    numeral, which Lean's ``simp`` (no ``decide``, no norm_num extension) leaves."""
    if p == TRUE:
        return True
    if p == FALSE:
        return False
    if isinstance(p, Un) and p.op == "¬":
        v = decide_closed(p.a, predicates)
        return None if v is None else not v
    if isinstance(p, Bin):
        if p.op in ("∧", "∨", "→", "↔"):
            a, b = decide_closed(p.a, predicates), decide_closed(p.b, predicates)
            if a is None or b is None:
                return None
            return {"∧": a and b, "∨": a or b, "→": (not a) or b, "↔": a == b}[p.op]
        a, b = eval_closed(p.a), eval_closed(p.b)
        if a is None or b is None:
            return None
        if p.op == "∣":
            return b == 0 if a == 0 else b % a == 0
        return {"=": a == b, "≠": a != b, "<": a < b, "≤": a <= b, ">": a > b, "≥": a >= b}.get(p.op)
    if predicates and isinstance(p, App) and isinstance(p.fn, Const) and len(p.args) == 1:
        v = eval_closed(p.args[0])
        if v is None:
            return None
        if p.fn.name == "Even":
            return v % 2 == 0
        if p.fn.name == "Odd":
            return v % 2 == 1
        if p.fn.name == "Nat.Prime":
            return _is_prime(v)
    return None


# -- push_neg ---------------------------------------------------------------------------------
NEG_REL = {"<": "≤", "≤": "<", ">": "≤", "≥": "<"}


def carrier(e: Expr, g: Goal, bound: tuple[Expr, ...] = ()) -> Expr | None:
    """The type of the term ``e`` in ``g``, under binders whose domains are ``bound`` (innermost last)."""
    if isinstance(e, BVar):
        return bound[-1 - e.idx] if e.idx < len(bound) else None
    return expr_type(e, g)


def is_linear_order(ty: Expr | None) -> bool:
    """Order laws that need a linear order (``¬ a ≤ b ↔ b < a``) hold only on ℕ ℤ ℚ ℝ here; a
    function type such as ``ℕ → ℝ`` is ordered pointwise, which is only a partial order."""
    return ty in NUM_RANK


def push_neg(e: Expr, g: Goal, bound: tuple[Expr, ...] = ()) -> Expr:
    """Mathlib's ``push_neg`` normal form: ``¬ a < b`` becomes ``b ≤ a`` only on a linear order."""
    if isinstance(e, Un) and e.op == "¬":
        return _neg(e.a, g, bound)
    if isinstance(e, Bin) and e.ty == PROP and e.op in ("∧", "∨", "→", "↔"):
        return Bin(e.op, push_neg(e.a, g, bound), push_neg(e.b, g, bound), PROP)
    if isinstance(e, Binder) and e.kind in ("∀", "∃"):
        return Binder(e.kind, e.name, e.dom, push_neg(e.body, g, bound + (e.dom,)))
    return e


def _neg(a: Expr, g: Goal, bound: tuple[Expr, ...]) -> Expr:
    if isinstance(a, Un) and a.op == "¬":
        return push_neg(a.a, g, bound)
    if a == TRUE:
        return FALSE
    if a == FALSE:
        return TRUE
    if isinstance(a, Binder) and a.kind == "∀":
        return Binder("∃", a.name, a.dom, _neg(a.body, g, bound + (a.dom,)))
    if isinstance(a, Binder) and a.kind == "∃":
        return Binder("∀", a.name, a.dom, _neg(a.body, g, bound + (a.dom,)))
    if isinstance(a, Bin):
        if a.op == "∧":
            return Bin("→", push_neg(a.a, g, bound), _neg(a.b, g, bound), PROP)
        if a.op == "∨":
            return Bin("∧", _neg(a.a, g, bound), _neg(a.b, g, bound), PROP)
        if a.op == "→":
            return Bin("∧", push_neg(a.a, g, bound), _neg(a.b, g, bound), PROP)
        if a.op == "↔":
            return Bin("∨", Bin("∧", push_neg(a.a, g, bound), _neg(a.b, g, bound), PROP),
                       Bin("∧", _neg(a.a, g, bound), push_neg(a.b, g, bound), PROP), PROP)
        if a.op == "=":
            return Bin("≠", a.a, a.b, PROP)
        if a.op == "≠":
            return Bin("=", a.a, a.b, PROP)
        if a.op in NEG_REL and is_linear_order(carrier(a.a, g, bound)):
            if a.op in ("<", "≤"):
                return Bin(NEG_REL[a.op], a.b, a.a, PROP)
            return Bin(NEG_REL[a.op], a.a, a.b, PROP)
    return Un("¬", a, PROP)


def rewrite_locs(g: Goal, locs, fn, node, failmsg: str, rebuilds=None) -> Goal:
    """Apply an equivalence-preserving rewrite ``fn`` at the given locations (None = goal); fail with
    ``failmsg`` when no location changed. ``rebuilds(p)``: whether the Lean tactic re-builds ``p`` into a
    term that prints the same but is not structurally equal (so Lean does not see it as unchanged)."""
    changed = False
    target = g.target
    hyps = list(g.hyps)
    want_goal = locs is None or "⊢" in locs or "*" in locs
    if want_goal:
        nt = fn(target)
        if nt != target or (rebuilds is not None and rebuilds(target)):
            changed = True
            target = nt
    if locs:
        for i, h in enumerate(hyps):
            if h.is_prop and ("*" in locs or (h.name in locs and g.lookup(h.name) is h)):
                nt = fn(h.type)
                if nt != h.type or (rebuilds is not None and rebuilds(h.type)):
                    changed = True
                    hyps[i] = Hyp(h.id, h.name, nt, True, h.inaccessible)
        for n in locs:
            if n not in ("⊢", "*") and g.lookup(n) is None:
                raise err(f"Unknown identifier `{n}`", node)
    if not changed:
        raise err(failmsg, node)
    return Goal(tuple(hyps), target, g.tag)


def trans(name: str, p1: Expr, p2: Expr, s) -> Expr:
    a, b = unfold(p1), unfold(p2)
    if isinstance(a, Bin) and isinstance(b, Bin) and alpha_eq(a.b, b.a):
        ops = {a.op, b.op}
        if ops == {"="}:
            return Bin("=", a.a, b.b, PROP)
        if ops == {"↔"}:
            return Bin("↔", a.a, b.b, PROP)
        if ops <= {"<", "≤", "="} and ops & {"<", "≤"}:
            strict = "<" in ops
            if name in ("le_trans",) and strict:
                raise ElabError(f"{name}: type mismatch", s)
            if name == "lt_trans" and ops != {"<"}:
                raise ElabError(f"{name}: type mismatch", s)
            if name == "lt_of_lt_of_le" and (a.op != "<" or b.op != "≤"):
                raise ElabError(f"{name}: type mismatch", s)
            if name == "lt_of_le_of_lt" and (a.op != "≤" or b.op != "<"):
                raise ElabError(f"{name}: type mismatch", s)
            return Bin("<" if strict else "≤", a.a, b.b, PROP)
    raise ElabError(f"{name}: the middle terms do not match", s)

