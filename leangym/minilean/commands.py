"""Whole-command elaboration: headers, ``theorem``/``lemma``/``example`` declarations and
``#print axioms``, producing the REPL's ``messages`` and ``sorries`` with Lean's positions."""

from __future__ import annotations

from dataclasses import dataclass, field

from leangym.minilean.core.context import Goal, Hyp, fresh_id
from leangym.minilean.core.errors import ElabError, ParseError, TacticError
from leangym.minilean.core.state import Run, State, unsolved
from leangym.minilean.core.terms import PROP, TYPE, Bin, Binder, Expr, abstract
from leangym.minilean.elab import Elab
from leangym.minilean.interpreter import Interpreter
from leangym.minilean.proofterms import ProofElab
from leangym.minilean.syntax.lexer import KEYWORDS, Source, describe, tokenize
from leangym.minilean.syntax.tactics import parse_block
from leangym.minilean.syntax.terms import Parser, Syn

AXIOM_ORDER = ("propext", "sorryAx", "Classical.choice", "Quot.sound")
DECL_KEYWORDS = ("theorem", "lemma", "example", "def")


class Decl:
    """A checked declaration: its statement (as a goal), the axioms its proof uses, whether it used
    ``sorry``. The closed statement ``∀ binders, target`` is built only when a later proof uses it."""

    __slots__ = ("goal", "axioms", "sorry", "_statement")

    def __init__(self, goal: Goal, axioms: frozenset, sorry: bool):
        self.goal = goal
        self.axioms = axioms
        self.sorry = sorry
        self._statement: Expr | None = None

    @property
    def statement(self) -> Expr:
        if self._statement is None:
            self._statement = closed_statement(self.goal, self.goal.hyps)
        return self._statement


@dataclass(frozen=True)
class Env:
    mathlib: bool = False
    decls: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Statement:
    """A parsed and elaborated theorem statement (cached by source text)."""

    goal: Goal
    binder_hyps: tuple[Hyp, ...]


@dataclass
class CmdResult:
    env: Env
    messages: list  # (severity, (line, col), (line, col), text)
    sorries: list  # (Goal, (line, col), (line, col))


def axiom_message(name: str, axioms: frozenset) -> str:
    if not axioms:
        return f"'{name}' does not depend on any axioms"
    ordered = [a for a in AXIOM_ORDER if a in axioms]
    return f"'{name}' depends on axioms: [{', '.join(ordered)}]"


def closed_statement(goal: Goal, hyps: tuple[Hyp, ...]) -> Expr:
    """``∀ binders, target`` — the statement as a lemma usable by later declarations."""
    out = goal.target
    for h in reversed(hyps):
        if h.is_prop:
            out = Bin("→", h.type, out, PROP)
        elif h.type != TYPE:
            out = Binder("∀", h.name, h.type, abstract(out, h.id))
        else:
            raise ElabError("statements over type variables cannot be reused as lemmas")
    return out


def parse_binders(p: Parser) -> list[tuple[list, Syn]]:
    """Parse ``(x y : T)``/``{x : T}`` binder groups: [(name tokens, type syntax)]."""
    groups = []
    while p.peek_is("(") or p.peek_is("{") or p.peek_is("[") or p.peek_is("⦃"):
        open_tok = p.advance()
        close = {"(": ")", "{": "}", "[": "]", "⦃": "⦄"}[open_tok.text]
        if close == "]":
            raise ParseError("unsupported: instance binders `[...]` are outside MiniLean's fragment",
                             open_tok.start, open_tok.end)
        names = []
        while not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
            names.append(p.advance())
        if not names:
            p.error_expected("identifier")
        if not p.peek_is(":"):
            p.error_expected("':'")
        p.advance()
        ty_syn = p.term(0)
        p.expect(close)
        groups.append((names, ty_syn))
    return groups


def elab_binders(groups: list[tuple[list, Syn]], goal: Goal) -> Goal:
    """Extend the goal's context with the binder groups, elaborating each type in order."""
    for names, ty_syn in groups:
        el = Elab(goal)
        if el.is_type_syntax(ty_syn):
            ty = el.elab_type(ty_syn)
            for n in names:
                goal = goal.with_hyp(Hyp(fresh_id(), n.text, ty, ty == PROP))
        else:
            prop = el.prop(ty_syn)
            for n in names:
                goal = goal.with_hyp(Hyp(fresh_id(), n.text, prop, True))
    return goal


STATEMENT_CACHE_SIZE = 4096
_statement_cache: dict[tuple[str, bool, bool], Goal] = {}


def elab_statement(src: str, groups: list, ty_syn: Syn, mathlib: bool, is_def: bool) -> Goal:
    """The initial goal of a declaration, cached by its source text: an RL loop restarts the same
    theorem thousands of times. Sharing a Goal between states is safe (goals are immutable and local
    ids are unique per process)."""
    key = (src, mathlib, is_def)
    hit = _statement_cache.get(key)
    if hit is not None:
        return hit
    goal = elab_binders(groups, Goal((), PROP))
    el = Elab(goal)
    # `def f : ℕ := ...` states data, not a proposition: its goal is the type itself
    target = el.elab_type(ty_syn) if is_def and el.is_type_syntax(ty_syn) else el.prop(ty_syn)
    goal = Goal(goal.hyps, target)
    if len(_statement_cache) >= STATEMENT_CACHE_SIZE:
        _statement_cache.clear()
    _statement_cache[key] = goal
    return goal


class CommandRunner:
    """Runs one ``cmd`` request's source against an environment."""

    def __init__(self, src: str, env: Env, deadline: float | None):
        self.src = src
        self.source = Source(src)
        self.env = env
        self.deadline = deadline
        self.messages: list = []
        self.sorries: list = []

    def pos(self, off: int) -> tuple[int, int]:
        return self.source.pos(off)

    def msg(self, sev: str, start: int, end: int, text: str) -> None:
        self.messages.append((sev, self.pos(start), self.pos(end), text))

    def run(self) -> CmdResult:
        try:
            toks = tokenize(self.src)
        except ParseError as e:
            self.msg("error", e.start, e.end, e.msg)
            return CmdResult(self.env, self.messages, self.sorries)
        p = Parser(toks, 0)
        env = self.env
        seen_command = False
        while toks[p.i].kind != "eof":
            t = toks[p.i]
            p.limit = -1
            p.exempt = -1
            try:
                if t.text == "import" and t.kind == "id":
                    if seen_command:
                        raise ParseError("invalid 'import' command, it must be used in the beginning of the file",
                                         t.start, t.end)
                    p.advance()
                    mod = p.ident().text
                    # Mathlib's ℕ/ℤ/ℚ/ℝ notation comes with Mathlib proper, not its tactic-only modules
                    if mod == "Mathlib" or (mod.startswith("Mathlib.") and not mod.startswith("Mathlib.Tactic")):
                        env = Env(True, env.decls)
                    continue
                seen_command = True
                p.limit = 0
                p.exempt = p.i
                if t.text == "set_option":
                    p.advance()
                    p.ident()
                    if p.at_end():
                        p.error_expected("value")
                    p.advance()
                elif t.text == "open":
                    p.advance()
                    p.ident()
                    while not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
                        p.advance()
                elif t.text in ("namespace", "section", "end"):
                    p.advance()
                    if not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
                        p.advance()
                elif t.text in DECL_KEYWORDS:
                    env = self.declaration(p, env)
                elif t.text == "#print":
                    self.print_axioms(p, env)
                else:
                    raise ParseError(f"unexpected {describe(t)}; expected command", t.start, t.end)
            except ParseError as e:
                self.msg("error", e.start, e.end, e.msg)
                self.skip_to_command(p)
        return CmdResult(env, self.messages, self.sorries)

    def skip_to_command(self, p: Parser) -> None:
        last = len(p.toks) - 1
        p.i = min(p.i + 1, last)
        while p.i < last and not (p.toks[p.i].bol and p.toks[p.i].col == 0):
            p.i += 1

    def print_axioms(self, p: Parser, env: Env) -> None:
        t = p.advance()
        if not p.peek_is("axioms"):
            p.error_expected("'axioms'")
        p.advance()
        n = p.ident()
        decl = env.decls.get(n.text)
        if decl is None:
            self.msg("error", n.start, n.end, f"Unknown constant `{n.text}`")
            return
        self.msg("info", t.start, n.end, axiom_message(n.text, decl.axioms))

    def declaration(self, p: Parser, env: Env) -> Env:
        kw = p.advance()
        if kw.text == "example":
            name, name_start, name_end = None, kw.start, kw.end
        else:
            nt = p.ident()
            name, name_start, name_end = nt.text, nt.start, nt.end
            if name in env.decls:
                raise ParseError(f"'{name}' has already been declared", nt.start, nt.end)
        sig_start = p.tok.start
        groups = parse_binders(p)
        p.expect(":")
        ty_syn = p.term(0)
        try:
            goal = elab_statement(self.src[sig_start : ty_syn.end], groups, ty_syn, env.mathlib, kw.text == "def")
        except ElabError as e:
            s = e.syn
            start, end = (s.start, s.end) if s is not None else (kw.start, kw.end)
            self.msg("error", start, end, e.msg)
            self.skip_to_command(p)
            return env
        p.expect(":=")
        run = Run(self.deadline, True, env.mathlib, env.decls, source=self.src)
        interp = Interpreter(run)
        n_msgs = len(run.messages)
        sorry = False
        axioms: frozenset = frozenset()
        if p.peek_is("by"):
            by = p.advance()
            block = parse_block(p, by.start)
            if not block.args["items"]:
                run.error(by.start, by.end, unsolved((goal,), env.mathlib))
            else:
                try:
                    st = interp.exec(block, State((goal,)))
                    sorry, axioms = st.sorry, st.axioms
                    if st.goals:
                        run.error(by.start, block.end, unsolved(st.goals, env.mathlib))
                except TacticError as e:
                    run.error(e.start, e.end, e.msg)
        else:
            term = p.term(0)
            pe = ProofElab(interp, goal)
            try:
                pe.check(term, goal.target)
                sorry, axioms = pe.sorry, pe.axioms
            except ElabError as e:
                s: Syn | None = e.syn
                run.error(s.start if s else term.start, s.end if s else term.end, e.msg)
            except TacticError as e:
                run.error(e.start, e.end, e.msg)
        new_msgs = run.messages[n_msgs:]
        has_error = any(m[0] == "error" for m in new_msgs)
        for sev, start, end, text in new_msgs:
            if start is None:
                start, end = kw.start, kw.end
            self.msg(sev, start, end, text)
        for g, start, end in run.sorries:
            self.sorries.append((g, self.pos(start), self.pos(end)))
        if sorry and not has_error:
            self.msg("warning", name_start, name_end, "declaration uses `sorry`")
        if has_error:
            sorry = True
            axioms = axioms | {"sorryAx"}
        if name is None or kw.text == "def":
            return env
        decls = dict(env.decls)
        decls[name] = Decl(goal, axioms, sorry)
        return Env(env.mathlib, decls)


def elaborate_statement(statement: str, mathlib: bool = True) -> Goal:
    """Parse and elaborate ``theorem NAME BINDERS : GOAL`` (an optional trailing ``:= ...`` is
    ignored) into its initial goal; raises ParseError/ElabError when outside the fragment."""
    toks = tokenize(statement)
    p = Parser(toks, 0)
    kw = p.tok
    if kw.kind != "id" or kw.text not in ("theorem", "lemma", "example"):
        raise ParseError(f"unexpected {describe(kw)}; expected 'theorem'", kw.start, kw.end)
    p.advance()
    p.exempt = -1
    if kw.text != "example":
        p.ident()
    sig_start = p.tok.start
    groups = parse_binders(p)
    p.expect(":")
    ty_syn = p.term(0)
    t = p.tok
    if t.kind != "eof" and not (t.kind == "sym" and t.text == ":="):
        raise ParseError(f"unexpected {describe(t)}; expected ':='", t.start, t.end)
    return elab_statement(statement[sig_start : ty_syn.end], groups, ty_syn, mathlib, False)
