"""Loaders that turn benchmark files into :class:`~leangym.problems.Problem` lists.

Every loader takes ``data_path=`` for a local file. Without it a loader looks under ``$LEANGYM_DATA``
(a folder laid out like the project's shared data: ``minif2f/minif2f.jsonl``, ...) and, for Lean
Workbook, in the Hugging Face cache. A loader that finds nothing raises :class:`~leangym.errors.DataError`
naming the file to provide; none of them waits on the network unless a download is allowed and the hub
answers within a couple of seconds.
"""

from __future__ import annotations

import functools
import json
import os
import re
import socket
from collections.abc import Iterable
from pathlib import Path

from leangym.errors import ConfigError, DataError
from leangym.problems import DEFAULT_HEADER, Problem, normalize_statement

DATA_ENV_VAR = "LEANGYM_DATA"
"""Environment variable naming a folder that holds the benchmark files (same layout as the shared data)."""

LEAN_WORKBOOK_REPO = "internlm/Lean-Workbook"
LEAN_WORKBOOK_FILE = "lean_workbook.json"
MINIF2F_FILE = "minif2f/minif2f.jsonl"
PROOFNET_FILE = "proofnet/proofnet.jsonl"
LEAN_WORKBOOK_LOCAL_FILES = ("lean-workbook/lean_workbook.json", "lean-workbook/lean_workbook_subset.jsonl")

DEFAULT_SUITE_SIZE = 100
"""Problems a MiniLean id generates unless ``n=`` says otherwise."""

_THEOREM_NAME = re.compile(r"^\s*(?:theorem|lemma)\s+([^\s({\[:]+)", re.MULTILINE)


def read_records(path: str | Path) -> list[dict]:
    """Rows of a ``.jsonl``, ``.json`` (a list, or ``{"data": [...]}``) or ``.parquet`` file."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"expected a data file at {path}, but there is none; pass data_path= to an existing file")
    try:
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq

            return pq.read_table(path).to_pylist()
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            return [json.loads(line) for line in text.splitlines() if line.strip()]
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError, OSError) as exc:
        raise DataError(f"{path} is not valid JSON/JSONL/parquet ({exc}); provide the file as downloaded") from exc
    except ImportError as exc:
        raise DataError(f"reading {path} needs pyarrow; install it or convert the file to JSONL") from exc
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        data = data["data"]
    if not isinstance(data, list):
        raise DataError(f"{path}: expected a JSON list of records, got {type(data).__name__}")
    return data


def record_to_problem(record: dict, *, source: str, default_header: str = "") -> Problem | None:
    """Map one record (miniF2F/ProofNet/Lean Workbook/leangym field names) to a Problem.

    Returns None for records that are not theorems (ProofNet has a few ``instance`` declarations), which
    no tactic proof can close.
    """
    statement = record.get("statement") or record.get("formal_statement")
    if not isinstance(statement, str):
        return None
    header = record.get("header")
    # Some files carry the header inside the statement ("import Mathlib\n...theorem x ...").
    match = _THEOREM_NAME.search(statement)
    if match is None:
        return None
    if match.start() > 0 and statement[: match.start()].strip():
        prefix = statement[: match.start()]
        header = header or "\n".join(ln for ln in prefix.splitlines() if not ln.lstrip().startswith(("/-", "--")))
        statement = statement[match.start() :].lstrip()
    statement = normalize_statement(statement.removesuffix("sorry").rstrip())
    proof = record.get("reference_proof") or record.get("proof")
    if isinstance(proof, str):
        proof = (proof,) if proof.strip() else None
    elif isinstance(proof, list):
        proof = tuple(str(p) for p in proof if str(p).strip()) or None
    return Problem(
        id=str(record.get("id") or record.get("name") or match.group(1)),
        statement=statement,
        header=header if isinstance(header, str) and header.strip() else default_header,
        split=record.get("split"),
        source=source,
        informal=record.get("informal") or record.get("informal_prefix") or record.get("natural_language_statement"),
        reference_proof=proof,
        meta={k: record[k] for k in ("answer", "tags", "goal") if record.get(k) is not None},
    )


def _unique_ids(problems: Iterable[Problem]) -> list[Problem]:
    """Give repeated ids a ``__2``, ``__3``... suffix (ProofNet reuses 19 names across textbooks)."""
    seen: dict[str, int] = {}
    out = []
    for p in problems:
        n = seen.get(p.id, 0) + 1
        seen[p.id] = n
        if n > 1:
            p = Problem(p.id + f"__{n}", p.statement, p.header, p.split, p.source, p.informal, p.reference_proof, p.meta)
        out.append(p)
    return out


def load_jsonl(path: str | Path, *, source: str = "local", split: str | None = None) -> list[Problem]:
    """Problems from a local JSONL/JSON/parquet file, optionally keeping one ``split``.

    Field names accepted: ``id``/``name``, ``statement``/``formal_statement``, ``header``, ``split``,
    ``informal``/``informal_prefix``, ``reference_proof``/``proof``.
    """
    problems = [p for r in read_records(path) if (p := record_to_problem(r, source=source)) is not None]
    if split is not None:
        problems = [p for p in problems if p.split == split]
    if not problems:
        raise DataError(f"{path}: no theorem records{f' in split {split!r}' if split else ''}; check the file and split")
    return _unique_ids(problems)


def _local_candidates(relative: Iterable[str]) -> list[Path]:
    root = os.environ.get(DATA_ENV_VAR)
    return [Path(root) / r for r in relative] if root else []


def _find_local(data_path: str | Path | None, relative: Iterable[str], what: str, extra_hint: str = "") -> Path:
    if data_path is not None:
        path = Path(data_path)
        if not path.is_file():
            raise DataError(f"{what}: data_path={str(path)!r} does not exist; pass the path of the {what} file")
        return path
    candidates = _local_candidates(relative)
    for path in candidates:
        if path.is_file():
            return path
    looked = ", ".join(str(p) for p in candidates) or f"${DATA_ENV_VAR} is unset"
    raise DataError(
        f"{what} data not found (looked at: {looked}). Pass data_path= to a local copy of "
        f"{' or '.join(relative)}, or set {DATA_ENV_VAR} to the folder that holds it{extra_hint}."
    )


def load_minif2f(split: str = "test", *, data_path: str | Path | None = None) -> list[Problem]:
    """miniF2F (``split`` "valid" or "test"; 244 each), from DeepSeek-Prover-V1.5's ``minif2f.jsonl`` layout."""
    if split not in ("valid", "test"):
        raise ConfigError(f"miniF2F split must be 'valid' or 'test', got {split!r}")
    path = _find_local(data_path, (MINIF2F_FILE,), "miniF2F")
    return load_jsonl(path, source="minif2f", split=split)


def load_proofnet(split: str | None = "test", *, data_path: str | Path | None = None) -> list[Problem]:
    """ProofNet (``split`` "valid", "test" or None for all); repeated names get a ``__2`` suffix."""
    if split not in ("valid", "test", None):
        raise ConfigError(f"ProofNet split must be 'valid', 'test' or None, got {split!r}")
    path = _find_local(data_path, (PROOFNET_FILE,), "ProofNet")
    return load_jsonl(path, source="proofnet", split=split)


def _hub_reachable(timeout: float = 2.0) -> bool:
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes") or os.environ.get(
        "HF_DATASETS_OFFLINE", ""
    ).lower() in ("1", "true", "yes"):
        return False
    try:
        with socket.create_connection(("huggingface.co", 443), timeout=timeout):
            return True
    except OSError:
        return False


def _lean_workbook_from_hub() -> Path | None:
    """The cached ``lean_workbook.json`` (downloading it only when the hub answers quickly), else None."""
    try:
        from huggingface_hub import hf_hub_download, try_to_load_from_cache
    except ImportError:
        return None
    cached = try_to_load_from_cache(LEAN_WORKBOOK_REPO, LEAN_WORKBOOK_FILE, repo_type="dataset")
    if isinstance(cached, str):
        return Path(cached)
    if not _hub_reachable():
        return None
    try:
        return Path(hf_hub_download(LEAN_WORKBOOK_REPO, LEAN_WORKBOOK_FILE, repo_type="dataset"))
    except Exception:  # any hub failure means "not available here"; the caller names the fix
        return None


def load_lean_workbook(plus: bool = False, *, data_path: str | Path | None = None) -> list[Problem]:
    """Lean Workbook (``plus=False``, split ``lean_workbook``) or Lean Workbook Plus (``lean_workbook_plus``).

    Sources, first found wins: ``data_path`` (the upstream ``lean_workbook.json``, ``wkbk_1009.parquet`` or
    any JSONL with the same fields), ``$LEANGYM_DATA/lean-workbook/...``, the Hugging Face cache of
    ``internlm/Lean-Workbook`` (downloaded there if the hub is reachable and ``HF_HUB_OFFLINE`` is unset).
    """
    split = "lean_workbook_plus" if plus else "lean_workbook"
    path = None
    if data_path is None:
        path = next((p for p in _local_candidates(LEAN_WORKBOOK_LOCAL_FILES) if p.is_file()), None)
        path = path or _lean_workbook_from_hub()
    if path is None:
        path = _find_local(
            data_path,
            LEAN_WORKBOOK_LOCAL_FILES,
            "Lean Workbook",
            f", or make {LEAN_WORKBOOK_REPO}/{LEAN_WORKBOOK_FILE} available in the Hugging Face cache "
            "(HF_HUB_CACHE) on a machine that can reach the hub",
        )
    problems = [
        p for r in read_records(path) if (p := record_to_problem(r, source="lean_workbook", default_header=DEFAULT_HEADER))
    ]
    # Rows without a split field are classified by their theorem name (lean_workbook_plus_<n>).
    problems = [p for p in problems if (p.split or ("lean_workbook_plus" if "_plus_" in p.id else "lean_workbook")) == split]
    if not problems:
        raise DataError(f"{path}: no records of split {split!r}; is this a Lean Workbook file?")
    return _unique_ids(problems)


def load_minilean_suite(family: str = "mixture", n: int = DEFAULT_SUITE_SIZE, *, seed: int = 0, difficulty: int = 1) -> list[Problem]:
    """MiniLean's generated problems: one of ``leangym.minilean.suites.FAMILIES`` (``"mixture"`` draws
    from every family), ``n`` of them, from the stream ``seed`` at ``difficulty`` (1 = easiest)."""
    return list(_generated(family, n, seed, difficulty))


@functools.lru_cache(maxsize=64)
def _generated(family: str, n: int, seed: int, difficulty: int) -> tuple[Problem, ...]:
    # Generation is deterministic and some families take seconds per 100 problems (each statement is
    # checked true); a process that makes several envs over one suite generates it once.
    from leangym.minilean import suites

    return tuple(suites.generate(family, n, seed=seed, difficulty=difficulty))


def load_minif2f_lite(*, data_path: str | Path | None = None) -> list[Problem]:
    """The miniF2F statements (valid and test) that lie inside MiniLean's fragment."""
    path = _find_local(data_path, (MINIF2F_FILE,), "miniF2F")
    from leangym.minilean import fragment

    problems = list(fragment.minif2f_lite(path))
    if not problems:
        raise DataError(f"{path}: no miniF2F statement lies inside MiniLean's fragment")
    return problems
