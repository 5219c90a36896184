"""The parser for MiniLean's fragment of Lean 4 surface syntax: terms, and the tactic blocks they
contain after ``by`` (each tactic's own arguments: its group module, through the registry; argument
shapes several tactics share: :mod:`.tactics`).

The parsers produce a *surface* syntax tree (:class:`Syn` for terms, :class:`Tac` for tactics) that
remembers source offsets, so that errors can be reported at Lean's positions. Nothing here knows
about types or proofs; elaboration lives in :mod:`leangym.minilean.elab`.

Layout follows Lean's rules closely enough for real proofs: a tactic block's column is the column
of its first tactic, the next tactic of the block starts on a new line at that column (or after
``;``), and a token that starts a line at or left of the block column ends every term inside it.
Parsing is iterative where input size is unbounded (token lists, sequences); nesting depth is
bounded explicitly so that huge inputs raise :class:`ParseError`, never ``RecursionError``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from leangym.minilean import registry
from leangym.minilean.core.errors import ParseError
from leangym.minilean.syntax.lexer import COMMAND_STARTS, KEYWORDS, Tok, describe, tokenize

MAX_DEPTH = 200


@dataclass(slots=True)
class Syn:
    """A surface term. ``kind`` names the construct; ``args`` its parts; offsets span the source."""

    kind: str
    args: tuple
    start: int
    end: int


# Binary operators: token → (left binding power, right operand power).
INFIX = {
    "→": (25, 25),
    "↔": (20, 21),
    "∨": (30, 30),
    "∧": (35, 35),
    "=": (50, 51),
    "≠": (50, 51),
    "<": (50, 51),
    "≤": (50, 51),
    ">": (50, 51),
    "≥": (50, 51),
    "∣": (50, 51),
    "∈": (50, 51),
    "∉": (50, 51),
    "+": (65, 66),
    "-": (65, 66),
    "*": (70, 71),
    "/": (70, 71),
    "/.": (70, 71),  # Mathlib's `Rat.divInt` (infixl:70)
    "%": (70, 71),
    "^": (75, 75),
}
TERM_STOP = {
    ":=", ",", ")", "]", "}", "⟩", ";", "<;>", "=>", "|", ":", "←", "⊢", "·", "eof",
}
ARG_START_SYM = {"(", "⟨", "?_", "↑", "!", "π", "√", "⌊", "⌈"}


class Parser:
    """Recursive-descent/Pratt parser over a token list, with Lean's layout rule.

    ``limit`` is the current block column: a token that begins a line at a column ``<= limit``
    ends the construct being parsed.
    """

    def __init__(self, toks: list[Tok], limit: int = -1):
        self.toks = toks
        self.i = 0
        self.limit = limit
        self.depth = 0
        self.exempt = -1
        self.calc_steps = 0
        # words that end whatever is being parsed when they begin a line (a column-0 tactic block
        # has no column to end it, so it runs until one of these)
        self.command_starts = COMMAND_STARTS
        self.cdot_fun = 0  # inside `(· op e)`: `·` is the anonymous function's argument
        self.cdot_args: list[tuple[int, int]] = []  # the `·`s read so far in the innermost `(· ...)`

    # -- token helpers ----------------------------------------------------------------------
    @property
    def tok(self) -> Tok:
        return self.toks[self.i]

    def at_end(self) -> bool:
        t = self.toks[self.i]
        if t.bol and self.calc_steps and t.text == "_" and t.kind == "id" and self.i != self.exempt:
            return True  # a line starting with `_` begins the next calc step
        if t.bol and t.kind != "str" and t.text in self.command_starts and self.i != self.exempt:
            return True
        return t.kind == "eof" or (t.bol and t.col <= self.limit and self.i != self.exempt)

    def peek_is(self, text: str) -> bool:
        t = self.toks[self.i]
        return not self.at_end() and t.kind in ("sym", "id") and t.text == text

    def advance(self) -> Tok:
        t = self.toks[self.i]
        self.i += 1
        return t

    def expect(self, text: str) -> Tok:
        if not self.peek_is(text):
            self.error_expected(f"'{text}'")
        return self.advance()

    def error_expected(self, what: str) -> None:
        t = self.tok
        if self.at_end():
            raise ParseError(f"unexpected end of input; expected {what}", t.start if t.kind == "eof" else t.start)
        raise ParseError(f"unexpected {describe(t)}; expected {what}", t.start, t.end)

    def ident(self) -> Tok:
        t = self.tok
        if self.at_end() or t.kind != "id" or t.text in KEYWORDS:
            self.error_expected("identifier")
        return self.advance()

    def prev_end(self) -> int:
        return self.toks[self.i - 1].end if self.i else 0

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            t = self.tok
            raise ParseError("maximum nesting depth exceeded", t.start, t.end)

    # -- terms -------------------------------------------------------------------------------
    def term(self, min_bp: int = 0) -> Syn:
        self.enter()
        try:
            left = self.prefix()
            chain = 0
            while not self.at_end():
                t = self.tok
                if t.kind == "sym" and t.text in INFIX:
                    chain += 1
                    if chain + self.depth > MAX_DEPTH:
                        raise ParseError("maximum nesting depth exceeded", t.start, t.end)
                    lbp, rbp = INFIX[t.text]
                    if lbp < min_bp or (lbp == min_bp and t.text not in ("→", "∨", "∧", "^")):
                        break
                    self.advance()
                    right = self.term(rbp)
                    left = Syn("bin", (t.text, left, right), left.start, right.end)
                    continue
                if t.kind == "sym" and t.text == "≡" and min_bp <= 50:
                    left = self.modeq(left)
                    continue
                if t.kind == "sym" and t.text == "⁻¹":
                    break
                break
            return left
        finally:
            self.depth -= 1

    def modeq(self, left: Syn) -> Syn:
        """``a ≡ b [MOD n]`` / ``[ZMOD n]`` (Mathlib's ``notation:50``: Nat.ModEq, Int.ModEq)."""
        self.advance()
        right = self.term(51)
        self.expect("[")
        kind = self.tok
        if kind.kind != "id" or kind.text not in ("MOD", "ZMOD"):
            self.error_expected("'MOD' or 'ZMOD'")
        self.advance()
        saved = self.limit
        self.limit = -1
        try:
            n = self.term(0)
            r = self.expect("]")
        finally:
            self.limit = saved
        return Syn("modeq", (kind.text, left, right, n), left.start, r.end)

    def can_start_arg(self) -> bool:
        if self.at_end():
            return False
        t = self.tok
        if t.kind == "id":
            return t.text not in KEYWORDS or t.text == "this"
        if t.kind == "num":
            return True
        return t.kind == "sym" and (t.text in ARG_START_SYM or t.text == "{" and self._set_builder_ahead()
                                    or t.text == "[" and not self._modulus_ahead())

    def _modulus_ahead(self) -> bool:
        """``[MOD n]`` after ``a ≡ b`` closes the congruence; any other ``[`` is a list argument
        (``Nat.ofDigits 10 [1, 2]``)."""
        nxt = self.toks[self.i + 1] if self.i + 1 < len(self.toks) else None
        return nxt is not None and nxt.kind == "id" and nxt.text in ("MOD", "ZMOD", "PMOD")

    def prefix(self) -> Syn:
        if self.at_end():
            self.error_expected("term")
        t = self.tok
        if t.kind == "sym":
            if t.text == "¬":
                self.advance()
                a = self.term(40)
                return Syn("not", (a,), t.start, a.end)
            if t.text == "-":
                self.advance()
                a = self.term(75)
                return Syn("neg", (a,), t.start, a.end)
            if t.text == "↑":
                self.advance()
                a = self.atom_app(max_only=True)
                return Syn("cast", (a,), t.start, a.end)
            if t.text in ("∀", "∃", "λ"):
                return self.binder_term()
            if t.text == "|":
                self.advance()
                saved = self.limit
                a = self.term(0)
                self.limit = saved
                e = self.expect("|")
                return self.postfix(Syn("abs", (a,), t.start, e.end))
            if t.text in ("∑", "∏"):
                return self.big_operator()
        if t.kind == "id" and t.text == "fun":
            return self.binder_term()
        if t.kind == "id" and t.text == "by":
            self.advance()
            block = parse_block(self, t.start)
            return Syn("by", (block,), t.start, block.end if block.end > t.start else t.end)
        if t.kind == "id" and t.text == "show":
            self.advance()
            ty = self.term(0)
            if self.peek_is("from"):
                self.advance()
                v = self.term(0)
                return Syn("show", (ty, v), t.start, v.end)
            if self.peek_is("by"):
                bt = self.tok
                self.advance()
                block = parse_block(self, bt.start)
                return Syn("show", (ty, Syn("by", (block,), bt.start, block.end)), t.start, block.end)
            self.error_expected("'from' or 'by'")
        return self.atom_app()

    def atom_app(self, max_only: bool = False) -> Syn:
        head = self.atom()
        if max_only:
            return head
        args = []
        while self.can_start_arg():
            args.append(self.atom())
        if args:
            return Syn("app", (head, tuple(args)), head.start, args[-1].end)
        return head

    def atom(self) -> Syn:
        self.enter()
        try:
            t = self.tok
            if self.at_end():
                self.error_expected("term")
            if t.kind == "num":
                self.advance()
                return self.postfix(Syn("num", (t.text,), t.start, t.end))
            if t.kind == "id":
                if t.text in KEYWORDS and t.text != "this":
                    self.error_expected("term")
                self.advance()
                return self.postfix(Syn("ident", (t.text,), t.start, t.end))
            if t.kind == "sym":
                if t.text == "·" and self.cdot_fun:
                    self.advance()
                    self.cdot_args.append((t.start, t.end))
                    k = len(self.cdot_args)
                    return Syn("ident", ("·" if k == 1 else f"·{k}",), t.start, t.end)
                if t.text == "(" and self.toks[self.i + 1].text == "·" and self.toks[self.i + 1].kind == "sym":
                    return self.cdot_function()
                if t.text == "(":
                    self.advance()
                    saved = self.limit
                    self.limit = -1
                    try:
                        e = self.term(0)
                        if self.peek_is(","):  # a tuple `(a, b, c)`: `(a, (b, c))`
                            items = [e]
                            while self.peek_is(","):
                                self.advance()
                                items.append(self.term(0))
                            r = self.expect(")")
                            out = items[-1]
                            for x in reversed(items[:-1]):
                                out = Syn("tuple", (x, out), x.start, r.end)
                            return self.postfix(Syn("tuple", out.args, t.start, r.end))
                        if self.peek_is(":"):
                            self.advance()
                            ty = self.term(0)
                            r = self.expect(")")
                            return self.postfix(Syn("ascr", (e, ty), t.start, r.end))
                        r = self.expect(")")
                    finally:
                        self.limit = saved
                    return self.postfix(Syn("paren", (e,), t.start, r.end))
                if t.text == "[":  # a list literal `[a, b, c]`
                    self.advance()
                    saved = self.limit
                    self.limit = -1
                    items = []
                    try:
                        if not self.peek_is("]"):
                            items.append(self.term(0))
                            while self.peek_is(","):
                                self.advance()
                                items.append(self.term(0))
                        r = self.expect("]")
                    finally:
                        self.limit = saved
                    return self.postfix(Syn("list", tuple(items), t.start, r.end))
                if t.text == "{" and self._set_builder_ahead():
                    return self.postfix(self.set_builder())
                if t.text == "⟨":
                    self.advance()
                    saved = self.limit
                    self.limit = -1
                    items = []
                    try:
                        if not self.peek_is("⟩"):
                            items.append(self.term(0))
                            while self.peek_is(","):
                                self.advance()
                                items.append(self.term(0))
                        r = self.expect("⟩")
                    finally:
                        self.limit = saved
                    return self.postfix(Syn("anon", tuple(items), t.start, r.end))
                if t.text == "?_":
                    self.advance()
                    return Syn("hole", ("?_",), t.start, t.end)
                if t.text == "π":
                    self.advance()
                    return self.postfix(Syn("ident", ("π",), t.start, t.end))
                if t.text in ("⌊", "⌈"):
                    return self.postfix(self.floor_ceil())
                if t.text == "√":  # an argument of maximal precedence, as Lean prints `f √2`
                    self.advance()
                    a = self.atom()
                    return Syn("sqrt", (a,), t.start, a.end)
                if t.text == "↑":
                    self.advance()
                    a = self.atom()
                    return Syn("cast", (a,), t.start, a.end)
                if t.kind == "sym" and t.text == "|":
                    return self.prefix()
            if t.kind == "id" and t.text == "_":
                self.advance()
                return Syn("hole", ("_",), t.start, t.end)
            self.error_expected("term")
            raise AssertionError  # unreachable: error_expected raises
        finally:
            self.depth -= 1

    def floor_ceil(self) -> Syn:
        """``⌊x⌋`` (Int.floor), ``⌈x⌉`` (Int.ceil), ``⌊x⌋₊``/``⌈x⌉₊`` (Nat.floor/Nat.ceil)."""
        t = self.advance()
        close = "⌋" if t.text == "⌊" else "⌉"
        saved = self.limit
        self.limit = -1
        try:
            a = self.term(0)
            r = self.expect(close)
        finally:
            self.limit = saved
        kind = "floor" if close == "⌋" else "ceil"
        if not self.at_end() and self.tok.text == "₊" and self.tok.start == r.end:
            r = self.advance()
            kind = "n" + kind
        return Syn(kind, (a,), t.start, r.end)

    def big_operator(self) -> Syn:
        """``∑ x ∈ s, f x`` / ``∑ x in s, f x`` (the older spelling), ``∏`` likewise; Mathlib's
        big operators take their body at precedence 67."""
        t = self.advance()
        paren = self.peek_is("(")
        if paren:
            self.advance()
        name = self.ident()
        ty = None
        if self.peek_is(":"):
            self.advance()
            ty = self.term(51)
        if paren:
            self.expect(")")
        if not (self.peek_is("∈") or self.peek_is("in")):
            self.error_expected("'∈'")
        self.advance()
        s = self.term(0)
        self.expect(",")
        body = self.term(67)
        return Syn("bigop", (t.text, name.text, ty, s, body), t.start, body.end)

    def cdot_function(self) -> Syn:
        """``(· % 7)``: Lean's anonymous function ``fun x => x % 7``. Each ``·`` is an argument of its own, as
        in Lean: ``(· * ·)`` is ``fun x y => x * y`` (a two-argument function), never ``fun x => x * x``."""
        t = self.advance()
        saved, saved_args = self.limit, self.cdot_args
        self.limit = -1
        self.cdot_fun += 1
        self.cdot_args = []
        try:
            body = self.term(0)
            r = self.expect(")")
            args = self.cdot_args
        finally:
            self.limit, self.cdot_args = saved, saved_args
            self.cdot_fun -= 1
        dots = tuple(("·" if k == 0 else f"·{k + 1}", a, b) for k, (a, b) in enumerate(args or [(t.end, t.end + 1)]))
        return Syn("binder", ("fun", ((dots, None),), None, body), t.start, r.end)

    def postfix(self, e: Syn) -> Syn:
        while not self.at_end():
            t = self.tok
            if t.kind == "sym" and t.text == "⁻¹":
                self.advance()
                e = Syn("inv", (e,), e.start, t.end)
                continue
            if t.kind == "sym" and t.text == "!" and self._factorial_bang():
                self.advance()
                e = Syn("fact", (e,), e.start, t.end)
                continue
            if t.kind == "sym" and t.text == "." and t.start == e.end:
                nt = self.toks[self.i + 1]
                if nt.start == t.end and nt.kind in ("id", "num"):
                    self.i += 2
                    for part in nt.text.split("."):
                        e = Syn("proj", (e, part), e.start, nt.end)
                    continue
            break
        if e.kind == "ident" and e.args[0] == "_":
            return Syn("hole", ("_",), e.start, e.end)
        return e

    def _set_builder_ahead(self) -> bool:
        """``{x | P}`` / ``{x : T | P}`` (not a structure instance or a set literal)."""
        nt = self.toks[self.i + 1]
        return nt.kind == "id" and nt.text not in KEYWORDS and self.toks[self.i + 2].text in ("|", ":")

    def set_builder(self) -> Syn:
        t = self.advance()
        saved = self.limit
        self.limit = -1
        try:
            name = self.ident()
            ty = None
            if self.peek_is(":"):
                self.advance()
                ty = self.term(0)
            self.expect("|")
            body = self.term(0)
            r = self.expect("}")
        finally:
            self.limit = saved
        return Syn("setOf", (name.text, ty, body), t.start, r.end)

    def _factorial_bang(self) -> bool:
        """Whether the `!` at the cursor is Mathlib's postfix factorial (``n !``, ``(n + 1)!``)
        rather than the start of an argument ``!b``: nothing that starts a term follows it."""
        nt = self.toks[self.i + 1]
        return not (nt.kind in ("id", "num") and nt.text not in KEYWORDS or nt.text in ("(", "⟨", "↑", "!"))

    def binder_names(self) -> list[tuple[str, int, int]]:
        names = []
        while not self.at_end() and (self.tok.kind == "id" and self.tok.text not in KEYWORDS or self.tok.text == "_"):
            t = self.advance()
            names.append((t.text, t.start, t.end))
        return names

    def binder_term(self) -> Syn:
        t = self.advance()
        kind = {"∀": "∀", "∃": "∃", "λ": "fun", "fun": "fun"}[t.text]
        groups: list[tuple[list, Syn | None]] = []
        pred = None
        if self.peek_is("(") or self.peek_is("{"):
            while self.peek_is("(") or self.peek_is("{"):
                close = ")" if self.advance().text == "(" else "}"
                names = self.binder_names()
                if not names:
                    self.error_expected("identifier")
                ty = None
                if self.peek_is(":"):
                    self.advance()
                    ty = self.term(0)
                self.expect(close)
                groups.append((names, ty))
        else:
            names = self.binder_names()
            if not names:
                self.error_expected("identifier")
            ty = None
            if self.peek_is(":"):
                self.advance()
                ty = self.term(0)
            elif kind != "fun" and not self.at_end() and self.tok.text in (">", "<", "≥", "≤", "≠", "∈", "∉"):
                op = self.advance().text
                bound = self.term(51)
                pred = (op, bound)
            groups.append((names, ty))
        sep = "=>" if kind == "fun" else ","
        if kind == "fun" and self.peek_is("↦"):
            sep = "↦"
        self.expect(sep)
        body = self.term(0)
        return Syn("binder", (kind, tuple((tuple(n), ty) for n, ty in groups), pred, body), t.start, body.end)


def parse_tactic_text(text: str) -> Tac:
    """Parse a standalone tactic string (the REPL's ``tactic`` field) into a ``seq``."""
    toks = tokenize(text)
    p = Parser(toks, -1)
    if toks[0].kind == "eof":
        raise ParseError("unexpected end of input; expected tactic", 0)
    block = parse_seq(p)
    if p.tok.kind != "eof":
        t = p.tok
        raise ParseError(f"unexpected token '{t.text}'; expected command", t.start, t.end)
    return block


def parse_term_text(text: str) -> Syn:
    toks = tokenize(text)
    p = Parser(toks, -1)
    e = p.term(0)
    if p.tok.kind != "eof":
        t = p.tok
        raise ParseError(f"unexpected token '{t.text}'; expected term", t.start, t.end)
    return e


# -- tactic blocks (a term can hold one after `by`; tactics hold terms) -----------------------
@dataclass(slots=True)
class Tac:
    """A surface tactic: ``name`` plus named parts; offsets span the source."""

    name: str
    start: int
    end: int
    args: dict = field(default_factory=dict)


# -- layout ---------------------------------------------------------------------------------
def parse_block(p: Parser, by_start: int) -> Tac:
    """Parse the tactic sequence after ``by``; an empty block yields a ``seq`` with no items."""
    if p.at_end() or p.tok.kind == "sym" and p.tok.text in (")", "⟩", "]", ","):
        return Tac("seq", by_start, p.prev_end(), {"items": []})
    return parse_seq(p)


def parse_seq(p: Parser) -> Tac:
    """A tactic sequence whose column is that of its first token."""
    p.enter()
    try:
        col = p.tok.col
        saved = p.limit
        items: list[Tac] = []
        while True:
            items.append(parse_tactic_chain(p, col))
            p.limit = col
            if p.peek_is(";"):
                p.advance()
                p.limit = saved
                continue
            p.limit = saved
            t = p.tok
            if t.kind != "eof" and t.bol and t.col == col and col > saved and not p.at_end():
                continue
            break
        return Tac("seq", items[0].start, items[-1].end, {"items": items})
    finally:
        p.depth -= 1


def parse_tactic_chain(p: Parser, col: int) -> Tac:
    """``t1 <;> t2 <;> ...``; a line starting at or left of ``col`` ends it."""
    saved = p.limit
    p.limit = col
    p.exempt = p.i
    t = parse_tactic(p, col)
    # `<;>` continues the tactic before it even when it begins a line, at any column (provers write
    # `nlinarith [...]` and then `<;> linarith` on the next line; Lean reads one tactic)
    while p.peek_is("<;>") or (p.tok.kind == "sym" and p.tok.text == "<;>" and p.tok.bol):
        p.advance()
        nt = p.tok
        if nt.bol and nt.col == col and nt.kind in ("id", "sym") and nt.text not in p.command_starts:
            p.exempt = p.i  # `t <;>` at a line's end: the tactic after it may start the next line at the block's column
        r = parse_tactic(p, col)
        t = Tac("<;>", t.start, r.end, {"first": t, "then": r})
    p.limit = saved
    return t


def sub_block(p: Parser) -> Tac:
    """A nested tactic sequence (after ``=>``, ``·``, ``try``...)."""
    if p.at_end():
        p.error_expected("tactic")
    return parse_seq(p)


def parse_tactic(p: Parser, col: int) -> Tac:
    p.enter()
    try:
        return _parse_tactic(p, col)
    finally:
        p.depth -= 1


def _parse_tactic(p: Parser, col: int) -> Tac:
    if p.at_end():
        p.error_expected("tactic")
    t = p.tok
    start = t.start
    if t.kind == "sym" and t.text == "·":
        p.advance()
        body = sub_block(p)
        return Tac("·", start, body.end, {"body": body})
    if t.kind == "sym" and t.text == "(":
        p.advance()
        saved = p.limit
        p.limit = -1
        body = sub_block(p)
        p.limit = saved
        r = p.expect(")")
        return Tac("paren", start, r.end, {"body": body})
    if t.kind == "sym" and t.text == "{":
        p.advance()
        saved = p.limit
        p.limit = -1
        body = sub_block(p) if not p.peek_is("}") else Tac("seq", start, start, {"items": []})
        p.limit = saved
        r = p.expect("}")
        # Lean reports a bracketed block's unsolved goals at its closing brace
        return Tac("{}", start, r.end, {"body": body, "close": (r.start, r.end)})
    entry = registry.lookup(t.text) if t.kind == "id" else None
    if entry is None or entry.parse is None:
        raise ParseError("unknown tactic", t.start, t.end)
    name = t.text
    p.advance()
    a = entry.parse(p, name, col)
    end = p.prev_end()
    return Tac(name, start, end, a)
