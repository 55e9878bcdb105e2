"""The figure gallery of the built site lists every numbered figure once, with its number and caption as its
page shows them, links each to an id that exists on its page, and stays light."""

from __future__ import annotations

import gzip
import html as html_module
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from tests.build.html_scan import html_pages

GALLERY = Path("study") / "figures" / "index.html"
BUDGET = 300_000  # bytes gzipped: the page and the stylesheets and scripts it loads before it is shown

_FIGURE = re.compile(r'<figure\b[^>]*\bid="(figure-[a-z0-9-]+)"[^>]*>(.*?)</figure>', re.S)
_NUMBER = re.compile(r'<span class="hb-figure__number">Figure (\d+)\.</span>\s*(.*?)</figcaption>', re.S)
_ENTRY = re.compile(r'<li><strong>Figure (\d+)\.</strong> <a href="([^"#]+)#(figure-[a-z0-9-]+)">(.*?)</a>', re.S)


def _text(fragment: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _letters(fragment: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", _text(fragment))


def _site_figures(site: Path) -> dict[tuple[str, str], tuple[int, str]]:
    """(page folder, id) -> (number, caption text) of every numbered figure of the built site."""
    found = {}
    for page in html_pages(site):
        if page.relative_to(site) == GALLERY:
            continue
        for ident, body in _FIGURE.findall(page.read_text(encoding="utf-8")):
            number = _NUMBER.search(body)
            assert number, f"{page}: #{ident} has no number"
            found[(page.parent.relative_to(site).as_posix(), ident)] = (int(number.group(1)), _text(number.group(2)))
    return found


def _gallery_entries(site: Path) -> list[tuple[str, str, int, str]]:
    """(page folder, id, number, caption text) of each gallery line, its link resolved from the gallery."""
    html = (site / GALLERY).read_text(encoding="utf-8")
    entries = []
    for number, href, ident, caption in _ENTRY.findall(html):
        target = (site / GALLERY.parent / urlsplit(href).path).resolve()
        entries.append((target.relative_to(site.resolve()).as_posix(), ident, int(number), _text(caption)))
    return entries


def test_the_gallery_lists_every_numbered_figure_once(site_dir):
    figures = _site_figures(site_dir)
    entries = _gallery_entries(site_dir)
    assert len(figures) > 250, "the site has fewer figures than the handbook holds: is the scan right?"
    listed = [(page, ident) for page, ident, _, _ in entries]
    assert len(listed) == len(set(listed)), "a figure is listed twice"
    assert set(listed) == set(figures), (
        f"missing: {sorted(set(figures) - set(listed))[:10]}; not on the site: {sorted(set(listed) - set(figures))[:10]}"
    )


def test_each_gallery_line_links_to_its_figure_with_its_number_and_caption(site_dir):
    figures = _site_figures(site_dir)
    for page, ident, number, caption in _gallery_entries(site_dir):
        target = site_dir / page / "index.html"
        assert target.is_file(), f"the gallery links to {page}/, which is not a page"
        assert f'id="{ident}"' in target.read_text(encoding="utf-8"), f"{page}/ has no #{ident}"
        assert figures[(page, ident)] == (number, caption), f"{page}/#{ident} is shown differently on its page"


def test_the_gallery_groups_figures_by_section_and_names_their_kind(site_dir):
    html = (site_dir / GALLERY).read_text(encoding="utf-8")
    sections = re.findall(r"<h2 [^>]*>([^<]+)<", html)
    assert {"Data at scale", "Distributed systems", "Resilience"} <= set(sections)
    assert len(sections) == len(set(sections)), "a section heading appears twice: the pages are out of nav order"
    kinds = set(re.findall(r'<span class="hb-gallery__kind">([^<]+)</span>', html))
    assert {"flowchart", "sequence diagram", "architecture diagram", "chart"} <= kinds


def test_the_gallery_stays_within_its_weight_budget(site_dir):
    page = site_dir / GALLERY
    html = page.read_text(encoding="utf-8")
    loaded = [page]
    for url in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script src="([^"]+)"', html):
        if not urlsplit(url).netloc:
            loaded.append((page.parent / urlsplit(url).path).resolve())
    assert all(path.is_file() for path in loaded), f"missing assets: {[p for p in loaded if not p.is_file()]}"
    weight = sum(len(gzip.compress(path.read_bytes())) for path in loaded)
    print(f"\nthe gallery and what it loads: {weight / 1000:.0f} KB gzipped ({len(loaded)} files)")
    assert weight < BUDGET, f"{weight / 1000:.0f} KB gzipped, over the {BUDGET / 1000:.0f} KB budget"


def test_every_figure_is_a_search_result_of_its_own(site_dir):
    """Search finds a figure by its caption and leads to its place on its page (not only to the gallery)."""
    index = site_dir / "search" / "index"
    titles = {doc[0]: doc[1] for part in (index / "p").glob("*.json") for doc in json.loads(part.read_text())}
    missing = []
    for page, ident, _, caption in _gallery_entries(site_dir):
        location = ("" if page in (".", "") else page.removesuffix("/index.html") + "/") + f"#{ident}"
        # Letters and digits only: the index joins text around tooltips (`<abbr>`) with spaces.
        if _letters(caption)[:30] not in _letters(titles.get(location, "")):
            missing.append(location)
    assert not missing, f"{len(missing)} figures are no search result of their own, e.g. {missing[:3]}"
