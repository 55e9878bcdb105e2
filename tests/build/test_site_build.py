"""The whole site builds with --strict, and what it publishes is complete, linked and self-contained."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.config import load_config

from handbook.rendering.tables.glossary import parse_abbreviations
from tests.build.html_scan import html_pages, scan
from tests.conftest import ROOT
from tests.support.contexts import real_data

CONFIG = load_config(config_file=str(ROOT / "mkdocs.yml"))
SITE_HOSTS = {urlsplit(CONFIG.site_url).netloc}  # plus the loopback address the test build is made for


def nav_pages(items) -> set[str]:
    found: set[str] = set()
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found |= nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.add(value)
    return found


def resolve(site: Path, page: Path, url: str) -> Path | None:
    """The file a relative URL in `page` points at, or None for external and special URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("#", "mailto:", "javascript:")) or not parts.path:
        return None
    path = unquote(parts.path)
    base = "/"  # 404.html links from the site root (the test build's site_url), since it is served at any depth
    target = (site / path.removeprefix(base)) if path.startswith(base) else (page.parent / path).resolve()
    return target / "index.html" if target.is_dir() or parts.path.endswith("/") else target


def test_no_broken_internal_link_or_anchor(site_dir):
    broken = []
    for page in html_pages(site_dir):
        for tag, url in scan(page).references:
            target = resolve(site_dir, page, url)
            if target is None:
                fragment = urlsplit(url).fragment
                if url.startswith("#") and fragment and fragment not in scan(page).ids:
                    broken.append(f"{page.relative_to(site_dir)}: <{tag}> {url}: no such anchor")
                continue
            if not target.exists():
                broken.append(f"{page.relative_to(site_dir)}: <{tag}> {url}: no such file")
            elif (fragment := urlsplit(url).fragment) and target.suffix == ".html" and fragment not in scan(target).ids:
                broken.append(f"{page.relative_to(site_dir)}: <{tag}> {url}: no such anchor")
    assert broken == []


def test_every_image_has_alt_text_and_a_size(site_dir):
    missing = [
        f"{page.relative_to(site_dir)}: {image.get('src')}"
        for page in html_pages(site_dir)
        for image in scan(page).images
        if not (image.get("alt") or "").strip() or not image.get("width") or not image.get("height")
    ]
    assert missing == []


def test_output_holds_no_filesystem_path_of_the_build_machine(site_dir):
    leaks = []
    for path in site_dir.rglob("*"):
        if path.suffix in {".html", ".svg", ".json", ".xml", ".css", ".js"} and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for needle in (str(ROOT), "site-packages", str(Path.home()) + "/"):
                if needle in text:
                    leaks.append(f"{path.relative_to(site_dir)}: {needle}")
    assert leaks == []


def test_no_page_loads_anything_from_another_host(site_dir, site_port):
    """Links (<a>) may point anywhere; anything a browser fetches by itself must come from the site."""
    remote = []
    for page in html_pages(site_dir):
        for tag, url in scan(page).references:
            host = urlsplit(url).netloc
            if tag != "a" and host and host not in SITE_HOSTS | {f"127.0.0.1:{site_port}"}:
                remote.append(f"{page.relative_to(site_dir)}: <{tag}> {url}")
    for sheet in site_dir.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?(https?:)?//([^)'\"]+)", sheet.read_text(encoding="utf-8")):
            remote.append(f"{sheet.relative_to(site_dir)}: url({url[1]})")
    assert remote == []


def test_every_page_has_its_own_description(site_dir):
    generic = CONFIG.site_description.strip()
    missing = [
        page.relative_to(site_dir).as_posix()
        for page in html_pages(site_dir)
        if page.name != "404.html"
        and 'http-equiv="refresh"' not in page.read_text(encoding="utf-8")  # redirects of moved pages
        and scan(page).meta.get("description", generic).strip() == generic
    ]
    assert missing == []


def test_every_quiz_checklist_and_figure_is_used_by_some_page(site_dir):
    used: dict[str, set[str]] = {"data-quiz-id": set(), "data-checklist-id": set(), "data-figure-id": set()}
    for page in html_pages(site_dir):
        for name, value in scan(page).data_attributes:
            used.setdefault(name, set()).add(value)
    data = real_data()
    assert set(data.quizzes) - used["data-quiz-id"] == set(), "quizzes no page shows"
    assert set(data.checklists) - used["data-checklist-id"] == set(), "checklists no page shows"
    figures = {p.stem for p in (ROOT / "figures").glob("*.py") if not p.name.startswith("_")}
    assert figures - used["data-figure-id"] == set(), "figures no page shows"


def test_quiz_blocks_hold_every_question_of_their_file(site_dir):
    shown = {}
    for page in html_pages(site_dir):
        for name, value in scan(page).data_attributes:
            if name == "data-question-id":
                shown[value] = page
    for item in real_data().quizzes.values():
        for question in item.model.questions:
            assert question.id in shown, f"{item.path.name}: {question.id} is not on any page"


def test_figures_are_published_self_contained(site_dir):
    figures = sorted((site_dir / "figures").glob("*.svg"))
    wide = [svg for svg in figures if not svg.name.endswith(".narrow.svg")]
    assert len(wide) == len(list((ROOT / "figures").glob("*.py")))
    narrow = {svg.name.removesuffix(".narrow.svg") for svg in figures if svg.name.endswith(".narrow.svg")}
    assert narrow == {svg.stem for svg in wide}, "each figure has a layout for a phone"
    for svg in figures:
        text = svg.read_text(encoding="utf-8")
        hrefs = re.findall(r'href="([^"#][^"]*)"', text)
        assert all(h.startswith("data:image/") for h in hrefs), f"{svg.name} references files: {hrefs[:3]}"


def test_search_index_covers_every_page(site_dir):
    """Every nav page has its documents in the search index (handbook/search/index.py), its page entry first."""
    pieces = site_dir / "search" / "index"
    manifest = json.loads((pieces / "manifest.json").read_text(encoding="utf-8"))
    locations = set()
    for number in range(len(manifest["pages"]) - 1):
        docs = json.loads((pieces / "p" / f"{number}.json").read_text(encoding="utf-8"))
        assert "#" not in docs[0][0] and all(d[0].startswith(docs[0][0] + "#") for d in docs[1:]), docs[:2]
        locations.add(docs[0][0])
    for page in nav_pages(CONFIG.nav):
        url = "" if page == "index.md" else page.removesuffix("index.md").removesuffix(".md")
        url = url if url == "" or url.endswith("/") else url + "/"
        assert url in locations, f"{page} is not searchable"


def test_mermaid_figures_are_rendered_at_build_time(site_dir):
    pages = [p for p in html_pages(site_dir) if "hb-mermaid" in p.read_text(encoding="utf-8")]
    assert pages, "some page has a Mermaid figure"
    for page in html_pages(site_dir):
        text = page.read_text(encoding="utf-8")
        assert '<pre class="mermaid">' not in text, f"{page}: a Mermaid block was left unrendered"
        assert 'class="mermaid"' not in text, f"{page}: Material would fetch Mermaid from a CDN for this"
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.count('<div class="hb-mermaid"><svg') == text.count('class="hb-mermaid"'), f"{page}: no SVG"
        # Which variables depends on the diagrams (a page of sequence diagrams has no flowchart node colour).
        assert "var(--md-mermaid-" in text, f"{page}: not coloured by Material's theme variables"


_ID = re.compile(r'\sid="([^"]+)"')
_SVG = re.compile(r'<div class="hb-mermaid">(<svg id="([^"]+)".*?</svg>)</div>', re.S)
_REFERENCE = re.compile(r'url\(#([^)]+)\)|href="#([^"]+)"|aria-(?:labelledby|describedby)="([^"]+)"')


def test_no_page_repeats_an_id(site_dir):
    """Mermaid names elements the same in every diagram (`arrowhead`, `actor0`): on a page with two diagrams a
    marker, a link or an accessible name would find the first diagram's element."""
    repeated = {}
    for page in html_pages(site_dir):
        ids = _ID.findall(page.read_text(encoding="utf-8"))
        twice = sorted({name for name in ids if ids.count(name) > 1}) if len(ids) != len(set(ids)) else []
        if twice:
            repeated[page.relative_to(site_dir).as_posix()] = twice[:5]
    assert not repeated, f"ids used twice on a page: {repeated}"


def test_each_mermaid_figure_refers_only_to_its_own_elements(site_dir):
    checked = 0
    for page in html_pages(site_dir):
        for svg, root in _SVG.findall(page.read_text(encoding="utf-8")):
            own = set(_ID.findall(svg))
            for match in _REFERENCE.finditer(svg):
                names = (match.group(1) or match.group(2) or match.group(3)).split()
                assert all(n in own and root in n for n in names), f"{page}: {root} refers to {names}"
                checked += 1
    assert checked > 300, "the figures' markers and accessible names were found"


def test_moved_pages_redirect_to_their_new_place(site_dir):
    redirects = next(p for p in CONFIG.plugins.values() if type(p).__name__ == "RedirectPlugin").config["redirect_maps"]
    assert redirects, "mkdocs.yml lists the moved pages"
    for old, new in redirects.items():
        old_page = site_dir / old.removesuffix(".md") / "index.html"
        html = old_page.read_text(encoding="utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
        assert (old_page.parent / target / "index.html").resolve() == (
            site_dir / new.removesuffix(".md") / "index.html"
        ).resolve()


_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.S)
_RAW_TABLE = re.compile(r"^\|.*\|\s*\n\|[-:| ]+\|\s*$", re.M)


def test_no_markdown_table_is_left_unrendered(site_dir):
    """A table included right after a code fence, without a blank line, stays as `| a | b |` text."""
    raw = [
        page.relative_to(site_dir).as_posix()
        for page in html_pages(site_dir)
        if _RAW_TABLE.search(_CODE.sub("", page.read_text(encoding="utf-8")))
    ]
    assert raw == []


def test_every_glossary_term_is_a_tooltip_where_pages_use_it(site_dir):
    """docs/includes/abbreviations.md reaches every page (the abbr extension's glossary): a term in a page's own
    prose is shown as `<abbr title="its definition">` there."""
    terms = parse_abbreviations((ROOT / "docs" / "includes" / "abbreviations.md").read_text(encoding="utf-8"))
    shown = 0
    for source in sorted((ROOT / "docs").rglob("*.md")):
        relative = source.relative_to(ROOT / "docs")
        folder = relative.parent if relative.name == "index.md" else relative.with_suffix("")
        built = site_dir / folder / "index.html"
        if relative.parts[0] == "includes" or not built.exists():
            continue
        markdown = re.sub(
            r"^(```|~~~).*?^\1|\{\{.*?\}\}|\{%.*?%\}|`[^`\n]*`", " ", source.read_text(), flags=re.S | re.M
        )
        html = built.read_text(encoding="utf-8")
        for term, definition in terms:
            if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", markdown):
                title = escape(definition, quote=False).replace('"', "&quot;")
                assert f'<abbr title="{title}">{term}</abbr>' in html, f"{relative}: {term}"
                shown += 1
    assert shown > 100
