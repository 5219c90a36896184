"""The action guard: refuse tactics that would leave tactic mode before they reach Lean.

Why: a tactic string is spliced into Lean source (``theorem ... := by`` + tactics) for the final
check, and into a REPL request for each step. A policy — or a random string from ``check_env`` — can
write ``rfl\\ntheorem t : False := sorry`` or ``axiom cheat : False``; a new command would end the
proof and change what is checked. Lean itself would reject much of this later, but not all of it
(``set_option debug.skipKernelTC true in`` or ``native_decide`` weaken the kernel check), and every
request costs REPL time and memory, so the guard rejects before sending.

The guard is lexical: it skips comments, string literals and «quoted» names and looks at the
remaining words. It errs on the side of rejecting: no tactic a prover needs uses these words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from leangym.errors import own_message

DEFAULT_MAX_CHARS = 4096

# Words that begin a command (or modify a declaration); none of them is a tactic.
COMMAND_WORDS = frozenset(
    """
    import theorem lemma def axiom axioms instance example abbrev structure class inductive
    coinductive opaque namespace section end universe variable omit include
    macro macro_rules syntax elab elab_rules notation infix infixl infixr prefix postfix
    attribute export mutual deriving initialize builtin_initialize declare_syntax_cat
    run_cmd run_elab run_meta run_tac by_elab unsafe partial private protected noncomputable
    extern implemented_by
    """.split()
)

# Escape hatches that make Lean trust something the kernel did not check.
ESCAPE_WORDS = frozenset({"native_decide", "ofReduceBool", "Lean.ofReduceBool", "trustCompiler", "Lean.trustCompiler", "sorryAx"})

# ``set_option NAME VALUE in TACTIC`` is a legitimate tactic for these options only.
SAFE_OPTIONS = frozenset({"maxHeartbeats", "maxRecDepth", "synthInstance.maxHeartbeats", "synthInstance.maxSize"})

_WORD = re.compile(r"[^\W\d][\w'!?]*(?:\.[^\W\d][\w'!?]*)*")
_RAW_STRING = re.compile(r'r(#*)"')
_CHAR_LITERAL = re.compile(r"'(?:\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)|[^\\'\n])'")


def _ident_char(c: str) -> bool:
    return c.isalnum() or c in "_'!?"


@dataclass(frozen=True)
class Token:
    text: str
    line: int


def _tokens(source: str) -> list[Token]:
    """Words, ``#commands`` and ``@[`` markers outside comments, strings and «names»."""
    out: list[Token] = []
    i, n, line = 0, len(source), 0
    while i < n:
        c = source[i]
        if c == "\n":
            line += 1
            i += 1
        elif source.startswith("--", i):
            j = source.find("\n", i)
            i = n if j < 0 else j
        elif source.startswith("/-", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if source.startswith("/-", i):
                    depth, i = depth + 1, i + 2
                elif source.startswith("-/", i):
                    depth, i = depth - 1, i + 2
                else:
                    line += source[i] == "\n"
                    i += 1
        elif c == '"':
            i += 1
            while i < n and source[i] != '"':
                i += 2 if source[i] == "\\" else 1
            i += 1
        elif (raw := _RAW_STRING.match(source, i)) and (i == 0 or not _ident_char(source[i - 1])):
            # r"…" / r#"…"#: no escapes inside, so `\"` does not hide the closing quote
            close = '"' + raw.group(1)
            j = source.find(close, raw.end())
            line += source.count("\n", i, n if j < 0 else j)
            i = n if j < 0 else j + len(close)
        elif c == "'" and (char := _CHAR_LITERAL.match(source, i)) and (i == 0 or not _ident_char(source[i - 1])):
            # a char literal such as '"' must not open a string that would hide what follows
            i = char.end()
        elif c == "«":
            j = source.find("»", i)
            i = n if j < 0 else j + 1
        elif c == "#" and i + 1 < n and source[i + 1].isalpha():
            m = _WORD.match(source, i + 1)
            end = m.end() if m else i + 2
            out.append(Token(source[i:end], line))
            i = end
        elif source.startswith("@[", i):
            out.append(Token("@[", line))
            i += 2
        else:
            m = _WORD.match(source, i)
            # a word glued to a number (`1theorem`) is still a word to Lean: only an identifier
            # character before it makes it the tail of a longer name
            if m and (i == 0 or not (source[i - 1].isalpha() or source[i - 1] in "_'!?")):
                out.append(Token(m.group(), line))
                i = m.end()
            else:
                i += 1
    return out


def _in_follows(tokens: list[Token], k: int) -> bool:
    """True when an ``in`` appears after tokens[k] on the same line (``open X in``, ``set_option x v in``)."""
    for t in tokens[k + 1 :]:
        if t.line != tokens[k].line:
            return False
        if t.text == "in":
            return True
    return False


def rejection_reason(tactic: str, max_chars: int = DEFAULT_MAX_CHARS) -> str | None:
    """Why ``tactic`` must not be sent to Lean, or None when it may be."""
    if not isinstance(tactic, str):
        return f"expected a tactic string, got {type(tactic).__name__}"
    if len(tactic) > max_chars:
        return f"action is {len(tactic)} characters long, over the limit of {max_chars}"
    if "\x00" in tactic:
        return "action contains a NUL character"
    if not tactic.strip():
        return "action is empty"
    tokens = _tokens(tactic)
    for k, tok in enumerate(tokens):
        word = tok.text
        if word.startswith("#"):
            return f"`{word}` is a command, not a tactic"
        if word == "@[":
            return "attributes (`@[...]`) declare things; they are not tactics"
        if word in ESCAPE_WORDS:
            return f"`{word}` trusts code the kernel does not check"
        if word == "open" and not _in_follows(tokens, k):
            return "`open` without `in` is a command; write `open Foo in tactic`"
        if word == "set_option":
            option = tokens[k + 1].text if k + 1 < len(tokens) else ""
            if option not in SAFE_OPTIONS:
                return f"`set_option {option}` is not allowed in an action (allowed: {', '.join(sorted(SAFE_OPTIONS))})"
            if not _in_follows(tokens, k):
                return "`set_option` without `in` is a command; write `set_option maxHeartbeats N in tactic`"
        if word in COMMAND_WORDS:
            return f"`{word}` begins a command or declaration, not a tactic"
    return None


def check_tactic(tactic: str, max_chars: int = DEFAULT_MAX_CHARS) -> str | None:
    """The message a backend returns for a refused action (``"leangym: action rejected: ..."``), or None."""
    reason = rejection_reason(tactic, max_chars)
    return None if reason is None else own_message(f"action rejected: {reason}")
