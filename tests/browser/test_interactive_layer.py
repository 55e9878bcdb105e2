"""The interactive layer in headless Chromium: quizzes, progress, checklists, timer, keyboard, print, no-JS.

Fixture pages (tests/browser/conftest.py) give known questions; the real pages prove the wiring with
Material's instant navigation, the quizzes index and every checklist's print budget.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SINGLE, MULTIPLE, THIRD = "#q-hbtest-single", "#q-hbtest-multiple", "#q-hbtest-third"


def stored(page) -> dict:
    """The reader's progress as the site stored it."""
    return page.evaluate("JSON.parse(localStorage.getItem('hb-progress') || 'null')")


def open_ready(page, url: str, selector: str = ".hb-quiz[data-hb-ready]"):
    page.goto(url, wait_until="domcontentloaded")  # the scripts run from document$; no need to wait for images
    expect(page.locator(selector).first).to_be_attached()


def choose(page, question: str, index: int):
    page.locator(f"{question} label[for$='-{index}']").click()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


# --- Quizzes -------------------------------------------------------------------------------------------


def test_right_answer_gives_announced_feedback_marks_choices_and_scores(page, fixture_pages):
    open_ready(page, fixture_pages["quiz"])
    question = page.locator(SINGLE)
    expect(question.locator(".hb-feedback")).to_be_empty()
    choose(page, SINGLE, 0)
    feedback = question.locator(".hb-feedback")
    expect(feedback).to_have_text(re.compile(r"^Correct\. The right answer is: 443\."))
    expect(feedback).to_have_attribute("aria-live", "polite")  # announced, not only shown
    expect(question.locator("details.hb-answer")).to_have_attribute("open", "")
    expect(question.locator("li.hb-choice--right")).to_have_count(1)
    expect(question.locator("li.hb-choice--right .hb-choice__verdict")).to_have_text("your answer, right")
    expect(page.locator(".hb-quiz__score")).to_have_text("Score: 1 of 3 (1 answered)")


def test_wrong_answer_says_so_and_shows_the_right_choice(page, fixture_pages):
    open_ready(page, fixture_pages["quiz"])
    choose(page, SINGLE, 1)
    question = page.locator(SINGLE)
    expect(question.locator(".hb-feedback")).to_have_text(re.compile(r"^Wrong\. The right answer is: 443\."))
    expect(question.locator("li.hb-choice--wrong .hb-choice__verdict")).to_have_text("your answer, wrong")
    expect(question.locator("li.hb-choice--right .hb-choice__verdict")).to_have_text("right answer")
    expect(question.locator(".hb-why--wrong").first).to_be_visible()  # the per-choice "why" is revealed
    expect(page.locator(".hb-quiz__score")).to_have_text("Score: 0 of 3 (1 answered)")
    # Answered questions are locked (aria-disabled) until "Try again": another click changes nothing.
    expect(question.locator("input[value='0']")).to_have_attribute("aria-disabled", "true")
    question.locator("label[for$='-0']").click(force=True)
    expect(question.locator("input[value='1']")).to_be_checked()
    assert stored(page)["quizzes"]["hbtest-single"]["chosen"] == [1]


def test_multiple_answer_question_is_checked_with_the_button(page, fixture_pages):
    open_ready(page, fixture_pages["quiz"])
    question = page.locator(MULTIPLE)
    check = question.get_by_role("button", name="Check answer")
    expect(check).to_be_visible()
    check.click()
    expect(question.locator(".hb-feedback")).to_have_text("Choose at least one answer, then check.")
    choose(page, MULTIPLE, 0)
    expect(question.locator(".hb-feedback")).not_to_contain_text("Correct")  # ticking alone does not answer
    choose(page, MULTIPLE, 2)
    check.click()
    expect(question.locator(".hb-feedback")).to_have_text(
        re.compile(r"^Correct\. The right answers are: Raft; Paxos\.")
    )
    expect(check).to_be_hidden()
    saved = stored(page)["quizzes"]["hbtest-multiple"]
    assert saved["chosen"] == [0, 2] and saved["correct"] is True


def test_answers_and_score_are_restored_after_a_reload(page, fixture_pages):
    open_ready(page, fixture_pages["quiz"])
    choose(page, SINGLE, 0)
    choose(page, THIRD, 1)
    expect(page.locator(".hb-quiz__score")).to_have_text("Score: 1 of 3 (2 answered)")
    data = stored(page)
    assert data["version"] == page.evaluate("hbProgress.VERSION")
    assert set(data["quizzes"]) == {"hbtest-single", "hbtest-third"}
    assert re.match(r"\d{4}-\d\d-\d\dT", data["quizzes"]["hbtest-single"]["at"])
    page.reload()
    expect(page.locator(".hb-quiz[data-hb-ready]")).to_be_attached()
    expect(page.locator(".hb-quiz__score")).to_have_text("Score: 1 of 3 (2 answered)")
    expect(page.locator(f"{SINGLE} input[value='0']")).to_be_checked()
    expect(page.locator(f"{THIRD} .hb-feedback")).to_have_text(re.compile("^Wrong"))
    expect(page.locator(f"{THIRD} details.hb-answer")).to_have_attribute("open", "")


def test_try_again_clears_answers_score_and_storage(page, fixture_pages):
    open_ready(page, fixture_pages["quiz"])
    choose(page, SINGLE, 0)
    page.get_by_role("button", name="Try again").click()
    expect(page.locator(".hb-quiz__score")).to_have_text("Score: 0 of 3 (0 answered)")
    expect(page.locator(f"{SINGLE} input:checked")).to_have_count(0)
    expect(page.locator(f"{SINGLE} details.hb-answer")).not_to_have_attribute("open", "")
    expect(page.locator(f"{SINGLE} .hb-feedback")).to_be_empty()
    assert stored(page)["quizzes"] == {}
    choose(page, SINGLE, 2)  # unlocked again
    expect(page.locator(f"{SINGLE} .hb-feedback")).to_have_text(re.compile("^Wrong"))


def test_older_storage_format_is_migrated_not_lost(page, fixture_pages):
    page.goto(fixture_pages["quiz"])
    # A store without a version field (v0) holding one answer: the migration hook keeps it.
    page.evaluate("""localStorage.setItem('hb-progress', JSON.stringify(
        {quizzes: {'hbtest-single': {chosen: [0], correct: true, at: '2026-01-01T00:00:00Z'}}}))""")
    page.reload()
    expect(page.locator(".hb-quiz__score")).to_have_text("Score: 1 of 3 (1 answered)")
    choose(page, THIRD, 0)
    data = stored(page)
    assert data["version"] == page.evaluate("hbProgress.VERSION"), "saved in the current format"
    assert set(data["quizzes"]) == {"hbtest-single", "hbtest-third"}
    assert data["flashcards"] == {"cards": {}, "filters": {}}, "every migration step ran, v0 to v1 to v2"
    assert data["practice"] == {}, "and v2 to v3"


def test_a_practice_feature_keeps_its_value_across_a_reload_apart_from_the_rest(page, fixture_pages):
    page.goto(fixture_pages["quiz"])
    page.evaluate("hbProgress.setPractice('runs', {'url-shortener': {'started': 5, 'stage': 2}})")
    choose(page, SINGLE, 0)
    page.reload()
    assert page.evaluate("hbProgress.practice('runs')") == {"url-shortener": {"started": 5, "stage": 2}}
    assert page.evaluate("hbProgress.practice('loops')") is None
    page.evaluate("hbProgress.setPractice('runs', null)")
    assert "runs" not in stored(page)["practice"]
    assert "hbtest-single" in stored(page)["quizzes"], "another feature's data is untouched"


def test_instant_navigation_back_and_forth_binds_listeners_once(page, quiz_links):
    page.goto("quizzes/")
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has read sitemap.xml
    page.evaluate("window.__shell = true")
    page.locator(f"td a[href*='{quiz_links[0]}']").first.click()
    expect(page.locator(".hb-quiz[data-hb-ready]").first).to_be_attached()
    for _ in range(2):
        page.go_back()
        expect(page.locator(".hb-quiz-progress").first).to_be_attached()
        page.go_forward()
        expect(page.locator(".hb-quiz[data-hb-ready]").first).to_be_attached()
    assert page.evaluate("window.__shell === true"), "the navigations were instant, not full reloads"
    page.evaluate("""() => { window.__writes = 0; const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (key === 'hb-progress') window.__writes += 1; return set.call(this, key, value); }; }""")
    first = page.locator(".hb-question").first
    first.locator(".hb-choice label").first.click()
    expect(first.locator(".hb-feedback")).not_to_be_empty()
    assert page.evaluate("window.__writes") == 1, "one click records one answer"
    assert len(stored(page)["quizzes"]) == 1


def test_quizzes_index_shows_progress_and_reset_clears_it_after_confirm(page, quiz_links):
    open_ready(page, quiz_links[0])
    question = page.locator(".hb-question").first
    right = question.get_attribute("data-correct").split(",")[0]
    question.locator(f"label[for$='-{right}']").click()
    expect(question.locator(".hb-feedback")).to_have_text(re.compile("^Correct"))
    page.evaluate(
        "localStorage.setItem('hb-progress', JSON.stringify(Object.assign("
        "JSON.parse(localStorage.getItem('hb-progress')), {checklists: {x: {y: {checked: true}}}})))"
    )
    page.goto("quizzes/")
    row = page.locator(f"tr:has(a[href*='{quiz_links[0]}'])").first
    total = page.locator(".hb-quiz-progress-total")
    expect(row.locator(".hb-quiz-progress")).to_have_text(re.compile(r"^1 of \d+ answered, 1 right$"))
    expect(total).to_have_text(re.compile(r"^1 of \d+ answered, 1 right$"))
    reset = page.get_by_role("button", name="Reset all progress")
    page.once("dialog", lambda dialog: dialog.dismiss())
    reset.click()
    expect(total).to_have_text(re.compile(r"^1 of"))  # cancelled: nothing lost
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    reset.click()
    expect(total).to_have_text(re.compile(r"^0 of \d+ answered, 0 right$"))
    expect(row.locator(".hb-quiz-progress")).to_have_text("not started")
    assert "quiz answer" in messages[0]
    data = stored(page)
    assert data["quizzes"] == {} and data["checklists"] == {"x": {"y": {"checked": True}}}, "ticks are kept"


# --- Keyboard, no JavaScript, dark mode, motion -------------------------------------------------------


def test_keyboard_tab_reaches_a_radio_and_space_answers(page, fixture_pages):
    open_ready(page, fixture_pages["quiz"])
    page.evaluate("() => { const h = document.getElementById('quiz-hb-fixture'); h.tabIndex = -1; h.focus(); }")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    first = page.locator(f"{SINGLE} input[type=radio]").first  # choices are shown in a stable shuffle
    assert focused == first.get_attribute("id")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "keyboard focus is visible"
    page.keyboard.press("ArrowDown")  # moving through the choices does not answer
    expect(page.locator(f"{SINGLE} .hb-feedback")).to_have_text("Press Space to answer with this choice.")
    assert "hbtest-single" not in (stored(page) or {"quizzes": {}})["quizzes"]
    values = [radio.get_attribute("value") for radio in page.locator(f"{SINGLE} input[type=radio]").all()]
    steps = values.index("0") - 1  # from the second choice to the right one (YAML index 0)
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    page.keyboard.press("Space")
    expect(page.locator(f"{SINGLE} input[value='0']")).to_be_checked()
    expect(page.locator(f"{SINGLE} .hb-feedback")).to_have_text(re.compile("^Correct"))
    # Every control has an accessible name (the choice, then the verdict once answered).
    expect(page.get_by_role("radio", name="443 your answer, right", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Try again")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Raft")).to_be_visible()


def test_without_javascript_answers_stay_in_collapsible_details(browser, site_url, fixture_pages):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(fixture_pages["quiz"])
        answers = tab.locator(".hb-question details.hb-answer")
        expect(answers).to_have_count(3)
        expect(answers.first).not_to_have_attribute("open", "")
        expect(answers.first.locator("summary")).to_have_text("Answer and explanation")
        expect(answers.first.locator(".hb-explanation")).to_be_hidden()
        answers.first.locator("summary").click()
        expect(answers.first.locator(".hb-explanation")).to_contain_text("443")
        expect(tab.locator(".hb-quiz__tools")).to_be_hidden()  # no dead controls
        expect(tab.locator(".hb-question__check")).to_be_hidden()
        expect(tab.locator(f"{THIRD} .hb-question__prompt")).to_contain_text("<script>alert(1)</script>")
        tab.goto("checklists/")
        expect(tab.locator(".md-typeset a[href$='/']").first).to_be_visible()
    finally:
        context.close()


# The WCAG contrast of an element's text against the first opaque background up its ancestors.
CONTRAST = """el => {
    const rgb = c => c.match(/[\\d.]+/g).map(Number);
    const lum = ([r, g, b]) => 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    function f(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
    let node = el, bg = null;
    while (node && node.nodeType === 1) {
        const c = rgb(getComputedStyle(node).backgroundColor);
        if (c.length < 4 || c[3] > 0.5) { bg = c; break; }
        node = node.parentNode;
    }
    const fg = rgb(getComputedStyle(el).color);
    const [a, b] = [lum(fg), lum(bg || [255, 255, 255])].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
}"""


def _contrast(page, selector: str) -> float:
    return page.locator(selector).first.evaluate(f"(el) => ({CONTRAST})(el)")


def test_dark_mode_keeps_the_quiz_and_its_feedback_readable(browser, site_url, fixture_pages):
    context = browser.new_context(base_url=site_url, color_scheme="dark", reduced_motion="reduce")
    try:
        tab = context.new_page()
        open_ready(tab, fixture_pages["quiz"])
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        choose(tab, SINGLE, 1)
        expect(tab.locator(f"{SINGLE} .hb-feedback")).not_to_be_empty()
        for selector in (
            f"{SINGLE} .hb-question__prompt",
            f"{SINGLE} .hb-feedback",
            f"{SINGLE} li.hb-choice--wrong label",
            f"{SINGLE} li.hb-choice--right label",
            ".hb-quiz__score",
        ):
            assert _contrast(tab, selector) >= 4.5, f"{selector} is hard to read in dark mode"
        # prefers-reduced-motion: the feedback appears without animation.
        assert (
            tab.evaluate(f"getComputedStyle(document.querySelector('{SINGLE} .hb-feedback')).animationName") == "none"
        )
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_code_inside_a_link_is_readable_in_both_schemes(browser, site_url, site_dir, scheme):
    page_with = next(
        path.parent.relative_to(site_dir).as_posix() + "/"
        for path in sorted(site_dir.glob("*/*/index.html"))
        if re.search(r"<a [^>]*><code>", path.read_text(encoding="utf-8"))
    )
    context = browser.new_context(base_url=site_url, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(page_with)
        assert _contrast(tab, ".md-content a > code") >= 4.5, f"code in a link on {page_with} ({scheme})"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_every_button_stays_readable_while_hovered(browser, site_url, fixture_pages, scheme):
    """Material fills a hovered button with its accent; the handbook's buttons must keep 4.5:1 then too."""
    context = browser.new_context(base_url=site_url, color_scheme=scheme, reduced_motion="reduce")
    try:
        tab = context.new_page()
        checked = 0
        for url in (fixture_pages["quiz"], fixture_pages["checklist"], "study/flashcards/"):
            open_ready(tab, url, "[data-hb-ready]")
            if url == "study/flashcards/":
                tab.get_by_role("button", name="Show answer", exact=True).click()
            buttons = tab.locator(".md-typeset .md-button:visible")
            for index in range(buttons.count()):
                button = buttons.nth(index)
                button.hover()
                ratio = button.evaluate(f"(el) => ({CONTRAST})(el)")
                assert ratio >= 4.5, f"{url}: {button.inner_text()!r} hovered is {ratio:.2f}:1 ({scheme})"
                checked += 1
        assert checked >= 6, "the pages have their buttons"
    finally:
        context.close()


# --- Checklists ----------------------------------------------------------------------------------------


def test_checklist_tick_survives_reload_and_instant_navigation_and_clear_empties(page, checklist_pages):
    url = checklist_pages[0]
    open_ready(page, url, ".hb-checklist[data-hb-ready]")
    checklist_id = page.locator(".hb-checklist").get_attribute("data-checklist-id")
    section = page.locator(".hb-checklist__section").first
    total = section.locator(".hb-check").count()
    count = section.locator(".hb-checklist__count-visible")
    expect(count).to_have_text(f"0/{total}")
    first = section.locator(".hb-check").first
    first.locator(".hb-check__text").click()
    expect(first.locator("input")).to_be_checked()
    expect(count).to_have_text(f"1/{total}")
    item_id = first.get_attribute("data-item-id")
    assert stored(page)["checklists"][checklist_id][item_id]["checked"] is True
    page.reload()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".hb-check").first.locator("input")).to_be_checked()
    expect(page.locator(".hb-checklist__count-visible").first).to_have_text(f"1/{total}")
    page.evaluate("window.__shell = true")
    page.locator(".md-nav__link[href$='/checklists/']").first.click()  # the index, by instant navigation
    expect(page.locator(".hb-checklist")).to_have_count(0)
    page.go_back()
    expect(page.locator(".hb-checklist[data-hb-ready]")).to_be_attached()
    assert page.evaluate("window.__shell === true")
    expect(page.locator(".hb-check").first.locator("input")).to_be_checked()
    page.get_by_role("button", name="Clear ticks").click()
    expect(page.locator(".hb-check input:checked")).to_have_count(0)
    expect(page.locator(".hb-checklist__count-visible").first).to_have_text(f"0/{total}")
    expect(page.locator(".hb-checklist__status")).to_have_text("Cleared 1 tick.")
    assert checklist_id not in stored(page)["checklists"]


def test_every_checklist_has_a_print_button_and_prints_on_one_page_of_a4_and_letter(
    page, checklist_pages, fixture_pages, tmp_path
):
    for url in [*checklist_pages, fixture_pages["checklist"]]:
        page.emulate_media(media="screen")
        open_ready(page, url, ".hb-checklist[data-hb-ready]")
        page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
        page.get_by_role("button", name="Print", exact=True).click()
        assert page.evaluate("window.__printed") == 1, f"{url}: Print opens the print dialog"
        ticks = page.get_by_role("checkbox", name="Print with my ticks")
        expect(ticks).not_to_be_checked()  # default: empty boxes
        # Print with the reader's ticks (the boxes do not change size, so the empty version fits too).
        page.locator(".hb-check .hb-check__text").first.click()
        ticks.check()
        page.emulate_media(media="print")
        for paper in ("A4", "Letter"):
            # Margins close to a browser's default (Playwright's own default is none).
            pdf = page.pdf(format=paper, margin={side: "0.4in" for side in ("top", "bottom", "left", "right")})
            assert pdf_pages(pdf) == 1, f"{url} prints on {pdf_pages(pdf)} {paper} pages"
    # The regex count agrees with poppler's, on the fullest (22-item) checklist, the last one printed.
    out = tmp_path / "checklist.pdf"
    out.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)


def test_print_shows_empty_boxes_unless_the_reader_asks_for_ticks(page, fixture_pages):
    open_ready(page, fixture_pages["checklist"], ".hb-checklist[data-hb-ready]")
    page.locator(".hb-check .hb-check__text").first.click()
    page.emulate_media(media="print")
    mark = "getComputedStyle(document.querySelector('.hb-check input:checked + .task-list-indicator'), '::before')"
    assert page.evaluate(f"{mark}.content") in ('""', "none")
    assert page.evaluate(f"{mark}.borderTopStyle") == "solid", "boxes are drawn, not background colour"
    page.emulate_media(media="screen")
    page.get_by_role("checkbox", name="Print with my ticks").check()
    page.emulate_media(media="print")
    assert page.evaluate(f"{mark}.content") == '"✓"'


def test_print_hides_navigation_controls_and_quiz_answers_and_opens_the_rest(page, fixture_pages, checklist_pages):
    hidden = [
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-search",
        ".md-top",
        ".hb-checklist__tools",
        ".hb-checklist__count",
    ]
    open_ready(page, checklist_pages[0], ".hb-checklist[data-hb-ready]")
    page.emulate_media(media="print")
    for selector in hidden:
        if page.locator(selector).count():
            assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    page.emulate_media(media="screen")
    open_ready(page, fixture_pages["quiz"])
    choose(page, SINGLE, 1)
    page.locator(".tabbed-labels label").first.click()
    page.emulate_media(media="print")
    for selector in [
        ".md-header",
        ".hb-quiz__tools",
        f"{SINGLE} .hb-feedback",
        f"{SINGLE} details.hb-answer",
        ".hb-question__check",
        ".hb-timer",
        "button.md-top",
    ]:
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    # Every content tab and the folded note print, with their labels.
    for text in ("First tab", "Second tab", "Text of the first tab.", "Text of the second tab.", "The folded body."):
        box = page.get_by_text(text, exact=True).bounding_box()
        assert box and box["height"] > 0, f"{text!r} does not print"
    second_label = page.locator(".tabbed-labels label").nth(1).bounding_box()
    second_block = page.get_by_text("Text of the second tab.", exact=True).bounding_box()
    assert second_label["y"] < second_block["y"], "each tab's label prints above its panel"
    page.emulate_media(media="screen")


# --- Timer ---------------------------------------------------------------------------------------------


def test_timer_starts_pauses_resets_and_announces_the_end(page, fixture_pages):
    open_ready(page, fixture_pages["quiz"], ".hb-timer[data-hb-ready]")
    timer = page.locator(".hb-timer")
    readout = timer.get_by_role("timer")
    expect(readout).to_have_text("00:02")  # data-minutes="0.02": 1.2 s, shown rounded up
    start = timer.get_by_role("button", name="Start")
    start.click()
    expect(timer.locator(".hb-timer__status")).to_have_text(re.compile("^Timer started"))
    expect(readout).to_have_text("00:01")
    timer.get_by_role("button", name="Pause").click()
    expect(timer.locator(".hb-timer__status")).to_have_text(re.compile("^Paused"))
    paused = readout.inner_text()
    page.wait_for_timeout(400)
    assert readout.inner_text() == paused, "a paused timer does not move"
    timer.get_by_role("button", name="Reset").click()
    expect(readout).to_have_text("00:02")
    timer.get_by_role("button", name="Start").click()
    expect(timer.locator(".hb-timer__status")).to_have_text("Time is up.", timeout=4000)
    expect(readout).to_have_text("00:00")
    expect(timer.get_by_role("button", name="Start")).to_be_disabled()


def test_case_study_timers_become_countdowns(page, site_dir):
    pages = sorted(p for p in site_dir.glob("system-design/case-studies/*/index.html") if "hb-timer" in p.read_text())
    if not pages:
        pytest.skip("no case study has a timer yet")
    url = pages[0].parent.relative_to(site_dir).as_posix() + "/"
    open_ready(page, url, ".hb-timer[data-hb-ready]")
    timer = page.locator(".hb-timer").first
    minutes = int(float(timer.get_attribute("data-minutes")))
    expect(timer.get_by_role("timer")).to_have_text(f"{minutes:02d}:00")
    expect(timer).to_have_attribute("aria-label", f"Practice timer, {minutes} minutes")
