"""How a tactic calls a decision procedure of :mod:`leangym.minilean.arith` through the bridge.

A procedure that is missing or gives up (raises :class:`~leangym.minilean.arith.GiveUp`) makes the
tactic *fail* with Lean's message — a failure never closes a goal, so soundness rests only on each
procedure's own soundness (tested there). Any other exception from a procedure is a bug and
propagates: the REPL reports it as an internal error, never as a failed tactic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leangym.minilean import bridge, lemmas
from leangym.minilean.arith import GiveUp
from leangym.minilean.core.context import Goal
from leangym.minilean.core.errors import ElabError
from leangym.minilean.core.state import CLASSICAL, on_main
from leangym.minilean.proofterms import ProofElab
from leangym.minilean.syntax.terms import Syn, Tac

if TYPE_CHECKING:
    from leangym.minilean.interpreter import Interpreter


def call(name: str, *args, **kw):
    """Run an arith procedure; None when it is unavailable or gives up."""
    try:
        return bridge.procedure(name)(*args, **kw)
    except GiveUp:
        return None


def hyp_props(g: Goal, tr: bridge.Translator) -> list:
    out = []
    for h in g.hyps:
        if h.is_prop:
            try:
                out.append(tr.prop(h.type))
            except bridge.NotArith:
                continue
    return out


def hint_props(interp: Interpreter, g: Goal, terms: list[Syn], tr: bridge.Translator, t: Tac) -> list:
    pe = ProofElab(interp, g)
    out = []
    for s in terms:
        if s.kind == "ident" and g.lookup(s.args[0]) is None and lemmas.is_definition(s.args[0]):
            continue  # `norm_num [Int.ModEq]`: a definition to unfold (a rewrite rule), no fact
        try:
            p = pe.infer(s)
        except ElabError as e:
            raise interp.elab_error(e, t) from None
        try:
            out.append(tr.prop(p))
        except bridge.NotArith:
            continue
    return out


def closed(st, t: Tac, axioms: frozenset | None = None):
    """Close the main goal; ``axioms`` defaults to what Mathlib's arithmetic tactics use."""
    return on_main(st, [], sorry=st.sorry, axioms=st.axioms | (CLASSICAL if axioms is None else axioms))
