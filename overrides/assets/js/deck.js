/* The cards page (macros/templates/deck.html.j2): ?theme=<id> shows, and so prints,
   one theme's cards, and says which theme. Without JavaScript every card shows. */
function setUpDeck(deck) {
  const theme = new URLSearchParams(location.search).get("theme");
  const namesElement = document.querySelector("[data-kv-theme-names]");
  const names = namesElement ? JSON.parse(namesElement.textContent) : {};
  if (!theme || !names[theme]) return;
  deck.querySelectorAll(".kv-card").forEach((card) => {
    card.hidden = !card.getAttribute("data-themes").split(" ").includes(theme);
  });
  const note = document.querySelector("[data-kv-deck-theme]");
  note.querySelector("[data-kv-deck-theme-name]").textContent = names[theme];
  note.hidden = false;
}

document.querySelectorAll(".kv-deck").forEach(setUpDeck);
