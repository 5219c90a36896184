"""MiniLean against real provers' proofs with real Lean's verdicts (issue 13's fidelity measure).

For each proof set, each record's whole file (header, statement, proof as the prover wrote it) is checked
by MiniLean exactly as real Lean checked it. Reported: statements that parse (the statement with
``:= by sorry`` elaborates), real-Lean-accepted proofs of parsed statements that MiniLean accepts as
written, real-Lean-*rejected* proofs that MiniLean accepts (each must be explained: label noise or a
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


def reindented(rec: Record) -> str:
    """The file with a column-0 tactic block indented by two spaces: the layout the pinned Lean
    (v4.33) needs, since its `by` takes an indented block only (the older Lean that judged the
    miniF2F proofs took column 0 too)."""
    head = rec.header + rec.statement
    lines = rec.full[len(head):].split("\n")
    if not any(line and not line[0].isspace() for line in lines[1:]):
        return rec.full
    return head + "\n".join(lines[:1] + ["  " + line if line.strip() else line for line in lines[1:]])


def category(message: str) -> str:
    """A refusal's category: the message with names, numbers and goals taken out."""
    first = message.strip().splitlines()[0] if message.strip() else "(empty)"
    if first.startswith("unsolved goals"):
        return "unsolved goals"
    first = re.sub(r"`[^`]*`", "`…`", first)
    first = re.sub(r"'[^']*'", "'…'", first)
    first = re.sub(r"\d+", "N", first)
    return first[:80]


def check(repl: MiniLeanRepl, src: str, limit_s: float) -> tuple[bool, str]:
    """(accepted, first error) for one whole file: accepted = no error message and no sorry."""
    try:
        r = repl.handle({"cmd": src}, timeout=limit_s)
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


def measure(name: str, records: list[Record], limit_s: float, show: bool) -> None:
    t0 = time.perf_counter()
    parsed: dict[str, bool] = {}
    rows: list[tuple[Record, bool, str]] = []
    for rec in records:
        if rec.problem not in parsed:
            r = MiniLeanRepl().handle({"cmd": rec.header + rec.statement + " by sorry"})
            parsed[rec.problem] = "sorries" in r and not any(m["severity"] == "error" for m in r.get("messages", []))
        if not parsed[rec.problem]:
            continue
        accepted, why = check(MiniLeanRepl(), rec.full, limit_s)
        if not accepted and rec.lean_ok:
            re_ok, re_why = check(MiniLeanRepl(), reindented(rec), limit_s)
            if re_ok:
                why = "accepted once re-indented"
            elif why.startswith("unsolved goals"):
                why = re_why
        rows.append((rec, accepted, why))
    wall = time.perf_counter() - t0
    n_problems = len(parsed)
    n_parsed = sum(parsed.values())
    good = [(r, a, w) for r, a, w in rows if r.lean_ok]
    bad = [(r, a, w) for r, a, w in rows if not r.lean_ok]
    acc_good = sum(a for _, a, _ in good)
    acc_bad = [(r, w) for r, a, w in bad if a]
    reind = acc_good + sum(w == "accepted once re-indented" for _, a, w in good)
    print(f"### {name}\n")
    print(f"- statements that parse: {n_parsed} of {n_problems} problems")
    print(f"- real-Lean-accepted proofs of parsed statements accepted by MiniLean as written: "
          f"{acc_good} of {len(good)} ({acc_good / max(1, len(good)):.0%})")
    print(f"- the same after indenting a column-0 tactic block by two spaces: {reind} of {len(good)} "
          f"({reind / max(1, len(good)):.0%})")
    print(f"- real-Lean-rejected proofs accepted by MiniLean: {len(acc_bad)} of {len(bad)}")
    print(f"- wall time: {wall:.0f} s ({limit_s:g} s limit per file)\n")
    provers = sorted({r.prover for r, _, _ in good})
    if len(provers) > 1:
        print("| prover | accepted / Lean-accepted |\n| --- | ---: |")
        for p in provers:
            mine = [a for r, a, _ in good if r.prover == p]
            print(f"| {p} | {sum(mine)} / {len(mine)} |")
        print()
    refusals = Counter(category(w) for _, a, w in good if not a and w != "accepted once re-indented")
    if refusals:
        print("| refusal of a Lean-accepted proof, re-indented (first error) | count |\n| --- | ---: |")
        for cat, n in refusals.most_common(15):
            print(f"| {cat.replace('|', '∣')} | {n} |")
        print()
    if show and acc_bad:
        print("Accepted by MiniLean, rejected by real Lean:\n")
        for r, _ in acc_bad:
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
