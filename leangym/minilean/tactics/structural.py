"""Structural tactics: sequencing, focusing, the combinators and ``sorry``.

``seq``, ``paren``, ``<;>``, ``·`` and ``{}`` are built by the layout parser
(:mod:`leangym.minilean.syntax.tactics`); the others read their arguments here.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from leangym.errors import ReplTimeout
from leangym.minilean.core.context import Goal, Hyp
from leangym.minilean.core.errors import TacticError
from leangym.minilean.core.state import State, err, main_goal, on_main, unsolved
from leangym.minilean.registry import tactic
from leangym.minilean.syntax.tactics import names_then_arrow, no_args
from leangym.minilean.syntax.terms import Parser, Tac, sub_block

if TYPE_CHECKING:
    from leangym.minilean.interpreter import Interpreter

GROUP = "structural"


# -- argument parsers -------------------------------------------------------------------------
def parse_body(p: Parser, name: str, col: int) -> dict:
    return {"body": sub_block(p)}


def parse_iterate(p: Parser, name: str, col: int) -> dict:
    a: dict = {}
    n = p.tok
    if n.kind == "num":
        p.advance()
        a["count"] = int(n.text)
    a["body"] = sub_block(p)
    return a


def parse_first(p: Parser, name: str, col: int) -> dict:
    saved = p.limit
    p.limit = col - 1
    alts = []
    while p.peek_is("|"):
        bar = p.advance()
        p.limit = bar.col
        alts.append(sub_block(p))
        p.limit = col - 1
    p.limit = saved
    if not alts:
        p.error_expected("'|'")
    return {"alts": alts}


def parse_case(p: Parser, name: str, col: int) -> dict:
    tags = []
    if name != "next":
        tags.append(p.ident().text)
    names = names_then_arrow(p)
    return {"tag": tags[0] if tags else None, "names": names, "body": sub_block(p)}


def parse_on_goal(p: Parser, name: str, col: int) -> dict:
    a: dict = {}
    n = p.tok
    if n.kind != "num":
        p.error_expected("numeral")
    p.advance()
    a["index"] = int(n.text)
    p.expect("=>")
    a["body"] = sub_block(p)
    return a


def parse_sleep(p: Parser, name: str, col: int) -> dict:
    n = p.tok
    if p.at_end() or n.kind != "num":
        p.error_expected("numeral")
    p.advance()
    return {"ms": int(n.text.split(".")[0])}


# -- executors ----------------------------------------------------------------------------------


@tactic("seq", group=GROUP, parse=None)
def t_seq(interp: Interpreter, t: Tac, st: State) -> State:
    for item in t.args["items"]:
        st = interp.exec(item, st)
    return st


@tactic("paren", group=GROUP, parse=None)
def t_paren(interp: Interpreter, t: Tac, st: State) -> State:
    return interp.exec(t.args["body"], st)


@tactic("<;>", group=GROUP, parse=None)
def t_then_all(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    sub = interp.exec(t.args["first"], replace(st, goals=(g,)))
    out: list[Goal] = []
    cur = sub
    for goal in sub.goals:
        r = interp.exec(t.args["then"], replace(cur, goals=(goal,)))
        out.extend(r.goals)
        cur = r
    return replace(cur, goals=tuple(out) + st.goals[1:])


@tactic("·", group=GROUP, parse=None)
def t_cdot(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    r = interp.focus_block(t.args["body"], st, g, t, t.end)
    return replace(r, goals=st.goals[1:])


@tactic("{}", group=GROUP, parse=None)
def t_brace(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    start, end = t.args["close"]
    node = Tac("{}", start, end)
    r = interp.focus_block(t.args["body"], st, g, node, end)
    return replace(r, goals=st.goals[1:])


@tactic("case", "case'", "next", group=GROUP, parse=parse_case)
def t_case(interp: Interpreter, t: Tac, st: State) -> State:
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
    r = interp.focus_block(t.args["body"], st, g, t, t.end)
    return replace(r, goals=st.goals[:idx] + st.goals[idx + 1 :])


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


@tactic("all_goals", group=GROUP, parse=parse_body)
def t_all_goals(interp: Interpreter, t: Tac, st: State) -> State:
    out: list[Goal] = []
    cur = st
    for g in st.goals:
        r = interp.exec(t.args["body"], replace(cur, goals=(g,)))
        out.extend(r.goals)
        cur = r
    return replace(cur, goals=tuple(out))


@tactic("any_goals", group=GROUP, parse=parse_body)
def t_any_goals(interp: Interpreter, t: Tac, st: State) -> State:
    out: list[Goal] = []
    cur = st
    ok = False
    last: TacticError | None = None
    for g in st.goals:
        try:
            r = interp.exec(t.args["body"], replace(cur, goals=(g,)))
            out.extend(r.goals)
            cur = r
            ok = True
        except TacticError as e:
            out.append(g)
            last = e
    if not ok:
        raise last if last is not None else err("No goals to be solved", t)
    return replace(cur, goals=tuple(out))


@tactic("try", group=GROUP, parse=parse_body)
def t_try(interp: Interpreter, t: Tac, st: State) -> State:
    try:
        return interp.exec(t.args["body"], st)
    except TacticError:
        return st


@tactic("first", group=GROUP, parse=parse_first)
def t_first(interp: Interpreter, t: Tac, st: State) -> State:
    last = None
    for alt in t.args["alts"]:
        try:
            return interp.exec(alt, st)
        except TacticError as e:
            last = e
    assert last is not None
    raise last


@tactic("repeat", group=GROUP, parse=parse_body)
def t_repeat(interp: Interpreter, t: Tac, st: State) -> State:
    return _repeat(interp, t.args["body"], st, 0)


def _repeat(interp: Interpreter, body: Tac, st: State, depth: int) -> State:
    if not st.goals or depth > 64:
        return st
    try:
        r = interp.exec(body, replace(st, goals=st.goals[:1]))
    except TacticError:
        return st
    if r.goals == st.goals[:1]:
        return st  # no progress: Lean would loop until its recursion limit
    out: list[Goal] = []
    cur = r
    for g in r.goals:
        cur = _repeat(interp, body, replace(cur, goals=(g,)), depth + 1)
        out.extend(cur.goals)
    return replace(cur, goals=tuple(out) + st.goals[1:])


@tactic("iterate", group=GROUP, parse=parse_iterate)
def t_iterate(interp: Interpreter, t: Tac, st: State) -> State:
    n = t.args.get("count")
    if n is None:
        return _repeat(interp, t.args["body"], st, 0)
    for _ in range(n):
        st = interp.exec(t.args["body"], st)
    return st


@tactic("focus", group=GROUP, parse=parse_body)
def t_focus(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    r = interp.exec(t.args["body"], replace(st, goals=(g,)))
    return replace(r, goals=r.goals + st.goals[1:])


@tactic("on_goal", group=GROUP, parse=parse_on_goal)
def t_on_goal(interp: Interpreter, t: Tac, st: State) -> State:
    i = t.args["index"] - 1
    if not 0 <= i < len(st.goals):
        raise err("on_goal: goal index out of range", t)
    r = interp.exec(t.args["body"], replace(st, goals=(st.goals[i],)))
    return replace(r, goals=st.goals[:i] + r.goals + st.goals[i + 1 :])


@tactic("done", group=GROUP, parse=no_args)
def t_done(interp: Interpreter, t: Tac, st: State) -> State:
    if st.goals:
        raise err(unsolved(st.goals, interp.run.mathlib), t)
    return st


@tactic("skip", group=GROUP, parse=no_args)
def t_skip(interp: Interpreter, t: Tac, st: State) -> State:
    return st


@tactic("sorry", "admit", group=GROUP, parse=no_args)
def t_sorry(interp: Interpreter, t: Tac, st: State) -> State:
    g = main_goal(st, t)
    interp.run.sorries.append((g, t.start, t.end))
    return on_main(st, [], sorry=True, axioms=st.axioms | {"sorryAx"})


@tactic("sleep", group=GROUP, parse=parse_sleep)
def t_sleep(interp: Interpreter, t: Tac, st: State) -> State:
    end = time.monotonic() + t.args["ms"] / 1000.0
    while True:
        now = time.monotonic()
        if interp.run.deadline is not None and now > interp.run.deadline:
            raise ReplTimeout("MiniLean request exceeded its timeout")
        if now >= end:
            return st
        stop = end if interp.run.deadline is None else min(end, interp.run.deadline + 0.001)
        time.sleep(max(0.0, min(0.01, stop - now)))
