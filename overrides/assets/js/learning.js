/* Keep learning: a lesson's reflections, "done" mark, task ticks and self-rating;
   progress on the self-study home and module pages; the "my learning" summary.

   Everything stays on this device (lib/store.js, feature "learning", version 1):
     name                      the learner's name, for the summary
     last:<lang>               the lesson opened last, e.g. "change/finding-footing"
     lesson:<lang>:<lesson>    {opened, done: "YYYY-MM-DD" | null,
                                reflections: {key: {question, answer}},
                                tasks: {index: true}, ratings: {row: {statement, value, of}}}
   The modules and lessons come from the page (#kv-learning-data, macros/learning.py),
   so a new module needs no change here. */
import { downloadFile, openStore, readFile } from "./lib/store.js";
import { format, labelsFor } from "./lib/labels.js";

const L = labelsFor("learning");
const store = openStore("learning", 1);
const dataBlock = document.getElementById("kv-learning-data");
const site = dataBlock ? JSON.parse(dataBlock.textContent) : null;
const OLD_TASK_PREFIX = "kv-task:"; // site.js kept ticks as kv-task:<pathname>:<index> before

function lessonKey(id) {
  return `lesson:${site.lang}:${id}`;
}

function readLesson(id) {
  const saved = store.get(lessonKey(id), {});
  return { opened: null, done: null, reflections: {}, tasks: {}, ratings: {}, ...saved };
}

function changeLesson(id, change) {
  const lesson = readLesson(id);
  change(lesson);
  return store.set(lessonKey(id), lesson);
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function showDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(year, month - 1, day).toLocaleDateString(L.locale);
}

function lessonUrl(lesson) {
  return site.root + lesson.url;
}

function allLessons() {
  return site.modules.flatMap((module) => module.lessons.map((lesson) => ({ ...lesson, module })));
}

function hasContent(lesson) {
  return Boolean(lesson.done) || Object.values(lesson.reflections).some((r) => r.answer && r.answer.trim());
}

/* ---- Storage disabled or full: say so once, at the top of the page ------------- */
function setUpProblemMessage() {
  const heading = document.querySelector(".md-content h1");
  const box = document.createElement("div");
  box.className = "kv-learning-problem";
  box.setAttribute("role", "status");
  (heading || document.querySelector(".md-content")).after(box);
  function show(code) {
    box.textContent = code === "full" ? L.problem_full : L.problem_unavailable;
    box.classList.add("kv-learning-problem--shown");
  }
  // Filled after the region exists, so screen readers announce it.
  if (store.problem) requestAnimationFrame(() => show(store.problem));
  store.onProblem(show);
}

/* ---- Ticks kept by the old site.js: moved into the store once, then removed ----- */
function migrateOldTicks() {
  let storage;
  try {
    storage = window.localStorage;
    if (!storage || store.problem) return;
  } catch (error) {
    return;
  }
  const byPath = new Map();
  allLessons().forEach((lesson) => {
    const path = new URL(lessonUrl(lesson), location.href).pathname;
    byPath.set(path, lesson.id);
    if (path.endsWith("/")) byPath.set(`${path}index.html`, lesson.id);
  });
  const old = [];
  for (let i = 0; i < storage.length; i += 1) {
    const name = storage.key(i);
    if (name && name.startsWith(OLD_TASK_PREFIX)) old.push(name);
  }
  old.forEach((name) => {
    const rest = name.slice(OLD_TASK_PREFIX.length);
    const cut = rest.lastIndexOf(":");
    const id = byPath.get(rest.slice(0, cut));
    if (!id) return; // another language's lesson: moved when one of its pages opens
    if (storage.getItem(name) === "1") {
      changeLesson(id, (lesson) => {
        lesson.tasks[rest.slice(cut + 1)] = true;
      });
    }
    storage.removeItem(name);
  });
}

/* ---- A lesson ---------------------------------------------------------------- */
function savedText() {
  if (store.problem) return L.answer_for_visit;
  const time = new Date().toLocaleTimeString(L.locale, { hour: "2-digit", minute: "2-digit" });
  return format(L.answer_saved, { time });
}

function setUpReflections(id) {
  const kept = readLesson(id).reflections;
  document.querySelectorAll("[data-kv-reflection]").forEach((block) => {
    const key = block.getAttribute("data-kv-reflection");
    const field = block.querySelector("textarea");
    const status = block.querySelector("[data-kv-status]");
    const copy = block.querySelector("[data-kv-print-copy]");
    const question = block.querySelector("label").textContent.trim();
    field.value = (kept[key] && kept[key].answer) || "";
    copy.textContent = field.value;
    let timer = null;
    function save() {
      timer = null;
      changeLesson(id, (lesson) => {
        lesson.reflections[key] = { question, answer: field.value };
      });
      copy.textContent = field.value;
      status.textContent = savedText();
    }
    // Kept as it is typed; the status speaks after a pause, not on every key.
    field.addEventListener("input", () => {
      copy.textContent = field.value;
      clearTimeout(timer);
      timer = setTimeout(save, 400);
    });
    field.addEventListener("blur", () => {
      if (timer) {
        clearTimeout(timer);
        save();
      }
    });
    window.addEventListener("pagehide", () => timer && save());
  });
}

function setUpDoneMark(id) {
  const block = document.querySelector("[data-kv-done]");
  if (!block) return;
  const status = block.querySelector("[data-kv-done-status]");
  const button = block.querySelector("[data-kv-done-button]");
  function show() {
    const done = readLesson(id).done;
    status.textContent = done ? format(L.done_on, { date: showDate(done) }) : L.not_done;
    button.textContent = done ? L.unmark_done : L.mark_done;
    block.classList.toggle("kv-done--done", Boolean(done));
  }
  button.addEventListener("click", () => {
    changeLesson(id, (lesson) => {
      lesson.done = lesson.done ? null : today();
    });
    show();
  });
  show();
}

/* Each task's text joins its tick box's <label>, so a tap on the text ticks it. */
function setUpTasks(id) {
  const kept = readLesson(id).tasks;
  document.querySelectorAll(".md-typeset .task-list-item").forEach((item, index) => {
    const label = item.querySelector(":scope > .task-list-control");
    const box = label && label.querySelector("input[type=checkbox]");
    if (!box) return;
    const text = document.createElement("span");
    text.className = "kv-task__text";
    [...item.childNodes].forEach((node) => {
      if (node !== label && !(node.nodeType === 1 && node.matches("ul, ol"))) text.append(node);
    });
    label.append(text);
    item.classList.add("kv-task");
    box.removeAttribute("aria-label");
    box.checked = Boolean(kept[index]);
    box.addEventListener("change", () => {
      changeLesson(id, (lesson) => {
        if (box.checked) lesson.tasks[index] = true;
        else delete lesson.tasks[index];
      });
    });
  });
}

/* The self-rating table stays for print and for reading without JavaScript; on
   screen each statement becomes a group of radio buttons with the statement as its
   legend. A choice is also marked in the table, so it prints. */
function setUpRatings(id) {
  const heading = document.getElementById("self-check");
  if (!heading) return;
  let table = null;
  for (let node = heading.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
    table = node.matches("table") ? node : node.querySelector("table");
    if (table) break;
  }
  if (!table) return;
  const scale = [...table.querySelectorAll("thead th")].slice(1).map((th) => th.textContent.trim());
  const kept = readLesson(id).ratings;
  const form = document.createElement("div");
  form.className = "kv-rating";
  table.querySelectorAll("tbody tr").forEach((row, index) => {
    const cells = [...row.children];
    const statement = cells[0].textContent.trim();
    const group = document.createElement("fieldset");
    group.className = "kv-rating__item";
    const legend = document.createElement("legend");
    legend.textContent = statement;
    const options = document.createElement("div");
    options.className = "kv-rating__options";
    group.append(legend, options);
    function mark(value) {
      cells.slice(1).forEach((cell, i) => {
        cell.textContent = scale[i] === value ? "✕" : "";
        cell.classList.toggle("kv-rating__marked", scale[i] === value);
      });
    }
    scale.forEach((value) => {
      const option = document.createElement("label");
      option.className = "kv-rating__option";
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = `kv-rating-${index}`;
      radio.value = value;
      radio.checked = Boolean(kept[index] && kept[index].value === value);
      radio.addEventListener("change", () => {
        changeLesson(id, (lesson) => {
          lesson.ratings[index] = { statement, value, of: scale[scale.length - 1] };
        });
        mark(value);
      });
      const text = document.createElement("span");
      text.textContent = value;
      option.append(radio, text);
      options.append(option);
    });
    if (kept[index]) mark(kept[index].value);
    form.append(group);
  });
  const wrapper = table.closest(".md-typeset__scrollwrap") || table;
  wrapper.classList.add("kv-rating__table");
  wrapper.after(form);
}

function setUpLesson(id) {
  changeLesson(id, (lesson) => {
    lesson.opened = new Date().toISOString();
  });
  store.set(`last:${site.lang}`, id);
  setUpReflections(id);
  setUpDoneMark(id);
  setUpTasks(id);
  setUpRatings(id);
}

/* ---- Progress: the self-study home (all modules) or one module page ------------ */
function setUpProgress(box) {
  const lessons = allLessons().filter((lesson) => !site.module || lesson.module.id === site.module);
  const done = lessons.filter((lesson) => readLesson(lesson.id).done).length;
  box.querySelector("[data-kv-progress-count]").textContent = format(L.progress_count, { done, total: lessons.length });
  const lastId = store.get(`last:${site.lang}`);
  // On a module page: the lesson of this module opened last.
  const opened = lessons
    .map((lesson) => ({ lesson, at: readLesson(lesson.id).opened }))
    .filter((entry) => entry.at)
    .sort((a, b) => (a.at < b.at ? 1 : -1));
  const last = lessons.find((lesson) => lesson.id === lastId) || (opened[0] && opened[0].lesson);
  const lastLine = box.querySelector("[data-kv-progress-last]");
  const link = box.querySelector("[data-kv-continue]");
  if (last) {
    lastLine.textContent = `${L.last_opened} `;
    const title = document.createElement("strong");
    title.textContent = site.module ? last.title : `${last.title} (${last.module.title})`;
    lastLine.append(title);
    link.textContent = L.continue;
    link.href = lessonUrl(last);
  } else if (lessons.length) {
    lastLine.textContent = L.nothing_opened;
    link.textContent = L.start;
    link.href = lessonUrl(lessons[0]);
  }
  link.hidden = !lessons.length;
}

/* ---- The summary -------------------------------------------------------------- */
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderSummary(body) {
  body.replaceChildren();
  let shown = 0;
  site.modules.forEach((module) => {
    const states = module.lessons.map((lesson) => ({ lesson, state: readLesson(lesson.id) }));
    const relevant = states.filter(({ state }) => hasContent(state));
    if (!relevant.length) return;
    shown += 1;
    const section = element("section", "kv-summary__module");
    section.append(element("h2", "", module.title));
    const doneDates = states.map(({ state }) => state.done).filter(Boolean).sort();
    section.append(element("p", "kv-summary__count", format(L.lessons_done, { done: doneDates.length, total: states.length })));
    if (doneDates.length === states.length) {
      section.append(element("p", "kv-summary__module-done", format(L.module_done, { date: showDate(doneDates[doneDates.length - 1]) })));
    }
    relevant.forEach(({ lesson, state }) => {
      const item = element("article", "kv-summary__lesson");
      const title = element("h3", "");
      const link = element("a", "", lesson.title);
      link.href = lessonUrl(lesson);
      title.append(link);
      item.append(title);
      item.append(element("p", "kv-summary__when", state.done ? format(L.lesson_done, { date: showDate(state.done) }) : L.lesson_started));
      const answers = Object.values(state.reflections).filter((r) => r.answer && r.answer.trim());
      if (answers.length) {
        item.append(element("h4", "", L.reflections));
        const list = element("dl", "kv-summary__reflections");
        answers.forEach((reflection) => {
          list.append(element("dt", "", reflection.question), element("dd", "", reflection.answer));
        });
        item.append(list);
      }
      const ratings = Object.values(state.ratings);
      if (ratings.length) {
        item.append(element("h4", "", L.ratings));
        const list = element("ul", "kv-summary__ratings");
        ratings.forEach((rating) => list.append(element("li", "", `${rating.statement} ${rating.value}/${rating.of}`)));
        item.append(list);
      }
      section.append(item);
    });
    body.append(section);
  });
  if (!shown) body.append(element("p", "kv-summary__empty", L.empty));
}

function setUpSummary(summary) {
  const body = summary.querySelector("[data-kv-summary-body]");
  const name = summary.querySelector("[data-kv-name]");
  const nameCopy = summary.querySelector("[data-kv-name-copy]");
  const status = summary.querySelector("[data-kv-summary-status]");
  const fileInput = summary.querySelector("[data-kv-import]");
  summary.querySelector("[data-kv-compiled]").textContent = format(L.compiled_on, { date: showDate(today()) });

  function refresh() {
    name.value = store.get("name", "");
    nameCopy.textContent = `${L.name_label}: ${name.value}`;
    renderSummary(body);
  }
  name.addEventListener("input", () => {
    store.set("name", name.value);
    nameCopy.textContent = `${L.name_label}: ${name.value}`;
  });
  summary.querySelector("[data-kv-print]").addEventListener("click", () => window.print());
  summary.querySelector("[data-kv-export]").addEventListener("click", () => {
    const fileName = `${L.file_name}-${today()}.json`;
    downloadFile(fileName, JSON.stringify(store.exportData(), null, 2));
    status.textContent = format(L.exported, { file: fileName });
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    fileInput.value = "";
    if (!file) return;
    try {
      const data = store.parseExport(await readFile(file));
      if (!window.confirm(L.confirm_import)) {
        status.textContent = L.import_cancelled;
        return;
      }
      store.erase();
      store.importData(data);
      refresh();
      status.textContent = L.imported;
    } catch (error) {
      status.textContent = L[`error_${String(error.code || "damaged").replace("-", "_")}`] || L.error_damaged;
    }
  });
  summary.querySelector("[data-kv-clear]").addEventListener("click", () => {
    if (!window.confirm(L.confirm_clear)) return;
    store.erase();
    refresh();
    status.textContent = L.cleared;
  });
  refresh();
}

function start() {
  if (!site) return;
  setUpProblemMessage();
  migrateOldTicks();
  if (site.lesson) setUpLesson(site.lesson);
  document.querySelectorAll("[data-kv-progress]").forEach(setUpProgress);
  document.querySelectorAll("[data-kv-summary]").forEach(setUpSummary);
}

start();
