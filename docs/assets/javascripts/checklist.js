// Checklists (macros/checklist_block.py): ticks kept per item in hb-progress, a "3/5" count per section,
// Clear, Print and "print with my ticks" (default: the page prints with empty boxes to fill in by hand).
// Delegated listeners are added once; per-page set-up runs from document$ (Material's instant navigation).
(function () {
  "use strict";
  if (window.__hbChecklistLoaded) return;
  window.__hbChecklistLoaded = true;
  var store = window.hbProgress;
  var hb = window.hb;

  function boxes(list) {
    return Array.prototype.slice.call(list.querySelectorAll(".hb-check[data-item-id] input[type=checkbox]"));
  }

  function updateCounts(list) {
    Array.prototype.forEach.call(list.querySelectorAll(".hb-checklist__section"), function (section) {
      var all = section.querySelectorAll(".hb-check input[type=checkbox]");
      var done = section.querySelectorAll(".hb-check input[type=checkbox]:checked").length;
      var count = section.querySelector(".hb-checklist__count");
      if (!count) return;
      count.hidden = false;
      count.setAttribute("data-done", String(done));
      count.querySelector(".hb-checklist__count-visible").textContent = done + "/" + all.length;
      count.querySelector(".hb-sr-only").textContent = ", " + done + " of " + all.length + " done";
    });
  }

  function initChecklist(list) {
    if (list.getAttribute("data-hb-ready")) return;
    list.setAttribute("data-hb-ready", "true");
    var ticks = store.ticks(list.getAttribute("data-checklist-id"));
    boxes(list).forEach(function (box) {
      box.checked = !!ticks[box.closest(".hb-check").getAttribute("data-item-id")];
    });
    var tools = list.querySelector(".hb-checklist__tools");
    if (tools) tools.hidden = false;
    updateCounts(list);
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    var list = input.closest(".hb-checklist");
    if (!list) return;
    if (input.classList.contains("hb-checklist__print-ticks")) {
      list.classList.toggle("hb-checklist--print-ticks", input.checked);
      return;
    }
    var item = input.closest(".hb-check[data-item-id]");
    if (!item) return;
    store.setTick(list.getAttribute("data-checklist-id"), item.getAttribute("data-item-id"), input.checked);
    updateCounts(list);
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var list = target.closest(".hb-checklist");
    if (!list) return;
    if (target.closest(".hb-checklist__print")) {
      window.print();
    } else if (target.closest(".hb-checklist__clear")) {
      var ticked = boxes(list).filter(function (box) { return box.checked; }).length;
      store.clearChecklist(list.getAttribute("data-checklist-id"));
      boxes(list).forEach(function (box) { box.checked = false; });
      updateCounts(list);
      hb.say(list.querySelector(".hb-checklist__status"),
        ticked ? "Cleared " + ticked + " tick" + (ticked === 1 ? "" : "s") + "." : "Nothing was ticked.", false);
    }
  });

  // Ticks made in another tab show up here too.
  window.addEventListener("storage", function (event) {
    if (event.key !== store.KEY) return;
    Array.prototype.forEach.call(document.querySelectorAll(".hb-checklist[data-hb-ready]"), function (list) {
      var ticks = store.ticks(list.getAttribute("data-checklist-id"));
      boxes(list).forEach(function (box) {
        box.checked = !!ticks[box.closest(".hb-check").getAttribute("data-item-id")];
      });
      updateCounts(list);
    });
  });

  hb.onPage(function (root) {
    Array.prototype.forEach.call(root.querySelectorAll(".hb-checklist"), initChecklist);
  });
})();
