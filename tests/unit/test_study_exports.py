"""The study files besides the decks: the dashboard's progress index, its HTML, and the FSRS bundle's copy."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from handbook.content.placements import PageInfo
from handbook.errors import DataError
from handbook.exports import flashcards, scheduler_bundle
from handbook.rendering.quizzes import render_progress_dashboard
from tests.conftest import ROOT
from tests.support.contexts import real_context


def _page(src: str, section: str, order: int) -> PageInfo:
    return PageInfo(src, src.removesuffix(".md") + "/", src, (section,), order, "", {}, True, False)


def test_progress_index_groups_questions_and_checklists_by_section_in_reading_order():
    data, late, early, lists = (
        _page(f"{n}.md", s, o)
        for n, s, o in [
            ("data/a", "Data", 5),
            ("data/b", "Data", 2),
            ("start/c", "Start", 1),
            ("checklists/x", "Checklists", 9),
        ]
    )
    placements = SimpleNamespace(quiz={"qa": data, "qb": late, "qc": early}, checklist={"x": lists, "y": early})
    views = {
        qid: [SimpleNamespace(id=f"{qid}-{n}") for n in range(count)]
        for qid, count in [("qa", 2), ("qb", 1), ("qc", 1), ("unplaced", 3)]
    }
    index = flashcards.progress_index(views, {"x": 22, "y": 4, "nowhere": 1}, placements)
    assert index["version"] == flashcards.INDEX_VERSION
    assert index["sections"] == [
        {"title": "Start", "questions": ["qc-0"], "checklists": {"y": 4}},
        {"title": "Data", "questions": ["qb-0", "qa-0", "qa-1"], "checklists": {}},
        {"title": "Checklists", "questions": [], "checklists": {"x": 22}},
    ], "sections by their first page, questions by page order; a quiz or checklist on no page has no section"


def test_the_real_index_holds_every_placed_question_once():
    context = real_context()
    from handbook.content.questions import question_views

    views = question_views(context.data.quizzes)
    items = {cid: sum(len(s.items) for s in c.model.sections) for cid, c in context.data.checklists.items()}
    index = flashcards.progress_index(views, items, context.placements)
    questions = [qid for section in index["sections"] for qid in section["questions"]]
    assert (
        len(questions) == len(set(questions)) == sum(len(v) for q, v in views.items() if q in context.placements.quiz)
    )
    assert sum(len(s["checklists"]) for s in index["sections"]) == len(context.data.checklists)
    assert len(json.dumps(index)) < 40_000, "fetched by the home page: keep it small"


def test_dashboard_html_needs_javascript_and_offers_transfer_only_where_asked():
    plain = render_progress_dashboard("study/flashcards/")
    both = render_progress_dashboard("../study/flashcards/", transfer=True)
    assert 'data-flashcards="study/flashcards/"' in plain and "hb-transfer" not in plain
    assert '<p class="hb-dashboard__fallback">' in plain, "what a reader without JavaScript sees"
    assert '<div class="hb-dashboard__table" hidden>' in plain
    for label in ("Questions seen", "Quiz accuracy", "Cards due", "Checklists done", "Quiz misses"):
        assert f'<th scope="col">{label}</th>' in plain
    assert '<div class="hb-transfer" hidden>' in both and 'type="file"' in both
    assert '<button type="button" class="md-button hb-transfer__export">Export my progress</button>' in both


def test_the_bundle_is_the_pinned_package_without_its_source_map_comment():
    files = scheduler_bundle.bundle_files(ROOT / "node_modules")
    script = files[scheduler_bundle.SITE_PATH]
    assert b"sourceMappingURL" not in script and b"global.FSRS" in script
    assert files[scheduler_bundle.LICENSE_SITE_PATH].startswith(b"MIT License")
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["dependencies"]["ts-fsrs"] == scheduler_bundle.VERSION, "package.json pins the version copied"


def test_a_missing_or_other_version_of_the_package_is_reported_with_what_to_do(tmp_path):
    with pytest.raises(DataError, match=r"node_modules/ts-fsrs is missing: run `npm ci`"):
        scheduler_bundle.bundle_files(tmp_path)
    (tmp_path / "ts-fsrs").mkdir()
    (tmp_path / "ts-fsrs" / "package.json").write_text('{"version": "4.0.0"}', encoding="utf-8")
    with pytest.raises(DataError, match=r"is version 4\.0\.0, the site needs 5\.4\.2"):
        scheduler_bundle.bundle_files(tmp_path)
