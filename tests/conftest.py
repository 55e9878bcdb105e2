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
    if result.returncode != 0:  # every test that needs the site would repeat this: say it once and stop
        pytest.exit(f"the site does not build, so no test that needs it can run:\n{result.stderr}", returncode=1)
    return out


@pytest.fixture(scope="session")
def site_overlay(tmp_path_factory) -> Path:
    """Files tests add to the served site (fixture pages, published PDFs): the built site itself stays as built."""
    return tmp_path_factory.mktemp("overlay")


@pytest.fixture(scope="session")
def site_url(site_dir, site_port, site_overlay) -> str:
    """The built site served on loopback, as `make serve` would serve it, with the tests' overlay on top."""
    with serve(site_dir, site_port, overlay=site_overlay) as url:
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


# Fixtures that need the whole machinery: a build of the handbook, a browser, a printed PDF or PostgreSQL.
_SITE_FIXTURES = {"site_dir", "site_url", "browser", "page", "printed", "postgres", "fixture_pages"}
_SITE_FOLDERS = {"build", "browser", "pdf", "sql"}  # these build, serve, print or query by design


def pytest_collection_modifyitems(items) -> None:
    """Mark as `site` every test that needs a build, a browser or a database, so `pytest -m "not site"` is the
    quick unit subset (seconds); `database` marks the SQL tests."""
    for item in items:
        folder = item.path.relative_to(ROOT / "tests").parts[0]
        if folder in _SITE_FOLDERS or _SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)
        if folder == "sql" or "postgres" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.database)
