// Flashcards (docs/study/flashcards.md): every quiz question, one at a time, scheduled with Leitner boxes.
// The deck is assets/flashcards.json (hooks/flashcards.py), fetched on the flashcards page only and kept in
// memory, so instant navigation away and back (or going offline) needs no second request. Each card's box
// and due date live in hb-progress (progress-store.js) beside the quiz answers.
//
// Schedule: a new card is in box 1. Right moves it up one box (at most BOX_DAYS.length), wrong puts it back
// in box 1; the box sets when it is due again (BOX_DAYS). Box 1 is due at once: a missed card comes back in
// this session, WRONG_GAP cards later. Other boxes are due at the start of a day, DAY_STARTS_AT in the
// reader's time zone, BOX_DAYS days on: a card learned at 21:00 waits for tomorrow morning's session, not for
// 21:00 tomorrow. A session shows the due cards (oldest due first), then the new ones, in the deck's
// reading order; cards that fall due while the page is open join before the new ones.
//
// Delegated listeners are added once; the page's set-up runs from document$ and marks the root data-hb-ready.
(function () {
  "use strict";
  if (window.__hbFlashcardsLoaded) return;
  window.__hbFlashcardsLoaded = true;
  var store = window.hbProgress;
  var hb = window.hb;

  var DAY = 24 * 60 * 60 * 1000;
  var HOUR = 60 * 60 * 1000;
  var DAY_STARTS_AT = 4; // hour: a review after midnight still belongs to the evening's session (as in Anki)
  var BOX_DAYS = [0, 1, 3, 7, 16]; // box n is due BOX_DAYS[n - 1] days after the review that put it there
  var WRONG_GAP = 3; // a missed card comes back after this many other cards
  var DECK_FORMAT = 1; // hooks/flashcards.py FORMAT_VERSION
  var REFRESH_MS = 60 * 1000; // cards fall due while the page is open: recount this often
  var GRADE_MARGIN = 16; // px left below the grade buttons when they are scrolled into view
  var LEVELS = ["junior", "mid", "senior"];

  // The deck and the site root are found from this script's own address (both live under assets/), so they
  // resolve the same from any page and after instant navigation.
  var scriptUrl = document.currentScript ? document.currentScript.src : "";
  var DECK_URL = scriptUrl ? new URL("../flashcards.json", scriptUrl).href : "";
  var SITE_ROOT = scriptUrl ? new URL("../../", scriptUrl).href : "";

  var deck = null; // Promise of {cards, byId, sections}
  var cards = null; // what it resolved to
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

  // --- Schedule ------------------------------------------------------------------------------------------

  function dueTime(state) {
    var time = Date.parse(state && state.due);
    return isNaN(time) ? 0 : time;
  }

  // The local calendar date of the study day `time` is in, as a Date at local midnight.
  function studyDay(time) {
    var moment = new Date(time - DAY_STARTS_AT * HOUR);
    return new Date(moment.getFullYear(), moment.getMonth(), moment.getDate());
  }

  // When a card reviewed at `now` is due again, `days` study days later (0: at once). Date arithmetic in local
  // time, so a daylight-saving change never moves the hour.
  function dueAfter(now, days) {
    if (!days) return now;
    var day = studyDay(now);
    return new Date(day.getFullYear(), day.getMonth(), day.getDate() + days, DAY_STARTS_AT).getTime();
  }

  function review(state, right, now) {
    var box = state && state.box >= 1 ? Math.min(Math.floor(state.box), BOX_DAYS.length) : 1;
    box = right ? Math.min(box + 1, BOX_DAYS.length) : 1;
    return {
      box: box,
      due: new Date(dueAfter(now, BOX_DAYS[box - 1])).toISOString(),
      last: new Date(now).toISOString(),
      reviews: ((state && state.reviews) || 0) + 1,
      lapses: ((state && state.lapses) || 0) + (right ? 0 : 1)
    };
  }

  function filters() {
    var saved = store.cardFilters();
    return {
      section: cards.sections.indexOf(saved.section) !== -1 ? saved.section : "",
      difficulty: LEVELS.indexOf(saved.difficulty) !== -1 ? saved.difficulty : ""
    };
  }

  function selection() {
    var chosen = filters();
    return cards.cards.filter(function (card) {
      return (!chosen.section || card.section === chosen.section) &&
        (!chosen.difficulty || card.difficulty === chosen.difficulty);
    });
  }

  // Due (oldest due first), new (reading order) and the count of the others, for the current filters.
  function sortOut() {
    var states = store.cards();
    var now = Date.now();
    var due = [], fresh = [], learned = 0, next = Infinity;
    selection().forEach(function (card) {
      var state = states[card.id];
      if (!state) fresh.push(card);
      else if (dueTime(state) <= now) due.push(card);
      else { learned += 1; next = Math.min(next, dueTime(state)); }
    });
    due.sort(function (a, b) { return dueTime(states[a.id]) - dueTime(states[b.id]) || a.index - b.index; });
    return { due: due, fresh: fresh, learned: learned, next: next };
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

  // A new queue for the current filters; the card on screen stays first if it still belongs.
  function rebuild() {
    var sorted = sortOut();
    var queue = sorted.due.concat(sorted.fresh).map(function (card) { return card.id; });
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
    var days = Math.round((studyDay(time) - studyDay(now)) / DAY); // rounded: a DST day is 23 or 25 hours
    if (days > 1) return "in " + days + " days";
    if (days === 1 && new Date(time).getDate() !== new Date(now).getDate()) return "tomorrow";
    var minutes = Math.max(1, Math.round(left / 60000));
    if (minutes < 60) return "in " + plural(minutes, "minute");
    return "in " + plural(Math.round(left / HOUR), "hour");
  }

  function showCounts(sorted) {
    $("[data-count=due]").textContent = String(sorted.due.length);
    $("[data-count=new]").textContent = String(sorted.fresh.length);
    $("[data-count=learned]").textContent = String(sorted.learned);
  }

  function showCard() {
    var card = cards.byId[session.queue[0]];
    var box = $(".hb-card");
    var done = $(".hb-flashcards__done");
    box.hidden = !card;
    done.hidden = !!card;
    if (!card) {
      var sorted = sortOut();
      done.textContent = sorted.learned
        ? "Nothing is due in this selection. The next card comes back " + fromNow(sorted.next) +
          "; pick another section or difficulty to go on now."
        : "No card matches this section and difficulty.";
      return;
    }
    var state = store.cards()[card.id];
    box.setAttribute("data-card-id", card.id);
    $(".hb-card__section").textContent = card.section;
    var level = $(".hb-card__difficulty");
    level.textContent = card.difficulty;
    level.className = "hb-difficulty hb-card__difficulty hb-difficulty--" + card.difficulty;
    $(".hb-card__box").textContent = state ? "Box " + state.box + " of " + BOX_DAYS.length : "New card";
    $(".hb-card__prompt").innerHTML = card.prompt; // built from escaped Markdown by hooks/flashcards.py
    var hint = $(".hb-card__hint");
    hint.textContent = card.correct.length > 1 ? card.correct.length + " answers are right: recall them all." : "";
    hint.hidden = card.correct.length < 2;
    $(".hb-card__choices").innerHTML = card.choices.map(function (choice) { return "<li>" + choice + "</li>"; }).join("");
    $(".hb-card__explanation").innerHTML = card.explanation;
    $(".hb-card__link").href = new URL(card.url, SITE_ROOT).href;
    showAnswer(card, session.revealed);
  }

  function showAnswer(card, shown) {
    $(".hb-flashcards__reveal").hidden = shown;
    $(".hb-card__answer").hidden = !shown;
    $(".hb-flashcards__grade").hidden = !shown;
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

  function grade(right) {
    if (!ui || !session.revealed || !session.queue.length) return;
    var id = session.queue.shift();
    var state = review(store.cards()[id], right, Date.now());
    store.setCard(id, state);
    session.revealed = false;
    var message;
    if (right) {
      message = "Right. Box " + state.box + " of " + BOX_DAYS.length + ": it comes back " +
        fromNow(dueTime(state)) + ".";
    } else {
      var gap = Math.min(WRONG_GAP, session.queue.length);
      session.queue.splice(gap, 0, id);
      message = "Wrong. Back to box 1: it comes back " + (gap ? "after " + plural(gap, "more card") : "next") + ".";
    }
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
    var chosen = { section: $(".hb-flashcards__section").value, difficulty: $(".hb-flashcards__difficulty").value };
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
    var chosen = filters();
    select.value = chosen.section;
    $(".hb-flashcards__difficulty").value = chosen.difficulty;
  }

  function init(root) {
    if (root.getAttribute("data-hb-ready")) return;
    root.setAttribute("data-hb-ready", "loading");
    var fallback = root.querySelector(".hb-flashcards__fallback");
    loadDeck().then(function (loaded) {
      if (!document.contains(root)) { root.removeAttribute("data-hb-ready"); return; } // the reader left first
      cards = loaded;
      ui = root;
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
    else if (target.closest(".hb-flashcards__right")) grade(true);
    else if (target.closest(".hb-flashcards__wrong")) grade(false);
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
    if (key === "r" || key === "w") {
      if (session.revealed) {
        event.preventDefault();
        grade(key === "r");
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
