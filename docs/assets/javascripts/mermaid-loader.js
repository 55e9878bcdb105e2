// Material renders Mermaid with the global `mermaid` when one exists, and otherwise fetches it from a
// public CDN. This stand-in keeps that global defined and loads the pinned copy served by this site the
// first time a page actually renders a Mermaid figure, so other pages never download its 2.7 MB.
(function () {
  if (window.mermaid) return;
  var src = new URL("../vendor/mermaid.min.js", document.currentScript.src).href;
  var config = {};
  var loading = null;
  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { window.mermaid.initialize(config); resolve(window.mermaid); };
        script.onerror = function () { loading = null; reject(new Error("could not load " + src)); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }
  window.mermaid = {
    initialize: function (options) { config = options || {}; },
    render: function (id, text) { return load().then(function (real) { return real.render(id, text); }); }
  };
})();
