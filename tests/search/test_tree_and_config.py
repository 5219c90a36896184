from __future__ import annotations

import pytest

from leangym.backend.api import ProofState
from leangym.errors import ConfigError
from leangym.problems import Problem
from leangym.search import SearchConfig, SearchResult, SearchTree, root_critic_pairs, tree_critic_pairs
from leangym.search.tree import Node

P = Problem(id="p", statement="theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q")


def _state(text: str, tactics=()) -> ProofState:
    return ProofState(P, (text,), tuple(tactics))


def _tree() -> SearchTree:
    """root -constructor-> a -exact hp-> b (then `exact hq` closes); root -simp-> dead; a -rfl-> dead2."""
    tree = SearchTree("p", Node(0, _state("⊢ p ∧ q"), None, "", 0.0, None, 0))
    a = tree.add(_state("⊢ p\n\n⊢ q", ["constructor"]), 0, "constructor", -1.0)
    tree.add(_state("⊢ p ∧ q ∧ True", ["simp"]), 0, "simp", -2.0)
    b = tree.add(_state("⊢ q", ["constructor", "exact hp"]), a.id, "exact hp", -1.5)
    tree.add(_state("⊢ p\n\n⊢ q\n\n⊢ True", ["constructor", "rfl"]), a.id, "rfl", -3.0)
    tree.closing.append((b.id, "exact hq"))
    return tree


def test_tree_paths_and_pairs():
    tree = _tree()
    path = tree.path_to_close(["constructor", "exact hp", "exact hq"])
    assert [n.state.text for n in path] == ["⊢ p ∧ q", "⊢ p\n\n⊢ q", "⊢ q"]
    assert [n.id for n in tree.path(path[-1].id)] == [n.id for n in path]
    pairs = {(p.kind, p.chosen, p.rejected) for p in tree_critic_pairs(tree, path)}
    assert pairs == {
        ("sibling", "⊢ p\n\n⊢ q", "⊢ p ∧ q ∧ True"),
        ("sibling", "⊢ q", "⊢ p\n\n⊢ q\n\n⊢ True"),
        ("progress", "⊢ p\n\n⊢ q", "⊢ p ∧ q"),
        ("progress", "⊢ q", "⊢ p ∧ q"),
        ("progress", "⊢ q", "⊢ p\n\n⊢ q"),
    }


def test_siblings_that_reached_no_goals_are_not_rejected():
    tree = _tree()
    tree.closing.append((2, "exact ⟨hp, hq⟩"))  # the `simp` child closed too (unverified, say)
    path = tree.path_to_close(["constructor", "exact hp", "exact hq"])
    assert not any(p.rejected == "⊢ p ∧ q ∧ True" for p in tree_critic_pairs(tree, path))


def test_root_pairs_solved_over_unsolved():
    tree = _tree()
    solved = SearchResult(P, "proved", tactics=("a",), states=("⊢ solved",))
    failed = SearchResult(P, "failed", tree=tree)
    pairs = root_critic_pairs([solved, failed, SearchResult(P, "skipped")])
    assert [(p.chosen, p.rejected, p.kind) for p in pairs] == [("⊢ solved", "⊢ p ∧ q", "root")]


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"expansions": 0}, "expansions"),
        ({"samples": -1}, "samples"),
        ({"wall_time": 0}, "wall_time"),
        ({"priority": "random"}, "priority"),
        ({"critic_weight": 2.0}, "critic_weight"),
        ({"length_alpha": -1}, "length_alpha"),
    ],
)
def test_config_validation(kwargs, match):
    with pytest.raises(ConfigError, match=match):
        SearchConfig(**kwargs)


def test_config_help_covers_every_field_and_budget():
    assert all(SearchConfig.help().values())
    assert SearchConfig(samples=32, expansions=600).budget() == "32x600"
