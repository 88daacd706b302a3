/* Site behaviour that needs JavaScript. Without it every page still works:
   the catalog shows every exercise, the cards page every card. (Lesson tasks,
   reflections and progress: learning.js, on the self-study pages only.) */
(function () {
  "use strict";

  // ---- Exercise page: "Print card" prints the card alone, "Print role cards and
  // cases" the handouts alone: data-kv-print names what, and a class on <html>
  // (kv-printing-card, kv-printing-handouts) switches the print rules in site.css.
  // Without JavaScript the buttons are not shown (.no-js in site.css).
  function setUpPrintButtons() {
    var printing = "";
    document.querySelectorAll("[data-kv-print]").forEach(function (button) {
      button.addEventListener("click", function () {
        printing = "kv-printing-" + button.getAttribute("data-kv-print");
        document.documentElement.classList.add(printing);
        window.print();
      });
    });
    window.addEventListener("afterprint", function () {
      if (printing) document.documentElement.classList.remove(printing);
      printing = "";
    });
  }

  // ---- Catalog: filters that combine, kept in the URL -------------------------
  var FILTER_NAMES = ["theme", "duration", "size", "mode", "audience"];

  function words(row, name) {
    return (row.getAttribute("data-" + name) || "").split(" ");
  }

  function number(row, name) {
    return parseInt(row.getAttribute("data-" + name), 10);
  }

  // "Up to N minutes" means the exercise, run in full, ends within N minutes: its
  // longest duration counts (a 30-35-minute exercise is not "up to 30").
  function fitsDuration(row, bucket) {
    if (bucket === "longer") return number(row, "duration-max") > 60;
    return number(row, "duration-max") <= parseInt(bucket, 10);
  }

  function matches(row, filter) {
    if (filter.theme && words(row, "themes").indexOf(filter.theme) < 0) return false;
    if (filter.mode && words(row, "modes").indexOf(filter.mode) < 0) return false;
    if (filter.audience && words(row, "audience").indexOf(filter.audience) < 0) return false;
    if (filter.duration && !fitsDuration(row, filter.duration)) return false;
    if (filter.size) {
      var size = parseInt(filter.size, 10);
      if (size < number(row, "size-min") || size > number(row, "size-max")) return false;
    }
    return true;
  }

  function setUpCatalog(catalog) {
    var form = catalog.querySelector("[data-kv-filters]");
    var rows = catalog.querySelectorAll(".kv-catalog__row");
    var shown = catalog.querySelector("[data-kv-shown]");
    var empty = catalog.querySelector("[data-kv-empty]");

    function readForm() {
      var filter = {};
      FILTER_NAMES.forEach(function (name) {
        var value = form.elements[name].value.trim();
        if (value) filter[name] = value;
      });
      return filter;
    }

    function apply() {
      var filter = readForm();
      var count = 0;
      rows.forEach(function (row) {
        var visible = matches(row, filter);
        row.hidden = !visible;
        if (visible) count += 1;
      });
      shown.textContent = String(count);
      empty.hidden = count > 0;
      var params = new URLSearchParams(filter).toString();
      history.replaceState(null, "", location.pathname + (params ? "?" + params : "") + location.hash);
    }

    // Restore a shared or bookmarked filter from the URL.
    var params = new URLSearchParams(location.search);
    FILTER_NAMES.forEach(function (name) {
      if (params.has(name)) form.elements[name].value = params.get(name);
    });
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  }

  // ---- Cards page: ?theme=<id> shows (and prints) one theme's cards -----------
  function setUpDeck(deck) {
    var theme = new URLSearchParams(location.search).get("theme");
    var namesElement = document.querySelector("[data-kv-theme-names]");
    var names = namesElement ? JSON.parse(namesElement.textContent) : {};
    if (!theme || !names[theme]) return;
    deck.querySelectorAll(".kv-card").forEach(function (card) {
      card.hidden = card.getAttribute("data-themes").split(" ").indexOf(theme) < 0;
    });
    var note = document.querySelector("[data-kv-deck-theme]");
    note.querySelector("[data-kv-deck-theme-name]").textContent = names[theme];
    note.hidden = false;
  }

  // ---- Abbreviations: the expansion shows on keyboard focus as well as on hover --
  // The expansions come from data/glossary.yml (see macros/glossary.py).
  function setUpAbbreviations() {
    document.querySelectorAll(".md-typeset abbr[title]").forEach(function (abbr) {
      abbr.tabIndex = 0;
      abbr.setAttribute("data-kv-expansion", abbr.title);
    });
  }

  // ---- Wide tables: a box that scrolls sideways is a region that Tab can reach ----
  // Material wraps Markdown tables in .md-typeset__scrollwrap (already done when this
  // runs); ours sit in .kv-table-scroll. Only while a box is narrower than its table
  // is it a tab stop, named after the table's caption or the heading above it.
  function regionName(box) {
    var caption = box.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var name = "";
    document.querySelectorAll(".md-content h1, .md-content h2, .md-content h3, .md-content h4").forEach(function (heading) {
      if (!(heading.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING)) return;
      var clone = heading.cloneNode(true);
      clone.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
      name = clone.textContent.trim();
    });
    return name;
  }

  function setUpScrollRegions() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap, .kv-table-scroll");
    function update(box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", regionName(box));
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
    if (!window.ResizeObserver) return boxes.forEach(update);
    // The box resizes with the window; its table also when catalog filters hide rows.
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { update(entry.target.closest(".md-typeset__scrollwrap, .kv-table-scroll")); });
    });
    boxes.forEach(function (box) {
      update(box);
      observer.observe(box);
      if (box.firstElementChild) observer.observe(box.firstElementChild);
    });
  }

  // ---- Search: Material's search dialog has no accessible name; give it the
  // (already translated) name of its search field.
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    var input = dialog && dialog.querySelector(".md-search__input");
    if (input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  }

  function start() {
    nameSearchDialog();
    setUpPrintButtons();
    setUpScrollRegions();
    setUpAbbreviations();
    document.querySelectorAll("[data-kv-catalog]").forEach(setUpCatalog);
    document.querySelectorAll(".kv-deck").forEach(setUpDeck);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
