// Fills the PDF skeleton (scripts/pdf_book/book.py) with the built pages: for each `article[data-src]`, fetch
// the page, take its `article.md-content__inner` and make it a chapter. Served only to the private page that
// scripts/build_pdf.py prints; never part of the site, and the site's own JavaScript is never loaded here.
//
// `window.hbAssemble(options)` returns {problems, blocks}: `blocks` are the figures and checklists that must
// not be split across pages, each with the invisible top and end markers that verify.py looks for.
(function () {
  "use strict";
  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  // What the print stylesheet hides anyway: dropped, so no hidden control or link lands in the tagged PDF.
  // Code lines' anchors too: thousands of links to themselves, which made the print a third slower.
  var DROP = ".headerlink, script, noscript, .md-content__button, .md-source-file, .hb-quiz__tools, " +
    ".hb-question__check, .hb-feedback, .hb-checklist__tools, .hb-checklist__count, .hb-timer, .hb-progress-tools, " +
    'pre a[id*="codelineno"], ' +
    // Paper is light and wide: a figure's dark copy and its phone layout (a <source>) are for screens.
    ".hb-figure__dark, .hb-figure picture > source";
  var ID_REFS = ["for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers", "list"];

  function clean(text) { return (text || "").replace(/\s+/g, " ").trim(); }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function marker(name, where) {
    var span = element("span", "hb-marker hb-marker--" + where, "hbmk-" + name + "-" + where);
    span.setAttribute("aria-hidden", "true");
    return span;
  }

  // Invisible text at the top and the bottom of a block; the PDF is right when both print on one page.
  function markBlock(node, name) {
    node.classList.add("hb-block");
    node.prepend(marker(name, "top"));
    node.append(marker(name, "end"));
  }

  // Lettered choices; the answers (right letters, the reason for each choice, the explanation) go to a list
  // returned for the end of the chapter. `data-correct` holds YAML indices, each input's value is its YAML
  // index, and the DOM order is the order the site shows.
  function quizAnswers(quiz, where, problems) {
    var entries = [];
    quiz.querySelectorAll("fieldset.hb-question").forEach(function (question, n) {
      var right = (question.getAttribute("data-correct") || "").split(",").filter(Boolean);
      var inputs = Array.prototype.slice.call(question.querySelectorAll(".hb-choice input"));
      var letters = [];
      inputs.forEach(function (input, i) {
        input.parentNode.insertBefore(element("span", "hb-choice__letter", LETTERS[i] + "."), input.nextSibling);
        if (right.indexOf(input.value) !== -1) letters.push(LETTERS[i]);
      });
      var id = question.id;
      if (!letters.length || letters.length !== right.length) {
        problems.push(where + ": quiz question " + id + ": its data-correct (" + right + ") names no shown choice");
      }
      var answer = question.querySelector("details.hb-answer");
      var entry = element("div", "hb-key");
      entry.id = id + "-answer";
      var head = element("p", "hb-key__head");
      var link = element("a", "", "Question " + (n + 1));
      link.setAttribute("href", "#" + id);
      head.append(link, ": ", element("strong", "hb-key__letters", letters.join(", ")));
      entry.append(head);
      if (answer) {
        var reasons = answer.querySelector(".hb-reasons");
        if (reasons) {
          Array.prototype.forEach.call(reasons.children, function (item, i) {
            item.prepend(element("span", "hb-choice__letter", LETTERS[i] + "."), " ");
          });
          entry.append(reasons);
        }
        var explanation = answer.querySelector(".hb-explanation");
        if (explanation) entry.append(explanation);
        answer.remove();
      } else {
        problems.push(where + ": quiz question " + id + " has no answer block");
      }
      entries.push(entry);
    });
    var intro = quiz.querySelector(".hb-quiz__intro");
    if (intro) {
      var count = clean(intro.textContent).split(". ")[0];
      intro.textContent = count + ". The answers are at the end of this chapter.";
    }
    return entries;
  }

  function answersSection(quizzes, entries) {
    var section = element("section", "hb-answers");
    var heading = element("h2", "", "Answers");
    heading.id = "answers";
    section.append(heading);
    quizzes.forEach(function (quiz, i) {
      if (quizzes.length > 1) {
        var title = quiz.querySelector("h2, h3, h4, h5, h6");
        section.append(element("h3", "", title ? clean(title.textContent) : "Quiz " + (i + 1)));
      }
      entries[i].forEach(function (entry) { section.append(entry); });
    });
    return section;
  }

  // Every id gets the chapter's prefix, and so does every reference to one, except inside SVG: Mermaid's
  // figures style and link their parts by their own ids (hashes of the figure, so equal copies agree).
  function prefixIds(root, prefix) {
    var inSvg = function (node) { return node.closest("svg") !== null; };
    root.querySelectorAll("[id]").forEach(function (node) { if (!inSvg(node)) node.id = prefix + node.id; });
    ID_REFS.forEach(function (attribute) {
      root.querySelectorAll("[" + attribute + "]").forEach(function (node) {
        if (inSvg(node)) return;
        var ids = node.getAttribute(attribute).split(/\s+/).filter(Boolean);
        node.setAttribute(attribute, ids.map(function (id) { return prefix + id; }).join(" "));
      });
    });
    // Content tabs are radio groups: keep each page's groups apart.
    root.querySelectorAll("input[name]").forEach(function (input) { input.name = prefix + input.name; });
  }

  // In-book links become `#chapter--fragment`; any other link into the site goes to the published site.
  function rewriteLinks(root, pageUrl, prefix, context) {
    root.querySelectorAll("a[href]").forEach(function (link) {
      if (link.closest("svg")) return;
      var raw = link.getAttribute("href");
      if (raw.charAt(0) === "#") {
        link.setAttribute("href", "#" + prefix + decodeURIComponent(raw.slice(1)));
        return;
      }
      var url;
      try { url = new URL(raw, pageUrl); } catch (error) { return; }
      if (url.origin !== context.origin || url.pathname.indexOf(context.basePath) !== 0) return;
      var path = url.pathname.slice(context.basePath.length).replace(/(^|\/)index\.html$/, "$1");
      var anchor = context.chapters[path];
      if (anchor !== undefined) {
        var fragment = decodeURIComponent(url.hash.slice(1));
        link.setAttribute("href", "#" + anchor + (fragment ? "--" + fragment : ""));
      } else {
        link.setAttribute("href", context.siteUrl + path + url.search + url.hash);
      }
    });
  }

  function chapterLevel(article) { return Number(article.getAttribute("data-level")) || 1; }

  function setHeadingLevels(root, base) {
    root.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach(function (heading) {
      if (heading.closest("svg")) return;
      var level = Math.min(6, base + Number(heading.tagName.charAt(1)) - 1);
      heading.setAttribute("aria-level", String(level));
    });
  }

  // The nav's title must be readable at the start of the chapter: above the page's own heading when that
  // says something else ("Home" above "Backend Interview Handbook").
  function addKicker(article, title) {
    var heading = article.querySelector("h1");
    if (heading && clean(heading.textContent).indexOf(title) !== -1) return;
    var kicker = element("p", "hb-chapter__kicker", title);
    if (heading) heading.before(kicker); else article.prepend(kicker);
  }

  function loadImages(root, pageUrl) {
    return Array.prototype.map.call(root.querySelectorAll("img[src]"), function (image) {
      image.setAttribute("src", new URL(image.getAttribute("src"), pageUrl).href);
      image.removeAttribute("srcset");
      image.loading = "eager";
      image.decoding = "sync";
      return image;
    });
  }

  function stylesheets(page, pageUrl) {
    var anchor = document.getElementById("hb-book-css");
    return Array.prototype.map.call(page.querySelectorAll('link[rel="stylesheet"]'), function (source) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL(source.getAttribute("href"), pageUrl).href;
      var loaded = new Promise(function (resolve, reject) {
        link.onload = resolve;
        link.onerror = function () { reject(new Error("stylesheet " + link.href + " does not load")); };
      });
      anchor.before(link);
      return loaded;
    });
  }

  async function fetchPage(url) {
    var response = await fetch(url);
    if (!response.ok) throw new Error("HTTP " + response.status);
    return new DOMParser().parseFromString(await response.text(), "text/html");
  }

  window.hbAssemble = async function (options) {
    var problems = [];
    var blocks = [];
    var base = new URL(options.base);
    var articles = Array.prototype.slice.call(document.querySelectorAll("article.hb-chapter[data-src]"));
    var context = { origin: base.origin, basePath: base.pathname, siteUrl: options.siteUrl, chapters: {} };
    articles.forEach(function (article) { context.chapters[article.getAttribute("data-src")] = article.id; });
    var pages = await Promise.all(articles.map(function (article) {
      var url = new URL(article.getAttribute("data-src"), base).href;
      return fetchPage(url).catch(function (error) {
        problems.push(article.getAttribute("data-source") + " (" + url + "): " + error.message +
          ": the page is missing from the built site; run `make build` first");
        return null;
      });
    }));
    if (problems.length) return { problems: problems, blocks: blocks };
    var loading = stylesheets(pages[0], new URL(articles[0].getAttribute("data-src"), base).href);
    ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"].forEach(function (name) {
      var value = pages[0].body.getAttribute(name);
      if (value) document.body.setAttribute(name, value);
    });
    var images = [];
    articles.forEach(function (article, index) {
      var pageUrl = new URL(article.getAttribute("data-src"), base).href;
      var where = article.getAttribute("data-source");
      var title = article.getAttribute("data-title");
      var source = pages[index].querySelector("article.md-content__inner");
      if (!source) {
        problems.push(where + ": " + pageUrl + " is not a page of the built site (no article.md-content__inner): " +
          "run `make build` first");
        return;
      }
      source.querySelectorAll(DROP).forEach(function (node) { node.remove(); });
      source.querySelectorAll("details:not(.hb-answer)").forEach(function (node) { node.open = true; });
      var quizzes = Array.prototype.slice.call(source.querySelectorAll("section.hb-quiz"));
      var entries = quizzes.map(function (quiz) { return quizAnswers(quiz, where, problems); });
      if (quizzes.length) source.append(answersSection(quizzes, entries));
      var prefix = article.id + "--";
      prefixIds(source, prefix);
      rewriteLinks(source, pageUrl, prefix, context);
      setHeadingLevels(source, chapterLevel(article));
      // Every figure of the page: the site has numbered them per page already (figure_numbers.py), so the
      // book keeps the page's numbers and only marks each figure to check that no page break cuts it.
      var figures = "figure.hb-figure, figure:has(> .hb-mermaid), .hb-mermaid:not(figure > .hb-mermaid)";
      source.querySelectorAll(figures).forEach(function (figure) {
        var caption = figure.querySelector("figcaption");
        var label = caption ? clean(caption.textContent) : "Mermaid figure";
        var name = "f" + (blocks.length + 1);
        markBlock(figure, name);
        blocks.push({ marker: name, kind: "figure", label: label, chapter: title, source: where });
      });
      images = images.concat(loadImages(source, pageUrl));
      article.append.apply(article, Array.prototype.slice.call(source.childNodes));
      addKicker(article, title);
      if (article.querySelector(".hb-checklist")) {
        var name = "c" + (blocks.length + 1);
        markBlock(article, name);
        blocks.push({ marker: name, kind: "checklist", label: title, chapter: title, source: where });
      }
    });
    // A link whose fragment is on no element of the book goes to its chapter's start.
    document.querySelectorAll('a[href^="#"]').forEach(function (link) {
      var id = link.getAttribute("href").slice(1);
      if (!id || document.getElementById(id)) return;
      var chapter = id.split("--")[0];
      if (document.getElementById(chapter)) link.setAttribute("href", "#" + chapter);
      else problems.push("a link to #" + id + " has no target in the book");
    });
    document.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (href.charAt(0) === "#" || link.closest("svg")) return;
      var url;
      try { url = new URL(href); } catch (error) { url = null; }
      if (!url || url.origin === base.origin) {
        problems.push("a link to " + href + " would point to the local server in the PDF");
      }
    });
    try {
      await Promise.all(loading);
    } catch (error) {
      problems.push(error.message);
    }
    await Promise.all(images.map(function (image) {
      return image.decode().catch(function () {
        var article = image.closest("article");
        problems.push((article ? article.getAttribute("data-source") : "the book") + ": the image " +
          image.getAttribute("src") + " does not load: is the site fully built? Run `make build`");
      });
    }));
    await document.fonts.ready;
    return { problems: problems, blocks: blocks };
  };
})();
