"""The flashcards' deck (handbook/exports/flashcards.py, `assets/flashcards.json`): every question once, linked."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from handbook.content.models import Question
from handbook.content.placements import read_placements
from handbook.content.questions import question_views, view
from handbook.exports import flashcards
from handbook.rendering import safe_markdown
from handbook.search.documents import from_page
from tests.build.html_scan import scan
from tests.conftest import ROOT
from tests.support.contexts import real_data

DATA = real_data()
CONFIG = load_config(config_file=str(ROOT / "mkdocs.yml"))
HOOK = flashcards


@pytest.fixture(scope="module")
def deck(site_dir) -> dict:
    return json.loads((site_dir / "assets" / "flashcards.json").read_text(encoding="utf-8"))


def test_the_deck_holds_every_question_of_data_once_as_the_quiz_shows_it(deck):
    expected = {q.id: (quiz_id, q) for quiz_id, item in DATA.quizzes.items() for q in item.model.questions}
    assert deck["version"] == HOOK.FORMAT_VERSION
    assert sorted(card["id"] for card in deck["cards"]) == sorted(expected), "each question exactly once"
    for card in deck["cards"]:
        quiz_id, question = expected[card["id"]]
        shown = [question.choices[i] for i in question.display_order]
        assert card["quiz"] == quiz_id and card["difficulty"] == question.difficulty
        assert card["prompt"] == safe_markdown.inline(question.prompt)
        assert card["choices"] == [safe_markdown.inline(choice.text) for choice in shown], "the quiz block's order"
        assert card["correct"] == [n for n, choice in enumerate(shown) if choice.correct]
        assert card["explanation"] == safe_markdown.block(question.explanation)


def test_every_card_links_to_its_question_on_a_built_page(deck, site_dir):
    broken = []
    for card in deck["cards"]:
        path, _, anchor = card["url"].partition("#")
        page = site_dir / path / "index.html"
        if not page.is_file():
            broken.append(f"{card['id']}: {card['url']}: no such page")
        elif anchor != f"q-{card['id']}" or anchor not in scan(page).ids:
            broken.append(f"{card['id']}: {card['url']}: no such anchor")
    assert broken == []


def _nav_pages(items) -> list[tuple[str | None, str]]:
    """(outermost nav title, page URL) for every page of the nav, in reading order: a page in a section gets the
    section's title, a top-level page its own (None when the nav gives none)."""
    found = []
    for item in items:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(value, list):
            found += [(title, url) for _, url in _nav_pages(value)]
        else:
            url = value.removesuffix(".md").removesuffix("index")
            found.append((title, url if url in ("", "/") or url.endswith("/") else url + "/"))
    return found


def test_cards_follow_the_reading_order_and_name_their_nav_section(deck):
    pages = _nav_pages(CONFIG.nav)
    position = {url: n for n, (_, url) in enumerate(pages)}
    section = dict((url, title) for title, url in pages)
    places = [card["url"].split("#")[0] for card in deck["cards"]]
    assert [position[place] for place in places] == sorted(position[place] for place in places)
    for card, place in zip(deck["cards"], places, strict=True):
        assert card["section"] == section[place], f"{card['id']}: not in the nav section of {place}"


def test_the_deck_is_compact_and_stays_out_of_the_search_index(deck, site_dir):
    raw = (site_dir / "assets" / "flashcards.json").read_bytes()
    assert b"\n" not in raw.strip().replace(b"\\n", b""), "written compact, without indentation"
    pieces = site_dir / "search" / "index"
    docs = [
        doc for path in sorted((pieces / "p").glob("*.json")) for doc in json.loads(path.read_text(encoding="utf-8"))
    ]
    assert not [location for location, _, _ in docs if location.startswith("assets/")]
    assert "How the schedule works" in [
        title for location, title, _ in docs if location.startswith("study/flashcards/")
    ]
    # What the index is built from (the whole text, not the teasers above): the page, without its controls.
    html = (site_dir / "study" / "flashcards" / "index.html").read_text(encoding="utf-8")
    page_text = " ".join(doc.title + " " + doc.text for doc in from_page("study/flashcards/", html))
    assert "How the schedule works" in page_text, "the page itself is searchable"
    assert "All sections" not in page_text and "All levels" not in page_text, "its controls are not"


def test_a_card_keeps_the_display_order_and_escapes_raw_html():
    question = Question.model_validate(
        {
            "id": "tiny-question",
            "prompt": "What does <script>alert(1)</script> do in **bold**?",
            "difficulty": "mid",
            "explanation": "Data files are *escaped*.",
            "choices": [
                {"text": "First right", "correct": True, "why": "Yes."},
                {"text": "Wrong one", "why": "No."},
                {"text": "Second right", "correct": True, "why": "Yes."},
                {"text": "Another wrong", "why": "No."},
            ],
        }
    )
    page = SimpleNamespace(url="data/tiny/", section="Data at scale")
    card = HOOK.card(view(question, "tiny"), page)
    assert card["url"] == "data/tiny/#q-tiny-question" and card["section"] == "Data at scale"
    assert sorted(card["choices"][n] for n in card["correct"]) == ["First right", "Second right"]
    assert card["choices"] == [question.choices[i].text for i in question.display_order]
    assert "&lt;script&gt;" in card["prompt"] and "<script>" not in card["prompt"]
    assert (
        "<strong>bold</strong>" in card["prompt"] and card["explanation"] == "<p>Data files are <em>escaped</em>.</p>"
    )


def test_only_quizzes_a_page_calls_get_cards_and_a_page_outside_the_nav_is_named(tmp_path):
    quiz_id = next(iter(DATA.quizzes))
    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "page.md").write_text(f'# Extra\n\n{{{{ quiz("{quiz_id}") }}}}\n', encoding="utf-8")
    page = File("extra/page.md", src_dir=str(tmp_path), dest_dir=str(tmp_path / "site"), use_directory_urls=True)
    cards = HOOK.deck(question_views(DATA.quizzes), read_placements(Files([page]), nav_pages=[]))["cards"]
    assert {card["quiz"] for card in cards} == {quiz_id}
    assert len(cards) == len(DATA.quizzes[quiz_id].model.questions)
    assert {card["section"] for card in cards} == {"Extra"}, "a page outside the nav is its own section"
    assert cards[0]["url"] == f"extra/page/#q-{cards[0]['id']}"


def test_the_page_states_the_schedule_the_script_follows():
    script = (ROOT / "docs" / "assets" / "javascripts" / "flashcards.js").read_text(encoding="utf-8")
    store = (ROOT / "docs" / "assets" / "javascripts" / "progress-store.js").read_text(encoding="utf-8")
    page = (ROOT / "docs" / "study" / "flashcards.md").read_text(encoding="utf-8")
    assert int(re.search(r"var DECK_FORMAT = (\d+)", script).group(1)) == HOOK.FORMAT_VERSION
    # The grades, in ts-fsrs's Rating order, each with its key in the page's table.
    grades = json.loads(re.search(r"var GRADES = (\[[^\]]*\])", script).group(1))
    rows = re.findall(r"^\| \*\*(\w+)\*\* \| <kbd>(\d)</kbd> \|", page, re.MULTILINE)
    assert rows == [(grade, str(n)) for n, grade in enumerate(grades, start=1)], "one row per grade, keys 1-4"
    # When a review card's day starts: the same hour in both scripts and in the page.
    hour = int(re.search(r"var DAY_STARTS_AT = (\d+)", script).group(1))
    assert int(re.search(r"var DAY_STARTS_AT = (\d+)", store).group(1)) == hour
    assert f"is waiting from {hour} in the morning that day" in page
    ahead = int(re.search(r"var LEARN_AHEAD = (\d+) \* MINUTE", script).group(1))
    assert f"due within {ahead} minutes comes early" in page
    # FSRS's defaults as the page states them: ts-fsrs and the Python fsrs share them (tests/unit/test_fsrs_parity.py).
    from fsrs import Scheduler

    defaults = Scheduler()
    minutes = [int(step.total_seconds() // 60) for step in defaults.learning_steps]
    again = [int(step.total_seconds() // 60) for step in defaults.relearning_steps]
    assert minutes == [1, 10] and again == [10], "the page's learning steps"
    assert "learning steps* first (1 and 10 minutes; 10 minutes\nafter a lapse)" in page
    assert f"target retention {round(defaults.desired_retention * 100)}%" in page
    assert "enable_fuzz: false" in script and 'no random "fuzz"' in page
