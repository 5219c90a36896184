"""Every ```python block of README.md and docs/*.md runs, each in a fresh namespace, on MiniLean.

A block that cannot run here (real Lean, a GPU, the network, a trained model, minutes of training) is
preceded by ``<!-- no-test: reason -->`` and reported as a skip with that reason. A block whose budget is
too long for the suite is preceded by ``<!-- test-with: OLD => NEW -->``: the test runs it with ``OLD``
replaced by ``NEW`` (and fails if ``OLD`` is no longer in the block, so the comment cannot go stale).
A block that reads data outside the repository is preceded by ``<!-- needs-path: PATH -->`` (relative to
the repository root) and skipped when that path is absent. Blocks run in a scratch folder next to a link
to ``../shared``, so a path written relative to the repository root means the same thing there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
_BLOCK = re.compile(r"((?:<!--[^\n]*-->\n)*)```python\n(.*?)```", re.S)
_NO_TEST = re.compile(r"<!-- no-test: (.+?) -->")
_TEST_WITH = re.compile(r"<!-- test-with: (.+?) => (.+?) -->")
_NEEDS_PATH = re.compile(r"<!-- needs-path: (.+?) -->")


@dataclass
class Snippet:
    path: Path
    line: int
    code: str
    skip: str | None
    replacements: list[tuple[str, str]]
    needs: list[str]

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}"


def snippets() -> list[Snippet]:
    out = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for m in _BLOCK.finditer(text):
            comments = m.group(1)
            skip = _NO_TEST.search(comments)
            line = text.count("\n", 0, m.start(2))
            out.append(
                Snippet(
                    path, line, m.group(2), skip and skip.group(1), _TEST_WITH.findall(comments),
                    _NEEDS_PATH.findall(comments),
                )
            )  # fmt: skip
    return out


SNIPPETS = snippets()


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.id for s in SNIPPETS])
def test_snippet_runs(snippet: Snippet, tmp_path, monkeypatch):
    if snippet.skip:
        pytest.skip(f"no-test: {snippet.skip}")
    missing = [p for p in snippet.needs if not (REPO / p).exists()]
    if missing:
        pytest.skip(f"needs {', '.join(missing)}, absent here")
    code = snippet.code
    for old, new in snippet.replacements:
        assert old in code, f"{snippet.id}: test-with names {old!r}, which the block no longer contains"
        code = code.replace(old, new)
    work = tmp_path / "repo"  # files a snippet writes (stores, runs/) land in a scratch folder
    work.mkdir()
    if (REPO.parent / "shared").exists():
        (tmp_path / "shared").symlink_to(REPO.parent / "shared")
    monkeypatch.chdir(work)
    exec(compile(code, snippet.id, "exec"), {"__name__": "__snippet__"})


def test_skipped_snippets_are_few_and_give_reasons():
    skipped = [s for s in SNIPPETS if s.skip]
    for s in skipped:
        assert len(s.skip) > 10, f"{s.id}: say why the block cannot run here"
    assert len(SNIPPETS) >= 10 and len(skipped) <= len(SNIPPETS) // 2, [s.id for s in skipped]


def test_readme_sb3_snippet_matches_the_example():
    """The README's SB3 block is the example's core: same env, wrappers, shaping, threads and budget."""
    example = (REPO / "examples" / "sb3_ppo.py").read_text(encoding="utf-8")
    block = next(s.code for s in SNIPPETS if s.path.name == "README.md" and "stable_baselines3" in s.code)
    assert "torch.set_num_threads(1)" in example and "torch.set_num_threads(1)" in block
    for needle in ("MiniLean-Propositional-v0", "DiscreteTactics", "GoalFeatures",
                   "step_penalty=0.01, error_penalty=0.02", "100_000", "heldout"):  # fmt: skip
        assert needle in example and needle in block, needle
    tactics = re.findall(r'"((?:intro|exact|apply|constructor|left|right|assumption|exfalso|contradiction|trivial)[^"]*)"', block)
    assert tactics and all(f'"{t}"' in example for t in tactics)
