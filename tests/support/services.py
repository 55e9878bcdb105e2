"""The test run's long-lived services, each a process of its own (started by tests/support/shared.py).

    python -m tests.support.services --owner PID server SITE PORT OVERLAY
    python -m tests.support.services --owner PID browser

Each prints one line once ready (the server's URL; the browser server's address for Playwright's
`chromium.connect`), then runs until it is sent SIGTERM or the process PID (the one that began the run) is gone.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from handbook.figures.chromium import CHROMIUM, CHROMIUM_ARGS
from handbook.serving import serve


@contextmanager
def _browser() -> Iterator[str]:
    """Chromium behind Playwright's browser server: each client that connects gets its own view of it (its own
    contexts, routes and emulation), which a plain DevTools connection would not give several workers."""
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "launch.json"
        config.write_text(json.dumps({"executablePath": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}))
        server = subprocess.Popen(
            [sys.executable, "-m", "playwright", "launch-server", "--browser", "chromium", "--config", str(config)],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            address = server.stdout.readline().strip()
            if not address.startswith("ws://"):
                raise SystemExit(f"Playwright's browser server did not start (code {server.wait()})")
            yield address
        finally:
            server.terminate()
            server.wait()


def _wait_for_owner(owner: int) -> None:
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    while not stop:
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            return
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--owner", type=int, required=True)
    kinds = parser.add_subparsers(dest="kind", required=True)
    server = kinds.add_parser("server")
    server.add_argument("site", type=Path)
    server.add_argument("port", type=int)
    server.add_argument("overlay", type=Path)
    kinds.add_parser("browser")
    args = parser.parse_args()
    running = serve(args.site, args.port, overlay=args.overlay) if args.kind == "server" else _browser()
    with running as address:
        print(address, flush=True)
        _wait_for_owner(args.owner)


if __name__ == "__main__":
    sys.exit(main())
