"""The checklists PDF: every checklist of data/checklists/, one page each, in nav order, with empty boxes."""

from __future__ import annotations

import html
import re

import pytest

from handbook.exports.pdf.book import load_book
from tests.conftest import ROOT
from tests.pdf.conftest import PAPER_KEYS, flat, page_count, poppler, texts
from tests.support.contexts import real_data

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("paper", PAPER_KEYS)
def test_one_page_per_checklist_each_with_its_title(printed, paper):
    data = real_data().checklists
    pdf = printed.checklists(paper)
    assert page_count(pdf) == len(data) == len(texts(pdf))
    in_nav_order = load_book(ROOT, list(data)).checklists
    assert sorted(chapter.checklist_id for chapter in in_nav_order) == sorted(data)
    for number, (text, chapter) in enumerate(zip(texts(pdf), in_nav_order, strict=True), start=1):
        # The page's title as the nav gives it (the YAML title is the checklist's, not shown on the page).
        assert flat(chapter.title) in flat(text), f"{paper}: page {number} does not show {chapter.title!r}"
        checklist_id = chapter.checklist_id
        last = data[checklist_id].model.sections[-1].items[-1].text
        # What the page prints: a link shows its text, emphasis and code marks none.
        shown = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", last)
        words = " ".join(re.sub(r"[`*]", "", shown).split()[:4])
        assert words in flat(text), f"{paper}: page {number} lacks the end of {checklist_id} ({words!r})"
        assert "\u2713" not in text, "the boxes are empty"


def text_blocks(pdf, page: int) -> list[str]:
    """The text of each block poppler finds on one page: a heading broken across two columns is two blocks."""
    layout = poppler("pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-")
    return [
        flat(html.unescape(" ".join(re.findall(r"<word[^>]*>(.*?)</word>", block))))
        for block in re.findall(r"<block[^>]*>(.*?)</block>", layout, re.S)
    ]


@pytest.mark.parametrize("paper", PAPER_KEYS)
def test_no_section_heading_is_split_between_columns(printed, paper):
    data = real_data().checklists
    pdf = printed.checklists(paper)
    in_nav_order = load_book(ROOT, list(data)).checklists
    for number, chapter in enumerate(in_nav_order, start=1):
        blocks = text_blocks(pdf, number)
        for section in data[chapter.checklist_id].model.sections:
            title = flat(re.sub(r"[`*]", "", section.title))
            assert title in blocks, f"{paper}: page {number}: the heading {title!r} is not one block"
