/* The discussion templates' forms (macros/templates/template_form.html.j2).

   What is typed is kept on this device only: store "forms", key "<template>:<lang>",
   value {template, title, saved, answers: {field name: text}}. It saves as the
   person types (debounced), restores on the next visit, fills the print-only copies
   (a textarea on paper never cuts text off), exports a Word document and a file that
   imports back, and clears everything after a confirmation. When storage is disabled
   or full the form still works for the visit and says so. */
import { format, labelsFor, pageLanguage } from "./lib/labels.js";
import { StoreError, downloadFile, openStore, readFile } from "./lib/store.js";
import { DOCX_TYPE, docx } from "./lib/docx.js";

const STORE_VERSION = 1;
const SAVE_DELAY = 400; // ms after the last keystroke

function twoDigits(n) {
  return String(n).padStart(2, "0");
}

function clock(date) {
  return `${date.getHours()}.${twoDigits(date.getMinutes())}`;
}

/* "2026-12-03" (an <input type="date"> value) -> "3.12.2026", as both languages write it. */
function shownDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
  return match ? `${Number(match[3])}.${Number(match[2])}.${match[1]}` : value || "";
}

function today() {
  const now = new Date();
  return `${now.getFullYear()}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}`;
}

/* The page's h1 without its permalink sign. */
function pageTitle() {
  const heading = (document.querySelector(".md-content h1") || document.createElement("h1")).cloneNode(true);
  heading.querySelectorAll(".headerlink").forEach((link) => link.remove());
  return heading.textContent.trim();
}

function setUp(root) {
  const t = labelsFor("forms");
  const lang = pageLanguage();
  const definition = JSON.parse(root.querySelector(".kv-form__data").textContent);
  const form = root.querySelector("form");
  const status = root.querySelector(".kv-form__status");
  const fileInput = root.querySelector(".kv-form__file");
  const dialog = root.querySelector(".kv-form__dialog");
  const title = pageTitle();
  const store = openStore("forms", STORE_VERSION);
  const key = `${definition.id}:${lang}`;
  let timer = null;

  const problem = document.createElement("p");
  problem.className = "kv-form__problem";
  problem.hidden = true;
  root.querySelector(".kv-form__status").before(problem);

  function showProblem(code) {
    if (!code) return;
    problem.textContent = t[code] || t.unavailable;
    problem.hidden = false;
  }

  function controls() {
    return [...form.elements].filter((element) => element.name);
  }

  function answers() {
    const values = {};
    controls().forEach((element) => {
      if (element.type === "radio") {
        if (element.checked) values[element.name] = element.value;
      } else if (element.value.trim()) {
        values[element.name] = element.value;
      }
    });
    return values;
  }

  function copyFor(name) {
    return root.querySelector(`[data-kv-copy="${CSS.escape(name)}"]`);
  }

  /* The print-only copy of a field: its text in full, or lines to write on. */
  function updateCopy(element) {
    const paper = copyFor(element.name);
    if (!paper) return;
    const text = element.type === "date" ? shownDate(element.value) : element.value;
    paper.querySelector(".kv-paper__text").textContent = text;
    paper.classList.toggle("kv-paper--filled", Boolean(text.trim()));
  }

  function fill(values) {
    controls().forEach((element) => {
      const value = Object.prototype.hasOwnProperty.call(values, element.name) ? String(values[element.name]) : "";
      if (element.type === "radio") element.checked = element.value === value;
      else element.value = value;
      updateCopy(element);
    });
  }

  function say(text) {
    status.textContent = text;
  }

  function save() {
    clearTimeout(timer);
    timer = null;
    const now = new Date();
    const kept = store.set(key, { template: definition.id, title, saved: now.toISOString(), answers: answers() });
    say(format(kept ? t.saved : t.saved_visit, { time: clock(now) }));
  }

  form.addEventListener("input", (event) => {
    updateCopy(event.target);
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY);
  });
  form.addEventListener("change", (event) => {
    if (event.target.type === "radio") save();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  // Leaving the page before the delay is over still keeps the last keystrokes.
  window.addEventListener("pagehide", () => {
    if (timer) save();
  });

  /* A confirmation as a modal dialog: Tab stays inside, Escape cancels. */
  function confirmStep(titleText, text, confirmText) {
    return new Promise((resolve) => {
      const opener = document.activeElement;
      dialog.querySelector("#kv-form-dialog-title").textContent = titleText;
      dialog.querySelector("#kv-form-dialog-text").textContent = text;
      const yes = dialog.querySelector('[data-kv-dialog="confirm"]');
      const no = dialog.querySelector('[data-kv-dialog="cancel"]');
      yes.textContent = confirmText;
      no.textContent = t.cancel;
      const finish = (answer) => {
        yes.removeEventListener("click", onYes);
        no.removeEventListener("click", onNo);
        dialog.removeEventListener("close", onClose);
        if (dialog.open) dialog.close();
        if (opener && opener.focus) opener.focus();
        resolve(answer);
      };
      const onYes = () => finish(true);
      const onNo = () => finish(false);
      const onClose = () => finish(false);
      yes.addEventListener("click", onYes);
      no.addEventListener("click", onNo);
      dialog.addEventListener("close", onClose);
      dialog.showModal();
      no.focus(); // the safe choice first
    });
  }

  function fileName(extension) {
    return `${definition.id}-${today()}.${extension}`;
  }

  function wordBlocks() {
    const values = answers();
    const answered = (field) => Object.keys(values).some((name) => name === field.id || name.startsWith(field.id + "."));
    const partsWithAnswers = definition.parts.filter((part) =>
      part.sections.some((section) => section.fields.some(answered)));
    const parts = partsWithAnswers.length ? partsWithAnswers : definition.parts;
    const blocks = [{ heading: title, level: 0 }, { text: format(t.docx_exported, { date: shownDate(today()) }), italic: true }];
    const empty = { text: `(${t.no_answer})`, italic: true };
    parts.forEach((part) => {
      blocks.push({ heading: part.title, level: 1 });
      part.sections.forEach((section) => {
        blocks.push({ heading: section.title, level: 2 });
        section.fields.forEach((field) => {
          blocks.push({ heading: field.label, level: 3 });
          const value = values[field.id];
          if (field.type === "goals") {
            const rows = [];
            for (let n = 1; n <= field.max; n += 1) {
              const cells = ["what", "measure", "date"].map((column) => values[`${field.id}.${n}.${column}`] || "");
              if (cells.some(Boolean)) rows.push([String(n), cells[0], cells[1], shownDate(cells[2])]);
            }
            if (rows.length) blocks.push({ table: [["", field.columns.what, field.columns.measure, field.columns.date], ...rows] });
            else blocks.push(empty);
          } else if (field.type === "rating") {
            const scale = field.scale;
            blocks.push(value
              ? { text: `${value} (${scale.min} = ${scale.low}, ${scale.max} = ${scale.high})` }
              : empty);
          } else {
            blocks.push(value ? { text: field.type === "date" ? shownDate(value) : value } : empty);
          }
        });
      });
    });
    return blocks;
  }

  async function importFile(file) {
    let data;
    try {
      data = store.parseExport(await readFile(file));
    } catch (error) {
      const code = error instanceof StoreError ? error.code : "damaged";
      say(format(t[`import_${code.replace("-", "_")}`] || t.import_damaged, { file: file.name }));
      return;
    }
    const values = Object.values(data).filter((value) => value && typeof value === "object");
    const mine = values.find((value) => value.template === definition.id);
    if (!mine) {
      const other = values.find((value) => typeof value.template === "string");
      say(other
        ? format(t.import_other, { title: other.title || other.template })
        : format(t.import_damaged, { file: file.name }));
      return;
    }
    const known = new Set(controls().map((element) => element.name));
    const incoming = {};
    Object.entries(mine.answers || {}).forEach(([name, value]) => {
      // Fields a later version removed are left out; every value is text.
      if (known.has(name) && (typeof value === "string" || typeof value === "number")) incoming[name] = String(value);
    });
    if (Object.keys(answers()).length && !(await confirmStep(t.import_title, t.import_text, t.import_confirm))) return;
    fill(incoming);
    save();
    say(format(t.imported, { file: file.name }));
  }

  const actions = {
    print: () => window.print(),
    docx: () => {
      const name = fileName("docx");
      downloadFile(name, new Blob([docx(wordBlocks(), { title, lang: `${lang}-FI` })], { type: DOCX_TYPE }));
      say(format(t.exported, { file: name }));
    },
    export: () => {
      if (timer) save();
      if (!store.get(key)) save();
      const name = fileName("json");
      downloadFile(name, JSON.stringify(store.exportData([key]), null, 2));
      say(format(t.exported, { file: name }));
    },
    import: () => fileInput.click(),
    clear: async () => {
      if (!(await confirmStep(t.clear_title, t.clear_text, t.clear_confirm))) return;
      clearTimeout(timer);
      timer = null;
      store.remove(key);
      fill({});
      say(t.cleared);
    },
  };
  root.querySelectorAll("[data-kv-action]").forEach((button) => {
    button.addEventListener("click", () => actions[button.dataset.kvAction]());
  });
  fileInput.addEventListener("change", () => {
    const file = fileInput.files[0];
    fileInput.value = "";
    if (file) importFile(file);
  });

  store.onProblem(showProblem);
  showProblem(store.problem);
  const kept = store.get(key);
  if (kept && kept.answers) {
    fill(kept.answers);
    say(t.restored);
  } else {
    controls().forEach(updateCopy);
  }
  root.querySelector(".kv-form__no-script").hidden = true;
  root.querySelector(".kv-form__kept").hidden = false;
  root.querySelector(".kv-form__actions").hidden = false;
  document.documentElement.classList.add("kv-forms-ready");
}

document.querySelectorAll("[data-kv-form]").forEach(setUp);
