"""A real multi-node Ray cluster on one machine: each node is its own ``ray start`` process tree.

Used by the two-node test (``tests/backend/test_ray_cluster.py``) and the node benchmark
(``benchmarks/ray_nodes.py``); handy for trying :class:`~leangym.backend.ray_pool.RayPool`'s
behaviour on node loss before renting a cluster::

    with LocalCluster() as cluster:
        cluster.start_head(num_cpus=1, resources={"node_a": 1})
        b = cluster.add_node(num_cpus=1, resources={"node_b": 1})
        ray.init(address=cluster.address)
        ...
        cluster.kill_node(b)          # SIGKILL every process of that node: raylet, agents, its workers

Every node runs ``ray start --block`` in a session of its own (``start_new_session``); Ray's worker
processes inherit that session (they start their own process groups, so killing a process group is
not enough), so killing a node kills exactly the processes whose session id is the node's, and
:meth:`LocalCluster.shutdown` does that for every node. Nothing here touches Ray processes it did not
start (``ray stop`` would stop every Ray node on the machine). Every node gets its own ``--temp-dir``
and free ports. Token authentication follows this process's ``RAY_AUTH_MODE`` and is off when it is
unset: the cluster lives on this machine and is gone when the ``with`` block ends; a real cluster
should use Ray's token auth.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from leangym.errors import BackendUnavailable

FAST_FAILURE_DETECTION = {
    "RAY_health_check_period_ms": "500",
    "RAY_health_check_failure_threshold": "3",
}
"""GCS health-check settings that declare a killed node dead within about two seconds (for tests);
Ray's defaults take longer, which a long job does not mind."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("", 0))
        return s.getsockname()[1]


def _ray_executable() -> str:
    here = Path(sys.executable).with_name("ray")
    found = str(here) if here.exists() else shutil.which("ray")
    if not found:
        raise BackendUnavailable("the `ray` command was not found: pip install 'leangym[dist]'")
    return found


@dataclass
class LocalNode:
    """One ``ray start`` process tree: ``process`` is the blocking ``ray start``, leader of its session."""

    name: str
    process: subprocess.Popen
    log: Path
    resources: dict = field(default_factory=dict)

    def pids(self) -> list[int]:
        """Every live process of this node (those in its session)."""
        return _session_pids(self.process.pid)


def _session_pids(sid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        # fields: state ppid pgrp session ...; zombies hold no resources and cannot be killed again
        if int(fields[3]) == sid and fields[0] != "Z":
            out.append(int(entry))
    return out


class LocalCluster:
    """A head node and worker nodes started with ``ray start`` on this machine (Linux: reads ``/proc``)."""

    def __init__(self, temp_dir: str | Path | None = None, *, env: dict[str, str] | None = None, start_timeout: float = 90.0) -> None:
        self._own_temp = temp_dir is None
        # short: Ray's socket paths live under it and must stay under the 107-byte limit of AF_UNIX
        self.temp_dir = Path(temp_dir or tempfile.mkdtemp(prefix="lgray", dir="/tmp"))
        self.temp_dir.mkdir(parents=True, exist_ok=True)
        # The nodes use the authentication mode of this process, the driver's: a local ray.init() earlier in
        # the process may have switched it to token auth (Ray does so when ~/.ray/auth_token exists), and a
        # driver and workers that disagree on it cannot talk to each other.
        auth = os.environ.get("RAY_AUTH_MODE", "disabled")
        self.env = {**os.environ, "RAY_AUTH_MODE": auth, "RAY_USAGE_STATS_ENABLED": "0",
                    **FAST_FAILURE_DETECTION, **(env or {})}  # fmt: skip
        self.start_timeout = start_timeout
        self.address: str | None = None
        self.nodes: list[LocalNode] = []

    def _ports(self) -> list[str]:
        out = []
        for flag in ("--node-manager-port", "--object-manager-port", "--dashboard-agent-listen-port",
                     "--dashboard-agent-grpc-port", "--metrics-export-port", "--runtime-env-agent-port"):  # fmt: skip
            out += [flag, str(_free_port())]
        return out

    def _start(self, name: str, args: list[str], resources: dict) -> LocalNode:
        log = self.temp_dir / f"{name}.log"
        cmd = [_ray_executable(), "start", "--block", "--disable-usage-stats", f"--temp-dir={self.temp_dir / name}",
               f"--resources={json.dumps(resources)}", *args, *self._ports()]  # fmt: skip
        with open(log, "wb") as out:
            proc = subprocess.Popen(cmd, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        node = LocalNode(name, proc, log, resources)
        self.nodes.append(node)
        deadline = time.monotonic() + self.start_timeout
        while "Ray runtime started" not in log.read_text(errors="replace"):
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log.read_text(errors="replace")[-2000:]
                self.kill_node(node)
                why = f"exited with {proc.returncode}" if proc.returncode is not None else f"not up in {self.start_timeout:.0f} s"
                raise BackendUnavailable(f"`ray start` for node {name!r} {why}; its output ends:\n{tail}")
            time.sleep(0.2)
        return node

    def start_head(self, *, num_cpus: int = 1, resources: dict | None = None) -> str:
        """Start the head node (GCS, its raylet with ``num_cpus``); returns the address for ``ray.init``."""
        port = _free_port()
        self._start("head", ["--head", f"--port={port}", f"--num-cpus={num_cpus}", "--include-dashboard=false",
                             "--dashboard-port", str(_free_port()), "--ray-client-server-port", str(_free_port())],
                    resources or {})  # fmt: skip
        self.address = f"127.0.0.1:{port}"
        return self.address

    def add_node(self, *, num_cpus: int = 1, resources: dict | None = None, name: str | None = None) -> LocalNode:
        """Start a worker node joined to the head (a separate process tree, so it can be killed alone)."""
        if self.address is None:
            raise BackendUnavailable("start_head() first")
        name = name or f"node{len(self.nodes)}"
        return self._start(name, [f"--address={self.address}", f"--num-cpus={num_cpus}"], resources or {})

    def kill_node(self, node: LocalNode) -> int:
        """SIGKILL every process of ``node`` (as a lost machine would vanish); returns how many were killed."""
        killed = 0
        for _ in range(3):  # a process may fork while we kill: sweep until the session is empty
            pids = node.pids()
            if not pids:
                break
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                    killed += 1
                except ProcessLookupError:
                    pass
            time.sleep(0.05)
        try:
            node.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        return killed

    def shutdown(self) -> None:
        """Kill every node (workers first) and remove the temp dir if this object made it."""
        for node in reversed(self.nodes):
            self.kill_node(node)
        self.nodes.clear()
        if self._own_temp:
            shutil.rmtree(self.temp_dir, ignore_errors=True)

    def __enter__(self) -> LocalCluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
