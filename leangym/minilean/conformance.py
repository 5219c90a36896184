"""Replay recorded real-Lean REPL transcripts through MiniLean and compare the responses.

Used by the conformance test and to produce the figures in ``docs/minilean.md``:
``python -m leangym.minilean.conformance ../shared/data/repl-transcripts``.
A response *matches exactly* when it equals Lean's; it *matches in shape* when it has the same keys,
the same message severities and the same number of goals and sorries.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from leangym.errors import ReplTimeout
from leangym.minilean.commands import PINNED_LAYOUT
from leangym.minilean.repl import MiniLeanRepl


def split_requests(text: str) -> list[str]:
    """Requests as the REPL reads them: lines joined without newlines, ended by a blank line or
    as soon as the text so far parses."""
    out, buf = [], ""
    for line in text.split("\n"):
        if not line.strip():
            if buf.strip():
                out.append(buf)
            buf = ""
            continue
        buf += line
        try:
            json.loads(buf, strict=False)
        except json.JSONDecodeError:
            continue
        out.append(buf)
        buf = ""
    if buf.strip():
        out.append(buf)
    return out


def shape(resp: dict) -> tuple:
    return (
        tuple(sorted(resp)),
        tuple(m.get("severity") for m in resp.get("messages", [])),
        len(resp.get("goals", [])),
        len(resp.get("sorries", [])),
        resp.get("proofStatus"),
    )


@dataclass
class Report:
    total: int = 0
    exact: int = 0
    same_shape: int = 0
    diffs: list = field(default_factory=list)  # (transcript, index, request, want, got)


def replay(root: Path, timeout: float = 10.0) -> Report:
    rep = Report()
    for inp in sorted(root.rglob("*.in")):
        expected = inp.with_name(inp.name[: -len(".in")] + ".expected.out")
        if not expected.is_file():
            continue
        outs = [json.loads(b) for b in expected.read_text().split("\n\n") if b.strip()]
        reqs = split_requests(inp.read_text())
        repl = MiniLeanRepl(layout=PINNED_LAYOUT)  # the transcripts were recorded on the pinned Lean
        name = str(inp.relative_to(root))[: -len(".in")]
        for i, (raw, want) in enumerate(zip(reqs, outs)):
            req = json.loads(raw, strict=False)
            if "path" in req:
                req["path"] = str(inp.parent / Path(req["path"]).name)
            try:
                got = repl.handle(req, timeout=timeout)
            except ReplTimeout:
                got = {"message": "timeout"}
            rep.total += 1
            if got == want:
                rep.exact += 1
            if shape(got) == shape(want):
                rep.same_shape += 1
            if got != want:
                rep.diffs.append((name, i, raw, want, got))
    return rep


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path("../shared/data/repl-transcripts")
    rep = replay(root)
    print(f"responses: {rep.total}, exact: {rep.exact} ({rep.exact / rep.total:.0%}), "
          f"same shape: {rep.same_shape} ({rep.same_shape / rep.total:.0%})")
    for name, i, raw, want, got in rep.diffs:
        print(f"- {name}#{i}: {raw[:100]}\n    lean:     {json.dumps(want, ensure_ascii=False)[:300]}\n"
              f"    minilean: {json.dumps(got, ensure_ascii=False)[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
