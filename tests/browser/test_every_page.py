"""Every page of the built site in one Chromium tab: no console error, no failed request, no outside host.

The pages come from sitemap.xml (plus the 404 page); a walk of the built folder proves the sitemap misses
none. Speed (about 110 pages in well under a minute on two cores):

- one context and one tab, so the theme's assets stay in the browser cache;
- each page waits for `load`, then only until its own requests have settled (Playwright's `networkidle`
  would add a fixed half second a page);
- search/search_index.json (Material's search config, which each full page load fetches; the index itself
  is loaded in pieces by the first search only, see handbook/search) is fetched from the server by the first
  page only; later pages get the same file from a route. The request, its response and the worker's start-up
  are still exercised on every page; search itself is tested in test_search.py.
"""

from __future__ import annotations

import json
import re
import time
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import CSP_RECORDER

pytestmark = pytest.mark.browser

SETTLE_MS = 100  # no request in flight for this long after `load`: the page's scripts have fetched what they need
MAX_WAIT_MS = 5_000


def sitemap_pages(site_dir, site_url) -> list[str]:
    locs = re.findall(r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs, "sitemap.xml lists no page"
    assert all(loc.startswith(site_url) for loc in locs), "the sitemap was written for another address"
    return [loc.removeprefix(site_url) for loc in locs]


def built_pages(site_dir) -> set[str]:
    """Every HTML page in the built folder, except redirect stubs and the interactive-layer test fixtures."""
    pages = set()
    for path in site_dir.rglob("index.html"):
        relative = path.parent.relative_to(site_dir).as_posix()
        if relative.startswith("hb-fixture-"):
            continue  # written into the built site by tests/browser/conftest.py, not part of the handbook
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue  # mkdocs-redirects' stub for a moved page's old URL
        pages.add("" if relative == "." else relative + "/")
    return pages


def test_sitemap_lists_every_built_page(site_dir, site_url):
    assert built_pages(site_dir) == set(sitemap_pages(site_dir, site_url))


def test_every_page_loads_cleanly_from_the_local_server_only(browser, site_url, site_dir):
    pages = [*sitemap_pages(site_dir, site_url), "404.html"]
    host = urlsplit(site_url).netloc
    problems: dict[str, list[str]] = {}
    started: dict = {}  # request -> index of the page that made it, while in flight
    aborted: dict[str, str] = {}  # URL cancelled by leaving a page -> that page
    loaded: set[str] = set()
    state = {"page": 0}

    def note(kind: str, detail: str) -> None:
        problems.setdefault(pages[state["page"]], []).append(f"{kind}: {detail}")

    def on_request(request) -> None:
        started[request] = state["page"]
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob") and parts.netloc != host:
            note("outside request", request.url)

    def on_failed(request) -> None:
        started.pop(request, None)
        # Leaving a page cancels what it still had in flight (the favicon, asked for after `load`, say):
        # Chromium reports that as ERR_ABORTED, which says nothing about the resource. Such a URL must then
        # load on some other page; every other failure counts.
        if request.failure == "net::ERR_ABORTED":
            aborted.setdefault(request.url, pages[state["page"]])
        else:
            note("failed request", f"{request.url} ({request.failure})")

    def on_response(response) -> None:
        if response.status < 400:
            loaded.add(response.url)
        elif urlsplit(response.url).netloc == host:
            if not (pages[state["page"]] == "404.html" and response.request.resource_type == "document"):
                note(f"HTTP {response.status}", response.url)

    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    small_index = json.dumps({**index, "docs": index["docs"][:1]})

    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_RECORDER)
    try:
        tab = context.new_page()
        tab.on("console", lambda message: message.type == "error" and note("console error", message.text))
        tab.on("pageerror", lambda error: note("page error", str(error)))
        tab.on("request", on_request)
        tab.on("requestfinished", lambda request: started.pop(request, None))
        tab.on("requestfailed", on_failed)
        tab.on("response", on_response)
        start = time.perf_counter()
        for number, url in enumerate(pages):
            state["page"] = number
            tab.goto(url, wait_until="load")
            quiet_since, waited = time.perf_counter(), 0
            while waited < MAX_WAIT_MS:
                tab.wait_for_timeout(25)
                waited += 25
                if number in started.values():
                    quiet_since = time.perf_counter()
                elif (time.perf_counter() - quiet_since) * 1000 >= SETTLE_MS:
                    break
            for violation in tab.evaluate("window.__cspViolations || []"):
                note("Content-Security-Policy violation", violation)
            # Chromium asks for the favicon by itself, after `load` and at no set time: leaving the page aborts
            # it, and an aborted URL must load on some other page (on_failed), so it is not waited for here.
            mine = (request.url for request, made_by in started.items() if made_by == number)
            if pending := sorted(url for url in mine if not urlsplit(url).path.endswith("/favicon.png")):
                note("still loading", ", ".join(pending))
            if number == 0:  # the real index came from the server once: later pages get the small one
                tab.route(
                    "**/search/search_index.json",
                    lambda route: route.fulfill(body=small_index, content_type="application/json"),
                )
        elapsed = time.perf_counter() - start
    finally:
        context.close()
    for url, where in aborted.items():
        if url not in loaded:
            problems.setdefault(where, []).append(f"never loaded, only cancelled: {url}")
    print(f"\n{len(pages)} pages in {elapsed:.1f} s ({elapsed / len(pages) * 1000:.0f} ms a page)")
    report = "\n".join(f"{url or '/'}:\n  " + "\n  ".join(found) for url, found in problems.items())
    assert not problems, f"{len(problems)} of {len(pages)} pages have problems:\n{report}"
