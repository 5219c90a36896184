"""Search configuration: one dataclass, help text next to each field, checks in ``__post_init__``."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Literal

from leangym.errors import ConfigError

Priority = Literal["logprob", "critic", "blend", "bfs", "rule"]
PRIORITIES: tuple[str, ...] = ("logprob", "critic", "blend", "bfs", "rule")


@dataclass
class SearchConfig:
    """Budgets and ranking of best-first proof search (budgets are quoted per problem)."""

    expansions: int = field(
        default=64, metadata={"help": "states expanded per problem (policy calls per problem)"}
    )
    samples: int = field(default=8, metadata={"help": "tactics sampled per expanded state (k)"})
    wall_time: float = field(default=120.0, metadata={"help": "seconds per problem, counted from its start"})
    priority: Priority = field(
        default="logprob",
        metadata={
            "help": "frontier order: cumulative policy log-prob, critic value, a blend of both, bfs (states "
            "in the order found) or rule (fewest goals first, then shortest targets; no learning)"
        },
    )
    length_alpha: float = field(
        default=0.0,
        metadata={
            "help": "each tactic's log-prob is divided by num_tokens**alpha before summing "
            "(0: plain sum, 0.5: BFS-Prover, 1: mean token log-prob)"
        },
    )
    critic_weight: float = field(
        default=0.5, metadata={"help": "blend priority = (1-w) * path log-prob + w * critic value"}
    )
    states_per_round: int = field(
        default=1, metadata={"help": "frontier states each live problem contributes to one policy batch"}
    )
    slice_proposals: bool = field(
        default=False,
        metadata={
            "help": "ask the policy once per state for every candidate it has and try them `samples` per "
            "expansion, the state going back on the frontier until all are tried (for unranked "
            "generators: every expansion still costs at most `samples` tactics)"
        },
    )
    total_tactics: int | None = field(
        default=None,
        metadata={
            "help": "tactics run over all problems together at most (None: no limit); once spent, the "
            "problems still searching end as failed (an agent's env-step budget)"
        },
    )
    max_depth: int = field(
        default=32, metadata={"help": "tactics in a proof at most; deeper states are not expanded"}
    )
    tactic_timeout: float | None = field(
        default=None, metadata={"help": "seconds per tactic (backend default if unset)"}
    )
    lean_threads: int = field(
        default=8, metadata={"help": "threads calling the backend when it has no batched run_tactics"}
    )
    round: int = field(
        default=0, metadata={"help": "expert-iteration round recorded with proofs in the store"}
    )
    keep_trees: bool = field(
        default=False, metadata={"help": "return each problem's search tree in its result"}
    )

    def __post_init__(self) -> None:
        positive = ("expansions", "samples", "states_per_round", "max_depth", "lean_threads")
        for name in positive:
            v = getattr(self, name)
            if not isinstance(v, int) or v < 1:
                raise ConfigError(f"SearchConfig.{name} must be a positive integer, got {v!r}")
        if self.total_tactics is not None and (not isinstance(self.total_tactics, int) or self.total_tactics < 0):
            raise ConfigError(f"SearchConfig.total_tactics must be None or an integer >= 0, got {self.total_tactics!r}")
        if self.wall_time <= 0:
            raise ConfigError(f"SearchConfig.wall_time must be > 0 seconds, got {self.wall_time}")
        if self.priority not in PRIORITIES:
            raise ConfigError(f"SearchConfig.priority must be one of {PRIORITIES}, got {self.priority!r}")
        if not 0.0 <= self.critic_weight <= 1.0:
            raise ConfigError(f"SearchConfig.critic_weight must lie in [0, 1], got {self.critic_weight}")
        if self.length_alpha < 0:
            raise ConfigError(f"SearchConfig.length_alpha must be >= 0, got {self.length_alpha}")

    @property
    def needs_critic(self) -> bool:
        return self.priority in ("critic", "blend")

    def budget(self) -> str:
        """The budget as quoted in the literature: samples × expansions (per pass)."""
        return f"{self.samples}x{self.expansions}"

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata.get("help", "") for f in fields(cls)}
