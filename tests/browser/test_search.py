"""Material's search in headless Chromium: typed terms find the page that teaches them, before and after an
instant navigation.

Typing uses `press_sequentially` (real key events): Material's search reacts to keys, and `fill()` leaves it
on "Type to start searching".
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Term typed -> the pages (any of them) that teach it. Material ranks documents by their best section and
# ORs the words, so a page that only says "token" can rank high for "token bucket": the teaching page must
# be on the first screen of results (the first TOP documents) with sections that match every word.
CASES = {
    "write skew": ("databases/transactions/",),
    "token bucket": ("api/rate-limiting/", "system-design/case-studies/rate-limiter-service/"),
    "consumer group": ("messaging/queues-and-logs/",),
    "fencing token": ("distributed/locks-and-leases/",),
    "circuit breaker": ("resilience/circuit-breakers-and-bulkheads/",),
    "consistent hashing": ("data/consistent-hashing/",),
}
TOP = 5


def search(page, term: str) -> dict[str, list[str]]:
    """Type `term` in the header search; return {page path: highlighted words of each of its result links},
    best document first. Waits until the results are those of the whole term, not of a prefix."""
    # Focusing the box opens the search. Typing into a box that kept its focus while the search closed fills
    # hidden results, and a click on the icon of an open search closes it: both flaked about one run in ten.
    query = page.locator(".md-search__input")
    if not page.locator("#__search").is_checked():
        query.blur()
        query.click()
    expect(page.locator("#__search")).to_be_checked()
    query.fill("")
    query.press_sequentially(term, delay=20)
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile(r"\d+ matching document"))
    last_word = term.split()[-1]
    # The links carry the words they matched (search.highlight): once one carries the last word, the
    # results are those of the full query.
    complete = f".md-search-result__item :is(a[href*='h={last_word}'], a[href*='+{last_word}'])"
    expect(page.locator(complete).first).to_be_visible()
    items = page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(item => [...item.querySelectorAll('a')].map(a => a.href))"
    )
    found: dict[str, list[str]] = {}
    for links in items:  # one list item per document: the page first, then its matching sections
        path = urlsplit(links[0]).path.lstrip("/")
        found[path] = [" ".join(parse_qs(urlsplit(link).query).get("h", [""])[0].split()) for link in links]
    return found


def teaches(found: dict[str, list[str]], path: str, term: str) -> bool:
    """`path` is on the first screen of results and some of its sections match every word of `term`."""
    return path in list(found)[:TOP] and any(set(term.split()) <= set(h.split()) for h in found[path])


def foreign(page, site_url: str) -> list[str]:
    return [url for url in page.requests if not url.startswith((site_url, "data:", "blob:"))]


@pytest.mark.parametrize("term", list(CASES))
def test_a_typed_term_finds_the_page_that_teaches_it(page, site_url, site_dir, term):
    expected = CASES[term]
    teaching = [path for path in expected if (site_dir / path / "index.html").is_file()]
    assert teaching, f"none of {expected} is in the built site: update CASES"
    page.goto("")
    found = search(page, term)
    assert any(teaches(found, path, term) for path in teaching), (
        f"{term!r}: expected one of {teaching} in the first {TOP} results, got {list(found)[:10]}"
    )
    assert foreign(page, site_url) == []


def test_search_still_works_after_an_instant_navigation(page, site_url):
    page.goto("")
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has read sitemap.xml
    assert "write skew" in CASES and "consumer group" in CASES
    assert teaches(search(page, "write skew"), "databases/transactions/", "write skew")
    page.keyboard.press("Escape")
    page.evaluate("window.__shell = true")
    page.locator(".md-nav__link[href$='distributed/locks-and-leases/']").first.click()
    expect(page).to_have_url(re.compile(r"distributed/locks-and-leases/$"))
    expect(page.locator(".md-content h1").first).to_contain_text(re.compile("lock", re.IGNORECASE))
    assert page.evaluate("window.__shell === true"), "the navigation was instant, not a full reload"
    # The header (and its search box) survives the navigation.
    assert teaches(search(page, "consumer group"), "messaging/queues-and-logs/", "consumer group")
    # A result is itself followed by instant navigation and lands on the page with the term highlighted.
    page.locator(".md-search-result__item a[href*='messaging/queues-and-logs/']:visible").first.click()
    expect(page).to_have_url(re.compile(r"messaging/queues-and-logs/\?h=consumer\+group"))
    expect(page.locator("mark[data-md-highlight]").first).to_be_attached()
    assert page.evaluate("window.__shell === true")
    assert foreign(page, site_url) == []
