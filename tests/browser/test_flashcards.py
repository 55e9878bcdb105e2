"""The flashcards page in headless Chromium: Leitner schedule, storage, filters, keyboard, phone, offline.

Expected numbers come from data/ and mkdocs.yml's nav (read here, not through hooks/flashcards.py), never
from constants, so they follow the content writers' quizzes.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from mkdocs.config import load_config
from playwright.sync_api import expect

from handbook.content.loading import load_data
from tests.browser.test_accessibility import violations
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

URL = "study/flashcards/"
READY = ".hb-flashcards[data-hb-ready=true]"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
QUIZ_CALL = re.compile(r"""\{\{-?\s*quiz\(\s*(?:quiz_id\s*=\s*)?["']([a-z0-9-]+)""")
QUIZZES = load_data(ROOT).quizzes
QUESTIONS = [question for item in QUIZZES.values() for question in item.model.questions]


def _pages(items) -> list[str]:
    found = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found += _pages(value) if isinstance(value, list) else [value]
    return found


def questions_by_section() -> dict[str, list]:
    """The questions of the quizzes called on the pages under each top-level nav section."""
    found: dict[str, list] = {}
    for entry in load_config(config_file=str(ROOT / "mkdocs.yml")).nav:
        title, value = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if not isinstance(value, list):
            continue
        for page in _pages(value):
            for quiz_id in QUIZ_CALL.findall((ROOT / "docs" / page).read_text(encoding="utf-8")):
                found.setdefault(title, []).extend(QUIZZES[quiz_id].model.questions)
    return found


def stored(page) -> dict:
    return page.evaluate("JSON.parse(localStorage.getItem('hb-progress') || 'null')")


def open_flashcards(page):
    page.goto(URL, wait_until="domcontentloaded")
    expect(page.locator(READY)).to_be_attached()


def current(page) -> str:
    return page.locator(".hb-card").get_attribute("data-card-id")


def expect_counts(page, due: int, new: int, learned: int):
    for name, value in (("due", due), ("new", new), ("learned", learned)):
        expect(page.locator(f".hb-flashcards__count[data-count={name}]")).to_have_text(str(value))


def button(page, name: str):
    return page.get_by_role("button", name=name, exact=True)


def review(page, right: bool) -> str:
    """Reveal the card on screen and grade it with the buttons; return its id."""
    card = current(page)
    button(page, "Show answer").click()
    button(page, "I was right" if right else "I was wrong").click()
    return card


@pytest.fixture(scope="module")
def deck(site_dir) -> dict[str, dict]:
    cards = json.loads((site_dir / "assets" / "flashcards.json").read_text(encoding="utf-8"))["cards"]
    return {card["id"]: card for card in cards}


def test_a_review_moves_the_card_between_boxes_and_a_reload_keeps_the_schedule(page, deck, site_url):
    total = len(QUESTIONS)
    page.clock.install(time=START)
    open_flashcards(page)
    expect_counts(page, due=0, new=total, learned=0)
    expect(page.locator(".hb-card__box")).to_have_text("New card")

    first = current(page)
    button(page, "Show answer").click()
    expect(page.locator(".hb-card__answer")).to_be_visible()
    expect(page.locator(".hb-card__answer")).to_be_focused()
    expect(page.locator(".hb-card__choice--right")).to_have_count(len(deck[first]["correct"]))
    link = page.get_by_role("link", name="Read it in the handbook")
    expect(link).to_have_attribute("href", site_url + deck[first]["url"])
    button(page, "I was right").click()
    state = stored(page)["flashcards"]["cards"][first]
    assert (state["box"], state["reviews"], state["lapses"]) == (2, 1, 0)
    due, last = datetime.fromisoformat(state["due"]), datetime.fromisoformat(state["last"])
    assert timedelta(0) < due - last <= timedelta(days=1), "box 2 comes back the next (study) day"
    assert page.evaluate("iso => new Date(iso).getHours()", state["due"]) == 4, "when the reader's day starts"
    expect_counts(page, due=0, new=total - 1, learned=1)
    expect(page.locator(".hb-flashcards__status")).to_have_text(
        re.compile(r"^Right\. Box 2 of 5: it comes back (tomorrow|in \d+ hours?)\.$")
    )
    expect(button(page, "Show answer")).to_be_focused()  # the next card, ready for the keyboard

    missed = review(page, right=False)
    assert missed != first
    state = stored(page)["flashcards"]["cards"][missed]
    assert (state["box"], state["lapses"]) == (1, 1) and state["due"] == state["last"], "due again at once"
    expect_counts(page, due=1, new=total - 2, learned=1)
    expect(page.locator(".hb-flashcards__status")).to_have_text(
        "Wrong. Back to box 1: it comes back after 3 more cards."
    )
    between = [review(page, right=True) for _ in range(3)]
    assert missed not in between and current(page) == missed, "a missed card comes back three cards later"

    page.reload()
    expect(page.locator(READY)).to_be_attached()
    expect_counts(page, due=1, new=total - 5, learned=4)
    assert current(page) == missed, "due cards come before new ones"
    expect(page.locator(".hb-card__box")).to_have_text("Box 1 of 5")

    page.clock.fast_forward("24:01:00")  # the page recounts every minute while it is open
    expect_counts(page, due=5, new=total - 5, learned=0)
    review(page, right=True)
    assert stored(page)["flashcards"]["cards"][missed]["box"] == 2
    assert current(page) in [first, *between], "cards that fell due while the page was open come before new ones"

    page.once("dialog", lambda dialog: dialog.accept())
    button(page, "Forget my reviews").click()
    expect_counts(page, due=0, new=total, learned=0)
    assert stored(page)["flashcards"]["cards"] == {}


@pytest.mark.parametrize(
    ("reviewed", "due"),
    [
        ("2026-03-02T21:30:00+01:00", "2026-03-03T04:00:00+01:00"),  # late evening: due tomorrow morning
        ("2026-03-03T01:30:00+01:00", "2026-03-03T04:00:00+01:00"),  # after midnight: still that evening's day
        ("2026-03-28T10:00:00+01:00", "2026-03-29T04:00:00+02:00"),  # clocks go forward in between: still 4:00
    ],
)
def test_a_card_learned_today_is_due_at_the_start_of_the_next_study_day_in_the_readers_time_zone(
    browser, site_url, reviewed, due
):
    context = browser.new_context(base_url=site_url, timezone_id="Europe/Berlin")
    try:
        tab = context.new_page()
        tab.clock.install(time=datetime.fromisoformat(reviewed))
        open_flashcards(tab)
        card = review(tab, right=True)
        assert datetime.fromisoformat(stored(tab)["flashcards"]["cards"][card]["due"]) == datetime.fromisoformat(due)
        if reviewed.startswith("2026-03-02"):
            expect(tab.locator(".hb-flashcards__status")).to_have_text("Right. Box 2 of 5: it comes back tomorrow.")
    finally:
        context.close()


def test_a_review_the_browser_cannot_store_counts_for_the_session_and_says_it_is_not_kept(page):
    open_flashcards(page)
    page.evaluate("""() => { // fill this origin's storage, in big then small pieces, until it refuses
        let n = 0;
        for (const size of [1 << 20, 1 << 10, 1]) {
            try { for (;;) localStorage.setItem('hb-fill-' + n++, 'x'.repeat(size)); } catch (e) { /* full */ }
        } }""")
    card = review(page, right=True)
    expect_counts(page, due=0, new=len(QUESTIONS) - 1, learned=1)
    expect(page.locator(".hb-flashcards__fallback")).to_be_visible()
    expect(page.locator(".hb-flashcards__fallback")).to_contain_text("did not store your last review")
    assert current(page) != card, "the reviewed card left the session"
    assert stored(page) is None, "nothing could be stored (the context's storage is fresh, then full)"


def test_filters_narrow_the_deck_to_the_questions_of_that_section_and_difficulty_and_persist(page):
    sections = questions_by_section()
    section, questions = max(sections.items(), key=lambda item: len(item[1]))
    levels = [q.difficulty for q in questions]
    level = min(set(levels), key=levels.count)  # the rarest level there: the narrowest selection
    open_flashcards(page)
    options = page.locator(".hb-flashcards__section option").all_text_contents()
    assert options == ["All sections", *(title for title in sections)], "sections in reading order"

    page.get_by_label("Section", exact=True).select_option(section)
    expect_counts(page, due=0, new=len(questions), learned=0)
    expect(page.locator(".hb-card__section")).to_have_text(section)
    page.get_by_label("Difficulty", exact=True).select_option(level)
    expect_counts(page, due=0, new=levels.count(level), learned=0)
    expect(page.locator(".hb-flashcards__status")).to_have_text(
        re.compile(rf"^{levels.count(level)} cards? in this selection: 0 due now, {levels.count(level)} new")
    )
    expect(page.locator(".hb-card__difficulty")).to_have_text(level)
    page.get_by_label("Section", exact=True).select_option("")
    expect_counts(page, due=0, new=sum(q.difficulty == level for q in QUESTIONS), learned=0)
    page.get_by_label("Section", exact=True).select_option(section)

    page.reload()
    expect(page.locator(READY)).to_be_attached()
    expect(page.get_by_label("Section", exact=True)).to_have_value(section)
    expect(page.get_by_label("Difficulty", exact=True)).to_have_value(level)
    expect_counts(page, due=0, new=levels.count(level), learned=0)
    assert stored(page)["flashcards"]["filters"] == {"section": section, "difficulty": level}


def test_keyboard_alone_reveals_and_grades(page):
    open_flashcards(page)
    page.get_by_label("Difficulty", exact=True).focus()
    for _ in range(10):  # from the filters to the card's first control
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('hb-flashcards__reveal')"):
            break
    reveal = button(page, "Show answer")
    expect(reveal).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") not in ("none", "")
    first = current(page)
    page.keyboard.press("Space")
    expect(page.locator(".hb-card__answer")).to_be_focused()
    page.keyboard.press("r")
    expect(reveal).to_be_focused()
    assert stored(page)["flashcards"]["cards"][first]["box"] == 2
    second = current(page)
    page.keyboard.press("w")  # not revealed yet: nothing happens
    assert second not in stored(page)["flashcards"]["cards"]
    page.keyboard.press("Enter")
    expect(page.locator(".hb-card__answer")).to_be_visible()
    page.keyboard.press("w")
    expect(reveal).to_be_focused()
    assert stored(page)["flashcards"]["cards"][second]["lapses"] == 1


@pytest.mark.parametrize("screen", ["laptop", "short"])
def test_show_answer_brings_the_grade_buttons_into_view_but_keeps_the_prompt(browser, site_url, screen):
    # laptop: the screen ends just under "Show answer" (the first card sits under the filters), so the answer
    # pushes the buttons below it and they must be scrolled up. short (420 px, card scrolled to the header):
    # card and buttons cannot both fit, so the prompt stays in view and the reader scrolls on.
    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 1000}, reduced_motion="reduce")
    try:
        page = context.new_page()
        open_flashcards(page)
        reveal = button(page, "Show answer")
        if screen == "laptop":
            page.set_viewport_size({"width": 1280, "height": round(reveal.bounding_box()["y"] + 80)})
        else:  # as short as the card's front allows: the front fits, the front and the answer do not
            page.locator(".hb-card").evaluate("card => card.scrollIntoView({block: 'start'})")
            page.set_viewport_size({"width": 1280, "height": max(420, round(reveal.bounding_box()["y"] + 60))})
            page.locator(".hb-card").evaluate("card => card.scrollIntoView({block: 'start'})")
        expect(reveal).to_be_in_viewport(ratio=1)  # so the click itself scrolls nothing
        reveal.click()
        grade = page.locator(".hb-flashcards__grade")
        expect(grade).to_be_visible()
        fits = page.evaluate(
            "(() => { const card = document.querySelector('.hb-card'); const top = parseFloat("
            "getComputedStyle(card).scrollMarginTop); return document.querySelector('.hb-flashcards__grade')"
            ".getBoundingClientRect().bottom - card.getBoundingClientRect().top <= innerHeight - top; })()"
        )
        assert fits == (screen == "laptop"), "the screen sizes no longer make the two cases: adjust them"
        if fits:
            expect(grade).to_be_in_viewport(ratio=1)
        header = page.locator(".md-header").bounding_box()
        assert page.locator(".hb-card__prompt").bounding_box()["y"] >= header["y"] + header["height"]
        expect(page.locator(".hb-card__prompt")).to_be_in_viewport(ratio=1)
    finally:
        context.close()


def test_a_phone_sized_screen_has_no_horizontal_scroll_and_big_enough_targets(browser, site_url):
    context = browser.new_context(base_url=site_url, viewport={"width": 375, "height": 667}, has_touch=True)
    try:
        tab = context.new_page()
        open_flashcards(tab)
        button(tab, "Show answer").tap()
        controls = [
            tab.get_by_label("Section", exact=True),
            tab.get_by_label("Difficulty", exact=True),
            tab.get_by_role("link", name="Read it in the handbook"),
            button(tab, "I was wrong"),
            button(tab, "I was right"),
            button(tab, "Forget my reviews"),
        ]
        for control in controls:
            control.scroll_into_view_if_needed()
            box = control.bounding_box()
            assert box["height"] >= 44, f"{control}: {box['height']} px high"
            assert box["x"] >= 0 and box["x"] + box["width"] <= 375, f"{control} sticks out: {box}"
        # Every card of the deck, answer shown, laid out in turn: none may widen the page.
        wide = tab.evaluate(
            """async () => {
            const cards = (await (await fetch('../../assets/flashcards.json')).json()).cards;
            const q = s => document.querySelector(s);
            const wide = [];
            for (const card of cards) {
                q('.hb-card__prompt').innerHTML = card.prompt;
                q('.hb-card__choices').innerHTML = card.choices.map(c => `<li>${c}</li>`).join('');
                q('.hb-card__explanation').innerHTML = card.explanation;
                if (document.documentElement.scrollWidth > innerWidth) wide.push(card.id);
            }
            return wide;
        }"""
        )
        assert wide == [], f"these cards widen a 375 px screen: {wide}"
        # A table's cells break between words, never inside one ("Serializabl e"): the table scrolls instead.
        broken = tab.evaluate(
            """() => {
            const cells = ['Isolation level', 'Serializable', 'Lost update', 'Write skew', 'Phantom read'];
            const table = `<table><tr>${cells.map(c => `<th>${c}</th>`).join('')}</tr></table>`;
            document.querySelector('.hb-card__explanation').innerHTML = table;
            return Array.from(document.querySelectorAll('.hb-card__explanation th')).filter(cell => {
                const range = document.createRange();
                return cell.textContent.split(' ').some(word => {
                    const at = cell.textContent.indexOf(word);
                    range.setStart(cell.firstChild, at);
                    range.setEnd(cell.firstChild, at + word.length);
                    return range.getClientRects().length > 1;
                });
            }).map(cell => cell.textContent);
        }"""
        )
        assert broken == [], f"words broken inside table cells on a phone: {broken}"
        tab.reload()
        expect(tab.locator(READY)).to_be_attached()
        first = current(tab)
        button(tab, "Show answer").tap()
        button(tab, "I was wrong").tap()
        assert tab.evaluate("JSON.parse(localStorage.getItem('hb-progress')).flashcards.cards")[first]["lapses"] == 1
        # The next card scrolls (smoothly) into view, its top clear of the fixed header.
        tab.wait_for_function(
            """() => document.querySelector('.hb-card').getBoundingClientRect().top >=
                document.querySelector('.md-header').getBoundingClientRect().bottom""",
            timeout=3000,
        )
    finally:
        context.close()


def test_reviewing_goes_on_offline_once_the_page_is_loaded(page):
    open_flashcards(page)
    page.wait_for_load_state("networkidle")
    made = len(page.requests)
    page.context.set_offline(True)
    reviewed = [review(page, right=True), review(page, right=False)]
    page.get_by_label("Difficulty", exact=True).select_option("senior")
    expect(page.locator(".hb-card__difficulty")).to_have_text("senior")
    assert set(stored(page)["flashcards"]["cards"]) == set(reviewed)
    assert page.requests[made:] == [], "nothing was fetched while offline"


def test_instant_navigation_away_and_back_keeps_the_card_and_binds_keys_once(page, deck):
    open_flashcards(page)
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has read sitemap.xml
    page.evaluate("window.__shell = true")
    # Listeners are bound once, when the script loads: none may be added to `document` on the way back.
    page.evaluate("""() => { window.__bound = []; const add = document.addEventListener;
        document.addEventListener = function (type, ...rest) {
            window.__bound.push(type); return add.call(this, type, ...rest); }; }""")
    card = current(page)
    button(page, "Show answer").click()
    for _ in range(2):
        page.get_by_role("link", name="Read it in the handbook").click()
        expect(page.locator(f"#q-{card}")).to_be_attached()
        page.locator(".md-sidebar--primary a.md-nav__link[href$='study/flashcards/']").first.click()
        expect(page.locator(READY)).to_be_attached()
    assert page.evaluate("window.__shell === true"), "the navigations were instant, not full reloads"
    assert page.evaluate("window.__bound") == [], "no listener was added to document again"
    assert current(page) == card and page.locator(".hb-card__answer").is_visible(), "the card waits where it was"
    assert sum("flashcards.json" in url for url in page.requests) == 1, "the deck is fetched once"
    page.evaluate("""() => { window.__writes = 0; const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (key === 'hb-progress') window.__writes += 1; return set.call(this, key, value); }; }""")
    page.locator(".hb-card__answer").focus()
    page.keyboard.press("r")
    expect(button(page, "Show answer")).to_be_focused()
    assert page.evaluate("window.__writes") == 1, "one key press, one review"
    assert stored(page)["flashcards"]["cards"][card]["reviews"] == 1


def test_a_version_1_store_is_migrated_keeping_quiz_answers_and_checklist_ticks(page):
    old = {
        "version": 1,
        "quizzes": {QUESTIONS[0].id: {"chosen": [0], "correct": True, "at": "2026-01-01T00:00:00Z"}},
        "checklists": {"night-before": {"sleep": {"checked": True, "at": "2026-01-01T00:00:00Z"}}},
    }
    page.goto(URL)
    page.evaluate("old => localStorage.setItem('hb-progress', JSON.stringify(old))", old)
    page.reload()
    expect(page.locator(READY)).to_be_attached()
    card = review(page, right=True)
    data = stored(page)
    assert data["version"] == page.evaluate("hbProgress.VERSION") == 3
    assert data["quizzes"] == old["quizzes"] and data["checklists"] == old["checklists"]
    assert list(data["flashcards"]["cards"]) == [card]


def test_a_store_from_a_newer_version_is_never_overwritten(page):
    newer = json.dumps({"version": 99, "quizzes": {}, "checklists": {}, "flashcards": {"cards": {}}, "more": 1})
    page.goto(URL)
    page.evaluate("raw => localStorage.setItem('hb-progress', raw)", newer)
    page.reload()
    expect(page.locator(READY)).to_be_attached()
    expect(page.locator(".hb-flashcards__fallback")).to_contain_text("newer version of the handbook")
    review(page, right=True)
    assert page.evaluate("localStorage.getItem('hb-progress')") == newer


def test_without_javascript_a_message_and_no_dead_controls(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(URL)
        expect(tab.locator(".hb-flashcards__fallback")).to_contain_text("need JavaScript")
        expect(tab.locator(".hb-flashcards__app")).to_be_hidden()
        expect(tab.locator(".hb-flashcards").get_by_role("button")).to_have_count(0)  # hidden ones are not counted
        tab.locator(".hb-flashcards__fallback a").click()
        expect(tab).to_have_url(re.compile(r"/quizzes/$"))
    finally:
        context.close()


def test_a_revealed_card_has_no_serious_or_critical_accessibility_violation(browser, site_url):
    # Reduced motion: "Show answer" scrolls the grade buttons up, and axe must not measure colours mid-scroll.
    context = browser.new_context(base_url=site_url, color_scheme="light", bypass_csp=True, reduced_motion="reduce")
    try:
        tab = context.new_page()
        open_flashcards(tab)
        button(tab, "Show answer").click()
        tab.wait_for_load_state("networkidle")
        found = violations(tab)
        assert not found, "\n".join(found)
    finally:
        context.close()
