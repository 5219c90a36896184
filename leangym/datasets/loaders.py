"""Loaders that turn benchmark files into :class:`~leangym.problems.Problem` lists.

Every loader takes ``data_path=``: a file, or a folder holding it (laid out like the project's shared
data, ``minif2f/minif2f.jsonl``, ..., or the file directly inside). Without it a loader looks under
``$LEANGYM_DATA`` (a folder with that layout) and then, for Lean Workbook and miniF2F, loads the Hugging
Face dataset through ``datasets``, which caches it. A loader that finds nothing raises
:class:`~leangym.errors.DataError` in one line naming the fix; the hub is asked only after a 2-second
reachability probe, or from the cache when ``HF_HUB_OFFLINE=1``. :data:`SOURCES` lists every source.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from leangym.errors import ConfigError, DataError
from leangym.problems import DEFAULT_HEADER, Problem, locate_theorem, normalize_statement

DATA_ENV_VAR = "LEANGYM_DATA"
"""Environment variable naming a folder that holds the benchmark files (same layout as the shared data)."""

LEAN_WORKBOOK_REPO = "internlm/Lean-Workbook"
MINIF2F_FILE = "minif2f/minif2f.jsonl"
PROOFNET_FILE = "proofnet/proofnet.jsonl"
LEAN_WORKBOOK_LOCAL_FILES = ("lean-workbook/lean_workbook.json", "lean-workbook/lean_workbook_subset.jsonl")

DEFAULT_SUITE_SIZE = 100
"""Problems a MiniLean id generates unless ``n=`` says otherwise."""

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
    located = locate_theorem(statement)
    if located is None:
        return None
    start, name = located
    if start > 0 and statement[:start].strip():
        prefix = statement[:start]
        header = header or "\n".join(ln for ln in prefix.splitlines() if not ln.lstrip().startswith(("/-", "--")))
        statement = statement[start:].lstrip()
    statement = normalize_statement(statement.removesuffix("sorry").rstrip())
    proof = record.get("reference_proof") or record.get("proof")
    if isinstance(proof, str):
        proof = (proof,) if proof.strip() else None
    elif isinstance(proof, list):
        proof = tuple(str(p) for p in proof if str(p).strip()) or None
    return Problem(
        id=str(record.get("id") or record.get("name") or name),
        statement=statement,
        header=header if isinstance(header, str) and header.strip() else default_header,
        split=record.get("split"),
        source=source,
        informal=record.get("informal") or record.get("informal_prefix") or record.get("natural_language_statement"),
        reference_proof=proof,
        meta={k: record[k] for k in ("answer", "tags", "goal", "difficulty") if record.get(k) is not None},
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


def problem_record(problem: Problem) -> dict:
    """A problem as one record in the field names :func:`load_jsonl` reads (the inverse of the loader)."""
    record = {
        "id": problem.id,
        "statement": problem.statement,
        "header": problem.header,
        "split": problem.split,
        "informal": problem.informal,
        "reference_proof": list(problem.reference_proof) if problem.reference_proof else None,
        **{k: v for k, v in problem.meta.items() if k in ("answer", "tags", "goal", "difficulty")},
    }
    return {k: v for k, v in record.items() if v is not None}


def save_jsonl(problems: Iterable[Problem], path: str | Path) -> Path:
    """Write ``problems`` as JSONL that :func:`load_jsonl` reads back (same ids, statements, headers, proofs)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(problem_record(p), ensure_ascii=False) + "\n" for p in problems), encoding="utf-8")
    return path


@dataclass(frozen=True)
class DataSource:
    """Where a benchmark's problems come from: files under ``$LEANGYM_DATA``, else a Hugging Face dataset."""

    title: str
    files: tuple[str, ...]
    """Paths relative to ``$LEANGYM_DATA`` (the shared data layout); the first that exists wins."""
    hub_repo: str | None = None
    """Hugging Face ``datasets`` repo to load (and cache) when no file is found, or None."""
    hub_splits: tuple[str, ...] = ()


SOURCES: dict[str, DataSource] = {
    "minif2f": DataSource("miniF2F", (MINIF2F_FILE,), "Slim205/minif2f", ("valid", "test")),
    "proofnet": DataSource("ProofNet", (PROOFNET_FILE,)),
    "lean_workbook": DataSource("Lean Workbook", LEAN_WORKBOOK_LOCAL_FILES, LEAN_WORKBOOK_REPO, ("train",)),
}
"""One entry per benchmark with a file of its own (Lean Workbook Plus and miniF2F-Lite share theirs)."""


def data_root() -> Path | None:
    """The folder named by ``$LEANGYM_DATA``, or None when the variable is unset."""
    root = os.environ.get(DATA_ENV_VAR)
    return Path(root) if root else None


def _in_folder(folder: Path, source: DataSource) -> Path | None:
    """``source``'s file inside ``folder``: by the shared layout (``minif2f/minif2f.jsonl``) or directly
    (``minif2f.jsonl``), so both the data root and the dataset's own folder work."""
    for rel in source.files:
        for path in (folder / rel, folder / Path(rel).name):
            if path.is_file():
                return path
    return None


def find_local(source: DataSource, data_path: str | Path | None = None) -> Path | None:
    """The local file of ``source``: ``data_path`` (a file, or a folder holding it), else under
    ``$LEANGYM_DATA``; None when neither has it. A ``data_path`` that does not lead to a file is an error."""
    if data_path is not None:
        path = Path(data_path)
        if path.is_file():
            return path
        if path.is_dir():
            found = _in_folder(path, source)
            if found is None:
                raise DataError(
                    f"{source.title}: data_path={str(path)!r} is a folder without {' or '.join(source.files)} "
                    "(nor their file names directly inside); pass the file itself or the folder that holds it"
                )
            return found
        raise DataError(f"{source.title}: data_path={str(path)!r} does not exist; pass the {source.title} file or its folder")
    root = data_root()
    return _in_folder(root, source) if root is not None and root.is_dir() else None


def _offline() -> bool:
    return any(os.environ.get(v, "").lower() in ("1", "true", "yes") for v in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE"))


def _hub_reachable(timeout: float = 2.0) -> bool:
    try:
        with socket.create_connection(("huggingface.co", 443), timeout=timeout):
            return True
    except OSError:
        return False


def _fetch_from_hub(repo: str, splits: tuple[str, ...]) -> list[dict]:
    """Rows of a Hugging Face dataset, through ``datasets`` (which caches them under ``HF_HOME``).

    The only function here that may touch the network; tests replace it."""
    import datasets

    return [dict(row) for split in splits for row in datasets.load_dataset(repo, split=split)]


def _not_found(source: DataSource, why: str) -> DataError:
    root = data_root()
    looked = f"{DATA_ENV_VAR}={root}" if root is not None else f"${DATA_ENV_VAR} is unset"
    return DataError(
        f"{source.title} data not found ({looked}){why}. Fix: pass data_path= to a local copy of "
        f"{' or '.join(source.files)} (or its folder), or set {DATA_ENV_VAR} to a folder laid out like that"
    )


def source_records(source: DataSource, data_path: str | Path | None = None) -> tuple[list[dict], str]:
    """The raw records of ``source`` and where they came from (a path, or ``hf:REPO``).

    Order: ``data_path``, ``$LEANGYM_DATA``, then the Hugging Face hub through ``datasets`` (read from its
    cache when ``HF_HUB_OFFLINE=1``). Offline, or without ``datasets``, the error is one line naming the fix.
    """
    path = find_local(source, data_path)
    if path is not None:
        return read_records(path), str(path)
    if source.hub_repo is None:
        raise _not_found(source, "; it has no Hugging Face source")
    if importlib.util.find_spec("datasets") is None:
        raise _not_found(source, f"; loading {source.hub_repo} from the Hugging Face hub needs `pip install 'leangym[data]'`")
    if not _offline() and not _hub_reachable():
        raise _not_found(
            source, f" and the Hugging Face hub is unreachable for {source.hub_repo} (set HF_HUB_OFFLINE=1 to use a cached copy)"
        )
    try:
        rows = _fetch_from_hub(source.hub_repo, source.hub_splits)
    except Exception as exc:  # any hub or cache failure means "not available here"; the message names the fix
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
        raise _not_found(source, f" and loading {source.hub_repo} from the Hugging Face hub failed ({first})") from exc
    return rows, f"hf:{source.hub_repo}"


def _problems(records: Iterable[dict], source: str, default_header: str = "") -> list[Problem]:
    return [p for r in records if (p := record_to_problem(r, source=source, default_header=default_header)) is not None]


def load_minif2f(split: str | None = "test", *, data_path: str | Path | None = None) -> list[Problem]:
    """miniF2F (``split`` "valid" or "test", 244 each, or None for both), DeepSeek-Prover-V1.5's layout."""
    if split not in ("valid", "test", None):
        raise ConfigError(f"miniF2F split must be 'valid', 'test' or None (both), got {split!r}")
    records, origin = source_records(SOURCES["minif2f"], data_path)
    problems = [p for p in _problems(records, "minif2f") if split is None or p.split == split]
    if not problems:
        raise DataError(f"{origin}: no miniF2F records{f' in split {split!r}' if split else ''}; check the file and split")
    return _unique_ids(problems)


def load_proofnet(split: str | None = "test", *, data_path: str | Path | None = None) -> list[Problem]:
    """ProofNet (``split`` "valid", "test" or None for all); repeated names get a ``__2`` suffix."""
    if split not in ("valid", "test", None):
        raise ConfigError(f"ProofNet split must be 'valid', 'test' or None (both), got {split!r}")
    records, origin = source_records(SOURCES["proofnet"], data_path)
    problems = [p for p in _problems(records, "proofnet") if split is None or p.split == split]
    if not problems:
        raise DataError(f"{origin}: no ProofNet records{f' in split {split!r}' if split else ''}; check the file and split")
    return _unique_ids(problems)


def load_lean_workbook(plus: bool = False, *, data_path: str | Path | None = None) -> list[Problem]:
    """Lean Workbook (``plus=False``, split ``lean_workbook``) or Lean Workbook Plus (``lean_workbook_plus``).

    Sources, first found wins: ``data_path`` (the upstream ``lean_workbook.json``, ``wkbk_1009.parquet``,
    any JSONL with the same fields, or a folder holding one), ``$LEANGYM_DATA/lean-workbook/...``, the
    Hugging Face dataset ``internlm/Lean-Workbook`` (through ``datasets``, cached there).
    """
    split = "lean_workbook_plus" if plus else "lean_workbook"
    records, origin = source_records(SOURCES["lean_workbook"], data_path)
    problems = _problems(records, "lean_workbook", DEFAULT_HEADER)
    # Rows without a split field are classified by their theorem name (lean_workbook_plus_<n>).
    problems = [p for p in problems if (p.split or ("lean_workbook_plus" if "_plus_" in p.id else "lean_workbook")) == split]
    if not problems:
        raise DataError(f"{origin}: no records of split {split!r}; is this a Lean Workbook file?")
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
    """The miniF2F statements (valid and test) that lie inside MiniLean's fragment (from a local file)."""
    path = find_local(SOURCES["minif2f"], data_path)
    if path is None:
        raise _not_found(SOURCES["minif2f"], "; miniF2F-Lite reads a local file")
    from leangym.minilean import fragment

    problems = list(fragment.minif2f_lite(path))
    if not problems:
        raise DataError(f"{path}: no miniF2F statement lies inside MiniLean's fragment")
    return problems
