"""Practice runs on a case study (practice-run.js), on the real pages, with Playwright's fake clock.

A run folds the reference (answers and figures) until it ends or the reader asks, keeps its timer docked in
view, says each stage of the page's own minute plan, survives a reload, ends with a visible and (unless
muted) an audible cue, and saves a self-check per axis. Light at 1280x900 and dark at 390x844.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import violations

pytestmark = pytest.mark.browser

SCREENS = {"light": {"width": 1280, "height": 900}, "dark": {"width": 390, "height": 844}}
RUN = ".hb-run[data-hb-run-ready]"
# Counts the tones the page asks Web Audio for, without a sound card.
FAKE_AUDIO = """
window.__tones = 0;
window.AudioContext = function () {
  var node = function () { return { connect: function () {}, gain: { setValueAtTime: function () {},
    exponentialRampToValueAtTime: function () {} }, frequency: {}, start: function () { window.__tones += 1; },
    stop: function () {} }; };
  return { state: "running", currentTime: 0, destination: {}, resume: function () {},
    createOscillator: node, createGain: node };
};
"""


def stored(page) -> dict:
    return page.evaluate("JSON.parse(localStorage.getItem('hb-progress') || 'null')")


@pytest.fixture(scope="module")
def case_study(site_dir) -> str:
    """A case study whose timer sits in a "Try it yourself" box with a minute plan."""
    pages = sorted(site_dir.glob("system-design/case-studies/*/index.html"))
    found = [p for p in pages if "hb-timer" in p.read_text(encoding="utf-8") and "<th>Axis</th>" in p.read_text()]
    assert found, "no case study has a timer beside a minute plan"
    preferred = [p for p in found if p.parent.name == "url-shortener"] or found
    return preferred[0].parent.relative_to(site_dir).as_posix() + "/"


@pytest.fixture(params=list(SCREENS))
def tab(request, browser, site_url):
    context = browser.new_context(base_url=site_url, viewport=SCREENS[request.param], color_scheme=request.param)
    context.add_init_script(FAKE_AUDIO)
    page = context.new_page()
    page.clock.install()
    yield page
    context.close()


def open_run(page, url: str):
    page.goto(url, wait_until="domcontentloaded")
    expect(page.locator(RUN)).to_be_attached()


def minute_plan(page) -> list[dict]:
    """The stages as the page's table gives them: ranges ("8–12") or durations added up in order."""
    rows = page.evaluate(
        """() => {
      const box = document.querySelector('.hb-run').closest('.admonition');
      const table = Array.from(box.querySelectorAll('table')).find(t => /Axis/.test(t.tHead.textContent));
      const names = Array.from(table.tHead.rows[0].cells).map(c => c.textContent.trim().toLowerCase());
      return Array.from(table.tBodies[0].rows).map(r => ({
        minutes: r.cells[names.indexOf('minutes')].textContent.trim(),
        axis: r.cells[names.indexOf('axis')].textContent.trim()}));
    }"""
    )
    stages, at = [], 0.0
    for row in rows:
        numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", row["minutes"])]
        start, end = (numbers[0], numbers[1]) if len(numbers) == 2 else (at, at + numbers[0])
        at = end
        stages.append({"start": start, "end": end, "axis": row["axis"]})
    return stages


def seconds_left(page) -> int:
    minutes, seconds = page.locator(".hb-run__readout").inner_text().split(":")
    return int(minutes) * 60 + int(seconds)


# Where the element is, measured in one go (a scroll between two measurements would move it).
_PLACE = """el => {
  const box = el.getBoundingClientRect(), header = document.querySelector('.md-header').getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + 4, box.top + box.height / 2);
  return {top: box.top, bottom: box.bottom, header: header.bottom, screen: innerHeight, uncovered: el.contains(hit)};
}"""


def clear_of_header(page, locator) -> None:
    """The element is in the viewport, below the header, and on top where it is (not covered)."""
    for _ in range(20):  # let a scroll come to rest
        place = locator.evaluate(_PLACE)
        if place["top"] >= place["header"] - 1 and place["bottom"] <= place["screen"] and place["uncovered"]:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the timer is not in view below the header, or something covers it: {place}")


def test_start_folds_the_reference_and_the_timer_stays_in_view(tab, case_study):
    open_run(tab, case_study)
    article = tab.locator("article")
    figures = article.locator("figure")
    answers = article.locator("details")
    assert figures.count() and answers.count()
    expect(answers.first).to_be_visible()
    tab.get_by_role("button", name="Start practice").click()
    for group in (figures, answers):
        for i in range(group.count()):
            expect(group.nth(i)).to_be_hidden()
    notice = tab.locator(".hb-run__notice")
    expect(notice).to_be_visible()
    tab.evaluate("window.scrollTo({top: 2000, behavior: 'instant'})")
    timer = tab.locator(".hb-run")
    expect(timer.get_by_role("timer")).to_be_visible()
    clear_of_header(tab, timer)

    # Asked for, the reference shows while the run goes on; the timer stays docked all the way down.
    notice.get_by_role("button", name="Show the reference now").click()
    expect(figures.first).to_be_attached()
    for i in range(figures.count()):
        expect(figures.nth(i)).not_to_have_attribute("data-hb-folded", "")
    tab.evaluate("window.scrollTo({top: document.body.scrollHeight, behavior: 'instant'})")
    assert tab.evaluate("window.scrollY") > 2000
    expect(timer).to_have_class(re.compile(r"hb-run--on"))
    clear_of_header(tab, timer)
    assert stored(tab)["practice"]["runs"]["pages"][case_study.rstrip("/").split("/")[-1]]["active"]["revealed"]


def test_each_stage_is_announced_and_a_reload_keeps_the_time(tab, case_study):
    open_run(tab, case_study)
    stages = minute_plan(tab)
    assert len(stages) >= 4
    started_at = time.monotonic()
    tab.get_by_role("button", name="Start practice").click()
    stage = tab.locator(".hb-run__stage")
    expect(stage).to_have_attribute("aria-live", "polite")
    expect(stage).to_contain_text(f"Stage 1 of {len(stages)}")
    expect(stage).to_contain_text(stages[0]["axis"])
    third = stages[2]
    tab.clock.run_for(int(third["start"] * 60_000) + 2_000)
    expect(stage).to_contain_text(f"Stage 3 of {len(stages)}, minutes {third['start']:g}\u2013{third['end']:g}")
    expect(stage).to_contain_text(third["axis"])
    expect(tab.locator("tr[aria-current=step]")).to_contain_text(third["axis"])
    left = seconds_left(tab)
    read_at = time.monotonic()
    total = int(float(tab.locator(".hb-run").get_attribute("data-minutes")) * 60)
    ran = third["start"] * 60 + 2  # by the fake clock; real time adds to it
    assert ran - 1 <= total - left <= ran + (read_at - started_at) + 1

    tab.reload()
    expect(tab.locator(RUN)).to_be_attached()
    # The installed clock also runs on in real time, and a reload on a busy machine takes seconds; the readout is
    # whole seconds, redrawn every 250 ms. So: within a few seconds of where it was, and far from the start.
    reloaded = seconds_left(tab)
    read_again_at = time.monotonic()
    assert left - (read_again_at - read_at) - 3 <= reloaded <= left + 1, "the run goes on from where it was"
    assert total - reloaded >= ran - 1, "the run went back to the start"
    expect(stage).to_contain_text(third["axis"])
    expect(tab.locator("article details").first).to_be_hidden()  # still folded
    tab.clock.run_for(5_000)
    assert reloaded - 5 - (time.monotonic() - read_again_at) - 3 <= seconds_left(tab) <= reloaded - 4

    # Paused, the time stands still (and stays so across a reload); resumed, it moves; abandoned, it resets.
    tab.get_by_role("button", name="Pause").click()
    paused = seconds_left(tab)
    tab.clock.run_for(60_000)
    assert seconds_left(tab) == paused
    tab.reload()
    expect(tab.get_by_role("button", name="Resume")).to_be_visible()
    assert seconds_left(tab) == paused
    tab.get_by_role("button", name="Resume").click()
    tab.clock.run_for(3_000)
    assert seconds_left(tab) < paused
    tab.get_by_role("button", name="Abandon").click()
    expect(tab.locator(".hb-run__readout")).to_have_text(f"{total // 60:02d}:00")
    expect(tab.locator("article details").first).to_be_visible()
    assert "active" not in stored(tab)["practice"]["runs"]["pages"][case_study.rstrip("/").split("/")[-1]]


def test_the_end_is_seen_and_heard_and_the_self_check_is_kept(tab, case_study):
    open_run(tab, case_study)
    key = case_study.rstrip("/").split("/")[-1]
    minutes = float(tab.locator(".hb-run").get_attribute("data-minutes"))
    tab.get_by_role("button", name="Start practice").click()
    tab.clock.run_for(int(minutes * 60_000) + 1_000)
    end = tab.locator(".hb-run__end")
    expect(end).to_be_visible()
    expect(end).to_contain_text("Time is up")
    expect(tab.locator(".hb-run__status")).to_have_text(re.compile("^Time is up"))
    expect(tab.locator(".hb-run__readout")).to_have_text("00:00")
    assert tab.evaluate("window.__tones") > 0, "a beep was played"
    expect(tab.locator("article figure").first).to_be_attached()
    expect(tab.locator("article details").first).to_be_visible()  # the reference is open again

    # The self-check: a rating and a note per axis, saved and shown after a reload.
    form = tab.locator("form.hb-selfcheck")
    expect(form).to_be_visible()
    ratings = {"Requirements": "Covered", "API": "Partly", "Scaling": "Missed"}
    for axis, rating in ratings.items():
        form.get_by_role("group", name=axis).get_by_label(rating, exact=True).check()
    form.get_by_label("Scaling: note").fill("no partitioning plan")
    form.get_by_role("button", name="Save self-check").click()
    expect(form.locator(".hb-selfcheck__status")).to_contain_text("3 of 6 axes rated")
    saved = stored(tab)["practice"]["runs"]["pages"][key]["last"]["axes"]
    assert saved["scaling"] == {"rating": "missed", "note": "no partitioning plan"}
    assert saved["api"]["rating"] == "partly" and "resilience" not in saved

    tab.reload()
    expect(tab.locator(RUN)).to_be_attached()
    expect(form).to_be_visible()
    for axis, rating in ratings.items():
        expect(form.get_by_role("group", name=axis).get_by_label(rating, exact=True)).to_be_checked()
    expect(form.get_by_label("Scaling: note")).to_have_value("no partitioning plan")
    expect(form.locator(".hb-selfcheck__status")).to_contain_text("Saved")

    # Muted, a second run ends silently; the choice is remembered.
    sound = tab.get_by_role("checkbox", name="Sound at the end")
    expect(sound).to_be_checked()
    sound.uncheck()
    tab.reload()
    expect(tab.locator(RUN)).to_be_attached()
    expect(sound).not_to_be_checked()
    tones = tab.evaluate("window.__tones")
    tab.get_by_role("button", name="Start practice").click()
    expect(form).to_be_hidden()
    tab.clock.run_for(int(minutes * 60_000) + 1_000)
    expect(end).to_be_visible()
    assert tab.evaluate("window.__tones") == tones == 0
    assert stored(tab)["practice"]["runs"]["sound"] is False


@pytest.mark.parametrize("scheme", list(SCREENS))
def test_a_run_and_its_self_check_have_no_serious_or_critical_violation(browser, site_url, case_study, scheme):
    # bypass_csp: axe is injected as an inline script (as in test_accessibility.py).
    context = browser.new_context(base_url=site_url, viewport=SCREENS[scheme], color_scheme=scheme, bypass_csp=True)
    context.add_init_script(FAKE_AUDIO)
    page = context.new_page()
    page.clock.install()
    open_run(page, case_study)
    page.get_by_role("button", name="Start practice").click()
    page.clock.run_for(60_000)
    found = violations(page)
    assert not found, f"{scheme}, during a run:\n" + "\n".join(found)
    page.clock.run_for(int(float(page.locator(".hb-run").get_attribute("data-minutes")) * 60_000))
    expect(page.locator("form.hb-selfcheck")).to_be_visible()
    page.wait_for_timeout(2_000)  # the end cue's flash (a CSS animation, on real time) is over
    found = violations(page)
    assert not found, f"{scheme}, after the run:\n" + "\n".join(found)
    context.close()


def test_a_plain_timer_outside_a_case_study_keeps_its_behaviour(page, fixture_pages):
    page.goto(fixture_pages["quiz"], wait_until="domcontentloaded")
    timer = page.locator(".hb-timer[data-hb-ready]")
    expect(timer).to_be_attached()
    expect(timer).not_to_have_attribute("data-hb-practice", "true")
    expect(timer.get_by_role("button", name="Start")).to_be_visible()
    expect(timer.get_by_role("button", name="Reset")).to_be_visible()
