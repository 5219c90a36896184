"""The trusted core's term operations: locally nameless terms make capture impossible by construction."""

from __future__ import annotations

from fractions import Fraction

import pytest

from leangym.minilean.bridge import Translator
from leangym.minilean.core.context import fresh_id
from leangym.minilean.core.printer import Printer
from leangym.minilean.core.terms import (
    NAT,
    PROP,
    App,
    Bin,
    Binder,
    BVar,
    CoreError,
    FVar,
    MVar,
    Num,
    abstract,
    inst_mvars,
    instantiate,
    is_closed,
    mk_binder,
    replace,
)
from leangym.minilean.rules import match


def eq(a, b):
    return Bin("=", a, b, PROP)


def add(a, b):
    return Bin("+", a, b, NAT)


ZERO = Num(Fraction(0), NAT)


def test_binder_names_take_no_part_in_equality():
    x, y = fresh_id(), fresh_id()
    b1 = mk_binder("∀", "a", NAT, x, eq(FVar(x), FVar(x)))
    b2 = mk_binder("∀", "b", NAT, y, eq(FVar(y), FVar(y)))
    assert b1 == b2 and hash(b1) == hash(b2)
    # `∀ a b, b + 0 = b` and `∀ b a, a + 0 = b` differ, whatever the names say
    h = Binder("∀", "a", NAT, Binder("∀", "b", NAT, eq(add(BVar(0), ZERO), BVar(0))))
    g = Binder("∀", "b", NAT, Binder("∀", "a", NAT, eq(add(BVar(0), ZERO), BVar(1))))
    assert h != g


def test_instantiate_then_abstract_round_trips_and_never_captures():
    y = fresh_id()
    # ∀ x, ∃ z, x = z   opened with the free variable y, under the inner binder
    body = Binder("∃", "z", NAT, eq(BVar(1), BVar(0)))
    opened = instantiate(body, FVar(y))
    assert opened == Binder("∃", "z", NAT, eq(FVar(y), BVar(0)))
    assert abstract(opened, y) == body
    # a value that is itself a binder keeps its own bound variable apart from the context's
    val = Binder("fun", "z", NAT, BVar(0))
    inst = instantiate(Binder("∃", "z", NAT, eq(App(BVar(1), (BVar(0),), NAT), BVar(0))), val)
    assert inst.body.a.fn == val and inst.body.b == BVar(0)


def test_core_operations_refuse_terms_with_loose_bound_variables():
    with pytest.raises(CoreError):
        instantiate(BVar(0), BVar(0))
    with pytest.raises(CoreError):
        replace(eq(ZERO, ZERO), BVar(0), ZERO)
    assert not is_closed(add(BVar(0), ZERO)) and is_closed(Binder("∀", "x", NAT, eq(BVar(0), ZERO)))


def test_match_assigns_pattern_variables_only_closed_terms():
    # pattern ∀ b, ?a + 0 = b  must not match  ∀ b, b + 0 = b  (?a would capture the bound b)
    pat = Binder("∀", "b", NAT, eq(add(MVar("a"), ZERO), BVar(0)))
    term = Binder("∀", "b", NAT, eq(add(BVar(0), ZERO), BVar(0)))
    assert not match(pat, term, {"a"}, {})
    c = FVar(fresh_id())
    sub: dict = {}
    assert match(pat, Binder("∀", "b", NAT, eq(add(c, ZERO), BVar(0))), {"a"}, sub)
    assert sub == {"a": c} and inst_mvars(pat, sub) == Binder("∀", "b", NAT, eq(add(c, ZERO), BVar(0)))


def test_printer_renames_a_hint_that_clashes_with_a_name_the_body_uses():
    x = fresh_id()
    e = Binder("∀", "x", NAT, eq(BVar(0), FVar(x)))
    assert Printer({x: "x"}).pp(e) == "∀ (x_1 : ℕ), x_1 = x"
    assert Printer({x: "y"}).pp(e) == "∀ (x : ℕ), x = y"
    nested = Binder("∀", "x", NAT, Binder("∃", "x", NAT, eq(BVar(0), BVar(1))))
    assert Printer({}).pp(nested) == "∀ (x : ℕ), ∃ x_1, x_1 = x"


def test_bridge_keeps_bound_variables_apart_from_locals_of_the_same_name():
    x = fresh_id()
    p = fresh_id()
    # ∃ x, P x   with a local also called x: the bound x is not the local
    prop = Binder("∃", "x", NAT, App(FVar(p), (BVar(0),), PROP))
    tr = Translator({x: "x", p: "P"}, {x: NAT})
    ir_local = tr.prop(App(FVar(p), (FVar(x),), PROP))
    ir_bound = tr.prop(prop)
    assert ir_bound.body != ir_local
    assert tr.back_prop(ir_bound) == prop
    assert tr.back_prop(ir_local) == App(FVar(p), (FVar(x),), PROP)
