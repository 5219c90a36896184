"""Adversarial: a local named like a global hides the global, as in Lean.

In Lean a binder ``(True : Prop)`` is a new local variable: inside the theorem ``True`` means that
variable, not ``_root_.True``; the same holds for ``False``, ``Nat``, ``abs``, ``Even``, ``id``,
``mul_pos``… and for names a proof introduces (``intro True``). Notation (``ℕ``, ``|x|``) and
tactic macros (``trivial``, ``exfalso``) are hygienic: they keep meaning the globals.

``ATTACKS`` are false statements (each group says which instance of the shadowing local refutes
it) with proofs that work only if the local is confused with the global; none may verify.
``CONTROLS`` use the shadowed name consistently and must verify (so a fix that refuses every local
named like a global fails). ``UNICODE_DIGITS`` are not Lean numerals at all (a parse error in Lean).
"""

from __future__ import annotations

import pytest

from .helpers import verify as _verify


def _each(statement: str, proofs: list[str]) -> list[tuple[str, str]]:
    return [(statement, p) for p in proofs]


ATTACKS = [
    # `True` is any proposition (take True := False): the goal `True` is unprovable
    *_each("theorem t (True : Prop) : True", [
        "trivial", "exact True.intro", "simp", "decide", "tauto", "norm_num", "exact trivial", "constructor",
        "exact ⟨⟩", "apply True.intro", "simp_all", "rfl", "aesop", "exact (by trivial : True)", "assumption",
        "first | trivial | simp", "exact of_eq_true rfl", "norm_num at *", "simp only []"]),
    *_each("theorem t (True : Prop) (p : Prop) (hp : p) : True ∧ p", [
        "exact ⟨trivial, hp⟩", "constructor\n· trivial\n· exact hp", "simp [hp]", "tauto", "simp_all",
        "refine ⟨?_, hp⟩\nsimp"]),
    # `True` as a type (take True := Bool): two of its elements need not be equal
    *_each("theorem t (True : Type) (x y : True) : x = y", [
        "rfl", "simp", "cases x\ncases y\nrfl", "exact Subsingleton.elim x y", "trivial", "decide", "tauto"]),
    # `False` is any proposition (take False := True): a proof of it proves nothing
    *_each("theorem t (False : Prop) (h : False) : (1 : ℕ) = 2", [
        "exact h.elim", "exact False.elim h", "contradiction", "cases h", "simp at h", "tauto", "exfalso\nexact h",
        "nomatch h", "omega", "linarith", "simp_all", "norm_num at h", "exact absurd h id", "rcases h with ⟨⟩",
        "exact (h : _root_.False).elim"]),
    # `¬False` unfolds to `False → _root_.False`: with False := True it is false
    *_each("theorem t (False : Prop) : ¬False", [
        "intro h\nexact h", "exact fun h => h", "simp", "tauto", "norm_num", "decide", "exact not_false",
        "intro h\ncontradiction", "intro h\ncases h", "exact id", "simp_all", "by_contra h\npush_neg at h\nexact h"]),
    # proof-introduced names: the goal's `p` was renamed `True`, the hypothesis is `_root_.True`
    *_each("theorem t : ∀ p : Prop, True → p", [
        "intro True h\nexact h", "intro True h\nassumption", "intro True h\ntauto", "intro True\nsimp",
        "intro True h\nsimp_all", "intro True\nintro _\ntrivial"]),
    *_each("theorem t : ∀ True : Prop, True", [
        "intro True\ntrivial", "intro p\ntrivial", "simp", "tauto", "intro h\nexact True.intro", "decide",
        "intro True\nsimp", "intro True\nnorm_num", "intro True\nexact trivial"]),
    *_each("theorem t : ∀ False : Prop, ¬False", [
        "intro False h\nexact h", "simp", "tauto", "intro p hp\nexact hp", "intro False\nsimp", "norm_num",
        "intro False h\ncontradiction", "intro False h\nsimp at h"]),
    # `Nat` as a type (take Nat := Unit): no two distinct elements, no numerals
    *_each("theorem t (Nat : Type) : ∃ x y : Nat, x ≠ y", [
        "use 0, 1", "exact ⟨0, 1, by norm_num⟩", "refine ⟨0, 1, ?_⟩\nnorm_num", "exact ⟨0, 1, by decide⟩",
        "use 0, 1\nomega", "exact ⟨0, 1, Nat.zero_ne_one⟩", "use 0, 1\nsimp", "exact ⟨0, 1, zero_ne_one⟩"]),
    *_each("theorem t (Nat : Type) (x : Nat) : ∃ y : Nat, y ≠ x", [
        "use x + 1\nomega", "exact ⟨x + 1, by omega⟩", "use x + 1\nsimp", "exact ⟨x.succ, Nat.succ_ne_self x⟩"]),
    *_each("theorem t (Int : Type) (a : Int) : ∃ b : Int, b ≠ a", [
        "use a + 1\nomega", "exact ⟨a + 1, by omega⟩", "use a - 1\nsimp", "use a + 1\nlinarith"]),
    *_each("theorem t (Real : Type) (x : Real) : ∃ y : Real, y ≠ x", [
        "use x + 1\nlinarith", "exact ⟨x + 1, by linarith⟩", "use x + 1\nsimp", "use x + 1\nnorm_num"]),
    # `abs` is any function (take abs := fun _ => -1)
    *_each("theorem t (abs : ℝ → ℝ) (x : ℝ) : abs x ≥ 0", [
        "exact abs_nonneg x", "positivity", "simp", "norm_num", "apply abs_nonneg", "nlinarith [abs_nonneg x]",
        "linarith [abs_nonneg x]", "simp [abs_nonneg]", "exact abs_nonneg _", "have h := abs_nonneg x\nexact h",
        "have h := abs_nonneg x\nlinarith", "simp_all [abs_nonneg]", "exact le_abs_self x |>.trans' (by norm_num)"]),
    *_each("theorem t (abs : ℝ → ℝ) : abs (-1) = 1", [
        "norm_num", "simp", "rfl", "norm_num [abs_of_neg]", "simp [abs_of_neg]", "exact abs_neg_one",
        "rw [abs_neg]\nnorm_num", "norm_num [abs_eq]"]),
    *_each("theorem t : ∀ abs : ℝ, abs ≥ 0", [
        "intro abs\npositivity", "intro x\npositivity", "intro abs\nexact abs_nonneg abs", "simp", "norm_num",
        "intro abs\nsimp", "intro abs\nnlinarith [abs_nonneg abs]"]),
    *_each("theorem t (abs : ℝ → ℝ) (x y : ℝ) : abs (x + y) ≤ abs x + abs y", [
        "exact abs_add x y", "apply abs_add", "linarith [abs_add x y]", "simp [abs_add]"]),
    # `Even`/`Odd` are any predicates (take Even := fun _ => False, Odd := fun _ => True)
    *_each("theorem t (Even : ℕ → Prop) : Even 2", [
        "decide", "norm_num", "exact even_two", "use 1", "simp", "exact ⟨1, rfl⟩", "trivial", "exact ⟨1, by norm_num⟩",
        "apply even_two", "simp [Nat.even_iff]"]),
    *_each("theorem t (Odd : ℕ → Prop) : ¬Odd 2", [
        "decide", "norm_num", "simp", "intro h\nobtain ⟨k, hk⟩ := h\nomega", "simp [Nat.odd_iff]",
        "rintro ⟨k, hk⟩\nomega"]),
    *_each("theorem t (Even : ℤ → Prop) (n : ℤ) (h : Even n) : Even (n + 2)", [
        "obtain ⟨k, hk⟩ := h\nexact ⟨k + 1, by omega⟩", "exact h.add even_two", "simp [h]", "simp_all [Int.even_add]"]),
    # `id` is any function (take id := fun _ => 0)
    *_each("theorem t (id : ℕ → ℕ) (n : ℕ) : id n = n", [
        "rfl", "simp", "exact rfl", "norm_num", "simp [id]", "unfold id\nrfl", "exact id_eq n", "simp only [id_eq]"]),
    *_each("theorem t (f : ℕ → ℕ) : ∀ n, f n = n", [
        "intro id\nrfl", "intro id\nsimp", "intro n\nrfl"]),
    # local lemma names: `sq_nonneg`, `mul_pos`, `le_refl` mean the locals; the goals are false
    *_each("theorem t (sq_nonneg : ℝ → Prop) (x y : ℝ) : x * y ≤ x ^ 2", [
        "nlinarith [sq_nonneg x]", "nlinarith [sq_nonneg (x - y)]", "nlinarith [sq_nonneg x, sq_nonneg y]",
        "have h := sq_nonneg (x - y)\nnlinarith"]),
    *_each("theorem t (sq_nonneg : ℝ → ℝ) (x : ℝ) : sq_nonneg x ≥ 0", [
        "exact sq_nonneg x", "positivity", "nlinarith [sq_nonneg x]", "apply sq_nonneg", "simp", "exact pow_two_nonneg x"]),
    *_each("theorem t (mul_pos : ℝ → ℝ → ℝ) (a b : ℝ) (ha : 0 < a) (hb : 0 < b) : 0 < mul_pos a b", [
        "positivity", "exact mul_pos ha hb", "nlinarith [mul_pos ha hb]", "apply mul_pos <;> assumption",
        "simp [ha, hb]", "norm_num [ha, hb]", "exact _root_.mul_pos ha hb", "apply mul_pos\n· exact ha\n· exact hb"]),
    *_each("theorem t (le_refl : ℕ → Prop) (n : ℕ) : le_refl n", [
        "exact le_refl n", "apply le_refl", "simp", "exact Nat.le_refl n", "rfl", "trivial", "decide",
        "exact le_refl _"]),
    *_each("theorem t (add_pos : ℝ → ℝ → Prop) (a b : ℝ) (ha : 0 < a) (hb : 0 < b) : add_pos a b", [
        "exact add_pos ha hb", "apply add_pos ha hb", "positivity", "linarith"]),
]

# the shadowed name used consistently: these are true and must verify
CONTROLS = [
    ("theorem t (True : Prop) (h : True) : True", "exact h"),
    ("theorem t (True : Prop) (h : True) : True", "assumption"),
    ("theorem t (True : Prop) : True → True", "intro h\nexact h"),
    ("theorem t (True : Prop) : True → True", "exact fun h => h"),
    ("theorem t (False : Prop) (h : False) : False", "exact h"),
    ("theorem t (False : Prop) (p : Prop) (hp : p) (h : p → False) : False", "exact h hp"),
    ("theorem t : ∀ True : Prop, True → True", "intro p hp\nexact hp"),
    ("theorem t : ∀ True : Prop, True → True", "intro True h\nexact h"),
    ("theorem t : ∀ p : Prop, p → True", "intro True h\ntrivial"),
    ("theorem t : True", "trivial"),
    ("theorem t (Nat : Type) (x : Nat) : x = x", "rfl"),
    ("theorem t (Nat : Type) (x y : Nat) (h : x = y) : y = x", "exact h.symm"),
    ("theorem t (abs : ℝ → ℝ) (h : ∀ x, abs x = x ^ 2) (x : ℝ) : abs x ≥ 0", "rw [h]\npositivity"),
    ("theorem t (abs : ℝ → ℝ) (h : ∀ x, abs x = x ^ 2) (x : ℝ) : abs x ≥ 0", "rw [h]\nnlinarith [sq_nonneg x]"),
    ("theorem t (abs : ℝ → ℝ) (h : ∀ x, abs x ≥ 0) (x : ℝ) : abs x ≥ 0", "exact h x"),
    ("theorem t (x : ℝ) : |x| ≥ 0", "exact abs_nonneg x"),
    ("theorem t (Even : ℕ → Prop) (h : ∀ n, Even n) : Even 2", "exact h 2"),
    ("theorem t (Even : ℕ → Prop) (h : Even 2) : Even 2", "assumption"),
    ("theorem t : Even 2", "decide"),
    ("theorem t (id : ℕ → ℕ) (h : ∀ n, id n = n) (n : ℕ) : id n = n", "exact h n"),
    ("theorem t (id : ℕ → ℕ) (h : ∀ n, id n = n) (n : ℕ) : id (id n) = n", "rw [h, h]"),
    ("theorem t (mul_pos : ℝ → ℝ → ℝ) (h : ∀ a b, mul_pos a b = a * b) (a b : ℝ) (ha : 0 < a) (hb : 0 < b) :"
     " 0 < mul_pos a b", "rw [h]\npositivity"),
    ("theorem t (sq_nonneg : ℕ) (h : sq_nonneg = 2) : sq_nonneg + 1 = 3", "omega"),
    ("theorem t (sq_nonneg : ℕ) (h : sq_nonneg = 2) : sq_nonneg + 1 = 3", "subst h\nrfl"),
    ("theorem t (le_refl : ℕ → Prop) (h : ∀ n, le_refl n) (n : ℕ) : le_refl n", "exact h n"),
    ("theorem t (le_refl : ℕ → Prop) (h : ∀ n, le_refl n) (n : ℕ) : le_refl n", "apply h"),
    ("theorem t (x y : ℝ) : 2 * x * y ≤ x ^ 2 + y ^ 2", "nlinarith [sq_nonneg (x - y)]"),
]

# `∃ x y > 0, P` / `∀ x y > 0, P` bind BOTH x and y under the guard
BINDER_PREDICATES = [
    # y > 0 ∧ y ≤ 0 is impossible
    *_each("theorem t : ∃ x y : ℤ, x > 0 ∧ y > 0 ∧ y ≤ 0", ["exact ⟨1, 0, by norm_num, by norm_num, by norm_num⟩"]),
    *_each("theorem t : ∃ x y, x > (0 : ℤ) ∧ y > 0 ∧ y ≤ 0", ["exact ⟨1, 0, by norm_num, by norm_num, by norm_num⟩"]),
    *_each("theorem t : ∃ x y > (0 : ℤ), y ≤ 0", [
        "use 1, 0", "exact ⟨1, by norm_num, 0, by norm_num⟩", "exact ⟨1, 0, by norm_num, by norm_num⟩",
        "refine ⟨1, 0, ?_, ?_⟩ <;> norm_num", "use 1\nnorm_num\nuse 0", "use 1, -1\nnorm_num",
        "exact ⟨1, by norm_num, 0, by norm_num, by norm_num⟩", "refine ⟨1, ?_, 0, ?_, ?_⟩ <;> norm_num"]),
    *_each("theorem t : ∃ x y > (0 : ℕ), x + y = 1", [
        "use 1, 0", "exact ⟨1, by norm_num, 0, by norm_num, by norm_num⟩", "exact ⟨1, 0, by norm_num, by norm_num⟩",
        "refine ⟨1, ?_, 0, ?_, ?_⟩ <;> norm_num", "use 1\nconstructor\nnorm_num\nuse 0"]),
    # x + y = 1 needs one of them to be 0, which the guard on x (or y) forbids
    *_each("theorem t : ∃ x y > (0 : ℤ), x + y = 1", [
        "use 0, 1", "exact ⟨0, 1, by norm_num, by norm_num⟩", "refine ⟨0, 1, ?_, ?_⟩ <;> norm_num",
        "exact ⟨0, by norm_num, 1, by norm_num, by norm_num⟩", "use 0\nuse 1", "use 0, 1\nnorm_num"]),
    *_each("theorem t : ∃ x y > (0 : ℕ), x + y = 1", ["use 0, 1", "exact ⟨0, 1, by norm_num, by norm_num⟩"]),
    # the guard on the FIRST name: h says nothing about P 0 (take P := (· > 0))
    *_each("theorem t (P : ℤ → Prop) (h : ∀ x y > (0 : ℤ), P x) : P 0", [
        "exact h 0 1 (by norm_num)", "apply h 0 1 (by norm_num)", "exact h 0 (by norm_num) 1 (by norm_num)",
        "have := h 0 1 (by norm_num)\nexact this", "specialize h 0 1 (by norm_num)\nexact h", "apply h 0 1\nnorm_num"]),
    # h says: for x > 0 and y > 0, P y; nothing about P 0 (take P := (· > 0))
    *_each("theorem t (P : ℤ → Prop) (h : ∀ x y > (0 : ℤ), P y) : P 0", [
        "exact h 1 (by norm_num) 0", "exact h 1 0 (by norm_num)", "apply h 1 (by norm_num)", "apply h 1",
        "have := h 1 (by norm_num) 0\nexact this", "specialize h 1 (by norm_num) 0\nexact h",
        "simpa using h 1 (by norm_num) 0", "exact h 1 (by norm_num) 0 (by norm_num)"]),
    *_each("theorem t (P : ℕ → Prop) (h : ∀ x y, x > 0 → y > 0 → P y) : P 0", [
        "exact h 1 0 (by norm_num)", "apply h 1 0 (by norm_num)", "simp_all", "tauto"]),
]
BINDER_CONTROLS = [
    ("theorem t : ∃ x y > (0 : ℤ), x + y = 2", "exact ⟨1, by norm_num, 1, by norm_num, by norm_num⟩"),
    ("theorem t : ∃ x y > (0 : ℤ), x + y = 2", "refine ⟨1, ?_, 1, ?_, ?_⟩ <;> norm_num"),
    ("theorem t (P : ℤ → Prop) (h : ∀ x y > (0 : ℤ), P y) : P 1", "exact h 1 (by norm_num) 1 (by norm_num)"),
]

# digits of other scripts are neither numerals nor identifiers in Lean: a parse error
UNICODE_DIGITS = [
    ("theorem t : (١ : ℕ) + ١ = 2", "norm_num"),
    ("theorem t : (١ : ℕ) = 1", "rfl"),
    ("theorem t (x : ℕ) (h : x = ١) : x = 1", "exact h"),
    ("theorem t (x : ℕ) (h : x = ١) : x = 1", "omega"),
    ("theorem t : (१ : ℕ) + १ = 2", "norm_num"),
    ("theorem t : (１ : ℕ) + １ = 2", "norm_num"),
    ("theorem t : (𝟏 : ℕ) + 𝟏 = 2", "norm_num"),
    ("theorem t : (¹ : ℕ) = 1", "rfl"),
    ("theorem t : ∃ x : ℕ, x = ٣", "exact ⟨3, rfl⟩"),
    ("theorem t : (٣ : ℕ) ≠ 3", "decide"),  # would be true only if ٣ were an identifier with a value ≠ 3
    ("theorem t (x : ℕ) : x ^ ２ ≥ 0", "positivity"),
]


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{i}" for i in range(len(cases))]


@pytest.mark.parametrize(("statement", "proof"), ATTACKS, ids=_ids(ATTACKS))
def test_local_hides_global(backend, statement, proof):
    got = _verify(backend, statement, proof)
    assert not got.ok, (statement, proof)


@pytest.mark.parametrize(("statement", "proof"), CONTROLS, ids=_ids(CONTROLS))
def test_shadowed_name_used_consistently_verifies(backend, statement, proof):
    got = _verify(backend, statement, proof)
    assert got.ok, (statement, proof, got.reason)


@pytest.mark.parametrize(("statement", "proof"), BINDER_PREDICATES, ids=_ids(BINDER_PREDICATES))
def test_binder_predicate_guards_every_variable(backend, statement, proof):
    got = _verify(backend, statement, proof)
    assert not got.ok, (statement, proof)


@pytest.mark.parametrize(("statement", "proof"), BINDER_CONTROLS, ids=_ids(BINDER_CONTROLS))
def test_binder_predicate_controls(backend, statement, proof):
    got = _verify(backend, statement, proof)
    assert got.ok, (statement, proof, got.reason)


@pytest.mark.parametrize(("statement", "proof"), UNICODE_DIGITS, ids=_ids(UNICODE_DIGITS))
def test_other_scripts_digits_are_not_numerals(backend, statement, proof):
    got = _verify(backend, statement, proof)
    assert not got.ok, (statement, proof)
