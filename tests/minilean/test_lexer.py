"""Lexing as Lean's: numerals, identifier characters and «escaped» names."""

from __future__ import annotations

import pytest

from leangym.minilean.core.errors import ParseError
from leangym.minilean.syntax.lexer import tokenize

from .helpers import check, errors


@pytest.mark.parametrize("digit", ["١", "१", "１", "𝟏", "٣"])
def test_digits_of_other_scripts_are_not_numerals(digit):
    with pytest.raises(ParseError, match="unexpected character"):
        tokenize(f"x = {digit}")


@pytest.mark.parametrize(("src", "text"), [("«x»", "x"), ("«theorem»", "«theorem»"), ("«sorry»", "«sorry»"),
                                           ("«x⁺0»", "«x⁺0»"), ("«a.b»", "«a.b»"), ("«h₁'»", "h₁'")])
def test_escaped_names_keep_guillemets_unless_plain(src, text):
    tok, eof = tokenize(src)
    assert tok.kind == "id" and tok.text == text and eof.kind == "eof"


def test_escaped_keyword_is_an_identifier_not_a_command():
    r = check("theorem a : True := by\n  trivial\n«theorem» t : False := sorry")
    assert errors(r) == ["unexpected identifier; expected command"]
    assert not check("theorem b («theorem» : Prop) (h : «theorem») : «theorem» := by\n  exact h").get("messages")


def test_escaped_names_print_as_written():
    r = check("theorem c (p : Prop) (h : p) : p := by\n  have «x⁺0» := h\n  exact «x⁺1»")
    assert errors(r) == ["Unknown identifier `«x⁺1»`"]
