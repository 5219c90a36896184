"""``LeanConjecture-v0``: self-play conjecturing (STP) as a one-step Gymnasium environment.

The agent reads a seed (a theorem, its proof and a lemma the proof uses) and answers with a new Lean
statement. The step checks, in order and through the backend only, that the statement

1. is a single statement (no proof, no command, no ``sorry``) that elaborates in the engine;
2. is new: its alpha-normal form (:func:`alpha_normal`, computed from the goal the engine prints) is not
   in the store's table of known statements, which persists across episodes, envs and processes;
3. is not closed by a cheap closer (``norm_num``, ``simp``, ``decide``, ``linarith``, ``omega``);
4. is barely provable: a prover makes ``attempts`` tries, every proof it returns is re-checked with
   ``backend.verify`` before it counts, and the reward is ``reward_fn(pass_rate)`` (STP's default: 1 when
   ``0 < pass_rate <= 1/4``).

Conjectures with a verified proof enter the proof store as generated problems, with their proofs, so an
expert-iteration or self-play trainer reads them like any other solved problem.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import inspect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from gymnasium.vector import AutoresetMode

from leangym.backend.api import Backend, LeanError, ProofClosed, ProofState, Verdict
from leangym.backend.guard import rejection_reason
from leangym.charset import ACTION_MAX_LENGTH
from leangym.envs.base import LeanEnvBase
from leangym.envs.resolve import Resolved, resolve
from leangym.envs.vector import LeanVectorEnv
from leangym.errors import (
    ConfigError,
    DataError,
    EngineError,
    LeanGymError,
    ReplError,
    StateLost,
    own_message,
)
from leangym.goals import TURNSTILE, parse_goal
from leangym.policy.base import TacticPolicy
from leangym.policy.formats import Observation, as_observation
from leangym.problems import Problem, locate_theorem, theorem_name_span
from leangym.search.best_first import best_first_search
from leangym.search.candidates import GeneratorPolicy
from leangym.search.config import SearchConfig
from leangym.store import ProofStore

REASONS: dict[str, str] = {
    "parse_error": "the action is not a statement, or the engine does not elaborate it (Lean's message in `error`)",
    "refused_command": "the action holds a proof, a command, a declaration or an escape hatch (`sorry`, `:=`, "
    "`axiom`, `def`, `import`, `set_option`, `#eval`, `native_decide`, comments, a second theorem...)",
    "too_long": "the statement is longer than `max_statement_chars`, or its shortest verified proof longer than "
    "`max_proof_chars`",
    "duplicate": "alpha-equivalent to a statement the store already knows (a seed, a registered problem, an "
    "earlier conjecture); `duplicate_of` names it",
    "trivial": "a cheap closer proves it (`trivial_by` names the closer)",
    "unproved": "no prover attempt produced a verified proof (pass rate 0)",
    "too_easy": "proved, but `reward_fn` pays nothing at this pass rate (default: pass rate above `threshold`)",
    "engine_error": "the engine hit a bug of its own while checking the conjecture (never rewarded)",
}
"""Every value ``info["reason"]`` takes when the reward is 0 (it is None when the conjecture is paid)."""

DEFAULT_CLOSERS: tuple[str, ...] = ("norm_num", "simp", "decide", "linarith", "omega")
"""Cheap closers: a conjecture one of them proves is ``trivial``."""

DEFAULT_ATTEMPTS = 4
"""Prover attempts per conjecture (k); the pass rate is verified attempts / k."""

DEFAULT_THRESHOLD = 0.25
"""STP's window: a conjecture is paid when ``0 < pass_rate <= threshold``."""

DEFAULT_MAX_STATEMENT_CHARS = 1024
"""Longest statement accepted (characters of the action); longer is ``too_long``."""

CONJECTURE_PREFIX = "conj_"
"""Every conjecture's theorem is renamed ``conj_<hash>``: the action's own name is irrelevant (and cannot
clash with a name of the header)."""


# -- alpha-normal form ---------------------------------------------------------------------------

# Lean's identifier characters (`isLetterLike`, `isSubScriptAlnum`: Coptic ϕ ϑ ϰ ϱ ϖ, `ⱼ`, and newer Lean's Latin-1 and
# Latin Extended-A letters): a name the engine reads as one identifier must be one token here, or its renamings
# escape the normal form and an alpha-variant of a known statement counts as new
_ID_START = r"A-Za-z_\u03b1-\u03ba\u03bc-\u03c9\u0391-\u039f\u03a1-\u03a9\u03ca-\u03fb\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f\u1f00-\u1ffe\u2100-\u214f\U0001d400-\U0001d7ff"
_ID_REST = _ID_START + r"0-9'!?\u2080-\u209c\u1d62-\u1d6a\u2c7c\u2070-\u207f\u00b2\u00b3\u00b9✝"
_TOKEN = re.compile(
    rf"«[^»]*»(?:\.«[^»]*»|\.[{_ID_START}][{_ID_REST}]*)*"
    rf"|[{_ID_START}][{_ID_REST}]*(?:\.[{_ID_START}][{_ID_REST}]*)*"
    r"|\d+(?:\.\d+)?|=>|:=|\S"
)
_BINDERS = frozenset({"∀", "∃", "∃!", "fun", "λ", "Σ", "Π", "∑", "∏", "⋃", "⋂", "⨆", "⨅"})
# Big operators parse their body at precedence 67 (Mathlib's `∑ x ∈ s, f`): an operator below it at the
# binder's depth ends the body, so in `∑ i ∈ s, i + i` the second `i` is not the bound one
_BIG_OPERATORS = frozenset({"∑", "∏"})
_BELOW_67 = frozenset({"+", "-", "=", "≠", "<", ">", "≤", "≥", "∧", "∨", "→", "↔", "∣", "∈", "∉", "⊆", "⊂", "⊇", "⊃",
                       ",", "|", "≡", ":", "=>", ":="})
_OPEN, _CLOSE = "([{⟨⦃⌊⌈", ")]}⟩⦄⌋⌉"
_PREDICATE_OPS = frozenset({"<", ">", "≤", "≥", "≠", "∈", "∉", "⊆", "⊂", "⊇", "⊃", "∣"})


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_ident(tok: str) -> bool:
    return tok[0] == "«" or bool(re.match(rf"[{_ID_START}]", tok))


class _Renamer:
    """Renames locals (hypotheses and bound variables) to canonical names, keeping every global verbatim.

    A hypothesis of the context is ``%h<i>`` (its position), a bound variable ``%b<j>`` (the order of its
    binding site), so alpha-equivalent goals print identically; ``%`` never starts a Lean name, so a
    canonical name cannot meet a global one. Scopes follow Lean's: a binder's names are
    bound from its ``,`` (or ``=>``/``↦``) to the end of the bracket group that encloses the binder.
    """

    def __init__(self) -> None:
        self.scopes: list[tuple[int, dict[str, str]]] = [(0, {})]  # (bracket depth it closes at, names)
        self.bound = 0
        self.bodies: list[tuple[int, int]] = []  # big-operator scopes: (index in scopes, depth of the binder)

    def lookup(self, name: str) -> str | None:
        head = name.split(".", 1)[0] if not name.startswith("«") else name
        for _, names in reversed(self.scopes):
            if head in names:
                return names[head] + name[len(head):]
        return None

    def ref(self, tok: str) -> str:
        return (self.lookup(tok) or tok) if _is_ident(tok) else tok

    def bind_hypothesis(self, name: str, index: int) -> str:
        canon = f"%h{index}"
        self.scopes[0][1][name] = canon
        return canon

    def term(self, text: str) -> str:
        """``text`` with every local renamed and tokens separated by single spaces."""
        toks = _tokens(text)
        out: list[str] = []
        depth, i = 0, 0
        base = len(self.scopes)
        while i < len(toks):
            tok = toks[i]
            if tok == "{" and i + 2 < len(toks) and _is_ident(toks[i + 1]) and toks[i + 2] in ("|", ":"):
                # a set-builder `{x | P x}` / `{x : T | P x}` (or a subtype `{x : T // P x}`) binds x up to its `}`
                depth += 1
                canon = f"%b{self.bound}"
                self.bound += 1
                self.scopes.append((depth, {toks[i + 1]: canon}))
                out += [tok, canon]
                i += 1
            elif tok in _OPEN:
                depth += 1
                out.append(tok)
            elif tok in _CLOSE:
                depth -= 1
                while len(self.scopes) > base and self.scopes[-1][0] > depth:
                    self.scopes.pop()
                self.bodies = [b for b in self.bodies if b[0] < len(self.scopes)]
                out.append(tok)
            elif tok in _BINDERS:
                i = self._binder(toks, i, depth, out)
                continue
            elif self._ends_body(tok, depth, out):
                continue
            else:
                out.append(self.ref(tok))
            i += 1
        del self.scopes[base:]
        self.bodies = [b for b in self.bodies if b[0] < len(self.scopes)]
        return " ".join(out)

    def _binder(self, toks: list[str], i: int, depth: int, out: list[str]) -> int:
        """Rename the binder starting at ``toks[i]``; returns the index after its ``,``/``=>``/``↦``."""
        start = i
        out.append(toks[i])
        i += 1
        if i < len(toks) and toks[i] == "!":
            out.append("!")
            i += 1
        ends = {"=>", "↦"} if toks[i - 1] in ("fun", "λ") else {","}
        names: dict[str, str] = {}
        local_depth, naming = 0, True
        while i < len(toks) and not (local_depth == 0 and toks[i] in ends):
            tok = toks[i]
            if tok in _OPEN:
                local_depth += 1
                naming = True  # ``(x y : T)``: the names come first in the group
                out.append(tok)
            elif tok in _CLOSE:
                local_depth -= 1
                naming = local_depth == 0
                out.append(tok)
            elif tok in (":", "|", "in") or tok in _PREDICATE_OPS:
                naming = False
                out.append(tok)
            elif naming and _is_ident(tok) and tok != "_":
                canon = f"%b{self.bound}"
                self.bound += 1
                names[tok] = canon
                out.append(canon)
            else:
                # a type or a binder predicate's bound: outer names, plus the names bound so far here
                self.scopes.append((depth + 1 + local_depth, names))
                out.append(self.ref(tok))
                self.scopes.pop()
            i += 1
        if i < len(toks):
            out.append(toks[i])
            i += 1
        self.scopes.append((depth, names))
        if toks[start] in _BIG_OPERATORS:
            self.bodies.append((len(self.scopes) - 1, depth))
        return i

    def _ends_body(self, tok: str, depth: int, out: list[str]) -> bool:
        """Close the big-operator bodies at ``depth`` that ``tok`` (an operator below precedence 67) ends;
        True when some was closed (the caller then reads ``tok`` again in the outer scope)."""
        if tok not in _BELOW_67 or not self.bodies or self.bodies[-1][1] != depth:
            return False
        operand = bool(out) and (_is_ident(out[-1]) or out[-1][0] in "%0123456789" or out[-1] in _CLOSE)
        if tok == "-" and not operand:
            return False  # a prefix minus belongs to the body
        closed = False
        while self.bodies and self.bodies[-1][1] == depth:
            del self.scopes[self.bodies.pop()[0]:]
            closed = True
        return closed


def alpha_normal(goal: str) -> str:
    """The alpha-normal form of one printed goal: locals renamed canonically, one space between tokens.

    Hypothesis names (``x y : ℕ``, ``h : x < y``), bound variables (``∀ z``, ``∃ n``, ``fun x =>``,
    ``∀ x > 0``, ``{x | P x}``) and whitespace are irrelevant; globals (``Nat.Prime``, ``abs``...), types and the order of
    hypotheses are kept. Computed from the engine's printed goal, which is canonical (binder notation,
    parenthesisation and numerals are printed one way), so two statements that elaborate to the same
    goal up to renaming get the same form. Two different goals never do: only names are changed.
    """
    parsed = parse_goal(goal)
    renamer = _Renamer()
    lines = []
    for k, h in enumerate(parsed.hypotheses):
        typ = renamer.term(h.type)
        value = f" := {renamer.term(h.value)}" if h.value is not None else ""
        lines.append(f"{renamer.bind_hypothesis(h.name, k)} : {typ}{value}")
    lines.append(f"{TURNSTILE} {renamer.term(parsed.target)}")
    return "\n".join(lines)


def statement_key(normalized: str, header: str) -> str:
    """The store key of a normal form under a header (the same goal text can mean different things under
    different ``open``s)."""
    return hashlib.sha256(f"{header.strip()}\n\0\n{normalized}".encode()).hexdigest()


# -- seeds -----------------------------------------------------------------------------------------

_TACTIC_WORDS = frozenset(
    """
    intro intros rintro exact apply refine constructor left right use exfalso contradiction assumption trivial
    rfl symm specialize have show obtain rcases cases by_contra by_cases push_neg rw rewrite simp simp_all
    norm_num ring ring_nf linarith nlinarith positivity omega decide induction interval_cases with at only
    using this fun by calc suffices field_simp push_cast norm_cast exact_mod_cast try first all_goals
    any_goals repeat done skip zero succ inl inr tauto aesop simpa unfold subst change let
    """.split()
)
_NAME_IN_PROOF = re.compile(rf"(?<![{_ID_REST}.])([{_ID_START}][{_ID_REST}]*(?:\.[{_ID_START}][{_ID_REST}]*)*)")


def seed_lemma(problem: Problem, proof: Sequence[str]) -> str:
    """A lemma the proof uses: the first global name it mentions (``sq_nonneg``, ``Nat.succ_le_of_lt``),
    else its first tactic (``linarith``).

    A name counts as global when it contains ``_`` or ``.``, is not a tactic word and is not bound by the
    statement (hypothesis names such as ``h_1`` are skipped).
    """
    text = "\n".join(proof)
    statement_names = set(_tokens(problem.statement))
    for m in _NAME_IN_PROOF.finditer(text):
        name = m.group(1)
        if name in _TACTIC_WORDS or name in statement_names or not ("_" in name.strip("_") or "." in name):
            continue
        return name
    first = text.split()
    return first[0] if first else ""


def render_seed(problem: Problem, proof: Sequence[str], lemma: str) -> str:
    """The observation: the seed theorem with its proof, a blank line, then ``lemma: NAME``."""
    body = "\n".join("  " + line for t in proof for line in t.split("\n"))
    return f"{problem.statement} := by\n{body}\n\nlemma: {lemma}"


def seeds_from_store(store: ProofStore, *, generated: bool | None = None) -> list[Problem]:
    """The store's solved problems as seeds: each with its shortest stored proof as ``reference_proof``."""
    best: dict[str, tuple[str, ...]] = {}
    for p in store.proofs():
        if p.problem_id not in best or len(p.tactics) < len(best[p.problem_id]):
            best[p.problem_id] = p.tactics
    return [dataclasses.replace(p, reference_proof=best[p.id]) for p in store.problems(generated=generated) if p.id in best]


def _load_seeds(seeds: Sequence[Problem] | str | Path | ProofStore | None, suite: str | None, n: int | None) -> list[Problem]:
    from leangym.datasets import load_minilean_suite
    from leangym.datasets.loaders import load_jsonl

    if seeds is not None and suite is not None:
        raise ConfigError("pass either seeds= or suite=, not both")
    if seeds is None:
        loaded = load_minilean_suite(suite or "mixture", **({"n": n} if n is not None else {}))
    elif isinstance(seeds, ProofStore):
        loaded = seeds_from_store(seeds)
    elif isinstance(seeds, (str, Path)):
        loaded = load_jsonl(seeds)
    else:
        loaded = list(seeds)
    with_proof = [p for p in loaded if p.reference_proof]
    if not with_proof:
        raise DataError(
            f"none of the {len(loaded)} seed problems has a proof; a seed needs one (JSONL field `proof` or "
            "`reference_proof`, a ProofStore with verified proofs, or a MiniLean suite)"
        )
    return with_proof[:n] if n is not None else with_proof


# -- provers and rewards ---------------------------------------------------------------------------

Proof = Sequence[str]


@runtime_checkable
class Prover(Protocol):
    """Anything that tries to prove a conjecture ``k`` times.

    ``prover(problem, backend, k, seed)`` returns ``k`` entries, one per attempt: the attempt's tactics
    (a whole proof may be one multi-line entry) or None when it found nothing. The environment re-checks
    every returned proof with ``backend.verify`` and counts only those that pass, so a prover can never
    raise the pass rate with a wrong proof.
    """

    def __call__(self, problem: Problem, backend: Backend, k: int, seed: int) -> list[Proof | None]: ...


class _AttemptPolicy:
    """Routes each attempt's states to its own :class:`GeneratorPolicy` (seed + attempt): the attempts are
    independent searches, told apart by the theorem name of their copy (``NAME_a<i>``)."""

    def __init__(self, seed: int, names: dict[str, int]) -> None:
        self.names = names
        self.policies = {i: GeneratorPolicy(seed=seed + i) for i in names.values()}

    def propose(self, observations: Sequence[str | Observation], k: int) -> list:
        out = []
        for o in observations:
            obs = as_observation(o)
            out.extend(self.policies[self.names.get(obs.name, 0)].propose([obs], k))
        return out


DEFAULT_SEARCH = SearchConfig(
    expansions=12, samples=4, wall_time=10.0, priority="bfs", slice_proposals=True, max_depth=6, lean_threads=1
)
"""The default prover's budget per attempt: a small breadth-first search over the candidate generator."""


@dataclass
class SearchProver:
    """k independent best-first searches in one :func:`~leangym.search.best_first_search` call.

    ``policy=None`` uses the candidate generator with a different random order per attempt (seed + i);
    a given :class:`TacticPolicy` (a language model) serves every attempt, its sampling making them differ.
    Each attempt searches a copy of the conjecture renamed ``NAME_a<i>``, so the k searches share every
    policy call (one GPU batch) and run their Lean work in parallel.
    """

    policy: TacticPolicy | None = None
    config: SearchConfig = field(default_factory=lambda: dataclasses.replace(DEFAULT_SEARCH))

    def __call__(self, problem: Problem, backend: Backend, k: int, seed: int) -> list[Proof | None]:
        span = theorem_name_span(problem.statement)
        if span is None:
            raise ConfigError(f"SearchProver needs a `theorem NAME` statement, got {problem.statement[:60]!r}")
        cut, end = span
        name = problem.statement[cut:end]
        copies, names = [], {}
        for i in range(k):
            copy_name = f"{name}_a{i}"
            statement = problem.statement[:cut] + copy_name + problem.statement[end:]
            copies.append(dataclasses.replace(problem, id=f"{problem.id}#a{i}", statement=statement))
            names[copy_name] = i
        policy = self.policy if self.policy is not None else _AttemptPolicy(seed, names)
        run = best_first_search(copies, policy, backend, self.config)
        return [r.tactics if r.proved else None for r in run.results]


RewardFn = Callable[[float], float]
"""``reward_fn(pass_rate) -> reward``; called only for well-formed, new, non-trivial conjectures with
``pass_rate > 0`` (an unproved conjecture is never paid, whatever the function)."""


@dataclass(frozen=True)
class STPReward:
    """STP's reward: 1 when ``0 < pass_rate <= threshold``, else 0 (barely provable)."""

    threshold: float = DEFAULT_THRESHOLD

    def __call__(self, pass_rate: float) -> float:
        return 1.0 if 0.0 < pass_rate <= self.threshold else 0.0


# -- the environment -------------------------------------------------------------------------------


_PLACEHOLDERS = (":= by", ":=")
_EXAMPLE = re.compile(r"^example(?=[\s(\[{⦃:])")
_FORBIDDEN = (("--", "a comment"), ("/-", "a comment"), (":=", "`:=` (a proof or a definition)"), ("@[", "an attribute"))
_SORRY = re.compile(r"(?<![\w.'])(sorry|admit)(?![\w'])")
_OPTIONS = re.compile(r"(?<![\w.'])(set_option|open)(?![\w'])")  # options or namespaces: the header's business


class LeanConjectureEnv(LeanEnvBase):
    """
    ## Description
    Self-play conjecturing as in STP (Dong & Ma, 2025): read a seed theorem with its proof and a lemma the
    proof uses, answer with a new, related statement. A statement is paid when it is well-formed, new
    (not alpha-equivalent to a known statement), not closed by a cheap closer, and barely provable: a
    prover makes `attempts` tries and the empirical pass rate of its verified proofs lies in the reward
    window. Every episode is one step.

    ## Action Space
    `Text(max_length=4096)` over `leangym.charset.LEAN_CHARSET`: `theorem NAME BINDERS : GOAL` (or `lemma`,
    `example`), or just the proposition (`∀ x : ℕ, x + 0 = x`). A trailing `:= by` or `:=` is dropped
    (but `sorry` anywhere is refused); the name is replaced by `conj_<hash>`. Anything else — a proof, `sorry`, a second declaration,
    `def`, `axiom`, `import`, `set_option`, `#eval`, comments — is refused with a reason, never raised.

    ## Observation Space
    `Text(max_length=16384)`: at reset the seed, `theorem ... := by` with its proof indented, a blank line,
    then `lemma: NAME`. After the step, the verdict: `rewarded` or the reason code, the pass rate, and
    the normalised statement (or Lean's error).

    ## Rewards
    `reward_fn(pass_rate)` (default STP: `1.0` when `0 < pass_rate <= threshold`, `threshold=0.25`) for a
    well-formed, new, non-trivial conjecture whose shortest verified proof passes the length filter;
    `0.0` otherwise, with the reason in `info["reason"]`. Only proofs that pass `backend.verify` count.

    ## Starting State
    A seed drawn with `self.np_random`, or `reset(options={"problem": seed_id})`. The seed's own
    statement is registered as known (a conjecture equal to it is a duplicate).

    ## Episode End
    - Termination: after the one step (every action, paid or not).
    - Truncation: never. A further step answers `info["error"]` saying to call `reset()`.

    ## Info
    After reset: `seed_id`, `seed_statement`, `seed_proof`, `lemma`. After the step, also: `reason` (None
    when paid, else a code of `leangym.envs.conjecture.REASONS`), `error` (Lean's message or the refusal,
    else None), `statement` (the normalised theorem, `theorem conj_<hash> ... : ...`, or None), `normalized`
    (the alpha-normal goal), `key` (its store key), `problem_id`, `duplicate_of`, `trivial_by`, `pass_rate`
    (None before the prover ran), `passes`, `attempts`, `proofs` (the verified proofs, lists of tactics),
    `stored` (they went into the store), `engine_error`, `engine_errors`.

    ## Arguments
    - `seeds`: a list of `Problem` with `reference_proof`, a JSONL path, or a `ProofStore` (its solved
      problems, shortest proof each); default: MiniLean's generated `suite` (`"mixture"`), `n` problems.
    - `store`: the `ProofStore` (or a path to one) holding known statements and receiving generated
      problems; default an in-memory store owned by the env.
    - `prover`: a `Prover` (`prover(problem, backend, k, seed) -> k proofs or None`); default
      `SearchProver()` (the candidate generator, a small breadth-first search per attempt).
    - `attempts`: k (default 4). `threshold` (default 0.25) or `reward_fn(pass_rate) -> float`.
    - `closers`: cheap closers (default `norm_num`, `simp`, `decide`, `linarith`, `omega`).
    - `max_statement_chars` (default 1024), `max_proof_chars` (default None: no limit): the length filter.
    - `store_round`: the round recorded with stored proofs. `backend`, `timeout`, `render_mode`: as the
      proving envs.

    ## Version History
    - v0: initial version.
    """

    def __init__(
        self,
        seeds: Sequence[Problem] | str | Path | ProofStore | None = None,
        *,
        suite: str | None = None,
        n: int | None = None,
        store: ProofStore | str | Path | None = None,
        prover: Prover | None = None,
        attempts: int = DEFAULT_ATTEMPTS,
        threshold: float = DEFAULT_THRESHOLD,
        reward_fn: RewardFn | None = None,
        closers: Sequence[str] = DEFAULT_CLOSERS,
        max_statement_chars: int = DEFAULT_MAX_STATEMENT_CHARS,
        max_proof_chars: int | None = None,
        store_round: int = 0,
        backend: str | Backend | Resolved = "auto",
        timeout: float = 10.0,
        render_mode: str | None = None,
        workers: int = 1,
        backend_options: dict[str, Any] | None = None,
    ) -> None:
        if attempts < 1:
            raise ConfigError(f"attempts must be a positive integer, got {attempts}")
        if not 0.0 <= threshold <= 1.0:
            raise ConfigError(f"threshold must lie in [0, 1], got {threshold}")
        if max_statement_chars < 1 or (max_proof_chars is not None and max_proof_chars < 1):
            raise ConfigError(
                f"max_statement_chars and max_proof_chars must be positive, got {max_statement_chars} and {max_proof_chars}"
            )
        super().__init__(
            _load_seeds(seeds, suite, n),
            backend=backend,
            timeout=timeout,
            render_mode=render_mode,
            dataset="seed",
            workers=workers,
            backend_options=backend_options,
        )
        if not self.problems:
            raise DataError("this conjecture environment has no seed problem inside the engine's fragment")
        self._own_store = not isinstance(store, ProofStore)
        self.store: ProofStore = store if isinstance(store, ProofStore) else ProofStore(store or ":memory:")
        self.prover: Prover = prover if prover is not None else SearchProver()
        self.attempts = attempts
        self.threshold = threshold
        self.reward_fn: RewardFn = reward_fn if reward_fn is not None else STPReward(threshold)
        self.closers = tuple(closers)
        self.max_statement_chars = max_statement_chars
        self.max_proof_chars = max_proof_chars
        self.store_round = store_round
        self._seed_info: dict[str, Any] = {}
        self._done: tuple[str, dict[str, Any]] | None = None
        self._started = False

    # -- reset --------------------------------------------------------------------------------------

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
        super().reset(seed=seed)
        root = self._start_episode(options)
        problem = root.problem
        self._claim_known(problem, root, origin="seed")
        proof = tuple(problem.reference_proof or ())
        lemma = str(problem.meta.get("lemma") or seed_lemma(problem, proof))
        self._seed_info = {
            "seed_id": problem.id,
            "seed_statement": problem.statement,
            "seed_proof": list(proof),
            "lemma": lemma,
        }
        self._done = None
        self._started = True
        return self._observation(render_seed(problem, proof, lemma)), dict(self._seed_info)

    def register_known(self, problems: Sequence[Problem]) -> int:
        """Register statements a conjecture must not repeat (held-out targets, a dataset); returns how many
        were new to the store. Statements the engine does not elaborate are skipped, and so are problems the
        store already holds as known (a self-play run registers the same targets every round)."""
        added = 0
        registered = {k.problem_id for k in self.store.known_statements(origin="known")}
        for problem in problems:
            if problem.id in registered:
                continue
            try:
                root = self.backend.start(problem, timeout=self.timeout)
            except EngineError as exc:
                self._engine_failure(exc)
                continue
            except (ReplError, StateLost):
                continue
            if isinstance(root, ProofState):
                added += self._claim_known(problem, root, origin="known") is None
        return added

    def _claim_known(self, problem: Problem, root: ProofState, *, origin: str) -> str | None:
        normalized = alpha_normal(root.goals[0])
        return self.store.claim_statement(statement_key(normalized, problem.header), normalized, problem.id, origin=origin)

    # -- step ---------------------------------------------------------------------------------------

    def step(self, action: str) -> tuple[str, float, bool, bool, dict[str, Any]]:
        if not self._started:
            raise ConfigError("call reset() before step()")
        if self._done is not None:
            info = {**self._done[1], "error": own_message("the episode is over (one conjecture per episode); call reset()")}
            return self._done[0], 0.0, True, False, info
        seed_problem = self.problem
        assert seed_problem is not None
        verdict = self._judge(action, seed_problem)
        reward = verdict.pop("reward")
        info = {**self._seed_info, **verdict, "engine_errors": self.engine_errors}
        obs = self._observation(_feedback(info))
        self._done = (obs, info)
        return obs, reward, True, False, info

    def _judge(self, action: Any, seed: Problem) -> dict[str, Any]:
        v: dict[str, Any] = {
            "reward": 0.0, "reason": None, "error": None, "statement": None, "normalized": None, "key": None,
            "problem_id": None, "duplicate_of": None, "trivial_by": None, "pass_rate": None, "passes": 0,
            "attempts": self.attempts, "proofs": [], "stored": False, "engine_error": None,
        }  # fmt: skip

        def zero(reason: str, error: str | None = None) -> dict[str, Any]:
            v["reason"], v["error"] = reason, error
            if v["key"] is not None and reason not in ("duplicate",):
                self.store.record_conjecture(v["key"], reason=reason, reward=0.0, pass_rate=v["pass_rate"])
            return v

        parsed = self._parse(action, seed.header)
        if isinstance(parsed, tuple):
            return zero(*parsed)
        statement = parsed
        v["statement"] = statement
        problem = Problem(f"conjecture/{statement.split()[1]}", statement, seed.header, None, "conjecture",
                          meta={"generated": True, "parent": seed.id})  # fmt: skip
        v["problem_id"] = problem.id
        try:
            root = self.backend.start(problem, timeout=self.timeout)
        except EngineError as exc:
            v["engine_error"] = self._engine_failure(exc)
            return zero("engine_error", own_message(f"engine error: {v['engine_error']}"))
        except (ReplError, StateLost) as exc:
            return zero("parse_error", own_message(f"{type(exc).__name__}: {exc}"))
        if isinstance(root, LeanError):
            return zero("parse_error", root.message)
        if len(root.goals) != 1:
            return zero("parse_error", own_message(f"the statement gave {len(root.goals)} goals, expected one"))
        v["normalized"] = alpha_normal(root.goals[0])
        v["key"] = statement_key(v["normalized"], problem.header)
        known = self.store.claim_statement(v["key"], v["normalized"], problem.id, origin="conjecture")
        if known is not None:
            v["duplicate_of"] = known
            return zero("duplicate", own_message(f"alpha-equivalent to the known statement {known!r}"))
        try:
            closer = self._closed_by(problem, root)
            if closer is not None:
                v["trivial_by"] = closer
                return zero("trivial", own_message(f"`{closer}` proves it"))
            proofs = self._prove(problem, int(self.np_random.integers(2**31)))
        except EngineError as exc:
            v["engine_error"] = self._engine_failure(exc)
            return zero("engine_error", own_message(f"engine error: {v['engine_error']}"))
        v["passes"] = len(proofs)
        v["pass_rate"] = len(proofs) / self.attempts
        distinct = list(dict.fromkeys(tuple(p) for p in proofs))
        v["proofs"] = [list(p) for p in distinct]
        if distinct:
            self._store(problem, root, distinct, v["pass_rate"])
            v["stored"] = True
        if not proofs:
            return zero("unproved")
        reward = float(self.reward_fn(v["pass_rate"]))
        if reward == 0.0:
            return zero("too_easy")
        shortest = min(sum(len(t) for t in p) for p in distinct)
        if self.max_proof_chars is not None and shortest > self.max_proof_chars:
            return zero("too_long", own_message(f"shortest proof has {shortest} characters, over {self.max_proof_chars}"))
        v["reward"] = reward
        self.store.record_conjecture(v["key"], reason=None, reward=reward, pass_rate=v["pass_rate"])
        return v

    def _parse(self, action: Any, header: str) -> str | tuple[str, str]:
        """The normalised ``theorem conj_<hash> ... : ...`` for ``action``, or ``(reason, message)``.

        The hash covers the header too: the same text under another header is another problem (its
        proofs must never be filed under the first one's id)."""
        if not isinstance(action, str):
            return "parse_error", own_message(f"expected a statement string, got {type(action).__name__}")
        text = action.strip()
        if len(text) > self.max_statement_chars:
            return "too_long", own_message(f"the statement has {len(text)} characters, over {self.max_statement_chars}")
        for suffix in _PLACEHOLDERS:
            if text.endswith(suffix):
                text = text[: -len(suffix)].rstrip()
                break
        if not text:
            return "parse_error", own_message("the statement is empty")
        for needle, what in _FORBIDDEN:
            if needle in text:
                return "refused_command", own_message(f"a conjecture is one statement; it may not contain {what}")
        if _SORRY.search(text):
            return "refused_command", own_message("a conjecture may not use `sorry` or `admit`")
        if _OPTIONS.search(text):
            return "refused_command", own_message("a conjecture may not change options or open namespaces (`set_option`, `open`)")
        located = locate_theorem(text)
        if located is not None and located[0] == 0:
            # the name as `locate_theorem` read it, where it stands after the keyword (and any modifiers)
            name_at = re.search(rf"(?<=\s){re.escape(located[1])}(?=[\s(){{}}\[\]⦃⦄:]|$)", text)
            if name_at is None:
                return "parse_error", own_message(f"expected `theorem NAME BINDERS : GOAL`, got {text[:60]!r}")
            body = text[name_at.end() :].strip()
        elif _EXAMPLE.match(text):
            body = text[len("example"):].strip()
        else:
            body = f": {text}"
        if not body or body[0] not in "([{⦃:":
            return "parse_error", own_message(f"expected binders or `:` after the theorem name, got {body[:40]!r}")
        reason = rejection_reason(body, ACTION_MAX_LENGTH)
        if reason is not None:
            return "refused_command", own_message(f"refused: {reason}")
        name = CONJECTURE_PREFIX + hashlib.sha256(f"{header}\0{body}".encode()).hexdigest()[:12]
        return f"theorem {name} {body}"

    def _closed_by(self, problem: Problem, root: ProofState) -> str | None:
        for closer in self.closers:
            try:
                out = self.backend.run_tactic(root, closer, timeout=self.timeout)
            except (ReplError, StateLost):
                continue
            if isinstance(out, ProofClosed) and self._verified(problem, [closer]):
                return closer
        return None

    def _verified(self, problem: Problem, tactics: Sequence[str]) -> bool:
        try:
            verdict = self.backend.verify(problem, list(tactics), timeout=self.timeout)
        except (ReplError, StateLost):
            return False
        return isinstance(verdict, Verdict) and verdict.ok

    def _prove(self, problem: Problem, seed: int) -> list[tuple[str, ...]]:
        """The prover's attempts that pass ``backend.verify`` (each attempt counted once)."""
        answers = list(self.prover(problem, self.backend, self.attempts, seed))
        if len(answers) != self.attempts:
            raise LeanGymError(
                f"{type(self.prover).__name__} returned {len(answers)} attempts for k={self.attempts}; a Prover "
                "answers one entry (a proof or None) per attempt"
            )
        verified = []
        for proof in answers:
            if proof is None:
                continue
            tactics = (proof,) if isinstance(proof, str) else tuple(str(t) for t in proof)
            if tactics and self._verified(problem, tactics):
                verified.append(tactics)
        return verified

    def _store(self, problem: Problem, root: ProofState, proofs: list[tuple[str, ...]], pass_rate: float) -> None:
        """Commit the conjecture as a generated problem with every verified proof (goal text before each step)."""
        for tactics in proofs:
            states = _replay(self.backend, root, tactics, self.timeout)
            if states is None:  # not replayable step by step: keep it as one block from the root
                tactics, states = ("\n".join(tactics),), (root.text,)
            self.store.add_proof(problem, tactics, states, round=self.store_round,
                                 stats={"pass_rate": pass_rate, "generated": True})  # fmt: skip

    # -- rendering and cleanup ----------------------------------------------------------------------

    def _render_text(self) -> str:
        if not self._started:
            return "(call reset() first)\n"
        text = f"== seed {self._seed_info['seed_id']}\n" + render_seed(
            self.problem, self._seed_info["seed_proof"], self._seed_info["lemma"]
        )  # type: ignore[arg-type]
        if self._done is not None:
            text += "\n\n" + _feedback(self._done[1])
        return text + "\n"

    def close(self) -> None:
        """Release the backend (if created here) and the store (if opened here); idempotent."""
        if getattr(self, "_own_store", False) and getattr(self, "store", None) is not None:
            self.store.close()
        super().close()


def _replay(backend: Backend, root: ProofState, tactics: Sequence[str], timeout: float) -> tuple[str, ...] | None:
    """The goal text before each tactic when replaying ``tactics`` from ``root`` closes the proof; else None."""
    states, state = [], root
    for k, tactic in enumerate(tactics):
        states.append(state.text)
        try:
            out = backend.run_tactic(state, tactic, timeout=timeout)
        except (ReplError, StateLost, EngineError):
            return None
        if isinstance(out, ProofClosed):
            return tuple(states) if k == len(tactics) - 1 else None
        if not isinstance(out, ProofState):
            return None
        state = out
    return None


def _feedback(info: dict[str, Any]) -> str:
    head = "rewarded" if info["reason"] is None else info["reason"]
    lines = [head]
    if info["pass_rate"] is not None:
        lines.append(f"pass rate: {info['passes']}/{info['attempts']}")
    if info["statement"]:
        lines.append(info["statement"])
    if info["error"]:
        lines.append(info["error"])
    return "\n".join(lines)


# -- entry points ----------------------------------------------------------------------------------


def _check_kwargs(kwargs: dict[str, Any], *extra: str) -> None:
    """Refuse unknown keyword arguments with a "did you mean" (not a TypeError from deep inside)."""
    known = (set(inspect.signature(LeanConjectureEnv.__init__).parameters) | set(extra)) - {"self"}
    unknown = sorted(set(kwargs) - known)
    if unknown:
        close = difflib.get_close_matches(unknown[0], sorted(known), n=3)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise ConfigError(f"unknown argument(s) {', '.join(map(repr, unknown))} for LeanConjecture-v0{hint} "
                          f"(accepted: {', '.join(sorted(known))})")  # fmt: skip


def make_conjecture_env(**kwargs: Any) -> LeanConjectureEnv:
    """``gym.make("LeanConjecture-v0", ...)``: the keyword arguments of :class:`LeanConjectureEnv`."""
    _check_kwargs(kwargs)
    return LeanConjectureEnv(**kwargs)


def make_conjecture_vector_env(
    num_envs: int = 1,
    *,
    seeds: Sequence[Problem] | str | Path | ProofStore | None = None,
    suite: str | None = None,
    n: int | None = None,
    store: ProofStore | str | Path | None = None,
    backend: str | Backend = "auto",
    timeout: float = 10.0,
    workers: int | None = None,
    backend_options: dict[str, Any] | None = None,
    autoreset_mode: str | AutoresetMode = AutoresetMode.SAME_STEP,
    **env_kwargs: Any,
) -> LeanVectorEnv:
    """``gym.make_vec("LeanConjecture-v0", num_envs=N)``: N sub-envs sharing one backend pool, one store and
    one prover (episodes are one step, so the default autoreset is ``SAME_STEP``: every step is a conjecture)."""
    if num_envs < 1:
        raise ConfigError(f"num_envs must be >= 1, got {num_envs}")
    _check_kwargs(env_kwargs)
    seed_problems = _load_seeds(seeds, suite, n)
    resolved = resolve(backend, seed_problems, dataset="seed", timeout=timeout, workers=workers or num_envs,
                       backend_options=backend_options)  # fmt: skip
    own_store = not isinstance(store, ProofStore)
    shared = store if isinstance(store, ProofStore) else ProofStore(store or ":memory:")
    env_kwargs.setdefault("prover", SearchProver())
    try:
        envs = [
            LeanConjectureEnv(list(resolved.problems), store=shared, backend=resolved, timeout=timeout, **env_kwargs)
            for _ in range(num_envs)
        ]
    except Exception:
        if resolved.owned:
            resolved.backend.close()
        raise
    return ConjectureVectorEnv(envs, resolved=resolved, autoreset_mode=autoreset_mode, store=shared if own_store else None)


class ConjectureVectorEnv(LeanVectorEnv):
    """:class:`LeanVectorEnv` over conjecture envs that also closes the store it opened for them."""

    def __init__(self, envs: Sequence[LeanConjectureEnv], *, store: ProofStore | None = None, **kwargs: Any) -> None:
        super().__init__(envs, **kwargs)
        self._owned_store = store

    @property
    def store(self) -> ProofStore:
        """The store every sub-env shares (known statements, generated problems)."""
        return self.envs[0].unwrapped.store

    def close_extras(self, **kwargs: Any) -> None:
        super().close_extras(**kwargs)
        if self._owned_store is not None:
            self._owned_store.close()
            self._owned_store = None


__all__ = [
    "DEFAULT_ATTEMPTS",
    "ConjectureVectorEnv",
    "DEFAULT_CLOSERS",
    "DEFAULT_THRESHOLD",
    "REASONS",
    "LeanConjectureEnv",
    "Prover",
    "RewardFn",
    "STPReward",
    "SearchProver",
    "alpha_normal",
    "render_seed",
    "seed_lemma",
    "seeds_from_store",
    "statement_key",
]
