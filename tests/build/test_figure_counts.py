"""A figure for every mechanism: every topic page shows at least four numbered figures, every case study five."""

from __future__ import annotations

import re

from tests.conftest import ROOT

TOPIC_SECTIONS = (
    "foundations",
    "data",
    "databases",
    "distributed",
    "messaging",
    "resilience",
    "observability",
    "api",
    "algorithms",
)
# Pages in those sections that are not topic pages: a section index and the one-page decision matrices.
NOT_TOPICS = ("foundations/index.md", "foundations/which-store.md", "foundations/which-queue.md")
TOPIC_PAGES = ("system-design/framework.md", "system-design/requirements-and-estimation.md")
CASE_STUDIES = "system-design/case-studies"
_FIGURE = re.compile(r'<figure\b[^>]*\bid="figure-')


def figures_on(site_dir, source: str) -> int:
    html = (site_dir / source.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    return len(_FIGURE.findall(html))


def test_every_topic_page_has_four_figures_and_every_case_study_five(site_dir):
    docs = ROOT / "docs"
    topics = [p.relative_to(docs).as_posix() for s in TOPIC_SECTIONS for p in sorted((docs / s).glob("*.md"))]
    topics = [t for t in topics if t not in NOT_TOPICS]
    cases = [p.relative_to(docs).as_posix() for p in sorted((docs / CASE_STUDIES).glob("*.md")) if p.stem != "index"]
    assert len(topics) >= 40 and len(cases) >= 8
    short = [f"{src}: {n}" for src in [*topics, *TOPIC_PAGES] if (n := figures_on(site_dir, src)) < 4]
    short += [f"{src}: {n}" for src in cases if (n := figures_on(site_dir, src)) < 5]
    assert short == []
