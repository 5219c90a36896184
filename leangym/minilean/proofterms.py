"""The proof-term checker: proof terms against propositions (the Curry–Howard side of ``exact``,
``have``, ``apply``, ``calc``...). A ``by`` block inside a term runs through the interpreter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leangym.minilean import lemmas, rules
from leangym.minilean.core.context import Goal, Hyp, fresh_id
from leangym.minilean.core.errors import ElabError, TacticError
from leangym.minilean.core.printer import Printer
from leangym.minilean.core.state import CLASSICAL, State, unsolved
from leangym.minilean.core.terms import (
    FALSE,
    PROP,
    TRUE,
    App,
    Bin,
    Binder,
    Expr,
    FVar,
    Un,
    abstract,
    defeq,
    instantiate,
    unfold,
)
from leangym.minilean.elab import Elab, witness
from leangym.minilean.syntax.terms import Syn

if TYPE_CHECKING:
    from leangym.minilean.interpreter import Interpreter


# Global names the checker reads itself (not library lemmas): constructors, eliminators, the
# order/equality combinators of `infer_special`. Listed for benchmarks/real_proof_names.py.
TERM_HEADS = frozenset({
    "rfl", "Eq.refl", "le_refl", "le_rfl", "Iff.rfl", "Nat.le_refl", "trivial", "True.intro", "Or.inl", "Or.inr",
    "And.intro", "Iff.intro", "Exists.intro", "False.elim", "absurd", "Not.elim", "nomatch", "False.rec",
    "Classical.byContradiction", "by_contra", "Eq.symm", "Ne.symm", "Iff.symm", "Eq.trans", "Iff.trans",
    "lt_trans", "le_trans", "lt_of_lt_of_le", "lt_of_le_of_lt", "congrArg", "congr_arg", "le_of_lt",
    "LT.lt.le", "ne_of_gt", "ne_of_lt", "ne_of_gt'",
})


class ProofElab:
    """Checks proof terms against propositions (the Curry–Howard side of ``exact``/``have``/``apply``)."""

    def __init__(self, interp: Interpreter, goal: Goal, allow_holes: bool = False):
        self.interp = interp
        self.goal = goal
        self.allow_holes = allow_holes
        self.new_goals: list[Goal] = []
        self._sorry = False
        self.axioms: frozenset = frozenset()
        self.extra: list[Hyp] = []

    @property
    def sorry(self) -> bool:
        return self._sorry

    @sorry.setter
    def sorry(self, value: bool) -> None:
        # also tell the running tactic (Interpreter.exec), so no tactic can forget to propagate it
        self._sorry = value
        if value:
            self.interp.elab_sorry = True

    def ctx_goal(self, target: Expr) -> Goal:
        return Goal(self.goal.hyps + tuple(self.extra), target, self.goal.tag)

    def elab(self) -> Elab:
        return Elab(self.ctx_goal(TRUE))

    def lookup(self, name: str) -> Hyp | None:
        for h in reversed(self.extra):
            if h.name == name:
                return h
        return self.goal.lookup(name)

    def mismatch(self, s: Syn, have: Expr, want: Expr) -> ElabError:
        g = self.ctx_goal(want)
        pr = Printer(g.display_names(), self.interp.run.mathlib)
        text = self.interp.run.source[s.start : s.end] if s.end > s.start else ""
        src = text if text and "\n" not in text and len(text) <= 200 else "term"
        return ElabError(
            f"type mismatch\n  {src}\nhas type\n  {pr.pp(have)} : Prop\nbut is expected to have type\n"
            f"  {pr.pp(want)} : Prop",
            s,
        )

    def dotted(self, s: Syn) -> Syn:
        """``h.1.mp`` is lexed as one identifier; split it into projections of a local or lemma."""
        if s.kind != "ident" or "." not in s.args[0] or self.lookup(s.args[0]) is not None:
            return s
        parts = s.args[0].split(".")
        if self.lookup(parts[0]) is None and s.args[0] not in self.interp.run.lemmas \
                and lemmas.resolve(s.args[0]) is not None:
            return s  # a library lemma or its projection (`sub_nonneg.mpr`): lemmas.instantiate reads it
        for cut in range(len(parts) - 1, 0, -1):
            base = ".".join(parts[:cut])
            if self.lookup(base) is not None or base in self.interp.run.lemmas or lemmas.resolve(base) is not None:
                e: Syn = Syn("ident", (base,), s.start, s.end)
                for f in parts[cut:]:
                    e = Syn("proj", (e, f), s.start, s.end)
                return e
        return s

    def check(self, s: Syn, want: Expr) -> None:
        s = self.dotted(s)
        k = s.kind
        self.interp.run.tick()
        if k == "paren":
            return self.check(s.args[0], want)
        if k == "hole":
            if self.allow_holes and s.args[0] == "?_" or (self.allow_holes and s.args[0] == "_"):
                self.new_goals.append(self.ctx_goal(want))
                return None
            g = self.ctx_goal(want)
            raise ElabError(
                "don't know how to synthesize placeholder\ncontext:\n" + g.pretty(self.interp.run.mathlib), s
            )
        if k == "ident" and s.args[0] == "sorry":
            self.sorry = True
            self.axioms |= {"sorryAx"}
            self.interp.run.sorries.append((self.ctx_goal(want), s.start, s.end))
            return None
        if k == "by":
            return self.check_by(s, want)
        u = unfold(want)
        if k == "anon":
            return self.check_anon(s, list(s.args), want)
        if k == "binder" and s.args[0] == "fun":
            return self.check_fun(s, want)
        if k == "show":
            p = self.elab().prop(s.args[0])
            if not defeq(p, want):
                raise self.mismatch(s, p, want)
            return self.check(s.args[1], p)
        # a local named like a global (`le_refl`, `trivial`, `Or.inl`…) hides it, as in Lean
        special = not ((k == "ident" and self.lookup(s.args[0]) is not None) or (
            k == "app" and s.args[0].kind == "ident" and self.lookup(s.args[0].args[0]) is not None))
        if special and k == "ident" and s.args[0] in ("rfl", "Eq.refl", "le_refl", "le_rfl", "Iff.rfl", "Nat.le_refl"):
            if rules.rfl_ok(want) or (
                isinstance(want, Bin) and want.op in ("≤", "≥", "↔") and want.a == want.b
            ):
                return None
            raise ElabError(
                f"The rfl term failed: the two sides are not definitionally equal\n"
                f"{self.ctx_goal(want).pretty(self.interp.run.mathlib)}", s)
        elif special and k == "ident" and s.args[0] in ("trivial", "True.intro"):
            if want == TRUE:
                return None
            raise self.mismatch(s, TRUE, want)
        elif special and k == "app" and s.args[0].kind == "ident":
            head = s.args[0].args[0]
            args = s.args[1]
            if head in ("Or.inl", "Or.inr") and len(args) == 1:
                if not (isinstance(u, Bin) and u.op == "∨"):
                    raise ElabError(f"type mismatch: {head} proves a disjunction", s)
                return self.check(args[0], u.a if head == "Or.inl" else u.b)
            if head in ("And.intro", "Iff.intro", "Exists.intro") and len(args) == 2:
                return self.check_anon(s, list(args), want)
            if head in ("False.elim", "absurd", "Not.elim", "nomatch") or head == "False.rec":
                if head == "absurd" and len(args) == 2:
                    p = self.infer(args[0])
                    self.check(args[1], Un("¬", p, PROP))
                    return None
                if len(args) == 1:
                    self.check(args[0], FALSE)
                    return None
            if head in ("rfl", "Eq.refl", "le_refl") and len(args) == 1:
                return self.check(s.args[0], want)
            if head in ("Classical.byContradiction", "by_contra") and len(args) == 1:
                self.axioms |= CLASSICAL
                return self.check(args[0], Bin("→", Un("¬", want, PROP), FALSE, PROP))
        if k == "proj" and s.args[1] == "elim":
            p = self.infer(s.args[0])
            if unfold(p) == FALSE or p == FALSE:
                return None
        have = self.infer(s, want)
        if not defeq(have, want):
            raise self.mismatch(s, have, want)
        return None

    def check_by(self, s: Syn, want: Expr) -> None:
        interp = self.interp
        block = s.args[0]
        g = self.ctx_goal(want)
        st = State((g,))
        if not block.args["items"]:
            raise ElabError(unsolved((g,), interp.run.mathlib), s)
        try:
            r = interp.exec(block, st)
            if r.goals:
                raise TacticError(unsolved(r.goals, interp.run.mathlib), s.start, block.end)
        except TacticError as e:
            if not interp.run.recover:
                raise
            interp.run.error(e.start, e.end, e.msg)
            self.sorry = True
            return
        self.sorry = self.sorry or r.sorry
        self.axioms |= r.axioms

    def check_anon(self, s: Syn, items: list[Syn], want: Expr) -> None:
        u = unfold(rules.unfold_pred(want, self.ctx_goal(want)))
        if want == TRUE and not items:
            return
        if isinstance(u, Bin) and u.op in ("∧", "↔"):
            parts = (u.a, u.b) if u.op == "∧" else (Bin("→", u.a, u.b, PROP), Bin("→", u.b, u.a, PROP))
            if len(items) < 2:
                raise ElabError("invalid constructor ⟨...⟩, insufficient number of arguments, constructs "
                                f"'{'And.intro' if u.op == '∧' else 'Iff.intro'}' has #2 explicit fields, "
                                f"but only #{len(items)} provided", s)
            self.check(items[0], parts[0])
            if len(items) == 2:
                self.check(items[1], parts[1])
            else:
                self.check_anon(s, items[1:], parts[1])
            return
        if isinstance(u, Binder) and u.kind == "∃":
            if len(items) < 2:
                raise ElabError("invalid constructor ⟨...⟩, insufficient number of arguments, constructs "
                                f"'Exists.intro' has #2 explicit fields, but only #{len(items)} provided", s)
            w = witness(self.elab(), items[0], u.dom)
            body = instantiate(u.body, w)
            if len(items) == 2:
                self.check(items[1], body)
            else:
                self.check_anon(s, items[1:], body)
            return
        pr = Printer(self.ctx_goal(want).display_names(), self.interp.run.mathlib)
        raise ElabError(f"invalid constructor ⟨...⟩, expected type must be an inductive type \n  {pr.pp(want)}", s)

    def check_fun(self, s: Syn, want: Expr) -> None:
        _, groups, _, body = s.args
        names = [n[0] for ns, _ in groups for n in ns]
        tgt = want
        added = []
        for n in names:
            if isinstance(tgt, Binder) and tgt.kind == "∀":
                hid = fresh_id()
                h = Hyp(hid, n, tgt.dom, tgt.dom == PROP)
                tgt = instantiate(tgt.body, FVar(hid))
            else:
                u = unfold(tgt)
                if not (isinstance(u, Bin) and u.op == "→"):
                    raise ElabError("type mismatch: too many binders in `fun`", s)
                h = Hyp(fresh_id(), n, u.a, True)
                tgt = u.b
            self.extra.append(h)
            added.append(h)
        try:
            self.check(body, tgt)
        finally:
            for _ in added:
                self.extra.pop()

    # -- inference -----------------------------------------------------------------------------
    def infer(self, s: Syn, want: Expr | None = None) -> Expr:
        """The proposition the proof term ``s`` proves; ``want`` (the expected type, when known)
        lets a library lemma's implicit arguments be found from its conclusion, as Lean does."""
        k = s.kind
        self.interp.run.tick()
        if k == "paren":
            return self.infer(s.args[0])
        if k == "ascr":
            p = self.elab().prop(s.args[1])
            self.check(s.args[0], p)
            return p
        if k == "show":
            p = self.elab().prop(s.args[0])
            self.check(s.args[1], p)
            return p
        if k == "ident":
            name = s.args[0]
            h = self.lookup(name)
            if h is not None:
                if not h.is_prop:
                    raise ElabError(f"type mismatch: `{name}` is not a proof", s)
                return h.type
            split = self.dotted(s)
            if split is not s:
                return self.infer(split)
            lem = self.interp.run.lemmas.get(name)
            if lem is not None:
                try:
                    stmt = lem.statement
                except ElabError:
                    raise ElabError(f"MiniLean cannot reuse `{name}` (it quantifies over a type)", s) from None
                self.axioms |= lem.axioms
                if lem.sorry:
                    self.sorry = True
                return stmt
            if lemmas.resolve(name) is not None:
                return lemmas.instantiate(self, name, (), s, want)
            raise ElabError(f"Unknown identifier `{name}`", s)
        if k == "proj":
            return self.project(self.infer(s.args[0]), s.args[1], s)
        if k == "app":
            head, args = s.args
            inner = head.args[0] if head.kind == "paren" else head
            if inner.kind == "proj" and inner.args[1] in lemmas.PROJECTIONS:
                # `(div_le_div_iff hb hd).mpr h` is `div_le_div_iff.mpr hb hd h`: the iff's
                # implicit arguments are found from all the arguments together, as Lean's unifier does
                base = inner.args[0].args[0] if inner.args[0].kind == "paren" else inner.args[0]
                bhead, bargs = (base.args[0], base.args[1]) if base.kind == "app" else (base, ())
                if bhead.kind == "ident" and self.lookup(bhead.args[0]) is None \
                        and bhead.args[0] not in self.interp.run.lemmas \
                        and lemmas.resolve(f"{bhead.args[0]}.{inner.args[1]}") is not None:
                    return lemmas.instantiate(self, f"{bhead.args[0]}.{inner.args[1]}", tuple(bargs) + tuple(args), s, want)
            if head.kind == "ident":
                name = head.args[0]
                if self.lookup(name) is None and name not in self.interp.run.lemmas:
                    special = self.infer_special(name, args, s)
                    if special is not None:
                        return special
                    if lemmas.resolve(name) is not None:
                        return lemmas.instantiate(self, name, args, s, want)
            p = self.infer(head)
            for a in args:
                p = self.apply_arg(p, a, s)
            return p
        if k == "ident" or k in ("anon", "binder", "by", "hole"):
            raise ElabError("invalid constructor ⟨...⟩, expected type must be known" if k == "anon"
                            else "don't know how to synthesize placeholder: the expected type must be known", s)
        raise ElabError("unsupported proof term (outside MiniLean's fragment)", s)

    def apply_arg(self, p: Expr, a: Syn, s: Syn) -> Expr:
        if isinstance(p, Binder) and p.kind == "∀":
            w = witness(self.elab(), a, p.dom) if p.dom != PROP else self.elab().prop(a)
            return instantiate(p.body, w)
        u = unfold(p)
        if isinstance(u, Bin) and u.op == "→":
            self.check(a, u.a)
            return u.b
        raise ElabError("function expected", s)

    def infer_special(self, name: str, args: tuple, s: Syn) -> Expr | None:
        if name in ("Eq.symm", "Ne.symm", "Iff.symm") and len(args) == 1:
            return self.project(self.infer(args[0]), "symm", s)
        if name in ("Eq.trans", "Iff.trans", "lt_trans", "le_trans", "lt_of_lt_of_le", "lt_of_le_of_lt") and len(args) == 2:
            p1, p2 = self.infer(args[0]), self.infer(args[1])
            return rules.trans(name, p1, p2, s)
        if name in ("congrArg", "congr_arg") and len(args) == 2:
            fn = args[0].args[0] if args[0].kind == "paren" else args[0]
            if fn.kind == "binder" and fn.args[0] == "fun":
                return self.congr_fun(fn, self.infer(args[1]), s)
            f = self.elab().leaf(args[0], None)
            p = self.infer(args[1])
            if isinstance(p, Bin) and p.op == "=":
                fty = self.elab().type_of(f)
                if isinstance(fty, Bin) and fty.op == "→" and self.elab().type_of(p.a) == fty.a:
                    return Bin("=", App(f, (p.a,), fty.b), App(f, (p.b,), fty.b), PROP)
            raise ElabError("congrArg: type mismatch", s)
        if name in ("Or.elim", "Or.rec") and len(args) == 3:
            return None
        if name in ("le_of_lt", "LT.lt.le") and len(args) == 1:
            return self.project(self.infer(args[0]), "le", s)
        if name in ("ne_of_gt", "ne_of_lt", "ne_of_gt'") and len(args) == 1:
            p = unfold(self.infer(args[0]))
            if isinstance(p, Bin) and p.op == "<":
                if name == "ne_of_lt":
                    return Bin("≠", p.a, p.b, PROP)
                return Bin("≠", p.b, p.a, PROP)
            raise ElabError(f"{name}: expected a strict inequality", s)
        return None

    def congr_fun(self, fn: Syn, p: Expr, s: Syn) -> Expr:
        """``congrArg (fun x => e) h`` with ``h : a = b``: ``e[a/x] = e[b/x]`` (the beta-reduced form of
        ``(fun x => e) a = (fun x => e) b``); ``e`` is elaborated with ``x`` of ``a``'s type."""
        groups = fn.args[1]
        if not (isinstance(p, Bin) and p.op == "=") or len(groups) != 1 or len(groups[0][0]) != 1:
            raise ElabError("congrArg: type mismatch", s)
        (name, _, _), = groups[0][0]
        ty = self.elab().type_of(p.a)
        if groups[0][1] is not None and self.elab().elab_type(groups[0][1]) != ty:
            raise ElabError("congrArg: type mismatch", s)
        h = Hyp(fresh_id(), name, ty, False)
        body = Elab(self.ctx_goal(TRUE).with_hyp(h)).arith_tree(fn.args[3], None)
        lam = abstract(body, h.id)
        return Bin("=", instantiate(lam, p.a), instantiate(lam, p.b), PROP)

    def project(self, p: Expr, f: str, s: Syn) -> Expr:
        u = unfold(p)
        if isinstance(u, Bin):
            if u.op == "∧" and f in ("1", "2", "left", "right"):
                return u.a if f in ("1", "left") else u.b
            if u.op == "↔" and f in ("1", "2", "mp", "mpr"):
                return Bin("→", u.a, u.b, PROP) if f in ("1", "mp") else Bin("→", u.b, u.a, PROP)
            if f == "symm" and p.op in ("=", "≠", "↔"):
                return Bin(p.op, p.b, p.a, PROP)
            if f == "symm" and u.op == "→" and isinstance(u.a, Bin) and u.a.op == "=" and u.b == FALSE:
                return Bin("≠", u.a.b, u.a.a, PROP)
            if f == "le" and u.op == "<":
                return Bin("≤", u.a, u.b, PROP)
            if f in ("ne", "ne'") and u.op == "<":
                return Bin("≠", u.a, u.b, PROP) if f == "ne" else Bin("≠", u.b, u.a, PROP)
            if f == "ge" and p.op == "≤":
                return Bin("≥", p.b, p.a, PROP)
            if f == "lt" and p.op == ">":
                return Bin("<", p.b, p.a, PROP)
        if isinstance(p, Binder) and p.kind == "∃" and f in ("1", "2"):
            raise ElabError("MiniLean: use `obtain ⟨x, hx⟩ := h` to destructure an existential", s)
        g = self.ctx_goal(TRUE)
        pr = Printer(g.display_names(), self.interp.run.mathlib)
        raise ElabError(f"Invalid field `{f}`: The environment does not contain `{head_name(p)}.{f}`\n  "
                        f"h\nhas type\n  {pr.pp(p)}", s)


def head_name(p: Expr) -> str:
    u = unfold(p)
    if isinstance(u, Bin):
        return {"∧": "And", "∨": "Or", "↔": "Iff", "=": "Eq", "<": "LT.lt", "≤": "LE.le", "→": "Function"}.get(u.op, "Prop")
    if isinstance(u, Binder):
        return "Exists" if u.kind == "∃" else "Function"
    return "Prop"
