"""Adversarial: the verdict of ``Backend.verify`` is invariant under α-renaming.

A consistent, injective renaming of every local name (binders of ``∀ ∃ fun``, the theorem's
binders, and the names a proof introduces with ``intro``/``obtain``/``have``/…) gives a statement
and a proof that Lean elaborates identically, provided no new name is a global the source uses
(a local hides a global of the same name). So each (statement, proof, expected verdict) below is
renamed several ways and must keep its verdict:

- ``swap``: the locals permuted among themselves (every name collides with another's old name);
- ``internal``: locals renamed ``«x⁺0»``, ``«x⁺1»``, … (MiniLean's own fresh-name scheme);
- ``globals``: locals renamed to global names the source does not mention (``abs``, ``id``,
  ``True``, ``sq_nonneg``…): Lean accepts the rename because the local hides the global.

The renamer tokenises: it renames whole identifiers only, never a field or namespace component
after a dot (``h.1``, ``h.mp``, ``Nat.succ``), and quotes a new name with ``«»`` when it is not a
plain identifier.
"""

from __future__ import annotations

import re

import pytest

from leangym.minilean.suites import FAMILIES, generate

from .helpers import verify as _verify
from .test_redteam import CONTROLS, HOLES

# -- the renamer -------------------------------------------------------------------------------

_SUB = "₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₔₕₖₗₘₙₚₛₜᵢᵣᵤᵥⱼ"
# Lean's identifier start: letters, `_`, Greek except λ Π Σ, letter-like symbols (ℕ ℤ ℚ ℝ are
# letter-like but never renamed: only names collected as locals are).
_ID_START = r"A-Za-z_\u03b1-\u03ba\u03bc-\u03c9\u0391-\u039f\u03a1\u03a2\u03a4-\u03a9\u1f00-\u1ffe\u2100-\u214f"
_ID_REST = _ID_START + r"0-9'!?" + _SUB
TOKEN = re.compile(rf"«[^»]*»|[{_ID_START}][{_ID_REST}]*")
PLAIN = re.compile(rf"[{_ID_START}][{_ID_START}0-9'{_SUB}]*\Z")

# tags and keywords that sit where a binder does but are not locals
NOT_LOCAL = {"zero", "succ", "inl", "inr", "intro", "with", "fun", "by", "at", "this", "_", "Prop", "Type",
             "ℕ", "ℤ", "ℚ", "ℝ", "mk"}


def _bare(tok: str) -> str:
    return tok[1:-1] if tok.startswith("«") else tok


def tokens(src: str) -> list[tuple[int, int, str, bool]]:
    """Identifier tokens as (start, end, bare name, is a field/namespace suffix after a dot)."""
    out = []
    for m in TOKEN.finditer(src):
        s = m.start()
        suffix = s > 0 and src[s - 1] == "." and s > 1 and (src[s - 2] not in " \t\n(")
        out.append((s, m.end(), _bare(m.group()), suffix))
    return out


def _names_in(segment: str) -> list[str]:
    return [name for _, _, name, suffix in tokens(segment) if not suffix and name not in NOT_LOCAL]


# where names are bound: theorem binders `(a b : T)`, `∀/∃/fun` binders, and tactics that name
_BINDER_SITES = [
    re.compile(r"[({]\s*((?:[^\s():{}]+\s+)*[^\s():{}]+)\s*:"),  # (a b : T) also ∀ (a : T)
    re.compile(r"(?:∀|∃!|∃|fun|λ)\s+([^,:=↦>≥<≤≠∈(]+)"),  # ∀ x y, / ∃ x y > 0 / fun x =>
    re.compile(r"\b(?:intro|intros|rintro)\b([^\n;<]*)"),
    re.compile(r"\bobtain\s+(.*?)\s*(?::=|:)"),
    re.compile(r"\b(?:rcases|cases)\b[^\n]*?\bwith\b([^\n]*)"),
    re.compile(r"\|\s*(?:zero|succ|inl|inr|intro)\b([^=\n]*)=>"),
    re.compile(r"\bhave\s+([^\s:]+)\s*(?::|:=)"),
    re.compile(r"\bby_contra!?\s+([^\s;]+)"),
    re.compile(r"\bby_cases\s+([^\s:]+)\s*:"),
]


def local_names(statement: str, proof: str) -> list[str]:
    """Every name the statement or proof binds (order of first appearance)."""
    src = statement.split(" ", 2)[2] if statement.startswith("theorem ") else statement  # drop the theorem name
    found: list[str] = []
    for text in (src, proof):
        for site in _BINDER_SITES:
            for m in site.finditer(text):
                for name in _names_in(m.group(1)):
                    if name not in found:
                        found.append(name)
    return found


def rename(src: str, mapping: dict[str, str]) -> str:
    """Rename whole identifiers by ``mapping``; new names that are not plain identifiers get «»."""
    out, last = [], 0
    for s, e, name, suffix in tokens(src):
        if suffix or name not in mapping:
            continue
        new = mapping[name]
        out.append(src[last:s])
        out.append(new if PLAIN.match(new) else f"«{new}»")
        last = e
    out.append(src[last:])
    return "".join(out)


def rename_theorem(statement: str, proof: str, mapping: dict[str, str]) -> tuple[str, str]:
    head, name, rest = statement.split(" ", 2)
    return f"{head} {name} {rename(rest, mapping)}", rename(proof, mapping)


GLOBAL_POOL = ["abs", "id", "True", "False", "sq_nonneg", "mul_pos", "le_refl", "Even", "Odd", "add_pos", "pow_pos",
               "mul_nonneg", "abs_nonneg", "le_trans", "lt_irrefl"]


def renamings(statement: str, proof: str) -> dict[str, dict[str, str]]:
    """The named renamings of one (statement, proof); each is injective and avoids used globals."""
    locs = local_names(statement, proof)
    if not locs:
        return {}
    used = {name for _, _, name, _ in tokens(statement + "\n" + proof)}
    out: dict[str, dict[str, str]] = {"original": {}}
    if len(locs) > 1:
        out["swap"] = dict(zip(locs, locs[1:] + locs[:1]))
    out["internal"] = {n: f"{'h' if n.startswith('h') else 'x'}⁺{i}" for i, n in enumerate(locs)}
    pool = [g for g in GLOBAL_POOL if g not in used and not (g == "abs" and "|" in statement + proof)]
    if len(pool) >= len(locs):
        out["globals"] = dict(zip(locs, pool))
    return {k: v for k, v in out.items() if v or k == "original"}


# -- the corpus --------------------------------------------------------------------------------

# (statement, proof, verdict under Lean): curated cases with binders, hypotheses and the tactics
# that move bound variables around.
CURATED = [
    ("theorem t (P : ℕ → Prop) (h : ∀ x : ℕ, P x) : ∀ y : ℕ, P y", "intro y\nexact h y", True),
    ("theorem t (P : ℕ → Prop) (h : ∀ x : ℕ, P x) : ∀ x : ℕ, P x", "exact h", True),
    ("theorem t (P : ℕ → Prop) (h : ∀ x : ℕ, P x) : ∀ x : ℕ, P x", "intro x\napply h", True),
    ("theorem t (P Q : ℕ → Prop) (h : ∀ x, P x → Q x) (a : ℕ) (ha : P a) : Q a", "apply h\nexact ha", True),
    ("theorem t (P Q : ℕ → Prop) (h : ∀ x, P x → Q x) (a : ℕ) (ha : P a) : Q a", "exact h a ha", True),
    ("theorem t (P : ℕ → Prop) (a : ℕ) (ha : P a) : ∃ x, P x", "exact ⟨a, ha⟩", True),
    ("theorem t (P : ℕ → Prop) (a : ℕ) (ha : P a) : ∃ x, P x", "use a", True),
    ("theorem t (P Q : ℕ → Prop) (h : ∃ x, P x ∧ Q x) : ∃ y, Q y ∧ P y",
     "obtain ⟨x, hx, hq⟩ := h\nexact ⟨x, hq, hx⟩", True),
    ("theorem t (P Q : ℕ → Prop) (h : ∃ x, P x ∧ Q x) : ∃ y, Q y", "obtain ⟨x, hx⟩ := h\nexact ⟨x, hx.2⟩", True),
    ("theorem t (P Q : ℕ → Prop) (h : ∃ x, P x ∧ Q x) : ∃ y, Q y", "rcases h with ⟨x, -, hq⟩\nexact ⟨x, hq⟩", True),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∃ a, ∀ b, P a b) : ∀ b, ∃ a, P a b",
     "intro b\nobtain ⟨a, ha⟩ := h\nexact ⟨a, ha b⟩", True),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ a b, P a b) : ∀ b a, P a b", "intro b a\nexact h a b", True),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ a b, P a b) (x y : ℕ) : P y x", "exact h y x", True),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ a b, P a b) (x y : ℕ) : P y x", "apply h", True),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ a b, P a b) (x y : ℕ) : P y x", "have h2 := h y x\nexact h2", True),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ a b, P a b) (x y : ℕ) : P y x", "specialize h y x\nexact h", True),
    ("theorem t (p q : Prop) (hp : p) (hq : q) : p ∧ q", "exact ⟨hp, hq⟩", True),
    ("theorem t (p q : Prop) (h : p ∧ q) : q ∧ p", "obtain ⟨hp, hq⟩ := h\nexact ⟨hq, hp⟩", True),
    ("theorem t (p q : Prop) (h : p ∨ q) : q ∨ p", "rcases h with hp | hq\n· right\n  exact hp\n· left\n  exact hq", True),
    ("theorem t (p q : Prop) : p → (p → q) → q", "intro hp hpq\nexact hpq hp", True),
    ("theorem t (p q : Prop) : p → (p → q) → q", "exact fun hp hpq => hpq hp", True),
    ("theorem t (x : ℝ) (h : 2 * x + 1 = 5) : x = 2", "linarith", True),
    ("theorem t (x y : ℝ) (h : x = y + 1) (hy : y = 2) : x = 3", "rw [h, hy]\nnorm_num", True),
    ("theorem t (x : ℕ) (h : x + 0 = 3) : x = 3", "simp at h\nexact h", True),
    ("theorem t (x : ℕ) (h : x + 0 = 3) : x = 3", "norm_num at h\nexact h", True),
    ("theorem t (x : ℕ) (h : 2 * x = 6) : x = 3", "have hx : x = 3 := by omega\nexact hx", True),
    ("theorem t (f : ℝ → ℝ) (h : ∀ x, f x = 2 * x) : f 3 = 6", "rw [h]\nnorm_num", True),
    ("theorem t (f : ℝ → ℝ) (h : ∀ x, f x = 2 * x) : ∀ y, f y = y + y", "intro y\nrw [h]\nring", True),
    ("theorem t (f : ℕ → ℕ) (h : ∀ x, f x = x + 1) (y : ℕ) : f (f y) = y + 1 + 1", "rw [h, h]", True),
    ("theorem t (P : ℕ → Prop) (h : ∀ x, ¬¬P x) : ∀ x, P x", "intro x\nhave hx := h x\npush_neg at hx\nexact hx", True),
    ("theorem t (P : ℕ → Prop) (h : ¬∃ x, ¬P x) : ∀ x, P x", "push_neg at h\nexact h", True),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x ∧ x + 0 = x) : ∃ x : ℕ, P x", "obtain ⟨y, hy, -⟩ := h\nexact ⟨y, hy⟩", True),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∃ y : ℕ, P y", "obtain ⟨x, hx⟩ := h\nexact ⟨x, hx⟩", True),
    ("theorem t : ∃ x y : ℕ, x < y", "exact ⟨0, 1, by norm_num⟩", True),
    ("theorem t (n : ℕ) (h : n < 3) (h2 : n ≠ 0) (h3 : n ≠ 1) : n = 2", "interval_cases n <;> simp_all", True),
    # false statements (capture and bound-name leaks): must stay rejected under every renaming
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "norm_num at h\nnorm_num\nintro y\nobtain ⟨z, hz⟩ := h\nexact hz", False),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x",
     "simp at h\nsimp\nintro y\nobtain ⟨z, hz⟩ := h\nexact hz", False),
    ("theorem t (h : ∀ a b : ℕ, b + 0 = b) : ∀ b a : ℕ, a + 0 = b", "apply h", False),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ a : ℕ, ∃ b : ℕ, P a b) : ∀ a : ℕ, ∃ b : ℕ, P b a", "exact h", False),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ a : ℕ, ∃ b : ℕ, P a b) : ∀ a : ℕ, ∃ b : ℕ, P b a",
     "intro b\nobtain ⟨a, ha⟩ := h b\nuse a", False),
    ("theorem t (P : ℕ → Prop) (x : ℕ) (h : ∃ y : ℕ, P y) : P x", "norm_num at h\nobtain ⟨z, hz⟩ := h\nexact hz", False),
]


def _suite_cases() -> list[tuple[str, str, bool]]:
    out = []
    for family in FAMILIES:
        if family == "mixture":
            continue
        for difficulty in (1, 2, 3):
            for p in generate(family, 2, seed=7, difficulty=difficulty):
                out.append((p.statement, "\n".join(p.reference_proof), True))
    return out


def _cases() -> list:
    corpus = (
        [(s, p, v, f"curated{i}") for i, (s, p, v) in enumerate(CURATED)]
        + [(s, p, True, f"control{i}") for i, (s, p) in enumerate(CONTROLS)]
        + [(s, p, False, f"hole{i}") for i, (s, p) in enumerate(HOLES)]
        + [(s, p, v, f"suite{i}") for i, (s, p, v) in enumerate(_suite_cases())]
    )
    params = []
    for statement, proof, verdict, tag in corpus:
        for kind, mapping in renamings(statement, proof).items():
            new_stmt, new_proof = rename_theorem(statement, proof, mapping)
            params.append(pytest.param(statement, proof, new_stmt, new_proof, verdict, id=f"{tag}-{kind}"))
    return params


CASES = _cases()


def test_renamer_renames_whole_identifiers_only():
    stmt, proof = rename_theorem("theorem t (h : ∀ x : ℕ, x = x) (xy : ℕ) : Nat.succ xy = xy + 1",
                                 "exact h.1 x xy", {"x": "xy", "xy": "x⁺0", "h": "True"})
    assert stmt == "theorem t (True : ∀ xy : ℕ, xy = xy) («x⁺0» : ℕ) : Nat.succ «x⁺0» = «x⁺0» + 1"
    assert proof == "exact True.1 xy «x⁺0»"
    assert local_names("theorem t (P : ℕ → Prop) (h : ∃ x, P x) : ∀ y, P y", "intro z\nobtain ⟨w, hw⟩ := h") == [
        "P", "h", "x", "y", "z", "w", "hw"]


def test_corpus_is_large_enough():
    assert len(CASES) >= 200, len(CASES)


@pytest.mark.parametrize(("statement", "proof", "new_statement", "new_proof", "verdict"), CASES)
def test_verdict_is_invariant_under_renaming(backend, statement, proof, new_statement, new_proof, verdict):
    got = _verify(backend, new_statement, new_proof)
    assert got.ok == verdict, (new_statement, new_proof, got.reason)


# -- internal names stay internal --------------------------------------------------------------

# failing proofs whose error messages print goals with bound variables after the simplifiers ran;
# Lean prints the user's names (`x`, or `x✝` when shadowed), never an engine's fresh-name scheme
LEAKY_MESSAGES = [
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) (y : ℕ) : P y", "norm_num at h\nobtain ⟨z, hz⟩ := h\nexact hz"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P (x + 0)) : ∃ x : ℕ, P x", "norm_num at h\nexact h"),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ a b : ℕ, P a b → P b a) : ∀ b a : ℕ, P b a", "simp only [h]"),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ a b : ℕ, P a b → P b a) : ∀ b a : ℕ, P b a", "simp_all"),
    ("theorem t (P : ℕ → ℕ → Prop) (h : ∀ a, ∃ b, P a b) : ∃ b, ∀ a, P a b", "norm_num at h ⊢\nexact h"),
    ("theorem t (P : ℕ → Prop) (h : ∀ x < 5, P x) : P 5", "norm_num at h\nexact h 5"),
    ("theorem t (P : ℕ → Prop) (h : ∃ x : ℕ, P x) : ∀ x : ℕ, P x", "norm_num at h\nnorm_num\nshow ∀ y, P y"),
]


@pytest.mark.parametrize(("statement", "proof"), LEAKY_MESSAGES, ids=[str(i) for i in range(len(LEAKY_MESSAGES))])
def test_internal_names_never_reach_messages(backend, statement, proof):
    got = _verify(backend, statement, proof)
    assert not got.ok
    assert "⁺" not in (got.reason or ""), got.reason
