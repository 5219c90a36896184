"""MiniLean's lexer: Lean 4's tokens, identifier characters and source positions."""

from __future__ import annotations

from dataclasses import dataclass

from leangym.minilean.core.errors import ParseError

SYMBOLS = sorted(
    [
        "<;>", ":=", "=>", "->", "<->", "<-", "↔", "→", "←", "≠", "≤", "≥", "<=", ">=", "∣", "∧", "∨",
        "/\\", "\\/", "¬", "∀", "∃", "λ", "⟨", "⟩", "(", ")", "[", "]", "{", "}", ",", ":", ";", "·",
        ".", "+", "-", "*", "/", "%", "^", "=", "<", ">", "|", "↑", "@", "!", "⊢", "$", "<|", "|>",
        "∘", "•", "?_", "..", "⁻¹", "∑", "∏", "∈", "∉", "∪", "∩", "⊆", "×", "'", "#", "√", "π", "!=",
        "≡", "⌊", "⌋", "⌈", "⌉", "₊", "∞", "/.",
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
# words that can only begin a command: at the start of a line they end whatever was being parsed
# (a tactic block written at column 0 runs until one of them, as in Lean)
COMMAND_STARTS = frozenset({
    "theorem", "lemma", "example", "def", "abbrev", "import", "namespace", "section", "end", "variable",
    "noncomputable", "instance", "structure", "inductive", "class", "axiom", "#print", "#eval", "#check",
    "#exit", "@[",
})
# identifiers that Lean's parser treats as tokens (its errors say "token 'sorry'", not "identifier")
TOKEN_WORDS = KEYWORDS | {"sorry", "rfl", "fun", "λ"}


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


def escaped_name(inner: str) -> str:
    """The name ``«inner»`` denotes. A plain identifier is the same name written without the
    guillemets (``«x»`` is ``x``); anything else — a keyword (``«theorem»``), ``sorry``, a name with
    characters an identifier cannot hold (``«x⁺0»``) — keeps them, so it can never be read as the
    keyword or token it spells, and prints as Lean prints it."""
    plain = (bool(inner) and _ident_start(inner[0]) and all(_ident_char(c) for c in inner[1:])
             and inner not in TOKEN_WORDS)
    return inner if plain else f"«{inner}»"


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
            toks.append(Tok("id", escaped_name(text[i + 1 : j]), i, j + 1, line, col, bol))
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
