"""The prep plan's tracks in the checklists PDF: each track is one page of its own, A4 and Letter, with its
title, every section heading in one piece and its last item (no extra printing: the session's PDFs)."""

from __future__ import annotations

import re

import pytest

from handbook.exports.pdf.book import load_book
from tests.conftest import ROOT
from tests.pdf.conftest import PAPER_KEYS, flat, texts
from tests.pdf.test_checklists_pdf import text_blocks
from tests.support.contexts import real_data

pytestmark = pytest.mark.browser

TRACKS = ["plan-7-weeks", "plan-4-weeks", "plan-3-weeks", "plan-2-weeks", "plan-last-day"]


@pytest.mark.parametrize("paper", PAPER_KEYS)
def test_each_track_is_one_page_of_the_checklists_pdf(printed, paper):
    data = real_data().checklists
    pdf = printed.checklists(paper)
    pages = texts(pdf)
    numbers = {chapter.checklist_id: n for n, chapter in enumerate(load_book(ROOT, list(data)).checklists, start=1)}
    assert set(TRACKS) <= set(numbers), "every track is in the checklists PDF"
    for track in TRACKS:
        number, model = numbers[track], data[track].model
        page = flat(pages[number - 1])
        assert flat(model.title) in page, f"{paper}: page {number} is not {track}"
        last = " ".join(re.sub(r"\[([^\]]*)\]\([^)]*\)|[`*]", r"\1", model.sections[-1].items[-1].text).split()[-4:])
        assert last in page, f"{paper}: {track} does not end on its page ({last!r})"
        blocks = text_blocks(pdf, number)
        for section in model.sections:
            assert flat(section.title) in blocks, f"{paper}: {track}: {section.title!r} is not one block"
        others = [flat(pages[n - 1]) for n in range(1, len(pages) + 1) if n != number]
        first = flat(re.sub(r"\[([^\]]*)\]\([^)]*\)|[`*]", r"\1", model.sections[0].items[0].text))[:30]
        assert not any(first in other for other in others), f"{paper}: {track} spills onto another page"
