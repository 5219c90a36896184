"""Best-first proof search over many problems at once, and critic pairs from its trees."""

from __future__ import annotations

from leangym.search.best_first import SearchResult, SearchRun, SearchStats, best_first_search
from leangym.search.config import SearchConfig
from leangym.search.tree import Node, SearchTree, root_critic_pairs, tree_critic_pairs

__all__ = [
    "Node",
    "SearchConfig",
    "SearchResult",
    "SearchRun",
    "SearchStats",
    "SearchTree",
    "best_first_search",
    "root_critic_pairs",
    "tree_critic_pairs",
]
