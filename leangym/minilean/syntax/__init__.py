"""MiniLean's parsers for Lean 4 surface syntax: :mod:`.lexer`, :mod:`.terms` and :mod:`.tactics`.

They produce a surface tree with source offsets; nothing here knows about types or proofs.
"""
