"""Shared fixtures: one built site, one HTTP server and one Chromium for the whole session."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.figures.chromium import CHROMIUM, CHROMIUM_ARGS
from handbook.serving import serve

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, site_port) -> Path:
    """The whole handbook, built once with --strict by the same script `make build` uses.

    Like `mkdocs serve`, the build takes the address it will be served from as its site_url: Material's instant
    navigation only follows links that match the host and port written into sitemap.xml.
    """
    out = tmp_path_factory.mktemp("built") / "site"
    # A separate process, as `make build` runs it (and Playwright, used by the build, owns its own loop).
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build.py"),
            "--site-dir",
            str(out),
            "--site-url",
            f"http://127.0.0.1:{site_port}/",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"the site does not build:\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def site_url(site_dir, site_port) -> str:
    """The built site served on loopback, as `make serve` would serve it."""
    with serve(site_dir, site_port) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh browser context per test (its own localStorage), recording every request it makes."""
    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


@pytest.fixture(scope="session")
def postgres():
    """One throwaway PostgreSQL for the whole session (never the machine's default cluster)."""
    from tests.support.pg_sandbox import pg_sandbox
    from tests.support.sql_examples import SERVER_SETTINGS

    with pg_sandbox(SERVER_SETTINGS) as conninfo:
        yield conninfo
