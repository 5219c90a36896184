"""Every named lemma is true: its instances, evaluated under random values with Lean's semantics,
never have true premises and a false conclusion."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from leangym.minilean import bridge, lemmas
from leangym.minilean.arith import holds
from leangym.minilean.core.terms import INT, NAT, PROP, RAT, Bin, Num, Un

TYPES = {"ℕ": NAT, "ℤ": INT, "ℚ": RAT}


def _num(v: Fraction, ty) -> object:
    return Un("-", Num(-v, ty), ty) if v < 0 else Num(v, ty)


@pytest.mark.parametrize("name", sorted(lemmas.TABLE))
def test_lemma_instances_are_true(name):
    params, stmt = lemmas.schema(name)
    rng = random.Random(name)
    tr = bridge.Translator({}, {})
    checked = 0
    for tname, ty in TYPES.items():
        if (name in lemmas.RING_ONLY and ty == NAT) or (name in lemmas.FIELD_ONLY and ty != RAT):
            continue
        for _ in range(60):
            sub = {}
            for kind, var, is_nat in params:
                if kind == "proof":
                    continue
                if is_nat or ty == NAT:
                    v = Fraction(rng.randint(0, 5))
                elif ty == INT:
                    v = Fraction(rng.randint(-5, 5))
                else:
                    v = Fraction(rng.randint(-9, 9), rng.randint(1, 4))
                sub[var] = _num(v, NAT if is_nat else ty)
            prop = stmt
            for kind, pat, _ in reversed(params):
                if kind == "proof":
                    prop = Bin("→", pat, prop, PROP)
            inst = lemmas._nat_exponent_fix(lemmas.retype(lemmas.substitute(prop, sub), ty))
            assert holds(tr.prop(inst), {}), (name, tname, sub)
            checked += 1
    assert checked
