"""Payloads planted in a quiz never run in a real browser: they show as text, and links lose script URLs.

A small copy of the project (the approach of tests/build/test_bad_input.py) gets a quiz whose prompt holds a
`<script>`, whose choice holds an `<img onerror>`, and whose explanation holds a `javascript:` link. It is
built with scripts/build.py, served on loopback and driven in Chromium: every link is clicked, the question
answered, and `window.__pwned` must stay undefined.
"""

from __future__ import annotations

import pytest

from handbook.serving import serve
from tests.build.test_bad_input import QUIZ, build, project, template  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

PROMPT = "What does <script>window.__pwned=1</script> do?"
CHOICE = "<img src=x onerror=window.__pwned=2> is shown"
LINK = "[click](javascript:window.__pwned=3)"
QUIZ_YAML = f"""\
id: replication
title: Replication
questions:
  - id: injection-probe
    prompt: "{PROMPT}"
    choices:
      - text: "{CHOICE}"
        correct: true
        why: "It is text: {LINK}"
      - text: It runs as a script in the reader's page when the quiz loads
        why: Raw HTML in data is escaped.
      - text: The build removes the whole tag and shows the rest of the text
        why: It stays, shown as text.
    explanation: |
      Data files are escaped. {LINK} and [data](data:text/html,<script>window.__pwned=4</script>).
    difficulty: junior
"""


@pytest.fixture
def served(project):  # noqa: F811 - the imported fixture
    (project / QUIZ).write_text(QUIZ_YAML, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url


def test_planted_payloads_show_as_text_and_never_run(served, browser):
    # The session's Chromium (tests/conftest.py: CHROMIUM with CHROMIUM_ARGS); one Playwright per process.
    context = browser.new_context(base_url=served)
    try:
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto("data/replication/", wait_until="load")
        quiz = page.locator("section.hb-quiz")
        quiz.wait_for()

        # The payloads are visible as text.
        assert "<script>window.__pwned=1</script>" in quiz.locator(".hb-question__prompt").inner_text()
        assert "<img src=x onerror=window.__pwned=2>" in " ".join(quiz.locator("label").all_inner_texts())
        assert quiz.locator("script, img[onerror], [onerror]").count() == 0

        # Answer the question (quiz.js then locks it), open the explanation, click every link in the quiz.
        quiz.locator("input").first.check()
        quiz.locator("summary").first.click()
        links = quiz.locator(".hb-explanation a, .hb-reasons a")
        assert links.count() >= 2
        for index in range(links.count()):
            link = links.nth(index)
            assert link.text_content() in ("click", "data")
            assert link.get_attribute("href") is None
            link.click(force=True)  # a link without href is not "actionable" for Playwright; click it anyway
            page.wait_for_timeout(200)
        for link in quiz.locator("a:visible").all():  # and every other link (the heading's permalink)
            link.click()
            page.wait_for_timeout(200)
        page.wait_for_timeout(300)

        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.url.split("#")[0].endswith("data/replication/")  # no navigation to a script URL
        assert dialogs == []
    finally:
        context.close()
