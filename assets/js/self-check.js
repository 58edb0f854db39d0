/* Self-check questions (the `self-check` directive, _ext/self_check.py).

   The page holds every option's verdict and feedback in a <details> under each question,
   so the answers are there with no script. This script shows each question's Check
   button and, when the reader checks, writes the feedback for the options they chose
   into the question's live region (read out by screen readers). Nothing is fetched. */
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

  function copyOf(element) {
    // Copies go into the live region: ids would be duplicated, so they are dropped.
    var copy = element.cloneNode(true);
    copy.removeAttribute("id");
    copy.querySelectorAll("[id]").forEach(function (inner) { inner.removeAttribute("id"); });
    return copy;
  }

  function optionFeedback(answer) {
    var block = document.createElement("div");
    block.className = "self-check-chosen " + (answer.dataset.correct === "true" ? "is-correct" : "is-incorrect");
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

  function check(form) {
    var region = form.querySelector(".self-check-feedback");
    var multiple = form.dataset.kind === "multiple";
    var chosen = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (input) {
      return input.value;
    });
    var correct = Array.prototype.map.call(form.querySelectorAll('.self-check-answer[data-correct="true"]'),
      function (answer) { return answer.dataset.option; });
    region.textContent = "";
    clearMarks(form);
    if (chosen.length === 0) {
      var prompt = document.createElement("p");
      prompt.textContent = multiple ? "Tick at least one option first." : "Choose an answer first.";
      region.appendChild(prompt);
      return;
    }
    var allRight = chosen.length === correct.length && chosen.every(function (value) {
      return correct.indexOf(value) !== -1;
    });
    var summary;
    if (allRight) {
      summary = "Correct.";
    } else if (multiple) {
      var right = chosen.filter(function (value) { return correct.indexOf(value) !== -1; }).length;
      summary = "Not yet: you ticked " + right + " of the " + correct.length + " correct options" +
        (chosen.length > right ? " and " + (chosen.length - right) + " incorrect one" +
          (chosen.length - right > 1 ? "s" : "") : "") + ".";
    } else {
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
    if (!allRight) {
      var next = document.createElement("p");
      next.className = "self-check-next";
      next.textContent = "Try again, or open the answers below.";
      region.appendChild(next);
    }
  }

  function init() {
    document.querySelectorAll("form.self-check-question").forEach(function (form) {
      var button = form.querySelector(".self-check-button");
      if (button) button.hidden = false;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        check(form);
      });
      form.addEventListener("change", function () {
        // A new choice makes the old verdict stale.
        form.querySelector(".self-check-feedback").textContent = "";
        clearMarks(form);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
