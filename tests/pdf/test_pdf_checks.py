"""The checks scripts/build_pdf.py runs on its own output can fail, and bad input stops it with a clear line."""

from __future__ import annotations

import asyncio
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from handbook.exports.pdf import make as build_pdf
from handbook.exports.pdf import printing, verify
from handbook.exports.pdf.book import BookError, Chapter, handbook_html, load_book

BOOK_CSS = Path(build_pdf.HERE / "book.css")
TALL_SVG = (
    "data:image/svg+xml,"
    + "%3Csvg xmlns='http://www.w3.org/2000/svg' width='400' height='1600'%3E%3Crect width='400' height='1600' "
    + "fill='%23ccc'/%3E%3C/svg%3E"
)


def marked(name: str, inner: str, tag: str = "figure", cls: str = "hb-figure") -> str:
    """A block with the markers assemble.js adds: invisible text at its top and its bottom."""
    return (
        f'<{tag} class="{cls}"><span class="hb-marker hb-marker--top">hbmk-{name}-top</span>{inner}'
        f'<span class="hb-marker hb-marker--end">hbmk-{name}-end</span></{tag}>'
    )


def print_blocks(browser, tmp_path, body: str, extra_css: str = "") -> list[str]:
    page = browser.new_page()
    try:
        page.set_content(f'<body class="hb-book"><div class="md-typeset"><p>Text above.</p>{body}</div></body>')
        page.add_style_tag(path=str(BOOK_CSS))
        if extra_css:
            page.add_style_tag(content=extra_css)
        pdf = tmp_path / "blocks.pdf"
        pdf.write_bytes(page.pdf(width="210mm", height="297mm", margin=printing.HANDBOOK_MARGINS))
    finally:
        page.close()
    return verify.page_texts(pdf)


FIGURE = {"marker": "f1", "kind": "figure", "label": "Too tall", "chapter": "Test", "source": "docs/test.md"}


@pytest.mark.browser
def test_a_too_tall_figure_is_shrunk_to_one_page_and_reported_when_it_is_split(browser, tmp_path):
    figure = marked("f1", f'<img src="{TALL_SVG}" alt="A tall figure"><figcaption>Too tall</figcaption>')
    assert verify.split_blocks(print_blocks(browser, tmp_path, figure), [FIGURE]) == []
    # Without the book's height limit the same figure runs over the page, and the check names it.
    unlimited = ".hb-book .md-typeset .hb-figure img { max-height: none !important; height: 1600px !important; }"
    problems = verify.split_blocks(print_blocks(browser, tmp_path, figure, unlimited), [FIGURE])
    assert len(problems) == 1
    # Pushed to the next page first (break-inside: avoid), then cut: pages 2 and 3.
    assert "figure 'Too tall' in 'Test' (docs/test.md) is split across pages 2 and 3" in problems[0]


@pytest.mark.browser
def test_a_checklist_longer_than_a_page_is_reported(browser, tmp_path):
    items = "".join(f"<li>Item {n}</li>" for n in range(120))
    checklist = marked("c1", f"<h1>Long</h1><ul>{items}</ul>", tag="article", cls="hb-chapter")
    block = {"marker": "c1", "kind": "checklist", "label": "Long", "chapter": "Long", "source": "docs/long.md"}
    problems = verify.split_blocks(print_blocks(browser, tmp_path, checklist), [block])
    assert len(problems) == 1 and "checklist 'Long'" in problems[0] and "shorten it" in problems[0]


def test_missing_markers_are_a_problem_not_a_pass():
    assert "cannot be checked" in verify.split_blocks(["no markers here"], [FIGURE])[0]


def test_markers_left_in_a_final_print_are_a_problem():
    assert verify.leftover_markers(["Sharding", "a figure hbmk-f3-top here"]) == [
        "check markers (hbmk-…) left in the text of pages [2]: remove them before the final print"
    ]
    assert verify.leftover_markers(["Sharding", "no markers"]) == []


CHAPTERS = [
    Chapter("Home", "", "docs/index.md"),
    Chapter("Sharding", "data/sharding/", "docs/data/sharding.md", parts=("Data at scale",)),
]


def test_chapter_checks_name_a_missing_title_a_missing_chapter_and_a_wrong_contents_number():
    texts = ["cover", "Contents", "Home and more", "Replication"]
    assert verify.chapter_problems(texts, {"ch-home": 3, "ch-data-sharding": 4}, CHAPTERS) == [
        "docs/data/sharding.md: the title 'Sharding' is not on its first page (4)"
    ]
    assert "is not in the PDF" in verify.chapter_problems(texts, {"ch-home": 3}, CHAPTERS)[0]
    assert verify.toc_problems({"ch-home": 3, "ch-data-sharding": 5}, {"ch-home": 3, "ch-data-sharding": 4}, CHAPTERS)
    assert verify.checklist_problems(["Home", "Sharding", "Sharding, continued"], CHAPTERS) == [
        "the checklists PDF has 3 pages for 2 checklists: one page each"
    ]


def test_a_missing_site_dir_says_run_make_build_in_one_line(tmp_path, capsys):
    status = build_pdf.main(["--site-dir", str(tmp_path / "site"), "--output", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 1
    assert err.count("\n") == 1 and "run `make build` first" in err and str(tmp_path / "site") in err
    assert not (tmp_path / "out").exists()


def test_publish_copies_the_pdfs_beside_the_other_downloads(tmp_path):
    site, pdf = tmp_path / "site", tmp_path / "a.pdf"
    site.mkdir()
    pdf.write_bytes(b"%PDF-1.4")
    build_pdf.publish_pdfs(site, [pdf])
    assert (site / "downloads" / "a.pdf").read_bytes() == b"%PDF-1.4"
    assert list((site / "downloads").iterdir()) == [site / "downloads" / "a.pdf"]


async def _load_outside_image(site_url: str) -> printing.Result:
    """A private page (no Content-Security-Policy, unlike the site's) that asks another host for an image."""
    from playwright.async_api import async_playwright

    result = printing.Result()
    files = {"t.html": ("text/html", b'<img src="https://fonts.example.org/x.png" alt="">')}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=printing.CHROMIUM, args=printing.CHROMIUM_ARGS)
        context = await printing._context(browser, site_url, files, result)
        page = await context.new_page()
        await page.goto(site_url + printing.PRIVATE + "t.html", wait_until="load")
        await browser.close()
    return result


@pytest.mark.browser
def test_requests_to_another_host_are_blocked_and_recorded(site_url):
    with ThreadPoolExecutor(1) as pool:  # the script's own (async) Playwright, apart from the session's
        result = pool.submit(asyncio.run, _load_outside_image(site_url)).result()
    assert result.blocked == ["https://fonts.example.org/x.png"]
    assert result.requests[0] == site_url + printing.PRIVATE + "t.html"


def small_project(tmp_path: Path, pages: dict[str, str], nav: str) -> Path:
    for name, text in pages.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    config = f"site_name: T <&>\nsite_url: https://example.org/t/\nnav:\n{textwrap.indent(nav, '  ')}"
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path


PAGES = {
    "index.md": "# Home\n",
    "quizzes.md": "---\npdf: false\n---\n# Quizzes\n",
    "part/index.md": "# Part <one>\n",
    "part/page.md": "# Page\n",
    "lists/index.md": "# Lists\n",
    "lists/night.md": '# Night\n\n{{ checklist("night") }}\n',
}
NAV = """- Home: index.md
- Quizzes: quizzes.md
- Part one:
    - part/index.md
    - A page: part/page.md
- Lists:
    - lists/index.md
    - Night: lists/night.md
"""


def test_the_book_leaves_out_pdf_false_pages_and_an_index_page_opens_its_part(tmp_path):
    book = load_book(small_project(tmp_path, PAGES, NAV), ["night"])
    assert [c.title for c in book.chapters] == ["Home", "Part <one>", "A page", "Lists", "Night"]
    assert [c.checklist_id for c in book.checklists] == ["night"]
    opening = book.chapters[1]
    assert opening.opens_part and opening.level == 1 and book.chapters[2].level == 2
    html = handbook_html(book, "1 January 2026", "abc1234")
    assert "Part &lt;one&gt;" in html and "T &lt;&amp;&gt;" in html and "<one>" not in html
    assert 'class="hb-part' not in html, "a section opened by its index page gets no extra part heading"


def test_a_bad_pdf_value_or_a_checklist_on_no_page_names_the_file(tmp_path):
    pages = dict(PAGES, **{"quizzes.md": "---\npdf: maybe\n---\n# Quizzes\n"})
    with pytest.raises(BookError) as error:
        load_book(small_project(tmp_path, pages, NAV), ["night", "day"])
    assert error.value.problems == [
        "docs/quizzes.md: front matter `pdf: maybe`: write `pdf: false` to leave the page out",
        'data/checklists/day.yml: no page in the nav (without `pdf: false`) calls checklist("day"): '
        "the checklists PDF must hold every checklist",
    ]


def test_a_failed_check_leaves_no_pdf_behind(tmp_path, site_dir, monkeypatch):
    """The four files move into place only when all passed: a failure removes the half-done ones."""

    async def fails_after_writing(base_url, book, files, handbooks, checklists, layouts=None):
        for path in (*handbooks.values(), *checklists.values()):
            path.write_bytes(b"%PDF-1.4 half")
        raise printing.PdfError(["backend-interview-handbook-a4.pdf (A4): figure 'x' is split across pages 3 and 4"])

    monkeypatch.setattr(build_pdf, "print_all", fails_after_writing)
    out = tmp_path / "out"
    with pytest.raises(printing.PdfError, match="split across pages"), ThreadPoolExecutor(1) as pool:
        # In a thread, as the script's asyncio loop cannot start in one where the session's Playwright runs.
        pool.submit(build_pdf.build_pdfs, site_dir, out, base_url="http://127.0.0.1:9/").result()
    assert list(out.iterdir()) == []
