"""Typed models for the handbook's YAML data: quizzes, checklists, decision matrices and the tables' numbers.

The JSON Schemas editors use (schemas/) are generated from these models, and CONTRIBUTING.md states the same
rules: three to five choices, at least one right, a `why` on every choice.

Unknown keys are rejected and types are not coerced, so a typo in a data file
fails the build instead of silently vanishing from the page.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

KebabId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80),
    Field(description="Stable kebab-case id: lowercase letters, digits and single hyphens."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Choice(_Strict):
    text: Text = Field(description="The choice, as inline Markdown.")
    correct: bool = Field(False, description="true on every right choice.")
    why: Text = Field(description="Why this choice is right or wrong (Markdown); the answer shows it.")


class Question(_Strict):
    id: KebabId
    prompt: Text = Field(description="The question, as inline Markdown.")
    choices: list[Choice] = Field(
        min_length=3,
        max_length=5,
        description="Three to five choices, at least one with `correct: true`.",
        # The validator below enforces it; `contains` lets an editor show the same error while typing.
        json_schema_extra={
            "contains": {"type": "object", "required": ["correct"], "properties": {"correct": {"const": True}}}
        },
    )
    explanation: Text = Field(description="Why the right answer is right (Markdown).")
    difficulty: Literal["junior", "mid", "senior"]
    tags: list[KebabId] = Field(default_factory=list)
    source: Text | None = Field(None, description="Where the fact comes from.")

    @model_validator(mode="after")
    def _has_a_correct_choice(self) -> Question:
        if not any(choice.correct for choice in self.choices):
            raise ValueError("no choice is marked `correct: true`: mark the right answer(s)")
        texts = [choice.text for choice in self.choices]
        if len(set(texts)) != len(texts):
            raise ValueError("two choices have the same text: make every choice distinct")
        return self

    @property
    def multiple(self) -> bool:
        return sum(choice.correct for choice in self.choices) > 1

    @property
    def display_order(self) -> list[int]:
        """Choice indices in the order readers see them: shuffled, but fixed by the question id.

        Authors tend to write the right answer first; a stable shuffle hides that without making the page
        change between builds. Stored answers keep the indices of the YAML order.
        """
        return sorted(range(len(self.choices)), key=lambda i: hashlib.sha256(f"{self.id}/{i}".encode()).digest())


class Quiz(_Strict):
    id: KebabId = Field(description="Equal to the file name without .yml.")
    title: Text
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _question_ids_unique(self) -> Quiz:
        seen: set[str] = set()
        for question in self.questions:
            if question.id in seen:
                raise ValueError(f"question id `{question.id}` is used twice: ids must be unique")
            seen.add(question.id)
        return self


class ChecklistItem(_Strict):
    id: KebabId
    text: Text = Field(description="A short imperative item, as inline Markdown.")
    detail: Text | None = Field(None, description="Optional one-line detail (inline Markdown).")


class ChecklistSection(_Strict):
    title: Text
    items: list[ChecklistItem] = Field(min_length=1)


class Checklist(_Strict):
    id: KebabId = Field(description="Equal to the file name without .yml.")
    title: Text
    summary: Text | None = None
    sections: list[ChecklistSection] = Field(min_length=1)

    @model_validator(mode="after")
    def _item_ids_unique(self) -> Checklist:
        seen: set[str] = set()
        for section in self.sections:
            for item in section.items:
                if item.id in seen:
                    raise ValueError(f"item id `{item.id}` is used twice: ids must be unique")
                seen.add(item.id)
        return self


class MatrixCriterion(_Strict):
    id: KebabId
    label: Text = Field(description="The column heading, short (it is printed on one page).")


class MatrixOption(_Strict):
    id: KebabId
    name: Text = Field(description="The row heading: a product or a family (inline Markdown).")
    cells: dict[str, Text] = Field(description="One short inline-Markdown cell per criterion id, no others.")


# A one-page comparison: options (rows) against criteria (columns), every cell filled. (A comment, not a
# docstring: the JSON Schema would take a docstring as its description.)
class DecisionMatrix(_Strict):
    id: KebabId = Field(description="Equal to the file name without .yml.")
    title: Text
    summary: Text | None = None
    criteria: list[MatrixCriterion] = Field(min_length=2, max_length=7)
    options: list[MatrixOption] = Field(min_length=2, max_length=12)

    @model_validator(mode="after")
    def _every_cell_filled(self) -> DecisionMatrix:
        wanted = [criterion.id for criterion in self.criteria]
        problems = []
        for kind, ids in (("criterion", wanted), ("option", [option.id for option in self.options])):
            twice = sorted({i for i in ids if ids.count(i) > 1})
            problems += [f"{kind} id `{i}` is used twice: ids must be unique" for i in twice]
        for option in self.options:
            missing = [c for c in wanted if c not in option.cells]
            unknown = [c for c in option.cells if c not in wanted]
            if missing:
                problems.append(f"option `{option.id}` has no cell for {', '.join(missing)}: add one per criterion")
            if unknown:
                problems.append(
                    f"option `{option.id}` has cells for unknown criteria {', '.join(unknown)}: "
                    f"use one of {', '.join(wanted)}"
                )
        if problems:
            raise ValueError("; ".join(problems))
        return self


class LatencyOperation(_Strict):
    id: KebabId
    operation: Text
    short: Text | None = Field(None, description="Names the operation in the ratio header when it is the baseline.")
    nanoseconds: float = Field(gt=0, description="Order of magnitude, in nanoseconds.")
    note: Text = Field(description="Where the number comes from, or the arithmetic behind it.")

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)  # YAML integers are fine as floats


class LatencyNumbers(_Strict):
    title: Text
    operations: list[LatencyOperation] = Field(min_length=1)


class EstimatedService(_Strict):
    id: KebabId
    name: Text
    daily_active_users: float = Field(gt=0)
    writes_per_user_per_day: float = Field(gt=0)
    reads_per_user_per_day: float = Field(ge=0)
    peak_factor: float = Field(ge=1)
    bytes_per_record: float = Field(gt=0)
    retention_years: float = Field(gt=0)
    replication_factor: int = Field(3, ge=1)
    bytes_per_read: float = Field(0, ge=0, description="Response size; 0 leaves the bandwidth row empty.")

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)


class EstimationExamples(_Strict):
    seconds_per_day: Literal[86400] = Field(description="Kept in the file for readers; the tables use 86,400.")
    services: list[EstimatedService] = Field(min_length=1)
