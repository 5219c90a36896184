"""Search trees and the critic preference pairs derived from them.

Pairs follow InternLM2.5-StepProver's critic data (DESIGN §5): on a found proof path, the on-path
child beats each sibling that never reached ``no goals`` (``"sibling"``) and a later on-path state
beats its ancestors (``"progress"``); across problems, roots of solved problems beat roots of unsolved
ones (``"root"``). Pairs carry raw goal text; apply :func:`leangym.policy.critic_text` for model input.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from leangym.backend.api import ProofState
from leangym.store import CriticPair

if TYPE_CHECKING:
    from leangym.search.best_first import SearchResult


@dataclass(eq=False)
class Node:
    """A distinct proof state in one problem's tree; ``value`` is filled in by the critic, if any."""

    id: int
    state: ProofState
    parent: int | None
    tactic: str
    path_score: float
    value: float | None
    depth: int
    children: list[int] = field(default_factory=list)
    pending: list | None = field(default=None, repr=False)
    """Candidates proposed but not yet tried (``SearchConfig.slice_proposals``); None before the first call."""


@dataclass(eq=False)
class SearchTree:
    """All states reached for one problem; ``closing`` lists (parent id, tactic) edges that closed the proof."""

    problem_id: str
    root: Node
    nodes: list[Node] = field(default_factory=list)
    closing: list[tuple[int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.nodes:
            self.nodes.append(self.root)

    def add(self, state: ProofState, parent: int, tactic: str, path_score: float) -> Node:
        node = Node(len(self.nodes), state, parent, tactic, path_score, None, self.nodes[parent].depth + 1)
        self.nodes.append(node)
        self.nodes[parent].children.append(node.id)
        return node

    def path(self, node_id: int) -> list[Node]:
        """Nodes from the root down to ``node_id``."""
        out = []
        cur: int | None = node_id
        while cur is not None:
            out.append(self.nodes[cur])
            cur = self.nodes[cur].parent
        return out[::-1]

    def path_to_close(self, tactics: Sequence[str]) -> list[Node]:
        """The on-path nodes of a proof (root first, state before the closing tactic last)."""
        node = self.root
        path = [node]
        for t in tactics[:-1]:
            node = next(self.nodes[c] for c in node.children if self.nodes[c].tactic == t)
            path.append(node)
        return path

    def reaching_no_goals(self) -> set[int]:
        """Ids of nodes with a closing edge in their subtree (they 'reached no goals')."""
        ok: set[int] = set()
        for parent, _ in self.closing:
            cur: int | None = parent
            while cur is not None and cur not in ok:
                ok.add(cur)
                cur = self.nodes[cur].parent
        return ok


def tree_critic_pairs(tree: SearchTree, path: Sequence[Node]) -> list[CriticPair]:
    """Sibling and progress pairs from one proof path in ``tree``."""
    good = tree.reaching_no_goals()
    pairs: list[CriticPair] = []
    for i in range(1, len(path)):
        child = path[i]
        for sib in path[i - 1].children:
            if sib != child.id and sib not in good:
                pairs.append(
                    CriticPair(child.state.text, tree.nodes[sib].state.text, "sibling", tree.problem_id)
                )
        for ancestor in path[:i]:
            pairs.append(CriticPair(child.state.text, ancestor.state.text, "progress", tree.problem_id))
    return pairs


def root_critic_pairs(
    results: Iterable[SearchResult], *, max_pairs: int = 1000, seed: int = 0
) -> list[CriticPair]:
    """Solved roots ≻ unsolved roots, sampled without replacement up to ``max_pairs`` pairs.

    Needs the statements' root goals, so only results that kept their tree (``keep_trees=True``) or
    stored proof states contribute.
    """
    solved, unsolved = [], []
    for r in results:
        if r.proved and r.states:
            solved.append(r.states[0])
        elif r.status == "failed" and r.tree is not None:
            unsolved.append(r.tree.root.state.text)
    all_pairs = [(s, u) for s in solved for u in unsolved if s != u]
    rng = random.Random(seed)
    picked = rng.sample(all_pairs, min(max_pairs, len(all_pairs)))
    return [CriticPair(s, u, "root") for s, u in picked]
