"""``python -m leangym.minilean``: the REPL protocol over stdin/stdout.

Requests are JSON objects separated by blank lines (one object per line also works: a request is
answered as soon as the lines read so far parse). Like the real REPL, lines of one request are
joined without their newlines. Responses are pretty-printed JSON followed by a blank line.
"""

from __future__ import annotations

import json
import sys

from leangym.minilean.jsonfmt import dumps as format_response
from leangym.minilean.repl import MiniLeanRepl


def _answer(repl: MiniLeanRepl, text: str, out) -> None:
    try:
        req = json.loads(text, strict=False)
    except json.JSONDecodeError as e:
        resp: dict = {"message": f"Could not parse JSON:\n{e}"}
    else:
        try:
            resp = repl.handle(req)
        except Exception as e:  # noqa: BLE001 - the loop must survive any request
            resp = {"message": f"Lean error:\nMiniLean internal error: {type(e).__name__}: {e}"}
    out.write(format_response(resp) + "\n\n")
    out.flush()


def main(stdin=None, stdout=None) -> int:
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    repl = MiniLeanRepl()
    buf = ""
    for line in stdin:
        line = line.rstrip("\n").rstrip("\r")
        if not line.strip():
            if buf.strip():
                _answer(repl, buf, stdout)
            buf = ""
            continue
        buf += line
        try:
            json.loads(buf, strict=False)
        except json.JSONDecodeError:
            continue
        _answer(repl, buf, stdout)
        buf = ""
    if buf.strip():
        _answer(repl, buf, stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
