"""Which pages the PDFs hold, in nav order, and the HTML skeleton that assemble.js fills with them.

The pages come from the nav as MkDocs builds it (`load_config`, `get_files`, `get_navigation`, the same walk
as the build's placements); a page whose front matter says `pdf: false` is left out. The skeleton holds the
cover, the table of contents, the part headings and one empty `<article>` per chapter; everything in it is
escaped here, so page titles and the site description can hold any character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from handbook.content.placements import load_placements
from handbook.errors import HandbookError
from handbook.text import slug

_CHECKLIST_CALL = re.compile(r"""\{\{-?\s*checklist\(\s*(?:checklist_id\s*=\s*)?(["'])([a-z0-9-]+)\1""")
PRIVATE = "__handbook-pdf__/"  # where the skeleton and its files are answered, under the site's base URL


class BookError(HandbookError):
    """A problem with the pages or the data that the PDFs are made from; `str()` is one line per problem."""


@dataclass(frozen=True)
class Chapter:
    """One page of the site as a chapter of a PDF."""

    title: str  # as the nav (and so the table of contents) names it
    url: str  # relative to the site root: "data/sharding/", "" for the home page
    source: str  # "docs/data/sharding.md", for messages
    parts: tuple[str, ...] = ()  # the nav sections above the page, outermost first
    opens_part: bool = False  # the index page of its section: its heading stands for the part's
    checklist_id: str | None = None

    @property
    def anchor(self) -> str:
        """The chapter's id in the PDF, and the name of its destination: `ch-data-sharding`, `ch-home`."""
        return "ch-" + (slug(self.url) or "home")

    @property
    def level(self) -> int:
        """The outline level of the chapter's title: one below the part it is in."""
        return len(self.parts) + (0 if self.opens_part else 1)


@dataclass(frozen=True)
class Book:
    site_name: str
    description: str
    site_url: str  # production, from mkdocs.yml: the only address the PDFs may link to
    copyright: str
    chapters: list[Chapter]  # the handbook, in nav order
    checklists: list[Chapter] = field(default_factory=list)  # the checklists PDF, in nav order


def _checklist_id(markdown: str, source: str) -> str | None:
    ids = [match.group(2) for match in _CHECKLIST_CALL.finditer(markdown)]
    if len(ids) > 1:
        raise BookError(
            [f"{source}: holds {len(ids)} checklists: a checklist page holds one, so it prints on one page"]
        )
    return ids[0] if ids else None


def load_book(root: Path, checklist_ids: list[str]) -> Book:
    """The chapters of both PDFs, from `root/mkdocs.yml`. `checklist_ids`: every checklist in data/checklists/."""
    config, placements = load_placements(root)
    if not config["site_url"]:
        raise BookError(["mkdocs.yml: site_url is not set: set it, the PDFs link to the pages on the site"])
    chapters, problems = _chapters(placements)
    checklists = [chapter for chapter in chapters if chapter.checklist_id]
    problems += _checklist_problems([chapter.checklist_id for chapter in checklists], checklist_ids)
    if problems:
        raise BookError(problems)
    return Book(
        site_name=config["site_name"],
        description=" ".join((config["site_description"] or "").split()),
        site_url=config["site_url"].rstrip("/") + "/",
        copyright=config["copyright"] or "",
        chapters=chapters,
        checklists=checklists,
    )


def _chapters(placements) -> tuple[list[Chapter], list[str]]:
    """A chapter for each page in the nav that is not left out (`pdf: false`), and the problems found."""
    chapters, problems = [], []
    for page in (page for page in placements.pages if page.in_nav):
        source = f"docs/{page.src_uri}"
        wanted = page.meta.get("pdf", True)
        if not isinstance(wanted, bool):
            problems.append(f"{source}: front matter `pdf: {wanted}`: write `pdf: false` to leave the page out")
            continue
        if not wanted:
            continue
        chapters.append(
            Chapter(
                title=page.title,
                url=page.url,
                source=source,
                parts=page.sections,
                opens_part=page.opens_part,
                checklist_id=_checklist_id(page.markdown, source),
            )
        )
    return chapters, problems


def _checklist_problems(printed: list[str], checklist_ids: list[str]) -> list[str]:
    """The checklists PDF holds every checklist of data/checklists/, each once."""
    problems = [
        f'data/checklists/{missing}.yml: no page in the nav (without `pdf: false`) calls checklist("{missing}"): '
        "the checklists PDF must hold every checklist"
        for missing in sorted(set(checklist_ids) - set(printed))
    ]
    problems += [
        f"checklist {extra!r} is on a page but not in data/checklists/"
        for extra in sorted(set(printed) - set(checklist_ids))
    ]
    twice = sorted({cid for cid in printed if printed.count(cid) > 1})
    return problems + [f'checklist("{cid}") is on more than one page: print it once' for cid in twice]


def _head(title: str, kind: str) -> str:
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<link rel="stylesheet" id="hb-book-css" href="book.css"></head>'
        f'<body dir="ltr" class="hb-book hb-book--{kind}"><div class="md-container"><main class="md-main">'
        '<div class="md-main__inner md-grid"><div class="md-content">'
    )


_TAIL = '</div></div></main></div><script src="assemble.js"></script></body></html>\n'


def _article(chapter: Chapter) -> str:
    return (
        f'<article class="md-content__inner md-typeset hb-chapter" id="{chapter.anchor}" '
        f'data-src="{escape(chapter.url)}" data-source="{escape(chapter.source)}" data-title="{escape(chapter.title)}" '
        f'data-level="{chapter.level}"></article>'
    )


def _cover(book: Book, built: str, commit: str | None) -> str:
    facts = [("Built", escape(built))]
    if commit:
        facts.append(("From commit", f"<code>{escape(commit)}</code>"))
    facts.append(("Read it online", f'<a href="{escape(book.site_url)}">{escape(book.site_url)}</a>'))
    rows = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
    return (
        '<section class="hb-cover md-typeset">'
        # Not a heading: the home page's own title is the first bookmark, and the two would be the same.
        f'<p class="hb-cover__title">{escape(book.site_name)}</p>'
        f'<p class="hb-cover__description">{escape(book.description)}</p>'
        f'<dl class="hb-cover__facts">{rows}</dl>'
        f'<p class="hb-cover__copyright">{escape(book.copyright)}</p></section>'
    )


def _toc(book: Book) -> str:
    """Parts and chapters, each chapter linked to its page; the numbers are filled in after a first print."""
    items = []
    for parts, chapter in _walk(book.chapters):
        if chapter is None:
            items.append(f'<li class="hb-toc__part hb-toc--depth-{len(parts)}">{escape(parts[-1])}</li>')
            continue
        kind = "hb-toc__part-chapter" if chapter.opens_part else "hb-toc__chapter"
        items.append(
            f'<li class="{kind} hb-toc--depth-{chapter.level}"><a href="#{chapter.anchor}">'
            f'<span class="hb-toc__title">{escape(chapter.title)}</span>'
            f'<span class="hb-toc__page" data-page-of="{chapter.anchor}">0000</span></a></li>'
        )
    return (
        '<nav class="hb-toc md-typeset" aria-labelledby="hb-toc-title"><h1 id="hb-toc-title">Contents</h1>'
        f"<ol>{''.join(items)}</ol></nav>"
    )


def _walk(chapters: list[Chapter]):
    """Yield `(parts, None)` where a part begins, then `(parts, chapter)` for each chapter, in order.

    A section whose index page comes first is opened by that page (its heading stands for the part's).
    """
    current: tuple[str, ...] = ()
    for chapter in chapters:
        for depth in range(_shared(current, chapter.parts), len(chapter.parts)):
            if depth == len(chapter.parts) - 1 and chapter.opens_part:
                break
            yield chapter.parts[: depth + 1], None
        current = chapter.parts
        yield chapter.parts, chapter


def _shared(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How many leading sections two section paths share."""
    count = 0
    for left, right in zip(a, b, strict=False):
        if left != right:
            break
        count += 1
    return count


def _part_id(parts: tuple[str, ...]) -> str:
    return "part-" + slug("-".join(parts))


def handbook_html(book: Book, built: str, commit: str | None) -> str:
    """The handbook's skeleton: cover, contents, then each part heading and chapter placeholder in nav order."""
    body = []
    for parts, chapter in _walk(book.chapters):
        if chapter is None:
            body.append(
                f'<div class="hb-part md-typeset" id="{_part_id(parts)}">'
                f'<h1 class="hb-part__title" aria-level="{len(parts)}">{escape(parts[-1])}</h1></div>'
            )
        else:
            body.append(_article(chapter))
    return _head(book.site_name, "handbook") + _cover(book, built, commit) + _toc(book) + "".join(body) + _TAIL


def checklists_html(book: Book) -> str:
    """The checklists' skeleton: one chapter placeholder per checklist, nothing else."""
    articles = "".join(_article(chapter) for chapter in book.checklists)
    return _head(f"{book.site_name}: printable checklists", "checklists") + articles + _TAIL
