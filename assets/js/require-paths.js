/* Loaded before require.js on pages with widgets (see nb_ipywidgets_js in _config.yml).
 *
 * The html-manager bundle (embed-amd.js) asks require.js for its icon fonts under the
 * module path "@jupyter-widgets/html-manager/dist/", which require.js resolves relative
 * to the page: a 404 on every chapter page. A global `require` object defined before
 * require.js loads is its configuration; map that module path to the copy vendored
 * into this site. `data-content_root` is Sphinx's relative path from the page to the
 * site root. */
var require = {
  paths: {
    "@jupyter-widgets/html-manager/dist":
      document.documentElement.dataset.content_root + "_static/npm/html-manager/dist"
  }
};
