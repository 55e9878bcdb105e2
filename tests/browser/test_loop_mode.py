"""Loop mode on the mock-loop pages, in headless Chromium: the round clock, the hidden script, self-scores kept
in hbProgress and shown in the history after a reload, keyboard-only use, the phone width, and the printed
scorecards (one page per round on A4 and Letter)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.contexts import real_data

pytestmark = pytest.mark.browser

LOOP_ID = "commerce-platform"
LOOP = f"practice/loops/{LOOP_ID}/"
PRACTICE = real_data().practice


def first_round():
    return PRACTICE.loops[LOOP_ID].model.rounds[0]


def open_loop(page, url: str = LOOP):
    page.goto(url, wait_until="domcontentloaded")
    expect(page.locator(".hb-loop-mode[data-hb-ready]")).to_be_attached()


def stored_loops(page):
    return page.evaluate("() => window.hbProgress.practice('loops')")


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_round_clock_runs_pauses_and_ends_the_round(page):
    page.clock.install()
    open_loop(page)
    minutes = first_round().minutes
    page.get_by_role("button", name="Start the loop").click()
    readout = page.locator(".hb-loop-mode__readout")
    expect(readout).to_have_text(f"{minutes:02d}:00")
    page.clock.run_for("10:00")
    expect(readout).to_have_text(f"{minutes - 10:02d}:00")
    page.get_by_role("button", name="Pause").click()
    page.clock.run_for("05:00")
    expect(readout).to_have_text(f"{minutes - 10:02d}:00")
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(f"{minutes - 10:02d}:01")
    expect(page.locator(".hb-loop-mode__score")).to_be_visible()
    expect(page.locator(".hb-loop-mode__heading")).to_contain_text("Time is up")
    expect(page.locator(".hb-loop-mode__status")).to_have_text(re.compile("Time is up"))


def test_the_script_stays_hidden_until_the_interviewer_asks_for_it(page):
    open_loop(page)
    page.get_by_role("button", name="Start the loop").click()
    panel = page.locator(".hb-loop-mode")
    round_ = first_round()
    expect(panel.locator(".hb-round__prompt")).to_contain_text(round_.prompt.split()[1])
    answer = round_.clarifications[0].answer.split(".")[0]
    script = panel.locator(".hb-loop-mode__script")
    expect(script).to_be_hidden()
    # The page's own rounds (which hold the script too) are out of sight while the loop runs.
    expect(page.locator(".md-content__inner > .hb-round").first).to_be_hidden()
    reveal = page.get_by_role("button", name="I'm the interviewer: show the script")
    expect(reveal).to_have_attribute("aria-expanded", "false")
    reveal.click()
    expect(script).to_be_visible()
    expect(script).to_contain_text(answer)
    expect(page.get_by_role("button", name="Hide the script")).to_have_attribute("aria-expanded", "true")
    page.get_by_role("button", name="Stop the loop").click()
    expect(page.locator(".md-content__inner > .hb-round").first).to_be_visible()


def test_a_self_score_is_saved_and_shown_in_the_history_after_a_reload(page):
    open_loop(page)
    round_ = first_round()
    rubric = PRACTICE.rubric.of(round_.kind)
    first, second = rubric.dimensions[0], rubric.dimensions[1]
    page.get_by_role("button", name="Start the loop").click()
    page.get_by_role("button", name="End the round").click()
    form = page.locator(".hb-loop-mode__score")
    form.get_by_role("group", name=first.name).get_by_label("Senior").check()
    form.get_by_role("group", name=second.name).get_by_label("Not shown").check()
    form.get_by_label(f"Note on {first.name.lower()}").fill("Named the heap for the tie-break at once")
    page.get_by_role("button", name="Save the scores").click()
    expect(page.locator(".hb-loop-mode__heading")).to_contain_text("Break before round 2")
    value = stored_loops(page)
    assert value["version"] == 1
    (attempt,) = value["attempts"]
    assert attempt["loop"] == LOOP_ID
    saved = attempt["rounds"][round_.id]
    assert saved["scores"] == {first.id: "senior", second.id: "none"}
    assert saved["notes"] == {first.id: "Named the heap for the tie-break at once"}
    for url in (LOOP, "practice/loops/"):
        page.goto(url, wait_until="domcontentloaded")
        history = page.locator(".hb-history")
        row = history.locator(f".hb-history__kind[data-kind='{round_.kind}'] tr[data-dimension='{first.id}']")
        expect(row).to_be_visible()
        expect(row).to_contain_text("Senior")
        expect(row).to_contain_text("Named the heap")
        expect(
            history.locator(f".hb-history__kind[data-kind='{round_.kind}'] tr[data-dimension='{second.id}']")
        ).to_contain_text("Not shown")
        expect(history.locator(".hb-history__empty")).to_be_hidden()
        # Kinds not yet scored stay out of the way.
        expect(history.locator(".hb-history__kind[data-kind='behavioral']")).to_be_hidden()


def tab_to(page, name: str, limit: int = 40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        text = page.evaluate("() => (document.activeElement.textContent || document.activeElement.value || '').trim()")
        if text == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def test_loop_mode_works_with_the_keyboard_alone(page):
    open_loop(page)
    page.locator(".hb-loop-mode__start").focus()
    page.keyboard.press("Enter")
    heading = page.locator(".hb-loop-mode__heading")
    expect(heading).to_be_focused()  # focus follows the new phase
    tab_to(page, "I'm the interviewer: show the script")
    page.keyboard.press("Space")
    expect(page.locator(".hb-loop-mode__script")).to_be_visible()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    tab_to(page, "End the round")
    page.keyboard.press("Enter")
    expect(page.locator(".hb-loop-mode__score")).to_be_visible()
    expect(heading).to_be_focused()
    page.keyboard.press("Tab")  # the first dimension's radio group: arrows move the choice
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    page.keyboard.type("Traced a cycle unprompted")
    tab_to(page, "Save the scores")
    page.keyboard.press("Enter")
    expect(page.locator(".hb-loop-mode__heading")).to_contain_text("Break before round 2")
    saved = stored_loops(page)["attempts"][0]["rounds"][first_round().id]
    first = PRACTICE.rubric.of(first_round().kind).dimensions[0].id
    assert saved["scores"] == {first: "senior"}
    assert saved["notes"] == {first: "Traced a cycle unprompted"}
    page.get_by_role("button", name="Start the next round now").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".hb-loop-mode__heading")).to_contain_text("Round 2 of 5 · ")


def test_the_break_starts_the_next_round_by_itself(page):
    page.clock.install()
    open_loop(page)
    page.get_by_role("button", name="Start the loop").click()
    page.get_by_role("button", name="End the round").click()
    page.locator(".hb-loop-mode__dimension").first.get_by_label("Mid").check()
    page.get_by_role("button", name="Save the scores").click()
    breaking = PRACTICE.loops[LOOP_ID].model.break_minutes
    expect(page.locator(".hb-loop-mode__readout")).to_have_text(f"{breaking:02d}:00")
    page.clock.run_for(f"{breaking:02d}:01")
    second = PRACTICE.loops[LOOP_ID].model.rounds[1]
    expect(page.locator(".hb-loop-mode__heading")).to_contain_text(f"Round 2 of 5 · System design: {second.title}")
    # The installed clock still flows in real time between the test's steps: a few seconds may have gone.
    expect(page.locator(".hb-loop-mode__readout")).to_have_text(
        re.compile(rf"^{second.minutes - 1}:5\d$|^{second.minutes}:00$")
    )


def test_the_panel_fits_a_phone_in_both_colour_schemes(browser, site_url):
    for scheme in ("light", "dark"):
        context = browser.new_context(
            base_url=site_url, viewport={"width": 390, "height": 844}, color_scheme=scheme, is_mobile=True
        )
        page = context.new_page()
        open_loop(page)
        page.get_by_role("button", name="Start the loop").click()
        page.get_by_role("button", name="I'm the interviewer: show the script").click()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        page.get_by_role("button", name="End the round").click()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        context.close()


MARGINS = {side: "0.4in" for side in ("top", "bottom", "left", "right")}  # close to a browser's default


def printed_pages(page, paper: str, press) -> int:
    """Press a print button (window.print stubbed), then print the page as the browser would. Printing fires
    `afterprint`, which puts the page back as it was: each print starts from its button, as a reader's does."""
    page.emulate_media(media="screen")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    press()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    return pdf_pages(page.pdf(format=paper, margin=MARGINS))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_rounds_scorecard_prints_on_one_page_from_loop_mode(page, paper):
    loop = PRACTICE.loops[LOOP_ID].model
    open_loop(page)
    page.get_by_role("button", name="Start the loop").click()
    page.get_by_role("button", name="End the round").click()
    press = page.get_by_role("button", name="Print this round's scorecard").click
    assert printed_pages(page, paper, press) == 1
    page.emulate_media(media="screen")
    press()
    page.emulate_media(media="print")
    visible = page.locator(".hb-scorecard:visible")
    expect(visible).to_have_count(1)
    expect(visible).to_contain_text(loop.rounds[0].title)
    expect(visible).to_contain_text(loop.rounds[0].lost_moments[0].split()[0])


def test_every_loop_prints_one_scorecard_page_per_round_on_a4_and_letter(page):
    for loop_id, item in PRACTICE.loops.items():
        open_loop(page, f"practice/loops/{loop_id}/")
        press = page.get_by_role("button", name=f"Print all {len(item.model.rounds)} scorecards").click
        for paper in ("A4", "Letter"):
            pages = printed_pages(page, paper, press)
            assert pages == len(item.model.rounds), f"{loop_id}: {pages} {paper} pages"


def test_loop_mode_starts_after_instant_navigation_and_stops_when_left(page):
    page.goto("practice/loops/", wait_until="domcontentloaded")
    expect(page.locator(".hb-history")).to_be_attached()
    page.evaluate("() => { window.__samePage = true; }")
    page.locator(f".md-content a[href*='{LOOP_ID}']").first.click()
    expect(page.locator(".hb-loop-mode[data-hb-ready]")).to_be_attached()
    assert page.evaluate("window.__samePage") is True, "Material's instant navigation loaded the page"
    page.get_by_role("button", name="Start the loop").click()
    expect(page.locator(".hb-loop-mode__readout")).to_be_visible()
    page.locator(".md-nav a[href$='practice/loops/']").first.click()
    expect(page.locator(".hb-loop-mode")).to_have_count(0)
    assert page.evaluate("window.__samePage") is True
    # Back on the loop page, a new panel starts idle: the old round's clock did not follow.
    page.go_back()
    expect(page.get_by_role("button", name="Start the loop")).to_be_visible()
