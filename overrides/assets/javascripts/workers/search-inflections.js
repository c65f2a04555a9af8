/* The theme's search worker, so that a word finds its inflections ("retours" finds "retour",
 * "migrantes" finds "migrante").
 *
 * Each language's index is built with that language's lunr stemmer (scripts/search_index.py),
 * but the theme turns every typed word into a prefix query ("retours*"), which lunr never
 * stems, so it looks for words that start with "retours" among stems such as "retour". This
 * adds, for each such word, the same word without the wildcard, which lunr does run through
 * the language's stemmer: the reader gets both the prefix matches while typing and the
 * inflections of whole words. overrides/main.html names this file as the theme's worker.
 *
 * Runs as a real Web Worker (importScripts is synchronous) or, from file://, inside the
 * theme's iframe-worker shim (importScripts returns a promise and resolves URLs against the
 * page, hence the absolute URL). The theme's worker is the one shipped with Material 9.8.1;
 * tests/test_browser.py fails if it is missing from the built site. */
(function () {
  "use strict";
  var THEME_WORKER = "search.a7633da7.min.js";
  var here = (typeof document !== "undefined" && document.currentScript)
    ? document.currentScript.src : self.location.href;
  var loaded = importScripts(new URL(THEME_WORKER, here).href);
  if (loaded && typeof loaded.then === "function") {
    loaded.then(withInflections);
  } else {
    withInflections();
  }

  function withInflections() {
    var lunr = self.lunr;
    lunr.Index.prototype.search = function (queryString) {
      return this.query(function (query) {
        new lunr.QueryParser(queryString, query).parse();
        query.clauses.slice().forEach(function (clause) {
          var term = clause.term;
          var prefixOnly = !clause.usePipeline && /^[^*]+\*$/.test(term) &&
            clause.presence === lunr.Query.presence.OPTIONAL;
          if (prefixOnly) {
            query.clause({
              term: term.slice(0, -1), fields: clause.fields, boost: clause.boost,
              usePipeline: true, wildcard: lunr.Query.wildcard.NONE,
              presence: lunr.Query.presence.OPTIONAL
            });
          }
        });
      });
    };
  }
})();
