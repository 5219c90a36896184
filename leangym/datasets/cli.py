"""``leangym data``: each benchmark, what is found locally, and where it would come from otherwise."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass

from leangym.config import add_config, option
from leangym.datasets import DATA_ENV_VAR, data_report


@dataclass
class DataArgs:
    """Options of ``leangym data``."""

    data_path: str | None = option(None, f"data folder to inspect (default: ${DATA_ENV_VAR})")


def register_cli(subparsers: argparse._SubParsersAction) -> None:
    data = subparsers.add_parser("data", help="list each dataset, its local file and record count, and its other source")
    add_config(data, DataArgs)
    data.set_defaults(func=_data)


def _data(args: argparse.Namespace) -> int:
    if args.data_path:
        os.environ[DATA_ENV_VAR] = args.data_path
    root = os.environ.get(DATA_ENV_VAR)
    print(f"{DATA_ENV_VAR}={root}" if root else f"${DATA_ENV_VAR} is unset (set it to a folder laid out like the shared data)")
    rows = [("dataset", "local file", "records", "otherwise")]
    for r in data_report():
        local = r["path"] or "not found"
        otherwise = (
            f"Hugging Face {r['hub']} (datasets, cached)" if r["hub"] else f"local only: put {r['files'][0]} under ${DATA_ENV_VAR}"
        )
        rows.append((r["title"], local, "-" if r["records"] is None else str(r["records"]), otherwise))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    return 0
