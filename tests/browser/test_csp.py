"""The Content-Security-Policy blocks nothing the site itself uses (every page is checked in test_every_page.py).

An init script records every `securitypolicyviolation` event into `window.__cspViolations` before any page
script runs; console errors that mention the Content Security Policy are collected too. Instant navigation is
checked on purpose: it swaps content into a page whose policy was written for another page.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import CSP_RECORDER as RECORD

pytestmark = pytest.mark.browser


@pytest.fixture
def tab(browser, site_url):
    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD)
    page = context.new_page()
    page.csp_console = []
    page.on(
        "console",
        lambda m: page.csp_console.append(m.text) if "Content Security Policy" in m.text or "CSP" in m.text else None,
    )
    yield page
    context.close()


def violations(page) -> list[str]:
    found = page.evaluate("window.__cspViolations || []")
    return [*found, *page.csp_console]


def _urls(site_dir) -> list[str]:
    out = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        out.append(relative.removesuffix("index.html"))
    return out


def _pages_with(site_dir, marker: str) -> list[str]:
    return [
        path.parent.relative_to(site_dir).as_posix() + "/"
        for path in sorted(site_dir.rglob("index.html"))
        if marker in path.read_text(encoding="utf-8") and "Redirecting..." not in path.read_text(encoding="utf-8")
    ]


def _instant_go(page, url: str) -> None:
    """Follow a same-site link the way a reader does, so Material's instant navigation handles it."""
    page.evaluate(
        "(url) => { const a = document.createElement('a'); a.href = url; document.body.append(a); a.click(); }", url
    )
    page.wait_for_url(re.compile(re.escape(url) + "$"))
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)


def test_instant_navigation_to_figures_and_quizzes_keeps_within_the_policy(tab, site_dir, site_url):
    tab.goto("", wait_until="load")
    tab.evaluate("window.__sameDocument = true")
    targets = _pages_with(site_dir, 'class="hb-mermaid"')[:6] + _pages_with(site_dir, 'class="hb-quiz"')[:2]
    assert targets, "no page with a Mermaid figure or a quiz"
    for url in targets:
        _instant_go(tab, site_url + url)
        assert tab.evaluate("window.__sameDocument === true"), "instant navigation did not handle the link"
    assert violations(tab) == []


def test_search_quiz_checklist_and_palette_stay_within_the_policy(tab, site_dir, site_url):
    quiz = _pages_with(site_dir, 'class="hb-quiz"')[0]
    checklist = _pages_with(site_dir, 'class="hb-checklist"')[0]
    tab.goto("", wait_until="load")

    # Search: the worker, the index fetch, the results and a highlighted result page.
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    tab.locator(".md-search__input").press_sequentially("replication", delay=20)
    result = tab.locator(".md-search-result__item a").first
    result.wait_for(timeout=10_000)
    result.click()
    tab.wait_for_load_state("load")
    tab.wait_for_timeout(300)

    # A quiz: answer every question, open every explanation.
    _instant_go(tab, site_url + quiz)
    for question in tab.locator("fieldset.hb-question").all()[:5]:
        question.locator("input").first.check()
        check = question.locator("button.hb-question__check")
        if check.count() and check.is_visible():
            check.click()
        question.locator("summary").first.click()

    # A checklist: tick an item.
    _instant_go(tab, site_url + checklist)
    box = tab.locator(".hb-checklist input[type=checkbox]").first
    box.wait_for()
    box.check()

    # The palette toggle, through all three schemes.
    for _ in range(3):
        tab.locator("form[data-md-component=palette] label:visible").first.click()
        tab.wait_for_timeout(100)

    # Tooltips and the copy button, where a page has code.
    code = _pages_with(site_dir, "md-clipboard")
    if code:
        _instant_go(tab, site_url + code[0])
        tab.locator("pre").first.hover()
    assert violations(tab) == []


def test_a_blocked_inline_script_is_reported_by_the_recorder(tab):
    """The recorder works: an inline script injected at run time is blocked and recorded."""
    tab.goto("", wait_until="load")
    tab.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
        " document.body.append(s); }"
    )
    tab.wait_for_timeout(100)
    assert tab.evaluate("window.__ran") is None
    assert any("script-src" in v for v in violations(tab))
