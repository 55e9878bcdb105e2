/* The handbook's search worker, in place of Material's lunr worker (Material's documented extension point:
 * `__config.search` names the worker; src/handbook/search/publish.py points it here).
 *
 * Material's UI is unchanged: it posts {type: 0 SETUP}, we answer {type: 1 READY}; it posts {type: 2 QUERY,
 * data: text}, we answer {type: 3 RESULT, data: {items: [[item, ...], ...]}}, one list per page, each item
 * {location, title, text, score, terms} with title and text as HTML (escaped, matches in <mark>).
 *
 * The index (src/handbook/search/index.py) comes in pieces fetched on demand from search/index/: the manifest,
 * one shard per query term, and the documents of the pages shown. Nothing else is fetched, from nowhere else.
 *
 * The text rules below mirror src/handbook/search/text.py; tests/unit/test_search_text.py checks that both
 * give the same term for every word of the handbook.
 */
"use strict";

/* ---- text.py, word for word ------------------------------------------------------------------------- */

const SPLIT = /[^a-z0-9]+/;
const RE_ISE = /(?<=[^aeiou])is(e|es|ed|ing|ation|ations|er|ers|able)$/;
const RE_YSE = /ys(e|es|ed|ing|er|ers)$/;
const RE_OUR = /(?<=[ilvbmn])our(s|ed|ing|al|able|ite|ites)?$/;
const RE_CENTRE = /(?<=[^aeiou])t(re)(s|d)?$/;
const DOUBLE_L =
  /^(cancel|model|label|travel|signal|level|fuel|channel|tunnel|marshal|funnel|total|counsel)l(ed|ing|er|ers)$/;
const WORDS = {
  licence: "license", licences: "licenses", defence: "defense", offence: "offense", catalogue: "catalog",
  catalogues: "catalogs", dialogue: "dialog", analogue: "analog", grey: "gray", indices: "index",
  vertices: "vertex", matrices: "matrix", analyses: "analysis", data: "data",
};

function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/\p{Mn}/gu, "");
}

function spell(word) {
  if (Object.prototype.hasOwnProperty.call(WORDS, word)) return WORDS[word];
  if (word.length >= 6) {
    word = word.replace(RE_ISE, "iz$1").replace(RE_YSE, "yz$1").replace(RE_OUR, "or$1");
  }
  if (word.length >= 5) word = word.replace(RE_CENTRE, "ter$2");
  return word.replace(DOUBLE_L, "$1$2");
}

function undouble(word) {
  const last = word[word.length - 1];
  return word.length >= 4 && last === word[word.length - 2] && !"aeioulsz".includes(last)
    ? word.slice(0, -1) : word;
}

function stem(word) {
  if (word.length <= 3 || /[0-9]/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) word = word.slice(0, -3) + "y";
  else if (word.endsWith("sses")) word = word.slice(0, -2);
  else if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
  if (word.endsWith("ing") && word.length >= 7) word = undouble(word.slice(0, -3));
  else if (word.endsWith("ed") && word.length >= 6) word = undouble(word.slice(0, -2));
  if (word.endsWith("ization") && word.length >= 10) word = word.slice(0, -5) + "e";
  if (word.endsWith("e") && word.length > 4) word = word.slice(0, -1);
  return word;
}

function term(word) {
  return stem(spell(word));
}

function words(text) {
  return fold(text).split(SPLIT).filter(Boolean);
}

/* ---- the index, fetched in pieces ------------------------------------------------------------------- */

const INDEX = new URL("../../../search/index/", self.location.href);
let manifest = null;
const shards = new Map();  // shard number -> Promise of {term: [doc, score, ...]}
const vocabularies = new Map();  // two first letters -> Promise of {word: document count}
const vocabularyLoaded = new Map();  // the same, once loaded
const pages = new Map();   // page number -> Promise of [[location, title, teaser], ...]

async function getJSON(path) {
  const url = new URL(path, INDEX);
  if (manifest) url.searchParams.set("v", manifest.version);
  const response = await fetch(url, manifest ? {} : { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function cached(map, key, load) {
  if (!map.has(key)) map.set(key, load().catch(error => { map.delete(key); throw error; }));
  return map.get(key);
}

async function loadManifest() {
  if (!manifest) {
    manifest = await getJSON("manifest.json");
    manifest.byFirst = new Map();
    for (const [concept, phrase] of manifest.phrases) {
      if (!manifest.byFirst.has(phrase[0])) manifest.byFirst.set(phrase[0], []);
      manifest.byFirst.get(phrase[0]).push([phrase, concept]);
    }
    for (const list of manifest.byFirst.values()) list.sort((a, b) => b[0].length - a[0].length);
  }
  return manifest;
}

function shardOf(text, count) {
  let value = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) value = Math.imul(value ^ byte, 0x01000193) >>> 0;
  return value % count;
}

function undelta(shard) {  // doc numbers are stored as gaps
  for (const list of Object.values(shard)) for (let i = 2; i < list.length; i += 2) list[i] += list[i - 2];
  return shard;
}

/* The postings of one term; none when its piece cannot be fetched (offline, and never fetched before), so the
 * pieces already loaded still answer. */
async function postings(text) {
  const number = shardOf(text, manifest.shards);
  try {
    const shard = await cached(shards, number, () => getJSON(`t/${number}.json`).then(undelta));
    return shard[text] || [];
  } catch (error) {
    console.warn(`search: ${error.message}`);
    return [];
  }
}

/* The words of the index that start with these two letters; none if there is no such piece. */
function vocabulary(prefix) {
  return cached(vocabularies, prefix, () => getJSON(`v/${prefix}.json`).catch(() => ({})).then(entries => {
    vocabularyLoaded.set(prefix, entries);
    return entries;
  }));
}

/* What a partly typed word may be: the commonest index words that start with it, or that it starts with
 * (its stem: "cachi" starts with the term of "caching"). */
function completionsOf(partial, entries) {
  // A British spelling cut short ("normalis", "colou") is completed as the index spells it.
  const forms = [...new Set([partial, partial.replace(/is(a|at|ati|atio|e|i|in)?$/, "iz$1"), partial.replace(/ou$/, "o")])];
  return Object.entries(entries)
    .filter(([word]) => forms.some(form =>
      word.startsWith(form) || (form.startsWith(word) && form.length - word.length <= 3)))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, COMPLETIONS)
    .map(([word]) => word);
}

function pageOf(doc) {
  const starts = manifest.pages;
  let low = 0, high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= doc) low = middle; else high = middle - 1;
  }
  return low;
}

/* ---- a query ------------------------------------------------------------------------------------------ */

const MAX_PAGES = 10;     // pages listed (Material renders 10 at once)
const MAX_SECTIONS = 6;   // sections listed under a page
const COMPLETIONS = 3;    // index words a partly typed last word may be
const COMPLETION_WEIGHT = 0.5;  // a completed word counts less than a word found as typed
const PAIR_WEIGHT = 3;  // adjacent query words found adjacent: the phrase counts more than its words
const INHERIT = 0.25;      // how much of its page entry's score a section adds to its own
const SUPPORT = 0.25;     // how much a page's next best sections add to its best one

/* The query's slots: each word, except that a synonym phrase ("two phase commit", "2pc") is one slot that a
 * document fills with any phrase of its group. */
// Words too common to require: a query's other words decide, and they still count inside word pairs.
const STOPWORDS = new Set(["a", "an", "and", "are", "as", "at", "be", "by", "do", "for", "how", "i", "in", "is",
  "it", "of", "on", "or", "the", "to", "vs", "what", "when", "why", "with"]);

function analyse(query) {
  const sequence = words(query).map(term);
  const slots = [];
  const skipStopwords = sequence.some(word => !STOPWORDS.has(word));
  for (let i = 0; i < sequence.length;) {
    const match = (manifest.byFirst.get(sequence[i]) || [])
      .find(([phrase]) => phrase.every((word, k) => sequence[i + k] === word));
    if (match) {
      slots.push({ concept: match[1], words: match[0] });
      i += match[0].length;
    } else {
      slots.push({ words: [sequence[i]], stopword: skipStopwords && STOPWORDS.has(sequence[i]) });
      i += 1;
    }
  }
  // Adjacent words, except inside a synonym phrase (its concept already says they are adjacent).
  const pairs = [];
  let position = 0;
  const slotAt = [];
  slots.forEach((slot, number) => slot.words.forEach(() => { slotAt[position++] = number; }));
  for (let i = 0; i + 1 < sequence.length; i++) {
    if (slotAt[i] !== slotAt[i + 1] || !slots[slotAt[i]].concept) pairs.push(`${sequence[i]} ${sequence[i + 1]}`);
  }
  // The last word while it is being typed (no space or punctuation after it) may be the start of a word.
  const last = slots[slots.length - 1];
  const raw = words(query).pop();
  if (last && !last.concept && !last.stopword && raw && raw.length >= 2 && /[\p{L}\p{N}]$/u.test(query)) {
    last.partial = raw;
  }
  return { sequence, slots: slots.filter(slot => !slot.stopword), pairs };
}

async function rank(query) {
  const { slots, pairs } = analyse(query);
  if (!slots.length) return { ranked: [], slots };
  const docs = new Map();  // doc -> {sum, hits: Set of slot numbers}
  const add = (doc, score, slot) => {
    if (!docs.has(doc)) docs.set(doc, { sum: 0, hits: new Set() });
    const entry = docs.get(doc);
    entry.sum += score;
    if (slot !== undefined) entry.hits.add(slot);
  };
  for (const slot of slots) {
    if (slot.partial) {
      slot.completions = completionsOf(slot.partial, await vocabulary(slot.partial.slice(0, 2)))
        .filter(word => word !== slot.words[0]);
    }
  }
  const lists = await Promise.all([
    ...slots.map(slot => postings(slot.concept || slot.words[0])),
    Promise.all(pairs.map(postings)),
    ...slots.map(slot => Promise.all((slot.completions || []).map(postings))),
  ]);
  slots.forEach((slot, number) => {
    const best = new Map();  // doc -> its score for this slot: as typed, else the best completion's, less
    const list = lists[number];
    for (let i = 0; i < list.length; i += 2) best.set(list[i], list[i + 1] * slot.words.length);
    for (const completion of lists[slots.length + 1 + number]) {
      for (let i = 0; i < completion.length; i += 2) {
        const score = completion[i + 1] * COMPLETION_WEIGHT;
        if (score > (best.get(completion[i]) || 0)) best.set(completion[i], score);
      }
    }
    for (const [doc, score] of best) add(doc, score, number);
  });
  for (const list of lists[slots.length]) {
    for (let i = 0; i < list.length; i += 2) add(list[i], list[i + 1] * PAIR_WEIGHT);
  }

  // A section is read under its page's title: the page entry's matches count for each of its sections.
  const pageEntry = page => docs.get(manifest.pages[page]);
  const groups = new Map();  // page -> {docs: [[doc, score]], hits: Set}
  for (const [doc, entry] of docs) {
    let { sum, hits } = entry;
    const page = pageOf(doc);
    const head = pageEntry(page);
    if (head && head !== entry) {
      sum += INHERIT * head.sum;
      hits = new Set([...hits, ...head.hits]);
    }
    if (!hits.size) continue;
    const coverage = hits.size / slots.length;
    if (!groups.has(page)) groups.set(page, { docs: [], hits: new Set() });
    const group = groups.get(page);
    group.docs.push([doc, sum * coverage * coverage]);
    for (const hit of hits) group.hits.add(hit);
  }
  const ranked = [];
  for (const [page, group] of groups) {
    group.docs.sort((a, b) => b[1] - a[1]);
    const [best, ...rest] = group.docs.map(([, score]) => score);
    const support = rest.slice(0, 3).reduce((total, score) => total + score, 0);
    const coverage = group.hits.size / slots.length;
    const prior = manifest.priors[page] || 1;
    ranked.push({ page, score: (best + SUPPORT * support) * coverage * coverage * prior, docs: group.docs });
  }
  ranked.sort((a, b) => b.score - a.score || a.page - b.page);
  return { ranked: ranked.slice(0, MAX_PAGES), slots };
}

/* ---- results as Material renders them ----------------------------------------------------------------- */

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escape(text) {
  return text.replace(/[&<>"']/g, ch => ESCAPES[ch]);
}

/* The text as HTML, with each word whose term the query looked for in <mark>. */
function highlight(text, wanted) {
  return text.split(/([\p{L}\p{N}]+)/u).map((part, i) => {
    if (i % 2 === 0) return escape(part);
    return words(part).some(word => wanted.has(term(word))) ? `<mark>${escape(part)}</mark>` : escape(part);
  }).join("");
}

/* The results of `query`, or null when `settled()` finds a newer query once the typing pauses. */
async function search(query, settled) {
  await loadManifest();
  const { ranked, slots } = await rank(query);
  // The documents of the pages shown are most of what a search downloads: fetched for a query typed past
  // before they arrive, they are never seen (on a CPU four times slower, 2.5 times the bytes of the last query's).
  if (ranked.some(({ page }) => !pages.has(page)) && !(await settled())) return null;
  const wanted = new Set();
  for (const slot of slots) for (const word of [...slot.words, ...(slot.completions || [])]) wanted.add(word);
  // A partly typed word counts as present where one of its completions is.
  const partial = slots.find(slot => slot.completions);
  const has = (present, word) => present.has(term(word)) ||
    (partial !== undefined && word === partial.partial && partial.completions.some(c => present.has(c)));
  for (const slot of slots) {
    if (!slot.concept) continue;
    for (const [concept, phrase] of manifest.phrases) if (concept === slot.concept) phrase.forEach(w => wanted.add(w));
  }
  // The words as typed: Material puts them in the result links (?h=...) to highlight them on the target page.
  const typed = query.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  // A page whose documents cannot be fetched (offline, never shown before) is left out; the others still show.
  const loaded = await Promise.all(ranked.map(({ page }) =>
    cached(pages, page, () => getJSON(`p/${page}.json`)).catch(error => {
      console.warn(`search: ${error.message}`);
      return null;
    })));
  return ranked.filter((_, number) => loaded[number] !== null).map(({ page, score, docs }) => {
    const entries = loaded[ranked.findIndex(entry => entry.page === page)];
    const start = manifest.pages[page];
    const scale = score / docs[0][1];
    // `terms`: the typed words, true where the item has them. Material links the item with them (?h=...,
    // highlighted on arrival) and lists the others as missing under a section. The page as a whole matched
    // the query, so its own link carries every word.
    const item = (doc, docScore) => {
      const [location, title, text] = entries[doc - start];
      const present = new Set(words(`${title} ${text}`).map(term));
      const terms = {};
      for (const word of typed) terms[word] = doc === start || words(word).every(w => has(present, w));
      if (!Object.values(terms).some(Boolean)) for (const word of typed) terms[word] = true;
      return { location, title: highlight(title, wanted), text: highlight(text, wanted), score: docScore * scale, terms };
    };
    const items = docs.filter(([doc]) => doc !== start).slice(0, MAX_SECTIONS).map(([doc, s]) => item(doc, s));
    const own = docs.find(([doc]) => doc === start);
    const article = item(start, own ? own[1] : 0);
    // Material renders the page first, then the sections scoring as high as the first item, then the rest
    // folded; with the page's own score first when it is the best match.
    return own && own[1] >= (docs[0][1]) ? [article, ...items] : [...items.slice(0, 1), article, ...items.slice(1)];
  });
}

/* A query that needs index pieces or page documents not yet loaded waits DEBOUNCE ms for the next keystroke
 * first, so typing "token bucket" does not fetch the pieces of "t", "to", "tok"... nor the pages they would
 * show; a query answered from what is loaded is answered at once. */
const DEBOUNCE = 150;

/* Ends the wait of the query being answered: a newer one arrived, so the queue need not hold it back. */
let wake = () => {};

/* A function that waits DEBOUNCE ms (or until a newer query arrives) the first time it is called, and says
 * whether `current()` still holds: a query waits once, for its pieces or its pages, whichever it lacks first. */
function settler(current) {
  let waited = false;
  return async () => {
    if (!waited) await new Promise(resolve => { wake = resolve; setTimeout(resolve, DEBOUNCE); });
    waited = true;
    return current();
  };
}

function loaded(query) {
  if (!manifest) return false;
  const { slots, pairs } = analyse(query);
  const needed = [...slots.map(slot => slot.concept || slot.words[0]), ...pairs];
  for (const slot of slots) {
    if (!slot.partial) continue;
    const entries = vocabularyLoaded.get(slot.partial.slice(0, 2));
    if (!entries) return false;
    needed.push(...completionsOf(slot.partial, entries));
  }
  return needed.every(text => shards.has(shardOf(text, manifest.shards)));
}

let latest = null;
let queue = Promise.resolve();

addEventListener("message", ({ data: message }) => {
  if (message.type === 0) {
    postMessage({ type: 1 });
  } else if (message.type === 2) {
    const query = String(message.data || "");
    latest = query;
    wake();
    queue = queue.then(async () => {
      const current = () => query === latest;
      if (!current()) return;  // a newer query is waiting: answer that one only
      const settled = settler(current);
      if (query.trim() && !loaded(query) && !(await settled())) return;
      let items = [];
      try {
        if (query.trim()) items = await search(query, settled);
      } catch (error) {
        console.warn(`search: ${error.message}`);
      }
      if (items !== null && current()) postMessage({ type: 3, data: { items } });
    });
  }
});
