/* A cue on every table wider than the screen (css/book.css, "Wide tables").

   The theme lets a wide table scroll sideways in its own box, with nothing to show that
   columns are off screen: on a phone a reader saw 4 of 7 columns and no sign of the rest.
   Here every table whose scrolling box is narrower than the table gets a line above it
   ("Swipe sideways: 4 of 7 columns shown") and a faded right edge, both gone once the
   table fits or is scrolled to its end. Checked again when the page is resized and when an
   explorer shows a new view. */
(function () {
  "use strict";

  var CUE_CLASS = "table-scroll-cue";
  var WIDE_CLASS = "is-wider-than-screen";
  var END_CLASS = "is-scrolled-to-end";

  function scrollingBox(table) {
    for (var box = table.parentElement; box && box !== document.body; box = box.parentElement) {
      var overflow = getComputedStyle(box).overflowX;
      if (overflow === "auto" || overflow === "scroll") return box;
    }
    return null;
  }

  function columnsShown(table, box) {
    var row = table.rows[0];
    if (!row) return [0, 0];
    var right = box.getBoundingClientRect().right + 1;
    var shown = Array.prototype.filter.call(row.cells, function (cell) {
      return cell.getBoundingClientRect().right <= right;
    }).length;
    return [shown, row.cells.length];
  }

  function cueFor(box) {
    var before = box.previousElementSibling;
    if (before && before.classList.contains(CUE_CLASS)) return before;
    var cue = document.createElement("p");
    cue.className = CUE_CLASS;
    box.parentNode.insertBefore(cue, box);
    box.addEventListener("scroll", function () { markEnd(box); }, { passive: true });
    return cue;
  }

  function markEnd(box) {
    box.classList.toggle(END_CLASS, box.scrollLeft + box.clientWidth >= box.scrollWidth - 2);
  }

  function update(table) {
    var box = scrollingBox(table);
    if (!box) return;
    var wide = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle(WIDE_CLASS, wide);
    var cue = wide ? cueFor(box) : box.previousElementSibling;
    if (!cue || !cue.classList.contains(CUE_CLASS)) return;
    cue.hidden = !wide;
    if (wide) {
      var counts = columnsShown(table, box);
      var text = "\u2194 Swipe the table sideways: " + counts[0] + " of " + counts[1] + " columns shown.";
      // Only a changed text is written: the observer below would see every write.
      if (cue.textContent !== text) cue.textContent = text;
      markEnd(box);
    }
  }

  function updateAll() {
    document.querySelectorAll(".bd-article table").forEach(function (table) {
      if (table.checkVisibility ? table.checkVisibility() : table.offsetParent) update(table);
    });
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      updateAll();
    });
  }

  function init() {
    updateAll();
    window.addEventListener("resize", schedule);
    if (document.fonts) document.fonts.ready.then(schedule);
    // Explorer views are drawn after the page loads, and each new view may hold a table.
    var article = document.querySelector(".bd-article");
    if (article) new MutationObserver(schedule).observe(article, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
