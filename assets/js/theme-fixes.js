/* Small fixes to the theme's and the extensions' controls, each a known upstream problem.

   1. The site-navigation (☰) and page-contents buttons. pydata-sphinx-theme 0.17 draws a
      .primary-toggle and a .secondary-toggle in its top bar, hidden by sphinx-book-theme,
      and sphinx-book-theme 1.3 draws the visible pair in the article header. Both themes
      bind their handlers with document.querySelector, which finds only the first, hidden
      button, so the visible ones do nothing (pydata-sphinx-theme#2451,
      sphinx-book-theme#988). A click on any other toggle is handed to the first one, which
      opens the drawer on a phone and hides the sidebar on a wide screen, as the themes
      intend.
   2. The title bar of an exercise's solution ("Solution to Exercise 4") opens the
      solution, but its most visible words are a link back to the exercise (sphinx-exercise),
      so a tap there jumps away instead. The link becomes plain text of the title bar, which
      lets taps through to the bar (css/book.css). */
(function () {
  "use strict";

  function forwardToggles(selector) {
    var toggles = document.querySelectorAll(selector);
    var bound = toggles[0];
    Array.prototype.slice.call(toggles, 1).forEach(function (toggle) {
      toggle.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        bound.click();
      });
    });
  }

  function unlinkSolutionTitles() {
    document.querySelectorAll(".solution.dropdown > .admonition-title a.reference").forEach(function (link) {
      var name = document.createElement("span");
      name.className = "solution-exercise-name";
      name.textContent = link.textContent;
      link.replaceWith(name);
    });
  }

  function init() {
    forwardToggles(".primary-toggle");
    forwardToggles(".secondary-toggle");
    unlinkSolutionTitles();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
