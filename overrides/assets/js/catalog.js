/* The exercise catalog's filters (macros/templates/catalog.html.j2): they combine, and
   the URL keeps them (?theme=…&duration=…), so a filtered list can be shared or
   bookmarked. Without JavaScript the catalog shows every exercise. */
const FILTER_NAMES = ["theme", "duration", "size", "mode", "audience"];

function words(row, name) {
  return (row.getAttribute(`data-${name}`) || "").split(" ");
}

function number(row, name) {
  return parseInt(row.getAttribute(`data-${name}`), 10);
}

// "Up to N minutes" means the exercise, run in full, ends within N minutes: its
// longest duration counts (a 30-35-minute exercise is not "up to 30").
function fitsDuration(row, bucket) {
  if (bucket === "longer") return number(row, "duration-max") > 60;
  return number(row, "duration-max") <= parseInt(bucket, 10);
}

function matches(row, filter) {
  if (filter.theme && !words(row, "themes").includes(filter.theme)) return false;
  if (filter.mode && !words(row, "modes").includes(filter.mode)) return false;
  if (filter.audience && !words(row, "audience").includes(filter.audience)) return false;
  if (filter.duration && !fitsDuration(row, filter.duration)) return false;
  if (filter.size) {
    const size = parseInt(filter.size, 10);
    if (size < number(row, "size-min") || size > number(row, "size-max")) return false;
  }
  return true;
}

function setUpCatalog(catalog) {
  const form = catalog.querySelector("[data-kv-filters]");
  const rows = catalog.querySelectorAll(".kv-catalog__row");
  const shown = catalog.querySelector("[data-kv-shown]");
  const empty = catalog.querySelector("[data-kv-empty]");

  function readForm() {
    const filter = {};
    for (const name of FILTER_NAMES) {
      const value = form.elements[name].value.trim();
      if (value) filter[name] = value;
    }
    return filter;
  }

  function apply() {
    const filter = readForm();
    let count = 0;
    rows.forEach((row) => {
      const visible = matches(row, filter);
      row.hidden = !visible;
      if (visible) count += 1;
    });
    shown.textContent = String(count);
    empty.hidden = count > 0;
    const params = new URLSearchParams(filter).toString();
    history.replaceState(null, "", location.pathname + (params ? `?${params}` : "") + location.hash);
  }

  // Restore a shared or bookmarked filter from the URL.
  const params = new URLSearchParams(location.search);
  for (const name of FILTER_NAMES) {
    if (params.has(name)) form.elements[name].value = params.get(name);
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(apply, 0));
  apply();
}

document.querySelectorAll("[data-kv-catalog]").forEach(setUpCatalog);
