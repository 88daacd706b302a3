/* The planner's plans on this device (lib/store.js, feature "planner"): one key per
   plan, "plan-<id>", holding the plan in the share format, and "current", the id
   of the plan the planner opens with. The planner and the "add to plan" buttons on
   other pages (plan-add.js) share them. */
import { openStore } from "./store.js";

export const PLAN_PREFIX = "plan-";

export function openPlans() {
  const store = openStore("planner", 1);
  return {
    store,
    ids() {
      return store.keys().filter((key) => key.startsWith(PLAN_PREFIX)).map((key) => key.slice(PLAN_PREFIX.length));
    },
    get(id) {
      return store.get(PLAN_PREFIX + id);
    },
    put(id, plan) {
      return store.set(PLAN_PREFIX + id, plan);
    },
    remove(id) {
      store.remove(PLAN_PREFIX + id);
    },
    current() {
      const id = store.get("current");
      return typeof id === "string" && store.get(PLAN_PREFIX + id) ? id : null;
    },
    setCurrent(id) {
      store.set("current", id);
    },
    newId() {
      return Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
    },
  };
}
