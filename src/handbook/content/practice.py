"""Typed models for the practice section: the level rubric (`data/rubric.yml`) and the mock loops (`data/loops/`).

A loop is five rounds in the order the handbook's loop page describes them; every round's signals cover each
dimension the rubric defines for its kind, so the self-score, the history and the printed scorecard always
line up with the rubric. The rules that need both files (a round's kind and dimensions, a reference page that
exists) are checked by `practice_loading`, which reports them with the file, line and key.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .models import KebabId, Text

RoundKind = Literal["coding", "system-design", "database", "distributed", "behavioral"]
# A loop's rounds, in this order: the loop the handbook describes (start/backend-loop-2026.md).
ROUND_ORDER: tuple[str, ...] = ("coding", "system-design", "database", "distributed", "behavioral")
Level = Literal["mid", "senior", "staff"]
LEVELS: tuple[str, ...] = ("mid", "senior", "staff")


class _Strict(BaseModel):
    # As the quiz models: unknown keys rejected, no coercion, so a typo fails the build.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Dimension(_Strict):
    id: KebabId = Field(description="Stable id: saved self-scores are keyed by it, so never rename one.")
    name: Text = Field(description="As the rubric's table shows it, e.g. `Requirements and numbers`.")
    mid: Text = Field(description="What a mid-level answer shows, as observable behaviour (inline Markdown).")
    senior: Text = Field(description="What a senior answer shows, as observable behaviour (inline Markdown).")
    staff: Text = Field(description="What a staff answer shows, as observable behaviour (inline Markdown).")


class RoundRubric(_Strict):
    kind: RoundKind
    title: Text = Field(description="The round's name as headings show it, e.g. `System design`.")
    summary: Text = Field(description="One or two sentences: what this round decides (inline Markdown).")
    dimensions: list[Dimension] = Field(min_length=2, max_length=8)

    @field_validator("dimensions")
    @classmethod
    def _dimension_ids_unique(cls, dimensions: list[Dimension]) -> list[Dimension]:
        ids = [dimension.id for dimension in dimensions]
        if len(set(ids)) != len(ids):
            raise ValueError("two dimensions share an id: dimension ids are unique within a round kind")
        return dimensions


class Rubric(_Strict):
    title: Text
    rounds: list[RoundRubric] = Field(min_length=5, max_length=5, description="One entry per round kind.")

    @field_validator("rounds")
    @classmethod
    def _every_kind_once_in_order(cls, rounds: list[RoundRubric]) -> list[RoundRubric]:
        kinds = tuple(entry.kind for entry in rounds)
        if kinds != ROUND_ORDER:
            raise ValueError(f"the round kinds must be, in this order: {', '.join(ROUND_ORDER)}: reorder them")
        return rounds

    def of(self, kind: str) -> RoundRubric:
        return next(entry for entry in self.rounds if entry.kind == kind)


class Exchange(_Strict):
    ask: Text = Field(description="What the candidate asks (or should ask), inline Markdown.")
    answer: Text = Field(description="What the interviewer answers, inline Markdown.")


class FollowUp(_Strict):
    level: Level = Field(description="The level this follow-up separates: they escalate mid, senior, staff.")
    ask: Text = Field(description="The follow-up, as the interviewer says it (inline Markdown).")
    listen_for: Text = Field(description="What a good answer contains, for the interviewer (inline Markdown).")
    failure: bool = Field(False, description="true on the follow-up that probes a failure (at least one).")


class Signal(_Strict):
    dimension: KebabId = Field(description="A dimension id of this round's kind in data/rubric.yml.")
    mid: Text
    senior: Text
    staff: Text


class Reference(_Strict):
    page: Text = Field(description="A page under docs/, e.g. `system-design/case-studies/payments-checkout.md`.")
    anchor: KebabId | None = Field(None, description="A heading id on that page, without `#`.")
    label: Text = Field(description="The link text, e.g. `Payments checkout: the reference answers`.")
    note: Text | None = Field(None, description="What to read there, one sentence (inline Markdown).")


class Round(_Strict):
    id: KebabId = Field(description="Stable id within the loop: saved scores are keyed by it.")
    kind: RoundKind
    title: Text = Field(description="The round's topic, e.g. `Checkout that never charges twice`.")
    minutes: int = Field(ge=20, le=60, description="The round's clock.")
    prompt: Text = Field(description="The prompt, as the interviewer says it (Markdown).")
    clarifications: list[Exchange] = Field(min_length=2, description="The first clarifying answers to give.")
    numbers: list[Exchange] = Field(min_length=1, description="Numbers to hand over when the candidate asks.")
    follow_ups: list[FollowUp] = Field(
        min_length=6, max_length=10, description="Six to ten follow-ups, escalating from mid to staff."
    )
    signals: list[Signal] = Field(min_length=1, description="One per rubric dimension of this round's kind.")
    lost_moments: list[Text] = Field(
        min_length=3, max_length=3, description="The three moments where candidates most often lose the round."
    )
    reference: Reference

    # Field validators, so that a message points at `rounds[n].follow_ups`, not at the whole round.
    @field_validator("follow_ups")
    @classmethod
    def _follow_ups_escalate(cls, follow_ups: list[FollowUp]) -> list[FollowUp]:
        ranks = [LEVELS.index(follow_up.level) for follow_up in follow_ups]
        if ranks != sorted(ranks):
            raise ValueError("follow_ups must escalate: list the mid ones first, then senior, then staff")
        if not {"mid", "senior", "staff"} <= {follow_up.level for follow_up in follow_ups}:
            raise ValueError("follow_ups need at least one mid, one senior and one staff follow-up")
        if not any(follow_up.failure for follow_up in follow_ups):
            raise ValueError("no follow-up probes a failure: mark one with `failure: true`")
        return follow_ups


class Loop(_Strict):
    id: KebabId = Field(description="Equal to the file name without .yml.")
    title: Text
    summary: Text = Field(description="One or two sentences: the company and role this loop imitates.")
    break_minutes: int = Field(5, ge=1, le=15, description="The break between two rounds in loop mode.")
    rounds: list[Round] = Field(min_length=5, max_length=5)

    @field_validator("rounds")
    @classmethod
    def _rounds_in_loop_order(cls, rounds: list[Round]) -> list[Round]:
        kinds = tuple(round_.kind for round_ in rounds)
        if kinds != ROUND_ORDER:
            raise ValueError(f"the rounds' kinds must be, in this order: {', '.join(ROUND_ORDER)}: reorder them")
        ids = [round_.id for round_ in rounds]
        if len(set(ids)) != len(ids):
            raise ValueError("two rounds share an id: round ids are unique within a loop")
        return rounds
