// Loop mode for the mock-loop pages (src/handbook/rendering/practice.py): runs a loop's rounds in order, each on
// its own clock with a break between them; shows the prompt and keeps the interviewer's script hidden until
// "I'm the interviewer"; after each round asks for a self-score per rubric dimension with a one-line note.
// Scores live in hbProgress under the practice name "loops":
//   {version: 1, attempts: [{id, loop, title, started: ISO, rounds: {roundId: {kind, at: ISO,
//     scores: {dimensionId: "none"|"mid"|"senior"|"staff"}, notes: {dimensionId: "text"}}}}]}
// A history view (.hb-history, on the loop pages and the loops index) shows each dimension across attempts.
// Also prints the scorecards (all, or the current round's). A no-op on pages without this markup.
(function () {
  "use strict";
  if (window.__hbLoopModeLoaded) return;
  window.__hbLoopModeLoaded = true;
  var store = window.hbProgress;
  var hb = window.hb;
  var NAME = "loops";
  var VERSION = 1;
  var LEVELS = [["none", "Not shown"], ["mid", "Mid"], ["senior", "Senior"], ["staff", "Staff"]];
  var LEVEL_NAME = { none: "Not shown", mid: "Mid", senior: "Senior", staff: "Staff" };
  var active = null; // the running loop: {root, tick}; stopped when instant navigation leaves its page

  // ---- stored value -------------------------------------------------------------------------------------
  // Versioned inside the value too: a later format adds a step here, and a newer one is never overwritten.
  var MIGRATIONS = {
    0: function (old) { return { version: 1, attempts: Array.isArray(old.attempts) ? old.attempts : [] }; }
  };
  function read() {
    var value = store.practice(NAME);
    if (!value || typeof value !== "object") return { version: VERSION, attempts: [] };
    var version = typeof value.version === "number" ? value.version : 0;
    if (version > VERSION) { value.readOnly = true; value.attempts = value.attempts || []; return value; }
    while (version < VERSION) { value = MIGRATIONS[version](value); version = value.version; }
    value.attempts = Array.isArray(value.attempts) ? value.attempts : [];
    return value;
  }
  function saveRound(attempt, roundId, entry) {
    var value = read();
    if (value.readOnly) return false;
    var found = value.attempts.filter(function (a) { return a.id === attempt.id; })[0];
    if (!found) {
      found = { id: attempt.id, loop: attempt.loop, title: attempt.title, started: attempt.started, rounds: {} };
      value.attempts.push(found);
    }
    found.rounds[roundId] = entry;
    store.setPractice(NAME, value);
    return true;
  }

  // ---- small helpers -------------------------------------------------------------------------------------
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "class") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function button(label, cls, primary) {
    return el("button", { type: "button", "class": "md-button" + (primary ? " md-button--primary" : "") + " " + cls }, label);
  }
  var format = hb.clock;
  function spoken(ms) {
    var minutes = Math.ceil(Math.max(0, ms) / 60000);
    return minutes + " minute" + (minutes === 1 ? "" : "s");
  }
  // A copy of a block of the page, without ids (they would be duplicated) and without the fold.
  function copy(node) {
    var clone = node.cloneNode(true);
    clone.removeAttribute("id");
    Array.prototype.forEach.call(clone.querySelectorAll("[id]"), function (n) { n.removeAttribute("id"); });
    return clone;
  }
  function rounds(root) {
    return Array.prototype.slice.call(root.ownerDocument.querySelectorAll(".hb-round[data-round-id]"));
  }
  function dimensions(round) {
    return Array.prototype.map.call(round.querySelectorAll(".hb-round__signals tr[data-dimension]"), function (row) {
      return { id: row.getAttribute("data-dimension"), name: row.getAttribute("data-name") };
    });
  }
  function article(root) { return root.closest(".md-content__inner") || document.body; }

  // ---- the clock ---------------------------------------------------------------------------------------------
  // Measured against Date.now(), so a throttled background tab does not drift; announced every 5 minutes and
  // in the last minute through the polite status, never every second.
  function stopClock(state) {
    if (state.tick) clearInterval(state.tick);
    state.tick = null;
    if (state.end) state.left = Math.max(0, state.end - Date.now());
    state.end = 0;
  }
  function startClock(state, onDone) {
    state.end = Date.now() + state.left;
    state.announced = Math.ceil(state.left / 60000);
    state.tick = setInterval(function () { tickClock(state, onDone); }, 250);
  }
  function tickClock(state, onDone) {
    var left = state.end ? state.end - Date.now() : state.left;
    state.readout.textContent = format(left);
    if (left <= 0) {
      stopClock(state);
      state.left = 0;
      onDone();
      return;
    }
    var minutes = Math.ceil(left / 60000);
    if (minutes !== state.announced && (minutes % 5 === 0 || minutes === 1)) {
      state.announced = minutes;
      hb.say(state.status, spoken(left) + " left.", false);
    }
  }

  // ---- phases ----------------------------------------------------------------------------------------------
  function heading(state, text) {
    var h = el("h3", { "class": "hb-loop-mode__heading", tabindex: "-1" }, text);
    state.app.appendChild(h);
    return h;
  }
  function clear(state) {
    if (state.tick) clearInterval(state.tick);
    state.tick = null;
    state.end = 0;
    state.app.textContent = "";
  }
  function finishFocus(node) { try { node.focus({ preventScroll: false }); } catch (e) { node.focus(); } }

  function showIdle(state, message) {
    clear(state);
    article(state.root).classList.remove("hb-loop-running");
    state.root.classList.remove("hb-loop-mode--running");
    var h = heading(state, "Run this loop");
    var start = button("Start the loop", "hb-loop-mode__start", true);
    state.app.appendChild(start);
    if (message) hb.say(state.status, message, false);
    return h;
  }

  function startLoop(state) {
    var now = new Date();
    state.attempt = { id: state.loopId + "-" + now.getTime(), loop: state.loopId, title: state.loopTitle,
      started: now.toISOString() };
    article(state.root).classList.add("hb-loop-running");
    state.root.classList.add("hb-loop-mode--running");
    showRound(state, 0);
  }

  function showRound(state, index) {
    clear(state);
    var round = rounds(state.root)[index];
    state.index = index;
    state.phase = "round";
    var total = rounds(state.root).length;
    var h = heading(state, "Round " + (index + 1) + " of " + total + " · " + round.getAttribute("data-kind-name") +
      ": " + round.getAttribute("data-title"));
    var minutes = Number(round.getAttribute("data-minutes"));
    state.left = minutes * 60000;
    var clock = el("div", { "class": "hb-loop-mode__clock", role: "group", "aria-label": "Round clock, " + minutes + " minutes" });
    state.readout = el("span", { "class": "hb-loop-mode__readout", role: "timer", "aria-atomic": "true" }, format(state.left));
    var pause = button("Pause", "hb-loop-mode__pause");
    var end = button("End the round", "hb-loop-mode__end", true);
    clock.appendChild(state.readout);
    clock.appendChild(pause);
    clock.appendChild(end);
    state.app.appendChild(clock);
    state.app.appendChild(copy(round.querySelector(".hb-round__prompt")));
    var scriptId = "hb-loop-script-" + round.getAttribute("data-round-id");
    var reveal = button("I'm the interviewer: show the script", "hb-loop-mode__reveal");
    reveal.setAttribute("aria-expanded", "false");
    reveal.setAttribute("aria-controls", scriptId);
    state.app.appendChild(reveal);
    var script = el("div", { "class": "hb-loop-mode__script", id: scriptId, hidden: "" });
    script.appendChild(el("p", { "class": "hb-loop-mode__script-note" },
      "For the interviewer: give these answers only when the candidate asks."));
    script.appendChild(copy(round.querySelector(".hb-round__script-body")));
    state.app.appendChild(script);
    state.app.appendChild(button("Stop the loop", "hb-loop-mode__stop"));
    startClock(state, function () {
      hb.say(state.status, "Time is up for round " + (index + 1) + ".", false);
      showScore(state, true);
    });
    hb.say(state.status, "Round " + (index + 1) + " started: " + spoken(state.left) + " on the clock.", false);
    finishFocus(h);
  }

  function showScore(state, timeUp) {
    clear(state);
    state.phase = "score";
    var round = rounds(state.root)[state.index];
    var roundId = round.getAttribute("data-round-id");
    var h = heading(state, (timeUp ? "Time is up. " : "") + "Score round " + (state.index + 1) + ": " +
      round.getAttribute("data-title"));
    var form = el("form", { "class": "hb-loop-mode__score", "data-round-id": roundId });
    form.appendChild(el("p", {}, "For each dimension, pick the highest level whose behaviour you actually showed " +
      "(the signals are in the round's table on this page), and write one line of evidence."));
    dimensions(round).forEach(function (dimension) {
      var fieldset = el("fieldset", { "class": "hb-loop-mode__dimension", "data-dimension": dimension.id });
      fieldset.appendChild(el("legend", {}, dimension.name));
      var choices = el("div", { "class": "hb-loop-mode__levels" });
      LEVELS.forEach(function (level) {
        var id = "hb-score-" + roundId + "-" + dimension.id + "-" + level[0];
        var input = el("input", { type: "radio", name: "hb-score-" + dimension.id, value: level[0], id: id });
        var label = el("label", { "for": id }, level[1]);
        var wrap = el("span", { "class": "hb-loop-mode__level" });
        wrap.appendChild(input);
        wrap.appendChild(label);
        choices.appendChild(wrap);
      });
      fieldset.appendChild(choices);
      var noteId = "hb-note-" + roundId + "-" + dimension.id;
      var noteLabel = el("label", { "for": noteId, "class": "hb-loop-mode__note-label" }, "Note on " + dimension.name.toLowerCase());
      var note = el("input", { type: "text", id: noteId, name: "hb-note-" + dimension.id, maxlength: "160",
        "class": "hb-loop-mode__note", autocomplete: "off" });
      fieldset.appendChild(noteLabel);
      fieldset.appendChild(note);
      form.appendChild(fieldset);
    });
    var tools = el("p", { "class": "hb-loop-mode__tools" });
    var save = el("button", { type: "submit", "class": "md-button md-button--primary hb-loop-mode__save" }, "Save the scores");
    tools.appendChild(save);
    tools.appendChild(button("Print this round's scorecard", "hb-loop-mode__print"));
    form.appendChild(tools);
    state.app.appendChild(form);
    state.app.appendChild(button("Stop the loop", "hb-loop-mode__stop"));
    finishFocus(h);
  }

  function saveScores(state, form) {
    var round = rounds(state.root)[state.index];
    var entry = { kind: round.getAttribute("data-kind"), at: new Date().toISOString(), scores: {}, notes: {} };
    var chosen = 0;
    dimensions(round).forEach(function (dimension) {
      var picked = form.querySelector('input[name="hb-score-' + dimension.id + '"]:checked');
      var note = form.querySelector('input[name="hb-note-' + dimension.id + '"]').value.trim();
      if (picked) { entry.scores[dimension.id] = picked.value; chosen += 1; }
      if (note) entry.notes[dimension.id] = note.slice(0, 160);
    });
    if (!chosen) {
      hb.say(state.status, "Pick a level for at least one dimension, or choose Not shown.", false);
      var first = form.querySelector("input[type=radio]");
      if (first) first.focus();
      return;
    }
    var kept = saveRound(state.attempt, round.getAttribute("data-round-id"), entry);
    renderHistories();
    var message = kept ? "Scores saved for round " + (state.index + 1) + "." :
      "These scores were not saved: a newer version of the handbook wrote your progress. Reload the page.";
    if (state.index + 1 < rounds(state.root).length) showBreak(state, message);
    else showDone(state, message);
  }

  function showBreak(state, message) {
    clear(state);
    state.phase = "break";
    var next = rounds(state.root)[state.index + 1];
    var h = heading(state, "Break before round " + (state.index + 2) + ": " + next.getAttribute("data-kind-name"));
    state.left = state.breakMinutes * 60000;
    var clock = el("div", { "class": "hb-loop-mode__clock", role: "group", "aria-label": "Break clock" });
    state.readout = el("span", { "class": "hb-loop-mode__readout", role: "timer", "aria-atomic": "true" }, format(state.left));
    clock.appendChild(state.readout);
    clock.appendChild(button("Start the next round now", "hb-loop-mode__next", true));
    state.app.appendChild(clock);
    state.app.appendChild(el("p", {}, "Stand up, drink some water. The next round starts by itself when the break ends."));
    state.app.appendChild(button("Stop the loop", "hb-loop-mode__stop"));
    startClock(state, function () { showRound(state, state.index + 1); });
    hb.say(state.status, message + " Break: " + spoken(state.left) + ".", false);
    finishFocus(h);
  }

  function showDone(state, message) {
    clear(state);
    state.phase = "done";
    article(state.root).classList.remove("hb-loop-running");
    state.root.classList.remove("hb-loop-mode--running");
    var h = heading(state, "Loop finished");
    state.app.appendChild(el("p", {}, "Your scores for each round are in the history at the end of this page. " +
      "The dimension that stays flat across loops is the one to work on."));
    var link = el("a", { href: "#history", "class": "md-button" }, "See the history");
    state.app.appendChild(link);
    state.app.appendChild(button("Run the loop again", "hb-loop-mode__start"));
    hb.say(state.status, message + " The loop is finished.", false);
    finishFocus(h);
  }

  // ---- the history view -----------------------------------------------------------------------------------
  function shortTitle(attempt) {
    var title = attempt.title || attempt.loop || "";
    return title.split(":")[0];
  }
  function when(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    return date.toLocaleDateString(undefined, { day: "numeric", month: "short" });
  }
  function renderHistory(view) {
    var value = read();
    var attempts = value.attempts.slice().sort(function (a, b) { return a.started < b.started ? -1 : 1; });
    var any = false;
    Array.prototype.forEach.call(view.querySelectorAll(".hb-history__kind"), function (block) {
      var kind = block.getAttribute("data-kind");
      var columns = [];
      attempts.forEach(function (attempt, n) {
        Object.keys(attempt.rounds || {}).forEach(function (roundId) {
          var entry = attempt.rounds[roundId];
          if (entry && entry.kind === kind) columns.push({ number: n + 1, attempt: attempt, entry: entry });
        });
      });
      block.hidden = !columns.length;
      if (!columns.length) return;
      any = true;
      var headRow = block.querySelector("thead tr");
      while (headRow.children.length > 1) headRow.removeChild(headRow.lastChild);
      headRow.appendChild(el("th", { scope: "col", "class": "hb-history__trend-head" }, "Trend"));
      columns.forEach(function (column) {
        var th = el("th", { scope: "col" }, "#" + column.number);
        th.appendChild(el("span", { "class": "hb-history__when" },
          shortTitle(column.attempt) + ", " + when(column.entry.at || column.attempt.started)));
        headRow.appendChild(th);
      });
      Array.prototype.forEach.call(block.querySelectorAll("tbody tr[data-dimension]"), function (row) {
        var id = row.getAttribute("data-dimension");
        while (row.children.length > 1) row.removeChild(row.lastChild);
        var trend = el("td", { "class": "hb-history__trend" });
        var spark = el("span", { "class": "hb-spark", "aria-hidden": "true" });
        columns.forEach(function (column) {
          var level = column.entry.scores && column.entry.scores[id];
          spark.appendChild(el("span", { "class": "hb-spark__bar hb-spark__bar--" + (level || "unscored") }));
        });
        trend.appendChild(spark);
        row.appendChild(trend);
        columns.forEach(function (column) {
          var level = column.entry.scores && column.entry.scores[id];
          var note = column.entry.notes && column.entry.notes[id];
          var cell = el("td", { "class": "hb-history__cell hb-history__cell--" + (level || "unscored") });
          if (level) cell.textContent = LEVEL_NAME[level] || level;
          else {
            cell.appendChild(el("span", { "aria-hidden": "true" }, "–"));
            cell.appendChild(el("span", { "class": "hb-sr-only" }, "not scored"));
          }
          if (note) cell.appendChild(el("span", { "class": "hb-history__note" }, note));
          row.appendChild(cell);
        });
      });
    });
    view.querySelector(".hb-history__empty").hidden = any;
    view.querySelector(".hb-history__tables").hidden = !any;
    view.querySelector(".hb-history__tools").hidden = !any || !!value.readOnly;
  }
  function renderHistories() {
    Array.prototype.forEach.call(document.querySelectorAll(".hb-history"), renderHistory);
  }

  // ---- printing the scorecards ------------------------------------------------------------------------------
  function printScorecards(roundId) {
    var root = document.documentElement;
    root.classList.add("hb-print-scorecards");
    var first = true;
    Array.prototype.forEach.call(document.querySelectorAll(".hb-scorecard-fold"), function (fold) {
      var chosen = !roundId || fold.getAttribute("data-round-id") === roundId;
      fold.classList.toggle("hb-scorecard-fold--chosen", chosen);
      // The first page printed needs no break before it (it would leave a blank page).
      fold.classList.toggle("hb-scorecard-fold--first", chosen && first);
      if (chosen) first = false;
    });
    if (roundId) root.classList.add("hb-print-one");
    window.print();
  }
  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("hb-print-scorecards", "hb-print-one");
  });

  // ---- wiring ----------------------------------------------------------------------------------------------
  function stateOf(node) {
    var root = node.closest(".hb-loop-mode[data-hb-ready]");
    return root && active && active.root === root ? active : null;
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    if (target.closest(".hb-scorecards__print")) { printScorecards(null); return; }
    if (target.closest(".hb-history__clear")) {
      var clearButton = target.closest(".hb-history__clear");
      var view = clearButton.closest(".hb-history");
      if (clearButton.getAttribute("data-armed") !== "true") {
        clearButton.setAttribute("data-armed", "true");
        clearButton.textContent = "Press again to clear every saved score";
        return;
      }
      clearButton.removeAttribute("data-armed");
      clearButton.textContent = "Clear the history";
      store.setPractice(NAME, { version: VERSION, attempts: [] });
      renderHistories();
      hb.say(view.querySelector(".hb-history__status"), "History cleared.", false);
      return;
    }
    var state = stateOf(target);
    if (!state) return;
    if (target.closest(".hb-loop-mode__start")) {
      startLoop(state);
    } else if (target.closest(".hb-loop-mode__pause")) {
      var pause = target.closest(".hb-loop-mode__pause");
      if (state.end) {
        stopClock(state);
        pause.textContent = "Resume";
        hb.say(state.status, "Paused with " + spoken(state.left) + " left.", false);
      } else {
        startClock(state, function () {
          hb.say(state.status, "Time is up for round " + (state.index + 1) + ".", false);
          showScore(state, true);
        });
        pause.textContent = "Pause";
        hb.say(state.status, "Clock running: " + spoken(state.left) + " left.", false);
      }
    } else if (target.closest(".hb-loop-mode__end")) {
      hb.say(state.status, "Round " + (state.index + 1) + " ended.", false);
      showScore(state, false);
    } else if (target.closest(".hb-loop-mode__reveal")) {
      var reveal = target.closest(".hb-loop-mode__reveal");
      var script = document.getElementById(reveal.getAttribute("aria-controls"));
      var open = reveal.getAttribute("aria-expanded") !== "true";
      reveal.setAttribute("aria-expanded", String(open));
      reveal.textContent = open ? "Hide the script" : "I'm the interviewer: show the script";
      script.hidden = !open;
    } else if (target.closest(".hb-loop-mode__next")) {
      showRound(state, state.index + 1);
    } else if (target.closest(".hb-loop-mode__print")) {
      printScorecards(rounds(state.root)[state.index].getAttribute("data-round-id"));
    } else if (target.closest(".hb-loop-mode__stop")) {
      finishFocus(showIdle(state, "Loop stopped. Scores saved so far are kept."));
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("hb-loop-mode__score")) return;
    event.preventDefault();
    var state = stateOf(form);
    if (state) saveScores(state, form);
  });

  function initLoopMode(root) {
    if (root.getAttribute("data-hb-ready")) return;
    root.setAttribute("data-hb-ready", "true");
    var app = root.querySelector(".hb-loop-mode__app");
    var nojs = root.querySelector(".hb-loop-mode__nojs");
    if (nojs) nojs.hidden = true;
    app.hidden = false;
    var status = el("p", { "class": "hb-loop-mode__status hb-sr-only", "aria-live": "polite" });
    root.appendChild(status);
    active = { root: root, app: app, status: status, tick: null, end: 0, left: 0,
      loopId: root.getAttribute("data-loop-id"), loopTitle: root.getAttribute("data-loop-title"),
      breakMinutes: Number(root.getAttribute("data-break-minutes")) || 5 };
    showIdle(active);
  }

  // Scores saved in another tab show up here too.
  window.addEventListener("storage", function (event) {
    if (event.key === store.KEY) renderHistories();
  });

  hb.onPage(function (root) {
    if (active && !document.contains(active.root)) {
      if (active.tick) clearInterval(active.tick);
      active = null;
    }
    Array.prototype.forEach.call(root.querySelectorAll(".hb-loop-mode"), initLoopMode);
    Array.prototype.forEach.call(root.querySelectorAll(".hb-scorecards__tools"), function (tools) { tools.hidden = false; });
    renderHistories();
  });
})();
