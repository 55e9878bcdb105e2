"""The coding problems in Chromium: the index lists all 35 with the reader's marks, and a mark chosen on a
problem page survives a reload and shows on the index (one context, three page loads)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from handbook.content.problems import load_problems
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PROBLEM_SET = load_problems(ROOT)
PROBLEM_SET.check_pages(ROOT)  # reads the teaching sections' titles


def test_index_lists_every_problem_and_a_mark_persists_across_reload(page):
    page.goto("/practice/problems/", wait_until="domcontentloaded")
    rows = page.locator(".hb-problem-status[data-problem-id]")
    expect(rows).to_have_count(35)
    ids = rows.evaluate_all("cells => cells.map(cell => cell.dataset.problemId)")
    assert sorted(ids) == sorted(p.id for p in PROBLEM_SET.problems)
    summary = page.locator(".hb-problem-summary")
    expect(summary).to_have_text("Your marks: 0 solved, 0 with hints, 0 not yet, 35 of 35 not marked.")

    page.locator('a[href$="heaps/#lease-expiry"]').click()  # instant navigation to the problem's section
    mark = page.locator('.hb-problem-mark[data-problem-id="lease-expiry"]')
    expect(mark).to_be_visible()
    expect(page.locator("#lease-expiry + .hb-problem-head .hb-timer")).to_be_attached()
    mark.get_by_label("Needed hints").check()
    expect(mark.locator(".hb-problem-mark__status")).to_have_text("Marked: needed hints.")

    page.reload(wait_until="domcontentloaded")
    mark = page.locator('.hb-problem-mark[data-problem-id="lease-expiry"]')
    expect(mark.get_by_label("Needed hints")).to_be_checked()
    expect(mark.get_by_label("Solved")).not_to_be_checked()
    other = page.locator('.hb-problem-mark[data-problem-id="merge-sorted-logs"]')
    expect(other.get_by_label("Solved")).not_to_be_checked()  # one problem's mark does not leak to another
    stored = page.evaluate("JSON.parse(localStorage.getItem('hb-progress')).practice.problems")
    assert stored["version"] == 1 and stored["marks"]["lease-expiry"]["mark"] == "hints"

    page.goto("/practice/problems/", wait_until="domcontentloaded")
    expect(page.locator('.hb-problem-status[data-problem-id="lease-expiry"]')).to_have_text("Needed hints")
    expect(page.locator(".hb-problem-summary")).to_have_text(
        "Your marks: 0 solved, 1 with hints, 0 not yet, 34 of 35 not marked."
    )


def test_a_problem_page_with_a_mark_chosen_has_no_serious_accessibility_violation(browser, site_url):
    from tests.browser.test_accessibility import violations

    # bypass_csp lets axe be injected as an inline script; it changes nothing axe measures.
    context = browser.new_context(base_url=site_url, viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto("/practice/problems/heaps/", wait_until="domcontentloaded")
        mark = page.locator('.hb-problem-mark[data-problem-id="merge-sorted-logs"]')
        mark.get_by_label("Solved").check()
        expect(mark.locator(".hb-problem-mark__clear")).to_be_visible()
        page.locator("#merge-sorted-logs ~ details").first.locator("summary").click()  # Hint 1 open
        found = violations(page)
        assert not found, "\n".join(found)
        mark.locator(".hb-problem-mark__clear").click()
        expect(mark.get_by_label("Solved")).not_to_be_checked()
        assert page.evaluate("JSON.parse(localStorage.getItem('hb-progress')).practice.problems.marks") == {}
    finally:
        context.close()
