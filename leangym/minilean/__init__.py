"""MiniLean: a sound checker for a fragment of Lean 4 + Mathlib, embedded in Python.

Layers, bottom up: :mod:`.core` (terms, printer, goals, proof states, Lean errors) → :mod:`.syntax`
→ :mod:`.elab`, :mod:`.rules`, :mod:`.lemmas`, :mod:`.proofterms` → :mod:`.tactics` (the registry and
the tactic groups) → :mod:`.interpreter` → :mod:`.commands` / :mod:`.repl`.
"""

# The tactic parser looks each tactic up in the registry, which the group modules fill when they are
# imported; registering them here, first, makes every entry point (parser included) see all of them.
from leangym.minilean import tactics as _tactics  # noqa: F401
