"""The practice data (data/rubric.yml, data/loops/): the real files load and agree with the rubric and their
JSON Schemas; a bad file stops with `path:line: key: what is wrong: what to do`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from handbook.content.loading import load_file
from handbook.content.practice import LEVELS, ROUND_ORDER, Loop
from handbook.content.practice_loading import heading_ids, load_practice, reference_problems
from handbook.errors import DataError
from tests.conftest import ROOT
from tests.support.contexts import real_data

LOOP_FILES = sorted((ROOT / "data" / "loops").glob("*.yml"))
SAMPLE = ROOT / "data" / "loops" / "commerce-platform.yml"


def test_the_real_rubric_and_loops_load_and_line_up():
    practice = real_data().practice
    assert [entry.kind for entry in practice.rubric.rounds] == list(ROUND_ORDER)
    assert len(practice.loops) >= 3 and practice.round_count == 5 * len(practice.loops)
    for item in practice.loops.values():
        for round_ in item.model.rounds:
            wanted = [d.id for d in practice.rubric.of(round_.kind).dimensions]
            assert [s.dimension for s in round_.signals] == wanted
            assert 6 <= len(round_.follow_ups) <= 10 and len(round_.lost_moments) == 3
            assert sum(f.failure for f in round_.follow_ups) >= 1
            ranks = [LEVELS.index(f.level) for f in round_.follow_ups]
            assert ranks == sorted(ranks)
            page = ROOT / "docs" / round_.reference.page
            assert page.is_file()
            if round_.reference.anchor:
                assert round_.reference.anchor in heading_ids(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("path", "kind"),
    [(ROOT / "data" / "rubric.yml", "rubric"), *((path, "loop") for path in LOOP_FILES)],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_each_file_names_its_schema_and_satisfies_it(path, kind):
    depth = "../" * (len(path.relative_to(ROOT).parts) - 1)
    assert (
        path.read_text(encoding="utf-8").splitlines()[0]
        == f"# yaml-language-server: $schema={depth}schemas/{kind}.schema.json"
    )
    schema = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


def test_the_loop_schema_rejects_what_the_model_rejects():
    schema = json.loads((ROOT / "schemas" / "loop.schema.json").read_text(encoding="utf-8"))
    good = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    first = good["rounds"][0]
    for bad in (
        {**good, "rounds": good["rounds"][:4]},  # a loop has five rounds
        {**good, "rounds": [{**first, "lost_moments": first["lost_moments"][:2]}, *good["rounds"][1:]]},
        {**good, "rounds": [{**first, "follow_ups": first["follow_ups"][:5]}, *good["rounds"][1:]]},
        {**good, "rounds": [{**first, "kind": "trivia"}, *good["rounds"][1:]]},
        {**good, "extra": 1},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
        with pytest.raises(ValueError):
            Loop.model_validate(bad)


# --- Bad files ---------------------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The real rubric, one real loop and the docs pages it links to, in a scratch project."""
    (tmp_path / "data" / "loops").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "rubric.yml", tmp_path / "data" / "rubric.yml")
    shutil.copy(SAMPLE, tmp_path / "data" / "loops" / SAMPLE.name)
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("assets"))
    return tmp_path


def edit(project: Path, old: str, new: str, name: str = SAMPLE.name) -> None:
    path = (
        project / "data" / "loops" / name if name.endswith(".yml") and name != "rubric.yml" else project / "data" / name
    )
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_practice(project)
    return caught.value.problems


def line_of(project: Path, needle: str, name: str = SAMPLE.name) -> int:
    text = (project / "data" / "loops" / name).read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def test_a_missing_key_names_the_file_line_and_key(project):
    edit(project, "    minutes: 45\n    prompt: >-\n", "    minutes: 45\n    question: >-\n")
    found = problems(project)
    line = line_of(project, "question:")
    assert (
        f"data/loops/commerce-platform.yml:{line}: rounds[0].question: unknown key `question`: remove it or check its spelling"
        in found
    )
    assert any(
        p.startswith("data/loops/commerce-platform.yml:")
        and "rounds[0].prompt: required key `prompt` is missing: add it" in p
        for p in found
    )


def test_a_signal_for_an_unknown_dimension_says_which_dimensions_to_use(project):
    edit(project, "      - dimension: code-quality\n", "      - dimension: code-style\n")
    (found,) = problems(project)
    line = line_of(project, "    signals:")
    assert found.startswith(f"data/loops/commerce-platform.yml:{line}: rounds[0].signals: unknown dimension code-style")
    assert "in its order: problem-solving, code-quality, testing, communication" in found


def test_follow_ups_that_do_not_escalate_are_refused(project):
    edit(
        project,
        "      - level: mid\n        ask: What is the time and space",
        "      - level: staff\n        ask: What is the time and space",
    )
    (found,) = problems(project)
    assert found.startswith("data/loops/commerce-platform.yml:")
    assert "rounds[0].follow_ups: follow_ups must escalate: list the mid ones first, then senior, then staff" in found


def test_a_round_without_a_failure_probe_is_refused(project):
    edit(project, "        failure: true\n        ask: Your DFS is recursive", "        ask: Your DFS is recursive")
    (found,) = problems(project)
    assert "rounds[0].follow_ups: no follow-up probes a failure: mark one with `failure: true`" in found


def test_a_reference_to_a_missing_page_or_heading_is_refused_when_the_page_is_built(project):
    edit(project, "      page: algorithms/graphs.md\n", "      page: algorithms/graph.md\n")
    edit(project, "      anchor: lost-update-three-outcomes-for-one-race\n", "      anchor: lost-updates\n")
    name = f"data/loops/{SAMPLE.name}"
    item = load_file(project / name, Loop, name)  # the data itself is valid: the targets are pages
    found = reference_problems(item, project, name)
    page_line = line_of(project, "page: algorithms/graph.md")
    anchor_line = line_of(project, "anchor: lost-updates")
    assert found == [
        f"{name}:{page_line}: rounds[0].reference.page: docs/algorithms/graph.md does not exist: name a page under "
        "docs/, e.g. system-design/case-studies/payments-checkout.md",
        f"{name}:{anchor_line}: rounds[2].reference.anchor: docs/databases/transactions.md has no heading with the "
        "id `lost-updates`: use the slug of one of its headings",
    ]


def test_rounds_out_of_loop_order_and_a_wrong_file_name_are_refused(project):
    path = project / "data" / "loops" / SAMPLE.name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["rounds"][0], data["rounds"][1] = data["rounds"][1], data["rounds"][0]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    (found,) = problems(project)
    assert (
        found.startswith("data/loops/commerce-platform.yml:")
        and ": rounds: the rounds' kinds must be, in this order" in found
    )
    shutil.copy(SAMPLE, path)
    path.rename(path.with_name("renamed.yml"))
    (found,) = problems(project)
    assert "data/loops/renamed.yml:" in found and "does not match the file name `renamed`: rename one to match" in found


def test_a_bad_rubric_names_its_key_and_the_build_data_stops(project):
    edit(
        project,
        "      - id: problem-solving\n        name: Problem solving\n",
        "      - id: problem-solving\n",
        "rubric.yml",
    )
    (found,) = problems(project)
    assert (
        found.startswith("data/rubric.yml:")
        and "rounds[0].dimensions[0].name: required key `name` is missing: add it" in found
    )
    (project / "data" / "rubric.yml").unlink()
    (found,) = problems(project)
    assert found == "data/rubric.yml: the file is missing, and the loops need it: restore it from git"


def test_a_project_without_practice_data_loads_without_it(tmp_path):
    assert load_practice(tmp_path) is None


def test_heading_ids_follow_explicit_ids_and_skip_code_fences():
    text = "# Title\n\n## Lost update: three outcomes {#lost}\n```\n## not a heading\n```\n### Keyset (cursor) pagination\n"
    assert heading_ids(text) == {"title", "lost", "keyset-cursor-pagination"}
