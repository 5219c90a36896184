"""The replay executable and the process layer on what real Lean printed (shared REPL transcripts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leangym.repl.process import ReplProcess
from leangym.repl.replay import load_transcript, replay_command, split_blocks

pytestmark = pytest.mark.timeout(60)


def transcripts(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.in") if p.with_name(p.name[:-3] + ".expected.out").exists())


def test_every_recorded_reply_parses_through_the_process_layer(transcripts_dir: Path):
    """Each reply real Lean printed, served over a pipe, is read back as the recorded JSON object."""
    paths = transcripts(transcripts_dir)
    assert len(paths) >= 60
    with ReplProcess(replay_command(paths), start_timeout=30) as proc:
        n = 0
        for path in paths:
            for request, reply_text in load_transcript(path):
                got = proc.request(request, timeout=10)
                assert got == json.loads(reply_text), f"{path.name}: {request}"
                n += 1
    assert n >= 150


def test_replies_are_multiline_as_real_lean_prints_them(transcripts_dir: Path):
    reply = load_transcript(transcripts_dir / "proof_branching.in")[1][1]
    assert reply.count("\n") >= 3 and json.loads(reply)["proofStatus"] == "Incomplete: open goals remain"


def test_unrecorded_request_gets_the_repl_error_shape(transcripts_dir: Path):
    with ReplProcess(replay_command([transcripts_dir / "import_lean.in"]), start_timeout=30) as proc:
        assert proc.request({"cmd": "import Lean"}, timeout=10) == {"env": 0}
        assert proc.request({"cmd": "import Lean", "env": 0}, timeout=10)["message"].startswith("replay: no recorded reply")


def test_split_blocks_keeps_multiline_requests():
    assert split_blocks('{"a":\n 1}\n\n\n{"b": 2}\n') == ['{"a":\n 1}', '{"b": 2}']
