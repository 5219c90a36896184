"""Adversarial (third red team): data ``def``/``abbrev`` and ``#eval``.

Every ``(header, statement)`` below is a statement that is FALSE in Lean 4 + Mathlib (v4.33) — or,
where marked, one that real Lean cannot even state because the HEADER or the statement fails to
elaborate there — so no proof of it may verify through ``Backend.verify`` (the reward path). Each is
tried with every proof of ``CLOSERS`` (plus group-specific proofs). ``CONTROLS`` are true statements
MiniLean was checked to accept, so a fix that refuses every definition fails.

Groups and why their statements are false:

TYPE_CONFUSION — a definition's body has Lean's meaning at its DECLARED type, and a use casts the
  VALUE: ``def x : ℕ := 2 - 3`` is ``0`` so ``(x : ℤ) = 0``, never ``-1``; ``def x : ℤ := (2 : ℕ) - 3``
  is ``↑2 - 3 = -1`` (binop% pushes the expected type to the leaves); ℕ ``/`` floors, ℤ ``/``/``%`` are
  Euclidean (``-7 / -2 = 4``, ``-7 % -2 = 1``, ``-1 % 3 = 2``); ``x / 0 = 0`` in ℕ ℤ ℚ ℝ, ``n % 0 = n``;
  an argument is elaborated at the PARAMETER's type (``f (0 - 1)`` with ``f : ℤ → ℤ`` is ``f (-1)``,
  with ``f : ℕ → ℕ`` it is ``f 0``); nested definitions compose values, not syntax.
SCOPE — locals hide definitions (``theorem t (x : ℕ) : x = 5`` is about the local), but a binder's
  type is elaborated BEFORE the binder is in scope (``(h : c = 0) (c : ℕ)``: ``h`` is about the
  definition, the goal about the local); two binders ``(n n : ℕ)``: the body's ``n`` is the second.
NAMESPACES (once accepted, now refused) — ``namespace Foo … def x … end Foo`` declares ``Foo.x``; after ``end Foo``
  a bare ``x`` does not resolve in Lean: with Lean's default ``autoImplicit`` it is an auto-bound
  implicit (``theorem t : x = 1`` means ``∀ {x : ℕ}, x = 1``: false), without it an error. MiniLean
  ignores namespaces and resolves ``x`` to the definition.
GLOBAL_NAMES (once accepted, now refused) — Mathlib/core already declare ``Real.sqrt``, ``Real.pi``, ``Nat.succ``,
  ``max``, ``id``, ``Nat.factorial``, ``Nat.gcd``, ``Int.natAbs``, ``True.intro``, ``rfl``… In Lean
  ``def Real.sqrt …`` is an error (``'Real.sqrt' has already been declared``; ``sorry`` is a keyword), so
  the header never elaborates and nothing verifies; the statements are false about Mathlib's constants
  (``Real.sqrt 4 = 2``, ``max 1 1 = 1``, ``id 1 = 1``, ``3! = 6``). MiniLean's RESERVED_NAMES only covers
  its own types/predicates/lemmas, so the header "redefines" the global.
IMPLICIT_BINDERS (once accepted, ill-typed in Lean; now refused) — ``def f {n : ℕ} : ℕ := n``: ``f`` is ``@f ?n : ℕ``
  (the implicit cannot be inferred), and ``f 3`` is "function expected": the statement never elaborates.
RESERVED — names MiniLean knows (lemmas, types, predicates, ``True``, ``abs``, earlier declarations):
  the header must fail, so nothing verifies.
REFUSED_DEFS — definitions outside the fragment (recursion, ``sorry`` bodies, tactic bodies, ``Prop``
  bodies, pattern matching, ``noncomputable``/attributes/``instance``, ``let``/``if``, redefinition):
  the header fails or the name stays unknown; in particular a self-referential ``f n = f n + 1`` would
  prove ``0 = 1`` and a ``sorry`` body would launder ``sorry``.
SORRY_NAMES — a header that (wrongly) accepts ``def sorry``/``admit``/``sorryAx`` must not make the
  proof's ``sorry`` anything but ``sorry``: ``(1 : ℕ) = 2`` stays unproved.
"""

from __future__ import annotations

import gymnasium as gym
import pytest

import leangym  # noqa: F401  (registers the envs)
from leangym.errors import ConfigError
from leangym.minilean.repl import MiniLeanRepl

from .helpers import verify_with_header as _verify

CLOSERS = ["rfl", "decide", "norm_num", "simp", "omega", "linarith", "nlinarith", "positivity", "ring",
           "field_simp", "push_cast\nring", "simp_all", "exact rfl", "trivial", "tauto", "aesop", "exact?",
           "norm_num [f]", "simp [f]", "unfold f\nrfl", "rw [f]", "push_cast\nnorm_num", "ring_nf", "zify\nomega"]

TYPE_CONFUSION = [
    ("def x : ℕ := 2 - 3", "theorem t : (x : ℤ) = -1"),
    ("def x : ℕ := 2 - 3", "theorem t : (x : ℝ) + 1 = 0"),
    ("def x : ℤ := (2 : ℕ) - 3", "theorem t : x = 0"),
    ("def x : ℝ := (7 : ℕ) / 2", "theorem t : x = 3"),
    ("def x : ℝ := (7 / 2 : ℕ)", "theorem t : x = 7 / 2"),
    ("def f (n : ℕ) : ℕ := n - 1", "theorem t (m : ℤ) : (f 0 : ℤ) = -1"),
    ("def f (n : ℕ) : ℕ := n", "theorem t : (f (0 - 1) : ℤ) = -1"),
    ("def f (n : ℤ) : ℤ := n", "theorem t : f (0 - 1) = 0"),
    ("def f (n : ℤ) : ℤ := n", "theorem t : f ((0 : ℕ) - 1) = 0"),
    ("def f (n : ℝ) : ℝ := n", "theorem t (a b : ℕ) (h : a < b) : f (a - b) = 0"),
    ("def f (n : ℕ) : ℝ := n", "theorem t (a b : ℕ) (h : a < b) : f (a - b) < 0"),
    ("def f (x : ℝ) : ℝ := x", "theorem t : f (1 / 2) = 0"),
    ("def f (x : ℝ) : ℝ := x", "theorem t (n : ℕ) (h : n = 1) : f (n / 2) = 0"),
    ("def f (x : ℕ) : ℝ := x", "theorem t (n : ℕ) (h : n = 1) : f (n / 2) = 1 / 2"),
    ("def f (n : ℕ) : ℝ := n / 2", "theorem t : f 1 = 0"),
    ("def f (n : ℕ) := n / 2", "theorem t : (f 1 : ℝ) = 1 / 2"),
    ("def f (n : ℕ) : ℕ := n / 2", "theorem t : (f 7 : ℝ) = 7 / 2"),
    ("def f (n : ℕ) : ℕ := n - 3", "theorem t (k : ℕ) : (f k : ℝ) + 3 = k"),
    ("def f (n : ℕ) : ℕ := n - 3", "theorem t (k : ℕ) : (f k : ℤ) = k - 3"),
    ("def f (n : ℕ) : ℕ := n - 3", "theorem t : (f 2 : ℤ) = 2 - 3"),
    ("def f (a b : ℕ) : ℕ := a - b", "theorem t : ∀ x y : ℕ, f y x = x - y"),
    ("def f (a b : ℕ) : ℕ := a - b", "theorem t (a b : ℕ) : f b a = a - b"),
    ("def f (a b : ℕ) : ℕ := a - b", "theorem t (b a : ℕ) : f b a = a - b"),
    ("def f (n : ℕ) : ℕ := n * 2", "theorem t : f (f 1) = 2"),
    ("def f (n : ℕ) : ℤ := n - 5", "theorem t : ∀ n, f n = n - 5 → n = 0"),
    ("def f (n : ℤ) : ℤ := n / 0", "theorem t : f 5 = 5"),
    ("def f (n : ℚ) : ℚ := n / 0", "theorem t : f 5 = 5"),
    ("def f (n : ℝ) : ℝ := 1 / n", "theorem t : f 0 = 1"),
    ("def f (n : ℕ) : ℕ := n % 0", "theorem t : f 5 = 0"),
    ("def f (n : ℤ) : ℤ := n % 3", "theorem t : f (-1) = -1"),
    ("def f (n : ℤ) : ℤ := n % (-3)", "theorem t : f (-1) = -1"),
    ("def f (n : ℤ) : ℤ := n / (-2)", "theorem t : f (-3) = 1"),
    ("def a : ℤ := 7 / 2", "theorem t : (a : ℚ) = 7 / 2"),
    ("def a : ℤ := -7 / -2", "theorem t : a = 3"),
    ("def a : ℤ := -7 % -2", "theorem t : a = -1"),
    ("def x : ℕ := 10\ndef y : ℕ := x - 11", "theorem t : (y : ℤ) = -1"),
    ("def g (n : ℕ) : ℕ := n\ndef f (n : ℤ) : ℤ := n", "theorem t : f (g 1 - 2) = 0"),
    ("def a (n : ℕ) : ℕ := n - 3\ndef b (n : ℕ) : ℤ := a n", "theorem t : b 1 = -2"),
    ("def x : ℕ := 2", "theorem t : (2 : ℝ) ^ x = 2"),
    ("def c : ℝ := 2", "theorem t : c ^ 2 = 2"),
    ("def s (n : ℕ) : ℕ := n ^ 2", "theorem t : ∃ n, s n = 2"),
    ("def s (n : ℤ) : ℤ := n * n", "theorem t : ∃ n, s n < 0"),
    ("def p (x : ℝ) : ℝ := x ^ 2 - 2", "theorem t : ∃ x : ℚ, p x = 0"),
    ("def z : ℚ := 1 / 3", "theorem t : z * 3 = 2"),
    ("def k (n : ℕ) : ℕ := n * n", "theorem t : ∀ n : ℕ, k n > n"),
    ("abbrev f := 37", "theorem t : f + 1 = 37"),
    ("def g (n : ℕ) : ℕ := n - 1", "theorem t (r : ℝ) : g 0 = r"),
]

SCOPE = [
    ("def x : ℕ := 5", "theorem t (x : ℕ) : x = 5"),
    ("def f : ℕ := 3", "theorem t : ∀ f : ℕ, f = 3"),
    ("def f : ℕ := 3", "theorem t : ∃ f : ℕ, f ≠ 3 ∧ f = 3"),
    ("def f (x : ℕ) : ℕ := x + 1", "theorem t : ∀ x, f x = x"),
    ("def f (n : ℕ) : ℕ := n", "theorem t (f : ℕ → ℕ) : f 1 = 1"),
    ("def f (n : ℕ) : ℕ := n", "theorem t (f : ℕ) : f = 0"),
    ("def c : ℕ := 0", "theorem t (h : c = 0) (c : ℕ) : c = 0"),
    ("def c : ℕ := 0", "theorem t : c = 0 → ∀ c : ℕ, c = 0"),
    ("def c : ℕ := 0", "theorem t : ∀ c : ℤ, c - 1 = -1"),
    ("def c : ℕ := 0", "theorem t : ∃ c : ℕ, c = 1 ∧ c = 0"),
    ("def a : ℕ := 5\ndef g (a : ℕ) : ℕ := a + 1", "theorem t : g 0 = 6"),
    ("def f (n n : ℕ) : ℕ := n", "theorem t : f 1 2 = 1"),
    ("def h : ℕ := 0", "theorem t (h : 1 = 1) : h = 0"),
]
SCOPE_PROOFS = ["exact h", "assumption", "simpa using h", "intro h c\nexact h", "intro h c\nomega", "subst h\nrfl"]

NAMESPACES = [  # once accepted (see the module docstring)
    ("namespace Foo\ndef x : ℕ := 1\nend Foo", "theorem t : x = 1"),
    ("namespace Foo\ndef f (n : ℕ) : ℕ := n\nend Foo", "theorem t : f 2 = 2"),
    ("namespace Foo\ndef x : ℕ := 1\nend Foo", "theorem t : Foo.x = 2"),  # defended (Foo.x is 1)
    ("section\ndef x : ℕ := 1\nend", "theorem t : x = 2"),  # defended (sections do not scope names)
]

GLOBAL_NAMES = [  # once accepted (see the module docstring)
    ("def Real.sqrt (x : ℝ) : ℝ := x", "theorem t : Real.sqrt 4 = 4"),
    ("def Real.pi : ℝ := 3", "theorem t : Real.pi = 3"),
    ("def Real.exp (x : ℝ) : ℝ := 0", "theorem t : Real.exp 0 = 0"),
    ("def Real.log (x : ℝ) : ℝ := x", "theorem t : Real.log 1 = 1"),
    ("def Nat.succ (n : ℕ) : ℕ := n", "theorem t : Nat.succ 1 = 1"),
    ("def Nat.sub (a b : ℕ) : ℕ := a + b", "theorem t : Nat.sub 1 1 = 2"),
    ("def Nat.factorial (n : ℕ) : ℕ := n", "theorem t : Nat.factorial 3 = 3"),
    ("def Nat.gcd (a b : ℕ) : ℕ := 0", "theorem t : Nat.gcd 2 4 = 0"),
    ("def Int.natAbs (x : ℤ) : ℕ := 0", "theorem t : Int.natAbs (-3) = 0"),
    ("def Int.toNat (x : ℤ) : ℕ := 5", "theorem t : Int.toNat 0 = 5"),
    ("def Finset.card (x : ℕ) : ℕ := 0", "theorem t : Finset.card 0 = 0"),  # ill-typed in Lean
    ("def max (a b : ℕ) : ℕ := a + b", "theorem t : max 1 1 = 2"),
    ("def min (a b : ℕ) : ℕ := a + b", "theorem t : min 1 1 = 2"),
    ("def id (a : ℕ) : ℕ := a + 1", "theorem t : id 1 = 2"),
    ("def True.intro : ℕ := 1", "theorem t : True.intro = 1"),  # ill-typed in Lean (a proof, not ℕ)
    ("def Classical.choice : ℕ := 1", "theorem t : Classical.choice = 1"),
    ("def rfl : ℕ := 1", "theorem t : rfl = 1"),
    ("def Decidable : ℕ := 1", "theorem t : Decidable = 1"),
    ("def sorry : ℕ := 1", "theorem t : sorry = 1"),  # `sorry` is a keyword: the header is a parse error
]

IMPLICIT_BINDERS = [  # once accepted, ill-typed in Lean
    ("def f {n : ℕ} : ℕ := n", "theorem t : f 3 = 3"),
    ("def f {n : ℕ} : ℕ := n", "theorem t : f 3 = 4"),  # defended (3 ≠ 4 either way)
]

RESERVED = [
    ("def sq_nonneg : ℕ := 0", "theorem t : sq_nonneg = 0"),
    ("def True : ℕ := 0", "theorem t : True = 0"),
    ("def abs (n : ℕ) : ℕ := 0", "theorem t : abs 3 = 0"),
    ("def Nat : ℕ := 0", "theorem t : Nat = 0"),
    ("def Even : ℕ := 0", "theorem t : Even = 0"),
    ("def Odd (n : ℕ) : ℕ := 0", "theorem t : Odd 3 = 0"),
    ("def Prime (n : ℕ) : ℕ := n", "theorem t : Prime 4 = 4"),
    ("def Nat.Prime (n : ℕ) : ℕ := n", "theorem t : Nat.Prime 4 = 4"),
    ("def Int : ℕ := 1", "theorem t : Int = 1"),
    ("def «True» : ℕ := 1", "theorem t : «True» = 1"),
    ("def «sq_nonneg» : ℕ := 1", "theorem t : sq_nonneg = 1"),
    ("def «x» : ℕ := 1\ndef x : ℕ := 2", "theorem t : x = 2"),
    ("def c := 0\ndef c := 1", "theorem t : c = 1"),
    ("theorem c : (1 : ℕ) = 1 := rfl\ndef c : ℕ := 5", "theorem t : c = 5"),
    ("def t : ℕ := 0", "theorem t : t = 0"),
    ("def x : ℕ := 1", "theorem t : ｘ = 1"),  # full-width x is another character
    ("def K : ℕ := 1", "theorem t : \u212a = 1"),  # Kelvin sign
    ("def x₁ : ℕ := 1", "theorem t : x1 = 1"),
]

REFUSED_DEFS = [
    ("def f (n : ℕ) : ℕ := f n + 1", "theorem t : (0 : ℕ) = 1"),
    ("def f (n : ℕ) : ℕ := f n + 1", "theorem t : f 0 = f 0 + 1"),
    ("def f : ℕ := sorry", "theorem t : f = 1"),
    ("def f : ℕ := by sorry", "theorem t : f = 1"),
    ("def f : ℕ := 0 + sorry", "theorem t : f = 1"),
    ("def f : ℕ := (sorry)", "theorem t : f = 1"),
    ("def f : ℕ := by exact 3", "theorem t : f = 4"),
    ("def f : ℕ := by norm_num", "theorem t : f = 4"),
    ("def f : ℕ := by decide", "theorem t : f = 4"),
    ("def f : ℕ := by trivial", "theorem t : f = 4"),
    ("def P : Prop := False", "theorem t : P"),
    ("def s : Prop := 1 = 2", "theorem t : s"),
    ("def f : 1 = 2 := by sorry", "theorem t : (1 : ℕ) = 2"),
    ("noncomputable def f : ℝ := 1", "theorem t : f = 2"),
    ("@[simp] def f : ℕ := 1", "theorem t : f = 2"),
    ("instance : Inhabited ℕ := ⟨0⟩", "theorem t : (0 : ℕ) = 1"),
    ("def f : ℕ → ℕ\n  | 0 => 1\n  | n+1 => n", "theorem t : f 0 = 0"),
    ("def f [n : ℕ] : ℕ := n", "theorem t : f = 0"),
    ("def f : ℕ := let y := 2; y", "theorem t : f = 3"),
    ("def f : ℕ := if 1 = 2 then 1 else 0", "theorem t : f = 1"),
    ("def f : ℕ := (1 : ℝ)", "theorem t : f = 1"),
    ("def f (n : ℤ) : ℝ := 2 ^ n", "theorem t : f (-1) = 2"),
    ("def f := 2.5", "theorem t : f * 2 = 5"),  # Float in Lean; refused
    ("def f := -1", "theorem t : f + 1 = 0"),
    ("def y : ℕ := (-1 : ℤ)", "theorem t : y + 1 = 0"),
    ("def g (x : ℕ) : ℕ := x + y", "theorem t : g 1 = 1"),
    ("def u := fun n => n", "theorem t : u 1 = 2"),
    ("def f (n : ℕ) : ℕ := n", "theorem t : f = f + 1"),  # partial application
    ("def c : ℕ := 1", "theorem t : c 2 = 1"),  # over-application
    ("def f (n : ℕ) : ℕ := n", "theorem t (m : ℤ) : f m = m"),  # ℤ argument to an ℕ parameter
    ("def f (n : ℕ) : ℕ := n", "theorem t (r : ℝ) : f r = r"),
    ("def f (n : ℕ) : ℕ := n", "theorem t : f (-1) = 0"),
    ("def x : ℕ := 1\n#eval x = 2", "theorem t : x = 2"),
    ("#eval (1 : ℝ) / 0\ndef x : ℕ := 1", "theorem t : x = 2"),
    ("def c : ℕ := 0\nvariable (c : ℕ)", "theorem t : c = 1"),
    ("def _ : ℕ := 1", "theorem t : _ = 1"),
]

SORRY_NAMES = ["def sorry : ℕ := 1", "def admit : ℕ := 1", "def sorryAx : ℕ := 1", "def exact : ℕ := 1",
               "def h : ℕ := 1"]
SORRY_PROOFS = ["sorry", "exact sorry", "exact (sorry)", "have h : (1:ℕ) = 2 := sorry\nexact h",
                "have h : (1:ℕ) = 2 := by sorry\nexact h", "linarith [sorry]", "simp [sorry]", "rw [sorry]",
                "norm_num [sorry]", "admit", "exact admit", "have : sorry = 1 := rfl\nsorry", "exact sorryAx _",
                "omega", "decide", "simp", "have h : sorry = (2:ℕ) := sorry\nsimp at h", "exfalso\nexact sorry",
                "apply sorry", "refine sorry", "simpa using sorry"]

# true statements MiniLean was checked to accept: (header, statement, proof)
CONTROLS = [
    ("def x : ℕ := 2 - 3", "theorem t : (x : ℤ) = 0", "norm_num"),
    ("def x : ℤ := (2 : ℕ) - 3", "theorem t : x = -1", "norm_num"),
    ("def x : ℝ := (7 : ℕ) / 2", "theorem t : x = 7 / 2", "norm_num"),
    ("def x : ℝ := (7 / 2 : ℕ)", "theorem t : x = 3", "norm_num"),
    ("def f (n : ℤ) : ℤ := n", "theorem t : f (0 - 1) = -1", "norm_num"),
    ("def f (n : ℕ) : ℕ := n", "theorem t : (f (0 - 1) : ℤ) = 0", "norm_num"),
    ("def f (n : ℝ) : ℝ := n", "theorem t (a b : ℕ) (h : (a : ℝ) < b) : f (a - b) < 0", "linarith"),
    ("def f (x : ℝ) : ℝ := x", "theorem t : f (1 / 2) = 1 / 2", "rfl"),
    ("def f (n : ℕ) : ℕ := n + 1", "theorem t : f 2 = 3", "decide"),
    ("def f (n : ℕ) : ℕ := n + 1", "theorem t : f 2 = 3", "rfl"),
    ("def f (n : ℕ) : ℕ := n + 1", "theorem t : f 2 = 3", "show f 2 = 3\nrfl"),
    ("def f (a b : ℕ) : ℕ := a - b", "theorem t (a b : ℕ) (h : b ≤ a) : f a b + b = a", "omega"),
    ("def f (a b : ℕ) : ℕ := a - b", "theorem t : ∀ x y : ℕ, f y x = y - x", "intro x y\nrfl"),
    ("def f (n : ℤ) : ℤ := n % 3", "theorem t : f (-1) = 2", "decide"),
    ("def a : ℤ := -7 / -2", "theorem t : a = 4", "decide"),
    ("def a : ℤ := -7 % -2", "theorem t : a = 1", "decide"),
    ("def f (n : ℚ) : ℚ := n / 0", "theorem t : f 5 = 0", "simp"),
    ("def x : ℕ := 10\ndef y : ℕ := x - 11", "theorem t : (y : ℤ) = 0", "norm_num"),
    ("def g (n : ℕ) : ℕ := n\ndef f (n : ℤ) : ℤ := n", "theorem t : f (g 1 - 2) = -1", "norm_num"),
    ("def x : ℕ := 5", "theorem t (x : ℕ) (h : x = 3) : x = 3", "exact h"),
    ("def c : ℕ := 0", "theorem t (h : c = 0) (c : ℕ) : c = c", "rfl"),
    ("def c : ℕ := 1", "theorem t : ∀ n, n = c → n - 2 = (n : ℤ) - 2", "intro n h\nomega"),
    ("def f (n n : ℕ) : ℕ := n", "theorem t : f 1 2 = 2", "rfl"),
    ("def a : ℕ := 5\ndef g (a : ℕ) : ℕ := a + 1", "theorem t : g 0 = 1", "rfl"),
    ("def «f» : ℕ := 1", "theorem t : f = 1", "rfl"),
    ("def x! : ℕ := 1", "theorem t : x! = 1", "rfl"),
    ("def k (n : ℝ) : ℝ := n ^ 2 + 1", "theorem t (y : ℝ) : k y > 0", "positivity"),
    ("def s (n : ℤ) : ℤ := n * n", "theorem t : ∀ n, s n ≥ 0", "intro n\nnlinarith [sq_nonneg n]"),
    ("def x : ℕ := 1\n#eval x = 2\n#eval x", "theorem t : x = 1", "rfl"),
    ("def h : ℕ := 0", "theorem t (h : 1 = 2) : False", "omega"),
]


def _accepted(backend, header: str, statement: str, proofs: list[str]) -> list[str]:
    return [p for p in proofs if _verify(backend, header, statement, p).ok]


@pytest.mark.parametrize(("header", "statement"), TYPE_CONFUSION)
def test_type_confusion(backend, header, statement):
    assert _accepted(backend, header, statement, CLOSERS) == []


@pytest.mark.parametrize(("header", "statement"), SCOPE)
def test_scope(backend, header, statement):
    assert _accepted(backend, header, statement, CLOSERS + SCOPE_PROOFS) == []


@pytest.mark.parametrize(("header", "statement"), NAMESPACES)
def test_namespaces(backend, header, statement):
    assert _accepted(backend, header, statement, CLOSERS) == []


@pytest.mark.parametrize(("header", "statement"), GLOBAL_NAMES)
def test_global_names(backend, header, statement):
    assert _accepted(backend, header, statement, CLOSERS) == []


@pytest.mark.parametrize(("header", "statement"), IMPLICIT_BINDERS)
def test_implicit_binders(backend, header, statement):
    assert _accepted(backend, header, statement, CLOSERS) == []


@pytest.mark.parametrize(("header", "statement"), RESERVED)
def test_reserved_names(backend, header, statement):
    assert _accepted(backend, header, statement, CLOSERS) == []


@pytest.mark.parametrize(("header", "statement"), REFUSED_DEFS)
def test_refused_definitions(backend, header, statement):
    assert _accepted(backend, header, statement, CLOSERS + ["exact f", "assumption", "sorry"]) == []


@pytest.mark.parametrize("header", SORRY_NAMES)
def test_sorry_named_definitions_do_not_launder_sorry(backend, header):
    assert _accepted(backend, header, "theorem t : (1 : ℕ) = 2", SORRY_PROOFS) == []


@pytest.mark.parametrize(("header", "statement", "proof"), CONTROLS)
def test_controls(backend, header, statement, proof):
    verdict = _verify(backend, header, statement, proof)
    assert verdict.ok, verdict.reason


@pytest.mark.parametrize("proof", ["rfl\n#eval 1", "rfl\rdef d := 1", "rfl\ndef d := 1", "def c := 1\nrfl",
                                   "rfl\nend Foo", "rfl\nnamespace Foo"])
def test_proofs_cannot_add_commands(backend, proof):
    assert not _verify(backend, "def c : ℕ := 0", "theorem t : c = 1", proof).ok


# -- protocol: the same text in different environments ------------------------------------------
def test_statement_cache_follows_the_environment():
    repl = MiniLeanRepl(raise_internal=True)
    plain = repl.handle({"cmd": "example : (0 : ℕ) = 0 := by decide"})
    assert "messages" not in plain
    ea = repl.handle({"cmd": "def c : ℕ := 0"})["env"]
    eb = repl.handle({"cmd": "def c : ℕ := 1"})["env"]
    for _ in range(2):  # warm any cache with A, then ask B (and a definition-free env)
        assert "messages" not in repl.handle({"cmd": "theorem t : c = 0 := by decide", "env": ea})
        assert "messages" in repl.handle({"cmd": "theorem t : c = 0 := by decide", "env": eb})
        assert "messages" in repl.handle({"cmd": "theorem t : c = 0 := by decide"})
    # a theorem about `c` in B is about 1, and cannot be reused as `0 = 1`
    ec = repl.handle({"cmd": "theorem u : c = 1 := by decide", "env": eb})["env"]
    assert "messages" in repl.handle({"cmd": "example : (0 : ℕ) = 1 := by rw [u]", "env": ec})
    # tactic mode: `show`/`decide` with the definition of B
    r = repl.handle({"cmd": "theorem v : c = 0 := by sorry", "env": eb})
    ps = r["sorries"][0]["proofState"]
    assert "message" in repl.handle({"tactic": "decide", "proofState": ps})
    assert "message" in repl.handle({"tactic": "show c = 0\ndecide", "proofState": ps})
    r = repl.handle({"cmd": "theorem v2 : (1 : ℕ) = 0 := by sorry", "env": eb})
    ps = r["sorries"][0]["proofState"]
    assert repl.handle({"tactic": "show c = 0\nsorry", "proofState": ps})["proofStatus"] != "Completed"


def test_gym_reward_with_definitions_in_the_header():
    env = gym.make("MiniLean-v0")
    try:
        env.reset(options={"statement": "theorem t : c = 0", "header": "import Mathlib\ndef c : ℕ := 0\n"})
        assert env.step("rfl")[1] == 1.0  # honest
        env.reset(options={"statement": "theorem t : c = 1", "header": "import Mathlib\ndef c : ℕ := 0\n"})
        for proof in ["rfl", "decide", "norm_num", "simp", "omega"]:
            env.reset(options={"statement": "theorem t : c = 1", "header": "import Mathlib\ndef c : ℕ := 0\n"})
            assert env.step(proof)[1] == 0.0
    finally:
        env.close()


@pytest.mark.parametrize(("header", "statement", "proof"), [
    ("namespace Foo\ndef x : ℕ := 1\nend Foo", "theorem t : x = 1", "rfl"),
    ("def max (a b : ℕ) : ℕ := a + b", "theorem t : max 1 1 = 2", "rfl"),
    ("def Real.sqrt (x : ℝ) : ℝ := x", "theorem t : Real.sqrt 4 = 4", "norm_num"),
])
def test_gym_reward_for_false_statements_via_header(header, statement, proof):
    """NAMESPACES / GLOBAL_NAMES through the gym reward path: the header is refused at reset (a clear
    error, as Lean refuses it) or, if it were taken, the proof would pay nothing."""
    env = gym.make("MiniLean-v0")
    try:
        try:
            env.reset(options={"statement": statement, "header": f"import Mathlib\n{header}\n"})
        except ConfigError as e:
            assert "header failed to elaborate" in str(e)
            return
        assert env.step(proof)[1] == 0.0
    finally:
        env.close()
