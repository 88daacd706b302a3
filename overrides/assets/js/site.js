/* Site behaviour that needs JavaScript. Everything still works without it. */
(function () {
  "use strict";

  // Exercise page: "Print card" prints the card alone. The button is hidden
  // in the HTML, so without JavaScript nobody sees a button that does nothing.
  function setUpPrintCard() {
    document.querySelectorAll("[data-kv-print-card]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        document.documentElement.classList.add("kv-printing-card");
        window.print();
      });
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("kv-printing-card");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpPrintCard);
  } else {
    setUpPrintCard();
  }
})();
