"""The Anki deck of every quiz question, built into every site and by `make anki`.

One note per question, in a sub-deck per nav section of the page that holds its quiz ("Backend Interview
Handbook::Data at scale"), and two cards per note, as on the flashcards page:
- "Question" (recognition): the prompt and the choices on the front; the right answer(s), with the letters the
  front shows, the explanation and a link to the question on the site on the back;
- "Recall": the prompt alone on the front (and how many answers to recall, when there are several); the right
  answer(s), the explanation and the link on the back.
Anki schedules both with its own FSRS or SM-2, as the reader's deck options say.

Ids never change between builds, so importing a newer deck updates the cards a reader already has and keeps
their review history:
- the model id and the deck ids are `stable_id(text)`: the first 4 bytes of SHA-256 of a fixed string
  (`backend-interview-handbook/model/...`, `backend-interview-handbook/deck/<deck name>`), folded into
  [2**30, 2**31), the range genanki recommends for hand-picked ids;
- each note's GUID is `genanki.guid_for(question.id)`, and question ids are unique across the site.
Change FIELDS only together with MODEL_VERSION: Anki keeps the fields it first saw for a model id. Templates are
only ever added after the existing ones (a card's template is its position): the "Recall" card was added after
"Question" with the same fields and model id, so that Anki's import with "Merge Notetypes" adds the recall
cards beside the reader's recognition cards and keeps their history.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from string import ascii_uppercase

import genanki

from handbook.content.placements import Placements
from handbook.content.questions import QuestionView
from handbook.errors import DataError

ID_NAMESPACE = "backend-interview-handbook"
ROOT_DECK = "Backend Interview Handbook"
MODEL_VERSION = "multiple-choice-v1"

FIELDS = ["Prompt", "Choices", "Answer", "Explanation", "Link"]
_LINK = '<p class="link"><a href="{{Link}}">Read it in the handbook</a></p>'
FRONT = '<div class="prompt">{{Prompt}}</div>{{Choices}}'
BACK = (
    '{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
    f'<div class="explanation">{{{{Explanation}}}}</div>{_LINK}'
)
# The recall card's front: the prompt, and the hint of the multiple-answer questions (the Choices field's first
# paragraph), never the choices themselves. Its back shows the right answers without the front's letters.
RECALL_FRONT = '<div class="prompt">{{Prompt}}</div><div class="recall-hint">{{Choices}}</div>'
RECALL_BACK = (
    '<div class="prompt">{{Prompt}}</div><hr id="answer"><div class="answer recall">{{Answer}}</div>'
    f'<div class="explanation">{{{{Explanation}}}}</div>{_LINK}'
)
TEMPLATES = [
    {"name": "Question", "qfmt": FRONT, "afmt": BACK},
    {"name": "Recall", "qfmt": RECALL_FRONT, "afmt": RECALL_BACK},
]
CSS = """.card { font-family: system-ui, sans-serif; font-size: 18px; text-align: left; line-height: 1.45; }
.hint { font-size: 0.85em; opacity: 0.7; }
.recall-hint ol, .recall-hint .hint-one { display: none; }
.answer { font-weight: 600; }
.answer ul { list-style: none; padding-left: 0; }
.answer.recall li > b:first-child { display: none; }
.link { font-size: 0.85em; }
code, pre { font-family: ui-monospace, monospace; font-size: 0.9em; }
pre { white-space: pre-wrap; }"""


def stable_id(text: str) -> int:
    """A fixed Anki id for `text`: the same on every build and machine, in [2**30, 2**31)."""
    digest = hashlib.sha256(f"{ID_NAMESPACE}/{text}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


MODEL = genanki.Model(
    stable_id(f"model/{MODEL_VERSION}"),
    f"{ROOT_DECK} question ({MODEL_VERSION})",
    fields=[{"name": name} for name in FIELDS],
    templates=TEMPLATES,
    css=CSS,
)


@dataclass(frozen=True)
class Place:
    """Where a quiz lives on the site: its deck (from the nav) and the absolute URL of its page."""

    deck: str
    url: str


def _deck_name(sections: tuple[str, ...]) -> str:
    """`Backend Interview Handbook::<section>::<sub-section>`, the nav sections above the page, outermost first."""
    titles = [title.replace("::", ":") for title in sections]  # `::` would nest one deck deeper
    return "::".join([ROOT_DECK, *titles])


def unplaced_quizzes(placements: Placements, quiz_ids) -> list[str]:
    """One problem per quiz that no page calls: readers, the flashcards and the deck only see placed quizzes."""
    return [
        f'data/quizzes/{qid}.yml: no page calls quiz("{qid}"): add {{{{ quiz("{qid}") }}}} to a page; '
        "readers, the flashcards and the Anki deck only see quizzes that are on a page"
        for qid in quiz_ids
        if qid not in placements.quiz
    ]


def places_in_nav(placements: Placements, site_url: str | None, quiz_ids) -> dict[str, Place]:
    """The place of each quiz: its deck (from the nav sections of its page) and the page's absolute URL."""
    missing = unplaced_quizzes(placements, quiz_ids)
    if missing:
        raise DataError(missing)
    if not site_url:
        raise DataError(["mkdocs.yml: site_url is not set: set it, the cards link to the pages on the site"])
    site_url = site_url.rstrip("/") + "/"
    return {
        qid: Place(_deck_name(placements.quiz[qid].sections), site_url + placements.quiz[qid].url) for qid in quiz_ids
    }


def _tag(text: str) -> str:
    """Anki splits tags on whitespace; ids are kebab-case already, this keeps any other value one tag."""
    return re.sub(r"\s+", "_", text.strip())


def section_tag(deck: str) -> str | None:
    """`section::Data_at_scale` for a note in `Backend Interview Handbook::Data at scale[::…]` (Anki nests `::` tags)."""
    parts = deck.split("::")
    return f"section::{_tag(parts[1])}" if len(parts) > 1 else None


def make_note(view: QuestionView, link: str, deck: str = ROOT_DECK) -> genanki.Note:
    """One note (two cards): prompt, choices in the order the site shows them, answer, explanation, link."""
    question = view.question
    # The recall card shows the multiple-answer hint only (CSS hides the other and the list).
    hint = (
        f'<p class="hint">Choose all that apply ({len(view.correct)} are right).</p>'
        if question.multiple
        else '<p class="hint hint-one">Choose one answer.</p>'
    )
    choices = "".join(f"<li>{choice}</li>" for choice in view.choices)
    # Each right answer with the letter it has on the front, so the reader can match it to the one they picked.
    answers = "".join(f"<li><b>{ascii_uppercase[n]}.</b> {view.choices[n]}</li>" for n in view.correct)
    tags = dict.fromkeys(_tag(tag) for tag in (question.difficulty, view.quiz_id, *question.tags))
    if section := section_tag(deck):
        tags[section] = None
    return genanki.Note(
        model=MODEL,
        fields=[
            view.prompt,
            f'{hint}<ol type="A">{choices}</ol>',
            f"<ul>{answers}</ul>",
            view.explanation,
            escape(link),
        ],
        tags=list(tags),
        guid=genanki.guid_for(question.id),
    )


def _write_package(decks: list[genanki.Deck], output: Path, timestamp: float) -> None:
    """Write the .apkg beside `output`, then move it into place: a failed build leaves no half-written deck.

    Not genanki's `write_to_file`, which leaves its SQLite file behind in the system's temporary folder.
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            database = Path(tmp) / "collection.anki2"
            connection = sqlite3.connect(database)
            try:
                ids = itertools.count(int(timestamp * 1000))
                genanki.Package(decks).write_to_db(connection.cursor(), timestamp, ids)
                connection.commit()
            finally:
                connection.close()
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(database, "collection.anki2")
                archive.writestr("media", "{}")  # no images or sounds
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)


def build_deck(
    questions: dict[str, list[QuestionView]], places: dict[str, Place], output: Path, timestamp: float | None = None
) -> int:
    """Write the .apkg of `questions` (quiz id -> views, in file order) to `output`; return the number of notes
    (questions; each gives a recognition and a recall card).

    `timestamp` defaults to now: Anki updates an existing note on import only when the new one is newer.
    """
    # The parent deck too, so it gets a stable id rather than one Anki makes up on import.
    decks = {ROOT_DECK: genanki.Deck(stable_id(f"deck/{ROOT_DECK}"), ROOT_DECK)}
    cards = 0
    for quiz_id, views in questions.items():
        place = places[quiz_id]
        deck = decks.setdefault(place.deck, genanki.Deck(stable_id(f"deck/{place.deck}"), place.deck))
        for view in views:
            deck.add_note(make_note(view, f"{place.url}#q-{view.id}", place.deck))
            cards += 1
    _write_package(list(decks.values()), output, time.time() if timestamp is None else timestamp)
    return cards


def build_project_deck(root: Path, output: Path, timestamp: float | None = None) -> tuple[int, int]:
    """`make anki`: the deck of the project at `root`, outside a build; returns (cards, quizzes).

    Raises DataError for invalid data or a quiz on no page, before anything is written.
    """
    from handbook.content.loading import load_data
    from handbook.content.placements import load_placements
    from handbook.content.questions import question_views

    data = load_data(root)
    config, placements = load_placements(root)
    places = places_in_nav(placements, config["site_url"], list(data.quizzes))
    output.parent.mkdir(parents=True, exist_ok=True)
    return build_deck(question_views(data.quizzes), places, output, timestamp), len(data.quizzes)
