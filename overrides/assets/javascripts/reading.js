/* Reading aids, served from the site itself (works offline and from file://).
 *
 * 1. The language selector keeps the reader's place: its links get the id of the paragraph
 *    or heading the reader is at (the URL's hash when its target is on screen, otherwise
 *    the first anchored block at the top of the viewport). Ids are the same in every
 *    language, so /report/x/#x-3 leads to /fr/report/x/#x-3.
 *    A footnote's id differs on fallback pages (`fn-3` for `fn:3`): arriving, the other
 *    form is tried.
 * 2. Acronyms explain themselves on keyboard focus too: the first use of each acronym on
 *    the page can be reached with Tab (Material shows the title as a tooltip on focus).
 * 3. Side-by-side pages show the two languages the reader chooses (remembered when the
 *    browser allows it); without this script every language shows.
 */
(function () {
  "use strict";

  // Anchored blocks and headings of the page's text: ids from the YAML, the same in every
  // language (not the page heading, whose id may be a slug of its translated title).
  var PLACE_SELECTOR = [
    ".md-content h2[id]", ".md-content h3[id]", ".md-content h4[id]",
    ".md-content h5[id]", ".md-content h6[id]", ".md-content p[id]", ".md-content div[id]",
    ".md-content li[id]"
  ].join(",");

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  function onScreen(element, top) {
    var rect = element.getBoundingClientRect();
    return rect.bottom > top && rect.top < window.innerHeight;
  }

  /* The id of the place the reader is at, or "" at the very top of a page without hash. */
  function currentPlace() {
    var top = headerBottom();
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var target = hash && document.getElementById(hash);
    if (target && onScreen(target, top)) return hash;
    if (window.scrollY < 1) return "";
    var places = document.querySelectorAll(PLACE_SELECTOR);
    for (var i = 0; i < places.length; i++) {
      var rect = places[i].getBoundingClientRect();
      if (rect.height > 0 && rect.bottom > top + 1) return places[i].id;
    }
    return "";
  }

  function withPlace(href, id) {
    var base = href.split("#")[0];
    return id ? base + "#" + encodeURIComponent(id).replace(/%3A/g, ":") : base;
  }

  function keepPlace(event) {
    var link = event.currentTarget;
    link.setAttribute("href", withPlace(link.getAttribute("href"), currentPlace()));
  }

  function setUpSelector() {
    var links = document.querySelectorAll(".md-select__link");
    ["click", "focus", "mouseenter", "touchstart", "auxclick", "contextmenu"].forEach(function (type) {
      for (var i = 0; i < links.length; i++) {
        links[i].addEventListener(type, keepPlace, { passive: true });
      }
    });
  }

  /* A footnote is `fn:3` on a page of its own language and `fn-3` on a fallback page (notes
     kept inside the original's `lang`): arriving with one form, go to the other. */
  function arrive() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash || document.getElementById(hash)) return;
    var other = hash.replace(/^(fn|fnref)([:-])/, function (_, kind, sep) {
      return kind + (sep === ":" ? "-" : ":");
    });
    var target = other !== hash && document.getElementById(other);
    if (target) target.scrollIntoView();
  }

  function setUpAcronyms() {
    var seen = {};
    var abbrs = document.querySelectorAll(".md-content abbr[title]");
    for (var i = 0; i < abbrs.length; i++) {
      var text = abbrs[i].textContent;
      if (!seen[text]) {
        seen[text] = true;
        abbrs[i].setAttribute("tabindex", "0");
      }
    }
  }

  var STORE = "idm-parallel-columns";

  function remembered() {
    try { return JSON.parse(window.localStorage.getItem(STORE) || "null"); } catch (e) { return null; }
  }

  function remember(choice) {
    try { window.localStorage.setItem(STORE, JSON.stringify(choice)); } catch (e) { /* file:// or private mode */ }
  }

  function showColumns(form) {
    var left = form.elements.left.value;
    var right = form.elements.right.value;
    var cells = document.querySelectorAll(".parallel-cell");
    for (var i = 0; i < cells.length; i++) {
      var lang = cells[i].getAttribute("data-lang");
      cells[i].hidden = lang !== left && lang !== right;
      cells[i].style.order = lang === left ? "1" : "2";
    }
    var parallel = document.querySelector(".parallel");
    if (parallel) parallel.setAttribute("data-shown", left === right ? "1" : "2");
  }

  function setUpParallel() {
    var form = document.querySelector("form.parallel-choice");
    if (!form) return;
    var saved = remembered();
    ["left", "right"].forEach(function (name) {
      var select = form.elements[name];
      if (saved && saved[name] && select.querySelector('option[value="' + saved[name] + '"]')) {
        select.value = saved[name];
      }
      select.addEventListener("change", function () {
        remember({ left: form.elements.left.value, right: form.elements.right.value });
        showColumns(form);
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    showColumns(form);
  }

  // For tests and other scripts: the place logic, without side effects.
  window.idmReading = { currentPlace: currentPlace, withPlace: withPlace };

  function start() {
    setUpSelector();
    arrive();
    setUpAcronyms();
    setUpParallel();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
