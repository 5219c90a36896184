"""Arithmetic and rewriting tactics: rw, simp, norm_num, ring, linarith, nlinarith, positivity,
omega, decide, interval_cases, tauto.

Goals are translated to the arithmetic IR by :mod:`leangym.minilean.bridge` and decided by the
procedures of :mod:`leangym.minilean.arith`. A procedure that is missing or gives up (raises
:class:`~leangym.minilean.arith.GiveUp`) makes the tactic *fail* with Lean's message — a failure
never closes a goal, so soundness rests only on each procedure's own soundness (tested there) and on
the rewriting rules below. Any other exception from a procedure is a bug and propagates: the REPL
reports it as an internal error, never as a failed tactic.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from leangym.minilean import bridge, lemmas, logic
from leangym.minilean.arith import GiveUp, ir
from leangym.minilean.elab import ElabError
from leangym.minilean.expr import (
    FALSE,
    INT,
    NAT,
    NUM_RANK,
    PROP,
    TRUE,
    App,
    Bin,
    Binder,
    Expr,
    FVar,
    MVar,
    Num,
    Printer,
    Un,
    alpha_eq,
    defeq,
    fvars,
    instantiate,
    is_closed,
    mvars,
    norm,
    replace,
)
from leangym.minilean.goals import Goal, Hyp, fresh_id
from leangym.minilean.syntax import Syn, Tac

MAX_INTERVAL_CASES = 1000
MAX_TAUTO_ATOMS = 12


def _subterms(e: Expr):
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
        elif isinstance(x, Binder):
            stack.append(x.body)


def _replace_alpha(e: Expr, old: Expr, new: Expr) -> tuple[Expr, bool]:
    if alpha_eq(e, old):
        return new, True
    if isinstance(e, Bin):
        a, ca = _replace_alpha(e.a, old, new)
        b, cb = _replace_alpha(e.b, old, new)
        return (Bin(e.op, a, b, e.ty), True) if ca or cb else (e, False)
    if isinstance(e, Un):
        a, ca = _replace_alpha(e.a, old, new)
        return (Un(e.op, a, e.ty), True) if ca else (e, False)
    if isinstance(e, App):
        parts = [_replace_alpha(x, old, new) for x in e.args]
        if any(c for _, c in parts):
            return App(e.fn, tuple(x for x, _ in parts), e.ty), True
        return e, False
    if isinstance(e, Binder):
        b, cb = _replace_alpha(e.body, old, new)
        return (Binder(e.kind, e.name, e.dom, b), True) if cb else (e, False)
    return e, False


class ArithTactics:
    def __init__(self, interp):
        self.interp = interp
        self.run = interp.run
        self.dispatch = {
            "decide": self.t_decide,
            "norm_num": self.t_norm_num,
            "norm_num1": self.t_norm_num,
            "simp": self.t_norm_num,
            "simp_arith": self.t_norm_num,
            "simp_all": self.t_simp_all,
            "field_simp": self.t_norm_num,
            "linarith": self.t_linarith,
            "linarith!": self.t_linarith,
            "nlinarith": self.t_linarith,
            "nlinarith!": self.t_linarith,
            "positivity": self.t_positivity,
            "omega": self.t_omega,
            "ring": self.t_ring,
            "ring1": self.t_ring,
            "ring_nf": self.t_ring_nf,
            "rw": self.t_rw,
            "rewrite": self.t_rw,
            "rwa": self.t_rw,
            "interval_cases": self.t_interval_cases,
            "tauto": self.t_tauto,
        }

    # -- helpers -------------------------------------------------------------------------------
    def mathlib(self) -> bool:
        return self.run.mathlib

    def goal(self, t: Tac, st) -> Goal:
        from leangym.minilean.tactics import main_goal

        return main_goal(st, t)

    def fail(self, msg: str, t: Tac | Syn):
        from leangym.minilean.tactics import TacticError

        return TacticError(msg, t.start, t.end)

    def call(self, name: str, *args, **kw):
        """Run an arith procedure; None when it is unavailable or gives up."""
        try:
            return bridge.procedure(name)(*args, **kw)
        except GiveUp:
            return None

    def hyp_props(self, g: Goal, tr: bridge.Translator) -> list:
        out = []
        for h in g.hyps:
            if h.is_prop:
                try:
                    out.append(tr.prop(h.type))
                except bridge.NotArith:
                    continue
        return out

    def hint_props(self, g: Goal, terms: list[Syn], tr: bridge.Translator, t: Tac) -> list:
        from leangym.minilean.tactics import ProofElab

        pe = ProofElab(self.interp, g)
        out = []
        for s in terms:
            try:
                p = pe.infer(s)
            except ElabError as e:
                raise self.interp.elab_error(e, t) from None
            try:
                out.append(tr.prop(p))
            except bridge.NotArith:
                continue
        return out

    def closed(self, st, t: Tac, axioms: frozenset | None = None):
        """Close the main goal; ``axioms`` defaults to what Mathlib's arithmetic tactics use."""
        from leangym.minilean.tactics import CLASSICAL, on_main

        return on_main(st, [], sorry=st.sorry, axioms=st.axioms | (CLASSICAL if axioms is None else axioms))

    # -- decide --------------------------------------------------------------------------------
    def t_decide(self, t: Tac, st):
        g = self.goal(t, st)
        pr = Printer(g.display_names(), self.mathlib())
        if fvars(g.target):
            raise self.fail(f"failed to synthesize\n  Decidable ({pr.pp(g.target)})", t)
        val = logic.decide_closed(g.target)
        if val is None:
            try:
                val = self.call("decide", bridge.for_goal(g).prop(g.target))
            except bridge.NotArith:
                val = None
        if val is True:
            return self.closed(st, t, frozenset())
        if val is False:
            raise self.fail(f"Tactic `decide` proved that the proposition\n  {pr.pp(g.target)}\nis false", t)
        raise self.fail(f"failed to reduce to true/false\n  {pr.pp(g.target)}", t)

    # -- linarith family -----------------------------------------------------------------------
    def t_linarith(self, t: Tac, st):
        g = self.goal(t, st)
        tr = bridge.for_goal(g)
        hyps = self.hyp_props(g, tr)
        hints = self.hint_props(g, t.args.get("lemmas", []), tr, t)
        tgt = g.target
        goal_ir: ir.Prop = ir.BoolConst(False)
        if isinstance(tgt, Bin) and tgt.op in ("<", "≤", "=", ">", "≥") and tr.numeric(tgt.a):
            goal_ir = tr.prop(tgt)
        nl = t.name.startswith("nlinarith")
        if nl:
            ok = self.call("nlinarith", hyps, goal_ir, hints=tuple(hints), deadline=self.run.deadline)
        else:
            ok = self.call("linarith", hyps + hints, goal_ir, deadline=self.run.deadline)
        if ok is True:
            return self.closed(st, t)
        raise self.fail(self.linarith_message(g), t)

    def linarith_message(self, g: Goal) -> str:
        tgt = g.target
        hyps = g.hyps
        if isinstance(tgt, Bin) and tgt.op in ("<", "≤", "=", ">", "≥"):
            # Mathlib negates the goal with `not_lt`/`not_le` (and splits `=` into two `<` goals)
            op = {"<": "≥", "≤": ">", ">": "≤", "≥": "<", "=": "<"}[tgt.op]
            neg = Bin(op, tgt.a, tgt.b, PROP)
            hyps = hyps + (Hyp(fresh_id(), "a", neg, True, True),)
        body = Goal(hyps, FALSE, "a" if hyps is not g.hyps else g.tag).pretty(self.mathlib())
        return "linarith failed to find a contradiction\n" + body

    def t_positivity(self, t: Tac, st):
        g = self.goal(t, st)
        tgt = g.target
        ok = False
        shape = isinstance(tgt, Bin) and (
            (tgt.op in ("<", "≤") and isinstance(tgt.a, Num) and tgt.a.value == 0)
            or (tgt.op in (">", "≥") and isinstance(tgt.b, Num) and tgt.b.value == 0)
            or (tgt.op == "≠" and isinstance(tgt.b, Num) and tgt.b.value == 0)
        )
        if not shape:
            raise self.fail("not a positivity goal", t)
        try:
            tr = bridge.for_goal(g)
            ok = self.call("positivity", tr.prop(tgt), tuple(self.hyp_props(g, tr))) is True
        except bridge.NotArith:
            ok = False
        if ok:
            return self.closed(st, t)
        kind = {"<": "positivity", ">": "positivity", "≤": "nonnegativity", "≥": "nonnegativity"}.get(tgt.op, "nonzeroness")
        raise self.fail(f"failed to prove {kind}", t)

    def t_omega(self, t: Tac, st):
        g = self.goal(t, st)
        tr = bridge.for_goal(g)
        hyps = [h for h in self.hyp_props(g, tr)]
        try:
            goal_ir = tr.prop(g.target)
        except bridge.NotArith:
            goal_ir = ir.BoolConst(False)
        ok = self.call("omega", hyps, goal_ir, deadline=self.run.deadline)
        if ok is True:
            return self.closed(st, t)
        raise self.fail("omega could not prove the goal:\nNo usable constraints found for the hypotheses "
                        "and goal, or a possible counterexample exists.", t)

    # -- ring ----------------------------------------------------------------------------------
    def t_ring(self, t: Tac, st):
        g = self.goal(t, st)
        tgt = g.target
        tr = bridge.for_goal(g)
        if isinstance(tgt, Bin) and tgt.op == "=" and tr.numeric(tgt.a):
            if self.call("ring_equal", tr.term(tgt.a), tr.term(tgt.b)) is True:
                return self.closed(st, t)
        if t.name == "ring1":
            raise self.fail("ring failed: not an equality of commutative (semi)ring expressions", t)
        from leangym.minilean.tactics import TacticError

        try:
            r = self.t_ring_nf(Tac("ring_nf", t.start, t.end, {"locs": None}), st)
        except TacticError:
            raise self.fail("ring failed, ring_nf subsidiary goal is not closed", t) from None
        self.run.messages.append(("info", t.start, t.end, "Try this: ring_nf"))
        return r

    def normalize_prop(self, p: Expr, tr: bridge.Translator) -> Expr:
        if isinstance(p, Bin) and p.op in ("=", "≠", "<", "≤", ">", "≥") and tr.numeric(p.a):
            a = self.call("ring_normalize", tr.term(p.a))
            b = self.call("ring_normalize", tr.term(p.b))
            if a is None or b is None:
                return p
            return Bin(p.op, tr.back_term(a), tr.back_term(b), PROP)
        if isinstance(p, Bin) and p.op in ("∧", "∨", "→", "↔"):
            return Bin(p.op, self.normalize_prop(p.a, tr), self.normalize_prop(p.b, tr), PROP)
        if isinstance(p, Un) and p.op == "¬":
            return Un("¬", self.normalize_prop(p.a, tr), PROP)
        return p

    def t_ring_nf(self, t: Tac, st):
        g = self.goal(t, st)
        tr = bridge.for_goal(g)

        def fn(p: Expr) -> Expr:
            try:
                return self.normalize_prop(p, tr)
            except bridge.NotArith:
                return p

        ng = logic.rewrite_locs(g, t.args.get("locs"), fn, t, "ring_nf failed")
        if logic.rfl_ok(ng.target) or ng.target == TRUE:
            return self.closed(st, t)
        from leangym.minilean.tactics import on_main

        return on_main(st, [ng])

    # -- norm_num / simp -------------------------------------------------------------------------
    def simplify(self, p: Expr, extra: list, g: Goal, tr: bridge.Translator) -> Expr:
        """norm_num's result for ``p``: TRUE/FALSE or an equivalent proposition."""
        val = logic.decide_closed(p)
        if val is not None:
            return TRUE if val else FALSE
        try:
            q = tr.prop(p)
        except bridge.NotArith:
            return p
        res = self.call("norm_num", q, tuple(extra), deadline=self.run.deadline)
        if res is None:
            return p
        try:
            return tr.back_prop(res)
        except bridge.NotArith:
            return p

    def t_norm_num(self, t: Tac, st):
        from leangym.minilean.tactics import CLASSICAL, on_main

        g = self.goal(t, st)
        tr = bridge.for_goal(g)
        extra_syn = t.args.get("lemmas", [])
        g = self.rewrite_with_simp_lemmas(g, extra_syn, t)
        extra = self.hint_props(g, [s for s in extra_syn if not self.is_eq_rule(g, s)], tr, t)
        locs = t.args.get("locs")
        target = g.target
        hyps = list(g.hyps)
        changed = g is not st.goals[0]
        if locs:
            for i, h in enumerate(hyps):
                if h.is_prop and ("*" in locs or (h.name in locs and g.lookup(h.name) is h)):
                    nt = self.simplify(h.type, extra, g, tr)
                    if nt == FALSE:
                        return self.closed(st, t)
                    if not alpha_eq(nt, h.type):
                        changed = True
                        hyps[i] = Hyp(h.id, h.name, nt, True, h.inaccessible)
            for n in locs:
                if n not in ("⊢", "*") and g.lookup(n) is None:
                    raise self.fail(f"Unknown identifier `{n}`", t)
            hyps = [h for h in hyps if not (h.is_prop and h.type == TRUE)]
        if locs is None or "⊢" in locs or "*" in locs:
            nt = self.simplify(target, extra, g, tr)
            if nt == TRUE:
                return self.closed(st, t)
            if not alpha_eq(nt, target):
                changed = True
                target = nt
        if "using" in t.args:
            return self.t_simpa(t, st, Goal(tuple(hyps), target, g.tag))
        if not changed:
            name = "norm_num" if t.name.startswith("norm_num") else "simp"
            raise self.fail(f"{name} made no progress" if name == "simp" else "norm_num failed to simplify", t)
        ng = Goal(tuple(hyps), target, g.tag)
        if any(h.is_prop and h.type == FALSE for h in ng.hyps):
            return self.closed(st, t)
        return on_main(st, [ng], axioms=st.axioms | CLASSICAL)

    def t_simpa(self, t: Tac, st, g: Goal):
        from leangym.minilean.tactics import ProofElab

        pe = ProofElab(self.interp, g)
        try:
            p = pe.infer(t.args["using"])
        except ElabError as e:
            raise self.interp.elab_error(e, t) from None
        tr = bridge.for_goal(g)
        sp = self.simplify(p, [], g, tr)
        st_ = self.simplify(g.target, [], g, tr)
        if sp == FALSE or alpha_eq(norm(sp), norm(st_)) or alpha_eq(norm(p), norm(g.target)):
            return self.closed(st, t)
        raise self.fail("type mismatch: simpa could not close the goal with the given term", t)

    def t_simp_all(self, t: Tac, st):
        from leangym.minilean.tactics import on_main

        g = self.goal(t, st)
        tr = bridge.for_goal(g)
        facts = self.hyp_props(g, tr)
        hyps = []
        changed = False
        for h in g.hyps:
            if h.is_prop:
                nt = self.simplify(h.type, [], g, tr)
                if nt == FALSE:
                    return self.closed(st, t)
                if nt == TRUE:
                    changed = True
                    continue
                if not alpha_eq(nt, h.type):
                    changed = True
                    h = Hyp(h.id, h.name, nt, True, h.inaccessible)
            hyps.append(h)
        nt = self.simplify(g.target, facts, g, tr)
        if nt == TRUE or any(h.is_prop and alpha_eq(norm(h.type), norm(nt)) for h in hyps):
            return self.closed(st, t)
        if not changed and alpha_eq(nt, g.target):
            raise self.fail("simp_all made no progress", t)
        return on_main(st, [Goal(tuple(hyps), nt, g.tag)])

    def is_eq_rule(self, g: Goal, s: Syn) -> bool:
        if s.kind == "ident":
            h = g.lookup(s.args[0])
            return h is not None and h.is_prop and isinstance(h.type, Bin) and h.type.op in ("=", "↔")
        return False

    def rewrite_with_simp_lemmas(self, g: Goal, rules: list[Syn], t: Tac) -> Goal:
        """``simp [h]``/``norm_num [h]`` with ``h : a = b``: rewrite ``a`` to ``b`` everywhere it occurs."""
        for s in rules:
            if self.is_eq_rule(g, s):
                h = g.lookup(s.args[0])
                eq = h.type
                tgt, changed = _replace_alpha(g.target, eq.a, eq.b)
                if changed:
                    g = Goal(g.hyps, tgt, g.tag)
        return g

    # -- rw ------------------------------------------------------------------------------------
    def rule(self, g: Goal, s: Syn, t: Tac) -> tuple[Expr, dict[str, Expr], str | None]:
        """The rewrite rule ``s`` denotes: (statement, its pattern variables with their types, the
        lemma name for lemmas from :mod:`lemmas`). A lemma's variables are typed later, by
        :func:`lemmas.check_type_allowed` on the instance (the dict maps them to ``None``)."""
        from leangym.minilean.tactics import ProofElab

        pe = ProofElab(self.interp, g)
        head = s.args[0] if s.kind == "app" else s
        args = s.args[1] if s.kind == "app" else ()
        try:
            if head.kind == "ident" and lemmas.canonical(head.args[0]) in lemmas.TABLE \
                    and g.lookup(head.args[0]) is None and head.args[0] not in self.run.lemmas:
                stmt, lemma_vars, name = lemmas.rewrite_rule(pe, lemmas.canonical(head.args[0]), args, s)
                return stmt, dict.fromkeys(lemma_vars), name
            prop = pe.infer(s)
        except ElabError as e:
            raise self.interp.elab_error(e, t) from None
        free: dict[str, Expr] = {}
        while isinstance(prop, Binder) and prop.kind == "∀":
            var = f"{prop.name}.{len(free)}"
            free[var] = prop.dom
            prop = instantiate(prop.body, MVar(var))
        return prop, free, None

    def t_rw(self, t: Tac, st):
        from leangym.minilean.tactics import CLASSICAL, on_main

        g = self.goal(t, st)
        locs = t.args.get("locs")
        pr = lambda gg, e: Printer(gg.display_names(), self.mathlib()).pp(e)  # noqa: E731
        for rev, rs in t.args["rules"]:
            self.run.tick()
            prop, free, lemma = self.rule(g, rs, t)
            if isinstance(prop, Bin) and prop.op in ("=", "↔"):
                lhs, rhs = (prop.b, prop.a) if rev else (prop.a, prop.b)
            elif not free:
                lhs, rhs = (prop, TRUE) if not rev else (TRUE, prop)
            else:
                raise self.fail(f"equality or iff proof expected\n  {pr(g, prop)}", rs)
            hyps = list(g.hyps)
            targets = []
            if locs is None or "⊢" in locs or "*" in locs:
                targets.append(None)
            if locs:
                for n in locs:
                    if n in ("⊢", "*"):
                        continue
                    h = g.lookup(n)
                    if h is None:
                        raise self.fail(f"Unknown identifier `{n}`", t)
                    targets.append(h)
            for where in targets:
                expr = g.target if where is None else where.type
                inst = self.instantiate(lhs, rhs, free, lemma, expr, rs, g)
                if inst is None:
                    shown = pr(g, lhs) if not free else pr(g, lhs).replace("?", "?")
                    raise self.fail(
                        "tactic 'rewrite' failed, did not find instance of the pattern in the target expression\n"
                        f"  {shown}\n{g.pretty(self.mathlib())}" if where is None else
                        f"tactic 'rewrite' failed, did not find instance of the pattern in the target expression\n"
                        f"  {shown}\n{g.pretty(self.mathlib())}",
                        rs,
                    )
                il, irr = inst
                new, _ = _replace_alpha(expr, il, irr)
                if where is None:
                    g = Goal(tuple(hyps), new, g.tag)
                else:
                    hyps = [Hyp(h.id, h.name, new, True, h.inaccessible) if h.id == where.id else h for h in hyps]
                    g = Goal(tuple(hyps), g.target, g.tag)
        if logic.rfl_ok(g.target) or g.target == TRUE:
            return self.closed(st, t, frozenset({"propext"}) | st.axioms)
        if t.name == "rwa":
            for h in g.hyps:
                if h.is_prop and defeq(h.type, g.target):
                    return self.closed(st, t)
            raise self.fail(f"Tactic `assumption` failed\n\n{g.pretty(self.mathlib())}", t)
        return on_main(st, [g], axioms=st.axioms | CLASSICAL)

    def instantiate(self, lhs: Expr, rhs: Expr, free: dict[str, Expr], lemma: str | None, expr: Expr, s: Syn,
                    g: Goal):
        """The first instance ``(l, r)`` of the rule ``lhs = rhs`` in ``expr``, or None.

        Every pattern variable of a hypothesis ``∀ x : T, …`` must match a term of type ``T``
        exactly (``h : ∀ n : ℕ, n = n + (0 - n)`` must not rewrite an integer, nor a
        proposition), and the instance must be the matched subterm itself, types included.
        """
        if not free:
            for sub in _subterms(expr):
                if alpha_eq(sub, lhs):
                    return lhs, rhs
            return None
        for sub in _subterms(expr):
            if not is_closed(sub) or sub.__class__ in (Binder,):
                continue
            m: dict[str, Expr] = {}
            if logic.match(lhs, sub, set(free), m) and all(v in m for v in set(free) & _pattern_vars(lhs)):
                il = lemmas.substitute(lhs, m)
                ir_ = lemmas.substitute(rhs, m)
                if _pattern_vars(ir_) & set(free):
                    continue
                if lemma is None:
                    if any(logic.expr_type(val, g) != free[v] for v, val in m.items()) or not alpha_eq(il, sub):
                        continue
                else:
                    ty = getattr(sub, "ty", None)
                    if ty not in NUM_RANK:
                        continue
                    try:
                        lemmas.check_type_allowed(lemma, ty, s)
                    except ElabError as e:
                        raise self.fail(e.msg, s) from None
                    il = lemmas._nat_exponent_fix(lemmas.retype(il, ty))
                    ir_ = lemmas._nat_exponent_fix(lemmas.retype(ir_, ty))
                    if not alpha_eq(il, sub):
                        continue
                return il, ir_
        return None

    # -- interval_cases ------------------------------------------------------------------------
    def t_interval_cases(self, t: Tac, st):
        from leangym.minilean.tactics import on_main

        g = self.goal(t, st)
        term = t.args.get("term")
        if term is None or term.kind != "ident" or (x := g.lookup(term.args[0])) is None \
                or x.is_prop or x.type not in (NAT, INT):
            raise self.fail("interval_cases failed: provide a natural number or integer variable", t)
        lo = 0 if x.type == NAT else None
        hi = None
        xv = FVar(x.id)
        for h in g.hyps:
            if not h.is_prop or not isinstance(h.type, Bin):
                continue
            p = h.type
            op, a, b = p.op, p.a, p.b
            if op in (">", "≥"):
                op, a, b = {">": "<", "≥": "≤"}[op], b, a
            if op not in ("<", "≤"):
                continue
            if a == xv and (c := logic.eval_closed(b)) is not None:
                bound = c - 1 if op == "<" else c
                hi = bound if hi is None else min(hi, bound)
            elif b == xv and (c := logic.eval_closed(a)) is not None:
                bound = c + 1 if op == "<" else c
                lo = bound if lo is None else max(lo, bound)
        if lo is None or hi is None:
            which = "lower" if lo is None else "upper"
            raise self.fail(f"interval_cases failed: could not find {which} bound on {x.name}", t)
        if hi - lo + 1 > MAX_INTERVAL_CASES:
            raise self.fail(f"interval_cases failed: too many cases ({hi - lo + 1})", t)
        goals = []
        for v in range(lo, hi + 1):
            val: Expr = Num(Fraction(abs(v)), x.type)
            if v < 0:
                val = Un("-", val, x.type)
            hyps = []
            for h in g.hyps:
                if h.id == x.id:
                    continue
                if h.is_prop and x.id in fvars(h.type):
                    h = Hyp(h.id, h.name, replace(h.type, xv, val), True, h.inaccessible)
                hyps.append(h)
            goals.append(Goal(tuple(hyps), replace(g.target, xv, val), g.tag))
        return on_main(st, goals)

    # -- tauto -----------------------------------------------------------------------------------
    def t_tauto(self, t: Tac, st):
        g = self.goal(t, st)
        # atoms are compared by typed α-equivalence, never by printed text: `(2 : ℕ) - 3 = 0` and
        # `(2 : ℤ) - 3 = 0` print alike but are different propositions
        atoms: list[Expr] = []

        def enc(p: Expr):
            u = p
            if u == TRUE:
                return True
            if u == FALSE:
                return False
            if isinstance(u, Un) and u.op == "¬":
                return ("¬", enc(u.a))
            if isinstance(u, Bin) and u.op in ("∧", "∨", "→", "↔"):
                return (u.op, enc(u.a), enc(u.b))
            if isinstance(u, Bin) and u.op == "≠":
                return ("¬", enc(Bin("=", u.a, u.b, PROP)))
            key = norm(u)
            for i, a in enumerate(atoms):
                if alpha_eq(a, key):
                    return ("atom", i)
            atoms.append(key)
            return ("atom", len(atoms) - 1)

        hyps = [enc(h.type) for h in g.hyps if h.is_prop]
        goal = enc(g.target)
        if len(atoms) > MAX_TAUTO_ATOMS:
            raise self.fail("tauto failed to solve some goals.", t)

        def ev(f, val):
            if f is True or f is False:
                return f
            op = f[0]
            if op == "atom":
                return val[f[1]]
            if op == "¬":
                return not ev(f[1], val)
            a, b = ev(f[1], val), ev(f[2], val)
            return {"∧": a and b, "∨": a or b, "→": (not a) or b, "↔": a == b}[op]

        for val in itertools.product((False, True), repeat=len(atoms)):
            self.run.tick()
            if all(ev(h, val) for h in hyps) and not ev(goal, val):
                raise self.fail("tauto failed to solve some goals.", t)
        return self.closed(st, t)


def _pattern_vars(e: Expr) -> set[str]:
    return mvars(e)

