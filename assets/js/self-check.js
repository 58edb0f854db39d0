/* Self-check questions (the `self-check` directive, _ext/self_check.py).

   The page holds every answer, with the feedback on every option, in a <details> under
   each question, so the answers are there with no script. This script shows each
   question's Check button and, when the reader checks, writes into the question's live
   region (read out by screen readers):
   - single choice: the verdict and the feedback on the chosen option;
   - multiple choice: the verdict, the feedback on every ticked option and on every correct
     option left unticked;
   - numeric: the verdict, the answer and its explanation (a number within the question's
     tolerance counts as right; window.ReviewCore reads and compares the number).
   Each checked answer is recorded under the question's identity (data-question-id) by
   window.BookReview (review-progress.js), in this browser only. Nothing is fetched or sent.
   window.BookSelfCheck.bind(form) lets the review page bind the forms it inserts. */
(function () {
  "use strict";

  function feedbackFor(form, value) {
    return form.querySelector('.self-check-answer[data-option="' + value + '"]');
  }

  function verdictLine(correct, text) {
    var line = document.createElement("p");
    line.className = "self-check-result " + (correct ? "is-correct" : "is-incorrect");
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = correct ? "\u2713 " : "\u2717 ";
    var words = document.createElement("strong");
    words.textContent = text;
    line.appendChild(icon);
    line.appendChild(words);
    return line;
  }

  function note(text, className) {
    var line = document.createElement("p");
    line.className = className || "self-check-next";
    line.textContent = text;
    return line;
  }

  function copyOf(element) {
    // Copies go into the live region: ids would be duplicated, so they are dropped.
    var copy = element.cloneNode(true);
    copy.removeAttribute("id");
    copy.querySelectorAll("[id]").forEach(function (inner) { inner.removeAttribute("id"); });
    return copy;
  }

  function optionFeedback(answer, prefix) {
    var block = document.createElement("div");
    block.className = "self-check-chosen " + (answer.dataset.correct === "true" ? "is-correct" : "is-incorrect");
    if (prefix) block.appendChild(note(prefix, "self-check-missed"));
    var option = answer.querySelector(".self-check-answer-option");
    if (option) block.appendChild(copyOf(option));
    Array.prototype.forEach.call(answer.children, function (child) {
      if (!child.classList.contains("self-check-answer-option")) block.appendChild(copyOf(child));
    });
    return block;
  }

  function clearMarks(form) {
    form.querySelectorAll(".self-check-option").forEach(function (option) {
      option.classList.remove("is-chosen-correct", "is-chosen-incorrect");
    });
  }

  function recordAnswer(form, correct) {
    var id = form.dataset.questionId;
    if (id && window.BookReview) window.BookReview.recordAnswer(id, correct);
  }

  function checkNumeric(form, region) {
    var input = form.querySelector(".self-check-numeric input");
    var value = window.ReviewCore.parseNumber(input ? input.value : "");
    if (isNaN(value)) {
      region.appendChild(note("Type a number first, such as 12 or 4.5.", "self-check-prompt-line"));
      return null;
    }
    var correct = window.ReviewCore.isNumericCorrect(value, parseFloat(form.dataset.answer),
      parseFloat(form.dataset.tolerance || "0"));
    region.appendChild(verdictLine(correct, correct ? "Correct." : "Not correct."));
    var answer = feedbackFor(form, "answer");
    if (answer) region.appendChild(optionFeedback(answer));
    return correct;
  }

  function checkChoice(form, region) {
    var multiple = form.dataset.kind === "multiple";
    var chosen = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (input) {
      return input.value;
    });
    var correct = Array.prototype.map.call(form.querySelectorAll('.self-check-answer[data-correct="true"]'),
      function (answer) { return answer.dataset.option; });
    if (chosen.length === 0) {
      region.appendChild(note(multiple ? "Tick at least one option first." : "Choose an answer first.",
        "self-check-prompt-line"));
      return null;
    }
    var right = chosen.filter(function (value) { return correct.indexOf(value) !== -1; }).length;
    var allRight = chosen.length === correct.length && right === correct.length;
    var summary = "Correct.";
    if (!allRight && multiple) {
      var wrong = chosen.length - right;
      summary = "Not yet: you ticked " + right + " of the " + correct.length + " correct options" +
        (wrong > 0 ? " and " + wrong + " incorrect one" + (wrong > 1 ? "s" : "") : "") + ".";
    } else if (!allRight) {
      summary = "Not correct.";
    }
    region.appendChild(verdictLine(allRight, summary));
    chosen.forEach(function (value) {
      var answer = feedbackFor(form, value);
      if (answer) region.appendChild(optionFeedback(answer));
      var input = form.querySelector('input[value="' + value + '"]');
      if (input && answer) {
        input.closest(".self-check-option").classList.add(
          answer.dataset.correct === "true" ? "is-chosen-correct" : "is-chosen-incorrect");
      }
    });
    if (multiple) {
      correct.filter(function (value) { return chosen.indexOf(value) === -1; }).forEach(function (value) {
        var answer = feedbackFor(form, value);
        if (answer) region.appendChild(optionFeedback(answer, "You did not tick this correct option:"));
      });
    }
    return allRight;
  }

  function check(form) {
    var region = form.querySelector(".self-check-feedback");
    region.textContent = "";
    clearMarks(form);
    var correct = form.dataset.kind === "numeric" ? checkNumeric(form, region) : checkChoice(form, region);
    if (correct === null) return;
    if (!correct) region.appendChild(note("Try again, or open the answers below."));
    recordAnswer(form, correct);
  }

  function bind(form) {
    if (form.dataset.selfCheckBound === "true") return;
    form.dataset.selfCheckBound = "true";
    var button = form.querySelector(".self-check-button");
    if (button) button.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      check(form);
    });
    var stale = function () {
      // A new answer makes the old verdict stale.
      form.querySelector(".self-check-feedback").textContent = "";
      clearMarks(form);
    };
    form.addEventListener("change", stale);
    form.addEventListener("input", stale);
  }

  window.BookSelfCheck = { bind: bind, check: check };

  function init() {
    document.querySelectorAll("form.self-check-question").forEach(bind);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
