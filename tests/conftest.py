"""Shared fixtures: one built site, one HTTP server and one Chromium for the whole run, however many workers\nrun it (tests/support/shared.py); one PostgreSQL and one set of printed PDFs, each on the worker whose tests\nuse it (their tests are grouped onto one worker).\n"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from handbook.serving import free_port
from tests.support import shared

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config) -> None:
    config.stash[_BEGAN] = shared.begin_run()


def pytest_unconfigure(config) -> None:
    if config.stash.get(_BEGAN, False):
        shared.end_run()


_BEGAN = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def site_port() -> int:
    return shared.once("port", lambda _: free_port())


def _build(out: Path, port: int) -> str:
    # A separate process, as `make build` runs it (and Playwright, used by the build, owns its own loop).
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build.py"),
            "--site-dir",
            str(out),
            "--site-url",
            f"http://127.0.0.1:{port}/",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return str(out)


@pytest.fixture(scope="session")
def site_dir(site_port) -> Path:
    """The whole handbook, built once for the run (by whichever worker asks first) with --strict by the same
    script `make build` uses.

    Like `mkdocs serve`, the build takes the address it will be served from as its site_url: Material's instant
    navigation only follows links that match the host and port written into sitemap.xml.
    """
    try:
        return Path(shared.once("site", lambda folder: _build(folder / "site", site_port)))
    except shared.SharedError as exc:  # every test that needs the site would repeat this: say it once and stop
        pytest.exit(f"the site does not build, so no test that needs it can run:\n{exc}", returncode=1)


@pytest.fixture(scope="session")
def site_overlay() -> Path:
    """Files tests add to the served site (fixture pages, published PDFs): the built site itself stays as built."""

    def make(folder: Path) -> str:
        folder.mkdir()
        return str(folder)

    return Path(shared.once("overlay", make))


@pytest.fixture(scope="session")
def site_url(site_dir, site_port, site_overlay) -> str:
    """The built site served on loopback, as `make serve` would serve it, with the tests' overlay on top: one
    server for the run."""
    return shared.once(
        "server", lambda _: shared.start_service("server", str(site_dir), str(site_port), str(site_overlay))
    )


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the run, behind Playwright's browser server: each worker connects with its own contexts."""
    from playwright.sync_api import sync_playwright

    address = shared.once("browser", lambda _: shared.start_service("browser"))
    with sync_playwright() as playwright:
        chromium = playwright.chromium.connect(address)
        yield chromium
        chromium.close()  # disconnects: the shared Chromium stops when the run ends


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


# Folders whose tests share a costly per-process resource: each folder's tests run in one worker, so
# PostgreSQL starts once and the PDFs are printed once (`make test` runs three pytest-xdist workers).
_ONE_WORKER = {"pdf": "the printed PDFs", "sql": "PostgreSQL"}
_FIRST = {"pdf": 0, "sql": 1, "browser": 2, "build": 3}  # folders in this order, then the rest
# The first PDF test also waits for the session's print (a build, then four PDFs measured and printed): without
# `make pdf`'s layouts in the cache, on two busy cores, that can take longer than pytest-timeout's 300 s: it took
# 769 s beside the other two workers on a slow day, so the limit leaves twice that.
_PRINT_TIMEOUT = 1800
# The longest modules of their folder (pytest --durations), first within it: no worker is left with one at the end.
_LONGEST = ["test_figure_legibility.py", "test_every_page.py", "test_architecture_figures.py", "test_search.py"]


def _order(item) -> tuple[int, int]:
    parts = item.path.relative_to(ROOT / "tests").parts
    longest = _LONGEST.index(parts[-1]) if parts[-1] in _LONGEST else len(_LONGEST)
    return _FIRST.get(parts[0], len(_FIRST)), longest


def pytest_collection_modifyitems(items) -> None:
    """Mark as `site` every test that needs a build, a browser or a database, so `pytest -m "not site"` is the
    quick unit subset (seconds); `database` marks the SQL tests. The longest go first (the PDFs' print is the
    longest single job, then the SQL tests, a minute on one worker): with several workers, the quick unit tests
    fill the gaps at the end."""
    for item in items:
        folder = item.path.relative_to(ROOT / "tests").parts[0]
        if folder in _SITE_FOLDERS or _SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)
        if folder == "sql" or "postgres" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.database)
        if "printed" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.timeout(_PRINT_TIMEOUT))
    items.sort(key=_order)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Tests spread over the workers a module at a time (a module's fixtures are made once), and a _ONE_WORKER
    folder's all on one worker. (pytest-xdist's `loadgroup` marks do not reach its scheduler under pytest 9.)"""
    from xdist.scheduler import LoadScopeScheduling

    config.option.loadscopereorder = False  # keep the order above, not the most tests first

    class ByResource(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            parts = nodeid.split("/")
            return parts[1] if len(parts) > 2 and parts[1] in _ONE_WORKER else super()._split_scope(nodeid)

    return ByResource(config, log)
