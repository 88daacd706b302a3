/* "Add to plan" buttons outside the planner (each catalog row, each exercise page):
   the exercise goes to the end of the current plan on this device, and a polite
   message says so, with a link to the planner. Without JavaScript the buttons are
   hidden (.no-js in site.css). When the device keeps nothing (private mode), the
   link carries the plan itself (#plan=…), so the planner still gets it.
   The plan code loads on the first click, not with the page. */
import { format, labelsFor } from "./lib/labels.js";

const labels = labelsFor("plan-add");
const status = document.querySelector("[data-kv-plan-added]");
const plannerLink = document.querySelector("[data-kv-planner-link]");
let plans, newPlan, sharedPlan, planHash;

async function loadPlanCode() {
  if (plans) return;
  const [store, model, link] = await Promise.all([
    import("./lib/plan-store.js"), import("./lib/plan-model.js"), import("./lib/plan-link.js")]);
  ({ newPlan, sharedPlan } = model);
  ({ planHash } = link);
  plans = store.openPlans();
}

function currentPlan() {
  const id = plans.current();
  const plan = id ? plans.get(id) : null;
  if (plan && Array.isArray(plan.blocks)) return { id, plan };
  return { id: plans.newId(), plan: newPlan(labels.default_title) };
}

async function add(button) {
  await loadPlanCode();
  const { id, plan } = currentPlan();
  plan.blocks.push({ type: "exercise", id: button.dataset.kvAddToPlan, version: "full" });
  const kept = plans.put(id, plan);
  plans.setCurrent(id);
  const title = button.dataset.kvTitle;
  const message = format(labels.added, { title, plan: plan.title || labels.default_title, n: plan.blocks.length });
  if (!status || !plannerLink) return;
  const link = plannerLink.cloneNode(true);
  link.hidden = false;
  link.removeAttribute("data-kv-planner-link");
  // Kept on the device: the planner opens it. Not kept: the link carries the plan.
  link.href = plannerLink.getAttribute("href").split("#")[0] + (kept ? "" : planHash(sharedPlan(plan)));
  status.textContent = `${message} ${kept ? "" : labels.not_kept} `;
  status.append(link);
}

document.querySelectorAll("[data-kv-add-to-plan]").forEach((button) => {
  button.addEventListener("click", () => add(button));
});
