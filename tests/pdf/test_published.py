"""Once `make pdf` publishes the PDFs beside the built site, every link on the downloads page resolves."""

from __future__ import annotations

import re
import urllib.request
from urllib.parse import urljoin

from handbook.exports.pdf.make import publish_pdfs


def test_every_download_link_resolves_once_the_pdfs_are_published(printed, site_overlay, site_url):
    publish_pdfs(site_overlay, sorted(printed.folder.glob("*.pdf")))
    page = urljoin(site_url, "study/downloads/")
    html = urllib.request.urlopen(page).read().decode("utf-8")
    links = re.findall(r'href="(\.\./\.\./downloads/[^"]+)"', html)
    assert len(links) == 5  # the deck, and the handbook and the checklists in two papers
    for link in links:
        with urllib.request.urlopen(urljoin(page, link)) as response:
            magic = response.read(5)
        # A PDF starts with "%PDF-"; the Anki deck is a zip archive ("PK\3\4").
        assert magic.startswith(b"%PDF-" if link.endswith(".pdf") else b"PK\x03\x04"), link
