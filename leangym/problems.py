"""The problem model shared by datasets, environments, search and agents."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DECLARATION = re.compile(
    r"^[ \t]*(?:@\[[^\]]*\][ \t\n]*)?(?:(?:private|protected|noncomputable)\s+)*(?:theorem|lemma)\s+"
    r"(«[^»\n]*»|[^\s(){}\[\]⦃⦄:]+)",
    re.MULTILINE,
)


def locate_theorem(source: str) -> tuple[int, str] | None:
    """Where the first ``theorem NAME``/``lemma NAME`` declaration of ``source`` starts, and ``NAME``.

    The one parser of a theorem's name in leangym: attributes (``@[simp]``) and ``private``/``protected``
    may precede the keyword; the name ends at whitespace, a colon or a bracket (``theorem foo(x : ℕ)``
    names ``foo``); a name in guillemets (``«my thm»``) keeps them, as Lean needs them to refer to it.
    Lines before the declaration (a header, comments) are skipped. None when there is no declaration.
    """
    match = _DECLARATION.search(source)
    return None if match is None else (match.start(), match.group(1))


def theorem_name_span(source: str) -> tuple[int, int] | None:
    """Start and end offsets of ``NAME`` in the first ``theorem NAME`` (see :func:`locate_theorem`), or None.

    For renaming a declaration or cutting its name off: ``source.index(name)`` would find a short name
    such as ``t`` inside the keyword ``theorem``.
    """
    match = _DECLARATION.search(source)
    return None if match is None else match.span(1)


def theorem_name(source: str) -> str | None:
    """``NAME`` in ``theorem NAME ...`` (see :func:`locate_theorem`), or None."""
    located = locate_theorem(source)
    return None if located is None else located[1]


DEFAULT_HEADER = "import Mathlib\nimport Aesop\n\nset_option maxHeartbeats 400000\n\nopen BigOperators Real Nat Topology Rat\n"


@dataclass(frozen=True)
class Problem:
    """One theorem to prove.

    ``statement`` is Lean source ``theorem NAME BINDERS : GOAL`` without ``:= by`` and without a
    proof; ``header`` holds the ``import``/``open``/``set_option`` lines it needs.
    """

    id: str
    statement: str
    header: str = ""
    split: str | None = None
    source: str = "local"
    informal: str | None = None
    reference_proof: tuple[str, ...] | None = None
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def name(self) -> str | None:
        """The declared theorem name in ``statement`` (None if the statement declares no theorem)."""
        return theorem_name(self.statement)

    def proof_command(self, tactics: list[str] | tuple[str, ...]) -> str:
        """The theorem as one command: statement, ``:= by`` and the tactics indented by two spaces.

        Backends send it in the environment where ``header`` was elaborated, so Lean's message
        positions count lines from the statement's first line.
        """
        body = "\n".join("  " + line for t in tactics for line in t.split("\n"))
        return f"{self.statement} := by\n{body}"

    def with_proof(self, tactics: list[str] | tuple[str, ...]) -> str:
        """Return the full checkable source: header, then :meth:`proof_command`."""
        return self.header + self.proof_command(tactics)


def normalize_statement(statement: str) -> str:
    """Strip a trailing ``:= by``/``:=`` (and whitespace) so statements compare equal across sources."""
    s = statement.rstrip()
    for suffix in (":= by sorry", ":= sorry", ":= by", ":="):
        if s.endswith(suffix):
            s = s[: -len(suffix)].rstrip()
            break
    return s
