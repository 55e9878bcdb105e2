// Tables that scroll sideways (on phones handbook.css gives wide tables their natural width inside Material's
// .md-typeset__scrollwrap) can be reached and scrolled with the keyboard: the wrapper takes a tab stop while,
// and only while, its table is wider than it, as Material does for code blocks (WCAG 2.1.1; axe:
// scrollable-region-focusable). A resize observer re-measures when a phone turns or a script shows or fills a
// table (the quizzes dashboard's starts hidden).
(function () {
  "use strict";

  function mark(wrap) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) wrap.setAttribute("tabindex", "0");
    else if (wrap.getAttribute("tabindex") === "0") wrap.removeAttribute("tabindex");
  }

  var observer = null;

  // Material wraps the tables when it mounts the page's content; look for the wrappers once that has happened.
  window.hb.onPage(function (root) {
    window.requestAnimationFrame(function () {
      if (observer) observer.disconnect();
      var wraps = root.querySelectorAll(".md-typeset__scrollwrap");
      if (!("ResizeObserver" in window)) { wraps.forEach(mark); return; }
      observer = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { mark(entry.target.closest(".md-typeset__scrollwrap")); });
      });
      wraps.forEach(function (wrap) {
        observer.observe(wrap);  // reports its first size too, so every wrapper is measured once
        var table = wrap.querySelector("table");
        if (table) observer.observe(table);
      });
    });
  });
})();
