"""The search's word rules (handbook/search/text.py) and their copy in the browser worker (worker.js) agree."""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib.resources import files
from pathlib import Path

import pytest

from handbook.search.index import shard_of
from handbook.search.text import compounds, fold, term, terms, words

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("read-your-writes", "read your writes"),
        ("normalisation", "normalization"),
        ("denormalisation", "denormalized"),
        ("behaviour", "behavior"),
        ("optimise", "optimizing"),
        ("analyse", "analyze"),
        ("centre", "center"),
        ("modelling", "modeling"),
        ("licence", "license"),
        ("caches", "caching"),
        ("sharded", "sharding"),
        ("committed", "commit"),
        ("indexes", "indices"),
        ("Café", "cafe"),
    ],
)
def test_spellings_and_forms_meet(one, other):
    assert terms(one) == terms(other)


@pytest.mark.parametrize("word", ["p99", "40001", "2pc", "zadd", "string", "redis", "status", "analysis"])
def test_codes_and_short_or_latin_words_stay_whole(word):
    assert terms(word) == [word]


def test_hyphenated_words_are_also_one_word():
    assert compounds("A fan-out on write-back") == [term("fanout"), term("writeback")]


def _vocabulary() -> list[str]:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").rglob("*.md")))
    extra = "normalisation behaviour colours centre modelling licences catalogue analysed optimising grey indices"
    return sorted(set(words(text + " " + extra)) | {"Ünïcödé", "ÉTÉ"})


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js (installed by make test)")
def test_the_worker_gives_every_word_of_the_handbook_the_same_term(tmp_path):
    vocabulary = _vocabulary()
    assert len(vocabulary) > 2000
    worker = files("handbook.search").joinpath("worker.js").read_text(encoding="utf-8")
    script = tmp_path / "terms.js"
    # The worker's functions, run outside a worker: it only needs `self.location` and `addEventListener`.
    script.write_text(
        "const self = { location: { href: 'http://x/assets/javascripts/workers/w.js' } };\n"
        "const addEventListener = () => {};\n"
        + worker
        + "\nconst input = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        "process.stdout.write(JSON.stringify({"
        " terms: input.words.map(w => words(w).map(term)),"
        " shards: input.words.map(w => shardOf(w, 97)) }));\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        ["node", str(script)], input=json.dumps({"words": vocabulary}), capture_output=True, text=True, check=True
    )
    out = json.loads(result.stdout)
    differ = [(word, js, terms(word)) for word, js in zip(vocabulary, out["terms"], strict=True) if js != terms(word)]
    assert not differ, f"{len(differ)} words differ (word, worker, Python): {differ[:10]}"
    shards = [shard_of(word, 97) for word in vocabulary]
    assert out["shards"] == shards, "the worker looks for a term in another shard than the index put it in"
    assert fold("ÉTÉ") == "ete"
