"""Lean's JSON pretty printer (``Lean.Json.render`` + ``Format.pretty`` at width 80), so that
``python -m leangym.minilean`` prints responses byte-for-byte like the real REPL."""

from __future__ import annotations

import json

WIDTH = 80

# A document is a list of parts: str (text), None (a line: space when flat, newline otherwise),
# or ("nest", k, doc) / ("group", doc).


def _render(v) -> list:
    if isinstance(v, dict):
        parts: list = []
        for i, (k, x) in enumerate(v.items()):
            if i:
                parts += [",", None]
            parts.append(("group", [json.dumps(k, ensure_ascii=False), ":", None] + _render(x)))
        return [("group", [("nest", 1, ["{"] + parts + ["}"])])]
    if isinstance(v, list):
        parts = []
        for i, x in enumerate(v):
            if i:
                parts += [",", None]
            parts += _render(x)
        return [("group", [("nest", 1, ["["] + parts + ["]"])])]
    return [json.dumps(v, ensure_ascii=False)]


def _flat_width(doc: list, limit: int) -> int:
    """Width of ``doc`` printed flat, stopping once it exceeds ``limit``."""
    w = 0
    stack = [iter(doc)]
    while stack:
        for part in stack[-1]:
            if isinstance(part, str):
                w += len(part)
            elif part is None:
                w += 1
            elif part[0] == "nest":
                stack.append(iter(part[2]))
                break
            else:
                stack.append(iter(part[1]))
                break
            if w > limit:
                return w
        else:
            stack.pop()
    return w


def _rest_width(rest: list, limit: int) -> int:
    """Width of what follows a group up to the next line break of the enclosing (broken) layout."""
    w = 0
    for _indent, flat, part in reversed(rest):
        if isinstance(part, str):
            w += len(part)
        elif part is None:
            if flat:
                w += 1
            else:
                return w
        else:
            sub = part[2] if part[0] == "nest" else part[1]
            if flat:
                w += _flat_width(sub, limit - w)
            else:
                # broken context: count up to its first line
                for p in sub:
                    if p is None:
                        return w
                    if isinstance(p, str):
                        w += len(p)
                    else:
                        w += _flat_width([p], limit - w)
        if w > limit:
            return w
    return w


def dumps(value) -> str:
    """Serialise ``value`` the way Lean's REPL prints its JSON responses."""
    out: list[str] = []
    col = 0
    # stack of (indent, flat, part), processed from the end
    stack: list = [(0, False, p) for p in reversed(_render(value))]
    while stack:
        indent, flat, part = stack.pop()
        if isinstance(part, str):
            out.append(part)
            col += len(part)
        elif part is None:
            if flat:
                out.append(" ")
                col += 1
            else:
                out.append("\n" + " " * indent)
                col = indent
        elif part[0] == "nest":
            stack.extend((indent + part[1], flat, p) for p in reversed(part[2]))
        else:
            doc = part[1]
            if flat:
                stack.extend((indent, True, p) for p in reversed(doc))
                continue
            room = WIDTH - col
            w = _flat_width(doc, room)
            fits = w <= room and w + _rest_width(stack, room - w) <= room
            stack.extend((indent, fits, p) for p in reversed(doc))
    return "".join(out)
