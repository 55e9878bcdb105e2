"""Load and validate `data/` YAML files, reporting every problem as `path:line: key: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import DataError
from .balance import balance_problems
from .models import Checklist, DecisionMatrix, EstimationExamples, LatencyNumbers, Quiz
from .problems import ProblemSet, load_problems

Model = TypeVar("Model", bound=BaseModel)


# libyaml's loader is about ten times faster and keeps the line marks the messages need.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Loaded:
    model: Any
    path: Path
    node: yaml.Node  # kept to point later, cross-file checks at the right line

    def line_of(self, loc: tuple) -> int:
        return _line_of(self.node, loc)


def _key_name(part: object) -> str:
    """A key as written in messages: plain keys bare, anything odd (spaces, empty, control characters) quoted."""
    return str(part) if isinstance(part, str) and _PLAIN_KEY.fullmatch(part) else repr(part)


def _key_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += f".{_key_name(part)}" if out else _key_name(part)
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


def _duplicate_keys(root: yaml.Node, path: str) -> list[str]:
    """Keys that repeat in one mapping. Iterative and visiting each node once: aliases can make the graph cyclic."""
    problems = []
    seen_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    line = key.start_mark.line + 1
                    if key.value in seen:
                        problems.append(
                            f"{path}:{line}: key `{_key_name(key.value)}` repeats the one on line {seen[key.value]}: keep one"
                        )
                    seen.setdefault(key.value, line)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return sorted(problems, key=lambda problem: int(problem[len(path) + 1 :].split(":", 1)[0]))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _yaml_problem(name: str, text: str, exc: yaml.YAMLError) -> str:
    """One line for a YAML error: the reader's (a forbidden character) has a position, the others a mark."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        return (
            f"{name}:{line}: YAML does not allow the character {exc.character!r} "
            f"({_one_line(exc.reason)}): remove it or write it as an escape in a quoted string"
        )
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark else 1
    problem = _one_line(getattr(exc, "problem", None) or exc)
    return f"{name}:{line}: YAML syntax error: {problem}: fix the indentation or quoting"


def _describe(error: dict, model: type[BaseModel]) -> str:
    kind, loc = error["type"], error["loc"]
    if kind == "missing":
        return f"required key `{_key_name(loc[-1])}` is missing: add it"
    if kind == "extra_forbidden":
        return f"unknown key `{_key_name(loc[-1])}`: remove it or check its spelling"
    if kind == "string_pattern_mismatch":
        return f"{error['input']!r} is not a kebab-case id (lowercase letters, digits, single hyphens)"
    if kind == "literal_error":
        return f"{error['input']!r} is not allowed: {error['msg'].removeprefix('Input should be ')}"
    message = error["msg"].removeprefix("Value error, ")
    if kind.endswith("_type"):
        return f"{message}, not {type(error['input']).__name__} {error['input']!r}"
    return message


def _bad_tag_line(root: yaml.Node | None) -> int:
    """The line of the first explicitly tagged scalar PyYAML cannot construct (1 when none is found)."""
    stack, seen = [root] if root is not None else [], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                yaml.SafeLoader("").construct_object(node, deep=True)
            except Exception:  # noqa: BLE001 - any failure here is the one we are looking for
                return node.start_mark.line + 1
        elif isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in reversed(node.value) for item in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return 1


def load_file(path: Path, model: type[Model], display: str | None = None) -> Loaded:
    """Parse and validate one YAML file; raise DataError naming the file and line."""
    name = display or str(path)
    node, data = _parse(_read_text(path, name), name)
    problems = _duplicate_keys(node, name)
    if not isinstance(data, dict):
        problems.append(f"{name}:1: (top level): expected a mapping of keys, got {type(data).__name__}")
        raise DataError(problems)
    parsed = _validated(data, node, model, name, problems)
    if problems:
        raise DataError(problems)
    if getattr(parsed, "id", path.stem) != path.stem:
        problems.append(
            f"{name}:{_line_of(node, ('id',))}: id: `{parsed.id}` does not match the file name "
            f"`{path.stem}`: rename one to match"
        )
        raise DataError(problems)
    return Loaded(parsed, path, node)


def _read_text(path: Path, name: str) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([f"{name}: byte {exc.start} is not UTF-8: save the file as UTF-8"]) from None


def _parse(text: str, name: str) -> tuple[yaml.Node, Any]:
    """The document's node (for line numbers) and its data; DataError for YAML that cannot be read or is empty."""
    loader = _Loader(text)
    node = None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise DataError([_yaml_problem(name, text, exc)]) from None
    except RecursionError:
        raise DataError([f"{name}:1: the YAML is nested too deeply to read: flatten it"]) from None
    except (ValueError, TypeError, IndexError, KeyError, OverflowError, AttributeError) as exc:
        # PyYAML's constructors raise these for a bad explicit tag, e.g. `!!int` on an empty value.
        raise DataError(
            [f"{name}:{_bad_tag_line(node)}: a tagged value cannot be read ({exc!r}): remove the tag"]
        ) from None
    finally:
        loader.dispose()
    if node is None:
        raise DataError([f"{name}:1: the file is empty: see CONTRIBUTING.md for the format"])
    return node, data


def _validated(data: dict, node: yaml.Node, model: type[Model], name: str, problems: list[str]) -> Model:
    """`data` as `model`; DataError with `problems` and every validation error, each at its line."""
    try:
        return model.model_validate(data)
    except RecursionError:
        raise DataError([*problems, f"{name}:1: the data is nested too deeply to check: flatten it"]) from None
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            problems.append(f"{name}:{_line_of(node, loc)}: {_key_path(loc)}: {_describe(error, model)}")
        raise DataError(problems) from None


@dataclass(frozen=True)
class HandbookData:
    quizzes: dict[str, Loaded]
    checklists: dict[str, Loaded]
    latency: LatencyNumbers
    estimates: EstimationExamples
    problem_set: ProblemSet | None = None  # the coding problems (data/problems.yml)
    practice: Any = None  # practice_loading.PracticeData: the level rubric and the mock loops
    matrices: dict[str, Loaded] = field(default_factory=dict)  # data/decision-matrices/

    @property
    def question_count(self) -> int:
        return sum(len(item.model.questions) for item in self.quizzes.values())


def load_data(root: Path) -> HandbookData:
    """Load every quiz, checklist and decision matrix under `root/data`; report all problems at once."""
    problems: list[str] = []
    loaded = {folder: load_folder(root, folder, model, problems) for folder, model in _FOLDERS}
    problems += _duplicate_question_ids(loaded["quizzes"], root)
    if not problems:  # a file that failed to load would skew the measure
        problems += balance_problems(loaded["quizzes"])
    tables = _load_tables(root, problems)
    problem_set = (
        _loaded_or_none(lambda: load_problems(root), problems) if (root / "data" / "problems.yml").exists() else None
    )
    from .practice_loading import load_practice  # here: practice_loading imports this module's load_file

    practice = _loaded_or_none(lambda: load_practice(root), problems)
    if problems:
        raise DataError(problems)
    return HandbookData(
        loaded["quizzes"],
        loaded["checklists"],
        tables["latency-numbers"],
        tables["estimation-examples"],
        problem_set=problem_set,
        practice=practice,
        matrices=loaded["decision-matrices"],
    )


_FOLDERS = (("quizzes", Quiz), ("checklists", Checklist), ("decision-matrices", DecisionMatrix))  # one file each
_TABLES = (("latency-numbers", LatencyNumbers), ("estimation-examples", EstimationExamples))  # one file each


def load_folder(root: Path, folder: str, model: type[BaseModel], problems: list[str]) -> dict[str, Loaded]:
    """Each `data/<folder>/*.yml` file by its id; what is wrong with a file is added to `problems`."""
    loaded: dict[str, Loaded] = {}
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
        loaded[item.model.id] = item
    return loaded


def _load_tables(root: Path, problems: list[str]) -> dict[str, Any]:
    """The latency and estimation tables by name; what is wrong with them is added to `problems`."""
    tables = {}
    for name, model in _TABLES:
        try:
            tables[name] = load_file(root / "data" / f"{name}.yml", model, f"data/{name}.yml").model
        except DataError as exc:
            problems += exc.problems
        except FileNotFoundError:
            problems.append(f"data/{name}.yml: the file is missing: restore it from git")
    return tables


def _loaded_or_none(load, problems: list[str]):
    """`load()`, or None with its problems added to `problems`."""
    try:
        return load()
    except DataError as exc:
        problems += exc.problems
        return None


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
