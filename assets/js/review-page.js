/* The review page (chapters/review.md, the `review-queue` directive): every self-check of
   the book, in the order the spaced-repetition rule of review-core.js gives them.

   The questions come from self-check-bank.js, written when the book is built; answers are
   kept by review-progress.js in this browser only. Three groups: due now (wrongly
   answered questions first), never answered (in book order, a few at a time), and not yet
   due (inside a closed <details>, soonest first). The order is computed when the page is
   opened or when the reader asks for it again, not after each answer, so a question does
   not jump away while its feedback is being read. */
(function () {
  "use strict";

  var NEW_AT_ONCE = 5;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function bankQuestions() {
    var bank = window.SELF_CHECK_BANK;
    var questions = [];
    if (!bank || !Array.isArray(bank.pages)) return questions;
    bank.pages.forEach(function (page) {
      page.questions.forEach(function (question) {
        questions.push({ id: question.id, html: question.html, page: page });
      });
    });
    return questions;
  }

  function dayText(time) {
    return new Date(time).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
  }

  function statusText(entry, now) {
    if (!entry) return "Not answered yet.";
    var last = entry.lastCorrect ? "right" : "wrong";
    var next = entry.due <= now ? "due again now" :
      "due again in " + entry.intervalDays + " day" + (entry.intervalDays === 1 ? "" : "s") +
      " (" + dayText(entry.due) + ")";
    return "Last answer " + last + "; " + next + ".";
  }

  function questionItem(question, entry, now) {
    var item = element("li", "review-item");
    item.dataset.questionId = question.id;
    var from = element("p", "review-item-source");
    from.appendChild(document.createTextNode("From "));
    var link = element("a", null, question.page.title);
    link.href = question.page.url;
    from.appendChild(link);
    from.appendChild(document.createTextNode(". "));
    var status = element("span", "review-item-status", statusText(entry, now));
    from.appendChild(status);
    item.appendChild(from);
    var holder = element("div", "review-item-question");
    holder.innerHTML = question.html;
    item.appendChild(holder);
    var form = holder.querySelector("form.self-check-question");
    if (form && window.BookSelfCheck) window.BookSelfCheck.bind(form);
    return item;
  }

  function group(title, className, items) {
    var section = element("section", "review-group " + className);
    section.appendChild(element("h2", null, title + " (" + items.length + ")"));
    var list = element("ol", "review-list");
    items.forEach(function (item) { list.appendChild(item); });
    section.appendChild(list);
    return section;
  }

  function render(widget) {
    var now = Date.now();
    var store = window.BookReview.load();
    var questions = bankQuestions();
    var byId = {};
    questions.forEach(function (question) { byId[question.id] = question; });
    var order = window.ReviewCore.queue(questions.map(function (question) { return question.id; }), store, now);
    var items = { due: [], "new": [], later: [] };
    order.forEach(function (entry) {
      items[entry.state].push(questionItem(byId[entry.id], entry.record, now));
    });
    widget.textContent = "";
    var counts = element("p", "review-counts",
      items.due.length + " due now, " + items["new"].length + " never answered, " +
      items.later.length + " not yet due.");
    widget.appendChild(counts);
    var again = element("button", "review-again", "Put the questions in order again");
    again.type = "button";
    again.addEventListener("click", function () { render(widget); });
    widget.appendChild(again);
    if (items.due.length) {
      widget.appendChild(group("Due now", "review-due", items.due));
    }
    if (items["new"].length) {
      var fresh = group("Never answered", "review-new", items["new"]);
      var hidden = items["new"].slice(NEW_AT_ONCE);
      hidden.forEach(function (item) { item.hidden = true; });
      if (hidden.length) {
        var more = element("button", "review-more", "Show " + Math.min(NEW_AT_ONCE, hidden.length) + " more");
        more.type = "button";
        more.addEventListener("click", function () {
          var waiting = items["new"].filter(function (item) { return item.hidden; });
          waiting.slice(0, NEW_AT_ONCE).forEach(function (item) { item.hidden = false; });
          var left = waiting.length - NEW_AT_ONCE;
          if (left > 0) more.textContent = "Show " + Math.min(NEW_AT_ONCE, left) + " more";
          else more.remove();
        });
        fresh.appendChild(more);
      }
      widget.appendChild(fresh);
    }
    if (items.later.length) {
      var later = element("details", "review-later-details");
      later.appendChild(element("summary", null, "Not yet due: " + items.later.length +
        " question" + (items.later.length === 1 ? "" : "s") + " (open to practise early)"));
      later.appendChild(group("Not yet due", "review-later", items.later));
      widget.appendChild(later);
    }
    if (!questions.length) {
      widget.appendChild(element("p", null, "No questions were found in this build of the book."));
    }
    var status = element("p", "review-status");
    status.setAttribute("role", "status");
    widget.appendChild(window.BookReview.forgetButton(status));
    widget.appendChild(status);
  }

  function updateStatuses(widget) {
    var store = window.BookReview.load();
    var now = Date.now();
    widget.querySelectorAll(".review-item").forEach(function (item) {
      var line = item.querySelector(".review-item-status");
      if (line) line.textContent = statusText(store.answers[item.dataset.questionId], now);
    });
  }

  function init() {
    var widget = document.querySelector('[data-review="queue"]');
    if (!widget || !window.BookReview || !window.ReviewCore) return;
    render(widget);
    document.addEventListener(window.BookReview.CHANGE_EVENT, function () {
      var store = window.BookReview.load();
      if (Object.keys(store.answers).length === 0) {
        // Forgotten: show the whole queue as new again, keeping the button's message.
        var message = widget.querySelector(".review-status").textContent;
        render(widget);
        widget.querySelector(".review-status").textContent = message;
      } else {
        updateStatuses(widget);
      }
    });
  }

  // The bank is a deferred script later in the page: wait until every script has run.
  document.addEventListener("DOMContentLoaded", init);
})();
