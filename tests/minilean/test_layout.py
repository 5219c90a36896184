"""MiniLean's layout: layers without import cycles, one tactic registry that the docs agree with."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from leangym.minilean import registry
from leangym.minilean.core.errors import ParseError
from leangym.minilean.syntax.terms import parse_tactic_text

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "leangym" / "minilean"
LAYOUT_BUILT = {"seq", "paren", "<;>", "·", "{}"}  # built by the layout parser, never by name


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PKG.rglob("*.py"))}


def _resolve(name: str) -> str | None:
    """The engine module ``name`` is, or ``None`` outside the engine."""
    return name if name in MODULES else None


def _top_level_imports(path: Path) -> set[str]:
    """Engine modules a file imports at the top level, ``if TYPE_CHECKING:`` blocks included: a cycle
    through type annotations is a cycle of the layers all the same."""
    out = set()
    body = ast.parse(path.read_text()).body
    nodes = body + [n for b in body if isinstance(b, ast.If) and ast.unparse(b.test) == "TYPE_CHECKING"
                    for n in b.body]
    for node in nodes:
        if isinstance(node, ast.Import):
            targets = [_resolve(a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            # `from pkg import mod` imports the module `pkg.mod`; `from mod import name` the module `mod`
            targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else _resolve(node.module)
                       for a in node.names]
        else:
            continue
        out.update(t for t in targets if t is not None)
    return out


def _graph() -> dict[str, set[str]]:
    return {mod: _top_level_imports(path) - {mod} for mod, path in MODULES.items()}


def test_every_module_imports_alone_in_a_fresh_interpreter():
    def run(mod: str) -> tuple[str, int, str]:
        r = subprocess.run([sys.executable, "-c", f"import {mod}"], capture_output=True, text=True, cwd=ROOT)
        return mod, r.returncode, r.stderr[-2000:]

    with ThreadPoolExecutor(8) as pool:
        failed = [(m, err) for m, rc, err in pool.map(run, [m for m in MODULES if not m.endswith("__main__")]) if rc]
    assert not failed, failed


def test_the_import_graph_of_the_engine_is_acyclic():
    graph = _graph()
    state: dict[str, int] = {}

    def visit(mod: str, path: list[str]) -> None:
        state[mod] = 1
        for dep in sorted(graph.get(mod, ())):
            if state.get(dep) == 1:
                pytest.fail("import cycle: " + " -> ".join(path[path.index(dep) :] + [dep]))
            if dep not in state:
                visit(dep, path + [dep])
        state[mod] = 2

    for mod in graph:
        if mod not in state:
            visit(mod, [mod])


def test_no_function_local_engine_imports():
    found = []
    for mod, path in MODULES.items():
        for fn in ast.walk(ast.parse(path.read_text())):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(fn):
                    if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("leangym"):
                        found.append(f"{mod}:{node.lineno}")
                    if isinstance(node, ast.Import) and any(a.name.startswith("leangym") for a in node.names):
                        found.append(f"{mod}:{node.lineno}")
    assert not found, f"function-local imports (move the shared piece down instead): {found}"


def test_the_core_imports_no_parser_elaborator_or_tactic():
    for mod, path in MODULES.items():
        if mod.startswith("leangym.minilean.core"):
            outside = {d for d in _top_level_imports(path) if not d.startswith("leangym.minilean.core")}
            assert not outside, f"{mod} imports {outside}"


def _documented() -> dict[str, str]:
    """name -> group, from the table under "Where each tactic lives" in docs/minilean.md."""
    text = (ROOT / "docs" / "minilean.md").read_text()
    section = text.split("### Where each tactic lives", 1)[1].split("\n#", 1)[0]
    out: dict[str, str] = {}
    for line in section.splitlines():
        m = re.match(r"\| `(\w+)` \| (.*) \|$", line)
        if m:
            for name in re.findall(r"`([^`]+)`", m.group(2)):
                assert name not in out, f"{name!r} is listed twice in docs/minilean.md"
                out[name] = m.group(1)
    return out


def test_each_tactic_is_registered_once_in_its_group_module_and_tabled_in_the_docs():
    entries = {id(e): e for e in registry.TACTICS.values()}.values()
    names = [n for e in entries for n in e.names]
    assert len(names) == len(set(names)) == len(registry.TACTICS)
    for e in entries:
        assert e.group in ("structural", "logic", "cases", "rewriting", "simp", "arithmetic", "closers")
        if e.run is not None:
            assert e.run.__module__ == f"leangym.minilean.tactics.{e.group}", e.names
        assert (e.parse is None) == (set(e.names) <= LAYOUT_BUILT), e.names
    assert _documented() == {n: e.group for n, e in registry.TACTICS.items()}


@pytest.mark.parametrize("name", sorted(LAYOUT_BUILT - {"·", "<;>", "{}"}) + ["frobnicate"])
def test_a_name_with_no_argument_parser_is_an_unknown_tactic(name):
    with pytest.raises(ParseError, match="unknown tactic"):
        parse_tactic_text(name)
