// The reader's progress (quiz answers, checklist ticks, flashcard reviews) in ONE localStorage key, `hb-progress`:
//   {version: 2, quizzes: {questionId: {chosen: [0, 2], correct: true, at: "ISO"}},
//    checklists: {checklistId: {itemId: {checked: true, at: "ISO"}}},
//    flashcards: {cards: {questionId: <FSRS card>}, filters: {section, difficulty, mode, only}},
//    practice: {<feature>: {...}}}   (v3: practice runs, mock loops, problems, the prep plan: each feature owns
//                                     one JSON-able value under its own name, read and written whole)
// An FSRS card (v4) is ts-fsrs's Card with dates as ISO strings: {due, stability, difficulty, elapsed_days,
// scheduled_days, learning_steps, reps, lapses, state: 0 new | 1 learning | 2 review | 3 relearning,
// last_review}, plus `missed` (ISO: answered wrongly in a quiz and not recalled since) and, for a card that was
// migrated from the v3 Leitner boxes, `leitner` (its v3 state, kept as it was).
// A later format bumps VERSION and adds a step to MIGRATIONS, so nobody loses answers on upgrade; the same
// steps upgrade an older export file on import.
// Also holds the few helpers quiz.js, checklist.js, timer.js and flashcards.js share (window.hb).
(function () {
  "use strict";
  if (window.hbProgress) return; // loaded twice (never expected): keep the first copy

  var KEY = "hb-progress";
  var VERSION = 4;
  var SCHEMA = "backend-interview-handbook/progress"; // an export file's "schema"
  var HOUR = 60 * 60 * 1000;
  var DAY_STARTS_AT = 4; // hour: a review after midnight still belongs to the evening's study day (as in Anki)
  // FSRS-6's initial difficulty after "Again" (w[4]) and after "Good" (w[4] - e^(2 w[5]) + 1), from ts-fsrs
  // 5.4.2's default_w; tests/browser/test_study_loop.py checks them against the bundle.
  var D0_AGAIN = 6.4133;
  var D0_GOOD = 2.11810397;
  var LEITNER_DAYS = [0, 1, 3, 7, 16]; // v3's box n came back LEITNER_DAYS[n - 1] days after its review
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
    },
    // v4 schedules flashcards with FSRS: each Leitner card becomes an FSRS card (fromLeitner), keeping its due
    // date, its review and lapse counts, and its v3 state under `leitner`.
    3: function (old) {
      var flash = old.flashcards && typeof old.flashcards === "object" ? old.flashcards : emptyCards();
      var cards = flash.cards && typeof flash.cards === "object" ? flash.cards : {};
      var out = {};
      Object.keys(cards).forEach(function (id) {
        if (cards[id] && typeof cards[id] === "object") out[id] = fromLeitner(cards[id]);
      });
      old.flashcards = { cards: out, filters: flash.filters || {} };
      old.version = 4;
      return old;
    }
  };

  function count(value) { return typeof value === "number" && value >= 0 ? Math.floor(value) : 0; }
  function isoOr(value, fallback) { return typeof value === "string" && !isNaN(Date.parse(value)) ? value : fallback; }

  // A v3 Leitner card as an FSRS card. Box 1 (the last answer was wrong) is learning again, due when it was (at
  // once), at FSRS's stability and difficulty after "Again". Boxes 2-5 are review cards whose stability is the
  // box's interval (at FSRS's 90% target retention a card's interval equals its stability), due when the box
  // said; their difficulty runs from FSRS's after "Good" (never missed) towards "Again" with the share of lapses.
  function fromLeitner(old) {
    var box = Math.min(Math.max(count(old.box), 1), LEITNER_DAYS.length);
    var reviews = Math.max(count(old.reviews), 1);
    var lapses = Math.min(count(old.lapses), reviews);
    var now = new Date().toISOString();
    var last = isoOr(old.last, isoOr(old.due, now));
    var days = LEITNER_DAYS[box - 1];
    return {
      due: isoOr(old.due, now),
      stability: box === 1 ? 0.212 : days, // 0.212: FSRS-6's w[0], the stability after a first "Again"
      difficulty: box === 1 ? D0_AGAIN : D0_GOOD + (D0_AGAIN - D0_GOOD) * lapses / reviews,
      elapsed_days: 0,
      scheduled_days: days,
      learning_steps: 0,
      reps: reviews,
      lapses: lapses,
      state: box > 1 ? 2 : (reviews > lapses ? 3 : 1),
      last_review: last,
      leitner: JSON.parse(JSON.stringify(old))
    };
  }

  // The local calendar date of the study day `time` falls in, as a number (20260302).
  function studyDay(time) {
    var moment = new Date(time - DAY_STARTS_AT * HOUR);
    return moment.getFullYear() * 10000 + (moment.getMonth() + 1) * 100 + moment.getDate();
  }

  // Whether a stored card is due at `now` (ms). A review card is due from the start of the study day of its due
  // date (as in Anki: a card due in three days at 21:00 is in that morning's session); a card still in learning
  // or answered wrongly in a quiz is due at its exact time.
  function isDue(card, now) {
    if (!card) return false;
    var due = Date.parse(card.due);
    if (isNaN(due)) return true;
    return card.state === 2 ? studyDay(due) <= studyDay(now) : due <= now;
  }
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
    // A wrong answer also puts the question's flashcard in the queue, due now and marked `missed` until it is
    // recalled (graded Hard or better); its FSRS memory state is kept. A question never reviewed gets a new card.
    setAnswer: function (questionId, chosen, correct) {
      update(function (data) {
        var now = new Date().toISOString();
        data.quizzes[questionId] = { chosen: chosen.slice(), correct: !!correct, at: now };
        if (correct) return;
        var card = data.flashcards.cards[questionId] || {
          stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0,
          state: 0, last_review: null
        };
        card.due = now;
        card.missed = now;
        data.flashcards.cards[questionId] = card;
      });
    },
    // Forgetting an answer also forgets the miss it put on the question's flashcard (the card's reviews stay).
    clearAnswers: function (questionIds) {
      update(function (data) {
        questionIds.forEach(function (id) {
          delete data.quizzes[id];
          if (data.flashcards.cards[id]) delete data.flashcards.cards[id].missed;
        });
      });
    },
    clearAllAnswers: function () {
      update(function (data) {
        data.quizzes = {};
        Object.keys(data.flashcards.cards).forEach(function (id) { delete data.flashcards.cards[id].missed; });
      });
    },
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
    // Flashcards (flashcards.js schedules with FSRS; the store keeps each card's state, see the top).
    cards: function () { return load().flashcards.cards; },
    setCard: function (questionId, state) {
      update(function (data) { data.flashcards.cards[questionId] = JSON.parse(JSON.stringify(state)); });
    },
    isDue: isDue,
    studyDay: studyDay,
    cardFilters: function () { return load().flashcards.filters; },
    setCardFilters: function (filters) {
      update(function (data) {
        data.flashcards.filters = { section: filters.section || "", difficulty: filters.difficulty || "",
          mode: filters.mode || "", only: filters.only || "" };
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
    },
    // Export and import (study-progress.js offers them and checks an imported file): the whole store in a file
    // that names its schema and version. `exportFile()` returns the file's object; `upgrade(progress, version)`
    // runs the migrations on an older file's progress; `replaceAll(progress)` stores it in place of everything.
    SCHEMA: SCHEMA,
    exportFile: function () {
      return { schema: SCHEMA, version: VERSION, exported: new Date().toISOString(), progress: load() };
    },
    upgrade: function (progress, version) {
      var data = JSON.parse(JSON.stringify(progress));
      data.version = version;
      return migrate(data);
    },
    complete: function (progress) { return complete(progress); },
    replaceAll: function (progress) {
      load();
      if (readOnly) throw new Error("a newer version of the handbook holds your progress " +
        "in another tab: reload this page first");
      save(complete(JSON.parse(JSON.stringify(progress))));
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
    // A countdown's remaining milliseconds (rounded up to the second) as "mm:ss", and in words for a live region.
    clock: function (ms) {
      var seconds = Math.max(0, Math.ceil(ms / 1000));
      var m = Math.floor(seconds / 60), s = seconds % 60;
      return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
    },
    spokenClock: function (ms) {
      var seconds = Math.max(0, Math.ceil(ms / 1000));
      var m = Math.floor(seconds / 60), s = seconds % 60;
      var parts = [];
      if (m) parts.push(m + " minute" + (m === 1 ? "" : "s"));
      if (s || !m) parts.push(s + " second" + (s === 1 ? "" : "s"));
      return parts.join(" ");
    },
    // Load a script of the site once (a library only some pages need); resolves when it has run.
    loadScript: function (url) {
      var loading = window.hb.scripts || (window.hb.scripts = {});
      if (!loading[url]) {
        loading[url] = new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = function () { resolve(); };
          script.onerror = function () { delete loading[url]; reject(new Error("could not load " + url)); };
          document.head.appendChild(script);
        });
      }
      return loading[url];
    },
    reducedMotion: function () {
      return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
    }
  };
})();
