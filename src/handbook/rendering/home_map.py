"""The home page's map: one card per top-level nav section, listing its pages, generated from the nav.

The nav in mkdocs.yml is the one list of pages; the home page supplies only each card's one-line blurb, keyed
by section title. A section without a blurb, or a blurb for no section, stops the build: a new section
always appears on the map, and a renamed one is noticed.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Section
from mkdocs.utils import get_relative_url

REFERENCE = "Reference"  # the card for top-level pages that are not in a section (glossary, references…)


def _title(page) -> str:
    return page.title or (page.parent.title if isinstance(page.parent, Section) else page.file.name)


def _link(page, here: str) -> str:
    return f"[{_title(page)}]({get_relative_url(page.file.src_uri, here)})"


def _items(section: Section, here: str) -> list[str]:
    lines = []
    for child in section.children:
        if isinstance(child, Section):  # a sub-section: its index page (if any) then its pages, on one line
            pages = [p for p in child.children if not isinstance(p, Section)]
            index = [p for p in pages if p.file.name == "index"]
            head = f"[{child.title}]({get_relative_url(index[0].file.src_uri, here)})" if index else child.title
            rest = ", ".join(_link(p, here) for p in pages if p not in index)
            lines.append(f"- {head}: {rest}" if rest else f"- {head}")
        elif child.file.name != "index":  # a section's own index page is linked from its title
            lines.append(f"- {_link(child, here)}")
    return lines


def render_map(nav, here: str, blurbs: dict[str, str]) -> str:
    """Material grid cards in Markdown, for the page whose source path is `here`."""
    cards: list[tuple[str, str | None, list[str]]] = []
    loose = []
    for item in nav.items:
        if isinstance(item, Section):
            index = next((c for c in item.children if not isinstance(c, Section) and c.file.name == "index"), None)
            cards.append(
                (item.title, get_relative_url(index.file.src_uri, here) if index else None, _items(item, here))
            )
        elif item.file.src_uri != here:
            loose.append(f"- {_link(item, here)}")
    if loose:
        cards.append((REFERENCE, None, loose))
    titles = [title for title, _, _ in cards]
    missing = [t for t in titles if t not in blurbs]
    unknown = [t for t in blurbs if t not in titles]
    if missing or unknown:
        raise PluginError(
            f"docs/{here}: handbook_map(): "
            + "; ".join(
                [f'no blurb for the nav section "{t}": add it' for t in missing]
                + [f'a blurb for "{t}", which is not a top-level nav section: rename or remove it' for t in unknown]
            )
        )
    out = ['<div class="grid cards" markdown>', ""]
    for title, link, lines in cards:
        heading = f"[{title}]({link})" if link else title
        out += [f"-   **{heading}**", "", "    ---", "", f"    {blurbs[title]}", ""]
        out += [f"    {line}" for line in lines] + [""]
    return "\n".join(out + ["</div>"])


def _section_counts(section: Section, placements) -> tuple[int, int, int]:
    """Pages, quizzes and figures of a nav section, read from the build's placements."""
    sources = {page.file.src_uri for page in section.children if not isinstance(page, Section)}
    sources |= {p.file.src_uri for child in section.children if isinstance(child, Section) for p in child.children}
    pages = [page for page in placements.pages if page.src_uri in sources]
    quizzes = sum(1 for page in placements.quiz.values() if page.src_uri in sources)
    figures = sum(page.markdown.count("```mermaid") + page.markdown.count('{{ figure("') for page in pages)
    return len(pages), quizzes, figures


def render_overview(nav, placements) -> str:
    """A Mermaid figure of the handbook, generated from the nav: where to start, the sections the rounds draw on
    (two a row, in reading order), and the tools to practise with, each with its pages, quizzes and figures."""
    sections = [item for item in nav.items if isinstance(item, Section)]
    if len(sections) < 3:
        return ""
    (
        first,
        *middle,
    ) = sections[:2]
    practice = [s for s in sections[2:] if s.title in ("Study tools", "Printable checklists")]
    topics = [s for s in sections[1:] if s not in practice]

    def node(n: int, section: Section) -> str:
        pages, quizzes, figures = _section_counts(section, placements)
        detail = (
            f"{pages} pages"
            + (f" · {quizzes} quizzes" if quizzes else "")
            + (f"<br/>{figures} figures" if figures else "")
        )
        return f'    S{n}["<b>{section.title}</b><br/>{detail}"]'

    lines = [
        "```mermaid",
        "flowchart TB",
        "    accTitle: Map of the handbook",
        "    accDescr: Start here, then the sections the interview rounds draw on, two a row in reading order, "
        "then the study tools and checklists to practise with; each box gives its pages, quizzes and figures.",
    ]
    numbered = list(enumerate([first, *topics, *practice]))
    lines += [node(n, s) for n, s in numbered]
    rows = [[0]] + [list(range(1 + i, min(1 + i + 2, 1 + len(topics)))) for i in range(0, len(topics), 2)]
    rows.append(list(range(1 + len(topics), 1 + len(topics) + len(practice))))
    rows = [row for row in rows if row]
    for above, below in zip(rows, rows[1:], strict=False):
        lines += [f"    S{a} --> S{b}" for a in above[:1] for b in below]
        if len(above) > 1:
            lines.append(f"    S{above[1]} ~~~ S{below[-1]}")
    lines.append("```")
    return "\n".join(lines)
