"""The build's side of a worker process that answers JSON lines: used for the figure runners and Mermaid.

Each request goes to the worker's stdin as a line with an `id`; the worker answers each on its stdout, with the
same `id`, in any order. The process starts on the first request (a build with everything cached starts none).
Requests are written by a thread of their own, so a build that sends hundreds at once never blocks on a full
pipe; a reader thread resolves each request's Future with its answer. If the process ends, what is still waiting
fails with the exception `stopped(exit status)` gives.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

import handbook


def environment() -> dict[str, str]:
    """The server imports this package from where the build imported it (installed or src/)."""
    package_parent = str(Path(handbook.__file__).resolve().parents[1])
    paths = [package_parent, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}


class JsonWorker:
    def __init__(
        self,
        command: list[str],
        stopped: Callable[[int], Exception],
        *,
        name: str,
        env: dict[str, str] | None = None,
        stderr=None,
        first: dict | None = None,
    ) -> None:
        """`first`, when given, is the first line the worker reads (its settings), before any request."""
        self._command, self._stopped, self._name, self._env, self._stderr = command, stopped, name, env, stderr
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._threads: list[threading.Thread] = []
        self._first = first
        self._lines: queue.Queue = queue.Queue()
        self._waiting: dict[int, Future[dict]] = {}
        self._sent = 0

    def submit(self, request: dict) -> Future[dict]:
        """Send `request` (its `id` is added); the Future gets the worker's answer."""
        future: Future[dict] = Future()
        with self._lock:
            if self._process is None:
                self._start()
            self._sent += 1
            self._waiting[self._sent] = future
            self._lines.put(json.dumps({**request, "id": self._sent}))
        return future

    def _start(self) -> None:
        if self._first is not None:
            self._lines.put(json.dumps(self._first))
        self._process = subprocess.Popen(
            self._command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=self._env,
            text=True,
            encoding="utf-8",
        )
        for target in (self._write, self._read):
            name = f"{self._name}-{target.__name__[1:]}"
            thread = threading.Thread(target=target, args=(self._process,), name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def _write(self, process: subprocess.Popen) -> None:
        stdin = process.stdin
        while (line := self._lines.get()) is not None:
            try:
                stdin.write(line + "\n")
                stdin.flush()
            except OSError:
                break  # the worker has gone: _read fails what is waiting
        try:
            stdin.close()  # the worker ends once it has answered what it read
        except OSError:
            pass

    def _read(self, process: subprocess.Popen) -> None:
        try:
            for line in process.stdout:
                answer = json.loads(line)
                with self._lock:
                    future = self._waiting.pop(answer["id"])
                future.set_result(answer)
        finally:
            error = self._stopped(process.wait())
            with self._lock:
                left, self._waiting = list(self._waiting.values()), {}
            for future in left:
                future.set_exception(error)

    def close(self, timeout: float | None = None) -> None:
        """Let the worker answer what it was sent, and end it."""
        with self._lock:
            process, self._process = self._process, None
        if process is None:
            return
        self._lines.put(None)
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()
        process.stdout.close()

    def kill(self) -> None:
        """End the worker now: what is waiting fails."""
        with self._lock:
            process = self._process
        if process is not None:
            process.kill()
        self.close()
