"""Which tactics and lemma names real provers' proofs use, by frequency, and whether MiniLean knows each.

Reads both real-proof sets (``minif2f-real-proofs`` and ``lean-workbook`` under the data folder), takes
the proof text after each statement, drops comments, and counts (1) tactic names: the first word of each
tactic (at a line start, after ``by``, ``<;>``, ``;``, ``·``, ``then`` or ``=>``), and
(2) global names: identifiers with a ``_`` or a ``.`` that are not local hypotheses, with projections
(``.mp``, ``.mpr``, ``.1``, ``.2``, ``.le``, ``.symm``…) kept as written; names whose last part is
capitalised (``Nat.Prime``) are predicates and types, not counted. A tactic is known when MiniLean
registers it with an executor; a name is known when MiniLean's lemma library or proof-term checker
resolves it. Counts are of proofs using the name (each proof counts a name once), over all records
(Lean-accepted or not).

Run: ``.venv/bin/python benchmarks/real_proof_names.py [--data-path ../shared/data] [--top 40]``.
Prints Markdown. The proofs are read from the data folder; none is copied into the repository.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from leangym.config import describe, option, parse
from leangym.minilean import lemmas, proofterms, registry, tactics  # noqa: F401  (importing tactics registers them)

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
IDENT = r"[A-Za-z_][A-Za-z0-9_'!?₀-₉ₐ-ₜ]*(?:\.[A-Za-z0-9_'₀-₉]+)*"
TACTIC_START = re.compile(r"(?:^|\bby\b|<;>|;|·|\bthen\b|=>)[ \t]*(" + IDENT + ")", re.MULTILINE)
NOT_TACTICS = {"by", "theorem", "lemma", "fun", "at", "with", "using", "then", "else", "from", "in", "if", "do"}
NAME = re.compile(r"(?<![A-Za-z0-9_.'₀-₉])(" + IDENT + ")")
LOCAL_BINDERS = re.compile(r"(?:\bhave|\bintro|\bintros|\brintro|\bobtain|\bcases|\brcases|\bfun|\bwith|⟨|\||,|\bset|\bgeneralize)\s+"
                           r"((?:" + IDENT + r"\s*)+)")


def proofs(data: Path) -> list[str]:
    """The proof text (after ``:=``) of every record of both sets."""
    out = []
    for line in open(data / "minif2f-real-proofs" / "minif2f_real_proofs.jsonl", encoding="utf-8"):
        r = json.loads(line)
        full = r["full"]
        out.append(full[full.index(r["statement"]) + len(r["statement"]):])
    for line in open(data / "lean-workbook" / "lean_workbook_goedel_proofs_100.jsonl", encoding="utf-8"):
        r = json.loads(line)
        src = r["lean_source"]
        stmt = r["formal_statement"].rstrip()
        stmt = stmt[: -len("by")].rstrip() if stmt.endswith("by") else stmt
        out.append(src[src.index(stmt) + len(stmt):] if stmt in src else src)
    return out


def strip_comments(text: str) -> str:
    text = re.sub(r"/-.*?-/", " ", text, flags=re.DOTALL)
    return re.sub(r"--[^\n]*", "", text)


def tactic_names(text: str) -> set[str]:
    found = set()
    for m in TACTIC_START.finditer(text):
        word = m.group(1)
        if "." not in word and word not in NOT_TACTICS and registry_word(word):
            found.add(word)
    return found


def registry_word(word: str) -> bool:
    """A word that reads as a tactic name: lower-case start, no subscript digits (hypothesis names)."""
    return (word[0].islower() and len(word) > 1 and not re.search(r"[₀-₉'\d]$", word)
            and not re.fullmatch(r"h\w*|this", word) and ("_" not in word or registry.lookup(word) is not None))


def global_names(text: str) -> set[str]:
    local = set()
    for m in LOCAL_BINDERS.finditer(text):
        local.update(m.group(1).split())
    out = set()
    for m in NAME.finditer(text):
        word = m.group(1)
        if ("_" in word or "." in word) and word.split(".")[0] not in local and not word.startswith("_") \
                and registry.lookup(word) is None and not re.fullmatch(r"h\w*(\.\w+)*", word) \
                and not word.rsplit(".", 1)[-1][:1].isupper():  # `Nat.Prime`, `Nat.ModEq`: predicates, not lemmas
            out.add(word)
    return out


def tactic_known(name: str) -> bool:
    entry = registry.lookup(name)
    return entry is not None and entry.run is not None


def name_known(name: str) -> bool:
    return lemmas.resolve(name) is not None or name in proofterms.TERM_HEADS


def table(title: str, counts: Counter, known, top: int) -> None:
    total = len(counts)
    hit = [n for n in counts if known(n)]
    uses = sum(counts.values())
    known_uses = sum(counts[n] for n in hit)
    print(f"### {title}\n")
    print(f"- distinct: {total}; known to MiniLean: {len(hit)} ({len(hit) / max(1, total):.0%}); "
          f"uses (proof, name) covered: {known_uses} of {uses} ({known_uses / max(1, uses):.0%})\n")
    print("| name | proofs using it | MiniLean |\n| --- | ---: | --- |")
    for n, c in counts.most_common(top):
        print(f"| `{n}` | {c} | {'known' if known(n) else '**unknown**'} |")
    print()


@dataclass
class Args:
    data_path: str = option(str(DEFAULT_DATA), "folder laid out like ../shared/data")
    top: int = option(40, "rows per table")


def main(argv: list[str] | None = None) -> None:
    args = parse(Args, argv, description=describe(__doc__))
    texts = [strip_comments(t) for t in proofs(Path(args.data_path))]
    tacs: Counter = Counter()
    names: Counter = Counter()
    for t in texts:
        tacs.update(tactic_names(t))
        names.update(global_names(t))
    print(f"## Tactics and lemma names in {len(texts)} real proofs (miniF2F + Lean Workbook)\n")
    table("Tactics", tacs, tactic_known, args.top)
    table("Lemma and term names", names, name_known, args.top)


if __name__ == "__main__":
    main()
