"""The problem model shared by datasets, environments, search and agents."""

from __future__ import annotations

from dataclasses import dataclass, field

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
