"""A replay REPL: answers recorded requests with the replies real Lean printed.

Why: no real Lean runs on the test machines, yet the parsing, state tracking and error handling of
the backend must be tested on what real Lean prints (pretty-printed multi-line JSON, its field
order, its error shapes). This executable reads transcripts (``X.in`` requests and
``X.expected.out`` replies, as in ``shared/data/repl-transcripts``) and serves them over the same
stdin/stdout protocol::

    python -m leangym.repl.replay TRANSCRIPT.in [MORE.in ...]

(:func:`replay_command` runs this file directly: it needs only the standard library, so it starts
without importing leangym.)

Requests are matched by content (key order and spacing do not matter). When one request was
recorded with several replies they are served in recorded order, the last one repeating. A request
never recorded gets ``{"message": "replay: no recorded reply ..."}``, the REPL's own error shape.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path


def split_blocks(text: str) -> list[str]:
    """Blocks of text separated by blank lines (the protocol's framing)."""
    blocks, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def request_key(obj: object) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False)


def load_transcript(path: Path) -> list[tuple[dict, str]]:
    """Pairs (request, verbatim reply text) from ``X.in`` and ``X.expected.out``."""
    out_path = path.with_name(path.name[: -len(".in")] + ".expected.out")
    requests = [json.loads(b, strict=False) for b in split_blocks(path.read_text())]
    replies = split_blocks(out_path.read_text())
    if len(requests) != len(replies):
        raise ValueError(f"{path}: {len(requests)} requests but {out_path.name} holds {len(replies)} replies")
    return list(zip(requests, replies))


class Replay:
    """The lookup table: request → queue of recorded replies."""

    def __init__(self, transcripts: list[Path]) -> None:
        self.table: dict[str, list[str]] = defaultdict(list)
        for path in transcripts:
            for request, reply in load_transcript(path):
                self.table[request_key(request)].append(reply)

    def answer(self, request: object) -> str:
        queue = self.table.get(request_key(request))
        if not queue:
            return json.dumps({"message": f"replay: no recorded reply for {request_key(request)[:200]}"})
        return queue.pop(0) if len(queue) > 1 else queue[0]


def replay_command(transcripts: list[str | Path]) -> list[str]:
    """The command line of a replay REPL serving ``transcripts``."""
    return [sys.executable, str(Path(__file__).resolve()), *(str(t) for t in transcripts)]


def serve(replay: Replay, stdin=sys.stdin, stdout=sys.stdout) -> None:
    lines: list[str] = []
    for line in stdin:
        if line.strip():
            lines.append(line)
            continue
        if not lines:
            continue
        text, lines = "".join(lines), []
        try:
            request = json.loads(text, strict=False)
        except json.JSONDecodeError as exc:
            reply = json.dumps({"message": f"Could not parse JSON:\n{exc}"})
        else:
            reply = replay.answer(request)
        stdout.write(reply + "\n\n")
        stdout.flush()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m leangym.repl.replay TRANSCRIPT.in [MORE.in ...]", file=sys.stderr)
        return 2
    serve(Replay([Path(a) for a in args]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
