/* The widget html-manager 1.0 typesets widget text through the MathJax 2 API
 * (`MathJax.Hub.Queue(["Typeset", MathJax.Hub, element])`). This book loads MathJax 3,
 * which has no `Hub`, so a page with both math and widgets would throw. Give MathJax 3
 * the one call the manager makes, forwarded to its own typesetter. Pages without math
 * do not load MathJax, and the manager then skips typesetting. */
if (window.MathJax && window.MathJax.startup && !window.MathJax.Hub) {
  window.MathJax.Hub = {
    Queue: function (command) {
      var element = command[2];
      return window.MathJax.startup.promise.then(function () {
        return window.MathJax.typesetPromise([element]);
      });
    }
  };
}
