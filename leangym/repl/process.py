"""One REPL subprocess speaking the Lean REPL JSON protocol over pipes.

Why pipes and not a pty: a pty's line discipline echoes input and mangles long lines. Why our own
process group: ``lake env repl`` forks ``repl``, which may fork ``lean``; killing only the parent
leaves the children running, so every kill here is a kill of the whole group. Why selectors and a
deadline on every read and write: the upstream REPL has no timeouts of its own and a stuck process
must never stall the caller — each request either answers, or raises, within its timeout.

Protocol (DESIGN §5): a request is one ``json.dumps`` line followed by a blank line; a reply is JSON
(pretty-printed over several lines by real Lean) ending at a blank line.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from typing import IO

import psutil

from leangym.errors import BackendUnavailable, ProtocolError, ReplCrashed, ReplMemoryExceeded, ReplTimeout

MEMORY_POLL_S = 0.05  # resident memory is sampled at most this often (a sample walks the process tree, ~1 ms)
SNIPPET = 300  # characters of stray output or stderr quoted in error messages


def _snippet(data: bytes | str) -> str:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    text = text.strip()
    return text if len(text) <= SNIPPET else text[:SNIPPET] + f"... ({len(text)} chars)"


def _exit_reason(returncode: int | None) -> str:
    if returncode is None:
        return "is unresponsive"
    if returncode < 0:
        try:
            return f"was killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"was killed by signal {-returncode}"
    return f"exited with code {returncode}"


class ReplProcess:
    """A REPL executable in its own process group, restartable, with deadlines on every request.

    After any failure (timeout, crash, garbage output, memory limit) the process is killed and the
    exception says why; the next :meth:`request` starts a fresh process. ``generation`` counts the
    processes started so far, so callers can tell that REPL-side ids (envs, proof states) are gone.

    ``start_timeout`` is the least time granted to the first request after a (re)start: that is
    when the executable loads (a Python interpreter importing MiniLean, ``lake`` resolving the
    workspace). ``memory_limit_mb`` caps the resident memory of the whole process tree: it is
    sampled while a request runs (a process over the cap is killed) and :attr:`over_memory` tells
    the owner to restart a process that grew past it between requests.
    """

    def __init__(
        self,
        command: Sequence[str],
        *,
        cwd: str | os.PathLike[str] | None = None,
        env: Mapping[str, str] | None = None,
        memory_limit_mb: int | None = None,
        start_timeout: float = 60.0,
    ) -> None:
        if not command:
            raise BackendUnavailable("empty REPL command: expected an executable and its arguments, e.g. ['repl']")
        self.command = [str(c) for c in command]
        self.cwd = cwd
        self.env = dict(env) if env is not None else None
        self.memory_limit_mb = memory_limit_mb
        self.start_timeout = start_timeout
        self.generation = 0
        self.requests_served = 0  # by the current process
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._selector: selectors.BaseSelector | None = None
        self._buffer = b""
        self._fresh = False
        self._closed = False
        self._memory_checked = 0.0  # time.monotonic() of the last resident-memory sample
        self._lock = threading.RLock()
        self._start()

    # -- life cycle ----------------------------------------------------------------------------

    def _start(self) -> None:
        self._stderr = tempfile.TemporaryFile(prefix="leangym-repl-stderr-")
        try:
            self._proc = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                cwd=self.cwd,
                env=self.env,
                start_new_session=True,  # own process group: a kill reaches lake's children too
                close_fds=True,
            )
        except FileNotFoundError as exc:
            self._stderr.close()
            self._stderr = None
            where = f" (cwd {self.cwd})" if self.cwd else ""
            raise BackendUnavailable(
                f"REPL executable not found: {self.command[0]!r}{where}; expected an executable on PATH or a path "
                "to one. For real Lean run `leangym setup` and check `leangym doctor`; or use backend='minilean'"
            ) from exc
        except PermissionError as exc:
            self._stderr.close()
            self._stderr = None
            raise BackendUnavailable(f"REPL executable {self.command[0]!r} is not executable: {exc}") from exc
        assert self._proc.stdin is not None and self._proc.stdout is not None
        os.set_blocking(self._proc.stdin.fileno(), False)
        self._selector = selectors.DefaultSelector()  # one per process: cheaper than one per request
        self._selector.register(self._proc.stdout.fileno(), selectors.EVENT_READ)
        self._buffer = b""
        self._fresh = True
        self.requests_served = 0
        self.generation += 1

    def _kill(self) -> int | None:
        """Kill the whole process group and reap the leader; returns its exit status."""
        proc, self._proc = self._proc, None
        if self._selector is not None:
            self._selector.close()
            self._selector = None
        if proc is None:
            return None
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        else:
            try:  # the leader is gone; its group may still hold children
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
        return proc.returncode

    def restart(self) -> None:
        """Kill the current process (if any) and start a fresh one."""
        with self._lock:
            self._check_open()
            self._kill()
            self._close_stderr()
            self._start()

    def close(self) -> None:
        """Kill the process group; safe to call any number of times."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._kill()
            self._close_stderr()

    def _close_stderr(self) -> None:
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def __enter__(self) -> ReplProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_open(self) -> None:
        if self._closed:
            raise ReplCrashed(f"REPL process for {self.command[0]!r} was closed; create a new one")

    # -- introspection ---------------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def rss_mb(self) -> float:
        """Resident memory of the process and all its children, in MiB (0.0 when not running)."""
        if self._proc is None:
            return 0.0
        try:
            root = psutil.Process(self._proc.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return 0.0
        total = 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total / 2**20

    def stderr_tail(self) -> str:
        """The last lines the process wrote to stderr (for error messages)."""
        if self._stderr is None:
            return ""
        try:
            self._stderr.seek(0, os.SEEK_END)
            size = self._stderr.tell()
            self._stderr.seek(max(0, size - 2000))
            return _snippet(self._stderr.read()[-SNIPPET:])
        except (OSError, ValueError):
            return ""

    # -- the protocol ----------------------------------------------------------------------------

    def request(self, obj: dict, timeout: float | None = None) -> dict:
        """Send one request and return the parsed reply.

        Raises :class:`ReplTimeout` (no complete reply in time), :class:`ReplCrashed` (the process
        exited, was killed, or broke its pipe), :class:`ReplMemoryExceeded` (over the memory cap) or
        :class:`ProtocolError` (the reply is not a JSON object); in every case the process has been
        killed and the next request starts a fresh one. ``timeout=None`` waits without a deadline
        (crashes are still detected at once).
        """
        payload = (json.dumps(obj, ensure_ascii=False) + "\n\n").encode()
        with self._lock:
            self._check_open()
            if self._proc is None:
                self._start()
            if timeout is not None and self._fresh:
                timeout = max(timeout, self.start_timeout)
            deadline = None if timeout is None else time.monotonic() + timeout
            try:
                self._drain()
                if self._buffer.strip():
                    raise ProtocolError(
                        f"{self._describe()} wrote output after its last reply, unasked: {_snippet(self._buffer)!r}; "
                        "the protocol is out of step, so it was killed"
                    )
                self._write(payload, deadline, timeout)
                reply = self._read_reply(deadline, timeout)
            except BaseException:
                self._kill()
                raise
            self._fresh = False
            self.requests_served += 1
            return reply

    @property
    def over_memory(self) -> bool:
        """True when the process has grown past ``memory_limit_mb`` between requests (restart it)."""
        return self.memory_limit_mb is not None and self.alive and self.rss_mb() > self.memory_limit_mb

    def _drain(self) -> None:
        """Read whatever the process wrote since its last reply, without waiting."""
        assert self._proc is not None and self._proc.stdout is not None and self._selector is not None
        while self._selector.select(0):
            chunk = os.read(self._proc.stdout.fileno(), 1 << 16)
            if not chunk:
                return  # EOF: the request that follows reports the exit
            self._buffer += chunk

    def _describe(self) -> str:
        return f"REPL process {self.pid} ({' '.join(self.command)[:120]})"

    def _crashed(self, during: str, partial: bytes = b"") -> ReplCrashed:
        desc = self._describe()
        proc = self._proc
        returncode = None
        if proc is not None:
            try:
                returncode = proc.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                returncode = None
        phase = " at start" if self._fresh else ""
        msg = f"{desc} {_exit_reason(returncode)}{phase} {during}"
        if partial.strip():
            msg += f"; it had written a truncated reply: {_snippet(partial)!r}"
        tail = self.stderr_tail()
        if tail:
            msg += f"; stderr: {tail!r}"
        return ReplCrashed(msg)

    def _check_memory(self) -> None:
        self._memory_checked = time.monotonic()
        rss = self.rss_mb()
        if rss > self.memory_limit_mb:  # type: ignore[operator]
            raise ReplMemoryExceeded(
                f"{self._describe()} used {rss:.0f} MiB of resident memory, over the limit of "
                f"{self.memory_limit_mb} MiB; it was killed (raise memory_limit_mb if this is expected)"
            )

    def _remaining(self, deadline: float | None) -> float | None:
        return None if deadline is None else deadline - time.monotonic()

    def _timeout_error(self, timeout: float | None, during: str) -> ReplTimeout:
        return ReplTimeout(f"{self._describe()} gave no complete reply within {timeout:.3g} s {during}; it was killed")

    def _write(self, payload: bytes, deadline: float | None, timeout: float | None) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        fd = self._proc.stdin.fileno()
        view = memoryview(payload)
        try:  # the common case: the pipe has room and one write suffices, no selector needed
            view = view[os.write(fd, view) :]
        except BlockingIOError:
            pass
        except (BrokenPipeError, ConnectionResetError):
            raise self._crashed("before reading the request") from None
        if not view:
            return
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_WRITE)
            while view:
                remaining = self._remaining(deadline)
                if remaining is not None and remaining <= 0:
                    raise self._timeout_error(timeout, "(it stopped reading its input)")
                if not sel.select(remaining if remaining is None else min(remaining, 1.0)):
                    if self._proc.poll() is not None:
                        raise self._crashed("before reading the request")
                    continue
                try:
                    n = os.write(fd, view)
                except BlockingIOError:
                    continue
                except (BrokenPipeError, ConnectionResetError):
                    raise self._crashed("before reading the request") from None
                view = view[n:]

    def _read_reply(self, deadline: float | None, timeout: float | None) -> dict:
        assert self._proc is not None and self._proc.stdout is not None and self._selector is not None
        fd = self._proc.stdout.fileno()
        poll = MEMORY_POLL_S if self.memory_limit_mb is not None else None
        sel = self._selector
        while True:
            reply = self._take_reply()
            if reply is not None:
                # Fast requests never leave the select below idle, so sample here too (rate-limited):
                # a process that grows a little per request still meets the cap.
                if poll is not None and time.monotonic() - self._memory_checked >= poll:
                    self._check_memory()
                return reply
            remaining = self._remaining(deadline)
            if remaining is not None and remaining <= 0:
                raise self._timeout_error(timeout, "while the request ran")
            wait = remaining
            if poll is not None:
                wait = poll if wait is None else min(wait, poll)
            if sel.select(wait):
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    raise self._crashed("while the request ran", self._buffer)
                self._buffer += chunk
            elif poll is not None:
                self._check_memory()

    def _take_reply(self) -> dict | None:
        """Cut one reply (text up to a blank line) off the buffer, or None if none is complete yet."""
        buf = self._buffer.lstrip(b"\r\n")
        if buf is not self._buffer:
            self._buffer = buf
        end = buf.find(b"\n\n")
        end_crlf = buf.find(b"\r\n\r\n")
        if end < 0 and end_crlf < 0:
            return None
        if end < 0 or (0 <= end_crlf < end):
            text, self._buffer = buf[:end_crlf], buf[end_crlf + 4 :]
        else:
            text, self._buffer = buf[:end], buf[end + 2 :]
        try:
            reply = json.loads(text)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ProtocolError(
                f"{self._describe()} wrote output that is not a JSON reply ({exc.msg if hasattr(exc, 'msg') else exc}): "
                f"{_snippet(text)!r}; expected one JSON object followed by a blank line. It was killed"
            ) from None
        if not isinstance(reply, dict):
            raise ProtocolError(
                f"{self._describe()} replied with a JSON {type(reply).__name__}, expected an object: {_snippet(text)!r}"
            )
        return reply
