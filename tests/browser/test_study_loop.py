"""One study loop in headless Chromium: a wrong quiz answer becomes a due flashcard, the quizzes page sorts by
weakest score and retries the misses, the dashboard counts what the store holds, progress travels in a file,
the quiz feedback colours follow the answer, and a v3 store's Leitner cards become FSRS cards.

Expected numbers are computed here from the built site's progress index and the store the test wrote, never
from constants; FSRS's values come from the bundle the site ships (window.FSRS).
"""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.support.contexts import real_data

pytestmark = pytest.mark.browser

FLASHCARDS = "study/flashcards/"
READY = ".hb-flashcards[data-hb-ready=true]"
DASHBOARD = ".hb-dashboard[data-hb-ready=true]"
DATA = real_data()
QUESTIONS = {q.id: q for item in DATA.quizzes.values() for q in item.model.questions}
CHECKLIST_ITEMS = {
    cid: [item.id for section in c.model.sections for item in section.items] for cid, c in DATA.checklists.items()
}


@pytest.fixture
def errors(page):
    """Console errors and uncaught exceptions of the test's page; each test asserts there are none."""
    found = []
    page.on("console", lambda message: found.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


@pytest.fixture(scope="module")
def index(site_dir) -> list[dict]:
    return json.loads((site_dir / "assets" / "progress-index.json").read_text(encoding="utf-8"))["sections"]


def stored(page) -> dict:
    return page.evaluate("JSON.parse(localStorage.getItem('hb-progress') || 'null')")


def put(page, data: dict):
    page.evaluate("data => localStorage.setItem('hb-progress', JSON.stringify(data))", data)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def section_of(index: list[dict], question_id: str) -> str:
    return next(section["title"] for section in index if question_id in section["questions"])


def dashboard_rows(page) -> dict[str, list[str]]:
    """The dashboard table as {section: [seen, accuracy, due, checklists, misses]}."""
    expect(page.locator(DASHBOARD).first).to_be_attached()
    rows = page.locator(".hb-dashboard tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.children).map(c => c.textContent.trim()))"
    )
    return {row[0]: row[1:] for row in rows}


def answer(page, question, right: bool):
    correct = question.get_attribute("data-correct").split(",")
    values = question.locator(".hb-choice input").evaluate_all("inputs => inputs.map(i => i.value)")
    chosen = correct[0] if right else next(v for v in values if v not in correct)
    question.locator(f"label[for$='-{chosen}']").click()
    expect(question.locator(".hb-feedback")).to_have_text(re.compile("^Correct" if right else "^Wrong"))


# --- The loop ----------------------------------------------------------------------------------------------


def test_a_wrong_quiz_answer_is_due_as_a_flashcard_and_retry_my_misses_runs_just_those(page, errors, index):
    page.goto("data/replication/")
    quiz = page.locator(".hb-quiz[data-hb-ready]").first
    expect(quiz).to_be_attached()
    missed_question, right_question = quiz.locator(".hb-question").nth(0), quiz.locator(".hb-question").nth(1)
    missed = missed_question.get_attribute("data-question-id")
    answer(page, missed_question, right=False)
    answer(page, right_question, right=True)
    cards = stored(page)["flashcards"]["cards"]
    assert set(cards) == {missed}, "only the wrong answer enters the flashcards"
    assert cards[missed]["missed"] == cards[missed]["due"] == stored(page)["quizzes"][missed]["at"], "due now"
    assert page.evaluate("id => hbProgress.isDue(hbProgress.cards()[id], Date.now())", missed)

    page.goto(FLASHCARDS)
    expect(page.locator(READY)).to_be_attached()
    expect(page.locator(".hb-flashcards__count[data-count=due]")).to_have_text("1")
    assert page.locator(".hb-card").get_attribute("data-card-id") == missed, "due cards come before new ones"
    expect(page.locator(".hb-card__missed")).to_be_visible()

    page.goto("quizzes/")
    section = section_of(index, missed)
    rows = dashboard_rows(page)
    assert rows[section][4] == "Retry 1" and rows["All sections"][4] == "Retry 1"
    assert rows[section][2] == "1", "one card due in that section"
    retry = page.get_by_role("link", name=f"Retry 1 quiz miss in {section} as flashcards")
    retry.click()
    expect(page.locator(READY)).to_be_attached()
    expect(page).to_have_url(re.compile(r"/study/flashcards/$"))  # the query was applied and dropped
    expect(page.get_by_label("Cards", exact=True)).to_have_value("misses")
    expect(page.get_by_label("Section", exact=True)).to_have_value(section)
    for name, value in (("due", "1"), ("new", "0"), ("learned", "0")):
        expect(page.locator(f".hb-flashcards__count[data-count={name}]")).to_have_text(value)
    assert page.locator(".hb-card").get_attribute("data-card-id") == missed
    page.get_by_role("button", name="Show answer", exact=True).click()
    page.get_by_role("button", name=re.compile(r"^Good \w+ \(due in ")).click()
    assert "missed" not in stored(page)["flashcards"]["cards"][missed], "recalled: no longer a miss"
    expect(page.locator(".hb-flashcards__done")).to_contain_text("No quiz misses in this selection")

    page.goto("quizzes/")
    rows = dashboard_rows(page)
    assert rows["All sections"][4] == "0"
    expect(page.locator(".hb-dashboard__retry")).to_have_count(0)
    assert errors == []


def test_forgetting_quiz_answers_also_forgets_the_misses_they_made(page, errors):
    page.goto("data/replication/")
    quiz = page.locator(".hb-quiz[data-hb-ready]").first
    expect(quiz).to_be_attached()
    question = quiz.locator(".hb-question").nth(0)
    answer(page, question, right=False)
    missed = question.get_attribute("data-question-id")
    assert "missed" in stored(page)["flashcards"]["cards"][missed]
    page.evaluate("hbProgress.clearAllAnswers()")
    card = stored(page)["flashcards"]["cards"][missed]
    assert "missed" not in card and stored(page)["quizzes"] == {}, "the miss goes with the answer"
    assert card["due"], "the card itself (its schedule) stays"
    assert errors == []


def test_the_quizzes_table_sorts_by_weakest_score(page, errors):
    page.goto("quizzes/")
    expect(page.locator(DASHBOARD)).to_be_attached()
    reading = page.locator(".hb-quiz-progress[data-quiz-id]").evaluate_all("s => s.map(x => x.dataset.quizId)")
    a, b, c, d = reading[2], reading[5], reading[0], reading[7]
    at = "2026-03-02T09:00:00.000Z"

    def answers(quiz_id: str, rights: list[bool]) -> dict:
        ids = [q.id for q in DATA.quizzes[quiz_id].model.questions]
        return {qid: {"chosen": [0], "correct": ok, "at": at} for qid, ok in zip(ids, rights, strict=False)}

    put(
        page,
        {
            "version": 4,
            "quizzes": {
                **answers(a, [True, False]),  # 50%
                **answers(b, [False]),  # 0%
                **answers(c, [True, True]),  # 100%
                **answers(d, [True, False, True, False]),  # 50%, but more misses than a
            },
        },
    )
    page.reload()
    expect(page.locator(DASHBOARD)).to_be_attached()
    order = page.get_by_label("Order", exact=True)
    expect(order).to_have_value("")
    order.select_option("weakest")
    shown = page.locator(".hb-quiz-progress[data-quiz-id]").evaluate_all("s => s.map(x => x.dataset.quizId)")
    rest = [quiz for quiz in reading if quiz not in (a, b, c, d)]
    assert shown == [b, d, a, c, *rest], "lowest share right first, then the most misses; not started last"
    last = page.locator("table:has(.hb-quiz-progress) tbody tr").last
    expect(last.locator(".hb-quiz-progress-total")).to_have_count(1)  # the total row stays at the bottom
    order.select_option("")
    shown = page.locator(".hb-quiz-progress[data-quiz-id]").evaluate_all("s => s.map(x => x.dataset.quizId)")
    assert shown == reading
    assert errors == []


def test_the_dashboard_counts_what_the_store_holds_on_the_home_and_quizzes_pages(page, errors, index):
    page.clock.install(time=datetime(2026, 3, 10, 12, 0, tzinfo=UTC))
    first, second = index[1], next(s for s in index[2:] if s["questions"])
    lists = next(s for s in index if s["checklists"])
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    at = iso(now - timedelta(days=3))

    def card(due: datetime, state: int = 2, reps: int = 3, missed: bool = False) -> dict:
        value = {
            "due": iso(due),
            "stability": 5.0,
            "difficulty": 5.0,
            "elapsed_days": 0,
            "scheduled_days": 5,
            "learning_steps": 0,
            "reps": reps,
            "lapses": 0,
            "state": state,
            "last_review": at,
        }
        if missed:
            value["missed"] = iso(now - timedelta(hours=1))
        return value

    q1, q2, q3 = first["questions"][:3]
    quizzes = {
        q1: {"chosen": [0], "correct": True, "at": at},
        q2: {"chosen": [1], "correct": False, "at": at},
        q3: {"chosen": [0], "correct": True, "at": at},
    }
    cards = {
        q2: card(now - timedelta(hours=1), state=0, reps=0, missed=True),  # missed in a quiz: due
        second["questions"][0]: card(now - timedelta(days=1)),  # a review card due yesterday
        second["questions"][1]: card(now + timedelta(days=5)),  # reviewed, not due
        second["questions"][2]: card(now + timedelta(minutes=5), state=1),
    }  # learning, due in 5 minutes
    done, partial = (
        list(lists["checklists"])[:2] if len(lists["checklists"]) > 1 else (list(lists["checklists"])[0], None)
    )
    checklists = {done: {item: {"checked": True, "at": at} for item in CHECKLIST_ITEMS[done]}}
    if partial:
        checklists[partial] = {CHECKLIST_ITEMS[partial][0]: {"checked": True, "at": at}}
    data = {
        "version": 4,
        "quizzes": quizzes,
        "checklists": checklists,
        "flashcards": {"cards": cards, "filters": {}},
        "practice": {},
    }

    def expected(sections: list[dict]) -> list[str]:
        ids = [q for s in sections for q in s["questions"]]
        answered = [q for q in ids if q in quizzes]
        right = [q for q in answered if quizzes[q]["correct"]]
        seen = {q for q in ids if q in quizzes or (q in cards and cards[q]["reps"])}
        due = [
            q
            for q in ids
            if q in cards
            and (cards[q]["due"] <= iso(now) if cards[q]["state"] != 2 else cards[q]["due"][:10] <= iso(now)[:10])
        ]
        misses = [q for q in ids if q in cards and cards[q].get("missed")]
        names = [c for s in sections for c in s["checklists"]]
        finished = [c for c in names if len(checklists.get(c, {})) >= len(CHECKLIST_ITEMS[c])]
        return [
            f"{len(seen)} of {len(ids)}" if ids else "–",
            f"{math.floor(100 * len(right) / len(answered) + 0.5)}%" if answered else "–",
            str(len(due)) if ids else "–",
            f"{len(finished)} of {len(names)}" if names else "–",
            (f"Retry {len(misses)}" if misses else "0") if ids else "–",
        ]

    page.goto("")
    put(page, data)
    for url in ("", "quizzes/"):
        page.goto(url)
        rows = dashboard_rows(page)
        assert list(rows) == [s["title"] for s in index] + ["All sections"], url
        for section in index:
            assert rows[section["title"]] == expected([section]), f"{url}: {section['title']}"
        assert rows["All sections"] == expected(index), url
    assert rows[first["title"]][:3] == ["3 of " + str(len(first["questions"])), "67%", "1"], "the test's own data"
    assert rows[second["title"]][2] == "1", "yesterday's review card is due; a learning card due later is not"
    assert errors == []


def test_a_first_visit_home_page_shows_a_line_and_no_table_of_zeros(page, errors):
    page.goto("")
    expect(page.locator(DASHBOARD)).to_be_attached()
    expect(page.locator(".hb-dashboard__empty")).to_be_visible()
    expect(page.locator(".hb-dashboard__table")).to_be_hidden()
    assert errors == []


# --- Export and import -------------------------------------------------------------------------------------


FULL_STORE = {
    "version": 4,
    "quizzes": {
        "replication-async-follower-read-after-write": {
            "chosen": [1],
            "correct": False,
            "at": "2026-03-01T10:00:00.000Z",
        }
    },
    "checklists": {"night-before": {"sleep": {"checked": True, "at": "2026-03-01T10:00:00.000Z"}}},
    "flashcards": {
        "cards": {
            "replication-async-follower-read-after-write": {
                "due": "2026-03-01T10:00:00.000Z",
                "stability": 2.3065,
                "difficulty": 2.118,
                "elapsed_days": 0,
                "scheduled_days": 2,
                "learning_steps": 0,
                "reps": 2,
                "lapses": 0,
                "state": 2,
                "last_review": "2026-02-27T10:00:00.000Z",
                "missed": "2026-03-01T10:00:00.000Z",
            }
        },
        "filters": {"section": "Data at scale", "difficulty": "", "mode": "recognition", "only": ""},
    },
    "practice": {"runs": {"url-shortener": {"started": 5, "stage": 2}}, "plan": {"track": "3w"}},
}


def test_progress_exported_to_a_file_imports_whole_on_a_fresh_browser(page, browser, site_url, errors, tmp_path):
    page.goto("quizzes/")
    put(page, FULL_STORE)
    page.reload()
    expect(page.locator(DASHBOARD)).to_be_attached()
    export = page.get_by_role("button", name="Export my progress", exact=True)
    export.focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")  # the keyboard alone exports
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert re.fullmatch(r"handbook-progress-\d{4}-\d\d-\d\d\.json", path.name)
    file = json.loads(path.read_text(encoding="utf-8"))
    assert file["schema"] == "backend-interview-handbook/progress" and file["version"] == 4
    assert file["progress"] == stored(page) == FULL_STORE
    expect(page.locator(".hb-transfer__status")).to_contain_text(
        "Exported 1 quiz answer, 1 reviewed flashcard, 1 checklist tick and 2 practice records"
    )

    fresh = browser.new_context(base_url=site_url)
    try:
        tab = fresh.new_page()
        tab_errors = []
        tab.on("pageerror", lambda error: tab_errors.append(str(error)))
        tab.goto("quizzes/")
        expect(tab.locator(DASHBOARD)).to_be_attached()
        questions = []
        tab.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
        tab.locator(".hb-transfer__file").set_input_files(path)
        expect(tab.locator(".hb-transfer__status")).to_contain_text("Imported 1 quiz answer, 1 reviewed flashcard")
        assert "with the file's (1 quiz answer, 1 reviewed flashcard, 1 checklist tick and 2 practice" in questions[0]
        assert stored(tab) == FULL_STORE, "everything travels, the practice records too"
        rows = dashboard_rows(tab)
        assert rows["All sections"][0].startswith("1 of "), "the dashboard counts the imported progress at once"
        tab.goto(FLASHCARDS)
        expect(tab.locator(READY)).to_be_attached()
        expect(tab.get_by_label("Front", exact=True)).to_have_value("recognition")
        assert tab_errors == []
    finally:
        fresh.close()
    assert errors == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("this is not JSON {", "it is not a JSON file"),
        (json.dumps({"version": 4, "quizzes": {}}), "it is not a progress file of this handbook"),
        (
            json.dumps({"schema": "backend-interview-handbook/progress", "version": 99, "progress": {}}),
            "a newer version of the handbook wrote it (format 99; this page reads up to 4)",
        ),
        (
            json.dumps(
                {
                    "schema": "backend-interview-handbook/progress",
                    "version": 4,
                    "progress": {"quizzes": {"q": {"chosen": "A", "correct": True}}},
                }
            ),
            'quizzes["q"] is not a quiz answer',
        ),
        (
            json.dumps(
                {
                    "schema": "backend-interview-handbook/progress",
                    "version": 4,
                    "progress": {"flashcards": {"cards": {"q": {"due": "soon", "state": 2}}}},
                }
            ),
            'flashcards.cards["q"] is not a flashcard\'s schedule',
        ),
    ],
    ids=["not-json", "wrong-schema", "newer-version", "bad-answer", "bad-card"],
)
def test_a_bad_file_is_refused_with_its_reason_and_nothing_changes(page, errors, content, reason):
    page.goto("quizzes/")
    put(page, FULL_STORE)
    page.reload()
    expect(page.locator(DASHBOARD)).to_be_attached()
    before = page.evaluate("localStorage.getItem('hb-progress')")
    page.on("dialog", lambda dialog: pytest.fail(f"a refused file must not ask anything: {dialog.message}"))
    page.locator(".hb-transfer__file").set_input_files(
        files=[{"name": "progress.json", "mimeType": "application/json", "buffer": content.encode()}]
    )
    status = page.locator(".hb-transfer__status")
    expect(status).to_have_text(re.compile(rf"^Not imported: {re.escape(reason)}.*\. Nothing was changed\.$"))
    assert page.evaluate("localStorage.getItem('hb-progress')") == before
    assert errors == []


def test_an_older_export_is_upgraded_on_import(page, errors):
    page.goto("quizzes/")
    expect(page.locator(DASHBOARD)).to_be_attached()
    old = {
        "schema": "backend-interview-handbook/progress",
        "version": 3,
        "progress": {
            "quizzes": {},
            "checklists": {},
            "practice": {"loops": [1]},
            "flashcards": {
                "cards": {
                    "x": {
                        "box": 3,
                        "due": "2026-03-05T04:00:00.000Z",
                        "last": "2026-03-02T09:00:00.000Z",
                        "reviews": 2,
                        "lapses": 0,
                    }
                },
                "filters": {},
            },
        },
    }
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".hb-transfer__file").set_input_files(
        files=[{"name": "old.json", "mimeType": "application/json", "buffer": json.dumps(old).encode()}]
    )
    expect(page.locator(".hb-transfer__status")).to_contain_text("Imported")
    data = stored(page)
    assert data["version"] == 4 and data["practice"] == {"loops": [1]}
    assert data["flashcards"]["cards"]["x"]["state"] == 2 and data["flashcards"]["cards"]["x"]["stability"] == 3
    assert errors == []


# --- Feedback colours, migration, phone ---------------------------------------------------------------------

# Material's admonition colours: success #00c853 (with a tick), failure #ff5252 (with a cross), the same in both
# schemes; the box is neutral (info, #00b8d4) before an answer.
COLOURS = {"success": "rgb(0, 200, 83)", "failure": "rgb(255, 82, 82)", "info": "rgb(0, 184, 212)"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_explanation_box_is_green_when_right_and_red_when_wrong(browser, site_url, fixture_pages, scheme):
    context = browser.new_context(base_url=site_url, color_scheme=scheme, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(fixture_pages["quiz"])
        expect(page.locator(".hb-quiz[data-hb-ready]")).to_be_attached()
        if scheme == "dark":
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        box = {q: page.locator(f"#q-{q} details.hb-answer") for q in ("hbtest-single", "hbtest-third")}

        def colours(details) -> list[str]:
            return details.evaluate(
                "d => [getComputedStyle(d).borderLeftColor, "
                "getComputedStyle(d.querySelector('summary'), '::before').backgroundColor]"
            )

        assert colours(box["hbtest-single"]) == [COLOURS["info"], COLOURS["info"]], "neutral before an answer"
        page.locator("#q-hbtest-single label[for$='-1']").click()  # 80: wrong
        page.locator("#q-hbtest-third label[for$='-0']").click()  # right
        expect(box["hbtest-single"]).to_have_class(re.compile(r"\bfailure\b"))
        expect(box["hbtest-third"]).to_have_class(re.compile(r"\bsuccess\b"))
        assert colours(box["hbtest-single"]) == [COLOURS["failure"], COLOURS["failure"]]
        assert colours(box["hbtest-third"]) == [COLOURS["success"], COLOURS["success"]]
        page.reload()  # restored answers keep their colours
        expect(box["hbtest-single"]).to_have_class(re.compile(r"\bfailure\b"))
        page.get_by_role("button", name="Try again").click()
        expect(box["hbtest-single"]).to_have_class(re.compile(r"\binfo\b"))
        assert "success" not in box["hbtest-third"].get_attribute("class")
    finally:
        context.close()


def test_a_version_3_store_becomes_fsrs_cards_keeping_every_answer_tick_and_review(page, errors):
    leitner = {
        "missed-twice": {
            "box": 1,
            "due": "2026-03-02T09:00:00.000Z",
            "last": "2026-03-02T09:00:00.000Z",
            "reviews": 3,
            "lapses": 2,
        },
        "never-missed": {
            "box": 3,
            "due": "2026-03-05T03:00:00.000Z",
            "last": "2026-03-02T09:00:00.000Z",
            "reviews": 2,
            "lapses": 0,
        },
        "box-five": {
            "box": 5,
            "due": "2026-03-20T03:00:00.000Z",
            "last": "2026-03-04T09:00:00.000Z",
            "reviews": 6,
            "lapses": 1,
        },
    }
    real = next(iter(QUESTIONS))
    leitner[real] = dict(leitner["never-missed"])
    old = {
        "version": 3,
        "quizzes": {real: {"chosen": [0], "correct": True, "at": "2026-03-01T00:00:00Z"}},
        "checklists": {"night-before": {"sleep": {"checked": True, "at": "2026-03-01T00:00:00Z"}}},
        "flashcards": {"cards": leitner, "filters": {"section": "", "difficulty": QUESTIONS[real].difficulty}},
        "practice": {"runs": {"x": 1}},
    }
    page.clock.install(time=datetime(2026, 3, 6, 9, 0, tzinfo=UTC))
    page.goto(FLASHCARDS)
    put(page, old)
    page.reload()
    expect(page.locator(READY)).to_be_attached()
    data = page.evaluate("hbProgress.load()")  # migrated on reading; stored with the next change
    w = page.evaluate("Array.from(FSRS.default_w)")  # FSRS-6's defaults, from the bundle the site ships
    d_again, d_good = w[4], w[4] - math.exp(2 * w[5]) + 1
    assert data["version"] == 4
    assert {k: data[k] for k in ("quizzes", "checklists", "practice")} == {
        k: old[k] for k in ("quizzes", "checklists", "practice")
    }
    assert data["flashcards"]["filters"] == old["flashcards"]["filters"]
    cards = data["flashcards"]["cards"]
    assert set(cards) == set(leitner)
    for card_id, before in leitner.items():
        assert cards[card_id]["leitner"] == before, "the v3 state is kept beside the new one"
        assert (cards[card_id]["reps"], cards[card_id]["lapses"]) == (before["reviews"], before["lapses"])
        assert cards[card_id]["due"] == before["due"], "due when the box said"
    assert cards["missed-twice"]["state"] == 3 and cards["missed-twice"]["stability"] == pytest.approx(w[0])
    assert cards["missed-twice"]["difficulty"] == pytest.approx(d_again)
    assert (
        cards["never-missed"]["state"],
        cards["never-missed"]["stability"],
        cards["never-missed"]["scheduled_days"],
    ) == (2, 3, 3)
    assert cards["never-missed"]["difficulty"] == pytest.approx(d_good, abs=1e-6)
    assert cards["box-five"]["stability"] == 16 and d_good < cards["box-five"]["difficulty"] < d_again

    # The migrated card is an FSRS card: due since 5 March, reviewed now, it comes back after days.
    assert page.locator(".hb-card").get_attribute("data-card-id") == real
    expect(page.locator(".hb-card__state")).to_have_text("Review")
    page.get_by_role("button", name="Show answer", exact=True).click()
    page.get_by_role("button", name=re.compile(r"^Good \w+ \(due in ")).click()
    after = stored(page)["flashcards"]["cards"][real]
    assert after["state"] == 2 and after["reps"] == 3 and after["leitner"] == leitner[real]
    assert datetime.fromisoformat(after["due"].replace("Z", "+00:00")) - datetime(
        2026, 3, 6, 9, 0, tzinfo=UTC
    ) > timedelta(days=3)
    assert errors == []


@pytest.mark.parametrize("url", ["quizzes/", FLASHCARDS, ""])
def test_a_phone_in_dark_mode_shows_the_study_pages_without_sideways_scrolling(browser, site_url, url):
    context = browser.new_context(
        base_url=site_url,
        viewport={"width": 390, "height": 844},
        color_scheme="dark",
        has_touch=True,
        reduced_motion="reduce",
    )
    try:
        page = context.new_page()
        found = []
        page.on("pageerror", lambda error: found.append(str(error)))
        page.goto("data/replication/")
        answer(page, page.locator(".hb-question").first, right=False)  # something to count and retry
        page.goto(url)
        ready = READY if url == FLASHCARDS else DASHBOARD
        expect(page.locator(ready)).to_be_attached()
        if url == FLASHCARDS:
            page.get_by_role("button", name="Show answer", exact=True).tap()
            controls = [
                page.get_by_role("button", name=re.compile(rf"^{g} \w+ \(due in "))
                for g in ("Again", "Hard", "Good", "Easy")
            ]
        else:
            controls = [page.locator(".hb-dashboard__retry").first]
            if url == "quizzes/":
                controls += [
                    page.get_by_role("button", name="Export my progress"),
                    page.get_by_role("button", name="Import a progress file"),
                    page.get_by_label("Order", exact=True),
                ]
        for control in controls:
            control.scroll_into_view_if_needed()
            box = control.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, f"{control} sticks out: {box}"
            assert box["height"] >= 24, f"{control}: {box['height']} px high"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert found == []
    finally:
        context.close()


def test_the_scheduler_and_the_dashboard_load_only_where_they_are_used(page, errors):
    page.goto("data/replication/")
    expect(page.locator(".hb-quiz[data-hb-ready]").first).to_be_attached()
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has read sitemap.xml
    assert not [url for url in page.requests if "ts-fsrs" in url or "study-progress" in url or "progress-index" in url]
    page.evaluate("window.__shell = true")
    page.locator(".md-sidebar--primary a.md-nav__link[href$='quizzes/']").first.click()
    expect(page.locator(DASHBOARD)).to_be_attached()  # loaded on demand after an instant navigation too
    assert page.evaluate("window.__shell === true"), "the navigation was instant, not a full reload"
    assert sum("study-progress.js" in url for url in page.requests) == 1
    assert not [url for url in page.requests if "ts-fsrs" in url], "no page but the flashcards loads the scheduler"
    page.locator(".md-sidebar--primary a.md-nav__link[href$='study/flashcards/']").first.click()
    expect(page.locator(READY)).to_be_attached()
    assert sum("ts-fsrs/index.umd.js" in url for url in page.requests) == 1
    assert errors == []
