/* Download the search index only when the reader starts to search.
 *
 * Material requests search/search_index.json (about 200 KB gzip) with
 * XMLHttpRequest as soon as any page loads, and its worker then builds the whole
 * index: long tasks on every page for readers who never search. This script runs
 * before Material's bundle (it is loaded in <head>) and holds back that one
 * request until the search field gets focus: by click, by tap, by Tab or by the
 * "/" and "s" shortcuts. When the index arrives, Material runs what was typed in
 * the meantime, so the first keystroke is not lost.
 *
 * A classic script, not a module: modules run after the bundle, too late.
 */
(function () {
  "use strict";

  var INDEX_FILE = /\/search\/search_index\.json(?:$|\?)/;
  var held = [];
  var released = false;

  function release() {
    if (released) return;
    released = true;
    held.forEach(function (send) { send(); });
    held = [];
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.kvIsSearchIndex = INDEX_FILE.test(String(url));
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (released || !this.kvIsSearchIndex) return send.apply(this, arguments);
    var request = this;
    var args = arguments;
    held.push(function () { send.apply(request, args); });
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) release();
  });
  // A search link (?q=…) opens the search at once.
  if (new URLSearchParams(location.search).has("q")) release();
})();
