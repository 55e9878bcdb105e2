"""The practice section's blocks, from data/rubric.yml and data/loops/: the rubric tables, a loop's rounds, its
printable scorecards, the loop-mode panel and the history view.

Every text from the YAML goes through `safe_markdown` (raw HTML is shown as text). Headings are returned as
Markdown so that they reach the page's table of contents and the search index; the blocks under them are HTML,
which the macros stash. `loop-mode.js` reads what it needs from this markup (`data-*` attributes), so the page,
the self-score form, the history and the scorecards all come from the same data.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from handbook.content.practice import LEVELS, Dimension, Loop, Round, RoundRubric, Rubric
from handbook.rendering import safe_markdown

LEVEL_NAMES = {"mid": "Mid", "senior": "Senior", "staff": "Staff"}
KIND_NAMES = {
    "coding": "Coding",
    "system-design": "System design",
    "database": "Database design and SQL",
    "distributed": "Distributed systems deep dive",
    "behavioral": "Behavioral",
}
# The debrief's four votes, as the loop page (start/backend-loop-2026.md) writes them.
VOTES = ("strong no", "no", "yes", "strong yes")


def _md(text: str) -> str:
    return safe_markdown.inline(text)


def markdown_text(text: str) -> str:
    """YAML text placed in the page's own Markdown (so that its links resolve like the page's): no raw HTML."""
    return " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;")


def dimension_anchor(kind: str, dimension_id: str) -> str:
    return f"rubric-{kind}-{dimension_id}"


# The rubric page ---------------------------------------------------------------------------------------------


def _rubric_row(kind: str, dimension: Dimension) -> str:
    cells = "".join(f'<td data-level="{LEVEL_NAMES[level]}">{_md(getattr(dimension, level))}</td>' for level in LEVELS)
    return (
        f'<tr id="{dimension_anchor(kind, dimension.id)}" data-dimension="{dimension.id}">'
        f'<th scope="row">{escape(dimension.name)}</th>{cells}</tr>'
    )


def render_rubric_table(entry: RoundRubric) -> str:
    """One round kind: a row per dimension, a column per level. Rows have ids the rounds link to."""
    head = "".join(f'<th scope="col">{LEVEL_NAMES[level]}</th>' for level in LEVELS)
    rows = "".join(_rubric_row(entry.kind, dimension) for dimension in entry.dimensions)
    return (
        f'<div class="hb-rubric" data-kind="{entry.kind}"><table class="hb-rubric__table">'
        f'<caption class="hb-sr-only">{escape(entry.title)}: what each level shows, per dimension</caption>'
        f'<thead><tr><th scope="col">Dimension</th>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
    )


def rubric_markdown(rubric: Rubric, stash: Callable[[str], str]) -> str:
    """The rubric page's body: a heading, the summary and the table for each round kind."""
    parts = []
    for entry in rubric.rounds:
        parts.append(f"## {entry.title} {{#rubric-{entry.kind}}}\n\n{markdown_text(entry.summary)}\n")
        parts.append(stash(render_rubric_table(entry)))
    return "\n".join(parts)


# A loop page -------------------------------------------------------------------------------------------------


def round_anchor(round_: Round) -> str:
    return f"round-{round_.id}"


def _exchanges(title: str, exchanges) -> str:
    items = "".join(
        f'<li><span class="hb-round__ask">{_md(item.ask)}</span> '
        f'<span class="hb-round__answer">{_md(item.answer)}</span></li>'
        for item in exchanges
    )
    return f'<h4>{title}</h4><ul class="hb-round__exchanges">{items}</ul>'


def _follow_ups(round_: Round) -> str:
    items = []
    for follow_up in round_.follow_ups:
        failure = ' <span class="hb-tag hb-tag--failure">probes a failure</span>' if follow_up.failure else ""
        items.append(
            f'<li class="hb-follow-up" data-level="{follow_up.level}">'
            f'<span class="hb-tag hb-tag--{follow_up.level}">{LEVEL_NAMES[follow_up.level]}</span>{failure} '
            f'<span class="hb-follow-up__ask">{_md(follow_up.ask)}</span>'
            f'<span class="hb-follow-up__listen"><strong>Listen for:</strong> {_md(follow_up.listen_for)}</span></li>'
        )
    return f'<h4>Follow-ups, from mid to staff</h4><ol class="hb-round__follow-ups">{"".join(items)}</ol>'


def _signals(round_: Round, rubric: RoundRubric, rubric_href: str) -> str:
    names = {dimension.id: dimension.name for dimension in rubric.dimensions}
    head = "".join(f'<th scope="col">{LEVEL_NAMES[level]}</th>' for level in LEVELS)
    rows = []
    for signal in round_.signals:
        link = f"{rubric_href}#{dimension_anchor(round_.kind, signal.dimension)}"
        cells = "".join(f'<td data-level="{LEVEL_NAMES[level]}">{_md(getattr(signal, level))}</td>' for level in LEVELS)
        rows.append(
            f'<tr data-dimension="{signal.dimension}" data-name="{escape(names[signal.dimension])}">'
            f'<th scope="row"><a href="{escape(link)}">{escape(names[signal.dimension])}</a></th>{cells}</tr>'
        )
    return (
        '<table class="hb-rubric__table hb-round__signals">'
        f"<caption>Signals per level, on the {escape(rubric.title.lower())} rubric's dimensions</caption>"
        f'<thead><tr><th scope="col">Dimension</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _lost_moments(round_: Round) -> str:
    items = "".join(f"<li>{_md(moment)}</li>" for moment in round_.lost_moments)
    return f'<h4>Where candidates lose this round</h4><ol class="hb-round__lost">{items}</ol>'


def render_round(loop: Loop, number: int, round_: Round, rubric: RoundRubric, rubric_href: str) -> str:
    """One round's block: the prompt, the interviewer's script (folded), the signals and the three lost moments."""
    script = (
        _exchanges("First clarifying answers", round_.clarifications)
        + _exchanges("Numbers to hand over when asked", round_.numbers)
        + _follow_ups(round_)
    )
    return (
        f'<div class="hb-round" data-round-id="{round_.id}" data-kind="{round_.kind}" '
        f'data-minutes="{round_.minutes}" data-number="{number}" data-title="{escape(round_.title)}" '
        f'data-kind-name="{escape(KIND_NAMES[round_.kind])}">'
        f'<p class="hb-round__meta">{KIND_NAMES[round_.kind]} · {round_.minutes} minutes</p>'
        f'<blockquote class="hb-round__prompt"><p><strong>The prompt:</strong> {_md(round_.prompt)}</p></blockquote>'
        # Out of the search index: the script and the signals restate what the topic pages teach, and outranked
        # them (the prompt, the headings and the reference answer stay searchable).
        '<div class="hb-round__detail" data-search-exclude>'
        '<details class="hb-round__script info"><summary>The interviewer\'s script</summary>'
        f'<div class="hb-round__script-body">{script}</div></details>'
        f"{_signals(round_, rubric, rubric_href)}{_lost_moments(round_)}</div></div>"
    )


def reference_markdown(round_: Round, link: str) -> str:
    """The reference answer as a Markdown link, so MkDocs checks the page and the anchor at build time."""
    reference = round_.reference
    target = link + (f"#{reference.anchor}" if reference.anchor else "")
    note = f" {markdown_text(reference.note)}" if reference.note else ""
    return f"**Reference answer:** [{markdown_text(reference.label)}]({target}).{note}\n"


def _box(label: str = "") -> str:
    return f'<span class="hb-box" aria-hidden="true"></span>{label}'


def render_scorecard(loop: Loop, number: int, round_: Round, rubric: RoundRubric) -> str:
    """One round's printable scorecard: fits one page of A4 or Letter (a browser test prints it)."""
    names = {dimension.id: dimension.name for dimension in rubric.dimensions}
    head = "".join(f'<th scope="col">{LEVEL_NAMES[level]}</th>' for level in LEVELS)
    rows = []
    for signal in round_.signals:
        cells = "".join(f"<td>{_box(' ' + _md(getattr(signal, level)))}</td>" for level in LEVELS)
        rows.append(
            f'<tr><th scope="row">{escape(names[signal.dimension])}'
            f'<span class="hb-scorecard__evidence">Evidence:</span></th>{cells}'
            f'<td class="hb-scorecard__none">{_box()}</td></tr>'
        )
    votes = " ".join(f'<span class="hb-scorecard__choice">{_box(" " + vote)}</span>' for vote in VOTES)
    levels = " ".join(f'<span class="hb-scorecard__choice">{_box(" " + LEVEL_NAMES[level])}</span>' for level in LEVELS)
    lost = "".join(f"<li>{_md(moment)}</li>" for moment in round_.lost_moments)
    return (
        f'<details class="hb-scorecard-fold" data-round-id="{round_.id}">'
        f"<summary>Round {number} scorecard: {escape(round_.title)}</summary>"
        f'<section class="hb-scorecard" aria-label="Scorecard, round {number}: {escape(round_.title)}">'
        f'<p class="hb-scorecard__loop">{escape(loop.title)} · Round {number} of {len(loop.rounds)} · '
        f"{KIND_NAMES[round_.kind]} · {round_.minutes} minutes</p>"
        f'<p class="hb-scorecard__title">{escape(round_.title)}</p>'
        '<p class="hb-scorecard__fields"><span>Candidate:</span><span>Interviewer:</span><span>Date:</span></p>'
        '<table class="hb-scorecard__table"><thead><tr><th scope="col">Dimension</th>'
        f'{head}<th scope="col">Not shown</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<p class="hb-scorecard__overall"><strong>Vote:</strong> {votes}</p>'
        f'<p class="hb-scorecard__overall"><strong>Level shown:</strong> {levels}</p>'
        f'<p class="hb-scorecard__lost-title"><strong>Where candidates lose this round</strong></p>'
        f'<ol class="hb-scorecard__lost">{lost}</ol>'
        '<p class="hb-scorecard__notes"><strong>Notes:</strong></p></section></details>'
    )


def render_scorecards(loop: Loop, rubric: Rubric) -> str:
    cards = "".join(
        render_scorecard(loop, number, round_, rubric.of(round_.kind))
        for number, round_ in enumerate(loop.rounds, start=1)
    )
    return (
        f'<div class="hb-scorecards" data-search-exclude data-loop-id="{loop.id}">'
        '<p class="hb-scorecards__tools" hidden><button type="button" class="md-button hb-scorecards__print">'
        f"Print all {len(loop.rounds)} scorecards</button></p>{cards}</div>"
    )


def render_loop_mode(loop: Loop) -> str:
    """The panel loop-mode.js takes over; without JavaScript it says what the mode would do."""
    total = sum(round_.minutes for round_ in loop.rounds) + loop.break_minutes * (len(loop.rounds) - 1)
    return (
        f'<div class="hb-loop-mode" data-loop-id="{loop.id}" data-loop-title="{escape(loop.title)}" '
        f'data-break-minutes="{loop.break_minutes}" role="region" aria-label="Loop mode">'
        f'<p class="hb-loop-mode__intro">Loop mode runs the {len(loop.rounds)} rounds in order, each on its own '
        f"clock with a {loop.break_minutes}-minute break between them (about {total // 60} h {total % 60:02d} min "
        "in all). The prompt is shown; the interviewer's script stays hidden until you choose "
        "<em>I'm the interviewer</em>. After each round, score yourself on each dimension; the scores are kept "
        "in this browser and shown in the history below.</p>"
        '<p class="hb-loop-mode__nojs">Loop mode needs JavaScript; the rounds below work without it.</p>'
        '<div class="hb-loop-mode__app" hidden></div></div>'
    )


def render_history(rubric: Rubric, loop_titles: dict[str, str]) -> str:
    """The history view's skeleton: one table per round kind, a row per dimension; loop-mode.js adds a column
    per attempt from the saved scores."""
    tables = []
    for entry in rubric.rounds:
        rows = "".join(
            f'<tr data-dimension="{dimension.id}"><th scope="row">{escape(dimension.name)}</th></tr>'
            for dimension in entry.dimensions
        )
        tables.append(
            f'<div class="hb-history__kind" data-kind="{entry.kind}">'
            f'<table class="hb-history__table"><caption>{escape(entry.title)}</caption>'
            f'<thead><tr><th scope="col">Dimension</th></tr></thead><tbody>{rows}</tbody></table></div>'
        )
    titles = "".join(f'<li data-loop-id="{loop_id}">{escape(title)}</li>' for loop_id, title in loop_titles.items())
    return (
        '<div class="hb-history" data-search-exclude>'
        '<p class="hb-history__empty">No scored rounds yet in this browser. Run a loop in loop mode and score '
        "yourself after each round: each dimension's levels then appear here, one column per attempt.</p>"
        f'<ul class="hb-history__loops" hidden>{titles}</ul>'
        f'<div class="hb-history__tables" hidden>{"".join(tables)}</div>'
        '<p class="hb-history__tools" hidden><button type="button" class="md-button hb-history__clear">'
        'Clear the history</button> <span class="hb-history__status" role="status"></span></p></div>'
    )


def loop_markdown(
    loop: Loop,
    rubric: Rubric,
    stash: Callable[[str], str],
    rubric_href: str,
    reference_link: Callable[[str], str],
) -> str:
    """A loop page's body: the loop-mode panel, one heading and block per round, the scorecards, the history."""
    parts = [f"{markdown_text(loop.summary)}\n", stash(render_loop_mode(loop))]
    for number, round_ in enumerate(loop.rounds, start=1):
        parts.append(
            f"## Round {number} · {KIND_NAMES[round_.kind]}: {markdown_text(round_.title)} "
            f"{{#{round_anchor(round_)}}}\n"
        )
        parts.append(stash(render_round(loop, number, round_, rubric.of(round_.kind), rubric_href)))
        parts.append(reference_markdown(round_, reference_link(round_.reference.page)))
    parts.append(
        "## Printable scorecards {#scorecards}\n\nOne page per round, A4 or Letter: the interviewer ticks a level "
        "per dimension and writes the evidence beside it.\n"
    )
    parts.append(stash(render_scorecards(loop, rubric)))
    return "\n".join(parts)


def loop_index_markdown(loops: list[Loop], links: dict[str, str]) -> str:
    """A table of the loops: each linked to its page, with its five rounds' topics and its length."""
    lines = ["| Loop | Rounds | Time |", "|---|---|---|"]
    for loop in loops:
        topics = "; ".join(
            f"{KIND_NAMES[round_.kind]}: {markdown_text(round_.title)}".replace("|", "\\|") for round_ in loop.rounds
        )
        total = sum(round_.minutes for round_ in loop.rounds) + loop.break_minutes * (len(loop.rounds) - 1)
        title = markdown_text(loop.title).replace("[", "\\[").replace("]", "\\]")
        lines.append(f"| [{title}]({links[loop.id]}) | {topics} | {total // 60} h {total % 60:02d} min |")
    return "\n".join(lines) + "\n"
