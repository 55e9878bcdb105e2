"""Fixtures for the interactive-layer tests: test pages added to the built site, and page helpers.

The content writers' quizzes and checklists change every day, so the behaviour tests that need a known
question (single and multiple answer, a wrong choice, a 22-item checklist, tabs, a timer) run on two
fixture pages written into the *built* site (never into docs/): each is a real built page (same theme,
same scripts and styles) whose article is replaced by blocks rendered by the macros' own functions.
The tests of instant navigation, the quizzes index and checklist persistence use the real pages.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest

from handbook.content.models import Checklist, Quiz
from handbook.content.questions import question_views
from handbook.rendering.checklists import render_checklist
from handbook.rendering.quizzes import render_quiz

FIXTURE_QUIZ = Quiz.model_validate(
    {
        "id": "hb-fixture",
        "title": "Fixture quiz",
        "questions": [
            {
                "id": "hbtest-single",
                "prompt": "Which port does **HTTPS** use by default?",
                "difficulty": "junior",
                "explanation": "HTTPS listens on 443 unless configured otherwise.",
                "choices": [
                    {"text": "443", "correct": True, "why": "The IANA-assigned port."},
                    {"text": "80", "why": "That is plain HTTP."},
                    {"text": "8443", "why": "A common alternative, not the default."},
                ],
            },
            {
                "id": "hbtest-multiple",
                "prompt": "Which of these are consensus protocols?",
                "difficulty": "mid",
                "explanation": "Raft and Paxos reach agreement; gossip only spreads information.",
                "choices": [
                    {"text": "Raft", "correct": True, "why": "A leader-based consensus protocol."},
                    {"text": "Gossip", "why": "No agreement."},
                    {"text": "Paxos", "correct": True, "why": "The classic consensus protocol."},
                ],
            },
            {
                "id": "hbtest-third",
                "prompt": "What does a <script>alert(1)</script> tag in a prompt do?",
                "difficulty": "senior",
                "explanation": "Nothing: data files are escaped.",
                "choices": [
                    {"text": "Nothing, it is shown as text", "correct": True, "why": "Data files are escaped."},
                    {"text": "It runs", "why": "Raw HTML is escaped."},
                    {"text": "It is removed", "why": "It stays, as text."},
                ],
            },
        ],
    }
)

# As long as the writers' limit: 22 items in 5 sections, each with a one-line detail.
FIXTURE_CHECKLIST = Checklist.model_validate(
    {
        "id": "hb-fixture-list",
        "title": "Fixture checklist",
        "summary": "Twenty-two items, the most a checklist may hold, to prove the print budget.",
        "sections": [
            {
                "title": f"Section {s + 1} of the round",
                "items": [
                    {
                        "id": f"item-{s}-{i}",
                        "text": f"State the assumption behind decision {i + 1} and say what would change it",
                        "detail": "Name the number, the failure and the fallback in one sentence.",
                    }
                    for i in range(count)
                ],
            }
            for s, count in enumerate([5, 5, 4, 4, 4])
        ],
    }
)

_TABS_AND_DETAILS = """
=== "First tab"

    Text of the first tab.

=== "Second tab"

    Text of the second tab.

??? note "A folded note"

    The folded body.
"""

_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*?)(</article>)', re.DOTALL)


def _page_from(template: Path, body: str) -> str:
    html = template.read_text(encoding="utf-8")
    html, count = _ARTICLE.subn(lambda m: m.group(1) + body + m.group(3), html, count=1)
    assert count == 1, f"{template} has no Material article to replace"
    return html


@pytest.fixture(scope="session")
def fixture_pages(site_dir, site_overlay) -> dict[str, str]:
    """Two test pages served beside the built site (from the overlay), one level deep like their template (so
    relative asset URLs hold)."""
    template = site_dir / "quizzes" / "index.html"
    extras = markdown.markdown(
        _TABS_AND_DETAILS,
        extensions=["admonition", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}},
    )
    pages = {
        "quiz": (
            "hb-fixture-quiz",
            "<h1>Fixture</h1>"
            + render_quiz(
                FIXTURE_QUIZ, question_views({"hb-fixture": SimpleNamespace(model=FIXTURE_QUIZ)})["hb-fixture"]
            )
            + extras
            + '<div class="hb-timer" data-minutes="0.02"></div>',
        ),
        "checklist": ("hb-fixture-checklist", "<h1>Fixture checklist</h1>" + render_checklist(FIXTURE_CHECKLIST)),
    }
    urls = {}
    for key, (folder, body) in pages.items():
        out = site_overlay / folder / "index.html"
        out.parent.mkdir(exist_ok=True)
        # Each worker writes the same page: whole, by rename, so the other's browser never reads half of it.
        partial = out.with_name(f"index.{os.getpid()}.partial")
        partial.write_text(_page_from(template, body), encoding="utf-8")
        partial.replace(out)
        urls[key] = f"{folder}/"
    return urls


@pytest.fixture(scope="session")
def checklist_pages(site_dir) -> list[str]:
    """Every checklist page of the built site (URL relative to the site root)."""
    found = sorted(
        p.parent.relative_to(site_dir).as_posix() + "/"
        for p in site_dir.glob("checklists/*/index.html")
        if 'class="hb-checklist"' in p.read_text(encoding="utf-8")
    )
    assert found, "the built site has no checklist page"
    return found


@pytest.fixture(scope="session")
def quiz_links(site_dir) -> list[str]:
    """The quiz links listed on the quizzes index, as URLs relative to the site root."""
    html = (site_dir / "quizzes" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<td><a href="\.\./([^"#]+)#quiz-[^"]+">', html)
    assert links, "the quizzes index lists no quiz"
    return links


# Records every Content-Security-Policy violation into window.__cspViolations before any page script runs.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(
    `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
}, true);
"""


# handbook.css lets a long page skip laying out big blocks far from the viewport (content-visibility: auto) until
# the reader scrolls near them. Checks of everything on a page at once (axe, every figure's text size) first
# lay out what a reader would see by scrolling: each such block is shown as if on screen.
LAY_OUT_EVERYTHING = """async () => {
  for (const element of document.querySelectorAll('.md-typeset > *, .md-typeset__table > table')) {
    if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
  }
  // Two frames, as a reader's scrolling gives: resize observers report the new sizes (scroll-regions.js then
  // gives a table that now scrolls sideways its tab stop) before anything is measured.
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}"""
