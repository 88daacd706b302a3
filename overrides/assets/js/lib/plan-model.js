/* The session plan as data, and what the planner computes from it: each block's
   minutes and clock time, the end time, the target check, the materials, the
   preparation, the handouts, and the blocks for the live timer.
   Pure functions: no DOM, no storage, so the computation is easy to test and fast
   (tools/bench.py times adding a block with 420 exercises).

   A plan (the share-link format, lib/plan-link.js):
   {v: 1, title, start: "09:00", target: 210 | null, date?: "2026-12-03", blocks: [
     {type: "exercise", id, version: "full" | "short"} | {type: "exercise", id, minutes},
     {type: "break", minutes}, {type: "custom", title, minutes, note?}]}
   A custom title or note is a plain string or {fi: "…", sv: "…"}. */

export const PLAN_VERSION = 1;
export const DEFAULT_START = "09:00";
export const MAX_MINUTES = 480;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function newPlan(title = "") {
  return { v: PLAN_VERSION, title, start: DEFAULT_START, target: null, blocks: [] };
}

/* {id: exercise} from the generated data (assets/planner/exercises.<lang>.js). */
export function indexExercises(data) {
  const byId = new Map();
  ((data && data.exercises) || []).forEach((exercise) => byId.set(exercise.id, exercise));
  return byId;
}

/* A text that may be given per language: the reader's language, else any other. */
export function textIn(value, lang) {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    if (typeof value[lang] === "string" && value[lang]) return value[lang];
    const other = Object.values(value).find((text) => typeof text === "string" && text);
    if (other) return other;
  }
  return "";
}

function isText(value) {
  return typeof value === "string" || (value && typeof value === "object" && !Array.isArray(value) && textIn(value, ""));
}

function wholeMinutes(value, min = 1, max = MAX_MINUTES) {
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/* Checks a plan read from a link, a file or the device. Returns the plan it could
   read and the problems, each {code, ...}: "damaged" (nothing readable), "version"
   (another format version: what could be read is kept), "unknown-exercise" {id},
   "no-short" {title}, "bad-block" {number}, "bad-start", "bad-target". A bad block
   is left out; the rest of the plan is kept. */
export function readPlan(raw, exercises) {
  const problems = [];
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { plan: null, problems: [{ code: "damaged" }] };
  if (raw.v !== PLAN_VERSION) problems.push({ code: "version" });
  const plan = newPlan(typeof raw.title === "string" ? raw.title.slice(0, 120) : "");
  if (raw.start !== undefined) {
    if (typeof raw.start === "string" && TIME.test(raw.start)) plan.start = raw.start;
    else problems.push({ code: "bad-start" });
  }
  if (raw.target !== undefined && raw.target !== null) {
    const target = wholeMinutes(raw.target, 0, 1440);
    if (target === null) problems.push({ code: "bad-target" });
    else plan.target = target;
  }
  if (typeof raw.date === "string" && DATE.test(raw.date)) plan.date = raw.date;
  if (!Array.isArray(raw.blocks)) {
    if (raw.blocks !== undefined) problems.push({ code: "damaged" });
    return { plan, problems };
  }
  raw.blocks.forEach((block, index) => {
    const number = index + 1;
    if (!block || typeof block !== "object") {
      problems.push({ code: "bad-block", number });
      return;
    }
    if (block.type === "exercise") {
      const exercise = typeof block.id === "string" ? exercises.get(block.id) : null;
      if (!exercise) {
        problems.push(typeof block.id === "string" ? { code: "unknown-exercise", id: block.id } : { code: "bad-block", number });
        return;
      }
      const kept = { type: "exercise", id: block.id };
      if (block.minutes !== undefined) {
        const minutes = wholeMinutes(block.minutes);
        if (minutes === null) problems.push({ code: "bad-block", number });
        else kept.minutes = minutes;
      }
      if (kept.minutes === undefined) {
        if (block.version === "short" && exercise.short) kept.version = "short";
        else {
          if (block.version === "short") problems.push({ code: "no-short", title: exercise.title });
          else if (block.version !== undefined && block.version !== "full") problems.push({ code: "bad-block", number });
          kept.version = "full";
        }
      }
      plan.blocks.push(kept);
    } else if (block.type === "break") {
      const minutes = wholeMinutes(block.minutes);
      if (minutes === null) problems.push({ code: "bad-block", number });
      else plan.blocks.push({ type: "break", minutes });
    } else if (block.type === "custom") {
      const minutes = wholeMinutes(block.minutes);
      if (minutes === null || !isText(block.title)) {
        problems.push({ code: "bad-block", number });
        return;
      }
      const kept = { type: "custom", title: block.title, minutes };
      if (block.note !== undefined && isText(block.note)) kept.note = block.note;
      plan.blocks.push(kept);
    } else {
      problems.push({ code: "bad-block", number });
    }
  });
  return { plan, problems };
}

/* The plan in the share format: only the fields the format names (no screen state). */
export function sharedPlan(plan) {
  const shared = { v: PLAN_VERSION, title: plan.title || "", start: plan.start, target: plan.target };
  if (plan.date) shared.date = plan.date;
  shared.blocks = plan.blocks.map((block) => {
    if (block.type === "exercise") {
      return block.minutes ? { type: "exercise", id: block.id, minutes: block.minutes } : { type: "exercise", id: block.id, version: block.version || "full" };
    }
    if (block.type === "break") return { type: "break", minutes: block.minutes };
    const custom = { type: "custom", title: block.title, minutes: block.minutes };
    if (block.note !== undefined && textIn(block.note, "")) custom.note = block.note;
    return custom;
  });
  return shared;
}

export function toMinutes(time) {
  const match = TIME.exec(time || "") || TIME.exec(DEFAULT_START);
  return Number(match[1]) * 60 + Number(match[2]);
}

/* "HH:MM" for minutes since midnight (a session past midnight wraps). */
export function clock(minutes) {
  const day = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(day / 60)).padStart(2, "0")}:${String(day % 60).padStart(2, "0")}`;
}

function sum(steps) {
  return steps.reduce((total, step) => total + step.minutes, 0);
}

/* Steps stretched or shrunk to a length the trainer set, whole minutes that add up
   to it exactly (cumulative rounding), at least one minute each where possible. */
export function fitSteps(steps, minutes) {
  const total = sum(steps);
  if (!steps.length || total === minutes) return steps.map((step) => ({ ...step }));
  let done = 0;
  let shown = 0;
  return steps.map((step, index) => {
    done += step.minutes;
    const until = index === steps.length - 1 ? minutes : Math.round((done * minutes) / total);
    const length = Math.max(until - shown, 0);
    shown += length;
    return { ...step, minutes: length };
  });
}

/* The minutes, steps and warnings of one block. */
export function blockParts(block, exercise, lang, names = {}) {
  if (block.type === "exercise") {
    const full = sum(exercise.steps);
    const base = block.version === "short" && exercise.short ? exercise.short : { minutes: full, steps: exercise.steps };
    const minutes = block.minutes || base.minutes;
    const warnings = [];
    if (block.minutes && (minutes < exercise.min || minutes > exercise.max)) {
      warnings.push({ code: "out-of-range", min: exercise.min, max: exercise.max });
    }
    return { title: exercise.title, minutes, steps: fitSteps(base.steps, minutes), warnings, exercise };
  }
  if (block.type === "break") {
    const title = names.break || "";
    return { title, minutes: block.minutes, steps: [{ title, minutes: block.minutes }], warnings: [] };
  }
  const title = textIn(block.title, lang);
  const note = textIn(block.note, lang);
  return { title, note, minutes: block.minutes, steps: [{ title, minutes: block.minutes, do: note }], warnings: [] };
}

/* Every block's clock times, the end time and the target check. */
export function schedule(plan, exercises, lang, names = {}) {
  const start = toMinutes(plan.start);
  let at = start;
  const rows = plan.blocks.map((block) => {
    const parts = blockParts(block, block.type === "exercise" ? exercises.get(block.id) : null, lang, names);
    let stepAt = at;
    const steps = parts.steps.map((step) => {
      const timed = { ...step, start: stepAt };
      stepAt += step.minutes;
      return timed;
    });
    const row = { block, ...parts, steps, start: at, end: at + parts.minutes };
    at = row.end;
    return row;
  });
  const total = at - start;
  const target = plan.target || null;
  return { rows, start, end: at, total, target, difference: target ? total - target : 0 };
}

function uniqueBy(items, key) {
  const seen = new Set();
  return items.filter((item) => {
    const name = key(item);
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

/* Materials of all exercise blocks, each once (same text, any case or spacing). */
export function materials(rows) {
  const all = rows.flatMap((row) => (row.exercise ? row.exercise.materials : []));
  return uniqueBy(all, (text) => text.trim().replace(/\s+/g, " ").toLocaleLowerCase());
}

export function preparation(rows) {
  return uniqueBy(rows.filter((row) => row.exercise && row.exercise.prep), (row) => row.exercise.id)
    .map((row) => ({ title: row.exercise.title, items: row.exercise.prep }));
}

export function handouts(rows) {
  return uniqueBy(rows.filter((row) => row.exercise && row.exercise.handouts), (row) => row.exercise.id)
    .map((row) => ({ title: row.exercise.title, url: `${row.exercise.url}#handouts` }));
}

/* The plan as the live timer's blocks (lib/timer.js mountTimer(container, blocks, labels)):
   [{title, minutes, steps: [{title, minutes, say}]}]; a break or a custom block is one step. */
export function toTimerBlocks(plan, exercises, lang, names = {}) {
  return schedule(plan, exercises, lang, names).rows.map((row) => ({
    title: row.title,
    minutes: row.minutes,
    steps: row.steps.map((step) => ({ title: step.title, minutes: step.minutes, say: step.say || "" })),
  }));
}
