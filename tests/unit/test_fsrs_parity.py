"""The flashcards' scheduler (ts-fsrs's browser bundle, as the build publishes it) against the Python `fsrs`.

Both implement FSRS-6 with the same defaults; the site runs ts-fsrs without fuzz, exactly as flashcards.js
configures it. The same review sequences, graded at the same moments, must give the same due dates, stability
and difficulty in both, so the browser's schedule is FSRS's and not an accident of one library. One known difference is allowed: ts-fsrs rounds a learning step to whole
minutes (Hard on the first of the 1 and 10 minute steps: 6 minutes, where Python's `fsrs` says 5.5), so a due
date less than a day away may differ by under a minute. Both replay the same review moments (taken from the
Python schedule), so such a difference never shifts the reviews after it. And ts-fsrs, like Anki, keeps a
review card's intervals in order (Hard <= Good < Easy, by whole days) where Python's `fsrs` 6.3.2 computes each
alone: `ordered()` applies the same rule to Python's intervals, the way ts-fsrs's BasicScheduler writes it.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler, State

from handbook.exports import scheduler_bundle
from tests.conftest import ROOT

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

# (grade, hours after the previous review; None: when the card is due). Grades 1-4: Again, Hard, Good, Easy.
SEQUENCES = {
    "good-every-time": [(3, None)] * 8,
    "new-card-easy-then-good": [(4, None), (3, None), (3, None), (3, None)],
    "lapse-and-relearn": [(3, None), (3, None), (3, None), (1, None), (3, None), (3, None), (2, None), (3, None)],
    "again-again-hard": [(1, None), (1, None), (2, None), (3, None), (3, None), (4, None)],
    "reviewed-early-and-late": [(3, None), (3, None), (3, 2.0), (3, 24 * 40), (1, 24 * 3), (3, None), (4, 24 * 60)],
}

# Runs the published bundle in a fresh V8 context (as the page does, a classic script defining FSRS), then
# replays each sequence with the options flashcards.js gives it.
NODE_SCRIPT = r"""
const fs = require("fs"), vm = require("vm");
const [bundle, input] = process.argv.slice(1);
const sandbox = {};
vm.runInNewContext(fs.readFileSync(bundle, "utf8"), sandbox);
const FSRS = sandbox.FSRS;
const scheduler = FSRS.fsrs(FSRS.generatorParameters({ enable_fuzz: false }));
const { start, sequences } = JSON.parse(fs.readFileSync(input, "utf8"));
const out = {};
for (const [name, steps] of Object.entries(sequences)) {
  let card = FSRS.createEmptyCard(new Date(start));
  out[name] = [];
  for (const [grade, at] of steps) {
    card = scheduler.next(card, new Date(at), grade).card;
    out[name].push({ due: card.due.toISOString(), stability: card.stability, difficulty: card.difficulty,
      state: card.state });
  }
}
process.stdout.write(JSON.stringify(out));
"""


def browser_schedule(tmp_path, moments: dict) -> dict:
    if shutil.which("node") is None:
        pytest.fail("node is not installed: the site's build needs it too (Mermaid); install Node.js 20 or later")
    files = scheduler_bundle.bundle_files(ROOT / "node_modules")  # the bytes the site publishes
    bundle = tmp_path / "ts-fsrs.js"
    bundle.write_bytes(files[scheduler_bundle.SITE_PATH])
    data = tmp_path / "sequences.json"
    sequences = {
        name: [[grade, moment.isoformat()] for (grade, _), moment in zip(steps, moments[name], strict=True)]
        for name, steps in SEQUENCES.items()
    }
    data.write_text(json.dumps({"start": START.isoformat(), "sequences": sequences}), encoding="utf-8")
    result = subprocess.run(
        ["node", "-e", NODE_SCRIPT, str(bundle), str(data)], capture_output=True, text=True, check=True, timeout=60
    )
    return json.loads(result.stdout)


def ordered(scheduler: Scheduler, card: Card, grade: int, now: datetime) -> Card:
    """Review `card` with `grade`; a review card's Hard, Good and Easy intervals kept in order as ts-fsrs does."""
    reviewed, _ = scheduler.review_card(copy.deepcopy(card), Rating(grade), now)
    if card.state != State.Review or grade == Rating.Again:
        return reviewed
    days = {
        rating: (scheduler.review_card(copy.deepcopy(card), rating, now)[0].due - now).days
        for rating in (Rating.Hard, Rating.Good, Rating.Easy)
    }
    hard = min(days[Rating.Hard], days[Rating.Good])
    good = max(days[Rating.Good], hard + 1)
    easy = max(days[Rating.Easy], good + 1)
    reviewed.due = now + timedelta(days={Rating.Hard: hard, Rating.Good: good, Rating.Easy: easy}[Rating(grade)])
    return reviewed


def python_schedule() -> dict:
    scheduler = Scheduler(enable_fuzzing=False)
    out = {}
    for name, steps in SEQUENCES.items():
        now, card = START, Card(card_id=1, due=START)
        out[name] = []
        for grade, hours in steps:
            now = max(card.due, now) if hours is None else now + timedelta(hours=hours)
            card = ordered(scheduler, card, grade, now)
            out[name].append({"at": now, "due": card.due, "stability": card.stability, "difficulty": card.difficulty})
    return out


def test_the_browser_scheduler_gives_the_python_fsrs_schedule_for_the_same_reviews(tmp_path):
    python = python_schedule()
    browser = browser_schedule(tmp_path, {name: [step["at"] for step in steps] for name, steps in python.items()})
    assert set(browser) == set(SEQUENCES)
    for name, steps in python.items():
        for n, (js, py) in enumerate(zip(browser[name], steps, strict=True)):
            where = f"{name}, review {n + 1}"
            due = datetime.fromisoformat(js["due"].replace("Z", "+00:00"))
            minutes_away = py["due"] - py["at"] < timedelta(days=1)
            allowed = timedelta(minutes=1) if minutes_away else timedelta(seconds=1)
            assert abs(due - py["due"]) < allowed, f"{where}: due {due} in the browser, {py['due']} in Python"
            assert js["stability"] == pytest.approx(py["stability"], rel=1e-3), f"{where}: stability"
            assert js["difficulty"] == pytest.approx(py["difficulty"], rel=1e-3), f"{where}: difficulty"


def test_the_sequences_reach_every_state_and_long_intervals():
    """Guards the test above: it compares learning, review and relearning steps, and intervals of weeks."""
    python = python_schedule()
    longest = max((steps[n + 1]["due"] - steps[n]["due"]) for steps in python.values() for n in range(len(steps) - 1))
    assert longest > timedelta(days=30)
    states = set()
    scheduler = Scheduler(enable_fuzzing=False)
    for steps in SEQUENCES.values():
        now, card = START, Card(card_id=1, due=START)
        for grade, hours in steps:
            now = max(card.due, now) if hours is None else now + timedelta(hours=hours)
            card = ordered(scheduler, card, grade, now)
            states.add(card.state.name)
    assert states == {"Learning", "Review", "Relearning"}
