"""What a warm build reads back instead of computing again: each page's search documents, the search index, the
highlighted code blocks. The cached result equals the computed one, and any change to the input computes again."""

from __future__ import annotations

from dataclasses import replace

import markdown
import pytest

from handbook.rendering import highlight_cache
from handbook.search import documents, index, stored
from handbook.search.synonyms import Group
from tests.unit.test_search_index import PAGE_HTML


def _refuse(*args, **kwargs):
    raise AssertionError("computed again although the cache holds it")


def test_a_page_s_documents_are_read_back_and_a_changed_page_is_read_again(tmp_path, monkeypatch):
    first = stored.page_documents("data/caching/", PAGE_HTML, tmp_path)
    assert first == documents.from_page("data/caching/", PAGE_HTML)
    with monkeypatch.context() as patched:
        patched.setattr(documents, "from_page", _refuse)
        assert stored.page_documents("data/caching/", PAGE_HTML, tmp_path) == first
    changed = PAGE_HTML.replace("Writes go to the cache first.", "Writes go to the cache, then to the database.")
    again = stored.page_documents("data/caching/", changed, tmp_path)
    assert "then to the database" in again[1].text
    assert stored.page_documents("api/caching/", PAGE_HTML, tmp_path)[0].location == "api/caching/"


def test_the_index_is_read_back_whole_and_built_again_when_a_document_or_synonym_changes(tmp_path, monkeypatch):
    docs = documents.from_page("data/caching/", PAGE_HTML)
    groups = [Group("=ttl", (("ttl",), ("time", "to", "live")), True)]
    built = stored.build(docs, groups, tmp_path)
    assert built == index.build(docs, groups)
    with monkeypatch.context() as patched:
        patched.setattr(index, "build", _refuse)
        assert stored.build(docs, groups, tmp_path) == built
    renamed = [replace(docs[0], title="Caches"), *docs[1:]]
    assert stored.build(renamed, groups, tmp_path).version != built.version
    assert stored.build(docs, [], tmp_path).files["manifest.json"] != built.files["manifest.json"]


def test_only_the_latest_indexes_are_kept(tmp_path):
    docs = documents.from_page("data/caching/", PAGE_HTML)
    for number in range(stored.KEEP + 3):
        stored.build(docs, [Group(f"=w{number}", ((f"w{number}",), ("ttl",)), False)], tmp_path)
    assert len(list(tmp_path.glob("*.zip"))) == stored.KEEP


FENCED = '# Code\n\n```python title="cache.py" hl_lines="2"\ndef get(key):\n    return cache[key]\n```\n\nSee `get`.\n'


def _html(text: str, cache_dir) -> str:
    configs = {"handbook.rendering.highlight_cache": {"anchor_linenums": True, "cache_dir": str(cache_dir or "")}}
    extensions = ["pymdownx.superfences", "pymdownx.inlinehilite", "handbook.rendering.highlight_cache"]
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)


def _plain_pymdownx(text: str) -> str:
    configs = {"pymdownx.highlight": {"anchor_linenums": True}}
    extensions = ["pymdownx.superfences", "pymdownx.inlinehilite", "pymdownx.highlight"]
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)


def test_code_blocks_come_back_from_the_cache_as_pymdownx_highlights_them(tmp_path, monkeypatch):
    expected = _plain_pymdownx(FENCED)
    assert 'class="hll"' in expected and "cache.py" in expected
    assert _html(FENCED, None) == expected  # without a cache folder: pymdownx.highlight itself
    assert _html(FENCED, tmp_path) == expected
    assert len(list(tmp_path.glob("*.html"))) == 1
    with monkeypatch.context() as patched:
        patched.setattr(highlight_cache.Highlight, "highlight", _refuse)
        assert _html(FENCED, tmp_path) == expected
    changed = FENCED.replace('hl_lines="2"', 'hl_lines="1"')
    assert _html(changed, tmp_path) == _plain_pymdownx(changed)
    assert len(list(tmp_path.glob("*.html"))) == 2


@pytest.mark.parametrize("language", ["python", "sql"])
def test_the_same_code_in_another_language_is_highlighted_again(tmp_path, language):
    text = FENCED.replace("```python", f"```{language}")
    assert _html(text, tmp_path) == _plain_pymdownx(text)
