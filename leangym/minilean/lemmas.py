"""The named lemma set MiniLean knows (Mathlib names), instantiated into propositions.

Each entry states a true theorem of ℕ/ℤ/ℚ/ℝ (as ordered commutative (semi)rings or fields) in
Mathlib's argument order. Applying a lemma to explicit terms or proofs instantiates its pattern
variables, exactly like elaborating ``sq_nonneg (a - b)`` or ``mul_pos ha hb`` in Lean. A lemma
whose statement needs more than the ordered-ring axioms states the extra premise (``div_self``
needs ``a ≠ 0``), so every instance is true; soundness tests evaluate instances numerically.
"""

from __future__ import annotations

from fractions import Fraction

from leangym.minilean.core.context import fresh_id
from leangym.minilean.core.errors import ElabError
from leangym.minilean.core.functions import FUNCTIONS
from leangym.minilean.core.terms import (
    INT,
    NAT,
    NUM_RANK,
    PROP,
    REAL,
    App,
    Bin,
    Binder,
    Const,
    Expr,
    FVar,
    MVar,
    Num,
    Un,
    inst_mvars,
    mk_binder,
    mvars,
    norm,
)
from leangym.minilean.elab import witness
from leangym.minilean.lemma_table import TABLE
from leangym.minilean.rules import match
from leangym.minilean.syntax.terms import Syn, parse_term_text

ANY = Const("?")

# Lemmas stated for ℕ or ℤ only (Lean's `Nat.`/`Int.` namespaces): their carrier is fixed.
CARRIER = {name: NAT for name in TABLE if name.startswith("Nat.")} | {
    name: INT for name in TABLE if name.startswith("Int.")} | {name: REAL for name in TABLE if name.startswith("Real.")}
# Lemmas about the opaque functions (`√`, `Real.exp`, `Nat.choose`…): checked against Mathlib's
# statements by hand, since random evaluation cannot compute the functions exactly.
OPAQUE = {name for name in TABLE if name.startswith("Real.") or "Nat.choose" in TABLE[name][1] or "⁻¹" in TABLE[name][1]}
# Lemmas whose statements hold in every type of the fragment; the rest need subtraction/negation
# to behave like a ring's (ℤ ℚ ℝ), which ℕ's truncated subtraction does not.
RING_ONLY = {"mul_sub", "sub_mul", "sub_sq", "neg_neg", "sub_nonneg", "sub_pos", "sub_nonneg_of_le",
             "sub_pos_of_lt", "neg_abs_le", "abs_sub_comm", "sub_self", "abs_le", "abs_lt", "le_of_sub_nonneg",
             "lt_of_sub_pos", "sub_eq_zero", "sub_ne_zero", "sub_nonpos", "add_eq_zero_iff_eq_neg", "add_left_neg",
             "add_right_neg", "sub_add_cancel", "abs_cases", "sub_eq_zero_of_eq", "eq_of_sub_eq_zero", "sub_eq_add_neg",
             "neg_mul", "mul_neg", "abs_of_nonneg", "abs_of_pos", "abs_of_nonpos", "abs_of_neg", "abs_mul", "abs_div",
             "abs_neg", "abs_abs", "abs_zero", "abs_one", "abs_pos", "abs_eq_zero", "abs_nonpos_iff", "abs_add",
             "abs_sub_abs_le_abs_sub", "abs_sub_lt_iff", "abs_sub_le_iff", "abs_le_abs"}
# Lemmas of (linearly ordered) fields: ℕ and ℤ division truncates, so they fail there.
FIELD_ONLY = {"abs_div", "div_eq_mul_inv", "one_div", "inv_pos", "mul_inv_cancel₀", "div_self", "div_pos", "div_nonneg",
              "div_le_div_iff", "div_lt_div_iff", "le_div_iff", "div_le_iff", "lt_div_iff", "div_lt_iff",
              "div_add_div_same", "div_le_div_of_le_left", "div_le_div_of_nonneg_left"}
# Lemmas of a structure none of ℕ ℤ ℚ ℝ is, by Mathlib's names of mid-2024 (`mul_div_cancel_left` is the
# multiplicative-group lemma since March 2024; the group-with-zero one is `mul_div_cancel_left₀`): at these
# types Lean finds no instance, so `exact`/`rw` fail and `simp` leaves the lemma unused.
NO_INSTANCE = {"mul_div_cancel_left": "CommGroup"}
# Cast lemmas `((n : ℕ) : R) = …`: the carrier is the cast's target, a type above ℕ.
CAST = {"Nat.cast_succ", "Nat.cast_add_one", "Nat.cast_zero", "Nat.cast_one", "Nat.cast_add", "Nat.cast_mul",
        "Nat.cast_pow"}
CARRIER.update(dict.fromkeys(CAST, None))
# Definitions (Mathlib's `def Int.ModEq (n a b : ℤ) := a % n = b % n`): `rw`/`simp`/`unfold` with the name
# use the unfolding equation stated in TABLE; as a term the name is a proposition, never a proof of it.
DEFINITIONS = {"Nat.ModEq", "Int.ModEq"}
# Projections of an iff lemma: `sub_nonneg.mpr h`, `abs_le.1 h`.
PROJECTIONS = {"mp": "mp", "1": "mp", "mpr": "mpr", "2": "mpr"}
NAMESPACES = {"Nat.": NAT, "Int.": INT}
# The benchmarks' header opens `Real` and `Nat` (MiniLean does not track `open`): every `Real.` lemma
# here is reachable by its short name (`sq_sqrt`); of the `Nat.` ones, those whose short name is no
# root Mathlib lemma (`sub_add_cancel` is one, for groups, so it stays the root lemma).
OPENED_NAT = {"mod_eq_of_lt", "mod_add_div", "div_add_mod", "cast_succ", "dvd_iff_mod_eq_zero", "lt_succ_iff",
              "le_of_lt_succ", "succ_le_of_lt", "pow_mod"}

LEMMAS = TABLE


def resolve(name: str) -> tuple[str, Expr | None] | None:
    """``(schema key, fixed carrier)`` of a library lemma name as written, or None.

    ``Nat.add_comm``/``Int.mul_comm`` are the general lemma at ℕ/ℤ; ``sub_nonneg.mpr`` is the
    projection of the iff lemma ``sub_nonneg`` (a schema of its own, see :func:`schema`)."""
    base, _, proj = name.rpartition(".")
    if base and proj in PROJECTIONS:
        hit = resolve(base)
        if hit is None:
            return None
        params, stmt = schema(hit[0])
        if not (isinstance(stmt, Bin) and stmt.op == "↔"):
            return None
        return f"{hit[0]}.{proj}", hit[1]
    if name in TABLE:
        return name, CARRIER.get(name)
    if "Real." + name in TABLE:
        return "Real." + name, REAL
    if name in OPENED_NAT:
        return "Nat." + name, CARRIER.get("Nat." + name)
    for prefix, ty in NAMESPACES.items():
        rest = name[len(prefix):]
        if name.startswith(prefix) and rest in TABLE and rest not in CARRIER and "." not in rest:
            return rest, ty
    return None


def is_definition(name: str) -> bool:
    """Whether ``name`` (as written) is one of the :data:`DEFINITIONS`, usable only to rewrite."""
    hit = resolve(name)
    return hit is not None and hit[0] in DEFINITIONS


def canonical(name: str) -> str:
    """The schema key of ``name`` (``Nat.add_comm`` → ``add_comm``); ``name`` itself if unknown."""
    hit = resolve(name)
    return name if hit is None else hit[0]


_parsed: dict[str, tuple[list, Expr]] = {}


def _pattern(s: Syn) -> Expr:
    """A statement's pattern: variables are ``MVar``; numeric nodes have the open type ``ANY`` (set
    by :func:`retype` at instantiation) except where Lean fixes ℕ: exponents and ``(… : ℕ)``."""
    k = s.kind
    if k == "paren":
        return _pattern(s.args[0])
    if k == "ident" and s.args[0] != "π":
        return MVar(s.args[0])
    if k == "num":
        return Num(Fraction(s.args[0]), ANY)
    if k == "bin":
        op = s.args[0]
        if op == "^":
            return Bin("^", _pattern(s.args[1]), retype(_pattern(s.args[2]), NAT), ANY)
        ty = PROP if op in ("∧", "∨", "→", "↔", "=", "≠", "<", "≤", ">", "≥", "∣") else ANY
        return Bin(op, _pattern(s.args[1]), _pattern(s.args[2]), ty)
    if k == "neg":
        return Un("-", _pattern(s.args[0]), ANY)
    if k == "abs":
        return Un("abs", _pattern(s.args[0]), ANY)
    if k == "not":
        return Un("¬", _pattern(s.args[0]), PROP)
    if k == "cast":
        return Un("↑", _pattern(s.args[0]), ANY)
    if k == "ascr":  # `(e : ℕ)` fixes ℕ; `((e : ℕ) : R)` casts it to the carrier
        inner = _pattern(s.args[0])
        if s.args[1].args[0] == "ℕ":
            return retype(inner, NAT)
        return Un("↑", inner, ANY) if getattr(inner, "ty", None) == NAT else inner
    if k == "app" and s.args[0].kind == "ident" and s.args[0].args[0] in ("Even", "Odd"):
        return App(Const(s.args[0].args[0]), (_pattern(s.args[1][0]),), PROP)
    if k == "modeq":
        kind, a, b, n = s.args
        return App(Const("Nat.ModEq" if kind == "MOD" else "Int.ModEq"), (_pattern(n), _pattern(a), _pattern(b)), PROP)
    if k == "sqrt":
        return App(Const("Real.sqrt"), (_pattern(s.args[0]),), REAL)
    if k == "inv":
        return App(Const("Inv.inv"), (_pattern(s.args[0]),), ANY)
    if k == "app" and s.args[0].kind == "ident" and s.args[0].args[0] in FUNCTIONS:
        f = FUNCTIONS[s.args[0].args[0]]
        return App(Const(f.name), tuple(_pattern(x) for x in s.args[1]), f.result)
    if k == "ident" and s.args[0] == "π":
        return App(Const("Real.pi"), (), REAL)
    raise ValueError(s.kind)


def schema(name: str) -> tuple[list, Expr]:
    """Parsed ``(params, statement)``; params are (kind, var, nat?) or ("proof", pattern, False).

    ``name.mp``/``name.mpr`` (``.1``/``.2``) of an iff lemma ``A ↔ B`` take the lemma's parameters
    and one more explicit proof (of ``A``, resp. ``B``) and state the other side."""
    hit = _parsed.get(name)
    if hit is not None:
        return hit
    base, _, proj = name.rpartition(".")
    if base and proj in PROJECTIONS and name not in TABLE:
        params, stmt = schema(base)
        assert isinstance(stmt, Bin) and stmt.op == "↔", name
        given, concl = (stmt.a, stmt.b) if PROJECTIONS[proj] == "mp" else (stmt.b, stmt.a)
        res = (params + [("proof", given, False)], concl)
    else:
        params_src, stmt_src = TABLE[name]
        params = []
        for p in params_src:
            if p.startswith("("):
                params.append(("proof", _pattern(parse_term_text(p[1:-1])), False))
            else:
                implicit = p.startswith("{")
                var, _, ty = p.strip("{}").partition(":")
                params.append(("implicit" if implicit else "explicit", var, ty == "ℕ"))
        res = (params, _pattern(parse_term_text(stmt_src)))
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
        return App(e.fn, tuple(retype(a, ty) for a in e.args), ty if e.ty == ANY else e.ty)
    if isinstance(e, Binder):
        return Binder(e.kind, e.name, e.dom, retype(e.body, ty))
    return e


def substitute(e: Expr, sub: dict[str, Expr]) -> Expr:
    return inst_mvars(e, sub)


def allowed_types(name: str) -> list[Expr]:
    """The carriers at which the lemma ``name`` (as written) is a theorem MiniLean may use."""
    hit = resolve(name)
    if hit is None:
        return []
    key, fixed = hit
    base = key.rpartition(".")[0] if key not in TABLE else key
    out = []
    for ty in NUM_RANK:
        if fixed is not None and ty != fixed:
            continue
        if base in RING_ONLY and ty == NAT or base in FIELD_ONLY and NUM_RANK[ty] < 2 or base in CAST and ty == NAT \
                or base in NO_INSTANCE:
            continue
        out.append(ty)
    return out


def check_type_allowed(name: str, ty: Expr, s: Syn) -> None:
    if ty not in NUM_RANK:
        raise ElabError(f"{name}: MiniLean instantiates lemmas at ℕ ℤ ℚ ℝ only", s)
    hit = resolve(name)
    key, fixed = hit if hit is not None else (name, None)
    base = key.rpartition(".")[0] if key not in TABLE else key
    if fixed is not None and ty != fixed:
        raise ElabError(f"application type mismatch: `{name}` is stated for {fixed.name}, not {ty.name}", s)
    if base in NO_INSTANCE:
        raise ElabError(f"failed to synthesize\n  {NO_INSTANCE[base]} {ty.name}", s)
    if base in RING_ONLY and ty == NAT:
        raise ElabError(f"failed to synthesize\n  AddGroup ℕ\n(`{name}` needs a ring; ℕ subtraction truncates)", s)
    if base in FIELD_ONLY and NUM_RANK[ty] < 2:
        raise ElabError(f"failed to synthesize\n  DivisionRing {ty.name}", s)
    if base in CAST and ty == NAT:
        raise ElabError(f"typeclass instance problem is stuck: the target type of the cast in `{name}`", s)


def carrier_of(p: Expr | None, type_of=None) -> Expr | None:
    """The numeric type a proposition talks about (its first numeric subterm's type; ``type_of``
    gives local variables' types), or None."""
    stack = [p] if p is not None else []
    while stack:
        x = stack.pop()
        if isinstance(x, FVar) and type_of is not None:
            ty = type_of(x)
            if ty in NUM_RANK:
                return ty
            continue
        if isinstance(x, Bin) and x.ty == PROP:
            stack += (x.b, x.a)
        elif isinstance(x, Un) and x.op == "¬":
            stack.append(x.a)
        elif isinstance(x, App) and x.ty == PROP:  # `Even n`
            stack += reversed(x.args)
        elif isinstance(x, Binder):
            stack.append(x.body)
        elif isinstance(x, (Num, Bin, Un, App)) and x.ty in NUM_RANK:
            return x.ty
    return None


def _deferred(a: Syn) -> bool:
    """An argument whose type only its expected type tells (Lean postpones it): ``by``, ``?_``, ``⟨…⟩``."""
    while a.kind == "paren":
        a = a.args[0]
    return a.kind in ("by", "hole", "anon", "binder")


def _numeral_statement(el, a: Syn) -> Syn | None:
    """The stated relation of ``show R by …``/``(e : R)`` when ``R`` has numerals only (``0 ≤ 2``): Lean
    types those numerals by unification with the premise, not by defaulting to ℕ."""
    while a.kind == "paren":
        a = a.args[0]
    ty = a.args[0] if a.kind == "show" else a.args[1] if a.kind == "ascr" else None
    if ty is None or ty.kind != "bin" or ty.args[0] not in ("=", "≠", "<", "≤", ">", "≥"):
        return None
    try:
        if any(t is not None for side in ty.args[1:] for t in el.collect(side)):
            return None
    except ElabError:
        return None
    return ty


def _at_type(a: Syn, ty: Expr) -> Syn:
    """``a`` (a ``show``/ascription of a numeral relation) with the relation's left side ascribed ``ty``."""
    while a.kind == "paren":
        a = a.args[0]
    rel = a.args[0] if a.kind == "show" else a.args[1]
    op, lhs, rhs = rel.args
    typed = Syn("bin", (op, Syn("ascr", (lhs, Syn("ident", (ty.name,), lhs.start, lhs.end)), lhs.start, lhs.end), rhs),
                rel.start, rel.end)
    return Syn("show", (typed, a.args[1]), a.start, a.end) if a.kind == "show" else \
        Syn("ascr", (a.args[0], typed), a.start, a.end)


def _forall(var: str, dom: Expr, body: Expr) -> Expr:
    fid = fresh_id()
    return mk_binder("∀", var, dom, fid, inst_mvars(body, {var: FVar(fid)}))


def instantiate(pe, name: str, args: tuple, s: Syn, want: Expr | None = None) -> Expr:
    """The proposition proved by ``name args``, as Lean elaborates it.

    Implicit arguments are found by matching the premises against the proofs given and, for a full
    application checked against ``want``, the conclusion against ``want`` (up to ``≥``/``>``/``≠``
    notation). Proof arguments that need their expected type (``by …``, ``⟨…⟩``) are checked last,
    against their premise instantiated. Parameters left over (fewer arguments than explicit
    parameters, or implicit ones nothing determines) stay quantified: ``mul_pos ha`` proves
    ``∀ b, 0 < b → 0 < a * b`` at ``a``'s type. The type is the arguments' type, else ``want``'s,
    else the goal's; :func:`check_type_allowed` keeps each lemma to the types where it holds."""
    hit = resolve(name)
    if hit is None:
        raise ElabError(f"Unknown identifier `{name}`", s)
    key, carrier = hit
    if key in DEFINITIONS or key.rpartition(".")[0] in DEFINITIONS:
        raise ElabError(f"type mismatch: `{name}` is a definition (a proposition), not a proof", s)
    params, stmt = schema(key)
    explicit = [i for i, p in enumerate(params) if p[0] != "implicit"]
    if len(args) > len(explicit):
        raise ElabError(f"function expected: `{name}` takes {len(explicit)} explicit argument(s), got {len(args)}", s)
    given = dict(zip(explicit, args))
    pvars = _pvars(params)
    el = pe.elab()
    sub: dict[str, Expr] = {}
    # 1. proofs whose statements can be inferred fix the variables of their premises; a statement of
    # numerals only (`show 0 < 2 by norm_num`) takes the type the other arguments give, as in Lean
    late = {i for i, a in given.items() if params[i][0] == "proof" and _numeral_statement(el, a) is not None}
    for i, a in given.items():
        kind, pat, _ = params[i]
        if kind == "proof" and not _deferred(a) and i not in late:
            prop = pe.infer(a)
            if not match(norm(pat), norm(prop), pvars, sub):
                raise ElabError(f"application type mismatch: argument of `{name}` has the wrong type", a)
    if late:
        types = {el.type_of(v) for var, v in sub.items()
                 if not any(p[0] != "proof" and p[1] == var and p[2] for p in params)}
        ty = carrier or (max(types, key=lambda t: NUM_RANK.get(t, -1)) if types else None) or carrier_of(want, el.type_of)
        for i in sorted(late):
            a = given[i]
            prop = pe.infer(_at_type(a, ty) if ty is not None and ty != NAT else a)
            if not match(norm(params[i][1]), norm(prop), pvars, sub):
                raise ElabError(f"application type mismatch: argument of `{name}` has the wrong type", a)
    # 2. the carrier: fixed by the lemma, by the terms matched so far, by the term arguments,
    # by the expected type
    cast = key in CAST or key.rpartition(".")[0] in CAST
    term_args = [a for i, a in given.items() if params[i][0] == "explicit" and not params[i][2]]
    nat_vars = {p[1] for p in params if p[0] != "proof" and p[2]}
    if carrier is None and not cast:
        types = {el.type_of(v) for var, v in sub.items() if var not in nat_vars}
        leaves = [t for a in term_args for t in el.collect(a)]
        if types:
            carrier = max(types, key=lambda t: NUM_RANK.get(t, -1))
        elif any(t is not None for t in leaves):
            carrier = el.max_type(leaves, None)
    if carrier is None:
        carrier = carrier_of(want, el.type_of)
    # 3. term arguments, elaborated at the carrier (Lean inserts `↑` where a lower type is given)
    for i, a in given.items():
        kind, var, is_nat = params[i]
        if kind != "explicit":
            continue
        val = witness(el, a, NAT) if is_nat else el.arith_tree(a, carrier)
        if var in sub and sub[var] != val:
            raise ElabError(f"application type mismatch: argument `{var}` of `{name}` does not fit the other arguments", a)
        sub[var] = val
        if carrier is None and not is_nat:
            carrier = el.type_of(val)
    # 4. the expected type fixes what is left of a full application
    if want is not None and len(args) == len(explicit):
        trial = dict(sub)
        if match(norm(stmt), norm(want), pvars, trial):
            for var, v in trial.items():
                if var not in sub and (var in nat_vars or carrier is None or el.type_of(v) == carrier):
                    sub[var] = v
    if carrier is None:
        carrier = carrier_of(pe.goal.target, el.type_of)
        if carrier is None and cast:
            raise ElabError(f"typeclass instance problem is stuck: the target type of the cast in `{name}`", s)
        carrier = carrier or NAT
    for var, v in sub.items():
        want_ty = NAT if var in nat_vars else carrier
        if el.type_of(v) != want_ty:
            raise ElabError(f"application type mismatch: `{var}` of `{name}` must have type {want_ty.name}", s)
    check_type_allowed(name, carrier, s)
    # 5. proofs postponed until their premise is known
    for i, a in given.items():
        kind, pat, _ = params[i]
        if kind == "proof" and _deferred(a):
            premise = substitute(pat, sub)
            if mvars(premise):
                raise ElabError(f"don't know how to synthesize the implicit arguments of `{name}`", a)
            pe.check(a, retype(premise, carrier))
    # 6. what is left stays quantified, innermost last
    out = substitute(stmt, sub)
    for i in range(len(params) - 1, -1, -1):
        kind, var, is_nat = params[i]
        if kind == "proof":
            if i not in given:
                out = Bin("→", substitute(var, sub), out, PROP)
        elif var not in sub:
            out = _forall(var, NAT if is_nat else carrier, out)
    return retype(out, carrier)


def _pvars(params) -> set[str]:
    return {p[1] for p in params if p[0] != "proof"}


def _rule_sub(pe, name: str, args: tuple, s: Syn) -> tuple[list, Expr, dict[str, Expr], dict[int, Syn], Expr | None]:
    """``(params, statement, the variables the arguments fix, the explicit arguments by position, the
    type when known)`` of ``name args`` used as a rewrite rule; proofs that need their expected type
    are left for later."""
    hit = resolve(name)
    if hit is None:
        raise ElabError(f"Unknown identifier `{name}`", s)
    params, stmt = schema(hit[0])
    explicit = [i for i, p in enumerate(params) if p[0] != "implicit"]
    if len(args) > len(explicit):
        raise ElabError(f"function expected: `{name}` takes {len(explicit)} explicit arguments", s)
    given = dict(zip(explicit, args))
    sub: dict[str, Expr] = {}
    el = pe.elab()
    pvars = _pvars(params)
    for i, a in given.items():
        if params[i][0] == "proof" and not _deferred(a):
            if hit[1] not in (None, NAT) and _numeral_statement(el, a) is not None:
                a = _at_type(a, hit[1])
            if not match(norm(params[i][1]), norm(pe.infer(a)), pvars, sub):
                raise ElabError(f"application type mismatch: argument of `{name}` has the wrong type", a)
    types = {el.type_of(v) for v in sub.values()}
    joint = hit[1] or (max(types, key=lambda t: NUM_RANK.get(t, -1)) if types else None)
    term_args = [a for i, a in given.items() if params[i][0] == "explicit" and not params[i][2]]
    if joint is None and term_args:
        joint = el.max_type([t for a in term_args for t in el.collect(a)], None)
    for i, a in given.items():
        kind, var, is_nat = params[i]
        if kind == "explicit":
            sub[var] = witness(el, a, NAT) if is_nat else el.arith_tree(a, joint)
            joint = joint or (None if is_nat else el.type_of(sub[var]))
    return params, stmt, sub, given, joint


def rewrite_rule(pe, name: str, args: tuple, s: Syn) -> tuple[Expr, set[str], str | None]:
    """An equation/iff lemma as a rewrite rule: (statement with pattern variables, the variables
    still to unify, the lemma name). Explicit term arguments given are substituted; proofs given
    fix the variables of their premises; the other premises are :func:`side_conditions`."""
    params, stmt, sub, _, ty = _rule_sub(pe, name, args, s)
    if ty is not None:  # the type is known: the rule's terms have it (a closed rule is compared as it is)
        check_type_allowed(name, ty, s)
        stmt = retype(stmt, ty)
    return substitute(stmt, sub), _pvars(params) - set(sub), name


def side_conditions(pe, name: str, args: tuple, lhs: Expr, instance: Expr, ty: Expr, s: Syn) -> list[Expr]:
    """The premises of the rewrite ``name args`` at the instance found (``lhs`` matched ``instance``,
    of type ``ty``): a premise given as ``by …`` is checked here against its instantiated statement;
    a premise not given is returned, to become a new goal after the main one, as in Lean's ``rw``."""
    params, _, sub, given, _ = _rule_sub(pe, name, args, s)
    found: dict[str, Expr] = dict(sub)
    if not match(lhs, instance, _pvars(params), found):
        raise ElabError(f"internal: the instance of `{name}` does not match its rule", s)
    out = []
    for i, (kind, pat, _) in enumerate(params):
        if kind != "proof" or (i in given and not _deferred(given[i])):
            continue
        premise = retype(substitute(pat, found), ty)
        if mvars(premise):
            raise ElabError(f"MiniLean: the premise of `{name}` is not determined by the rewrite", s)
        if i in given:
            pe.check(given[i], premise)
        else:
            out.append(premise)
    return out
