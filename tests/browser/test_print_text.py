"""Every checklist printed to PDF (A4 and Letter) holds the checklist and none of the site's navigation.

test_interactive_layer.py proves the navigation is `display: none` in print and that each checklist fits one
page; this test reads the text of the PDF itself (poppler's pdftotext), so it also catches navigation text
that prints from anywhere else (a footer, a sidebar copy, a tab bar).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MARGINS = {side: "0.4in" for side in ("top", "bottom", "left", "right")}
# Named in the brief as the kind of text that must not print; each must be a label of the navigation.
ALWAYS_CHECKED = ("Distributed systems", "Algorithms for backend work", "Contributing")


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(pdf: bytes, tmp_path) -> str:
    out = tmp_path / "print.pdf"
    out.write_bytes(pdf)
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, check=True)
    return flat(result.stdout.decode("utf-8"))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_printed_checklists_hold_no_navigation_text(page, checklist_pages, tmp_path):
    checked = 0
    for url in checklist_pages:
        page.emulate_media(media="screen")
        page.goto(url, wait_until="domcontentloaded")
        expect(page.locator(".hb-checklist[data-hb-ready]")).to_be_attached()
        title = flat(
            page.locator(".md-content h1").first.evaluate(
                "h1 => [...h1.childNodes].filter(n => !n.classList?.contains('headerlink')).map(n => n.textContent).join('')"
            )
        )  # without the permalink's ¶
        labels = {
            flat(text)
            for text in page.locator(".md-sidebar--primary .md-nav__link").evaluate_all(
                "links => links.map(link => link.textContent)"
            )
        }
        assert set(ALWAYS_CHECKED) <= labels, f"{url}: the navigation no longer has {ALWAYS_CHECKED}"
        page.emulate_media(media="print")
        # Labels the checklist's own text contains (its title, a section, a topic it links to) may print:
        # the article's text as laid out for print (innerText, unlike textContent, separates blocks).
        article = flat(page.locator("article.md-content__inner").first.inner_text())
        absent = sorted(
            label for label in labels if label and not re.search(rf"\b{re.escape(label)}\b", article) and label != title
        )
        for paper in ("A4", "Letter"):
            text = pdf_text(page.pdf(format=paper, margin=MARGINS), tmp_path)
            assert title in text, f"{url} ({paper}): the title {title!r} does not print"
            printed = [label for label in absent if re.search(rf"\b{re.escape(label)}\b", text)]
            assert not printed, f"{url} ({paper}) prints navigation text: {printed}"
            checked += 1
    assert checked == 2 * len(checklist_pages)
