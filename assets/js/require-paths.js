/* Loaded before require.js on pages with widgets (see nb_ipywidgets_js in _config.yml).
 *
 * The html-manager bundle (embed-amd.js) asks require.js for its icon fonts under the
 * module paths "@jupyter-widgets/html-manager/dist/" and, for some widgets,
 * "@jupyter-widgets/", which require.js resolves relative to the page: a 404 on every
 * chapter page. A global `require` object defined before require.js loads is its
 * configuration; map both module paths to the copy of the bundle and its fonts
 * vendored into this site (require.js uses the longest matching path).
 * `data-content_root` is Sphinx's relative path from the page to the site root. */
var vendoredWidgets = document.documentElement.dataset.content_root + "_static/npm/html-manager/dist";
var require = {
  paths: {
    "@jupyter-widgets/html-manager/dist": vendoredWidgets,
    "@jupyter-widgets": vendoredWidgets
  }
};
