"""Goals: a local context of variables and hypotheses plus a target, printed exactly as Lean does."""

from __future__ import annotations

from dataclasses import dataclass

from leangym.minilean.core.printer import Printer, TypedNames, superscript
from leangym.minilean.core.terms import Expr
from leangym.minilean.core.terms import fresh_id as fresh_id  # re-exported: where tactics take it from


@dataclass(frozen=True, slots=True)
class Hyp:
    """One local: a variable ``x : ℕ`` (``is_prop`` False) or a hypothesis ``h : x = 2``."""

    id: int
    name: str
    type: Expr
    is_prop: bool
    inaccessible: bool = False


@dataclass(frozen=True, slots=True)
class Goal:
    hyps: tuple[Hyp, ...]
    target: Expr
    tag: str = ""

    def display_names(self) -> TypedNames:
        """Names as Lean shows them: shadowed or anonymous locals get ``✝`` (``✝¹``, ``✝²``… for older ones)."""
        names: dict[int, str] = {}
        counts: dict[str, int] = {}
        seen: set[str] = set()
        for h in reversed(self.hyps):
            if not h.inaccessible and h.name not in seen:
                names[h.id] = h.name
                seen.add(h.name)
            else:
                k = counts.get(h.name, 0)
                counts[h.name] = k + 1
                names[h.id] = h.name + "✝" + (superscript(k) if k else "")
        return TypedNames(names, {h.id: h.type for h in self.hyps if not h.is_prop})

    def lookup(self, name: str) -> Hyp | None:
        """The accessible local called ``name`` (the latest one), as Lean's name resolution finds it."""
        for h in reversed(self.hyps):
            if h.name == name and not h.inaccessible:
                return h
        return None

    def with_hyp(self, h: Hyp) -> Goal:
        return Goal(self.hyps + (h,), self.target, self.tag)

    def pretty(self, mathlib: bool = True) -> str:
        names = self.display_names()
        pr = Printer(names, mathlib)
        lines = []
        if self.tag:
            lines.append(f"case {self.tag}")
        group: list[str] = []
        group_ty: str | None = None
        group_e: Expr | None = None
        for h in self.hyps:
            ty = pr.pp(h.type)
            if group and ty == group_ty:
                group.append(names[h.id])
                continue
            if group:
                lines.append(pr.pp_line(group_e, f"{' '.join(group)} : "))
            group, group_ty, group_e = [names[h.id]], ty, h.type
        if group:
            lines.append(pr.pp_line(group_e, f"{' '.join(group)} : "))
        lines.append(pr.pp_line(self.target, "⊢ "))
        return "\n".join(lines)


def pretty_goals(goals: tuple[Goal, ...] | list[Goal], mathlib: bool = True) -> str:
    return "\n\n".join(g.pretty(mathlib) for g in goals)
