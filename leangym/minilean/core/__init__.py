"""MiniLean's trusted core: terms, their printer, goals, proof states and the declared Lean errors.

Every tactic goes through these modules; nothing here imports the parser, the elaborator or a tactic.
"""
