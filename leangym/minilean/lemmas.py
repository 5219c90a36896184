"""The named lemma set MiniLean knows (Mathlib names), instantiated into propositions.

Each entry states a true theorem of ℕ/ℤ/ℚ/ℝ (as ordered commutative (semi)rings or fields) in
Mathlib's argument order. Applying a lemma to explicit terms or proofs instantiates its pattern
variables, exactly like elaborating ``sq_nonneg (a - b)`` or ``mul_pos ha hb`` in Lean. A lemma
whose statement needs more than the ordered-ring axioms states the extra premise (``div_self``
needs ``a ≠ 0``), so every instance is true; soundness tests evaluate instances numerically.
"""

from __future__ import annotations

from fractions import Fraction

from leangym.minilean.core.errors import ElabError
from leangym.minilean.core.terms import (
    NAT,
    NUM_RANK,
    PROP,
    App,
    Bin,
    Binder,
    Const,
    Expr,
    MVar,
    Num,
    Un,
    inst_mvars,
)
from leangym.minilean.elab import witness
from leangym.minilean.rules import match
from leangym.minilean.syntax.terms import Syn, parse_term_text

ANY = Const("?")

# name: (parameters, statement). A parameter is "x" (explicit term), "{x}" (implicit term),
# "x:ℕ" (explicit natural number) or "(P)" (explicit proof of premise P, a pattern).
TABLE: dict[str, tuple[tuple[str, ...], str]] = {
    "sq_nonneg": (("a",), "0 ≤ a ^ 2"),
    "pow_two_nonneg": (("a",), "0 ≤ a ^ 2"),
    "sq_abs": (("a",), "|a| ^ 2 = a ^ 2"),
    "abs_nonneg": (("a",), "0 ≤ |a|"),
    "abs_mul_abs_self": (("a",), "|a| * |a| = a * a"),
    "abs_mul_self": (("a",), "|a * a| = a * a"),
    "mul_self_nonneg": (("a",), "0 ≤ a * a"),
    "mul_self_abs": (("a",), "|a| * |a| = a * a"),
    "le_abs_self": (("a",), "a ≤ |a|"),
    "neg_abs_le": (("a",), "-|a| ≤ a"),
    "mul_pos": (("{a}", "{b}", "(0 < a)", "(0 < b)"), "0 < a * b"),
    "mul_nonneg": (("{a}", "{b}", "(0 ≤ a)", "(0 ≤ b)"), "0 ≤ a * b"),
    "add_pos": (("{a}", "{b}", "(0 < a)", "(0 < b)"), "0 < a + b"),
    "add_nonneg": (("{a}", "{b}", "(0 ≤ a)", "(0 ≤ b)"), "0 ≤ a + b"),
    "add_pos_of_pos_of_nonneg": (("{a}", "{b}", "(0 < a)", "(0 ≤ b)"), "0 < a + b"),
    "mul_pos_of_neg_of_neg": (("{a}", "{b}", "(a < 0)", "(b < 0)"), "0 < a * b"),
    "pow_pos": (("{a}", "(0 < a)", "n:ℕ"), "0 < a ^ n"),
    "pow_nonneg": (("{a}", "(0 ≤ a)", "n:ℕ"), "0 ≤ a ^ n"),
    "sub_nonneg_of_le": (("{a}", "{b}", "(b ≤ a)"), "0 ≤ a - b"),
    "sub_pos_of_lt": (("{a}", "{b}", "(b < a)"), "0 < a - b"),
    "le_of_lt": (("{a}", "{b}", "(a < b)"), "a ≤ b"),
    "le_refl": (("a",), "a ≤ a"),
    "le_rfl": (("{a}",), "a ≤ a"),
    "Nat.succ_le_of_lt": (("{n:ℕ}", "{m:ℕ}", "(n < m)"), "n + 1 ≤ m"),
    "Nat.le_of_lt_succ": (("{m:ℕ}", "{n:ℕ}", "(m < n + 1)"), "m ≤ n"),
    "Nat.zero_le": (("n:ℕ",), "0 ≤ n"),
    "Nat.succ_pos": (("n:ℕ",), "0 < n + 1"),
    "Nat.pos_of_ne_zero": (("{n:ℕ}", "(n ≠ 0)"), "0 < n"),
    "sub_nonneg": (("{a}", "{b}"), "0 ≤ a - b ↔ b ≤ a"),
    "sub_pos": (("{a}", "{b}"), "0 < a - b ↔ b < a"),
    "mul_comm": (("a", "b"), "a * b = b * a"),
    "add_comm": (("a", "b"), "a + b = b + a"),
    "mul_assoc": (("a", "b", "c"), "a * b * c = a * (b * c)"),
    "add_assoc": (("a", "b", "c"), "a + b + c = a + (b + c)"),
    "mul_add": (("a", "b", "c"), "a * (b + c) = a * b + a * c"),
    "add_mul": (("a", "b", "c"), "(a + b) * c = a * c + b * c"),
    "mul_sub": (("a", "b", "c"), "a * (b - c) = a * b - a * c"),
    "sub_mul": (("a", "b", "c"), "(a - b) * c = a * c - b * c"),
    "two_mul": (("a",), "2 * a = a + a"),
    "mul_one": (("a",), "a * 1 = a"),
    "one_mul": (("a",), "1 * a = a"),
    "mul_zero": (("a",), "a * 0 = 0"),
    "zero_mul": (("a",), "0 * a = 0"),
    "add_zero": (("a",), "a + 0 = a"),
    "zero_add": (("a",), "0 + a = a"),
    "sub_self": (("a",), "a - a = 0"),
    "pow_two": (("a",), "a ^ 2 = a * a"),
    "sq": (("a",), "a ^ 2 = a * a"),
    "neg_neg": (("a",), "- -a = a"),
    "add_sq": (("a", "b"), "(a + b) ^ 2 = a ^ 2 + 2 * a * b + b ^ 2"),
    "sub_sq": (("a", "b"), "(a - b) ^ 2 = a ^ 2 - 2 * a * b + b ^ 2"),
    "mul_pow": (("a", "b", "n:ℕ"), "(a * b) ^ n = a ^ n * b ^ n"),
    "pow_succ": (("a", "n:ℕ"), "a ^ (n + 1) = a ^ n * a"),
    "div_self": (("{a}", "(a ≠ 0)"), "a / a = 1"),
    "abs_sub_comm": (("a", "b"), "|a - b| = |b - a|"),
}
# Lemmas whose statements hold in every type of the fragment; the rest need subtraction/negation
# to behave like a ring's (ℤ ℚ ℝ), which ℕ's truncated subtraction does not.
RING_ONLY = {"mul_sub", "sub_mul", "sub_sq", "neg_neg", "sub_nonneg", "sub_pos", "sub_nonneg_of_le",
             "sub_pos_of_lt", "neg_abs_le", "abs_sub_comm", "sub_self"}
FIELD_ONLY = {"div_self"}

LEMMAS = TABLE


def canonical(name: str) -> str:
    """``Nat.add_comm``/``Int.mul_comm``… are the general lemmas specialised; treat them as such."""
    for prefix in ("Nat.", "Int.", "Rat.", "Real."):
        if name.startswith(prefix) and name not in TABLE and name[len(prefix):] in TABLE:
            return name[len(prefix):]
    return name
_parsed: dict[str, tuple[list, Expr]] = {}


def _pattern(s: Syn, vars_: dict[str, Expr]) -> Expr:
    k = s.kind
    if k == "paren":
        return _pattern(s.args[0], vars_)
    if k == "ident":
        return MVar(s.args[0])
    if k == "num":
        return Num(Fraction(s.args[0]), vars_.get("#num", ANY))
    if k == "bin":
        op = s.args[0]
        ty = PROP if op in ("∧", "∨", "→", "↔", "=", "≠", "<", "≤", ">", "≥", "∣") else ANY
        return Bin(op, _pattern(s.args[1], vars_), _pattern(s.args[2], vars_), ty)
    if k == "neg":
        return Un("-", _pattern(s.args[0], vars_), ANY)
    if k == "abs":
        return Un("abs", _pattern(s.args[0], vars_), ANY)
    if k == "not":
        return Un("¬", _pattern(s.args[0], vars_), PROP)
    raise ValueError(s.kind)


def schema(name: str) -> tuple[list, Expr]:
    """Parsed ``(params, statement)``; params are (kind, var, nat?) or ("proof", pattern)."""
    hit = _parsed.get(name)
    if hit is not None:
        return hit
    params_src, stmt = TABLE[name]
    params = []
    for p in params_src:
        if p.startswith("("):
            params.append(("proof", _pattern(parse_term_text(p[1:-1]), {}), False))
        else:
            implicit = p.startswith("{")
            body = p.strip("{}")
            var, _, ty = body.partition(":")
            params.append(("implicit" if implicit else "explicit", var, ty == "ℕ"))
    res = (params, _pattern(parse_term_text(stmt), {}))
    _parsed[name] = res
    return res


def retype(e: Expr, ty: Expr) -> Expr:
    """Give the generic numeric nodes of an instantiated statement the concrete type ``ty``."""
    if isinstance(e, Num):
        return Num(e.value, ty) if e.ty == ANY else e
    if isinstance(e, Bin):
        return Bin(e.op, retype(e.a, ty), retype(e.b, ty), ty if e.ty == ANY else e.ty)
    if isinstance(e, Un):
        return Un(e.op, retype(e.a, ty), ty if e.ty == ANY else e.ty)
    if isinstance(e, App):
        return App(e.fn, tuple(retype(a, ty) for a in e.args), e.ty)
    if isinstance(e, Binder):
        return Binder(e.kind, e.name, e.dom, retype(e.body, ty))
    return e


def _nat_exponent_fix(e: Expr) -> Expr:
    """Exponents are natural numbers whatever the base type."""
    if isinstance(e, Bin):
        if e.op == "^":
            return Bin("^", _nat_exponent_fix(e.a), retype(e.b, NAT) if isinstance(e.b, (Num, Bin)) else e.b, e.ty)
        return Bin(e.op, _nat_exponent_fix(e.a), _nat_exponent_fix(e.b), e.ty)
    if isinstance(e, Un):
        return Un(e.op, _nat_exponent_fix(e.a), e.ty)
    return e


def substitute(e: Expr, sub: dict[str, Expr]) -> Expr:
    return inst_mvars(e, sub)


def check_type_allowed(name: str, ty: Expr, s: Syn) -> None:
    if ty not in NUM_RANK:
        raise ElabError(f"{name}: MiniLean instantiates lemmas at ℕ ℤ ℚ ℝ only", s)
    if name in RING_ONLY and ty == NAT:
        raise ElabError(f"failed to synthesize\n  AddGroup ℕ\n(`{name}` needs a ring; ℕ subtraction truncates)", s)
    if name in FIELD_ONLY and ty not in NUM_RANK or (name in FIELD_ONLY and NUM_RANK[ty] < 2):
        raise ElabError(f"failed to synthesize\n  DivisionRing {ty.name}", s)


def instantiate(pe, name: str, args: tuple, s: Syn) -> Expr:
    """The proposition proved by ``name args`` (all explicit arguments must be given)."""
    params, stmt = schema(name)
    explicit = [p for p in params if p[0] != "implicit"]
    if len(args) != len(explicit):
        raise ElabError(
            f"MiniLean: apply `{name}` to all {len(explicit)} explicit argument(s) (got {len(args)})", s)
    sub: dict[str, Expr] = {}
    el = pe.elab()
    term_args = [a for (kind, _v, is_nat), a in zip(explicit, args) if kind == "explicit" and not is_nat]
    num_ty = el.max_type([t for a in term_args for t in el.collect(a)], None) if term_args else None
    ai = 0
    for kind, var, is_nat in params:
        if kind == "implicit":
            continue
        a = args[ai]
        ai += 1
        if kind == "proof":
            prop = pe.infer(a)
            if not match(var, prop, _pvars(params), sub):
                raise ElabError(f"application type mismatch: argument of `{name}` has the wrong type", a)
        else:
            if is_nat:
                sub[var] = witness(el, a, NAT)
            else:
                val = el.arith_tree(a, num_ty)
                sub[var] = val
                num_ty = num_ty or el.type_of(val)
    for kind, var, _ in params:
        if kind == "implicit" and var not in sub:
            raise ElabError(f"MiniLean: cannot infer the implicit argument `{var}` of `{name}`", s)
    for kind, var, is_nat in params:
        if kind != "proof" and not is_nat and var in sub:
            num_ty = num_ty or el.type_of(sub[var])
    ty = num_ty or NAT
    for kind, var, is_nat in params:
        if kind != "proof" and is_nat and var in sub and el.type_of(sub[var]) != NAT:
            # `Nat.le_of_lt_succ h` with `h : x < y + 1` over ℝ: the ℕ-only lemma does not apply
            raise ElabError(f"application type mismatch: `{var}` of `{name}` must be a natural number", s)
        if kind != "proof" and not is_nat and var in sub and el.type_of(sub[var]) != ty:
            raise ElabError(f"application type mismatch: the arguments of `{name}` must have one type", s)
    check_type_allowed(name, ty, s)
    return _nat_exponent_fix(retype(substitute(stmt, sub), ty))


def _pvars(params) -> set[str]:
    return {p[1] for p in params if p[0] != "proof"}


def rewrite_rule(pe, name: str, args: tuple, s: Syn) -> tuple[Expr, set[str], str | None]:
    """An equation/iff lemma as a rewrite rule: (statement with pattern variables, the variables
    still to unify, the type-check lemma name). Explicit arguments given are substituted."""
    params, stmt = schema(name)
    explicit = [p for p in params if p[0] == "explicit"]
    if any(p[0] == "proof" for p in params):
        raise ElabError(f"MiniLean: `{name}` has hypotheses; use it in `have`/`exact`, not `rw`", s)
    if len(args) > len(explicit):
        raise ElabError(f"function expected: `{name}` takes {len(explicit)} explicit arguments", s)
    sub: dict[str, Expr] = {}
    el = pe.elab()
    term_args = [a for (_k, _v, is_nat), a in zip(explicit, args) if not is_nat]
    joint = el.max_type([t for a in term_args for t in el.collect(a)], None) if term_args else None
    for (_, var, is_nat), a in zip(explicit, args):
        sub[var] = witness(el, a, NAT) if is_nat else el.arith_tree(a, joint)
    stmt = substitute(stmt, sub)
    free = {p[1] for p in params if p[0] != "proof"} - set(sub)
    return stmt, free, name
