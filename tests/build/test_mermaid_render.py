"""The Mermaid renderer's site-wide settings: sequence diagrams that fit a phone without per-diagram config,
per-diagram config still obeyed, and a min-width that keeps every figure's text at 10 px or more."""

from __future__ import annotations

import math
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from handbook.figures.mermaid import MIN_TEXT_PX, MermaidRenderer
from tests.conftest import ROOT

PHONE_COLUMN = 358  # CSS px of the text column on a 390 px phone

THREE_PARTICIPANTS = """sequenceDiagram
    participant C as Client
    participant A as Payments API
    participant D as PostgreSQL
    C->>A: POST /payments
    A->>D: INSERT
    D-->>A: ok
    A-->>C: 201
"""

WIDE = "flowchart LR\n" + "\n".join(f"    N{i}[Step number {i}] --> N{i + 1}[Step number {i + 1}]" for i in range(6))


@pytest.fixture(scope="module")
def render(tmp_path_factory):
    """The build's renderer, in a thread of its own: Playwright's sync API refuses a thread that runs an event
    loop, as the session's browser fixture does in the main thread."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        cache = tmp_path_factory.mktemp("mermaid-cache")
        renderer = thread.submit(MermaidRenderer, cache, ROOT / "node_modules").result()

        def render(source: str, fresh: bool = False) -> str:
            if fresh:  # drawn again, not read from the cache
                (cache / f"{renderer.key(source)}.svg").unlink(missing_ok=True)
            return thread.submit(renderer.render, source).result()

        yield render
        thread.submit(renderer.close).result()


# A stadium and a cylinder: Mermaid draws these shapes with rough.js, whose curves are random unless seeded.
ROUGH_SHAPES = "flowchart LR\n    K([key k]) --> D[(database)]\n"


def test_a_diagram_is_drawn_the_same_every_time(render):
    """Same source, same bytes: a page's CSP hashes and the PDFs' layout cache stay put from build to build."""
    first = render(ROUGH_SHAPES, fresh=True)
    assert " C" in first or "C " in first, "the shapes are drawn with curves"
    assert render(ROUGH_SHAPES, fresh=True) == first


def _root(svg: str) -> str:
    return re.match(r"<svg [^>]*>", svg).group(0)


def _viewbox_width(svg: str) -> float:
    return float(re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+)', _root(svg)).group(1))


def _min_width(svg: str) -> int:
    return int(re.search(r"min-width: (\d+)px", _root(svg)).group(1))


def test_three_participants_fit_a_phone_with_16_px_text(render):
    svg = render(THREE_PARTICIPANTS)
    assert 'font-size="16px"' in svg or "font-size:16px" in svg.replace(" ", "")
    shown = 16 * PHONE_COLUMN / _viewbox_width(svg)
    assert shown >= 11, f"a three-participant sequence shows its 16 px text at {shown:.1f} px on a phone"
    assert _min_width(svg) <= PHONE_COLUMN, "it would scroll sideways on a phone"
    assert 'tabindex="0"' not in _root(svg)


def test_a_diagram_s_own_config_still_wins(render):
    default = _viewbox_width(render(THREE_PARTICIPANTS))
    own = "---\nconfig:\n  sequence: {diagramMarginX: 50, actorMargin: 50}\n---\n" + THREE_PARTICIPANTS
    assert _viewbox_width(render(own)) >= default + 2 * (50 - 8)


def test_a_wide_figure_keeps_10_px_text_and_can_be_scrolled_by_keyboard(render):
    svg = render(WIDE)
    width = _viewbox_width(svg)
    assert _min_width(svg) == math.ceil(width * MIN_TEXT_PX / 16), "16 px labels shown at 10 px at the narrowest"
    assert _min_width(svg) > PHONE_COLUMN
    assert 'tabindex="0"' in _root(svg), "a figure that scrolls sideways must be reachable by keyboard"
