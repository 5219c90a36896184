"""Lean's printed goals as data: the one parser of the goal format, for ``info["hypotheses"]`` and agents.

Lean (and MiniLean, which imitates it) prints a goal as an optional ``case TAG`` line, one line per group
of hypotheses (``x y : ℕ`` declares two), a let-bound hypothesis as ``x : ℕ := 5``, then ``⊢ TARGET``.
A hypothesis or target too long for one line continues on lines indented by spaces. Hypothesis names
may carry Lean's marks for inaccessible names (``n✝``, ``inst✝¹``) or be «quoted».
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TURNSTILE = "⊢"

_NAMES = re.compile(r"^((?:«[^»]*»|[^\s:«»]+)(?:\s+(?:«[^»]*»|[^\s:«»]+))*) : ")
"""The names of a hypothesis line: words without a colon, then `` : `` (a type may itself hold ``:``)."""


@dataclass(frozen=True)
class Hypothesis:
    """One local hypothesis: ``name : type`` (``value`` for a let-bound ``name : type := value``)."""

    name: str
    type: str
    value: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "type": self.type, "value": self.value}


@dataclass(frozen=True)
class Goal:
    """One goal: its ``case`` tag (or None), its hypotheses in order, and the target after ``⊢``."""

    hypotheses: tuple[Hypothesis, ...]
    target: str
    case: str | None = None

    def to_dict(self) -> dict:
        """Plain data (lists, dicts, strings) for an env's ``info``."""
        return {"case": self.case, "hypotheses": [h.to_dict() for h in self.hypotheses], "target": self.target}


def _logical_lines(text: str) -> list[str]:
    """Join continuation lines (indented by spaces) to the line they continue."""
    lines: list[str] = []
    for raw in text.split("\n"):
        if raw.startswith(" ") and lines:
            lines[-1] += " " + raw.strip()
        elif raw.strip():
            lines.append(raw.rstrip())
    return lines


def _split_value(body: str) -> tuple[str, str | None]:
    """``type := value`` -> (type, value) where ``:=`` sits outside brackets; else (body, None)."""
    depth = 0
    for i, ch in enumerate(body):
        if ch in "([{⟨⦃":
            depth += 1
        elif ch in ")]}⟩⦄":
            depth -= 1
        elif depth == 0 and body.startswith(" := ", i):
            return body[:i], body[i + 4 :]
    return body, None


def parse_goal(text: str) -> Goal:
    """One goal as Lean prints it -> :class:`Goal`. A text without ``⊢`` is taken as a bare target.

    >>> parse_goal("case succ\\nx y : ℕ\\nh : x ≤ y\\n⊢ x + 1 ≤ y + 1").hypotheses[1]
    Hypothesis(name='y', type='ℕ', value=None)
    """
    case: str | None = None
    hypotheses: list[Hypothesis] = []
    target_parts: list[str] = []
    for line in _logical_lines(text):
        if target_parts:  # anything after the turnstile belongs to the target
            target_parts.append(line.strip())
        elif line.startswith(TURNSTILE):
            target_parts.append(line[len(TURNSTILE) :].strip())
        elif line.startswith("case ") and case is None and not hypotheses:
            case = line[len("case ") :].strip()
        elif (match := _NAMES.match(line)) is not None:
            body, value = _split_value(line[match.end() :].strip())
            hypotheses.extend(Hypothesis(name, body, value) for name in _split_names(match.group(1)))
        elif hypotheses:  # an unindented continuation (rare): keep it with the previous type
            last = hypotheses[-1]
            hypotheses[-1] = Hypothesis(last.name, f"{last.type} {line.strip()}", last.value)
    if not target_parts:
        return Goal((), text.strip(), case)
    return Goal(tuple(hypotheses), " ".join(target_parts), case)


def _split_names(names: str) -> list[str]:
    return re.findall(r"«[^»]*»|[^\s«»]+", names)


def parse_goals(goals: list[str] | tuple[str, ...]) -> list[Goal]:
    """Each goal string (as in ``info["goals"]`` or ``ProofState.goals``) -> :class:`Goal`."""
    return [parse_goal(g) for g in goals]
