/* Glossary definitions where a term is used (_ext/glossary_tooltips.py).

   Every link to a glossary term sits in <span class="glossary-term" data-term
   data-definition>, written at build time, so nothing is fetched and the book works from
   file://. One shared tooltip (role="tooltip") shows the definition:
   - mouse: while the pointer is over the term or the tooltip itself;
   - keyboard: while the term's link has focus; Escape hides it;
   - touch: the first tap shows it, a second tap on the same term follows the link to the
     glossary entry; a tap anywhere else hides it.
   While shown, the link is described by the tooltip (aria-describedby). */
(function () {
  "use strict";

  var TIP_ID = "glossary-tooltip";
  var tip = null;
  var shownFor = null;
  var hideTimer = null;
  var lastPointer = "mouse";

  function termOf(target) {
    if (!(target instanceof Element)) return null;
    var link = target.closest(".glossary-term a");
    return link && link.closest(".glossary-term") ? link : null;
  }

  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = TIP_ID;
      tip.className = "glossary-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", cancelHide);
      tip.addEventListener("mouseleave", scheduleHide);
      document.body.appendChild(tip);
    }
    return tip;
  }

  function cancelHide() {
    if (hideTimer) {
      clearTimeout(hideTimer);
      hideTimer = null;
    }
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = setTimeout(hide, 300);
  }

  function place(link, box) {
    var margin = 8;
    var rect = link.getBoundingClientRect();
    box.style.maxWidth = Math.min(352, window.innerWidth - 2 * margin) + "px";
    box.style.left = "0px";
    box.style.top = "0px";
    var width = box.offsetWidth;
    var height = box.offsetHeight;
    var top = rect.bottom + 6;
    if (top + height > window.innerHeight - margin && rect.top - 6 - height >= margin) {
      top = rect.top - 6 - height;
    }
    var left = Math.max(margin, Math.min(rect.left, window.innerWidth - width - margin));
    box.style.left = left + "px";
    box.style.top = top + "px";
  }

  function show(link) {
    cancelHide();
    var holder = link.closest(".glossary-term");
    var box = tooltip();
    box.textContent = "";
    var term = document.createElement("strong");
    term.textContent = holder.dataset.term;
    box.appendChild(term);
    box.appendChild(document.createTextNode(": " + holder.dataset.definition));
    if (lastPointer === "touch") {
      var hint = document.createElement("span");
      hint.className = "glossary-tooltip-hint";
      hint.textContent = "Tap the term again to open its glossary entry.";
      box.appendChild(hint);
    }
    if (shownFor && shownFor !== link) shownFor.removeAttribute("aria-describedby");
    shownFor = link;
    link.setAttribute("aria-describedby", TIP_ID);
    box.hidden = false;
    place(link, box);
  }

  function hide() {
    cancelHide();
    if (tip) tip.hidden = true;
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    shownFor = null;
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    if (!termOf(event.target) && !(tip && tip.contains(event.target))) hide();
  }, true);

  document.addEventListener("click", function (event) {
    var link = termOf(event.target);
    if (link && lastPointer === "touch" && shownFor !== link) {
      event.preventDefault();
      show(link);
    }
  });

  document.addEventListener("mouseover", function (event) {
    var link = termOf(event.target);
    if (link && lastPointer !== "touch") show(link);
  });

  document.addEventListener("mouseout", function (event) {
    if (termOf(event.target) && lastPointer !== "touch") scheduleHide();
  });

  document.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (link) {
      if (lastPointer !== "touch") show(link);
    } else if (shownFor) {
      hide();
    }
  });

  document.addEventListener("focusout", function (event) {
    if (termOf(event.target) && lastPointer !== "touch") scheduleHide();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shownFor) hide();
    if (event.key === "Tab") lastPointer = "keyboard";
  });

  // The tooltip is fixed to the viewport: follow the term when the page moves (focus
  // moving to a term off screen scrolls the page after the focus event).
  function follow() { if (shownFor && tip && !tip.hidden) place(shownFor, tip); }
  window.addEventListener("scroll", follow, { passive: true });
  window.addEventListener("resize", follow);
})();
