"""The handbook PDF: every page of the nav in order, the contents' page numbers, quiz answers, whole figures."""

from __future__ import annotations

import re
from functools import cache
from html import unescape as html_unescape
from urllib.parse import urlsplit

import pikepdf
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from handbook.content.placements import load_placements
from handbook.exports.pdf.book import load_book
from tests.conftest import ROOT
from tests.pdf.conftest import PAPER_KEYS, destinations, flat, page_count, poppler, texts
from tests.support.contexts import real_data

pytestmark = pytest.mark.browser


@cache
def nav_pages() -> list:
    """The pages of the nav, in order, without those whose front matter says `pdf: false`."""
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    files = get_files(config)
    pages = []
    for page in get_navigation(files, config).pages:
        page.read_source(config)
        if page.meta.get("pdf") is not False:
            pages.append(page)
    return pages


@cache
def book():
    return load_book(ROOT, list(real_data().checklists))


def chapter_pages(pdf, chapter) -> str:
    """The text of a chapter: from the page it starts on to the page before the next chapter starts."""
    dests = destinations(pdf)
    starts = sorted(dests[c.anchor] for c in book().chapters)
    start = dests[chapter.anchor]
    end = next((page for page in starts if page > start), len(texts(pdf)) + 1)
    return flat(" ".join(texts(pdf)[start - 1 : end - 1]))


def test_left_out_pages_are_the_ones_marked_pdf_false():
    assert [page.title for page in nav_pages()] == [chapter.title for chapter in book().chapters]
    assert "Quizzes" not in [page.title for page in nav_pages()], "the quizzes index says `pdf: false`"


@pytest.mark.parametrize("paper", PAPER_KEYS)
def test_every_page_title_appears_in_the_body_in_nav_order(printed, paper):
    pdf = printed.handbook(paper)
    first = min(destinations(pdf)[c.anchor] for c in book().chapters)
    assert first > 2, "the cover and the contents come first"
    body = flat(" ".join(texts(pdf)[first - 1 :]))
    position = 0
    for page in nav_pages():
        found = body.find(flat(page.title), position)
        assert found != -1, f"{paper}: {page.title!r} ({page.file.src_uri}) is not in the body after {position}"
        position = found + len(page.title)


@pytest.mark.parametrize("paper", PAPER_KEYS)
def test_contents_page_numbers_are_the_pages_the_chapters_start_on(printed, paper):
    pdf = printed.handbook(paper)
    first = min(destinations(pdf)[c.anchor] for c in book().chapters)
    # With -layout each entry is one line, title and number; plain text may put the footer between them.
    layout = poppler("pdftotext", "-layout", "-enc", "UTF-8", "-f", "2", "-l", str(first - 1), str(pdf), "-")
    contents = "\n".join(flat(line) for line in layout.splitlines())
    assert contents.lstrip().startswith("Contents")
    position = 0
    for chapter in book().chapters:
        match = re.compile(re.escape(flat(chapter.title)) + r" (\d+)$", re.M).search(contents, position)
        assert match, f"{paper}: the contents have no page number for {chapter.title!r}"
        number = int(match.group(1))
        assert number == destinations(pdf)[chapter.anchor], f"{paper}: {chapter.title!r} is not on page {number}"
        assert flat(chapter.title) in flat(texts(pdf)[number - 1]), f"{paper}: page {number} lacks {chapter.title!r}"
        position = match.end()


@pytest.mark.parametrize("paper", PAPER_KEYS)
def test_every_chapter_starts_a_page_and_the_bookmarks_follow_the_parts(printed, paper):
    pdf = printed.handbook(paper)
    starts = [destinations(pdf)[c.anchor] for c in book().chapters]
    assert starts == sorted(set(starts)), "each chapter starts a new page, in nav order"
    with pikepdf.open(pdf) as document, document.open_outline() as outline:
        top = {item.title: [child.title for child in item.children] for item in outline.root}
    assert "Contents" in top
    assert "Sharding" in top["Data at scale"], "a chapter's bookmark is under its part's"
    assert "Case studies" in top["The system-design round"]


def expected_answers(quiz) -> list[str]:
    """`Question n: B, D`: the letters the reader sees (display order) of the right choices, from the YAML."""
    entries = []
    for number, question in enumerate(quiz.questions, start=1):
        shown = question.display_order
        letters = [chr(ord("A") + position) for position, index in enumerate(shown) if question.choices[index].correct]
        entries.append(f"Question {number}: {', '.join(letters)}")
    return entries


def test_quiz_answers_end_each_chapter_and_match_the_data(printed):
    pdf = printed.handbook("a4")
    quizzes = real_data().quizzes
    pages = {qid: page.src_uri for qid, page in load_placements(ROOT)[1].quiz.items()}
    by_source = {chapter.source: chapter for chapter in book().chapters}
    checked = 0
    for quiz_id, item in quizzes.items():
        chapter = by_source.get(f"docs/{pages[quiz_id]}")
        if chapter is None:
            continue  # a page left out of the PDF
        text = chapter_pages(pdf, chapter)
        answers = text.rfind("Answers ")
        assert answers != -1, f"{chapter.source}: no Answers section"
        assert answers > text.rfind("Question 1 of"), f"{chapter.source}: the answers come after the questions"
        position = answers
        for entry in expected_answers(item.model):
            found = text.find(entry + " ", position)
            assert found != -1, f"{chapter.source}: {entry!r} is not in the answers (in order) of quiz {quiz_id}"
            position = found + len(entry)
        assert "see this page online" not in text
        checked += 1
    assert checked >= len(quizzes) - 2, "nearly every quiz is on a page in the PDF"


_NUMBERED = re.compile(r'<figure\b[^>]*\bid="figure-')


def count_figures(site_dir, captioned_only: bool = False) -> int:
    """The figures of the book's chapters: every numbered `<figure>` (architecture, chart or captioned Mermaid),
    plus any Mermaid figure without a caption unless `captioned_only`."""
    total = 0
    for chapter in book().chapters:
        html = (site_dir / chapter.url / "index.html").read_text(encoding="utf-8")
        numbered = len(_NUMBERED.findall(html))
        bare = html.count('<div class="hb-mermaid">') - html.count('<figure id="figure-')
        total += numbered + (0 if captioned_only else max(bare, 0))
    return total


def figure_pages(pdf) -> list[tuple[str, set[int]]]:
    """Each outermost Figure of the tagged PDF's structure tree (a captioned <figure>; Chromium does not tag the
    Mermaid SVGs as figures) with the pages its content is drawn on: an image cut by a page break has marked
    content on both pages."""
    with pikepdf.open(pdf) as document:
        number = {page.obj.objgen: n for n, page in enumerate(document.pages, start=1)}

        def pages(element) -> set[int]:
            found = set()
            if isinstance(element, pikepdf.Array):
                for kid in element:
                    found |= pages(kid)
            elif isinstance(element, pikepdf.Dictionary):
                if "/Pg" in element:
                    found.add(number[element.Pg.objgen])
                if "/K" in element:
                    found |= pages(element.K)
            return found

        def alt(element) -> str:  # the <img>'s alt text, inside the <figure>
            if isinstance(element, pikepdf.Array):
                return next(filter(None, map(alt, element)), "")
            if not isinstance(element, pikepdf.Dictionary):
                return ""
            return str(element.Alt) if "/Alt" in element else alt(element.K) if "/K" in element else ""

        def figures(element) -> list[tuple[str, set[int]]]:
            if isinstance(element, pikepdf.Array):
                return [figure for kid in element for figure in figures(kid)]
            if not isinstance(element, pikepdf.Dictionary):
                return []
            if element.get("/S") == "/Figure":
                return [(alt(element)[:60], pages(element))]
            return figures(element.K) if "/K" in element else []

        return figures(document.Root.StructTreeRoot)


@pytest.mark.parametrize("paper", PAPER_KEYS)
def test_no_figure_is_cut_across_pages(printed, site_dir, paper):
    pdf = printed.handbook(paper)
    # Every figure, Mermaid too, has its top and bottom markers on one page of the measuring print...
    measured = printed.result.measured[pdf.name]
    tops, ends = {}, {}
    for number, text in enumerate(measured, start=1):
        for name, where in re.findall(r"hbmk-(f\d+)-(top|end)", text):
            (tops if where == "top" else ends)[name] = number
    assert len(tops) == count_figures(site_dir), "every figure of every chapter is in the PDF, marked"
    assert {name: (tops[name], ends.get(name)) for name in tops if tops[name] != ends.get(name)} == {}
    # ...which has the final file's pages. Read apart from the markers, from the final file's tags: no
    # captioned figure is drawn on two pages.
    assert len(measured) == page_count(pdf)
    figures = figure_pages(pdf)
    assert len(figures) == count_figures(site_dir, captioned_only=True), "every captioned figure is tagged a Figure"
    assert [(name, sorted(pages)) for name, pages in figures if len(pages) != 1] == []


def test_the_check_markers_are_not_in_the_published_text(printed):
    for paper in PAPER_KEYS:
        for pdf in (printed.handbook(paper), printed.checklists(paper)):
            assert [n for n, text in enumerate(texts(pdf), start=1) if "hbmk" in text] == [], pdf.name


def _letters(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", text)


def test_figures_are_numbered_per_chapter_as_the_pages_text_numbers_them(printed, site_dir):
    """The site numbers each page's figures and its text cites them by number: the book keeps those numbers, once."""
    pdf = printed.handbook(PAPER_KEYS[0])
    caption = re.compile(r'<span class="hb-figure__number">Figure (\d+)\.</span>(.*?)</figcaption>', re.S)
    numbered = 0
    for chapter in book().chapters:
        html = (site_dir / chapter.url / "index.html").read_text(encoding="utf-8")
        # Compared on letters and digits only: code spans and punctuation come out of pdftotext spaced differently.
        text = _letters(chapter_pages(pdf, chapter))
        for number, rest in caption.findall(html):
            label = _letters(f"Figure {number}. " + html_unescape(re.sub(r"<[^>]+>", "", rest)))[:30]
            assert text.count(label) == 1, f"{chapter.source}: {label!r} is in the book {text.count(label)} times"
            numbered += 1
    assert numbered == count_figures(site_dir, captioned_only=True), "every captioned figure has its number"


def test_page_sizes_are_a4_and_letter(printed):
    """Chromium rounds a page to 1/75 in, so A4 prints 595.92 x 841.92 pt, within a point of 595.28 x 841.89."""
    expected = {"a4": (595.28, 841.89, 1.0), "letter": (612.0, 792.0, 0.01)}
    for paper, (width, height, tolerance) in expected.items():
        for pdf in (printed.handbook(paper), printed.checklists(paper)):
            size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", poppler("pdfinfo", str(pdf)), re.M)
            got = float(size.group(1)), float(size.group(2))
            assert abs(got[0] - width) <= tolerance and abs(got[1] - height) <= tolerance, f"{pdf.name}: {got}"
    assert page_count(printed.handbook("letter")) > page_count(printed.handbook("a4")) * 0.9


def links(pdf) -> tuple[list[str], list[str]]:
    """The URIs and the named destinations of every link annotation in the PDF."""
    uris, dests = [], []
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            for annotation in page.obj.get("/Annots", []):
                if annotation.get("/Subtype") != "/Link":
                    continue
                if "/A" in annotation and "/URI" in annotation.A:
                    uris.append(str(annotation.A.URI))
                elif "/Dest" in annotation:
                    dests.append(str(annotation.Dest))
    return uris, dests


def test_printing_stays_on_loopback_and_links_go_to_the_published_site(printed, site_url):
    result = printed.result
    assert result.requests, "the requests were recorded"
    assert [url for url in result.requests if not url.startswith((site_url, "data:"))] == []
    assert result.blocked == []
    server = urlsplit(site_url).netloc
    for pdf in printed.folder.glob("*.pdf"):
        uris, dests = links(pdf)
        assert [uri for uri in uris if server in uri] == [], f"{pdf.name} links to the server it was printed from"
        assert all(urlsplit(uri).scheme in {"https", "http", "mailto"} for uri in uris), "no relative link is left"
        if "handbook" in pdf.name:
            assert any(uri.startswith(book().site_url) for uri in uris), "pages left out link to the published site"
            # The contents link each chapter once; the chapters' links to one another add to that.
            assert len([d for d in dests if d.startswith("/ch-")]) > 2 * len(book().chapters)
