/* The book's widget renderer: draws each explorer's saved widgets on the static site.
 *
 * The book's widgets are all from ipywidgets' own packages (@jupyter-widgets/base and
 * /controls: boxes, stacks, links, HTML, dropdowns and sliders), so this renderer loads
 * just those, rather than html-manager's embed.js (1.9 MB: it also carries ipywidgets 7,
 * the output widget with JupyterLab's renderers, a JSON-schema validator and Font Awesome).
 * On a throttled phone that script alone took longer to start than the page took to show.
 * tools/vendor_assets.py bundles this file with esbuild into assets/npm/widget-renderer/.
 *
 * As html-manager does, each placeholder <script type="application/vnd.jupyter.widget-view+json">
 * gets its view drawn into a .widget-subarea inserted before it; the book's CSS hides the
 * explorer's first view (_ext/first_view.py) once that subarea exists. A widget that fails
 * to draw gets no subarea, so the reader keeps its first view, and the error goes to the console.
 * Widgets are drawn at DOMContentLoaded, after every deferred script has run, so the book's
 * scripts that watch for explorers (slider-names.js, trial-filters.js) see them arrive.
 */
import * as base from "@jupyter-widgets/base";
import { ManagerBase } from "@jupyter-widgets/base-manager";
import * as controls from "@jupyter-widgets/controls";
import { MessageLoop } from "@lumino/messaging";
import { Widget } from "@lumino/widgets";

const MODULES = { "@jupyter-widgets/base": base, "@jupyter-widgets/controls": controls };
const STATE = 'script[type="application/vnd.jupyter.widget-state+json"]';
const PLACEHOLDER = 'script[type="application/vnd.jupyter.widget-view+json"]';
// The stylesheet is bundled beside this script (renderer.css).
const STYLESHEET = document.currentScript.src.replace(/\.js(\?.*)?$/, ".css$1");

class BookWidgetManager extends ManagerBase {
  constructor() {
    super();
    this.views = [];
    window.addEventListener("resize", () => {
      this.views.forEach((view) => MessageLoop.postMessage(view.luminoWidget, Widget.ResizeMessage.UnknownSize));
    });
  }

  loadClass(className, moduleName, moduleVersion) {
    const module = MODULES[moduleName];
    if (module && module[className]) return Promise.resolve(module[className]);
    return Promise.reject(new Error(`widget-renderer: no ${className} in ${moduleName} ${moduleVersion}`));
  }

  // A static page has no kernel: no comm is ever opened.
  _get_comm_info() {
    return Promise.resolve({});
  }

  _create_comm() {
    return Promise.resolve({ on_close() {}, on_msg() {}, close() {} });
  }

  async display_view(view, element) {
    const drawn = await view;
    Widget.attach(drawn.luminoWidget, element);
    this.views.push(drawn);
  }
}

function loadStylesheet() {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = STYLESHEET;
  const loaded = new Promise((resolve) => {
    link.onload = link.onerror = resolve;
  });
  document.head.appendChild(link);
  return loaded;
}

async function drawPlaceholder(manager, models, placeholder) {
  const model = models.get(JSON.parse(placeholder.textContent).model_id);
  if (!model || !placeholder.parentElement) return;
  try {
    const view = await manager.create_view(model);
    const area = document.createElement("div");
    area.className = "widget-subarea";
    placeholder.parentElement.insertBefore(area, placeholder);
    await manager.display_view(view, area);
  } catch (error) {
    console.error("widget-renderer: a widget could not be drawn; its first view stays", error);
  }
}

async function renderWidgets() {
  const saved = document.querySelector(STATE);
  if (!saved) return;
  const styled = loadStylesheet();
  const manager = new BookWidgetManager();
  const models = new Map(
    (await manager.set_state(JSON.parse(saved.textContent))).map((model) => [model.model_id, model]),
  );
  await styled;
  await Promise.all([...document.querySelectorAll(PLACEHOLDER)].map((tag) => drawPlaceholder(manager, models, tag)));
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", renderWidgets);
else renderWidgets();
