"""The prep plan's tracks keep the 40/30/20/10 split, by arithmetic on the hours their checklists state.

Each track is `data/checklists/plan-<track>.yml`: its section titles give the hours per area ("design 1 h,
data 4.5 h, ..."), its summary gives the hours a week and the totals with their percentages, and the table on
docs/start/prep-plan.md repeats the totals. The three must agree, and every track must land within 1.5 points
of the target share of each area (hours are rounded to the half hour, so a short track cannot be exact).
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.support.contexts import real_data

TARGET = {"design": 40, "data": 30, "algorithms": 20, "behavioral": 10}
# The summary's names for the areas, in the order the summary and the table give them.
LONG_NAMES = {
    "design": "system design",
    "data": "databases and scalability",
    "algorithms": "algorithms",
    "behavioral": "behavioral",
}
TRACKS = {"plan-7-weeks": 7, "plan-4-weeks": 4, "plan-3-weeks": 3, "plan-2-weeks": 2, "plan-last-day": None}
TOLERANCE = 1.5  # percentage points
HOURS = re.compile(r"\b(design|data|algorithms|behavioral) (\d+(?:\.\d+)?) h\b")
NUMBER = r"(\d+(?:\.\d+)?)"


@pytest.fixture(scope="module")
def checklists():
    return real_data().checklists


def section_hours(title: str) -> dict[str, float]:
    hours = {area: 0.0 for area in TARGET}
    for area, value in HOURS.findall(title):
        assert hours[area] == 0, f"{title!r} names {area} twice"
        hours[area] = float(value)
    return hours


def totals(checklist) -> tuple[dict[str, float], list[dict[str, float]]]:
    weeks = [section_hours(section.title) for section in checklist.sections]
    return {area: sum(week[area] for week in weeks) for area in TARGET}, weeks


def stated(summary: str) -> dict[str, tuple[float, int]]:
    """Area -> (hours, percent) as the summary states them: "system design 19.5 h (40%)"."""
    found = {}
    for area, name in LONG_NAMES.items():
        match = re.search(rf"{name} {NUMBER} h \((\d+)%\)", summary)
        assert match, f"the summary does not state the hours of {name}: {summary!r}"
        found[area] = (float(match.group(1)), int(match.group(2)))
    return found


def test_every_track_exists_and_nothing_else_is_a_plan(checklists):
    assert {cid for cid in checklists if cid.startswith("plan-")} == set(TRACKS)


@pytest.mark.parametrize("track", TRACKS)
def test_each_week_adds_up_to_the_hours_a_week(checklists, track):
    model = checklists[track].model
    total, weeks = totals(model)
    if TRACKS[track] is None:
        assert sum(total.values()) > 0
        return
    assert len(model.sections) == TRACKS[track], "one section per week"
    per_week = float(re.match(rf"{NUMBER} hours a week, {NUMBER} in all", model.summary).group(1))
    for section, week in zip(model.sections, weeks, strict=True):
        assert sum(week.values()) == per_week, f"{track}: {section.title!r} adds up to {sum(week.values())} h"


@pytest.mark.parametrize("track", TRACKS)
def test_the_split_holds_and_the_summary_states_it(checklists, track):
    model = checklists[track].model
    total, _ = totals(model)
    hours = sum(total.values())
    if TRACKS[track] is not None:
        weekly, in_all = re.match(rf"{NUMBER} hours a week, {NUMBER} in all", model.summary).groups()
        assert float(weekly) * TRACKS[track] == float(in_all) == hours
    for area, (said_hours, said_percent) in stated(model.summary).items():
        share = 100 * total[area] / hours
        assert said_hours == total[area], f"{track}: the summary says {said_hours} h of {area}, weeks add {total[area]}"
        assert said_percent == round(share), f"{track}: {area} is {share:.1f}%, the summary says {said_percent}%"
        assert abs(share - TARGET[area]) <= TOLERANCE, f"{track}: {area} is {share:.1f}% of {hours} h"


def test_the_prep_plan_table_repeats_each_tracks_totals(checklists):
    page = (ROOT / "docs/start/prep-plan.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| \[[^\]]+\]\(([a-z0-9-]+)\.md\) \|(.*)\|$", page, re.M)}
    assert set(rows) == set(TRACKS), "the table links every track once"
    for track, row in rows.items():
        total, _ = totals(checklists[track].model)
        hours = sum(total.values())
        cells = [cell.strip() for cell in row.split("|")]
        assert cells[0] == f"{hours:g} h", f"{track}: in all"
        expected = [f"{total[area]:g} h ({round(100 * total[area] / hours)}%)" for area in TARGET]
        assert cells[1:] == expected, f"{track}: the table's hours per area"
