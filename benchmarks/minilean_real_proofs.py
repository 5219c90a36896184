"""MiniLean against real provers' proofs with real Lean's verdicts (issue 13's fidelity measure).

For each proof set, each record's whole file (header, statement, proof as the prover wrote it) is checked
by MiniLean exactly as real Lean checked it. Reported: statements that parse (the statement with
``:= by sorry`` elaborates), real-Lean-accepted proofs of parsed statements that MiniLean accepts as
written under the layout of the Lean that judged them (``MiniLeanRepl(layout="column0")``: that older
Lean took tactic blocks at column 0 after ``:= by``) and under the pinned Lean's layout (v4.33, indented
blocks only), real-Lean-*rejected* proofs that MiniLean accepts (each must be explained: label noise or a
strength difference), refusals by category, and a per-prover split.

Run: ``.venv/bin/python benchmarks/minilean_real_proofs.py [--data-path ../shared/data] [--limit-s 5]
[--show-accepted-rejected]``. Prints Markdown. The proofs are read from the data folder; none is copied
into the repository.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from leangym.config import describe, option, parse
from leangym.errors import ReplTimeout
from leangym.minilean.commands import PINNED_LAYOUT
from leangym.minilean.repl import MiniLeanRepl

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@dataclass(frozen=True)
class Record:
    problem: str
    prover: str
    header: str
    statement: str  # `theorem … :=` without the proof
    full: str  # the whole file real Lean checked
    lean_ok: bool


def minif2f_records(data: Path) -> list[Record]:
    out = []
    for line in open(data / "minif2f-real-proofs" / "minif2f_real_proofs.jsonl", encoding="utf-8"):
        r = json.loads(line)
        header = r["full"][: r["full"].index(r["statement"])]
        out.append(Record(r["problem"], r["prover"].split("/")[-1], header, r["statement"], r["full"], r["lean_ok"]))
    return out


def workbook_records(data: Path) -> list[Record]:
    out = []
    for line in open(data / "lean-workbook" / "lean_workbook_goedel_proofs_100.jsonl", encoding="utf-8"):
        r = json.loads(line)
        res = r["recorded_result"]
        msgs = (res.get("response") or {}).get("messages") or []
        ok = res.get("error") is None and not any(m.get("severity") == "error" for m in msgs)
        stmt = r["formal_statement"].rstrip()
        stmt = stmt[: -len("by")].rstrip() if stmt.endswith("by") else stmt
        out.append(Record(r["name"], "Goedel-Prover", r["header"], stmt, r["lean_source"], ok))
    return out


def category(message: str) -> str:
    """A refusal's category: the message with names, numbers and goals taken out."""
    first = message.strip().splitlines()[0] if message.strip() else "(empty)"
    if first.startswith("unsolved goals"):
        return "unsolved goals"
    first = re.sub(r"`[^`]*`", "`…`", first)
    first = re.sub(r"'[^']*'", "'…'", first)
    first = re.sub(r"\d+", "N", first)
    return first[:80]


def check(src: str, layout: str, limit_s: float) -> tuple[bool, str]:
    """(accepted, first error) for one whole file in a fresh REPL with the given tactic-block layout:
    accepted = no error message and no sorry."""
    try:
        r = MiniLeanRepl(layout=layout).handle({"cmd": src}, timeout=limit_s)
    except ReplTimeout:
        return False, "timeout"
    if "message" in r:
        return False, r["message"]
    errors = [m["data"] for m in r.get("messages", []) if m["severity"] == "error"]
    if errors:
        return False, errors[0]
    if r.get("sorries") or any("sorry" in m["data"] for m in r.get("messages", [])):
        return False, "declaration uses 'sorry'"
    return True, ""


def share(n: int, d: int) -> str:
    return f"{n} of {d} ({n / max(1, d):.0%})"


def measure(name: str, records: list[Record], limit_s: float, show: bool) -> None:
    """Each file is checked twice: under the layout of the Lean that judged it ("column0": the older,
    unpinned Lean took tactic blocks at column 0 after `:= by`; the headline figure) and under the
    layout of the Lean `leangym setup` pins (v4.33: indented blocks only)."""
    t0 = time.perf_counter()
    parsed: dict[str, bool] = {}
    rows: list[tuple[Record, bool, str, bool]] = []  # record, accepted (column0), first error, accepted (pinned)
    for rec in records:
        if rec.problem not in parsed:
            r = MiniLeanRepl().handle({"cmd": rec.header + rec.statement + " by sorry"})
            parsed[rec.problem] = "sorries" in r and not any(m["severity"] == "error" for m in r.get("messages", []))
        if not parsed[rec.problem]:
            continue
        accepted, why = check(rec.full, "column0", limit_s)
        pinned = check(rec.full, PINNED_LAYOUT, limit_s)[0] if accepted else False
        rows.append((rec, accepted, why, pinned))
    wall = time.perf_counter() - t0
    n_problems = len(parsed)
    n_parsed = sum(parsed.values())
    good = [row for row in rows if row[0].lean_ok]
    bad = [row for row in rows if not row[0].lean_ok]
    acc_good = sum(row[1] for row in good)
    acc_pinned = sum(row[3] for row in good)
    acc_bad = [row[0] for row in bad if row[1]]
    print(f"### {name}\n")
    print(f"- statements that parse: {n_parsed} of {n_problems} problems")
    print("- real-Lean-accepted proofs of parsed statements accepted by MiniLean as written, under the layout "
          f"of the Lean that judged them (column-0 blocks allowed): {share(acc_good, len(good))}")
    print(f"- the same under the pinned Lean's layout (v4.33, indented blocks only): {share(acc_pinned, len(good))}")
    print(f"- real-Lean-rejected proofs accepted by MiniLean (column-0 layout): {len(acc_bad)} of {len(bad)}")
    print(f"- wall time: {wall:.0f} s ({limit_s:g} s limit per file)\n")
    provers = sorted({row[0].prover for row in good})
    print("| prover | accepted as written / Lean-accepted | under the pinned layout |\n| --- | ---: | ---: |")
    for p in provers:
        mine = [row for row in good if row[0].prover == p]
        print(f"| {p} | {sum(r[1] for r in mine)} / {len(mine)} | {sum(r[3] for r in mine)} / {len(mine)} |")
    print()
    refusals = Counter(category(row[2]) for row in good if not row[1])
    if refusals:
        print("| refusal of a Lean-accepted proof (first error, column-0 layout) | count |\n| --- | ---: |")
        for cat, n in refusals.most_common(15):
            print(f"| {cat.replace('|', '∣')} | {n} |")
        print()
    if show and acc_bad:
        print("Accepted by MiniLean, rejected by real Lean:\n")
        for r in acc_bad:
            print(f"- {r.problem} ({r.prover})")
        print()


@dataclass
class Args:
    data_path: str = option(str(DEFAULT_DATA), "folder laid out like ../shared/data")
    limit_s: float = option(5.0, "time limit per file")
    show_accepted_rejected: bool = option(False, "list the Lean-rejected proofs MiniLean accepts")


def main(argv: list[str] | None = None) -> None:
    args = parse(Args, argv, description=describe(__doc__))
    data = Path(args.data_path)
    measure("miniF2F-test, real provers' proofs", minif2f_records(data), args.limit_s, args.show_accepted_rejected)
    measure("Lean Workbook, Goedel-Prover proofs", workbook_records(data), args.limit_s, args.show_accepted_rejected)

if __name__ == "__main__":
    main()
