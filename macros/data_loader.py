"""Load and validate `data/` YAML files, reporting every problem as `path:line: key: message`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .data_models import Checklist, Quiz

Model = TypeVar("Model", bound=BaseModel)


# libyaml's loader is about ten times faster and keeps the line marks the messages need.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(Exception):
    """One or more problems in data files; `str()` is one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Loaded:
    model: Any
    path: Path
    node: yaml.Node  # kept to point later, cross-file checks at the right line

    def line_of(self, loc: tuple) -> int:
        return _line_of(self.node, loc)


def _key_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _line_of(node: yaml.Node, loc: tuple) -> int:
    """1-based line that `loc` points at: the key's line for a mapping entry, the item's line in a list."""
    for depth, part in enumerate(loc):
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                break
            node = match[0] if depth == len(loc) - 1 else match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
    return node.start_mark.line + 1


def _duplicate_keys(node: yaml.Node, path: str) -> list[str]:
    problems = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                problems.append(f"{path}:{line}: key `{key.value}` repeats the one on line {seen[key.value]}: keep one")
            seen.setdefault(key.value, line)
            problems += _duplicate_keys(value, path)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            problems += _duplicate_keys(child, path)
    return problems


def _describe(error: dict, model: type[BaseModel]) -> str:
    kind, loc = error["type"], error["loc"]
    if kind == "missing":
        return f"required key `{loc[-1]}` is missing: add it"
    if kind == "extra_forbidden":
        return f"unknown key `{loc[-1]}`: remove it or check its spelling"
    if kind == "string_pattern_mismatch":
        return f"{error['input']!r} is not a kebab-case id (lowercase letters, digits, single hyphens)"
    if kind == "literal_error":
        return f"{error['input']!r} is not allowed: {error['msg'].removeprefix('Input should be ')}"
    message = error["msg"].removeprefix("Value error, ")
    if kind.endswith("_type"):
        return f"{message}, not {type(error['input']).__name__} {error['input']!r}"
    return message


def load_file(path: Path, model: type[Model], display: str | None = None) -> Loaded:
    """Parse and validate one YAML file; raise DataError naming the file and line."""
    name = display or str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([f"{name}: byte {exc.start} is not UTF-8: save the file as UTF-8"]) from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError([f"{name}{line}: YAML syntax error: {problem}: fix the indentation or quoting"]) from None
    finally:
        loader.dispose()
    if node is None:
        raise DataError([f"{name}:1: the file is empty: see CONTRIBUTING.md for the format"])
    problems = _duplicate_keys(node, name)
    if not isinstance(data, dict):
        problems.append(f"{name}:1: (top level): expected a mapping of keys, got {type(data).__name__}")
        raise DataError(problems)
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            problems.append(f"{name}:{_line_of(node, loc)}: {_key_path(loc)}: {_describe(error, model)}")
        raise DataError(problems) from None
    if problems:
        raise DataError(problems)
    if parsed.id != path.stem:
        problems.append(
            f"{name}:{_line_of(node, ('id',))}: id: `{parsed.id}` does not match the file name "
            f"`{path.stem}`: rename one to match"
        )
        raise DataError(problems)
    return Loaded(parsed, path, node)


@dataclass(frozen=True)
class HandbookData:
    quizzes: dict[str, Loaded]
    checklists: dict[str, Loaded]


def load_data(root: Path) -> HandbookData:
    """Load every quiz and checklist under `root/data`; report all problems at once."""
    problems: list[str] = []
    loaded: dict[str, dict[str, Loaded]] = {"quizzes": {}, "checklists": {}}
    for folder, model in (("quizzes", Quiz), ("checklists", Checklist)):
        for path in sorted((root / "data" / folder).glob("*.y*ml")):
            display = path.relative_to(root).as_posix()
            if path.suffix != ".yml":
                problems.append(f"{display}: data files end in .yml: rename it")
                continue
            try:
                item = load_file(path, model, display)
            except DataError as exc:
                problems += exc.problems
                continue
            loaded[folder][item.model.id] = item
    problems += _duplicate_question_ids(loaded["quizzes"], root)
    if problems:
        raise DataError(problems)
    return HandbookData(loaded["quizzes"], loaded["checklists"])


def _duplicate_question_ids(quizzes: dict[str, Loaded], root: Path) -> list[str]:
    """Question ids key readers' progress, so they must be unique across the whole site."""
    first: dict[str, str] = {}
    problems = []
    for item in quizzes.values():
        where = item.path.relative_to(root).as_posix()
        for index, question in enumerate(item.model.questions):
            line = item.line_of(("questions", index, "id"))
            here = f"{where}:{line}"
            if question.id in first:
                problems.append(
                    f"{here}: questions[{index}].id: `{question.id}` is already used at {first[question.id]}: "
                    "question ids are unique across the site; choose another"
                )
            else:
                first[question.id] = here
    return problems
