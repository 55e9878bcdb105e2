// Practice timer for case studies: `<div class="hb-timer" data-minutes="45"></div>` becomes a countdown
// with Start/Pause and Reset. The readout has role="timer" (not announced every second, which would drown
// a screen reader); a separate polite status announces start, pause, reset, every 5 minutes, the last
// minute and the end. Time is measured against the clock, so a throttled background tab does not drift.
// State is not kept across pages; timers whose page was left by instant navigation are stopped. A case
// study's timer (with a minute plan beside it) is a practice run instead: practice-run.js.
(function () {
  "use strict";
  if (window.__hbTimerLoaded) return;
  window.__hbTimerLoaded = true;
  var hb = window.hb;
  var running = []; // {el, tick}

  var format = hb.clock, spoken = hb.spokenClock;
  function part(el, name) { return el.querySelector(".hb-timer__" + name); }
  function remaining(el) {
    var end = Number(el.getAttribute("data-end") || 0);
    return end ? end - Date.now() : Number(el.getAttribute("data-left"));
  }

  function render(el) {
    var left = remaining(el);
    part(el, "readout").textContent = format(left);
    var minutes = Math.ceil(left / 60000);
    var last = Number(el.getAttribute("data-announced") || 0);
    if (left <= 0) {
      stop(el);
      el.setAttribute("data-left", "0");
      el.classList.add("hb-timer--done");
      part(el, "start").disabled = true;
      hb.say(part(el, "status"), "Time is up.", false);
    } else if (minutes !== last && (minutes % 5 === 0 || minutes === 1) && minutes * 60000 - left < 1500) {
      el.setAttribute("data-announced", String(minutes));
      hb.say(part(el, "status"), spoken(minutes * 60000) + " left.", false);
    }
  }

  function stop(el) {
    running = running.filter(function (entry) {
      if (entry.el !== el) return true;
      clearInterval(entry.tick);
      return false;
    });
    if (el.getAttribute("data-end")) el.setAttribute("data-left", String(Math.max(0, remaining(el))));
    el.removeAttribute("data-end");
    el.classList.remove("hb-timer--running");
    part(el, "start").textContent = "Start";
  }

  function start(el) {
    el.setAttribute("data-end", String(Date.now() + Number(el.getAttribute("data-left"))));
    el.setAttribute("data-announced", String(Math.ceil(remaining(el) / 60000)));
    el.classList.add("hb-timer--running");
    part(el, "start").textContent = "Pause";
    running.push({ el: el, tick: setInterval(function () { render(el); }, 250) });
    hb.say(part(el, "status"), "Timer started: " + spoken(remaining(el)) + " left.", false);
  }

  function reset(el) {
    stop(el);
    var total = Number(el.getAttribute("data-minutes")) * 60000;
    el.setAttribute("data-left", String(total));
    el.removeAttribute("data-announced");
    el.classList.remove("hb-timer--done");
    part(el, "start").disabled = false;
    part(el, "readout").textContent = format(total);
  }

  function initTimer(el) {
    // A timer in a case study's "Try it yourself" box with a minute plan is a practice run (practice-run.js).
    if (el.getAttribute("data-hb-ready") || el.getAttribute("data-hb-practice")) return;
    var minutes = Number(el.getAttribute("data-minutes"));
    if (!(minutes > 0)) return;
    el.setAttribute("data-hb-ready", "true");
    el.setAttribute("role", "group");
    el.setAttribute("aria-label", "Practice timer, " + minutes + " minutes");
    el.innerHTML =
      '<span class="hb-timer__label" aria-hidden="true">Practice timer</span>' +
      '<span class="hb-timer__readout" role="timer" aria-atomic="true"></span>' +
      '<button type="button" class="md-button md-button--primary hb-timer__start">Start</button>' +
      '<button type="button" class="md-button hb-timer__reset">Reset</button>' +
      '<span class="hb-timer__status hb-sr-only" aria-live="polite"></span>';
    reset(el);
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var el = target.closest(".hb-timer[data-hb-ready]");
    if (!el) return;
    if (target.closest(".hb-timer__start")) {
      if (el.getAttribute("data-end")) {
        stop(el);
        hb.say(part(el, "status"), "Paused with " + spoken(remaining(el)) + " left.", false);
      } else {
        start(el);
      }
    } else if (target.closest(".hb-timer__reset")) {
      reset(el);
      hb.say(part(el, "status"), "Timer reset to " + spoken(remaining(el)) + ".", false);
    }
  });

  hb.onPage(function (root) {
    running.slice().forEach(function (entry) { if (!document.contains(entry.el)) stop(entry.el); });
    Array.prototype.forEach.call(root.querySelectorAll(".hb-timer"), initTimer);
  });
})();
