"""One command-line style for ``leangym``, its agents, trainers, benchmarks and examples.

A config is a dataclass whose fields carry their help text next to them::

    @dataclass
    class Args:
        env_id: str = option("MiniLean-v0", "registered environment id (see `leangym envs`)")
        seed: int = option(0, "seed of the problem order")

    args = parse(Args, argv, description="...")

:func:`parse` turns every field into ``--field-name`` (``--field_name`` is accepted too), shows the help
text in ``--help``, and answers an unknown flag with one line and a "did you mean" instead of a traceback.
A ``ValueError`` from the dataclass's ``__post_init__`` is reported the same way. ``leangym``'s own verbs
use :class:`ArgParser` and :func:`add_config` directly (one subparser per verb).

Booleans take ``--flag`` (true), ``--flag true|false``, and ``--no-flag``; ``list[int]`` fields take one
or more values; ``Literal[...]`` fields become choices. Names shared across entry points: ``--env-id``,
``--data-path``, ``--run-dir``, ``--seed``.
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import sys
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any, Literal, NoReturn, TypeVar

C = TypeVar("C")

_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}


def option(
    default: Any = dataclasses.MISSING,
    help: str = "",
    *,
    default_factory: Callable[[], Any] | Any = dataclasses.MISSING,
    positional: bool = False,
    metavar: str | None = None,
) -> Any:
    """A config field whose ``help`` becomes its ``--help`` line (``positional``: no ``--``, required)."""
    if not help:
        raise TypeError("every config field needs its help text: option(default, help='...')")
    meta = {"help": help, "positional": positional, "metavar": metavar}
    if default_factory is not dataclasses.MISSING:
        return dataclasses.field(default_factory=default_factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def parse_bool(text: str) -> bool:
    """``true``/``false`` (also yes/no, 1/0, on/off) as a bool; anything else is an argparse error."""
    low = str(text).strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise argparse.ArgumentTypeError(f"expected true or false, got {text!r}")


def _dashes(name: str) -> str:
    return "--" + name.replace("_", "-")


class ArgParser(argparse.ArgumentParser):
    """``argparse.ArgumentParser`` with the project's conventions.

    ``--a-b`` and ``--a_b`` name the same flag, prefixes are not guessed (a typo is an error, not another
    flag), and errors are one line on stderr: what was wrong, the nearest flag, where ``--help`` is.
    Subparsers made by ``add_subparsers`` are of this class too.
    """

    strict = True
    """Unknown flags are errors (``given_fields`` turns this off to read only the flags it knows)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def _spelled(self, token: str) -> str:
        """``token`` with its flag spelled as this parser registered it (dashes vs underscores)."""
        if not token.startswith("--") or len(token) <= 2:
            return token
        name, eq, value = token.partition("=")
        if name in self._option_string_actions:
            return token
        for alt in (name.replace("_", "-"), "--" + name[2:].replace("-", "_")):
            if alt in self._option_string_actions:
                return alt + eq + value
        return token

    def parse_known_args(self, args: Sequence[str] | None = None, namespace: Any = None):  # type: ignore[override]
        argv = list(sys.argv[1:] if args is None else args)
        out, seen_end = [], False
        for token in argv:
            seen_end = seen_end or token == "--"
            out.append(token if seen_end else self._spelled(token))
        if self.strict and self._subparsers is None:
            # Unknown flags first: argparse would otherwise report a required flag the typo was meant to be.
            unknown = [t for t in out[: out.index("--") if "--" in out else len(out)] if self._unknown_flag(t)]
            if unknown:
                self.error(self.unknown_message(unknown))
        return super().parse_known_args(out, namespace)

    def _unknown_flag(self, token: str) -> bool:
        return token.startswith("--") and len(token) > 2 and token.partition("=")[0] not in self._option_string_actions

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None):  # type: ignore[override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            parser = self._chosen(parsed)
            parser.error(parser.unknown_message(extras))
        return parsed

    def _chosen(self, namespace: Any) -> ArgParser:
        """The (sub)parser whose verb was chosen, so a typo is matched against that verb's flags."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                chosen = action.choices.get(getattr(namespace, action.dest, None) or "")
                if isinstance(chosen, ArgParser):
                    return chosen._chosen(namespace)
        return self

    def long_flags(self) -> list[str]:
        return sorted(s for s in self._option_string_actions if s.startswith("--"))

    def unknown_message(self, extras: Sequence[str]) -> str:
        first = extras[0]
        if not first.startswith("-"):
            return f"unexpected argument {first!r}"
        name = first.partition("=")[0]
        flags = self.long_flags()
        near = difflib.get_close_matches(name.replace("_", "-"), flags, n=1, cutoff=0.6)
        near = near or [f for f in flags if f.startswith(name.replace("_", "-"))][:1]
        hint = f" (did you mean {near[0]}?)" if near else ""
        others = [e.partition("=")[0] for e in extras[1:] if e.startswith("--")]
        more = f" (also unknown: {' '.join(others)})" if others else ""
        return f"unknown option {name}{hint}{more}"

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}; see `{self.prog} --help`\n")


def _unwrap(tp: Any) -> tuple[Any, bool]:
    """(type without ``None``, whether ``None`` was allowed)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def add_config(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup,
    cls: type,
    *,
    skip: Sequence[str] = (),
    defaults: bool = True,
) -> None:
    """Add one argument per field of the dataclass ``cls`` (its help text from the field's metadata)."""
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if f.name in skip or not f.init:
            continue
        help_text = f.metadata.get("help")
        if not help_text:
            raise TypeError(f"{cls.__name__}.{f.name} has no help text; declare it with option(default, help)")
        tp, _ = _unwrap(hints[f.name])
        kw: dict[str, Any] = {"help": help_text}
        if f.metadata.get("metavar"):
            kw["metavar"] = f.metadata["metavar"]
        if f.metadata.get("positional"):
            kw.setdefault("metavar", f.name.upper())
            parser.add_argument(f.name, type=tp if tp in (int, float) else str, **kw)
            continue
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default, kw["required"] = None, True
        if not kw.get("required") and default not in (None, "", [], ()) and tp is not bool:
            kw["help"] += f" (default: {default})"
        # defaults=False: an option not given is absent from the namespace, so a caller can tell what
        # was typed from what was defaulted (and fill the rest from elsewhere, e.g. a saved checkpoint)
        kw["default"] = default if defaults else argparse.SUPPRESS
        origin = typing.get_origin(tp)
        if tp is bool:
            kw.update(nargs="?", const=True, type=parse_bool, metavar="true|false")
            if default is True:
                kw["help"] += " (default: true)"
        elif origin is Literal:
            kw["choices"] = list(typing.get_args(tp))
        elif origin in (list, tuple, Sequence):
            (item,) = typing.get_args(tp)[:1] or (str,)
            kw.update(nargs="+", type=item)
        else:
            kw["type"] = tp if tp in (int, float) else str
        parser.add_argument(_dashes(f.name), dest=f.name, **kw)
        if tp is bool and default is True:
            parser.add_argument(
                _dashes("no_" + f.name), dest=f.name, action="store_false", help=f"same as --{f.name.replace('_', '-')} false"
            )


def config_from(cls: type[C], namespace: argparse.Namespace, parser: argparse.ArgumentParser | None = None) -> C:
    """Build ``cls`` from the parsed ``namespace``; a ``ValueError`` from its checks becomes ``parser.error``."""
    kw = {f.name: getattr(namespace, f.name) for f in dataclasses.fields(cls) if f.init and hasattr(namespace, f.name)}
    try:
        return cls(**kw)
    except ValueError as exc:  # ConfigError is a ValueError too
        if parser is None:
            raise
        parser.error(str(exc))


def build_parser(cls: type, *, description: str | None = None, prog: str | None = None) -> ArgParser:
    """The parser :func:`parse` uses (exposed so tests and docs can list its flags)."""
    parser = ArgParser(prog=prog, description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_config(parser, cls)
    return parser


def parse(
    cls: type[C], argv: Sequence[str] | None = None, *, description: str | None = None, prog: str | None = None
) -> C:
    """Parse ``argv`` (default ``sys.argv[1:]``) into one ``cls``; exits with status 2 and one line on errors."""
    parser = build_parser(cls, description=description, prog=prog or _prog(cls, from_command_line=argv is None))
    return config_from(cls, parser.parse_args(argv), parser)


def _prog(cls: type, from_command_line: bool) -> str | None:
    """How the user ran the entry point (``python -m agents.grpo``), for usage and error lines."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if from_command_line and spec is not None and spec.name:
        return f"python -m {spec.name.removesuffix('.__main__')}"
    if from_command_line or cls.__module__ == "__main__":
        return None  # a script: argparse names it after sys.argv[0]
    return f"python -m {cls.__module__}"


def given_fields(cls: type, argv: Sequence[str] | None = None) -> set[str]:
    """Names of the fields ``argv`` sets explicitly (so presets can fill in only the others)."""
    parser = ArgParser(add_help=False)
    parser.strict = False
    add_config(parser, cls, defaults=False)
    namespace, _ = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    return set(vars(namespace))


def describe(doc: str | None) -> str | None:
    """A module docstring's first paragraph (the ``description`` of its ``--help``)."""
    return doc.split("\n\n")[0] if doc else None
