"""What the search finds, read from each page's converted content as the theme's article shows it (`as_shown`):
the page (its title and first paragraphs), each section under a heading with an id, and the practice material
inside it (quiz questions, checklist items, figures), each with the anchor of its place on the page.

Read from the HTML rather than from Material's search index: Material's index glues the labels of content tabs
into one word ("Token bucketLeaky bucket"), and it cannot tell a quiz question from the text around it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

PAGE, SECTION, PRACTICE = "page", "section", "practice"


@dataclass(frozen=True)
class Doc:
    location: str  # URL from the site root: "api/rate-limiting/" or "api/rate-limiting/#trade-offs"
    title: str  # plain text
    text: str  # plain text
    kind: str  # PAGE, SECTION or PRACTICE
    weight: float = 1.0  # how much its matches count towards its page's rank

    @property
    def page(self) -> str:
        return self.location.split("#", 1)[0]


_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain(fragment: str) -> str:
    """Text of an HTML fragment: tags dropped (a block boundary becomes a space), entities decoded."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
# Never searched: code that runs, drawings (their captions and alternative text are), permalinks, the
# checklists' progress counters, the quiz blocks (each question is a result of its own), hidden tool bars.
_SKIP = [
    re.compile(r"<(script|style|svg)\b.*?</\1\s*>", re.S | re.I),
    re.compile(r'<a class="headerlink".*?</a>', re.S),
    # A checklist's items are results of their own (the section keeps its heading).
    re.compile(r'<ul class="task-list hb-checklist__items">.*?</ul>', re.S),
    re.compile(r'<section class="hb-quiz".*?</section>', re.S),
    re.compile(r'<div class="hb-[a-z]+__tools" hidden>.*?</div>', re.S),
]
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1\s*>", re.S)
_ID = re.compile(r'\bid="([^"]+)"')


_EXCLUDED = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\s(?:data-search-exclude\b|class="hb-checklist__count")[^>]*>')


def without_excluded(body: str) -> str:
    """The HTML without the elements marked `data-search-exclude` (the attribute Material's search honours:
    quiz answers, the flashcards' controls) and the checklists' progress counters, each up to its end tag."""
    kept, position = [], 0
    while match := _EXCLUDED.search(body, position):
        depth, end = 1, len(body)
        for found in _tags_named(match.group(1)).finditer(body, match.end()):
            depth += -1 if found.group(1) else 1
            if depth == 0:
                end = found.end()
                break
        kept += [body[position : match.start()], " "]
        position = end
    return "".join(kept) + body[position:]


@cache
def _tags_named(tag: str) -> re.Pattern:
    """Start and end tags of one element name (group 1 is "/" for an end tag)."""
    return re.compile(rf"<(/?){tag}\b[^>]*>", re.I)


def as_shown(title: str, content: str) -> str:
    """A page's converted content in the theme's article, with the title as its `<h1>` when the content has
    none (as Material's content partial adds it). Read before the page is written, while its figures are still
    being drawn: what the finished page adds (drawings, the gallery's cards) is not searched anyway."""
    heading = "" if "<h1" in content else f"<h1>{html.escape(title)}</h1>"
    return f'<article class="md-content__inner md-typeset">{heading}{content}</article>'


def from_page(page_url: str, document: str) -> list[Doc]:
    """The page, its sections and its practice material, the page first."""
    article = _ARTICLE.search(document)
    if article is None:
        return []
    body = without_excluded(article.group(1))
    for pattern in _SKIP:
        body = pattern.sub(" ", body)
    headings = list(_HEADING.finditer(body))
    first = headings[0] if headings and headings[0].group(1) == "1" else None
    start = first.end() if first else 0
    sections = [h for h in headings if h is not first]
    intro_end = sections[0].start() if sections else len(body)
    docs = [Doc(page_url, plain(first.group(3)) if first else "", plain(body[start:intro_end]), PAGE)]
    for number, heading in enumerate(sections):
        end = sections[number + 1].start() if number + 1 < len(sections) else len(body)
        anchor = _ID.search(heading.group(2))
        text = plain(body[heading.end() : end])
        if anchor is None:  # a heading without an id cannot be linked: its text joins the section above
            previous = docs[-1]
            docs[-1] = Doc(
                previous.location, previous.title, f"{previous.text} {plain(heading.group(3))} {text}", previous.kind
            )
            continue
        docs.append(Doc(f"{page_url}#{anchor.group(1)}", plain(heading.group(3)), text, SECTION))
    return docs + practice(page_url, document)


_QUESTION = re.compile(
    r'<fieldset class="hb-question" id="(?P<id>[^"]+)".*?class="hb-question__prompt"[^>]*>(?P<text>.*?)</span>\s*</legend>',
    re.S,
)
_CHECK = re.compile(r'<label class="hb-check__text" for="(?P<id>[^"]+)">(?P<text>.*?)</label>', re.S)
# Every numbered figure: architecture figures, charts and captioned Mermaid figures (the figure element is theirs).
_FIGURE = re.compile(r'<figure\b[^>]*\bid="(?P<id>figure-[^"]+)"[^>]*>(?P<body>.*?)</figure>', re.S)
_CAPTION = re.compile(r"<figcaption[^>]*>(?P<text>.*?)</figcaption>", re.S)
_ALT = re.compile(r'<img\b[^>]*\balt="(?P<text>[^"]*)"', re.S)

LABELS = {"question": "Quiz question", "check": "Checklist item", "figure": "Figure"}
# A quiz question or a figure is short, so it scores high; it should lead to its place when only it has the
# words, not outrank the section that teaches them. A checklist item is what its page is made of.
WEIGHTS = {"question": 0.6, "check": 1.0, "figure": 0.6}


def practice(page_url: str, document: str) -> list[Doc]:
    """Quiz questions, checklist items and figures of one built page, each a search result of its own that
    leads to its anchor. The figure's alternative text is searched too: it describes what the figure shows."""
    found = []
    for match in _QUESTION.finditer(document):
        found.append((match.start(), match["id"], plain(match["text"]), LABELS["question"], WEIGHTS["question"]))
    for match in _CHECK.finditer(document):
        found.append((match.start(), match["id"], plain(match["text"]), LABELS["check"], WEIGHTS["check"]))
    for match in _FIGURE.finditer(document):
        caption = _CAPTION.search(match["body"])
        alt = _ALT.search(match["body"])
        title = plain(caption["text"]) if caption else ""
        text = plain(alt["text"]) if alt else ""
        label = f"{LABELS['figure']}: {text}" if title else ""
        found.append((match.start(), match["id"], title or text, label, WEIGHTS["figure"]))
    return [
        Doc(f"{page_url}#{anchor}", title, text, PRACTICE, weight)
        for _, anchor, title, text, weight in sorted(found, key=lambda item: item[0])
        if title
    ]
