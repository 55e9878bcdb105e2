"""Every build publishes the Anki deck, and the downloads page links it with the card count and the build date."""

from __future__ import annotations

import re
import time

import genanki
import pytest

from handbook.exports.catalog import ANKI_DECK, CHECKLISTS_PDF, HANDBOOK_PDF, site_path
from tests.build.test_anki import SITE_URL, read_deck
from tests.support.contexts import real_data


@pytest.fixture(scope="module")
def downloads_page(site_dir) -> str:
    return (site_dir / "study" / "downloads" / "index.html").read_text(encoding="utf-8")


def test_the_built_site_carries_the_deck_with_every_question_linking_to_the_published_site(site_dir, tmp_path):
    notes, _ = read_deck(site_dir / site_path(ANKI_DECK), tmp_path)
    questions = [q for item in real_data().quizzes.values() for q in item.model.questions]
    assert set(notes) == {genanki.guid_for(q.id) for q in questions}
    # The test site is built for a loopback address; the deck still points readers at the published site.
    assert all(note["fields"]["Link"].startswith(SITE_URL) for note in notes.values())


def test_downloads_page_shows_the_card_count_size_and_date_and_links_every_file(site_dir, downloads_page):
    data = real_data()
    cards = sum(len(item.model.questions) for item in data.quizzes.values())
    assert (
        f'<span class="hb-download-cards">{cards}</span> questions from {len(data.quizzes)} quizzes' in downloads_page
    )
    assert f"a recall card and a multiple-choice card ({2 * cards} cards)" in downloads_page
    assert f"{len(data.checklists)} checklists, one per page" in downloads_page
    size_kb = (site_dir / site_path(ANKI_DECK)).stat().st_size / 1024
    assert f"<td>{size_kb:.0f} KB</td>" in downloads_page
    built = re.search(r'<time class="hb-download-date">(\d{4}-\d{2}-\d{2})</time>', downloads_page).group(1)
    # The session's build ran a few minutes ago at most: today, or yesterday just after midnight UTC.
    assert built in {time.strftime("%Y-%m-%d", time.gmtime(time.time() - lag)) for lag in (0, 3600)}
    # The page links exactly the files this build publishes: the deck, and the PDFs only when `make pdf` printed
    # them from these very sources (a build after `make pdf`); otherwise it says how to print them.
    links = set(re.findall(r'href="\.\./\.\./(downloads/[^"]+)"', downloads_page))
    published = {p.relative_to(site_dir).as_posix() for p in (site_dir / "downloads").iterdir()}
    assert links == published and site_path(ANKI_DECK) in links
    pdfs = {site_path(name) for name in (*HANDBOOK_PDF.values(), *CHECKLISTS_PDF.values())}
    assert published - {site_path(ANKI_DECK)} in (set(), pdfs)
    if not published & pdfs:
        assert downloads_page.count("not in this build") == 2 and "make pdf" in downloads_page


def test_source_date_epoch_fixes_the_build_date(monkeypatch):
    from handbook.text import build_date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert build_date().isoformat() == "2026-01-01"
