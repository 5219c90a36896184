"""A misbehaving REPL executable for fault-injection tests: ``python faulty_repl.py MODE``.

Modes: ``ok`` (a toy REPL: commands get an env and, with ``sorry``, a proof state; tactics get a
new proof state; the tactics ``sleep N`` (ms), ``alloc N`` (MiB, kept), ``crash`` and ``fail``
misbehave on demand, ``chatter`` adds output after its reply; ``pickleTo``/``unpickleEnvFrom`` work; ``#print axioms`` lists
``$FAULTY_AXIOMS``; every request is appended to ``$FAULTY_LOG`` when set), ``garbage``, ``truncated`` (half a JSON object, then a blank line),
``truncated-exit`` (half a JSON object, then exit), ``die-at-start``, ``hang`` (reads, never
answers), ``fork-hang`` (starts a child in its process group, then hangs), ``noread`` (never reads
its input). Only the standard library, so it starts fast.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def requests():
    lines: list[str] = []
    for line in sys.stdin:
        if line.strip():
            lines.append(line)
        elif lines:
            yield json.loads("".join(lines))
            lines = []


def reply(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, indent=1) + "\n\n")
    sys.stdout.flush()


def toy() -> None:
    envs, states, hoard = 0, 0, []
    log = os.environ.get("FAULTY_LOG")
    for req in requests():
        if log:
            with open(log, "a") as f:
                f.write(json.dumps(req) + "\n")
        if "pickleTo" in req:
            with open(req["pickleTo"], "w") as f:
                f.write("pickled")
            reply({"env": req["env"]})
            continue
        if "unpickleEnvFrom" in req:
            reply({"env": envs})
            envs += 1
            continue
        if req.get("cmd", "").startswith("#print axioms"):
            axioms = os.environ.get("FAULTY_AXIOMS", "propext")
            data = f"'x' depends on axioms: [{axioms}]"
            reply({"env": envs, "messages": [{"severity": "info", "pos": {"line": 1, "column": 0}, "data": data}]})
            envs += 1
            continue
        if "cmd" in req:
            out: dict = {"env": envs}
            envs += 1
            if "sorry" in req["cmd"]:
                out["sorries"] = [{"proofState": states, "goal": "⊢ toy", "pos": {"line": 1, "column": 0}, "endPos": None}]
                states += 1
            reply(out)
            continue
        tactic = req.get("tactic", "")
        if req.get("proofState", 10**9) >= states:
            reply({"message": "Unknown proof state."})
            continue
        word, _, arg = tactic.partition(" ")
        if word == "sleep":
            time.sleep(int(arg) / 1000)
        elif word == "alloc":
            hoard.append(bytearray(int(arg) * 2**20))
            for chunk in hoard:  # touch the pages so they are resident
                chunk[:: 4096] = b"x" * len(chunk[:: 4096])
        elif word == "crash":
            os._exit(7)
        elif word == "chatter":  # a reply followed by output nobody asked for
            reply({"proofStatus": "Incomplete: open goals remain", "proofState": states, "goals": ["⊢ x"]})
            states += 1
            sys.stdout.write("warning: stray line\n\n")
            sys.stdout.flush()
            continue
        elif word == "fail":
            reply({"message": "Lean error:\nunknown tactic"})
            continue
        status = "Completed" if word == "done" else "Incomplete: open goals remain"
        reply({"proofStatus": status, "proofState": states, "goals": [] if word == "done" else [f"⊢ after {tactic}"]})
        states += 1


def main() -> None:
    mode = sys.argv[1]
    if mode == "ok":
        toy()
    elif mode == "die-at-start":
        sys.stderr.write("fatal: cannot find the Lake workspace\n")
        sys.exit(3)
    elif mode == "noread":
        time.sleep(1000)
    elif mode == "fork-hang":
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(1000)"])
        sys.stderr.write(f"child {child.pid}\n")
        sys.stderr.flush()
        for _ in requests():
            time.sleep(1000)
    else:
        for _ in requests():
            if mode == "garbage":
                sys.stdout.write("Traceback (most recent call last): this is not JSON\n\n")
            elif mode == "truncated":
                sys.stdout.write('{"env": 0, "messages": [\n\n')
            elif mode == "truncated-exit":
                sys.stdout.write('{"env": 0, "mess')
                sys.stdout.flush()
                sys.exit(5)
            elif mode == "hang":
                time.sleep(1000)
            sys.stdout.flush()


if __name__ == "__main__":
    main()
