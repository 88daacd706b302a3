/* A facilitation timer for running a session live: the current block and step, the
   time left in digits readable on a projected screen, what to say, and what comes next.

   mountTimer(container, blocks, labels?, options?) opens it as a modal <dialog> inside
   `container` and returns {element, close(), state()}.
     blocks:  [{title, minutes, steps: [{title, minutes, say}]}]; a block without steps
              (a break, an own block) runs as one step of its own minutes, with its
              `note` (if any) as the text to say.
     labels:  the texts of macros/labels/js/timer.<lang>.yml; by default labelsFor("timer"),
              so a page that mounts the timer loads the "timer" labels (kv_modules).
     options: {onClose()}.

   Time is computed from timestamps (Date.now() now minus when the step was started,
   plus what was banked before a pause), never from counted ticks: the interval only
   redraws. A tab in the background runs its timers seldom and a sleeping laptop not
   at all; the next redraw still shows the right time. Date.now(), not
   performance.now(): the group keeps working while the laptop sleeps, and
   performance.now() stands still during sleep on some systems.

   A reload must not lose the session: the run (step, banked time, minutes added, when
   the step started) is kept in the "timer" store under a key made from the steps, and
   the next mount of the same steps within RESUME_HOURS goes on from there. Closing the
   timer ends the run and forgets it. */

import { format, labelsFor } from "./labels.js";
import { openStore } from "./store.js";

const REDRAW_MS = 250;
const MINUTE = 60000;
const RESUME_HOURS = 12;

/* Every step in the order it is run, with the block it belongs to. */
export function flattenSteps(blocks) {
  const steps = [];
  blocks.forEach((block, blockIndex) => {
    const own = block.steps && block.steps.length ? block.steps : [{ title: block.title, minutes: block.minutes, say: block.note || "" }];
    own.forEach((step, stepIndex) => {
      steps.push({
        blockIndex,
        blockTitle: block.title,
        stepIndex,
        stepCount: own.length,
        title: step.title,
        minutes: Number(step.minutes) || 0,
        say: step.say || "",
      });
    });
  });
  return steps;
}

/* 754 s -> "12:34", 3720 s -> "1:02:00". */
export function clockText(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n) => String(n).padStart(2, "0");
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/* The key a run of these steps is kept under: the same session's steps give the same key. */
export function runKey(steps) {
  const text = JSON.stringify(steps.map((step) => [step.blockTitle, step.title, step.minutes]));
  let hash = 5381;
  for (let i = 0; i < text.length; i += 1) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return `run:${hash.toString(36)}`;
}

/* A kept run, if it fits these steps and is recent enough to be the same session. */
function usableSnapshot(saved, steps, now) {
  const fits = (list) => Array.isArray(list) && list.length === steps.length && list.every((n) => Number.isFinite(n) && n >= 0);
  if (!saved || !fits(saved.spent) || !fits(saved.added)) return null;
  if (!Number.isInteger(saved.current) || saved.current < 0 || saved.current >= steps.length) return null;
  if (!(now - saved.savedAt >= 0 && now - saved.savedAt < RESUME_HOURS * 3600 * 1000)) return null;
  if (saved.since !== null && !(saved.since <= now)) return null;
  return saved;
}

/* The run's state: which step, how long each step has run, minutes added. */
function createRun(steps, now, saved = null) {
  const spent = saved ? [...saved.spent] : steps.map(() => 0); // ms banked per step while it was not running
  const added = saved ? [...saved.added] : steps.map(() => 0); // minutes added per step
  let current = saved ? saved.current : 0;
  let since = saved ? saved.since : null; // timestamp the current step last started running, or null when stopped
  let started = saved ? Boolean(saved.started) : false;

  function bank() {
    if (since !== null) {
      spent[current] += Math.max(0, now() - since); // a clock set back never gives negative time
      since = now();
    }
  }

  return {
    get current() {
      return current;
    },
    get running() {
      return since !== null;
    },
    get started() {
      return started;
    },
    added: (i = current) => added[i],
    allowance: (i = current) => (steps[i].minutes + added[i]) * MINUTE,
    elapsed(i = current) {
      return spent[i] + (i === current && since !== null ? Math.max(0, now() - since) : 0);
    },
    start() {
      if (since === null) since = now();
      started = true;
    },
    pause() {
      bank();
      since = null;
    },
    addMinute() {
      added[current] += 1;
    },
    go(index) {
      if (index < 0 || index >= steps.length || index === current) return false;
      const running = since !== null;
      bank();
      current = index;
      since = running ? now() : null;
      return true;
    },
    snapshot: () => ({ savedAt: now(), current, spent: [...spent], added: [...added], since, started }),
  };
}

/* Builds an element: el("p", {class: "x"}, "text", child). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === true) node.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value);
  });
  node.append(...children);
  return node;
}

/* A short chime made on the device (Web Audio): no file, no request. */
function chime(audio) {
  const start = audio.currentTime + 0.05;
  [659.25, 783.99, 1046.5].forEach((frequency, i) => {
    const at = start + i * 0.22;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = "sine";
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
    tone.connect(gain).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.65);
  });
}

let mounted = 0; // unique ids when a page mounts the timer more than once

export function mountTimer(container, blocks, labels = labelsFor("timer"), options = {}) {
  const steps = flattenSteps(blocks);
  if (!steps.length) throw new Error("mountTimer: no steps to run");
  const store = openStore("timer", 1);
  const key = runKey(steps);
  const saved = usableSnapshot(store.get(key), steps, Date.now());
  const run = createRun(steps, () => Date.now(), saved);
  const keep = () => {
    store.set(key, run.snapshot());
    if (saved) showMessage(null); // "went on from where it was" is news only until the first action
  };
  const AudioContextClass = window.AudioContext || window.webkitAudioContext;
  let audio = null;
  let soundOn = Boolean(AudioContextClass) && store.get("sound", false) === true;
  const cued = steps.map(() => false); // the step's end has been signalled
  const opener = document.activeElement;
  const id = `kv-timer-${(mounted += 1)}`;
  const multiBlock = blocks.length > 1;
  const t = (key, values = {}) => format(labels[key], values);

  /* ---- The panel ---- */
  const kicker = el("span", { class: "kv-timer__kicker", id: `${id}-kicker` }, t("timer"));
  const position = el("span", { class: "kv-timer__position" });
  const blockTitle = el("h2", { class: "kv-timer__block", id: `${id}-title` });
  const closeButton = el("button", { type: "button", class: "kv-timer__button kv-timer__close", "aria-keyshortcuts": "Escape" }, t("close"));
  const stepTitle = el("p", { class: "kv-timer__step" });
  const stepMinutes = el("span", { class: "kv-timer__minutes" });
  const status = el("span", { class: "kv-timer__status" });
  const digits = el("span", { class: "kv-timer__digits" });
  const bar = el("span", { class: "kv-timer__bar-fill" });
  const sayText = el("span");
  const say = el("blockquote", { class: "kv-timer__say" }, el("p", {}, el("strong", {}, `${t("say")}: `), sayText));
  const nextText = el("span");
  const next = el("p", { class: "kv-timer__next" }, el("strong", {}, `${t("next_up")}: `), nextText);
  const backButton = el("button", { type: "button", class: "kv-timer__button", "aria-keyshortcuts": "ArrowLeft PageUp" },
    el("span", { class: "kv-timer__arrow", "aria-hidden": "true" }, "← "), t("back"));
  const playButton = el("button", { type: "button", class: "kv-timer__button kv-timer__play", "aria-keyshortcuts": "Space" });
  const addButton = el("button", { type: "button", class: "kv-timer__button", "aria-keyshortcuts": "+" }, t("add_minute"));
  const nextButton = el("button", { type: "button", class: "kv-timer__button", "aria-keyshortcuts": "ArrowRight PageDown" },
    t("next"), el("span", { class: "kv-timer__arrow", "aria-hidden": "true" }, " →"));
  const fullButton = el("button", { type: "button", class: "kv-timer__button", "aria-keyshortcuts": "F" });
  const soundBox = el("input", { type: "checkbox", id: `${id}-sound`, class: "kv-timer__check" });
  const soundNote = el("span", { class: "kv-timer__note", hidden: true }, t("sound_this_visit"));
  const message = el("p", { class: "kv-timer__message", hidden: true });
  const live = el("p", { class: "kv-timer__live", "aria-live": "polite" });

  const shortcut = (keys, action) => el("li", {}, ...keys.flatMap((key, i) => [i ? " / " : "", el("kbd", {}, key)]), ` ${action}`);
  const shortcuts = el("div", { class: "kv-timer__shortcuts" },
    el("p", { class: "kv-timer__shortcuts-title", id: `${id}-keys` }, `${t("shortcuts")}:`),
    el("ul", { "aria-labelledby": `${id}-keys` },
      shortcut([t("key_space")], t("key_play")),
      shortcut(["→", "PgDn"], t("key_next")),
      shortcut(["←", "PgUp"], t("key_back")),
      shortcut(["+"], t("key_add")),
      shortcut(["F"], t("key_full")),
      shortcut(["Esc"], t("key_close"))));

  const panel = el("div", { class: "kv-timer__panel" },
    el("header", { class: "kv-timer__head" },
      el("div", { class: "kv-timer__where" }, el("p", { class: "kv-timer__meta" }, kicker, " ", position), blockTitle),
      closeButton),
    el("div", { class: "kv-timer__now" },
      el("p", { class: "kv-timer__step-line" }, stepTitle, stepMinutes),
      el("p", { class: "kv-timer__time" }, status, digits),
      el("span", { class: "kv-timer__bar", "aria-hidden": "true" }, bar),
      say),
    next,
    el("div", { class: "kv-timer__footer" },
      el("div", { class: "kv-timer__controls" }, backButton, playButton, addButton, nextButton, fullButton),
      AudioContextClass
        ? el("p", { class: "kv-timer__sound" }, soundBox, el("label", { for: `${id}-sound` }, t("sound")), soundNote)
        : ""),
    message,
    shortcuts,
    live);
  const dialog = el("dialog", { class: "kv-timer", "aria-labelledby": `${id}-kicker ${id}-title` }, panel);
  // The timer panel becomes full screen (a <dialog> itself may not).
  const canFullscreen = Boolean(document.fullscreenEnabled && panel.requestFullscreen);
  fullButton.hidden = !canFullscreen;
  soundBox.checked = soundOn;

  /* ---- Drawing ---- */
  function stepName(i) {
    const step = steps[i];
    return multiBlock && step.stepCount > 1 ? `${step.blockTitle}: ${step.title}` : step.title;
  }

  function drawStep() {
    const i = run.current;
    const step = steps[i];
    position.textContent = [
      multiBlock ? t("block_of", { n: step.blockIndex + 1, total: blocks.length }) : "",
      step.stepCount > 1 || !multiBlock ? t("step_of", { n: step.stepIndex + 1, total: step.stepCount }) : "",
    ].filter(Boolean).join(" · ");
    blockTitle.textContent = step.blockTitle;
    stepTitle.textContent = step.title;
    say.hidden = !step.say;
    sayText.textContent = step.say ? `”${step.say}”` : "";
    nextText.textContent = i + 1 < steps.length
      ? `${stepName(i + 1)} (${t("minutes", { n: steps[i + 1].minutes })})`
      : t("last_step");
    const focused = document.activeElement;
    backButton.disabled = i === 0;
    nextButton.disabled = i === steps.length - 1;
    // A button that becomes disabled loses focus, and with it the keyboard: keep it inside.
    if (focused && focused.disabled) playButton.focus();
  }

  function draw() {
    const i = run.current;
    const left = run.allowance() - run.elapsed();
    const over = left < 0;
    if (!over) cued[i] = false;
    else if (!cued[i] && run.running) {
      cued[i] = true;
      if (soundOn) playChime();
    }
    const seconds = over ? Math.floor(-left / 1000) : Math.ceil(left / 1000);
    digits.textContent = (over ? "+" : "") + clockText(seconds);
    const state = !run.started ? "not_started" : run.running ? "" : "paused";
    status.textContent = [state ? t(state) : "", t(over ? "overtime" : "time_left")].filter(Boolean).join(" · ");
    const added = run.added();
    stepMinutes.textContent = added
      ? t("minutes_added", { n: steps[i].minutes, added })
      : t("minutes", { n: steps[i].minutes });
    panel.dataset.state = state || "running";
    panel.dataset.over = String(over);
    const done = run.allowance() ? Math.min(1, run.elapsed() / run.allowance()) : 1;
    bar.style.setProperty("--kv-done", done.toFixed(4)); // CSSOM, allowed by the page's CSP
    playButton.textContent = t(!run.started ? "start" : run.running ? "pause" : "resume");
  }

  /* Said once per step change (polite), never per second. */
  function announce() {
    const step = steps[run.current];
    live.textContent = t("announce", {
      n: run.current + 1,
      total: steps.length,
      title: stepName(run.current),
      minutes: t("minutes", { n: step.minutes }),
    });
  }

  function showMessage(key) {
    message.textContent = key ? t(key) : "";
    message.hidden = !key;
  }

  /* ---- Actions ---- */
  function playChime() {
    try {
      if (audio && audio.state === "suspended") audio.resume();
      if (audio) chime(audio);
    } catch (error) {
      /* a sound that cannot play must not stop the timer */
    }
  }

  function wakeAudio() {
    // Browsers allow sound only after a click or key press: make the context then.
    if (!soundOn || !AudioContextClass) return;
    try {
      audio = audio || new AudioContextClass();
      if (audio.state === "suspended") audio.resume();
    } catch (error) {
      audio = null;
    }
  }

  function togglePlay() {
    if (run.running) run.pause();
    else {
      wakeAudio();
      run.start();
    }
    keep();
    draw();
  }

  function go(index) {
    if (!run.go(index)) return;
    keep();
    drawStep();
    draw();
    announce();
  }

  function addMinute() {
    run.addMinute();
    keep();
    draw();
  }

  async function toggleFullscreen() {
    if (!canFullscreen) return;
    showMessage(null);
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await panel.requestFullscreen({ navigationUI: "hide" });
    } catch (error) {
      showMessage("fullscreen_failed");
    }
  }

  function drawFullscreen() {
    const full = document.fullscreenElement === panel;
    fullButton.textContent = t(full ? "exit_fullscreen" : "fullscreen");
    panel.classList.toggle("kv-timer__panel--full", full);
  }

  let timer = null;
  function close() {
    if (!dialog.isConnected) return;
    store.remove(key); // closing ends the run; a reload does not
    window.clearInterval(timer);
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("visibilitychange", draw);
    document.removeEventListener("fullscreenchange", drawFullscreen);
    if (document.fullscreenElement === panel) document.exitFullscreen().catch(() => {});
    if (audio) audio.close().catch(() => {});
    document.documentElement.classList.remove("kv-timer-open");
    if (dialog.open) dialog.close();
    dialog.remove();
    if (opener && opener.isConnected && typeof opener.focus === "function") opener.focus();
    if (options.onClose) options.onClose();
  }

  backButton.addEventListener("click", () => go(run.current - 1));
  nextButton.addEventListener("click", () => go(run.current + 1));
  playButton.addEventListener("click", togglePlay);
  addButton.addEventListener("click", addMinute);
  fullButton.addEventListener("click", toggleFullscreen);
  closeButton.addEventListener("click", close);
  soundBox.addEventListener("change", () => {
    soundOn = soundBox.checked;
    soundNote.hidden = store.set("sound", soundOn);
    wakeAudio();
  });
  // Esc closes the dialog (in full screen the browser takes Esc to leave full screen first).
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    close();
  });
  // Was the focused control last reached by pointer (clicked) rather than by Tab?
  let pointerFocus = false;
  panel.addEventListener("pointerdown", () => {
    pointerFocus = true;
  });
  function onKey(event) {
    if (!dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Tab") pointerFocus = false;
    const target = event.target;
    const control = target instanceof Element && target.matches("button, input");
    let action = null;
    if (event.key === " ") {
      // Space presses a control reached by keyboard, as usual; otherwise (nothing
      // focused, or a button just clicked with the mouse) it starts and pauses.
      if (!control || target === playButton || pointerFocus) action = togglePlay;
    } else if (event.key === "ArrowRight" || event.key === "PageDown") action = () => go(run.current + 1);
    else if (event.key === "ArrowLeft" || event.key === "PageUp") action = () => go(run.current - 1);
    else if (event.key === "+") action = addMinute;
    else if (event.key === "f" || event.key === "F") action = toggleFullscreen;
    if (action) {
      event.preventDefault();
      action();
    }
  }
  // On the document: with focus on nothing (the body) keys still reach the timer.
  document.addEventListener("keydown", onKey);
  document.addEventListener("visibilitychange", draw);
  document.addEventListener("fullscreenchange", drawFullscreen);

  container.append(dialog);
  document.documentElement.classList.add("kv-timer-open");
  drawStep();
  draw();
  drawFullscreen();
  if (saved) {
    showMessage("resumed");
    live.textContent = t("resumed");
  }
  dialog.showModal();
  playButton.focus();
  timer = window.setInterval(draw, REDRAW_MS);

  return {
    element: dialog,
    close,
    /* What the timer shows, for the page that mounted it. */
    state: () => ({
      step: run.current,
      running: run.running,
      elapsedMs: run.elapsed(),
      allowanceMs: run.allowance(),
    }),
  };
}
