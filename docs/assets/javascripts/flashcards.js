// Flashcards (docs/study/flashcards.md): every quiz question, one at a time, scheduled with FSRS (ts-fsrs).
// The deck is assets/flashcards.json (handbook.exports.flashcards) and the scheduler ts-fsrs's browser bundle
// (assets/vendor/ts-fsrs/, copied from node_modules by the build); both are loaded on the flashcards page only
// and kept in memory, so instant navigation away and back (or going offline) needs no second request. Each
// card's FSRS state lives in hb-progress (progress-store.js) beside the quiz answers.
//
// Two modes: recall (the front shows the prompt only; "Show answer" reveals the right answer and the
// explanation) and recognition (the front shows the choices too). Either way the reader grades the card Again,
// Hard, Good or Easy, and FSRS sets when it is due again; each grade button shows that interval, as Anki does.
// A session shows the due cards (earliest due first), then the new ones in the deck's reading order; cards that
// fall due while the page is open join before the new ones; when nothing else is left, a card still in learning
// that is due within LEARN_AHEAD comes early (Anki's "learn ahead limit"). A question answered wrongly in a quiz
// is due at once (progress-store.js) and marked `missed`; the "Only my quiz misses" choice (or the quizzes
// page's "Retry" links, ?only=misses&section=...) makes a session of those.
//
// Delegated listeners are added once; the page's set-up runs from document$ and marks the root data-hb-ready.
(function () {
  "use strict";
  if (window.__hbFlashcardsLoaded) return;
  window.__hbFlashcardsLoaded = true;
  var store = window.hbProgress;
  var hb = window.hb;

  var MINUTE = 60 * 1000;
  var HOUR = 60 * MINUTE;
  var DAY = 24 * HOUR;
  var DAY_STARTS_AT = 4; // hour, as progress-store.js's isDue: a review card is due from the start of its day
  var LEARN_AHEAD = 20 * MINUTE;
  var DECK_FORMAT = 1; // handbook.exports.flashcards FORMAT_VERSION
  var REFRESH_MS = 15 * 1000; // cards fall due while the page is open (learning steps are minutes): recount
  var GRADE_MARGIN = 16; // px left below the grade buttons when they are scrolled into view
  var LEVELS = ["junior", "mid", "senior"];
  var MODES = ["recall", "recognition"];
  var GRADES = ["Again", "Hard", "Good", "Easy"]; // ts-fsrs Rating 1-4
  var STATES = ["New card", "Learning", "Review", "Relearning"]; // ts-fsrs State 0-3

  // The deck, the scheduler and the site root are found from this script's own address (all live under
  // assets/), so they resolve the same from any page and after instant navigation.
  var scriptUrl = document.currentScript ? document.currentScript.src : "";
  var DECK_URL = scriptUrl ? new URL("../flashcards.json", scriptUrl).href : "";
  var FSRS_URL = scriptUrl ? new URL("../vendor/ts-fsrs/index.umd.js", scriptUrl).href : "";
  var SITE_ROOT = scriptUrl ? new URL("../../", scriptUrl).href : "";

  var deck = null; // Promise of {cards, byId, sections}
  var cards = null; // what it resolved to
  var scheduler = null; // Promise of the ts-fsrs scheduler
  var fsrs = null; // what it resolved to
  var ui = null; // the .hb-flashcards element of the page on screen, once the deck is loaded
  var session = { queue: [], revealed: false };
  var ticker = null;

  function $(selector) { return ui.querySelector(selector); }

  function loadDeck() {
    if (!deck) {
      deck = fetch(DECK_URL, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("the server answered " + response.status);
        return response.json();
      }).then(function (data) {
        if (!data || data.version !== DECK_FORMAT || !Array.isArray(data.cards)) {
          throw new Error("the deck has an unknown format");
        }
        var byId = {}, sections = [];
        data.cards.forEach(function (card, index) {
          card.index = index;
          byId[card.id] = card;
          if (sections.indexOf(card.section) === -1) sections.push(card.section);
        });
        return { cards: data.cards, byId: byId, sections: sections };
      });
      deck.catch(function () { deck = null; }); // try again on the next visit
    }
    return deck;
  }

  // FSRS-6 with ts-fsrs's defaults (90% target retention, learning steps 1 and 10 minutes, relearning 10
  // minutes), without fuzz: the same review always gives the same date, which a reader can check against
  // Anki or the Python `fsrs` package (tests/unit/test_fsrs_parity.py).
  function loadScheduler() {
    if (!scheduler) {
      scheduler = hb.loadScript(FSRS_URL).then(function () {
        if (!window.FSRS || typeof window.FSRS.fsrs !== "function") throw new Error("the scheduler did not load");
        return window.FSRS.fsrs(window.FSRS.generatorParameters({ enable_fuzz: false }));
      });
      scheduler.catch(function () { scheduler = null; });
    }
    return scheduler;
  }

  // --- Schedule ------------------------------------------------------------------------------------------

  function dueTime(state) {
    var time = Date.parse(state && state.due);
    return isNaN(time) ? 0 : time;
  }

  // When a stored card is next shown: a review card from DAY_STARTS_AT on its due date's study day.
  function availableAt(state) {
    var due = dueTime(state);
    if (state.state !== 2) return due;
    var day = new Date(due - DAY_STARTS_AT * HOUR);
    return new Date(day.getFullYear(), day.getMonth(), day.getDate(), DAY_STARTS_AT).getTime();
  }

  // The stored state as a ts-fsrs Card (a new one for a card never reviewed).
  function toCard(state, now) {
    if (!state) return window.FSRS.createEmptyCard(new Date(now));
    return {
      due: new Date(dueTime(state) || now),
      stability: state.stability || 0,
      difficulty: state.difficulty || 0,
      elapsed_days: state.elapsed_days || 0,
      scheduled_days: state.scheduled_days || 0,
      learning_steps: state.learning_steps || 0,
      reps: state.reps || 0,
      lapses: state.lapses || 0,
      state: state.state || 0,
      last_review: state.last_review ? new Date(state.last_review) : undefined
    };
  }

  // A ts-fsrs Card as stored: dates as ISO strings. `missed` stays until the card is recalled (Hard or better);
  // a migrated card keeps its Leitner history.
  function fromCard(card, previous, rating) {
    var state = {
      due: card.due.toISOString(),
      stability: card.stability,
      difficulty: card.difficulty,
      elapsed_days: card.elapsed_days,
      scheduled_days: card.scheduled_days,
      learning_steps: card.learning_steps,
      reps: card.reps,
      lapses: card.lapses,
      state: card.state,
      last_review: card.last_review ? new Date(card.last_review).toISOString() : null
    };
    if (previous && previous.missed && rating === 1) state.missed = previous.missed;
    if (previous && previous.leitner) state.leitner = previous.leitner;
    return state;
  }

  function filters() {
    var saved = store.cardFilters();
    return {
      section: cards.sections.indexOf(saved.section) !== -1 ? saved.section : "",
      difficulty: LEVELS.indexOf(saved.difficulty) !== -1 ? saved.difficulty : "",
      mode: MODES.indexOf(saved.mode) !== -1 ? saved.mode : "recall",
      only: saved.only === "misses" ? "misses" : ""
    };
  }

  function selection() {
    var chosen = filters();
    var states = chosen.only ? store.cards() : null;
    return cards.cards.filter(function (card) {
      return (!chosen.section || card.section === chosen.section) &&
        (!chosen.difficulty || card.difficulty === chosen.difficulty) &&
        (!states || !!(states[card.id] && states[card.id].missed));
    });
  }

  // Due (earliest due first), new (reading order), learning cards due soon, and the count of the others.
  function sortOut() {
    var states = store.cards();
    var now = Date.now();
    var due = [], fresh = [], soon = [], learned = 0, next = Infinity;
    selection().forEach(function (card) {
      var state = states[card.id];
      if (!state) fresh.push(card);
      else if (store.isDue(state, now)) due.push(card);
      else {
        learned += 1;
        next = Math.min(next, availableAt(state));
        if (state.state !== 2 && dueTime(state) - now <= LEARN_AHEAD) soon.push(card);
      }
    });
    var byDue = function (a, b) { return dueTime(states[a.id]) - dueTime(states[b.id]) || a.index - b.index; };
    due.sort(byDue);
    soon.sort(byDue);
    return { due: due, fresh: fresh, soon: soon, learned: learned, next: next };
  }

  // Cards that fell due while the page was open join the queue before its new cards (after the one on screen).
  function addDue(sorted) {
    var states = store.cards();
    var at = session.queue.length;
    for (var n = 1; n < session.queue.length; n += 1) {
      if (!states[session.queue[n]]) { at = n; break; }
    }
    var missing = sorted.due.filter(function (card) { return session.queue.indexOf(card.id) === -1; });
    session.queue.splice.apply(session.queue, [at, 0].concat(missing.map(function (card) { return card.id; })));
  }

  // A new queue for the current filters; the card on screen stays first if it still belongs. With nothing due
  // and nothing new, the learning cards due within LEARN_AHEAD.
  function rebuild() {
    var sorted = sortOut();
    var queue = sorted.due.concat(sorted.fresh);
    if (!queue.length) queue = sorted.soon;
    queue = queue.map(function (card) { return card.id; });
    var current = session.queue[0];
    var at = queue.indexOf(current);
    if (at > 0) { queue.splice(at, 1); queue.unshift(current); }
    if (at === -1) session.revealed = false;
    session.queue = queue;
  }

  // --- Rendering -----------------------------------------------------------------------------------------

  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }

  // In study days when later than the next one; "tomorrow" for the next one when it is on tomorrow's date (not
  // after midnight, when its 4:00 is a few hours off); otherwise in minutes or hours.
  function fromNow(time) {
    var now = Date.now(), left = time - now;
    var days = Math.round((dayStart(time) - dayStart(now)) / DAY); // rounded: a DST day is 23 or 25 hours
    if (days > 1) return "in " + days + " days";
    if (days === 1 && new Date(time).getDate() !== new Date(now).getDate()) return "tomorrow";
    var minutes = Math.max(1, Math.round(left / MINUTE));
    if (minutes < 60) return "in " + plural(minutes, "minute");
    return "in " + plural(Math.round(left / HOUR), "hour");
  }

  function dayStart(time) {
    var day = new Date(time - DAY_STARTS_AT * HOUR);
    return new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
  }

  // An interval as Anki writes it on its buttons ("10m", "3d", "1.5mo") and in words for screen readers.
  function interval(ms) {
    var minutes = ms / MINUTE, days = ms / DAY;
    if (minutes < 60) { var m = Math.max(1, Math.round(minutes)); return [m + "m", plural(m, "minute")]; }
    if (days < 1) { var h = Math.round(minutes / 60); return [h + "h", plural(h, "hour")]; }
    if (days < 30) { var d = Math.round(days); return [d + "d", plural(d, "day")]; }
    if (days < 365) { var mo = Math.round(days / 3.04375) / 10; return [mo + "mo", mo + " months"]; }
    var y = Math.round(days / 36.525) / 10;
    return [y + "y", y + (y === 1 ? " year" : " years")];
  }

  function showCounts(sorted) {
    $("[data-count=due]").textContent = String(sorted.due.length);
    $("[data-count=new]").textContent = String(sorted.fresh.length);
    $("[data-count=learned]").textContent = String(sorted.learned);
  }

  function emptyMessage() {
    var sorted = sortOut();
    var chosen = filters();
    if (sorted.learned) {
      return "Nothing is due in this selection. The next card comes back " + fromNow(sorted.next) +
        (chosen.only ? "." : "; pick another section or difficulty to go on now.");
    }
    return chosen.only ? "No quiz misses in this selection: every question you missed in a quiz has been " +
      "recalled since, or you have missed none." : "No card matches this section and difficulty.";
  }

  function showCard() {
    var card = cards.byId[session.queue[0]];
    var box = $(".hb-card");
    var done = $(".hb-flashcards__done");
    box.hidden = !card;
    done.hidden = !!card;
    if (!card) {
      done.textContent = emptyMessage();
      return;
    }
    var state = store.cards()[card.id];
    var mode = filters().mode;
    box.setAttribute("data-card-id", card.id);
    box.setAttribute("data-mode", mode);
    $(".hb-card__section").textContent = card.section;
    var level = $(".hb-card__difficulty");
    level.textContent = card.difficulty;
    level.className = "hb-difficulty hb-card__difficulty hb-difficulty--" + card.difficulty;
    $(".hb-card__state").textContent = STATES[state && state.reps ? state.state : 0] || STATES[0];
    $(".hb-card__missed").hidden = !(state && state.missed);
    $(".hb-card__prompt").innerHTML = card.prompt; // built from escaped Markdown by handbook.exports.flashcards
    var hint = $(".hb-card__hint");
    hint.textContent = card.correct.length > 1 ? card.correct.length + " answers are right: " +
      (mode === "recall" ? "recall them all." : "find them all.") : "";
    hint.hidden = card.correct.length < 2;
    $(".hb-card__choices").innerHTML = card.choices.map(function (choice) { return "<li>" + choice + "</li>"; }).join("");
    $(".hb-card__right").innerHTML = card.correct.map(function (n) { return "<li>" + card.choices[n] + "</li>"; }).join("");
    $(".hb-card__explanation").innerHTML = card.explanation;
    $(".hb-card__link").href = new URL(card.url, SITE_ROOT).href;
    showAnswer(card, session.revealed);
  }

  function showAnswer(card, shown) {
    var recall = filters().mode === "recall";
    $(".hb-flashcards__reveal").hidden = shown;
    $(".hb-card__answer").hidden = !shown;
    $(".hb-flashcards__grade").hidden = !shown;
    $(".hb-card__choices").hidden = recall;
    $(".hb-card__recalled").hidden = !recall;
    Array.prototype.forEach.call($(".hb-card__choices").children, function (item, index) {
      var right = shown && card.correct.indexOf(index) !== -1;
      item.classList.toggle("hb-card__choice--right", right);
      var verdict = item.querySelector(".hb-card__verdict");
      if (right && !verdict) {
        verdict = document.createElement("span");
        verdict.className = "hb-card__verdict";
        verdict.textContent = "right answer";
        item.appendChild(verdict);
      } else if (!right && verdict) {
        verdict.remove();
      }
    });
    if (shown) showIntervals(card);
  }

  // Each grade button says when the card would come back, from ts-fsrs's preview of all four grades.
  function showIntervals(card) {
    var now = Date.now();
    var preview = fsrs.repeat(toCard(store.cards()[card.id], now), new Date(now));
    GRADES.forEach(function (name, n) {
      var text = interval(preview[n + 1].card.due.getTime() - now);
      var button = $(".hb-flashcards__grade [data-rating=\"" + (n + 1) + "\"]");
      button.querySelector(".hb-flashcards__interval").textContent = text[0];
      button.querySelector(".hb-flashcards__when").textContent = "(due in " + text[1] + ")";
    });
  }

  function render() {
    showCounts(sortOut());
    showCard();
  }

  // Focus what the reader acts on next: the next card's "Show answer", or the message that there is none.
  // Its top is brought into view when it is above (under the fixed header, which scroll-margin-top clears):
  // "nearest" alone would align the bottom of a card taller than the screen and leave its prompt out of sight.
  function focusNext() {
    var target = session.queue.length ? $(".hb-flashcards__reveal") : $(".hb-flashcards__done");
    target.focus({ preventScroll: true });
    var shown = session.queue.length ? $(".hb-card") : target;
    var above = shown.getBoundingClientRect().top < (parseFloat(getComputedStyle(shown).scrollMarginTop) || 0);
    shown.scrollIntoView({ block: above ? "start" : "nearest", behavior: hb.reducedMotion() ? "auto" : "smooth" });
  }

  // --- Actions -------------------------------------------------------------------------------------------

  function reveal() {
    if (!ui || session.revealed || !session.queue.length) return;
    session.revealed = true;
    showAnswer(cards.byId[session.queue[0]], true);
    $(".hb-card__answer").focus({ preventScroll: true });
    bringGradeIntoView();
  }

  // The answer can push the grade buttons below the screen (the first card, under the filters, on a laptop).
  // Scroll them up, but never the card's prompt out under the fixed header: a card taller than the screen
  // keeps its top in view and the reader scrolls on to the buttons.
  function bringGradeIntoView() {
    var card = $(".hb-card");
    var below = $(".hb-flashcards__grade").getBoundingClientRect().bottom + GRADE_MARGIN - window.innerHeight;
    var room = card.getBoundingClientRect().top - (parseFloat(getComputedStyle(card).scrollMarginTop) || 0);
    var by = Math.min(below, room);
    if (by > 0) window.scrollBy({ top: by, behavior: hb.reducedMotion() ? "auto" : "smooth" });
  }

  function grade(rating) {
    if (!ui || !session.revealed || !session.queue.length) return;
    var id = session.queue.shift();
    var now = Date.now();
    var previous = store.cards()[id];
    var result = fsrs.next(toCard(previous, now), new Date(now), rating);
    var state = fromCard(result.card, previous, rating);
    store.setCard(id, state);
    session.revealed = false;
    if (!session.queue.length) rebuild();
    var message = GRADES[rating - 1] + ": it comes back " + fromNow(availableAt(state)) + ".";
    render();
    if (!session.queue.length) message += " " + $(".hb-flashcards__done").textContent;
    if (!store.kept()) message += " " + warnUnsaved();
    hb.say($(".hb-flashcards__status"), message, false);
    focusNext();
  }

  // Shown where the no-JavaScript message was, so that sighted readers see it too (the status is for screen readers).
  function warnUnsaved() {
    var fallback = ui.querySelector(".hb-flashcards__fallback");
    if (!store.readOnly()) {
      fallback.textContent = "This browser did not store your last review (its storage for this site is full or " +
        "blocked): your reviews last only until you close this page.";
    }
    fallback.hidden = false;
    return fallback.textContent;
  }

  function changeFilters() {
    var chosen = {
      section: $(".hb-flashcards__section").value, difficulty: $(".hb-flashcards__difficulty").value,
      mode: $(".hb-flashcards__mode").value, only: $(".hb-flashcards__only").value
    };
    store.setCardFilters(chosen);
    rebuild();
    render();
    var sorted = sortOut();
    hb.say($(".hb-flashcards__status"), plural(sorted.due.length + sorted.fresh.length + sorted.learned, "card") +
      " in this selection: " + sorted.due.length + " due now, " + sorted.fresh.length + " new, " +
      sorted.learned + " learned.", false);
  }

  function forget() {
    if (!window.confirm("Forget every flashcard review on this device? Every card becomes new; quiz answers are kept.")) {
      return;
    }
    store.clearCards();
    session.revealed = false;
    rebuild();
    render();
    hb.say($(".hb-flashcards__status"), "Every card is new again.", false);
  }

  // Cards fall due while the page is open: recount, queue them, and start again when the session had run out.
  function refresh() {
    if (!ui || !document.contains(ui)) { stopTicker(); return; }
    if (!session.queue.length) {
      rebuild();
      showCard();
    } else {
      addDue(sortOut());
    }
    showCounts(sortOut());
  }

  function stopTicker() {
    if (ticker) clearInterval(ticker);
    ticker = null;
  }

  // --- Set-up --------------------------------------------------------------------------------------------

  function fillSections() {
    var select = $(".hb-flashcards__section");
    cards.sections.forEach(function (title) {
      var option = document.createElement("option");
      option.value = title;
      option.textContent = title;
      select.appendChild(option);
    });
    showFilters();
  }

  function showFilters() {
    var chosen = filters();
    $(".hb-flashcards__section").value = chosen.section;
    $(".hb-flashcards__difficulty").value = chosen.difficulty;
    $(".hb-flashcards__mode").value = chosen.mode;
    $(".hb-flashcards__only").value = chosen.only;
  }

  // The quizzes page links here with ?only=misses (and &section=...): that selection, kept like one chosen
  // here. The address then loses the query, so a reload keeps what the reader picks next.
  function applyQuery() {
    var query = new URLSearchParams(window.location.search);
    if (!query.has("only") && !query.has("section")) return;
    var saved = store.cardFilters();
    store.setCardFilters({
      section: query.get("section") || "", difficulty: query.has("section") ? "" : saved.difficulty,
      mode: saved.mode, only: query.get("only") === "misses" ? "misses" : ""
    });
    try { window.history.replaceState(window.history.state, "", window.location.pathname + window.location.hash); }
    catch (e) { /* a sandboxed frame: the query stays */ }
  }

  function init(root) {
    if (root.getAttribute("data-hb-ready")) return;
    root.setAttribute("data-hb-ready", "loading");
    var fallback = root.querySelector(".hb-flashcards__fallback");
    Promise.all([loadDeck(), loadScheduler()]).then(function (loaded) {
      if (!document.contains(root)) { root.removeAttribute("data-hb-ready"); return; } // the reader left first
      cards = loaded[0];
      fsrs = loaded[1];
      ui = root;
      applyQuery();
      fillSections();
      rebuild();
      render();
      if (store.readOnly()) {
        fallback.textContent = "A newer version of the handbook saved your progress in another tab: reload this " +
          "page before reviewing, or your reviews here are not kept.";
      } else {
        fallback.hidden = true;
      }
      root.querySelector(".hb-flashcards__app").hidden = false;
      root.setAttribute("data-hb-ready", "true");
      stopTicker();
      ticker = setInterval(refresh, REFRESH_MS);
    }, function (error) {
      fallback.textContent = "The flashcards could not be loaded (" + error.message + "). Reload the page to try " +
        "again; every question is also on its topic page.";
      root.removeAttribute("data-hb-ready");
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !ui || !ui.contains(target)) return;
    if (target.closest(".hb-flashcards__reveal")) reveal();
    else if (target.closest(".hb-flashcards__grade [data-rating]")) {
      grade(Number(target.closest("[data-rating]").getAttribute("data-rating")));
    }
    else if (target.closest(".hb-flashcards__forget")) forget();
  });

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && ui && ui.contains(target)) changeFilters();
  });

  // Keys act only while the focus is in the flashcards (WCAG 2.1.4), never in a form field, and never with a
  // modifier (browser and screen-reader shortcuts).
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
    if (!(target instanceof Element) || !ui || !ui.contains(target)) return;
    if (target.closest("select, input, textarea, [contenteditable]")) return;
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (/^[1-4]$/.test(key)) {
      if (session.revealed) {
        event.preventDefault();
        grade(Number(key));
      }
    } else if ((key === " " || key === "Enter") && !target.closest("button, a") && !session.revealed) {
      event.preventDefault();
      reveal();
    }
  });

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") refresh();
  });

  // Reviews made in another tab.
  window.addEventListener("storage", function (event) {
    if (event.key === store.KEY && ui) refresh();
  });

  hb.onPage(function (root) {
    var found = root.querySelector(".hb-flashcards");
    if (!found) {
      ui = null;
      stopTicker();
      return;
    }
    init(found);
  });
})();
