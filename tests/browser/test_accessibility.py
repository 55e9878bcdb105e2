"""axe-core (node_modules/axe-core) on representative pages in light mode: no "serious" or "critical" violation.

The pages: the home page, a topic page with a quiz and an architecture figure, a checklist and the quizzes
index, each once its scripts have made it interactive, and the topic page again with a quiz question
answered (the right/wrong colours and the feedback).

What was fixed at the source when these tests were written: links in running text are underlined
(handbook.css; Material's indigo links are 2.3:1 against body text, axe: link-in-text-block); the search
dialog and the instant-navigation progress bar got accessible names (overrides/partials/search.html and
progress.html; axe: aria-dialog-name, aria-progressbar-name); on desktop the sidebar's site title no longer
sticks over the links (handbook.css; axe: target-size, on pages whose sidebar opens scrolled, such as the
checklist). No rule is excluded.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}

# Page -> (what makes it representative, selector that proves the page still has it and is ready).
PAGES = {
    "": ("home page", ".md-content h1"),
    "data/replication/": ("topic page with a quiz and a figure", ".hb-quiz[data-hb-ready]"),
    "checklists/data-at-scale/": ("checklist", ".hb-checklist[data-hb-ready]"),
    "quizzes/": ("quizzes index", ".hb-quiz-progress"),
    "study/figures/": ("figure gallery with its filter", ".hb-gallery__filter[data-ready]"),
}


@pytest.fixture
def light(browser, site_url):
    # The pages' Content-Security-Policy allows only hashed inline scripts: bypass_csp lets
    # add_script_tag inject axe (as an inline script). It changes nothing axe measures.
    context = browser.new_context(
        base_url=site_url, color_scheme="light", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    yield context.new_page()
    context.close()


def violations(page) -> list[str]:
    """axe's serious and critical violations, one line per offending element."""
    assert AXE.is_file(), "run `npm ci`: axe-core is missing"
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    # target-size (WCAG 2.2 AA, which Lighthouse checks) is named so it runs whatever axe's defaults become.
    result = page.evaluate("axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})")
    return [
        f"{rule['impact']} {rule['id']} ({rule['help']}): {node['target']} {node['html'][:120]}"
        for rule in result["violations"]
        if rule["impact"] in BLOCKING
        for node in rule["nodes"]
    ]


@pytest.mark.parametrize("url", list(PAGES))
def test_no_serious_or_critical_violation(light, url):
    what, ready = PAGES[url]
    light.goto(url)
    expect(light.locator(ready).first).to_be_attached()
    assert light.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default", "light mode"
    if url == "data/replication/":
        expect(light.locator("figure.hb-figure img").first).to_be_attached()
    light.wait_for_load_state("networkidle")
    found = violations(light)
    assert not found, f"{what} {url or '/'}:\n" + "\n".join(found)


def test_an_answered_quiz_has_no_serious_or_critical_violation(light):
    light.goto("data/replication/")
    expect(light.locator(".hb-quiz[data-hb-ready]").first).to_be_attached()
    questions = light.locator(".hb-question")
    first, second = questions.nth(0), questions.nth(1)
    right = first.get_attribute("data-correct").split(",")[0]
    first.locator(f"label[for$='-{right}']").click()
    wrong = next(
        value
        for value in second.locator("input").evaluate_all("inputs => inputs.map(i => i.value)")
        if value not in second.get_attribute("data-correct").split(",")
    )
    second.locator(f"label[for$='-{wrong}']").click()
    if second.locator(".hb-question__check").is_visible():  # a multiple-answer question is checked by button
        second.locator(".hb-question__check").click()
    expect(first.locator(".hb-feedback")).to_contain_text("Correct")
    expect(second.locator(".hb-feedback")).to_contain_text("Wrong")
    light.wait_for_timeout(300)  # the feedback's appear animation has ended: axe measures final colours
    found = violations(light)
    assert not found, "data/replication/ answered:\n" + "\n".join(found)
