"""What every process of one test run shares, made once by whichever process asks first.

`make test` runs the tests in three pytest-xdist workers (on two cores); all use one built site, one HTTP server
and one Chromium. The process that starts the run (the xdist controller, or pytest itself without xdist)
makes a folder and names it in HANDBOOK_TEST_RUN; the workers inherit it. A resource is made under a file
lock and its description written beside it as JSON, so the other processes read what the first made. Servers
and the browser are processes of their own (tests/support/services.py), so they outlive the worker that
started them; the process that began the run stops them at its end, and each stops by itself if that process
is gone.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

ENV = "HANDBOOK_TEST_RUN"
_OWNER = "owner.pid"
_SERVICES = "services.pids"


class SharedError(RuntimeError):
    """Making a shared resource failed: every process that needs it raises this, with the first one's reason."""


def begin_run() -> bool:
    """Make the run's folder unless this process is a worker of a run already begun; True if it made it."""
    if os.environ.get(ENV):
        return False
    folder = Path(tempfile.mkdtemp(prefix="handbook-tests-"))
    (folder / _OWNER).write_text(str(os.getpid()))
    os.environ[ENV] = str(folder)
    return True


def end_run() -> None:
    """Stop every service the run started and remove its folder (only the process that began the run)."""
    folder = Path(os.environ.pop(ENV))
    services = folder / _SERVICES
    for line in services.read_text().split() if services.exists() else []:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(int(line), signal.SIGTERM)
    shutil.rmtree(folder, ignore_errors=True)


def run_folder() -> Path:
    folder = os.environ.get(ENV)
    if not folder:
        raise SharedError(f"{ENV} is not set: tests/conftest.py sets it when a run begins")
    return Path(folder)


@contextlib.contextmanager
def _locked(name: str) -> Iterator[None]:
    with open(run_folder() / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def once(name: str, make: Callable[[Path], object]) -> object:
    """`make(folder)`'s JSON-able result, made by the first process to ask and read back by the others."""
    record_path = run_folder() / f"{name}.json"
    with _locked(name):
        if record_path.exists():
            record = json.loads(record_path.read_text(encoding="utf-8"))
        else:
            try:
                record = {"value": make(run_folder() / name)}
            except (RuntimeError, OSError) as exc:  # every process gets the first one's reason instead of trying again
                record = {"error": f"{type(exc).__name__}: {exc}"}
            record_path.write_text(json.dumps(record), encoding="utf-8")
    if "error" in record:
        raise SharedError(f"{name}: {record['error']}")
    return record["value"]


def start_service(*arguments: str) -> str:
    """Start `python -m tests.support.services ARGUMENTS` for the rest of the run; return the line it prints
    once ready (its address)."""
    root = Path(__file__).resolve().parents[2]
    owner = (run_folder() / _OWNER).read_text()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.support.services", "--owner", owner, *arguments],
        cwd=root,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: stopped as one with what it started (Chromium)
    )
    with open(run_folder() / _SERVICES, "a") as pids:
        pids.write(f"{process.pid}\n")
    ready = process.stdout.readline().strip()
    if not ready:
        raise SharedError(f"{' '.join(arguments)} exited before it was ready (code {process.wait()})")
    return ready
