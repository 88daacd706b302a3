/* The exercise page's "start the timer" button: runs the exercise's steps live
   (lib/timer.js). The steps come from the page (#kv-timer-steps, rendered from the
   exercise file in the page's language). The planner mounts the same timer itself.
   The timer's code loads on the first click: most readers of the page never start it. */
import { labelsFor } from "./lib/labels.js";

const data = document.getElementById("kv-timer-steps");
if (data) {
  const blocks = JSON.parse(data.textContent);
  let open = null;
  document.querySelectorAll("[data-kv-timer-open]").forEach((button) => {
    button.addEventListener("click", async () => {
      if (open) return;
      open = true; // a second click while the code loads opens no second timer
      const { mountTimer } = await import("./lib/timer.js");
      open = mountTimer(document.body, blocks, labelsFor("timer"), { onClose: () => { open = null; } });
    });
  });
}
