"""MiniLean's arithmetic decision procedures over the typed IR in :mod:`.ir`.

Each procedure mirrors a Lean 4 / Mathlib tactic, as strong as it and no stronger, and carries its
soundness argument in its docstring. ``deadline`` arguments are ``time.monotonic()`` values; a
procedure that passes its deadline raises :class:`leangym.errors.ReplTimeout`. Terms a procedure
cannot handle make it fail (return ``False``/``None``) or raise :class:`Unsupported` where the
signature has no failure value (``evaluate``, ``ring_normalize``); a solver that answers "unknown"
makes it raise :class:`GiveUp`. ``GiveUp`` (``Unsupported`` is one) is the only way a procedure gives
up: any other exception is a bug, and MiniLean reports it as an internal error, never as a failed
tactic.
"""

from __future__ import annotations

from leangym.minilean.arith.casts import norm_cast, push_cast
from leangym.minilean.arith.fields import field_simp
from leangym.minilean.arith.linear import linarith, nlinarith
from leangym.minilean.arith.normnum import decide, norm_num, simp_arith
from leangym.minilean.arith.poly import ring_equal, ring_normalize
from leangym.minilean.arith.presburger import omega
from leangym.minilean.arith.semantics import GiveUp, Unsupported, evaluate, holds, int_div, int_mod, is_prime
from leangym.minilean.arith.signs import positivity

__all__ = [
    "GiveUp",
    "Unsupported",
    "decide",
    "evaluate",
    "field_simp",
    "holds",
    "int_div",
    "int_mod",
    "is_prime",
    "linarith",
    "nlinarith",
    "norm_num",
    "norm_cast",
    "omega",
    "positivity",
    "push_cast",
    "ring_equal",
    "ring_normalize",
    "simp_arith",
]
