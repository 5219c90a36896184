"""Benchmark problems as :class:`~leangym.problems.Problem` lists, by dataset name or by loader.

``load_problems("minif2f", split="valid", data_path=...)`` is what the registered environments call;
the loaders themselves are public for scripts that want problems without an environment.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from leangym.datasets.loaders import (
    DATA_ENV_VAR,
    SOURCES,
    DataSource,
    data_root,
    find_local,
    load_jsonl,
    load_lean_workbook,
    load_minif2f,
    load_minif2f_lite,
    load_minilean_suite,
    load_proofnet,
    problem_record,
    read_records,
    record_to_problem,
    save_jsonl,
    source_records,
)
from leangym.errors import ConfigError, DataError
from leangym.problems import Problem


def _jsonl(*, data_path: str | Path | None = None, split: str | None = None) -> list[Problem]:
    if data_path is None:
        raise ConfigError("dataset 'jsonl' needs data_path= (a JSONL file of problems)")
    return load_jsonl(data_path, split=split)


DATASETS: dict[str, Callable[..., list[Problem]]] = {
    "lean_workbook": functools.partial(load_lean_workbook, plus=False),
    "lean_workbook_plus": functools.partial(load_lean_workbook, plus=True),
    "minif2f": load_minif2f,
    "minif2f_lite": load_minif2f_lite,
    "proofnet": load_proofnet,
    "minilean": load_minilean_suite,
    "jsonl": _jsonl,
}
"""Dataset name -> loader; the keyword arguments each loader takes are those of its function."""


def load_problems(dataset: str, **kwargs: Any) -> list[Problem]:
    """Load a dataset by name (a key of :data:`DATASETS`); ``kwargs`` go to its loader."""
    try:
        loader = DATASETS[dataset]
    except KeyError:
        raise ConfigError(f"unknown dataset {dataset!r}; expected one of {sorted(DATASETS)}") from None
    return loader(**kwargs)


def data_report() -> list[dict[str, Any]]:
    """One row per benchmark in :data:`SOURCES`: its local file (or None), how many records it holds,
    and where it would come from otherwise (the Hugging Face repo, or only a local file). Reads no network."""
    rows = []
    for key, source in SOURCES.items():
        path = find_local(source)
        count = None
        if path is not None:
            try:
                count = len(read_records(path))
            except DataError:
                count = None
        rows.append(
            {
                "dataset": key,
                "title": source.title,
                "path": str(path) if path is not None else None,
                "records": count,
                "files": source.files,
                "hub": source.hub_repo,
            }
        )
    return rows


__all__ = [
    "DATASETS",
    "DATA_ENV_VAR",
    "SOURCES",
    "DataSource",
    "data_report",
    "data_root",
    "find_local",
    "source_records",
    "load_jsonl",
    "load_lean_workbook",
    "load_minif2f",
    "load_minif2f_lite",
    "load_minilean_suite",
    "load_problems",
    "load_proofnet",
    "problem_record",
    "read_records",
    "record_to_problem",
    "save_jsonl",
]
