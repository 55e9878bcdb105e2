"""The glossary, generated from `docs/includes/abbreviations.md`, the file behind every page's tooltips.

One source of truth: a term is added to the abbreviations file (`*[TERM]: definition`) and appears both as a
tooltip on every page (`use_glossary` hands the terms to the abbr extension) and as an entry in
`docs/glossary.md`.
"""

from __future__ import annotations

import re
from pathlib import Path

from handbook.text import slug

__all__ = ["glossary", "use_glossary"]

ABBREVIATIONS = "includes/abbreviations.md"  # under docs/

# The syntax of Python-Markdown's abbr extension: `*[TERM]: definition`, one per line.
_ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:[ \t]*(?P<definition>.*?)\s*$")


def parse_abbreviations(text: str, source: str = "abbreviations.md") -> list[tuple[str, str]]:
    """The (term, definition) pairs of an abbreviations file, in file order.

    Blank lines are skipped; any other line that is not `*[TERM]: definition`, an empty definition or a term
    defined twice raises ValueError naming `source:line`, so a typo stops the build instead of vanishing.
    """
    entries: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _ABBREVIATION.match(line)
        if not match or not match["definition"]:
            raise ValueError(f"{source}:{number}: expected `*[TERM]: definition`, got {line!r}")
        if match["term"] in entries:
            raise ValueError(f"{source}:{number}: {match['term']} is defined twice")
        entries[match["term"]] = match["definition"]
    return list(entries.items())


def use_glossary(config, docs: Path) -> None:
    """Give every page of this build the abbreviations as tooltips, through the abbr extension's `glossary` option.

    The file is read and checked once a build. Appended to each page instead (pymdownx.snippets' `auto_append`),
    its 43 definitions were parsed again for each of 143 pages, each one by every block processor: a third of
    the build's Markdown time. Raises ValueError naming the file and line of a malformed definition.
    """
    if "abbr" in config.markdown_extensions:
        text = (docs / ABBREVIATIONS).read_text(encoding="utf-8")
        terms = dict(parse_abbreviations(text, f"docs/{ABBREVIATIONS}"))
        config.mdx_configs.setdefault("abbr", {})["glossary"] = terms


def term_anchor(term: str) -> str:
    """The id of a term's entry: `WAL` -> `term-wal`, so other pages can link to `glossary.md#term-wal`."""
    return "term-" + slug(term)


def render_glossary(entries: list[tuple[str, str]]) -> str:
    """A Markdown definition list sorted case-insensitively; the expansion (before the first `: `) is bold."""
    anchors = [term_anchor(term) for term, _ in entries]
    if len(set(anchors)) != len(anchors):
        raise ValueError(f"two glossary terms share an anchor: {sorted(a for a in anchors if anchors.count(a) > 1)}")
    blocks = []
    for term, definition in sorted(entries, key=lambda entry: (entry[0].casefold(), entry[0])):
        expansion, colon, rest = definition.partition(": ")
        text = f"**{expansion}**: {rest}" if colon else f"**{definition}**"
        blocks.append(f'<a id="{term_anchor(term)}"></a>{term}\n:   {text}')
    return "\n\n".join(blocks)


def glossary(*, context) -> str:
    """Macro, run when `docs/glossary.md` renders: every abbreviation as a Markdown definition list."""
    text = (context.project.docs / ABBREVIATIONS).read_text(encoding="utf-8")
    return render_glossary(parse_abbreviations(text, "docs/includes/abbreviations.md"))
