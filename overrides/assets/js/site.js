/* Site behaviour that needs JavaScript, on every page: print buttons, wide tables as
   scroll regions, abbreviations on focus, the search dialog's name. Without it every
   page still works. Features of one page are modules of their own, loaded only there
   (catalog.js, deck.js, learning.js…; see README.md). */
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
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
