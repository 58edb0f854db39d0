/* Stands in for sanitize-html in the widget renderer's bundle (tools/vendor_assets.py).
 * ipywidgets' manager imports it only to clean a control's description when the description
 * is allowed to hold HTML; no widget of the book allows that, so the text is shown as text. */
export default function sanitize(text) {
  const box = document.createElement("div");
  box.textContent = String(text);
  return box.innerHTML;
}
