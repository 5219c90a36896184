"""Lexer and parsers for MiniLean's fragment of Lean 4 surface syntax.

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

MAX_DEPTH = 200

SYMBOLS = sorted(
    [
        "<;>", ":=", "=>", "->", "<->", "<-", "↔", "→", "←", "≠", "≤", "≥", "<=", ">=", "∣", "∧", "∨",
        "/\\", "\\/", "¬", "∀", "∃", "λ", "⟨", "⟩", "(", ")", "[", "]", "{", "}", ",", ":", ";", "·",
        ".", "+", "-", "*", "/", "%", "^", "=", "<", ">", "|", "↑", "@", "!", "⊢", "$", "<|", "|>",
        "∘", "•", "?_", "..", "⁻¹", "∑", "∏", "∈", "∉", "∪", "∩", "⊆", "×", "'", "#", "√", "π", "!=",
        "≡", "⌊", "⌋", "⌈", "⌉", "₊", "∞",
    ],
    key=len,
    reverse=True,
)
SYMBOLS_BY_FIRST: dict[str, list[str]] = {}
for _s in SYMBOLS:
    SYMBOLS_BY_FIRST.setdefault(_s[0], []).append(_s)
ASCII_ALIASES = {"->": "→", "<->": "↔", "<-": "←", "<=": "≤", ">=": "≥", "/\\": "∧", "\\/": "∨", ".": "."}
SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₔₕₖₗₘₙₚₛₜᵢᵣᵤᵥⱼ"
KEYWORDS = {
    "at", "with", "using", "from", "by", "fun", "show", "have", "then", "else", "if", "let",
    "generalizing", "in", "only", "theorem", "lemma", "example", "def", "import", "open", "set_option",
    "calc", "do", "end", "namespace", "section", "variable", "noncomputable", "abbrev", "instance",
    "structure", "inductive", "class", "where", "deriving", "axiom", "this",
}
TYPE_NAMES = {"ℕ", "ℤ", "ℚ", "ℝ", "ℂ"}
# identifiers that Lean's parser treats as tokens (its errors say "token 'sorry'", not "identifier")
TOKEN_WORDS = KEYWORDS | {"sorry", "rfl", "fun", "λ"}


class ParseError(Exception):
    """A syntax error at a source offset, with Lean's wording."""

    def __init__(self, msg: str, start: int, end: int | None = None):
        super().__init__(msg)
        self.msg = msg
        self.start = start
        self.end = start if end is None else end


@dataclass(slots=True)
class Tok:
    kind: str  # "id" | "num" | "sym" | "str" | "eof"
    text: str
    start: int
    end: int
    line: int
    col: int
    bol: bool  # first token on its line


def describe(t: Tok) -> str:
    """How Lean's parser names a token in "unexpected ..." errors."""
    return "identifier" if t.kind == "id" and t.text not in TOKEN_WORDS else f"token '{t.text}'"


def _letter_like(c: str) -> bool:
    """Lean's ``isLetterLike``: Greek (but λ Π Σ), Coptic, polytonic Greek, the letterlike block, script letters."""
    o = ord(c)
    return (
        (0x3B1 <= o <= 0x3C9 and o != 0x3BB)
        or (0x391 <= o <= 0x3A9 and o not in (0x3A0, 0x3A3))
        or 0x3CA <= o <= 0x3FB
        or 0x1F00 <= o <= 0x1FFE
        or 0x2100 <= o <= 0x214F
        or 0x1D49C <= o <= 0x1D59F
    )


def _digit(c: str) -> bool:
    """An ASCII digit: Lean reads no other script's digits as numerals (``١`` is not 1)."""
    return "0" <= c <= "9"


def _ascii_alpha(c: str) -> bool:
    return "a" <= c <= "z" or "A" <= c <= "Z"


def _ident_start(c: str) -> bool:
    return _ascii_alpha(c) or c == "_" or _letter_like(c)


def _ident_char(c: str) -> bool:
    o = ord(c)
    return (_ascii_alpha(c) or _digit(c) or c in "_'!?" or _letter_like(c)
            or 0x2080 <= o <= 0x209C or 0x1D62 <= o <= 0x1D6A or c in SUBSCRIPTS)


class Source:
    """Source text with offset → (line, column) conversion; columns count code points, as Lean's."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0]
        for i, c in enumerate(text):
            if c == "\n":
                self.line_starts.append(i + 1)

    def pos(self, off: int) -> tuple[int, int]:
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= off:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, off - self.line_starts[lo]


def tokenize(text: str) -> list[Tok]:
    """Split ``text`` into tokens; comments and whitespace are dropped."""
    toks: list[Tok] = []
    i, n = 0, len(text)
    line, line_start = 1, 0
    bol = True
    while i < n:
        c = text[i]
        if c == "\n":
            i += 1
            line += 1
            line_start = i
            bol = True
            continue
        if c in " \t\r":
            i += 1
            continue
        if text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if text.startswith("/-", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/-", j):
                    depth += 1
                    j += 2
                elif text.startswith("-/", j):
                    depth -= 1
                    j += 2
                else:
                    if text[j] == "\n":
                        line += 1
                        line_start = j + 1
                        bol = True
                    j += 1
            if depth:
                raise ParseError("unterminated comment", n)
            i = j
            continue
        col = i - line_start
        if c == "«":
            j = text.find("»", i)
            if j < 0:
                raise ParseError("unterminated identifier escape", i)
            toks.append(Tok("id", text[i + 1 : j], i, j + 1, line, col, bol))
            i = j + 1
            bol = False
            continue
        if _digit(c):
            j = i
            while j < n and _digit(text[j]):
                j += 1
            if j + 1 < n and text[j] == "." and _digit(text[j + 1]):
                j += 1
                while j < n and _digit(text[j]):
                    j += 1
            toks.append(Tok("num", text[i:j], i, j, line, col, bol))
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise ParseError("unterminated string literal", i)
            j += 1
            toks.append(Tok("str", text[i:j], i, j, line, col, bol))
        elif c in TYPE_NAMES:
            j = i + 1
            toks.append(Tok("id", c, i, j, line, col, bol))
        elif c == "#" and i + 1 < n and _ascii_alpha(text[i + 1]):
            j = i + 1
            while j < n and _ident_char(text[j]):
                j += 1
            toks.append(Tok("sym", text[i:j], i, j, line, col, bol))
        elif c == "_" and (i + 1 >= n or not _ident_char(text[i + 1])):
            j = i + 1
            toks.append(Tok("id", "_", i, j, line, col, bol))
        elif _ident_start(c):
            j = i + 1
            while True:
                while j < n and _ident_char(text[j]):
                    j += 1
                if j + 1 < n and text[j] == "." and (_ident_start(text[j + 1]) or _digit(text[j + 1])):
                    j += 1
                    if _digit(text[j]):
                        while j < n and _digit(text[j]):
                            j += 1
                    continue
                break
            toks.append(Tok("id", text[i:j], i, j, line, col, bol))
        else:
            for s in SYMBOLS_BY_FIRST.get(c, ()):
                if text.startswith(s, i):
                    j = i + len(s)
                    toks.append(Tok("sym", ASCII_ALIASES.get(s, s), i, j, line, col, bol))
                    break
            else:
                raise ParseError(f"unexpected character '{c}'", i, i + 1)
        i = j
        bol = False
    toks.append(Tok("eof", "", n, n, line, n - line_start, True))
    return toks


@dataclass(slots=True)
class Syn:
    """A surface term. ``kind`` names the construct; ``args`` its parts; offsets span the source."""

    kind: str
    args: tuple
    start: int
    end: int


@dataclass(slots=True)
class Tac:
    """A surface tactic: ``name`` plus named parts; offsets span the source."""

    name: str
    start: int
    end: int
    args: dict = field(default_factory=dict)


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
    "+": (65, 66),
    "-": (65, 66),
    "*": (70, 71),
    "/": (70, 71),
    "%": (70, 71),
    "^": (75, 75),
}
TERM_STOP = {
    ":=", ",", ")", "]", "}", "⟩", ";", "<;>", "=>", "|", ":", "←", "⊢", "·", "eof",
}
ARG_START_SYM = {"(", "⟨", "?_", "↑", "!"}


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

    # -- token helpers ----------------------------------------------------------------------
    @property
    def tok(self) -> Tok:
        return self.toks[self.i]

    def at_end(self) -> bool:
        t = self.toks[self.i]
        if t.bol and self.calc_steps and t.text == "_" and t.kind == "id" and self.i != self.exempt:
            return True  # a line starting with `_` begins the next calc step
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
                if t.kind == "sym" and t.text == "⁻¹":
                    break
                break
            return left
        finally:
            self.depth -= 1

    def can_start_arg(self) -> bool:
        if self.at_end():
            return False
        t = self.tok
        if t.kind == "id":
            return t.text not in KEYWORDS or t.text == "this"
        if t.kind == "num":
            return True
        return t.kind == "sym" and t.text in ARG_START_SYM

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
                if t.text == "(":
                    self.advance()
                    saved = self.limit
                    self.limit = -1
                    try:
                        e = self.term(0)
                        if self.peek_is(":"):
                            self.advance()
                            ty = self.term(0)
                            r = self.expect(")")
                            return self.postfix(Syn("ascr", (e, ty), t.start, r.end))
                        r = self.expect(")")
                    finally:
                        self.limit = saved
                    return self.postfix(Syn("paren", (e,), t.start, r.end))
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

    def postfix(self, e: Syn) -> Syn:
        while not self.at_end():
            t = self.tok
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
            elif kind != "fun" and not self.at_end() and self.tok.text in (">", "<", "≥", "≤", "≠"):
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


# -- tactics ---------------------------------------------------------------------------------
SEQ_TACTICS = {"try", "all_goals", "any_goals", "repeat", "focus", "iterate"}


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
            if t.kind != "eof" and t.bol and t.col == col and col > saved:
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
    while p.peek_is("<;>"):
        p.advance()
        r = parse_tactic(p, col)
        t = Tac("<;>", t.start, r.end, {"first": t, "then": r})
    p.limit = saved
    return t


def _sub_block(p: Parser) -> Tac:
    """A nested tactic sequence (after ``=>``, ``·``, ``try``...)."""
    if p.at_end():
        p.error_expected("tactic")
    return parse_seq(p)


def _term_list(p: Parser, close: str) -> list[Syn]:
    items: list[Syn] = []
    if p.peek_is(close):
        return items
    items.append(p.term(0))
    while p.peek_is(","):
        p.advance()
        items.append(p.term(0))
    return items


def _locations(p: Parser) -> list[str] | None:
    if not p.peek_is("at"):
        return None
    p.advance()
    locs = []
    while not p.at_end() and (p.tok.kind == "id" and p.tok.text not in KEYWORDS or p.tok.text in ("⊢", "*")):
        locs.append(p.advance().text)
    if not locs:
        p.error_expected("location")
    return locs


def parse_rcases_pat(p: Parser) -> tuple:
    """rcases patterns: name, ``_``, ``-``, ``rfl``, ``⟨p, ...⟩``, ``p | q``, ``(p)``, ``(p : T)``."""
    p.enter()
    try:
        alts = [_rcases_atom(p)]
        while p.peek_is("|"):
            p.advance()
            alts.append(_rcases_atom(p))
        return alts[0] if len(alts) == 1 else ("alts", tuple(alts))
    finally:
        p.depth -= 1


def _rcases_atom(p: Parser) -> tuple:
    t = p.tok
    if p.at_end():
        p.error_expected("rcases pattern")
    if t.kind == "sym" and t.text == "⟨":
        p.advance()
        items = []
        if not p.peek_is("⟩"):
            items.append(parse_rcases_pat(p))
            while p.peek_is(","):
                p.advance()
                items.append(parse_rcases_pat(p))
        p.expect("⟩")
        return ("tuple", tuple(items))
    if t.kind == "sym" and t.text == "(":
        p.advance()
        pat = parse_rcases_pat(p)
        if p.peek_is(":"):
            p.advance()
            p.term(0)
        p.expect(")")
        return pat
    if t.kind == "sym" and t.text == "-":
        p.advance()
        return ("clear",)
    if t.kind == "id" and t.text not in KEYWORDS:
        p.advance()
        if t.text == "_":
            return ("_",)
        if t.text == "rfl":
            return ("rfl",)
        return ("name", t.text)
    p.error_expected("rcases pattern")
    raise AssertionError


def _names_then_arrow(p: Parser) -> list[str]:
    """The names bound by a ``| tag x y =>`` alternative or a ``case tag x y =>``; consumes the ``=>``."""
    names = []
    while not p.peek_is("=>"):
        n = p.tok
        if not p.at_end() and n.kind == "id" and n.text not in KEYWORDS:
            names.append(p.advance().text)
        else:
            p.error_expected("'=>'")
    p.advance()
    return names


def _alternatives(p: Parser) -> list[tuple[str, list[str], Tac, int]]:
    alts = []
    while p.peek_is("|"):
        bar = p.advance()
        tag = p.ident().text
        names = _names_then_arrow(p)
        alts.append((tag, names, _sub_block(p), bar.start))
    return alts


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
        body = _sub_block(p)
        return Tac("·", start, body.end, {"body": body})
    if t.kind == "sym" and t.text == "(":
        p.advance()
        saved = p.limit
        p.limit = -1
        body = _sub_block(p)
        p.limit = saved
        r = p.expect(")")
        return Tac("paren", start, r.end, {"body": body})
    if t.kind == "sym" and t.text == "{":
        p.advance()
        saved = p.limit
        p.limit = -1
        body = _sub_block(p) if not p.peek_is("}") else Tac("seq", start, start, {"items": []})
        p.limit = saved
        r = p.expect("}")
        # Lean reports a bracketed block's unsolved goals at its closing brace
        return Tac("{}", start, r.end, {"body": body, "close": (r.start, r.end)})
    if t.kind != "id":
        raise ParseError("unknown tactic", t.start, t.end)
    name = t.text
    p.advance()
    a: dict = {}
    if name in ("intro", "intros", "rintro"):
        pats = []
        while not p.at_end() and (p.tok.kind == "id" and p.tok.text not in KEYWORDS or p.tok.text in ("⟨", "(")):
            pats.append(parse_rcases_pat(p) if name == "rintro" else _rcases_atom(p))
        a["pats"] = pats
    elif name in ("exact", "apply", "refine", "refine'", "exists", "exfalso_at", "specialize", "contrapose!"):
        if name == "exists":
            a["terms"] = _term_list(p, "")
        else:
            a["term"] = p.term(0)
    elif name == "use":
        a["terms"] = _term_list(p, "")
    elif name in ("constructor", "left", "right", "exfalso", "contradiction", "assumption", "trivial",
                  "rfl", "sorry", "done", "skip", "ring", "ring_nf", "positivity", "decide", "symm",
                  "push_cast", "norm_cast", "tauto", "linarith!", "nlinarith!", "omega", "aesop",
                  "exact?", "apply?", "admit", "by_contra!", "simp_arith", "field_simp", "norm_num1",
                  "split_ifs", "ring1", "abel", "gcongr", "bound", "finiteness", "infer_instance"):
        if name in ("ring_nf", "push_cast", "field_simp", "norm_cast"):
            a["locs"] = _locations(p)
        if name == "by_contra!" and not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
            a["name"] = p.advance().text
    elif name == "calc":
        steps = []
        saved = p.limit
        p.limit = col
        p.calc_steps += 1
        try:
            first = p.term(0)
            if p.peek_is(":="):
                p.advance()
                steps.append((first, p.term(0)))
                first = None
            while True:
                t2 = p.tok
                more = t2.kind == "id" and t2.text == "_" and (not t2.bol or t2.col >= col)
                if not more:
                    break
                p.exempt = p.i
                rel = p.term(0)
                p.expect(":=")
                steps.append((rel, p.term(0)))
        finally:
            p.calc_steps -= 1
        p.limit = saved
        if not steps:
            p.error_expected("calc step")
        a["start"] = first
        a["steps"] = steps
    elif name == "sleep":
        n = p.tok
        if p.at_end() or n.kind != "num":
            p.error_expected("numeral")
        p.advance()
        a["ms"] = int(n.text.split(".")[0])
    elif name in ("have", "haveI", "show", "suffices"):
        if name == "show":
            a["type"] = p.term(0)
            if p.peek_is("from"):
                p.advance()
                a["value"] = p.term(0)
            elif p.peek_is(":="):
                p.advance()
                a["value"] = p.term(0)
        else:
            hn = None
            if not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
                hn = p.advance().text
            a["name"] = hn
            a["binders"] = []
            if p.peek_is(":"):
                p.advance()
                a["type"] = p.term(0)
            else:
                a["type"] = None
            if p.peek_is(":="):
                p.advance()
                a["value"] = p.term(0)
            elif p.peek_is("from"):
                p.advance()
                a["value"] = p.term(0)
            if a["type"] is None and "value" not in a:
                p.error_expected("':=' or ':'")
    elif name == "obtain":
        a["pat"] = parse_rcases_pat(p)
        a["type"] = None
        if p.peek_is(":"):
            p.advance()
            a["type"] = p.term(0)
        if p.peek_is(":="):
            p.advance()
            a["value"] = p.term(0)
        elif a["type"] is None:
            p.error_expected("':='")
    elif name == "rcases":
        a["term"] = p.term(0)
        a["pat"] = None
        if p.peek_is("with"):
            p.advance()
            a["pat"] = parse_rcases_pat(p)
    elif name in ("cases", "induction", "cases'", "induction'"):
        a["term"] = p.term(0)
        a["alts"] = None
        a["names"] = []
        if p.peek_is("generalizing"):
            p.advance()
            while not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
                p.advance()
        if p.peek_is("with"):
            p.advance()
            if name.endswith("'"):
                while not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
                    a["names"].append(p.advance().text)
            else:
                saved = p.limit
                p.limit = col - 1
                a["alts"] = _alternatives(p)
                p.limit = saved
                if not a["alts"]:
                    p.error_expected("'|'")
    elif name in ("by_cases", "by_contra", "push_neg", "interval_cases", "clear", "subst", "revert"):
        if name == "by_cases":
            h = None
            nxt = p.toks[min(p.i + 1, len(p.toks) - 1)]
            if nxt.kind == "sym" and nxt.text == ":" and p.tok.kind == "id" and not p.at_end():
                h = p.advance().text
                p.advance()
            a["name"] = h
            a["term"] = p.term(0)
        elif name == "by_contra":
            a["name"] = None
            if not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
                a["name"] = p.advance().text
        elif name == "push_neg":
            a["locs"] = _locations(p)
        elif name == "interval_cases":
            a["term"] = None if p.at_end() or p.peek_is("at") else p.term(0)
        else:
            names = []
            while not p.at_end() and p.tok.kind == "id" and p.tok.text not in KEYWORDS:
                names.append(p.advance().text)
            a["names"] = names
    elif name in ("rw", "rewrite", "rwa", "nth_rewrite", "simp_rw"):
        p.expect("[")
        saved = p.limit
        p.limit = -1
        rules = []
        if not p.peek_is("]"):
            while True:
                rev = False
                if p.peek_is("←"):
                    p.advance()
                    rev = True
                rules.append((rev, p.term(0)))
                if p.peek_is(","):
                    p.advance()
                    continue
                break
        p.expect("]")
        p.limit = saved
        a["rules"] = rules
        a["locs"] = _locations(p)
    elif name in ("simp", "simp_all", "norm_num", "simpa", "dsimp", "field_simp", "nlinarith", "linarith",
                  "positivity", "aesop"):
        a["only"] = False
        if p.peek_is("only"):
            p.advance()
            a["only"] = True
        a["lemmas"] = []
        if p.peek_is("["):
            p.advance()
            saved = p.limit
            p.limit = -1
            while not p.peek_is("]"):
                if p.peek_is("←"):
                    p.advance()
                if p.peek_is("-"):
                    p.advance()
                a["lemmas"].append(p.term(0))
                if p.peek_is(","):
                    p.advance()
                    continue
                break
            p.expect("]")
            p.limit = saved
        a["locs"] = _locations(p)
        if p.peek_is("using"):
            p.advance()
            a["using"] = p.term(0)
    elif name in SEQ_TACTICS:
        if name == "iterate":
            n = p.tok
            if n.kind == "num":
                p.advance()
                a["count"] = int(n.text)
        a["body"] = _sub_block(p)
    elif name == "first":
        saved = p.limit
        p.limit = col - 1
        alts = []
        while p.peek_is("|"):
            bar = p.advance()
            p.limit = bar.col
            alts.append(_sub_block(p))
            p.limit = col - 1
        p.limit = saved
        if not alts:
            p.error_expected("'|'")
        a["alts"] = alts
    elif name in ("case", "case'", "next"):
        tags = []
        if name != "next":
            tags.append(p.ident().text)
        names = _names_then_arrow(p)
        a["tag"] = tags[0] if tags else None
        a["names"] = names
        a["body"] = _sub_block(p)
    elif name == "on_goal":
        n = p.tok
        if n.kind != "num":
            p.error_expected("numeral")
        p.advance()
        a["index"] = int(n.text)
        p.expect("=>")
        a["body"] = _sub_block(p)
    else:
        raise ParseError("unknown tactic", t.start, t.end)
    end = p.prev_end()
    return Tac(name, start, end, a)


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
