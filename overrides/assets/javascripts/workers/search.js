/* upstream: mkdocs-material 9.8.1 material/templates/assets/javascripts/workers/search.*.min.js sha256=da1b3df5e5f00cc73083c9e21ff0ec28bde85cd247057bdd05b7a167e5903bd4 (the build fills in __THEME_WORKER__ and __MATERIAL_VERSION__ and drops this line: scripts/engine/theme.py) */
/* The site's search worker: Material __MATERIAL_VERSION__'s own worker (__THEME_WORKER__, imported
 * below), reading the index in the compact form scripts/publish/search_index.py writes, with four
 * changes made through lunr's public API, per language (the index's `config`):
 *
 * 0. The index's entries come grouped by page (`[path, [[anchor, title, text], …]]`, a title
 *    `0` for the page's own, an empty text left off: scripts/publish/search_index.py `compact`) and
 *    are turned back into the theme's entries, in their order, before the theme reads them
 *    (`expand`, as the Python one does), so its ranking and snippets are unchanged.
 * 1. Inflections. The theme turns every typed word into a prefix query ("retours*"), which
 *    lunr never stems, so it would look for words starting with "retours" among stems such as
 *    "retour". Each such word is also searched whole, through the language's stemmer:
 *    "retours" finds "retour", "migrantes" finds "migrante"; a word's start still finds as
 *    you type.
 * 2. Elisions (`config.elisions`, e.g. French l', d', qu'): "d'origine" is indexed and
 *    searched as "origine", and "l'OIM" as "OIM", at both ends.
 * 3. Accents folded for matching only: "developpement" finds "développement",
 *    "reintegracion" finds "reintegración". The text shown and highlighted is the page's.
 *    Folding comes after the stop-word filter (whose lists are accented) and before the
 *    stemmer, on the indexed words and on the typed ones alike, so both meet the same stem.
 * 4. "Missing:" tells only of words that are really absent. The theme decides a word is
 *    missing when no matched index term starts with it as typed; but matched terms are stems
 *    ("remitt" for "remittances") and folded, so it marked the very word it found. A word
 *    that matched (whole, stemmed, or as a prefix, once elided and folded) is reported found.
 *
 * Loaded only when the reader first opens search (overrides/main.html). Runs as a real Web
 * Worker (importScripts is synchronous) or, from file://, inside the theme's iframe-worker
 * shim (importScripts returns a promise and resolves URLs against the page, hence the
 * absolute URL). tests/test_browser.py fails if the theme's worker is missing from the site. */
(function () {
  "use strict";
  var THEME_WORKER = "__THEME_WORKER__";
  var SETUP = 0;  // the theme's SearchMessageType.SETUP
  var config = { lang: ["en"], elisions: [] };

  // The index's configuration and entries, read before the theme's own handler builds the
  // index (listeners run in the order they were added; they share the event's data).
  addEventListener("message", function (event) {
    if (event.data && event.data.type === SETUP) {
      config = event.data.data.config;
      event.data.data.docs = expand(event.data.data.docs);
    }
  });

  function expand(pages) {
    var docs = [];
    pages.forEach(function (page) {
      var path = page[0], title = null;
      page[1].forEach(function (entry) {
        var doc = Array.isArray(entry) ? {
          location: entry[0] ? path + "#" + entry[0] : path,
          title: entry[1] === 0 ? title : entry[1],
          text: entry.length > 2 ? entry[2] : ""
        } : entry;
        if (title === null) title = doc.title;
        docs.push(doc);
      });
    });
    return docs;
  }

  var here = (typeof document !== "undefined" && document.currentScript)
    ? document.currentScript.src : self.location.href;
  var loaded = importScripts(new URL(THEME_WORKER, here).href);
  if (loaded && typeof loaded.then === "function") {
    loaded.then(patch);
  } else {
    patch();
  }

  function fold(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u2019/g, "'");
  }

  function unelide(word) {
    var elisions = config.elisions || [];
    var match = /^([^'\u2019]+)['\u2019](.+)$/.exec(word);
    return match && elisions.indexOf(match[1].toLowerCase()) >= 0 ? match[2] : word;
  }

  // Both as lunr pipeline functions (on tokens) and on the typed words.
  function normalize(word) { return fold(unelide(word)); }

  function patch() {
    var lunr = self.lunr;
    var elision = function (token) { return token.update(unelide); };
    var folding = function (token) { return token.update(fold); };
    lunr.Pipeline.registerFunction(elision, "siteElision");
    lunr.Pipeline.registerFunction(folding, "siteFolding");

    // Before the first document is added, once the theme has set the language's pipeline:
    // elisions first (so "l'on" meets the stop words as "on"), folding just before the stemmer.
    function install(pipeline, stopFilter, stemmer) {
      var stack = pipeline._stack;
      if (stack.indexOf(folding) >= 0) return;
      var first = stack.indexOf(stopFilter) >= 0 ? stopFilter : stack[0];
      if (first) pipeline.before(first, elision); else pipeline.add(elision);
      if (stack.indexOf(stemmer) >= 0) pipeline.before(stemmer, folding); else pipeline.add(folding);
    }
    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function () {
      var lang = (config.lang || ["en"])[0];
      var ns = lang === "en" ? lunr : (lunr[lang] || lunr);
      install(this.pipeline, ns.stopWordFilter, ns.stemmer);
      install(this.searchPipeline, ns.stopWordFilter, ns.stemmer);
      return add.apply(this, arguments);
    };

    lunr.Index.prototype.search = function (queryString) {
      var index = this;
      var words = [];  // each typed word as the theme's "Missing:" check sees it, and its forms
      var results = this.query(function (query) {
        new lunr.QueryParser(queryString, query).parse();
        query.clauses.slice().forEach(function (clause) {
          var prefixOnly = !clause.usePipeline && /^[^*]+\*$/.test(clause.term) &&
            clause.presence === lunr.Query.presence.OPTIONAL;
          if (!prefixOnly) return;
          var typed = clause.term.slice(0, -1);
          var bare = normalize(typed);
          clause.term = bare + "*";
          var stems = index.pipeline.runString(typed);
          words.push({ typed: typed, prefix: bare, stems: stems });
          query.clause({
            term: typed, fields: clause.fields, boost: clause.boost,
            usePipeline: true, wildcard: lunr.Query.wildcard.NONE,
            presence: lunr.Query.presence.OPTIONAL
          });
        });
      });
      results.forEach(function (result) {
        var matched = Object.keys(result.matchData.metadata);
        words.forEach(function (word) {
          var found = matched.some(function (term) {
            return term.indexOf(word.prefix) === 0 || word.stems.indexOf(term) >= 0;
          });
          // No positions: nothing more is highlighted, the theme just sees the word as found.
          if (found && !(word.typed in result.matchData.metadata)) {
            result.matchData.metadata[word.typed] = {};
          }
        });
      });
      return results;
    };
  }
})();
