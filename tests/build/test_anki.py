"""`make anki` builds one note per quiz question, with a recognition and a recall card, in its nav section's deck,
with ids that survive an edit."""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from pathlib import Path

import genanki
from playwright.sync_api import expect

from handbook.exports.anki import FIELDS, MODEL, ROOT_DECK, TEMPLATES, build_project_deck, stable_id
from handbook.rendering import safe_markdown
from tests.conftest import ROOT
from tests.support.contexts import copy_table_data, real_data

BUILD_ANKI = ROOT / "scripts" / "build_anki.py"


def main(argv: list[str]) -> int:
    """`make anki` as a reader runs it: the script, in its own process."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(BUILD_ANKI), *argv], capture_output=True, text=True, check=False)
    sys.stderr.write(result.stderr)
    return result.returncode


def build_deck(root: Path, output: Path, timestamp: float | None = None):
    cards, _ = build_project_deck(root, output, timestamp)
    return type("Result", (), {"cards": cards, "output": output})


SITE_URL = "https://backend-handbook.github.io/backend-interview-handbook/"


def read_deck(apkg: Path, tmp_path: Path) -> tuple[dict[str, dict], dict[str, str]]:
    """The notes of a built .apkg by GUID (fields by name, tags, deck name) and its decks by name."""
    tmp_path.mkdir(exist_ok=True)
    with zipfile.ZipFile(apkg) as archive:
        archive.extract("collection.anki2", tmp_path)
    connection = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        decks = json.loads(connection.execute("SELECT decks FROM col").fetchone()[0])
        deck_names = {int(did): deck["name"] for did, deck in decks.items()}
        rows = connection.execute(
            "SELECT notes.guid, notes.flds, notes.tags, cards.did, cards.ord FROM notes "
            "JOIN cards ON cards.nid = notes.id"
        ).fetchall()
    finally:
        connection.close()
    notes: dict[str, dict] = {}
    for guid, flds, tags, did, ord_ in rows:
        note = notes.setdefault(
            guid,
            {"fields": dict(zip(FIELDS, flds.split("\x1f"), strict=True)), "tags": tags.split(), "cards": {}},
        )
        note["cards"][TEMPLATES[ord_]["name"]] = deck_names[did]
    for guid, note in notes.items():
        assert set(note["cards"]) == {"Question", "Recall"}, f"{guid}: one card of each type, no more"
        assert len(set(note["cards"].values())) == 1, f"{guid}: both cards in the same deck"
        note["deck"] = note["cards"]["Question"]
    assert len(notes) * len(TEMPLATES) == len(rows), "two notes share a GUID"
    return notes, {name: str(did) for did, name in deck_names.items()}


def test_deck_has_one_note_per_question_with_prompt_answer_link_and_tags(tmp_path):
    result = build_deck(ROOT, tmp_path / "deck.apkg")
    notes, decks = read_deck(result.output, tmp_path)
    quizzes = real_data().quizzes
    questions = [(item.model.id, q) for item in quizzes.values() for q in item.model.questions]
    assert result.cards == len(notes) == len(questions)
    assert decks[f"{ROOT_DECK}::Data at scale"] == str(stable_id(f"deck/{ROOT_DECK}::Data at scale"))
    assert f"{ROOT_DECK}::The system-design round::Case studies" in decks

    for quiz_id, question in questions[::7] + questions[-1:]:
        note = notes[genanki.guid_for(question.id)]
        fields = note["fields"]
        assert fields["Prompt"] == safe_markdown.inline(question.prompt)
        assert fields["Explanation"] == safe_markdown.block(question.explanation)
        assert fields["Link"].startswith(SITE_URL) and fields["Link"].endswith(f"/#q-{question.id}")
        for index, choice in enumerate(question.choices):
            assert safe_markdown.inline(choice.text) in fields["Choices"]
            assert (safe_markdown.inline(choice.text) in fields["Answer"]) == choice.correct
            if choice.correct:  # with the letter the front shows it under
                letter = "ABCDEF"[question.display_order.index(index)]
                assert f"<b>{letter}.</b> {safe_markdown.inline(choice.text)}" in fields["Answer"]
        assert {question.difficulty, quiz_id, *question.tags} <= set(note["tags"])
        top_section = note["deck"].split("::")[1]
        assert f"section::{top_section.replace(' ', '_')}" in note["tags"]
    sharding = quizzes["sharding"].model.questions[0]
    assert notes[genanki.guid_for(sharding.id)]["deck"] == f"{ROOT_DECK}::Data at scale"
    assert notes[genanki.guid_for(sharding.id)]["fields"]["Link"] == f"{SITE_URL}data/sharding/#q-{sharding.id}"


QUIZ = """id: tiny
title: Tiny
questions:
  - id: tiny-first
    prompt: What does a {word} index speed up?
    choices:
      - text: Lookups by key
        correct: true
        why: It finds the row without a scan.
      - text: Bulk inserts
        why: Every insert also updates the index.
      - text: Full scans
        why: A scan reads every row anyway.
    explanation: An index trades write work for faster reads.
    difficulty: junior
    tags: [indexes]
  - id: tiny-second
    prompt: Which <script>alert(1)</script> stays text?
    choices:
      - text: Both
        correct: true
        why: Data is escaped.
      - text: Neither
        why: Data never renders as markup.
      - text: Only the prompt
        why: Choices are escaped too.
    explanation: Raw HTML in data is escaped.
    difficulty: senior
"""


def small_project(root: Path, word: str) -> Path:
    """A project with one quiz on one page in one nav section."""
    (root / "docs" / "topic").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "docs" / "topic" / "tiny.md").write_text('# Tiny\n\n{{ quiz("tiny") }}\n', encoding="utf-8")
    (root / "data" / "quizzes").mkdir(parents=True)
    copy_table_data(root)
    (root / "data" / "quizzes" / "tiny.yml").write_text(QUIZ.replace("{word}", word), encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Tiny\nsite_url: https://example.org/tiny/\nnav:\n  - index.md\n  - A section:\n      - topic/tiny.md\n",
        encoding="utf-8",
    )
    return root


def test_editing_a_question_keeps_its_guid_and_changes_its_fields(tmp_path):
    before = build_deck(small_project(tmp_path / "v1", "B-tree"), tmp_path / "v1.apkg", timestamp=1_700_000_000)
    after = build_deck(small_project(tmp_path / "v2", "hash"), tmp_path / "v2.apkg", timestamp=1_800_000_000)
    old, old_decks = read_deck(before.output, tmp_path / "r1")
    new, new_decks = read_deck(after.output, tmp_path / "r2")

    first, second = genanki.guid_for("tiny-first"), genanki.guid_for("tiny-second")
    assert set(old) == set(new) == {first, second}
    assert "B-tree" in old[first]["fields"]["Prompt"] and "hash" in new[first]["fields"]["Prompt"]
    assert old[second] == new[second]
    assert old_decks == new_decks and old[first]["deck"] == f"{ROOT_DECK}::A section"
    assert old[first]["fields"]["Link"] == "https://example.org/tiny/topic/tiny/#q-tiny-first"
    assert "&lt;script&gt;" in old[second]["fields"]["Prompt"] and "<script>" not in old[second]["fields"]["Prompt"]
    assert old[first]["tags"] == ["junior", "tiny", "indexes", "section::A_section"]


def test_invalid_data_stops_the_build_with_the_loader_message(tmp_path, capsys):
    root = small_project(tmp_path / "bad", "B-tree")
    quiz = root / "data" / "quizzes" / "tiny.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("difficulty: senior", "difficulty: expert"))
    output = tmp_path / "deck.apkg"
    assert main(["--root", str(root), "--output", str(output)]) == 1
    assert "data/quizzes/tiny.yml:28: questions[1].difficulty: 'expert' is not allowed" in capsys.readouterr().err
    assert not output.exists()


def test_a_quiz_on_no_page_is_reported(tmp_path, capsys):
    root = small_project(tmp_path / "orphan", "B-tree")
    (root / "docs" / "topic" / "tiny.md").write_text("# Tiny\n", encoding="utf-8")
    assert main(["--root", str(root), "--output", str(tmp_path / "deck.apkg")]) == 1
    assert 'data/quizzes/tiny.yml: no page calls quiz("tiny")' in capsys.readouterr().err


def render_card(template: str, fields: dict[str, str], front: str = "") -> str:
    """A card's HTML as Anki fills a template: each {{Field}}, and {{FrontSide}} on a back."""
    html = template.replace("{{FrontSide}}", front)
    for name, value in fields.items():
        html = html.replace("{{" + name + "}}", value)
    return html


def test_the_recall_card_shows_the_prompt_alone_and_the_answer_without_letters(browser, tmp_path):
    result = build_deck(small_project(tmp_path / "p", "B-tree"), tmp_path / "deck.apkg")
    notes, _ = read_deck(result.output, tmp_path / "read")
    fields = notes[genanki.guid_for("tiny-first")]["fields"]
    assert [t["name"] for t in TEMPLATES] == ["Question", "Recall"], "a card's template is its position: append only"
    question, recall = TEMPLATES
    page = browser.new_page()
    try:

        def show(html: str):
            page.set_content(f'<style>{MODEL.css}</style><div class="card">{html}</div>')

        show(render_card(recall["qfmt"], fields))
        expect(page.get_by_text("What does a B-tree index speed up?")).to_be_visible()
        for text in ("Lookups by key", "Bulk inserts", "Full scans", "Choose one answer."):
            expect(page.get_by_text(text)).to_be_hidden()
        show(render_card(recall["afmt"], fields))
        expect(page.get_by_text("Lookups by key")).to_be_visible()
        expect(page.get_by_text("Bulk inserts")).to_have_count(0)
        expect(page.locator(".answer b")).to_be_hidden()  # the front's letter means nothing on a recall card
        expect(page.get_by_text("An index trades write work for faster reads.")).to_be_visible()
        front = render_card(question["qfmt"], fields)
        show(front)
        for text in ("Lookups by key", "Bulk inserts", "Full scans", "Choose one answer."):
            expect(page.get_by_text(text)).to_be_visible()
        show(render_card(question["afmt"], fields, front))
        expect(page.locator(".answer b")).to_have_text(re.compile(r"^[A-C]\.$"))
    finally:
        page.close()


def test_model_and_deck_ids_never_change():
    """Pinned: a new id would make Anki import a second model or deck beside the reader's old one."""
    assert MODEL.model_id == stable_id("model/multiple-choice-v1") == 1256890006
    assert stable_id(f"deck/{ROOT_DECK}::Data at scale") == 1870970654
