// The progress dashboard (handbook.rendering.quizzes render_progress_dashboard, on the home page and the quizzes
// page) and the export and import of the whole progress store. Loaded by quiz.js only on a page that has a
// dashboard. Per nav section: questions seen (answered in a quiz or reviewed as a flashcard), quiz accuracy
// (right answers among the questions answered), cards due now (progress-store.js isDue), checklists done (every
// item ticked) and quiz misses (cards marked `missed`), with a link to a flashcards session of those misses.
// What belongs to which section comes from assets/progress-index.json (handbook.exports.flashcards).
(function () {
  "use strict";
  if (window.__hbStudyProgressLoaded) return;
  window.__hbStudyProgressLoaded = true;
  var store = window.hbProgress;
  var hb = window.hb;

  var INDEX_FORMAT = 1; // handbook.exports.flashcards INDEX_VERSION
  var scriptUrl = document.currentScript ? document.currentScript.src : "";
  var INDEX_URL = scriptUrl ? new URL("../progress-index.json", scriptUrl).href : "";
  var index = null; // Promise of the sections

  function loadIndex() {
    if (!index) {
      index = fetch(INDEX_URL, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("the server answered " + response.status);
        return response.json();
      }).then(function (data) {
        if (!data || data.version !== INDEX_FORMAT || !Array.isArray(data.sections)) {
          throw new Error("the progress index has an unknown format");
        }
        return data.sections;
      });
      index.catch(function () { index = null; });
    }
    return index;
  }

  // The numbers of one section (or of all, when `sections` holds them all) from the stored progress.
  function count(sections, data, now) {
    var result = { questions: 0, seen: 0, answered: 0, right: 0, due: 0, misses: 0, checklists: 0, done: 0 };
    sections.forEach(function (section) {
      section.questions.forEach(function (id) {
        var answer = data.quizzes[id];
        var card = data.flashcards.cards[id];
        result.questions += 1;
        if (answer || (card && card.reps)) result.seen += 1;
        if (answer) { result.answered += 1; if (answer.correct) result.right += 1; }
        if (card && store.isDue(card, now)) result.due += 1;
        if (card && card.missed) result.misses += 1;
      });
      Object.keys(section.checklists).forEach(function (id) {
        var ticks = data.checklists[id] || {};
        var ticked = Object.keys(ticks).filter(function (item) { return ticks[item] && ticks[item].checked; });
        result.checklists += 1;
        if (ticked.length >= section.checklists[id]) result.done += 1;
      });
    });
    return result;
  }

  function cell(row, text, header) {
    var element = document.createElement(header ? "th" : "td");
    if (header) element.setAttribute("scope", "row");
    if (typeof text === "string") element.textContent = text;
    else element.appendChild(text);
    row.appendChild(element);
    return element;
  }

  function retryLink(dashboard, numbers, title) {
    if (!numbers.misses) return "0";
    var link = document.createElement("a");
    var url = new URL(dashboard.getAttribute("data-flashcards"), window.location.href);
    url.searchParams.set("only", "misses");
    if (title) url.searchParams.set("section", title);
    link.href = url.href;
    link.className = "hb-dashboard__retry";
    link.textContent = "Retry " + numbers.misses;
    link.setAttribute("aria-label", "Retry " + numbers.misses + " quiz miss" + (numbers.misses === 1 ? "" : "es") +
      (title ? " in " + title : " in every section") + " as flashcards");
    return link;
  }

  function row(body, dashboard, numbers, title) {
    var tr = document.createElement("tr");
    if (!title) tr.className = "hb-dashboard__total";
    cell(tr, title || "All sections", true);
    cell(tr, numbers.questions ? numbers.seen + " of " + numbers.questions : "–");
    cell(tr, numbers.answered ? Math.round(100 * numbers.right / numbers.answered) + "%" : "–");
    cell(tr, numbers.questions ? String(numbers.due) : "–");
    cell(tr, numbers.checklists ? numbers.done + " of " + numbers.checklists : "–");
    cell(tr, numbers.questions ? retryLink(dashboard, numbers, title) : "–");
    body.appendChild(tr);
  }

  function anything(data) {
    return Object.keys(data.quizzes).length + Object.keys(data.flashcards.cards).length +
      Object.keys(data.checklists).length > 0;
  }

  function fill(dashboard, sections) {
    var data = store.load();
    var now = Date.now();
    var body = dashboard.querySelector("tbody");
    body.textContent = "";
    sections.forEach(function (section) { row(body, dashboard, count([section], data, now), section.title); });
    row(body, dashboard, count(sections, data, now), "");
    var empty = !anything(data);
    var transfer = !!dashboard.querySelector(".hb-transfer");
    dashboard.querySelector(".hb-dashboard__fallback").hidden = true;
    // The home page shows a line rather than a table of zeros to a first-time reader; the quizzes page, where
    // the import is, always shows the table.
    dashboard.querySelector(".hb-dashboard__empty").hidden = !empty || transfer;
    dashboard.querySelector(".hb-dashboard__table").hidden = empty && !transfer;
    dashboard.setAttribute("data-hb-ready", "true");
  }

  function refreshAll() {
    var dashboards = document.querySelectorAll(".hb-dashboard");
    if (!dashboards.length) return;
    loadIndex().then(function (sections) {
      Array.prototype.forEach.call(dashboards, function (dashboard) {
        if (document.contains(dashboard)) fill(dashboard, sections);
      });
    }, function (error) {
      Array.prototype.forEach.call(dashboards, function (dashboard) {
        dashboard.querySelector(".hb-dashboard__fallback").textContent = "Your progress could not be counted (" +
          error.message + "); reload the page to try again.";
      });
    });
  }

  // --- Export and import ---------------------------------------------------------------------------------

  // The progress an export file holds, upgraded to this version, or an Error whose message says why the file is
  // refused (the status then reads "Not imported: <message>. Nothing was changed.").
  function refuse(why) { throw new Error(why); }
  function isObject(value) { return !!value && typeof value === "object" && !Array.isArray(value); }

  function readImport(text) {
    var file;
    try { file = JSON.parse(text); } catch (e) { refuse("it is not a JSON file"); }
    if (!isObject(file) || file.schema !== store.SCHEMA) {
      refuse("it is not a progress file of this handbook (its \"schema\" is not \"" + store.SCHEMA + "\")");
    }
    var version = file.version;
    if (typeof version !== "number" || version !== Math.floor(version) || version < 1) {
      refuse("its \"version\" is not a format number");
    }
    if (version > store.VERSION) {
      refuse("a newer version of the handbook wrote it (format " + version + "; this page reads up to " +
        store.VERSION + "): reload this page to get the newer version, then import again");
    }
    if (!isObject(file.progress)) refuse("it has no \"progress\" object");
    var data = store.upgrade(file.progress, version);
    ["quizzes", "checklists", "practice"].forEach(function (part) {
      if (data[part] !== undefined && !isObject(data[part])) refuse("\"" + part + "\" is not an object");
    });
    Object.keys(data.quizzes || {}).forEach(function (id) {
      var answer = data.quizzes[id];
      if (!isObject(answer) || !Array.isArray(answer.chosen) || typeof answer.correct !== "boolean") {
        refuse("quizzes[\"" + id + "\"] is not a quiz answer ({chosen: [...], correct: true or false})");
      }
    });
    Object.keys(data.checklists || {}).forEach(function (id) {
      if (!isObject(data.checklists[id])) refuse("checklists[\"" + id + "\"] is not a set of ticks");
    });
    if (data.flashcards !== undefined && !isObject(data.flashcards)) refuse("\"flashcards\" is not an object");
    var cards = (data.flashcards && data.flashcards.cards) || {};
    if (!isObject(cards)) refuse("\"flashcards.cards\" is not an object");
    Object.keys(cards).forEach(function (id) {
      var card = cards[id];
      if (!isObject(card) || isNaN(Date.parse(card.due)) || [0, 1, 2, 3].indexOf(card.state) === -1 ||
          typeof card.stability !== "number" || typeof card.difficulty !== "number") {
        refuse("flashcards.cards[\"" + id + "\"] is not a flashcard's schedule");
      }
    });
    return store.complete(data);
  }

  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }

  function summary(data) {
    var cards = data.flashcards.cards;
    var reviewed = Object.keys(cards).filter(function (id) { return cards[id].reps; }).length;
    var ticks = 0;
    Object.keys(data.checklists).forEach(function (id) { ticks += Object.keys(data.checklists[id]).length; });
    return plural(Object.keys(data.quizzes).length, "quiz answer") + ", " + plural(reviewed, "reviewed flashcard") +
      ", " + plural(ticks, "checklist tick") + " and " + plural(Object.keys(data.practice).length, "practice record");
  }

  function exportProgress(tools) {
    var file = store.exportFile();
    var blob = new Blob([JSON.stringify(file, null, 1) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "handbook-progress-" + file.exported.slice(0, 10) + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    hb.say(tools.querySelector(".hb-transfer__status"), "Exported " + summary(file.progress) + " to " +
      link.download + ". Import it on the quizzes page of another browser or device.", false);
  }

  function importProgress(input) {
    var tools = input.closest(".hb-transfer");
    var status = tools.querySelector(".hb-transfer__status");
    var file = input.files && input.files[0];
    if (!file) return;
    var refused = function (why) {
      status.classList.add("hb-transfer__status--refused");
      hb.say(status, "Not imported: " + why + ". Nothing was changed.", false);
    };
    file.text().then(function (text) {
      var progress;
      try { progress = readImport(text); } catch (error) { refused(error.message); return; }
      var question = "Replace the progress in this browser (" + summary(store.load()) + ") with the file's (" +
        summary(progress) + ")?";
      if (!window.confirm(question)) { hb.say(status, "Import cancelled. Nothing was changed.", false); return; }
      try { store.replaceAll(progress); } catch (error) { refused(error.message); return; }
      status.classList.remove("hb-transfer__status--refused");
      hb.say(status, "Imported " + summary(progress) + ".", false);
      try { window.dispatchEvent(new CustomEvent("hb-progress-replaced")); } catch (e) { /* very old browser */ }
      refreshAll();
    }, function () { refused("the file could not be read"); }).then(function () { input.value = ""; });
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var tools = target.closest(".hb-transfer");
    if (!tools) return;
    if (target.closest(".hb-transfer__export")) exportProgress(tools);
    else if (target.closest(".hb-transfer__import")) tools.querySelector(".hb-transfer__file").click();
  });

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input instanceof HTMLInputElement && input.classList.contains("hb-transfer__file")) importProgress(input);
  });

  // Progress changed in this tab (a quiz answer, a tick) or in another one.
  window.addEventListener("hb-progress-change", refreshAll);
  window.addEventListener("storage", function (event) { if (event.key === store.KEY) refreshAll(); });

  hb.onPage(function (root) {
    Array.prototype.forEach.call(root.querySelectorAll(".hb-transfer"), function (tools) { tools.hidden = false; });
    refreshAll();
  });
})();
