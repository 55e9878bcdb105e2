// The figure gallery's filter (docs/study/figures.md, handbook/rendering/figure_gallery.py): words typed match
// a card's caption, number and page title (every word, in any order); a kind toggle keeps one kind of figure.
// Pages and sections left without a card hide with their headings, and a polite status says how many remain.
// Without JavaScript the filter stays hidden and every card shows.
(function () {
  "use strict";
  if (window.__hbGalleryLoaded) return;
  window.__hbGalleryLoaded = true;
  var hb = window.hb;

  function words(text) {
    return (text || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .split(/[^a-z0-9]+/).filter(Boolean);
  }

  // The article's headings and grids in order: each grid belongs to the h3 before it, each h3 to its h2.
  function groups(article) {
    var found = [], section = null, page = null;
    Array.prototype.forEach.call(article.children, function (el) {
      if (el.tagName === "H2") { section = { heading: el, pages: [] }; found.push(section); }
      else if (el.tagName === "H3") { page = { heading: el, title: el.textContent, grids: [] }; if (section) section.pages.push(page); }
      else if (el.classList.contains("hb-gallery__grid") && page) page.grids.push(el);
    });
    return found;
  }

  function init(root) {
    var filter = root.querySelector(".hb-gallery__filter");
    if (!filter || filter.hasAttribute("data-ready")) return;
    filter.setAttribute("data-ready", "");
    var article = filter.closest("article") || filter.parentNode;
    var input = filter.querySelector("input");
    var buttons = filter.querySelectorAll(".hb-gallery__kind-filter");
    var status = filter.querySelector(".hb-gallery__status");
    var sections = groups(article);
    var total = 0;
    sections.forEach(function (section) {
      section.pages.forEach(function (page) {
        var titleWords = words(page.title).join(" ");
        page.cards = [];
        page.grids.forEach(function (grid) {
          Array.prototype.forEach.call(grid.querySelectorAll(".hb-gallery__card"), function (card) {
            var text = card.querySelector(".hb-gallery__text");
            page.cards.push({ el: card, kind: card.getAttribute("data-kind"),
                              text: " " + words(text ? text.textContent : "").join(" ") + " " + titleWords + " " });
            total += 1;
          });
        });
      });
    });
    var kind = "";

    function apply(quiet) {
      var wanted = words(input.value);
      var shown = 0;
      sections.forEach(function (section) {
        var inSection = 0;
        section.pages.forEach(function (page) {
          var inPage = 0;
          page.cards.forEach(function (card) {
            var ok = (!kind || card.kind === kind) && wanted.every(function (w) {
              return card.text.indexOf(" " + w) !== -1; // a word's start: "rep" finds "replica"
            });
            card.el.hidden = !ok;
            if (ok) inPage += 1;
          });
          page.heading.hidden = inPage === 0;
          page.grids.forEach(function (grid) { grid.hidden = inPage === 0; });
          inSection += inPage;
        });
        section.heading.hidden = inSection === 0;
        shown += inSection;
      });
      var text = shown === total ? total + " figures" : shown + " of " + total + " figures";
      hb.say(status, shown === 0 ? "No figure matches: try fewer words or another kind" : text, quiet);
    }

    input.addEventListener("input", function () { apply(false); });
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        kind = button.getAttribute("data-kind");
        Array.prototype.forEach.call(buttons, function (other) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        });
        apply(false);
      });
    });
    filter.hidden = false;
    apply(true);
  }

  hb.onPage(init);
})();
