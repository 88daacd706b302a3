/* The texts a feature shows, in the page's language. The page carries them as a
   JSON data block (<script type="application/json" id="kv-labels-<feature>">),
   written by overrides/main.html from macros/labels/<lang>.yml `js.<feature>`,
   so every message has one source per language, beside the other labels. */
export function labelsFor(feature) {
  const block = document.getElementById(`kv-labels-${feature}`);
  if (!block) throw new Error(`no labels for ${feature}: add js.${feature} to macros/labels/*.yml`);
  return JSON.parse(block.textContent);
}

/* Placeholders are "%name" (labels are plain text, so no braces):
   format("%n min", {n: 5}) gives "5 min". */
export function format(text, values) {
  return text.replace(/%([a-z_]+)/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/* The page's language, from <html lang>. */
export function pageLanguage() {
  return document.documentElement.lang || "fi";
}
