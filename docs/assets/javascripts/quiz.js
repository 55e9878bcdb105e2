// Quiz blocks (handbook.rendering.quizzes): immediate feedback, score, "Try again", answers kept in hb-progress
// (a wrong answer also makes the question's flashcard due: progress-store.js). The explanation box turns
// Material's "success" (green, tick) or "failure" (red, cross) with the answer.
// Without JavaScript the block still works: each answer is a <details> the reader opens.
// Listeners are delegated from `document` and added once, so Material's instant navigation (which swaps
// the page content but keeps `document`) can never bind them twice; per-page set-up runs from document$
// and marks each block `data-hb-ready`.
(function () {
  "use strict";
  if (window.__hbQuizLoaded) return;
  window.__hbQuizLoaded = true;
  var store = window.hbProgress;
  var hb = window.hb;
  // The dashboard and export/import (study-progress.js) are loaded only by the pages that show them.
  var scriptUrl = document.currentScript ? document.currentScript.src : "";
  var STUDY_URL = scriptUrl ? new URL("study-progress.js", scriptUrl).href : "";
  var NEUTRAL = "info"; // the explanation box's admonition before an answer (handbook.rendering.quizzes)
  var arrowMove = false; // a radio was selected with an arrow key: that is moving, not answering

  function choices(question) {
    return Array.prototype.slice.call(question.querySelectorAll(".hb-choice input"));
  }
  function correctSet(question) {
    return (question.getAttribute("data-correct") || "").split(",").filter(Boolean).map(Number);
  }
  function sameSet(a, b) {
    return a.length === b.length && a.every(function (x) { return b.indexOf(x) !== -1; });
  }
  function choiceText(input) {
    var label = input.parentNode.querySelector("label");
    var clone = label.cloneNode(true);
    var verdict = clone.querySelector(".hb-choice__verdict");
    if (verdict) verdict.remove();
    return clone.textContent.trim();
  }
  function isAnswered(question) { return question.getAttribute("data-answered") === "true"; }

  // Mark choices, open the answer and write the feedback. `quiet` when restoring a saved answer.
  function show(question, chosen, quiet) {
    var right = correctSet(question);
    var correct = sameSet(chosen, right);
    question.setAttribute("data-answered", "true");
    question.classList.remove("hb-question--right", "hb-question--wrong");
    question.classList.add(correct ? "hb-question--right" : "hb-question--wrong");
    choices(question).forEach(function (input) {
      var index = Number(input.value);
      var item = input.parentNode;
      var isRight = right.indexOf(index) !== -1;
      var isChosen = chosen.indexOf(index) !== -1;
      input.checked = isChosen;
      input.setAttribute("aria-disabled", "true");
      item.classList.toggle("hb-choice--right", isRight);
      item.classList.toggle("hb-choice--chosen", isChosen);
      item.classList.toggle("hb-choice--wrong", isChosen && !isRight);
      var label = item.querySelector("label");
      var verdict = label.querySelector(".hb-choice__verdict");
      if (!verdict) {
        verdict = document.createElement("span");
        verdict.className = "hb-choice__verdict";
        label.appendChild(verdict);
      }
      verdict.textContent = isChosen ? (isRight ? "your answer, right" : "your answer, wrong")
        : (isRight ? "right answer" : "");
      verdict.hidden = !verdict.textContent;
    });
    var button = question.querySelector(".hb-question__check");
    if (button) button.hidden = true;
    var details = question.querySelector("details.hb-answer");
    if (details) {
      details.open = true;
      details.classList.remove(NEUTRAL, correct ? "failure" : "success");
      details.classList.add(correct ? "success" : "failure");
    }
    var rightTexts = choices(question).filter(function (input) {
      return right.indexOf(Number(input.value)) !== -1;
    }).map(choiceText);
    var text = (correct ? "Correct. " : "Wrong. ") +
      (right.length > 1 ? "The right answers are: " : "The right answer is: ") + rightTexts.join("; ") +
      ". The explanation is open below.";
    hb.say(question.querySelector(".hb-feedback"), text, quiet);
    return correct;
  }

  function clear(question) {
    question.removeAttribute("data-answered");
    question.classList.remove("hb-question--right", "hb-question--wrong");
    choices(question).forEach(function (input) {
      input.checked = false;
      input.removeAttribute("aria-disabled");
      input.parentNode.classList.remove("hb-choice--right", "hb-choice--chosen", "hb-choice--wrong");
      var verdict = input.parentNode.querySelector(".hb-choice__verdict");
      if (verdict) verdict.remove();
    });
    var button = question.querySelector(".hb-question__check");
    if (button) button.hidden = false;
    var details = question.querySelector("details.hb-answer");
    if (details) {
      details.open = false;
      details.classList.remove("success", "failure");
      details.classList.add(NEUTRAL);
    }
    hb.say(question.querySelector(".hb-feedback"), "", true);
  }

  function questionsOf(quiz) {
    return Array.prototype.slice.call(quiz.querySelectorAll(".hb-question[data-question-id]"));
  }

  function updateScore(quiz, quiet) {
    var questions = questionsOf(quiz);
    var answered = 0, right = 0;
    questions.forEach(function (question) {
      var saved = store.answer(question.getAttribute("data-question-id"));
      if (saved) { answered += 1; if (saved.correct) right += 1; }
    });
    var text = "Score: " + right + " of " + questions.length +
      (answered < questions.length ? " (" + answered + " answered)" : "");
    hb.say(quiz.querySelector(".hb-quiz__score"), text, quiet);
  }

  function answer(question, chosen) {
    if (isAnswered(question)) return;
    chosen = chosen.slice().sort(function (a, b) { return a - b; });
    var correct = show(question, chosen, false);
    store.setAnswer(question.getAttribute("data-question-id"), chosen, correct);
    var quiz = question.closest(".hb-quiz");
    if (quiz) updateScore(quiz, true); // the feedback is announced; the score would repeat it
  }

  function checkedValues(question) {
    return choices(question).filter(function (input) { return input.checked; })
      .map(function (input) { return Number(input.value); });
  }

  function restore(question) {
    var saved = store.answer(question.getAttribute("data-question-id"));
    if (!saved || !Array.isArray(saved.chosen)) return;
    // Choices may have changed since the answer was saved: ignore indexes that no longer exist.
    var count = choices(question).length;
    var chosen = saved.chosen.filter(function (i) { return typeof i === "number" && i >= 0 && i < count; });
    if (chosen.length) show(question, chosen, true);
  }

  function initQuiz(quiz) {
    if (quiz.getAttribute("data-hb-ready")) return;
    quiz.setAttribute("data-hb-ready", "true");
    quiz.classList.add("hb-quiz--js");
    var intro = quiz.querySelector(".hb-quiz__intro");
    var count = questionsOf(quiz).length;
    if (intro) {
      intro.textContent = count + " question" + (count === 1 ? "" : "s") +
        ". Choose an answer to see at once whether it is right; your answers are kept on this device.";
    }
    questionsOf(quiz).forEach(function (question) {
      var button = question.querySelector(".hb-question__check");
      if (button) button.hidden = false;
      restore(question);
    });
    var tools = quiz.querySelector(".hb-quiz__tools");
    if (tools) tools.hidden = false;
    updateScore(quiz, true);
  }

  // The quizzes index (docs/quizzes/index.md, macro quiz_index): progress per quiz and in total, and the
  // order of the rows: reading order, or weakest first (lowest share right among the answered questions, then
  // the most missed; quizzes not started last, in reading order).
  function scoreOf(cell, data) {
    var ids = cell.getAttribute("data-question-ids").split(" ").filter(Boolean);
    var score = { questions: ids.length, answered: 0, right: 0 };
    ids.forEach(function (id) {
      var saved = data.quizzes[id];
      if (saved) { score.answered += 1; if (saved.correct) score.right += 1; }
    });
    return score;
  }

  function updateIndex(root) {
    var cells = root.querySelectorAll(".hb-quiz-progress[data-question-ids]");
    if (!cells.length) return;
    var data = store.load();
    var total = { questions: 0, answered: 0, right: 0 };
    Array.prototype.forEach.call(cells, function (cell) {
      var score = scoreOf(cell, data);
      total.questions += score.questions; total.answered += score.answered; total.right += score.right;
      cell.textContent = score.answered ? score.answered + " of " + score.questions + " answered, " + score.right +
        " right" : "not started";
    });
    var sum = root.querySelector(".hb-quiz-progress-total");
    if (sum) {
      sum.textContent = total.answered + " of " + total.questions + " answered, " + total.right + " right";
    }
    orderIndex(root);
  }

  function orderIndex(root) {
    var select = root.querySelector(".hb-quiz-order");
    var cells = Array.prototype.slice.call(root.querySelectorAll(".hb-quiz-progress[data-question-ids]"));
    if (!select || !cells.length) return;
    var data = store.load();
    var rows = cells.map(function (cell, n) {
      var row = cell.closest("tr");
      if (!row.hasAttribute("data-reading-order")) row.setAttribute("data-reading-order", String(n));
      var score = scoreOf(cell, data);
      return { row: row, order: Number(row.getAttribute("data-reading-order")), score: score };
    });
    var weakest = select.value === "weakest";
    rows.sort(function (a, b) {
      if (!weakest) return a.order - b.order;
      var sa = a.score, sb = b.score;
      if (!sa.answered !== !sb.answered) return sa.answered ? -1 : 1;
      if (sa.answered) {
        var diff = sa.right / sa.answered - sb.right / sb.answered;
        if (diff) return diff;
        var missed = (sb.answered - sb.right) - (sa.answered - sa.right);
        if (missed) return missed;
      }
      return a.order - b.order;
    });
    var body = rows[0].row.parentNode;
    var totalRow = root.querySelector(".hb-quiz-progress-total");
    totalRow = totalRow && totalRow.closest("tr");
    rows.forEach(function (item) { body.appendChild(item.row); });
    if (totalRow && totalRow.parentNode === body) body.appendChild(totalRow);
  }

  function initIndex(root) {
    var reset = root.querySelector(".hb-progress-reset");
    if (reset) reset.hidden = false;
    var order = root.querySelector(".hb-quiz-sort");
    if (order) order.hidden = false;
    updateIndex(root);
  }

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "radio" || !input.closest(".hb-question")) return;
    if (/^Arrow/.test(event.key)) { arrowMove = true; return; }
    var question = input.closest(".hb-question");
    // Space on an already selected radio fires no change: answer with it. Enter answers too.
    if ((event.key === " " && input.checked) || event.key === "Enter") {
      event.preventDefault();
      if (input.checked || event.key === "Enter") {
        if (!input.checked) input.checked = true;
        answer(question, [Number(input.value)]);
      }
    }
  });
  document.addEventListener("keyup", function () { arrowMove = false; });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var input = target.closest(".hb-question .hb-choice input");
    if (input && isAnswered(input.closest(".hb-question"))) {
      event.preventDefault(); // answered: the choices are locked until "Try again"
      return;
    }
    var check = target.closest(".hb-question__check");
    if (check) {
      var question = check.closest(".hb-question");
      var chosen = checkedValues(question);
      if (chosen.length) answer(question, chosen);
      else hb.say(question.querySelector(".hb-feedback"), "Choose at least one answer, then check.", false);
      return;
    }
    var reset = target.closest(".hb-quiz__reset");
    if (reset) {
      var quiz = reset.closest(".hb-quiz");
      var questions = questionsOf(quiz);
      store.clearAnswers(questions.map(function (q) { return q.getAttribute("data-question-id"); }));
      questions.forEach(clear);
      updateScore(quiz, false);
      var first = quiz.querySelector(".hb-choice input");
      if (first) {
        first.focus({ preventScroll: true });
        first.scrollIntoView({ block: "center", behavior: hb.reducedMotion() ? "auto" : "smooth" });
      }
      return;
    }
    var resetAll = target.closest(".hb-progress-reset");
    if (resetAll) {
      if (window.confirm("Forget every quiz answer you gave on this device? Checklist ticks are kept.")) {
        store.clearAllAnswers();
        updateIndex(document);
        hb.say(document.querySelector(".hb-progress-status"), "All quiz answers were forgotten.", false);
      }
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target instanceof HTMLSelectElement && event.target.classList.contains("hb-quiz-order")) {
      orderIndex(document);
      var first = event.target.value === "weakest" ? "Weakest quizzes first." : "Quizzes in reading order.";
      hb.say(document.querySelector(".hb-progress-status"), first, false);
      return;
    }
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "radio") return;
    var question = input.closest(".hb-question");
    if (!question || !input.closest(".hb-quiz--js")) return;
    if (isAnswered(question)) { restore(question); return; }
    if (arrowMove) {
      arrowMove = false;
      hb.say(question.querySelector(".hb-feedback"), "Press Space to answer with this choice.", false);
      return;
    }
    answer(question, [Number(input.value)]);
  });

  // Another tab changed the progress: keep the quizzes index current.
  window.addEventListener("storage", function (event) {
    if (event.key === store.KEY) updateIndex(document);
  });

  // Another script (import, a reset) replaced the progress: keep the quizzes index current.
  window.addEventListener("hb-progress-replaced", function () { updateIndex(document); });

  hb.onPage(function (root) {
    Array.prototype.forEach.call(root.querySelectorAll(".hb-quiz"), initQuiz);
    initIndex(root);
    if (STUDY_URL && root.querySelector(".hb-dashboard")) {
      hb.loadScript(STUDY_URL).catch(function () { /* the dashboard keeps its no-JavaScript note */ });
    }
  });
})();
