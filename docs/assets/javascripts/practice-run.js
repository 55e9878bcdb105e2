// Practice runs on case studies. A timer inside a "Try it yourself" admonition that also holds a minute plan
// (a table with "Minutes" and "Axis" columns) becomes a practice run; any other `.hb-timer` stays the plain
// countdown of timer.js. "Start practice" folds everything after the admonition (reference answers, figures,
// the rest of the page) until the run ends or the reader asks; the timer docks under Material's header and
// says each stage of the minute plan, visibly and in a live region. The run survives a reload and ends with
// a visible cue and a Web Audio beep (a toggle turns the sound off). Then a self-check per axis is saved.
//
// Kept in hbProgress.practice("runs") as {sound: bool, pages: {<page slug>: {active, last}}}:
//   active: {state: "running", end, started, revealed} or {state: "paused", left, started, revealed}
//   last:   {ended, checked, axes: {<axis id>: {rating: "covered"|"partly"|"missed", note}}}
(function () {
  "use strict";
  if (window.__hbPracticeRunLoaded) return;
  window.__hbPracticeRunLoaded = true;
  var hb = window.hb;
  var store = window.hbProgress;
  var AXES = [
    ["requirements", "Requirements"], ["api", "API"], ["data-model", "Data model"],
    ["scaling", "Scaling"], ["resilience", "Resilience"], ["observability", "Observability"]
  ];
  var RATINGS = [["covered", "Covered"], ["partly", "Partly"], ["missed", "Missed"]];
  var BEEP_IF_ENDED_WITHIN = 60000; // a run that ended long before this page opened ends quietly
  var current = null; // the run on this page: {el, prompt, article, stages, key, minutes, tick, stage}
  var audio = null;

  // --- Stored state ------------------------------------------------------------------------------------
  function allRuns() {
    var value = store.practice("runs");
    return value && typeof value === "object" && !Array.isArray(value) ? value : {};
  }
  function record(key) {
    var pages = allRuns().pages;
    var value = pages && typeof pages === "object" ? pages[key] : null;
    return value && typeof value === "object" ? value : {};
  }
  function setRecord(key, value) {
    var all = allRuns();
    all.pages = all.pages && typeof all.pages === "object" ? all.pages : {};
    all.pages[key] = value;
    store.setPractice("runs", all);
  }
  function soundOn() { return allRuns().sound !== false; }
  function setSound(on) {
    var all = allRuns();
    all.sound = !!on;
    store.setPractice("runs", all);
  }
  function pageKey() {
    var parts = location.pathname.split("/").filter(function (p) { return p && p !== "index.html"; });
    return parts.length ? parts[parts.length - 1] : "home";
  }

  // --- Reading the page ----------------------------------------------------------------------------------
  function text(node) { return (node.textContent || "").replace(/\s+/g, " ").trim(); }

  // The minute plan: [{start, end, axis, what, row}] from the admonition's table. Minutes are either ranges
  // ("8–12") or durations ("6"), which are added up in order.
  function minutePlan(prompt) {
    var tables = prompt.querySelectorAll("table");
    for (var t = 0; t < tables.length; t++) {
      var head = tables[t].querySelector("thead tr") || tables[t].querySelector("tr");
      if (!head) continue;
      var names = Array.prototype.map.call(head.children, function (cell) { return text(cell).toLowerCase(); });
      var mi = names.indexOf("minutes"), ai = names.indexOf("axis");
      if (mi < 0 || ai < 0) continue;
      var wi = -1;
      for (var i = 0; i < names.length; i++) if (i !== mi && i !== ai) { wi = i; break; }
      var rows = Array.prototype.slice.call(tables[t].querySelectorAll("tbody tr"));
      var stages = [], ranges = true, at = 0;
      rows.forEach(function (row) {
        var cells = row.children;
        var minutes = text(cells[mi] || row);
        var range = minutes.match(/(\d+(?:\.\d+)?)\s*[\u2013\u2014-]\s*(\d+(?:\.\d+)?)/);
        var single = minutes.match(/(\d+(?:\.\d+)?)/);
        if (!range) ranges = false;
        stages.push({
          range: range ? [Number(range[1]), Number(range[2])] : null,
          length: single ? Number(single[1]) : 0,
          axis: text(cells[ai] || row),
          what: wi >= 0 && cells[wi] ? text(cells[wi]) : "",
          row: row
        });
      });
      stages.forEach(function (stage) {
        if (ranges) { stage.start = stage.range[0]; stage.end = stage.range[1]; }
        else { stage.start = at; stage.end = at + stage.length; at = stage.end; }
      });
      if (stages.length) return stages;
    }
    return null;
  }

  function promptOf(el) {
    var prompt = el.closest(".admonition, details");
    if (!prompt || !prompt.parentElement || !prompt.parentElement.classList.contains("md-typeset")) return null;
    return /try it yourself/i.test(text(prompt.querySelector(".admonition-title, summary") || prompt)) ? prompt : null;
  }

  // --- Formatting ---------------------------------------------------------------------------------------
  var format = hb.clock, spoken = hb.spokenClock;
  function day(ms) {
    try {
      return new Date(ms).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
    } catch (e) { return new Date(ms).toDateString(); }
  }
  function stageText(stage, index, count) {
    return "Stage " + (index + 1) + " of " + count + ", minutes " + stage.start + "\u2013" + stage.end + ": " +
      stage.axis + "." + (stage.what ? " Leave on the board: " + stage.what + "." : "");
  }

  // --- Sound --------------------------------------------------------------------------------------------
  // Made (or resumed) on the Start click, so that the browser lets it play at the end.
  function audioContext() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return null;
    if (!audio) {
      try { audio = new Context(); } catch (e) { return null; }
    }
    if (audio.state === "suspended" && audio.resume) {
      try { audio.resume(); } catch (e) { /* played only if the browser allows it */ }
    }
    return audio;
  }
  function beep() {
    if (!soundOn()) return;
    var context = audioContext();
    if (!context) return;
    [0, 0.4, 0.8].forEach(function (delay) {
      var at = context.currentTime + delay;
      var tone = context.createOscillator(), gain = context.createGain();
      tone.type = "sine";
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
      tone.connect(gain);
      gain.connect(context.destination);
      tone.start(at);
      tone.stop(at + 0.32);
    });
  }

  // --- The page while a run is on ----------------------------------------------------------------------
  function part(name) { return current.el.querySelector(".hb-run__" + name); }
  function folded() { return current.article.querySelectorAll("[data-hb-folded]"); }

  function fold() {
    if (!current.notice) {
      current.notice = document.createElement("div");
      current.notice.className = "admonition note hb-run-ui hb-run__notice";
      current.notice.innerHTML =
        '<p class="admonition-title">Reference folded</p>' +
        "<p>The reference answers, the figures and the rest of this page are folded until the run ends.</p>" +
        '<p><button type="button" class="md-button hb-run__reveal-now">Show the reference now</button></p>';
      current.prompt.parentNode.insertBefore(current.notice, current.prompt.nextSibling);
    }
    for (var node = current.notice.nextElementSibling; node; node = node.nextElementSibling) {
      if (!node.classList.contains("hb-run-ui")) node.setAttribute("data-hb-folded", "");
    }
  }
  function unfold() {
    Array.prototype.forEach.call(folded(), function (node) { node.removeAttribute("data-hb-folded"); });
    if (current.notice) { current.notice.remove(); current.notice = null; }
  }

  // The timer docks (sticky, under the header) from the article, so that it stays in view down the page.
  function dock(on) {
    var el = current.el;
    if (on && !el.classList.contains("hb-run--docked")) {
      current.home = current.home || el.nextSibling;
      current.prompt.parentNode.insertBefore(el, current.prompt);
      el.classList.add("hb-run--docked");
    } else if (!on && el.classList.contains("hb-run--docked")) {
      el.classList.remove("hb-run--docked");
      current.homeParent.insertBefore(el, current.home && current.home.parentNode === current.homeParent ? current.home : null);
    }
  }

  function markStage(index) {
    current.stages.forEach(function (stage, i) {
      stage.row.classList.toggle("hb-run__row--now", i === index);
      if (i === index) stage.row.setAttribute("aria-current", "step");
      else stage.row.removeAttribute("aria-current");
    });
  }

  function stageAt(elapsedMinutes) {
    var stages = current.stages;
    for (var i = 0; i < stages.length; i++) if (elapsedMinutes < stages[i].end) return i;
    return stages.length - 1;
  }

  function remaining(active) {
    return active.state === "running" ? active.end - Date.now() : active.left;
  }

  function show(active, quiet) {
    var total = current.minutes * 60000;
    var left = remaining(active);
    part("readout").textContent = format(left);
    var index = stageAt((total - left) / 60000);
    if (index !== current.stage) {
      current.stage = index;
      markStage(index);
      hb.say(part("stage"), stageText(current.stages[index], index, current.stages.length), quiet);
    }
  }

  function render() {
    var active = record(current.key).active;
    if (!active) return;
    if (active.state === "running" && remaining(active) <= 0) { finish(active, true); return; }
    show(active, false);
    var left = remaining(active);
    if (active.state === "running" && left <= 60000 && !current.lastMinute) {
      current.lastMinute = true;
      hb.say(part("status"), "One minute left.", false);
    }
  }

  function stopTicking() {
    if (current && current.tick) { clearInterval(current.tick); current.tick = null; }
  }
  function tick() {
    stopTicking();
    current.tick = setInterval(render, 250);
  }

  function controls(state) {
    var el = current.el;
    var on = state === "running" || state === "paused";
    el.classList.toggle("hb-timer--running", state === "running");
    el.classList.toggle("hb-run--on", on);
    el.classList.toggle("hb-timer--done", state === "done");
    part("start").hidden = on;
    part("start").textContent = state === "done" ? "Start again" : "Start practice";
    part("pause").hidden = !on;
    part("pause").textContent = state === "paused" ? "Resume" : "Pause";
    part("abandon").hidden = !on;
    part("stage").hidden = !on;
    part("end").hidden = state !== "done";
    var active = record(current.key).active;
    part("reveal").hidden = !on || !!(active && active.revealed);
  }

  // --- Actions ------------------------------------------------------------------------------------------
  function start() {
    audioContext();
    var rec = record(current.key);
    var now = Date.now();
    rec.active = { state: "running", end: now + current.minutes * 60000, started: now, revealed: false };
    setRecord(current.key, rec);
    current.stage = -1;
    current.lastMinute = false;
    hideSelfCheck();
    dock(true);
    fold();
    controls("running");
    show(rec.active, false);
    hb.say(part("status"), "Practice started: " + spoken(current.minutes * 60000) + ".", false);
    part("pause").focus(); // the Start button is gone: keep the keyboard in the timer
    tick();
  }

  function pauseOrResume() {
    var rec = record(current.key);
    var active = rec.active;
    if (!active) return;
    if (active.state === "running") {
      rec.active = { state: "paused", left: Math.max(0, active.end - Date.now()), started: active.started,
        revealed: active.revealed };
      stopTicking();
      show(rec.active, true); // the time it stopped at, not the last tick's: a reload shows the same
      setRecord(current.key, rec);
      controls("paused");
      hb.say(part("status"), "Paused with " + spoken(rec.active.left) + " left.", false);
    } else {
      audioContext();
      rec.active = { state: "running", end: Date.now() + active.left, started: active.started,
        revealed: active.revealed };
      setRecord(current.key, rec);
      controls("running");
      hb.say(part("status"), "Resumed: " + spoken(active.left) + " left.", false);
      tick();
    }
  }

  function reveal() {
    var fromNotice = !!(current.notice && current.notice.contains(document.activeElement));
    var rec = record(current.key);
    if (rec.active) { rec.active.revealed = true; setRecord(current.key, rec); }
    var first = current.notice ? current.notice.nextElementSibling : null;
    unfold();
    if (rec.active) controls(rec.active.state);
    hb.say(part("status"), "The reference is shown; the run goes on.", false);
    if (fromNotice && first) { // the button pressed is gone: go on reading where the reference starts
      if (!first.hasAttribute("tabindex")) first.setAttribute("tabindex", "-1");
      first.focus();
    } else if (!fromNotice) {
      part("pause").focus();
    }
  }

  function abandon() {
    var rec = record(current.key);
    delete rec.active;
    setRecord(current.key, rec);
    stopTicking();
    unfold();
    markStage(-1);
    current.stage = -1;
    dock(false);
    controls("idle");
    part("readout").textContent = format(current.minutes * 60000);
    hb.say(part("status"), "Practice abandoned.", false);
    part("start").focus();
    showSelfCheck(false);
  }

  function finish(active, live) {
    var rec = record(current.key);
    delete rec.active;
    rec.ended = active.state === "running" ? active.end : Date.now();
    setRecord(current.key, rec);
    stopTicking();
    unfold();
    markStage(-1);
    current.stage = -1;
    controls("done");
    part("readout").textContent = format(0);
    if (live) {
      hb.say(part("status"), "Time is up. Pens down, then fill in the self-check.", false);
      beep();
    }
    showSelfCheck(true);
  }

  // --- Self-check ---------------------------------------------------------------------------------------
  function hideSelfCheck() { if (current.check) current.check.hidden = true; }

  function showSelfCheck(afterRun) {
    var rec = record(current.key);
    if (!afterRun && !rec.last) { hideSelfCheck(); return; }
    if (!current.check) {
      var form = document.createElement("form");
      form.className = "hb-selfcheck hb-run-ui";
      form.setAttribute("aria-labelledby", "hb-selfcheck-title");
      var axes = AXES.map(function (axis) {
        var radios = RATINGS.map(function (rating) {
          var id = "hb-selfcheck-" + axis[0] + "-" + rating[0];
          return '<input type="radio" id="' + id + '" name="hb-selfcheck-' + axis[0] + '" value="' + rating[0] +
            '"><label for="' + id + '">' + rating[1] + "</label>";
        }).join("");
        return '<fieldset class="hb-selfcheck__axis" data-axis="' + axis[0] + '"><legend>' + axis[1] + "</legend>" +
          '<span class="hb-selfcheck__ratings">' + radios + "</span>" +
          '<input type="text" class="hb-selfcheck__note" maxlength="200" aria-label="' + axis[1] +
          ': note" placeholder="Note: what was missing"></fieldset>';
      }).join("");
      form.innerHTML =
        '<p class="hb-selfcheck__title" id="hb-selfcheck-title"><strong>Self-check</strong></p>' +
        '<p class="hb-selfcheck__intro">Compare your board with the reference answers, one axis at a time.</p>' +
        axes +
        '<p><button type="submit" class="md-button md-button--primary">Save self-check</button> ' +
        '<span class="hb-selfcheck__status" role="status"></span></p>';
      current.prompt.parentNode.insertBefore(form, current.prompt.nextSibling);
      current.check = form;
    }
    var last = rec.last && rec.last.axes ? rec.last : null;
    AXES.forEach(function (axis) {
      var saved = last && last.axes[axis[0]] ? last.axes[axis[0]] : {};
      var set = current.check.querySelector('[data-axis="' + axis[0] + '"]');
      Array.prototype.forEach.call(set.querySelectorAll("input[type=radio]"), function (radio) {
        radio.checked = afterRun && !last ? false : radio.value === saved.rating;
      });
      set.querySelector(".hb-selfcheck__note").value = saved.note || "";
    });
    var status = current.check.querySelector(".hb-selfcheck__status");
    hb.say(status, last ? "Saved " + day(last.checked) + "." : "", true);
    current.check.hidden = false;
  }

  function saveSelfCheck(form) {
    var axes = {};
    AXES.forEach(function (axis) {
      var set = form.querySelector('[data-axis="' + axis[0] + '"]');
      var chosen = set.querySelector("input[type=radio]:checked");
      var note = set.querySelector(".hb-selfcheck__note").value.trim().slice(0, 200);
      if (chosen || note) axes[axis[0]] = { rating: chosen ? chosen.value : "", note: note };
    });
    var rec = record(current.key);
    rec.last = { ended: rec.ended || Date.now(), checked: Date.now(), axes: axes };
    setRecord(current.key, rec);
    var count = Object.keys(axes).length;
    hb.say(form.querySelector(".hb-selfcheck__status"),
      "Saved " + day(rec.last.checked) + ": " + count + " of " + AXES.length + " axes rated.", false);
  }

  // --- Set-up -------------------------------------------------------------------------------------------
  function build(el, minutes) {
    el.setAttribute("data-hb-practice", "true");
    // Ready, as timer.js marks its timers (it may have set this one up first: its buttons are replaced here,
    // and its click handler only answers to its own buttons' classes).
    el.setAttribute("data-hb-ready", "true");
    el.classList.add("hb-run");
    el.setAttribute("role", "group");
    el.setAttribute("aria-label", "Practice timer, " + minutes + " minutes");
    el.innerHTML =
      '<span class="hb-timer__label" aria-hidden="true">Practice run</span>' +
      '<span class="hb-timer__readout hb-run__readout" role="timer" aria-atomic="true"></span>' +
      '<button type="button" class="md-button md-button--primary hb-run__start">Start practice</button>' +
      '<button type="button" class="md-button md-button--primary hb-run__pause" hidden>Pause</button>' +
      '<button type="button" class="md-button hb-run__reveal" hidden>Show the reference now</button>' +
      '<button type="button" class="md-button hb-run__abandon" hidden>Abandon</button>' +
      '<label class="hb-run__sound"><input type="checkbox" class="hb-run__sound-toggle"> Sound at the end</label>' +
      '<p class="hb-run__stage" aria-live="polite" hidden></p>' +
      '<p class="hb-run__end" hidden>Time is up. Pens down: the reference is open below, and the self-check ' +
      "follows the minute plan.</p>" +
      '<span class="hb-timer__status hb-run__status hb-sr-only" aria-live="polite"></span>';
  }

  function initRun(el) {
    if (el.getAttribute("data-hb-run-ready")) return;
    var minutes = Number(el.getAttribute("data-minutes"));
    var prompt = promptOf(el);
    var stages = prompt && minutes > 0 ? minutePlan(prompt) : null;
    if (!stages) return; // not a case-study practice run: timer.js keeps it
    if (current && current.el !== el) stopTicking();
    el.setAttribute("data-hb-run-ready", "true");
    build(el, minutes);
    current = {
      el: el, prompt: prompt, article: prompt.parentNode, stages: stages, key: pageKey(), minutes: minutes,
      tick: null, stage: -1, homeParent: el.parentNode, home: el.nextSibling, notice: null, check: null,
      lastMinute: false
    };
    part("sound-toggle").checked = soundOn();
    part("readout").textContent = format(minutes * 60000);
    var rec = record(current.key);
    var active = rec.active;
    if (active && (active.state === "running" || active.state === "paused")) {
      dock(true);
      if (!active.revealed) fold();
      controls(active.state);
      if (active.state === "running" && remaining(active) <= 0) {
        finish(active, Date.now() - active.end < BEEP_IF_ENDED_WITHIN);
        return;
      }
      current.lastMinute = remaining(active) <= 60000;
      show(active, true);
      hb.say(part("status"), (active.state === "paused" ? "Paused practice: " : "Practice resumed: ") +
        spoken(remaining(active)) + " left.", true);
      if (active.state === "running") tick();
    } else {
      controls("idle");
      showSelfCheck(false);
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !current || !document.contains(current.el)) return;
    if (target.closest(".hb-run__start")) start();
    else if (target.closest(".hb-run__pause")) pauseOrResume();
    else if (target.closest(".hb-run__reveal, .hb-run__reveal-now")) reveal();
    else if (target.closest(".hb-run__abandon")) abandon();
  });
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.classList.contains("hb-run__sound-toggle")) {
      setSound(target.checked);
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("hb-selfcheck") || !current) return;
    event.preventDefault();
    saveSelfCheck(form);
  });

  hb.onPage(function (root) {
    if (current && !document.contains(current.el)) { stopTicking(); current = null; }
    Array.prototype.forEach.call(root.querySelectorAll(".hb-timer"), initRun);
  });
})();
