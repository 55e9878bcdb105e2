"""Where each quiz, checklist and figure lives on the site, read once per build from MkDocs' own files and nav.

Every output that needs a page for an id (quiz blocks and the quizzes index, the flashcards, the Anki deck,
the PDF, the references page) reads this one map, so they cannot disagree. A page *places* an id by calling
its macro: `{{ quiz("sharding") }}`, `{{ checklist("sql") }}`, `{{ figure("cache-aside") }}`. Matching the
Jinja call itself is exact: a call always runs (code fences do not protect `{{ }}`), while a mention in prose
or in backticks is not a call. When two pages call the same id, the first in path order holds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.nav import Section
from mkdocs.utils.meta import get_data

KINDS = ("quiz", "checklist", "figure")
_CALL = re.compile(r"""\{\{-?\s*(quiz|checklist|figure)\(\s*(?:\w+\s*=\s*)?(["'])([a-z0-9-]+)\2""")


def section_titles(page) -> list[str]:
    """Titles of the nav sections holding `page`, outermost first; empty for a top-level page or no page."""
    titles = []
    parent = page.parent if page is not None else None
    while isinstance(parent, Section):
        titles.append(parent.title)
        parent = parent.parent
    return titles[::-1]


@dataclass(frozen=True)
class PageInfo:
    """A documentation page as the outputs need it."""

    src_uri: str  # path under docs/
    url: str  # relative to the site root, e.g. `data/sharding/`
    title: str
    sections: tuple[str, ...]  # nav sections above it, outermost first
    order: int  # position in the nav; pages outside the nav come after, by path
    markdown: str  # the source, front matter included
    meta: dict  # the front matter
    in_nav: bool
    opens_part: bool  # the index page of its nav section: its heading stands for the section's

    @property
    def section(self) -> str:
        """The outermost nav section, or the page's own title for a page at the top of the nav."""
        return self.sections[0] if self.sections else self.title


@dataclass(frozen=True)
class Placements:
    pages: list[PageInfo]  # in reading order
    quiz: dict[str, PageInfo] = field(default_factory=dict)
    checklist: dict[str, PageInfo] = field(default_factory=dict)
    figure: dict[str, PageInfo] = field(default_factory=dict)

    def of(self, kind: str) -> dict[str, PageInfo]:
        return getattr(self, kind)

    def page(self, src_uri: str) -> PageInfo | None:
        return next((page for page in self.pages if page.src_uri == src_uri), None)


def _title(file, markdown: str, meta: dict) -> str:
    """As MkDocs titles a page: its nav title, else its front matter's `title`, else its first `# ` heading."""
    page = file.page
    if page is not None and page.title:
        return page.title
    if isinstance(meta.get("title"), str):
        return meta["title"]
    return next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), file.src_uri)


def _info(file, rank: int, in_nav: bool) -> PageInfo:
    text = file.content_string
    meta = get_data(text)[1]
    page, section = file.page, getattr(file.page, "parent", None)
    opens_part = isinstance(section, Section) and section.children[0] is page and page.is_index
    return PageInfo(
        file.src_uri,
        file.url,
        _title(file, text, meta),
        tuple(section_titles(page)),
        rank,
        text,
        meta,
        in_nav,
        opens_part,
    )


def load_placements(root: Path):
    """The placements of the project at `root` outside a build (the PDF, `make anki`): MkDocs' own nav walk.

    Returns (config, placements).
    """
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation

    config = load_config(config_file=str(root / "mkdocs.yml"))
    files = get_files(config)
    navigation = get_navigation(files, config)  # gives every page its `.parent` section and `.url`
    return config, read_placements(files, navigation.pages)


def read_placements(files, nav_pages) -> Placements:
    """The placements of this build: `files` is MkDocs' Files, `nav_pages` the nav's pages in order.

    Call it from `on_nav` or later, when pages have their nav parents. Pages excluded by `exclude_docs` are
    not documentation pages, so they place nothing.
    """
    order = {page.file.src_uri: n for n, page in enumerate(nav_pages)}
    documents = sorted(files.documentation_pages(), key=lambda f: (order.get(f.src_uri, len(order)), f.src_uri))
    pages = [_info(file, rank, file.src_uri in order) for rank, file in enumerate(documents)]
    placed: dict[str, dict[str, PageInfo]] = {kind: {} for kind in KINDS}
    for info in sorted(pages, key=lambda p: p.src_uri):  # an id called on two pages belongs to the first by path
        for match in _CALL.finditer(info.markdown):
            placed[match.group(1)].setdefault(match.group(3), info)
    return Placements(pages, **placed)
