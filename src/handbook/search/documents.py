"""What the search finds: every page and section (from Material's own search index), and the practice material
inside a page (quiz questions, checklist items, figures), each with the anchor of its place on the page."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

PAGE, SECTION, PRACTICE = "page", "section", "practice"


@dataclass(frozen=True)
class Doc:
    location: str  # URL from the site root: "api/rate-limiting/" or "api/rate-limiting/#trade-offs"
    title: str  # plain text
    text: str  # plain text
    kind: str  # PAGE, SECTION or PRACTICE

    @property
    def page(self) -> str:
        return self.location.split("#", 1)[0]


_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain(fragment: str) -> str:
    """Text of an HTML fragment: tags dropped (a block boundary becomes a space), entities decoded."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def from_material(index: dict) -> list[Doc]:
    """The pages and sections of Material's search index (`search/search_index.json`), in its order."""
    docs = []
    for entry in index.get("docs", []):
        location = entry["location"]
        kind = SECTION if "#" in location else PAGE
        docs.append(Doc(location, plain(entry.get("title", "")), plain(entry.get("text", "")), kind))
    return docs


_QUESTION = re.compile(
    r'<fieldset class="hb-question" id="(?P<id>[^"]+)".*?class="hb-question__prompt"[^>]*>(?P<text>.*?)</span>\s*</legend>',
    re.S,
)
_CHECK = re.compile(r'<label class="hb-check__text" for="(?P<id>[^"]+)">(?P<text>.*?)</label>', re.S)
_FIGURE = re.compile(r'<figure class="hb-figure" id="(?P<id>[^"]+)"(?P<body>.*?)</figure>', re.S)
_CAPTION = re.compile(r"<figcaption[^>]*>(?P<text>.*?)</figcaption>", re.S)
_ALT = re.compile(r'<img\b[^>]*\balt="(?P<text>[^"]*)"', re.S)

LABELS = {"question": "Quiz question", "check": "Checklist item", "figure": "Figure"}


def practice(page_url: str, document: str) -> list[Doc]:
    """Quiz questions, checklist items and figures of one built page, each a search result of its own that
    leads to its anchor. The figure's alternative text is searched too: it describes what the figure shows."""
    found = []
    for match in _QUESTION.finditer(document):
        found.append((match.start(), match["id"], plain(match["text"]), LABELS["question"]))
    for match in _CHECK.finditer(document):
        found.append((match.start(), match["id"], plain(match["text"]), LABELS["check"]))
    for match in _FIGURE.finditer(document):
        caption = _CAPTION.search(match["body"])
        alt = _ALT.search(match["body"])
        title = plain(caption["text"]) if caption else ""
        text = plain(alt["text"]) if alt else ""
        if title or text:
            found.append((match.start(), match["id"], title or text, f"{LABELS['figure']}: {text}" if title else ""))
    return [
        Doc(f"{page_url}#{anchor}", title, text, PRACTICE)
        for _, anchor, title, text in sorted(found, key=lambda item: item[0])
        if title
    ]
