// Coding problems (docs/practice/problems/): the reader's "solved / needed hints / not yet" mark per problem,
// kept whole in hb-progress under practice "problems" as {version: 1, marks: {problemId: {mark, at}}}.
// On a problem page it shows and restores the radio buttons; on the index it fills each row's mark and the
// totals. A no-op on every other page. Delegated listeners are added once; set-up runs on each page view.
(function () {
  "use strict";
  if (window.__hbProblemsLoaded) return;
  window.__hbProblemsLoaded = true;
  var store = window.hbProgress;
  var hb = window.hb;
  var NAME = "problems";
  var LABELS = { solved: "Solved", hints: "Needed hints", "not-yet": "Not yet" };

  function saved() {
    var value = store.practice(NAME);
    var marks = value && typeof value === "object" && value.marks && typeof value.marks === "object" ? value.marks : {};
    return { version: 1, marks: marks };
  }

  function markOf(marks, id) {
    var entry = marks[id];
    return entry && LABELS.hasOwnProperty(entry.mark) ? entry.mark : "";
  }

  function setMark(id, mark) {
    var value = saved();
    if (mark) value.marks[id] = { mark: mark, at: new Date().toISOString() };
    else delete value.marks[id];
    store.setPractice(NAME, value);
  }

  function showControls(fieldset, mark, quiet) {
    Array.prototype.forEach.call(fieldset.querySelectorAll("input[type=radio]"), function (radio) {
      radio.checked = radio.value === mark;
    });
    fieldset.setAttribute("data-mark", mark);
    fieldset.querySelector(".hb-problem-mark__clear").hidden = !mark;
    var status = mark ? "Marked: " + LABELS[mark].toLowerCase() + "." : "";
    if (!store.kept()) status += " Not saved: this browser does not keep it after the page closes.";
    hb.say(fieldset.querySelector(".hb-problem-mark__status"), status, quiet);
  }

  function fillIndex(root, marks) {
    var counts = { solved: 0, hints: 0, "not-yet": 0 };
    var cells = root.querySelectorAll(".hb-problem-status[data-problem-id]");
    Array.prototype.forEach.call(cells, function (cell) {
      var mark = markOf(marks, cell.getAttribute("data-problem-id"));
      cell.textContent = mark ? LABELS[mark] : "not marked";
      cell.setAttribute("data-mark", mark);
      if (mark) counts[mark] += 1;
    });
    var summary = root.querySelector(".hb-problem-summary");
    if (!summary) return;
    var total = Number(summary.getAttribute("data-total"));
    var marked = counts.solved + counts.hints + counts["not-yet"];
    summary.textContent = "Your marks: " + counts.solved + " solved, " + counts.hints + " with hints, " +
      counts["not-yet"] + " not yet, " + (total - marked) + " of " + total + " not marked.";
    summary.hidden = false;
  }

  function init(root) {
    var marks = saved().marks;
    Array.prototype.forEach.call(root.querySelectorAll(".hb-problem-mark[data-problem-id]"), function (fieldset) {
      fieldset.hidden = false;
      showControls(fieldset, markOf(marks, fieldset.getAttribute("data-problem-id")), true);
    });
    fillIndex(root, marks);
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "radio") return;
    var fieldset = input.closest(".hb-problem-mark[data-problem-id]");
    if (!fieldset || !input.checked) return;
    setMark(fieldset.getAttribute("data-problem-id"), input.value);
    showControls(fieldset, input.value, false);
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !target.closest(".hb-problem-mark__clear")) return;
    var fieldset = target.closest(".hb-problem-mark[data-problem-id]");
    setMark(fieldset.getAttribute("data-problem-id"), "");
    showControls(fieldset, "", false);
    var first = fieldset.querySelector("input[type=radio]");
    if (first) first.focus();
  });

  hb.onPage(init);
})();
