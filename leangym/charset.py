"""The one Lean character set behind every ``gymnasium.spaces.Text`` space in leangym.

Gymnasium's ``Text`` space rejects characters outside its charset (alphanumeric by default), so goals
such as ``h₀ : ∀ x ∈ s, 0 < x ⊢ ∃ n, ↑n ≥ √2`` would not lie in a default space. This module builds one
charset — printable ASCII, newline and tab, plus the Unicode blocks Lean and Mathlib print (Greek,
sub/superscripts, arrows, mathematical operators, letterlike and double-struck letters, brackets such as
``⟨⟩ ⦃⦄ ⌊⌋``) — and the helpers that keep every observation inside it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
from gymnasium import spaces
from gymnasium.vector.utils import read_from_shared_memory

# Inclusive code-point ranges. Whole blocks rather than a hand-picked list, so that a symbol Mathlib
# starts printing next year (it adds notation often) is already inside the space.
_RANGES: tuple[tuple[int, int], ...] = (
    (0x20, 0x7E),  # printable ASCII
    (0xA0, 0xFF),  # Latin-1 supplement: ¬ · × ² ³ ¹
    (0x2B0, 0x2FF),  # spacing modifier letters: ˢ ˣ
    (0x370, 0x3FF),  # Greek and Coptic: α β γ λ Π Σ ϕ
    (0x15EE, 0x15EE),  # ᗮ (orthogonal complement)
    (0x1D00, 0x1DBF),  # phonetic extensions and modifiers: ᵀ ᵉ ᵢ ᶜ ᶠ
    (0x2010, 0x205E),  # general punctuation: ‖ • ⁅ ⁆ ′
    (0x2070, 0x209C),  # superscripts and subscripts: ⁻¹ ₀-₉ ₊ ₗ
    (0x2100, 0x214F),  # letterlike symbols: ℕ ℤ ℚ ℝ ℂ ℓ ℙ
    (0x2190, 0x21FF),  # arrows: → ↔ ↑ ↦ ⇑
    (0x2200, 0x22FF),  # mathematical operators: ∀ ∃ ∧ ∨ ≤ ≠ ⊢ ∑ ∏ ∈ √ ∘
    (0x2300, 0x23FF),  # miscellaneous technical: ⌈ ⌉ ⌊ ⌋
    (0x25A0, 0x25FF),  # geometric shapes: ▸ ◁
    (0x2700, 0x27BF),  # dingbats: ✝ (inaccessible hypotheses)
    (0x27C0, 0x27FF),  # math symbols A, supplemental arrows A: ⟨ ⟩ ⟪ ⟫ ⟶
    (0x2980, 0x2AFF),  # math symbols B, supplemental operators: ⦃ ⦄ ⧸ ⨅ ⨯
    (0x2B00, 0x2BFF),  # misc symbols and arrows: ⬝
    (0x1D400, 0x1D7FF),  # mathematical alphanumerics: 𝓝 𝓟 𝒫 𝔼 𝕜
)

LEAN_CHARSET: str = "\n\t" + "".join(chr(c) for lo, hi in _RANGES for c in range(lo, hi + 1))
"""Every character a leangym ``Text`` space accepts."""

_CHARSET = frozenset(LEAN_CHARSET)

REPLACEMENT = "?"
"""Stands in for a character outside :data:`LEAN_CHARSET` in an observation (ASCII, so always inside)."""

OBSERVATION_MAX_LENGTH = 16_384
"""Longest observation (characters); longer goal texts are cut, ending in ``…`` (inside the charset)."""

ACTION_MAX_LENGTH = 4_096
"""Longest action (characters) a tactic env accepts; longer actions are reported as errors, not raised."""


class LeanText(spaces.Text):
    """``Text`` over :data:`LEAN_CHARSET` whose batches read correctly from ``AsyncVectorEnv``'s shared memory.

    Gymnasium reads a ``Text`` batch from shared memory once, into a tuple of strings, when the vector env
    is built; the workers' later writes never show, so ``gym.make_vec(id, vectorization_mode="async")``
    returned blank observations. This space's batch view decodes the buffer on every access instead.
    """


class SharedTextBatch(Sequence[str]):
    """A live view of the strings in a shared-memory ``Text`` batch; ``copy.deepcopy`` gives a plain tuple
    (what ``AsyncVectorEnv`` returns with its default ``copy=True``)."""

    def __init__(self, space: spaces.Text, buffer: Any, n: int) -> None:
        self._data = np.frombuffer(buffer.get_obj(), dtype=np.int32).reshape(n, space.max_length)
        self._chars = np.array(space.character_list + ("",), dtype=object)  # the pad index maps to ""

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return tuple(self)[index]
        return "".join(self._chars[self._data[index]])

    def __len__(self) -> int:
        return len(self._data)

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __deepcopy__(self, memo: dict) -> tuple[str, ...]:
        return tuple(self)


@read_from_shared_memory.register(LeanText)
def _read_lean_text(space: LeanText, shared_memory: Any, n: int = 1) -> SharedTextBatch:
    return SharedTextBatch(space, shared_memory, n)


def lean_text_space(max_length: int, min_length: int = 0) -> LeanText:
    """A ``Text`` space over :data:`LEAN_CHARSET`."""
    return LeanText(max_length=max_length, min_length=min_length, charset=LEAN_CHARSET)


def outside_charset(text: str) -> set[str]:
    """The characters of ``text`` that no leangym ``Text`` space accepts."""
    return set(text) - _CHARSET


def to_observation(text: str, max_length: int = OBSERVATION_MAX_LENGTH) -> str:
    """Fit ``text`` into the observation space: map stray characters to ``?`` and cut at ``max_length``.

    Goals are observations, and an observation outside its space breaks vector batching and
    ``check_env``; replacing a rare character is better than failing the episode.
    """
    if not _CHARSET.issuperset(text):
        text = "".join(c if c in _CHARSET else REPLACEMENT for c in text)
    if len(text) > max_length:
        text = text[: max_length - 1] + "…"
    return text
