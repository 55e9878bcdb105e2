"""The practice pages in the built site: the rubric has a row for every dimension, every loop page renders each
of its rounds (prompt, script, every follow-up, signals, lost moments, scorecard) and every link they hold
resolves to a built page and anchor."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import pytest

from handbook.rendering import safe_markdown
from handbook.rendering.practice import dimension_anchor, round_anchor
from tests.build.html_scan import scan
from tests.build.test_bad_input import build, project, template  # noqa: F401 - the small project's fixtures
from tests.build.test_site_build import resolve
from tests.conftest import ROOT
from tests.support.contexts import real_data

PRACTICE = real_data().practice
LOOPS = sorted(PRACTICE.loops)


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def start_of(markdown: str, words: int = 5) -> str:
    """The first words of a data text as the page shows it (Markdown rendered, tags dropped)."""
    return " ".join(text_of(safe_markdown.inline(markdown)).split()[:words])


def block(html: str, start: str) -> str:
    """The HTML from `start` to the next heading: a round's block and its reference answer."""
    begin = html.index(start)
    return html[begin : html.index("<h2", begin)]


def test_the_rubric_page_has_a_row_per_dimension_with_every_level(site_dir):
    page = site_dir / "practice" / "rubric" / "index.html"
    html = page.read_text(encoding="utf-8")
    for entry in PRACTICE.rubric.rounds:
        assert f"rubric-{entry.kind}" in scan(page).ids
        for dimension in entry.dimensions:
            anchor = dimension_anchor(entry.kind, dimension.id)
            assert anchor in scan(page).ids, anchor
            row = html[html.index(f'id="{anchor}"') :].split("</tr>", 1)[0]
            for level in ("mid", "senior", "staff"):
                assert start_of(getattr(dimension, level)) in text_of(row), f"{anchor}: {level} text missing"


@pytest.mark.parametrize("loop_id", LOOPS)
def test_every_round_renders_with_its_script_signals_and_scorecard(site_dir, loop_id):
    loop = PRACTICE.loops[loop_id].model
    page = site_dir / "practice" / "loops" / loop_id / "index.html"
    html = page.read_text(encoding="utf-8")
    ids = scan(page).ids
    assert html.count('class="hb-round"') == len(loop.rounds)
    assert html.count('<section class="hb-scorecard"') == len(loop.rounds)
    assert 'class="hb-loop-mode"' in html and 'class="hb-history"' in html
    for number, round_ in enumerate(loop.rounds, start=1):
        assert round_anchor(round_) in ids
        body = block(html, f'<div class="hb-round" data-round-id="{round_.id}"')
        text = text_of(body)
        assert body.count('class="hb-follow-up"') == len(round_.follow_ups)
        assert body.count("probes a failure") == sum(f.failure for f in round_.follow_ups)
        for follow_up in round_.follow_ups:
            assert start_of(follow_up.ask) in text and start_of(follow_up.listen_for) in text
        for exchange in [*round_.clarifications, *round_.numbers]:
            assert start_of(exchange.ask) in text and start_of(exchange.answer) in text
        assert body.count("<tr data-dimension=") == len(PRACTICE.rubric.of(round_.kind).dimensions)
        assert [m for m in re.findall(r'<ol class="hb-round__lost">(.*?)</ol>', body)][0].count("<li>") == 3
        card = html[html.index(f'<details class="hb-scorecard-fold" data-round-id="{round_.id}"') :]
        card = card[: card.index("</details>")]
        assert f"Round {number} of {len(loop.rounds)}" in text_of(card)


@pytest.mark.parametrize("loop_id", LOOPS)
def test_signal_and_reference_links_resolve(site_dir, loop_id):
    loop = PRACTICE.loops[loop_id].model
    page = site_dir / "practice" / "loops" / loop_id / "index.html"
    references = [url for tag, url in scan(page).references if tag == "a"]
    rubric_links = [url for url in references if "rubric/#rubric-" in url]
    wanted = {dimension_anchor(round_.kind, signal.dimension) for round_ in loop.rounds for signal in round_.signals}
    assert {urlsplit(url).fragment for url in rubric_links} == wanted
    for url in rubric_links:
        target = resolve(site_dir, page, url)
        assert target is not None and target.exists() and urlsplit(url).fragment in scan(target).ids, url
    for round_ in loop.rounds:
        built = round_.reference.page.removesuffix(".md").removesuffix("index").rstrip("/")
        hits = [url for url in references if built in url and (resolve(site_dir, page, url) or page).exists()]
        assert hits, f"{round_.id}: no working link to {round_.reference.page}"
        if round_.reference.anchor:
            assert any(urlsplit(url).fragment == round_.reference.anchor for url in hits), round_.id
            target = resolve(site_dir, page, hits[0])
            assert round_.reference.anchor in scan(target).ids


def test_the_loops_index_links_every_loop_and_shows_the_history(site_dir):
    page = site_dir / "practice" / "loops" / "index.html"
    references = [url for tag, url in scan(page).references if tag == "a"]
    for loop_id in LOOPS:
        assert any(url.rstrip("/").endswith(loop_id) for url in references), loop_id
    html = page.read_text(encoding="utf-8")
    # In the nav's order (the loops are numbered in their titles), not in file-name order.
    titles = [PRACTICE.loops[loop_id].model.title for loop_id in LOOPS]
    table = html[: html.index('class="hb-history"')]
    assert sorted(titles, key=table.index) == sorted(titles)
    for entry in PRACTICE.rubric.rounds:
        for dimension in entry.dimensions:
            assert f'<tr data-dimension="{dimension.id}">' in html


def test_a_loop_page_whose_reference_answer_is_missing_stops_the_build(project):  # noqa: F811 - the fixture
    """The small project of the bad-input tests has the real data but not the pages the loops link to."""
    page = project / "docs" / "practice" / "loops" / "commerce-platform.md"
    page.parent.mkdir(parents=True)
    page.write_text('---\ndescription: Loop.\n---\n# Loop\n\n{{ mock_loop("commerce-platform") }}\n', encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("nav:\n", "nav:\n  - practice/loops/commerce-platform.md\n", 1), encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    line = next(
        n
        for n, text in enumerate((ROOT / "data/loops/commerce-platform.yml").read_text().splitlines(), 1)
        if text.strip() == "page: algorithms/graphs.md"
    )
    assert (
        f"data/loops/commerce-platform.yml:{line}: rounds[0].reference.page: docs/algorithms/graphs.md does not exist"
        in result.stderr
    ), result.stderr
