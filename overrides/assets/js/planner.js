/* The session planner (docs/<lang>/planner.md; skeleton macros/templates/planner.html.j2).
   The plan is data (lib/plan-model.js computes times, materials, timer blocks); this
   module draws it, edits it and keeps it: on the device (lib/plan-store.js), in the
   share link (lib/plan-link.js), in a file, in a calendar file (lib/ics.js).
   The run sheet that prints is the same list the screen shows (site.css print rules). */
import { format, labelsFor, pageLanguage } from "./lib/labels.js";
import { downloadFile, readFile, StoreError } from "./lib/store.js";
import { decodePlan, planHash, planInHash } from "./lib/plan-link.js";
import * as model from "./lib/plan-model.js";
import { openPlans } from "./lib/plan-store.js";
import { calendarFile } from "./lib/ics.js";

const L = labelsFor("planner");
const lang = pageLanguage();
const root = document.querySelector("[data-kv-planner]");
const $ = (selector) => root.querySelector(selector);
const names = { break: L.break };
const data = window.kvPlannerExercises;
const exercises = model.indexExercises(data);
const plans = openPlans();

let currentId = null;
let plan = null;
let nextKey = 1;

/* ---- Small helpers ------------------------------------------------------------ */

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === null || value === undefined || value === false) return;
    if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined && child !== "") node.append(child);
  });
  return node;
}

/* A block's key for the screen (focus, drag): not enumerable, so never saved or shared. */
function keyed(block) {
  Object.defineProperty(block, "key", { value: String(nextKey++), enumerable: false });
  return block;
}

/* "9.00": how Finnish and Finland-Swedish write clock times. */
function shownClock(minutes) {
  const [hours, mins] = model.clock(minutes).split(":");
  return `${Number(hours)}.${mins}`;
}

function shownLength(minutes) {
  if (minutes < 60) return format(L.minutes, { n: minutes });
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? format(L.hours_minutes, { h: hours, m: minutes % 60 }) : format(L.hours, { h: hours });
}

function shownDate(day) {
  const date = new Date(`${day}T12:00:00`);
  return date.toLocaleDateString(`${lang}-FI`, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

function planTitle(someplan) {
  return (someplan && someplan.title) || L.untitled;
}

function announce(text) {
  $("[data-kv-status]").textContent = text;
}

/* ---- Problems: a box that stays until closed, announced once ------------------- */

const PROBLEM_LABELS = {
  damaged: "damaged", version: "version", "unknown-exercise": "unknown_exercise", "no-short": "no_short",
  "bad-block": "bad_block", "bad-start": "bad_start", "bad-target": "bad_target",
};

function problemText(problem, context) {
  if (problem.code === "damaged" && context === "link") return L.damaged_link;
  if (problem.code === "damaged" && context === "file") return L.damaged_file;
  return format(L[PROBLEM_LABELS[problem.code]] || L.damaged, problem);
}

function showProblems(texts) {
  if (!texts.length) return;
  const list = $("[data-kv-problem-list]");
  texts.forEach((text) => list.append(element("li", {}, text)));
  $("[data-kv-problems]").hidden = false;
  announce(format(L.problems_found, { n: list.children.length }));
}

const toldStorage = new Set();
function storageProblem(code) {
  if (toldStorage.has(code)) return; // a full storage fails on every change: say it once
  toldStorage.add(code);
  showProblems([code === "full" ? L.storage_full : L.storage_unavailable]);
}

/* ---- Keeping: device, share link, language switch ------------------------------ */

function shareUrl() {
  return location.href.split("#")[0] + planHash(model.sharedPlan(plan));
}

function save() {
  plans.put(currentId, model.sharedPlan(plan));
  plans.setCurrent(currentId);
  const hash = planHash(model.sharedPlan(plan));
  $("[data-kv-share-url]").value = location.href.split("#")[0] + hash;
  // The language switch (overrides/partials/alternate.html) carries the plan, so the
  // other language opens the same plan, kept on the device or not.
  document.querySelectorAll(".md-select__link[hreflang]").forEach((link) => {
    link.setAttribute("href", link.getAttribute("href").split("#")[0] + hash);
  });
}

function load(id, raw, context) {
  const { plan: read, problems } = model.readPlan(raw, exercises);
  currentId = id;
  plan = read || model.newPlan(L.default_title);
  plan.blocks.forEach(keyed);
  showProblems(problems.map((problem) => problemText(problem, context)));
  return problems;
}

function samePlan(a, b) {
  return JSON.stringify(model.sharedPlan(a)) === JSON.stringify(model.sharedPlan(b));
}

/* A plan from a link or a file: the stored plan it equals (a language switch), or a new one. */
function adopt(raw, context) {
  const { plan: read } = model.readPlan(raw, exercises);
  if (read) {
    const same = plans.ids().find((id) => {
      const stored = model.readPlan(plans.get(id), exercises).plan;
      return stored && samePlan(stored, read);
    });
    if (same) {
      load(same, plans.get(same), context);
      return;
    }
  }
  load(plans.newId(), raw, context);
}

function start() {
  if (plans.store.problem) storageProblem(plans.store.problem);
  plans.store.onProblem(storageProblem);
  // A share link carries the plan in the fragment; a link on a page (a programme's
  // "open in planner") in the query, which link checkers do not read as an anchor.
  const encoded = planInHash(location.hash) ?? new URLSearchParams(location.search).get("plan");
  let fromLink = false;
  if (encoded !== null) {
    let raw = null;
    try {
      raw = decodePlan(encoded);
    } catch (error) {
      showProblems([L.damaged_link]);
    }
    if (raw !== null) {
      adopt(raw, "link");
      fromLink = true;
    }
    // The plan is now on the device (or in this visit): a reload opens it from there.
    history.replaceState(null, "", location.pathname);
  }
  if (!plan) {
    const id = plans.current();
    if (id) load(id, plans.get(id), "saved");
    else load(plans.newId(), model.newPlan(L.default_title), "saved");
  }
  save();
  renderSettings();
  renderPlanList();
  render();
  renderResults();
  if (fromLink && $("[data-kv-problems]").hidden) announce(format(L.link_opened, { title: planTitle(plan) }));
}

/* ---- Drawing ---------------------------------------------------------------------- */

function renderSettings() {
  const fields = { title: plan.title || "", date: plan.date || "", start: plan.start, target: plan.target ?? "" };
  root.querySelectorAll("[data-kv-setting]").forEach((input) => {
    input.value = fields[input.dataset.kvSetting];
  });
}

function renderPlanList() {
  const select = $("[data-kv-plan-select]");
  const ids = plans.ids();
  if (!ids.includes(currentId)) ids.push(currentId);
  select.replaceChildren(...ids.map((id) => {
    const stored = id === currentId ? plan : plans.get(id);
    return element("option", { value: id, selected: id === currentId }, planTitle(stored));
  }));
}

function versionControl(row, key) {
  const { block, exercise } = row;
  const chosen = block.minutes ? "own" : block.version;
  const total = exercise.steps.reduce((sum, step) => sum + step.minutes, 0);
  const select = element("select", { id: `kv-version-${key}`, "data-field": "version" },
    element("option", { value: "full", selected: chosen === "full" }, format(L.version_full, { n: total })),
    exercise.short ? element("option", { value: "short", selected: chosen === "short" }, format(L.version_short, { n: exercise.short.minutes })) : null,
    element("option", { value: "own", selected: chosen === "own" }, L.version_own));
  const parts = [element("div", { className: "kv-field" },
    element("label", { for: `kv-version-${key}` }, format(L.version_label, { title: row.title })), select)];
  if (chosen === "own") parts.push(minutesField(row, key));
  return parts;
}

function minutesField(row, key) {
  return element("div", { className: "kv-field kv-field--short" },
    element("label", { for: `kv-minutes-${key}` }, format(L.minutes_label, { title: row.title })),
    element("input", { id: `kv-minutes-${key}`, type: "number", inputmode: "numeric", min: 1, max: model.MAX_MINUTES, value: row.minutes, "data-field": "minutes" }));
}

function textField(key, field, label, value) {
  return element("div", { className: "kv-field" },
    element("label", { for: `kv-${field}-${key}` }, label),
    element("input", { id: `kv-${field}-${key}`, type: "text", maxlength: field === "note" ? 300 : 120, value, "data-field": field }));
}

function button(action, text, name) {
  return element("button", { type: "button", className: "md-button kv-plan__button", "data-action": action, "aria-label": name }, text);
}

function stepItem(step) {
  return element("li", { className: "kv-plan__step" },
    element("p", { className: "kv-plan__step-head" },
      element("span", { className: "kv-plan__step-time" }, shownClock(step.start)), " ",
      element("strong", {}, step.title), " ",
      element("span", { className: "kv-plan__step-minutes" }, `(${format(L.minutes, { n: step.minutes })})`)),
    step.do ? element("p", { className: "kv-plan__do" }, step.do) : null,
    step.say ? element("p", { className: "kv-plan__say" }, element("strong", {}, `${L.say}: `), `”${step.say}”`) : null);
}

function blockItem(row) {
  const { block } = row;
  const key = block.key;
  const kind = block.type === "exercise" ? (block.minutes ? L.own_length : block.version === "short" ? L.short_used : "") : "";
  const heading = block.type === "exercise" ? element("a", { href: row.exercise.url }, row.title) : row.title;
  const edit = element("div", { className: "kv-plan__edit kv-screen-only" });
  if (block.type === "exercise") edit.append(...versionControl(row, key));
  else if (block.type === "break") edit.append(minutesField(row, key));
  else {
    edit.append(textField(key, "title", L.custom_title_label, model.textIn(block.title, lang)), minutesField(row, key),
      textField(key, "note", L.custom_note_label, model.textIn(block.note, lang)));
  }
  edit.append(element("div", { className: "kv-plan__buttons" },
    button("up", L.move_up, format(L.move_up_name, { title: row.title })),
    button("down", L.move_down, format(L.move_down_name, { title: row.title })),
    button("remove", L.remove, format(L.remove_name, { title: row.title }))));
  return element("li", { className: `kv-plan__block kv-plan__block--${block.type}`, "data-key": key },
    element("div", { className: "kv-plan__head" },
      element("span", { className: "kv-plan__handle kv-screen-only", draggable: "true", title: format(L.drag_name, { title: row.title }), "aria-hidden": "true" }, "⠿"),
      element("p", { className: "kv-plan__time" },
        element("span", { className: "kv-plan__clock" }, `${shownClock(row.start)}–${shownClock(row.end)}`), " ",
        element("span", { className: "kv-plan__minutes" }, format(L.minutes, { n: row.minutes })),
        kind ? element("span", { className: "kv-plan__kind" }, ` · ${kind}`) : null),
      element("h3", { className: "kv-plan__title" }, heading)),
    ...row.warnings.map((warning) => element("p", { className: "kv-plan__warning" },
      format(L.out_of_range, { n: row.minutes, min: warning.min, max: warning.max }))),
    block.type === "custom" && row.note ? element("p", { className: "kv-plan__note" }, row.note) : null,
    edit,
    block.type === "exercise" ? element("ol", { className: "kv-plan__steps" }, row.steps.map(stepItem)) : null);
}

function listItems(target, items) {
  target.replaceChildren(...items);
  target.closest("section").hidden = !items.length;
}

let lastSchedule = null;
const drawn = new Map(); // block key -> {signature, node}: a block redraws only when it changed

/* Draws the blocks, reusing the element of every block whose times and contents are
   as before: adding a block to a long plan draws one block, not all of them
   (tools/bench.py measures it). */
let placing = false; // removing a focused field fires its change event: not a new edit

function placeBlocks(rows) {
  placing = true;
  try {
    placeNodes(rows);
  } finally {
    placing = false;
  }
}

function placeNodes(rows) {
  const list = $("[data-kv-blocks]");
  const nodes = rows.map((row) => {
    const signature = JSON.stringify([row.start, row.minutes, row.title, row.note, row.block, row.warnings]);
    const old = drawn.get(row.block.key);
    if (old && old.signature === signature) return old.node;
    const node = blockItem(row);
    drawn.set(row.block.key, { signature, node });
    return node;
  });
  const kept = new Set(rows.map((row) => row.block.key));
  [...drawn.keys()].forEach((key) => kept.has(key) || drawn.delete(key));
  let cursor = list.firstElementChild;
  nodes.forEach((node) => {
    if (node === cursor) cursor = cursor.nextElementSibling;
    else list.insertBefore(node, cursor);
  });
  while (cursor) {
    const next = cursor.nextElementSibling;
    cursor.remove();
    cursor = next;
  }
}

/* Recomputes and redraws the plan; focus goes back to the same control of the same block. */
function render(focus = null) {
  const scheduled = model.schedule(plan, exercises, lang, names);
  lastSchedule = scheduled;
  placeBlocks(scheduled.rows);
  $("[data-kv-empty]").hidden = scheduled.rows.length > 0;
  $("[data-kv-sheet-title]").textContent = planTitle(plan);
  const times = { start: shownClock(scheduled.start), end: shownClock(scheduled.end), total: shownLength(scheduled.total) };
  $("[data-kv-sheet-when]").textContent = plan.date ? format(L.when_date, { ...times, date: shownDate(plan.date) }) : format(L.when, times);
  const summary = [element("p", {}, format(L.total_end, { total: shownLength(scheduled.total), end: shownClock(scheduled.end) }))];
  if (scheduled.target) {
    const target = shownLength(scheduled.target);
    const difference = Math.abs(scheduled.difference);
    if (scheduled.difference > 0) summary.push(element("p", { className: "kv-plan__warning" }, format(L.over_target, { n: difference, target })));
    else if (scheduled.difference < 0) summary.push(element("p", { className: "kv-plan__warning" }, format(L.under_target, { n: difference, target })));
    else summary.push(element("p", { className: "kv-plan__ok" }, format(L.on_target, { target })));
  }
  $("[data-kv-summary]").replaceChildren(...summary);
  listItems($("[data-kv-materials]"), model.materials(scheduled.rows).map((text) => element("li", {}, text)));
  listItems($("[data-kv-prep]"), model.preparation(scheduled.rows).map((item) =>
    element("li", {}, element("strong", {}, `${item.title}: `), item.items.join(" "))));
  listItems($("[data-kv-handouts]"), model.handouts(scheduled.rows).map((item) =>
    element("li", {}, element("a", { href: item.url }, item.title))));
  if (focus) {
    const target = root.querySelector(`[data-key="${focus.key}"] [data-${focus.attribute}="${focus.value}"]`);
    if (target) target.focus();
  }
  return scheduled;
}

/* ---- The exercise list to add from --------------------------------------------------- */

const SHOWN_RESULTS = 12;
const searchable = (data ? data.exercises : []).map((exercise) => [exercise, exercise.title.toLocaleLowerCase(lang)]);

function renderResults() {
  const words = $("[data-kv-search]").value.toLocaleLowerCase(lang).split(/\s+/).filter(Boolean);
  const found = searchable.filter(([, title]) => words.every((word) => title.includes(word)));
  const shown = found.slice(0, SHOWN_RESULTS);
  $("[data-kv-results]").replaceChildren(...shown.map(([exercise]) => element("li", { className: "kv-planner__result" },
    element("span", { className: "kv-planner__result-title" }, exercise.title), " ",
    element("span", { className: "kv-planner__result-minutes" }, format(L.minutes, { n: exercise.min === exercise.max ? exercise.min : `${exercise.min}–${exercise.max}` })),
    element("button", { type: "button", className: "md-button", "data-add": exercise.id, "aria-label": format(L.add_name, { title: exercise.title }) }, L.add))));
  $("[data-kv-search-count]").textContent = !found.length ? L.results_none
    : found.length > shown.length ? format(L.results_some, { shown: shown.length, n: found.length }) : format(L.results_all, { n: found.length });
}

/* ---- Changing the plan ------------------------------------------------------------------- */

function changed(focus = null) {
  save();
  return render(focus);
}

function addBlock(block) {
  plan.blocks.push(keyed(block));
  const scheduled = changed();
  const row = scheduled.rows[scheduled.rows.length - 1];
  announce(format(L.added, { title: row.title, start: shownClock(row.start), end: shownClock(row.end), finish: shownClock(scheduled.end) }));
  return scheduled;
}

function blockIndex(key) {
  return plan.blocks.findIndex((block) => block.key === key);
}

function move(key, delta, action) {
  const from = blockIndex(key);
  const to = from + delta;
  const title = lastSchedule.rows[from].title;
  if (to < 0 || to >= plan.blocks.length) {
    announce(format(L.at_edge, { title, position: from + 1, count: plan.blocks.length }));
    return;
  }
  const [block] = plan.blocks.splice(from, 1);
  plan.blocks.splice(to, 0, block);
  const scheduled = changed({ key, attribute: "action", value: action });
  announce(format(L.moved, { title, position: to + 1, count: plan.blocks.length, start: shownClock(scheduled.rows[to].start) }));
}

function removeBlock(key) {
  const index = blockIndex(key);
  const title = lastSchedule.rows[index].title;
  plan.blocks.splice(index, 1);
  changed();
  // Focus to the block that took its place, else the one before, else the search field.
  const next = plan.blocks[index] || plan.blocks[index - 1];
  const target = next ? root.querySelector(`[data-key="${next.key}"] [data-action="remove"]`) : $("[data-kv-search]");
  target.focus();
  announce(format(L.removed, { title }));
}

function editBlock(input) {
  const key = input.closest("[data-key]").dataset.key;
  const block = plan.blocks[blockIndex(key)];
  const field = input.dataset.field;
  if (field === "version") {
    if (input.value === "own") block.minutes = lastSchedule.rows[blockIndex(key)].minutes;
    else {
      delete block.minutes;
      block.version = input.value;
    }
    changed({ key, attribute: "field", value: input.value === "own" ? "minutes" : "version" });
  } else if (field === "minutes") {
    const minutes = Number(input.value);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > model.MAX_MINUTES) return;
    block.minutes = minutes;
    changed({ key, attribute: "field", value: "minutes" });
  }
}

/* Typing a custom block's title or note: kept as typed, the title redrawn in place. */
function typeInBlock(input) {
  const item = input.closest("[data-key]");
  const block = plan.blocks[blockIndex(item.dataset.key)];
  block[input.dataset.field] = input.value;
  save();
  if (input.dataset.field === "title") item.querySelector(".kv-plan__title").textContent = input.value;
}

/* ---- Events ------------------------------------------------------------------------------ */

const blocksList = $("[data-kv-blocks]");
blocksList.addEventListener("click", (event) => {
  const target = event.target.closest("[data-action]");
  if (!target) return;
  const key = target.closest("[data-key]").dataset.key;
  if (target.dataset.action === "remove") removeBlock(key);
  else move(key, target.dataset.action === "up" ? -1 : 1, target.dataset.action);
});
blocksList.addEventListener("change", (event) => {
  if (placing || !event.target.isConnected) return;
  if (["version", "minutes"].includes(event.target.dataset.field)) editBlock(event.target);
});
blocksList.addEventListener("input", (event) => {
  if (["title", "note"].includes(event.target.dataset.field)) typeInBlock(event.target);
});

// Dragging by the handle; the move buttons do the same by keyboard and touch.
let dragged = null;
blocksList.addEventListener("dragstart", (event) => {
  const item = event.target.closest("[data-key]");
  if (!item) return;
  dragged = item.dataset.key;
  event.dataTransfer.effectAllowed = "move";
  event.dataTransfer.setData("text/plain", dragged);
  event.dataTransfer.setDragImage(item, 20, 20);
  item.classList.add("kv-plan__block--dragged");
});
blocksList.addEventListener("dragover", (event) => {
  if (dragged !== null) event.preventDefault();
});
blocksList.addEventListener("drop", (event) => {
  event.preventDefault();
  const over = event.target.closest("[data-key]");
  if (dragged === null || !over || over.dataset.key === dragged) return;
  const box = over.getBoundingClientRect();
  const from = blockIndex(dragged);
  const [block] = plan.blocks.splice(from, 1);
  let to = blockIndex(over.dataset.key) + (event.clientY > box.top + box.height / 2 ? 1 : 0);
  plan.blocks.splice(to, 0, block);
  const scheduled = changed();
  to = blockIndex(block.key);
  announce(format(L.moved, { title: scheduled.rows[to].title, position: to + 1, count: plan.blocks.length, start: shownClock(scheduled.rows[to].start) }));
});
blocksList.addEventListener("dragend", () => {
  dragged = null;
  blocksList.querySelectorAll(".kv-plan__block--dragged").forEach((item) => item.classList.remove("kv-plan__block--dragged"));
});

root.querySelectorAll("[data-kv-setting]").forEach((input) => {
  const name = input.dataset.kvSetting;
  input.addEventListener(name === "title" ? "input" : "change", () => {
    if (name === "title") plan.title = input.value;
    else if (name === "date") {
      if (input.value) plan.date = input.value;
      else delete plan.date;
    } else if (name === "start") {
      if (!/^\d\d:\d\d$/.test(input.value)) return;
      plan.start = input.value;
    } else {
      const target = input.value === "" ? null : Number(input.value);
      if (target !== null && !(Number.isInteger(target) && target >= 0 && target <= 1440)) return;
      plan.target = target || null;
    }
    save();
    render();
    if (name === "title") $(`[data-kv-plan-select] option[value="${currentId}"]`).textContent = planTitle(plan);
  });
});

$("[data-kv-search]").addEventListener("input", renderResults);
$("[data-kv-details]").addEventListener("change", (event) => {
  blocksList.classList.toggle("kv-plan--details", event.target.checked);
});
$("[data-kv-results]").addEventListener("click", (event) => {
  const target = event.target.closest("[data-add]");
  if (target) addBlock({ type: "exercise", id: target.dataset.add, version: "full" });
});
$("[data-kv-add-break]").addEventListener("click", () => {
  const minutes = Number($("[data-kv-break-minutes]").value) || 15;
  addBlock({ type: "break", minutes: Math.min(Math.max(Math.round(minutes), 1), model.MAX_MINUTES) });
});
$("[data-kv-add-custom]").addEventListener("click", () => {
  const titleField = $("[data-kv-custom-title]");
  if (!titleField.value.trim()) {
    titleField.focus();
    return;
  }
  const minutes = Number($("[data-kv-custom-minutes]").value) || 30;
  const block = { type: "custom", title: titleField.value.trim(), minutes: Math.min(Math.max(Math.round(minutes), 1), model.MAX_MINUTES) };
  const note = $("[data-kv-custom-note]").value.trim();
  if (note) block.note = note;
  addBlock(block);
  titleField.value = "";
  $("[data-kv-custom-note]").value = "";
});

$("[data-kv-dismiss]").addEventListener("click", () => {
  $("[data-kv-problems]").hidden = true;
  $("[data-kv-problem-list]").replaceChildren();
  $("[data-kv-search]").focus();
});

$("[data-kv-plan-select]").addEventListener("change", (event) => {
  load(event.target.value, plans.get(event.target.value), "saved");
  save();
  renderSettings();
  render();
  announce(format(L.plan_opened, { title: planTitle(plan) }));
});
$("[data-kv-new-plan]").addEventListener("click", () => {
  load(plans.newId(), model.newPlan(L.default_title), "saved");
  save();
  renderSettings();
  renderPlanList();
  render();
  $("#kv-plan-title").focus();
  announce(L.new_plan_made);
});
$("[data-kv-delete-plan]").addEventListener("click", () => {
  const title = planTitle(plan);
  plans.remove(currentId);
  const other = plans.ids()[0];
  if (other) load(other, plans.get(other), "saved");
  else load(plans.newId(), model.newPlan(L.default_title), "saved");
  save();
  renderSettings();
  renderPlanList();
  render();
  announce(format(L.plan_deleted, { title }));
});

$("[data-kv-print]").addEventListener("click", () => window.print());
// The live timer runs the plan as it stands: every block with its steps and minutes.
// Its code loads on the first click: most visits never start it.
$("[data-kv-run-live]").addEventListener("click", async (event) => {
  const blocks = model.toTimerBlocks(plan, exercises, lang, names);
  if (!blocks.length) {
    announce(L.run_live_empty);
    return;
  }
  const opener = event.currentTarget;
  const { mountTimer } = await import("./lib/timer.js");
  mountTimer(document.body, blocks, labelsFor("timer"), { onClose: () => opener.focus() });
});
$("[data-kv-copy]").addEventListener("click", async () => {
  const field = $("[data-kv-share-url]");
  field.value = shareUrl();
  try {
    await navigator.clipboard.writeText(field.value);
    announce(L.link_copied);
  } catch (error) {
    field.focus();
    field.select();
    announce(L.link_selected);
  }
});

function fileName(extension) {
  const base = planTitle(plan).toLocaleLowerCase(lang).normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${base || "plan"}.${extension}`;
}

$("[data-kv-export]").addEventListener("click", () => {
  const name = fileName("json");
  downloadFile(name, JSON.stringify(plans.store.exportData([`plan-${currentId}`]), null, 2));
  announce(format(L.exported, { file: name }));
});

$("[data-kv-import]").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  event.target.value = "";
  if (!file) return;
  try {
    const stored = plans.store.parseExport(await readFile(file));
    const found = Object.entries(stored).filter(([key]) => key.startsWith("plan-"));
    if (!found.length) {
      showProblems([L.no_plan_in_file]);
      return;
    }
    found.forEach(([, raw]) => {
      load(plans.newId(), raw, "file");
      save();
    });
    renderSettings();
    renderPlanList();
    render();
    if ($("[data-kv-problems]").hidden) announce(format(L.imported, { title: planTitle(plan) }));
  } catch (error) {
    const code = error instanceof StoreError ? error.code : "damaged";
    showProblems([code === "not-ours" ? L.not_ours : code === "version" ? L.file_version : L.damaged_file]);
  }
});

$("[data-kv-ics]").addEventListener("click", () => {
  if (!plan.date) {
    announce(L.ics_needs_date);
    $("#kv-plan-date").focus();
    return;
  }
  const scheduled = model.schedule(plan, exercises, lang, names);
  const agenda = scheduled.rows.map((row) => `${shownClock(row.start)} ${row.title} (${format(L.minutes, { n: row.minutes })})`);
  const name = fileName("ics");
  downloadFile(name, calendarFile({
    title: planTitle(plan), date: plan.date, start: scheduled.start, minutes: scheduled.total,
    description: [...agenda, "", shareUrl()].join("\n"),
  }), "text/calendar");
  announce(format(L.ics_made, { file: name }));
});

$("[data-kv-clear]").addEventListener("click", () => {
  $("[data-kv-confirm]").hidden = false;
  $("[data-kv-clear-no]").focus();
});
$("[data-kv-clear-no]").addEventListener("click", () => {
  $("[data-kv-confirm]").hidden = true;
  $("[data-kv-clear]").focus();
});
$("[data-kv-clear-yes]").addEventListener("click", () => {
  plans.store.erase();
  load(plans.newId(), model.newPlan(L.default_title), "saved");
  save();
  renderSettings();
  renderPlanList();
  render();
  $("[data-kv-confirm]").hidden = true;
  $("[data-kv-clear]").focus();
  announce(L.cleared);
});

if (!data) showProblems([L.no_data]);
start();
