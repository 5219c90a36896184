"""Best-first proof search over many problems at once.

Each round, every live problem hands its best frontier state(s) to ONE policy call (a large GPU
batch), and all resulting (state, tactic) pairs go to the backend together (in parallel across its
pool). New states are deduplicated by goal text per problem, optionally scored by the critic in one
batched call, and pushed onto that problem's frontier. A closed proof is re-verified from source
(``backend.verify``) and, when a store is given, committed before the next round starts, so a
killed run loses no verified proof and a rerun on the same store skips solved problems.
"""

from __future__ import annotations

import heapq
import itertools
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field

from leangym.backend.api import Backend, LeanError, ProofClosed, ProofState, Verdict
from leangym.errors import LeanGymError
from leangym.goals import TURNSTILE
from leangym.policy.base import TacticPolicy
from leangym.policy.critic import Critic
from leangym.policy.formats import Observation
from leangym.problems import Problem
from leangym.search.config import SearchConfig
from leangym.search.tree import Node, SearchTree, tree_critic_pairs
from leangym.store import CriticPair, ProofStore


@dataclass(frozen=True)
class SearchStats:
    """What one problem's search cost and saw."""

    expansions: int = 0
    nodes: int = 1
    tactics_run: int = 0
    lean_errors: int = 0
    duplicates: int = 0
    closed_unverified: int = 0
    infra_errors: int = 0
    wall_s: float = 0.0


@dataclass(frozen=True)
class SearchResult:
    """The outcome for one problem. ``status``: proved, failed (budget/frontier exhausted),
    skipped (already solved in the store) or start_error (the statement did not elaborate)."""

    problem: Problem
    status: str
    tactics: tuple[str, ...] | None = None
    states: tuple[str, ...] = ()
    verdict: Verdict | None = None
    stats: SearchStats = field(default_factory=SearchStats)
    message: str = ""
    pairs: tuple[CriticPair, ...] = ()
    tree: SearchTree | None = field(default=None, compare=False, repr=False)

    @property
    def proved(self) -> bool:
        return self.status == "proved"


@dataclass
class SearchRun:
    """All results of one :func:`best_first_search` call plus where the time went."""

    results: list[SearchResult]
    wall_s: float = 0.0
    policy_s: float = 0.0
    critic_s: float = 0.0
    lean_s: float = 0.0
    verify_s: float = 0.0
    policy_calls: int = 0
    states_proposed: int = 0
    tactics_run: int = 0  # over all problems (what ``SearchConfig.total_tactics`` bounds)

    @property
    def nodes(self) -> int:
        return sum(r.stats.nodes for r in self.results if r.status != "skipped")

    @property
    def expansions(self) -> int:
        return sum(r.stats.expansions for r in self.results)

    @property
    def solved(self) -> int:
        return sum(r.proved for r in self.results)

    def summary(self) -> dict[str, float]:
        attempted = [r for r in self.results if r.status != "skipped"]
        return {
            "problems": len(self.results),
            "attempted": len(attempted),
            "proved": self.solved,
            "skipped": len(self.results) - len(attempted),
            "pass_rate": self.solved / len(attempted) if attempted else 0.0,
            "expansions": self.expansions,
            "nodes": self.nodes,
            "tactics_run": sum(r.stats.tactics_run for r in attempted),
            "wall_s": self.wall_s,
            "nodes_per_s": self.nodes / self.wall_s if self.wall_s else 0.0,
            "policy_s": self.policy_s,
            "critic_s": self.critic_s,
            "lean_s": self.lean_s,
            "verify_s": self.verify_s,
            "policy_calls": self.policy_calls,
        }


class _Problem:
    """Mutable per-problem search state (frontier heap, dedup table, counters)."""

    def __init__(self, problem: Problem, root: ProofState, config: SearchConfig) -> None:
        self.problem = problem
        self.name = problem.name or "example"
        self.tree = SearchTree(problem.id, Node(0, root, None, "", 0.0, 0.0, 0))
        self.seen: dict[str, int] = {root.text: 0}
        self.frontier: list[tuple[float, int, int]] = []
        self.config = config
        self.counter = itertools.count()
        self.push(self.tree.nodes[0])
        self.t0 = time.monotonic()
        self.c = dict(
            expansions=0, tactics_run=0, lean_errors=0, duplicates=0, closed_unverified=0, infra_errors=0
        )
        self.result: SearchResult | None = None

    def priority(self, node: Node) -> float:
        if self.config.priority == "bfs":
            return 0.0  # ties pop in insertion order: breadth first
        if self.config.priority == "rule":
            return rule_priority(node.state.goals)
        # A state back on the frontier with candidates left (slice_proposals) ranks as its next edge would:
        # path score plus the next candidate's step, so its children are not starved by its own score.
        path = node.path_score + (self.step(node.pending[0]) if node.pending else 0.0)
        if self.config.priority == "logprob":
            return path
        if self.config.priority == "critic":
            return node.value if node.value is not None else path
        v = node.value if node.value is not None else 0.0
        return (1 - self.config.critic_weight) * path + self.config.critic_weight * v

    def step(self, cand) -> float:
        """One tactic's contribution to the path score (BFS-Prover's length normalisation)."""
        return cand.logprob / (max(1, cand.num_tokens) ** self.config.length_alpha)

    def push(self, node: Node) -> None:
        heapq.heappush(self.frontier, (-self.priority(node), next(self.counter), node.id))

    def pop(self, n: int) -> list[Node]:
        out = []
        while self.frontier and len(out) < n:
            node = self.tree.nodes[heapq.heappop(self.frontier)[2]]
            if node.depth < self.config.max_depth:
                out.append(node)
        return out

    def out_of_budget(self) -> bool:
        return (
            self.c["expansions"] >= self.config.expansions
            or time.monotonic() - self.t0 >= self.config.wall_time
            or not self.frontier
        )

    def stats(self) -> SearchStats:
        return SearchStats(nodes=len(self.tree.nodes), wall_s=time.monotonic() - self.t0, **self.c)

    def finish(self, status: str, **kw) -> SearchResult:
        keep = self.tree if self.config.keep_trees else None
        self.result = SearchResult(self.problem, status, stats=self.stats(), tree=keep, **kw)
        return self.result


_ALL = 1_000_000
"""``k`` for a policy asked for every candidate it has (``slice_proposals``)."""


def rule_priority(goals: Sequence[str]) -> float:
    """The fixed rule: fewer goals first, then shorter targets (total characters after ``⊢``)."""
    target = sum(len(g.rsplit(TURNSTILE, 1)[-1].strip()) for g in goals)
    return -(len(goals) * 1_000_000 + target)


def best_first_search(
    problems: Sequence[Problem],
    policy: TacticPolicy,
    backend: Backend,
    config: SearchConfig | None = None,
    *,
    critic: Critic | None = None,
    store: ProofStore | None = None,
    on_result: Callable[[SearchResult], None] | None = None,
) -> SearchRun:
    """Search all ``problems`` concurrently; returns one :class:`SearchResult` per problem, in order.

    With ``store``, problems it already solved are skipped, and every verified proof, its critic
    pairs and every attempt are committed as soon as they are known. ``on_result`` is called once
    per problem as it finishes (progress bars).
    """
    config = config or SearchConfig()
    if config.needs_critic and critic is None:
        raise LeanGymError(
            f"priority={config.priority!r} needs a critic; pass critic= or use priority='logprob'"
        )
    t_start = time.monotonic()
    run = SearchRun(results=[])
    done: dict[str, SearchResult] = {}

    def finish(res: SearchResult) -> None:
        done[res.problem.id] = res
        if store is not None and res.status in ("proved", "failed"):
            store.add_attempt(res.problem.id, solved=res.proved, round=config.round, stats=asdict(res.stats))
        if on_result is not None:
            on_result(res)

    solved = store.solved_ids() if store is not None else set()
    if store is not None:
        store.add_problems(problems)
    todo = []
    for p in problems:
        if p.id in solved:
            finish(SearchResult(p, "skipped", message="already solved in the store"))
        else:
            todo.append(p)

    with ThreadPoolExecutor(max_workers=config.lean_threads) as pool:
        live: list[_Problem] = []
        t = time.monotonic()
        for p, root in zip(todo, _start_all(backend, pool, todo, config.tactic_timeout)):
            if isinstance(root, ProofState):
                live.append(_Problem(p, root, config))
            else:
                finish(SearchResult(p, "start_error", message=getattr(root, "message", str(root))))
        run.lean_s += time.monotonic() - t
        if critic is not None and live:
            t = time.monotonic()
            values = critic.score([lp.tree.nodes[0].state.text for lp in live])
            run.critic_s += time.monotonic() - t
            for lp, v in zip(live, values):
                lp.tree.nodes[0].value = v

        while live:
            # One policy batch over the best frontier states of every live problem.
            batch: list[tuple[_Problem, Node]] = []
            for lp in live:
                for node in lp.pop(min(config.states_per_round, config.expansions - lp.c["expansions"])):
                    batch.append((lp, node))
                    lp.c["expansions"] += 1
            if batch:
                t = time.monotonic()
                ask = [(lp, n) for lp, n in batch if n.pending is None]
                obs = [Observation(n.state.text, lp.name, n.state.tactics) for lp, n in ask]
                k = _ALL if config.slice_proposals else config.samples
                proposals = policy.propose(obs, k) if obs else []
                if len(proposals) != len(obs):
                    raise LeanGymError(
                        f"{type(policy).__name__}.propose returned {len(proposals)} candidate lists for "
                        f"{len(obs)} observations; a TacticPolicy must answer one list per observation"
                    )
                for (_, n), cands in zip(ask, proposals):
                    n.pending = list(cands)
                run.policy_s += time.monotonic() - t
                run.policy_calls += bool(obs)
                run.states_proposed += len(ask)

                jobs = []
                for lp, n in batch:
                    pending = n.pending or []
                    jobs += [(lp, n, c) for c in pending[: config.samples]]
                    n.pending = pending[config.samples :]
                    if n.pending and config.slice_proposals:
                        lp.push(n)  # back on the frontier until every candidate was tried
                if config.total_tactics is not None:
                    jobs = jobs[: max(0, config.total_tactics - run.tactics_run)]
                run.tactics_run += len(jobs)
                t = time.monotonic()
                outcomes = _run_all(
                    backend, pool, [(n.state, c.tactic) for _, n, c in jobs], config.tactic_timeout
                )
                run.lean_s += time.monotonic() - t

                closures: dict[_Problem, list[tuple[Node, ProofClosed]]] = {}
                new_nodes: list[tuple[_Problem, Node]] = []
                for (lp, parent, cand), out in zip(jobs, outcomes):
                    lp.c["tactics_run"] += 1
                    if isinstance(out, ProofClosed):
                        closures.setdefault(lp, []).append((parent, out))
                        lp.tree.closing.append((parent.id, cand.tactic))
                    elif isinstance(out, ProofState):
                        if out.text in lp.seen:
                            lp.c["duplicates"] += 1
                            continue
                        node = lp.tree.add(out, parent.id, cand.tactic, parent.path_score + lp.step(cand))
                        lp.seen[out.text] = node.id
                        new_nodes.append((lp, node))
                    elif isinstance(out, LeanError):
                        lp.c["lean_errors"] += 1
                    else:
                        lp.c["infra_errors"] += 1

                if critic is not None and new_nodes:
                    t = time.monotonic()
                    values = critic.score([n.state.text for _, n in new_nodes])
                    run.critic_s += time.monotonic() - t
                    for (_, n), v in zip(new_nodes, values):
                        n.value = v
                for lp, n in new_nodes:
                    lp.push(n)

                t = time.monotonic()
                verified = pool.map(
                    lambda item: _verify_first(backend, item[0], item[1], config), closures.items()
                )
                for lp, found in zip(closures, verified):
                    if found is None:
                        continue
                    tactics, parent_id, verdict = found
                    path = lp.tree.path(parent_id)
                    states = tuple(n.state.text for n in path)
                    pairs = tuple(tree_critic_pairs(lp.tree, path))
                    if store is not None:  # committed before search moves on
                        store.add_proof(
                            lp.problem, tactics, states, round=config.round, stats=asdict(lp.stats())
                        )
                        store.add_critic_pairs(pairs, round=config.round)
                    finish(lp.finish("proved", tactics=tactics, states=states, verdict=verdict, pairs=pairs))
                run.verify_s += time.monotonic() - t

            spent = config.total_tactics is not None and run.tactics_run >= config.total_tactics
            still = []
            for lp in live:
                if lp.result is not None:
                    continue
                if spent:
                    finish(lp.finish("failed", message="the run's tactic budget is spent"))
                elif lp.out_of_budget():
                    finish(lp.finish("failed", message="budget or frontier exhausted"))
                else:
                    still.append(lp)
            live = still

    run.results = [done[p.id] for p in problems]
    run.wall_s = time.monotonic() - t_start
    return run


def _safe(fn, *args):
    """Call a backend method; an infrastructure failure becomes a value so one problem cannot sink the run."""
    try:
        return fn(*args)
    except LeanGymError as exc:
        return exc


def _start_all(backend: Backend, pool: ThreadPoolExecutor, problems: list[Problem], timeout: float | None):
    """Start every problem, through the backend's batched call when it has one."""
    batched = getattr(backend, "start_many", None)
    if batched is not None and problems:
        try:
            return list(batched(problems, timeout=timeout))
        except LeanGymError:
            pass  # fall back to per-problem calls so one bad problem only costs itself
    return list(pool.map(lambda p: _safe(backend.start, p, timeout), problems))


def _run_all(
    backend: Backend, pool: ThreadPoolExecutor, pairs: list[tuple[ProofState, str]], timeout: float | None
):
    """Run every (state, tactic) pair, through the backend's batched call when it has one."""
    if not pairs:
        return []
    batched = getattr(backend, "run_tactics", None)
    if batched is not None:
        try:
            return list(batched(pairs, timeout=timeout))
        except LeanGymError:
            pass  # fall back to per-pair calls so one bad pair only costs itself
    return list(pool.map(lambda st: _safe(backend.run_tactic, st[0], st[1], timeout), pairs))


def _verify_first(
    backend: Backend, lp: _Problem, found: list[tuple[Node, ProofClosed]], config: SearchConfig
):
    """Verify this round's closed proofs of one problem, best parent first; return the first that passes."""
    for parent, closed in sorted(found, key=lambda pc: -lp.priority(pc[0])):
        verdict = _safe(backend.verify, lp.problem, list(closed.tactics), config.tactic_timeout)
        if isinstance(verdict, Verdict) and verdict.ok:
            return tuple(closed.tactics), parent.id, verdict
        lp.c["closed_unverified"] += 1
    return None
