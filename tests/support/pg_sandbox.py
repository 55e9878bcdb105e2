"""A throwaway PostgreSQL cluster: initdb in a temporary folder, a Unix socket in that folder, no TCP port.

Never touches the machine's default cluster. As root, the server runs as the `postgres` user (initdb refuses
root). Usage: `with pg_sandbox() as conninfo: psycopg.connect(conninfo)`.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

INSTALL = "PostgreSQL's server is not installed: run `make test` as root, or `sudo apt-get install postgresql`"


class SandboxError(RuntimeError):
    pass


def server_bin() -> Path:
    """The newest server binaries (Debian keeps them off PATH, in /usr/lib/postgresql/<major>/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise SandboxError(INSTALL)


@contextlib.contextmanager
def pg_sandbox(settings: dict[str, str] | None = None) -> Iterator[str]:
    """Start a cluster, yield a libpq connection string, and remove everything afterwards."""
    bin_dir = server_bin()
    folder = Path(tempfile.mkdtemp(prefix="handbook-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
        db_user = "postgres"
    else:
        db_user = pwd.getpwuid(os.geteuid()).pw_name
    data = folder / "data"
    options = {
        "listen_addresses": "''",
        "unix_socket_directories": f"'{folder}'",
        "fsync": "off",
        "synchronous_commit": "off",
        "full_page_writes": "off",
        **(settings or {}),
    }
    option_text = " ".join(f"-c {key}={value}" for key, value in options.items())

    def run(*command: str) -> None:
        result = subprocess.run([*run_as, *command], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise SandboxError(f"{Path(command[0]).name} failed: {result.stderr.strip() or result.stdout.strip()}")

    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "-U", db_user)
        run(
            str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-o", option_text, "-w", "start"
        )
        try:
            yield f"host={folder} port=5432 user={db_user} dbname=postgres"
        finally:
            subprocess.run(
                [*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                capture_output=True,
                check=False,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
