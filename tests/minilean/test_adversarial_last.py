"""Red team of the two mechanisms merged last: simp's zero laws (de5b3c2: ``nonpos_iff_eq_zero`` on ℕ,
``mul_eq_zero``/``zero_eq_mul``, ``tsub_eq_zero_iff_le`` on ℕ, ``a * b ≠ 0`` as a conjunction) and ℕ's
literal offsets when a hypothesis is matched by ``rw``/``simp``/``simp_all`` (2f572f1: ``u (n + 1)``
matches ``u 5`` and ``u (k + 3)``).

Every entry of ``ATTACKS`` is a FALSE statement with a counterexample checked here in Python with Lean's
semantics (ℕ subtraction truncates). None may pass ``Backend.verify`` nor close in the REPL's tactic mode.
The zero-law attacks aim at the type gating (the ℕ-only laws at ℤ/ℝ, casts, a ℕ term cast into ℤ/ℝ
beside a zero of that type), nested products, negations, hypotheses and ``simp_all`` chains; the offset
attacks at literals below the offset (``j < k``, ``0``), ℤ/ℝ arguments, ``n - 1`` patterns, offsets
below ``*``/``^``, nested offsets, ``←``, two-variable patterns and ``Nat.succ``.
``test_generated_zero_laws`` pairs random zero-law atoms (hypothesis, goal) at ℕ/ℤ/ℝ; a pair verifies\nonly where a grid search finds no counterexample.\n``CONTROLS`` are true neighbours that must verify; ``LEAN_REJECTS`` true statements with proofs real Lean
+ Mathlib rejects (no offset unification outside ℕ).
"""

from __future__ import annotations

import pytest

from .helpers import Attack, closed_in_tactic_mode, refused, verified
from .helpers import expand_attacks as _expand
from .helpers import verify as _verify


def _tsub(a: int, b: int) -> int:
    """ℕ subtraction."""
    return max(a - b, 0)


# proofs that turn a hypothesis through simp and then use it
_HYP = ["simp_all", "simp at h\nexact h", "simpa using h", "norm_num at h\nexact h", "simp at h\ntauto",
        "simp at h\nomega", "norm_num at h ⊢\nexact h", "simp_all\nomega"]
# proofs that rewrite the goal with simp and the hypothesis
_GOAL = ["simp [h]", "norm_num [h]", "simp_all", "simp\nexact h", "simp\ntauto", "simp [h]\nomega", "norm_num\nexact h"]

# 1. the zero laws: ℕ-only laws at other types, casts, nesting, negations, hypotheses, simp_all chains
ZERO_LAWS: list[Attack] = [
    # `a ≤ 0 ↔ a = 0` is ℕ's (canonically ordered); false in ℤ/ℝ and after a cast
    ("theorem t (a : ℤ) (h : a ≤ 0) : a = 0", lambda a=-1: a <= 0 and a != 0, _HYP),
    ("theorem t (x : ℝ) (h : x ≤ 0) : x = 0", lambda x=-1: x <= 0 and x != 0, _HYP),
    ("theorem t (a : ℤ) (h : 0 ≥ a) : a = 0", lambda a=-1: 0 >= a and a != 0, _HYP),
    ("theorem t (a b : ℕ) (h : (a : ℤ) - b ≤ 0) : a = b", lambda a=0, b=1: a - b <= 0 and a != b, _HYP),
    ("theorem t (a b : ℕ) (h : (a : ℝ) - b ≤ 0) : (a : ℝ) - b = 0", lambda a=0, b=1: a - b <= 0 and a - b != 0, _HYP),
    ("theorem t (a b c : ℤ) (h : a * (b - c) ≤ 0) : a = 0 ∨ b = c", lambda a=1, b=0, c=1: a * (b - c) <= 0 and not (a == 0 or b == c), _HYP),
    ("theorem t (x : ℝ) (n : ℕ) (h : x * n ≤ 0) : x = 0 ∨ n = 0", lambda x=-1, n=1: x * n <= 0 and not (x == 0 or n == 0), _HYP),
    ("theorem t (a : ℤ) (h : ¬ (a ≤ 0)) : a ≠ 0 → False", lambda a=1: not a <= 0 and a != 0, _HYP),
    ("theorem t (a : ℕ) (h : a ≥ 0) : a = 0", lambda a=1: a >= 0 and a != 0, _HYP),
    ("theorem t (a : ℕ) (h : a - 3 ≤ 0) : a = 3", lambda a=0: _tsub(a, 3) <= 0 and a != 3, _HYP),
    ("theorem t (a b : ℕ) (h : a * b ≤ 0) : a = 0", lambda a=1, b=0: a * b <= 0 and a != 0, _HYP),
    # `a - b = 0 ↔ a ≤ b` is ℕ's truncated subtraction; in a ring `a - b = 0` is `a = b`
    ("theorem t (a b : ℤ) (h : a ≤ b) : a - b = 0", lambda a=0, b=1: a <= b and a - b != 0, _GOAL),
    ("theorem t (x y : ℝ) (h : x ≤ y) : x - y = 0", lambda x=0, y=1: x <= y and x - y != 0, _GOAL),
    ("theorem t (a b : ℕ) (h : a ≤ b) : (a : ℤ) - b = 0", lambda a=0, b=1: a <= b and a - b != 0, _GOAL),
    ("theorem t (a b : ℕ) (h : a ≤ b) : (a : ℝ) - (b : ℝ) = 0", lambda a=0, b=1: a <= b and a - b != 0, _GOAL),
    ("theorem t (a b : ℕ) (h : a ≤ b) : ((a : ℤ) - (b : ℤ)) * 2 = 0", lambda a=0, b=1: a <= b and (a - b) * 2 != 0, _GOAL),
    ("theorem t (a b : ℕ) (h : b ≤ a) : a - b = 0", lambda a=1, b=0: b <= a and _tsub(a, b) != 0, _GOAL),
    ("theorem t (a b : ℕ) (h : a - b = 0) : b ≤ a", lambda a=0, b=1: _tsub(a, b) == 0 and not b <= a, _HYP),
    ("theorem t (a b : ℕ) (h : a - b = 0) : a = b", lambda a=0, b=1: _tsub(a, b) == 0 and a != b, _HYP),
    ("theorem t (a : ℕ) (h : a - 1 = 0) : a = 0", lambda a=1: _tsub(a, 1) == 0 and a != 0, _HYP),
    ("theorem t (a b : ℕ) (h : 0 = a - b) : b ≤ a", lambda a=0, b=1: 0 == _tsub(a, b) and not b <= a, _HYP),
    ("theorem t (a b : ℤ) (h : a - b ≠ 0) : b < a", lambda a=0, b=1: a - b != 0 and not b < a, _HYP),
    ("theorem t (a b : ℕ) (h : a ≠ b) : a - b ≠ 0", lambda a=0, b=1: a != b and _tsub(a, b) == 0, _GOAL),
    ("theorem t (a b : ℕ) (h : ((a - b : ℕ) : ℤ) = 0) : b ≤ a", lambda a=0, b=1: _tsub(a, b) == 0 and not b <= a, _HYP),
    ("theorem t (a b : ℕ) (h : ((a - b : ℕ) : ℝ) = 0) : a = b", lambda a=0, b=1: _tsub(a, b) == 0 and a != b, _HYP),
    ("theorem t (a b : ℕ) (h : b ≤ a) : ((a - b : ℕ) : ℤ) = 0", lambda a=1, b=0: b <= a and _tsub(a, b) != 0, _GOAL),
    # `a * b = 0 ↔ a = 0 ∨ b = 0`: a disjunction, not a conjunction, not one side
    ("theorem t (a b : ℕ) (h : a * b = 0) : a = 0", lambda a=1, b=0: a * b == 0 and a != 0, _HYP),
    ("theorem t (a b : ℤ) (h : a * b = 0) : a = 0 ∧ b = 0", lambda a=1, b=0: a * b == 0 and not (a == 0 and b == 0), _HYP),
    ("theorem t (x y : ℝ) (h : 0 = x * y) : y = 0", lambda x=0, y=1: 0 == x * y and y != 0, _HYP),
    ("theorem t (n : ℕ) (x : ℝ) (h : (n : ℝ) * x = 0) : n = 0", lambda n=1, x=0: n * x == 0 and n != 0, _HYP),
    ("theorem t (a b : ℕ) (h : (a : ℤ) * b = 0) : a = 0", lambda a=1, b=0: a * b == 0 and a != 0, _HYP),
    ("theorem t (x y : ℝ) (h : x / y = 0) : x = 0", lambda x=1, y=0: y == 0 and x != 0, _HYP),  # 1 / 0 = 0
    ("theorem t (a b : ℤ) (h : a + b = 0) : a = 0", lambda a=1, b=-1: a + b == 0 and a != 0, _HYP),
    ("theorem t (a b c : ℤ) (h : a * b * c = 0) : a = 0 ∨ b = 0", lambda a=1, b=1, c=0: a * b * c == 0 and not (a == 0 or b == 0), _HYP),
    ("theorem t (a b c : ℤ) (h : a * (b - c) = 0) : a = 0 ∨ b < c", lambda a=1, b=1, c=1: a * (b - c) == 0 and not (a == 0 or b < c), _HYP),
    ("theorem t (a b c : ℕ) (h : a * (b - c) = 0) : a = 0 ∨ b = c", lambda a=1, b=0, c=1: a * _tsub(b, c) == 0 and not (a == 0 or b == c), _HYP),
    ("theorem t (a : ℤ) (h : a * a = 0) : a = 1", lambda a=0: a * a == 0 and a != 1, _HYP),
    ("theorem t (a b : ℤ) (h : a * b = 0) : a * b ≠ 0", lambda a=0, b=0: a * b == 0, _HYP),
    # `a * b ≠ 0 ↔ a ≠ 0 ∧ b ≠ 0`: both factors, not one
    ("theorem t (a b : ℤ) (h : a ≠ 0) : a * b ≠ 0", lambda a=1, b=0: a != 0 and a * b == 0, _GOAL),
    ("theorem t (a b : ℤ) (h : a ≠ 0 ∨ b ≠ 0) : a * b ≠ 0", lambda a=1, b=0: (a != 0 or b != 0) and a * b == 0, _GOAL),
    ("theorem t (x y : ℝ) (h : ¬ (x = 0)) : ¬ (x * y = 0)", lambda x=1, y=0: x != 0 and x * y == 0, _GOAL),
    ("theorem t (a b c : ℤ) (h : a ≠ 0 ∧ b ≠ 0) : a * b * c ≠ 0", lambda a=1, b=1, c=0: a != 0 and b != 0 and a * b * c == 0, _GOAL),
    ("theorem t (a b : ℕ) (h : a ≠ 0) : 0 ≠ a * b", lambda a=1, b=0: a != 0 and 0 == a * b, _GOAL),
    ("theorem t (a b : ℕ) (h : a ≤ b) : a - b ≠ 0", lambda a=0, b=1: a <= b and _tsub(a, b) == 0, _GOAL),
    ("theorem t (a b : ℤ) (h : a * b ≠ 0) : a * b > 0", lambda a=-1, b=1: a * b != 0 and not a * b > 0, _HYP),
    # simp_all chains through several hypotheses
    ("theorem t (a b : ℤ) (h1 : a * b = 0) (h2 : a ≤ 0) : b = 0", lambda a=0, b=1: a * b == 0 and a <= 0 and b != 0, ["simp_all", "simp_all\nomega", "simp at h1 h2\nomega"]),
    ("theorem t (a b : ℕ) (h1 : a - b = 0) (h2 : b - a = 0) (h3 : a * b = 0) : a = 1", lambda a=0, b=0: a * b == 0 and a != 1, ["simp_all", "simp_all\nomega", "simp at h1 h2 h3\nomega"]),
    ("theorem t (x : ℝ) (n : ℕ) (h1 : x * n = 0) (h2 : n ≠ 0) : x = 1", lambda x=0, n=1: x * n == 0 and n != 0 and x != 1, ["simp_all", "simp at h1\nsimp_all", "simp [h2] at h1\nexact h1"]),
    ("theorem t (a b : ℤ) (h1 : a - b ≤ 0) (h2 : b - a ≤ 0) : a = b + 1", lambda a=0, b=0: a != b + 1, ["simp_all", "simp_all\nomega", "simp at h1 h2\nomega"]),
]

# 2. ℕ's literal offsets for hypothesis rules
_OFF = ["rw [h]", "simp [h]", "simp_all", "norm_num [h]", "simp only [h]", "rw [h]\nsimp", "simp [h] at *", "rw [h] <;> simp"]
_AT = ["rw [h] at h2\nomega", "simp [h] at h2", "simp_all", "norm_num [h] at h2", "simp [h] at h2\nomega",
       "rw [h] at h2\nsimp at h2", "simp only [h] at h2\nomega"]
_OFF_BACK = ["rw [← h]", "simp [← h]", "rw [← h]\nsimp", "simp only [← h]"]


def _u(k: int) -> int:
    """A sequence with ``u (n + 2) = 0`` and ``u 0 = u 1 = 1``."""
    return 0 if k >= 2 else 1


OFFSETS: list[Attack] = [
    # a literal below the offset: `?n + k` never matches `j < k`
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 2) = 0) : u 1 = 0", lambda: _u(1) != 0, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = 0) : u 0 = 0", lambda: _u(0) != 0, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 2) = 0) (k : ℕ) : u (k + 1) = 0", lambda k=0: _u(k + 1) != 0, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = 0) (k : ℕ) : u k = 0", lambda k=0: _u(k) != 0, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 3) = 0) (k : ℕ) : u (k + 2) = 0", lambda k=0: k + 2 < 3, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 2) = 0) : u (0 + 1) = 0", lambda: _u(1) != 0, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 2) = 0) : u (2 - 1) = 0", lambda: _u(_tsub(2, 1)) != 0, _OFF),
    # the pattern variable's value: `j - k`, `t + (j - k)`
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = n) : u 5 = 5", lambda: 5 - 1 != 5, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 2) = n) : u 5 = 4", lambda: 5 - 2 != 4, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = n) (k : ℕ) : u (k + 3) = k + 3", lambda k=0: k + 2 != k + 3, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 2) = n) (k : ℕ) : u (k + 3) = k", lambda k=0: k + 1 != k, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 2) = n - 1) : u 2 = 1", lambda: _tsub(0, 1) != 1, _OFF),
    ("theorem t (u : ℕ → ℤ) (h : ∀ n, u (n + 2) = n - 3) : u 2 = -3 + 1", lambda: 0 - 3 != -3 + 1, _OFF),
    ("theorem t (u : ℕ → ℝ) (h : ∀ n, u (n + 1) = 1 / n) : u 1 = 1", lambda: 0 != 1, _OFF),  # 1 / 0 = 0
    # an ℕ-subtraction pattern is no offset
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n - 1) = n) : u 0 = 5", lambda: True, _OFF),  # u 0 = 0 from n = 0
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1 - 1) = n + 1) : u 5 = 5", lambda: 5 + 1 != 5, _OFF),
    # offsets below `*`/`^` and nested offsets
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (2 * (n + 1)) = 0) : u 0 = 0", lambda: 0 % 2 == 0 and 0 < 2, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (2 * (n + 1)) = 0) : u (2 * 0) = 0", lambda: 0 < 2, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u ((n + 1) * 2) = 0) : u 1 = 0", lambda: 1 % 2 == 1, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u ((n + 1) ^ 2) = 0) : u 0 = 0", lambda: 0 < 1, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u ((n + 1) ^ 2) = 0) : u (0 ^ 2) = 0", lambda: 0 ** 2 < 1, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (2 ^ (n + 1)) = 0) : u 1 = 0", lambda: 2 ** 0 == 1, _OFF),  # u 1 is free
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1 + 1) = 0) : u 1 = 0", lambda: _u(1) != 0, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1 + 1) = 0) (k : ℕ) : u (k + 1) = 0", lambda k=0: _u(k + 1) != 0, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 2) = n) (k : ℕ) : u (k + 1 + 2) = k", lambda k=0: k + 1 != k, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = u n + 1) (h0 : u 0 = 0) : u 3 = 4", lambda: 3 != 4, _OFF),
    # `←`: the offset pattern on the right
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, 0 = u (n + 1)) : u 0 = 0", lambda: _u(0) != 0, _OFF_BACK),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, n = u (n + 1)) : u 5 = 5", lambda: 4 != 5, _OFF_BACK),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u n = u (n + 2)) (k : ℕ) : u (k + 1) = u k", lambda: True, _OFF_BACK),  # u = (1,0,1,0,…)
    # two-variable patterns
    ("theorem t (u : ℕ → ℕ → ℕ) (h : ∀ n m, u (n + 1) m = 0) : u 0 3 = 0", lambda: True, _OFF),  # u 0 m free
    ("theorem t (u : ℕ → ℕ → ℕ) (h : ∀ n m, u (n + 1) (m + 1) = 0) : u 1 0 = 0", lambda: True, _OFF),
    ("theorem t (u : ℕ → ℕ → ℕ) (h : ∀ n, u (n + 1) (n + 1) = 0) : u 1 2 = 0", lambda: 1 != 2, _OFF),
    ("theorem t (u : ℕ → ℕ → ℕ) (h : ∀ n, u (n + 1) n = 0) : u 3 3 = 0", lambda: 3 - 1 != 3, _OFF),
    ("theorem t (u : ℕ → ℕ → ℕ) (h : ∀ n, u n (n + 1) = 0) : u 3 3 = 0", lambda: 3 + 1 != 3, _OFF),
    ("theorem t (u : ℕ → ℕ → ℕ) (h : ∀ n, u (n + 2) (n + 1) = 0) (k : ℕ) : u (k + 3) (k + 1) = 0", lambda k=0: k + 1 != k, _OFF),
    ("theorem t (u : ℕ → ℕ → ℕ) (h : ∀ n m, u (n + m) n = m) : u 3 1 = 1", lambda: 3 - 1 != 1, _OFF),
    ("theorem t (u : ℕ → ℕ) (k : ℕ) (h : ∀ n, u (n + k) = 0) : u 0 = 0", lambda: True, _OFF),  # k = 1
    # `Nat.succ`
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (Nat.succ n) = 0) : u 0 = 0", lambda: _u(0) != 0, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u n.succ = n) : u 4 = 4", lambda: 3 != 4, _OFF),
    # conditional hypotheses: the side condition is instantiated with `j - k`
    ("theorem t (u : ℕ → ℕ) (h : ∀ n ≥ 1, u (n + 1) = 0) : u 1 = 0", lambda: True, _OFF),  # n = 0 fails n ≥ 1
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, n ≥ 3 → u (n + 2) = 0) : u 4 = 0", lambda: 4 - 2 < 3, _OFF),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, 0 < n → u (n + 1) = n) (k : ℕ) : u (k + 1) = k", lambda: True, _OFF),  # k = 0
    # relations other than `=`, and ℤ/ℝ values of the sequence
    ("theorem t (u : ℕ → ℤ) (h : ∀ n, u (n + 1) > 0) : u 0 > 0", lambda: True, _OFF + ["exact h 0", "linarith [h 0]"]),
    ("theorem t (u : ℕ → ℝ) (h : ∀ n, u (n + 1) = 2 * u n) (h0 : u 0 = 1) : u 2 = 2", lambda: 4 != 2, _OFF + ["rw [h, h, h0]\nnorm_num", "simp [h, h0]"]),
    ("theorem t (u : ℕ → ℝ) (h : ∀ n, u (n + 2) = u (n + 1) + u n) (h0 : u 0 = 1) (h1 : u 1 = 1) : u 3 = 2", lambda: 3 != 2, _OFF + ["rw [h, h, h0, h1]\nnorm_num", "simp [h, h0, h1]", "norm_num [h, h0, h1]"]),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = u n) (h0 : u 0 = 1) : u 5 = 0", lambda: 1 != 0, _OFF + ["simp [h, h0]", "simp_all"]),
    # rewriting a hypothesis: the offset rule at `h2`'s terms
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = n) (h2 : u 0 = 3) : False", lambda: True, _AT),  # u 0 = 3
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 2) = n) (k : ℕ) (h2 : u (k + 1) = 7) : False", lambda: True, _AT),  # u 1 = 7
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = n) (h2 : u 5 = 4) : False", lambda: 5 - 1 == 4, _AT),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = n) (k : ℕ) (h2 : u (k + 2) = k + 1) : False", lambda k=0: k + 1 == k + 1, _AT),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 3) = 0) (h2 : u 2 = 1) : False", lambda: True, _AT),  # u 2 = 1
]

ATTACKS: dict[str, list[tuple[str, str]]] = {
    "zero_laws": _expand(ZERO_LAWS),
    "offsets": _expand(OFFSETS),
}
ALL_GROUPS = ZERO_LAWS + OFFSETS

CONTROLS = [  # true neighbours, with the proofs provers write: they must verify
    ("theorem t (a : ℕ) (h : a ≤ 0) : a = 0", "simp at h\nexact h"),
    ("theorem t (a b : ℕ) (h : a - b = 0) : a ≤ b", "simp at h\nexact h"),
    ("theorem t (a b : ℕ) (h : a ≤ b) : a - b = 0", "simp [h]"),
    ("theorem t (a b : ℤ) (h : a * b = 0) (ha : a ≠ 0) : b = 0", "simp at h\ntauto"),
    ("theorem t (x y : ℝ) (hx : x ≠ 0) (hy : y ≠ 0) : x * y ≠ 0", "simp\nexact ⟨hx, hy⟩"),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = n) (h2 : u 5 = 3) : False", "rw [h] at h2\nomega"),
    ("theorem t (a b : ℕ) (h : a * b = 0) : a = 0 ∨ b = 0", "simp at h\nexact h"),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = n) : u 5 = 4", "rw [h]"),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 1) = n) (k : ℕ) : u (k + 3) = k + 2", "simp [h]"),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n + 2) = 0) : u 2 = 0", "simp [h]"),
    ("theorem t (u : ℕ → ℝ) (h : ∀ n, u (n + 1) = 2 * u n) (h0 : u 0 = 1) : u 2 = 4", "rw [h, h, h0]\nnorm_num"),
]

LEAN_REJECTS = [  # true statements, proofs real Lean + Mathlib rejects: Lean unifies literal offsets on ℕ only
    ("theorem t (u : ℤ → ℤ) (h : ∀ n, u (n + 1) = 0) : u 0 = 0", "rw [h]"),
    ("theorem t (u : ℤ → ℤ) (h : ∀ n, u (n + 1) = 0) : u 5 = 0", "rw [h]"),
    ("theorem t (u : ℝ → ℝ) (h : ∀ x, u (x + 1) = 0) : u 5 = 0", "rw [h]"),
    ("theorem t (u : ℝ → ℝ) (h : ∀ x, u (x + 1) = 0) : u 5 = 0", "simp [h]"),
    ("theorem t (u : ℚ → ℚ) (h : ∀ x, u (x + 1) = 0) (y : ℚ) : u (y + 3) = 0", "rw [h]"),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (n - 1) = 0) : u 3 = 0", "rw [h]"),
    ("theorem t (u : ℕ → ℕ) (h : ∀ n, u (2 * n) = 0) : u 4 = 0", "rw [h]"),
    # the zero laws belong to the default simp set: `simp only`/`norm_num1` without them make no progress
    ("theorem t (a : ℕ) (h : a ≤ 0) : a = 0", "simp only at h\nexact h"),
    ("theorem t (a b : ℕ) (h : a * b = 0) : a = 0 ∨ b = 0", "simp only at h\nexact h"),
    ("theorem t (a b : ℕ) (h : a - b = 0) : a ≤ b", "simp only [] at h\nexact h"),
    ("theorem t (a b : ℕ) (h : a - b = 0) : a ≤ b", "norm_num1 at h\nexact h"),
    ("theorem t (a b : ℤ) (h : ¬ (a * b = 0)) : a ≠ 0", "push_neg at h\nexact h.1"),  # push_neg leaves `a * b ≠ 0`
]


@pytest.mark.parametrize("family", sorted(ATTACKS))
def test_false_statements_never_verify(backend, family):
    assert not verified(backend, ATTACKS[family]), f"{family}: MiniLean verified false statements"


def test_counterexamples_refute_each_statement():
    """Each attacked statement is false: its counterexample, evaluated here, meets the hypotheses and
    breaks the conclusion (where the thunk is ``True`` the comment beside it names the model)."""
    wrong = [s for s, w, _ in ALL_GROUPS if not w()]
    assert not wrong, wrong


def test_false_statements_never_close_in_tactic_mode():
    assert not closed_in_tactic_mode([pair for family in ATTACKS.values() for pair in family])


def test_proofs_lean_rejects_are_refused(backend):
    assert not verified(backend, LEAN_REJECTS), "MiniLean verified proofs real Lean rejects"


def test_controls_verify(backend):
    assert not refused(backend, CONTROLS), "true statements with correct proofs refused"


def test_attack_counts():
    """The families keep their size (a shrinking list is a silent loss of coverage)."""
    assert sum(len(v) for v in ATTACKS.values()) >= 200
    assert all(len(v) >= 50 for v in ATTACKS.values()), {k: len(v) for k, v in ATTACKS.items()}


# -- generated: random zero-law atoms as hypothesis and goal; a pair may verify only with no counterexample --
_ATOMS = ["a * b = 0", "0 = a * b", "a - b = 0", "0 = a - b", "a ≤ 0", "0 ≥ a", "a - b ≤ 0", "a * b ≤ 0", "a * b ≠ 0",
          "a - b ≠ 0", "a = 0", "b = 0", "a ≤ b", "b ≤ a", "a = b", "a = 0 ∨ b = 0", "a = 0 ∧ b = 0", "a ≠ 0 ∧ b ≠ 0",
          "a ≠ 0 ∨ b ≠ 0", "¬ (a * b = 0)", "a * (b - a) = 0", "(a - b) * b = 0", "a * b * a = 0", "a - b - b = 0"]
_GEN_VALUES = {"ℕ": range(0, 4), "ℤ": range(-2, 3), "ℝ": range(-2, 3)}
_GEN_PROOFS = ["simp_all", "simp at h\nexact h", "simpa using h", "norm_num at h ⊢\nexact h", "simp at h ⊢\ntauto",
               "simp [h]", "simp at h\nomega"]


def _holds(atom: str, ty: str, a: int, b: int) -> bool:
    sub = (lambda x, y: max(x - y, 0)) if ty == "ℕ" else (lambda x, y: x - y)
    e = atom.replace("¬ (", "not (").replace("≠", "!=").replace("≤", "<=").replace("≥", ">=")
    e = e.replace("∨", " or ").replace("∧", " and ").replace(" = ", " == ")
    # ℕ subtraction: evaluate `x - y` through `sub` (the atoms have at most two nested subtractions)
    e = e.replace("a * (b - a)", "a * sub(b, a)").replace("(a - b) * b", "sub(a, b) * b")
    e = e.replace("a - b - b", "sub(sub(a, b), b)").replace("a - b", "sub(a, b)")
    return bool(eval(e, {"sub": sub, "a": a, "b": b}))


def _generated_pairs(seed: int, count: int) -> list[tuple[str, str, bool]]:
    import random

    rng = random.Random(seed)
    out = []
    for _ in range(count):
        ty, hyp, goal = rng.choice(list(_GEN_VALUES)), rng.choice(_ATOMS), rng.choice(_ATOMS)
        points = [(x, y) for x in _GEN_VALUES[ty] for y in _GEN_VALUES[ty]]
        refuted = any(_holds(hyp, ty, x, y) and not _holds(goal, ty, x, y) for x, y in points)
        for proof in rng.sample(_GEN_PROOFS, 2):
            out.append((f"theorem t (a b : {ty}) (h : {hyp}) : {goal}", proof, refuted))
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_zero_laws(backend, seed):
    pairs = _generated_pairs(seed, 250)
    assert sum(r for _, _, r in pairs) > 200
    verified = [(s, p, refuted) for s, p, refuted in pairs if _verify(backend, s, p).ok]
    assert len(verified) > 20  # the true pairs do verify: the generator's proofs are live
    forged = [(s, p) for s, p, refuted in verified if refuted]
    assert not forged, forged


def test_generated_semantics():
    """The generator's evaluator: ℕ subtraction truncates, ℤ's does not."""
    assert _holds("a - b = 0", "ℕ", 1, 3) and not _holds("a - b = 0", "ℤ", 1, 3)
    assert _holds("a - b - b = 0", "ℕ", 3, 2) and not _holds("a - b - b = 0", "ℤ", 3, 2)
    assert _holds("¬ (a * b = 0)", "ℤ", -1, 2) and _holds("a ≠ 0 ∨ b ≠ 0", "ℕ", 0, 1)
    assert not _holds("a ≤ 0", "ℤ", 1, 0) and _holds("0 ≥ a", "ℤ", -1, 0)
