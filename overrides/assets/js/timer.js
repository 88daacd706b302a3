/* The exercise page's "start the timer" button: runs the exercise's steps live
   (lib/timer.js). The steps come from the page (#kv-timer-steps, rendered from the
   exercise file in the page's language). The planner mounts the same timer itself. */
import { labelsFor } from "./lib/labels.js";
import { mountTimer } from "./lib/timer.js";

const data = document.getElementById("kv-timer-steps");
if (data) {
  const blocks = JSON.parse(data.textContent);
  let open = null;
  document.querySelectorAll("[data-kv-timer-open]").forEach((button) => {
    button.addEventListener("click", () => {
      if (open) return;
      open = mountTimer(document.body, blocks, labelsFor("timer"), { onClose: () => { open = null; } });
    });
  });
}
