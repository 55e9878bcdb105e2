// Material renders Mermaid with the global `mermaid` when one exists, and otherwise fetches it from a
// public CDN. This stand-in keeps that global defined and imports the pinned ES-module build served by
// this site the first time a page renders a Mermaid figure; the browser then loads only the chunks that
// figure needs, so pages without Mermaid download nothing and pages with it stay light.
(function () {
  if (window.mermaid) return;
  var src = new URL("../vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src).href;
  var config = {};
  var loading = null;
  function load() {
    if (!loading) {
      loading = import(src).then(function (module) {
        module.default.initialize(config);
        return module.default;
      }, function (error) {
        loading = null;
        throw error;
      });
    }
    return loading;
  }
  window.mermaid = {
    initialize: function (options) { config = options || {}; },
    render: function (id, text) { return load().then(function (real) { return real.render(id, text); }); }
  };
})();
