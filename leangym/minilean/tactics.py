"""The tactic interpreter: each tactic maps the main goal to subgoals by a rule whose soundness is
argued in ``docs/minilean.md`` (the subgoals, with the context, imply the goal they replace).

A proof state is a tuple of goals plus flags (whether ``sorry`` was used, which axioms a checked
proof would depend on). Tactics never mutate: they return new :class:`State` values.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from leangym.errors import ReplTimeout
from leangym.minilean import logic
from leangym.minilean.elab import Elab, ElabError
from leangym.minilean.expr import (
    FALSE,
    NAT,
    NUM_RANK,
    PROP,
    TRUE,
    Bin,
    Binder,
    Expr,
    FVar,
    Num,
    Un,
    defeq,
    fvars,
    instantiate,
    unfold,
)
from leangym.minilean.goals import Goal, Hyp, fresh_id, pretty_goals
from leangym.minilean.syntax import Syn, Tac

CLASSICAL = frozenset({"propext", "Classical.choice", "Quot.sound"})
CALC_OPS = ("=", "<", "≤", ">", "≥")


class TacticError(Exception):
    """A tactic failed; ``start``/``end`` are offsets of the failing syntax in the source."""

    def __init__(self, msg: str, start: int = 0, end: int = 0):
        super().__init__(msg)
        self.msg = msg
        self.start = start
        self.end = end


@dataclass(frozen=True)
class State:
    goals: tuple[Goal, ...]
    sorry: bool = False
    axioms: frozenset = frozenset()


@dataclass
class Run:
    """Per-request execution context: deadline, recorded sorries and messages, error recovery."""

    deadline: float | None = None
    recover: bool = False
    mathlib: bool = True
    lemmas: dict = field(default_factory=dict)  # name -> commands.Decl of the environment
    sorries: list = field(default_factory=list)  # (Goal, start, end)
    messages: list = field(default_factory=list)  # (severity, start, end, text)
    steps: int = 0
    source: str = ""  # the text the tactic offsets refer to (for quoting terms in messages)

    def tick(self) -> None:
        self.steps += 1
        if self.deadline is not None and (self.steps & 15) == 0 and time.monotonic() > self.deadline:
            raise ReplTimeout("MiniLean request exceeded its timeout")

    def check_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise ReplTimeout("MiniLean request exceeded its timeout")

    def error(self, start: int, end: int, text: str) -> None:
        self.messages.append(("error", start, end, text))


def unsolved(goals, mathlib: bool) -> str:
    return "unsolved goals\n" + pretty_goals(goals, mathlib)


def err(msg: str, node: Tac | Syn) -> TacticError:
    return TacticError(msg, node.start, node.end)


def main_goal(st: State, node: Tac) -> Goal:
    if not st.goals:
        raise err("No goals to be solved", node)
    return st.goals[0]


def on_main(st: State, new: list[Goal] | tuple[Goal, ...], **kw) -> State:
    return replace(st, goals=tuple(new) + st.goals[1:], **kw)


class Interpreter:
    """Runs surface tactics on states. ``arith`` is the bridge to the decision procedures."""

    def __init__(self, run: Run):
        self.run = run
        self.elab_sorry = False  # set by ProofElab when a term it checks uses `sorry`
        from leangym.minilean import arith_tactics

        self.arith = arith_tactics.ArithTactics(self)

    # -- sequencing --------------------------------------------------------------------------
    def exec(self, t: Tac, st: State) -> State:
        self.run.tick()
        name = t.name
        h = DISPATCH.get(name)
        if h is None:
            h = self.arith.dispatch.get(name)
            if h is None:
                raise err("unknown tactic", t)
        else:
            h = h.__get__(self)
        # a `sorry` elaborated anywhere inside this tactic's terms (hint lists, rewrite rules, the
        # major premise of `cases`, ...) marks the resulting state, whether or not the tactic closed
        # the goal; a tactic that fails is rolled back with its flag (as `first`/`try` need)
        saved, self.elab_sorry = self.elab_sorry, False
        try:
            out = h(t, st)
            if self.elab_sorry:
                out = replace(out, sorry=True, axioms=out.axioms | {"sorryAx"})
            return out
        finally:
            self.elab_sorry = saved

    def t_seq(self, t: Tac, st: State) -> State:
        for item in t.args["items"]:
            st = self.exec(item, st)
        return st

    def t_paren(self, t: Tac, st: State) -> State:
        return self.exec(t.args["body"], st)

    def t_then_all(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        sub = self.exec(t.args["first"], replace(st, goals=(g,)))
        out: list[Goal] = []
        cur = sub
        for goal in sub.goals:
            r = self.exec(t.args["then"], replace(cur, goals=(goal,)))
            out.extend(r.goals)
            cur = r
        return replace(cur, goals=tuple(out) + st.goals[1:])

    def focus_block(self, body: Tac, st: State, g: Goal, node: Tac, span_end: int) -> State:
        """Run ``body`` on ``g`` alone; it must close it (Lean's ``·``/``case`` contract)."""
        try:
            r = self.exec(body, replace(st, goals=(g,)))
            if r.goals:
                raise TacticError(unsolved(r.goals, self.run.mathlib), node.start, span_end)
            return r
        except TacticError as e:
            if not self.run.recover:
                raise
            self.run.error(e.start, e.end, e.msg)
            return replace(st, goals=(), sorry=True)

    def t_cdot(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        r = self.focus_block(t.args["body"], st, g, t, t.end)
        return replace(r, goals=st.goals[1:])

    def t_brace(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        start, end = t.args["close"]
        node = Tac("{}", start, end)
        r = self.focus_block(t.args["body"], st, g, node, end)
        return replace(r, goals=st.goals[1:])

    def t_case(self, t: Tac, st: State) -> State:
        tag = t.args["tag"]
        if not st.goals:
            raise err(f"Case tag `{tag}` not found.\n\nNote: There are no cases to select.", t)
        idx = 0
        if tag is not None:
            idx = -1
            for i, g in enumerate(st.goals):
                if g.tag == tag or g.tag.endswith("." + tag):
                    idx = i
                    break
            if idx < 0:
                avail = ", ".join(f"`{g.tag}`" for g in st.goals if g.tag)
                raise err(f"Case tag `{tag}` not found.\n\nAvailable tags: {avail}", t)
        g = rename_inaccessible(st.goals[idx], t.args["names"])
        g = Goal(g.hyps, g.target, "")
        r = self.focus_block(t.args["body"], st, g, t, t.end)
        return replace(r, goals=st.goals[:idx] + st.goals[idx + 1 :])

    def t_all_goals(self, t: Tac, st: State) -> State:
        out: list[Goal] = []
        cur = st
        for g in st.goals:
            r = self.exec(t.args["body"], replace(cur, goals=(g,)))
            out.extend(r.goals)
            cur = r
        return replace(cur, goals=tuple(out))

    def t_any_goals(self, t: Tac, st: State) -> State:
        out: list[Goal] = []
        cur = st
        ok = False
        last: TacticError | None = None
        for g in st.goals:
            try:
                r = self.exec(t.args["body"], replace(cur, goals=(g,)))
                out.extend(r.goals)
                cur = r
                ok = True
            except TacticError as e:
                out.append(g)
                last = e
        if not ok:
            raise last if last is not None else err("No goals to be solved", t)
        return replace(cur, goals=tuple(out))

    def t_try(self, t: Tac, st: State) -> State:
        try:
            return self.exec(t.args["body"], st)
        except TacticError:
            return st

    def t_first(self, t: Tac, st: State) -> State:
        last = None
        for alt in t.args["alts"]:
            try:
                return self.exec(alt, st)
            except TacticError as e:
                last = e
        assert last is not None
        raise last

    def t_repeat(self, t: Tac, st: State) -> State:
        return self._repeat(t.args["body"], st, 0)

    def _repeat(self, body: Tac, st: State, depth: int) -> State:
        if not st.goals or depth > 64:
            return st
        try:
            r = self.exec(body, replace(st, goals=st.goals[:1]))
        except TacticError:
            return st
        if r.goals == st.goals[:1]:
            return st  # no progress: Lean would loop until its recursion limit
        out: list[Goal] = []
        cur = r
        for g in r.goals:
            cur = self._repeat(body, replace(cur, goals=(g,)), depth + 1)
            out.extend(cur.goals)
        return replace(cur, goals=tuple(out) + st.goals[1:])

    def t_iterate(self, t: Tac, st: State) -> State:
        n = t.args.get("count")
        if n is None:
            return self._repeat(t.args["body"], st, 0)
        for _ in range(n):
            st = self.exec(t.args["body"], st)
        return st

    def t_focus(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        r = self.exec(t.args["body"], replace(st, goals=(g,)))
        return replace(r, goals=r.goals + st.goals[1:])

    def t_on_goal(self, t: Tac, st: State) -> State:
        i = t.args["index"] - 1
        if not 0 <= i < len(st.goals):
            raise err("on_goal: goal index out of range", t)
        r = self.exec(t.args["body"], replace(st, goals=(st.goals[i],)))
        return replace(r, goals=st.goals[:i] + r.goals + st.goals[i + 1 :])

    def t_done(self, t: Tac, st: State) -> State:
        if st.goals:
            raise err(unsolved(st.goals, self.run.mathlib), t)
        return st

    def t_skip(self, t: Tac, st: State) -> State:
        return st

    def t_sorry(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        self.run.sorries.append((g, t.start, t.end))
        return on_main(st, [], sorry=True, axioms=st.axioms | {"sorryAx"})

    def t_sleep(self, t: Tac, st: State) -> State:
        end = time.monotonic() + t.args["ms"] / 1000.0
        while True:
            now = time.monotonic()
            if self.run.deadline is not None and now > self.run.deadline:
                raise ReplTimeout("MiniLean request exceeded its timeout")
            if now >= end:
                return st
            stop = end if self.run.deadline is None else min(end, self.run.deadline + 0.001)
            time.sleep(max(0.0, min(0.01, stop - now)))

    # -- introduction ------------------------------------------------------------------------
    def t_intro(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        pats = t.args["pats"]
        goals = [g]
        if not pats:
            if t.name == "intro":
                goals = [self.intro1(g, None, t)]
            else:
                while True:
                    try:
                        goals = [self.intro1(goals[0], None, t)]
                    except TacticError:
                        break
            return on_main(st, goals)
        for pat in pats:
            new: list[Goal] = []
            for gg in goals:
                if pat[0] == "name" or pat[0] == "_":
                    new.append(self.intro1(gg, pat[1] if pat[0] == "name" else None, t))
                else:
                    ig = self.intro1(gg, None, t)
                    h = ig.hyps[-1]
                    new.extend(logic.rcases(ig, h, pat, t, ""))
            goals = new
        return on_main(st, goals)

    def intro1(self, g: Goal, name: str | None, node: Tac) -> Goal:
        tgt = g.target
        if isinstance(tgt, Binder) and tgt.kind == "∀":
            hid = fresh_id()
            hname = name if name is not None else tgt.name
            h = Hyp(hid, hname, tgt.dom, tgt.dom == PROP, name is None)
            return Goal(g.hyps + (h,), instantiate(tgt.body, FVar(hid)), g.tag)
        u = unfold(tgt)
        if isinstance(u, Bin) and u.op == "→":
            h = Hyp(fresh_id(), name if name is not None else "a", u.a, True, name is None)
            return Goal(g.hyps + (h,), u.b, g.tag)
        raise err("tactic 'introN' failed, insufficient number of binders", node)

    # -- closing -------------------------------------------------------------------------------
    def t_exact(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        pe = ProofElab(self, g)
        try:
            pe.check(t.args["term"], g.target)
        except ElabError as e:
            if e.msg.startswith("Unknown identifier") and not self.run.recover:
                # Lean elaborates `exact`'s term with error recovery: the error is logged and the
                # goal is closed by `sorryAx` (see the `invalid_tactic` transcript).
                self.run.messages.append(("error", None, None, e.msg))
                return on_main(st, [], sorry=True, axioms=st.axioms | {"sorryAx"})
            raise self.elab_error(e, t) from None
        return on_main(st, pe.new_goals, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)

    def elab_error(self, e: ElabError, t: Tac) -> TacticError:
        s = e.syn
        return TacticError(e.msg, s.start, s.end) if s is not None else err(e.msg, t)

    def t_refine(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        pe = ProofElab(self, g, allow_holes=True)
        try:
            pe.check(t.args["term"], g.target)
        except ElabError as e:
            raise self.elab_error(e, t) from None
        return on_main(st, pe.new_goals, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)

    def t_apply(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        pe = ProofElab(self, g)
        term = t.args["term"]
        try:
            ctor = logic.apply_constructor(term, g)
            if ctor is not None:
                return on_main(st, ctor)
            prop = pe.infer(term)
        except ElabError as e:
            raise self.elab_error(e, t) from None
        new = logic.apply_prop(prop, g, Elab(g))
        if new is None:
            names = g.display_names()
            from leangym.minilean.expr import Printer

            pr = Printer(names, self.run.mathlib)
            raise err(
                f"could not unify the conclusion of `{pr.pp(prop)}`\n  {pr.pp(prop)}\n"
                f"with the goal\n  {pr.pp(g.target)}\n\n{g.pretty(self.run.mathlib)}",
                t,
            )
        return on_main(st, new, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)

    def t_constructor(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        new = logic.constructor(g)
        if new is None:
            raise err(f"tactic 'constructor' failed, target is not an inductive datatype\n{g.pretty(self.run.mathlib)}", t)
        return on_main(st, new)

    def t_left_right(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        tgt = g.target
        if not (isinstance(tgt, Bin) and tgt.op == "∨"):
            raise err(f"tactic '{t.name}' failed, target is not an inductive datatype with two constructors\n"
                      f"{g.pretty(self.run.mathlib)}", t)
        part = tgt.a if t.name == "left" else tgt.b
        return on_main(st, [Goal(g.hyps, part, "h")])

    def t_exfalso(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        return on_main(st, [Goal(g.hyps, FALSE, g.tag)])

    def t_exact_search(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        for h in reversed(g.hyps):
            if h.is_prop and defeq(h.type, g.target):
                self.run.messages.append(("info", t.start, t.end, f"Try this:\n  [apply] exact {h.name}"))
                return on_main(st, [])
        raise err("`exact?` could not close the goal. Try `apply?` to see partial suggestions.", t)

    def t_assumption(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        for h in reversed(g.hyps):
            if h.is_prop and defeq(h.type, g.target):
                return on_main(st, [])
        raise err(f"Tactic `assumption` failed\n\n{g.pretty(self.run.mathlib)}", t)

    def t_contradiction(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        if logic.contradiction(g):
            return on_main(st, [])
        raise err(f"tactic 'contradiction' failed\n{g.pretty(self.run.mathlib)}", t)

    def t_trivial(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        if g.target == TRUE or logic.rfl_ok(g.target) or any(
            h.is_prop and defeq(h.type, g.target) for h in g.hyps
        ) or logic.decide_closed(g.target) is True:
            return on_main(st, [])
        tgt = g.target
        if isinstance(tgt, Bin) and tgt.op == "∧":
            try:
                a = self.t_trivial(t, replace(st, goals=(Goal(g.hyps, tgt.a, g.tag),)))
                self.t_trivial(t, replace(a, goals=(Goal(g.hyps, tgt.b, g.tag),)))
                return on_main(st, [])
            except TacticError:
                pass
        raise err("tactic 'trivial' failed", t)

    def t_rfl(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        if logic.rfl_ok(g.target):
            return on_main(st, [])
        names = g.display_names()
        from leangym.minilean.expr import Printer

        pr = Printer(names, self.run.mathlib)
        tgt = g.target
        if isinstance(tgt, Bin) and tgt.op == "=":
            raise err(
                f"The rfl tactic failed. Possible reasons:\n- The goal is not a reflexive relation "
                f"(neither `=` nor a relation with a @[refl] lemma).\n- The arguments of the relation are "
                f"not equal.\nTry using the reflexivity lemma for your relation explicitly, e.g. "
                f"`exact Eq.refl _` or\n`exact HEq.rfl` etc.\n{g.pretty(self.run.mathlib)}",
                t,
            )
        raise err(f"The rfl tactic failed. Possible reasons:\n- The goal is not a reflexive relation "
                  f"(neither `=` nor a relation with a @[refl] lemma).\n{pr.pp(tgt)}", t)

    def t_symm(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        tgt = g.target
        if isinstance(tgt, Bin) and tgt.op in ("=", "≠", "↔"):
            return on_main(st, [Goal(g.hyps, Bin(tgt.op, tgt.b, tgt.a, tgt.ty), g.tag)])
        raise err("symm: the goal is not a symmetric relation", t)

    # -- hypotheses ----------------------------------------------------------------------------
    def t_have(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        a = t.args
        name = a.get("name") or "this"
        el = Elab(g)
        try:
            prop = el.prop(a["type"]) if a.get("type") is not None else None
        except ElabError as e:
            raise self.elab_error(e, t) from None
        if "value" not in a:
            if t.name == "suffices":
                return on_main(st, [Goal(g.hyps + (Hyp(fresh_id(), name, prop, True),), g.target, g.tag),
                                    Goal(g.hyps, prop, g.tag)])
            return on_main(st, [Goal(g.hyps, prop, g.tag), g.with_hyp(Hyp(fresh_id(), name, prop, True))])
        pe = ProofElab(self, g, allow_holes=True)
        try:
            if prop is None:
                prop = pe.infer(a["value"])
            else:
                pe.check(a["value"], prop)
        except ElabError as e:
            raise self.elab_error(e, t) from None
        ng = g.with_hyp(Hyp(fresh_id(), name, prop, True))
        return on_main(st, [ng] + pe.new_goals, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)

    def t_show(self, t: Tac, st: State) -> State:
        el = Elab(main_goal(st, t))
        for i, g in enumerate(st.goals):
            el = Elab(g)
            try:
                prop = el.prop(t.args["type"])
            except ElabError as e:
                if i == len(st.goals) - 1:
                    raise self.elab_error(e, t) from None
                continue
            if defeq(prop, g.target):
                ng = Goal(g.hyps, prop, g.tag)
                rest = st.goals[:i] + st.goals[i + 1 :]
                st2 = replace(st, goals=(ng,) + rest)
                if "value" in t.args:
                    pe = ProofElab(self, ng)
                    try:
                        pe.check(t.args["value"], prop)
                    except ElabError as e:
                        raise self.elab_error(e, t) from None
                    return on_main(st2, pe.new_goals, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)
                return st2
        g = st.goals[0]
        raise err(f"type mismatch\n  this\nhas type\n  ...\nbut is expected to have type\n  "
                  f"{g.pretty(self.run.mathlib)}", t)

    def t_obtain(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        a = t.args
        if "value" not in a:
            el = Elab(g)
            try:
                prop = el.prop(a["type"])
            except ElabError as e:
                raise self.elab_error(e, t) from None
            h = Hyp(fresh_id(), "h", prop, True, True)
            return on_main(st, [Goal(g.hyps, prop, g.tag)] + logic.rcases(g.with_hyp(h), h, a["pat"], t, g.tag))
        pe = ProofElab(self, g)
        try:
            if a["type"] is not None:
                prop = Elab(g).prop(a["type"])
                pe.check(a["value"], prop)
            else:
                prop = pe.infer(a["value"])
        except ElabError as e:
            raise self.elab_error(e, t) from None
        h, g2 = hyp_for_term(g, a["value"], prop)
        new = logic.rcases(g2, h, a["pat"], t, g.tag)
        return on_main(st, new, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)

    def t_rcases(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        pe = ProofElab(self, g)
        term = t.args["term"]
        try:
            prop, is_var = self.major(g, term, pe)
        except ElabError as e:
            raise self.elab_error(e, t) from None
        if is_var is not None:
            pat = t.args["pat"] or ("_",)
            return on_main(st, logic.cases_nat(g, is_var, pat, t))
        h, g2 = hyp_for_term(g, term, prop)
        pat = t.args["pat"] if t.args["pat"] is not None else ("_",)
        return on_main(st, logic.rcases(g2, h, pat, t, g.tag), sorry=st.sorry or pe.sorry)

    def major(self, g: Goal, term: Syn, pe: ProofElab) -> tuple[Expr, Hyp | None]:
        if term.kind == "ident":
            h = g.lookup(term.args[0])
            if h is not None and not h.is_prop and h.type == NAT:
                return NAT, h
        return pe.infer(term), None

    def t_cases(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        pe = ProofElab(self, g)
        term = t.args["term"]
        try:
            prop, var = self.major(g, term, pe)
        except ElabError as e:
            raise self.elab_error(e, t) from None
        if var is not None:
            goals = logic.cases_nat(g, var, None, t)
        else:
            h, g2 = hyp_for_term(g, term, prop)
            goals = logic.cases_prop(g2, h, t, g.tag)
        return self.with_alternatives(t, st, goals)

    def with_alternatives(self, t: Tac, st: State, goals: list[Goal]) -> State:
        alts = t.args.get("alts")
        names = t.args.get("names") or []
        old_ids = {h.id for h in st.goals[0].hyps}
        if alts is None:
            if names:
                # `cases' h with a b`: names go to the new fields, constructor by constructor
                rest = list(names)
                named = []
                for gg in goals:
                    k = sum(1 for h in gg.hyps if h.inaccessible and h.id not in old_ids)
                    named.append(name_fields(gg, rest[:k], old_ids))
                    rest = rest[k:]
                goals = named
            return on_main(st, goals)
        out_state = st
        by_tag = {gg.tag.split(".")[-1]: gg for gg in goals}
        done_tags = set()
        for tag, anames, body, _start in alts:
            gg = by_tag.get(tag)
            if gg is None:
                raise err(f"Invalid alternative name '{tag}': Expected {' or '.join(repr(k) for k in by_tag)}", t)
            done_tags.add(tag)
            gg = name_fields(gg, anames, old_ids)
            r = self.focus_block(body, out_state, gg, t, t.end)
            out_state = replace(out_state, sorry=r.sorry, axioms=r.axioms)
        missing = [k for k in by_tag if k not in done_tags]
        if missing:
            raise err(f"Alternative '{missing[0]}' has not been provided", t)
        return replace(out_state, goals=st.goals[1:])

    def t_induction(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        term = t.args["term"]
        if term.kind != "ident" or (h := g.lookup(term.args[0])) is None or h.is_prop or h.type != NAT:
            raise err("induction: MiniLean supports induction on a natural-number variable only", t)
        goals = logic.induction_nat(g, h)
        return self.with_alternatives(t, st, goals)

    def t_by_cases(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        try:
            p = Elab(g).prop(t.args["term"])
        except ElabError as e:
            raise self.elab_error(e, t) from None
        name = t.args["name"]
        inacc = name is None
        nm = name or "h"
        pos = Goal(g.hyps + (Hyp(fresh_id(), nm, p, True, inacc),), g.target, "pos")
        neg = Goal(g.hyps + (Hyp(fresh_id(), nm, Un("¬", p, PROP), True, inacc),), g.target, "neg")
        return on_main(st, [pos, neg], axioms=st.axioms | CLASSICAL)

    def t_by_contra(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        name = t.args.get("name")
        tgt = g.target
        neg = tgt.a if isinstance(tgt, Un) and tgt.op == "¬" else Un("¬", tgt, PROP)
        if t.name == "by_contra!":
            neg = logic.push_neg(neg, g)
        h = Hyp(fresh_id(), name or "h" if t.name == "by_contra!" else name or "x", neg, True, name is None and t.name != "by_contra!")
        return on_main(st, [Goal(g.hyps + (h,), FALSE, g.tag)], axioms=st.axioms | CLASSICAL)

    def t_push_neg(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        locs = t.args.get("locs")
        ng = logic.rewrite_locs(g, locs, lambda e: logic.push_neg(e, g), t, "push_neg made no progress")
        return on_main(st, [ng], axioms=st.axioms | CLASSICAL)

    def t_calc(self, t: Tac, st: State) -> State:
        """``calc a R₁ b := p₁ _ R₂ c := p₂ …``: each step is checked, then transitivity gives
        ``a R c`` (strict if any step is strict), which must be the goal."""
        g = main_goal(st, t)
        pe = ProofElab(self, g)
        el = Elab(g)
        try:
            start = prev = None
            if t.args["start"] is not None:
                start = prev = el.leaf(t.args["start"], None) if t.args["start"].kind != "ident" else \
                    el.arith_tree(t.args["start"], None)
            ops = []
            for rel_syn, proof in t.args["steps"]:
                if prev is None:
                    rel = el.prop(rel_syn)
                    if not (isinstance(rel, Bin) and rel.op in CALC_OPS):
                        raise ElabError("invalid 'calc' step, relation expected", rel_syn)
                    start = rel.a
                else:
                    if not (rel_syn.kind == "bin" and rel_syn.args[0] in CALC_OPS and rel_syn.args[1].kind == "hole"):
                        raise ElabError("invalid 'calc' step, it must have the form `_ R rhs`", rel_syn)
                    ty = el.type_of(prev)
                    rhs = el.arith_tree(rel_syn.args[2], ty) if ty in NUM_RANK else el.leaf(rel_syn.args[2], ty)
                    rel = Bin(rel_syn.args[0], prev, rhs, PROP)
                pe.check(proof, rel)
                ops.append(rel.op)
                prev = rel.b
        except ElabError as e:
            raise self.elab_error(e, t) from None
        up, down = set(ops) <= {"=", "<", "≤"}, set(ops) <= {"=", ">", "≥"}
        if not (up or down):
            raise err("invalid 'calc' step, failed to synthesize `Trans` instance (mixed < and >)", t)
        strict = "<" if up else ">"
        weak = "≤" if up else "≥"
        op = strict if strict in ops else weak if weak in ops else "="
        result = Bin(op, start, prev, PROP)
        if not defeq(result, g.target):
            from leangym.minilean.expr import Printer

            pr = Printer(g.display_names(), self.run.mathlib)
            raise err(f"invalid 'calc' step, the relation\n  {pr.pp(result)}\ndoes not match the goal\n  "
                      f"{pr.pp(g.target)}", t)
        return on_main(st, pe.new_goals, sorry=st.sorry or pe.sorry, axioms=st.axioms | pe.axioms)

    def t_specialize(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        term = t.args["term"]
        head = term.args[0] if term.kind == "app" else term
        if head.kind != "ident" or (h := g.lookup(head.args[0])) is None or not h.is_prop:
            raise err("'specialize' requires a term of the form `h x_1 .. x_n` where `h` appears in the local context", t)
        pe = ProofElab(self, g)
        try:
            prop = pe.infer(term)
        except ElabError as e:
            raise self.elab_error(e, t) from None
        hyps = tuple(Hyp(x.id, x.name, prop, True) if x.id == h.id else x for x in g.hyps)
        return on_main(st, [Goal(hyps, g.target, g.tag)], sorry=st.sorry or pe.sorry)

    def t_use(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        tgt = g.target
        terms = list(t.args["terms"])
        el = Elab(g)
        while terms:
            if not (isinstance(tgt, Binder) and tgt.kind == "∃"):
                if isinstance(tgt, Bin) and tgt.op == "∧" and terms:
                    break
                raise err("use: the goal is not an existential statement", t)
            w = terms.pop(0)
            try:
                val = witness(el, w, tgt.dom)
            except ElabError as e:
                raise self.elab_error(e, t) from None
            tgt = instantiate(tgt.body, val)
        goals = [Goal(g.hyps, tgt, "h")]
        # `use` finishes with `use_discharger` (rfl/trivial/assumption); try the cheap sound ones
        if logic.rfl_ok(tgt) or tgt == TRUE or any(h.is_prop and defeq(h.type, tgt) for h in g.hyps):
            goals = []
        elif logic.decide_closed(tgt) is True:
            goals = []
        return on_main(st, goals)

    def t_clear(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        hyps = g.hyps
        for n in t.args["names"]:
            h = g.lookup(n)
            if h is None:
                raise err(f"Unknown identifier `{n}`", t)
            if any(h.id in fvars(x.type) for x in hyps if x.id != h.id) or h.id in fvars(g.target):
                raise err(f"cannot clear {n}: it is used", t)
            hyps = tuple(x for x in hyps if x.id != h.id)
        return on_main(st, [Goal(hyps, g.target, g.tag)])

    def t_subst(self, t: Tac, st: State) -> State:
        g = main_goal(st, t)
        for n in t.args["names"]:
            h = g.lookup(n)
            if h is None or not h.is_prop:
                raise err(f"Unknown identifier `{n}`", t)
            ng = logic.subst_eq(g, h)
            if ng is None:
                raise err("subst: the hypothesis must be an equation with a variable on one side", t)
            g = ng
        return on_main(st, [g])


def rename_inaccessible(g: Goal, names: list[str]) -> Goal:
    """``case tag x y =>``/``next x y =>``: name the most recent inaccessible locals, oldest first."""
    if not names:
        return g
    idxs = [i for i, h in enumerate(g.hyps) if h.inaccessible]
    idxs = idxs[-len(names) :] if len(names) <= len(idxs) else idxs
    hyps = list(g.hyps)
    for i, n in zip(idxs, names[-len(idxs) :] if idxs else []):
        h = hyps[i]
        if n != "_":
            hyps[i] = Hyp(h.id, n, h.type, h.is_prop, False)
    return Goal(tuple(hyps), g.target, g.tag)


def name_fields(g: Goal, names: list[str], old_ids: set[int]) -> Goal:
    """Name a case's new inaccessible fields in order (``| succ k ih =>``, ``cases' h with a b``)."""
    if not names:
        return g
    it = iter(names)
    hyps = []
    for h in g.hyps:
        if h.inaccessible and h.id not in old_ids:
            n = next(it, None)
            if n is not None and n != "_":
                h = Hyp(h.id, n, h.type, h.is_prop, False)
        hyps.append(h)
    return Goal(tuple(hyps), g.target, g.tag)


def hyp_for_term(g: Goal, term: Syn, prop: Expr) -> tuple[Hyp, Goal]:
    """The hypothesis to destruct: the local itself, or a fresh one holding the term's proposition."""
    if term.kind == "ident":
        h = g.lookup(term.args[0])
        if h is not None and h.is_prop:
            return h, g
    h = Hyp(fresh_id(), "h", prop, True, True)
    return h, g.with_hyp(h)


def witness(el: Elab, w: Syn, dom: Expr) -> Expr:
    if dom in NUM_RANK:
        return el.arith_tree(w, dom)
    e = el.leaf(w, dom)
    if el.type_of(e) != dom:
        raise ElabError("type mismatch in witness", w)
    return e


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
        from leangym.minilean.expr import Printer

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
        for cut in range(len(parts) - 1, 0, -1):
            base = ".".join(parts[:cut])
            if self.lookup(base) is not None or base in self.interp.run.lemmas:
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
            if logic.rfl_ok(want) or (
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
        have = self.infer(s)
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
        u = unfold(logic.unfold_pred(want, self.ctx_goal(want)))
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
        from leangym.minilean.expr import Printer

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
    def infer(self, s: Syn) -> Expr:
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
            from leangym.minilean import lemmas

            if lemmas.canonical(name) in lemmas.LEMMAS:
                return lemmas.instantiate(self, lemmas.canonical(name), (), s)
            raise ElabError(f"Unknown identifier `{name}`", s)
        if k == "proj":
            return self.project(self.infer(s.args[0]), s.args[1], s)
        if k == "app":
            head, args = s.args
            if head.kind == "ident":
                name = head.args[0]
                from leangym.minilean import lemmas

                if self.lookup(name) is None and name not in self.interp.run.lemmas:
                    special = self.infer_special(name, args, s)
                    if special is not None:
                        return special
                    if lemmas.canonical(name) in lemmas.LEMMAS:
                        return lemmas.instantiate(self, lemmas.canonical(name), args, s)
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
            return logic.trans(name, p1, p2, s)
        if name == "congrArg" and len(args) == 2:
            f = self.elab().leaf(args[0], None)
            p = self.infer(args[1])
            if isinstance(p, Bin) and p.op == "=":
                fty = self.elab().type_of(f)
                if isinstance(fty, Bin) and fty.op == "→" and self.elab().type_of(p.a) == fty.a:
                    from leangym.minilean.expr import App

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
        from leangym.minilean.expr import Printer

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


DISPATCH = {
    "seq": Interpreter.t_seq,
    "paren": Interpreter.t_paren,
    "<;>": Interpreter.t_then_all,
    "·": Interpreter.t_cdot,
    "{}": Interpreter.t_brace,
    "case": Interpreter.t_case,
    "case'": Interpreter.t_case,
    "next": Interpreter.t_case,
    "all_goals": Interpreter.t_all_goals,
    "any_goals": Interpreter.t_any_goals,
    "try": Interpreter.t_try,
    "first": Interpreter.t_first,
    "repeat": Interpreter.t_repeat,
    "iterate": Interpreter.t_iterate,
    "focus": Interpreter.t_focus,
    "on_goal": Interpreter.t_on_goal,
    "done": Interpreter.t_done,
    "skip": Interpreter.t_skip,
    "sorry": Interpreter.t_sorry,
    "admit": Interpreter.t_sorry,
    "sleep": Interpreter.t_sleep,
    "intro": Interpreter.t_intro,
    "intros": Interpreter.t_intro,
    "rintro": Interpreter.t_intro,
    "exact": Interpreter.t_exact,
    "refine": Interpreter.t_refine,
    "refine'": Interpreter.t_refine,
    "apply": Interpreter.t_apply,
    "constructor": Interpreter.t_constructor,
    "left": Interpreter.t_left_right,
    "right": Interpreter.t_left_right,
    "exfalso": Interpreter.t_exfalso,
    "assumption": Interpreter.t_assumption,
    "exact?": Interpreter.t_exact_search,
    "contradiction": Interpreter.t_contradiction,
    "trivial": Interpreter.t_trivial,
    "rfl": Interpreter.t_rfl,
    "symm": Interpreter.t_symm,
    "have": Interpreter.t_have,
    "haveI": Interpreter.t_have,
    "suffices": Interpreter.t_have,
    "show": Interpreter.t_show,
    "obtain": Interpreter.t_obtain,
    "rcases": Interpreter.t_rcases,
    "cases": Interpreter.t_cases,
    "cases'": Interpreter.t_cases,
    "induction": Interpreter.t_induction,
    "induction'": Interpreter.t_induction,
    "by_cases": Interpreter.t_by_cases,
    "by_contra": Interpreter.t_by_contra,
    "by_contra!": Interpreter.t_by_contra,
    "push_neg": Interpreter.t_push_neg,
    "specialize": Interpreter.t_specialize,
    "calc": Interpreter.t_calc,
    "use": Interpreter.t_use,
    "exists": Interpreter.t_use,
    "clear": Interpreter.t_clear,
    "subst": Interpreter.t_subst,
}

__all__ = ["CLASSICAL", "Interpreter", "Run", "State", "TacticError", "Num"]
