"""Argument shapes several tactics share: term lists, locations, rcases patterns, ``| tag x =>``
alternatives. Each tactic's own arguments are read by the parser registered with it
(:mod:`leangym.minilean.registry`), next to its executor in its group module; tactic blocks,
sequences and ``<;>`` chains are parsed with terms (:mod:`.terms`), since each contains the other.
"""

from __future__ import annotations

from leangym.minilean.syntax.lexer import KEYWORDS
from leangym.minilean.syntax.terms import Parser, Syn, Tac, sub_block


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
    while not p.at_end() and (p.tok.kind == "id" and (p.tok.text not in KEYWORDS or p.tok.text == "this")
                              or p.tok.text in ("⊢", "*")):
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


def no_args(p: Parser, name: str, col: int) -> dict:
    """The argument parser of a tactic that takes none (``rfl``, ``omega``, ``done``...)."""
    return {}
