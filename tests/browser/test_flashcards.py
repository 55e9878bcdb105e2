"""The flashcards page in headless Chromium: recall and recognition, FSRS schedule, storage, filters, keyboard,
phone, offline.

Expected numbers come from data/ and mkdocs.yml's nav (read here, not through handbook.exports.flashcards),
never from constants, so they follow the content writers' quizzes; expected schedules come from the Python
`fsrs` package, replayed at the moments the page stored (tests/unit/test_fsrs_parity.py checks the libraries
agree on their own).
"""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler
from mkdocs.config import load_config
from playwright.sync_api import expect

from tests.browser.test_accessibility import violations
from tests.conftest import ROOT
from tests.support.contexts import real_data
from tests.unit.test_fsrs_parity import ordered

pytestmark = pytest.mark.browser

URL = "study/flashcards/"
READY = ".hb-flashcards[data-hb-ready=true]"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
QUIZ_CALL = re.compile(r"""\{\{-?\s*quiz\(\s*(?:quiz_id\s*=\s*)?["']([a-z0-9-]+)""")
QUIZZES = real_data().quizzes
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


GRADES = ["Again", "Hard", "Good", "Easy"]


def grade_button(page, grade: str):
    """A grade button: its name is the grade, then when the card would come back ("Good 10m (due in 10 minutes)")."""
    return page.get_by_role("button", name=re.compile(rf"^{grade} \w+ \(due in "))


def review(page, grade: str = "Good") -> str:
    """Reveal the card on screen and grade it with the buttons; return its id."""
    card = current(page)
    button(page, "Show answer").click()
    grade_button(page, grade).click()
    return card


def when(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def python_replay(grades: list[str], moments: list[datetime]) -> Card:
    """The card the Python FSRS gives for the same grades at the same moments (no fuzz, as the page)."""
    scheduler, card = Scheduler(enable_fuzzing=False), Card(card_id=1, due=moments[0])
    for grade, moment in zip(grades, moments, strict=True):
        card = ordered(scheduler, card, GRADES.index(grade) + 1, moment)
    return card


def assert_schedule_matches(state: dict, grades: list[str], moments: list[datetime]):
    expected = python_replay(grades, moments)
    slack = timedelta(minutes=1) if expected.due - moments[-1] < timedelta(days=1) else timedelta(seconds=1)
    assert abs(when(state["due"]) - expected.due) < slack, f"due {state['due']}, FSRS says {expected.due}"
    assert state["stability"] == pytest.approx(expected.stability, rel=1e-3)
    assert state["difficulty"] == pytest.approx(expected.difficulty, rel=1e-3)


def anki_label(delta: timedelta) -> str:
    """How the page writes an interval on a grade button (flashcards.js `interval`)."""
    minutes, days = delta.total_seconds() / 60, delta.total_seconds() / 86400
    if minutes < 60:
        return f"{max(1, math.floor(minutes + 0.5))}m"
    if days < 1:
        return f"{math.floor(minutes / 60 + 0.5)}h"
    return f"{math.floor(days + 0.5)}d"


@pytest.fixture(scope="module")
def deck(site_dir) -> dict[str, dict]:
    cards = json.loads((site_dir / "assets" / "flashcards.json").read_text(encoding="utf-8"))["cards"]
    return {card["id"]: card for card in cards}


def test_recall_shows_the_prompt_only_then_the_answer_and_fsrs_schedules_each_grade(page, deck, site_url):
    total = len(QUESTIONS)
    page.clock.install(time=START)
    open_flashcards(page)
    expect_counts(page, due=0, new=total, learned=0)
    expect(page.locator(".hb-card__state")).to_have_text("New card")
    expect(page.get_by_label("Front", exact=True)).to_have_value("recall")

    first = current(page)
    expect(page.locator(".hb-card__prompt")).to_be_visible()
    expect(page.locator(".hb-card__choices")).to_be_hidden()  # recall: the front is the prompt alone
    expect(page.locator(".hb-card__answer")).to_be_hidden()
    button(page, "Show answer").click()
    expect(page.locator(".hb-card__answer")).to_be_visible()
    expect(page.locator(".hb-card__answer")).to_be_focused()
    right = [deck[first]["choices"][n] for n in deck[first]["correct"]]
    assert page.locator(".hb-card__right li").evaluate_all("items => items.map(i => i.innerHTML)") == right
    expect(page.locator(".hb-card__explanation")).to_be_visible()
    link = page.get_by_role("link", name="Read it in the handbook")
    expect(link).to_have_attribute("href", site_url + deck[first]["url"])
    # Each button says when the card comes back with that grade: the Python FSRS's intervals for a new card.
    now = datetime.fromisoformat(page.evaluate("new Date().toISOString()").replace("Z", "+00:00"))
    for n in range(len(GRADES)):
        card, _ = Scheduler(enable_fuzzing=False).review_card(Card(card_id=1, due=now), Rating(n + 1), now)
        shown = page.locator(f".hb-flashcards__grade [data-rating='{n + 1}'] .hb-flashcards__interval")
        expect(shown).to_have_text(anki_label(card.due - now))
    grade_button(page, "Good").click()
    state = stored(page)["flashcards"]["cards"][first]
    assert (state["state"], state["reps"], state["lapses"]) == (1, 1, 0), "learning, after one review"
    assert_schedule_matches(state, ["Good"], [when(state["last_review"])])
    expect_counts(page, due=0, new=total - 1, learned=1)
    expect(page.locator(".hb-flashcards__status")).to_have_text("Good: it comes back in 10 minutes.")
    expect(button(page, "Show answer")).to_be_focused()  # the next card, ready for the keyboard

    missed = review(page, "Again")
    state = stored(page)["flashcards"]["cards"][missed]
    assert state["state"] == 1 and when(state["due"]) - when(state["last_review"]) == timedelta(minutes=1)
    expect(page.locator(".hb-flashcards__status")).to_have_text("Again: it comes back in 1 minute.")
    moments = [when(stored(page)["flashcards"]["cards"][first]["last_review"])]

    page.clock.fast_forward("10:30")  # both fall due; the page recounts every 15 seconds while it is open
    expect_counts(page, due=2, new=total - 2, learned=0)
    after = current(page)  # the card on screen stays; the due ones come before the other new cards
    review(page, "Easy")
    assert current(page) == missed, "the card missed first, due first"
    review(page, "Good")
    assert current(page) == first
    review(page, "Good")
    state = stored(page)["flashcards"]["cards"][first]
    moments.append(when(state["last_review"]))
    assert state["state"] == 2, "graduated to review"
    assert_schedule_matches(state, ["Good", "Good"], moments)
    assert after not in (first, missed)

    page.clock.fast_forward("11:00")  # the missed card's 10-minute step is over
    page.reload()
    expect(page.locator(READY)).to_be_attached()
    expect_counts(page, due=1, new=total - 3, learned=2)
    assert current(page) == missed, "due cards come before new ones"
    expect(page.locator(".hb-card__state")).to_have_text("Learning")

    page.once("dialog", lambda dialog: dialog.accept())
    button(page, "Forget my reviews").click()
    expect_counts(page, due=0, new=total, learned=0)
    assert stored(page)["flashcards"]["cards"] == {}


def test_recognition_mode_shows_the_choices_and_marks_the_right_ones(page, deck):
    open_flashcards(page)
    page.get_by_label("Front", exact=True).select_option("recognition")
    card = current(page)
    expect(page.locator(".hb-card__choices li")).to_have_count(len(deck[card]["choices"]))
    expect(page.locator(".hb-card__choices")).to_be_visible()
    button(page, "Show answer").click()
    expect(page.locator(".hb-card__choice--right")).to_have_count(len(deck[card]["correct"]))
    expect(page.locator(".hb-card__recalled")).to_be_hidden()
    grade_button(page, "Hard").click()
    assert stored(page)["flashcards"]["filters"]["mode"] == "recognition"
    page.reload()
    expect(page.locator(READY)).to_be_attached()
    expect(page.get_by_label("Front", exact=True)).to_have_value("recognition")
    expect(page.locator(".hb-card__choices")).to_be_visible()


@pytest.mark.parametrize(
    ("reviewed", "before", "after"),
    [
        # Easy on a new card: 8 days. Due at 21:30; shown from 4:00 that day, the start of the reader's study day.
        ("2026-03-02T21:30:00+01:00", "2026-03-10T03:59:00+01:00", "2026-03-10T04:00:30+01:00"),
        # After midnight the review still belongs to the evening before; the due date is 8 days on all the same.
        ("2026-03-03T01:30:00+01:00", "2026-03-10T03:59:00+01:00", "2026-03-10T04:00:30+01:00"),
        # Clocks go forward in between: still 4:00 local time on the due date.
        ("2026-03-28T10:00:00+01:00", "2026-04-05T03:59:00+02:00", "2026-04-05T04:00:30+02:00"),
    ],
)
def test_a_review_card_is_due_from_the_start_of_its_study_day_in_the_readers_time_zone(
    browser, site_url, reviewed, before, after
):
    context = browser.new_context(base_url=site_url, timezone_id="Europe/Berlin")
    try:
        tab = context.new_page()
        tab.clock.install(time=datetime.fromisoformat(reviewed))
        open_flashcards(tab)
        card = review(tab, "Easy")
        state = stored(tab)["flashcards"]["cards"][card]
        assert state["state"] == 2 and when(state["due"]) - when(state["last_review"]) == timedelta(days=8)
        expect(tab.locator(".hb-flashcards__status")).to_have_text("Easy: it comes back in 8 days.")
        tab.clock.pause_at(datetime.fromisoformat(before))
        assert not tab.evaluate("id => hbProgress.isDue(hbProgress.cards()[id], Date.now())", card)
        tab.clock.pause_at(datetime.fromisoformat(after))
        assert tab.evaluate("id => hbProgress.isDue(hbProgress.cards()[id], Date.now())", card)
    finally:
        context.close()


def test_a_review_the_browser_cannot_store_counts_for_the_session_and_says_it_is_not_kept(page):
    open_flashcards(page)
    page.evaluate("""() => { // fill this origin's storage, in big then small pieces, until it refuses
        let n = 0;
        for (const size of [1 << 20, 1 << 10, 1]) {
            try { for (;;) localStorage.setItem('hb-fill-' + n++, 'x'.repeat(size)); } catch (e) { /* full */ }
        } }""")
    card = review(page, "Good")
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
    assert stored(page)["flashcards"]["filters"] == {
        "section": section,
        "difficulty": level,
        "mode": "recall",
        "only": "",
    }


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
    page.keyboard.press("3")
    expect(reveal).to_be_focused()
    assert stored(page)["flashcards"]["cards"][first]["reps"] == 1
    expect(page.locator(".hb-flashcards__status")).to_have_text(re.compile("^Good: "))
    for key, grade in (("1", "Again"), ("2", "Hard"), ("4", "Easy")):
        card = current(page)
        page.keyboard.press(key)  # not revealed yet: nothing happens
        assert card not in stored(page)["flashcards"]["cards"]
        page.keyboard.press("Enter" if key == "2" else "Space")
        expect(page.locator(".hb-card__answer")).to_be_visible()
        page.keyboard.press(key)
        expect(reveal).to_be_focused()
        expect(page.locator(".hb-flashcards__status")).to_have_text(re.compile(f"^{grade}: "))
        assert stored(page)["flashcards"]["cards"][card]["reps"] == 1


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
            tab.get_by_label("Cards", exact=True),
            tab.get_by_label("Front", exact=True),
            tab.get_by_role("link", name="Read it in the handbook"),
            *(grade_button(tab, grade) for grade in GRADES),
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
                q('.hb-card__choices').hidden = false;
                q('.hb-card__right').innerHTML = card.correct.map(n => `<li>${card.choices[n]}</li>`).join('');
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
        grade_button(tab, "Again").tap()
        assert tab.evaluate("JSON.parse(localStorage.getItem('hb-progress')).flashcards.cards")[first]["state"] == 1
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
    reviewed = [review(page, "Good"), review(page, "Again")]
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
    assert sum("ts-fsrs" in url for url in page.requests) == 1, "the scheduler is loaded once"
    page.evaluate("""() => { window.__writes = 0; const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (key === 'hb-progress') window.__writes += 1; return set.call(this, key, value); }; }""")
    page.locator(".hb-card__answer").focus()
    page.keyboard.press("3")
    expect(button(page, "Show answer")).to_be_focused()
    assert page.evaluate("window.__writes") == 1, "one key press, one review"
    assert stored(page)["flashcards"]["cards"][card]["reps"] == 1


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
    card = review(page, "Good")
    data = stored(page)
    assert data["version"] == page.evaluate("hbProgress.VERSION") == 4
    assert data["quizzes"] == old["quizzes"] and data["checklists"] == old["checklists"]
    assert list(data["flashcards"]["cards"]) == [card]


def test_a_store_from_a_newer_version_is_never_overwritten(page):
    newer = json.dumps({"version": 99, "quizzes": {}, "checklists": {}, "flashcards": {"cards": {}}, "more": 1})
    page.goto(URL)
    page.evaluate("raw => localStorage.setItem('hb-progress', raw)", newer)
    page.reload()
    expect(page.locator(READY)).to_be_attached()
    expect(page.locator(".hb-flashcards__fallback")).to_contain_text("newer version of the handbook")
    review(page, "Good")
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
        tab.mouse.move(0, 0)  # the answer's link now lies under the pointer: Material's hover colour is not the page's
        found = violations(tab)
        assert not found, "\n".join(found)
    finally:
        context.close()
