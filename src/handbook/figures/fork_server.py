"""Run figure scripts in children forked from one process that imported their heavy modules once.

A chart script needs matplotlib (about 0.4 s of start-up), an architecture script `diagrams` and Pillow: started
as a process of its own, each script pays for them again. The server imports a runner module
(`handbook.figures.chart_script`, `handbook.figures.architecture_script`) and its `preload()`, then forks a child
for each job, which calls the runner's `main(argv)` exactly as `python -m <runner> ARGS` would: every script
still starts from a pristine interpreter (pyplot's and the `diagrams` package's module-level state, the examples
a chart imports), so its output is byte for byte what a process of its own would write, and its one-line error
(stderr, exit status 1) comes back the same way.

Usage: python -P -m handbook.figures.fork_server RUNNER. Requests on stdin and answers on stdout are JSON lines:
`{"id", "argv", "cwd", "env"}` in, `{"id", "code", "stderr"}` out, as each child ends.
"""

from __future__ import annotations

import importlib
import json
import os
import selectors
import signal
import sys
import tempfile
import traceback
from pathlib import Path

from handbook.errors import FigureError
from handbook.figures.json_worker import JsonWorker, environment

TIMEOUT = 120  # seconds a script may run, as each had in a process of its own


def _child(runner, job: dict, write: int) -> None:
    """In the forked child: run the job with stderr into `write`; never return."""
    code = 1
    try:
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        os.dup2(null, 1)  # stdout carries the server's answers: a script's prints must not land there
        os.dup2(write, 2)
        os.chdir(job["cwd"])
        os.environ.update(job["env"])
        signal.alarm(TIMEOUT)  # the default action ends the child; the server reports the signal
        code = runner.main(job["argv"])
    except BaseException:  # noqa: BLE001 - reported on stderr like an uncaught error in a process of its own
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001, S110 - nothing more to say from a child that is ending
                pass
        os._exit(code or 0)


def _finished(job_id, pid: int, chunks: list[bytes]) -> dict:
    status = os.waitpid(pid, 0)[1]
    code = os.waitstatus_to_exitcode(status)
    return {"id": job_id, "code": code, "stderr": b"".join(chunks).decode("utf-8", "replace")}


def serve(runner_name: str) -> None:
    """Answer jobs from stdin until it closes and every child has ended."""
    runner = importlib.import_module(runner_name)
    getattr(runner, "preload", lambda: None)()
    selector = selectors.DefaultSelector()
    selector.register(0, selectors.EVENT_READ)
    children: dict[int, tuple[object, int, list[bytes]]] = {}  # stderr pipe -> (job id, pid, what it wrote)
    pending, reading = b"", True
    while reading or children:
        for key, _ in selector.select():
            data = os.read(key.fd, 65536)
            if key.fd == 0 and data:
                pending += data
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    job = json.loads(line)
                    read, write = os.pipe()
                    pid = os.fork()
                    if pid == 0:
                        os.close(read)
                        _child(runner, job, write)
                    os.close(write)
                    children[read] = (job["id"], pid, [])
                    selector.register(read, selectors.EVENT_READ)
            elif key.fd == 0:
                selector.unregister(0)
                reading = False
            elif data:
                children[key.fd][2].append(data)
            else:
                selector.unregister(key.fd)
                os.close(key.fd)
                answer = _finished(*children.pop(key.fd))
                sys.stdout.write(json.dumps(answer) + "\n")
                sys.stdout.flush()


def failure(code: int, stderr: str, display: str) -> str:
    """The one line that says why a job failed: the script's own last line, else what ended it."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    if code < 0:
        return f"{display}: the script was stopped by signal {-code} (ran over {TIMEOUT} s, or out of memory?)"
    return lines[-1] if lines else f"{display}: the script failed with no message"


class ForkServer:
    """The client: `run(argv, cwd, env)` from any thread; the server starts on the first job (a build with every
    figure cached starts none) and stops in `close`."""

    def __init__(self, runner_name: str) -> None:
        self.runner_name = runner_name
        self._errors = tempfile.TemporaryFile()
        command = [sys.executable, "-P", "-m", "handbook.figures.fork_server", runner_name]
        self._worker = JsonWorker(
            command, self._stopped, name=f"fork-server-{runner_name}", env=environment(), stderr=self._errors
        )

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def run(self, argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
        """Exit status and stderr of `main(argv)` run in a fresh child, in `cwd`, with `env` added."""
        answer = self._worker.submit({"argv": argv, "cwd": str(cwd), "env": env or {}}).result()
        return answer["code"], answer["stderr"]

    def _stopped(self, _code: int) -> FigureError:
        self._errors.seek(0)
        lines = [line for line in self._errors.read().decode("utf-8", "replace").splitlines() if line.strip()]
        return FigureError(f"the figure runner {self.runner_name} stopped" + (f": {lines[-1]}" if lines else ""))

    def close(self) -> None:
        self._worker.close(timeout=TIMEOUT)  # the server ends once its last child has
        self._errors.close()


if __name__ == "__main__":
    serve(sys.argv[1])
