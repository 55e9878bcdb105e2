// The reader's progress (quiz answers, checklist ticks, flashcard reviews) in ONE localStorage key, `hb-progress`:
//   {version: 2, quizzes: {questionId: {chosen: [0, 2], correct: true, at: "ISO"}},
//    checklists: {checklistId: {itemId: {checked: true, at: "ISO"}}},
//    flashcards: {cards: {questionId: {box: 1-5, due: "ISO", last: "ISO", reviews: 3, lapses: 1}},
//                 filters: {section: "", difficulty: ""}},
//    practice: {<feature>: {...}}}   (v3: practice runs, mock loops, problems, the prep plan: each feature owns
//                                     one JSON-able value under its own name, read and written whole)
// A later format bumps VERSION and adds a step to MIGRATIONS, so nobody loses answers on upgrade.
// Also holds the few helpers quiz.js, checklist.js, timer.js and flashcards.js share (window.hb).
(function () {
  "use strict";
  if (window.hbProgress) return; // loaded twice (never expected): keep the first copy

  var KEY = "hb-progress";
  var VERSION = 3;
  // MIGRATIONS[n] turns a version-n object into version n+1.
  var MIGRATIONS = {
    // Before the versioned format there was nothing stored; an object without `version` is treated as v0.
    0: function (old) {
      return { version: 1, quizzes: old.quizzes || {}, checklists: old.checklists || {} };
    },
    // v2 adds the flashcards' Leitner boxes and filters; answers and ticks are kept as they are.
    1: function (old) {
      return { version: 2, quizzes: old.quizzes || {}, checklists: old.checklists || {}, flashcards: emptyCards() };
    },
    // v3 adds `practice`, one value per practice feature; everything else is kept as it is.
    2: function (old) {
      old.version = 3;
      old.practice = {};
      return old;
    }
  };
  // The latest data when localStorage is unavailable (private mode, disabled storage) or refused the last write
  // (full): read before localStorage, whose copy is then out of date. Cleared by the next write that succeeds.
  var memory = null;
  var readOnly = false; // set when the stored data comes from a newer version of the site
  var kept = true; // whether the last write reached localStorage (false: kept only until the page closes)

  function emptyCards() { return { cards: {}, filters: {} }; }
  function empty() { return { version: VERSION, quizzes: {}, checklists: {}, flashcards: emptyCards(), practice: {} }; }

  // Every part present and of the right shape, whatever an older version or a hand edit left.
  function complete(data) {
    data.quizzes = data.quizzes || {};
    data.checklists = data.checklists || {};
    var cards = data.flashcards && typeof data.flashcards === "object" ? data.flashcards : {};
    data.flashcards = {
      cards: cards.cards && typeof cards.cards === "object" ? cards.cards : {},
      filters: cards.filters && typeof cards.filters === "object" ? cards.filters : {}
    };
    data.practice = data.practice && typeof data.practice === "object" ? data.practice : {};
    return data;
  }

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function migrate(data) {
    var version = typeof data.version === "number" ? data.version : 0;
    while (version < VERSION) {
      if (!MIGRATIONS[version]) return empty();
      data = MIGRATIONS[version](data);
      version = data.version;
    }
    return data;
  }

  function load() {
    var store = storage();
    var raw = null;
    if (memory !== null) raw = memory;
    else if (store) { try { raw = store.getItem(KEY); } catch (e) { raw = null; } }
    if (!raw) return empty();
    var data;
    try { data = JSON.parse(raw); } catch (e) { data = null; }
    if (!data || typeof data !== "object") {
      // Unreadable: keep a copy for a human to rescue, then start again.
      try { store && store.setItem(KEY + ".unreadable", raw); } catch (e) { /* full or blocked */ }
      return empty();
    }
    if (typeof data.version === "number" && data.version > VERSION) {
      // Written by a newer version of the handbook (another tab after a deploy): never overwrite it.
      readOnly = true;
      return complete({ version: VERSION, quizzes: data.quizzes, checklists: data.checklists,
        flashcards: data.flashcards, practice: data.practice });
    }
    return complete(migrate(data));
  }

  function save(data) {
    if (readOnly) { kept = false; return; }
    data.version = VERSION;
    var raw = JSON.stringify(data);
    var store = storage();
    try {
      if (!store) throw new Error("no localStorage");
      store.setItem(KEY, raw);
      memory = null;
      kept = true;
    } catch (e) {
      memory = raw;
      kept = false;
    }
    try { window.dispatchEvent(new CustomEvent("hb-progress-change")); } catch (e) { /* very old browser */ }
  }

  function update(change) {
    var data = load();
    change(data);
    save(data);
  }

  window.hbProgress = {
    KEY: KEY,
    VERSION: VERSION,
    migrations: MIGRATIONS,
    load: load,
    answer: function (questionId) { return load().quizzes[questionId] || null; },
    setAnswer: function (questionId, chosen, correct) {
      update(function (data) {
        data.quizzes[questionId] = { chosen: chosen.slice(), correct: !!correct, at: new Date().toISOString() };
      });
    },
    clearAnswers: function (questionIds) {
      update(function (data) { questionIds.forEach(function (id) { delete data.quizzes[id]; }); });
    },
    clearAllAnswers: function () { update(function (data) { data.quizzes = {}; }); },
    ticks: function (checklistId) { return load().checklists[checklistId] || {}; },
    setTick: function (checklistId, itemId, checked) {
      update(function (data) {
        var list = data.checklists[checklistId] || (data.checklists[checklistId] = {});
        if (checked) list[itemId] = { checked: true, at: new Date().toISOString() };
        else delete list[itemId];
        if (!Object.keys(list).length) delete data.checklists[checklistId];
      });
    },
    clearChecklist: function (checklistId) { update(function (data) { delete data.checklists[checklistId]; }); },
    // Flashcards (flashcards.js owns the Leitner schedule; the store only keeps each card's state).
    cards: function () { return load().flashcards.cards; },
    setCard: function (questionId, state) {
      update(function (data) {
        data.flashcards.cards[questionId] = {
          box: state.box, due: state.due, last: state.last, reviews: state.reviews, lapses: state.lapses
        };
      });
    },
    cardFilters: function () { return load().flashcards.filters; },
    setCardFilters: function (filters) {
      update(function (data) {
        data.flashcards.filters = { section: filters.section || "", difficulty: filters.difficulty || "" };
      });
    },
    clearCards: function () { update(function (data) { data.flashcards.cards = {}; }); },
    // Practice features (practice runs, mock loops, problems, the prep plan) each keep one value under a name
    // of their own; `practice(name)` returns it (or null) and `setPractice(name, value)` replaces it whole.
    practice: function (name) {
      var value = load().practice[name];
      return value === undefined ? null : JSON.parse(JSON.stringify(value));
    },
    setPractice: function (name, value) {
      update(function (data) {
        if (value === null || value === undefined) delete data.practice[name];
        else data.practice[name] = JSON.parse(JSON.stringify(value));
      });
    },
    readOnly: function () { load(); return readOnly; },
    // False when the last change could not be stored (storage full or blocked, or read-only): it lasts only
    // until the page is closed.
    kept: function () { return kept; },
    resetAll: function () {
      update(function (data) {
        data.quizzes = {}; data.checklists = {}; data.flashcards = emptyCards(); data.practice = {};
      });
    }
  };

  // Shared by the other scripts: run `init(root)` on the first page and after every instant navigation.
  window.hb = window.hb || {
    onPage: function (init) {
      if (window.document$ && typeof window.document$.subscribe === "function") {
        window.document$.subscribe(function () { init(document); });
      } else if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { init(document); });
      } else {
        init(document);
      }
    },
    // Set the text of a live region; `quiet` updates it without an announcement (restoring saved state).
    say: function (region, text, quiet) {
      if (!region) return;
      if (quiet) {
        var mode = region.getAttribute("aria-live") || "polite";
        region.setAttribute("aria-live", "off");
        region.textContent = text;
        setTimeout(function () { region.setAttribute("aria-live", mode); }, 0);
      } else {
        region.textContent = text;
      }
    },
    reducedMotion: function () {
      return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
    }
  };
})();
