"""Decision matrices: the model refuses a matrix with a missing or stray cell, and the table is built from data."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from handbook.content.models import DecisionMatrix
from handbook.rendering.decision_matrix import render_matrix
from tests.conftest import ROOT
from tests.support.contexts import real_data

GOOD = {
    "id": "which-cache",
    "title": "Which <cache>?",
    "summary": "Pick **one**.",
    "criteria": [{"id": "speed", "label": "Speed"}, {"id": "pick", "label": "Pick it when"}],
    "options": [
        {"id": "redis", "name": "Redis", "cells": {"speed": "Sub-ms", "pick": "Shared <script>x()</script> state"}},
        {"id": "local", "name": "In-process", "cells": {"speed": "Nanoseconds", "pick": "One instance"}},
    ],
}


def test_a_missing_cell_is_named_with_the_option_and_criterion():
    bad = copy.deepcopy(GOOD)
    del bad["options"][1]["cells"]["pick"]
    with pytest.raises(ValidationError, match=r"option `local` has no cell for pick: add one per criterion"):
        DecisionMatrix.model_validate(bad)


def test_a_cell_for_an_unknown_criterion_is_refused_with_the_known_ones():
    bad = copy.deepcopy(GOOD)
    bad["options"][0]["cells"]["sped"] = "typo"
    with pytest.raises(ValidationError, match=r"unknown criteria sped: use one of speed, pick"):
        DecisionMatrix.model_validate(bad)


def test_duplicate_option_ids_are_refused():
    bad = copy.deepcopy(GOOD)
    bad["options"][1]["id"] = "redis"
    with pytest.raises(ValidationError, match=r"option id `redis` is used twice"):
        DecisionMatrix.model_validate(bad)


def test_the_table_has_a_row_per_option_in_order_and_a_cell_per_criterion_with_markup_escaped():
    html = render_matrix(DecisionMatrix.model_validate(GOOD))
    assert html.count("<tr data-option-id=") == 2
    assert html.index('data-option-id="redis"') < html.index('data-option-id="local"')
    assert '<th scope="col">Option</th><th scope="col">Speed</th><th scope="col">Pick it when</th>' in html
    assert '<th scope="row">Redis</th><td>Sub-ms</td>' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<strong>one</strong>" in html
    assert '<caption class="hb-sr-only">Which &lt;cache&gt;?</caption>' in html


def test_the_handbook_matrices_load_and_each_is_placed_on_a_page():
    matrices = real_data().matrices
    assert {"which-store", "which-queue"} <= set(matrices)
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    assert all(f'decision_matrix("{mid}")' in pages for mid in matrices)
