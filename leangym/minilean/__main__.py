"""``python -m leangym.minilean``: the REPL protocol over stdin/stdout.

Requests are JSON objects separated by blank lines (one object per line also works: a request is
answered as soon as the lines read so far parse). Like the real REPL, lines of one request are
joined without their newlines. Responses are pretty-printed JSON followed by a blank line.

A request on which MiniLean has a bug is answered ``{"internalError": {...}}`` and logged, with the
request, to stderr; the server goes on with the next request.

``--layout column0`` takes tactic blocks that start at column 0 after ``:= by``, as the older Lean that
judged many published proofs did (default: ``$LEANGYM_MINILEAN_LAYOUT``, else the pinned Lean's layout).
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass
from typing import Literal

from leangym.config import describe, option, parse
from leangym.minilean.jsonfmt import dumps as format_response
from leangym.minilean.repl import MiniLeanRepl


@dataclass
class Args:
    layout: Literal["lean-4.33", "column0"] | None = option(
        None, "tactic-block layout: lean-4.33 (the pinned Lean's; indented blocks only) or column0 (also blocks "
        "at column 0 after `:= by`); default: $LEANGYM_MINILEAN_LAYOUT, else lean-4.33")


def _answer(repl: MiniLeanRepl, text: str, out) -> None:
    try:
        req = json.loads(text, strict=False)
    except json.JSONDecodeError as e:
        resp: dict = {"message": f"Could not parse JSON:\n{e}"}
    else:
        resp = repl.handle(req)  # never raises: an engine bug comes back as the internalError reply
    out.write(format_response(resp) + "\n\n")
    out.flush()


def main(stdin=None, stdout=None, argv: list[str] | None = None) -> int:
    args = parse(Args, argv, description=describe(__doc__))
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    repl = MiniLeanRepl(layout=args.layout)
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
