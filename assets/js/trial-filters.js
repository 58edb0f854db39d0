/* Filter explorers (the trial and ongoing-trial explorers, widgets/explorers/filter_counts.py).

   Each such explorer holds a hidden element (.explorer-filter-counts) with how many studies,
   figures or trials every combination of its menus leaves. Here:
   - every option of every menu shows how many the option would leave with the other menus
     as they are, "B-lineage (1 study)", in its label attribute (the option's own text, which
     the explorer's chips and titles repeat, stays as it is); where a menu is too narrow for
     such labels (a phone), the count alone, "B-lineage (1)", in all the explorer's menus;
   - the menus are kept in sessionStorage, and set back when the reader returns to the page
     (the Back button after following a citation, or a reload), where the page would
     otherwise open with every menu at "All";
   - a view where nothing matches shows its "Reset the filters" button, which sets the menus
     back to where the explorer started.
   A menu is changed as a reader changes it (its index, then a "change" event), so the widget
   renderer switches the views. */
(function () {
  "use strict";

  var COUNTS = ".explorer-filter-counts";
  var RESET = ".explorer-filter-reset";
  var MENUS = ".book-explorer-controls select";
  var STORE = "explorer-filters:";
  var CHANGE_GAP_MS = 100;

  function flatIndex(indices, shape) {
    var flat = 0;
    for (var i = 0; i < shape.length; i++) flat = flat * shape[i] + indices[i];
    return flat;
  }

  function indicesOf(menus) {
    return menus.map(function (menu) { return menu.selectedIndex; });
  }

  var ruler = document.createElement("canvas").getContext("2d");

  // Whether every label fits the menu's text box (a phone-wide menu is about 320px).
  function allFit(menu, labels) {
    var style = getComputedStyle(menu);
    var room = menu.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    ruler.font = style.font;
    return room <= 0 || labels.every(function (label) { return ruler.measureText(label).width <= room; });
  }

  // Each option's label: "B-lineage (1 study)"; or, in every menu of the explorer alike,
  // "B-lineage (1)" where the long labels would not all fit their menus, so none is cut off.
  function showCounts(menus, data) {
    var current = indicesOf(menus);
    if (current.some(function (index) { return index < 0; })) return;
    var counted = menus.map(function (menu, position) {
      var kind = data.shows[position];
      var nouns = data.nouns[kind];
      return Array.prototype.map.call(menu.options, function (option, index) {
        var indices = current.slice();
        indices[position] = index;
        var count = data.counts[kind][flatIndex(indices, data.shape)];
        var words = option.text.replace(/\u00a0/g, " ");
        return { long: words + " (" + count + " " + (count === 1 ? nouns[0] : nouns[1]) + ")",
                 short: words + " (" + count + ")" };
      });
    });
    var worded = menus.every(function (menu, position) {
      return allFit(menu, counted[position].map(function (label) { return label.long; }));
    });
    menus.forEach(function (menu, position) {
      Array.prototype.forEach.call(menu.options, function (option, index) {
        var label = worded ? counted[position][index].long : counted[position][index].short;
        if (option.label !== label) option.label = label;
      });
    });
  }

  // One menu at a time, a moment apart: the renderer swaps views asynchronously, and
  // changing several menus in one go made it fail to add views ("Could not add child view").
  // Each menu is told of its value even where it already shows it: coming Back, the browser
  // may have put a menu back at the reader's choice without the renderer knowing.
  function choose(menus, indices, from) {
    var position = from || 0;
    if (position === menus.length) return;
    var menu = menus[position];
    var changed = menu.selectedIndex !== indices[position] || menu.dataset.filtersShown !== String(indices[position]);
    menu.selectedIndex = indices[position];
    if (changed) menu.dispatchEvent(new Event("change", { bubbles: true }));
    window.setTimeout(function () { choose(menus, indices, position + 1); }, changed ? CHANGE_GAP_MS : 0);
  }

  function returning() {
    var navigation = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    return !!navigation && (navigation.type === "back_forward" || navigation.type === "reload");
  }

  function saved(key, data) {
    try {
      var indices = JSON.parse(sessionStorage.getItem(key));
      var valid = Array.isArray(indices) && indices.length === data.shape.length && indices.every(function (index, i) {
        return Number.isInteger(index) && index >= 0 && index < data.shape[i];
      });
      return valid ? indices : null;
    } catch (error) {
      return null;  // storage refused (private mode) or an unreadable entry: start afresh
    }
  }

  function store(key, menus) {
    try {
      sessionStorage.setItem(key, JSON.stringify(indicesOf(menus)));
    } catch (error) {
      // storage refused: the filters are simply not kept
    }
  }

  function showResets(explorer) {
    explorer.querySelectorAll(RESET + "[hidden]").forEach(function (button) { button.hidden = false; });
  }

  function setUp(explorer, position) {
    var holder = explorer.querySelector(COUNTS);
    var menus = Array.prototype.slice.call(explorer.querySelectorAll(MENUS));
    if (!holder || explorer.dataset.filtersReady) return;
    var data = JSON.parse(holder.dataset.filters);
    if (menus.length !== data.shape.length) return;  // not drawn yet
    explorer.dataset.filtersReady = "1";
    var key = STORE + location.pathname + ":" + position;
    menus.forEach(function (menu, position) {
      menu.autocomplete = "off";  // the browser's own restoring of menus would bypass the renderer
      menu.dataset.filtersShown = String(data.start[position]);
      menu.addEventListener("change", function () {
        menu.dataset.filtersShown = String(menu.selectedIndex);
        showCounts(menus, data);
        store(key, menus);
      });
    });
    explorer.addEventListener("click", function (event) {
      if (event.target.closest(RESET)) choose(menus, data.start);
    });
    // Coming back: the reader's choices; otherwise the renderer is told of any menu the
    // browser itself set back, so that the views match the menus.
    choose(menus, (returning() && saved(key, data)) || indicesOf(menus));
    showCounts(menus, data);
    showResets(explorer);
    new MutationObserver(function () { showResets(explorer); }).observe(explorer, { childList: true, subtree: true });
    // Turning a phone widens or narrows the menus: the labels are fitted again.
    window.addEventListener("resize", function () { showCounts(menus, data); });
  }

  function setUpAll() {
    document.querySelectorAll(".book-explorer").forEach(function (explorer, position) {
      if (explorer.querySelector(COUNTS)) setUp(explorer, position);
    });
  }

  // Explorers are drawn by the widget renderer after the page has loaded.
  var pending = false;
  var observer = new MutationObserver(function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      setUpAll();
      var waiting = document.querySelectorAll(".book-explorer " + COUNTS).length
        > document.querySelectorAll(".book-explorer[data-filters-ready]").length;
      if (!waiting && document.querySelector(".book-explorer")) observer.disconnect();
    });
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  setUpAll();
})();
