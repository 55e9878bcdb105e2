"""The per-build context: what one stage of a build produces and a later one reads, kept on the build's config.

MkDocs makes a new config for every build (and every `mkdocs serve` rebuild), so state kept here never leaks
from one build into the next, and nothing is passed through module globals.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from handbook.content.loading import HandbookData, load_data
from handbook.content.placements import Placements, read_placements
from handbook.content.questions import QuestionView, question_views
from handbook.errors import HandbookError
from handbook.figures.mermaid_pages import MermaidFigures
from handbook.project import Project
from handbook.site_policy.csp import empty_hashes

if TYPE_CHECKING:
    from handbook.search.publish import IndexJob

_ATTRIBUTE = "handbook_context"
_STASHED = re.compile(r'<div data-hb-stash="(\d+)"></div>')
_ID = re.compile(r'\sid="([^"]+)"')  # the blocks are the handbook's own markup: ids are always double-quoted


@dataclass
class BuildContext:
    project: Project
    data: HandbookData
    site_url: str  # the published site_url from mkdocs.yml, also when `serve` or a test overrides it
    figures: dict = field(default_factory=dict)  # figure name -> Figure, set when the figures are rendered
    pending_figures: object | None = None  # the figures rendering since on_files (build.figures.PendingFigures)
    placements: Placements | None = None  # set in on_nav, once pages have their nav parents
    downloads: dict[str, int] = field(default_factory=dict)  # download file name -> bytes this build publishes
    problems: dict[str, list[str]] = field(default_factory=dict)  # page src -> content errors found by macros
    csp_hashes: dict[str, set[str]] = field(default_factory=empty_hashes)  # inline hashes of every page so far
    stashed: dict[str, list[str]] = field(default_factory=dict)  # page src -> finished HTML blocks, by number
    search_docs: dict[str, list] = field(default_factory=dict)  # page URL -> its search documents (search/)
    search_index: IndexJob | None = None  # the index being built from them, once every page is converted
    gallery: dict[str, list] = field(default_factory=dict)  # gallery page src -> its entries, until its cards go in

    def figure_map(self) -> dict:
        """Figure name -> Figure, once the figures started in on_files are rendered (waits for them)."""
        if self.pending_figures is not None:
            return self.pending_figures.finish()
        return self.figures

    @cached_property
    def questions(self) -> dict[str, list[QuestionView]]:
        return question_views(self.data.quizzes, self.project.cache("questions"))

    @cached_property
    def mermaid(self) -> MermaidFigures:
        return MermaidFigures(self.project)

    def place_pages(self, files, nav_pages) -> None:
        """Read where each quiz, checklist and figure lives, once pages have their nav parents (on_nav)."""
        try:
            self.placements = read_placements(files, nav_pages)
        except UnicodeDecodeError as exc:
            page = next(f.src_uri for f in files.documentation_pages() if not _is_utf8(f.abs_src_path))
            raise PluginError(f"docs/{page}: byte {exc.start} is not UTF-8: save the file as UTF-8") from None

    def stash(self, page_src: str, html: str) -> str:
        """Keep a finished HTML block (a quiz, a checklist) out of Markdown: Python-Markdown would parse all of its
        markup again as raw HTML, which was most of the build's Markdown time. Returns the placeholder to emit."""
        blocks = self.stashed.setdefault(page_src, [])
        blocks.append(html)
        return f'\n\n<div data-hb-stash="{len(blocks) - 1}"></div>\n\n'

    def unstash(self, page, content: str) -> str:
        """Put the page's stashed blocks back in place of their placeholders (after Markdown, `on_page_content`),
        and tell MkDocs' anchor check about their ids, as it knew them when the blocks went through Markdown."""
        blocks = self.stashed.pop(page.file.src_uri, [])
        if not blocks:
            return content
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(_ID.findall("".join(blocks)))
        return _STASHED.sub(lambda match: blocks[int(match.group(1))], content)

    def report(self, page_src: str, problem: str) -> None:
        """Remember a content error on a page; the build stops with all of a page's problems once it renders."""
        self.problems.setdefault(page_src, []).append(problem)


def start(config) -> BuildContext:
    """Load and validate the project's data and attach a fresh context to this build's config."""
    project = Project.of_config(config)
    try:
        data = load_data(project.root)
    except HandbookError as exc:
        raise PluginError(f"invalid data files:\n{exc}") from None
    context = BuildContext(project, data, _published_site_url(config))
    setattr(config, _ATTRIBUTE, context)
    return context


def _is_utf8(path) -> bool:
    try:
        with open(path, encoding="utf-8") as source:
            source.read()
    except UnicodeDecodeError:
        return False
    return True


def forget_reported_messages() -> None:
    """Let this build report an error the previous one reported: MkDocs' duplicate filter on its build logger
    would otherwise print only "Aborted with a BuildError!" when `mkdocs serve` rebuilds after the same mistake."""
    import logging

    for log_filter in logging.getLogger("mkdocs.commands.build").filters:
        if hasattr(log_filter, "msgs"):
            log_filter.msgs.clear()


def context_of(config) -> BuildContext:
    context = getattr(config, _ATTRIBUTE, None)
    if context is None:
        raise PluginError("hooks/build_context.py must be the first hook in mkdocs.yml: the handbook has no context")
    return context


def _published_site_url(config) -> str:
    from mkdocs.utils import yaml_load

    with open(config.config_file_path, encoding="utf-8") as source:
        return (yaml_load(source) or {}).get("site_url") or ""


def closest(wanted: str, known) -> str:
    """`did you mean "x"?` for the known id closest to `wanted`, else how many ids exist."""
    match = difflib.get_close_matches(wanted, list(known), n=1, cutoff=0.5)
    if match:
        return f'did you mean "{match[0]}"?'
    if len(known) <= 8:
        return f"known ids: {', '.join(sorted(known)) or 'none'}"
    return f"none of the {len(known)} ids is close to it"
