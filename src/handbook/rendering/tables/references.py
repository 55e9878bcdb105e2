"""Every source the handbook cites, collected from the pages' own "## Further reading" sections.

Runs when `docs/references.md` renders (`{{ references() }}`). Parsing is deliberately simple:

- the page's title is its first `# ` line; its section is its top-level group in the build's nav;
- its sources are the list items (`- ` or `* ` at the start of a line, with indented continuation lines) after
  the line `## Further reading`, up to the next `## ` heading or the end of the file. Other lines there are
  ignored, and a page without that section contributes nothing;
- an item's key is its first external link (`[text](https://…)` or `<https://…>`): an item whose key was already
  seen on an earlier page is listed once, under the first page, with every citing page; an item without an
  external link is kept as written on each page, except a pure cross-reference (only links to handbook pages).

Items are copied as written (Markdown stays Markdown); only links to handbook pages are re-pointed so they
resolve from `references.md`, which sits at the root of `docs/`.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

__all__ = ["references"]

SKIPPED = ("includes/", "glossary.md", "references.md")

# Hosts of papers and books: an item linking here (or to a PDF) is listed under "Books and papers".
PAPER_HOSTS = (
    "arxiv.org",
    "dataintensive.net",
    "dl.acm.org",
    "doi.org",
    "inria.hal.science",
    "nowpublishers.com",
    "queue.acm.org",
    "research.google",
    "sre.google",
    "usenix.org",
    "vldb.org",
)
# Works an interviewer expects you to know, matched as whole words in the item's text.
NAMED_WORKS = re.compile(r"\b(DDIA|Designing Data-Intensive Applications|Raft|Dynamo|Spanner|SRE)\b", re.IGNORECASE)

_DDIA = re.compile(r"\bDDIA\b|Designing Data-Intensive Applications", re.IGNORECASE)
_ITEM = re.compile(r"^[-*] +(.*)$")
_EXTERNAL = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")
_INTERNAL = re.compile(r"\]\((?!https?://|mailto:|#)([^)\s]+)\)")
_LINK_TEXT = re.compile(r"\[([^\[\]]+)\]\(https?://")
_TITLE = re.compile(r"\*([^*\n]+)\*")
# A citation's head: up to the first "(…year)" after an italic title, skipping one link target in between.
_CITATION = re.compile(r"^.*?\*[^*]+\*[^()]*(?:\(https?://[^()]*\)[^()]*)?\((?![^)]*://)[^()]*\d{4}\)")


@dataclass
class Page:
    src: str  # path under docs/, which is also the link from references.md
    title: str
    section: str | None  # top-level nav group; None for a page at the top of the nav or outside it
    items: list[str] = field(default_factory=list)


def further_reading(text: str) -> list[str]:
    """The list items of the `## Further reading` section, continuation lines joined with a space."""
    items: list[str] = []
    inside = False
    for line in text.splitlines():
        if line.startswith("## "):
            inside = line.strip() == "## Further reading"
        elif inside and (match := _ITEM.match(line)):
            items.append(match[1].strip())
        elif inside and items and line[:1] in (" ", "\t") and line.strip():
            items[-1] += " " + line.strip()
    return items


def page_title(text: str, src: str) -> str:
    """The text of the page's first `# ` heading, or its path if it has none."""
    return next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), src)


def collect_pages(pages) -> list[Page]:
    """Every page with sources, in reading order (`pages`: the build's PageInfo list, nav order then path)."""
    out = []
    for info in pages:
        if info.src_uri.startswith(SKIPPED):
            continue
        items = [_rebase(item, info.src_uri) for item in further_reading(info.markdown) if not _cross_reference(item)]
        if items:
            section = info.sections[0] if info.sections else None
            out.append(Page(info.src_uri, page_title(info.markdown, info.src_uri), section, items))
    return out


def _cross_reference(item: str) -> bool:
    return bool(_INTERNAL.search(item)) and not _EXTERNAL.search(item)


def _rebase(item: str, src: str) -> str:
    """Re-point links to handbook pages from the citing page's folder to the docs root."""
    folder = posixpath.dirname(src)
    return _INTERNAL.sub(lambda m: f"]({posixpath.normpath(posixpath.join(folder, m[1]))})", item)


def link_key(item: str) -> str | None:
    """The item's first external URL without a trailing slash, or None."""
    match = _EXTERNAL.search(item)
    return (match[1] or match[2]).rstrip("/") if match else None


def _link(page: Page) -> str:
    return f"[{page.title}]({page.src})"


def _is_book_or_paper(item: str) -> bool:
    urls = [m[1] or m[2] for m in _EXTERNAL.finditer(item)]
    hosts = [re.sub(r"^https?://(www\.)?", "", url).split("/")[0] for url in urls]
    on_paper_host = any(host.endswith(PAPER_HOSTS) for host in hosts)
    return on_paper_host or any(url.lower().endswith(".pdf") for url in urls) or bool(NAMED_WORKS.search(item))


def books_and_papers(pages: list[Page]) -> list[tuple[str, list[Page]]]:
    """The distinct books and papers with the pages citing each, in order of first citation.

    Two items are the same work when they share their italic title (`*Designing Data-Intensive
    Applications*`, or DDIA by name), the text of their first link, or their first link. A work is shown by its first citation that has the form
    "authors, *Title*, … (publisher, year)", cut after that parenthesis so one page's chapter notes do not
    stand for the whole book; otherwise by its first item as written.
    """
    works: list[dict] = []  # {"keys": set, "items": [...], "pages": [...]}
    for page in pages:
        for item in filter(_is_book_or_paper, page.items):
            keys = {f"title:{title}"} if (title := _work_title(item)) else set()
            if link_text := _LINK_TEXT.search(item):  # the same paper hosted twice: `[Sagas](acm)`, `[Sagas](pdf)`
                keys.add("title:" + re.sub(r"[^a-z0-9]+", " ", link_text[1].casefold()).strip())
            keys |= {f"url:{url}"} if (url := link_key(item)) else {f"text:{item}"}
            matching = [work for work in works if work["keys"] & keys]
            merged = {"keys": keys, "items": [], "pages": []}
            for work in matching:  # an item can join two works seen so far (one by title, one by link)
                merged["keys"] |= work["keys"]
                merged["items"] += work["items"]
                merged["pages"] += [p for p in work["pages"] if p not in merged["pages"]]
            merged["items"].append(item)
            merged["pages"] += [] if page in merged["pages"] else [page]
            position = works.index(matching[0]) if matching else len(works)
            works = [work for work in works if work not in matching]
            works.insert(min(position, len(works)), merged)
    shown = []
    for work in works:
        heads = [m[0] for item in work["items"] if (m := _CITATION.match(item))]
        shown.append((heads[0] if heads else _without_note(work["items"][0]), work["pages"]))
    return shown


def _work_title(item: str) -> str | None:
    """The item's italic title, lower-cased; DDIA by any of its names, since pages cite it as often as 3 ways."""
    if _DDIA.search(item):
        return "designing data-intensive applications"
    title = _TITLE.search(item)
    return title[1].strip().casefold() if title else None


def _without_note(item: str) -> str:
    """The item without the page's note after its first link (`[Title](url), venue: why it matters`)."""
    link = _EXTERNAL.search(item)
    cut = item.find(": ", link.end()) if link else -1
    head = item[:cut] if cut > 0 else item
    balanced = head.count("[") == head.count("]") and head.count("(") == head.count(")")
    return head if balanced else item


def render_references(pages: list[Page]) -> str:
    """Markdown: "Books and papers", then one `##` per nav group and one `###` per page with its sources."""
    citing: dict[str, list[Page]] = {}
    for page in pages:
        for item in page.items:
            if (key := link_key(item)) and page not in citing.setdefault(key, []):
                citing[key].append(page)

    out = ["## Books and papers", ""]
    for text, cited_by in books_and_papers(pages):
        count = f" *(cited on {len(cited_by)} pages)*" if len(cited_by) > 1 else ""
        out.append(f"- {text}{count}")

    seen: set[str] = set()
    section: str | None = None
    for page in pages:
        lines = []
        for item in page.items:
            key = link_key(item)
            if key in seen:
                continue
            if key:
                seen.add(key)
            if key and len(citing[key]) > 1:
                item += " *(cited in " + ", ".join(_link(p) for p in citing[key]) + ")*"
            lines.append(f"- {item}")
        if not lines:
            continue
        if page.section is None:
            out += ["", f"## {_link(page)}", "", *lines]
            section = None
            continue
        if page.section != section:
            out += ["", f"## {page.section}"]
        section = page.section
        out += ["", f"### {_link(page)}", "", *lines]
    return "\n".join(out)


def references(*, context) -> str:
    """Macro: the sources of every page under docs/, grouped by nav section and page."""
    return render_references(collect_pages(context.placements.pages))
