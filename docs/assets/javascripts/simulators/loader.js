// Starts the simulators of a page. Loaded on every page but tiny: it looks for `.hb-sim[data-sim]` blocks and,
// only when one scrolls near the viewport, imports that simulator's UI module (an ES module beside this file),
// so pages without a simulator load nothing more, and a page with one keeps its first paint fast.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? new URL("./", script.src).href : null;
  if (!base || !window.hb) return;

  function start(block) {
    if (block.hasAttribute("data-hb-sim-started")) return;
    block.setAttribute("data-hb-sim-started", "");
    import(base + block.getAttribute("data-sim") + "/ui.js")
      .then(function (module) { module.mount(block); })
      .catch(function (error) {
        // The static figure and paragraph stay in place; say why for the console and the tests.
        block.setAttribute("data-hb-sim-error", String(error && error.message || error));
        console.error("simulator " + block.getAttribute("data-sim") + " failed to start:", error);
      });
  }

  window.hb.onPage(function (root) {
    var blocks = Array.prototype.slice.call(root.querySelectorAll(".hb-sim[data-sim]"));
    if (!blocks.length) return;
    if (!("IntersectionObserver" in window)) { blocks.forEach(start); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        start(entry.target);
      });
    }, { rootMargin: "300px 0px" });
    blocks.forEach(function (block) { observer.observe(block); });
  });
})();
