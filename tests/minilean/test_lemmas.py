"""Every named lemma is true: its instances, evaluated under random values with Lean's semantics,
never have true premises and a false conclusion (at every type MiniLean lets the lemma be used)."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest

from leangym.minilean import bridge, lemmas, rules, simplemmas
from leangym.minilean.arith import holds
from leangym.minilean.core.terms import INT, NAT, PROP, RAT, REAL, App, Bin, MVar, Num, Un

# lemmas about opaque functions (`√`, `Real.exp`…) cannot be evaluated exactly: their statements are
# Mathlib's, checked by hand, and tested by use in test_lemma_application.py
NAMES = sorted(set(lemmas.TABLE) - lemmas.OPAQUE - set(lemmas.NO_INSTANCE)) + sorted(
    f"{name}.{proj}" for name in set(lemmas.TABLE) - lemmas.OPAQUE for proj in ("mp", "mpr")
    if lemmas.resolve(f"{name}.{proj}"))


def _num(v: Fraction, ty) -> object:
    return Un("-", Num(-v, ty), ty) if v < 0 else Num(v, ty)


def _value(rng: random.Random, ty) -> Fraction:
    if ty == NAT:
        return Fraction(rng.choice([0, 1, 2, 3, 5, 7, 10, rng.randint(0, 40)]))
    if ty == INT:
        return Fraction(rng.choice([0, 1, -1, 2, -2, 3, -7, rng.randint(-40, 40)]))
    return Fraction(rng.randint(-9, 9), rng.randint(1, 4))


@pytest.mark.parametrize("name", NAMES)
def test_lemma_instances_are_true(name):
    key, _ = lemmas.resolve(name)
    params, stmt = lemmas.schema(key)
    rng = random.Random(name)
    tr = bridge.Translator({}, {})
    types = lemmas.allowed_types(name)
    assert types, name
    checked = 0
    for ty in types:
        for _ in range(150):
            sub = {}
            for kind, var, is_nat in params:
                if kind != "proof":
                    vty = NAT if is_nat else ty
                    sub[var] = _num(_value(rng, vty), vty)
            prop = stmt
            for kind, pat, _ in reversed(params):
                if kind == "proof":
                    prop = Bin("→", pat, prop, PROP)
            # a definition's unfolding equation (`Int.ModEq`) is evaluated with the definition unfolded
            inst = rules.unfold_modeq(lemmas.retype(lemmas.substitute(prop, sub), ty))
            assert holds(tr.prop(inst), {}), (name, ty, sub)
            checked += 1
    assert checked


@pytest.mark.parametrize(("name", "refused"), [
    ("sub_nonneg", NAT), ("sub_eq_zero", NAT), ("abs_le", NAT), ("div_le_div_iff", INT), ("div_pos", NAT),
    ("le_div_iff", INT), ("Nat.mod_eq_of_lt", INT), ("Int.emod_add_ediv", NAT), ("Nat.cast_succ", NAT),
    ("Nat.add_comm", REAL), ("mul_sub", NAT), ("sub_nonneg.mpr", NAT),
])
def test_lemmas_are_refused_where_false_or_ill_typed(name, refused):
    assert refused not in lemmas.allowed_types(name)


def test_a_lemma_of_a_structure_no_fragment_type_is_has_no_type():
    for name in lemmas.NO_INSTANCE:
        assert lemmas.allowed_types(name) == [], name


def _real_value(e, env: dict[str, float]) -> float:
    """A lemma statement's side as a float: variables from ``env``, Mathlib's real functions by ``math``."""
    if isinstance(e, MVar):
        return env[e.name]
    if isinstance(e, Num):
        return float(e.value)
    if isinstance(e, Un):
        v = _real_value(e.a, env)
        return -v if e.op == "-" else abs(v) if e.op == "abs" else v
    if isinstance(e, App):
        fns = {"Real.sin": math.sin, "Real.cos": math.cos, "Real.tan": math.tan, "Real.sqrt": math.sqrt,
               "Real.pi": lambda: math.pi}
        return fns[e.fn.name](*(_real_value(a, env) for a in e.args))
    a, b = _real_value(e.a, env), _real_value(e.b, env)
    return {"+": a + b, "-": a - b, "*": a * b, "/": a / b, "^": a ** b}[e.op]


TRIG = sorted(n for n in lemmas.TABLE if any(f in lemmas.TABLE[n][1] for f in ("Real.sin", "Real.cos", "Real.tan")))


@pytest.mark.parametrize("name", TRIG)
def test_trig_lemmas_hold_numerically(name):
    """The trigonometric lemmas (opaque to exact evaluation) at random reals, in floating point."""
    params, stmt = lemmas.schema(name)
    assert not any(kind == "proof" for kind, _, _ in params), name
    rng = random.Random(name)
    for _ in range(200):
        env = {var: rng.uniform(-10, 10) for _, var, _ in params}
        lhs, rhs = _real_value(stmt.a, env), _real_value(stmt.b, env)
        if stmt.op == "=":
            assert math.isclose(lhs, rhs, rel_tol=1e-9, abs_tol=1e-9), (name, env, lhs, rhs)
        else:
            assert stmt.op == "≤" and lhs <= rhs + 1e-12, (name, env, lhs, rhs)


def test_every_lemma_parses_and_ring_lemmas_need_a_ring():
    for name in lemmas.TABLE:
        lemmas.schema(name)
    assert NAT not in lemmas.allowed_types("sub_self") and RAT in lemmas.allowed_types("div_self")
    assert lemmas.allowed_types("Nat.pow_mod") == [NAT] and lemmas.allowed_types("Int.even_iff") == [INT]
    assert all(lemmas.allowed_types(name) == [REAL] for name in lemmas.OPAQUE if name.startswith("Real."))
    # the usual `open Real Nat`: short names reach the namespaced lemmas
    assert lemmas.resolve("sq_sqrt") == ("Real.sq_sqrt", REAL) and lemmas.resolve("mod_eq_of_lt")[0] == "Nat.mod_eq_of_lt"


def _random_instance(rng: random.Random, params, ty):
    sub = {}
    for kind, var, is_nat in params:
        if kind != "proof":
            vty = NAT if is_nat else ty
            sub[var] = _num(_value(rng, vty), vty)
    return sub


@pytest.mark.parametrize("name", sorted(n for n in set(lemmas.TABLE) - lemmas.OPAQUE - simplemmas.PERMUTATION
                                        - set(lemmas.NO_INSTANCE)
                                        if lemmas.schema(n)[1].op in ("=", "↔")
                                        and not any(p[0] == "proof" for p in lemmas.schema(n)[0])))
def test_simp_rewriting_preserves_truth_value(name):
    """``simp [lemma]``'s rewriting (simplemmas._rewrite_once) inside a larger closed proposition: the
    rewritten proposition has the same truth value, at every type the lemma is allowed at."""
    params, stmt = lemmas.schema(name)
    rule = (stmt.a, stmt.b, lemmas._pvars(params), name)
    rng = random.Random(name)
    tr = bridge.Translator({}, {})
    rewritten = 0
    for ty in lemmas.allowed_types(name):
        for _ in range(40):
            lhs = lemmas.retype(lemmas.substitute(stmt.a, _random_instance(rng, params, ty)), ty)
            if lhs.ty == PROP:
                prop = Bin("∧", lhs, Bin("≤", _num(Fraction(0), ty), _num(_value(rng, ty), ty), PROP), PROP)
            else:
                prop = Bin("=", Bin("+", lhs, _num(Fraction(1), ty), ty), _num(_value(rng, ty), ty), PROP)
            new = simplemmas._rewrite_once(prop, rule)
            rewritten += new != prop
            assert holds(tr.prop(rules.unfold_modeq(new)), {}) == holds(tr.prop(rules.unfold_modeq(prop)), {}), \
                (name, ty, prop, new)
    assert rewritten, name
