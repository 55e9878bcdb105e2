"""Property tests: whatever a data file holds, the loader returns a valid model or a clear `DataError`.

A clear error is one or more lines, each starting with the file's path (and `:line` where the problem has a
place); anything else (a traceback, a multi-line message, another exception type) is a bug in the loader.
Inputs: arbitrary bytes and text, YAML-looking token soup (anchors, aliases, tags, flow collections), arbitrary
nested structures dumped with `yaml.safe_dump`, and mutations of a valid quiz and checklist (a key dropped, a
value replaced with another type, a key added).
"""

from __future__ import annotations

import atexit
import copy
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.content.loading import load_file
from handbook.content.models import Checklist, Quiz
from handbook.errors import DataError

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# One folder for all examples (a pytest tmp_path per example would be slow under Hypothesis); removed at exit.
_DIR = Path(tempfile.mkdtemp(prefix="hb-loader-props-"))
atexit.register(shutil.rmtree, _DIR, ignore_errors=True)
PATH = _DIR / "sample.yml"  # the stem matches the valid documents' id

VALID_QUIZ = {
    "id": "sample",
    "title": "Sample",
    "questions": [
        {
            "id": "sample-first",
            "prompt": "Which is right?",
            "choices": [
                {"text": "This one", "correct": True, "why": "Because."},
                {"text": "That one", "why": "Not that."},
                {"text": "The other", "why": "Nor that."},
            ],
            "explanation": "This one is right because of the mechanism.",
            "difficulty": "junior",
            "tags": ["basics"],
        }
    ],
}
VALID_CHECKLIST = {
    "id": "sample",
    "title": "The night before",
    "summary": "Short.",
    "sections": [{"title": "Sleep", "items": [{"id": "sleep-early", "text": "Go to bed early", "detail": "Yes."}]}],
}
MODELS = st.sampled_from([Quiz, Checklist])

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["sample", "junior", "", "-", "id", "true", "~", "2024-01-01", "<script>", "a" * 100])
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=10) | st.integers() | st.booleans() | st.none(), children, max_size=4)
    ),
    max_leaves=20,
)
TOKENS = [
    "id", "title", "questions", "choices", "sections", "items", "text", "correct", "sample", ": ", ":", "-", "- ",
    "\n", "  ", "    ", "\t", "[", "]", "{", "}", ",", "? ", "&a ", "*a", "&b ", "*b", "!!str ", "!!int ",
    "!!binary ", "!!python/object:os.system ", "!custom ", "<<: ", "'", '"', "|", ">", "#", "---\n", "...\n",
    "%YAML 1.1\n", "\x00", "\ufeff", "\x85", "\u2028", "é", "true", "null", "1e9", "0x1F", "2024-01-01",
]  # fmt: skip
yaml_soup = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)

PROBLEM = re.compile(rf"^{re.escape(str(PATH))}(?::\d+)?: \S")


def check(content: bytes, model) -> None:
    """Load `content` as `model`: a model instance, or a DataError whose every line names the file."""
    PATH.write_bytes(content)
    try:
        loaded = load_file(PATH, model)
    except DataError as exc:
        assert exc.problems, "a DataError without problems"
        for line in str(exc).splitlines():
            assert PROBLEM.match(line), f"problem line does not start with the path: {line!r}"
        for problem in exc.problems:
            assert "\n" not in problem, f"a problem spans lines: {problem!r}"
            assert "Traceback" not in problem
        # Every problem but an encoding one points at a line.
        for problem in exc.problems:
            if "is not UTF-8" not in problem:
                assert re.match(rf"^{re.escape(str(PATH))}:\d+: ", problem), f"no line number: {problem!r}"
        return
    assert isinstance(loaded.model, model)
    assert loaded.model.id == PATH.stem


@SETTINGS
@given(content=st.binary(max_size=300), model=MODELS)
def test_arbitrary_bytes(content, model):
    check(content, model)


@SETTINGS
@given(content=st.text(max_size=300), model=MODELS)
def test_arbitrary_text(content, model):
    check(content.encode("utf-8", "surrogatepass"), model)


@SETTINGS
@given(content=yaml_soup, model=MODELS)
def test_yaml_looking_text(content, model):
    check(content.encode("utf-8"), model)


@SETTINGS
@given(data=values, model=MODELS)
def test_arbitrary_structures(data, model):
    check(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"), model)


def _paths(node, prefix=()):
    """Every path to a value inside a nested dict/list, the root included."""
    yield prefix
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _paths(child, (*prefix, index))


def _get(node, path):
    for part in path:
        node = node[part]
    return node


@st.composite
def mutated(draw, valid: dict) -> dict:
    """The valid document with one to three mutations: a key dropped, a value of another type, a key added."""
    document = copy.deepcopy(valid)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(document))))
        target = _get(document, path)
        kind = draw(st.sampled_from(["drop", "retype", "add"]))
        if kind == "drop" and isinstance(target, dict | list) and target:
            key = draw(st.sampled_from(list(target.keys()) if isinstance(target, dict) else range(len(target))))
            del target[key]
        elif kind == "add" and isinstance(target, dict):
            target[draw(st.text(max_size=12) | st.sampled_from(["answr", "id", "correct", "tags"]))] = draw(values)
        elif kind == "add" and isinstance(target, list):
            target.append(draw(values))
        elif path:
            _get(document, path[:-1])[path[-1]] = draw(values)
        else:
            document = draw(values)
    return document


@SETTINGS
@given(document=mutated(VALID_QUIZ))
def test_mutated_quiz(document):
    check(yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8"), Quiz)


@SETTINGS
@given(document=mutated(VALID_CHECKLIST))
def test_mutated_checklist(document):
    check(yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8"), Checklist)


def test_the_valid_documents_load():
    check(yaml.safe_dump(VALID_QUIZ).encode(), Quiz)
    check(yaml.safe_dump(VALID_CHECKLIST).encode(), Checklist)
    assert isinstance(load_file(PATH, Checklist).model, Checklist)


# Found by the properties above (or written to pin a crash they could reach); each must be a clear DataError.
KNOWN_HARD = [
    b"a: \x00",  # a control character: the reader's error has a position, not a line
    b"&a [*a]",  # a list that contains itself
    b"id: &a {x: *a}",  # a mapping that contains itself
    b"? [a]\n: 1\n? [a]\n: 2\n",  # unhashable keys
    b"[" * 2000 + b"]" * 2000,  # nesting deeper than Python's recursion limit
    b"a: !!python/object:os.system x",  # a tag safe_load refuses
    b"a: 1\n---\nb: 2\n",  # two documents
]


def test_known_hard_inputs():
    for content in KNOWN_HARD:
        for model in (Quiz, Checklist):
            check(content, model)
