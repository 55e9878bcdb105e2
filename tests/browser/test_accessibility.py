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

The practice pages, foundations, prep plans, flashcards and simulators were added later, each checked in light
mode once it is in the state a reader sees it in (a loop with the interviewer's script shown, a case study with
a practice run on, a flashcard with its answer shown, a simulator mounted). Dark mode is checked where the
handbook styles it itself (its buttons, the gallery, flashcards, code colours); the phone width where the
handbook's own CSS changes the layout (wide tables scroll sideways). Fixed then: Material's slate code colours
for numbers and builtins (4.4:1; handbook.css), code in the gallery's captions on slate (figures.css), the loop
mode's outlined buttons on slate (handbook.css), tables that scroll sideways on phones take a tab stop
(scroll-regions.js; axe: scrollable-region-focusable).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LAY_OUT_EVERYTHING

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


# Page -> (what it represents, selectors that prove it is ready, what a reader does first) for the later pages.
SIM = "[data-hb-sim-ready]"


def show_the_interviewers_script(page):
    page.get_by_role("button", name="Start the loop").click()
    page.get_by_role("button", name="I'm the interviewer: show the script").click()
    expect(page.locator(".hb-loop-mode__pause")).to_be_visible()


def start_a_practice_run(page):
    page.get_by_role("button", name="Start practice").first.click()
    expect(page.locator(".hb-run__notice")).to_be_visible()


def show_an_answer(page):
    page.get_by_role("button", name="Show answer").click()
    expect(page.locator(".hb-card__answer")).to_be_visible()


READER_PAGES = {
    "practice/loops/commerce-platform/": (
        "mock loop, interviewer's script shown",
        [".hb-loop-mode[data-hb-ready]"],
        show_the_interviewers_script,
    ),
    "practice/problems/graphs/": ("coding problems with marks", [".hb-problem-mark"], None),
    "practice/drills/booking/": ("schema drill with code", [".md-content .highlight"], None),
    "system-design/case-studies/ticket-booking/": (
        "case study, practice run on",
        [".hb-run[data-hb-run-ready]"],
        start_a_practice_run,
    ),
    "start/plan-4-weeks/": ("prep-plan track", [".hb-checklist[data-hb-ready]"], None),
    "study/flashcards/": ("flashcards, answer shown", [".hb-flashcards[data-hb-ready=true]"], show_an_answer),
    "distributed/consensus-raft/": ("simulator page", [SIM], None),
    "data/replication/": ("simulator page with wide tables", [SIM, ".hb-quiz[data-hb-ready]"], None),
    "study/figures/": ("figure gallery", [".hb-gallery__filter[data-ready]"], None),
    "quizzes/": ("quizzes index with its progress table", [".hb-dashboard[data-hb-ready=true]"], None),
}
# (page, colour scheme, viewport width): light on a laptop for each page PAGES does not check already, dark
# where the handbook styles the page itself (the drill only there: its light code colours are Material's), the
# phone where its CSS changes the layout.
DARK_ONLY = {"practice/drills/booking/"}
READER_CASES = [(url, "light", 1280) for url in READER_PAGES if url not in PAGES and url not in DARK_ONLY] + [
    ("practice/loops/commerce-platform/", "dark", 1280),
    ("practice/drills/booking/", "dark", 1280),
    ("study/flashcards/", "dark", 390),
    ("study/figures/", "dark", 1280),
    ("data/replication/", "dark", 390),
    ("quizzes/", "light", 390),
]
SCHEMES = {"light": "default", "dark": "slate"}
HEIGHTS = {1280: 900, 390: 844}


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
    page.evaluate(LAY_OUT_EVERYTHING)
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


@pytest.mark.parametrize(("url", "scheme", "width"), READER_CASES, ids=lambda v: str(v).strip("/") or "home")
def test_a_page_as_the_reader_uses_it_has_no_serious_or_critical_violation(browser, site_url, url, scheme, width):
    what, ready, act = READER_PAGES[url]
    context = browser.new_context(
        base_url=site_url,
        color_scheme=scheme,
        viewport={"width": width, "height": HEIGHTS[width]},
        bypass_csp=True,
    )
    try:
        page = context.new_page()
        page.goto(url)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme]
        if SIM in ready:  # a simulator mounts once it scrolls near the viewport
            for block in page.locator(".hb-sim").all():
                block.scroll_into_view_if_needed()
        for selector in ready:
            expect(page.locator(selector).first).to_be_attached()
        page.wait_for_load_state("networkidle")
        if act:
            act(page)
        page.wait_for_timeout(300)  # transitions have ended: axe measures final colours
        found = violations(page)
        assert not found, f"{what} {url} ({scheme}, {width} px):\n" + "\n".join(found)
    finally:
        context.close()
