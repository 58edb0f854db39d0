/* Accessible names for the widget sliders.
 *
 * ipywidgets draws a slider's handle as a focusable element with role="slider" but gives
 * it no name, and its aria-valuetext is the option's index, not its label, so a screen
 * reader announces "slider, 2". Name each handle after the slider's description and
 * give it the visible readout ("×1", "10 nM") as its value text, and keep that value
 * text current as the reader moves the handle. Widgets render after the page loads, so
 * new handles are picked up as they appear. */
(function () {
  function describe(handle) {
    var slider = handle.closest(".widget-slider");
    if (!slider) {
      return;
    }
    var label = slider.querySelector(".widget-label");
    // The book's sliders show their label as text beside them (static_views.readout, in a
    // .book-slider row); other sliders have ipywidgets' own readout.
    var row = slider.closest(".book-slider");
    var readout = row ? row.querySelector(".book-slider-readout") : slider.querySelector(".widget-readout");
    if (label && label.textContent.trim() && handle.getAttribute("aria-label") !== label.textContent.trim()) {
      handle.setAttribute("aria-label", label.textContent.trim());
    }
    if (readout) {
      var value = readout.textContent.trim();
      if (value && handle.getAttribute("aria-valuetext") !== value) {
        handle.setAttribute("aria-valuetext", value);
      }
    }
  }

  function describeAll(root) {
    root.querySelectorAll(".widget-slider .noUi-handle").forEach(describe);
  }

  var pending = false;
  new MutationObserver(function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        describeAll(document);
      });
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true, attributes: true,
                                          attributeFilter: ["aria-valuenow"]});
  describeAll(document);
})();
