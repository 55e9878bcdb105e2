"""The figure gallery of the built site shows every numbered figure once, with its number and caption as its
page shows them and a thumbnail file that exists, links each to an id that exists on its page, and stays light."""

from __future__ import annotations

import gzip
import html as html_module
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from tests.build.html_scan import html_pages

GALLERY = Path("study") / "figures" / "index.html"
BUDGET = 300_000  # bytes gzipped: the page and the stylesheets and scripts it loads before it is shown

_FIGURE = re.compile(r'<figure\b[^>]*\bid="(figure-[a-z0-9-]+)"[^>]*>(.*?)</figure>', re.S)
_NUMBER = re.compile(r'<span class="hb-figure__number">Figure (\d+)\.</span>\s*(.*?)</figcaption>', re.S)
_CARD = re.compile(r'<li class="hb-gallery__card" data-kind="([^"]+)">(.*?)</li>', re.S)
_ENTRY = re.compile(
    r'<a href="([^"#]+)#(figure-[a-z0-9-]+)">.*?<strong>Figure (\d+)\.</strong> '
    r'<span class="hb-gallery__caption">(.*?)</span></span></a>',
    re.S,
)
_IMAGE = re.compile(
    r'<img class="hb-gallery__(light|dark)" src="([^"]+)" alt="[^"]+" width="(\d+)" height="(\d+)" loading="lazy"'
)


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


def _cards(site: Path) -> list[tuple[str, str]]:
    """(kind, inner HTML) of each gallery card."""
    return _CARD.findall((site / GALLERY).read_text(encoding="utf-8"))


def _gallery_entries(site: Path) -> list[tuple[str, str, int, str]]:
    """(page folder, id, number, caption text) of each gallery card, its link resolved from the gallery."""
    entries = []
    for _, card in _cards(site):
        found = _ENTRY.search(card)
        assert found, f"a card has no link, number or caption: {card[:200]}"
        href, ident, number, caption = found.groups()
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
    kinds = [kind for kind, _ in _cards(site_dir)]
    assert {"flowchart", "sequence diagram", "architecture diagram", "chart", "state diagram"} <= set(kinds)
    assert not [k for k in kinds if not re.fullmatch(r"[A-Za-z ]+", k)], "a kind is read from a directive"
    for kind in set(kinds):  # the filter offers each kind with its count
        count = re.search(rf'data-kind="{kind}" aria-pressed="false">[^<]*<span class="hb-gallery__count">(\d+)', html)
        assert count and int(count.group(1)) == kinds.count(kind), f"the filter's count of {kind} is wrong"


def test_every_card_shows_a_thumbnail_file_that_exists_drawn_light_and_dark(site_dir):
    files = set()
    for kind, card in _cards(site_dir):
        images = _IMAGE.findall(card)
        assert [scheme for scheme, *_ in images] == ["light", "dark"], f"a {kind} card has no thumbnail pair"
        (_, light, *size), (_, dark, *dark_size) = images
        assert dark == light + "#dark" and size == dark_size
        path = (site_dir / GALLERY.parent / light).resolve()
        assert path.is_file(), f"{light} is not in the site"
        files.add(path)
    for path in files:
        root = ET.parse(path).getroot()  # an <img> shows only a well-formed file
        assert root.find("{http://www.w3.org/2000/svg}g[@id='dark']") is not None, f"{path.name} has no #dark group"
        assert "#dark:target" in path.read_text(encoding="utf-8"), f"{path.name} has no dark drawing"
    assert len(files) > 250


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
