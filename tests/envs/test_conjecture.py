"""LeanConjecture-v0: refusals, alpha-equivalent duplicates, trivial conjectures, the pass-rate reward,
the store (generated problems, persistence, migration), the vector env and check_env. On MiniLean."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import gymnasium as gym
import pytest
from gymnasium.utils.env_checker import check_env

from leangym.datasets import load_minilean_suite
from leangym.envs.conjecture import (
    DEFAULT_ATTEMPTS,
    DEFAULT_CLOSERS,
    DEFAULT_MAX_STATEMENT_CHARS,
    DEFAULT_THRESHOLD,
    REASONS,
    LeanConjectureEnv,
    SearchProver,
    STPReward,
    alpha_normal,
    seed_lemma,
    seeds_from_store,
)
from leangym.errors import ConfigError, LeanGymError
from leangym.problems import Problem
from leangym.store import ProofStore
from tests.minilean import test_adversarial_alpha as alpha

# ``p ∧ q`` from hypotheses: no cheap closer proves it (simp, norm_num, decide, linarith, omega all fail)
BARE = "theorem mine (p q : Prop) (hp : p) (hq : q) : q ∧ p"
BARE_PROOF = ["exact ⟨hq, hp⟩"]


@pytest.fixture(scope="module")
def seeds():
    return load_minilean_suite("mixture", 6, seed=0)


class Scripted:
    """A deterministic prover: attempt ``i`` answers ``answers[i % len(answers)]``; records its calls."""

    def __init__(self, *answers):
        self.answers = answers
        self.calls = []

    def __call__(self, problem, backend, k, seed):
        self.calls.append(problem)
        return [self.answers[i % len(self.answers)] for i in range(k)]


NOTHING = Scripted(None)


def make(seeds, backend, **kw):
    kw.setdefault("prover", NOTHING)
    return LeanConjectureEnv(seeds, backend=backend, **kw)


def step(env, action, **reset):
    env.reset(**reset)
    _, reward, terminated, truncated, info = env.step(action)
    assert terminated and not truncated
    assert info["reason"] is None or info["reason"] in REASONS
    return reward, info


REFUSED = [
    "theorem t : (1 : ℕ) = 1 := by sorry",
    "theorem t : (sorry : Prop)",
    "theorem t (h : sorry = 1) : 1 = 1",
    "admit",
    "axiom cheat : False",
    "def f : ℕ := 1",
    "import Mathlib",
    "set_option maxHeartbeats 0 in 1 = 1",
    "#eval 1",
    "theorem",
    "theorem a : 1 = 1\ntheorem b : False",
    "theorem a : True\naxiom b : False",
    "theorem t : False -- a comment",
    "theorem t : /- hidden -/ False",
    "theorem t : 2 + 2 = 4 := by decide",
    "theorem t : False := by\n  exact?",
    "theorem t : native_decide = 1",
    "@[simp] theorem t : 1 = 1",
    "instance : Inhabited ℕ := ⟨0⟩",
]
UNPARSED = ["", "   ", "(((", "theorem t", "theorem t x : 1 = 1", "theorem t (x : ℕ) : x +", "∀ x, foo x", "1 +"]


@pytest.mark.parametrize("action", REFUSED)
def test_commands_proofs_and_sorry_are_refused(seeds, backend, action):
    prover = Scripted(BARE_PROOF)
    with make(seeds, backend, prover=prover) as env:
        reward, info = step(env, action)
    assert reward == 0.0 and info["reason"] == "refused_command", info
    assert info["error"].startswith("leangym: ") and not prover.calls


@pytest.mark.parametrize("action", UNPARSED)
def test_what_does_not_elaborate_is_a_parse_error(seeds, backend, action):
    with make(seeds, backend) as env:
        reward, info = step(env, action)
    assert reward == 0.0 and info["reason"] == "parse_error" and info["error"], info


def test_non_string_action_does_not_raise(seeds, backend):
    with make(seeds, backend) as env:
        reward, info = step(env, 42)
    assert reward == 0.0 and info["reason"] == "parse_error"


def test_alpha_normal_form():
    a = alpha_normal("x y : ℕ\nh : x < y\n⊢ ∀ (z : ℕ), z + x < z + y")
    b = alpha_normal("a b : ℕ\nhab : a < b\n⊢ ∀ (w : ℕ),   w + a < w + b")
    assert a == b
    assert a != alpha_normal("a b : ℕ\nhab : b < a\n⊢ ∀ (w : ℕ), w + a < w + b")  # hypotheses differ
    assert alpha_normal("⊢ (∀ x, P x) ∧ ∀ x, Q x") == alpha_normal("⊢ (∀ y, P y) ∧ ∀ z, Q z")
    assert alpha_normal("⊢ ∀ x > 0, ∃ y, y < x") == alpha_normal("⊢ ∀ u > 0, ∃ v, v < u")
    assert alpha_normal("⊢ ∀ x > 0, ∃ y, y < x") != alpha_normal("⊢ ∀ x > 0, ∃ y, x < y")
    # a bound name out of scope is the global again; a local named like a global is still a local
    assert alpha_normal("⊢ (∀ abs, abs = abs) ∧ abs 1 = 1") == alpha_normal("⊢ (∀ t, t = t) ∧ abs 1 = 1")
    assert alpha_normal("True : Prop\n⊢ True") == alpha_normal("p : Prop\n⊢ p") != alpha_normal("p : Prop\n⊢ True")


def test_alpha_equivalent_statements_are_duplicates(seeds, backend):
    with make(seeds, backend) as env:
        reward, first = step(env, BARE)
        assert first["reason"] == "unproved" and first["duplicate_of"] is None
        variants = [
            "theorem other_name (p q : Prop) (hp : p) (hq : q) : q ∧ p",  # theorem name
            "theorem mine (a b : Prop) (ha : a) (hb : b) : b ∧ a",  # variables and hypotheses
            "theorem mine (p q : Prop) (h1 : p) (h2 : q) : q ∧ p",  # hypothesis names only
            "lemma   mine (p q : Prop)\n    (hp : p) (hq : q) :\n  q ∧ p := by",  # whitespace, `lemma`, `:= by`
            "example (r s : Prop) (x : r) (y : s) : s ∧ r",
            "protected theorem p (p q : Prop) (hp : p) (hq : q) : q ∧ p",  # modifiers dropped, name found
        ]
        for action in variants:
            reward, info = step(env, action)
            assert reward == 0.0 and info["reason"] == "duplicate", (action, info)
            assert info["duplicate_of"] == first["problem_id"] and info["normalized"] == first["normalized"]
        # not alpha-equivalent: a different conjunct order, a quantified variant
        for action in ["theorem mine (p q : Prop) (hp : p) (hq : q) : p ∧ q", "∀ p q : Prop, p → q → q ∧ p"]:
            _, info = step(env, action)
            assert info["reason"] == "unproved", (action, info)


def test_the_seed_itself_and_registered_statements_are_known(seeds, backend, monkeypatch):
    with make(seeds, backend) as env:
        _, info = step(env, seeds[2].statement.replace(seeds[2].name, "renamed"), options={"problem": seeds[2].id})
        assert info["reason"] == "duplicate" and info["duplicate_of"] == seeds[2].id
        target = Problem("target/1", "theorem target (x : ℝ) (h : 2 * x = 4) : x = 2", seeds[0].header)
        assert env.register_known([target]) == 1
        # registering it again (self-play does, every round) reads the store and starts no engine
        starts = []
        real_start = env.backend.start
        monkeypatch.setattr(env.backend, "start", lambda *a, **k: starts.append(a) or real_start(*a, **k))
        assert env.register_known([target]) == 0 and starts == []
        _, info = step(env, "theorem z (y : ℝ) (hy : 2 * y = 4) : y = 2")
        assert info["reason"] == "duplicate" and info["duplicate_of"] == "target/1"


def test_cheap_closers_make_a_conjecture_trivial(seeds, backend):
    prover = Scripted(["linarith"])
    with make(seeds, backend, prover=prover) as env:
        reward, info = step(env, "theorem t (x : ℝ) (h : 3 * x = 6) : x = 2")
    assert reward == 0.0 and info["reason"] == "trivial" and info["trivial_by"] == "linarith" and not prover.calls
    with make(seeds, backend, prover=prover, closers=("decide",)) as env:  # configurable closers
        _, info = step(env, "theorem t (x : ℝ) (h : 3 * x = 6) : x = 2")
    assert info["reason"] == "too_easy" and info["pass_rate"] == 1.0 and len(prover.calls) == 1


def test_barely_provable_conjecture_is_paid_and_stored(seeds, backend):
    # one attempt in four finds the proof; the others answer nothing, a wrong proof and `sorry`
    prover = Scripted(BARE_PROOF, None, ["exact ⟨hp, hq⟩"], ["sorry"])
    with make(seeds, backend, prover=prover) as env:
        obs, info0 = env.reset(seed=3)
        assert "lemma: " in obs and info0["seed_statement"] in obs
        obs, reward, terminated, _, info = env.step(BARE)
        assert reward == 1.0 and terminated and info["reason"] is None and obs.startswith("rewarded")
        assert info["pass_rate"] == 0.25 and info["passes"] == 1 and info["proofs"] == [BARE_PROOF]
        assert info["statement"].startswith("theorem conj_") and info["stored"]
        (generated,) = env.store.problems(generated=True)
        assert generated.id == info["problem_id"] and generated.source == "conjecture"
        assert generated.meta == {"generated": True, "parent": info0["seed_id"]}
        assert generated.statement == info["statement"] and generated.header == prover.calls[0].header
        (stored,) = env.store.proofs(generated.id)
        assert stored.tactics == tuple(BARE_PROOF) and stored.states == ("p q : Prop\nhp : p\nhq : q\n⊢ q ∧ p",)
        assert backend.verify(generated, list(stored.tactics)).ok
        (record,) = env.store.known_statements(origin="conjecture")
        assert (record.reason, record.reward, record.pass_rate) == (None, 1.0, 0.25)
        # the stored conjecture seeds the next round
        (again,) = seeds_from_store(env.store, generated=True)
        assert again.reference_proof == tuple(BARE_PROOF)
        with LeanConjectureEnv(env.store, backend=backend, prover=NOTHING) as next_round:
            obs, info = next_round.reset()
            assert info["seed_id"] == generated.id and info["seed_proof"] == BARE_PROOF


def test_too_easy_is_not_paid_but_its_proof_is_kept(seeds, backend):
    with make(seeds, backend, prover=Scripted(BARE_PROOF, ["constructor\nexact hq\nexact hp"])) as env:
        reward, info = step(env, BARE)
        assert reward == 0.0 and info["reason"] == "too_easy" and info["pass_rate"] == 1.0
        assert len(info["proofs"]) == 2 and len(env.store.proofs(info["problem_id"])) == 2
        (record,) = env.store.known_statements(origin="conjecture")
        assert record.reason == "too_easy" and record.reward == 0.0


def test_reward_function_threshold_and_length_filter(seeds, backend):
    half = Scripted(BARE_PROOF, None)
    with make(seeds, backend, prover=half) as env:
        assert step(env, BARE)[1]["reason"] == "too_easy"  # 2/4 > 1/4
    with make(seeds, backend, prover=half, threshold=0.5) as env:
        assert step(env, BARE)[0] == 1.0
    with make(seeds, backend, prover=half, reward_fn=lambda rate: 1.0 - rate) as env:
        assert step(env, BARE)[0] == 0.5
    with make(seeds, backend, prover=half, threshold=0.5, max_proof_chars=5) as env:
        reward, info = step(env, BARE)
        assert reward == 0.0 and info["reason"] == "too_long" and info["stored"]
    with make(seeds, backend, max_statement_chars=20) as env:
        assert step(env, BARE)[1]["reason"] == "too_long"
    assert STPReward(0.25)(0.0) == 0.0 and STPReward(0.25)(0.25) == 1.0 and STPReward(0.25)(0.5) == 0.0


def test_unverified_proofs_never_count(seeds, backend):
    liar = Scripted(["sorry"], ["exact hp"], ["admit"], ["rfl\ntheorem x : False := sorry"])
    with make(seeds, backend, prover=liar) as env:
        reward, info = step(env, BARE)
        assert reward == 0.0 and info["reason"] == "unproved" and info["pass_rate"] == 0.0 and not info["proofs"]
        assert env.store.proofs() == [] and env.store.problems(generated=True) == []


def test_unknown_arguments_are_named():
    with pytest.raises(ConfigError, match="did you mean 'attempts'"):
        gym.make("LeanConjecture-v0", backend="minilean", n=2, attempt=3)


def test_a_prover_must_answer_every_attempt(seeds, backend):
    with make(seeds, backend, prover=lambda problem, backend, k, seed: [None]) as env:
        env.reset()
        with pytest.raises(LeanGymError, match="one entry"):
            env.step(BARE)


def test_default_search_prover_verifies_its_proofs(seeds, backend):
    with make(seeds, backend, prover=SearchProver(), closers=()) as env:
        reward, info = step(env, "theorem t (x : ℕ) : x + 0 = x")
    assert info["reason"] == "too_easy" and info["pass_rate"] == 1.0 and info["proofs"]
    problem = Problem("p", info["statement"], seeds[0].header)
    assert all(backend.verify(problem, p).ok for p in info["proofs"])
    # a two-step proof: whether the generator's random order finds it within the budget varies by attempt
    with make(seeds, backend, prover=SearchProver(), attempts=8) as env:
        reward, info = step(env, "theorem c (p q : Prop) (h : p ∧ q) : q ∧ p", seed=0)
    assert 0 < info["pass_rate"] and reward == STPReward()(info["pass_rate"]), info
    assert len(info["proofs"]) <= info["passes"] and all(len(p) >= 2 for p in info["proofs"])


def test_novelty_persists_across_envs_and_connections(seeds, backend, tmp_path):
    path = tmp_path / "selfplay.sqlite"
    with make(seeds, backend, store=path, prover=Scripted(BARE_PROOF, None, None, None)) as env:
        assert step(env, BARE)[0] == 1.0
    with ProofStore(path) as store, make(seeds, backend, store=store) as env:
        _, info = step(env, "theorem again (r s : Prop) (hr : r) (hs : s) : s ∧ r")
        assert info["reason"] == "duplicate"
        assert [p.id for p in store.problems(generated=True)] == [info["duplicate_of"]]


def test_old_stores_are_migrated(tmp_path):
    path = tmp_path / "old.sqlite"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE problems (id TEXT PRIMARY KEY, statement TEXT NOT NULL, header TEXT NOT NULL, "
                   "split TEXT, source TEXT)")  # fmt: skip
        db.execute("INSERT INTO problems VALUES ('old', 'theorem old : True', '', NULL, 'local')")
        db.commit()
    with ProofStore(path) as store:
        (old,) = store.problems()
        assert old.id == "old" and old.meta == {} and store.problems(generated=True) == []
        new = Problem("new", "theorem new : True", "", source="conjecture", meta={"generated": True, "parent": "old"})
        assert store.add_proof(new, ["trivial"], ["⊢ True"])
        assert [p.id for p in store.problems(generated=False)] == ["old"]
        assert store.problems(generated=True)[0].meta["parent"] == "old"
    with ProofStore(path) as store:  # reopening a migrated store is a no-op
        assert len(store.problems()) == 2


def test_seed_lemma_and_sources(seeds, tmp_path):
    p = Problem("s", "theorem s (a b : ℝ) (h_1 : 0 < a) : 2 * a * b ≤ a ^ 2 + b ^ 2", "")
    assert seed_lemma(p, ["nlinarith [sq_nonneg (a - b), h_1]"]) == "sq_nonneg"
    assert seed_lemma(p, ["have h2 := h_1\nlinarith"]) == "have"
    path = tmp_path / "seeds.jsonl"
    path.write_text('{"id": "j1", "statement": "theorem j1 (p : Prop) (hp : p) : p", "proof": "exact hp"}\n'
                    '{"id": "j2", "statement": "theorem j2 : 1 = 1"}\n', encoding="utf-8")  # fmt: skip
    with LeanConjectureEnv(str(path), backend="minilean") as env:
        assert [q.id for q in env.problems] == ["j1"]  # a seed needs a proof
        obs, info = env.reset()
        assert info["seed_proof"] == ["exact hp"] and obs.endswith("lemma: exact")


def test_check_env(seeds, backend):
    with make(seeds, backend) as env:
        check_env(env, skip_render_check=True)
    with gym.make("LeanConjecture-v0", backend="minilean", n=4, prover=NOTHING, render_mode="ansi") as env:
        check_env(env.unwrapped, skip_render_check=True)
        env.reset(seed=0)
        env.step(BARE)
        assert "unproved" in env.render()


def test_vector_env_shares_store_and_claims_atomically(seeds):
    prover = Scripted(["constructor <;> assumption"], None, None, None)
    envs = gym.make_vec("LeanConjecture-v0", num_envs=3, seeds=seeds, backend="minilean", workers=2, prover=prover)
    with closing(envs):
        obs, info = envs.reset(seed=0)
        assert len(obs) == 3 and len(info["seed_id"]) == 3
        actions = (BARE, "theorem b (a c : Prop) (ha : a) (hc : c) : c ∧ a", "theorem t (x : ℝ) (h : 3 * x = 6) : x = 2")
        obs, rewards, terminated, truncated, info = envs.step(actions)
        assert terminated.all() and not truncated.any()
        final = info["final_info"]  # SAME_STEP autoreset: this step's verdicts; `obs` are the next seeds
        reasons = sorted(final["reason"][:2], key=str)
        assert reasons == [None, "duplicate"] and final["reason"][2] == "trivial"  # exactly one claim wins
        assert sorted(rewards.tolist()) == [0.0, 0.0, 1.0]
        assert "lemma: " in obs[0] and len(envs.store.problems(generated=True)) == 1


def test_documented_defaults_and_reasons_match_the_code():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "envs.md").read_text(encoding="utf-8")
    section = doc[doc.index("## LeanConjecture-v0") : doc.index("## Wrappers")]
    assert f"`attempts` (k, default {DEFAULT_ATTEMPTS})" in section
    assert f"`threshold={DEFAULT_THRESHOLD}`" in section
    assert f"`max_statement_chars` (default {DEFAULT_MAX_STATEMENT_CHARS})" in section
    assert "default " + ", ".join(f"`{c}`" for c in DEFAULT_CLOSERS) in section
    codes = section[section.index("its values are") :]
    assert all(f"`{code}`" in codes for code in REASONS)
    for name in ("Description", "Action Space", "Observation Space", "Rewards", "Starting State", "Episode End",
                 "Arguments", "Version History"):  # fmt: skip
        assert f"## {name}" in LeanConjectureEnv.__doc__


def test_renamings_of_the_trusted_core_corpus_share_one_normal_form(backend):
    """Every renaming of ``tests/minilean/test_adversarial_alpha.py`` (locals permuted, renamed to MiniLean's
    internal names or to globals they hide) elaborates to the same alpha-normal form as the original."""
    checked = 0
    for statement, proof, _ in alpha.CURATED:
        forms = set()
        for mapping in alpha.renamings(statement, proof).values():
            renamed, _ = alpha.rename_theorem(statement, proof, mapping)
            root = backend.start(Problem("r", renamed, "import Mathlib\n"))
            forms.add(alpha_normal(root.goals[0]))
            checked += 1
        assert len(forms) == 1, (statement, forms)
    assert checked >= 100


def test_one_text_under_two_headers_is_two_problems(backend):
    seeds = [Problem(f"s{i}", "theorem s (p : Prop) (hp : p) : p", header, reference_proof=("exact hp",))
             for i, header in enumerate(["", "import Mathlib\n"])]  # fmt: skip
    with make(seeds, backend, prover=Scripted(BARE_PROOF, None, None, None)) as env:
        infos = [step(env, BARE, options={"problem": s.id})[1] for s in seeds]
        assert [i["reason"] for i in infos] == [None, None] and infos[0]["problem_id"] != infos[1]["problem_id"]
        assert [p.header for p in env.store.problems(generated=True)] == ["", "import Mathlib\n"]
