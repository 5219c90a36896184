"""The tactic parser: blocks, sequences, ``<;>`` chains and the bracketed forms, by Lean's layout rule.

Each tactic's own arguments are read by the parser registered with it
(:mod:`leangym.minilean.registry`), next to its executor in its group module; this module
holds the layout and the argument shapes several tactics share (terms, locations, rcases patterns,
``| tag x =>`` alternatives).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from leangym.minilean import registry
from leangym.minilean.core.errors import ParseError
from leangym.minilean.syntax.lexer import KEYWORDS

if TYPE_CHECKING:
    from leangym.minilean.syntax.terms import Parser, Syn


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
    # `<;>` continues the tactic before it even when it begins a line, at any column (provers write
    # `nlinarith [...]` and then `<;> linarith` on the next line; Lean reads one tactic)
    while p.peek_is("<;>") or (p.tok.kind == "sym" and p.tok.text == "<;>" and p.tok.bol):
        p.advance()
        r = parse_tactic(p, col)
        t = Tac("<;>", t.start, r.end, {"first": t, "then": r})
    p.limit = saved
    return t


def sub_block(p: Parser) -> Tac:
    """A nested tactic sequence (after ``=>``, ``·``, ``try``...)."""
    if p.at_end():
        p.error_expected("tactic")
    return parse_seq(p)


def term_list(p: Parser, close: str) -> list[Syn]:
    items: list[Syn] = []
    if p.peek_is(close):
        return items
    items.append(p.term(0))
    while p.peek_is(","):
        p.advance()
        items.append(p.term(0))
    return items


def locations(p: Parser) -> list[str] | None:
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
        alts = [rcases_atom(p)]
        while p.peek_is("|"):
            p.advance()
            alts.append(rcases_atom(p))
        return alts[0] if len(alts) == 1 else ("alts", tuple(alts))
    finally:
        p.depth -= 1


def rcases_atom(p: Parser) -> tuple:
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


def names_then_arrow(p: Parser) -> list[str]:
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


def alternatives(p: Parser) -> list[tuple[str, list[str], Tac, int]]:
    alts = []
    while p.peek_is("|"):
        bar = p.advance()
        tag = p.ident().text
        names = names_then_arrow(p)
        alts.append((tag, names, sub_block(p), bar.start))
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


def no_args(p: Parser, name: str, col: int) -> dict:
    """The argument parser of a tactic that takes none (``rfl``, ``omega``, ``done``...)."""
    return {}
