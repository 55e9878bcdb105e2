"""The quiz macro's HTML: fed a validated model, compared with the markup the browser layer relies on."""

from __future__ import annotations

import re
from types import SimpleNamespace

from handbook.content.models import Quiz
from handbook.content.placements import read_placements
from handbook.content.questions import question_views
from handbook.rendering.quizzes import render_quiz as render_views
from handbook.rendering.quizzes import render_quiz_index


def render_quiz(quiz: Quiz, heading_level: int = 2) -> str:
    """The block as the macro renders it: from the build's question views."""
    views = question_views({quiz.id: SimpleNamespace(model=quiz)})[quiz.id]
    return render_views(quiz, views, heading_level)


QUIZ = Quiz.model_validate(
    {
        "id": "sample",
        "title": "Sample <quiz>",
        "questions": [
            {
                "id": "sample-one",
                "prompt": "Pick <script>alert(1)</script> **one**",
                "difficulty": "junior",
                "explanation": "Because <script>x()</script>.",
                "choices": [
                    {"text": "Right <b>", "correct": True, "why": "Yes <script>y()</script>"},
                    {"text": "Wrong", "why": "No."},
                    {"text": "Also wrong", "why": "Neither."},
                ],
            },
            {
                "id": "sample-many",
                "prompt": "Pick two",
                "difficulty": "senior",
                "explanation": "Both.",
                "choices": [
                    {"text": "A", "correct": True, "why": "A is."},
                    {"text": "B", "why": "B is not."},
                    {"text": "C", "correct": True, "why": "C is."},
                ],
            },
        ],
    }
)


def test_script_in_any_text_is_escaped_never_markup():
    html = render_quiz(QUIZ)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "&lt;script&gt;y()&lt;/script&gt;" in html
    assert "Right &lt;b&gt;" in html and "Sample &lt;quiz&gt;" in html
    assert "<strong>one</strong>" in html, "Markdown still renders"


def test_single_answer_question_is_a_radio_group_without_check_button():
    html = render_quiz(QUIZ)
    one = html[html.index('id="q-sample-one"') : html.index('id="q-sample-many"')]
    assert one.count('type="radio"') == 3 and 'type="checkbox"' not in one
    assert 'data-multiple="false"' in one and 'data-correct="0"' in one
    assert "hb-question__check" not in one
    assert '<input type="radio" id="hbq-sample-one-0" name="hbq-sample-one" value="0">' in one
    assert '<label for="hbq-sample-one-0">' in one, "every choice is labelled"


def test_multiple_answer_question_has_checkboxes_and_a_hidden_check_button():
    html = render_quiz(QUIZ)
    many = html[html.index('id="q-sample-many"') :]
    assert many.count('type="checkbox"') == 3
    assert 'data-multiple="true"' in many and 'data-correct="0,2"' in many
    assert (
        '<button type="button" class="md-button hb-question__check" aria-describedby="q-sample-many-prompt" '
        "hidden>Check answer</button>"
    ) in many
    assert 'id="q-sample-many-prompt"' in many


def test_answers_stay_in_closed_details_with_every_why_and_a_live_feedback_region():
    html = render_quiz(QUIZ)
    assert (
        html.count('<details class="hb-answer info" data-search-exclude><summary>Answer and explanation</summary>') == 2
    ), "neutral until answered: quiz.js makes it success or failure to match the answer"
    assert "success" not in html and "failure" not in html
    assert '<details class="hb-answer info" open' not in html
    assert '<li class="hb-why hb-why--right"><strong>Right:</strong> Right &lt;b&gt;.' in html
    assert '<li class="hb-why hb-why--wrong"><strong>Wrong:</strong> Wrong. No.</li>' in html
    assert html.count('<div class="hb-feedback" aria-live="polite"></div>') == 2


def test_score_and_try_again_are_hidden_until_javascript_shows_them():
    html = render_quiz(QUIZ)
    assert re.search(
        r'<div class="hb-quiz__tools" hidden><p class="hb-quiz__score" aria-live="polite">'
        r'Score: 0 of 2</p><button type="button" class="md-button hb-quiz__reset" '
        r'aria-describedby="quiz-sample">Try again</button></div></section>$',
        html,
    )
    assert html.startswith(
        '<section class="hb-quiz" data-quiz-id="sample" aria-labelledby="quiz-sample">'
        '<h2 id="quiz-sample">Quiz: Sample &lt;quiz&gt;</h2>'
    )
    assert '<h3 id="quiz-sample">' in render_quiz(QUIZ, heading_level=3)
    assert '<h6 id="quiz-sample">' in render_quiz(QUIZ, heading_level=9)


def test_quiz_index_links_counts_and_progress_cells():
    other = Quiz.model_validate({"id": "pipes", "title": "A | B [x]", "questions": [QUIZ.questions[1].model_dump()]})
    text = render_quiz_index([QUIZ, other], {"sample": "../data/sample.md"})
    order, table = text.split("\n\n")[:2]
    assert order.startswith('<p class="hb-quiz-sort" hidden><label for="hb-quiz-order">Order</label>')
    assert '<option value="weakest">Weakest first</option>' in order, "quiz.js sorts the rows; hidden until then"
    lines = table.splitlines()
    assert lines[0] == "| Quiz | Questions | Your progress |"
    assert lines[2] == (
        '| [Sample &lt;quiz&gt;](../data/sample.md#quiz-sample) | 2 | <span class="hb-quiz-progress" '
        'data-quiz-id="sample" data-question-ids="sample-one sample-many">needs JavaScript</span> |'
    )
    assert lines[3].startswith("| A &#124; B &#91;x&#93; (not on a page yet) | 1 |"), "no link, table intact"
    assert lines[4].startswith("| **All 2 quizzes** | 3 | ")
    assert 'class="md-button hb-progress-reset" hidden>Reset all progress</button>' in text


def _file(src_uri: str, text: str):
    return SimpleNamespace(src_uri=src_uri, content_string=text, page=None, url=src_uri.removesuffix(".md") + "/")


class _Files:
    """Like MkDocs' Files, as far as the placements read it."""

    def __init__(self, pages):
        self.pages = pages

    def documentation_pages(self):
        return self.pages


def test_quiz_pages_are_found_from_the_macro_calls_in_page_sources():
    files = _Files(
        [
            _file("data/sharding.md", '# Sharding\n\n{{ quiz("sharding") }}\n'),
            _file("contributing.md", 'Write `{{ quiz("<page-id>") }}`; mention quiz("caching") in prose.'),
            _file("data/caching.md", "{{- quiz('caching', heading_level=3) }}"),
            _file("a/copy.md", '{{ quiz( quiz_id="sharding" ) }}'),
        ]
    )
    placed = read_placements(files, [])
    assert {qid: page.src_uri for qid, page in placed.quiz.items()} == {
        "sharding": "a/copy.md",
        "caching": "data/caching.md",
    }, "the first page by path holds a quiz called twice; a mention in prose or backticks is no call"


def test_choices_are_shown_in_a_stable_shuffle_that_keeps_their_indices():
    choices = [{"text": f"choice {n}", "correct": n == 0, "why": f"reason {n}"} for n in range(5)]
    quiz = Quiz.model_validate(
        {
            "id": "q",
            "title": "Q",
            "questions": [
                {"id": "q-order", "prompt": "P?", "explanation": "E.", "difficulty": "mid", "choices": choices}
            ],
        }
    )
    html = render_quiz(quiz)
    order = [int(v) for v in __import__("re").findall(r'name="hbq-q-order" value="(\d)"', html)]
    assert sorted(order) == [0, 1, 2, 3, 4] and order == quiz.questions[0].display_order
    assert order != [0, 1, 2, 3, 4], "this id happens to shuffle; the YAML order is not the page order"
    assert render_quiz(quiz) == html, "the same data renders the same page"
    assert 'data-correct="0"' in html, "answers are checked by YAML index, whatever the display order"


def test_question_views_come_back_from_the_cache_unchanged_and_follow_an_edit(tmp_path):
    quizzes = {QUIZ.id: SimpleNamespace(model=QUIZ)}
    fresh = question_views(quizzes)
    first = question_views(quizzes, tmp_path)
    assert first == fresh and len(list(tmp_path.glob("questions-*.json"))) == 1
    assert question_views(quizzes, tmp_path) == fresh, "read back from the cache"
    edited = Quiz.model_validate(
        {**QUIZ.model_dump(), "questions": [{**QUIZ.questions[0].model_dump(), "prompt": "Now **edited**"}]}
    )
    views = question_views({QUIZ.id: SimpleNamespace(model=edited)}, tmp_path)
    assert views[QUIZ.id][0].prompt == "Now <strong>edited</strong>"
    assert len(list(tmp_path.glob("questions-*.json"))) == 1, "the old cache file is replaced"
