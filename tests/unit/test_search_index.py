"""The search documents, synonyms and index pieces (handbook/search), built from small inputs."""

from __future__ import annotations

import json

import pytest

from handbook.search import documents, index, synonyms
from handbook.search.documents import PAGE, PRACTICE, SECTION, Doc

PAGE_HTML = """<html><body><article class="md-content__inner md-typeset">
<h1 id="caching">Caching<a class="headerlink" href="#caching">&para;</a></h1>
<p>A cache keeps hot data close. <abbr title="Time to live">TTL</abbr> bounds staleness.</p>
<div class="tabbed-labels"><label>Token bucket</label><label>Leaky bucket</label></div>
<h2 id="write-back">Write-back (write-behind)</h2><p>Writes go to the cache first.</p>
<script>var secret = "never searched";</script>
<h3>No id here</h3><p>still part of write-back</p>
<figure class="hb-figure" id="figure-cache-aside"><img src="x.svg" alt="The app reads the cache, then the database">
<figcaption>Cache-aside reads</figcaption></figure>
<details class="hb-answer" data-search-exclude><summary>Answer</summary><details>nested</details>the answer</details>
<section class="hb-quiz" aria-labelledby="quiz-caching"><h3 id="quiz-caching">Quiz: Caching</h3>
<fieldset class="hb-question" id="q-caching-ttl"><legend><span class="hb-question__prompt" id="q-caching-ttl-prompt">
What does a <strong>TTL</strong> bound?</span></legend><p>choices</p></fieldset></section>
<ul><li class="task-list-item hb-check"><label class="hb-check__text" for="check-caching-ttl">Set a TTL on every key</label></li></ul>
</article></body></html>"""


def test_a_page_becomes_its_page_entry_sections_and_practice_material():
    docs = documents.from_page("data/caching/", PAGE_HTML)
    assert [(d.location, d.kind) for d in docs] == [
        ("data/caching/", PAGE),
        ("data/caching/#write-back", SECTION),
        ("data/caching/#figure-cache-aside", PRACTICE),  # practice material in the order of the page
        ("data/caching/#q-caching-ttl", PRACTICE),
        ("data/caching/#check-caching-ttl", PRACTICE),
    ]
    page, section, figure, question, check = docs
    assert page.title == "Caching" and "Token bucket Leaky bucket" in page.text, "tab labels stay words apart"
    assert "still part of write-back" in section.text and "never searched" not in section.text
    assert "the answer" not in section.text and "nested" not in section.text, "data-search-exclude is honoured"
    assert "Quiz: Caching" not in " ".join(d.title for d in docs), "each question is its own result instead"
    assert question.title == "What does a TTL bound?"
    assert check.title == "Set a TTL on every key"
    assert figure.title == "Cache-aside reads" and "reads the cache, then the database" in figure.text


GLOSSARY = "*[TTL]: Time to live: how long a value is kept\n*[RCU]: Read capacity unit (DynamoDB): one read\n"


def test_glossary_and_file_groups_share_concepts(tmp_path):
    (tmp_path / "docs" / "includes").mkdir(parents=True)
    (tmp_path / "docs" / "includes" / "abbreviations.md").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "search-synonyms.yml").write_text("- [2PC, two-phase commit]\n- [TTL, expiry]\n")
    groups = synonyms.load_groups(tmp_path)
    by_concept = {g.concept: g for g in groups}
    assert by_concept["=ttl"].phrases == (("ttl",), ("time", "to", "live"), ("expiry",)), "merged into the glossary's"
    assert by_concept["=rcu"].phrases[1] == ("read", "capacity", "unit"), "the parenthesis is not part of it"
    assert by_concept["=2pc"].phrases[1] == ("two", "phas", "commit") and not by_concept["=2pc"].glossary


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{a: b}", "expected a list of groups"),
        ("- [alone]", "group 1 (['alone']) must be a list of at least two phrases"),
        ("- [Cache, caches]", "has fewer than two different phrases"),
        ("- [2PC, two-phase commit]\n- [oops", "data/search-synonyms.yml:2: not valid YAML"),
    ],
)
def test_a_bad_synonyms_file_names_the_group(text, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        synonyms.extra_groups(text, "data/search-synonyms.yml")


def _postings(built: index.Index, item: str) -> dict[int, int]:
    manifest = json.loads(built.files["manifest.json"])
    shard = json.loads(built.files[f"t/{index.shard_of(item, manifest['shards'])}.json"])
    flat, doc, found = shard.get(item, []), 0, {}
    for position in range(0, len(flat), 2):
        doc += flat[position]
        found[doc] = flat[position + 1]
    return found


def test_the_index_scores_headings_phrases_and_concepts():
    docs = [
        Doc("a/", "Rate limiting", "Callers get 429 when over the limit.", PAGE),
        Doc("a/#algorithms", "The token bucket", "A bucket of tokens refills at a steady rate.", SECTION),
        Doc("b/", "Retries", "A token here and a bucket there, never together.", PAGE),
        Doc("glossary/", "Glossary", "TTL: time to live.", PAGE),
        Doc("c/", "Caching", "Every key gets a TTL; the TTL bounds staleness; expire by time to live.", PAGE),
    ]
    groups = [synonyms.Group("=ttl", (("ttl",), ("time", "to", "live")), True)]
    built = index.build(docs, groups)
    manifest = json.loads(built.files["manifest.json"])
    assert manifest["pages"] == [0, 2, 3, 4, 5] and manifest["priors"] == {"2": 0.5}
    assert json.loads(built.files["p/0.json"])[1] == ["a/#algorithms", "The token bucket", docs[1].text]
    pair = _postings(built, "token bucket")
    assert set(pair) == {1}, "only the section that has the two words side by side"
    bucket = _postings(built, "bucket")
    assert bucket[1] > bucket[2], "a heading that has the word outweighs text that mentions it"
    ttl = _postings(built, "=ttl")
    assert set(ttl) == {3, 4} and ttl[4] > ttl[3], "the concept finds both spellings; the teaching page leads"
    assert _postings(built, "429") == {0: _postings(built, "429")[0]}
    pieces = {path: json.loads(data) for path, data in built.files.items() if path.startswith("v/")}
    assert pieces["v/" + "bucket"[:2] + ".json"] == {"bucket": 2}, "the words a partly typed word may be"
