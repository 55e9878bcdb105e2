"""Where the system Chromium is and how to start it here: one place for the build, the tests and the bench.

Debian's `/usr/bin/chromium` (the Makefile installs it); `CHROMIUM` points elsewhere, e.g. Chrome on a CI
runner. The flags keep it from reaching any outside host; `--no-sandbox` because CI runs as root.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
