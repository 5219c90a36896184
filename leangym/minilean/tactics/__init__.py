"""MiniLean's tactics, one module per group; importing this package registers every tactic.

The record of each tactic (names, argument parser, executor) is in :mod:`leangym.minilean.registry`; which group
holds which tactic is tabled in ``docs/minilean.md`` ("Where each tactic lives").
"""

from leangym.minilean.tactics import arithmetic, cases, closers, logic, rewriting, simp, structural

__all__ = ["arithmetic", "cases", "closers", "logic", "rewriting", "simp", "structural"]
