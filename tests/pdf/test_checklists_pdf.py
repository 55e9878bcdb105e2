"""The checklists PDF: every checklist of data/checklists/, one page each, in nav order, with empty boxes."""

from __future__ import annotations

import re

import pytest

from macros.data_loader import load_data
from scripts.pdf_book.book import load_book
from tests.conftest import ROOT
from tests.pdf.conftest import PAPER_KEYS, flat, page_count, texts

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("paper", PAPER_KEYS)
def test_one_page_per_checklist_each_with_its_title(printed, paper):
    data = load_data(ROOT).checklists
    pdf = printed.checklists(paper)
    assert page_count(pdf) == len(data) == len(texts(pdf))
    in_nav_order = load_book(ROOT, list(data)).checklists
    assert sorted(chapter.checklist_id for chapter in in_nav_order) == sorted(data)
    for number, (text, chapter) in enumerate(zip(texts(pdf), in_nav_order, strict=True), start=1):
        # The page's title as the nav gives it (the YAML title is the checklist's, not shown on the page).
        assert flat(chapter.title) in flat(text), f"{paper}: page {number} does not show {chapter.title!r}"
        checklist_id = chapter.checklist_id
        last = data[checklist_id].model.sections[-1].items[-1].text
        words = " ".join(re.sub(r"[`*]", "", last).split()[:4])
        assert words in flat(text), f"{paper}: page {number} lacks the end of {checklist_id} ({words!r})"
        assert "\u2713" not in text, "the boxes are empty"
