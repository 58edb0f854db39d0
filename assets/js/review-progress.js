/* The reader's progress: kept in this browser's localStorage, shown in the navigation
   and on the front page, forgotten on request.

   window.BookReview.recordAnswer(id, correct) stores an answer (self-check.js calls it)
   with the spaced-repetition rule of review-core.js; forget() deletes everything. The
   index of every page's questions comes from self-check-index.js, written when the book is
   built (_ext/self_check_bank.py). Nothing is sent anywhere: there is no request here at
   all, and the site works the same opened from disk. */
(function () {
  "use strict";

  var STORAGE_KEY = "venetoclax-all-book.review.v1";
  var CHANGE_EVENT = "book-review-change";

  function load() {
    try {
      var text = window.localStorage.getItem(STORAGE_KEY);
      return window.ReviewCore.sanitize(text ? JSON.parse(text) : null);
    } catch (error) {
      // Storage switched off, or unreadable: start empty rather than fail.
      return window.ReviewCore.emptyStore();
    }
  }

  function save(store) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(store));
      return true;
    } catch (error) {
      return false;
    }
  }

  function changed() {
    document.dispatchEvent(new CustomEvent(CHANGE_EVENT));
  }

  function recordAnswer(id, correct) {
    save(window.ReviewCore.record(load(), id, correct, Date.now()));
    changed();
  }

  function forget() {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch (error) {
      // Nothing stored, nothing to forget.
    }
    changed();
  }

  /* The site's root address, from the address of the built index script. */
  function siteRoot() {
    var script = document.querySelector('script[src*="_static/self-check-index.js"]');
    if (!script) return null;
    return script.src.replace(/_static\/self-check-index\.js(\?.*)?$/, "");
  }

  function pages() {
    var index = window.SELF_CHECK_INDEX;
    return index && Array.isArray(index.pages) ? index.pages : [];
  }

  function withoutHash(address) {
    return address.split("#")[0];
  }

  function pageUrl(page, root) {
    return withoutHash(new URL(page.url, root).href);
  }

  function progressText(counts) {
    return counts.answered + " of " + counts.total + " answered, " + counts.right + " right";
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* A line under each chapter link of the navigation: "2 of 5 answered, 1 right". */
  function markNavigation(store, root) {
    var byUrl = {};
    pages().forEach(function (page) { byUrl[pageUrl(page, root)] = page; });
    document.querySelectorAll(".review-nav-progress").forEach(function (old) { old.remove(); });
    document.querySelectorAll(".bd-sidebar-primary nav a[href], nav.bd-docs-nav a[href]").forEach(function (link) {
      var page = byUrl[withoutHash(link.href)];
      if (!page || link.querySelector(".review-nav-progress")) return;
      var counts = window.ReviewCore.progress(page.ids, store);
      var line = element("span", "review-nav-progress", progressText(counts));
      line.dataset.state = counts.answered === 0 ? "none" : counts.answered < counts.total ? "some" : "all";
      line.setAttribute("aria-label", "Self-checks: " + progressText(counts));
      link.appendChild(line);
    });
  }

  function forgetButton(status) {
    var button = element("button", "review-forget", "Forget my progress");
    button.type = "button";
    button.addEventListener("click", function () {
      // The message first: forgetting re-renders the block around it, keeping the message.
      status.textContent = "Your progress is forgotten: nothing about your answers is stored in this browser now.";
      forget();
    });
    return button;
  }

  /* The front page's block: progress per chapter, a link to the review page, the button. */
  function renderProgress(widget, store, root) {
    widget.textContent = "";
    var table = element("table", "review-progress-table");
    var caption = element("caption", null, "Your self-checks, chapter by chapter (kept only in this browser)");
    table.appendChild(caption);
    var head = table.createTHead().insertRow();
    ["Page", "Answered", "Right at the last try"].forEach(function (title) {
      var cell = element("th", null, title);
      cell.scope = "col";
      head.appendChild(cell);
    });
    var body = table.createTBody();
    var total = { total: 0, answered: 0, right: 0 };
    pages().forEach(function (page) {
      var counts = window.ReviewCore.progress(page.ids, store);
      total.total += counts.total;
      total.answered += counts.answered;
      total.right += counts.right;
      var row = body.insertRow();
      row.dataset.doc = page.doc;
      var name = row.insertCell();
      var link = element("a", null, page.title);
      link.href = new URL(page.url, root).href;
      name.appendChild(link);
      row.insertCell().textContent = counts.answered + " of " + counts.total;
      row.insertCell().textContent = String(counts.right);
    });
    var summary = element("p", "review-progress-summary", "All pages: " + progressText(total) + ".");
    var review = window.SELF_CHECK_INDEX && window.SELF_CHECK_INDEX.review;
    if (review) {
      var toReview = element("a", "review-open", "Open the review page");
      toReview.href = new URL(review, root).href;
      summary.appendChild(document.createTextNode(" "));
      summary.appendChild(toReview);
    }
    var status = element("p", "review-status");
    status.setAttribute("role", "status");
    widget.appendChild(summary);
    widget.appendChild(table);
    widget.appendChild(forgetButton(status));
    widget.appendChild(status);
  }

  function refresh() {
    var root = siteRoot();
    if (!root) return;
    var store = load();
    markNavigation(store, root);
    document.querySelectorAll('[data-review="progress"]').forEach(function (widget) {
      renderProgress(widget, store, root);
    });
  }

  window.BookReview = {
    STORAGE_KEY: STORAGE_KEY,
    CHANGE_EVENT: CHANGE_EVENT,
    load: load,
    recordAnswer: recordAnswer,
    forget: forget,
    siteRoot: siteRoot,
    forgetButton: forgetButton,
    refresh: refresh
  };

  document.addEventListener(CHANGE_EVENT, function () {
    // Re-render the progress table but keep the status line of a just-pressed button.
    var root = siteRoot();
    if (!root) return;
    var store = load();
    markNavigation(store, root);
    document.querySelectorAll('[data-review="progress"]').forEach(function (widget) {
      var status = widget.querySelector(".review-status");
      var message = status ? status.textContent : "";
      renderProgress(widget, store, root);
      var fresh = widget.querySelector(".review-status");
      if (fresh) fresh.textContent = message;
    });
  });
  // Every deferred script (the index among them) has run before DOMContentLoaded.
  document.addEventListener("DOMContentLoaded", refresh);
  // Another tab answered or forgot: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === STORAGE_KEY || event.key === null) refresh();
  });
})();
