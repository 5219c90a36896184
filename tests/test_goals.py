"""`leangym.goals` parses Lean's printed goals: every goal real Lean printed in the recorded transcripts."""

from __future__ import annotations

import json
import re

import pytest

from leangym.goals import Goal, Hypothesis, parse_goal, parse_goals


def _transcript_goals(root) -> list[str]:
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "goals" and isinstance(value, list):
                    found.extend(v for v in value if isinstance(v, str))
                elif key == "goal" and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted(root.rglob("*.expected.out")):
        for chunk in re.split(r"\n\s*\n(?=\{)", path.read_text(encoding="utf-8")):
            try:
                walk(json.loads(chunk))
            except json.JSONDecodeError:
                continue
    return found


def _check(text: str, goal: Goal) -> None:
    """Every name of every hypothesis line is one entry; the target is the text after ⊢, re-joined."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    turnstile = next(i for i, ln in enumerate(lines) if ln.startswith("⊢"))
    hyp_lines = [ln for ln in lines[:turnstile] if not ln.startswith((" ", "case "))]
    names = [n for ln in hyp_lines for n in re.findall(r"«[^»]*»|[^\s«»]+", ln.split(" : ", 1)[0])]
    assert [h.name for h in goal.hypotheses] == names, text
    assert goal.target == " ".join(ln.strip() for ln in [lines[turnstile][1:], *lines[turnstile + 1 :]]).strip()
    assert goal.case == (lines[0][5:] if lines[0].startswith("case ") else None)
    assert all(h.type and "\n" not in h.type for h in goal.hypotheses)


def test_every_goal_in_the_recorded_transcripts_parses(transcripts_dir):
    goals = [g for g in _transcript_goals(transcripts_dir) if "⊢" in g]
    assert len(goals) >= 40
    for text in goals:
        _check(text, parse_goal(text))
    assert any(parse_goal(g).case for g in goals) and any(len(parse_goal(g).hypotheses) > 4 for g in goals)


def test_goals_deepseek_recorded_for_minif2f_parse(shared_data):
    records = [json.loads(ln) for ln in (shared_data / "minif2f" / "minif2f.jsonl").open(encoding="utf-8")]
    goals = [r["goal"] for r in records if r.get("goal")]
    assert len(goals) > 400
    for text in goals:
        _check(text, parse_goal(text))


def test_grouped_names_case_tags_let_values_and_continuations():
    text = "case pos\nx y : ℕ\nh₀ h₁ : x = y\nn✝ : ℕ\nf : ℕ → ℕ := fun n => n + 1\n⊢ x + y ≤\n    2 * y"
    goal = parse_goal(text)
    assert goal.case == "pos" and goal.target == "x + y ≤ 2 * y"
    assert goal.hypotheses[:2] == (Hypothesis("x", "ℕ"), Hypothesis("y", "ℕ"))
    assert [h.name for h in goal.hypotheses] == ["x", "y", "h₀", "h₁", "n✝", "f"]
    assert goal.hypotheses[-1] == Hypothesis("f", "ℕ → ℕ", "fun n => n + 1")
    long_hyp = parse_goal("h : a * b ≤\n    c\n⊢ True")
    assert long_hyp.hypotheses == (Hypothesis("h", "a * b ≤ c"),)
    assert parse_goal("h : ∀ (n : ℕ), n = n\n⊢ p").hypotheses[0].type == "∀ (n : ℕ), n = n"
    assert parse_goals(["⊢ True", "p : Prop\n⊢ p"])[1].to_dict() == {
        "case": None, "hypotheses": [{"name": "p", "type": "Prop", "value": None}], "target": "p"
    }


@pytest.mark.parametrize("text", ["", "no goals", "garbage without turnstile"])
def test_text_without_a_turnstile_is_a_bare_target(text):
    assert parse_goal(text) == Goal((), text.strip())
