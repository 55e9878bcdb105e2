"""The search index, in pieces a browser loads only when a query needs them.

- `manifest.json`: the number of term shards, where each page's documents start, and the synonym phrases.
- `t/<n>.json`: term -> [doc gap, score, doc gap, score, ...] for the terms whose hash falls in shard n. A query
  loads one shard per distinct term, so the bytes of a first search do not grow with the handbook: the shard
  count does (`SHARD_BYTES` of postings each).
- `p/<n>.json`: the documents of page n ([location, title, teaser] each), loaded for the pages shown.
- `v/<ab>.json`: the words starting with "ab" and their document counts, to complete a partly typed word.

Scores are computed here (BM25 of the text plus a share for a heading that has the term), so the worker only
adds numbers.
Terms are words (text.py), adjacent word pairs ("token bucket"), and synonym concepts (synonyms.py).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from handbook.search.documents import PAGE, PRACTICE, SECTION, Doc
from handbook.search.synonyms import Group
from handbook.search.text import compounds, terms

# What a heading that has the term adds, in units of the most the text can add (K1 + 1 = 2.2).
TITLE_WEIGHT = {PAGE: 3.0, SECTION: 2.0, PRACTICE: 1.0}
TEMPLATE_WEIGHT = 0.3
# Sections that list sources: they name every topic of their page and teach none.
SOURCE_SECTIONS = {"further reading": 0.3, "references": 0.3}
# A heading found on this many pages is part of a page template, not a topic: it weighs TEMPLATE_WEIGHT.
TEMPLATE_HEADING = 3
K1, B = 1.2, 0.5
SCALE = 20  # scores are stored as integers: BM25 x SCALE
SHARD_BYTES = 16_000  # raw JSON of postings per term shard (about 8 KB gzip)
TEASER = 160  # characters of a result's text shown under its title
NOT_DEFINING = ("glossary/", "references/")  # pages that list every term but teach none
DEFINING_LEAD = 1.2  # a glossary term's defining page scores this much above any other document
# Pages that mention many topics without teaching them: their score is multiplied by this, so a query finds the
# teaching page first, and finds them still when only they have the words (a checklist item, a book title).
# Practice pages rehearse topics taught elsewhere (a transcript of the URL shortener round, a loop's scripts, a
# plan's week, a matrix of stores): they come after the page that teaches the topic.
PRIORS = {
    "references/": 0.4,
    "glossary/": 0.5,
    "contributing/": 0.4,
    "checklists/": 0.6,
    "quizzes/": 0.4,
    "study/figures/": 0.5,
    "practice/transcripts/": 0.5,
    "practice/loops/": 0.6,
    "start/plan-": 0.6,
    "foundations/which-": 0.7,
    # A case study applies many mechanisms; the topic page that teaches one comes first for its name.
    "system-design/case-studies/": 0.8,
}


@dataclass
class Index:
    files: dict[str, bytes]  # path under the index folder -> bytes
    documents: int
    terms: int
    version: str


def shard_of(term: str, shards: int) -> int:
    """FNV-1a (32 bit) of the term's UTF-8 bytes, modulo the shard count; worker.js computes the same."""
    value = 0x811C9DC5
    for byte in term.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value % shards


class _Concepts:
    """Finds the synonym phrases in a sequence of terms."""

    def __init__(self, groups: list[Group]) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for group in groups:
            for phrase in group.phrases:
                self.by_first[phrase[0]].append((phrase, group.concept))

    def find(self, sequence: list[str]) -> list[str]:
        found = []
        for i, word in enumerate(sequence):
            for phrase, concept in self.by_first.get(word, ()):
                if tuple(sequence[i : i + len(phrase)]) == phrase:
                    found.append(concept)
        return found


def _field_terms(text: str, concepts: _Concepts) -> tuple[list[str], list[str]]:
    """The words of a field, and everything else it is indexed under: adjacent pairs, compounds, concepts."""
    sequence = terms(text)
    pairs = [f"{a} {b}" for a, b in zip(sequence, sequence[1:], strict=False)]
    return sequence, sequence + pairs + compounds(text) + concepts.find(sequence)


def teaser(text: str) -> str:
    if len(text) <= TEASER:
        return text
    cut = text.rfind(" ", 0, TEASER)
    return text[: cut if cut > TEASER // 2 else TEASER].rstrip(" ,;:") + " …"


def build(docs: list[Doc], groups: list[Group]) -> Index:
    postings = _scores(docs, groups)
    pages = [number for number, doc in enumerate(docs) if doc.kind == PAGE]
    _boost_defining_pages(docs, pages, postings, [g for g in groups if g.glossary])
    files = {**_term_shards(postings), **_page_documents(docs, pages), **_vocabulary(postings)}
    phrases = [[group.concept, list(phrase)] for group in groups for phrase in group.phrases]
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path])
    version = digest.hexdigest()[:12]
    priors = {}
    for number, start in enumerate(pages):
        prior = next((w for prefix, w in PRIORS.items() if docs[start].location.startswith(prefix)), 1.0)
        if prior != 1.0:
            priors[number] = prior
    shards = sum(1 for path in files if path.startswith("t/"))
    manifest = {"version": version, "shards": shards, "pages": [*pages, len(docs)], "priors": priors}
    files["manifest.json"] = _json({**manifest, "phrases": phrases})
    return Index(files, len(docs), len(postings), version)


@dataclass
class _Fields:
    """What one document is indexed under."""

    counts: Counter  # term -> how often the text has it
    title: set[str]  # the terms of its heading
    length: int  # words in the text
    title_weight: float  # what its heading adds to a term it has (TITLE_WEIGHT)
    factor: float  # its document weight, times SOURCE_SECTIONS for a list of sources


def _fields(docs: list[Doc], groups: list[Group]) -> list[_Fields]:
    concepts = _Concepts(groups)
    headings = Counter(doc.title.lower() for doc in docs if doc.kind == SECTION)
    found = []
    for doc in docs:
        weight = TITLE_WEIGHT[doc.kind]
        if doc.kind == SECTION and headings[doc.title.lower()] >= TEMPLATE_HEADING:
            weight = TEMPLATE_WEIGHT  # "Trade-offs", "In the interview", "Back-of-the-envelope": where, not what
        _, title_terms = _field_terms(doc.title, concepts)
        text, text_terms = _field_terms(doc.text, concepts)
        factor = doc.weight * SOURCE_SECTIONS.get(doc.title.lower(), 1.0)
        found.append(_Fields(Counter(text_terms), set(title_terms), len(text), weight, factor))
    return found


def _scores(docs: list[Doc], groups: list[Group]) -> dict[str, dict[int, float]]:
    """term -> {document number: score}: BM25 of the text, plus a fixed share for a heading that has the term
    (a heading says what its section is about however often the text repeats a word)."""
    fields = _fields(docs, groups)
    total = len(docs)
    average = sum(field.length for field in fields) / max(total, 1)
    frequency: Counter = Counter()
    for field in fields:
        frequency.update(field.counts.keys() | field.title)
    idf = {item: math.log(1 + (total - found + 0.5) / (found + 0.5)) for item, found in frequency.items()}
    postings: dict[str, dict[int, float]] = defaultdict(dict)
    for number, field in enumerate(fields):
        norm = K1 * (1 - B + B * field.length / max(average, 1))
        for item in field.counts.keys() | field.title:
            tf = field.counts.get(item, 0)
            text_part = tf * (K1 + 1) / (tf + norm)
            title_part = field.title_weight if item in field.title else 0.0
            postings[item][number] = field.factor * idf[item] * (text_part + title_part)
    return postings


def _term_shards(postings: dict[str, dict[int, float]]) -> dict[str, bytes]:
    """`t/<n>.json` files: each term's postings as [doc gap, score, ...] (gaps make smaller shards)."""
    shards = max(1, math.ceil(sum(len(t) + 8 * len(p) for t, p in postings.items()) / SHARD_BYTES))
    sharded: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for item in sorted(postings):
        flat, previous = [], 0
        for number, score in sorted(postings[item].items()):
            flat += [number - previous, max(1, round(score * SCALE))]
            previous = number
        sharded[shard_of(item, shards)][item] = flat
    return {f"t/{number}.json": _json(shard) for number, shard in enumerate(sharded)}


def _page_documents(docs: list[Doc], pages: list[int]) -> dict[str, bytes]:
    """`p/<n>.json` files: the documents of page n, [location, title, teaser] each."""
    starts = [*pages, len(docs)]
    return {
        f"p/{number}.json": _json([[d.location, d.title, teaser(d.text)] for d in docs[start:end]])
        for number, (start, end) in enumerate(zip(starts, starts[1:], strict=False))
    }


def _vocabulary(postings: dict[str, dict[int, float]]) -> dict[str, bytes]:
    """`v/<ab>.json` files: the words of the index by their first two letters, with how many documents have
    each: the worker completes a partly typed last word from them ("tok" -> "token")."""
    vocabulary: dict[str, dict[str, int]] = defaultdict(dict)
    for item, found in postings.items():
        if len(item) >= 3 and " " not in item and not item.startswith("="):
            vocabulary[item[:2]][item] = len(found)
    return {f"v/{prefix}.json": _json(dict(sorted(vocabulary[prefix].items()))) for prefix in sorted(vocabulary)}


def _boost_defining_pages(docs, pages, postings, groups) -> None:
    """A glossary term leads to the page that teaches it: the page whose documents score highest for the
    concept gets, on its page entry, a little more than the best score any document has for it."""
    page_of = {}
    for start, end in zip(pages, pages[1:] + [len(docs)], strict=False):
        for number in range(start, end):
            page_of[number] = start
    for group in groups:
        scores = postings.get(group.concept)
        if not scores:
            continue
        per_page: Counter = Counter()
        for number, score in scores.items():
            if not docs[number].location.startswith(NOT_DEFINING):
                per_page[page_of[number]] += score
        if per_page:
            page, _ = per_page.most_common(1)[0]
            scores[page] = max(scores.get(page, 0.0), DEFINING_LEAD * max(scores.values()))


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
